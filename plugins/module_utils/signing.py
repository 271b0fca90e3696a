# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Query encoding and API Gateway signature v2 (pure functions).

The gateway signs the request URI exactly as it goes on the wire, so the query string is built
once here and the very same string is signed and sent.
"""

import base64
import hashlib
import hmac
from urllib.parse import quote

# RFC 3986 unreserved characters: everything else is percent-encoded, so no HTTP library finds
# anything left to re-encode and the URI sent stays byte for byte the URI signed.
_SAFE_CHARS = '-_.~'


def flatten_params(params, prefix=''):
    """(name, value) pairs as NCloud wants them: a list becomes name.1, name.2, ... (1-based) and a
    dict inside one becomes name.N.field (e.g. blockStorageList.1.order). None values are left out."""
    pairs = []
    for name, value in params.items():
        name = prefix + name
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = dict((str(index), item) for index, item in enumerate(value, start=1))
        if isinstance(value, dict):
            pairs.extend(flatten_params(value, name + '.'))
        else:
            pairs.append((name, value))
    return pairs


def _text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)


def build_query(params):
    """The percent-encoded query string for params (a dict), in the dict's order."""
    return '&'.join('%s=%s' % (quote(name, safe=_SAFE_CHARS), quote(_text(value), safe=_SAFE_CHARS))
                    for name, value in flatten_params(params))


def request_uri(path, query):
    """The URI to sign and to send: the path alone when there is no query."""
    return '%s?%s' % (path, query) if query else path


def signature(method, uri, timestamp_ms, access_key, secret_key):
    """base64(HMAC-SHA256(secret, '{METHOD} {uri}\\n{timestamp}\\n{access_key}'))."""
    message = '%s %s\n%s\n%s' % (method, uri, timestamp_ms, access_key)
    digest = hmac.new(secret_key.encode('utf-8'), message.encode('utf-8'), hashlib.sha256).digest()
    return base64.b64encode(digest).decode('ascii')


def auth_headers(method, uri, timestamp_ms, access_key, secret_key):
    """The three headers the gateway checks on every request."""
    return {
        'x-ncp-apigw-timestamp': str(timestamp_ms),
        'x-ncp-iam-access-key': access_key,
        'x-ncp-apigw-signature-v2': signature(method, uri, timestamp_ms, access_key, secret_key),
    }
