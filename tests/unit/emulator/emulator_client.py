# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A tiny signed client for the emulator's tests, written from the API reference (independent of the collection's client)."""

import base64
import hashlib
import hmac
import http.client
import json
import os
import shutil
import subprocess
import time
import urllib.parse

import pytest

EMULATOR_PATH = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', 'emulator'))

ACCESS_KEY = 'EMULATORACCESSKEY00000001'
SECRET_KEY = 'emulator-secret-0123456789abcdefghijklmnopqrstuv'
FAST = {'image_create_seconds': 10, 'image_delete_seconds': 10, 'list_lag_seconds': 0,
        'server_stop_seconds': 10, 'server_start_seconds': 10}
PREFIX = {'classic': '/server/v2/', 'vpc': '/vserver/v2/'}


class Reply:
    def __init__(self, status, content_type, text):
        self.status = status
        self.content_type = content_type
        self.text = text

    def json(self):
        return json.loads(self.text)

    def inner(self, action):
        """The <action>Response object of a successful reply."""
        assert self.status == 200, self.text
        return self.json()[action + 'Response']


def flatten(params):
    """Python lists become name.1, name.2 ...; a list of dicts becomes name.N.field."""
    pairs = []
    for name, value in (params or {}).items():
        if isinstance(value, list):
            for index, item in enumerate(value, 1):
                if isinstance(item, dict):
                    pairs += [('%s.%d.%s' % (name, index, key), str(sub)) for key, sub in item.items()]
                else:
                    pairs.append(('%s.%d' % (name, index), str(item)))
        else:
            pairs.append((name, str(value)))
    return pairs


def sign(secret_key, method, uri, timestamp, access_key):
    message = '%s %s\n%s\n%s' % (method, uri, timestamp, access_key)
    return base64.b64encode(hmac.new(secret_key.encode(), message.encode(), hashlib.sha256).digest()).decode()


class Api:
    """Signs and sends requests the way NCloud documents, with knobs to get every part wrong."""

    def __init__(self, url, context=None):
        parts = urllib.parse.urlsplit(url)
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.context = context

    def connection(self, timeout=10):
        if self.scheme == 'https':
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=self.context)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def raw(self, method, uri, body=None, headers=None, timeout=10):
        conn = self.connection(timeout)
        try:
            conn.request(method, uri, body=body, headers=headers or {})
            response = conn.getresponse()
            return Reply(response.status, response.getheader('Content-Type'), response.read().decode('utf-8'))
        finally:
            conn.close()

    def call(self, platform, action, params=None, method='GET', fmt='json', access_key=ACCESS_KEY, secret_key=SECRET_KEY,
             timestamp=None, signed_uri=None, signature_header='x-ncp-apigw-signature-v2', timeout=10):
        pairs = flatten(params)
        if fmt:
            pairs.append(('responseFormatType', fmt))
        query = urllib.parse.urlencode(pairs)
        path = PREFIX[platform] + action
        uri, body, headers = (path + '?' + query, None, {}) if method == 'GET' else (path, query, {
            'Content-Type': 'application/x-www-form-urlencoded'})
        timestamp = str(int(time.time() * 1000)) if timestamp is None else timestamp
        headers.update({'x-ncp-apigw-timestamp': timestamp, 'x-ncp-iam-access-key': access_key,
                        signature_header: sign(secret_key, method, signed_uri or uri, timestamp, access_key)})
        return self.raw(method, uri, body, headers, timeout)

    def ok(self, platform, action, params=None, **kwargs):
        """The inner response of a call that must succeed."""
        return self.call(platform, action, params, **kwargs).inner(action)

    def error(self, platform, action, params=None, **kwargs):
        """(HTTP status, returnCode) of a call that must fail in the backend."""
        reply = self.call(platform, action, params, **kwargs)
        assert reply.status != 200, reply.text
        return reply.status, reply.json()['responseError']['returnCode']

    def control(self, method, command, options=None):
        body = json.dumps(options).encode() if options is not None else None
        return self.raw(method, '/_emulator/' + command, body, {'Content-Type': 'application/json'})


class Clock:
    """A clock the tests move forward, so lifecycles need no sleeping."""

    def __init__(self):
        self.offset = 0.0

    def __call__(self):
        return time.time() + self.offset

    def advance(self, seconds):
        self.offset += seconds


def make_certificate(cert_path, key_path):
    """A throwaway self-signed certificate for 127.0.0.1 (skips the test where openssl is missing)."""
    if not shutil.which('openssl'):
        pytest.skip('openssl is needed to make a test certificate')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
                    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1',
                    '-keyout', key_path, '-out', cert_path], check=True, capture_output=True)
