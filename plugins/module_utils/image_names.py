# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The API's rules for private image names and descriptions, checked before any request is sent.

Each check returns a message naming the rule broken, or None when the value is fine.
"""

import re

NAME_MIN = 3
NAME_MAX = 30
DESCRIPTION_MAX_BYTES = 1000

# image_api -> (what the rule is for, allowed characters as said to the user, allowed character class).
# 'vpc' is any VPC image before the server's hypervisor is known: the KVM set, which contains the XEN one.
_NAME_RULES = {
    'classic_member': ('a Classic member server image', None, None),
    'vpc_member': ('a VPC member server image (XEN server)', "lowercase letters, digits and '-'", 'a-z0-9-'),
    'vpc_server': ('a VPC server image (KVM server)', "lowercase letters, digits, '-' and '_'", 'a-z0-9_-'),
    'vpc': ('a VPC image', "lowercase letters, digits, '-' and (KVM servers only) '_'", 'a-z0-9_-'),
}


def name_problem(name, image_api):
    """Why `name` is not accepted for images of `image_api` (see _NAME_RULES), or None."""
    label, allowed_text, allowed_class = _NAME_RULES[image_api]
    prefix = "Image name '%s' is invalid for %s: " % (name, label)
    if not NAME_MIN <= len(name) <= NAME_MAX:
        return prefix + 'it must be %d to %d characters long (it has %d)' % (NAME_MIN, NAME_MAX, len(name))
    if allowed_class is None:
        return None
    others = sorted(set(re.sub('[%s]' % allowed_class, '', name)))
    if others:
        return prefix + 'it may contain only %s (found %s)' % (allowed_text, ', '.join(repr(c) for c in others))
    if not re.match('[a-z]', name):
        return prefix + 'it must start with a lowercase letter'
    if not re.search('[a-z0-9]$', name):
        return prefix + 'it must end with a lowercase letter or a digit'
    return None


def description_problem(description):
    """Why `description` is not accepted (the API counts UTF-8 bytes), or None."""
    size = len(description.encode('utf-8'))
    if size > DESCRIPTION_MAX_BYTES:
        return 'Image description is %d bytes long in UTF-8; the limit is %d bytes' % (size, DESCRIPTION_MAX_BYTES)
    return None
