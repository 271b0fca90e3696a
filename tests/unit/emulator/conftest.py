"""Fixtures for the emulator's own tests: an in-process emulator on a clock the tests move."""

import sys

import pytest

from emulator_client import EMULATOR_PATH, FAST, Api, Clock, make_certificate  # pylint: disable=import-error

if EMULATOR_PATH not in sys.path:
    sys.path.insert(0, EMULATOR_PATH)

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
