"""The wording of ``lint``'s findings.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_LINT: Mapping[str, Mapping[Lang, str]] = {}
