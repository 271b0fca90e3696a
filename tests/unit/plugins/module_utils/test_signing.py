# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Query flattening/encoding and signature v2 against values computed outside Python."""

import pytest

from ansible_collections.ncloud.compute.plugins.module_utils.signing import (
    auth_headers, build_query, flatten_params, request_uri, signature)

ACCESS_KEY = 'TESTACCESSKEY0000000000001'
SECRET_KEY = 'test-secret-key-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c'
TIMESTAMP_MS = 1700000000000

# Known answers computed with openssl, independently of this code:
#   printf 'GET <uri>\n1700000000000\nTESTACCESSKEY0000000000001' \
#     | openssl dgst -sha256 -hmac 'test-secret-key-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c' -binary | base64
QUERY_URI = ('/vserver/v2/getServerImageList?regionCode=KR&serverImageNoList.1=23214590'
             '&serverImageName=web%20backup%2F1&responseFormatType=json')
QUERY_SIGNATURE = '0p1H4NPkyQ/eHvc5V3tn3GLSBnMSW0qGDVEXvZsk1eY='
PATH_ONLY_URI = '/server/v2/getRegionList'
PATH_ONLY_SIGNATURE = 'NY4624pgySXx/8dPoXU7bJ5vdzrziJCbcedbFC4+A3c='


def test_signature_matches_openssl_for_a_query():
    assert signature('GET', QUERY_URI, TIMESTAMP_MS, ACCESS_KEY, SECRET_KEY) == QUERY_SIGNATURE


def test_signature_matches_openssl_for_a_bare_path():
    assert signature('GET', PATH_ONLY_URI, TIMESTAMP_MS, ACCESS_KEY, SECRET_KEY) == PATH_ONLY_SIGNATURE


def test_the_uri_built_from_params_is_the_one_openssl_signed():
    params = {'regionCode': 'KR', 'serverImageNoList': ['23214590'], 'serverImageName': 'web backup/1',
              'responseFormatType': 'json'}
    assert request_uri('/vserver/v2/getServerImageList', build_query(params)) == QUERY_URI


def test_request_uri_is_the_path_alone_without_a_query():
    assert request_uri(PATH_ONLY_URI, '') == PATH_ONLY_URI


def test_auth_headers_carry_timestamp_key_and_signature_but_not_the_secret():
    headers = auth_headers('GET', QUERY_URI, TIMESTAMP_MS, ACCESS_KEY, SECRET_KEY)
    assert headers == {'x-ncp-apigw-timestamp': '1700000000000', 'x-ncp-iam-access-key': ACCESS_KEY,
                       'x-ncp-apigw-signature-v2': QUERY_SIGNATURE}
    assert SECRET_KEY not in repr(headers)


@pytest.mark.parametrize('method, uri', [('POST', QUERY_URI), ('GET', QUERY_URI + '&x=1'), ('GET', PATH_ONLY_URI + '?')])
def test_any_change_to_the_signed_request_changes_the_signature(method, uri):
    assert signature(method, uri, TIMESTAMP_MS, ACCESS_KEY, SECRET_KEY) != signature(
        'GET', QUERY_URI, TIMESTAMP_MS, ACCESS_KEY, SECRET_KEY)


def test_lists_flatten_one_based_and_none_is_left_out():
    params = {'memberServerImageNoList': ['10543', 10752], 'pageNo': 1, 'serverName': None}
    assert flatten_params(params) == [('memberServerImageNoList.1', '10543'), ('memberServerImageNoList.2', 10752),
                                      ('pageNo', 1)]


def test_dicts_in_lists_flatten_to_indexed_fields():
    params = {'blockStorageList': [{'order': 0, 'blockStorageSize': 50}, {'order': 1, 'noBlockStorage': True}]}
    assert build_query(params) == ('blockStorageList.1.order=0&blockStorageList.1.blockStorageSize=50'
                                   '&blockStorageList.2.order=1&blockStorageList.2.noBlockStorage=true')


def test_empty_list_adds_nothing():
    assert build_query({'serverInstanceNoList': [], 'a': 'b'}) == 'a=b'


@pytest.mark.parametrize('value, encoded', [
    ('a b', 'a%20b'),              # space is %20, never '+'
    ('a+b', 'a%2Bb'),
    ('x/y?z&w=v#', 'x%2Fy%3Fz%26w%3Dv%23'),
    ('-_.~AZaz09', '-_.~AZaz09'),  # unreserved characters stay as they are
    ('한글', '%ED%95%9C%EA%B8%80'),  # UTF-8 bytes
    ("it's *ok*", 'it%27s%20%2Aok%2A'),
])
def test_values_are_percent_encoded_leaving_only_unreserved_characters(value, encoded):
    assert build_query({'name': value}) == 'name=' + encoded


def test_booleans_are_sent_lowercase():
    assert build_query({'a': True, 'b': False}) == 'a=true&b=false'
