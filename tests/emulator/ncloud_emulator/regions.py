# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Regions and zones as getRegionList and the records show them."""

# (regionNo, regionCode, regionName) on the Classic API.
CLASSIC_REGIONS = [
    ('1', 'KR', 'Korea'),
    ('2', 'USWN', 'US West(New)'),
    ('3', 'HK', 'HongKong'),
    ('5', 'SGN', 'Singapore(New)'),
    ('6', 'JPN', 'Japan(New)'),
    ('7', 'DEN', 'Germany(New)'),
]

# (regionCode, regionName) on the VPC API; FKR is the financial site's region.
VPC_REGIONS = [
    ('KR', 'Korea'),
    ('FKR', 'Korea(Financial)'),
    ('SGN', 'Singapore'),
    ('JPN', 'Japan'),
    ('USWN', 'US West'),
    ('DEN', 'Germany'),
]

# Classic zone objects by zone code.
CLASSIC_ZONES = {
    'KR-1': {'zoneNo': '2', 'zoneName': 'KR-1', 'zoneCode': 'KR-1', 'zoneDescription': '가산 NANG zone', 'regionNo': '1'},
    'KR-2': {'zoneNo': '3', 'zoneName': 'KR-2', 'zoneCode': 'KR-2', 'zoneDescription': '평촌 zone', 'regionNo': '1'},
}


def classic_region(region_code):
    """The Classic region object for a region code."""
    for number, code, name in CLASSIC_REGIONS:
        if code == region_code:
            return {'regionNo': number, 'regionCode': code, 'regionName': name}
    return None


def classic_region_code(region_no):
    for number, code, dummy in CLASSIC_REGIONS:
        if number == region_no:
            return code
    return None
