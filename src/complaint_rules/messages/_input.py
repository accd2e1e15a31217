"""The wording of problems with a complaint, a history or a case.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_INPUT: Mapping[str, Mapping[Lang, str]] = {}
