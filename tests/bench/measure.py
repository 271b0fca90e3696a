# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Measuring tools for the benchmark: timed ansible runs, the machine, import times, and the emulator's log."""
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

COLLECTION_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(COLLECTION_ROOT / 'tests' / 'integration'))

from harness import ansible_env, find_collections_path, staged_collections_path  # noqa: E402  pylint: disable=wrong-import-position

LIST_ACTIONS = ('getMemberServerImageInstanceList', 'getServerImageList', 'getMemberServerImageList')
NUMBER_FILTERS = ('memberServerImageInstanceNoList.1', 'serverImageNoList.1', 'memberServerImageNoList.1')


def collections_path(temp_dir):
    """The ansible_collections tree this file is in (make bench runs in the staged copy), else a fresh copy."""
    return find_collections_path(COLLECTION_ROOT) or staged_collections_path(Path(temp_dir) / 'collections')


class Ansible:
    """Runs `ansible` / `ansible-playbook` (the ones beside this Python) against one emulator, timed."""

    def __init__(self, emulator_url, collections, temp_dir):
        self.env = ansible_env(emulator_url, collections, temp_dir)
        self.temp_dir = Path(temp_dir)
        self.bin = Path(sys.executable).parent

    def adhoc(self, module, args=''):
        """Wall seconds of `ansible localhost -m module -a args`; fails loudly when the module failed."""
        return self._timed(['ansible', 'localhost', '-m', module, '-a', args, '-e', 'ansible_python_interpreter=' + sys.executable])

    def playbook(self, path, extra_vars=None):
        command = ['ansible-playbook', str(path), '-e', 'ansible_python_interpreter=' + sys.executable]
        if extra_vars:
            command += ['-e', extra_vars]
        return self._timed(command)

    def _timed(self, command):
        started = time.perf_counter()
        completed = subprocess.run([str(self.bin / command[0])] + command[1:], env=self.env, cwd=str(self.temp_dir),
                                   capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        if completed.returncode != 0:
            raise RuntimeError('%s failed:\n%s\n%s' % (' '.join(command), completed.stdout, completed.stderr))
        return elapsed


def median_ms(function, runs):
    """Median milliseconds of function() over runs calls."""
    samples = []
    for repeat in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def wall_and_cpu(measure):
    """(wall seconds, CPU seconds of the child processes) of measure(): CPU time hardly changes when other
    programs load the machine, wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = measure()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def interleaved_medians(runs, measures):
    """{name: {'wall': median s, 'cpu': median s}}, taking the measures in turn so drifting load affects each alike."""
    samples = dict((name, []) for name in measures)
    for repeat in range(runs):
        for name, measure in measures.items():
            samples[name].append(wall_and_cpu(measure))
    return dict((name, {'wall': statistics.median(wall for wall, cpu in values), 'cpu': statistics.median(cpu for wall, cpu in values)})
                for name, values in samples.items())


def import_seconds(module, python_path, after=None, runs=5):
    """Median import time of module in a fresh interpreter (python -X importtime), in seconds.

    With after (a module imported first), only what module adds to it: shared dependencies count once.
    """
    code = ('import %s; ' % after if after else '') + 'import ' + module

    def once():
        completed = subprocess.run([sys.executable, '-X', 'importtime', '-c', code],
                                   env=dict(os.environ, PYTHONPATH=str(python_path)), capture_output=True, text=True, check=True)
        for line in completed.stderr.splitlines():
            match = re.match(r'import time:\s+\d+ \|\s+(\d+) \| ?(\S+)$', line)
            if match and match.group(2) == module:
                return int(match.group(1)) / 1e6
        raise RuntimeError('no import time for %s in:\n%s' % (module, completed.stderr[-2000:]))
    return statistics.median([once() for repeat in range(runs)])


def machine():
    """What the numbers were measured on."""
    model = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo', encoding='utf-8') as cpuinfo:
            model = next((line.split(':', 1)[1].strip() for line in cpuinfo if line.startswith('model name')), model)
    except OSError:
        pass
    from ansible.release import __version__ as ansible_version  # pylint: disable=import-outside-toplevel
    load = os.getloadavg()[0] if hasattr(os, 'getloadavg') else None
    return {'nproc': os.cpu_count(), 'cpu': model, 'python': platform.python_version(), 'ansible_core': ansible_version,
            'os': '%s %s' % (platform.system(), platform.release()), 'load': load}


def poll_requests(log):
    """The role's polls: list requests by image numbers (the module's own lookups go by name)."""
    return [entry for entry in log if entry['action'] in LIST_ACTIONS and any(key in entry['params'] for key in NUMBER_FILTERS)]


def image_created_at(emulator, name):
    """(image number, the emulator time the image became created)."""
    image = next(image for image in emulator.state.images.values() if image['name'] == name)
    return image['no'], image['created_at'] + emulator.state.timings['image_create_seconds']
