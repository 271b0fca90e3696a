# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One API call's parameters, with the validation rules NCloud applies to them."""

import re

from .errors import invalid
from .regions import VPC_REGIONS, classic_region_code

SORTING_ORDERS = {'classic': ('ascending', 'descending'), 'vpc': ('asc', 'desc')}
MAX_PAGE_SIZE = 1000
MAX_DESCRIPTION_BYTES = 1000


class Call:
    """The parameters of one request (flattened names as sent) plus the platform it came in on."""

    def __init__(self, platform, action, params, now, take_image_failure=None):
        self.platform = platform
        self.action = action
        self.params = params
        self.now = now
        # Called once an image is about to be created: True when an 'image-fail' fault says it must fail.
        self.take_image_failure = take_image_failure or (lambda: False)

    def get(self, name, default=None):
        value = self.params.get(name)
        return default if value in (None, '') else value

    def require(self, name):
        value = self.get(name)
        if value is None:
            raise invalid('%s is required.' % name)
        return value

    def values(self, name):
        """A flattened list name.1, name.2 ... in index order."""
        pattern = re.compile(re.escape(name) + r'\.(\d+)$')
        indexed = []
        for key, value in self.params.items():
            match = pattern.match(key)
            if match and value != '':
                indexed.append((int(match.group(1)), value))
        return [value for dummy, value in sorted(indexed)]

    def records(self, name):
        """A flattened list of structures name.N.field in index order, as dicts."""
        pattern = re.compile(re.escape(name) + r'\.(\d+)\.(\w+)$')
        by_index = {}
        for key, value in self.params.items():
            match = pattern.match(key)
            if match:
                by_index.setdefault(int(match.group(1)), {})[match.group(2)] = value
        return [by_index[index] for index in sorted(by_index)]

    def integer(self, name, low, high, default=None):
        value = self.get(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise invalid('%s must be an integer.' % name) from None
        if not low <= number <= high:
            raise invalid('%s must be between %d and %d.' % (name, low, high))
        return number

    def codes(self, name, allowed, max_items=None):
        values = self.values(name)
        for value in values:
            if value not in allowed:
                raise invalid('%s has an unknown code %r.' % (name, value))
        if max_items and len(values) > max_items:
            raise invalid('%s takes at most %d items.' % (name, max_items))
        return values

    def choice(self, name, allowed):
        value = self.get(name)
        if value is not None and value not in allowed:
            raise invalid('%s must be one of %s.' % (name, ', '.join(allowed)))
        return value

    def region(self):
        """The region code the call is about (KR when absent)."""
        if self.platform == 'classic':
            region_no = self.get('regionNo')
            code = classic_region_code(region_no) if region_no else 'KR'
            if code is None:
                raise invalid('regionNo %s does not exist.' % region_no)
            return code
        code = self.get('regionCode', 'KR')
        if code not in [known for known, dummy in VPC_REGIONS]:
            raise invalid('regionCode %s does not exist.' % code)
        return code

    def description(self, name):
        value = self.params.get(name, '')
        if len(value.encode('utf-8')) > MAX_DESCRIPTION_BYTES:
            raise invalid('%s is longer than %d bytes.' % (name, MAX_DESCRIPTION_BYTES))
        return value

    def sort(self, rows, sort_keys, default_key, default_descending=True):
        """Sort by sortedBy (one of sort_keys) and sortingOrder, else by default_key."""
        sorted_by = self.choice('sortedBy', sorted(sort_keys))
        order = self.get('sortingOrder')
        if order is not None and order.lower() not in SORTING_ORDERS[self.platform]:
            raise invalid('sortingOrder must be one of %s.' % ', '.join(SORTING_ORDERS[self.platform]))
        if sorted_by is None:
            return sorted(rows, key=default_key, reverse=default_descending)
        descending = order is not None and order.lower().startswith('desc')
        return sorted(rows, key=sort_keys[sorted_by], reverse=descending)

    def page(self, rows):
        """(rows of the requested page, total rows); VPC needs pageSize whenever pageNo is given."""
        page_size = self.integer('pageSize', 1, MAX_PAGE_SIZE)
        page_no = self.integer('pageNo', 0, 10 ** 9, default=1)
        if self.platform == 'vpc' and self.get('pageNo') is not None and page_size is None:
            raise invalid('pageSize is required with pageNo.')
        if page_size is None:
            return rows, len(rows)
        start = (max(page_no, 1) - 1) * page_size
        return rows[start:start + page_size], len(rows)


def check_name(name, field, pattern, rule):
    """Raise the invalid-parameter error unless name matches the API's rule for field."""
    if not re.fullmatch(pattern, name):
        raise invalid('%s %r: %s' % (field, name, rule))
    return name


CLASSIC_IMAGE_NAME = (r'.{3,30}', '3 to 30 characters.')
VPC_MEMBER_IMAGE_NAME = (r'[a-z][a-z0-9-]{1,28}[a-z0-9]',
                         '3 to 30 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit.')
SERVER_IMAGE_NAME = (r'[a-z][a-z0-9_-]{1,28}[a-z0-9]',
                     '3 to 30 lowercase letters, digits, "-" and "_", starting with a letter and ending with a letter or digit.')
