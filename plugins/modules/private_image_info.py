# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ansible module ncloud.compute.private_image_info: list the private images (snapshots) of an account, filtered."""

DOCUMENTATION = r'''
module: private_image_info
short_description: List the private images (server snapshots) of a NAVER Cloud account
version_added: 1.0.0
description:
  - Lists the private images of the account, like the seed SDK's C(findPrivateImages), in one shape
    whatever API holds them.
  - On O(platform=vpc) it lists both the VPC member server images (XEN servers,
    C(getMemberServerImageInstanceList)) and the account's own server images (KVM servers,
    C(getServerImageList) with type C(SELF)) and merges them by number. On O(platform=classic) it lists
    the Classic member server images (C(getMemberServerImageList)).
  - Image numbers, the exact name and the hypervisor go to the API where it has a filter for them (VPC);
    every other filter is applied to the listed records. Pages are read 1000 rows at a time.
  - Filters combine with AND. With no filter, every private image is returned.
author:
  - ncloud.compute contributors (@ncloud-compute)
extends_documentation_fragment:
  - ncloud.compute.common
options:
  image_nos:
    description:
      - Only the images with these numbers. Numbers may be given as integers.
    type: list
    elements: str
  name:
    description:
      - Only the images with exactly this name.
    type: str
  name_regex:
    description:
      - Only the images whose name matches this Python regular expression (searched anywhere in the
        name; anchor it with C(^) and C($) for a full match).
    type: str
  server_instance_no:
    description:
      - Only the images taken from this server (RV(private_images[].original_server_instance_no)).
      - The VPC server image API (KVM) does not name an image's original server, so its images match
        only where a reply does.
    type: str
  status:
    description:
      - Only the images in one of these states (RV(private_images[].private_image_status_name)).
      - V(failed) is the API's C(createFailed) (status C(CREFL)).
    type: list
    elements: str
    choices: [creating, created, failed, terminating]
  hypervisor_type:
    description:
      - Only the images of servers on this hypervisor. Member images are always V(XEN).
    type: str
    choices: [XEN, KVM]
notes:
  - Supports check mode; the module never changes anything.
seealso:
  - module: ncloud.compute.private_image
  - module: ncloud.compute.server_info
'''

EXAMPLES = r'''
- name: List every private image of the account
  ncloud.compute.private_image_info:
  register: all_images

# Member images (Classic, VPC XEN) name their original server; a KVM server image does not, so for a
# KVM server filter on a naming convention instead (name_regex).
- name: Find the newest created image of the server named web-1
  block:
    - name: Look the server up
      ncloud.compute.server_info:
        name: web-1
      register: web

    - name: List its created images, oldest first
      ncloud.compute.private_image_info:
        server_instance_no: "{{ web.servers[0].server_instance_no }}"
        status: [created]
      register: web_images

    - name: Show the newest one
      ansible.builtin.debug:
        msg: "{{ web_images.private_images[-1].private_image_no }} {{ web_images.private_images[-1].private_image_name }}"
      when: web_images.private_images | length > 0

- name: Use one set of credentials for every ncloud.compute task of a block (or play)
  module_defaults:
    group/ncloud.compute.ncloud:
      access_key: "{{ lookup('ansible.builtin.env', 'NCLOUD_ACCESS_KEY_ID') }}"
      secret_key: "{{ lookup('ansible.builtin.env', 'NCLOUD_SECRET_ACCESS_KEY') }}"
      region: KR
      platform: vpc
  block:
    - name: Nightly images of KVM servers that failed
      ncloud.compute.private_image_info:
        name_regex: '^nightly-'
        hypervisor_type: KVM
        status: [failed]
      register: failed_nightlies

- name: Two images by number, on the Classic platform
  ncloud.compute.private_image_info:
    platform: classic
    image_nos: [3791, 3650]
'''

RETURN = r'''
private_images:
  description:
    - The matching private images, sorted by RV(private_images[].create_date) then number, so C([-1]) is the newest.
    - Every key is always present; it is V(null) where the API that holds the image does not say.
  returned: always
  type: list
  elements: dict
  contains:
    private_image_no:
      description: The image number (member image or server image number), as a string.
      type: str
      returned: always
      sample: '3791'
    private_image_name:
      description: The image name.
      type: str
      returned: always
      sample: img-9b885f11922e5bb
    private_image_description:
      description: The image description.
      type: str
      returned: always
      sample: ''
    original_server_instance_no:
      description: The number of the server the image was taken from (V(null) for KVM server images).
      type: str
      returned: always
      sample: '492964'
    original_vm_flavor_id:
      description: The server product code of the original server (Classic only).
      type: str
      returned: always
      sample: SPSVRSSD00000003
    original_server_name:
      description: The name of the original server (Classic only).
      type: str
      returned: always
      sample: ext-test
    original_base_block_storage_disk_type:
      description: The original server's boot disk type, C(NET) or C(LOCAL) (Classic only).
      type: dict
      returned: always
      sample: {code: NET, code_name: Network Storage}
      contains: &code_pair
        code:
          description: The code.
          type: str
          sample: NET
        code_name:
          description: What the code means.
          type: str
          sample: Network Storage
    original_vm_image_id:
      description: The server image product code of the original server (member images).
      type: str
      returned: always
      sample: SPSW0LINUX000046
    original_os_information:
      description: The original server's operating system (Classic only).
      type: str
      returned: always
      sample: CentOS 7.3 (64-bit)
    original_server_image_name:
      description: The name of the original server's image (Classic only).
      type: str
      returned: always
      sample: centos-7.3-64
    private_image_status_name:
      description:
        - V(creating), V(created), V(failed) or V(terminating) (the API's C(createFailed) is V(failed));
          any other name is passed on as the API sent it.
      type: str
      returned: always
      sample: created
    private_image_status:
      description: The status code, C(INIT), C(CREAT) or C(CREFL).
      type: dict
      returned: always
      sample: {code: CREAT, code_name: NSI CREATED state}
      contains: *code_pair
    private_image_operation:
      description: The operation in progress, C(NULL), C(CREAT) or C(TERMT).
      type: dict
      returned: always
      sample: {code: 'NULL', code_name: NSI NULLOP}
      contains: *code_pair
    private_image_platform_type:
      description: The platform type, for example C(LNX64) (Classic only).
      type: dict
      returned: always
      sample: {code: LNX64, code_name: Linux 64 Bit}
      contains: *code_pair
    create_date:
      description: When the image was created.
      type: str
      returned: always
      sample: '2017-10-10T01:28:44+0900'
    region:
      description: The region; on VPC only its code is known.
      type: dict
      returned: always
      sample: {region_no: '1', region_code: KR, region_name: Korea}
      contains: &region
        region_no:
          description: The Classic region number.
          type: str
          sample: '1'
        region_code:
          description: The region code.
          type: str
          sample: KR
        region_name:
          description: The region name.
          type: str
          sample: Korea
    zone:
      description: The zone (Classic only).
      type: dict
      returned: always
      sample: {zone_no: '2', zone_code: KR-1, zone_name: KR-1, zone_description: KR-1 zone}
      contains: &zone
        zone_no:
          description: The zone number.
          type: str
          sample: '2'
        zone_code:
          description: The zone code.
          type: str
          sample: KR-1
        zone_name:
          description: The zone name.
          type: str
          sample: KR-1
        zone_description:
          description: The zone description.
          type: str
          sample: KR-1 zone
    private_image_block_storage_total_rows:
      description: How many block storages the image holds (for server images, counted from RV(private_images[].block_storage_mappings)).
      type: int
      returned: always
      sample: 1
    private_image_block_storage_total_size:
      description: Their total size in bytes.
      type: int
      returned: always
      sample: 53687091200
    platform:
      description: V(classic) or V(vpc).
      type: str
      returned: always
      sample: classic
    hypervisor_type:
      description: V(XEN) or V(KVM); member images are always V(XEN).
      type: str
      returned: always
      sample: XEN
    share_status:
      description: Whether the image is shared with other accounts.
      type: dict
      returned: always
      sample: {code: 'NULL', code_name: 'NULL'}
      contains: *code_pair
    shared_login_ids:
      description: The accounts the image is shared with (empty when none).
      type: list
      elements: str
      returned: always
      sample: []
    block_storage_mappings:
      description: The block storage snapshots of a server image (KVM); empty for member images.
      type: list
      elements: dict
      returned: always
      sample:
        - order: 0
          block_storage_snapshot_instance_no: '34567890'
          block_storage_snapshot_name: snap-boot
          block_storage_size: 10737418240
          block_storage_name: boot
          block_storage_volume_type: {code: CB1, code_name: Common BlockStorage 1}
          iops: 3000
          throughput: 125
          is_encrypted_volume: false
    image_api:
      description:
        - Which API holds the image, V(classic_member), V(vpc_member) or V(vpc_server); deletes and
          polls go to that API.
      type: str
      returned: always
      sample: classic_member
'''

import re

from ansible_collections.ncloud.compute.plugins.module_utils.images import list_private_images
from ansible_collections.ncloud.compute.plugins.module_utils.ncloud_module import NCloudModule
from ansible_collections.ncloud.compute.plugins.module_utils.records import IMAGE_STATUS_NAMES, to_id

ARGUMENT_SPEC = dict(
    image_nos=dict(type='list', elements='str'),
    name=dict(type='str'),
    name_regex=dict(type='str'),
    server_instance_no=dict(type='str'),
    status=dict(type='list', elements='str', choices=list(IMAGE_STATUS_NAMES)),
    hypervisor_type=dict(type='str', choices=['XEN', 'KVM']),
)


def compile_name_regex(ncloud):
    """The name_regex option compiled, or None; an invalid pattern fails before any request."""
    pattern = ncloud.params['name_regex']
    if pattern is None:
        return None
    try:
        return re.compile(pattern)
    except re.error as error:
        ncloud.fail('name_regex is not a valid regular expression: %s (%r)' % (error, pattern))


def find_images(ncloud):
    params = ncloud.params
    name_regex = compile_name_regex(ncloud)
    server_no = to_id(params['server_instance_no'])
    images = list_private_images(ncloud.client, image_nos=params['image_nos'], name=params['name'],
                                 hypervisor_type=params['hypervisor_type'])
    images = [image for image in images
              if (name_regex is None or name_regex.search(image['private_image_name'] or ''))
              and (server_no is None or image['original_server_instance_no'] == server_no)
              and (not params['status'] or image['private_image_status_name'] in params['status'])]
    return {'changed': False, 'private_images': images}


def main():
    NCloudModule(ARGUMENT_SPEC, supports_check_mode=True).run(find_images)


if __name__ == '__main__':
    main()
