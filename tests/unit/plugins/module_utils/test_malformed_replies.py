# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Replies of the right status but the wrong shape (over real HTTP): each one is an NCloudError naming the action, never
a ValueError, TypeError or AttributeError that a module would show as a traceback."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

from ansible_collections.ncloud.compute.plugins.module_utils.config import resolve_settings
from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError
from ansible_collections.ncloud.compute.plugins.module_utils.image_lifecycle import create_image
from ansible_collections.ncloud.compute.plugins.module_utils.retries import RetryPolicy
from ansible_collections.ncloud.compute.plugins.module_utils.servers import list_servers
from ansible_collections.ncloud.compute.plugins.module_utils.transport import NCloudClient

SECRET_KEY = 'malformed-replies-secret-0123456789abcdefghijklmnop'
XEN_SERVER = {'server_instance_no': '20345601', 'platform': 'vpc', 'hypervisor_type': 'XEN'}


class ReplyServer(ThreadingHTTPServer):
    """Answers every action with HTTP `status` and the JSON `inner` wrapped as {"<action>Response": inner}."""

    def __init__(self):
        super().__init__(('127.0.0.1', 0), ReplyHandler)
        self.status, self.inner = 200, {}


class ReplyHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # pylint: disable=invalid-name
        action = urlparse(self.path).path.rsplit('/', 1)[-1]
        body = json.dumps({'%sResponse' % action: self.server.inner}).encode()
        self.send_response(self.server.status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # pylint: disable=arguments-differ
        pass


@pytest.fixture
def server():
    reply_server = ReplyServer()
    thread = threading.Thread(target=reply_server.serve_forever, daemon=True)
    thread.start()
    yield reply_server
    reply_server.shutdown()
    reply_server.server_close()


def client_of(server, platform='vpc'):
    settings = resolve_settings({'access_key': 'MALFORMEDACCESSKEY0001', 'secret_key': SECRET_KEY, 'platform': platform,
                                 'api_url': 'http://127.0.0.1:%d' % server.server_address[1]}, environ={}, config_path=os.devnull)
    return NCloudClient(settings, RetryPolicy(attempts=1))


def assert_clear_error(raised, *words):
    message = str(raised.value)
    assert raised.type is NCloudError and all(word in message for word in words), message
    assert SECRET_KEY not in message


@pytest.mark.parametrize('total', ['many', [3], {'n': 1}])
def test_a_total_rows_that_is_not_a_number(server, total):
    server.inner = {'returnCode': '0', 'totalRows': total, 'serverInstanceList': [{'serverInstanceNo': '1'}]}
    with pytest.raises(NCloudError) as raised:
        client_of(server).list_all('getServerInstanceList', 'serverInstanceList', page_size=1)
    assert_clear_error(raised, 'totalRows', 'getServerInstanceList')


@pytest.mark.parametrize('rows', ['text', {'serverInstanceNo': '1'}, ['text'], [None], 7])
def test_listed_rows_that_are_not_objects(server, rows):
    server.inner = {'returnCode': '0', 'totalRows': 1, 'serverInstanceList': rows}
    with pytest.raises(NCloudError) as raised:
        list_servers(client_of(server))
    assert_clear_error(raised, 'malformed serverInstanceList', 'getServerInstanceList')


def test_a_create_reply_whose_image_list_is_not_a_list(server):
    server.inner = {'returnCode': '0', 'memberServerImageInstanceList': {'memberServerImageInstanceNo': '9'}}
    with pytest.raises(NCloudError) as raised:
        create_image(client_of(server), XEN_SERVER, 'shape-test', None)
    assert_clear_error(raised, 'malformed memberServerImageInstanceList', 'createMemberServerImageInstance')


def test_a_classic_region_list_that_is_not_a_list(server):
    server.inner = {'returnCode': '0', 'regionList': 'KR'}
    with pytest.raises(NCloudError) as raised:
        client_of(server, 'classic').call('getServerInstanceList')
    assert_clear_error(raised, 'malformed regionList', 'getRegionList')


def test_an_error_reply_whose_inner_part_is_not_an_object(server):
    server.status, server.inner = 400, 'bad request'
    with pytest.raises(NCloudError) as raised:
        client_of(server).call('getServerInstanceList')
    assert_clear_error(raised, 'NCloud replied with an error', 'HTTP 400')


def test_server_numbers_that_are_not_numbers_still_sort(server):
    server.inner = {'returnCode': '0', 'totalRows': 3,
                    'serverInstanceList': [{'serverInstanceNo': '12'}, {'serverInstanceNo': 'x-1'}, {'serverName': 'no-number'}]}
    assert [item['server_instance_no'] for item in list_servers(client_of(server))] == ['x-1', None, '12']
