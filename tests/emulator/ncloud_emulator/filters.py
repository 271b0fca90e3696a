# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""List-action helpers shared by the image and server actions: filters, then sort and page."""


def by_list(call, rows, param, getter, allowed=None, max_items=None):
    """Keep rows whose getter(row) is in the flattened list param (all rows when the list is absent)."""
    wanted = call.codes(param, allowed, max_items) if allowed else call.values(param)
    return [row for row in rows if getter(row) in wanted] if wanted else rows


def by_value(call, rows, param, getter, allowed=None):
    """Keep rows whose getter(row) equals param exactly (all rows when param is absent)."""
    wanted = call.choice(param, allowed) if allowed else call.get(param)
    return rows if wanted is None else [row for row in rows if getter(row) == wanted]


def listing(call, rows, list_key, payload, sort_keys, default_key, default_descending=True):
    """The response body of a list action: one sorted page plus totalRows (all matching rows)."""
    page, total = call.page(call.sort(rows, sort_keys, default_key, default_descending))
    return {'totalRows': total, list_key: [payload(row) for row in page]}


def single(list_key, payload, rows):
    """The response body of a create/delete/detail action: its records as a list."""
    return {'totalRows': len(rows), list_key: [payload(row) for row in rows]}


def number(row):
    return int(row['no'])


def name(row):
    return row['name']


def newest(row):
    return row['create_date'], int(row['no'])
