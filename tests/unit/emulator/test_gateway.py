# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The gateway's checks: signature v2 over the raw URI, clock skew, keys, routing, XML, legacy numbers, TLS."""

import json
import ssl
import time
import urllib.parse

import pytest

from emulator_client import ACCESS_KEY, SECRET_KEY, Api, sign  # pylint: disable=import-error

from ncloud_emulator import Emulator


def gateway_error(reply):
    return reply.status, reply.json()['error']['errorCode']


@pytest.mark.parametrize('method', ['GET', 'POST'])
def test_signed_request_succeeds_with_get_and_form_post(api, method):
    inner = api.ok('vpc', 'getRegionList', method=method)
    assert inner['returnCode'] == '0' and inner['returnMessage'] == 'success'


def test_post_may_carry_params_in_the_query_too(api):
    uri = '/vserver/v2/getServerInstanceList?responseFormatType=json'
    timestamp = str(int(time.time() * 1000))
    headers = {'Content-Type': 'application/x-www-form-urlencoded', 'x-ncp-apigw-timestamp': timestamp,
               'x-ncp-iam-access-key': ACCESS_KEY, 'x-ncp-apigw-signature-v2': sign(SECRET_KEY, 'POST', uri, timestamp, ACCESS_KEY)}
    reply = api.raw('POST', uri, 'serverName=app-kvm-1', headers)
    assert [s['serverName'] for s in reply.inner('getServerInstanceList')['serverInstanceList']] == ['app-kvm-1']


def test_signature_v1_header_name_is_accepted(api):
    assert api.call('classic', 'getRegionList', signature_header='x-ncp-apigw-signature-v1').status == 200


@pytest.mark.parametrize('change', [
    {'secret_key': 'emulator-secret-WRONG-0123456789abcdefghijklmnop'},
    {'access_key': 'UNKNOWNACCESSKEY000000001'},
    {'timestamp': str(int((time.time() - 600) * 1000))},
    {'timestamp': str(int((time.time() + 600) * 1000))},
    {'timestamp': str(int(time.time()))},  # seconds, not milliseconds
    {'signed_uri': '/vserver/v2/getRegionList'},  # query left out of the signed string
])
def test_authentication_failures_are_401_error_code_200(api, change):
    reply = api.call('vpc', 'getRegionList', {'regionCode': 'KR'}, **change)
    assert gateway_error(reply) == (401, '200')
    assert reply.json()['error']['message'] == 'Authentication Failed'
    assert SECRET_KEY not in reply.text


def test_signature_covers_the_uri_exactly_as_sent(api):
    """A name with a space signed as %20 but sent as + (or the reverse) must fail: no re-encoding on the server."""
    timestamp = str(int(time.time() * 1000))
    sent = '/vserver/v2/getServerInstanceList?serverName=app+kvm&responseFormatType=json'
    other = sent.replace('+', '%20')
    for signed, status in ((sent, 200), (other, 401)):
        headers = {'x-ncp-apigw-timestamp': timestamp, 'x-ncp-iam-access-key': ACCESS_KEY,
                   'x-ncp-apigw-signature-v2': sign(SECRET_KEY, 'GET', signed, timestamp, ACCESS_KEY)}
        assert api.raw('GET', sent, headers=headers).status == status


def test_missing_headers_are_rejected(api):
    reply = api.raw('GET', '/vserver/v2/getRegionList?responseFormatType=json')
    assert gateway_error(reply) == (401, '200')


@pytest.mark.parametrize('path', ['/vserver/v2/noSuchAction', '/server/v2/getServerImageList', '/vserver/v1/getRegionList', '/'])
def test_unknown_paths_are_404_error_code_300(api, path):
    assert gateway_error(api.raw('GET', path)) == (404, '300')


def test_bad_percent_encoding_is_400_error_code_100(api):
    assert gateway_error(api.raw('GET', '/vserver/v2/getRegionList?regionCode=%FF')) == (400, '100')


def test_without_response_format_type_the_answer_is_xml(api):
    reply = api.call('classic', 'getMemberServerImageList', fmt=None)
    assert reply.status == 200 and reply.content_type.startswith('application/xml')
    assert reply.text.startswith('<?xml') and '<returnCode>0</returnCode>' in reply.text
    assert '<memberServerImage><memberServerImageNo>3802</memberServerImageNo>' in reply.text
    with pytest.raises(ValueError):
        json.loads(reply.text)
    error = api.call('classic', 'createMemberServerImage', fmt=None)
    assert error.status == 400 and '<responseError><returnCode>1100000</returnCode>' in error.text


def test_legacy_numbers_send_return_code_and_ids_as_numbers():
    with Emulator(legacy_numbers=True) as emulator:
        inner = Api(emulator.url).ok('classic', 'getMemberServerImageList', {'memberServerImageNoList': [3791]})
    assert inner['returnCode'] == 0
    image = inner['memberServerImageList'][0]
    assert image['memberServerImageNo'] == 3791 and image['originalServerInstanceNo'] == 492964
    assert image['region']['regionNo'] == 1 and image['memberServerImageName'] == 'img-9b885f11922e5bb'


def test_credentials_are_configurable():
    with Emulator(credentials={'OTHERACCESSKEY000000000001': 'other-secret-zyxwvutsrqponmlkjihgfedcba9876543210'}) as emulator:
        api = Api(emulator.url)
        assert api.call('vpc', 'getRegionList').status == 401
        assert api.call('vpc', 'getRegionList', access_key='OTHERACCESSKEY000000000001',
                        secret_key='other-secret-zyxwvutsrqponmlkjihgfedcba9876543210').status == 200


def test_tls(tls_files):
    with Emulator(tls=tls_files) as emulator:
        assert emulator.url.startswith('https://127.0.0.1:')
        context = ssl.create_default_context(cafile=tls_files[0])
        assert Api(emulator.url, context).ok('vpc', 'getRegionList')['totalRows'] == 6
        with pytest.raises(ssl.SSLError):
            Api(emulator.url, ssl.create_default_context()).call('vpc', 'getRegionList')


def test_the_log_never_holds_the_secret(api, emu):
    api.call('vpc', 'getRegionList')
    api.call('vpc', 'getRegionList', secret_key='emulator-secret-WRONG-0123456789abcdefghijklmnop')
    assert SECRET_KEY not in json.dumps(emu.log)
    assert urllib.parse.quote(SECRET_KEY) not in api.control('GET', 'log').text
