"""The wording of an officers' tests file's checks and of a failing case's differences.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_TESTS: Mapping[str, Mapping[Lang, str]] = {}
