# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator serves HTTPS with a throwaway certificate from a throwaway CA: with validate_certs on and no
CA given, the modules refuse it with a clear message; with the CA (ca_path) or with validation off, they work."""
import pytest

from harness import FAST_TIMINGS, AnsibleRunner
from ncloud_emulator import Emulator
from private_image_support import XEN_RUNNING, image_task, live_images
from proof_support import PIPELINED, crash_of, make_ca, write_server_certificate

SERVER_INFO = 'ncloud.compute.server_info'


@pytest.fixture(scope='module')
def certificates(tmp_path_factory):
    """cert, key and ca (the CA that signed cert) for 127.0.0.1, and other_ca: a CA that signed nothing here."""
    directory = tmp_path_factory.mktemp('tls')
    paths = write_server_certificate(directory, make_ca('ncloud.compute proof CA'))
    paths['other_ca'] = write_server_certificate(tmp_path_factory.mktemp('other-tls'), make_ca('unrelated CA'))['ca']
    return paths


@pytest.fixture
def https_emulator(certificates):
    emu = Emulator(timings=FAST_TIMINGS, tls=(str(certificates['cert']), str(certificates['key']))).start()
    yield emu
    emu.stop()


@pytest.fixture
def https_runner(https_emulator, collections_path, tmp_path):
    return AnsibleRunner(https_emulator.url, collections_path, tmp_path)


def test_certificates_are_checked_and_a_given_ca_or_no_validation_works(https_emulator, https_runner, emulator, certificates):
    assert https_emulator.url.startswith('https://127.0.0.1:')
    host = https_emulator.url[len('https://'):]
    tasks = [
        {SERVER_INFO: {}},
        {SERVER_INFO: {'ca_path': str(certificates['other_ca'])}},
        {SERVER_INFO: {'api_url': emulator.url.replace('http://', 'https://')}},   # TLS to a plain HTTP server
        {SERVER_INFO: {'ca_path': str(certificates['ca'])}},
        {SERVER_INFO: {'validate_certs': False}},
        image_task(name='over-tls', server_instance_no=XEN_RUNNING, ca_path=str(certificates['ca'])),
    ]

    run = https_runner.run_tasks(tasks, extra_env=PIPELINED)

    untrusted, wrong_ca, not_tls, with_ca, unverified, created = run.results
    assert [crash_of(result) for result in run.results] == [None] * len(tasks), run.results
    for refused in (untrusted, wrong_ca):
        assert refused['failed'] is True, refused
        assert 'TLS certificate verification failed for %s' % host in refused['msg'] and 'ca_path' in refused['msg'], refused
    assert not_tls['failed'] is True and 'TLS handshake' in not_tls['msg'], not_tls
    assert emulator.log == []
    for listed in (with_ca, unverified):
        assert not listed.get('failed') and XEN_RUNNING in [server['server_instance_no'] for server in listed['servers']], listed
    assert not unverified.get('warnings'), unverified   # validation off is the user's choice: no warning per request
    assert 'InsecureRequestWarning' not in run.stdout + run.stderr
    assert created['changed'] is True and created['private_image']['private_image_status_name'] == 'created', created
    assert [image['no'] for image in live_images(https_emulator, 'over-tls')] == [created['private_image']['private_image_no']]
    # The refused calls never got past the handshake: every request the emulator saw was answered.
    assert https_emulator.log and all(entry['status'] == 200 for entry in https_emulator.log)


def test_a_ca_path_that_does_not_exist_fails_clearly_not_with_a_traceback(https_runner, tmp_path):
    missing = tmp_path / 'no-such-ca.pem'

    result = https_runner.run_tasks([{SERVER_INFO: {'ca_path': str(missing)}}], extra_env=PIPELINED).results[0]

    assert result['failed'] is True, result
    assert crash_of(result) is None, result
    assert 'ca_path' in result['msg'] and str(missing) in result['msg'], result
