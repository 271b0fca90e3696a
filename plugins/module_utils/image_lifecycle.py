# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Create and delete private images through the API that owns them, and wait for them to settle."""

from ansible_collections.ncloud.compute.plugins.module_utils import records
from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError
from ansible_collections.ncloud.compute.plugins.module_utils.image_apis import IMAGE_APIS, image_api_for_server
from ansible_collections.ncloud.compute.plugins.module_utils.images import list_private_images
from ansible_collections.ncloud.compute.plugins.module_utils.server_power import IN_OPERATION_CODES
from ansible_collections.ncloud.compute.plugins.module_utils.servers import client_region
from ansible_collections.ncloud.compute.plugins.module_utils.transport import reply_rows
from ansible_collections.ncloud.compute.plugins.module_utils.waiters import WaitFailed, poll


def describe_image(image):
    """For messages: image 'web' (no. 123) is creating (status INIT, operation CREAT)."""
    return "image '%s' (no. %s) is %s (status %s, operation %s)" % (
        image['private_image_name'], image['private_image_no'], image['private_image_status_name'],
        records.code_of(image['private_image_status']), records.code_of(image['private_image_operation']))


def is_creating(image):
    return image['private_image_status_name'] == 'creating'


def is_failed(image):
    return image['private_image_status_name'] == 'failed'


def is_created(image):
    return image['private_image_status_name'] == 'created'


def is_terminating(image):
    return image['private_image_status_name'] == 'terminating'


def create_image(client, server, name, description):
    """Send the create for `server` (mutating: a lost reply raises NCloudOutcomeUnknownError); the new record."""
    api = IMAGE_APIS[image_api_for_server(server)]
    params = dict(api.create_params, serverInstanceNo=server['server_instance_no'])
    if name:
        params[api.name_param] = name
    if description:
        params[api.description_param] = description
    reply = client.call(api.create_action, params, mutating=True, retry_codes=IN_OPERATION_CODES)
    created = reply_rows(reply, api.list_key, api.create_action)
    if not created:
        raise NCloudError('%s answered without the new image' % api.create_action, action=api.create_action)
    return api.build(created[0], client_region(client))


def fetch_image(client, image):
    """The image's current record from its own API, or None when it is not listed."""
    found = list_private_images(client, image_nos=[image['private_image_no']], image_api=image['image_api'])
    return found[0] if found else None


def delete_image(client, image):
    """Send the delete; a lost reply is resolved by looking (gone or terminating means it was applied)."""
    api = IMAGE_APIS[image['image_api']]

    def was_applied():
        current = fetch_image(client, image)
        return current is None or is_terminating(current)

    client.apply_once(api.delete_action, {api.number_list_param: [image['private_image_no']]}, was_applied,
                      retry_codes=IN_OPERATION_CODES)


def _watch(client, image):
    """fetch() for poll: the fresh record; while the image is missing from lists, the last one seen."""
    last = [image]

    def fetch():
        current = fetch_image(client, image)
        if current is not None:
            last[0] = current
        return last[0]
    return fetch


def wait_image_created(client, image, timeout):
    """Wait until the image (a record just fetched) is created; WaitFailed at once on CREFL, WaitTimeout with the last status seen."""
    try:
        return poll(_watch(client, image), is_created, is_failed, timeout, describe_image, current=image)
    except WaitFailed as error:
        raise WaitFailed('Image creation failed: %s; %s' % (error.message, clear_failed_advice(error.last)), last=error.last)


def wait_image_settled(client, image, timeout):
    """Wait until the image (a record just fetched) is no longer creating (created or failed): it can then be deleted."""
    return poll(_watch(client, image), lambda current: not is_creating(current), lambda current: False,
                timeout, describe_image, current=image)


def wait_image_gone(client, image, timeout):
    """Wait until the image is no longer listed by its API."""
    poll(lambda: fetch_image(client, image), lambda current: current is None, lambda current: False, timeout,
         lambda current: describe_image(current or image))


def clear_failed_advice(image):
    return 'delete it with state=absent image_no=%s, then run again' % image['private_image_no']
