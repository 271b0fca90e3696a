# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench: overhead against ansible.builtin.ping, requests per operation, the role at scale, detection latency.

Everything runs against the in-process emulator on this machine; the table goes to stdout and, with the
details and the machine, to docs/benchmark.md. `python tests/bench/run.py --runs 3` for a quicker look.
"""
import argparse
import datetime
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import (COLLECTION_ROOT, Ansible, collections_path, image_created_at, import_seconds, interleaved_medians,
                     machine, median_ms, poll_requests)
from harness import FAST_TIMINGS   # noqa: E402  pylint: disable=wrong-import-order
from ncloud_emulator import Emulator   # noqa: E402  pylint: disable=wrong-import-order
from ncloud_emulator.seed import default_seed   # noqa: E402  pylint: disable=wrong-import-order
from report import render   # noqa: E402  pylint: disable=wrong-import-order

XEN_SERVER = '20345601'
SCALE_SERVERS = 20
PAGE = 1000


def scale_seed():
    """The default account plus SCALE_SERVERS running XEN servers."""
    seed = default_seed()
    seed['servers'] += [{'no': str(20400001 + index), 'name': 'scale-%02d' % (index + 1), 'kind': 'xen', 'status': 'RUN'}
                        for index in range(SCALE_SERVERS)]
    return seed


def run_module_directly(module, args, env, python_path):
    """Wall seconds of `python -m module args.json`: the module alone, without ansible around it."""
    args_file = Path(tempfile.mkstemp(suffix='.json')[1])
    args_file.write_text(json.dumps({'ANSIBLE_MODULE_ARGS': args}), encoding='utf-8')
    started = time.perf_counter()
    subprocess.run([sys.executable, '-m', module, str(args_file)], env=dict(env, PYTHONPATH=str(python_path)),
                   capture_output=True, check=True)
    elapsed = time.perf_counter() - started
    args_file.unlink()
    return elapsed


def in_process_costs(emulator, env, python_path, runs):
    """Milliseconds of the client's parts: settings, session, one request, the Classic region lookup."""
    sys.path.insert(0, str(python_path))
    # pylint: disable=import-outside-toplevel
    from ansible_collections.ncloud.compute.plugins.module_utils.config import resolve_settings
    from ansible_collections.ncloud.compute.plugins.module_utils.transport import NCloudClient

    settings = resolve_settings({'api_url': emulator.url}, environ=env)
    classic = resolve_settings({'api_url': emulator.url, 'platform': 'classic'}, environ=env)
    client = NCloudClient(settings)
    client.call('getServerInstanceList')   # connect once: the module's later calls reuse the connection
    return {
        'settings_ms': median_ms(lambda: resolve_settings({'api_url': emulator.url}, environ=env), runs),
        'client_ms': median_ms(lambda: NCloudClient(settings), runs),
        'first_request_ms': median_ms(lambda: NCloudClient(settings).call('getServerInstanceList'), runs),
        'request_ms': median_ms(lambda: client.call('getServerInstanceList'), runs),
        'region_lookup_ms': median_ms(lambda: NCloudClient(classic).call('getRegionList', {'regionNo': '1'}), runs),
    }


def overhead(ansible, emulator, python_path, runs):
    rerun_args = 'name=bench-idempotent server_instance_no=%s' % XEN_SERVER
    ansible.adhoc('ncloud.compute.private_image', rerun_args)   # the image the reruns find
    adhoc = interleaved_medians(runs, {
        'ping': lambda: ansible.adhoc('ansible.builtin.ping'),
        'info': lambda: ansible.adhoc('ncloud.compute.private_image_info'),
        'rerun': lambda: ansible.adhoc('ncloud.compute.private_image', rerun_args),
    })
    modules = 'ansible_collections.ncloud.compute.plugins.modules.'
    direct = interleaved_medians(runs, {
        'ping': lambda: run_module_directly('ansible.modules.ping', {}, ansible.env, python_path),
        'info': lambda: run_module_directly(modules + 'private_image_info', {}, ansible.env, python_path),
        'rerun': lambda: run_module_directly(modules + 'private_image', {'name': 'bench-idempotent', 'server_instance_no': XEN_SERVER},
                                             ansible.env, python_path),
    })
    basic = 'ansible.module_utils.basic'
    imports = dict((name, import_seconds(module, python_path, after=basic)) for name, module in (
        ('requests', 'requests'), ('urls', 'ansible.module_utils.urls'),
        ('info', modules + 'private_image_info'), ('private_image', modules + 'private_image')))
    imports['basic'] = import_seconds(basic, python_path)
    return {'adhoc': adhoc, 'direct': direct, 'imports': imports,
            'client': in_process_costs(emulator, ansible.env, python_path, runs)}


def count_requests(emulator, run):
    """(requests sent, seconds) for one run()."""
    before = len(emulator.log)
    seconds = run()
    return len(emulator.log) - before, seconds


def requests_per_operation(ansible, emulator, create_seconds):
    emulator.reset(timings=dict(FAST_TIMINGS, image_create_seconds=create_seconds))
    image = 'name=bench-ops server_instance_no=%s' % XEN_SERVER
    created = count_requests(emulator, lambda: ansible.adhoc('ncloud.compute.private_image', image))
    # the member-image lists, but for the name lookup before the create and the look for the name after it
    polls = len([entry for entry in emulator.log if entry['action'] == 'getMemberServerImageInstanceList']) - 2
    rerun = count_requests(emulator, lambda: ansible.adhoc('ncloud.compute.private_image', image))
    deleted = count_requests(emulator, lambda: ansible.adhoc('ncloud.compute.private_image', 'name=bench-ops state=absent'))
    # With the seed's own member image, 10,000 member images in all; the one server image of the seed makes one more request.
    emulator.reset(seed=dict(default_seed(), bulk_images={'vpc_member': 9999}))
    per_api = [len([image for image in emulator.state.images.values() if image['api'] == api and image['owner'] == 'SELF'])
               for api in ('vpc_member', 'vpc_server')]
    listed = count_requests(emulator, lambda: ansible.adhoc('ncloud.compute.private_image_info'))
    emulator.reset(seed=default_seed())
    return {'create': created, 'create_polls': polls, 'create_seconds': create_seconds, 'rerun': rerun, 'delete': deleted,
            'list_10000': listed, 'list_images': per_api,
            'list_minimum': sum(max(1, math.ceil(count / PAGE)) for count in per_api)}


def scale(ansible, emulator, counts, create_seconds, interval):
    results = {}
    for count in counts:
        emulator.reset(seed=scale_seed(), timings=dict(FAST_TIMINGS, image_create_seconds=create_seconds))
        play = [{'hosts': 'localhost', 'connection': 'local', 'gather_facts': False, 'roles': [{
            'role': 'ncloud.compute.server_snapshot', 'server_snapshot_servers': ['scale-%02d' % (index + 1) for index in range(count)],
            'server_snapshot_name_prefix': 'scale', 'server_snapshot_period': 'minute', 'server_snapshot_poll_interval': interval}]}]
        playbook = ansible.temp_dir / ('scale-%d.yml' % count)
        playbook.write_text(json.dumps(play), encoding='utf-8')
        seconds = ansible.playbook(playbook)
        log = emulator.log
        polls = [entry for entry in poll_requests(log) if entry['action'] == 'getMemberServerImageInstanceList']
        creates = [entry for entry in log if entry['action'] == 'createMemberServerImageInstance']
        results[count] = {'seconds': seconds, 'requests': len(log), 'polls': len(polls),
                          'per_poll': len(poll_requests(log)) / len(polls) if polls else 0.0,
                          'create_phase': creates[-1]['time'] - creates[0]['time']}
    emulator.reset(seed=default_seed())
    return results


def detection_latency(ansible, emulator, create_times):
    results = {}
    for seconds in create_times:
        emulator.reset(timings=dict(FAST_TIMINGS, image_create_seconds=seconds))
        name = 'latency-%d' % seconds
        ansible.adhoc('ncloud.compute.private_image', 'name=%s server_instance_no=%s' % (name, XEN_SERVER))
        returned = time.time()
        created = image_created_at(emulator, name)[1]
        seen = min(entry['time'] for entry in emulator.log if entry['time'] >= created)
        results[seconds] = {'seen': seen - created, 'returned': returned - created}
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=7, help='repetitions for each median (default 7)')
    parser.add_argument('--output', default=str(COLLECTION_ROOT / 'docs' / 'benchmark.md'))
    args = parser.parse_args(argv)
    started = datetime.datetime.now(datetime.timezone.utc)
    results = {'machine': machine(), 'runs': args.runs, 'date': started.strftime('%Y-%m-%d %H:%M UTC')}
    with tempfile.TemporaryDirectory() as temp_dir, Emulator(timings=FAST_TIMINGS) as emulator:
        python_path = collections_path(temp_dir)
        ansible = Ansible(emulator.url, python_path, temp_dir)
        results['overhead'] = overhead(ansible, emulator, python_path, args.runs)
        results['requests'] = requests_per_operation(ansible, emulator, create_seconds=5)
        results['scale'] = scale(ansible, emulator, (1, 5, SCALE_SERVERS), create_seconds=10, interval=2)
        results['latency'] = detection_latency(ansible, emulator, (2, 5, 10))
    results['load_after'] = machine()['load']
    table, document = render(results)
    print(table)
    Path(args.output).write_text(document, encoding='utf-8')
    print('\nwritten to %s (in %.0f s)' % (args.output, (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds()))
    return 0


if __name__ == '__main__':
    sys.exit(main())
