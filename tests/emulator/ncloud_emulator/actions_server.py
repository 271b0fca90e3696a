# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Server actions (list, detail, stop, start) and getRegionList, on both platforms."""

import functools

from . import filters
from .errors import SERVER_IN_OPERATION, ApiError, invalid
from .payloads import classic_server, vpc_server
from .regions import CLASSIC_REGIONS, CLASSIC_ZONES, VPC_REGIONS

SERVER_STATUSES = ('INIT', 'CREAT', 'RUN', 'NSTOP', 'TERMT', 'FSTOP', 'SD_FL', 'RS_FL', 'ST_FL')
SORT_KEYS = {'serverName': filters.name, 'serverInstanceNo': filters.number}
PAYLOADS = {'classic': classic_server, 'vpc': vpc_server}
# target status -> (status it must be in, operation while moving, the action's name for messages)
POWER = {'NSTOP': ('RUN', 'SHTDN', 'stop'), 'RUN': ('NSTOP', 'START', 'start')}


def region_list(state, call):
    del state
    if call.platform == 'classic':
        rows = [{'regionNo': number, 'regionCode': code, 'regionName': name} for number, code, name in CLASSIC_REGIONS]
    else:
        rows = [{'regionCode': code, 'regionName': name} for code, name in VPC_REGIONS]
    return {'totalRows': len(rows), 'regionList': rows}


def list_servers(state, call):
    rows = state.servers_of(call.platform, call.region())
    rows = filters.by_list(call, rows, 'serverInstanceNoList', lambda server: server['no'])
    rows = filters.by_value(call, rows, 'serverInstanceStatusCode', lambda server: server['status'], SERVER_STATUSES)
    if call.platform == 'classic':
        rows = classic_search(call, rows)
        rows = filters.by_value(call, rows, 'zoneNo', zone_no)
    else:
        # serverName is a search filter: it matches part of a name, so callers must compare names themselves.
        name = call.get('serverName')
        rows = [server for server in rows if name is None or name in server['name']]
        rows = filters.by_list(call, rows, 'hypervisorTypeCodeList', lambda server: server['hypervisor'], ('XEN', 'KVM'))
    return filters.listing(call, rows, 'serverInstanceList', PAYLOADS[call.platform], SORT_KEYS, filters.number, False)


def zone_no(server):
    return CLASSIC_ZONES.get(server['zone'], {}).get('zoneNo')


def classic_search(call, rows):
    """searchFilterName (serverName or ip, any case) with searchFilterValue: a partial match, like the console's search."""
    field = call.get('searchFilterName')
    value = call.get('searchFilterValue')
    if field is None:
        return rows
    getter = {'servername': lambda server: server['name'], 'ip': lambda server: server['private_ip']}.get(field.lower())
    if getter is None:
        raise invalid('searchFilterName must be serverName or ip.')
    return [server for server in rows if value is None or value in getter(server)]


def server_detail(state, call):
    server = state.find_server(call, call.require('serverInstanceNo'))
    return filters.single('serverInstanceList', vpc_server, [server])


def change_power(state, call, target):
    """stop/startServerInstances: every listed server must be able to move, or none does."""
    numbers = call.values('serverInstanceNoList')
    if not numbers:
        raise invalid('serverInstanceNoList is required.')
    servers = [state.find_server(call, server_no) for server_no in numbers]
    source, operation, verb = POWER[target]
    for server in servers:
        if server['operation'] != 'NULL':
            raise ApiError(SERVER_IN_OPERATION, 'Server %s is in operation (%s); try again later.' % (server['no'], server['operation']))
        if server['status'] != source:
            raise invalid('Server %s cannot %s from status %s.' % (server['no'], verb, server['status']))
    for server in servers:
        server.update(operation=operation, operation_since=call.now)
    return filters.single('serverInstanceList', PAYLOADS[call.platform], servers)


COMMON_ACTIONS = {
    'getRegionList': region_list,
    'getServerInstanceList': list_servers,
    'stopServerInstances': functools.partial(change_power, target='NSTOP'),
    'startServerInstances': functools.partial(change_power, target='RUN'),
}
CLASSIC_ACTIONS = dict(COMMON_ACTIONS)
VPC_ACTIONS = dict(COMMON_ACTIONS, getServerInstanceDetail=server_detail)
