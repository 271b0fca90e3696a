# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Settings resolution: option > env > ~/.ncloud/configure, both file forms, profiles, and the error messages."""

import os

import pytest

from ansible_collections.ncloud.compute.plugins.module_utils.config import (
    SITE_URLS, read_configure_file, resolve_settings)
from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError

FILE_ACCESS = 'FILEACCESSKEY000000000001'
FILE_SECRET = 'file-secret-7c1e9a2b4d6f8a0c2e4a6c8e0a2c4e6a'
ENV_ACCESS = 'ENVACCESSKEY0000000000002'
ENV_SECRET = 'env-secret-3b5d7f9a1c3e5a7c9e1a3c5e7a9c1e3a'
OPTION_ACCESS = 'OPTACCESSKEY0000000000003'
OPTION_SECRET = 'option-secret-8e6c4a2e0c8a6e4c2a0e8c6a4e2c0a8e'

BARE_FILE = '''# written by an old ncloud configure
ncloud_access_key_id = %s
ncloud_secret_access_key=%s
ncloud_api_url = https://file.example.test/gw
''' % (FILE_ACCESS, FILE_SECRET)

SECTIONED_FILE = '''[DEFAULT]
ncloud_access_key_id = %s
ncloud_secret_access_key = %s
# ncloud_secret_access_key = commented-out-secret-must-not-win-0000000000
ncloud_api_url = https://ncloud.apigw.ntruss.com

[prod]
ncloud_access_key_id = PRODACCESSKEY000000000004
ncloud_secret_access_key = prod-secret-5f3d1b9f7d5b3f1d9b7f5d3b1f9d7b5f
''' % (FILE_ACCESS, FILE_SECRET)


def params(**options):
    base = dict(access_key=None, secret_key=None, profile=None, region=None, site=None, api_url=None,
                platform=None, validate_certs=True, ca_path=None, timeout=30.0)
    base.update(options)
    return base


@pytest.fixture
def configure(tmp_path):
    """Writes ~/.ncloud/configure under a fake HOME; returns (environ with HOME, path)."""
    path = tmp_path / '.ncloud' / 'configure'
    path.parent.mkdir()

    def write(text):
        path.write_text(text, encoding='utf-8')
        return {'HOME': str(tmp_path)}, str(path)
    return write


def test_bare_key_value_lines_are_read(configure):
    environ, dummy = configure(BARE_FILE)
    settings = resolve_settings(params(), environ)
    assert (settings.access_key, settings.secret_key) == (FILE_ACCESS, FILE_SECRET)
    assert settings.base_url == 'https://file.example.test/gw'


def test_default_section_is_read_and_comments_are_ignored(configure):
    environ, dummy = configure(SECTIONED_FILE)
    settings = resolve_settings(params(), environ)
    assert (settings.access_key, settings.secret_key) == (FILE_ACCESS, FILE_SECRET)


def test_profile_from_option_then_env(configure):
    environ, dummy = configure(SECTIONED_FILE)
    assert resolve_settings(params(profile='prod'), environ).access_key == 'PRODACCESSKEY000000000004'
    environ['NCLOUD_PROFILE'] = 'prod'
    assert resolve_settings(params(), environ).access_key == 'PRODACCESSKEY000000000004'
    assert resolve_settings(params(profile='DEFAULT'), environ).access_key == FILE_ACCESS


def test_named_profile_falls_back_to_default_keys(configure):
    environ, dummy = configure(SECTIONED_FILE + '[partial]\nncloud_access_key_id = PARTIALACCESSKEY000000005\n')
    settings = resolve_settings(params(profile='partial'), environ)
    assert (settings.access_key, settings.secret_key) == ('PARTIALACCESSKEY000000005', FILE_SECRET)


def test_unknown_profile_names_the_file_and_the_profiles_it_has(configure):
    environ, path = configure(SECTIONED_FILE)
    with pytest.raises(NCloudError) as raised:
        resolve_settings(params(profile='staging'), environ)
    assert "'staging'" in str(raised.value) and path in str(raised.value) and 'DEFAULT, prod' in str(raised.value)


def test_env_beats_file_and_option_beats_env(configure):
    environ, dummy = configure(SECTIONED_FILE)
    environ.update(NCLOUD_ACCESS_KEY_ID=ENV_ACCESS, NCLOUD_SECRET_ACCESS_KEY=ENV_SECRET)
    settings = resolve_settings(params(), environ)
    assert (settings.access_key, settings.secret_key) == (ENV_ACCESS, ENV_SECRET)
    settings = resolve_settings(params(access_key=OPTION_ACCESS, secret_key=OPTION_SECRET), environ)
    assert (settings.access_key, settings.secret_key) == (OPTION_ACCESS, OPTION_SECRET)


def test_first_env_name_wins_and_the_terraform_names_are_the_fallback():
    environ = {'NCLOUD_ACCESS_KEY': 'TFACCESSKEY00000000000006', 'NCLOUD_SECRET_KEY': 'tf-secret-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d'}
    assert resolve_settings(params(), environ, config_path='/nonexistent').access_key == 'TFACCESSKEY00000000000006'
    environ.update(NCLOUD_ACCESS_KEY_ID=ENV_ACCESS, NCLOUD_SECRET_ACCESS_KEY=ENV_SECRET)
    settings = resolve_settings(params(), environ, config_path='/nonexistent')
    assert (settings.access_key, settings.secret_key) == (ENV_ACCESS, ENV_SECRET)


def test_missing_credentials_lists_every_place_looked(tmp_path):
    environ = {'HOME': str(tmp_path), 'NCLOUD_PROFILE': 'work'}
    with pytest.raises(NCloudError) as raised:
        resolve_settings(params(access_key=OPTION_ACCESS), environ)
    message = str(raised.value)
    for place in ('secret key', 'access_key', 'secret_key', 'NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY,',
                  'NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY', os.path.join(str(tmp_path), '.ncloud', 'configure'),
                  'profile work', 'does not exist'):
        assert place in message
    assert 'missing access key' not in message


def test_defaults_without_file_or_env():
    settings = resolve_settings(params(access_key=OPTION_ACCESS, secret_key=OPTION_SECRET), {}, '/nonexistent')
    assert (settings.site, settings.platform, settings.region, settings.base_url, settings.timeout) == (
        'public', 'vpc', 'KR', SITE_URLS['public'], 30.0)
    assert settings.validate_certs is True and settings.ca_path is None


def test_fin_defaults_to_region_fkr_and_its_own_url():
    settings = resolve_settings(params(access_key=OPTION_ACCESS, secret_key=OPTION_SECRET, site='fin'), {}, '/nonexistent')
    assert (settings.region, settings.base_url) == ('FKR', SITE_URLS['fin'])


def test_site_region_platform_and_url_from_env():
    environ = dict(NCLOUD_ACCESS_KEY_ID=ENV_ACCESS, NCLOUD_SECRET_ACCESS_KEY=ENV_SECRET, NCLOUD_SITE='gov',
                   NCLOUD_REGION='SGN', NCLOUD_PLATFORM='classic', NCLOUD_API_GW='http://127.0.0.1:8080/')
    settings = resolve_settings(params(), environ, '/nonexistent')
    assert (settings.site, settings.region, settings.platform, settings.base_url) == (
        'gov', 'SGN', 'classic', 'http://127.0.0.1:8080')
    settings = resolve_settings(params(region='JPN', platform='vpc', api_url='https://proxy.test:8443/ncloud'),
                                environ, '/nonexistent')
    assert (settings.region, settings.platform, settings.base_url) == ('JPN', 'vpc', 'https://proxy.test:8443/ncloud')


def test_a_site_from_env_outranks_the_files_url(configure):
    environ, dummy = configure(BARE_FILE)
    environ['NCLOUD_SITE'] = 'gov'
    assert resolve_settings(params(), environ).base_url == SITE_URLS['gov']


@pytest.mark.parametrize('env_name, value', [('NCLOUD_SITE', 'private'), ('NCLOUD_PLATFORM', 'VPC')])
def test_invalid_choice_from_env_names_the_env_var(env_name, value):
    environ = {'NCLOUD_ACCESS_KEY_ID': ENV_ACCESS, 'NCLOUD_SECRET_ACCESS_KEY': ENV_SECRET, env_name: value}
    with pytest.raises(NCloudError, match='%r from env %s' % (value, env_name)):
        resolve_settings(params(), environ, '/nonexistent')


def test_classic_on_fin_is_an_error():
    with pytest.raises(NCloudError, match="'classic' is not available on site 'fin'"):
        resolve_settings(params(access_key=OPTION_ACCESS, secret_key=OPTION_SECRET, site='fin', platform='classic'),
                         {}, '/nonexistent')


@pytest.mark.parametrize('url', ['ncloud.apigw.ntruss.com', 'ftp://host', 'https://', 'http:///path', 'http://[::1/unclosed'])
def test_junk_api_url_names_api_url(url):
    with pytest.raises(NCloudError, match='Invalid api_url'):
        resolve_settings(params(access_key=OPTION_ACCESS, secret_key=OPTION_SECRET, api_url=url), {}, '/nonexistent')


def test_junk_api_url_from_env_names_the_env_var():
    environ = {'NCLOUD_ACCESS_KEY_ID': ENV_ACCESS, 'NCLOUD_SECRET_ACCESS_KEY': ENV_SECRET, 'NCLOUD_API_GW': 'localhost:8080'}
    with pytest.raises(NCloudError, match='Invalid api_url .* from env NCLOUD_API_GW'):
        resolve_settings(params(), environ, '/nonexistent')


def test_settings_repr_hides_the_secret():
    settings = resolve_settings(params(access_key=OPTION_ACCESS, secret_key=OPTION_SECRET), {}, '/nonexistent')
    assert OPTION_SECRET not in repr(settings)


def test_read_configure_file_returns_keys_as_written(configure):
    dummy, path = configure(SECTIONED_FILE)
    assert read_configure_file(path, 'prod')['ncloud_api_url'] == 'https://ncloud.apigw.ntruss.com'
    assert read_configure_file(path + '.missing') == {}


def test_unreadable_configure_file_is_a_clear_error(tmp_path):
    with pytest.raises(NCloudError, match='Cannot read the NCloud configure file'):
        read_configure_file(str(tmp_path))   # a directory


def test_missing_ca_path_names_ca_path(tmp_path):
    missing = str(tmp_path / 'no-such-ca.pem')
    with pytest.raises(NCloudError) as error:
        resolve_settings(params(ca_path=missing, access_key=OPTION_ACCESS, secret_key=OPTION_SECRET), environ={}, config_path=str(tmp_path / 'none'))
    assert 'ca_path' in str(error.value) and missing in str(error.value)


def test_existing_ca_path_is_kept(tmp_path):
    bundle = tmp_path / 'ca.pem'
    bundle.write_text('-----BEGIN CERTIFICATE-----\n')
    settings = resolve_settings(params(ca_path=str(bundle), access_key=OPTION_ACCESS, secret_key=OPTION_SECRET), environ={}, config_path=str(tmp_path / 'none'))
    assert settings.ca_path == str(bundle)
