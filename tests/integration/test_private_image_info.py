# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""ncloud.compute.private_image_info run by real ansible against the emulator; requests asserted from its log."""
import os
import subprocess
import sys

import pytest

from info_support import documented_keys, emulator_client, examples_playbook
from ncloud_emulator.seed import default_seed
from private_image_support import requests_of

MODULE = 'ncloud.compute.private_image_info'
VPC_MEMBER_LIST = 'getMemberServerImageInstanceList'
VPC_SERVER_LIST = 'getServerImageList'
CLASSIC_LIST = 'getMemberServerImageList'


def list_images(ansible_runner, check=False, **options):
    """One private_image_info task; its result (ignore_errors, so failures come back too)."""
    return ansible_runner.run_tasks([{MODULE: options}], check=check).results[0]


def numbers_of_each(ansible_runner, *options_list):
    """The image numbers of several private_image_info tasks run in one play (one ansible process)."""
    return [numbers(result) for result in ansible_runner.run_tasks([{MODULE: options} for options in options_list]).results]


def numbers(result):
    assert not result.get('failed'), result
    return [image['private_image_no'] for image in result['private_images']]


@pytest.fixture
def image_keys(collection_root):
    return documented_keys(collection_root, 'private_image_info', 'private_images')


def test_vpc_lists_member_and_own_server_images_merged_oldest_first(emulator, ansible_runner, image_keys):
    result = list_images(ansible_runner)
    assert result['changed'] is False
    # The seed's NCP public images (getServerImageList type NCP) are not the account's private images.
    assert numbers(result) == ['4102001', '5102001']
    xen, kvm = result['private_images']
    for image in (xen, kvm):
        assert set(image) == image_keys
        assert image['platform'] == 'vpc'
        assert image['region'] == {'region_no': None, 'region_code': 'KR', 'region_name': None}
        assert image['private_image_status_name'] == 'created'
    assert (xen['image_api'], xen['hypervisor_type'], xen['original_server_instance_no']) == ('vpc_member', 'XEN', '20345601')
    assert (kvm['image_api'], kvm['hypervisor_type'], kvm['private_image_name']) == ('vpc_server', 'KVM', 'app-kvm-1-base')
    assert kvm['block_storage_mappings'][0]['order'] == 0
    assert kvm['private_image_block_storage_total_rows'] == len(kvm['block_storage_mappings'])
    assert xen['block_storage_mappings'] == []
    assert len(requests_of(emulator, VPC_MEMBER_LIST)) == 1
    (server_list,) = requests_of(emulator, VPC_SERVER_LIST)
    assert server_list['params']['serverImageTypeCodeList.1'] == 'SELF'
    assert server_list['params']['pageSize'] == '1000'
    assert not requests_of(emulator, CLASSIC_LIST)


def test_classic_record_maps_the_seed_example(emulator, ansible_runner, image_keys):
    result = list_images(ansible_runner, platform='classic')
    assert numbers(result) == ['3791', '3802']
    seed_image = result['private_images'][0]
    assert set(seed_image) == image_keys
    expected = {
        'private_image_no': '3791', 'private_image_name': 'img-9b885f11922e5bb', 'private_image_description': '',
        'original_server_instance_no': '492964', 'original_vm_flavor_id': 'SPSVRSSD00000003',
        'original_server_name': 'ext-test', 'original_vm_image_id': 'SPSW0LINUX000046',
        'original_os_information': 'CentOS 7.3 (64-bit)', 'original_server_image_name': 'centos-7.3-64',
        'original_base_block_storage_disk_type': {'code': 'NET', 'code_name': 'Network Storage'},
        'private_image_platform_type': {'code': 'LNX64', 'code_name': 'Linux 64 Bit'},
        'private_image_status_name': 'created', 'create_date': '2017-10-10T01:28:44+0900',
        'region': {'region_no': '1', 'region_code': 'KR', 'region_name': 'Korea'},
        'platform': 'classic', 'hypervisor_type': 'XEN', 'image_api': 'classic_member', 'block_storage_mappings': []}
    assert {key: seed_image[key] for key in expected} == expected
    assert seed_image['zone']['zone_name'] == 'KR-1'
    assert isinstance(seed_image['private_image_block_storage_total_size'], int)
    assert [entry['action'] for entry in emulator.log] == ['getRegionList', CLASSIC_LIST]


def test_image_api_kinds_apart_by_hypervisor(emulator, ansible_runner):
    assert numbers(list_images(ansible_runner, hypervisor_type='XEN')) == ['4102001']
    # XEN: both VPC APIs are asked, the server image one with the hypervisor filter.
    assert requests_of(emulator, VPC_SERVER_LIST)[-1]['params']['hypervisorTypeCodeList.1'] == 'XEN'
    emulator.clear_log()
    assert numbers(list_images(ansible_runner, hypervisor_type='KVM')) == ['5102001']
    # Member images cannot be KVM, so their API is not asked at all.
    assert not requests_of(emulator, VPC_MEMBER_LIST)
    assert requests_of(emulator, VPC_SERVER_LIST)[-1]['params']['hypervisorTypeCodeList.1'] == 'KVM'
    assert numbers(list_images(ansible_runner, platform='classic', hypervisor_type='KVM')) == []


def test_numbers_given_as_integers_go_to_both_apis(emulator, ansible_runner):
    assert numbers(list_images(ansible_runner, image_nos=[5102001, 4102001, 99])) == ['4102001', '5102001']
    assert requests_of(emulator, VPC_MEMBER_LIST)[0]['params']['memberServerImageInstanceNoList.1'] == '5102001'
    assert requests_of(emulator, VPC_SERVER_LIST)[0]['params']['serverImageNoList.2'] == '4102001'
    assert numbers(list_images(ansible_runner, platform='classic', image_nos=['3802'])) == ['3802']
    assert requests_of(emulator, CLASSIC_LIST)[0]['params']['memberServerImageNoList.1'] == '3802'


def test_exact_name_is_a_server_side_filter_on_vpc_and_local_on_classic(emulator, ansible_runner):
    assert numbers_of_each(
        ansible_runner, {'name': 'app-kvm-1-base'}, {'name': 'app-kvm-1'},
        {'platform': 'classic', 'name': 'web-golden'}, {'platform': 'classic', 'name': 'web'},
    ) == [['5102001'], [], ['3802'], []]
    assert requests_of(emulator, VPC_MEMBER_LIST)[0]['params']['memberServerImageName'] == 'app-kvm-1-base'
    assert requests_of(emulator, VPC_SERVER_LIST)[0]['params']['serverImageName'] == 'app-kvm-1-base'
    assert 'memberServerImageName' not in requests_of(emulator, CLASSIC_LIST)[0]['params']


def test_name_regex_server_and_status_filters(emulator, ansible_runner):
    assert numbers_of_each(
        ansible_runner, {'name_regex': '-base$'}, {'name_regex': '^db-'},
        {'platform': 'classic', 'server_instance_no': 492964}, {'server_instance_no': '20345601'},
        {'status': ['created'], 'name_regex': 'golden', 'platform': 'classic'}, {'status': ['creating', 'failed']},
    ) == [['4102001', '5102001'], ['4102001'], ['3791'], ['4102001'], ['3802'], []]
    # Local filters cannot be sent: nothing beyond paging and the image type reaches the API.
    assert all(set(entry['params']) <= {'regionCode', 'pageNo', 'pageSize', 'responseFormatType', 'serverImageTypeCodeList.1'}
               for entry in requests_of(emulator, VPC_SERVER_LIST))


def lifecycle_seed():
    seed = default_seed()
    seed['images'] += [
        {'no': '4200001', 'name': 'xen-creating', 'api': 'vpc_member', 'server_no': '20345602', 'status': 'INIT'},
        {'no': '4200002', 'name': 'xen-failed', 'api': 'vpc_member', 'server_no': '20345602', 'status': 'CREFL',
         'create_date': '2023-06-01T00:00:00+0900'},
        {'no': '5200001', 'name': 'kvm-doomed', 'api': 'vpc_server', 'server_no': '20345604',
         'create_date': '2024-03-01T00:00:00+0900'},
    ]
    return seed


@pytest.mark.emulator(seed=lifecycle_seed(), timings={'image_create_seconds': 3600, 'image_delete_seconds': 3600})
def test_status_filter_sees_every_state(emulator, ansible_runner, collections_path):
    emulator_client(emulator, collections_path, 'vpc').call('deleteServerImage', {'serverImageNoList': ['5200001']}, mutating=True)
    statuses = ('creating', 'created', 'failed', 'terminating')
    results = ansible_runner.run_tasks(
        [{MODULE: {'status': [status]}} for status in statuses]
        + [{MODULE: {'status': ['failed', 'terminating'], 'hypervisor_type': 'KVM'}}, {MODULE: {'server_instance_no': '20345602'}}]
    ).results
    assert [numbers(result) for result in results] == [
        ['4200001'], ['4102001', '5102001'], ['4200002'], ['5200001'], ['5200001'], ['4200002', '4200001']]
    creating, dummy, failed, terminating = (result['private_images'][0] for result in results[:4])
    assert (creating['private_image_status']['code'], creating['private_image_operation']['code']) == ('INIT', 'CREAT')
    assert failed['private_image_status']['code'] == 'CREFL'
    assert terminating['private_image_operation']['code'] == 'TERMT'


BULK = 2500


@pytest.mark.emulator(seed=dict(default_seed(), bulk_images={'vpc_member': BULK, 'vpc_server': BULK, 'classic_member': BULK}))
def test_every_page_is_read_at_1000_rows(emulator, ansible_runner):
    result = list_images(ansible_runner)
    images = result['private_images']
    assert len(images) == 2 * BULK + 2
    assert len({image['private_image_no'] for image in images}) == len(images)
    keys = [(image['create_date'], int(image['private_image_no'])) for image in images]
    assert keys == sorted(keys)
    for action in (VPC_MEMBER_LIST, VPC_SERVER_LIST):
        pages = requests_of(emulator, action)
        assert [(entry['params']['pageNo'], entry['params']['pageSize']) for entry in pages] == [
            ('1', '1000'), ('2', '1000'), ('3', '1000')]
    emulator.clear_log()
    assert len(numbers(list_images(ansible_runner, platform='classic'))) == BULK + 2
    assert len(requests_of(emulator, CLASSIC_LIST)) == 3
    emulator.clear_log()
    # A name filter leaves one page per API.
    assert numbers(list_images(ansible_runner, name='bulk-vpc-member-01234')) != []
    assert len(emulator.log) == 2


def test_check_mode_lists_the_same(emulator, ansible_runner):
    result = list_images(ansible_runner, check=True)
    assert result['changed'] is False
    assert numbers(result) == ['4102001', '5102001']


def test_module_defaults_group_applies(emulator, ansible_runner):
    run = ansible_runner.run_tasks([{MODULE: {}, 'module_defaults': {'group/ncloud.compute.ncloud': {'platform': 'classic'}}}])
    assert numbers(run.results[0]) == ['3791', '3802']


def test_wrong_secret_fails_cleanly(emulator, ansible_runner):
    run = ansible_runner.run_tasks([{MODULE: {}}], extra_env={'NCLOUD_SECRET_ACCESS_KEY': 'not-the-secret-0123456789abcdefghijklmnopqrstuv'})
    result = run.results[0]
    assert result['failed'] is True
    assert 'Authentication failed' in result['msg']
    assert result['http_status'] == 401
    assert 'Traceback' not in run.stdout + run.stderr
    # Authentication failures are not retried.
    assert len(emulator.log) == 1


def test_invalid_name_regex_fails_before_any_request(emulator, ansible_runner):
    result = list_images(ansible_runner, name_regex='web-(')
    assert result['failed'] is True
    assert 'name_regex' in result['msg'] and 'web-(' in result['msg']
    assert emulator.log == []


@pytest.mark.emulator(seed={'servers': [], 'images': []})
def test_empty_account(emulator, ansible_runner):
    assert numbers_of_each(ansible_runner, {}, {'platform': 'classic'}) == [[], []]


def test_ansible_doc_renders(collections_path, tmp_path):
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections_path), ANSIBLE_LOCAL_TEMP=str(tmp_path), ANSIBLE_NOCOLOR='1')
    ansible_doc = os.path.join(os.path.dirname(sys.executable), 'ansible-doc')
    completed = subprocess.run([ansible_doc, MODULE], env=env, capture_output=True, text=True, check=False, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert 'private_images' in completed.stdout
    for option in ('image_nos', 'name_regex', 'server_instance_no', 'hypervisor_type', 'secret_key'):
        assert option in completed.stdout
    assert 'ERROR' not in completed.stderr


@pytest.mark.emulator(legacy_numbers=True)
def test_2017_numbers_become_strings(emulator, ansible_runner):
    (seed_image,) = list_images(ansible_runner, platform='classic', image_nos=[3791])['private_images']
    assert (seed_image['private_image_no'], seed_image['original_server_instance_no']) == ('3791', '492964')
    assert seed_image['region']['region_no'] == '1'
    assert numbers(list_images(ansible_runner)) == ['4102001', '5102001']


def test_examples_run_as_written(emulator, ansible_runner, collection_root):
    # The examples name the Classic seed's server web-1 and images 3791/3650; one block sets platform vpc itself.
    run = ansible_runner.run_playbook(examples_playbook(collection_root, 'private_image_info'),
                                      extra_env={'NCLOUD_PLATFORM': 'classic'})
    assert run.rc == 0, run.output
    assert 'ok: [localhost] => ' in run.stdout and '"msg": "3802 web-golden"' in run.stdout
    assert {entry['platform'] for entry in requests_of(emulator, 'getServerImageList')} == {'vpc'}
