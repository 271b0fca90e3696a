# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""NCloudClient over real HTTP against the in-process emulator: signing, paging, error shapes, retries."""

import math
import os
import shutil
import subprocess
import time

import pytest

from ncloud_emulator import Emulator

from ansible_collections.ncloud.compute.plugins.module_utils.config import resolve_settings
from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError, NCloudOutcomeUnknownError
from ansible_collections.ncloud.compute.plugins.module_utils.retries import RetryPolicy
from ansible_collections.ncloud.compute.plugins.module_utils.transport import NCloudClient

ACCESS_KEY = 'EMULATORACCESSKEY00000001'
SECRET_KEY = 'emulator-secret-0123456789abcdefghijklmnopqrstuv'
XEN_SERVER = {'no': '20345601', 'name': 'db-xen-1', 'kind': 'xen', 'status': 'RUN'}
LIST_ACTION, LIST_KEY = 'getMemberServerImageInstanceList', 'memberServerImageInstanceList'
CREATE_ACTION = 'createMemberServerImageInstance'
STOP_ACTION = 'stopServerInstances'


def fast_policy(attempts=4, total_seconds=30.0):
    return RetryPolicy(attempts=attempts, total_seconds=total_seconds, base=0.01, cap=0.05)


@pytest.fixture
def emu():
    emulator = Emulator(seed={'servers': [XEN_SERVER]})
    emulator.start()
    yield emulator
    emulator.stop()


def make_client(url, retry_policy=None, secret_key=SECRET_KEY, **options):
    params = dict(access_key=ACCESS_KEY, secret_key=secret_key, api_url=url, **options)
    return NCloudClient(resolve_settings(params, environ={}, config_path=os.devnull), retry_policy or fast_policy())


def requests_for(emulator, action, expected=None):
    """The log entries of action; with expected, waits (up to 5 s) for requests a 'slow' fault still holds."""
    deadline = time.monotonic() + 5.0
    while True:
        entries = [entry for entry in emulator.log if entry['action'] == action]
        if expected is None or len(entries) >= expected or time.monotonic() > deadline:
            return entries
        time.sleep(0.05)


@pytest.mark.parametrize('image_count', [0, 1000, 2500])
def test_list_all_reads_every_page_with_ceil_n_over_1000_requests(emu, image_count):
    emu.reset(seed={'servers': [XEN_SERVER], 'bulk_images': {'vpc_member': image_count}})
    client = make_client(emu.url)
    rows = client.list_all(LIST_ACTION, LIST_KEY)
    assert len(rows) == image_count
    assert len(set(row['memberServerImageInstanceNo'] for row in rows)) == image_count
    sent = requests_for(emu, LIST_ACTION)
    assert len(sent) == max(1, math.ceil(image_count / 1000.0)) == client.request_count
    assert [entry['params']['pageNo'] for entry in sent] == [str(page) for page in range(1, len(sent) + 1)]
    assert all(entry['params']['pageSize'] == '1000' and entry['params']['responseFormatType'] == 'json'
               and entry['params']['regionCode'] == 'KR' for entry in sent)


def test_awkward_characters_are_signed_exactly_as_sent(emu):
    client = make_client(emu.url)
    reply = client.call(LIST_ACTION, {'memberServerImageName': 'no such image/+&=?한 ~'})
    assert reply['totalRows'] == 0
    assert emu.log[-1]['params']['memberServerImageName'] == 'no such image/+&=?한 ~'


def test_classic_region_number_is_resolved_once_per_client(emu):
    client = make_client(emu.url, platform='classic', region='JPN')
    client.call('getServerInstanceList')
    client.call('getMemberServerImageList')
    assert [entry['action'] for entry in emu.log] == ['getRegionList', 'getServerInstanceList', 'getMemberServerImageList']
    assert emu.log[1]['params']['regionNo'] == emu.log[2]['params']['regionNo'] == '6'
    assert 'regionNo' not in emu.log[0]['params']


def test_unknown_classic_region_lists_the_known_ones(emu):
    with pytest.raises(NCloudError) as raised:
        make_client(emu.url, platform='classic', region='MARS').call('getServerInstanceList')
    assert "'MARS'" in str(raised.value) and 'KR (Korea)' in str(raised.value) and 'JPN' in str(raised.value)


def test_wrong_secret_is_a_plain_authentication_error_without_any_key(emu):
    wrong_secret = 'wrong-secret-zyxwvutsrqponmlkjihgfedcba9876543210'
    with pytest.raises(NCloudError) as raised:
        make_client(emu.url, secret_key=wrong_secret).call(LIST_ACTION)
    error = raised.value
    assert (error.status, error.code, error.action) == (401, '200', LIST_ACTION)
    assert 'Authentication failed' in str(error) and 'matching pair' in str(error) and '5 minutes' in str(error)
    assert wrong_secret not in str(error) and SECRET_KEY not in str(error) and ACCESS_KEY not in str(error)
    assert len(emu.log) == 1   # never retried


def test_backend_error_carries_its_return_code_and_is_not_retried(emu):
    with pytest.raises(NCloudError) as raised:
        make_client(emu.url).call(LIST_ACTION, {'pageNo': 1, 'pageSize': 5000})
    assert (raised.value.status, raised.value.code) == (400, '1100000')
    assert 'pageSize' in raised.value.message
    assert len(emu.log) == 1


def test_html_body_becomes_a_short_tag_free_error(emu):
    emu.inject(LIST_ACTION, 'html')
    with pytest.raises(NCloudError) as raised:
        make_client(emu.url).call(LIST_ACTION)
    error = raised.value
    assert error.status == 502 and 'not JSON' in error.message and '502 Bad Gateway' in error.message
    assert '<' not in error.message and len(error.message) < 300
    assert len(emu.log) == 1


@pytest.mark.parametrize('fault', ['429', '503', '500-1000', 'reset', 'slow'])
def test_retried_faults_end_in_success(emu, fault):
    emu.inject(LIST_ACTION, fault, times=2, delay=1.0)
    client = make_client(emu.url, timeout=0.3)
    assert client.call(LIST_ACTION)['returnCode'] == '0'
    # A 'slow' request is logged when the emulator lets go of it, after the retry that succeeded.
    assert sorted((entry['fault'] for entry in requests_for(emu, LIST_ACTION, 3)), key=lambda name: name is None) == [
        fault, fault, None]
    assert client.request_count == 3


def test_retry_codes_from_the_caller_are_retried(emu):
    emu.reset(timings={'server_stop_seconds': 0.3})
    client = make_client(emu.url, retry_policy=RetryPolicy(attempts=20, total_seconds=10.0, base=0.05, cap=0.1))
    client.call('stopServerInstances', {'serverInstanceNoList': [XEN_SERVER['no']]}, mutating=True)
    reply = client.call(CREATE_ACTION, {'serverInstanceNo': XEN_SERVER['no'], 'memberServerImageName': 'retry-codes'},
                        mutating=True, retry_codes=('25017',))
    assert reply['memberServerImageInstanceList'][0]['memberServerImageName'] == 'retry-codes'
    codes = [entry['code'] for entry in requests_for(emu, CREATE_ACTION)]
    assert codes[0] == '25017' and codes[-1] == '0' and len(codes) >= 2


def test_gives_up_after_the_policy_bound_naming_attempts_and_last_error(emu):
    emu.inject(LIST_ACTION, '503', times=10)
    with pytest.raises(NCloudError) as raised:
        make_client(emu.url, fast_policy(attempts=3)).call(LIST_ACTION)
    assert str(raised.value).startswith('Gave up after 3 attempts over ')
    assert 'Endpoint Error' in str(raised.value) and raised.value.status == 503
    assert len(emu.log) == 3


def test_lost_reply_on_a_mutating_call_is_outcome_unknown_and_sent_once(emu):
    emu.inject(CREATE_ACTION, 'lost')
    with pytest.raises(NCloudOutcomeUnknownError) as raised:
        make_client(emu.url).call(CREATE_ACTION, {'serverInstanceNo': XEN_SERVER['no'], 'memberServerImageName': 'lost-reply'},
                                  mutating=True)
    assert 'may have been applied' in str(raised.value)
    assert len(requests_for(emu, CREATE_ACTION)) == 1


@pytest.mark.parametrize('fault', ['503', 'reset', 'slow'])
def test_mutating_call_is_not_resent_after_a_5xx_reset_or_timeout(emu, fault):
    emu.inject(CREATE_ACTION, fault, delay=1.0)
    client = make_client(emu.url, timeout=0.3)
    with pytest.raises(NCloudOutcomeUnknownError):
        client.call(CREATE_ACTION, {'serverInstanceNo': XEN_SERVER['no']}, mutating=True)
    assert client.request_count == 1 and len(requests_for(emu, CREATE_ACTION, 1)) == 1


@pytest.mark.parametrize('fault, sent, looks', [(None, 1, 0), ('lost', 1, 1), ('reset', 2, 1)])
def test_apply_once_sends_again_only_what_looking_shows_was_not_applied(emu, fault, sent, looks):
    # 'lost' drops the reply after the stop is applied; 'reset' drops the connection before it is.
    if fault:
        emu.inject(STOP_ACTION, fault)
    client = make_client(emu.url)
    looked = []

    def was_applied():
        looked.append(True)
        server = client.call('getServerInstanceList', {'serverInstanceNoList': [XEN_SERVER['no']]})['serverInstanceList'][0]
        return server['serverInstanceStatus']['code'] != 'RUN' or server['serverInstanceOperation']['code'] != 'NULL'

    client.apply_once(STOP_ACTION, {'serverInstanceNoList': [XEN_SERVER['no']]}, was_applied)
    assert len(requests_for(emu, STOP_ACTION)) == sent and len(looked) == looks
    assert emu.state.servers[XEN_SERVER['no']]['operation'] == 'SHTDN'


def test_mutating_call_is_retried_after_429(emu):
    emu.inject(CREATE_ACTION, '429')
    make_client(emu.url).call(CREATE_ACTION, {'serverInstanceNo': XEN_SERVER['no']}, mutating=True)
    assert [entry['status'] for entry in requests_for(emu, CREATE_ACTION)] == [429, 200]


def test_connection_refused_names_the_host_and_is_bounded(emu):
    url = emu.url
    emu.stop()
    client = make_client(url, fast_policy(attempts=2))
    with pytest.raises(NCloudError) as raised:
        client.call(CREATE_ACTION, mutating=True)   # refused before sending: safe to retry even when mutating
    assert 'Cannot connect to %s' % url.split('//')[1] in str(raised.value) and 'refused' in str(raised.value)
    assert 'Gave up after 2 attempts' in str(raised.value) and client.request_count == 2


@pytest.fixture(scope='module')
def tls_files(tmp_path_factory):
    if not shutil.which('openssl'):
        pytest.skip('openssl is needed to make a test certificate')
    folder = tmp_path_factory.mktemp('tls')
    cert, key = str(folder / 'cert.pem'), str(folder / 'key.pem')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
                    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_emu(tls_files):
    emulator = Emulator(seed={'servers': [XEN_SERVER]}, tls=tls_files)
    emulator.start()
    yield emulator
    emulator.stop()


def test_untrusted_certificate_is_a_clear_error_that_points_at_the_options(tls_emu):
    with pytest.raises(NCloudError) as raised:
        make_client(tls_emu.url).call(LIST_ACTION)
    assert 'certificate verification failed' in str(raised.value)
    assert 'ca_path' in str(raised.value) and 'validate_certs' in str(raised.value)
    assert tls_emu.log == []


def test_ca_path_or_validate_certs_false_reach_a_tls_endpoint(tls_emu, tls_files):
    assert make_client(tls_emu.url, ca_path=tls_files[0]).call(LIST_ACTION)['returnCode'] == '0'
    assert make_client(tls_emu.url, validate_certs=False).call(LIST_ACTION)['returnCode'] == '0'
