# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Polling with a deadline: short first waits so fast changes are seen fast, growing so slow ones stay cheap."""

import time

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError


class WaitFailed(NCloudError):
    """The watched resource reached a state it cannot leave (e.g. an image in CREFL)."""

    def __init__(self, message, last=None):
        super().__init__(message)
        self.last = last


class WaitTimeout(NCloudError):
    """The deadline passed; `last` is the last value fetched."""

    def __init__(self, message, last=None):
        super().__init__(message)
        self.last = last


def delays(initial=1.0, cap=15.0, factor=1.5):
    """Endless sleep lengths: initial, initial * factor, ... up to cap."""
    delay = initial
    while True:
        yield delay
        delay = min(cap, delay * factor)


def poll(fetch, is_done, is_failed, timeout, describe, initial=1.0, cap=15.0, factor=1.5,
         sleep=time.sleep, clock=time.monotonic, current=None):
    """Call fetch() until is_done(value) and return that value.

    Raises WaitFailed as soon as is_failed(value), WaitTimeout once `timeout` seconds have passed;
    both messages end with describe(value) of the last value seen. fetch() is always called at least
    once, and once more at the deadline, so a wait never ends without a fresh look.
    Errors raised by fetch() (the client has already retried transient ones) propagate.
    `current`, a value the caller has just fetched, is judged first in place of the first fetch(): a
    look right after a create or a list would only repeat its answer.
    """
    deadline = clock() + timeout
    for delay in delays(initial, cap, factor):
        value = fetch() if current is None else current
        current = None
        if is_failed(value):
            raise WaitFailed(describe(value), last=value)
        if is_done(value):
            return value
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeout('Timed out after %s s; last seen: %s' % (_seconds(timeout), describe(value)), last=value)
        sleep(min(delay, remaining))
    return None  # not reached: delays() is endless


def _seconds(value):
    return int(value) if float(value).is_integer() else value
