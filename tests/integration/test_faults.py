# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every fault the emulator can inject, on each of list, create, delete and the wait loop.

Each task ends in the right state with no duplicate and nothing lost, or fails with a clear message; the
emulator's log shows how many attempts were made and over how long (retries are bounded in both).
"""
import time

import pytest

from harness import FAST_TIMINGS
from ncloud_emulator import Emulator
from private_image_support import KVM_RUNNING, XEN_RUNNING, image_task, live_images
from proof_support import (
    MAX_ATTEMPTS, MAX_RETRY_SLEEP, PIPELINED, answered, attempts, crash_of, inject_after, mutating_requests, read_outcome,
    role_play, side_by_side, span, write_json)

LIST = 'getMemberServerImageList'              # the Classic list: private_image_info on platform classic
CREATE = 'createMemberServerImageInstance'     # a XEN server's image
WAIT_LIST = 'getServerImageList'               # a KVM image's wait loop, once its createServerImage is answered
DELETE = 'deleteMemberServerImageInstances'
SEEDED_XEN_IMAGE = '4102001'
REQUEST_TIMEOUT = 2       # seconds per request in these runs; a 'slow' reply takes longer
SLOW_SECONDS = 3
NOT_JSON = 'not JSON'     # the client's words for the proxy's HTML page

# fault -> attempts of the faulted create and delete: a reply lost after sending is never blindly re-sent:
# the client looks, adopts what a lost reply made, and sends again only what certainly did not happen.
CREATES = {'429': 2, '503': 2, '500-1000': 2, 'reset': 2, 'html': 2, 'lost': 1, 'slow': 1}
DELETES = {'429': 2, '503': 2, '500-1000': 2, 'reset': 2, 'html': 2, 'lost': 1, 'slow': 2}
# A 502 page is not a retried status (the client retries 429, 503, 504 and 500 with code 1000 or 900).
FAILS_ON_READ = ('html',)


def with_timeout(task, seconds=REQUEST_TIMEOUT):
    module, args = next(iter(task.items()))
    return {module: dict(args, timeout=seconds)}


def matrix_tasks():
    info = {'ncloud.compute.private_image_info': {'platform': 'classic'}}
    create = image_task(name='fault-create', server_instance_no=XEN_RUNNING, wait_timeout=4)
    wait = image_task(name='fault-wait', server_instance_no=KVM_RUNNING, wait_timeout=8)
    delete = image_task(state='absent', image_no=SEEDED_XEN_IMAGE, wait_timeout=8)
    # The list, the create, the wait and the delete, then each again: a rerun must find what the first run made.
    return [with_timeout(task) for task in (info, create, wait, delete, create, wait, info)]


@pytest.mark.parametrize('fault', sorted(CREATES))
def test_fault_on_list_create_wait_and_delete_ends_right_or_fails_clearly(fault, emulator, ansible_runner):
    classic_images = sorted(no for no, image in emulator.state.images.items() if image['api'] == 'classic_member')
    options = {'delay': SLOW_SECONDS} if fault == 'slow' else {}
    for action in (LIST, CREATE, DELETE):
        emulator.inject(action, fault, **options)
    trigger = inject_after(emulator, answered('createServerImage'), WAIT_LIST, fault, **options)

    run = ansible_runner.run_tasks(matrix_tasks(), extra_env=PIPELINED)

    trigger.join()
    listed, created, waited, deleted, created_again, waited_again, listed_again = run.results
    log = emulator.log
    assert [crash_of(result) for result in run.results] == [None] * len(run.results), run.results
    assert [entry['fault'] for entry in log if entry['fault']].count(fault) == 4, log  # each fault hit once

    # list: retried to a full answer, or a clear failure; nothing lost either way
    if fault in FAILS_ON_READ:
        assert listed['failed'] is True and NOT_JSON in listed['msg'] and '502 Bad Gateway' in listed['msg'], listed
    else:
        assert [image['private_image_no'] for image in listed['private_images']] == classic_images, listed
    assert len(attempts(log, LIST)) == (1 if fault in FAILS_ON_READ else 2) + 1
    # the retry came within one full backoff (a slow reply is logged when it ends, after its retry)
    assert abs(span(attempts(log, LIST)[:2])) <= MAX_RETRY_SLEEP + SLOW_SECONDS
    assert sorted(image['private_image_no'] for image in listed_again['private_images']) == classic_images

    # create: one image, whatever happened to the reply
    assert not created.get('failed') and created['changed'] is True, created
    assert len(attempts(log, CREATE)) == CREATES[fault], [entry['fault'] for entry in attempts(log, CREATE)]
    assert [image['no'] for image in live_images(emulator, 'fault-create')] == [created['private_image']['private_image_no']]
    assert created_again['changed'] is False and created_again['private_image']['private_image_no'] == created['private_image']['private_image_no']

    # wait loop: retried until created, or a clear failure that a rerun resolves without a second image
    if fault in FAILS_ON_READ:
        assert waited['failed'] is True and NOT_JSON in waited['msg'], waited
    else:
        assert not waited.get('failed') and waited['private_image']['private_image_status_name'] == 'created', waited
    assert not waited_again.get('failed') and waited_again['changed'] is False, waited_again
    assert waited_again['private_image']['private_image_status_name'] == 'created'
    assert len(live_images(emulator, 'fault-wait')) == 1

    # delete: gone, sent again only when the first one certainly was not applied
    assert not deleted.get('failed') and deleted['changed'] is True, deleted
    assert SEEDED_XEN_IMAGE not in emulator.state.images
    assert len(attempts(log, DELETE)) == DELETES[fault], [(entry['fault'], entry['status']) for entry in attempts(log, DELETE)]


GIVE_UP_SLOW_SECONDS = 1.5   # past the 1 s timeout of the give-up runs


def persistent_fault_emulator(action, fault, **options):
    emu = Emulator(timings=FAST_TIMINGS).start()
    emu.inject(action, fault, times=1000, **options)
    return emu


def test_persistent_faults_give_up_after_bounded_attempts_and_time(emulator, ansible_runner):
    del emulator  # the fixture's emulator is not used: one emulator per fault keeps their logs apart
    reads = {fault: persistent_fault_emulator('getServerInstanceList', fault, delay=GIVE_UP_SLOW_SECONDS)
             for fault in ('429', '503', '500-1000', 'reset', 'lost', 'slow', 'html')}
    throttled_create = persistent_fault_emulator(CREATE, '429')
    unknown_create = persistent_fault_emulator(CREATE, '503')
    tasks = [{'ncloud.compute.server_info': {'api_url': emu.url, 'timeout': 1}} for emu in reads.values()]
    tasks += [image_task(name='give-up', server_instance_no=XEN_RUNNING, wait_timeout=2, timeout=1, api_url=emu.url)
              for emu in (throttled_create, unknown_create)]
    try:
        # each in its own ansible process, all at once: the give-ups overlap instead of adding up
        finals = side_by_side([lambda task=task: ansible_runner.run_tasks([task], extra_env=PIPELINED).results[0]
                               for task in tasks])
        emulators = list(reads.values()) + [throttled_create, unknown_create]
        time.sleep(GIVE_UP_SLOW_SECONDS)   # a slow reply is logged when it ends, after the client gave up on it
        logs = [emu.log for emu in emulators]
    finally:
        for emu in reads.values():
            emu.stop()
        throttled_create.stop()
        unknown_create.stop()

    assert [crash_of(result) for result in finals] == [None] * len(finals), finals
    assert all(result['failed'] is True for result in finals), finals
    for fault, result, log in zip(reads, finals, logs):
        sent = attempts(log, 'getServerInstanceList')
        if fault in FAILS_ON_READ:
            assert len(sent) == 1 and NOT_JSON in result['msg'], (fault, result)
            continue
        assert len(sent) == MAX_ATTEMPTS, (fault, len(sent))
        assert 'Gave up after %d attempts' % MAX_ATTEMPTS in result['msg'], (fault, result['msg'])
        assert span(sent) <= MAX_RETRY_SLEEP + (MAX_ATTEMPTS - 1) * 1 + 1, (fault, span(sent))

    throttled, unknown = finals[-2:]
    assert 'Gave up after %d attempts' % MAX_ATTEMPTS in throttled['msg'] and CREATE in throttled['msg'], throttled
    assert len(attempts(logs[-2], CREATE)) == MAX_ATTEMPTS
    # A 5xx after sending may have been applied: never re-sent blindly, only after looking found nothing.
    assert 'may have been applied' in unknown['msg'], unknown
    creates = attempts(logs[-1], CREATE)
    assert len(creates) == 2, creates
    looks = [entry for entry in logs[-1] if creates[0]['seq'] < entry['seq'] < creates[1]['seq']]
    assert looks and all(entry['action'] == 'getMemberServerImageInstanceList' for entry in looks)
    assert [image for image in unknown_create.state.images.values() if image['name'] == 'give-up'] == []


def test_image_failure_fails_fast_in_the_module_and_the_role_without_touching_the_rest(emulator, ansible_runner):
    emulator.set_timings(image_create_seconds=1.0)
    emulator.inject(CREATE, 'image-fail', times=2)

    failed_module = ansible_runner.run_tasks(
        [image_task(name='doomed-image', server_instance_no=XEN_RUNNING, wait_timeout=600)], extra_env=PIPELINED).results[0]
    module_log = emulator.log
    outcome = ansible_runner.temp_dir / 'role-outcome.json'
    role_vars = {'server_snapshot_servers': ['db-xen-1', 'app-kvm-1'], 'server_snapshot_name_prefix': 'faulty',
                 'server_snapshot_poll_interval': 1, 'server_snapshot_wait_timeout': 60}
    run = ansible_runner.run_playbook(str(write_json(ansible_runner.temp_dir / 'role.yml', [role_play(role_vars, outcome)])),
                                      extra_env=PIPELINED)

    assert failed_module['failed'] is True and 'CREFL' in failed_module['msg'], failed_module
    doomed = live_images(emulator, 'doomed-image')
    assert len(doomed) == 1 and 'image_no=%s' % doomed[0]['no'] in failed_module['msg']
    # CREFL is seen at the first poll after the failure (1 s after the create): seconds, not the 600 s wait_timeout.
    assert module_log[-1]['time'] - attempts(module_log, CREATE)[0]['time'] < 5

    failed_role = read_outcome(outcome, run)
    assert failed_role['failed'] is True and 'db-xen-1' in failed_role['msg'] and 'app-kvm-1' not in failed_role['msg'], failed_role
    kvm_images = [image for image in emulator.state.images.values()
                  if image['name'].startswith('faulty-app-kvm-1-') and image['status'] == 'CREAT']
    assert len(kvm_images) == 1, emulator.state.images
    assert [entry['action'] for entry in mutating_requests(emulator.log)] == [CREATE, CREATE, 'createServerImage']
