# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters behind the ncloud.compute.server_snapshot role: image names, server matching, results, rotation.

Pure functions, so the role's tasks stay short and the rules are unit-tested. Each filter is documented
in the YAML file of its name beside this one.
"""

import hashlib
import re

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_text

from ansible_collections.ncloud.compute.plugins.module_utils.images import image_sort_key

NAME_MAX = 30
# A hash of the full server name keeps shortened names of similar servers (web-frontend-01, -02) apart.
HASH_LENGTH = 4
# The strictest rule every image API accepts (VPC member image): lowercase letters, digits and '-'.
INVALID_CHARACTERS = re.compile('[^a-z0-9-]')
# The role's names end with '-' and the period's UTC timestamp: YYYYMMDD, YYYYMMDDHH or YYYYMMDDHHMM.
STAMP_AT_END = re.compile(r'-(\d{12}|\d{10}|\d{8})$')
STAMP_LENGTHS = (8, 10, 12)


def _cleaned(text):
    return INVALID_CHARACTERS.sub('-', to_text(text).lower())


def _shortened(server_name, room):
    """The server's part of the name in at most `room` characters; a cut name ends with a hash of the whole."""
    cleaned = _cleaned(server_name).strip('-')
    if cleaned and len(cleaned) <= room:
        return cleaned
    digest = hashlib.sha256(to_text(server_name).encode('utf-8')).hexdigest()[:HASH_LENGTH]
    if room <= HASH_LENGTH + 1:
        return (cleaned or digest)[:room]
    head = cleaned[:room - HASH_LENGTH - 1].rstrip('-')
    return '%s-%s' % (head, digest) if head else digest


def snapshot_name(server_name, prefix, stamp):
    """`<prefix>-<server name>-<stamp>` made valid for every image API, at most 30 characters."""
    clean_prefix = _cleaned(prefix).strip('-')
    if not re.match('[a-z]', clean_prefix):
        raise AnsibleFilterError("The image name prefix '%s' must start with a letter" % prefix)
    stamp = to_text(stamp)
    if not stamp.isdigit() or len(stamp) not in STAMP_LENGTHS:
        raise AnsibleFilterError("The timestamp '%s' must be 8, 10 or 12 digits (YYYYMMDD[HH[MM]])" % stamp)
    room = NAME_MAX - len(clean_prefix) - len(stamp) - 2
    if room < 1:
        raise AnsibleFilterError("The image name prefix '%s' is too long: with a %d-digit timestamp it may have at most %d characters"
                                 % (prefix, len(stamp), NAME_MAX - len(stamp) - 3))
    return '%s-%s-%s' % (clean_prefix, _shortened(server_name, room), stamp)


def snapshot_targets(servers, requested, prefix, stamp):
    """Match the requested names or numbers to server records; name each server's image for this period.

    Returns {'targets': [{'server', 'image_name'}] in the order asked, once per server,
    'missing': [{'server', 'reason'}]} for entries that match no server or several.
    """
    by_number = dict((server['server_instance_no'], server) for server in servers)
    by_name = {}
    for server in servers:
        by_name.setdefault(server['server_name'], []).append(server)
    targets, missing, owner_of_name = [], [], {}
    for entry in requested:
        key = to_text(entry).strip()
        matches = [by_number[key]] if key in by_number else by_name.get(key, [])
        if not matches:
            missing.append({'server': key, 'reason': 'no server has this name or number (on this platform and region)'})
            continue
        if len(matches) > 1:
            numbers = ', '.join(server['server_instance_no'] for server in matches)
            missing.append({'server': key, 'reason': '%d servers have this name (%s): list the one you mean by number' % (len(matches), numbers)})
            continue
        server = matches[0]
        image_name = snapshot_name(server['server_name'], prefix, stamp)
        owner = owner_of_name.setdefault(image_name, server)
        if owner is not server:
            missing.append({'server': key, 'reason': "its image name '%s' is also server %s's; rename one of them"
                            % (image_name, owner['server_name'])})
            continue
        if not any(target['server'] is server for target in targets):
            targets.append({'server': server, 'image_name': image_name})
    return {'targets': targets, 'missing': missing}


def _server_of(result):
    """The target a loop result belongs to; an async_status result wraps the result that started the job."""
    item = result.get('item') or {}
    if 'ansible_job_id' in item:
        item = item.get('item') or {}
    return item.get('server') or {}


def _image_key(image):
    return (image.get('image_api'), image.get('private_image_no'))


def _judged(target, result, polled, wait_timeout, check_mode):
    """(image record or None, failure reason or None, summary) for one server's create result."""
    if result is None:
        return None, 'no snapshot was started', None
    if result.get('failed'):
        return None, to_text(result.get('msg') or 'the snapshot task failed').strip(), None
    record = result.get('private_image') or {}
    if not record.get('private_image_no'):
        if check_mode:
            return None, None, 'would create ' + target['image_name']
        return None, 'the module returned no image record', None
    image = polled.get(_image_key(record), record)
    status = image.get('private_image_status_name')
    shown = '%s (%s)' % (image.get('private_image_name'), image.get('private_image_no'))
    if status == 'failed':
        reason = 'image %s failed to create (createFailed); delete it (ncloud.compute.private_image state=absent) to try again' % shown
    elif status == 'creating' and wait_timeout is not None:
        reason = 'image %s was still creating after %s seconds' % (shown, wait_timeout)
    elif status not in ('creating', 'created'):
        reason = 'image %s is %s' % (shown, status)
    else:
        return image, None, '%s %s, %s' % (shown, status, 'new' if result.get('changed') else 'already there')
    return image, reason, None


def _sorted_deletions(deletions):
    """({server name: [deleted image]}, [failure]) from the rotation's delete results."""
    deleted, failures = {}, []
    for result in deletions:
        image = result.get('item') or {}
        if result.get('failed'):
            failures.append({'server': image.get('server_name'), 'reason': 'old image %s (%s) was not deleted: %s' % (
                image.get('private_image_name'), image.get('private_image_no'), to_text(result.get('msg') or 'failed').strip())})
        elif not result.get('skipped'):
            deleted.setdefault(image.get('server_name'), []).append(image)
    return deleted, failures


def snapshot_outcome(plan, results, polled=None, deletions=None, wait_timeout=None, check_mode=False):
    """Sort each server's create result (and the latest polled state of its image) into success or failure.

    plan is snapshot_targets' result; results the create loop's (or async_status') results; polled the
    latest records of the images; deletions the rotation's delete results. wait_timeout: seconds waited;
    when given, an image still creating is a failure.
    """
    latest = dict((_image_key(image), image) for image in polled or [])
    by_server = dict((_server_of(result).get('server_instance_no'), result) for result in results)
    deleted, delete_failures = _sorted_deletions(deletions or [])
    outcome = {'images': [], 'failures': [], 'pending': [], 'rotate': [], 'deleted': [], 'summary': []}
    for target in plan['targets']:
        server_name = target['server']['server_name']
        image, reason, summary = _judged(target, by_server.get(target['server']['server_instance_no']), latest, wait_timeout, check_mode)
        summary = summary or 'FAILED: ' + reason
        old = deleted.get(server_name, [])
        if old:
            summary += '; %s %s' % ('would delete' if check_mode else 'deleted', ', '.join(record['private_image_name'] for record in old))
            outcome['deleted'].extend(old)
        outcome['summary'].append('%s: %s' % (server_name, summary))
        if reason:
            outcome['failures'].append({'server': server_name, 'reason': reason})
            continue
        outcome['rotate'].append(target)
        if image:
            outcome['images'].append(dict(image, server_name=server_name))
            if image.get('private_image_status_name') == 'creating':
                outcome['pending'].append(image['private_image_no'])
    for entry in plan['missing']:
        outcome['failures'].append(entry)
        outcome['summary'].append('%s: FAILED: %s' % (entry['server'], entry['reason']))
    outcome['failures'].extend(delete_failures)
    return outcome


def _made_for(image, server, prefix):
    """Whether this role named the image for this server (its prefix, its name, one of the periods)."""
    name = image.get('private_image_name') or ''
    found = STAMP_AT_END.search(name)
    if not found or name != snapshot_name(server['server_name'], prefix, found.group(1)):
        return False
    origin = image.get('original_server_instance_no')
    if origin is None:
        # The VPC server image API (KVM) does not name the original server: the name has to do.
        return image.get('image_api') == 'vpc_server' and server.get('hypervisor_type') == 'KVM'
    return origin == server['server_instance_no']


def snapshot_expired(images, targets, prefix, keep):
    """The images to delete so each target keeps its `keep` newest role-made images, this period's included.

    Never this period's image, one still creating or one already being deleted. Each is returned with the
    server's name added as server_name.
    """
    keep = int(keep)
    if keep <= 0:
        return []
    expired = []
    for target in targets:
        server = target['server']
        own = sorted((image for image in images
                      if image.get('private_image_name') != target['image_name']
                      and image.get('private_image_status_name') != 'terminating'
                      and _made_for(image, server, prefix)), key=image_sort_key)
        # This period's image is one of the `keep`.
        older = own[:max(len(own) - (keep - 1), 0)]
        expired.extend(dict(image, server_name=server['server_name'])
                       for image in older if image.get('private_image_status_name') != 'creating')
    return expired


class FilterModule(object):
    def filters(self):
        return {
            'snapshot_name': snapshot_name,
            'snapshot_targets': snapshot_targets,
            'snapshot_outcome': snapshot_outcome,
            'snapshot_expired': snapshot_expired,
        }
