# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Settings for the NCloud client: task options, then environment variables, then ~/.ncloud/configure.

All of the env and file lookup happens in resolve_settings, so the precedence lives in one place.
"""

import os
from urllib.parse import urlparse

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError

SITE_URLS = {'public': 'https://ncloud.apigw.ntruss.com', 'gov': 'https://ncloud.apigw.gov-ntruss.com',
             'fin': 'https://fin-ncloud.apigw.fin-ntruss.com'}
PLATFORMS = ('vpc', 'classic')
DEFAULT_REGIONS = {'fin': 'FKR'}
DEFAULT_REGION = 'KR'
DEFAULT_PROFILE = 'DEFAULT'
DEFAULT_TIMEOUT = 30.0

ACCESS_KEY_ENV = ('NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY')
SECRET_KEY_ENV = ('NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY')
ACCESS_KEY_FILE_KEY = 'ncloud_access_key_id'
SECRET_KEY_FILE_KEY = 'ncloud_secret_access_key'
API_URL_FILE_KEY = 'ncloud_api_url'


class Settings:
    """Everything the client needs; plain attributes."""

    def __init__(self, access_key, secret_key, base_url, site, region, platform,
                 validate_certs=True, ca_path=None, timeout=DEFAULT_TIMEOUT):
        self.access_key = access_key
        self.secret_key = secret_key
        self.base_url = base_url
        self.site = site
        self.region = region
        self.platform = platform
        self.validate_certs = validate_certs
        self.ca_path = ca_path
        self.timeout = timeout

    def __repr__(self):
        # Never the secret key: a repr can end up in a traceback or a debug line.
        return 'Settings(base_url=%r, site=%r, region=%r, platform=%r, access_key=%r)' % (
            self.base_url, self.site, self.region, self.platform, self.access_key)


def _parse_configure(text):
    """{section: {key: value}} from the file as people write it: bare `key = value` lines belong to DEFAULT."""
    sections = {DEFAULT_PROFILE: {}}
    current = sections[DEFAULT_PROFILE]
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith(('#', ';')):
            continue
        if line.startswith('[') and line.endswith(']'):
            current = sections.setdefault(line[1:-1].strip(), {})
        elif '=' in line:
            key, value = line.split('=', 1)
            current[key.strip()] = value.strip()
    return sections


def read_configure_file(path, profile=None):
    """The keys of one profile (DEFAULT when None; a named profile falls back to DEFAULT's keys).

    A missing file gives {}; a profile the file does not have is an error naming the ones it has.
    """
    try:
        with open(path, encoding='utf-8') as configure_file:
            sections = _parse_configure(configure_file.read())
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise NCloudError('Cannot read the NCloud configure file %s: %s' % (path, error))
    values = dict(sections[DEFAULT_PROFILE])
    if profile and profile != DEFAULT_PROFILE:
        if profile not in sections:
            raise NCloudError('Profile %r is not in the NCloud configure file %s (it has: %s)'
                              % (profile, path, ', '.join(sorted(sections))))
        values.update(sections[profile])
    return values


def _first(params, option, environ, env_names):
    """(value, source) from the task option, else the first env var set, else (None, None)."""
    if params.get(option) not in (None, ''):
        return params[option], 'option %s' % option
    for name in env_names:
        if environ.get(name):
            return environ[name], 'env %s' % name
    return None, None


def _choice(params, option, environ, env_name, choices, default):
    value, source = _first(params, option, environ, (env_name,))
    if value is None:
        return default, None
    if value not in choices:
        raise NCloudError('Invalid %s %r from %s: expected one of %s' % (option, value, source, ', '.join(choices)))
    return value, source


def _base_url(url, source):
    try:
        parsed = urlparse(url)
        valid = parsed.scheme in ('http', 'https') and parsed.hostname
    except ValueError:   # e.g. an unclosed '[' of an IPv6 address
        valid = False
    if not valid:
        raise NCloudError('Invalid api_url %r from %s: expected http(s)://host[:port][/path]' % (url, source))
    return url.rstrip('/')


def _missing_credentials(access_key, secret_key, config_path, profile, file_found):
    missing = [name for name, value in (('access key', access_key), ('secret key', secret_key)) if not value]
    return NCloudError(
        'NCloud credentials not found (missing %s). Looked in: options access_key / secret_key; '
        'env %s, %s; file %s (profile %s, keys %s / %s%s). Set the options, the env vars, or run `ncloud configure`.'
        % (' and '.join(missing), ' or '.join(ACCESS_KEY_ENV), ' or '.join(SECRET_KEY_ENV), config_path,
           profile, ACCESS_KEY_FILE_KEY, SECRET_KEY_FILE_KEY, '' if file_found else '; the file does not exist'))


def default_config_path(environ):
    home = environ.get('HOME') or os.path.expanduser('~')
    return os.path.join(home, '.ncloud', 'configure')


def resolve_settings(params, environ=None, config_path=None):
    """Settings from module params (common options), env and the configure file; raises NCloudError."""
    environ = os.environ if environ is None else environ
    config_path = config_path or default_config_path(environ)
    profile, profile_source = _first(params, 'profile', environ, ('NCLOUD_PROFILE',))
    file_values = read_configure_file(config_path, profile if profile_source else None)

    access_key = _first(params, 'access_key', environ, ACCESS_KEY_ENV)[0] or file_values.get(ACCESS_KEY_FILE_KEY)
    secret_key = _first(params, 'secret_key', environ, SECRET_KEY_ENV)[0] or file_values.get(SECRET_KEY_FILE_KEY)
    if not (access_key and secret_key):
        raise _missing_credentials(access_key, secret_key, config_path, profile or DEFAULT_PROFILE,
                                   os.path.exists(config_path))

    site, site_source = _choice(params, 'site', environ, 'NCLOUD_SITE', tuple(SITE_URLS), 'public')
    platform = _choice(params, 'platform', environ, 'NCLOUD_PLATFORM', PLATFORMS, 'vpc')[0]
    if platform == 'classic' and site == 'fin':
        raise NCloudError("platform 'classic' is not available on site 'fin' (the financial cloud is VPC only)")

    url, url_source = _first(params, 'api_url', environ, ('NCLOUD_API_GW',))
    # The file's URL belongs to the file's account; a site chosen by option or env outranks it.
    if url is None and site_source is None and file_values.get(API_URL_FILE_KEY):
        url, url_source = file_values[API_URL_FILE_KEY], 'file %s key %s' % (config_path, API_URL_FILE_KEY)
    base_url = _base_url(url, url_source) if url else SITE_URLS[site]

    region = _first(params, 'region', environ, ('NCLOUD_REGION',))[0] or DEFAULT_REGIONS.get(site, DEFAULT_REGION)
    timeout = DEFAULT_TIMEOUT if params.get('timeout') is None else params['timeout']
    if float(timeout) <= 0:
        raise NCloudError('Invalid timeout %r: expected a number of seconds above 0' % timeout)
    validate_certs = params.get('validate_certs')
    ca_path = params.get('ca_path')
    if ca_path and not os.path.isfile(ca_path):
        raise NCloudError('Invalid ca_path %r: no such file (expected a PEM CA bundle)' % ca_path)
    return Settings(access_key, secret_key, base_url, site, region, platform,
                    validate_certs=True if validate_certs is None else bool(validate_certs),
                    ca_path=ca_path, timeout=float(timeout))
