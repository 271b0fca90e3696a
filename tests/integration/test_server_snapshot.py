# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The server_snapshot role, run by real ansible-playbook against the emulator; assertions read its request log."""
import datetime
import json

import pytest

from ncloud_emulator.seed import default_seed

CREATE_ACTIONS = ('createMemberServerImage', 'createMemberServerImageInstance', 'createServerImage')
DELETE_ACTIONS = ('deleteMemberServerImages', 'deleteMemberServerImageInstances', 'deleteServerImage')
MUTATING_ACTIONS = CREATE_ACTIONS + DELETE_ACTIONS + ('stopServerInstances', 'startServerInstances')
# The list action of each VPC image API and its image number list parameter (what the role's wait polls).
VPC_IMAGE_LISTS = {'getMemberServerImageInstanceList': 'memberServerImageInstanceNoList',
                   'getServerImageList': 'serverImageNoList'}
FAST_POLL = {'server_snapshot_poll_interval': 1}


def today():
    return datetime.datetime.now(datetime.timezone.utc).strftime('%Y%m%d')


def role_task(servers, platform=None, **role_vars):
    task = {'name': 'Snapshot %s' % ', '.join(servers),
            'ansible.builtin.include_role': {'name': 'ncloud.compute.server_snapshot'},
            'vars': dict(FAST_POLL, server_snapshot_servers=servers, **role_vars)}
    if platform:
        # module_defaults is a block keyword (include_role does not take it).
        return {'block': [task], 'module_defaults': {'group/ncloud.compute.ncloud': {'platform': platform}}}
    return task


def snapshot(ansible_runner, *tasks, check=False):
    """Run the role tasks in one play; returns (run, facts) where facts are the role's result facts, even after a failure."""
    facts_file = ansible_runner.temp_dir / 'facts.json'
    facts_file.unlink(missing_ok=True)
    dump = {'name': 'Dump the role facts', 'check_mode': False, 'changed_when': False, 'ansible.builtin.copy': {
        'dest': str(facts_file),
        'content': "{{ {'images': server_snapshot_images | default(None), 'deleted': server_snapshot_deleted_images | default(None),"
                   " 'failures': server_snapshot_failures | default(None)} | to_json }}"}}
    play = [{'hosts': 'localhost', 'gather_facts': False, 'tasks': [{'block': list(tasks), 'always': [dump]}]}]
    run = ansible_runner.run_playbook(json.dumps(play) + '\n', check=check)
    assert facts_file.exists(), run.output
    return run, json.loads(facts_file.read_text(encoding='utf-8'))


def requests(emulator, actions):
    return [entry for entry in emulator.log if entry['action'] in actions]


def created_names(emulator):
    return sorted(entry['params'].get('memberServerImageName') or entry['params'].get('serverImageName')
                  for entry in requests(emulator, CREATE_ACTIONS))


def numbered(entry, list_param):
    """The image numbers a list request asked for (its flattened list parameter)."""
    return sorted(value for name, value in entry['params'].items() if name.startswith(list_param + '.'))


def image_names(emulator):
    return {image['name'] for image in emulator.state.images.values()}


def test_one_server_gets_its_image_named_for_today(emulator, ansible_runner):
    run, facts = snapshot(ansible_runner, role_task(['db-xen-1']))

    assert run.rc == 0, run.output
    name = 'snap-db-xen-1-' + today()
    assert created_names(emulator) == [name]
    [image] = facts['images']
    assert (image['server_name'], image['private_image_name'], image['private_image_status_name']) == ('db-xen-1', name, 'created')
    assert image['original_server_instance_no'] == '20345601' and image['image_api'] == 'vpc_member'
    assert 'db-xen-1: %s (%s) created, new' % (name, image['private_image_no']) in run.stdout


def test_servers_of_every_kind_by_name_and_number_with_one_play_per_platform(emulator, ansible_runner):
    run = snapshot(ansible_runner,
                   role_task(['db-xen-1', '20345603'], platform='vpc'),   # XEN by name, KVM by number
                   role_task(['ext-test'], platform='classic'))[0]

    assert run.rc == 0, run.output
    stamp = today()
    by_action = dict((entry['action'], entry) for entry in requests(emulator, CREATE_ACTIONS))
    assert by_action['createMemberServerImageInstance']['params']['memberServerImageName'] == 'snap-db-xen-1-' + stamp
    assert by_action['createServerImage']['params']['serverImageName'] == 'snap-app-kvm-1-' + stamp
    assert by_action['createMemberServerImage']['params']['memberServerImageName'] == 'snap-ext-test-' + stamp
    assert by_action['createMemberServerImage']['platform'] == 'classic'
    images = [image for image in emulator.state.images.values() if image['name'].endswith('-' + stamp)]
    assert sorted(image['status'] for image in images) == ['CREAT'] * 3


def test_rerun_in_the_same_period_creates_nothing(emulator, ansible_runner):
    first = snapshot(ansible_runner, role_task(['db-xen-1', 'app-kvm-1']))[0]
    assert first.rc == 0, first.output
    emulator.clear_log()

    second, facts = snapshot(ansible_runner, role_task(['db-xen-1', 'app-kvm-1']))

    assert second.rc == 0, second.output
    assert requests(emulator, MUTATING_ACTIONS) == []
    assert 'changed=0' in second.stdout
    assert [image['private_image_status_name'] for image in facts['images']] == ['created', 'created']
    assert second.stdout.count('already there') == 2


def test_missing_and_failed_servers_do_not_stop_the_others_and_fail_the_play_once(emulator, ansible_runner):
    emulator.inject('createMemberServerImageInstance', 'image-fail')

    run, facts = snapshot(ansible_runner, role_task(['db-xen-1', 'no-such-server', 'app-kvm-1']))

    assert run.rc != 0
    assert created_names(emulator) == sorted(['snap-db-xen-1-' + today(), 'snap-app-kvm-1-' + today()])
    assert [image['server_name'] for image in facts['images']] == ['app-kvm-1']
    assert [failure['server'] for failure in facts['failures']] == ['db-xen-1', 'no-such-server']
    assert 'failed to create' in facts['failures'][0]['reason']
    assert run.stdout.count('fatal:') == 1, run.output
    assert 'Snapshots failed for 2 of 3 servers: db-xen-1: image snap-db-xen-1-' in run.stdout
    assert 'no-such-server: no server has this name or number' in run.stdout


@pytest.mark.emulator(timings={'image_create_seconds': 30})
def test_an_image_still_creating_at_the_timeout_fails_the_play(emulator, ansible_runner):
    run, facts = snapshot(ansible_runner, role_task(['db-xen-1'], server_snapshot_wait_timeout=2))

    assert run.rc != 0
    assert 'was still creating after 2 seconds' in facts['failures'][0]['reason']


def rotation_seed():
    """db-xen-1 (20345601) with three of the role's older images and foreign ones that look alike."""
    seed = default_seed()
    seed['images'] += [
        {'no': '40001', 'name': 'snap-db-xen-1-20240101', 'api': 'vpc_member', 'server_no': '20345601', 'create_date': '2024-01-01T09:00:00+0900'},
        {'no': '40002', 'name': 'snap-db-xen-1-2024020112', 'api': 'vpc_member', 'server_no': '20345601', 'create_date': '2024-02-01T21:00:00+0900'},
        {'no': '40003', 'name': 'snap-db-xen-1-20240301', 'api': 'vpc_member', 'server_no': '20345601', 'create_date': '2024-03-01T09:00:00+0900'},
        # Foreign: another prefix, a hand-made name, the same name pattern taken from another server.
        {'no': '40011', 'name': 'keep-db-xen-1-20231201', 'api': 'vpc_member', 'server_no': '20345601', 'create_date': '2023-12-01T09:00:00+0900'},
        {'no': '40012', 'name': 'snap-db-xen-1-manual', 'api': 'vpc_member', 'server_no': '20345601', 'create_date': '2023-12-02T09:00:00+0900'},
        {'no': '40013', 'name': 'snap-db-xen-1-20231203', 'api': 'vpc_member', 'server_no': '20345602', 'create_date': '2023-12-03T09:00:00+0900'},
        # KVM server images name no original server: the name alone makes them the role's.
        {'no': '40021', 'name': 'snap-app-kvm-1-20240101', 'api': 'vpc_server', 'server_no': '20345603', 'create_date': '2024-01-01T09:00:00+0900'},
    ]
    return seed


FOREIGN = {'40011', '40012', '40013', '4102001', '5102001'}


@pytest.mark.emulator(seed=rotation_seed())
def test_rotation_deletes_only_the_servers_own_oldest_images(emulator, ansible_runner):
    run, facts = snapshot(ansible_runner, role_task(['db-xen-1', 'app-kvm-1'], server_snapshot_keep=2))

    assert run.rc == 0, run.output
    deleted = sorted(number for entry in requests(emulator, DELETE_ACTIONS)
                     for name, number in entry['params'].items() if 'NoList.' in name)
    assert deleted == ['40001', '40002']
    assert sorted(image['private_image_no'] for image in facts['deleted']) == ['40001', '40002']
    assert FOREIGN <= set(emulator.state.images)
    assert {'snap-db-xen-1-20240301', 'snap-db-xen-1-' + today(), 'snap-app-kvm-1-20240101'} <= image_names(emulator)
    assert 'deleted snap-db-xen-1-20240101, snap-db-xen-1-2024020112' in run.stdout


@pytest.mark.emulator(seed=rotation_seed())
def test_check_mode_shows_what_would_be_created_and_deleted_and_sends_no_change(emulator, ansible_runner):
    run, facts = snapshot(ansible_runner, role_task(['db-xen-1', 'app-kvm-1'], server_snapshot_keep=1), check=True)

    assert run.rc == 0, run.output
    assert requests(emulator, MUTATING_ACTIONS) == []
    old = 'snap-db-xen-1-20240101, snap-db-xen-1-2024020112, snap-db-xen-1-20240301'
    assert 'db-xen-1: would create snap-db-xen-1-%s; would delete %s' % (today(), old) in run.stdout
    assert 'app-kvm-1: would create snap-app-kvm-1-%s; would delete snap-app-kvm-1-20240101' % today() in run.stdout
    assert facts['failures'] == [] and facts['images'] == []


def test_stop_stops_running_servers_snapshots_and_starts_them_again(emulator, ansible_runner):
    # db-xen-1 runs, batch-xen-2 is stopped (seed.json).
    run, facts = snapshot(ansible_runner, role_task(['db-xen-1', 'batch-xen-2'], server_snapshot_stop=True))

    assert run.rc == 0, run.output
    power = [(entry['action'], numbered(entry, 'serverInstanceNoList')) for entry in requests(emulator, ('stopServerInstances', 'startServerInstances'))]
    assert power == [('stopServerInstances', ['20345601']), ('startServerInstances', ['20345601'])]
    assert emulator.state.servers['20345601']['status'] == 'RUN'
    assert emulator.state.servers['20345602']['status'] == 'NSTOP'
    assert [image['private_image_status_name'] for image in facts['images']] == ['created', 'created']


def xen_fleet(count):
    seed = default_seed()
    seed['servers'] += [{'no': str(21000000 + index), 'name': 'fleet-%d' % index, 'kind': 'xen'} for index in range(1, count + 1)]
    return seed


def wait_polls(emulator):
    """The list requests of the role's wait: those that ask for image numbers, per list action."""
    return dict((action, [numbered(entry, param) for entry in requests(emulator, [action]) if numbered(entry, param)])
                for action, param in VPC_IMAGE_LISTS.items())


@pytest.mark.emulator(seed=xen_fleet(5), timings={'image_create_seconds': 2.5})
def test_waiting_costs_one_list_request_per_poll_per_image_api_whatever_the_number_of_servers(emulator, ansible_runner):
    runs = {}
    for count in (1, 5):
        emulator.reset(seed=xen_fleet(5))
        run, facts = snapshot(ansible_runner, role_task(['fleet-%d' % index for index in range(1, count + 1)]))
        assert run.rc == 0, run.output
        assert len(facts['images']) == count
        runs[count] = (wait_polls(emulator), sorted(image['private_image_no'] for image in facts['images']))

    for count, (polls, numbers) in runs.items():
        member_polls = polls['getMemberServerImageInstanceList']
        # Every poll asks for all the images at once, and each image API is asked once per poll.
        assert member_polls and all(asked == numbers for asked in member_polls), polls
        assert len(polls['getServerImageList']) <= len(member_polls)
    # 2.5 s of creation at a 1 s interval: about three polls, for one server as for five.
    assert len(runs[5][0]['getMemberServerImageInstanceList']) <= len(runs[1][0]['getMemberServerImageInstanceList']) + 1
    assert len(runs[5][0]['getMemberServerImageInstanceList']) <= 5
