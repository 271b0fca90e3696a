# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The harness itself: real ansible runs, the environment it gets, and one module call into the emulator."""
from harness import EMULATOR_ACCESS_KEY

ENV_LOOKUP = "{{ lookup('ansible.builtin.env', '%s') }}"


def test_ping_runs_real_ansible_without_calling_ncloud(emulator, ansible_runner):
    run = ansible_runner.run_tasks([{'ansible.builtin.ping': {}}])

    assert run.rc == 0, run.output
    assert run.results[0]['ping'] == 'pong'
    assert emulator.log == []


def test_ansible_sees_the_emulator_and_nothing_of_the_developer(monkeypatch, emulator, ansible_runner):
    monkeypatch.setenv('NCLOUD_ACCESS_KEY', 'developer-real-access-key-must-not-leak-0001')
    monkeypatch.setenv('NCLOUD_REGION', 'JPN')
    names = ['NCLOUD_API_GW', 'NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY', 'NCLOUD_REGION', 'NCLOUD_SITE', 'HOME']
    tasks = [{'ansible.builtin.debug': {'msg': ENV_LOOKUP % name}} for name in names]
    tasks.append({'ansible.builtin.debug': {'msg': '{{ ansible_check_mode }}'}})

    run = ansible_runner.run_tasks(tasks, check=True, extra_env={'NCLOUD_SITE': 'gov'})

    assert run.rc == 0, run.output
    seen = dict(zip(names, [result['msg'] for result in run.results]))
    assert seen['NCLOUD_API_GW'] == emulator.url
    assert seen['NCLOUD_ACCESS_KEY_ID'] == EMULATOR_ACCESS_KEY
    assert seen['NCLOUD_ACCESS_KEY'] == '' and seen['NCLOUD_REGION'] == ''
    assert seen['NCLOUD_SITE'] == 'gov'
    assert seen['HOME'].startswith(str(ansible_runner.temp_dir))
    assert run.results[-1]['msg'] is True


def test_failed_task_is_registered_and_the_play_goes_on(ansible_runner):
    run = ansible_runner.run_tasks([{'ansible.builtin.fail': {'msg': 'planned failure'}}, {'ansible.builtin.ping': {}}])

    assert run.results[0]['failed'] is True and run.results[0]['msg'] == 'planned failure'
    assert run.results[1]['ping'] == 'pong'


def test_playbook_text_runs(ansible_runner):
    run = ansible_runner.run_playbook('- hosts: localhost\n  gather_facts: false\n  tasks:\n    - ansible.builtin.ping:\n')

    assert run.rc == 0, run.output
    assert 'ok=1' in run.stdout


PRIVATE_IMAGE_INFO = 'ncloud.compute.private_image_info'


def assert_lists_vpc_images_from_the_emulator(result, emulator):
    assert not result.get('failed'), result
    vpc_images = {no for no, image in emulator.state.images.items() if image['api'] != 'classic_member'}
    listed = {image['private_image_no'] for image in result['private_images']}
    assert listed and listed <= vpc_images
    assert emulator.log, 'the module never reached the emulator'
    assert all(entry['platform'] == 'vpc' and entry['status'] == 200 for entry in emulator.log), emulator.log


def test_private_image_info_task_reaches_the_emulator(emulator, ansible_runner):
    run = ansible_runner.run_tasks([{PRIVATE_IMAGE_INFO: {}}])

    assert run.rc == 0, run.output
    assert_lists_vpc_images_from_the_emulator(run.results[0], emulator)


def test_private_image_info_adhoc_reaches_the_emulator(emulator, ansible_runner):
    run = ansible_runner.run_adhoc(PRIVATE_IMAGE_INFO)

    assert run.rc == 0, run.output
    assert_lists_vpc_images_from_the_emulator(run.results[0], emulator)
