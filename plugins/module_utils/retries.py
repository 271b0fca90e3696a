# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Retry timing: full-jitter exponential backoff, bounded in attempts and in total seconds."""

import random
import time


class RetryPolicy:
    """How long to wait between attempts; sleep, clock and rand are injectable so tests need not wait."""

    def __init__(self, attempts=6, total_seconds=60.0, base=0.5, cap=8.0,
                 sleep=time.sleep, clock=time.monotonic, rand=random.random):
        self.attempts = attempts
        self.total_seconds = total_seconds
        self.base = base
        self.cap = cap
        self.sleep = sleep
        self.clock = clock
        self.rand = rand

    def delays(self):
        """Sleep seconds before each retry: rand() * min(cap, base * 2**n).

        Call it before the first attempt: the time budget counts from then. It yields at most
        attempts - 1 delays, and none that would start the next attempt after total_seconds.
        """
        return self._delays(self.clock())

    def _delays(self, started):
        for retry in range(self.attempts - 1):
            delay = self.rand() * min(self.cap, self.base * 2 ** retry)
            if self.clock() - started + delay > self.total_seconds:
                return
            yield delay
