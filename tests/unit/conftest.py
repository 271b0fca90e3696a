# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Puts the in-repo NCloud emulator (tests/emulator, not shipped) on sys.path for the HTTP client tests."""

import os
import sys

EMULATOR_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'emulator')
if EMULATOR_PATH not in sys.path:
    sys.path.insert(0, EMULATOR_PATH)
