# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The server_snapshot role's filters: names, server matching, outcome and rotation rules."""

import re

import pytest

from ansible.errors import AnsibleFilterError
from ansible_collections.ncloud.compute.plugins.filter.server_snapshot import (
    FilterModule, snapshot_expired, snapshot_name, snapshot_outcome, snapshot_targets)
from ansible_collections.ncloud.compute.plugins.module_utils.image_names import name_problem

DAY = '20240601'


def server(number, name, hypervisor='XEN'):
    return {'server_instance_no': number, 'server_name': name, 'hypervisor_type': hypervisor}


def image(number, name, origin, status='created', date='2024-06-01T09:00:00+0900', api='vpc_member'):
    return {'private_image_no': number, 'private_image_name': name, 'original_server_instance_no': origin,
            'private_image_status_name': status, 'create_date': date, 'image_api': api}


def target(record, stamp=DAY, prefix='snap'):
    return {'server': record, 'image_name': snapshot_name(record['server_name'], prefix, stamp)}


@pytest.mark.parametrize('server_name, prefix, stamp, expected', [
    ('web-1', 'snap', DAY, 'snap-web-1-20240601'),
    ('Web_1.Prod', 'Nightly', '2024060113', 'nightly-web-1-prod-2024060113'),
    ('db', 'x', '202406011305', 'x-db-202406011305'),
])
def test_names_are_prefix_server_and_stamp(server_name, prefix, stamp, expected):
    assert snapshot_name(server_name, prefix, stamp) == expected


@pytest.mark.parametrize('server_name', [
    'application-server-production-01', 'a' * 60, 'Ünïcode-サーバー-name', '---', 'web-frontend-with-a-long-name-',
])
@pytest.mark.parametrize('stamp', ['20240601', '2024060113', '202406011305'])
@pytest.mark.parametrize('prefix', ['snap', 'nightly-backup'])
def test_every_name_suits_the_strictest_image_api_and_keeps_prefix_and_stamp(server_name, stamp, prefix):
    name = snapshot_name(server_name, prefix, stamp)

    assert name_problem(name, 'vpc_member') is None, name
    assert len(name) <= 30
    assert name.startswith(prefix + '-') and name.endswith('-' + stamp)


def test_shortened_names_of_similar_servers_stay_distinct():
    names = {snapshot_name('web-frontend-production-%02d' % index, 'snap', DAY) for index in range(1, 21)}

    assert len(names) == 20
    assert all(re.match('^snap-web-fronten-[0-9a-f]{4}-20240601$', name) for name in names), names


@pytest.mark.parametrize('prefix, stamp, message', [
    ('1snap', DAY, 'must start with a letter'),
    ('-', DAY, 'must start with a letter'),
    ('snap', '2024-06-01', 'must be 8, 10 or 12 digits'),
    ('p' * 18, '202406011305', 'at most 15 characters'),
])
def test_bad_prefix_or_stamp_is_refused(prefix, stamp, message):
    with pytest.raises(AnsibleFilterError, match=message):
        snapshot_name('web-1', prefix, stamp)


SERVERS = [server('101', 'web-1'), server('102', 'web-2'), server('201', 'twin'), server('202', 'twin')]


def test_targets_match_names_and_numbers_once_each_in_request_order():
    plan = snapshot_targets(SERVERS, ['web-2', 101, '101', 'web-1', '202'], 'snap', DAY)

    assert [entry['server']['server_instance_no'] for entry in plan['targets']] == ['102', '101', '202']
    assert plan['targets'][0]['image_name'] == 'snap-web-2-20240601'
    assert plan['missing'] == []


def test_unknown_and_ambiguous_servers_are_missing_with_a_reason():
    plan = snapshot_targets(SERVERS, ['web-1', 'nope', 'twin'], 'snap', DAY)

    assert [entry['server']['server_name'] for entry in plan['targets']] == ['web-1']
    assert plan['missing'][0] == {'server': 'nope', 'reason': 'no server has this name or number (on this platform and region)'}
    assert plan['missing'][1]['server'] == 'twin' and '201, 202' in plan['missing'][1]['reason']


def test_two_servers_that_would_share_an_image_name_are_refused():
    plan = snapshot_targets([server('1', 'Web_1'), server('2', 'web-1')], ['Web_1', 'web-1'], 'snap', DAY)

    assert len(plan['targets']) == 1
    assert plan['missing'][0]['server'] == 'web-1' and 'Web_1' in plan['missing'][0]['reason']


def create_result(record, new_image, changed=True):
    return {'item': target(record), 'changed': changed, 'failed': False, 'private_image': new_image}


def test_outcome_sorts_servers_and_takes_the_polled_state():
    web1, web2, web3 = server('101', 'web-1'), server('102', 'web-2'), server('103', 'web-3')
    plan = snapshot_targets([web1, web2, web3], ['web-1', 'web-2', 'web-3', 'gone'], 'snap', DAY)
    results = [
        create_result(web1, image('9001', 'snap-web-1-20240601', '101', 'creating')),
        create_result(web2, image('9002', 'snap-web-2-20240601', '102', 'creating')),
        {'item': target(web3), 'failed': True, 'msg': 'server web-3 is busy\n'},
    ]

    before = snapshot_outcome(plan, results)
    after = snapshot_outcome(plan, results, polled=[image('9001', 'snap-web-1-20240601', '101', 'created'),
                                                    image('9002', 'snap-web-2-20240601', '102', 'failed')],
                             wait_timeout=60)

    assert before['pending'] == ['9001', '9002']
    assert after['pending'] == []
    assert [(entry['server_name'], entry['private_image_status_name']) for entry in after['images']] == [('web-1', 'created')]
    assert [failure['server'] for failure in after['failures']] == ['web-2', 'web-3', 'gone']
    assert 'failed to create' in after['failures'][0]['reason']
    assert after['failures'][1]['reason'] == 'server web-3 is busy'
    assert [entry['server']['server_name'] for entry in after['rotate']] == ['web-1']
    assert after['summary'][0] == 'web-1: snap-web-1-20240601 (9001) created, new'
    assert after['summary'][3] == 'gone: FAILED: no server has this name or number (on this platform and region)'


def test_an_image_still_creating_fails_only_when_waited_for():
    web1 = server('101', 'web-1')
    plan = snapshot_targets([web1], ['web-1'], 'snap', DAY)
    results = [create_result(web1, image('9001', 'snap-web-1-20240601', '101', 'creating'), changed=False)]

    assert snapshot_outcome(plan, results)['failures'] == []
    assert 'still creating after 60 seconds' in snapshot_outcome(plan, results, wait_timeout=60)['failures'][0]['reason']


def test_outcome_reads_async_job_results_and_check_mode_predictions():
    web1, web2 = server('101', 'web-1'), server('102', 'web-2')
    plan = snapshot_targets([web1, web2], ['web-1', 'web-2'], 'snap', DAY)
    job = {'item': {'ansible_job_id': 'j1', 'item': target(web1)}, 'finished': 1, 'changed': True,
           'private_image': image('9001', 'snap-web-1-20240601', '101')}
    predicted = create_result(web2, {})

    outcome = snapshot_outcome(plan, [job, predicted], check_mode=True)

    assert outcome['summary'] == ['web-1: snap-web-1-20240601 (9001) created, new', 'web-2: would create snap-web-2-20240601']
    assert len(outcome['rotate']) == 2 and outcome['failures'] == []


def test_outcome_reports_deletions_and_their_failures():
    web1 = server('101', 'web-1')
    plan = snapshot_targets([web1], ['web-1'], 'snap', DAY)
    results = [create_result(web1, image('9001', 'snap-web-1-20240601', '101'))]
    old = dict(image('8001', 'snap-web-1-20240501', '101'), server_name='web-1')
    stuck = dict(image('8002', 'snap-web-1-20240502', '101'), server_name='web-1')
    deletions = [{'item': old, 'changed': True}, {'item': stuck, 'failed': True, 'msg': 'in operation'}]

    outcome = snapshot_outcome(plan, results, deletions=deletions)

    assert outcome['summary'] == ['web-1: snap-web-1-20240601 (9001) created, new; deleted snap-web-1-20240501']
    assert outcome['deleted'] == [old]
    assert outcome['failures'] == [{'server': 'web-1', 'reason': 'old image snap-web-1-20240502 (8002) was not deleted: in operation'}]


def dated(day):
    return '2024-%s-01T03:00:00+0900' % day


def test_rotation_keeps_the_newest_own_images_and_touches_nothing_else():
    web1, web2 = server('101', 'web-1'), server('102', 'web-2')
    images = [
        image('1', 'snap-web-1-20240101', '101', date=dated('01')),
        image('2', 'snap-web-1-2024020113', '101', date=dated('02')),          # an hourly run's image: also ours
        image('3', 'snap-web-1-20240301', '101', 'creating', date=dated('03')),
        image('4', 'snap-web-1-20240401', '101', date=dated('04')),
        image('5', 'snap-web-1-20240501', '101', 'terminating', date=dated('05')),
        image('6', 'snap-web-1-20240601', '101', date=dated('06')),            # this period's
        image('7', 'snap-web-1-20231201', '999', date=dated('01')),            # same name pattern, other server
        image('8', 'other-web-1-20231201', '101', date=dated('01')),           # other prefix
        image('9', 'snap-web-1-manual', '101', date=dated('01')),              # not a period name
        image('10', 'snap-web-2-20240101', '102', date=dated('01')),
    ]

    expired = snapshot_expired(images, [target(web1), target(web2)], 'snap', 2)

    assert [(entry['private_image_no'], entry['server_name']) for entry in expired] == [('1', 'web-1'), ('2', 'web-1')]
    assert snapshot_expired(images, [target(web1)], 'snap', 0) == []
    assert [entry['private_image_no'] for entry in snapshot_expired(images, [target(web1)], 'snap', '1')] == ['1', '2', '4']


def test_rotation_of_a_kvm_server_relies_on_the_name_when_the_api_names_no_origin():
    kvm = server('301', 'app-kvm-1', hypervisor='KVM')
    images = [image('1', 'snap-app-kvm-1-20240101', None, api='vpc_server', date=dated('01')),
              image('2', 'snap-app-kvm-1-20240201', None, api='vpc_member', date=dated('02'))]

    assert [entry['private_image_no'] for entry in snapshot_expired(images, [target(kvm)], 'snap', 1)] == ['1']


def test_filters_are_registered():
    assert sorted(FilterModule().filters()) == ['snapshot_expired', 'snapshot_name', 'snapshot_outcome', 'snapshot_targets']
