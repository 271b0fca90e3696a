# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""python -m ncloud_emulator: serve the emulator on loopback until SIGTERM or SIGINT."""

import argparse
import json
import signal
import sys
import threading

from .emulator import Emulator

TIMING_FLAGS = {
    'create_seconds': 'image_create_seconds',
    'delete_seconds': 'image_delete_seconds',
    'list_lag_seconds': 'list_lag_seconds',
    'stop_seconds': 'server_stop_seconds',
    'start_seconds': 'server_start_seconds',
}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog='ncloud_emulator', description=__doc__)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=0, help='0 picks a free port')
    parser.add_argument('--seed', help='seed JSON file (default: the bundled seed.json)')
    parser.add_argument('--timings', type=json.loads, default={}, help='JSON object of timings, e.g. {"image_create_seconds": 5}')
    for flag in TIMING_FLAGS:
        parser.add_argument('--' + flag.replace('_', '-'), dest=flag, type=float)
    parser.add_argument('--tls-cert')
    parser.add_argument('--tls-key')
    parser.add_argument('--legacy-numbers', action='store_true', help='returnCode and ids as numbers, like the 2017 API')
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    timings = dict(args.timings)
    timings.update({name: getattr(args, flag) for flag, name in TIMING_FLAGS.items() if getattr(args, flag) is not None})
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    emulator = Emulator(seed=args.seed, timings=timings, tls=tls, legacy_numbers=args.legacy_numbers,
                        host=args.host, port=args.port).start()
    finished = threading.Event()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *unused: finished.set())
    print('listening on %s' % emulator.url, flush=True)
    while not finished.wait(0.5):
        pass
    emulator.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
