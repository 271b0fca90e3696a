# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A local, stdlib-only emulator of the NCloud server APIs this collection uses (Classic and VPC)."""

from .emulator import Emulator
from .seed import default_seed, seed_images
from .state import DEFAULT_TIMINGS

__all__ = ['Emulator', 'DEFAULT_TIMINGS', 'default_seed', 'seed_images']
