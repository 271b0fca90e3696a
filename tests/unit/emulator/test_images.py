# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The three image APIs: records, create/delete/detail, lifecycle, name rules, filters, sorting, paging."""

import pytest

from emulator_client import FAST, Api  # pylint: disable=import-error

from ncloud_emulator import Emulator, default_seed, seed_images

CREATE = {  # api -> (platform, create action, name param, list action, list key, number field, status field, server)
    'classic_member': ('classic', 'createMemberServerImage', 'memberServerImageName', 'getMemberServerImageList',
                       'memberServerImageList', 'memberServerImageNo', 'memberServerImageStatus', '593001'),
    'vpc_member': ('vpc', 'createMemberServerImageInstance', 'memberServerImageName', 'getMemberServerImageInstanceList',
                   'memberServerImageInstanceList', 'memberServerImageInstanceNo', 'memberServerImageInstanceStatus', '20345601'),
    'vpc_server': ('vpc', 'createServerImage', 'serverImageName', 'getServerImageList',
                   'serverImageList', 'serverImageNo', 'serverImageStatus', '20345603'),
}
DELETE = {'classic_member': ('deleteMemberServerImages', 'memberServerImageNoList'),
          'vpc_member': ('deleteMemberServerImageInstances', 'memberServerImageInstanceNoList'),
          'vpc_server': ('deleteServerImage', 'serverImageNoList')}


def create(api, kind, name='snap-one', server=None, **extra):
    platform, action, name_param, dummy, list_key, dummy, dummy, default_server = CREATE[kind]
    params = dict({'serverInstanceNo': server or default_server, name_param: name}, **extra)
    return api.ok(platform, action, params)[list_key][0]


def listed(api, kind, **params):
    platform, dummy, dummy, action, list_key, number, dummy, dummy = CREATE[kind]
    inner = api.ok(platform, action, params)
    return inner, [row[number] for row in inner[list_key]]


def status(api, kind, image_no):
    platform, dummy, dummy, action, list_key, number, status_field, dummy = CREATE[kind]
    rows = api.ok(platform, action, {number + 'List': [image_no]})[list_key]
    return [(row[status_field]['code'], row[status_field.replace('Status', 'Operation')]['code']) for row in rows]


def test_classic_seed_image_matches_the_seed_example(api):
    image = api.ok('classic', 'getMemberServerImageList', {'memberServerImageNoList': [3791]})['memberServerImageList'][0]
    assert image['memberServerImageName'] == 'img-9b885f11922e5bb' and image['memberServerImageDescription'] == ''
    assert image['originalServerInstanceNo'] == '492964' and image['originalServerName'] == 'ext-test'
    assert image['originalServerProductCode'] == 'SPSVRSSD00000003' and image['originalServerImageProductCode'] == 'SPSW0LINUX000046'
    assert image['originalOsInformation'] == 'CentOS 7.3 (64-bit)' and image['originalServerImageName'] == 'centos-7.3-64'
    assert image['originalBaseBlockStorageDiskType'] == {'code': 'NET', 'codeName': 'Network Storage'}
    assert image['memberServerImagePlatformType'] == {'code': 'LNX64', 'codeName': 'Linux 64 Bit'}
    assert image['createDate'] == '2017-10-10T01:28:44+0900'
    assert image['region'] == {'regionNo': '1', 'regionCode': 'KR', 'regionName': 'Korea'}
    assert image['zone']['zoneNo'] == '2' and image['zone']['zoneName'] == 'KR-1'
    assert isinstance(image['memberServerImageBlockStorageTotalSize'], int)


@pytest.mark.parametrize('kind', sorted(CREATE))
def test_create_then_created_then_delete_then_gone(api, clock, kind):
    image = create(api, kind, server=None)
    number = image[CREATE[kind][5]]
    assert isinstance(number, str) and image['createDate'].endswith('+0900')
    assert status(api, kind, number) == [('INIT', 'CREAT')]
    clock.advance(FAST['image_create_seconds'])
    assert status(api, kind, number) == [('CREAT', 'NULL')]
    action, list_param = DELETE[kind]
    deleted = api.ok(CREATE[kind][0], action, {list_param: [number]})
    assert deleted['totalRows'] == 1
    assert status(api, kind, number) == [('CREAT', 'TERMT')]
    clock.advance(FAST['image_delete_seconds'])
    assert status(api, kind, number) == []


def test_status_names_follow_the_lifecycle(api, clock):
    image = create(api, 'vpc_server')
    assert image['serverImageStatusName'] == 'creating' and image['serverImageType']['code'] == 'SELF'
    assert image['hypervisorType']['code'] == 'KVM' and image['blockStorageMappingList'][0]['order'] == 0
    clock.advance(FAST['image_create_seconds'])
    detail = api.ok('vpc', 'getServerImageDetail', {'serverImageNo': image['serverImageNo']})['serverImageList'][0]
    assert detail['serverImageStatusName'] == 'created'
    gone = api.ok('vpc', 'deleteServerImage', {'serverImageNoList': [image['serverImageNo']]})['serverImageList'][0]
    assert gone['serverImageStatusName'] == 'terminating'


def test_vpc_member_image_has_no_classic_only_fields(api):
    image = create(api, 'vpc_member', 'db-snap')
    for field in ('originalServerName', 'originalOsInformation', 'memberServerImagePlatformType', 'region', 'zone'):
        assert field not in image
    detail = api.ok('vpc', 'getMemberServerImageInstanceDetail', {'memberServerImageInstanceNo': image['memberServerImageInstanceNo']})
    assert detail['memberServerImageInstanceList'][0]['memberServerImageName'] == 'db-snap'


def test_blocking_rows_are_zero_while_creating(api, clock):
    image = create(api, 'classic_member', 'web-snap')
    assert (image['memberServerImageBlockStorageTotalRows'], image['memberServerImageBlockStorageTotalSize']) == (0, 0)
    clock.advance(FAST['image_create_seconds'])
    inner, dummy = listed(api, 'classic_member', memberServerImageNoList=[image['memberServerImageNo']])
    assert inner['memberServerImageList'][0]['memberServerImageBlockStorageTotalRows'] == 1


def test_list_lag_hides_a_new_image_from_list_and_detail(api, emu, clock):
    emu.set_timings(list_lag_seconds=3)
    image = create(api, 'vpc_server', 'lagging')
    assert listed(api, 'vpc_server', serverImageName='lagging')[1] == []
    assert api.error('vpc', 'getServerImageDetail', {'serverImageNo': image['serverImageNo']}) == (400, '1401')
    clock.advance(3)
    assert listed(api, 'vpc_server', serverImageName='lagging')[1] == [image['serverImageNo']]


@pytest.mark.parametrize('kind,name', [
    ('classic_member', 'ab'), ('classic_member', 'x' * 31),
    ('vpc_member', 'Upper-case'), ('vpc_member', '1starts-with-digit'), ('vpc_member', 'ends-with-dash-'), ('vpc_member', 'under_score'),
    ('vpc_server', 'ab'), ('vpc_server', 'ends_'), ('vpc_server', 'Caps'), ('vpc_server', 'a' * 31),
])
def test_name_rules(api, kind, name):
    platform, action, name_param, dummy, dummy, dummy, dummy, server = CREATE[kind]
    assert api.error(platform, action, {'serverInstanceNo': server, name_param: name}) == (400, '1100000')


@pytest.mark.parametrize('kind,name', [('classic_member', 'Web Snap 1'), ('vpc_member', 'a-1'), ('vpc_server', 'app_kvm-1')])
def test_names_within_the_rules_are_accepted(api, kind, name):
    assert create(api, kind, name)[CREATE[kind][2]] == name


def test_names_are_generated_for_member_images_and_required_for_server_images(api):
    assert api.ok('classic', 'createMemberServerImage', {'serverInstanceNo': '593001'})['memberServerImageList'][0]['memberServerImageName']
    name = api.ok('vpc', 'createMemberServerImageInstance', {'serverInstanceNo': '20345601'})['memberServerImageInstanceList'][0]
    assert name['memberServerImageName'].startswith('img-')
    assert api.error('vpc', 'createServerImage', {'serverInstanceNo': '20345603'}) == (400, '1100000')


def test_description_is_limited_to_1000_bytes(api):
    assert create(api, 'vpc_member', 'ok-desc', memberServerImageDescription='가' * 333)  # 999 bytes
    assert api.error('vpc', 'createMemberServerImageInstance', {
        'serverInstanceNo': '20345601', 'memberServerImageName': 'long-desc', 'memberServerImageDescription': '가' * 334}) == (400, '1100000')


def test_duplicate_names_are_accepted(api):
    first, second = create(api, 'vpc_server', 'same-name'), create(api, 'vpc_server', 'same-name')
    assert first['serverImageNo'] != second['serverImageNo']


def test_member_images_reject_kvm_servers_but_server_images_take_xen_and_kvm(api):
    reply = api.call('vpc', 'createMemberServerImageInstance', {'serverInstanceNo': '20345603', 'memberServerImageName': 'kvm-snap'})
    assert reply.status == 400 and 'KVM' in reply.json()['responseError']['returnMessage']
    assert create(api, 'vpc_server', 'from-xen', server='20345601')['hypervisorType']['code'] == 'XEN'


def test_server_must_exist_on_the_platform(api):
    assert api.error('classic', 'createMemberServerImage', {'serverInstanceNo': '999'}) == (400, '10712')
    assert api.error('vpc', 'createServerImage', {'serverInstanceNo': '593001', 'serverImageName': 'classic-one'}) == (400, '1401')
    assert api.error('vpc', 'deleteServerImage', {'serverImageNoList': ['4102001']}) == (400, '1401')


def test_image_from_a_server_in_transition_is_25017(api):
    api.ok('classic', 'stopServerInstances', {'serverInstanceNoList': ['593001']})
    assert api.error('classic', 'createMemberServerImage', {'serverInstanceNo': '593001'}) == (400, '25017')


def test_deleting_a_creating_or_public_image_is_refused(api):
    image = create(api, 'vpc_server', 'busy')
    assert api.error('vpc', 'deleteServerImage', {'serverImageNoList': [image['serverImageNo']]}) == (400, '25013')
    assert api.error('vpc', 'deleteServerImage', {'serverImageNoList': ['23214590']}) == (400, '1100000')
    assert api.error('vpc', 'deleteServerImage') == (400, '1100000')


def test_create_server_image_block_storage_list(api):
    image = create(api, 'vpc_server', 'resized', blockStorageList=[{'order': 0, 'blockStorageSize': 100}])
    assert image['blockStorageMappingList'][0]['blockStorageSize'] == 100 * 1024 ** 3
    assert api.error('vpc', 'createServerImage', {'serverInstanceNo': '20345603', 'serverImageName': 'no-boot',
                                                  'blockStorageList': [{'order': 0, 'noBlockStorage': 'true'}]}) == (400, '1100000')
    assert api.error('vpc', 'createServerImage', {'serverInstanceNo': '20345603', 'serverImageName': 'bad-order',
                                                  'blockStorageList': [{'order': 5}]}) == (400, '1100000')


def test_server_image_list_filters(api):
    assert listed(api, 'vpc_server', serverImageTypeCodeList=['SELF'])[1] == ['5102001']
    assert sorted(listed(api, 'vpc_server', serverImageTypeCodeList=['NCP'])[1]) == ['17552318', '23214590', '23221307']
    assert listed(api, 'vpc_server', hypervisorTypeCodeList=['XEN'])[1] == ['17552318']
    assert listed(api, 'vpc_server', serverImageName='rocky-8.10-base')[1] == ['23214590']
    assert listed(api, 'vpc_server', serverImageName='rocky')[1] == []
    assert listed(api, 'vpc_server', osTypeCodeList=['UBUNTU'])[1] == ['23221307']
    assert listed(api, 'vpc_server', serverImageStatusCode='CREFL')[1] == []
    assert api.error('vpc', 'getServerImageList', {'serverImageTypeCodeList': ['MINE']}) == (400, '1100000')


def test_vpc_member_list_filters(api):
    create(api, 'vpc_member', 'db-xen-1-base')
    inner, numbers = listed(api, 'vpc_member', memberServerImageName='db-xen-1-base')
    assert inner['totalRows'] == 2 and '4102001' in numbers
    assert listed(api, 'vpc_member', memberServerImageName='db-xen')[1] == []
    assert listed(api, 'vpc_member', memberServerImageInstanceStatusCode='INIT')[0]['totalRows'] == 1
    assert listed(api, 'vpc_member', platformTypeCodeList=['WND64'])[1] == []
    assert api.error('vpc', 'getMemberServerImageInstanceList', {'memberServerImageInstanceStatusCode': 'RUN'}) == (400, '1100000')


def test_classic_list_filters_and_sorting(api):
    assert listed(api, 'classic_member', platformTypeCodeList=['LNX64'])[0]['totalRows'] == 2
    assert listed(api, 'classic_member', platformTypeCodeList=['WND64'])[1] == []
    assert api.error('classic', 'getMemberServerImageList', {'platformTypeCodeList': ['LNX64'] * 6}) == (400, '1100000')
    assert listed(api, 'classic_member', sortedBy='memberServerImageNo', sortingOrder='ascending')[1] == ['3791', '3802']
    assert listed(api, 'classic_member', sortedBy='memberServerImageNo', sortingOrder='descending')[1] == ['3802', '3791']
    assert api.error('classic', 'getMemberServerImageList', {'sortedBy': 'memberServerImageNo', 'sortingOrder': 'DESC'}) == (400, '1100000')
    assert api.error('classic', 'getMemberServerImageList', {'sortedBy': 'createDate'}) == (400, '1100000')
    assert listed(api, 'vpc_member', sortedBy='memberServerImageName', sortingOrder='DESC')[1] == ['4102001']


def test_region_decides_what_is_listed(api):
    assert listed(api, 'classic_member', regionNo='5')[1] == []
    assert listed(api, 'vpc_server', regionCode='SGN')[1] == []
    assert api.error('classic', 'getMemberServerImageList', {'regionNo': '4'}) == (400, '1100000')
    assert api.error('vpc', 'getServerImageList', {'regionCode': 'XX'}) == (400, '1100000')


@pytest.fixture
def bulk_api():
    seed = default_seed()
    seed['images'] += seed_images(2500, 'classic_member', server_no='593001')
    seed['bulk_images'] = {'vpc_server': 1200}
    with Emulator(seed=seed) as emulator:
        yield Api(emulator.url)


def test_paging_and_total_rows(bulk_api):
    pages = [listed(bulk_api, 'classic_member', pageNo=page, pageSize=1000) for page in (1, 2, 3, 4)]
    assert [inner['totalRows'] for inner, dummy in pages] == [2502] * 4
    assert [len(numbers) for dummy, numbers in pages] == [1000, 1000, 502, 0]
    assert len({number for dummy, numbers in pages for number in numbers}) == 2502
    assert listed(bulk_api, 'classic_member', pageNo=0, pageSize=10)[1] == listed(bulk_api, 'classic_member', pageNo=1, pageSize=10)[1]
    inner, numbers = listed(bulk_api, 'vpc_server', serverImageTypeCodeList=['SELF'], pageNo=2, pageSize=1000)
    assert (inner['totalRows'], len(numbers)) == (1201, 201)


@pytest.mark.parametrize('params', [{'pageSize': 0}, {'pageSize': 1001}, {'pageSize': 'ten'}, {'pageNo': 1}])
def test_page_parameters_are_checked(api, params):
    assert api.error('vpc', 'getServerImageList', params) == (400, '1100000')


def test_classic_page_number_alone_lists_everything(api):
    assert listed(api, 'classic_member', pageNo=1)[0]['totalRows'] == 2
