# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The three private-image APIs: Classic member images, VPC member images (XEN), VPC server images."""

import copy
import functools
import uuid

from . import filters
from .errors import OBJECT_IN_OPERATION, SERVER_IN_OPERATION, ApiError, invalid
from .params import CLASSIC_IMAGE_NAME, SERVER_IMAGE_NAME, VPC_MEMBER_IMAGE_NAME, check_name
from .payloads import IMAGE_PAYLOADS

GIB = 1024 ** 3
PLATFORM_TYPES = ('LNX32', 'LNX64', 'WND32', 'WND64', 'UBD64', 'UBS64')
IMAGE_STATUSES = ('INIT', 'CREAT', 'CREFL')


class ImageApi:
    """The parameter and field names one image API uses."""

    def __init__(self, api, list_key, no_param, name_param, description_param, name_rule, name_required, sort_keys):
        self.api = api
        self.list_key = list_key
        self.no_param = no_param
        self.name_param = name_param
        self.description_param = description_param
        self.name_rule = name_rule
        self.name_required = name_required
        self.sort_keys = sort_keys

    def listing(self, call, rows):
        return filters.listing(call, rows, self.list_key, IMAGE_PAYLOADS[self.api], self.sort_keys, filters.newest)

    def single(self, rows):
        return filters.single(self.list_key, IMAGE_PAYLOADS[self.api], rows)


CLASSIC = ImageApi('classic_member', 'memberServerImageList', 'memberServerImageNo', 'memberServerImageName',
                   'memberServerImageDescription', CLASSIC_IMAGE_NAME, False,
                   {'memberServerImageName': filters.name, 'memberServerImageNo': filters.number})
VPC_MEMBER = ImageApi('vpc_member', 'memberServerImageInstanceList', 'memberServerImageInstanceNo', 'memberServerImageName',
                      'memberServerImageDescription', VPC_MEMBER_IMAGE_NAME, False, {'memberServerImageName': filters.name})
SERVER_IMAGE = ImageApi('vpc_server', 'serverImageList', 'serverImageNo', 'serverImageName', 'serverImageDescription',
                        SERVER_IMAGE_NAME, True,
                        {'serverImageName': filters.name, 'serverImageNo': filters.number, 'createDate': filters.newest})


def platform_type(image):
    return image['origin']['platform_type']


def own_images(state, call, spec):
    rows = state.images_of(spec.api, call.region(), call.now)
    return filters.by_list(call, rows, spec.no_param + 'List', lambda image: image['no'])


def list_classic_images(state, call):
    rows = filters.by_list(call, own_images(state, call, CLASSIC), 'platformTypeCodeList', platform_type, PLATFORM_TYPES, 5)
    return CLASSIC.listing(call, rows)


def list_vpc_member_images(state, call):
    rows = own_images(state, call, VPC_MEMBER)
    rows = filters.by_value(call, rows, 'memberServerImageName', filters.name)
    rows = filters.by_value(call, rows, 'memberServerImageInstanceStatusCode', lambda image: image['status'], IMAGE_STATUSES)
    rows = filters.by_list(call, rows, 'platformTypeCodeList', platform_type, PLATFORM_TYPES)
    return VPC_MEMBER.listing(call, rows)


def list_server_images(state, call):
    rows = own_images(state, call, SERVER_IMAGE)
    rows = filters.by_value(call, rows, 'serverImageName', filters.name)
    rows = filters.by_value(call, rows, 'serverImageStatusCode', lambda image: image['status'], IMAGE_STATUSES)
    rows = filters.by_list(call, rows, 'serverImageTypeCodeList', lambda image: image['owner'], ('SELF', 'NCP'))
    rows = filters.by_list(call, rows, 'hypervisorTypeCodeList', lambda image: image['origin']['hypervisor'], ('XEN', 'KVM'))
    rows = filters.by_list(call, rows, 'osTypeCodeList', lambda image: image['origin']['os_type'])
    rows = filters.by_list(call, rows, 'platformCategoryCodeList', lambda image: 'OS')
    return SERVER_IMAGE.listing(call, rows)


def image_detail(state, call, spec):
    return spec.single([state.find_image(call, spec.api, call.require(spec.no_param))])


def create_image(state, call, spec):
    server_no = call.require('serverInstanceNo')
    name = call.get(spec.name_param)
    if name is None:
        if spec.name_required:
            raise invalid('%s is required.' % spec.name_param)
        name = ('img' if spec is CLASSIC else 'img-') + uuid.uuid4().hex[:11]
    check_name(name, spec.name_param, *spec.name_rule)
    description = call.description(spec.description_param)
    server = state.find_server(call, server_no)
    if spec is not SERVER_IMAGE and server['kind'] == 'kvm':
        raise invalid('Server %s runs on KVM: member server images do not support KVM servers; use createServerImage.'
                      % server['no'])
    disks = requested_disks(call, server) if spec is SERVER_IMAGE else None
    if server['status'] not in ('RUN', 'NSTOP') or server['operation'] != 'NULL':
        raise ApiError(SERVER_IN_OPERATION, 'Server %s is in operation (%s); try again later.' % (server['no'], server['operation']))
    image = state.add_image(server, spec.api, name, description, call.take_image_failure(), disks, call.now)
    return spec.single([image])


def requested_disks(call, server):
    """The server's disks as blockStorageList.N.* asks: noBlockStorage drops one, blockStorageSize (GB) resizes."""
    disks = {disk['order']: copy.deepcopy(disk) for disk in server['disks']}
    for entry in call.records('blockStorageList'):
        try:
            order = int(entry['order'])
        except (KeyError, ValueError):
            raise invalid('blockStorageList.N.order must be an integer.') from None
        if order not in disks:
            raise invalid('blockStorageList order %d: the server has no such block storage.' % order)
        if entry.get('noBlockStorage', 'false').lower() == 'true':
            if order == 0:
                raise invalid('The boot disk (order 0) cannot be left out.')
            del disks[order]
            continue
        if entry.get('blockStorageSize'):
            disks[order]['size'] = int(entry['blockStorageSize']) * GIB
        if entry.get('blockStorageVolumeTypeCode'):
            disks[order]['volume_type'] = entry['blockStorageVolumeTypeCode']
    return [disks[order] for order in sorted(disks)]


def delete_images(state, call, spec):
    numbers = call.values(spec.no_param + 'List')
    if not numbers:
        raise invalid('%sList is required.' % spec.no_param)
    images = [state.find_image(call, spec.api, image_no) for image_no in numbers]
    for image in images:
        if image['owner'] != 'SELF':
            raise invalid('Image %s is a public image and cannot be deleted.' % image['no'])
        if image['status'] == 'INIT' or image['operation'] != 'NULL':
            raise ApiError(OBJECT_IN_OPERATION, 'Image %s is in operation; try again later.' % image['no'])
    for image in images:
        image.update(operation='TERMT', deleted_at=call.now)
    return spec.single(images)


CLASSIC_ACTIONS = {
    'getMemberServerImageList': list_classic_images,
    'createMemberServerImage': functools.partial(create_image, spec=CLASSIC),
    'deleteMemberServerImages': functools.partial(delete_images, spec=CLASSIC),
}
VPC_ACTIONS = {
    'getMemberServerImageInstanceList': list_vpc_member_images,
    'getMemberServerImageInstanceDetail': functools.partial(image_detail, spec=VPC_MEMBER),
    'createMemberServerImageInstance': functools.partial(create_image, spec=VPC_MEMBER),
    'deleteMemberServerImageInstances': functools.partial(delete_images, spec=VPC_MEMBER),
    'getServerImageList': list_server_images,
    'getServerImageDetail': functools.partial(image_detail, spec=SERVER_IMAGE),
    'createServerImage': functools.partial(create_image, spec=SERVER_IMAGE),
    'deleteServerImage': functools.partial(delete_images, spec=SERVER_IMAGE),
}
