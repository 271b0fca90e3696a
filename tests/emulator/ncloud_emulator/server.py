# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The HTTP side: one handler thread per connection, gateway checks, faults, envelopes, the request log."""

import json
import socket
import struct
import traceback
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import gateway, render
from .errors import ApiError, GatewayError
from .faults import DEFAULT_SLOW_SECONDS, PROXY_PAGE, error_for


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address, emulator):
        super().__init__(address, Handler)
        self.emulator = emulator


class Dropped(Exception):
    """The connection is to be closed with no reply."""


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    disable_nagle_algorithm = True   # else each kept-alive reply waits ~40 ms for a delayed ACK (Nagle)
    server_version = 'ncloud-emulator'
    timeout = 120

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet: the emulator keeps its own request log."""

    def handle_any(self):
        emulator = self.server.emulator
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        if url.path.startswith('/_emulator/'):
            self.control(emulator, url.path[len('/_emulator/'):], body)
            return
        entry = {'method': self.command, 'path': url.path, 'platform': None, 'action': None, 'params': {},
                 'status': None, 'code': None, 'fault': None}
        try:
            status, content_type, payload = self.answer(emulator, entry, url, body)
        except Dropped:
            emulator.record(entry)
            self.drop_connection()
            return
        entry['status'] = status
        emulator.record(entry)
        self.reply(status, content_type, payload)

    def answer(self, emulator, entry, url, body):
        """(status, content type, body) of an API request; fills entry in for the log as it learns more."""
        try:
            params = gateway.parse_params(url.query, body, self.headers.get('Content-Type', ''))
            entry['params'] = params
            platform, action, handler = gateway.route(url.path)
            entry.update(platform=platform, action=action)
            gateway.authenticate(emulator.credentials, self.command, self.path, self.headers, emulator.clock())
            fault = emulator.faults.take(action)
            entry['fault'] = fault and fault['fault']
            if fault and fault['fault'] == 'html':
                return 502, 'text/html', PROXY_PAGE
            if fault:
                self.apply_fault(emulator, fault)
            code, result = '0', emulator.dispatch(platform, action, handler, params)
            payload = render.success(action, result, str(uuid.uuid4()))
            status = 200
        except Dropped:
            raise
        except GatewayError as error:
            entry['code'] = error.error_code
            return (error.status,) + render.encode(render.gateway_error(error), True)
        except ApiError as error:
            code, payload, status = error.return_code, render.backend_error(error), error.status
        except Exception:  # pylint: disable=broad-exception-caught
            # An emulator bug: answer as the gateway's "unexpected error" and show the traceback, never hang the client.
            traceback.print_exc()
            entry['code'] = '900'
            return (500,) + render.encode(render.gateway_error(GatewayError(500, '900', 'Unexpected Error')), True)
        entry['code'] = code
        if entry['fault'] == 'lost':
            raise Dropped()
        as_json = params.get('responseFormatType', '').lower() == 'json'
        return (status,) + render.encode(payload, as_json, emulator.legacy_numbers)

    def apply_fault(self, emulator, fault):
        """Faults that act before the action: wait, drop the connection, or raise the error they stand for."""
        kind = fault['fault']
        if kind == 'reset':
            raise Dropped()
        if kind == 'slow' and emulator.stopping.wait(float(fault['options'].get('delay', DEFAULT_SLOW_SECONDS))):
            raise Dropped()
        error = error_for(kind)
        if error:
            raise error

    def reply(self, status, content_type, payload):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def drop_connection(self):
        """Close with a TCP reset and no reply, as a dying proxy does."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        except OSError:
            pass
        self.connection.close()

    def control(self, emulator, command, body):
        """The unsigned /_emulator/ endpoints for tests."""
        try:
            options = json.loads(body.decode('utf-8')) if body else {}
            result = emulator.control(self.command, command, options)
        except (ValueError, TypeError, KeyError) as error:
            self.reply(400, 'application/json', json.dumps({'error': str(error)}).encode('utf-8'))
            return
        if result is None:
            self.reply(404, 'application/json', b'{"error": "no such control endpoint"}')
            return
        self.reply(200, 'application/json', json.dumps(result, ensure_ascii=False).encode('utf-8'))
