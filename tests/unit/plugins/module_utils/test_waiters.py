# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""waiters.poll on a fake clock: backoff shape, deadline, fail-fast, errors passing through."""

import itertools

import pytest

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError
from ansible_collections.ncloud.compute.plugins.module_utils.waiters import WaitFailed, WaitTimeout, delays, poll


class FakeClock:
    """A monotonic clock that only moves when sleep() is called; records the sleeps."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def statuses(*values):
    """fetch() that returns the given values in order, then keeps returning the last one."""
    sequence = itertools.chain(values, itertools.repeat(values[-1]))
    return lambda: next(sequence)


def run_poll(fetch, clock, timeout=3600, **kwargs):
    return poll(fetch, lambda v: v == 'created', lambda v: v == 'failed', timeout,
                lambda v: 'status %s' % v, sleep=clock.sleep, clock=clock.clock, **kwargs)


def test_delays_start_short_and_grow_to_the_cap():
    assert list(itertools.islice(delays(1.0, 15.0, 1.5), 9)) == [1.0, 1.5, 2.25, 3.375, 5.0625, 7.59375, 11.390625, 15.0, 15.0]


def test_returns_at_once_when_already_done():
    clock = FakeClock()
    assert run_poll(statuses('created'), clock) == 'created'
    assert clock.sleeps == []


def test_fast_change_is_seen_after_one_short_sleep():
    clock = FakeClock()
    assert run_poll(statuses('creating', 'created'), clock) == 'created'
    assert clock.sleeps == [1.0]


def test_slow_change_costs_few_requests():
    clock = FakeClock()
    calls = []

    def fetch():
        calls.append(clock.now)
        return 'created' if clock.now - 1000.0 >= 600 else 'creating'

    assert run_poll(fetch, clock) == 'created'
    # ten minutes at a 15 s cap: well under the 600 requests a 1 s fixed poll would send
    assert len(calls) < 50
    assert max(clock.sleeps) == 15.0


def test_fails_at_once_on_failed_status():
    clock = FakeClock()
    with pytest.raises(WaitFailed) as raised:
        run_poll(statuses('creating', 'failed'), clock)
    assert str(raised.value) == 'status failed'
    assert raised.value.last == 'failed'
    assert clock.sleeps == [1.0]


def test_times_out_with_the_last_status_seen_and_looks_once_at_the_deadline():
    clock = FakeClock()
    seen = []

    def fetch():
        seen.append(clock.now)
        return 'creating'

    with pytest.raises(WaitTimeout) as raised:
        run_poll(fetch, clock, timeout=10)
    assert 'Timed out after 10 s' in str(raised.value)
    assert 'last seen: status creating' in str(raised.value)
    assert raised.value.last == 'creating'
    assert sum(clock.sleeps) == 10
    assert seen[-1] == 1010.0


def test_zero_timeout_fetches_once():
    clock = FakeClock()
    with pytest.raises(WaitTimeout):
        run_poll(statuses('creating'), clock, timeout=0)
    assert clock.sleeps == []


def test_fetch_errors_propagate_and_are_never_success():
    clock = FakeClock()

    def fetch():
        raise NCloudError('throttled', status=429)

    with pytest.raises(NCloudError) as raised:
        run_poll(fetch, clock)
    assert raised.value.status == 429


def test_custom_backoff_parameters():
    clock = FakeClock()
    run_poll(statuses('a', 'b', 'c', 'd', 'created'), clock, initial=0.5, cap=2.0, factor=2)
    assert clock.sleeps == [0.5, 1.0, 2.0, 2.0]


def test_a_value_just_fetched_replaces_the_first_fetch():
    clock = FakeClock()
    calls = []

    def fetch():
        calls.append(clock.now)
        return 'created'
    assert run_poll(fetch, clock, current='creating') == 'created'
    assert clock.sleeps == [1.0] and calls == [1001.0]


def test_a_failed_value_just_fetched_fails_without_a_request():
    clock = FakeClock()
    with pytest.raises(WaitFailed):
        run_poll(lambda: pytest.fail('fetched'), clock, current='failed')
