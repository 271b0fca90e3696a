# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers for the info module suites: the collection's own code in this process, and the keys its docs promise."""
import ast
import os
import sys

import yaml

from harness import EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY


def module_utils(collections_path, name):
    """plugins/module_utils/<name> of the collection tree the tests run (for real-HTTP calls from a test)."""
    if str(collections_path) not in sys.path:
        sys.path.insert(0, str(collections_path))
    package = __import__('ansible_collections.ncloud.compute.plugins.module_utils', fromlist=[name])
    return getattr(package, name)


def emulator_client(emulator, collections_path, platform):
    """Our NCloudClient pointed at the emulator with its credentials, in this process."""
    settings = module_utils(collections_path, 'config').resolve_settings(
        {'api_url': emulator.url, 'access_key': EMULATOR_ACCESS_KEY, 'secret_key': EMULATOR_SECRET_KEY, 'platform': platform},
        environ={}, config_path=os.devnull)
    return module_utils(collections_path, 'transport').NCloudClient(settings)


def _module_string(collection_root, module_name, name):
    """A module-level string constant (DOCUMENTATION, EXAMPLES, RETURN) read without importing the module."""
    source = (collection_root / 'plugins' / 'modules' / (module_name + '.py')).read_text(encoding='utf-8')
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) == name:
            return node.value.value
    raise AssertionError('%s has no %s' % (module_name, name))


def documented_keys(collection_root, module_name, return_key):
    """The keys the module's RETURN documents for each item of return_key."""
    return set(yaml.safe_load(_module_string(collection_root, module_name, 'RETURN'))[return_key]['contains'])


def examples_playbook(collection_root, module_name):
    """A playbook running the module's EXAMPLES as they are written, as a user pasting them would."""
    examples = yaml.safe_load(_module_string(collection_root, module_name, 'EXAMPLES'))
    play = {'hosts': 'localhost', 'connection': 'local', 'gather_facts': False,
            'vars': {'ansible_python_interpreter': sys.executable}, 'tasks': examples}
    return yaml.safe_dump([play], sort_keys=False)
