# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures for the integration suites: a fresh emulator per test and a runner for real ansible processes.

    def test_something(emulator, ansible_runner):
        run = ansible_runner.run_tasks([{'ncloud.compute.private_image_info': {}}])
        assert run.results[0]['images'] ...; assert emulator.log ...

Emulator options come from ``@pytest.mark.emulator(timings={...}, seed=...)`` or from an indirect
parameter (``@pytest.mark.parametrize('emulator', [{'timings': {...}}], indirect=True)``);
timings given there are merged over harness.FAST_TIMINGS.
"""
import pytest

from harness import COLLECTION_ROOT, FAST_TIMINGS, AnsibleRunner, find_collections_path, staged_collections_path
from ncloud_emulator import Emulator


def pytest_configure(config):
    config.addinivalue_line('markers', 'emulator(timings=None, seed=None, credentials=None): options for the emulator fixture')


@pytest.fixture(scope='session')
def collections_path(tmp_path_factory):
    """The directory that holds ansible_collections/ncloud/compute: the tree we run in, else a copy made once."""
    return find_collections_path(COLLECTION_ROOT) or staged_collections_path(tmp_path_factory.mktemp('collections'))


@pytest.fixture(scope='session')
def collection_root(collections_path):
    return collections_path.joinpath('ansible_collections', 'ncloud', 'compute')


@pytest.fixture
def emulator(request):
    marker = request.node.get_closest_marker('emulator')
    options = dict(marker.kwargs if marker else {}, **getattr(request, 'param', {}))
    options['timings'] = dict(FAST_TIMINGS, **(options.get('timings') or {}))
    emu = Emulator(**options)
    emu.start()
    yield emu
    emu.stop()


@pytest.fixture
def ansible_runner(emulator, collections_path, tmp_path):
    return AnsibleRunner(emulator.url, collections_path, tmp_path)
