# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Response bodies: NCloud's JSON envelopes, the XML it answers without responseFormatType=json, legacy numbers."""

import json
from xml.sax.saxutils import escape


def success(action, body, request_id):
    inner = {'requestId': request_id, 'returnCode': '0', 'returnMessage': 'success'}
    inner.update(body)
    return {action + 'Response': inner}


def backend_error(error):
    return {'responseError': {'returnCode': error.return_code, 'returnMessage': error.message}}


def gateway_error(error):
    return {'error': {'errorCode': error.error_code, 'message': error.message, 'details': error.details}}


def legacy(value, key=''):
    """The 2017 API's types: returnCode and *No ids as numbers."""
    if isinstance(value, dict):
        return {name: legacy(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [legacy(item, key) for item in value]
    if isinstance(value, str) and value.isdigit() and (key == 'returnCode' or key.endswith('No') or key.endswith('NoList')):
        return int(value)
    return value


def xml_element(name, value):
    if isinstance(value, dict):
        inner = ''.join(xml_element(key, item) for key, item in value.items())
    elif isinstance(value, list):
        item_name = name[:-4] if name.endswith('List') else name
        inner = ''.join(xml_element(item_name, item) for item in value)
    elif value is None:
        return '<%s/>' % name
    elif isinstance(value, bool):
        inner = 'true' if value else 'false'
    else:
        inner = escape(str(value))
    return '<%s>%s</%s>' % (name, inner, name)


def encode(payload, as_json, legacy_numbers=False):
    """(content type, bytes) of a payload, as JSON or as XML."""
    if legacy_numbers:
        payload = legacy(payload)
    if as_json:
        return 'application/json;charset=UTF-8', json.dumps(payload, ensure_ascii=False).encode('utf-8')
    (root, body), = payload.items()
    text = '<?xml version="1.0" encoding="UTF-8"?>' + xml_element(root, body)
    return 'application/xml;charset=UTF-8', text.encode('utf-8')
