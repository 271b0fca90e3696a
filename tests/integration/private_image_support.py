# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared pieces of the private_image suites: seed servers, task builders, request-log and state readers."""

# Seed servers (tests/emulator/ncloud_emulator/seed.json)
XEN_RUNNING = '20345601'    # db-xen-1
XEN_STOPPED = '20345602'    # batch-xen-2
KVM_RUNNING = '20345603'    # app-kvm-1
KVM_STOPPED = '20345604'    # app-kvm-2
CLASSIC_STOPPED = '492964'  # ext-test, the seed's example server

MUTATING_PREFIXES = ('create', 'delete', 'stop', 'start')


def image_task(**args):
    return {'ncloud.compute.private_image': args}


def actions(emulator, since=0):
    """The API actions the emulator received, in order (from log position `since`)."""
    return [entry['action'] for entry in emulator.log[since:]]


def mutating(emulator, since=0):
    return [action for action in actions(emulator, since) if action.startswith(MUTATING_PREFIXES)]


def requests_of(emulator, action, since=0):
    return [entry for entry in emulator.log[since:] if entry['action'] == action]


def live_images(emulator, name):
    """Images of this name that exist and are not being deleted, by number."""
    return sorted((image for image in emulator.state.images.values()
                   if image['name'] == name and image['operation'] != 'TERMT'), key=lambda image: int(image['no']))


def server_state(emulator, server_no):
    server = emulator.state.servers[server_no]
    return server['status'], server['operation']


def run_one(ansible_runner, check=False, diff=False, **args):
    """Run one private_image task; its registered result."""
    run = ansible_runner.run_tasks([image_task(**args)], check=check, diff=diff)
    return run.results[0]
