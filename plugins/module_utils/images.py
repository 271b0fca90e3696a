# -*- coding: utf-8 -*-
# Copyright: contributors to the ncloud.compute collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Private image lookup across the three image APIs, merged into one list of records."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from datetime import datetime

from ansible_collections.ncloud.compute.plugins.module_utils import records
from ansible_collections.ncloud.compute.plugins.module_utils.servers import client_region, id_list


class ImageListApi:
    """How one image API lists: action, list key, the parameters its server-side filters use, the builder."""

    def __init__(self, action, list_key, number_list_param, name_param, build, fixed_params=None):
        self.action = action
        self.list_key = list_key
        self.number_list_param = number_list_param
        self.name_param = name_param
        self.build = build  # build(raw, region_code) -> record
        self.fixed_params = fixed_params or {}


LIST_APIS = {
    # Classic has no name filter: names are matched locally.
    records.IMAGE_API_CLASSIC_MEMBER: ImageListApi(
        'getMemberServerImageList', 'memberServerImageList', 'memberServerImageNoList', None,
        lambda raw, region_code: records.classic_image_record(raw)),
    records.IMAGE_API_VPC_MEMBER: ImageListApi(
        'getMemberServerImageInstanceList', 'memberServerImageInstanceList', 'memberServerImageInstanceNoList',
        'memberServerImageName', records.vpc_member_image_record),
    records.IMAGE_API_VPC_SERVER: ImageListApi(
        'getServerImageList', 'serverImageList', 'serverImageNoList', 'serverImageName',
        records.server_image_record, fixed_params={'serverImageTypeCodeList': ['SELF']}),
}

# Asked in this order; when two APIs return the same image number, the first one's record is kept
# (the member API is the one made for XEN images) and its unknown fields are filled from the other.
PLATFORM_IMAGE_APIS = {
    'classic': (records.IMAGE_API_CLASSIC_MEMBER,),
    'vpc': (records.IMAGE_API_VPC_MEMBER, records.IMAGE_API_VPC_SERVER),
}

MEMBER_IMAGE_APIS = (records.IMAGE_API_CLASSIC_MEMBER, records.IMAGE_API_VPC_MEMBER)


def image_apis_to_ask(platform, hypervisor_type=None, image_api=None):
    """The image APIs of a platform that can hold images matching the filters (member images are all XEN)."""
    return [api for api in PLATFORM_IMAGE_APIS[platform]
            if (image_api is None or api == image_api)
            and not (hypervisor_type == 'KVM' and api in MEMBER_IMAGE_APIS)]


def _number_key(number):
    return int(number) if number and str(number).isdigit() else 0


def image_sort_key(image):
    """Oldest first by create date (offsets honoured), then by number: ``[-1]`` is the newest image."""
    try:
        when = datetime.strptime(image['create_date'], '%Y-%m-%dT%H:%M:%S%z').timestamp()
    except (TypeError, ValueError):
        return (0, 0.0, _number_key(image['private_image_no']))
    return (1, when, _number_key(image['private_image_no']))


def _list_api(client, api_name, numbers, name, hypervisor_type, region_code):
    api = LIST_APIS[api_name]
    params = dict(api.fixed_params)
    if numbers:
        params[api.number_list_param] = numbers
    if name is not None and api.name_param:
        params[api.name_param] = name
    if hypervisor_type and api_name == records.IMAGE_API_VPC_SERVER:
        params['hypervisorTypeCodeList'] = [hypervisor_type]
    return [api.build(raw, region_code) for raw in client.list_all(api.action, api.list_key, params)]


def _merge_by_number(images):
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
