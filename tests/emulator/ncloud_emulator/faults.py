# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Injected faults: queued per action ('*' for any), consumed in order by matching requests."""

import threading

from .errors import TEMPORARY_ERROR, ApiError, GatewayError

FAULTS = ('429', '503', '500-1000', 'reset', 'slow', 'html', 'lost', 'image-fail')
DEFAULT_SLOW_SECONDS = 45.0   # longer than a client's usual 30 s timeout
PROXY_PAGE = (b'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n'
              b'<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n')


class FaultQueue:
    """Pending faults; take() hands out the first one that matches an action."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []

    def add(self, action, fault, times=1, **options):
        if fault not in FAULTS:
            raise ValueError('unknown fault %r; known: %s' % (fault, ', '.join(FAULTS)))
        if int(times) < 1:
            raise ValueError('times must be at least 1')
        with self.lock:
            self.entries.append({'action': action, 'fault': fault, 'times': int(times), 'options': options})

    def take(self, action, image_failure=False):
        """The next fault for action: request faults, or with image_failure=True the 'image-fail' ones."""
        with self.lock:
            for entry in self.entries:
                if entry['action'] in ('*', action) and (entry['fault'] == 'image-fail') == image_failure:
                    entry['times'] -= 1
                    if entry['times'] == 0:
                        self.entries.remove(entry)
                    return entry
        return None

    def pending(self):
        with self.lock:
            return [dict(entry) for entry in self.entries]

    def clear(self):
        with self.lock:
            del self.entries[:]


def error_for(fault):
    """The error an answering fault stands for ('429', '503', '500-1000'), or None."""
    if fault == '429':
        return GatewayError(429, '420', 'Rate limit exceeded', 'Too many requests; slow down.')
    if fault == '503':
        return GatewayError(503, '500', 'Endpoint Error', 'The endpoint is unavailable.')
    if fault == '500-1000':
        return ApiError(TEMPORARY_ERROR, 'A temporary error occurred. Please try again later.', status=500)
    return None
