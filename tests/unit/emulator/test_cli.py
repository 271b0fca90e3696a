# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""python -m ncloud_emulator: starts on a free port, serves with real-time lifecycles, stops on SIGTERM."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from emulator_client import EMULATOR_PATH, Api  # pylint: disable=import-error

from ncloud_emulator import default_seed


@pytest.fixture
def start_cli(tmp_path):
    processes = []

    def start(*args):
        env = dict(os.environ, PYTHONPATH=EMULATOR_PATH)
        process = subprocess.Popen([sys.executable, '-m', 'ncloud_emulator', '--port', '0'] + list(args), env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(tmp_path))
        processes.append(process)
        line = process.stdout.readline()
        assert line.startswith('listening on http://127.0.0.1:'), line + process.stderr.read()
        return process, Api(line.split()[-1])

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def test_cli_serves_a_seed_file_with_real_time_lifecycles_until_sigterm(start_cli, tmp_path):
    seed = default_seed()
    seed['bulk_images'] = {'vpc_member': 3}
    seed_file = tmp_path / 'seed.json'
    seed_file.write_text(json.dumps(seed))
    process, api = start_cli('--seed', str(seed_file), '--create-seconds', '0.3', '--timings', '{"list_lag_seconds": 0}')
    assert api.ok('vpc', 'getMemberServerImageInstanceList')['totalRows'] == 4
    image = api.ok('vpc', 'createServerImage', {'serverInstanceNo': '20345603', 'serverImageName': 'cli-made'})['serverImageList'][0]
    assert image['serverImageStatusName'] == 'creating'
    time.sleep(0.4)
    detail = api.ok('vpc', 'getServerImageDetail', {'serverImageNo': image['serverImageNo']})['serverImageList'][0]
    assert detail['serverImageStatusName'] == 'created'
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0


def test_cli_legacy_numbers(start_cli):
    process, api = start_cli('--legacy-numbers')
    assert api.ok('classic', 'getRegionList')['regionList'][0]['regionNo'] == 1
    process.send_signal(signal.SIGINT)
    assert process.wait(10) == 0
