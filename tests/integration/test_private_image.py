# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""ncloud.compute.private_image by real ansible against the emulator: present, routing, validation, absent.

Every test reads the emulator's request log to say what was sent, and what was not.
"""
import pytest

from private_image_support import (
    CLASSIC_STOPPED, KVM_STOPPED, XEN_RUNNING, XEN_STOPPED, actions, image_task, live_images, mutating,
    requests_of, run_one)

VPC_MEMBER_CREATE = 'createMemberServerImageInstance'


def test_check_mode_then_create_then_rerun(emulator, ansible_runner):
    checked = run_one(ansible_runner, check=True, diff=True, name='web-snap-1', server_instance_no=XEN_RUNNING,
                      description='before the upgrade')
    assert checked['changed'] is True and not checked.get('failed'), checked
    assert checked['diff']['before'] == {}
    assert checked['diff']['after']['private_image_name'] == 'web-snap-1'
    assert mutating(emulator) == [] and live_images(emulator, 'web-snap-1') == []

    since = len(emulator.log)
    created = run_one(ansible_runner, diff=True, name='web-snap-1', server_instance_no=XEN_RUNNING,
                      description='before the upgrade')
    assert created['changed'] is True, created
    image = created['private_image']
    assert image['private_image_name'] == 'web-snap-1'
    assert image['private_image_status_name'] == 'created'
    assert image['private_image_description'] == 'before the upgrade'
    assert image['original_server_instance_no'] == XEN_RUNNING
    assert image['image_api'] == 'vpc_member'
    assert created['actions'] == ['created image']
    assert created['diff'] == {'before': {}, 'after': image}
    assert mutating(emulator, since) == [VPC_MEMBER_CREATE]
    sent = requests_of(emulator, VPC_MEMBER_CREATE)[0]['params']
    assert sent['memberServerImageName'] == 'web-snap-1' and sent['serverInstanceNo'] == XEN_RUNNING
    assert [item['no'] for item in live_images(emulator, 'web-snap-1')] == [image['private_image_no']]

    since = len(emulator.log)
    rerun = run_one(ansible_runner, name='web-snap-1', server_instance_no=XEN_RUNNING)
    assert rerun['changed'] is False and rerun['private_image'] == image, rerun
    assert len(emulator.log) - since <= 2, actions(emulator, since)
    assert mutating(emulator, since) == []

    since = len(emulator.log)
    rechecked = run_one(ansible_runner, check=True, name='web-snap-1', server_instance_no=XEN_RUNNING)
    assert rechecked['changed'] is False, rechecked
    assert len(emulator.log) - since <= 2


def test_numeric_server_number_works_without_a_warning(emulator, ansible_runner):
    result = run_one(ansible_runner, name='batch-snap', server_instance_no=int(XEN_STOPPED))
    assert result['changed'] is True, result
    assert result['private_image']['original_server_instance_no'] == XEN_STOPPED
    assert not result.get('warnings'), result
    assert requests_of(emulator, VPC_MEMBER_CREATE)[0]['params']['serverInstanceNo'] == XEN_STOPPED


def test_kvm_server_gets_a_server_image_of_its_boot_disk(emulator, ansible_runner):
    result = run_one(ansible_runner, name='app_snap-1', server_name='app-kvm-2')
    assert result['changed'] is True, result
    assert result['private_image']['image_api'] == 'vpc_server'
    assert result['private_image']['hypervisor_type'] == 'KVM'
    assert mutating(emulator) == ['createServerImage']
    sent = requests_of(emulator, 'createServerImage')[0]['params']
    assert sent['serverImageName'] == 'app_snap-1' and sent['serverInstanceNo'] == KVM_STOPPED
    assert sent['blockStorageList.1.order'] == '0'

    since = len(emulator.log)
    assert run_one(ansible_runner, name='app_snap-1', server_name='app-kvm-2')['changed'] is False
    assert len(emulator.log) - since <= 2


def test_classic_server_gets_a_classic_member_image(emulator, ansible_runner):
    result = run_one(ansible_runner, platform='classic', name='Ext Test Snapshot', server_instance_no=CLASSIC_STOPPED)
    assert result['changed'] is True, result
    image = result['private_image']
    assert image['image_api'] == 'classic_member' and image['original_server_name'] == 'ext-test'
    assert mutating(emulator) == ['createMemberServerImage']
    since = len(emulator.log)
    assert run_one(ansible_runner, platform='classic', name='Ext Test Snapshot',
                   server_instance_no=CLASSIC_STOPPED)['changed'] is False
    assert mutating(emulator, since) == []


def test_name_taken_by_another_server_fails_naming_both(emulator, ansible_runner):
    result = run_one(ansible_runner, name='db-xen-1-base', server_instance_no=XEN_STOPPED)
    assert result['failed'] is True
    assert XEN_RUNNING in result['msg'] and XEN_STOPPED in result['msg'] and 'batch-xen-2' in result['msg']
    assert mutating(emulator) == []


def test_without_a_name_ncloud_names_it_and_the_task_warns(emulator, ansible_runner):
    first = run_one(ansible_runner, server_instance_no=XEN_STOPPED, wait=False)
    second = run_one(ansible_runner, server_instance_no=XEN_STOPPED, wait=False)
    for result in (first, second):
        assert result['changed'] is True, result
        assert any('not idempotent' in warning for warning in result['warnings'])
    assert first['private_image']['private_image_no'] != second['private_image']['private_image_no']
    assert first['private_image']['private_image_name'].startswith('img')
    assert 'memberServerImageName' not in requests_of(emulator, VPC_MEMBER_CREATE)[0]['params']


@pytest.mark.parametrize('args, rule', [
    ({'name': 'Web-Snap'}, "may contain only lowercase letters, digits, '-' and (KVM servers only) '_' (found 'S', 'W')"),
    ({'name': 'ab'}, 'must be 3 to 30 characters long (it has 2)'),
    ({'name': 'snap-'}, 'must end with a lowercase letter or a digit'),
    ({'name': '1snap'}, 'must start with a lowercase letter'),
    ({'name': 'snap', 'description': '설명' * 200}, 'Image description is 1200 bytes long in UTF-8; the limit is 1000 bytes'),
    ({'name': 'x' * 31, 'platform': 'classic'}, 'invalid for a Classic member server image: it must be 3 to 30 characters'),
])
def test_invalid_input_fails_before_any_request(emulator, ansible_runner, args, rule):
    result = run_one(ansible_runner, server_instance_no=XEN_RUNNING, **args)
    assert result['failed'] is True and rule in result['msg'], result
    assert emulator.log == []


def test_underscore_is_refused_for_a_xen_server_once_it_is_known(emulator, ansible_runner):
    result = run_one(ansible_runner, name='db_snap', server_instance_no=XEN_RUNNING)
    assert result['failed'] is True and 'XEN' in result['msg'] and "found '_'" in result['msg'], result
    assert actions(emulator) == ['getServerInstanceList']


@pytest.mark.emulator(timings={'image_create_seconds': 1.5})
def test_wait_false_returns_a_creating_image_and_a_rerun_waits_for_it(emulator, ansible_runner):
    started = run_one(ansible_runner, name='quick-snap', server_instance_no=XEN_RUNNING, wait=False)
    assert started['changed'] is True and started['private_image']['private_image_status_name'] == 'creating', started
    rerun = run_one(ansible_runner, name='quick-snap', server_instance_no=XEN_RUNNING)
    assert rerun['changed'] is False and rerun['private_image']['private_image_status_name'] == 'created', rerun
    assert mutating(emulator) == [VPC_MEMBER_CREATE]


def test_absent_by_name_twice(emulator, ansible_runner):
    checked = run_one(ansible_runner, check=True, diff=True, name='db-xen-1-base', state='absent')
    assert checked['changed'] is True and checked['diff']['after'] == {}, checked
    assert checked['diff']['before']['private_image_no'] == '4102001'
    assert mutating(emulator) == []

    deleted = run_one(ansible_runner, name='db-xen-1-base', state='absent')
    assert deleted['changed'] is True and deleted['private_image']['private_image_no'] == '4102001', deleted
    assert mutating(emulator) == ['deleteMemberServerImageInstances']
    assert '4102001' not in emulator.state.images

    since = len(emulator.log)
    again = run_one(ansible_runner, name='db-xen-1-base', state='absent')
    assert again['changed'] is False and again['private_image'] == {}, again
    assert mutating(emulator, since) == []


def test_absent_by_number_twice(emulator, ansible_runner):
    deleted = run_one(ansible_runner, image_no=5102001, state='absent')
    assert deleted['changed'] is True and deleted['private_image']['image_api'] == 'vpc_server', deleted
    assert mutating(emulator) == ['deleteServerImage']
    assert requests_of(emulator, 'deleteServerImage')[0]['params']['serverImageNoList.1'] == '5102001'
    assert '5102001' not in emulator.state.images

    since = len(emulator.log)
    assert run_one(ansible_runner, image_no='5102001', state='absent')['changed'] is False
    assert mutating(emulator, since) == []


def test_absent_by_name_is_narrowed_by_the_server(emulator, ansible_runner):
    result = run_one(ansible_runner, name='db-xen-1-base', server_instance_no=XEN_STOPPED, state='absent')
    assert result['changed'] is False, result
    assert mutating(emulator) == [] and '4102001' in emulator.state.images


@pytest.mark.emulator(timings={'image_create_seconds': 1.0})
def test_absent_waits_for_a_creating_image_then_deletes_it(emulator, ansible_runner):
    run = ansible_runner.run_tasks([
        image_task(name='short-lived', server_instance_no=XEN_RUNNING, wait=False),
        image_task(name='short-lived', state='absent'),
    ])
    assert run.results[0]['private_image']['private_image_status_name'] == 'creating', run.results[0]
    assert run.results[1]['changed'] is True, run.results[1]
    assert mutating(emulator) == [VPC_MEMBER_CREATE, 'deleteMemberServerImageInstances']
    assert live_images(emulator, 'short-lived') == []
