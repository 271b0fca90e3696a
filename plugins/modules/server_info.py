# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ansible module ncloud.compute.server_info: list the servers of an account, by numbers and/or name."""

DOCUMENTATION = r'''
module: server_info
short_description: List the servers of a NAVER Cloud account
version_added: 1.0.0
description:
  - Lists the server instances of the account in the region, on the Classic or the VPC platform
    (C(getServerInstanceList)), for example to find the number of the server to take an image of.
  - Filters combine with AND. With no filter, every server is returned.
author:
  - ncloud.compute contributors (@ncloud-compute)
extends_documentation_fragment:
  - ncloud.compute.common
options:
  server_instance_nos:
    description:
      - Only the servers with these numbers. Numbers may be given as integers.
    type: list
    elements: str
  name:
    description:
      - Only the servers with exactly this name.
    type: str
notes:
  - Supports check mode; the module never changes anything.
seealso:
  - module: ncloud.compute.private_image_info
'''

EXAMPLES = r'''
- name: List every server
  ncloud.compute.server_info:
  register: all_servers

- name: Find the server named web-1
  ncloud.compute.server_info:
    name: web-1
  register: web

- name: Fail unless it is running
  ansible.builtin.assert:
    that:
      - web.servers | length == 1
      - web.servers[0].server_instance_status.code == 'RUN'

- name: Two servers by number, on the Classic platform
  ncloud.compute.server_info:
    platform: classic
    server_instance_nos: [492964, 492965]
'''

RETURN = r'''
servers:
  description:
    - The matching servers, sorted by number. Every key is always present; V(null) where the API does not say.
  returned: always
  type: list
  elements: dict
  contains:
    server_instance_no:
      description: The server number, as a string.
      type: str
      returned: always
      sample: '492964'
    server_name:
      description: The server name.
      type: str
      returned: always
      sample: ext-test
    server_instance_status:
      description: The status, for example C(RUN), C(NSTOP), C(INIT), C(CREAT).
      type: dict
      returned: always
      sample: {code: RUN, code_name: Server run state}
      contains: &code_pair
        code:
          description: The code.
          type: str
          sample: RUN
        code_name:
          description: What the code means.
          type: str
          sample: Server run state
    server_instance_operation:
      description: The operation in progress, for example C(NULL), C(SHTDN), C(START).
      type: dict
      returned: always
      sample: {code: 'NULL', code_name: Server NULL OP}
      contains: *code_pair
    server_instance_status_name:
      description: The status as words, for example V(running), V(stopped), V(shutting down).
      type: str
      returned: always
      sample: running
    platform:
      description: V(classic) or V(vpc).
      type: str
      returned: always
      sample: vpc
    hypervisor_type:
      description: V(XEN) or V(KVM) (VPC; V(null) on Classic).
      type: str
      returned: always
      sample: KVM
    platform_type:
      description: The platform type, for example C(LNX64).
      type: dict
      returned: always
      sample: {code: LNX64, code_name: Linux 64 Bit}
      contains: *code_pair
    region:
      description: The region, C(region_no), C(region_code), C(region_name); on VPC only its code is known.
      type: dict
      returned: always
      sample: {region_no: null, region_code: KR, region_name: null}
    zone:
      description: The zone, C(zone_no), C(zone_code), C(zone_name), C(zone_description); on VPC only its code is known.
      type: dict
      returned: always
      sample: {zone_no: null, zone_code: KR-2, zone_name: null, zone_description: null}
    create_date:
      description: When the server was created.
      type: str
      returned: always
      sample: '2024-01-02T03:04:05+0900'
    server_image_product_code:
      description: The product code of the server's image (V(null) for servers made from some images).
      type: str
      returned: always
      sample: SW.VSVR.OS.LNX64.ROCKY.0810.B050
    server_product_code:
      description: The server's product (size) code.
      type: str
      returned: always
      sample: SVR.VSVR.STAND.C002.M008.G003
'''

from ansible_collections.ncloud.compute.plugins.module_utils.ncloud_module import NCloudModule
from ansible_collections.ncloud.compute.plugins.module_utils.servers import list_servers

ARGUMENT_SPEC = dict(
    server_instance_nos=dict(type='list', elements='str'),
    name=dict(type='str'),
)


def find_servers(ncloud):
    servers = list_servers(ncloud.client, server_instance_nos=ncloud.params['server_instance_nos'],
                           name=ncloud.params['name'])
    return {'changed': False, 'servers': servers}


def main():
    NCloudModule(ARGUMENT_SPEC, supports_check_mode=True).run(find_servers)


if __name__ == '__main__':
    main()
