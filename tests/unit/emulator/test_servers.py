# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Server actions and getRegionList on both platforms: records, filters, detail, stop/start lifecycle."""

import pytest

from emulator_client import FAST  # pylint: disable=import-error


def names(inner):
    return [server['serverName'] for server in inner['serverInstanceList']]


def server_state(api, platform, number):
    server = api.ok(platform, 'getServerInstanceList', {'serverInstanceNoList': [number]})['serverInstanceList'][0]
    return server['serverInstanceStatus']['code'], server['serverInstanceOperation']['code'], server['serverInstanceStatusName']


def test_region_lists(api):
    classic = api.ok('classic', 'getRegionList')['regionList']
    assert classic[0] == {'regionNo': '1', 'regionCode': 'KR', 'regionName': 'Korea'}
    assert [region['regionNo'] for region in classic] == ['1', '2', '3', '5', '6', '7']
    vpc = api.ok('vpc', 'getRegionList')['regionList']
    assert {'regionCode': 'FKR', 'regionName': 'Korea(Financial)'} in vpc and vpc[0]['regionCode'] == 'KR'


def test_seeded_servers_of_all_three_kinds(api):
    classic = api.ok('classic', 'getServerInstanceList')
    assert names(classic) == ['ext-test', 'web-1', 'web-10'] and classic['totalRows'] == 3
    assert classic['serverInstanceList'][0]['zone']['zoneNo'] == '2' and 'hypervisorType' not in classic['serverInstanceList'][0]
    vpc = api.ok('vpc', 'getServerInstanceList')
    assert names(vpc) == ['db-xen-1', 'batch-xen-2', 'app-kvm-1', 'app-kvm-2']
    assert [server['hypervisorType']['code'] for server in vpc['serverInstanceList']] == ['XEN', 'XEN', 'KVM', 'KVM']
    assert vpc['serverInstanceList'][0]['regionCode'] == 'KR' and vpc['serverInstanceList'][0]['memorySize'] == 8 * 1024 ** 3


def test_server_list_filters(api):
    assert names(api.ok('classic', 'getServerInstanceList', {'searchFilterName': 'serverName', 'searchFilterValue': 'web-1'})) == ['web-1', 'web-10']
    assert names(api.ok('classic', 'getServerInstanceList', {'searchFilterName': 'ip', 'searchFilterValue': '10.101.0.7'})) == ['ext-test']
    assert api.error('classic', 'getServerInstanceList', {'searchFilterName': 'zone', 'searchFilterValue': 'x'}) == (400, '1100000')
    assert names(api.ok('classic', 'getServerInstanceList', {'serverInstanceStatusCode': 'NSTOP'})) == ['ext-test']
    assert names(api.ok('classic', 'getServerInstanceList', {'zoneNo': '3'})) == ['web-10']
    assert names(api.ok('vpc', 'getServerInstanceList', {'serverName': 'app-kvm'})) == ['app-kvm-1', 'app-kvm-2']
    assert names(api.ok('vpc', 'getServerInstanceList', {'hypervisorTypeCodeList': ['XEN']})) == ['db-xen-1', 'batch-xen-2']
    assert names(api.ok('vpc', 'getServerInstanceList', {'serverInstanceNoList': ['20345604', '593001']})) == ['app-kvm-2']
    assert names(api.ok('vpc', 'getServerInstanceList', {'sortedBy': 'serverName', 'sortingOrder': 'ASC'}))[0] == 'app-kvm-1'
    assert api.ok('vpc', 'getServerInstanceList', {'regionCode': 'JPN'})['totalRows'] == 0


def test_server_list_paging(api):
    inner = api.ok('vpc', 'getServerInstanceList', {'pageNo': 2, 'pageSize': 3})
    assert inner['totalRows'] == 4 and names(inner) == ['app-kvm-2']


def test_vpc_server_detail(api):
    server = api.ok('vpc', 'getServerInstanceDetail', {'serverInstanceNo': '20345603'})['serverInstanceList'][0]
    assert server['serverName'] == 'app-kvm-1' and server['serverSpecCode'] == 's2-g3'
    assert api.error('vpc', 'getServerInstanceDetail', {'serverInstanceNo': '492964'}) == (400, '1401')
    assert api.error('vpc', 'getServerInstanceDetail') == (400, '1100000')
    assert api.call('classic', 'getServerInstanceDetail').status == 404


@pytest.mark.parametrize('platform,number', [('classic', '593001'), ('vpc', '20345603')])
def test_stop_then_start(api, clock, platform, number):
    stopped = api.ok(platform, 'stopServerInstances', {'serverInstanceNoList': [number]})['serverInstanceList'][0]
    assert stopped['serverInstanceStatusName'] == 'shutting down'
    assert server_state(api, platform, number) == ('RUN', 'SHTDN', 'shutting down')
    assert api.error(platform, 'startServerInstances', {'serverInstanceNoList': [number]}) == (400, '25017')
    clock.advance(FAST['server_stop_seconds'])
    assert server_state(api, platform, number) == ('NSTOP', 'NULL', 'stopped')
    assert api.error(platform, 'stopServerInstances', {'serverInstanceNoList': [number]}) == (400, '1100000')
    api.ok(platform, 'startServerInstances', {'serverInstanceNoList': [number]})
    assert server_state(api, platform, number) == ('NSTOP', 'START', 'booting')
    clock.advance(FAST['server_start_seconds'])
    assert server_state(api, platform, number) == ('RUN', 'NULL', 'running')


def test_power_changes_are_all_or_nothing(api):
    assert api.error('vpc', 'stopServerInstances', {'serverInstanceNoList': ['20345601', '20345602']}) == (400, '1100000')
    assert server_state(api, 'vpc', '20345601') == ('RUN', 'NULL', 'running')
    assert api.error('vpc', 'stopServerInstances', {'serverInstanceNoList': ['20345601', '1']}) == (400, '1401')
    assert api.error('classic', 'stopServerInstances') == (400, '1100000')


def test_emulator_state_shows_the_lifecycle(api, emu, clock):
    api.ok('vpc', 'stopServerInstances', {'serverInstanceNoList': ['20345601']})
    assert emu.state.servers['20345601']['operation'] == 'SHTDN'
    clock.advance(FAST['server_stop_seconds'])
    assert emu.state.servers['20345601']['status'] == 'NSTOP'
