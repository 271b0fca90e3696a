# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Private image lookup across the three image APIs, merged into one list of records."""

from datetime import datetime

from ansible_collections.ncloud.compute.plugins.module_utils.image_apis import IMAGE_APIS, PLATFORM_IMAGE_APIS
from ansible_collections.ncloud.compute.plugins.module_utils.records import to_int
from ansible_collections.ncloud.compute.plugins.module_utils.servers import client_region, id_list


def image_apis_to_ask(platform, hypervisor_type=None, image_api=None):
    """The image APIs of a platform that can hold images matching the filters (member images are all XEN)."""
    return [api for api in PLATFORM_IMAGE_APIS[platform]
            if (image_api is None or api == image_api)
            and not (hypervisor_type == 'KVM' and IMAGE_APIS[api].xen_only)]


def image_no(image):
    """The image's number as an int, for ordering; 0 when the API gave none that reads as a number."""
    return to_int(image['private_image_no']) or 0


def image_sort_key(image):
    """Oldest first by create date (offsets honoured), then by number: ``[-1]`` is the newest image."""
    try:
        when = datetime.strptime(image['create_date'], '%Y-%m-%dT%H:%M:%S%z').timestamp()
    except (TypeError, ValueError):
        return (0, 0.0, image_no(image))
    return (1, when, image_no(image))


def _list_api(client, api_name, numbers, name, hypervisor_type, region_code):
    api = IMAGE_APIS[api_name]
    params = dict(api.list_params)
    if numbers:
        params[api.number_list_param] = numbers
    if name is not None and api.name_filter:
        params[api.name_param] = name
    if hypervisor_type and api.hypervisor_filter:
        params['hypervisorTypeCodeList'] = [hypervisor_type]
    return [api.build(raw, region_code) for raw in client.list_all(api.list_action, api.list_key, params)]


def _merge_by_number(images):
    """One record per number: the first one seen (PLATFORM_IMAGE_APIS order), its unknown fields filled from the rest."""
    merged = {}
    for image in images:
        kept = merged.setdefault(image['private_image_no'], image)
        if kept is not image:
            for key, value in image.items():
                if kept[key] in (None, []):
                    kept[key] = value
    return list(merged.values())


def list_private_images(client, image_nos=None, name=None, hypervisor_type=None, image_api=None):
    """Private image records of the client's platform, sorted by (create_date, number): ``[-1]`` is the newest.

    On VPC both the member image API (XEN) and the account's own server images (type SELF) are listed
    and merged by number; on Classic the member image API. Every page is read at 1000 rows. Filters go
    to the server where the API has a parameter (numbers; names and hypervisor on VPC) and are applied
    here as well, so an API that ignores one cannot widen the answer. ``image_api`` restricts the lookup
    to one API: a name looked up that way costs one request on VPC (the private_image module uses it).
    Numbers may be given as ints or strings.
    """
    numbers = id_list(image_nos)
    if numbers == []:
        return []
    region_code = client_region(client)
    images = []
    for api_name in image_apis_to_ask(client.platform, hypervisor_type, image_api):
        images.extend(_list_api(client, api_name, numbers, name, hypervisor_type, region_code))
    images = [image for image in _merge_by_number(images)
              if (not numbers or image['private_image_no'] in numbers)
              and (name is None or image['private_image_name'] == name)
              and (hypervisor_type is None or image['hypervisor_type'] == hypervisor_type)]
    return sorted(images, key=image_sort_key)
