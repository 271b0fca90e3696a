# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Emulator: the in-process face of the NCloud API emulator (what tests and the CLI start)."""

import itertools
import ssl
import threading
import time

from .faults import FaultQueue
from .params import Call
from .seed import build_state, credentials_of, load_seed
from .server import Server


class Emulator:
    """A local NCloud API on loopback; start() it, point a client at url, read log, inject faults."""

    def __init__(self, seed=None, timings=None, credentials=None, tls=None, legacy_numbers=False, host='127.0.0.1', port=0):
        self.seed = load_seed(seed)
        self.credentials = credentials_of(self.seed, credentials)
        self.initial_timings = dict(timings or {})
        self.tls = tls
        self.legacy_numbers = legacy_numbers
        self.address = (host, port)
        self.clock = time.time
        self.lock = threading.RLock()
        self.faults = FaultQueue()
        self.stopping = threading.Event()
        self._log = []
        self._seq = itertools.count(1)
        self._state = build_state(self.seed, self.initial_timings, self.clock())
        self.httpd = None
        self.thread = None

    def start(self):
        self.stopping.clear()
        self.httpd = Server(self.address, self)
        if self.tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*self.tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), name='ncloud-emulator', daemon=True)
        self.thread.start()
        return self

    def stop(self):
        """Stop serving; requests held by a 'slow' fault are dropped."""
        self.stopping.set()
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join()
            self.httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def url(self):
        host, port = self.httpd.server_address[:2]
        return '%s://%s:%d' % ('https' if self.tls else 'http', host, port)

    @property
    def log(self):
        """A copy of the request log: dicts with seq, time, method, path, platform, action, params, status, code, fault."""
        with self.lock:
            return [dict(entry) for entry in self._log]

    def clear_log(self):
        with self.lock:
            del self._log[:]

    def record(self, entry):
        with self.lock:
            entry.update(seq=next(self._seq), time=self.clock())
            self._log.append(entry)

    def inject(self, action, fault, times=1, **options):
        """Queue a fault for the next `times` requests of action ('*': any); options: delay (for 'slow')."""
        self.faults.add(action, fault, times, **options)

    def reset(self, seed=None, timings=None):
        """Back to the seed (this one from now on, if given) and the constructor's timings; faults and log cleared."""
        with self.lock:
            if seed is not None:
                self.seed = load_seed(seed)
            self._state = build_state(self.seed, self.initial_timings if timings is None else timings, self.clock())
            self.faults.clear()
            del self._log[:]

    @property
    def state(self):
        """The live State (servers and images by number), with transitions due by now applied."""
        with self.lock:
            self._state.settle(self.clock())
            return self._state

    def set_timings(self, **timings):
        with self.lock:
            self._state.timings.update(timings)
            return dict(self._state.timings)

    def dispatch(self, platform, action, handler, params):
        """Run one action against the state, under the lock."""
        with self.lock:
            now = self.clock()
            self._state.settle(now)
            call = Call(platform, action, params, now, lambda: bool(self.faults.take(action, image_failure=True)))
            return handler(self._state, call)

    def control(self, method, command, options):
        """The /_emulator/ endpoints; None when there is no such endpoint."""
        if (method, command) == ('GET', 'log'):
            return self.log
        if (method, command) == ('GET', 'state'):
            with self.lock:
                return self.state.snapshot()
        if method != 'POST':
            return None
        if command == 'log/clear':
            self.clear_log()
        elif command == 'faults':
            options = dict(options)
            self.inject(options.pop('action'), options.pop('fault'), options.pop('times', 1), **options)
        elif command == 'reset':
            self.reset(options.get('seed'), options.get('timings'))
        elif command == 'timings':
            return self.set_timings(**options)
        else:
            return None
        return {'ok': True}
