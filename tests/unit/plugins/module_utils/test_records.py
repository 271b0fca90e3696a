# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Record builders on captured API payloads: Classic (2017: numbers for ids and returnCode), VPC member, VPC server image."""

import json

import pytest
import yaml

from ansible_collections.ncloud.compute.plugins.module_utils import records
from ansible_collections.ncloud.compute.plugins.modules import private_image_info, server_info

# getMemberServerImageList as the 2017 Classic API sent it: returnCode and ids as numbers.
# The first item is the seed's example record.
CLASSIC_2017_PAYLOAD = json.loads(u'''{"getMemberServerImageListResponse": {
  "requestId": "b1a7f0b2-0a4c-4c53-9b8e-2f0d4a6c11aa", "returnCode": 0, "returnMessage": "success", "totalRows": 2,
  "memberServerImageList": [
    {"memberServerImageNo": 3791, "memberServerImageName": "img-9b885f11922e5bb", "memberServerImageDescription": "",
     "originalServerInstanceNo": 492964, "originalServerProductCode": "SPSVRSSD00000003", "originalServerName": "ext-test",
     "originalBaseBlockStorageDiskType": {"code": "NET", "codeName": "Network Storage"},
     "originalServerImageProductCode": "SPSW0LINUX000046", "originalOsInformation": "CentOS 7.3 (64-bit)",
     "originalServerImageName": "centos-7.3-64", "memberServerImageStatusName": "creating",
     "memberServerImageStatus": {"code": "INIT", "codeName": "NSI INIT state"},
     "memberServerImageOperation": {"code": "CREAT", "codeName": "NSI CREAT OP"},
     "memberServerImagePlatformType": {"code": "LNX64", "codeName": "Linux 64 Bit"},
     "createDate": "2017-10-10T01:28:44+0900",
     "region": {"regionNo": 1, "regionCode": "KR", "regionName": "Korea"},
     "zone": {"zoneNo": 2, "zoneName": "KR-1", "zoneDescription": "\\uac00\\uc0b0 NANG zone"},
     "memberServerImageBlockStorageTotalRows": 0, "memberServerImageBlockStorageTotalSize": 0},
    {"memberServerImageNo": 3650, "memberServerImageName": "web-golden", "memberServerImageDescription": "before upgrade",
     "originalServerInstanceNo": 492964, "originalServerProductCode": "SPSVRSSD00000003", "originalServerName": "ext-test",
     "originalBaseBlockStorageDiskType": {"code": "NET", "codeName": "Network Storage"},
     "originalServerImageProductCode": "SPSW0LINUX000046", "originalOsInformation": "CentOS 7.3 (64-bit)",
     "originalServerImageName": "centos-7.3-64", "memberServerImageStatusName": "created",
     "memberServerImageStatus": {"code": "CREAT", "codeName": "NSI CREATED state"},
     "memberServerImageOperation": {"code": "NULL", "codeName": "NSI NULLOP"},
     "memberServerImagePlatformType": {"code": "LNX64", "codeName": "Linux 64 Bit"},
     "createDate": "2017-09-29T11:39:17+0900",
     "region": {"regionNo": 1, "regionCode": "KR", "regionName": "Korea"},
     "zone": {"zoneNo": 3, "zoneName": "KR-2", "zoneCode": "KR-2", "zoneDescription": "\\ud3c9\\ucd0c zone", "regionNo": 1},
     "memberServerImageBlockStorageTotalRows": 1, "memberServerImageBlockStorageTotalSize": 53687091200,
     "shareStatus": {"code": "NULL", "codeName": "NULL"}, "sharedLoginIdList": []}
  ]}}''')

# getMemberServerImageInstanceList (VPC, XEN) as today's API sends it: strings for ids and returnCode.
VPC_MEMBER_PAYLOAD = json.loads(u'''{"getMemberServerImageInstanceListResponse": {
  "requestId": "5e0c2a41-1d2b-4f7e-8a11-0c9d7be0f001", "returnCode": "0", "returnMessage": "success", "totalRows": 2,
  "memberServerImageInstanceList": [
    {"memberServerImageInstanceNo": "10543", "memberServerImageName": "api-xen-1", "memberServerImageDescription": "nightly",
     "originalServerInstanceNo": "2345678", "originalServerImageProductCode": "SW.VSVR.OS.LNX64.CNTOS.0703.B050",
     "memberServerImageInstanceStatus": {"code": "CREAT", "codeName": "NSI CREATED state"},
     "memberServerImageInstanceOperation": {"code": "NULL", "codeName": "NSI NULLOP"},
     "memberServerImageInstanceStatusName": "created", "createDate": "2021-03-02T10:11:12+0900",
     "memberServerImageBlockStorageTotalRows": "1", "memberServerImageBlockStorageTotalSize": "53687091200",
     "shareStatus": {"code": "NULL", "codeName": "NULL"}, "sharedLoginIdList": ["ops@example.com"]},
    {"memberServerImageInstanceNo": "10752", "memberServerImageName": "api-xen-2", "memberServerImageDescription": "",
     "originalServerInstanceNo": "2345678", "originalServerImageProductCode": "SW.VSVR.OS.LNX64.CNTOS.0703.B050",
     "memberServerImageInstanceStatus": {"code": "CREFL", "codeName": "NSI CREATE FAIL state"},
     "memberServerImageInstanceOperation": {"code": "NULL", "codeName": "NSI NULLOP"},
     "memberServerImageInstanceStatusName": "createFailed", "createDate": "2021-03-03T10:11:12+0900",
     "memberServerImageBlockStorageTotalRows": 0, "memberServerImageBlockStorageTotalSize": 0,
     "sharedLoginIdList": []}
  ]}}''')

# getServerImageList with serverImageTypeCodeList.1=SELF (VPC, KVM), deleting (status CREAT, operation TERMT).
VPC_SERVER_IMAGE_PAYLOAD = json.loads(u'''{"getServerImageListResponse": {
  "requestId": "77c1d9e4-3a5b-4c6d-9e8f-0a1b2c3d4e5f", "returnCode": "0", "returnMessage": "success", "totalRows": 1,
  "serverImageList": [
    {"serverImageNo": "23456789", "serverImageName": "api-kvm-1", "serverImageDescription": "kvm golden",
     "serverImageProductCode": "23456789", "serverImageType": {"code": "SELF", "codeName": "Self Image"},
     "hypervisorType": {"code": "KVM", "codeName": "KVM"},
     "cpuArchitectureType": {"code": "X86_64", "codeName": "x86 64bit"},
     "osCategoryType": {"code": "LINUX", "codeName": "LINUX"}, "osType": {"code": "ROCKY", "codeName": "ROCKY"},
     "serverImageStatus": {"code": "CREAT", "codeName": "NSI CREATED state"},
     "serverImageOperation": {"code": "TERMT", "codeName": "NSI TERMINATE OP"},
     "serverImageStatusName": "terminating", "createDate": "2024-05-06T07:08:09+0900",
     "shareStatus": {"code": "NULL", "codeName": "NULL"}, "sharedLoginIdList": [],
     "blockStorageMappingList": [
       {"order": 0, "blockStorageSnapshotInstanceNo": "34567890", "blockStorageSnapshotName": "snap-boot",
        "blockStorageSize": 10737418240, "blockStorageName": "boot",
        "blockStorageVolumeType": {"code": "CB1", "codeName": "Common BlockStorage 1"},
        "iops": 3000, "throughput": 125, "isEncryptedVolume": false},
       {"order": 1, "blockStorageSnapshotInstanceNo": 34567891, "blockStorageSnapshotName": "snap-data",
        "blockStorageSize": "107374182400", "blockStorageName": "data",
        "blockStorageVolumeType": {"code": "CB1", "codeName": "Common BlockStorage 1"},
        "iops": 3000, "throughput": 125, "isEncryptedVolume": true}],
     "platformCategoryCode": "LNX64"}
  ]}}''')

# getServerInstanceList, Classic (2017: numbers) and VPC (today: strings, codes only for region and zone).
CLASSIC_SERVER_PAYLOAD = json.loads(u'''{"getServerInstanceListResponse": {
  "requestId": "c0ffee00-0000-4000-8000-000000000001", "returnCode": 0, "returnMessage": "success", "totalRows": 1,
  "serverInstanceList": [
    {"serverInstanceNo": 492964, "serverName": "ext-test", "serverImageProductCode": "SPSW0LINUX000046",
     "serverProductCode": "SPSVRSSD00000003",
     "serverInstanceStatus": {"code": "RUN", "codeName": "Server run state"},
     "serverInstanceOperation": {"code": "NULL", "codeName": "Server NULL OP"},
     "serverInstanceStatusName": "running", "createDate": "2017-10-01T09:00:00+0900",
     "platformType": {"code": "LNX64", "codeName": "Linux 64 Bit"},
     "region": {"regionNo": 1, "regionCode": "KR", "regionName": "Korea"},
     "zone": {"zoneNo": 2, "zoneName": "KR-1", "zoneCode": "KR-1", "zoneDescription": "KR-1 zone", "regionNo": 1}}
  ]}}''')

VPC_SERVER_PAYLOAD = json.loads(u'''{"getServerInstanceListResponse": {
  "requestId": "c0ffee00-0000-4000-8000-000000000002", "returnCode": "0", "returnMessage": "success", "totalRows": 1,
  "serverInstanceList": [
    {"serverInstanceNo": "3456789", "serverName": "web-kvm", "serverImageProductCode": null,
     "serverProductCode": "SVR.VSVR.STAND.C002.M008.G003",
     "serverInstanceStatus": {"code": "NSTOP", "codeName": "Server normal stopped state"},
     "serverInstanceOperation": {"code": "NULL", "codeName": "Server NULL OP"},
     "serverInstanceStatusName": "stopped", "createDate": "2024-01-02T03:04:05+0900",
     "platformType": {"code": "LNX64", "codeName": "Linux 64 Bit"},
     "hypervisorType": {"code": "KVM", "codeName": "KVM"},
     "regionCode": "KR", "zoneCode": "KR-2", "vpcNo": "1234", "subnetNo": "5678"}
  ]}}''')


def documented_keys(module, return_key):
    """The keys a module's RETURN documents for each item: the records must match the docs exactly."""
    return set(yaml.safe_load(module.RETURN)[return_key]['contains'])


IMAGE_KEYS = documented_keys(private_image_info, 'private_images')
SERVER_KEYS = documented_keys(server_info, 'servers')


def items(payload, list_key):
    """The list from a payload's ``<action>Response`` envelope, checking the envelope said success."""
    (inner,) = payload.values()
    assert str(inner['returnCode']) == '0'
    return inner[list_key]


def classic_images():
    return [records.classic_image_record(raw) for raw in items(CLASSIC_2017_PAYLOAD, 'memberServerImageList')]


def vpc_member_images():
    return [records.vpc_member_image_record(raw, 'KR') for raw in items(VPC_MEMBER_PAYLOAD, 'memberServerImageInstanceList')]


def vpc_server_images():
    return [records.server_image_record(raw, 'KR') for raw in items(VPC_SERVER_IMAGE_PAYLOAD, 'serverImageList')]


def test_classic_record_is_the_seed_example_in_snake_case():
    assert classic_images()[0] == {
        'private_image_no': '3791', 'private_image_name': 'img-9b885f11922e5bb', 'private_image_description': '',
        'original_server_instance_no': '492964', 'original_vm_flavor_id': 'SPSVRSSD00000003',
        'original_server_name': 'ext-test',
        'original_base_block_storage_disk_type': {'code': 'NET', 'code_name': 'Network Storage'},
        'original_vm_image_id': 'SPSW0LINUX000046', 'original_os_information': 'CentOS 7.3 (64-bit)',
        'original_server_image_name': 'centos-7.3-64', 'private_image_status_name': 'creating',
        'private_image_status': {'code': 'INIT', 'code_name': 'NSI INIT state'},
        'private_image_operation': {'code': 'CREAT', 'code_name': 'NSI CREAT OP'},
        'private_image_platform_type': {'code': 'LNX64', 'code_name': 'Linux 64 Bit'},
        'create_date': '2017-10-10T01:28:44+0900',
        'region': {'region_no': '1', 'region_code': 'KR', 'region_name': 'Korea'},
        'zone': {'zone_no': '2', 'zone_code': None, 'zone_name': 'KR-1', 'zone_description': u'\uac00\uc0b0 NANG zone'},
        'private_image_block_storage_total_rows': 0, 'private_image_block_storage_total_size': 0,
        'platform': 'classic', 'hypervisor_type': 'XEN', 'share_status': None, 'shared_login_ids': [],
        'block_storage_mappings': [], 'image_api': 'classic_member'}


@pytest.mark.parametrize('build', [classic_images, vpc_member_images, vpc_server_images])
def test_every_image_key_is_present_and_ids_are_strings(build):
    for record in build():
        assert set(record) == IMAGE_KEYS
        assert isinstance(record['private_image_no'], str)
        assert isinstance(record['original_server_instance_no'], (str, type(None)))
        assert isinstance(record['private_image_block_storage_total_size'], int)
        assert isinstance(record['private_image_block_storage_total_rows'], int)


def test_classic_second_image_keeps_sizes_as_ints_and_zone_code():
    record = classic_images()[1]
    assert record['private_image_block_storage_total_size'] == 53687091200
    assert record['zone'] == {'zone_no': '3', 'zone_code': 'KR-2', 'zone_name': 'KR-2', 'zone_description': u'\ud3c9\ucd0c zone'}
    assert record['share_status'] == {'code': 'NULL', 'code_name': 'NULL'}


def test_vpc_member_record_fills_what_the_call_knows_and_nulls_the_rest():
    created, failed = vpc_member_images()
    assert created['private_image_no'] == '10543'
    assert created['original_server_instance_no'] == '2345678'
    assert created['original_vm_image_id'] == 'SW.VSVR.OS.LNX64.CNTOS.0703.B050'
    assert created['region'] == {'region_no': None, 'region_code': 'KR', 'region_name': None}
    assert created['hypervisor_type'] == 'XEN'
    assert created['platform'] == 'vpc'
    assert created['image_api'] == 'vpc_member'
    assert created['private_image_block_storage_total_rows'] == 1
    assert created['private_image_block_storage_total_size'] == 53687091200
    assert created['shared_login_ids'] == ['ops@example.com']
    for unknown in ('zone', 'original_server_name', 'original_os_information', 'original_vm_flavor_id',
                    'original_server_image_name', 'private_image_platform_type', 'original_base_block_storage_disk_type'):
        assert created[unknown] is None, unknown
    assert created['block_storage_mappings'] == []
    assert failed['private_image_status_name'] == 'failed'
    assert failed['private_image_status'] == {'code': 'CREFL', 'code_name': 'NSI CREATE FAIL state'}
    assert failed['share_status'] is None


def test_server_image_record_carries_kvm_mappings_and_counts_their_totals():
    (record,) = vpc_server_images()
    assert record['private_image_no'] == '23456789'
    assert record['private_image_name'] == 'api-kvm-1'
    assert record['private_image_description'] == 'kvm golden'
    assert record['hypervisor_type'] == 'KVM'
    assert record['image_api'] == 'vpc_server'
    assert record['private_image_status_name'] == 'terminating'
    assert record['private_image_operation'] == {'code': 'TERMT', 'code_name': 'NSI TERMINATE OP'}
    assert record['original_server_instance_no'] is None
    assert record['private_image_block_storage_total_rows'] == 2
    assert record['private_image_block_storage_total_size'] == 10737418240 + 107374182400
    assert record['block_storage_mappings'][1] == {
        'order': 1, 'block_storage_snapshot_instance_no': '34567891', 'block_storage_snapshot_name': 'snap-data',
        'block_storage_size': 107374182400, 'block_storage_name': 'data',
        'block_storage_volume_type': {'code': 'CB1', 'code_name': 'Common BlockStorage 1'},
        'iops': 3000, 'throughput': 125, 'is_encrypted_volume': True}


def test_server_image_without_mappings_has_unknown_totals():
    record = records.server_image_record({'serverImageNo': 5, 'hypervisorType': 'XEN'}, 'KR')
    assert record['private_image_no'] == '5'
    assert record['hypervisor_type'] == 'XEN'
    assert record['private_image_block_storage_total_rows'] is None
    assert record['private_image_block_storage_total_size'] is None
    assert record['block_storage_mappings'] == []
    assert record['shared_login_ids'] == []


@pytest.mark.parametrize('name, status, operation, expected', [
    ('creating', None, None, 'creating'),
    ('created', None, None, 'created'),
    ('createFailed', None, None, 'failed'),
    ('terminating', None, None, 'terminating'),
    (None, {'code': 'INIT'}, {'code': 'CREAT'}, 'creating'),
    (None, {'code': 'CREFL'}, None, 'failed'),
    (None, {'code': 'CREAT'}, {'code': 'NULL'}, 'created'),
    ('', {'code': 'CREAT'}, {'code': 'TERMT'}, 'terminating'),
    ('copying', {'code': 'OTHER'}, None, 'copying'),
    (None, None, None, None),
])
def test_status_names_are_normalised_for_filters(name, status, operation, expected):
    assert records.normalise_status_name(name, status, operation) == expected


def test_code_pair_accepts_objects_bare_codes_and_nothing():
    assert records.code_pair({'code': 'NET', 'codeName': 'Network Storage'}) == {'code': 'NET', 'code_name': 'Network Storage'}
    assert records.code_pair('KVM') == {'code': 'KVM', 'code_name': None}
    assert records.code_pair(None) is None


def test_classic_server_record_from_2017_numbers():
    (raw,) = items(CLASSIC_SERVER_PAYLOAD, 'serverInstanceList')
    record = records.server_record(raw, 'classic')
    assert set(record) == SERVER_KEYS
    assert record == {
        'server_instance_no': '492964', 'server_name': 'ext-test',
        'server_instance_status': {'code': 'RUN', 'code_name': 'Server run state'},
        'server_instance_operation': {'code': 'NULL', 'code_name': 'Server NULL OP'},
        'server_instance_status_name': 'running', 'platform': 'classic', 'hypervisor_type': None,
        'platform_type': {'code': 'LNX64', 'code_name': 'Linux 64 Bit'},
        'region': {'region_no': '1', 'region_code': 'KR', 'region_name': 'Korea'},
        'zone': {'zone_no': '2', 'zone_code': 'KR-1', 'zone_name': 'KR-1', 'zone_description': 'KR-1 zone'},
        'create_date': '2017-10-01T09:00:00+0900', 'server_image_product_code': 'SPSW0LINUX000046',
        'server_product_code': 'SPSVRSSD00000003'}


def test_vpc_server_record_turns_codes_into_region_and_zone():
    (raw,) = items(VPC_SERVER_PAYLOAD, 'serverInstanceList')
    record = records.server_record(raw, 'vpc', region_code='JP')
    assert set(record) == SERVER_KEYS
    assert record['server_instance_no'] == '3456789'
    assert record['hypervisor_type'] == 'KVM'
    assert record['server_instance_status_name'] == 'stopped'
    assert record['region'] == {'region_no': None, 'region_code': 'KR', 'region_name': None}
    assert record['zone'] == {'zone_no': None, 'zone_code': 'KR-2', 'zone_name': None, 'zone_description': None}
    assert record['server_image_product_code'] is None


def test_vpc_server_without_region_code_takes_the_call_region():
    record = records.server_record({'serverInstanceNo': 7}, 'vpc', region_code='KR')
    assert record['region'] == {'region_no': None, 'region_code': 'KR', 'region_name': None}
    assert record['zone'] is None
