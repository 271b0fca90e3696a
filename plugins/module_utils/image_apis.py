# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The three private image APIs in one table: actions, parameter names, reply list key, record builder.

images.py lists through it; image_lifecycle.py creates and deletes through it.
"""

from ansible_collections.ncloud.compute.plugins.module_utils import records


class ImageApi:
    """How one image API lists, creates and deletes images, and which filters it takes server-side."""

    def __init__(self, list_action, create_action, delete_action, list_key, number_list_param, name_param,
                 description_param, build, name_filter=True, hypervisor_filter=False, xen_only=False,
                 list_params=None, create_params=None):
        self.list_action = list_action
        self.create_action = create_action
        self.delete_action = delete_action
        self.list_key = list_key  # of list replies and of create replies alike
        self.number_list_param = number_list_param
        self.name_param = name_param
        self.description_param = description_param
        self.build = build  # build(raw, region_code) -> record
        self.name_filter = name_filter  # the list action filters by name_param
        self.hypervisor_filter = hypervisor_filter  # the list action takes hypervisorTypeCodeList
        self.xen_only = xen_only  # member image actions do not support KVM servers
        self.list_params = list_params or {}
        self.create_params = create_params or {}


IMAGE_APIS = {
    records.IMAGE_API_CLASSIC_MEMBER: ImageApi(
        'getMemberServerImageList', 'createMemberServerImage', 'deleteMemberServerImages', 'memberServerImageList',
        'memberServerImageNoList', 'memberServerImageName', 'memberServerImageDescription',
        lambda raw, region_code: records.classic_image_record(raw),
        name_filter=False, xen_only=True),  # names are matched locally
    records.IMAGE_API_VPC_MEMBER: ImageApi(
        'getMemberServerImageInstanceList', 'createMemberServerImageInstance', 'deleteMemberServerImageInstances',
        'memberServerImageInstanceList', 'memberServerImageInstanceNoList', 'memberServerImageName',
        'memberServerImageDescription', records.vpc_member_image_record, xen_only=True),
    records.IMAGE_API_VPC_SERVER: ImageApi(
        'getServerImageList', 'createServerImage', 'deleteServerImage', 'serverImageList',
        'serverImageNoList', 'serverImageName', 'serverImageDescription', records.server_image_record,
        hypervisor_filter=True,
        list_params={'serverImageTypeCodeList': ['SELF']},  # the account's own images, not NCloud's public ones
        create_params={'blockStorageList.1.order': '0'}),  # a KVM server's image: the boot disk only
}

# Asked in this order; when two APIs return the same image number, images.py keeps the first one's
# record (the member API is the one made for XEN images) and fills its unknown fields from the other.
PLATFORM_IMAGE_APIS = {
    'classic': (records.IMAGE_API_CLASSIC_MEMBER,),
    'vpc': (records.IMAGE_API_VPC_MEMBER, records.IMAGE_API_VPC_SERVER),
}


def image_api_for_server(server):
    """Which API images this server: Classic member image; on VPC member image (XEN) or server image (KVM)."""
    if server['platform'] == 'classic':
        return records.IMAGE_API_CLASSIC_MEMBER
    if server['hypervisor_type'] == 'KVM':
        return records.IMAGE_API_VPC_SERVER
    return records.IMAGE_API_VPC_MEMBER
