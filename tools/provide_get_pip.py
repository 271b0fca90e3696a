# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cache the offline pip bootstrap (get_pip_offline.py) for every pip version the installed ansible-test asks for.

Run with the Python that has ansible-core installed. ansible-test reads the pip version from its own
``get_venv_packages()`` and looks for ``~/.ansible/test/cache/get_pip_<version with _>.py`` before downloading.
"""
import importlib.util
import os
import pathlib
import re
import sys

PIP_VERSION = re.compile(r"""\bpip['"]?\s*[=:]\s*['"](\d+(?:\.\d+)+)['"]""")
STAND_IN = pathlib.Path(__file__).with_name('get_pip_offline.py')
STAND_IN_MARKER = 'Offline stand-in for get-pip.py'


def ansible_test_pip_versions():
    package = pathlib.Path(importlib.util.find_spec('ansible_test').submodule_search_locations[0])
    for source in package.rglob('*.py'):
        text = source.read_text(encoding='utf-8')
        if 'def get_venv_packages(' in text:
            body = text.split('def get_venv_packages(', 1)[1].split('\ndef ', 1)[0]
            return sorted(set(PIP_VERSION.findall(body)))
    return []


def main():
    versions = ansible_test_pip_versions()
    if not versions:
        raise SystemExit('could not find the pip version in the installed ansible-test; its source changed')
    cache = pathlib.Path(os.path.expanduser('~/.ansible/test/cache'))
    cache.mkdir(parents=True, exist_ok=True)
    script = STAND_IN.read_text(encoding='utf-8')
    for version in versions:
        target = cache / ('get_pip_%s.py' % version.replace('.', '_'))
        existing = target.read_text(encoding='utf-8') if target.exists() else None
        # A real get-pip.py placed there by hand works as well: only write a missing or outdated stand-in.
        if existing is None or (STAND_IN_MARKER in existing and existing != script):
            target.write_text(script, encoding='utf-8')
            print('wrote the offline pip %s bootstrap for ansible-test: %s' % (version, target))


if __name__ == '__main__':
    sys.exit(main())
