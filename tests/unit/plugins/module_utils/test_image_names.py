# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The image name and description rules of each image API."""

import pytest

from ansible_collections.ncloud.compute.plugins.module_utils.image_names import description_problem, name_problem


@pytest.mark.parametrize('image_api, name', [
    ('vpc_member', 'web-2024-01'),
    ('vpc_member', 'abc'),
    ('vpc_member', 'a' * 30),
    ('vpc_server', 'web_2024-01'),
    ('vpc', 'web_2024'),
    ('classic_member', 'Any Name_Goes.Here'),
])
def test_accepted_names(image_api, name):
    assert name_problem(name, image_api) is None


@pytest.mark.parametrize('image_api, name, expected', [
    ('vpc_member', 'ab', 'must be 3 to 30 characters long (it has 2)'),
    ('vpc_member', 'a' * 31, 'must be 3 to 30 characters long (it has 31)'),
    ('classic_member', 'ab', 'must be 3 to 30 characters long (it has 2)'),
    ('vpc_member', 'Web-1', "may contain only lowercase letters, digits and '-' (found 'W')"),
    ('vpc_member', 'web_1', "may contain only lowercase letters, digits and '-' (found '_')"),
    ('vpc_server', 'web.1 x', "may contain only lowercase letters, digits, '-' and '_' (found ' ', '.')"),
    ('vpc_member', '1web', 'must start with a lowercase letter'),
    ('vpc_server', '_web', 'must start with a lowercase letter'),
    ('vpc_member', 'web-', 'must end with a lowercase letter or a digit'),
    ('vpc_server', 'web_', 'must end with a lowercase letter or a digit'),
    ('vpc', 'WEb', "may contain only lowercase letters, digits, '-' and (KVM servers only) '_' (found 'E', 'W')"),
])
def test_rejected_names_say_which_rule(image_api, name, expected):
    problem = name_problem(name, image_api)
    assert problem.startswith("Image name '%s' is invalid for " % name)
    assert problem.endswith(expected)


def test_rule_names_the_kind_of_image():
    assert 'XEN' in name_problem('web_1', 'vpc_member')
    assert 'KVM' in name_problem('Web', 'vpc_server')
    assert 'Classic' in name_problem('ab', 'classic_member')


def test_description_limit_counts_utf8_bytes():
    assert description_problem('') is None
    assert description_problem('x' * 1000) is None
    assert description_problem('가' * 333) is None  # 999 bytes
    assert description_problem('가' * 334) == 'Image description is 1002 bytes long in UTF-8; the limit is 1000 bytes'
