# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Errors raised by the NCloud client; modules turn them into fail_json results."""


class NCloudError(Exception):
    """An NCloud call (or the settings for one) failed; the message is safe to show (no secrets)."""

    def __init__(self, message, status=None, code=None, request_id=None, action=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = None if code is None else str(code)
        self.request_id = request_id
        self.action = action

    def __str__(self):
        known = []
        if self.action:
            known.append('action %s' % self.action)
        if self.status is not None:
            known.append('HTTP %s' % self.status)
        if self.code is not None:
            known.append('code %s' % self.code)
        if self.request_id:
            known.append('request id %s' % self.request_id)
        if not known:
            return self.message
        return '%s (%s)' % (self.message, ', '.join(known))

    def to_result(self):
        """Keyword arguments for fail_json."""
        return {'msg': str(self), 'http_status': self.status, 'error_code': self.code,
                'request_id': self.request_id, 'action': self.action}


class NCloudOutcomeUnknownError(NCloudError):
    """A mutating request was sent but its reply was lost (reset, timeout, 5xx): it may have been applied."""
