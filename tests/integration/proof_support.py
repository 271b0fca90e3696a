# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared pieces of the proof suites (faults, bad input, secrecy, concurrency, TLS): log readers, crash
detection, fault triggers, batched case runs and throwaway certificates."""
import datetime
import json
import sys
import threading
import time

from private_image_support import MUTATING_PREFIXES

PIPELINED = {'ANSIBLE_PIPELINING': '1'}   # one process fewer per module run: the batched suites run hundreds
# In a task result's msg: an exception the module did not handle ('Module failed' is how ansible-core 2.19+ words
# it there; a clean failure's msg is the module's own). In ansible's output 2.19 prefixes every failure with
# 'Module failed', so only the other two mean a crash there.
RESULT_CRASH_MARKERS = ('MODULE FAILURE', 'Module failed', 'Traceback (most recent call last)')
OUTPUT_CRASH_MARKERS = ('MODULE FAILURE', 'Traceback (most recent call last)')
# The client's retry budget (retries.RetryPolicy defaults): at most 6 attempts and 60 s, and the five
# delays before retries 2..6 add up to at most 0.5 + 1 + 2 + 4 + 8 seconds.
MAX_ATTEMPTS = 6
MAX_RETRY_SLEEP = 15.5


def mutating_requests(log):
    """The log entries of create / delete / stop / start actions."""
    return [entry for entry in log if (entry['action'] or '').startswith(MUTATING_PREFIXES)]


def attempts(log, action):
    return [entry for entry in log if entry['action'] == action]


def span(entries):
    """Seconds from the first to the last of these log entries."""
    return entries[-1]['time'] - entries[0]['time'] if entries else 0.0


def crash_of(result):
    """Why a registered task result looks like a crash (traceback, MODULE FAILURE), or None.

    Not the 'exception' key: ansible-core 2.19 adds it to every fail_json made inside an except block.
    """
    if 'module_stderr' in result:
        return 'module_stderr: %s' % result['module_stderr']
    msg = str(result.get('msg', ''))
    return next(('msg contains %r' % marker for marker in RESULT_CRASH_MARKERS if marker in msg), None)


def crashes_in_output(run):
    return [marker for marker in OUTPUT_CRASH_MARKERS if marker in run.stdout + run.stderr]


def inject_after(emulator, is_trigger, action, fault, times=1, timeout=120, **options):
    """Inject a fault as soon as a log entry satisfies is_trigger (e.g. a create answered 200), from a thread.

    For faults that must hit a later phase of one task (the wait after a create): injecting up front would
    hit the lookups before it. Returns the thread; join() it to know the trigger fired.
    """
    def watch():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(is_trigger(entry) for entry in emulator.log):
                emulator.inject(action, fault, times, **options)
                return
            time.sleep(0.005)
    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def side_by_side(calls):
    """Run the zero-argument callables at once, each in a thread (e.g. an ansible process each); their results in order."""
    results = [None] * len(calls)

    def run(index):
        results[index] = calls[index]()
    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def answered(action):
    """A trigger: the action was applied and answered (200, no fault)."""
    return lambda entry: entry['action'] == action and entry['status'] == 200 and not entry['fault']


def case_loop_task(module, options, cases_path):
    """One task that runs module once per case read from cases_path (a JSON list of {'id', 'args'}).

    Each option is passed only when the case sets it. The cases come through a lookup, so ansible treats
    them as untrusted data and never templates them: a value is sent exactly as the case wrote it.
    """
    args = dict((option, "{{ item.args[%s] | default(omit) }}" % json.dumps(option)) for option in options)
    return {module: args, 'loop': "{{ lookup('ansible.builtin.file', %s) | from_json }}" % json.dumps(str(cases_path)),
            'loop_control': {'label': '{{ item.id }}'}}


def write_json(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False), encoding='utf-8')
    return path


def role_play(role_vars, outcome_path, defaults=None, name='role'):
    """A play that runs the server_snapshot role and writes its outcome (the failed result, or {'failed': false})
    to outcome_path: the role fails its play on purpose, so a rescue records that and later plays still run."""
    play = {'name': name, 'hosts': 'localhost', 'connection': 'local', 'gather_facts': False,
            'vars': {'ansible_python_interpreter': sys.executable},
            'tasks': [{'block': [{'ansible.builtin.include_role': {'name': 'ncloud.compute.server_snapshot'}, 'vars': role_vars},
                                 {'ansible.builtin.set_fact': {'proof_outcome': {'failed': False}}}],
                       'rescue': [{'ansible.builtin.set_fact': {'proof_outcome': '{{ ansible_failed_result }}'}}],
                       'always': [{'ansible.builtin.copy': {'dest': str(outcome_path),
                                                            'content': '{{ proof_outcome | to_json }}'}}]}]}
    if defaults:
        play['module_defaults'] = {'group/ncloud.compute.ncloud': defaults}
    return play


def read_outcome(outcome_path, run):
    assert outcome_path.exists(), run.output
    return json.loads(outcome_path.read_text(encoding='utf-8'))


def make_ca(common_name):
    """(key, certificate) of a throwaway certificate authority."""
    # cryptography ships with ansible-core (its vault and some modules use it), so it is there wherever the tests run.
    from cryptography import x509  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives import hashes  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives.asymmetric import ec  # pylint: disable=import-outside-toplevel
    from cryptography.x509.oid import NameOID  # pylint: disable=import-outside-toplevel

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                                key_encipherment=False, data_encipherment=False, key_agreement=False,
                                                encipher_only=False, decipher_only=False), critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                   .sign(key, hashes.SHA256()))
    return key, certificate


def write_server_certificate(directory, ca):
    """cert.pem and key.pem for 127.0.0.1 signed by ca (from make_ca), and ca.pem; returns the three paths."""
    from cryptography import x509  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives import hashes, serialization  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives.asymmetric import ec  # pylint: disable=import-outside-toplevel
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # pylint: disable=import-outside-toplevel
    import ipaddress  # pylint: disable=import-outside-toplevel

    ca_key, ca_certificate = ca
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, '127.0.0.1')]))
                   .issuer_name(ca_certificate.subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address('127.0.0.1'))]), critical=False)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
                   .sign(ca_key, hashes.SHA256()))
    paths = {name: directory / ('%s.pem' % name) for name in ('cert', 'key', 'ca')}
    paths['cert'].write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    paths['key'].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    paths['ca'].write_bytes(ca_certificate.public_bytes(serialization.Encoding.PEM))
    return paths
