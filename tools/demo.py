# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make demo`: the example playbook against the NCloud emulator, twice, then the images it left.

Starts the emulator with the servers of tests/demo/seed.json, runs playbooks/snapshot.yml (every server,
one image a day, keep 7), runs it again to show that a second run in the same day changes nothing, lists
the account's private images with ncloud.compute.private_image_info, and stops the emulator.
Against real NCloud the same playbook needs only credentials (see its header).
Run with the Python of a venv that has ansible-core and requests (the Makefile's tools venv).
"""
import pathlib
import re
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'tests' / 'integration'))

from harness import AnsibleRunner, find_collections_path, staged_collections_path  # noqa: E402  pylint: disable=wrong-import-position
from ncloud_emulator import Emulator  # noqa: E402  pylint: disable=wrong-import-position

PLAYBOOK = ROOT / 'playbooks' / 'snapshot.yml'
SEED = ROOT / 'tests' / 'demo' / 'seed.json'
# The emulator makes an image in 2 s; the playbook's 15 s poll interval would only make the demo slow.
PLAYBOOK_VARS = {'snapshot_poll_interval': 1}
RECAP_CHANGED = re.compile(r'changed=(\d+)')


def say(text):
    print('\n=== %s' % text, flush=True)


def run_playbook(runner, title):
    say(title)
    run = runner.run_playbook(str(PLAYBOOK), extra_vars=PLAYBOOK_VARS)
    print(run.stdout + run.stderr, flush=True)
    if run.rc != 0:
        raise SystemExit('demo: the playbook failed (exit code %d)' % run.rc)
    return sum(int(count) for count in RECAP_CHANGED.findall(run.stdout))


def image_table(images):
    rows = [('NUMBER', 'NAME', 'FROM SERVER', 'STATUS', 'CREATED')]
    rows += [(image['private_image_no'], image['private_image_name'], image['original_server_instance_no'] or '-',
              image['private_image_status_name'], image['create_date']) for image in images]
    widths = [max(len(str(row[column])) for row in rows) for column in range(len(rows[0]))]
    return '\n'.join('  '.join(str(value).ljust(width) for value, width in zip(row, widths)).rstrip() for row in rows)


def main():
    with tempfile.TemporaryDirectory(prefix='ncloud-demo-') as temp_dir:
        collections_path = find_collections_path(ROOT) or staged_collections_path(pathlib.Path(temp_dir) / 'collections')
        with Emulator(seed=str(SEED)) as emulator:
            servers = sorted(server['name'] for server in emulator.state.servers.values())
            say('NCloud emulator at %s with servers %s' % (emulator.url, ', '.join(servers)))
            runner = AnsibleRunner(emulator.url, collections_path, temp_dir)

            run_playbook(runner, 'Run 1: ansible-playbook playbooks/snapshot.yml')
            changed = run_playbook(runner, 'Run 2, the same day: every image is already there')
            if changed:
                raise SystemExit('demo: the second run changed %d things; it should change nothing' % changed)
            say('The second run changed nothing (changed=0).')

            say('Private images on the account now (ncloud.compute.private_image_info)')
            listing = runner.run_adhoc('ncloud.compute.private_image_info')
            if listing.rc != 0:
                raise SystemExit('demo: listing the images failed:\n' + listing.output)
            print(image_table(listing.results[0]['private_images']))
        say('Emulator stopped. Point the playbook at NCloud with NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY.')


if __name__ == '__main__':
    main()
