"""The wording of problems with an officer's words (labels, events, a base layer's terms).

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_WORDS: Mapping[str, Mapping[Lang, str]] = {}
