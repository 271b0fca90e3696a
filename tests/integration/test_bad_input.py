# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bad input, generated: over 200 wrong argument combinations across every module and the role.

For each one: no traceback or MODULE FAILURE, a failure whose message names what is wrong, and not one
mutating request at the emulator. Each module's cases run as one looped task in one ansible-playbook process.
"""
import json

import pytest

from harness import EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY
from private_image_support import CLASSIC_STOPPED, KVM_RUNNING, XEN_RUNNING, XEN_STOPPED
from proof_support import (
    PIPELINED, case_loop_task, crash_of, crashes_in_output, mutating_requests, read_outcome, role_play, write_json)

COMMON_OPTIONS = ('access_key', 'secret_key', 'profile', 'region', 'site', 'api_url', 'platform', 'validate_certs',
                  'ca_path', 'timeout')
UNKNOWN_OPTION = 'bogus_option'
MODULE_OPTIONS = {
    'ncloud.compute.private_image': ('name', 'server_instance_no', 'server_name', 'description', 'state', 'image_no',
                                     'wait', 'wait_timeout', 'stop_server'),
    'ncloud.compute.private_image_info': ('image_nos', 'name', 'name_regex', 'server_instance_no', 'status', 'hypervisor_type'),
    'ncloud.compute.server_info': ('server_instance_nos', 'name'),
}
# A valid call of each module: every case breaks it in one way.
VALID_ARGS = {
    'ncloud.compute.private_image': {'name': 'proof-bad-input', 'server_instance_no': XEN_RUNNING, 'wait_timeout': 5},
    'ncloud.compute.private_image_info': {},
    'ncloud.compute.server_info': {},
}
LONG = 'k' * 300
WRONG_SECRET = 'wrong-secret-for-the-bad-input-suite-0123456789abcdef'

# (option, value): wrong for every module; the message must name the option or show the value.
COMMON_BAD_VALUES = [
    ('region', 'XX'), ('region', 'ZZ-9'), ('region', '한국'), ('region', LONG),
    ('site', 'mars'), ('site', 'PUBLIC'), ('site', ''), ('site', 7),
    ('platform', 'ec2'), ('platform', 'VPC'), ('platform', ''),
    ('api_url', 'not a url'), ('api_url', 'ftp://ncloud.example.com'), ('api_url', 'http://'), ('api_url', '://no-scheme'),
    ('api_url', 'javascript:alert(1)'), ('api_url', ['http://127.0.0.1']),
    ('timeout', 0), ('timeout', -5), ('timeout', 'abc'), ('timeout', [1]),
    ('validate_certs', 'maybe'), ('validate_certs', 'ja'),
    ('profile', 'nosuch'), ('profile', 'профиль'),
]
# (extra args, words of which the message must hold one)
COMMON_BAD_COMBINATIONS = [
    ({'site': 'fin', 'platform': 'classic'}, ['classic']),
    ({'platform': 'classic', 'region': 'XX'}, ['XX']),
    ({'access_key': 'UNKNOWNACCESSKEY000000000000001'}, ['access key']),
    ({'secret_key': WRONG_SECRET}, ['secret key']),
    ({UNKNOWN_OPTION: 1}, [UNKNOWN_OPTION]),
]

IMAGE_NAME_WORDS = ['image name', 'name ']
BAD_NAMES = ['', 'ab', 'a' * 31, 'Upper-case', 'has space', 'ünïcödé-name', '9lives', 'ends-with-', '-starts-dash',
             'snap_under', '名前テスト', 'semi;colon', 'x' * 1000, ['a', 'b'], {'k': 'v'}, 12345, True]
BAD_KVM_NAMES = ['-starts-dash', 'trailing_', 'UPPER_case', 'ab', 'a' * 31, '']
BAD_CLASSIC_NAMES = ['', 'ab', 'a' * 31, 'x' * 200]
BAD_DESCRIPTIONS = ['x' * 1001, 'é' * 501, '😀' * 251, '가' * 334]
UNKNOWN_SERVER_NUMBERS = ['99999999', 'abc', '-1', {'a': 1}, 3.5, [XEN_RUNNING, XEN_STOPPED], XEN_RUNNING + '; DROP']
UNKNOWN_SERVER_NAMES = ['no-such-server', '💥', 'x' * 300, 'db-xen']   # db-xen: a prefix of db-xen-1, not its name
SERVER_WORDS = ['server_instance_no', 'server number', 'server named', 'server_name']


def case(cases, args, expect):
    cases.append({'id': '%03d' % len(cases), 'args': args, 'expect': expect})


def words_for(option, value):
    """The option's name, and the value itself when it is long enough not to match by chance."""
    shown = str(value)
    return [option] + ([shown] if len(shown) >= 3 else [])


def common_cases(module):
    cases = []
    for option, value in COMMON_BAD_VALUES:
        case(cases, dict(VALID_ARGS[module], **{option: value}), words_for(option, value))
    for extra, expect in COMMON_BAD_COMBINATIONS:
        case(cases, dict(VALID_ARGS[module], **extra), expect)
    return cases


def private_image_cases():
    cases = common_cases('ncloud.compute.private_image')
    valid = VALID_ARGS['ncloud.compute.private_image']
    for server in ({'server_instance_no': XEN_RUNNING}, {'server_name': 'db-xen-1'}):
        for name in BAD_NAMES:
            case(cases, dict(server, name=name, wait_timeout=5), IMAGE_NAME_WORDS)
    for name in BAD_KVM_NAMES:
        case(cases, {'name': name, 'server_instance_no': KVM_RUNNING, 'wait_timeout': 5}, IMAGE_NAME_WORDS)
    case(cases, {'server_instance_no': KVM_RUNNING}, ['needs a name'])
    for name in BAD_CLASSIC_NAMES:
        case(cases, {'name': name, 'server_instance_no': CLASSIC_STOPPED, 'platform': 'classic'}, IMAGE_NAME_WORDS)
    for server in (XEN_RUNNING, KVM_RUNNING):
        for description in BAD_DESCRIPTIONS:
            case(cases, {'name': 'proof-described', 'server_instance_no': server, 'description': description}, ['description'])
    for number in UNKNOWN_SERVER_NUMBERS:
        case(cases, dict(valid, server_instance_no=number), SERVER_WORDS)
    for name in UNKNOWN_SERVER_NAMES:
        case(cases, {'name': 'proof-bad-input', 'server_name': name}, SERVER_WORDS)
    for state in ('gone', 'PRESENT', '', 1):
        case(cases, dict(valid, state=state), ['state'])
    for option, values in (('wait', ('perhaps', 'sometimes')), ('stop_server', ('sometimes', 'yes please')),
                           ('wait_timeout', ('soon', -1, 1.5, [5]))):
        for value in values:
            case(cases, dict(valid, **{option: value}), [option])
    for image_no in ('99999999', 'abc'):
        case(cases, {'image_no': image_no}, words_for('image_no', image_no))
    case(cases, dict(valid, server_name='db-xen-1'), ['mutually exclusive'])
    case(cases, dict(valid, server_name='batch-xen-2'), ['mutually exclusive'])
    case(cases, {'name': 'proof-bad-input'}, ['server_instance_no'])
    case(cases, {'state': 'absent'}, ['image_no'])
    case(cases, {'state': 'absent', 'server_instance_no': XEN_RUNNING}, ['image_no'])
    return cases


def private_image_info_cases():
    cases = common_cases('ncloud.compute.private_image_info')
    for pattern in ('(', '[a-', '*', '(?P<x', '\\'):
        case(cases, {'name_regex': pattern}, ['name_regex'])
    for status in (['bogus'], 'CREAT', ['created', 'INIT'], ['Created']):
        case(cases, {'status': status}, ['status'])
    for hypervisor in ('xen', 'HYPERV', '', 'KVM '):
        case(cases, {'hypervisor_type': hypervisor}, ['hypervisor_type'])
    return cases


def server_info_cases():
    return common_cases('ncloud.compute.server_info')


MODULE_CASES = {
    'ncloud.compute.private_image': private_image_cases,
    'ncloud.compute.private_image_info': private_image_info_cases,
    'ncloud.compute.server_info': server_info_cases,
}
# Cases per ansible-playbook run: small enough that the runs spread evenly over pytest-xdist's workers.
CHUNK = 60
CHUNKS = [(module, start) for module, make_cases in sorted(MODULE_CASES.items()) for start in range(0, len(make_cases()), CHUNK)]

ROLE_SERVERS = {'server_snapshot_servers': ['db-xen-1']}
# (role vars, module_defaults for the ncloud group, words of which the failure message must hold one)
ROLE_CASES = [
    ({}, {}, ['server_snapshot_servers']),
    ({'server_snapshot_servers': []}, {}, ['server_snapshot_servers']),
    ({'server_snapshot_servers': {'web': 1}}, {}, ['server_snapshot_servers']),
    (dict(ROLE_SERVERS, server_snapshot_period='week'), {}, ['server_snapshot_period']),
    (dict(ROLE_SERVERS, server_snapshot_keep=-1), {}, ['server_snapshot_keep']),
    (dict(ROLE_SERVERS, server_snapshot_keep='many'), {}, ['server_snapshot_keep']),
    (dict(ROLE_SERVERS, server_snapshot_wait_timeout=0), {}, ['server_snapshot_wait_timeout', 'timeout']),
    (dict(ROLE_SERVERS, server_snapshot_poll_interval=0), {}, ['server_snapshot_poll_interval', 'interval']),
    (dict(ROLE_SERVERS, server_snapshot_stop='maybe'), {}, ['server_snapshot_stop']),
    (dict(ROLE_SERVERS, server_snapshot_wait='perhaps'), {}, ['server_snapshot_wait']),
    (dict(ROLE_SERVERS, server_snapshot_name_prefix='9lives'), {}, ['9lives']),
    (dict(ROLE_SERVERS, server_snapshot_name_prefix='x' * 40), {}, ['prefix']),
    (dict(ROLE_SERVERS, server_snapshot_description='é' * 600), {}, ['description']),
    ({'server_snapshot_servers': ['no-such-server']}, {}, ['no-such-server']),
    ({'server_snapshot_servers': ['💥-server']}, {}, ['💥-server']),
    ({'server_snapshot_servers': ['db-xen']}, {}, ['db-xen']),
    (ROLE_SERVERS, {'region': 'XX'}, ['XX']),
    (ROLE_SERVERS, {'api_url': 'not a url'}, ['api_url']),
]
# Fast if anything did run: a poll a second, short waits.
ROLE_QUICK = {'server_snapshot_poll_interval': 1, 'server_snapshot_wait_timeout': 5}


def problems_in(cases, results):
    """Every case that did not fail cleanly with a message naming what is wrong."""
    problems = []
    for item, result in zip(cases, results):
        msg = str(result.get('msg', ''))
        crash = crash_of(result)
        if crash:
            problems.append('%s %r crashed: %s' % (item['id'], item['args'], crash))
        elif not result.get('failed'):
            problems.append('%s %r was accepted: %s' % (item['id'], item['args'], msg or result))
        elif not any(word.lower() in msg.lower() for word in item['expect']):
            problems.append('%s %r: message names none of %r: %s' % (item['id'], item['args'], item['expect'], msg))
    return problems


def write_configure_file(ansible_runner):
    """A real ~/.ncloud/configure (HOME is the run's temp home), so a profile it lacks is an error."""
    configure = ansible_runner.temp_dir / 'home' / '.ncloud' / 'configure'
    configure.parent.mkdir(parents=True, exist_ok=True)
    configure.write_text('[DEFAULT]\nncloud_access_key_id = %s\nncloud_secret_access_key = %s\n\n[other]\nncloud_api_url = %s\n'
                         % (EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY, ansible_runner.emulator_url), encoding='utf-8')


def assert_nothing_mutated_and_no_crash(emulator, run):
    assert crashes_in_output(run) == [], run.output
    assert mutating_requests(emulator.log) == [], [entry['action'] for entry in mutating_requests(emulator.log)]


def test_the_generated_set_covers_every_module_and_the_role_with_at_least_200_cases():
    counts = dict((module, len(make_cases())) for module, make_cases in MODULE_CASES.items())
    counts['role'] = len(ROLE_CASES)
    assert min(counts.values()) >= len(ROLE_CASES) and sum(counts.values()) >= 200, counts


@pytest.mark.parametrize('module, start', CHUNKS, ids=['%s-%d' % chunk for chunk in CHUNKS])
def test_every_wrong_argument_fails_cleanly_names_what_is_wrong_and_changes_nothing(module, start, emulator, ansible_runner):
    cases = MODULE_CASES[module]()[start:start + CHUNK]
    write_configure_file(ansible_runner)
    cases_path = write_json(ansible_runner.temp_dir / 'cases.json', cases)
    task = case_loop_task(module, COMMON_OPTIONS + MODULE_OPTIONS[module] + (UNKNOWN_OPTION,), cases_path)

    run = ansible_runner.run_tasks([task], extra_env=PIPELINED)

    results = run.results[0]['results']
    assert len(results) == len(cases), run.output
    problems = problems_in(cases, results)
    assert not problems, '\n'.join(problems)
    assert_nothing_mutated_and_no_crash(emulator, run)
    # ansible echoes each loop item (the case, which holds it); what the module said must not.
    assert WRONG_SECRET not in json.dumps([dict(result, item=None) for result in results])


def test_every_wrong_role_variable_fails_cleanly_names_what_is_wrong_and_changes_nothing(emulator, ansible_runner):
    outcomes = [ansible_runner.temp_dir / ('role-case-%03d.json' % index) for index in range(len(ROLE_CASES))]
    plays = [role_play(dict(ROLE_QUICK, **role_vars), outcomes[index], defaults, name='role case %d' % index)
             for index, (role_vars, defaults, expect) in enumerate(ROLE_CASES)]
    playbook = write_json(ansible_runner.temp_dir / 'role-cases.yml', plays)

    run = ansible_runner.run_playbook(str(playbook), extra_env=PIPELINED)

    cases = [{'id': 'role-%03d' % index, 'args': dict(role_vars, module_defaults=defaults), 'expect': expect}
             for index, (role_vars, defaults, expect) in enumerate(ROLE_CASES)]
    results = [read_outcome(path, run) for path in outcomes]
    problems = problems_in(cases, results)
    assert not problems, '\n'.join(problems)
    assert_nothing_mutated_and_no_crash(emulator, run)
