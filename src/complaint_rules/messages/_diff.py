"""The wording of ``diff``'s and ``impact``'s change lines and ``test``'s coverage rows.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_DIFF: Mapping[str, Mapping[Lang, str]] = {}
