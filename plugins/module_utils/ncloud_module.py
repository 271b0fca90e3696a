# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""NCloudModule: the common options, a lazily built client, and NCloudError -> fail_json."""

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.ncloud.compute.plugins.module_utils.config import resolve_settings
from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError
from ansible_collections.ncloud.compute.plugins.module_utils.transport import (
    HAS_REQUESTS, REQUESTS_IMPORT_ERROR, NCloudClient)

# Mirrors plugins/doc_fragments/common.py. No env fallbacks here: config.resolve_settings reads the
# env and the configure file, so the precedence lives in one place.
COMMON_ARGUMENT_SPEC = dict(
    access_key=dict(type='str', no_log=False),
    secret_key=dict(type='str', no_log=True),
    profile=dict(type='str'),
    region=dict(type='str'),
    site=dict(type='str', choices=['public', 'gov', 'fin']),
    api_url=dict(type='str'),
    platform=dict(type='str', choices=['vpc', 'classic']),
    validate_certs=dict(type='bool', default=True),
    ca_path=dict(type='path'),
    timeout=dict(type='float', default=30.0),
)


class NCloudModule:
    """An AnsibleModule with the common NCloud options; use `client` only inside run()."""

    def __init__(self, argument_spec, **ansible_module_kwargs):
        spec = dict(COMMON_ARGUMENT_SPEC)
        spec.update(argument_spec)
        self.module = AnsibleModule(argument_spec=spec, **ansible_module_kwargs)
        self.params = self.module.params
        self.check_mode = self.module.check_mode
        self._client = None

    @property
    def client(self):
        """The NCloudClient, built on first use; raises NCloudError when settings are missing or wrong."""
        if self._client is None:
            if not HAS_REQUESTS:
                self.module.fail_json(msg=missing_required_lib('requests'), exception=str(REQUESTS_IMPORT_ERROR))
            settings = resolve_settings(self.params)
            # The secret may come from env or the configure file, where no_log on the option cannot see it.
            self.module.no_log_values.add(settings.secret_key)
            self._client = NCloudClient(settings)
        return self._client

    def run(self, run_function):
        """exit_json(**run_function(self)); an NCloudError becomes fail_json, never a traceback."""
        try:
            result = run_function(self)
        except NCloudError as error:
            self.module.fail_json(**error.to_result())
        else:
            self.module.exit_json(**result)

    def fail(self, msg, **kwargs):
        self.module.fail_json(msg=msg, **kwargs)

    def warn(self, msg):
        self.module.warn(msg)
