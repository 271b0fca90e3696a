# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the private_image module does for state=present and state=absent: look up, decide, then change.

Lookups are the same in check mode; only the mutating requests are skipped there.
"""

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError, NCloudOutcomeUnknownError
from ansible_collections.ncloud.compute.plugins.module_utils.image_apis import image_api_for_server
from ansible_collections.ncloud.compute.plugins.module_utils.image_lifecycle import (
    clear_failed_advice, create_image, delete_image, is_creating, is_failed, is_terminating,
    wait_image_created, wait_image_gone, wait_image_settled)
from ansible_collections.ncloud.compute.plugins.module_utils.image_names import description_problem, name_problem
from ansible_collections.ncloud.compute.plugins.module_utils.images import image_no, list_private_images
from ansible_collections.ncloud.compute.plugins.module_utils.records import IMAGE_API_CLASSIC_MEMBER, IMAGE_API_VPC_SERVER
from ansible_collections.ncloud.compute.plugins.module_utils.server_power import (
    RUNNING, is_changing, describe_server, require_ready, start_server, status_of, stop_server,
    wait_server_ready)
from ansible_collections.ncloud.compute.plugins.module_utils.servers import get_server
from ansible_collections.ncloud.compute.plugins.module_utils.waiters import WaitTimeout, poll

# How long a new image may be missing from lists (the API lists it "after a moment") before we
# conclude it does not exist: bounds the look after a lost create reply and the wait to see our own.
LIST_LAG_GRACE = 30

NO_NAME_WARNING = ('No name given: NCloud names the image, and the task is not idempotent '
                   '(every run creates another image). Set name to make it idempotent.')


class ImageTask:
    """One private_image task: its parameters, its client, and what it has done so far."""

    def __init__(self, client, params, check_mode, warn):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.warn = warn
        self.timeout = params['wait_timeout']
        self.actions = []

    def result(self, changed, image, before, after):
        return {'changed': changed, 'private_image': image or {}, 'actions': self.actions,
                'diff': {'before': before or {}, 'after': after or {}}}


def validate(params, platform):
    """Fail on a name or description the API would refuse, before any request.

    On VPC the server's hypervisor is not known yet, so the name is held to the rule shared by both
    VPC image APIs here, and to the exact one once the server is known.
    """
    problems = [description_problem(params['description'] or '')]
    if params['wait_timeout'] < 0:
        problems.append('wait_timeout must be 0 or more seconds (it is %d)' % params['wait_timeout'])
    if params['state'] == 'present' and params['name'] is not None:
        problems.append(name_problem(params['name'], IMAGE_API_CLASSIC_MEMBER if platform == 'classic' else 'vpc'))
    problems = [problem for problem in problems if problem]
    if problems:
        raise NCloudError('; '.join(problems))


def _same_server(image, server):
    # Server image records do not name their original server: unknown counts as the same.
    return image['original_server_instance_no'] in (None, server['server_instance_no'])


def _named(task, image_api):
    """Live images of the task's name in one API (one request on VPC), lowest number first."""
    images = list_private_images(task.client, name=task.params['name'], image_api=image_api)
    return sorted((image for image in images if not is_terminating(image)), key=image_no)


def _listed(task, image_api, until):
    """The name's images once until(images) holds, looking again while lists lag; the last list after the grace."""
    try:
        return poll(lambda: _named(task, image_api), until, lambda images: False, min(LIST_LAG_GRACE, task.timeout),
                    lambda images: '%d image(s) named %s listed' % (len(images), task.params['name']))
    except WaitTimeout as error:
        return error.last


def _check_existing(image, server=None):
    """Fail when an existing image cannot be the one asked for: made from another server, or failed."""
    if server is not None and not _same_server(image, server):
        where = image['original_server_name'] or 'no. %s' % image['original_server_instance_no']
        raise NCloudError("Image name '%s' is taken: image no. %s was made from server %s, not from server %s (no. %s); "
                          'choose another name, or delete that image first' % (
                              image['private_image_name'], image['private_image_no'], where,
                              server['server_name'], server['server_instance_no']))
    if is_failed(image):
        raise NCloudError("Image '%s' (no. %s) exists but its creation failed (CREFL); %s" % (
            image['private_image_name'], image['private_image_no'], clear_failed_advice(image)))


def _keep_existing(task, image, server=None):
    """The image asked for already exists: nothing to create; wait for it if it is still being made."""
    _check_existing(image, server)
    if is_creating(image) and task.params['wait'] and not task.check_mode:
        image = wait_image_created(task.client, image, task.timeout)
    return task.result(False, image, image, image)


def ensure_present(task):
    params = task.params
    if params['image_no']:
        found = list_private_images(task.client, image_nos=[params['image_no']])
        if not found:
            raise NCloudError('No private image no. %s: with image_no, state=present only targets an existing image'
                              % params['image_no'])
        return _keep_existing(task, found[0])
    server = get_server(task.client, params['server_instance_no'], params['server_name'])
    image_api = image_api_for_server(server)
    if params['name'] is None:
        if image_api == IMAGE_API_VPC_SERVER:
            raise NCloudError('Server %s is a KVM server: its image (createServerImage) needs a name' % server['server_name'])
        task.warn(NO_NAME_WARNING)
    else:
        problem = name_problem(params['name'], image_api)
        if problem:
            raise NCloudError(problem)
        existing = _named(task, image_api)
        if existing:
            return _keep_existing(task, existing[0], server)
    if task.check_mode:
        if not (is_changing(server) and params['wait']):
            require_ready(task.client, server, False, task.timeout)  # fails where a real run would
        planned = {'private_image_name': params['name'], 'private_image_description': params['description'],
                   'original_server_instance_no': server['server_instance_no'], 'image_api': image_api}
        return task.result(True, None, None, planned)
    image = _create_around_power(task, server)
    return task.result(True, image, None, image)


def _create_around_power(task, server):
    """Create (and wait), stopping the server first when asked; a server we stopped is always started again."""
    server = require_ready(task.client, server, task.params['wait'], task.timeout)
    stopping = task.params['stop_server'] and status_of(server) == RUNNING
    try:
        if stopping:
            server = stop_server(task.client, server, task.timeout)
            task.actions.append('stopped server')
        image = _create_converged(task, server)
        if task.params['wait'] or stopping:  # a stopped server waits for its image before it starts again
            image = wait_image_created(task.client, image, task.timeout)
    except Exception as error:
        if stopping:
            note = _start_again(task, server)
            if isinstance(error, NCloudError):
                error.message += note
        raise
    if stopping:
        start_server(task.client, server, task.timeout)
        task.actions.append('started server')
    return image


def _start_again(task, server):
    """After a failure: start the server we stopped; returns a note for the error message."""
    try:
        current = wait_server_ready(task.client, server, task.timeout)
        if status_of(current) == RUNNING:  # the stop never took effect
            return '; server %s is running' % server['server_name']
        start_server(task.client, current, task.timeout)
        task.actions.append('started server')
        return '; server %s was started again' % server['server_name']
    except NCloudError as error:
        return '; starting server %s again failed too, start it yourself: %s' % (server['server_name'], error)


def _create_converged(task, server):
    """Create once per name: adopt an image a lost reply hid, and let the oldest of concurrent duplicates win."""
    name, image_api = task.params['name'], image_api_for_server(server)
    try:
        image = create_image(task.client, server, name, task.params['description'])
    except NCloudOutcomeUnknownError as error:
        if name is None:
            error.message += ('; without a name the image cannot be looked up: check the images of %s before running again'
                              % describe_server(server))
            raise
        found = _listed(task, image_api, bool)
        if found:
            _check_existing(found[0], server)
            task.actions.append('adopted image %s after a lost reply' % found[0]['private_image_no'])
            return found[0]
        image = create_image(task.client, server, name, task.params['description'])
    task.actions.append('created image')
    if name is None:
        return image
    mine = image['private_image_no']
    listed = _listed(task, image_api, lambda images: any(item['private_image_no'] == mine for item in images))
    winner = min(listed + [image], key=image_no)
    if winner['private_image_no'] == mine:
        return next((item for item in listed if item['private_image_no'] == mine), image)
    # The API refuses to delete an image while it is being made.
    delete_image(task.client, wait_image_settled(task.client, image, task.timeout))
    task.actions.append('deleted own duplicate image %s' % mine)
    _check_existing(winner, server)
    return winner


def _images_to_delete(task):
    params = task.params
    if params['image_no']:
        return list_private_images(task.client, image_nos=[params['image_no']])
    if params['server_instance_no'] is None and params['server_name'] is None:
        return list_private_images(task.client, name=params['name'])
    server = get_server(task.client, params['server_instance_no'], params['server_name'])
    images = list_private_images(task.client, name=params['name'], image_api=image_api_for_server(server))
    return [image for image in images if _same_server(image, server)]


def ensure_absent(task):
    images = sorted(_images_to_delete(task), key=image_no)
    live = [image for image in images if not is_terminating(image)]
    if task.params['wait'] and not task.check_mode:
        for image in images:
            if image not in live:
                wait_image_gone(task.client, image, task.timeout)
    if not live:
        return task.result(False, None, None, None)
    if task.check_mode:
        return task.result(True, live[0], live[0], None)
    for image in live:
        if is_creating(image) and task.params['wait']:
            wait_image_settled(task.client, image, task.timeout)
        delete_image(task.client, image)
        task.actions.append('deleted image %s' % image['private_image_no'])
    if task.params['wait']:
        for image in live:
            wait_image_gone(task.client, image, task.timeout)
    return task.result(True, live[0], live[0], None)
