# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The options every ncloud.compute module shares (ncloud_module.COMMON_ARGUMENT_SPEC mirrors them)."""


class ModuleDocFragment:

    DOCUMENTATION = r'''
options:
  access_key:
    description:
      - NCloud API access key ID.
      - When not set, the environment variable E(NCLOUD_ACCESS_KEY_ID) is used, then E(NCLOUD_ACCESS_KEY),
        then C(ncloud_access_key_id) from the O(profile) in C(~/.ncloud/configure).
    type: str
  secret_key:
    description:
      - NCloud API secret key. It is never logged or shown in results.
      - When not set, the environment variable E(NCLOUD_SECRET_ACCESS_KEY) is used, then E(NCLOUD_SECRET_KEY),
        then C(ncloud_secret_access_key) from the O(profile) in C(~/.ncloud/configure).
    type: str
  profile:
    description:
      - Section of the NCloud configure file C(~/.ncloud/configure) (C($HOME) decides C(~)) to read
        credentials from. When not set, the environment variable E(NCLOUD_PROFILE) is used, then C(DEFAULT).
      - The file is read as the NCloud CLI writes it, either bare C(key = value) lines or INI sections
        C([DEFAULT]) and C([name]); lines starting with C(#) are comments. A named section falls back to
        C([DEFAULT]) for keys it does not set.
      - Keys C(ncloud_access_key_id), C(ncloud_secret_access_key) and optionally C(ncloud_api_url)
        (used only when neither O(site) nor E(NCLOUD_SITE) is set).
      - Settings are looked up in this order, each one separately, the task option, the environment, the file.
    type: str
  region:
    description:
      - Region code, for example C(KR), C(SGN), C(JPN), C(USWN), C(DEN).
      - When not set, the environment variable E(NCLOUD_REGION) is used, then C(KR) (C(FKR) when O(site=fin)).
      - On the Classic platform the region code is translated to the region number the API wants.
    type: str
  site:
    description:
      - Which NCloud site to call, C(public) (U(https://ncloud.apigw.ntruss.com)), C(gov) or C(fin).
      - When not set, the environment variable E(NCLOUD_SITE) is used, then C(public).
    type: str
    choices: [public, gov, fin]
  api_url:
    description:
      - Base URL of the API gateway, replacing the one of O(site). Plain C(http://) is allowed, for
        emulators and proxies.
      - When not set, the environment variable E(NCLOUD_API_GW) is used.
    type: str
  platform:
    description:
      - C(vpc) or C(classic) server API. C(classic) is not available on O(site=fin).
      - When not set, the environment variable E(NCLOUD_PLATFORM) is used, then C(vpc).
    type: str
    choices: [vpc, classic]
  validate_certs:
    description:
      - Verify the API gateway's TLS certificate. Only set to V(false) for a test endpoint you trust.
    type: bool
    default: true
  ca_path:
    description:
      - Path to a PEM CA bundle to verify the API gateway's TLS certificate with, instead of the system's.
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP request (connecting takes at most 10 of them). Failed requests
        that are safe to repeat are retried with backoff for up to about a minute in all.
    type: float
    default: 30
requirements:
  - requests
'''
