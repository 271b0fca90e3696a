"""make demo: start the emulator, list its private images with `ansible localhost -m ncloud.compute.private_image_info`, stop it."""
import pathlib
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'tests' / 'integration'))
from harness import COLLECTION_ROOT, ansible_env, find_collections_path, staged_collections_path  # noqa: E402 pylint: disable=wrong-import-position

EMULATOR_DIR = COLLECTION_ROOT / 'tests' / 'emulator'
START_TIMEOUT_SECONDS = 20


def seed_file():
    candidates = [EMULATOR_DIR / 'seed.json', EMULATOR_DIR / 'ncloud_emulator' / 'seed.json']
    return next(path for path in candidates if path.exists())


def wait_for_url(process, log_path):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        match = re.search(r'listening on (\S+)', log_path.read_text(encoding='utf-8'))
        if match:
            return match.group(1)
        time.sleep(0.1)
    raise SystemExit('the emulator did not start:\n' + log_path.read_text(encoding='utf-8'))


def main():
    with tempfile.TemporaryDirectory(prefix='ncloud-demo-') as temp_dir:
        temp_dir = pathlib.Path(temp_dir)
        collections_path = find_collections_path(COLLECTION_ROOT) or staged_collections_path(temp_dir / 'collections')
        log_path = temp_dir / 'emulator.log'
        with open(log_path, 'w', encoding='utf-8') as log:
            command = [sys.executable, '-u', '-m', 'ncloud_emulator', '--port', '0', '--seed', str(seed_file())]
            emulator = subprocess.Popen(command, cwd=str(EMULATOR_DIR), stdout=log, stderr=subprocess.STDOUT)  # pylint: disable=consider-using-with
        try:
            url = wait_for_url(emulator, log_path)
            print('emulator listening on %s' % url, flush=True)
            ansible = pathlib.Path(sys.executable).parent / 'ansible'
            command = [str(ansible), 'localhost', '-m', 'ncloud.compute.private_image_info',
                       '-e', 'ansible_python_interpreter=%s' % sys.executable]
            print('$ ' + ' '.join(command[:4]), flush=True)
            return subprocess.run(command, env=ansible_env(url, collections_path, temp_dir), check=False).returncode
        finally:
            emulator.terminate()
            emulator.wait()


if __name__ == '__main__':
    sys.exit(main())
