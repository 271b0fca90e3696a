# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""NCloudClient: signed calls to the NCloud server APIs over one requests.Session, with retries.

Every action is sent as GET with the parameters in the query string (the API accepts GET for all
of them). That keeps one code path in which the URI we sign is, byte for byte, the URI on the
wire: the query is built once, already percent-encoded, and handed to requests inside the URL
(never via params=, which would re-encode it). A POST form body would need a second encoding
path and buys nothing here: our parameters are short and none of them is secret.
"""

import re
import time
from urllib.parse import urlparse

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError, NCloudOutcomeUnknownError
from ansible_collections.ncloud.compute.plugins.module_utils.retries import RetryPolicy
from ansible_collections.ncloud.compute.plugins.module_utils.signing import auth_headers, build_query, request_uri

try:
    import requests
    import urllib3
    from urllib3.exceptions import ConnectTimeoutError, InsecureRequestWarning
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError as import_error:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = import_error

API_PATHS = {'vpc': '/vserver/v2/', 'classic': '/server/v2/'}
CONNECT_TIMEOUT_CAP = 10.0   # failing fast on an unreachable host leaves retry budget for real replies
EXCERPT_LENGTH = 200
RETRIED_STATUSES = (429, 503, 504)
RETRIED_500_CODES = ('1000', '900')   # backend "temporary error", gateway "unexpected error"
AUTH_HINT = ('Usually the access key and secret key are not a matching pair, '
             "or this machine's clock is more than 5 minutes off.")


class _AttemptFailed(Exception):
    """One attempt failed: the error to report, whether to retry, and whether it may have been applied."""

    def __init__(self, error, retryable, maybe_applied):
        super().__init__(str(error))
        self.error = error
        self.retryable = retryable
        self.maybe_applied = maybe_applied


def excerpt(text):
    """A short, tag-free, one-line excerpt of a reply body (a proxy's HTML page, say)."""
    text = re.sub(r'(?is)<(script|style)\b.*?</\1\s*>', ' ', text or '')
    text = ' '.join(re.sub(r'<[^>]*>', ' ', text).split())
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH - 3] + '...'


def _root_reason(error):
    """The innermost reason for a connection failure, e.g. 'Connection refused' (requests nests them deeply)."""
    seen = set()
    while id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.strerror:
            return error.strerror
        nested = [arg for arg in error.args if isinstance(arg, BaseException)]
        inner = getattr(error, 'reason', None) or error.__cause__ or (nested[-1] if nested else None) or error.__context__
        if not isinstance(inner, BaseException):
            break
        error = inner
    return str(error) or type(error).__name__


def _failed_before_sending(error):
    """True when requests could not even connect, so the server cannot have seen the request."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    return isinstance(getattr(error.args[0] if error.args else None, 'reason', None), ConnectTimeoutError)


def reply_rows(reply, list_key, action):
    """The rows a reply lists under list_key (none when absent); NCloudError when they are not a list of objects."""
    rows = reply.get(list_key) or []
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise NCloudError('NCloud replied with a malformed %s (not a list of objects): %s' % (list_key, excerpt(repr(rows))),
                          action=action)
    return rows


def _total_rows(reply, action):
    """The reply's totalRows as an int, None when absent; NCloudError when it is not a number."""
    total = reply.get('totalRows')
    if total is None:
        return None
    try:
        return int(total)
    except (TypeError, ValueError):
        raise NCloudError('NCloud replied with a totalRows that is not a number: %s' % excerpt(repr(total)), action=action)


def _reply_error(action, status, body, text):
    """The NCloudError for an error reply in any of its shapes (gateway, backend, not JSON)."""
    if not isinstance(body, dict):
        message = 'NCloud replied with a body that is not JSON: %s' % (excerpt(text) or '(empty)')
        code = request_id = None
    elif isinstance(body.get('error'), dict):
        gateway = body['error']
        code, request_id = gateway.get('errorCode'), gateway.get('requestId')
        message = ': '.join(str(part) for part in (gateway.get('message'), gateway.get('details')) if part)
    else:
        backend = body.get('responseError') or body.get('%sResponse' % action)
        backend = backend if isinstance(backend, dict) else {}
        code, request_id = backend.get('returnCode'), backend.get('requestId')
        message = backend.get('returnMessage') or 'NCloud replied with an error: %s' % excerpt(text)
    if status == 401 and str(code) == '210':
        message = 'Permission denied: the API key may not call this action (%s)' % message
    elif status == 401:
        message = 'Authentication failed: NCloud rejected the signed request (%s). %s' % (message, AUTH_HINT)
    return NCloudError(message, status=status, code=code, request_id=request_id, action=action)


class NCloudClient:
    """Signed NCloud API calls; one per module run (it caches the Classic region number)."""

    def __init__(self, settings, retry_policy=None, session=None):
        if not HAS_REQUESTS:
            raise NCloudError('The NCloud client needs the Python library requests: %s' % REQUESTS_IMPORT_ERROR)
        self.settings = settings
        self.platform = settings.platform
        self.retry_policy = retry_policy or RetryPolicy()
        self.session = session or requests.Session()
        self.request_count = 0
        base = urlparse(settings.base_url)
        self._origin = '%s://%s' % (base.scheme, base.netloc)
        self._host = base.netloc
        self._api_path = base.path.rstrip('/') + API_PATHS[settings.platform]
        self._timeout = (min(CONNECT_TIMEOUT_CAP, settings.timeout), settings.timeout)
        self._verify = (settings.ca_path or True) if settings.validate_certs else False
        if not self._verify:
            urllib3.disable_warnings(InsecureRequestWarning)   # the user chose this; one warning per request is noise
        self._region_no = None

    def call(self, action, params=None, mutating=False, retry_codes=()):
        """The inner dict of the `<action>Response` reply; raises NCloudError (see design.md for retries)."""
        params = dict(params or {})
        if self.platform == 'vpc':
            params.setdefault('regionCode', self.settings.region)
        elif 'regionNo' not in params:
            params['regionNo'] = self._classic_region_no()
        return self._request(action, params, mutating, retry_codes)

    def apply_once(self, action, params, was_applied, retry_codes=()):
        """A mutating call; when its reply is lost, was_applied() looks, and the call is sent again only if it was not."""
        try:
            self.call(action, params, mutating=True, retry_codes=retry_codes)
        except NCloudOutcomeUnknownError:
            if not was_applied():
                self.call(action, params, mutating=True, retry_codes=retry_codes)

    def list_all(self, action, list_key, params=None, page_size=1000):
        """Every row of a paged list action: ceil(N / page_size) requests for N rows (1 when N is 0)."""
        rows = []
        page_no = 1
        while True:
            page_params = dict(params or {}, pageNo=page_no, pageSize=page_size)
            reply = self.call(action, page_params)
            page = reply_rows(reply, list_key, action)
            rows.extend(page)
            total = _total_rows(reply, action)
            if len(page) < page_size or (total is not None and len(rows) >= total):
                return rows
            page_no += 1

    def _classic_region_no(self):
        if self._region_no is None:
            regions = reply_rows(self._request('getRegionList', {}, False, ()), 'regionList', 'getRegionList')
            by_code = dict((region.get('regionCode'), region) for region in regions)
            region = by_code.get(self.settings.region)
            if region is None:
                known = ', '.join('%s (%s)' % (code, by_code[code].get('regionName')) for code in sorted(by_code))
                raise NCloudError('Unknown Classic region %r; known regions: %s' % (self.settings.region, known),
                                  action='getRegionList')
            self._region_no = str(region.get('regionNo'))
        return self._region_no

    def _request(self, action, params, mutating, retry_codes):
        params['responseFormatType'] = 'json'
        uri = request_uri(self._api_path + action, build_query(params))
        policy = self.retry_policy
        delays = policy.delays()
        started = policy.clock()
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._attempt(action, uri, retry_codes)
            except _AttemptFailed as failure:
                if mutating and failure.maybe_applied:
                    raise NCloudOutcomeUnknownError(
                        'The reply to %s was lost after the request was sent (%s); it may have been applied, '
                        'so it was not sent again: check the current state' % (action, failure.error.message),
                        status=failure.error.status, code=failure.error.code,
                        request_id=failure.error.request_id, action=action)
                delay = next(delays, None) if failure.retryable else None
                if delay is None:
                    if failure.retryable:
                        failure.error.message = 'Gave up after %d attempt%s over %.1f s; last error: %s' % (
                            attempt, '' if attempt == 1 else 's', policy.clock() - started, failure.error.message)
                    raise failure.error
                policy.sleep(delay)

    def _attempt(self, action, uri, retry_codes):
        headers = auth_headers('GET', uri, int(time.time() * 1000), self.settings.access_key, self.settings.secret_key)
        headers['Accept'] = 'application/json'
        self.request_count += 1
        try:
            response = self.session.get(self._origin + uri, headers=headers, timeout=self._timeout,
                                        verify=self._verify, allow_redirects=False)
        except requests.exceptions.RequestException as error:
            raise self._transport_failure(action, error)
        try:
            body = response.json()
        except ValueError:
            body = None
        inner = body.get('%sResponse' % action) if response.status_code == 200 and isinstance(body, dict) else None
        if isinstance(inner, dict) and str(inner.get('returnCode', '0')) == '0':
            return inner
        error = _reply_error(action, response.status_code, body, response.text)
        retryable = (response.status_code in RETRIED_STATUSES or error.code in [str(code) for code in retry_codes]
                     or (response.status_code == 500 and error.code in RETRIED_500_CODES))
        raise _AttemptFailed(error, retryable, maybe_applied=response.status_code >= 500)

    def _transport_failure(self, action, error):
        """The _AttemptFailed for an exception from requests (no HTTP reply at all)."""
        if isinstance(error, requests.exceptions.SSLError):
            if 'certificate verify failed' in str(error).lower():
                message = ('TLS certificate verification failed for %s. Set ca_path to the CA bundle that signed '
                           'its certificate, or validate_certs: false to skip verification (unsafe)' % self._host)
            else:
                message = 'TLS handshake with %s failed: %s (see validate_certs / ca_path)' % (self._host, _root_reason(error))
            return _AttemptFailed(NCloudError(message, action=action), retryable=False, maybe_applied=False)
        before_sending = _failed_before_sending(error)
        if isinstance(error, requests.exceptions.ConnectTimeout):
            message = 'Could not connect to %s within %s s' % (self._host, self._timeout[0])
        elif isinstance(error, requests.exceptions.Timeout):
            message = 'No reply from %s within %s s' % (self._host, self.settings.timeout)
        elif before_sending:
            message = 'Cannot connect to %s: %s' % (self._host, _root_reason(error))
        else:
            message = 'Connection to %s failed: %s' % (self._host, _root_reason(error))
        retryable = isinstance(error, (requests.exceptions.Timeout, requests.exceptions.ConnectionError))
        return _AttemptFailed(NCloudError(message, action=action), retryable, maybe_applied=not before_sending)
