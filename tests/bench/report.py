# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The benchmark's results as a Markdown table (for stdout and the README) and as docs/benchmark.md."""

OVERHEAD_TARGET = 1.2
MINIMUMS = {
    'rerun': (2, 'the server (its hypervisor picks the image API) and one name lookup'),
    'create': (4, 'server, name lookup, create, and one poll that finds the image created'),
    'delete': (4, 'a name lookup in each VPC image API, the delete, and one poll that finds it gone'),
}


def ms(seconds):
    return '%.0f ms' % (seconds * 1000)


def signed_ms(seconds):
    return '%+.0f ms' % (seconds * 1000)


def ratio(adhoc, name, kind):
    return adhoc[name][kind] / adhoc['ping'][kind]


def versus_ping(adhoc, name):
    """'1.21 s vs 1.14 s = 1.07x wall; CPU 0.52 s vs 0.45 s = 1.16x'."""
    return '%.2f s vs %.2f s = **%.2fx** wall; CPU %.2f s vs %.2f s = **%.2fx**' % (
        adhoc[name]['wall'], adhoc['ping']['wall'], ratio(adhoc, name, 'wall'),
        adhoc[name]['cpu'], adhoc['ping']['cpu'], ratio(adhoc, name, 'cpu'))


def table(results):
    adhoc = results['overhead']['adhoc']
    imports = results['overhead']['imports']
    requests = results['requests']
    scale = results['scale']
    latency = results['latency']
    counts = sorted(scale)
    rows = [
        ('`private_image_info` vs `ping` (ad hoc, median of %d)' % results['runs'],
         versus_ping(adhoc, 'info'), '< %.1fx' % OVERHEAD_TARGET),
        ('idempotent `private_image` rerun vs `ping`',
         versus_ping(adhoc, 'rerun'), '< %.1fx' % OVERHEAD_TARGET),
        ('import time on top of `module_utils.basic` (%s): `private_image` / `private_image_info`' % ms(imports['basic']),
         '+%s / +%s (`requests` +%s)' % (ms(imports['private_image']), ms(imports['info']), ms(imports['requests'])), ''),
        ('requests: idempotent rerun', str(requests['rerun'][0]), '%d (minimum)' % MINIMUMS['rerun'][0]),
        ('requests: create with wait (%d s image)' % requests['create_seconds'],
         '%d (%d polls)' % (requests['create'][0], requests['create_polls']), '%d (minimum)' % MINIMUMS['create'][0]),
        ('requests: delete by name with wait', str(requests['delete'][0]), '%d (minimum)' % MINIMUMS['delete'][0]),
        ('requests: list %s member + %s server images (VPC)' % tuple('{:,}'.format(count) for count in requests['list_images']),
         '%d in %.1f s' % (requests['list_10000'][0], requests['list_10000'][1]), '%d (minimum)' % requests['list_minimum']),
        ('role, %s servers (10 s image): wall time' % '/'.join(map(str, counts)),
         ' / '.join('%.1f s' % scale[count]['seconds'] for count in counts), 'flat'),
        ('role: list requests per poll', ' / '.join('%.0f' % scale[count]['per_poll'] for count in counts), 'flat (1 per image API)'),
        ('detection latency (image created -> poll sees it / module returns), %s s images' % '/'.join(map(str, sorted(latency))),
         ' / '.join('%.1f s, %.1f s' % (latency[key]['seen'], latency[key]['returned']) for key in sorted(latency)), ''),
    ]
    lines = ['| measure | result | target |', '|---|---|---|']
    lines += ['| %s | %s | %s |' % row for row in rows]
    box = results['machine']
    lines.append('')
    lines.append('Machine: %s, %s CPUs (%s), Python %s, ansible-core %s; load average %.1f before, %.1f after; %s.' % (
        box['os'], box['nproc'], box['cpu'], box['python'], box['ansible_core'], box['load'] or 0, results['load_after'] or 0,
        results['date']))
    return '\n'.join(lines)


def findings(results):
    """What costs, in numbers, and what would remove it."""
    overhead = results['overhead']
    adhoc, direct, imports, client = overhead['adhoc'], overhead['direct'], overhead['imports'], overhead['client']
    scale, latency = results['scale'], results['latency']
    counts, late = sorted(scale), max(latency)
    return [
        'Run by ansible, `private_image_info` takes %s of CPU against `ping`, a `private_image` rerun %s. Run alone '
        '(`python -m <module> args.json`) they take %s and %s of CPU against %s for ping: what differs is the module itself.'
        % (signed_ms(adhoc['info']['cpu'] - adhoc['ping']['cpu']), signed_ms(adhoc['rerun']['cpu'] - adhoc['ping']['cpu']),
           ms(direct['info']['cpu']), ms(direct['rerun']['cpu']), ms(direct['ping']['cpu'])),
        'Imports (fresh interpreter, median of 5): `ansible.module_utils.basic`, which ping needs too, takes %s; on top of '
        'it `private_image` adds %s and `private_image_info` %s, of which `requests` (with urllib3) is %s. '
        '`ansible.module_utils.urls` (urllib, no third-party dependency) would add %s instead, so moving the transport '
        'to it would save about %s per task and drop the `requests` requirement.'
        % (ms(imports['basic']), ms(imports['private_image']), ms(imports['info']), ms(imports['requests']),
           ms(imports['urls']), ms(imports['requests'] - imports['urls'])),
        'Client, in process: settings %.2f ms, a client with its `requests.Session` %.2f ms: nothing to gain there. A '
        'first request (new connection) %.1f ms, later ones on the kept-alive session %.1f ms. On Classic every run first '
        'asks `getRegionList` (%.1f ms here, a full round trip to NCloud in production); the Classic region numbers are '
        'fixed, so a built-in table for the known codes (asking only for an unknown one) would save that request.'
        % (client['settings_ms'], client['client_ms'], client['first_request_ms'], client['request_ms'], client['region_lookup_ms']),
        'On VPC `private_image_info` always asks both image APIs (member images and server images): 2 requests even '
        'for an account with only XEN servers; with `hypervisor_type` set it asks one.',
        'Create with wait (%d s image): %d requests against a minimum of 4: the server, the name, the create, then a '
        'look for the name (so concurrent runs converge on one image) and %d polls of the image. The wait starts '
        'from the record that look returned, so its first poll comes after the first sleep, not right after the '
        'look with the same answer.' % (
            results['requests']['create_seconds'], results['requests']['create'][0], results['requests']['create_polls']),
        'Waiting: polls start 1 s apart and grow by 1.5x to 15 s, so a fast image is seen fast and a slow one costs '
        'few requests; the price is lateness: a %d s image was seen %.1f s after it was created (up to a third of the '
        'time waited, at most 15 s).' % (late, latency[late]['seen']),
        'The role at scale: waiting costs %s list requests per poll for %s servers (flat: one per image API). Wall time '
        'grows only by the create phase (%s s): the creates are started one after another by a looped task, %.1f s '
        'apart. Async jobs (as the role uses with `server_snapshot_stop`) would overlap them, at the cost of an async '
        'wrapper and status polls per server.'
        % (' / '.join('%.0f' % scale[count]['per_poll'] for count in counts), '/'.join(map(str, counts)),
           ' / '.join('%.1f' % scale[count]['create_phase'] for count in counts),
           scale[counts[-1]]['create_phase'] / max(1, counts[-1] - 1)),
    ]


def render(results):
    """(table, document)."""
    summary = table(results)
    requests = results['requests']
    lines = ['# Benchmark', '', 'Made by `make bench` (`tests/bench/run.py`) against the NCloud emulator on one machine; '
             'medians of %d runs, measured side by side (interleaved) so load affects each alike. Wall time is what a '
             'user waits; CPU time (user + system of ansible and the module, all processes) is what the work costs and '
             'barely moves when other programs load the machine (see the load average), so its ratio is the steadier '
             'one.' % results['runs'], '', summary, '',
             '## What costs, and what would remove it', '']
    lines += ['- ' + finding for finding in findings(results)]
    lines += ['', '## API minimums', '']
    lines += ['- %s: %d requests (%s); measured %d.' % (name, minimum, why, requests[name][0])
              for name, (minimum, why) in sorted(MINIMUMS.items())]
    lines += ['- list of %s member and %s server images on VPC: one request per 1000 rows of each API (at least one '
              'each) = %d; measured %d.' % (tuple('{:,}'.format(count) for count in requests['list_images'])
                                            + (requests['list_minimum'], requests['list_10000'][0])), '']
    return summary, '\n'.join(lines)
