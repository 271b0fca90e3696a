# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""RetryPolicy bounds on a fake clock and a fixed rand: nothing here sleeps."""

import pytest

from ansible_collections.ncloud.compute.plugins.module_utils.retries import RetryPolicy


class FakeClock:
    def __init__(self):
        self.now = 500.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def policy(clock, rand=lambda: 1.0, **bounds):
    return RetryPolicy(sleep=clock.sleep, clock=clock, rand=rand, **bounds)


def drain(retry_policy, clock, work_seconds=0.0):
    """Run the delays as a client would: each attempt takes work_seconds, then sleep the delay."""
    slept = []
    delays = retry_policy.delays()
    while True:
        clock.now += work_seconds
        delay = next(delays, None)
        if delay is None:
            return slept
        slept.append(delay)
        retry_policy.sleep(delay)


def test_delays_double_from_base_up_to_cap_with_full_jitter_at_its_top():
    clock = FakeClock()
    assert drain(policy(clock, attempts=7, total_seconds=1000, base=0.5, cap=4.0), clock) == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]


def test_full_jitter_scales_each_ceiling_by_rand():
    clock = FakeClock()
    draws = iter([0.5, 0.25, 0.0])
    assert drain(policy(clock, rand=lambda: next(draws), attempts=4, total_seconds=1000, base=1.0, cap=8.0), clock) == [
        0.5, 0.5, 0.0]


@pytest.mark.parametrize('attempts', [1, 2, 6])
def test_attempts_bound_the_number_of_retries(attempts):
    clock = FakeClock()
    assert len(drain(policy(clock, attempts=attempts, total_seconds=1000), clock)) == attempts - 1


def test_total_seconds_bound_counts_sleeps_and_the_work_between_them():
    clock = FakeClock()
    started = clock.now
    slept = drain(policy(clock, attempts=100, total_seconds=10.0, base=1.0, cap=2.0), clock, work_seconds=1.0)
    # 1 s attempts with 1 s then 2 s delays: the next attempt never starts after the 10 s budget.
    assert slept == [1.0, 2.0, 2.0]
    assert clock.now - started <= 10.0 + 1.0   # plus the last attempt's own work


def test_the_budget_starts_when_delays_is_called_not_at_the_first_retry():
    clock = FakeClock()
    retry_policy = policy(clock, attempts=10, total_seconds=5.0, base=1.0, cap=1.0)
    delays = retry_policy.delays()
    clock.now += 4.5   # a slow first attempt
    assert next(delays, None) is None


def test_default_policy_is_bounded():
    retry_policy = RetryPolicy()
    assert (retry_policy.attempts, retry_policy.total_seconds, retry_policy.base, retry_policy.cap) == (6, 60.0, 0.5, 8.0)
