#!/usr/bin/env bash
# Usage: check_installed.sh DIR/ansible_collections/ncloud/compute
# The collection installed from the built tarball has every module of the work tree and nothing that must not ship.
set -euo pipefail
shopt -s nullglob
installed=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
problems=0
for module in "$repo"/plugins/modules/*.py "$repo"/plugins/module_utils/*.py; do
    relative=${module#"$repo"/}
    if [ ! -f "$installed/$relative" ]; then echo "missing from the tarball: $relative"; problems=$((problems + 1)); fi
done
for path in MANIFEST.json FILES.json meta/runtime.yml README.md COPYING requirements.txt; do
    if [ ! -f "$installed/$path" ]; then echo "missing from the tarball: $path"; problems=$((problems + 1)); fi
done
for path in tests/emulator tests/integration tests/bench tests/output .venv .build .git .ci tools Makefile; do
    if [ -e "$installed/$path" ]; then echo "must not ship: $path"; problems=$((problems + 1)); fi
done
stray=$(find "$installed" \( -name '__pycache__' -o -name '*.tar.gz' -o -name '.pytest_cache' \) -print)
if [ -n "$stray" ]; then echo "must not ship: $stray"; problems=$((problems + 1)); fi
if [ "$problems" -ne 0 ]; then exit 1; fi
echo "installed collection OK: $(find "$installed/plugins/modules" -name '*.py' | wc -l) modules, no tests/emulator, venvs or build files"
