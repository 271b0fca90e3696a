# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures for the emulator's own tests: an in-process emulator on a clock the tests move."""

import os
import sys

import pytest

# ansible-test loads this file before any test module, with neither this folder nor tests/emulator on sys.path.
HERE = os.path.dirname(os.path.abspath(__file__))
for path in (HERE, os.path.join(os.path.dirname(os.path.dirname(HERE)), 'emulator')):
    if path not in sys.path:
        sys.path.insert(0, path)

from emulator_client import FAST, Api, Clock, make_certificate  # noqa: E402  pylint: disable=import-error,wrong-import-position
from ncloud_emulator import Emulator  # noqa: E402  pylint: disable=import-error,wrong-import-position


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def emu(clock):
    emulator = Emulator(timings=FAST)
    emulator.clock = clock
    emulator.start()
    yield emulator
    emulator.stop()


@pytest.fixture
def api(emu):
    return Api(emu.url)


@pytest.fixture
def tls_files(tmp_path):
    """A throwaway self-signed certificate for 127.0.0.1."""
    cert, key = str(tmp_path / 'cert.pem'), str(tmp_path / 'key.pem')
    make_certificate(cert, key)
    return cert, key
