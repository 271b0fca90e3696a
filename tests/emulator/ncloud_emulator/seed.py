# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Seed data: the default account (seed.json), seeds given as dicts or files, bulk images for paging."""

import copy
import json
import os

from .state import State, api_date, image_from_server

SEED_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'seed.json')
DEFAULT_CREDENTIALS = {'EMULATORACCESSKEY00000001': 'emulator-secret-0123456789abcdefghijklmnopqrstuv'}

GIB = 1024 ** 3
SERVER_DEFAULTS = {
    'classic': {
        'os': 'CentOS 7.8 (64-bit)', 'os_type': 'CENTOS', 'image_name': 'centos-7.8-64',
        'image_product_code': 'SPSW0LINUX000139', 'product_code': 'SPSVRSSD00000003', 'hypervisor': None,
    },
    'xen': {
        'os': 'CentOS 7.8 (64-bit)', 'os_type': 'CENTOS', 'image_name': 'centos-7.8-64',
        'image_product_code': 'SW.VSVR.OS.LNX64.CNTOS.0708.B050',
        'product_code': 'SVR.VSVR.STAND.C002.M008.NET.SSD.B050.G002', 'hypervisor': 'XEN',
    },
    'kvm': {
        'os': 'Rocky Linux 8.10', 'os_type': 'ROCKY', 'image_name': 'rocky-8.10-base', 'image_product_code': None,
        'product_code': None, 'hypervisor': 'KVM', 'server_image_no': '23214590', 'spec_code': 's2-g3',
    },
}
COMMON_SERVER_DEFAULTS = {
    'region': 'KR', 'zone': 'KR-1', 'status': 'RUN', 'operation': 'NULL', 'operation_since': None,
    'platform_type': 'LNX64', 'disk_type': 'NET', 'cpu_count': 2, 'memory_size': 8 * GIB,
    'create_date': '2022-01-04T10:00:00+0900', 'private_ip': '10.0.0.10', 'server_image_no': None, 'spec_code': None,
}
IMAGE_KIND = {'classic_member': 'classic', 'vpc_member': 'xen', 'vpc_server': 'kvm'}


def default_seed():
    """A fresh copy of seed.json as a dict (tests add to it and pass it to Emulator or reset)."""
    with open(SEED_FILE, encoding='utf-8') as handle:
        return json.load(handle)


def load_seed(seed):
    """seed is None (seed.json), a dict, or a path to a JSON file."""
    if seed is None:
        return default_seed()
    if isinstance(seed, dict):
        return copy.deepcopy(seed)
    with open(seed, encoding='utf-8') as handle:
        return json.load(handle)


def credentials_of(seed, credentials=None):
    """{access key: secret key}; given credentials win over the seed's, which win over the defaults."""
    given = credentials if credentials is not None else seed.get('credentials')
    if given is None:
        return dict(DEFAULT_CREDENTIALS)
    if isinstance(given, dict):
        return dict(given)
    return {entry['access_key']: entry['secret_key'] for entry in given}


def seed_images(count, api, server_no=None, prefix='bulk', start_epoch=1700000000):
    """count image seed entries of one API (names prefix-00001 ...), a minute apart, all created."""
    entries = []
    for index in range(1, count + 1):
        entry = {'name': '%s-%05d' % (prefix, index), 'api': api, 'status': 'CREAT',
                 'create_date': api_date(start_epoch + 60 * index)}
        if server_no:
            entry['server_no'] = server_no
        entries.append(entry)
    return entries


def make_server(entry):
    server = dict(COMMON_SERVER_DEFAULTS, **SERVER_DEFAULTS[entry['kind']])
    server.update(entry)
    server['no'] = str(server['no'])
    if 'disks' not in entry:
        server['disks'] = [{'order': 0, 'size': 50 * GIB, 'volume_type': 'SSD', 'name': server['name'] + '-boot'}]
    return server


def make_image(entry, servers, image_no, now):
    """An image from its seed entry; origin fields come from its server when that server is seeded."""
    server = servers.get(str(entry.get('server_no'))) or servers_of_kind(servers, IMAGE_KIND[entry['api']])
    if server is None:
        raise ValueError('seed image %r needs a seeded server of kind %s' % (entry['name'], IMAGE_KIND[entry['api']]))
    image = image_from_server(server, entry['api'], image_no, entry['name'], entry.get('description', ''), now)
    disks = copy.deepcopy(server['disks'])
    if 'origin' in entry:
        # An image of no seeded server (e.g. a public one): only the given origin fields, and its own boot disk.
        image['origin'] = dict({key: None for key in image['origin']}, **entry['origin'])
        disks = [{'order': 0, 'size': 50 * GIB, 'volume_type': 'SSD', 'name': entry['name'] + '-boot'}]
    image.update(owner=entry.get('owner', 'SELF'), region=entry.get('region', image['region']), disks=disks,
                 create_date=entry.get('create_date', image['create_date']))
    status = entry.get('status', 'CREAT')
    # A seeded image that is still creating starts its lifecycle now; the others are long settled.
    image.update(status=status, operation='CREAT' if status == 'INIT' else 'NULL', created_at=now if status == 'INIT' else 0.0)
    return image


def servers_of_kind(servers, kind):
    return next((server for server in servers.values() if server['kind'] == kind), None)


def build_state(seed, timings, now):
    """The State a seed dict describes (bulk_images: {api: count} adds generated images)."""
    servers = [make_server(entry) for entry in seed.get('servers', [])]
    state = State(servers, [], timings)
    image_entries = list(seed.get('images', []))
    for api, count in sorted(seed.get('bulk_images', {}).items()):
        image_entries += seed_images(count, api, prefix='bulk-' + api.replace('_', '-'))
    numbered = [entry for entry in image_entries if entry.get('no')]
    state.last_no = max([state.last_no] + [int(entry['no']) for entry in numbered])
    for entry in image_entries:
        image_no = str(entry['no']) if entry.get('no') else state.new_no()
        state.images[image_no] = make_image(entry, state.servers, image_no, now)
    return state
