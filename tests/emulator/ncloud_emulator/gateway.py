# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What NCloud's API gateway checks before the backend: routing, parameters' encoding, signature v2."""

import base64
import hashlib
import hmac
import re
import urllib.parse

from . import actions_image, actions_server
from .errors import GatewayError, authentication_failed

MAX_SKEW_MS = 5 * 60 * 1000
ACTIONS = {
    'classic': dict(actions_server.CLASSIC_ACTIONS, **actions_image.CLASSIC_ACTIONS),
    'vpc': dict(actions_server.VPC_ACTIONS, **actions_image.VPC_ACTIONS),
}
PATHS = re.compile(r'/(server|vserver)/v2/(\w+)$')


def route(path):
    """(platform, action, handler) for an API path; 404 errorCode 300 for anything else."""
    match = PATHS.match(path)
    platform = match and {'server': 'classic', 'vserver': 'vpc'}[match.group(1)]
    handler = match and ACTIONS[platform].get(match.group(2))
    if not handler:
        raise GatewayError(404, '300', 'Not Found', 'No API is served at %s.' % path)
    return platform, match.group(2), handler


def parse_params(query, body, content_type):
    """Query parameters, then form-body parameters (which win), by the names as sent."""
    params = {}
    try:
        sources = [query]
        if body and content_type.startswith('application/x-www-form-urlencoded'):
            sources.append(body.decode('utf-8'))
        for source in sources:
            params.update(urllib.parse.parse_qsl(source, keep_blank_values=True, errors='strict'))
    except UnicodeDecodeError:
        raise GatewayError(400, '100', 'Bad Request', 'Parameters are not valid UTF-8 percent-encoding.') from None
    return params


def signature(secret_key, method, uri, timestamp, access_key):
    """base64(HMAC-SHA256(secret, "METHOD URI\\ntimestamp\\naccess key"))."""
    message = '%s %s\n%s\n%s' % (method, uri, timestamp, access_key)
    digest = hmac.new(secret_key.encode('utf-8'), message.encode('utf-8'), hashlib.sha256).digest()
    return base64.b64encode(digest).decode('ascii')


def authenticate(credentials, method, raw_uri, headers, now):
    """Check the three headers against the URI exactly as received; 401 errorCode 200 on any mismatch."""
    timestamp = headers.get('x-ncp-apigw-timestamp')
    access_key = headers.get('x-ncp-iam-access-key')
    sent = headers.get('x-ncp-apigw-signature-v2') or headers.get('x-ncp-apigw-signature-v1')
    if not (timestamp and access_key and sent):
        raise authentication_failed('x-ncp-apigw-timestamp, x-ncp-iam-access-key and x-ncp-apigw-signature-v2 are required.')
    if not timestamp.isdigit():
        raise authentication_failed('x-ncp-apigw-timestamp must be epoch milliseconds.')
    if abs(int(timestamp) - now * 1000) > MAX_SKEW_MS:
        raise authentication_failed('The timestamp is more than 5 minutes away from the server time.')
    secret_key = credentials.get(access_key)
    if secret_key is None:
        raise authentication_failed('The access key is not registered.')
    if not hmac.compare_digest(signature(secret_key, method, raw_uri, timestamp, access_key).encode(), sent.encode()):
        raise authentication_failed('The signature does not match the request.')
