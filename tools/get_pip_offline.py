# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Offline stand-in for get-pip.py, written where ansible-test looks for its cached pip bootstrap script.

ansible-test runs it as ``python get_pip_X_Y.py --disable-pip-version-check pip==X.Y --no-setuptools --no-wheel``
inside a fresh virtual environment. The real get-pip.py carries a copy of pip inside itself and is downloaded
from a host we cannot reach; this one runs pip from the wheel bundled with the interpreter (ensurepip),
and that pip installs the requested pip version from the package index.
"""
import glob
import os
import sys

import ensurepip

# get-pip.py options that pip itself does not know: setuptools and wheel are simply not installed here.
GET_PIP_ONLY_OPTIONS = ('--no-setuptools', '--no-wheel')


def wheel_version(path):
    version = os.path.basename(path).split('-')[1]
    return tuple(int(part) for part in version.split('.') if part.isdigit())


def bundled_pip_wheel():
    wheels = glob.glob(os.path.join(os.path.dirname(ensurepip.__file__), '_bundled', 'pip-*.whl'))
    if not wheels:
        raise SystemExit('%s has no pip wheel bundled with ensurepip' % sys.executable)
    return max(wheels, key=wheel_version)


def main():
    sys.path.insert(0, bundled_pip_wheel())
    from pip._internal.cli.main import main as pip_main  # pylint: disable=import-outside-toplevel
    pip_args = [arg for arg in sys.argv[1:] if arg not in GET_PIP_ONLY_OPTIONS]
    return pip_main(['install', '--upgrade', '--force-reinstall'] + pip_args)


if __name__ == '__main__':
    sys.exit(main())
