# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ansible module ncloud.compute.private_image: create or delete a private image (snapshot) of a server."""

DOCUMENTATION = r'''
module: private_image
short_description: Create or delete a private image (snapshot) of an NCloud server
description:
  - Creates a private image of a server, or deletes one, idempotently by image name.
  - The image API is picked from the server, never by the user. On O(platform=classic) a Classic member
    server image (C(createMemberServerImage)); on VPC a member server image for a XEN server
    (C(createMemberServerImageInstance)) and a server image of the boot disk for a KVM server (C(createServerImage)).
  - A rerun finds the image by name and changes nothing; it sends two requests on VPC (the server and the name).
  - When the reply to a create is lost (connection reset, timeout, server error after sending), the name is
    looked up before anything else (for up to 30 seconds, bounded by O(wait_timeout), since a new image may be
    missing from lists for a moment), and the image is created again only when it is certainly absent.
  - When several runs create the same name at once, the oldest image (lowest number) wins; a run that made
    a newer duplicate deletes it, and every run returns the winner.
  - Check mode sends the same lookups and no change, and reports C(changed) as a real run would.
version_added: 1.0.0
author:
  - ncloud.compute contributors (@ncloud-compute)
extends_documentation_fragment:
  - ncloud.compute.common
attributes:
  check_mode:
    description: Sends the same lookups and no change; reports C(changed) as a real run would.
    support: full
  diff_mode:
    description: Shows the image record before and after (empty when there is none).
    support: full
options:
  name:
    description:
      - Name of the image, the key that makes the task idempotent.
      - VPC member server images (XEN servers) take 3 to 30 lowercase letters, digits and C(-), starting with a
        letter and ending with a letter or digit; VPC server images (KVM servers) also allow C(_); Classic
        images take 3 to 30 characters. The name is checked before any request is sent.
      - When not set with O(state=present), NCloud names the image and every run creates another one
        (a warning says so). KVM servers need a name.
      - With O(state=absent), every image of this name is deleted (narrowed by O(server_instance_no) or O(server_name)).
    type: str
  server_instance_no:
    description:
      - Number of the server to take the image from. A number given unquoted works too.
      - Mutually exclusive with O(server_name).
    type: str
  server_name:
    description:
      - Name of the server to take the image from; it must name exactly one server.
      - Mutually exclusive with O(server_instance_no).
    type: str
  description:
    description:
      - Description of a new image, at most 1000 bytes in UTF-8. An existing image's description is not changed.
    type: str
  state:
    description:
      - V(present) creates the image unless an image of that name made from that server exists.
        It fails when the name belongs to an image of another server, or to an image whose creation failed.
      - V(absent) deletes the image given by O(image_no), or the images of O(name).
    type: str
    choices: [present, absent]
    default: present
  image_no:
    description:
      - Number of an existing image. With O(state=absent) the image to delete; with O(state=present) the
        image to wait for (nothing is created).
    type: str
  wait:
    description:
      - Wait until a new image is created (or a deleted one is gone from the list). Creation fails at once
        when the image fails (status C(CREFL)).
      - A server that is booting or shutting down is waited for before the image is taken.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for each change (the image, and the server's stop and start).
    type: int
    default: 3600
  stop_server:
    description:
      - Stop a running server before taking the image, for a consistent image, and start it again once the
        image is created (the image is always waited for then).
      - If anything fails after the stop, the server is started again before the failure is reported.
        A server that was already stopped stays stopped.
    type: bool
    default: false
notes:
  - Images of KVM servers (server images) do not record their original server, so an existing image of the
    name is taken as the server's own.
seealso:
  - module: ncloud.compute.private_image_info
'''

EXAMPLES = r'''
- name: Snapshot a server (idempotent by name)
  ncloud.compute.private_image:
    name: web-2024-06-01
    server_instance_no: "492964"
    description: Before the upgrade

- name: Stop the server for a consistent image, then start it again
  ncloud.compute.private_image:
    name: db-consistent
    server_name: db-1
    stop_server: true

- name: Start creating without waiting
  ncloud.compute.private_image:
    name: web-nightly
    server_name: web-1
    wait: false

- name: Delete an image by name
  ncloud.compute.private_image:
    name: web-2024-06-01
    state: absent

- name: Delete an image by number
  ncloud.compute.private_image:
    image_no: "3791"
    state: absent
'''

RETURN = r'''
private_image:
  description:
    - The image, in the same shape as the records of M(ncloud.compute.private_image_info).
    - For O(state=absent) the image that was deleted; empty when there was none, and in check mode when
      an image would be created.
  returned: always
  type: dict
  sample:
    private_image_no: "3791"
    private_image_name: img-9b885f11922e5bb
    private_image_description: ""
    original_server_instance_no: "492964"
    original_vm_flavor_id: SPSVRSSD00000003
    original_server_name: ext-test
    original_base_block_storage_disk_type: {code: NET, code_name: Network Storage}
    original_vm_image_id: SPSW0LINUX000046
    original_os_information: CentOS 7.3 (64-bit)
    original_server_image_name: centos-7.3-64
    private_image_status_name: created
    private_image_status: {code: CREAT, code_name: NSI CREATED state}
    private_image_operation: {code: "NULL", code_name: NSI NULLOP}
    private_image_platform_type: {code: LNX64, code_name: Linux 64 Bit}
    create_date: "2017-10-10T01:28:44+0900"
    region: {region_no: "1", region_code: KR, region_name: Korea}
    zone: {zone_no: "2", zone_code: KR-1, zone_name: KR-1, zone_description: KR-1 zone}
    private_image_block_storage_total_rows: 1
    private_image_block_storage_total_size: 53687091200
    platform: classic
    hypervisor_type: XEN
    share_status: null
    shared_login_ids: []
    block_storage_mappings: []
    image_api: classic_member
actions:
  description: What the task did, in order.
  returned: always
  type: list
  elements: str
  sample: [stopped server, created image, started server]
'''

from ansible_collections.ncloud.compute.plugins.module_utils.ncloud_module import NCloudModule
from ansible_collections.ncloud.compute.plugins.module_utils.private_image_state import (
    ImageTask, ensure_absent, ensure_present, validate)

ARGUMENT_SPEC = dict(
    name=dict(type='str'),
    server_instance_no=dict(type='str'),
    server_name=dict(type='str'),
    description=dict(type='str'),
    state=dict(type='str', choices=['present', 'absent'], default='present'),
    image_no=dict(type='str'),
    wait=dict(type='bool', default=True),
    wait_timeout=dict(type='int', default=3600),
    stop_server=dict(type='bool', default=False),
)


def run(ncloud):
    validate(ncloud.params, ncloud.client.platform)
    task = ImageTask(ncloud.client, ncloud.params, ncloud.check_mode, ncloud.warn)
    return ensure_present(task) if ncloud.params['state'] == 'present' else ensure_absent(task)


def main():
    NCloudModule(
        ARGUMENT_SPEC,
        supports_check_mode=True,
        mutually_exclusive=[('server_instance_no', 'server_name')],
        required_if=[('state', 'present', ('server_instance_no', 'server_name', 'image_no'), True),
                     ('state', 'absent', ('image_no', 'name'), True)],
    ).run(run)


if __name__ == '__main__':
    main()
