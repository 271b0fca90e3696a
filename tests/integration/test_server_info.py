# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""ncloud.compute.server_info by real ansible, and servers.get_server over real HTTP, against the emulator."""
import pytest

from info_support import documented_keys, emulator_client, examples_playbook, module_utils
from ncloud_emulator.seed import default_seed
from private_image_support import requests_of

MODULE = 'ncloud.compute.server_info'


def list_servers(ansible_runner, check=False, **options):
    return ansible_runner.run_tasks([{MODULE: options}], check=check).results[0]


def numbers(result):
    assert not result.get('failed'), result
    return [server['server_instance_no'] for server in result['servers']]


def server_lists(emulator):
    return requests_of(emulator, 'getServerInstanceList')


def test_vpc_servers_of_both_hypervisors(emulator, ansible_runner, collection_root):
    result = list_servers(ansible_runner)
    assert result['changed'] is False
    assert numbers(result) == ['20345601', '20345602', '20345603', '20345604']
    by_name = {server['server_name']: server for server in result['servers']}
    kvm = by_name['app-kvm-1']
    assert set(kvm) == documented_keys(collection_root, 'server_info', 'servers')
    assert (kvm['platform'], kvm['hypervisor_type']) == ('vpc', 'KVM')
    assert kvm['server_instance_status'] == {'code': 'RUN', 'code_name': 'Server run state'}
    assert kvm['server_instance_status_name'] == 'running'
    assert kvm['region'] == {'region_no': None, 'region_code': 'KR', 'region_name': None}
    assert kvm['zone']['zone_code'] == 'KR-1'
    assert by_name['batch-xen-2']['hypervisor_type'] == 'XEN'
    assert by_name['batch-xen-2']['server_instance_status_name'] == 'stopped'
    assert server_lists(emulator)[0]['params']['pageSize'] == '1000'


def test_classic_servers_carry_region_and_zone_objects(emulator, ansible_runner, collection_root):
    result = list_servers(ansible_runner, platform='classic')
    assert numbers(result) == ['492964', '593001', '593002']
    ext_test = result['servers'][0]
    assert set(ext_test) == documented_keys(collection_root, 'server_info', 'servers')
    assert ext_test['server_name'] == 'ext-test'
    assert ext_test['server_product_code'] == 'SPSVRSSD00000003'
    assert ext_test['server_image_product_code'] == 'SPSW0LINUX000046'
    assert ext_test['region'] == {'region_no': '1', 'region_code': 'KR', 'region_name': 'Korea'}
    assert ext_test['zone']['zone_no'] == '2'
    assert ext_test['platform_type']['code'] == 'LNX64'
    assert ext_test['platform'] == 'classic' and ext_test['hypervisor_type'] is None


def test_exact_name_although_the_api_searches_parts(emulator, ansible_runner):
    tasks = [{MODULE: {'platform': 'classic', 'name': 'web-1'}}, {MODULE: {'name': 'app-kvm-1'}}, {MODULE: {'name': 'app-kvm'}}]
    results = ansible_runner.run_tasks(tasks).results
    assert [numbers(result) for result in results] == [['593001'], ['20345603'], []]
    classic, vpc, dummy = (entry['params'] for entry in server_lists(emulator))
    assert (classic['searchFilterName'], classic['searchFilterValue']) == ('serverName', 'web-1')
    assert vpc['serverName'] == 'app-kvm-1'


def test_numbers_as_integers_and_check_mode(emulator, ansible_runner):
    result = list_servers(ansible_runner, check=True, server_instance_nos=[20345604, 20345601, 1])
    assert numbers(result) == ['20345601', '20345604']
    params = server_lists(emulator)[0]['params']
    assert [params['serverInstanceNoList.%d' % index] for index in (1, 2, 3)] == ['20345604', '20345601', '1']


@pytest.mark.emulator(seed={'servers': [], 'images': []})
def test_empty_account(emulator, ansible_runner):
    results = ansible_runner.run_tasks([{MODULE: {}}, {MODULE: {'platform': 'classic'}}]).results
    assert [numbers(result) for result in results] == [[], []]


def twin_seed():
    seed = default_seed()
    seed['servers'].append({'no': '20345609', 'name': 'db-xen-1', 'kind': 'xen', 'status': 'NSTOP'})
    return seed


@pytest.mark.emulator(seed=twin_seed())
def test_get_server_finds_one_or_says_why_not(emulator, collections_path):
    servers = module_utils(collections_path, 'servers')
    error_type = module_utils(collections_path, 'errors').NCloudError
    vpc = emulator_client(emulator, collections_path, 'vpc')
    assert servers.get_server(vpc, name='app-kvm-2')['server_instance_no'] == '20345604'
    assert servers.get_server(vpc, server_instance_no=20345603)['server_name'] == 'app-kvm-1'
    assert servers.get_server(emulator_client(emulator, collections_path, 'classic'), name='web-1')['server_instance_no'] == '593001'
    with pytest.raises(error_type, match=r'^no server named web-1 in region KR \(vpc\)$'):
        servers.get_server(vpc, name='web-1')
    with pytest.raises(error_type, match=r'^no server number 20345603 named app-kvm-2 in region KR'):
        servers.get_server(vpc, server_instance_no='20345603', name='app-kvm-2')
    with pytest.raises(error_type, match=r'^2 servers named db-xen-1 in region KR \(vpc\): 20345601, 20345609; give server_instance_no'):
        servers.get_server(vpc, name='db-xen-1')


def test_examples_run_as_written(ansible_runner, collection_root):
    run = ansible_runner.run_playbook(examples_playbook(collection_root, 'server_info'), extra_env={'NCLOUD_PLATFORM': 'classic'})
    assert run.rc == 0, run.output
