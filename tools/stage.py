# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Copy the collection's work tree to <parent>/ansible_collections/ncloud/compute and print that path.

ansible-test refuses a tree that is not under ansible_collections/<namespace>/<name> (a symlink is
resolved and refused too), and ansible finds collections only in that layout. The copy's tests/output
(ansible-test's results and its delegation venvs) survives a restage so reruns stay quick.
Used by the Makefile and by tests/integration/harness.py.
"""
import fnmatch
import pathlib
import shutil
import sys

COLLECTION_PATH = ('ansible_collections', 'ncloud', 'compute')
# Relative paths of the work tree that are never copied: VCS data, venvs, build and test output, caches.
EXCLUDED_PATHS = ('.git', '.venv', '.build', '.ansible', '.benchmarks', 'tests/output')
EXCLUDED_NAMES = ('__pycache__', '.pytest_cache', '*.pyc', 'ncloud-compute-*.tar.gz')


def excluded_names(source):
    def ignore(directory, names):
        relative = pathlib.Path(directory).relative_to(source)
        return [name for name in names
                if (relative / name).as_posix() in EXCLUDED_PATHS
                or any(fnmatch.fnmatch(name, pattern) for pattern in EXCLUDED_NAMES)]
    return ignore


def stage(source, parent):
    source = pathlib.Path(source).resolve()
    parent = pathlib.Path(parent).resolve()
    dest = parent.joinpath(*COLLECTION_PATH)
    output, parked = dest / 'tests' / 'output', parent / '.tests-output'
    if output.is_dir():
        shutil.rmtree(parked, ignore_errors=True)
        output.rename(parked)
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(source, dest, symlinks=True, ignore=excluded_names(source))
    if parked.is_dir():
        parked.rename(output)
    return dest


if __name__ == '__main__':
    print(stage(pathlib.Path(__file__).resolve().parent.parent, sys.argv[1]))
