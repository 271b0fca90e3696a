# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The two error shapes NCloud answers with: gateway errors and backend (responseError) errors."""

INVALID_PARAMETER = '1100000'
TEMPORARY_ERROR = '1000'
OBJECT_IN_OPERATION = '25013'
SERVER_IN_OPERATION = '25017'
NOT_FOUND = {'classic': '10712', 'vpc': '1401'}


class GatewayError(Exception):
    """Raised before the backend is reached: {"error": {"errorCode", "message", "details"}}."""

    def __init__(self, status, error_code, message, details=''):
        super().__init__(message)
        self.status = status
        self.error_code = error_code
        self.message = message
        self.details = details


class ApiError(Exception):
    """A backend error: {"responseError": {"returnCode", "returnMessage"}}."""

    def __init__(self, return_code, message, status=400):
        super().__init__(message)
        self.status = status
        self.return_code = return_code
        self.message = message


def invalid(message):
    return ApiError(INVALID_PARAMETER, 'Parameter is invalid. ' + message)


def not_found(platform, what):
    return ApiError(NOT_FOUND[platform], '%s not found.' % what)


def authentication_failed(details):
    return GatewayError(401, '200', 'Authentication Failed', details)
