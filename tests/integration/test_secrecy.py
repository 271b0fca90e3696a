# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The secret key appears nowhere, whichever source it came from: not in ansible's output at -vvvv with
--diff, not in any task result or failure message, not in the emulator's log (which never sees it but as
the signature it made).

Each run signs with a long, distinctive secret from one source, succeeds (so the secret was really read
and used), and walks the failure paths: authentication refused (401), an invalid name, a wrong type.
"""
import json

import pytest

from private_image_support import XEN_RUNNING
from proof_support import PIPELINED, read_outcome, role_play, write_json

ACCESS_KEY = 'PROOFACCESSKEY0000000000000001'
SECRET_KEY = 'proof-SECRET-9f8e7d6c5b4a39281706f5e4d3c2b1a0-never-shown-anywhere'
# Registered too, so a request signed with SECRET_KEY under this access key fails authentication.
OTHER_ACCESS_KEY = 'PROOFOTHERACCESSKEY00000000002'
OTHER_SECRET_KEY = 'proof-OTHER-secret-0a1b2c3d4e5f60718293a4b5c6d7e8f9-also-hidden'
CREDENTIALS = {ACCESS_KEY: SECRET_KEY, OTHER_ACCESS_KEY: OTHER_SECRET_KEY}
WINDOW = 16   # no 16-character piece of the secret may show either (a truncated or split copy is a leak too)
NO_ENV_CREDENTIALS = dict.fromkeys(('NCLOUD_ACCESS_KEY_ID', 'NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_ACCESS_KEY', 'NCLOUD_SECRET_KEY'))
OPTION_CREDENTIALS = {'access_key': ACCESS_KEY, 'secret_key': SECRET_KEY}

# source -> (env for the run, module_defaults for the ncloud group, options on each task)
SOURCES = {
    'task option': ({}, None, OPTION_CREDENTIALS),
    'module_defaults': ({}, OPTION_CREDENTIALS, {}),
    'env NCLOUD_SECRET_ACCESS_KEY': ({'NCLOUD_ACCESS_KEY_ID': ACCESS_KEY, 'NCLOUD_SECRET_ACCESS_KEY': SECRET_KEY}, None, {}),
    'env NCLOUD_SECRET_KEY': ({'NCLOUD_ACCESS_KEY': ACCESS_KEY, 'NCLOUD_SECRET_KEY': SECRET_KEY}, None, {}),
    'configure file': ({}, None, {}),
}


def leaks(text):
    """Where pieces of the secret show in text: a little context around each (empty when none does)."""
    found = []
    for start in range(len(SECRET_KEY) - WINDOW + 1):
        at = text.find(SECRET_KEY[start:start + WINDOW])
        if at >= 0:
            found.append(text[max(0, at - 300):at + 100])
    return found[:1]


def write_configure_file(home):
    configure = home / '.ncloud' / 'configure'
    configure.parent.mkdir(parents=True, exist_ok=True)
    # The CLI's own layout: bare lines for the default profile, a section for another one.
    configure.write_text('ncloud_access_key_id = %s\nncloud_secret_access_key = %s\n\n[nokey]\nncloud_access_key_id =\n'
                         % (ACCESS_KEY, SECRET_KEY), encoding='utf-8')


def tasks_for(source, image_name):
    defaults, options = SOURCES[source][1:]

    def task(module, **args):
        entry = {module: dict(options, **args)}
        if defaults:
            entry['module_defaults'] = {'group/ncloud.compute.ncloud': defaults}
        return entry
    return [
        task('ncloud.compute.private_image_info'),
        dict(task('ncloud.compute.private_image', name=image_name, server_instance_no=XEN_RUNNING), diff=True),
        task('ncloud.compute.private_image', name=image_name, server_instance_no=XEN_RUNNING),
        task('ncloud.compute.server_info', access_key=OTHER_ACCESS_KEY),                      # 401: signed with our secret
        task('ncloud.compute.private_image', name='Not Valid', server_instance_no=XEN_RUNNING),  # rejected before any request
        task('ncloud.compute.private_image', name=image_name, server_instance_no=XEN_RUNNING, timeout='soon'),
        dict(task('ncloud.compute.private_image', name=image_name, state='absent'), diff=True),
    ]


@pytest.mark.emulator(credentials=CREDENTIALS)
@pytest.mark.parametrize('source', sorted(SOURCES))
def test_the_secret_key_appears_nowhere(source, emulator, ansible_runner):
    env = SOURCES[source][0]
    if source == 'configure file':
        write_configure_file(ansible_runner.temp_dir / 'home')
    image_name = 'secret-%d' % sorted(SOURCES).index(source)

    run = ansible_runner.run_tasks(tasks_for(source, image_name), diff=True, verbosity=4,
                                   extra_env=dict(NO_ENV_CREDENTIALS, **dict(PIPELINED, **env)))

    listed, created, rerun, refused, invalid, wrong_type, deleted = run.results
    assert not listed.get('failed') and listed['private_images'], listed
    assert created['changed'] is True and created['diff']['after']['private_image_name'] == image_name, created
    assert rerun['changed'] is False, rerun
    assert refused['failed'] is True and 'Authentication failed' in refused['msg'], refused
    assert invalid['failed'] is True and 'Not Valid' in invalid['msg'], invalid
    assert wrong_type['failed'] is True and 'timeout' in wrong_type['msg'], wrong_type
    assert deleted['changed'] is True, deleted

    assert leaks(run.stdout + run.stderr) == []
    results_text = ''.join(path.read_text(encoding='utf-8') for path in ansible_runner.temp_dir.glob('results-*.json'))
    assert leaks(results_text) == []
    assert leaks(json.dumps(emulator.log, ensure_ascii=False)) == []
    assert all(entry['status'] == 200 for entry in emulator.log if entry['action'] != 'getServerInstanceList'), emulator.log


@pytest.mark.emulator(credentials=CREDENTIALS)
def test_the_role_with_credentials_from_module_defaults_shows_no_secret(emulator, ansible_runner):
    outcome = ansible_runner.temp_dir / 'role-outcome.json'
    role_vars = {'server_snapshot_servers': [XEN_RUNNING, 'no-such-server'], 'server_snapshot_name_prefix': 'secret',
                 'server_snapshot_poll_interval': 1, 'server_snapshot_wait_timeout': 60}
    playbook = write_json(ansible_runner.temp_dir / 'role.yml', [role_play(role_vars, outcome, defaults=OPTION_CREDENTIALS)])

    run = ansible_runner.run_playbook(str(playbook), diff=True, verbosity=4, extra_env=dict(NO_ENV_CREDENTIALS, **PIPELINED))

    failed = read_outcome(outcome, run)   # the missing server fails the play once the other one has its image
    assert failed['failed'] is True and 'no-such-server' in failed['msg'], failed
    assert len([image for image in emulator.state.images.values() if image['name'].startswith('secret-db-xen-1-')]) == 1
    assert leaks(run.stdout + run.stderr + json.dumps(failed)) == []
    assert leaks(json.dumps(emulator.log, ensure_ascii=False)) == []


@pytest.mark.emulator(credentials=CREDENTIALS)
def test_a_configure_file_without_an_access_key_names_where_it_looked_not_the_secret(emulator, ansible_runner):
    write_configure_file(ansible_runner.temp_dir / 'home')

    run = ansible_runner.run_tasks([{'ncloud.compute.server_info': {'profile': 'nokey'}}], verbosity=4,
                                   extra_env=dict(NO_ENV_CREDENTIALS, **PIPELINED))

    failed = run.results[0]
    assert failed['failed'] is True and 'missing access key' in failed['msg'] and 'configure' in failed['msg'], failed
    assert leaks(run.stdout + run.stderr + json.dumps(failed)) == []
    assert emulator.log == []
