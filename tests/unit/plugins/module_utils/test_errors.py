# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""NCloudError text and the fail_json result built from it."""

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError, NCloudOutcomeUnknownError


def test_str_is_one_line_with_everything_known():
    error = NCloudError('Authentication Failed', status=401, code='200', request_id='abc', action='getServerInstanceList')
    assert str(error) == 'Authentication Failed (action getServerInstanceList, HTTP 401, code 200, request id abc)'


def test_str_is_the_bare_message_when_nothing_else_is_known():
    assert str(NCloudError('no credentials')) == 'no credentials'


def test_numeric_codes_become_strings():
    assert NCloudError('x', code=1000).code == '1000'


def test_to_result_gives_fail_json_keywords():
    error = NCloudError('Temporary error', status=500, code='1000', action='getRegionList')
    assert error.to_result() == {'msg': 'Temporary error (action getRegionList, HTTP 500, code 1000)', 'http_status': 500,
                                 'error_code': '1000', 'request_id': None, 'action': 'getRegionList'}


def test_outcome_unknown_is_an_ncloud_error():
    error = NCloudOutcomeUnknownError('reply lost', action='createServerImage')
    assert isinstance(error, NCloudError) and error.to_result()['action'] == 'createServerImage'
