# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Several ansible-playbook processes snapshot the same servers at the same moment, with private_image and
with the role: every run succeeds, and one image per server (and period) remains.

The emulator hides a new image from lists for a while (list lag), as NCloud may, so every run really
creates its own image before it can see the others': the runs must converge by themselves.
"""
import collections

import pytest

from private_image_support import KVM_RUNNING, XEN_RUNNING, XEN_STOPPED, image_task, requests_of
from proof_support import PIPELINED, read_outcome, role_play, side_by_side, write_json

RUNS = 4
SERVERS = {XEN_RUNNING: 'db-xen-1', XEN_STOPPED: 'batch-xen-2', KVM_RUNNING: 'app-kvm-1'}
CREATES = ('createMemberServerImageInstance', 'createServerImage')
RACE_TIMINGS = {'list_lag_seconds': 3.0, 'image_create_seconds': 1.0}   # lag: wider than the runs' start-up jitter


def live_images_by_server(emulator, name_prefix):
    """{server number: [live image numbers]} for the images whose names start with name_prefix."""
    found = collections.defaultdict(list)
    for image in emulator.state.images.values():
        if image['name'].startswith(name_prefix) and image['operation'] != 'TERMT':
            found[image['origin']['server_no']].append(image['no'])
    return dict(found)


def creates_sent(emulator):
    return sum(len(requests_of(emulator, action)) for action in CREATES)


@pytest.mark.emulator(timings=RACE_TIMINGS)
def test_concurrent_private_image_runs_on_several_servers_converge(emulator, ansible_runner):
    tasks = [image_task(name='race-%s' % number, server_instance_no=number) for number in SERVERS]

    runs = side_by_side([lambda: ansible_runner.run_tasks(tasks, extra_env=PIPELINED)] * RUNS)

    assert creates_sent(emulator) > len(SERVERS), 'no race happened: every run but one saw the image'
    for run in runs:
        assert [result.get('failed', False) for result in run.results] == [False] * len(SERVERS), run.output
    images = live_images_by_server(emulator, 'race-')
    assert sorted(images) == sorted(SERVERS) and all(len(numbers) == 1 for numbers in images.values()), images
    for index, number in enumerate(SERVERS):
        returned = set(run.results[index]['private_image']['private_image_no'] for run in runs)
        assert returned == set(images[number]), (number, returned, images[number])


@pytest.mark.emulator(timings=RACE_TIMINGS)
def test_concurrent_role_runs_leave_one_image_per_server_and_period(emulator, ansible_runner):
    role_vars = {'server_snapshot_servers': list(SERVERS.values()), 'server_snapshot_name_prefix': 'fleet',
                 'server_snapshot_period': 'day', 'server_snapshot_poll_interval': 1, 'server_snapshot_wait_timeout': 120}
    outcomes = [ansible_runner.temp_dir / ('outcome-%d.json' % index) for index in range(RUNS)]
    playbooks = [write_json(ansible_runner.temp_dir / ('role-%d.yml' % index), [role_play(role_vars, outcome)])
                 for index, outcome in enumerate(outcomes)]

    runs = side_by_side([lambda playbook=playbook: ansible_runner.run_playbook(str(playbook), extra_env=PIPELINED)
                         for playbook in playbooks])

    assert creates_sent(emulator) > len(SERVERS), 'no race happened: every run but one saw the image'
    for run, outcome in zip(runs, outcomes):
        assert read_outcome(outcome, run) == {'failed': False}, run.output
    by_period = collections.Counter()
    for image in emulator.state.images.values():
        if image['name'].startswith('fleet-') and image['operation'] != 'TERMT':
            by_period[(image['origin']['server_no'], image['name'].rsplit('-', 1)[1])] += 1
    assert sorted(key[0] for key in by_period) == sorted(SERVERS), by_period
    assert set(by_period.values()) == {1}, by_period
