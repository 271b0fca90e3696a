# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""ncloud.compute.private_image under faults and races: failed images, lost replies, throttling, concurrent
runs, busy servers, and stop_server (a server we stopped is always started again)."""
import threading
import time

import pytest

from private_image_support import (
    XEN_RUNNING, XEN_STOPPED, actions, live_images, mutating, requests_of, run_one, server_state)

CREATE = 'createMemberServerImageInstance'
IMAGE_LIST = 'getMemberServerImageInstanceList'


def test_failed_image_fails_fast_and_says_how_to_clear_it(emulator, ansible_runner):
    emulator.inject(CREATE, 'image-fail')
    failed = run_one(ansible_runner, name='doomed', server_instance_no=XEN_RUNNING, wait_timeout=600)
    assert failed['failed'] is True and 'CREFL' in failed['msg'], failed
    image_no = live_images(emulator, 'doomed')[0]['no']
    assert 'state=absent image_no=%s' % image_no in failed['msg']

    since = len(emulator.log)
    rerun = run_one(ansible_runner, name='doomed', server_instance_no=XEN_RUNNING)
    assert rerun['failed'] is True and 'creation failed' in rerun['msg'] and image_no in rerun['msg'], rerun
    assert mutating(emulator, since) == []

    assert run_one(ansible_runner, image_no=image_no, state='absent')['changed'] is True
    again = run_one(ansible_runner, name='doomed', server_instance_no=XEN_RUNNING)
    assert again['changed'] is True and again['private_image']['private_image_status_name'] == 'created', again


@pytest.mark.emulator(timings={'list_lag_seconds': 1.0})
def test_lost_create_reply_adopts_the_image_that_appeared(emulator, ansible_runner):
    emulator.inject(CREATE, 'lost')
    result = run_one(ansible_runner, name='lost-reply', server_instance_no=XEN_RUNNING)
    assert result['changed'] is True and not result.get('failed'), result
    assert len(requests_of(emulator, CREATE)) == 1
    images = live_images(emulator, 'lost-reply')
    assert [image['no'] for image in images] == [result['private_image']['private_image_no']]
    assert result['private_image']['private_image_status_name'] == 'created'
    assert result['actions'] == ['adopted image %s after a lost reply' % images[0]['no']]


def test_create_reset_before_it_was_applied_is_sent_again_once_certainly_absent(emulator, ansible_runner):
    emulator.inject(CREATE, 'reset')
    result = run_one(ansible_runner, name='reset-reply', server_instance_no=XEN_RUNNING)
    assert result['changed'] is True and not result.get('failed'), result
    assert len(requests_of(emulator, CREATE)) == 2
    first_create = requests_of(emulator, CREATE)[0]['seq']
    looks = [entry for entry in requests_of(emulator, IMAGE_LIST) if entry['seq'] > first_create]
    assert len(looks) >= 3  # the name was looked up, several times, before the second create
    assert [image['no'] for image in live_images(emulator, 'reset-reply')] == [result['private_image']['private_image_no']]


@pytest.mark.emulator(timings={'image_create_seconds': 3600, 'list_lag_seconds': 1.0})
def test_wait_times_out_with_the_last_status_seen(emulator, ansible_runner):
    result = run_one(ansible_runner, name='slow-snap', server_instance_no=XEN_RUNNING, wait_timeout=3)
    assert result['failed'] is True, result
    assert 'Timed out after 3 s' in result['msg'] and "image 'slow-snap'" in result['msg'] and 'creating' in result['msg']
    looks = [entry for entry in requests_of(emulator, IMAGE_LIST) if entry['params'].get('memberServerImageInstanceNoList.1')]
    assert 2 <= len(looks) <= 4  # backoff from 1 s, not a busy loop
    assert mutating(emulator) == [CREATE]


def test_throttling_while_waiting_is_retried_not_read_as_done(emulator, ansible_runner):
    emulator.set_timings(image_create_seconds=1.5)
    emulator.inject(IMAGE_LIST, '429', times=3)
    emulator.inject(IMAGE_LIST, '500-1000', times=1)
    result = run_one(ansible_runner, name='throttled', server_instance_no=XEN_RUNNING)
    assert result['changed'] is True and result['private_image']['private_image_status_name'] == 'created', result
    assert [entry['fault'] for entry in requests_of(emulator, IMAGE_LIST)].count('429') == 3
    assert len(live_images(emulator, 'throttled')) == 1


@pytest.mark.emulator(timings={'list_lag_seconds': 4.0, 'image_create_seconds': 1.0})
def test_concurrent_runs_with_one_name_converge_on_one_image(emulator, ansible_runner):
    results = [None] * 4
    first_no = emulator.state.last_no + 1

    def run(index):
        results[index] = run_one(ansible_runner, name='race-snap', server_instance_no=XEN_RUNNING)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(requests_of(emulator, CREATE)) >= 2, actions(emulator)  # the race really happened
    winners = {result['private_image']['private_image_no'] for result in results}
    assert all(not result.get('failed') for result in results), results
    assert len(winners) == 1
    assert [image['no'] for image in live_images(emulator, 'race-snap')] == list(winners)
    assert winners == {str(first_no)}  # the oldest image won
    assert len(requests_of(emulator, 'deleteMemberServerImageInstances')) == len(requests_of(emulator, CREATE)) - 1


def make_busy(emulator, server_no, operation):
    with emulator.lock:
        emulator.state.servers[server_no].update(operation=operation, operation_since=time.time())


@pytest.mark.emulator(timings={'server_stop_seconds': 5.0})
def test_server_shutting_down_is_waited_for_or_refused_with_a_reason(emulator, ansible_runner):
    make_busy(emulator, XEN_RUNNING, 'SHTDN')
    refused = run_one(ansible_runner, name='busy-snap', server_instance_no=XEN_RUNNING, wait=False)
    assert refused['failed'] is True and 'SHTDN' in refused['msg'] and 'wait' in refused['msg'], refused
    assert mutating(emulator) == []

    make_busy(emulator, XEN_RUNNING, 'SHTDN')
    waited = run_one(ansible_runner, name='busy-snap', server_instance_no=XEN_RUNNING)
    assert waited['changed'] is True, waited
    assert mutating(emulator) == [CREATE]
    assert server_state(emulator, XEN_RUNNING) == ('NSTOP', 'NULL')


def test_stop_server_stops_creates_waits_and_starts_again(emulator, ansible_runner):
    result = run_one(ansible_runner, name='consistent', server_instance_no=XEN_RUNNING, stop_server=True)
    assert result['changed'] is True, result
    assert result['actions'] == ['stopped server', 'created image', 'started server']
    assert mutating(emulator) == ['stopServerInstances', CREATE, 'startServerInstances']
    create_seq = requests_of(emulator, CREATE)[0]['seq']
    image_done = [entry['seq'] for entry in requests_of(emulator, IMAGE_LIST) if entry['seq'] > create_seq]
    assert image_done and image_done[-1] < requests_of(emulator, 'startServerInstances')[0]['seq']
    assert server_state(emulator, XEN_RUNNING) == ('RUN', 'NULL')
    assert result['private_image']['private_image_status_name'] == 'created'


def test_stop_server_leaves_a_stopped_server_stopped(emulator, ansible_runner):
    result = run_one(ansible_runner, name='cold-snap', server_instance_no=XEN_STOPPED, stop_server=True, wait=False)
    assert result['changed'] is True and result['actions'] == ['created image'], result
    assert mutating(emulator) == [CREATE]
    assert server_state(emulator, XEN_STOPPED) == ('NSTOP', 'NULL')


def test_stop_server_starts_the_server_again_when_the_image_fails(emulator, ansible_runner):
    emulator.inject(CREATE, 'image-fail')
    result = run_one(ansible_runner, name='fails-after-stop', server_instance_no=XEN_RUNNING, stop_server=True)
    assert result['failed'] is True, result
    assert 'CREFL' in result['msg'] and 'was started again' in result['msg']
    assert mutating(emulator) == ['stopServerInstances', CREATE, 'startServerInstances']
    assert server_state(emulator, XEN_RUNNING) == ('RUN', 'NULL')
