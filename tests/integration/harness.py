# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run real ansible processes against an in-process NCloud emulator.

conftest.py turns these into pytest fixtures; tools/demo.py reuses the environment builder.
Nothing here mocks our own code: the collection runs as ansible runs it, from an ansible_collections tree.
"""
import itertools
import json
import os
import pathlib
import subprocess
import sys

COLLECTION_ROOT = pathlib.Path(__file__).resolve().parents[2]
COLLECTION_PATH = ('ansible_collections', 'ncloud', 'compute')
sys.path.insert(0, str(COLLECTION_ROOT / 'tests' / 'emulator'))
sys.path.insert(0, str(COLLECTION_ROOT / 'tools'))

# The emulator's default credentials (docs/design.md); long and distinctive so no_log masking is real.
EMULATOR_ACCESS_KEY = 'EMULATORACCESSKEY00000001'
EMULATOR_SECRET_KEY = 'emulator-secret-0123456789abcdefghijklmnopqrstuv'
# State changes that take seconds on NCloud take a blink in tests unless a test asks otherwise.
FAST_TIMINGS = {'image_create_seconds': 0.3, 'image_delete_seconds': 0.2, 'server_stop_seconds': 0.2, 'server_start_seconds': 0.2}
ANSIBLE_TIMEOUT_SECONDS = 300


def find_collections_path(path):
    """The directory holding ansible_collections/ncloud/compute, if path lies inside such a tree."""
    parts = pathlib.Path(path).absolute().parts
    for index in range(len(parts) - len(COLLECTION_PATH) + 1):
        if parts[index:index + len(COLLECTION_PATH)] == COLLECTION_PATH:
            return pathlib.Path(*parts[:index])
    return None


def staged_collections_path(parent):
    """Copy the work tree to parent/ansible_collections/ncloud/compute and return parent."""
    from stage import stage  # tools/stage.py, shared with the Makefile  pylint: disable=import-outside-toplevel
    stage(COLLECTION_ROOT, parent)
    return pathlib.Path(parent)


def ansible_env(emulator_url, collections_path, temp_dir, extra_env=None):
    """An environment for ansible that reaches only the emulator: no NCloud or ansible settings of the developer leak in.

    extra_env adds variables; a None value removes one (e.g. to test missing credentials).
    """
    temp_dir = pathlib.Path(temp_dir)
    env = {name: value for name, value in os.environ.items() if not name.startswith(('NCLOUD_', 'ANSIBLE_'))}
    env.update(
        HOME=str(temp_dir / 'home'),  # no real ~/.ncloud/configure
        NCLOUD_API_GW=emulator_url,
        NCLOUD_ACCESS_KEY_ID=EMULATOR_ACCESS_KEY,
        NCLOUD_SECRET_ACCESS_KEY=EMULATOR_SECRET_KEY,
        ANSIBLE_COLLECTIONS_PATH=str(collections_path),
        ANSIBLE_LOCAL_TEMP=str(temp_dir / 'ansible-local'),
        ANSIBLE_REMOTE_TMP=str(temp_dir / 'ansible-remote'),
        ANSIBLE_NOCOLOR='1',
        ANSIBLE_LOCALHOST_WARNING='0',
        ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
    )
    for name, value in (extra_env or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    (temp_dir / 'home').mkdir(parents=True, exist_ok=True)
    return env


class AnsibleRun:
    """One finished ansible process. results: the parsed task results (run_tasks, run_adhoc), else None."""

    def __init__(self, completed, results):
        self.rc = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr
        self._results = results

    @property
    def output(self):
        return 'rc=%s\n--- stdout\n%s\n--- stderr\n%s' % (self.rc, self.stdout, self.stderr)

    @property
    def results(self):
        assert self._results is not None, 'ansible wrote no results:\n' + self.output
        return self._results


class AnsibleRunner:
    """Runs ansible / ansible-playbook on localhost against one emulator, with files under temp_dir."""

    def __init__(self, emulator_url, collections_path, temp_dir):
        self.emulator_url = emulator_url
        self.collections_path = collections_path
        self.temp_dir = pathlib.Path(temp_dir)
        self._run_numbers = itertools.count(1)

    def run_tasks(self, tasks, check=False, diff=False, extra_env=None, verbosity=0, vars=None):  # pylint: disable=redefined-builtin
        """Run tasks in one play; each result is registered (errors ignored) and returned in order as .results."""
        number = next(self._run_numbers)
        results_file = self.temp_dir / ('results-%d.json' % number)
        registered = ['task_result_%d' % index for index in range(len(tasks))]
        play_tasks = [dict(task, register=name, ignore_errors=True) for task, name in zip(tasks, registered)]
        play_tasks.append({
            'name': 'Dump the registered results',
            'check_mode': False,
            'diff': False,
            'ansible.builtin.copy': {'dest': str(results_file), 'content': '{{ [%s] | to_json }}' % ', '.join(registered)},
        })
        play = dict(self._play_header(vars), tasks=play_tasks)
        playbook = self.temp_dir / ('playbook-%d.yml' % number)
        playbook.write_text(json.dumps([play], indent=2), encoding='utf-8')
        completed = self._run(['ansible-playbook', str(playbook)], check, diff, extra_env, verbosity)
        return AnsibleRun(completed, self._read_json(results_file))

    def run_playbook(self, path_or_yaml, check=False, diff=False, extra_env=None, verbosity=0, extra_vars=None):
        """Run a playbook file, or playbook text (anything with a newline). No .results: assert on rc, output, emulator."""
        playbook = pathlib.Path(path_or_yaml) if '\n' not in str(path_or_yaml) else None
        if playbook is None:
            playbook = self.temp_dir / ('playbook-%d.yml' % next(self._run_numbers))
            playbook.write_text(path_or_yaml, encoding='utf-8')
        command = ['ansible-playbook', str(playbook)]
        if extra_vars:
            command += ['--extra-vars', json.dumps(extra_vars)]
        return AnsibleRun(self._run(command, check, diff, extra_env, verbosity), None)

    def run_adhoc(self, module, args_string='', check=False, diff=False, extra_env=None, verbosity=0):
        """`ansible localhost -m module -a args_string`; .results is [the module's result] (tree callback)."""
        tree = self.temp_dir / ('tree-%d' % next(self._run_numbers))
        tree_env = {'ANSIBLE_LOAD_CALLBACK_PLUGINS': '1', 'ANSIBLE_CALLBACKS_ENABLED': 'ansible.builtin.tree',
                    'ANSIBLE_CALLBACK_TREE_DIR': str(tree)}
        command = ['ansible', 'localhost', '-m', module, '-a', args_string, '-e', 'ansible_python_interpreter=' + sys.executable]
        completed = self._run(command, check, diff, dict(tree_env, **(extra_env or {})), verbosity)
        result = self._read_json(tree / 'localhost')
        return AnsibleRun(completed, None if result is None else [result])

    @staticmethod
    def _play_header(play_vars):
        return {'name': 'harness', 'hosts': 'localhost', 'connection': 'local', 'gather_facts': False,
                'vars': dict({'ansible_python_interpreter': sys.executable}, **(play_vars or {}))}

    def _run(self, command, check, diff, extra_env, verbosity):
        executable = pathlib.Path(sys.executable).parent / command[0]  # the ansible beside this Python
        command = [str(executable)] + command[1:] + ['--check'] * check + ['--diff'] * diff
        if verbosity:
            command.append('-' + 'v' * verbosity)
        env = ansible_env(self.emulator_url, self.collections_path, self.temp_dir, extra_env)
        completed = subprocess.run(command, env=env, cwd=str(self.temp_dir), capture_output=True, text=True,
                                   timeout=ANSIBLE_TIMEOUT_SECONDS, check=False)
        # Whatever a test does, the secret key never shows up in ansible's output.
        assert EMULATOR_SECRET_KEY not in completed.stdout + completed.stderr, 'secret key leaked:\n' + completed.stdout + completed.stderr
        return completed

    @staticmethod
    def _read_json(path):
        if not path.exists():
            return None
        text = path.read_text(encoding='utf-8')
        assert EMULATOR_SECRET_KEY not in text, 'secret key leaked into a task result: ' + text
        return json.loads(text)
