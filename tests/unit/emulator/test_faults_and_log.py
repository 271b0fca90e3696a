# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Injected faults, the request log and the /_emulator/ control endpoints."""

import http.client
import socket
import threading
import time

import pytest

from emulator_client import FAST  # pylint: disable=import-error

CREATE_SERVER_IMAGE = {'serverInstanceNo': '20345603', 'serverImageName': 'faulted'}


def own_server_images(emu):
    return [image['name'] for image in emu.state.images.values() if image['api'] == 'vpc_server' and image['owner'] == 'SELF']


@pytest.mark.parametrize('fault,status,key,code', [
    ('429', 429, 'error', '420'), ('503', 503, 'error', '500'), ('500-1000', 500, 'responseError', '1000')])
def test_answering_faults_then_normal_service(api, emu, fault, status, key, code):
    emu.inject('getServerImageList', fault)
    reply = api.call('vpc', 'getServerImageList')
    assert reply.status == status
    assert reply.json()[key]['errorCode' if key == 'error' else 'returnCode'] == code
    assert api.call('vpc', 'getServerImageList').status == 200
    assert [(entry['status'], entry['fault']) for entry in emu.log] == [(status, fault), (200, None)]


def test_html_fault_is_a_proxy_page(api, emu):
    emu.inject('*', 'html')
    reply = api.call('classic', 'getRegionList')
    assert reply.status == 502 and reply.content_type == 'text/html' and '<html>' in reply.text


def test_reset_fault_drops_the_connection_before_applying(api, emu):
    emu.inject('createServerImage', 'reset')
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        api.call('vpc', 'createServerImage', CREATE_SERVER_IMAGE)
    assert own_server_images(emu) == ['app-kvm-1-base']
    assert emu.log[-1]['fault'] == 'reset' and emu.log[-1]['status'] is None


def test_lost_fault_applies_then_drops_the_connection(api, emu):
    emu.inject('createServerImage', 'lost')
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        api.call('vpc', 'createServerImage', CREATE_SERVER_IMAGE)
    assert own_server_images(emu) == ['app-kvm-1-base', 'faulted']
    assert emu.log[-1]['fault'] == 'lost' and emu.log[-1]['code'] == '0' and emu.log[-1]['status'] is None


def test_slow_fault_outlasts_the_client_timeout(api, emu):
    emu.inject('getRegionList', 'slow', delay=1.0)
    with pytest.raises(socket.timeout):
        api.call('vpc', 'getRegionList', timeout=0.3)
    emu.inject('getRegionList', 'slow', delay=0.2)
    started = time.monotonic()
    assert api.call('vpc', 'getRegionList', timeout=5).status == 200
    assert time.monotonic() - started >= 0.2


def test_stop_does_not_wait_for_a_slow_request(emu, api):
    emu.inject('*', 'slow')
    caller = threading.Thread(target=lambda: pytest.raises(Exception, api.call, 'vpc', 'getRegionList', timeout=30))
    caller.start()
    time.sleep(0.2)
    started = time.monotonic()
    emu.stop()
    caller.join(5)
    assert time.monotonic() - started < 3 and not caller.is_alive()


def test_image_fail_ends_in_create_failed_and_waits_for_a_create(api, emu, clock):
    emu.inject('*', 'image-fail')
    assert api.call('vpc', 'getServerImageList').status == 200
    failing = api.ok('vpc', 'createServerImage', CREATE_SERVER_IMAGE)['serverImageList'][0]
    healthy = api.ok('vpc', 'createServerImage', dict(CREATE_SERVER_IMAGE, serverImageName='healthy'))['serverImageList'][0]
    clock.advance(FAST['image_create_seconds'])
    rows = api.ok('vpc', 'getServerImageList', {'serverImageNoList': [failing['serverImageNo'], healthy['serverImageNo']]})
    by_name = {row['serverImageName']: (row['serverImageStatus']['code'], row['serverImageStatusName']) for row in rows['serverImageList']}
    assert by_name == {'faulted': ('CREFL', 'createFailed'), 'healthy': ('CREAT', 'created')}
    assert emu.log[0]['fault'] is None


def test_faults_are_consumed_in_order_and_count_times(api, emu):
    emu.inject('getRegionList', '503', times=2)
    emu.inject('*', '429')
    statuses = [api.call('vpc', 'getRegionList').status for dummy in range(4)]
    assert statuses == [503, 503, 429, 200]


def test_faults_wait_for_an_authenticated_request(api, emu):
    emu.inject('*', '503')
    assert api.call('vpc', 'getRegionList', access_key='NOSUCHKEY0000000000000001').status == 401
    assert api.call('vpc', 'getRegionList').status == 503


def test_log_records_every_request_with_flattened_params(api, emu):
    api.call('classic', 'getMemberServerImageList', {'memberServerImageNoList': [3791, 3802]}, method='POST')
    api.call('vpc', 'getRegionList', secret_key='emulator-secret-WRONG-0123456789abcdefghijklmnop')
    api.raw('GET', '/vserver/v2/nothingHere')
    api.call('vpc', 'createServerImage', {'serverInstanceNo': '42'})
    first, second, third, fourth = emu.log
    assert first['params'] == {'memberServerImageNoList.1': '3791', 'memberServerImageNoList.2': '3802', 'responseFormatType': 'json'}
    assert (first['method'], first['path'], first['platform'], first['action'], first['status'], first['code']) == (
        'POST', '/server/v2/getMemberServerImageList', 'classic', 'getMemberServerImageList', 200, '0')
    assert (second['status'], second['code'], second['platform']) == (401, '200', 'vpc')
    assert (third['status'], third['code'], third['action']) == (404, '300', None)
    assert (fourth['status'], fourth['code']) == (400, '1100000')
    assert [entry['seq'] for entry in emu.log] == [1, 2, 3, 4] and first['time'] <= fourth['time']


def test_control_endpoints(api, emu):
    api.call('vpc', 'getRegionList')
    assert api.control('GET', 'log').json()[0]['action'] == 'getRegionList'
    assert api.control('POST', 'log/clear').status == 200 and emu.log == []
    assert api.control('POST', 'faults', {'action': 'getRegionList', 'fault': '429', 'times': 1}).status == 200
    assert api.call('vpc', 'getRegionList').status == 429
    assert api.control('POST', 'faults', {'action': 'x', 'fault': 'meteor'}).status == 400
    assert api.control('POST', 'timings', {'server_stop_seconds': 0}).json()['server_stop_seconds'] == 0
    api.ok('vpc', 'stopServerInstances', {'serverInstanceNoList': ['20345601']})
    servers = {server['no']: server for server in api.control('GET', 'state').json()['servers']}
    assert servers['20345601']['status'] == 'NSTOP'
    assert api.control('POST', 'reset').status == 200
    assert emu.log == [] and emu.state.servers['20345601']['status'] == 'RUN'
    assert emu.state.timings['server_stop_seconds'] == FAST['server_stop_seconds']
    assert api.control('GET', 'nothing').status == 404


def test_reset_with_a_new_seed(api, emu):
    emu.reset(seed={'servers': [{'no': '7', 'name': 'only-one', 'kind': 'kvm'}],
                    'credentials': [{'access_key': 'IGNOREDKEY', 'secret_key': 'ignored'}]})
    assert [server['serverName'] for server in api.ok('vpc', 'getServerInstanceList')['serverInstanceList']] == ['only-one']
    assert api.ok('vpc', 'getServerImageList')['totalRows'] == 0


def test_an_emulator_bug_is_an_unexpected_error_not_a_hang(api, emu):
    emu.state.servers['593001']['kind'] = 'no-such-kind'
    reply = api.call('classic', 'getServerInstanceList')
    assert (reply.status, reply.json()['error']['errorCode']) == (500, '900')
    assert emu.log[-1]['code'] == '900'
