# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulated account: servers and images, with lifecycles computed lazily from timestamps."""

import copy
import datetime

from .errors import not_found

DEFAULT_TIMINGS = {
    'image_create_seconds': 2.0,   # INIT/CREAT 'creating' -> CREAT/NULL 'created'
    'image_delete_seconds': 1.0,   # CREAT/TERMT 'terminating' -> gone
    'list_lag_seconds': 0.0,       # a new image is missing from list and detail calls this long
    'server_stop_seconds': 1.0,    # RUN/SHTDN 'shutting down' -> NSTOP
    'server_start_seconds': 1.0,   # NSTOP/START 'booting' -> RUN
}

KST = datetime.timezone(datetime.timedelta(hours=9))
PLATFORM_OF_KIND = {'classic': 'classic', 'xen': 'vpc', 'kvm': 'vpc'}
IMAGE_API_PLATFORM = {'classic_member': 'classic', 'vpc_member': 'vpc', 'vpc_server': 'vpc'}


def api_date(epoch):
    """NCloud's createDate format, e.g. 2017-09-29T11:39:17+0900."""
    return datetime.datetime.fromtimestamp(epoch, KST).strftime('%Y-%m-%dT%H:%M:%S%z')


class State:
    """Servers and images keyed by number (strings); one lock outside guards every use."""

    def __init__(self, servers, images, timings):
        self.timings = dict(DEFAULT_TIMINGS, **(timings or {}))
        self.servers = {server['no']: server for server in servers}
        self.images = {image['no']: image for image in images}
        numbers = [int(no) for no in list(self.images) + list(self.servers)]
        self.last_no = max(numbers + [30000000])

    def new_no(self):
        self.last_no += 1
        return str(self.last_no)

    def settle(self, now):
        """Apply every transition whose time has come."""
        timings = self.timings
        for server in self.servers.values():
            elapsed = now - (server.get('operation_since') or now)
            if server['operation'] == 'SHTDN' and elapsed >= timings['server_stop_seconds']:
                server.update(status='NSTOP', operation='NULL', operation_since=None)
            elif server['operation'] == 'START' and elapsed >= timings['server_start_seconds']:
                server.update(status='RUN', operation='NULL', operation_since=None)
        for image in list(self.images.values()):
            if image['status'] == 'INIT' and now - image['created_at'] >= timings['image_create_seconds']:
                image.update(status='CREFL' if image['fails'] else 'CREAT', operation='NULL')
            if image['operation'] == 'TERMT' and now - image['deleted_at'] >= timings['image_delete_seconds']:
                del self.images[image['no']]

    def images_of(self, api, region, now):
        """The images an API shows in a region, leaving out those still within the list lag."""
        lag = self.timings['list_lag_seconds']
        return [image for image in self.images.values()
                if image['api'] == api and image['region'] == region and now - image['created_at'] >= lag]

    def servers_of(self, platform, region):
        return [server for server in self.servers.values()
                if PLATFORM_OF_KIND[server['kind']] == platform and server['region'] == region]

    def find_server(self, call, server_no):
        for server in self.servers_of(call.platform, call.region()):
            if server['no'] == server_no:
                return server
        raise not_found(call.platform, 'Server instance %s' % server_no)

    def find_image(self, call, api, image_no):
        for image in self.images_of(api, call.region(), call.now):
            if image['no'] == image_no:
                return image
        raise not_found(call.platform, 'Image %s' % image_no)

    def add_image(self, server, api, name, description, fails, disks, now):
        """A new image of server, in INIT/CREAT 'creating'; disks None copies the server's."""
        image = image_from_server(server, api, self.new_no(), name, description, now)
        image.update(fails=fails, disks=disks if disks is not None else copy.deepcopy(server['disks']))
        self.images[image['no']] = image
        return image

    def __getitem__(self, key):
        """state['servers'] / state['images']: the records as a list; state['timings']: the timings."""
        return self.timings if key == 'timings' else list(getattr(self, key).values())

    def snapshot(self):
        """A JSON-able copy, for GET /_emulator/state."""
        return copy.deepcopy({'timings': self.timings, 'servers': list(self.servers.values()),
                              'images': list(self.images.values())})


def image_from_server(server, api, image_no, name, description, now):
    """An image record whose origin fields are copied from server (the server may later change or vanish)."""
    origin = {key: server.get(key) for key in (
        'name', 'product_code', 'image_product_code', 'os', 'image_name', 'platform_type', 'disk_type', 'zone',
        'os_type', 'hypervisor')}
    origin['server_no'] = server['no']
    return {
        'no': image_no, 'name': name, 'description': description, 'api': api, 'owner': 'SELF',
        'region': server['region'], 'origin': origin, 'created_at': now, 'create_date': api_date(now),
        'status': 'INIT', 'operation': 'CREAT', 'deleted_at': None, 'fails': False, 'disks': [],
    }
