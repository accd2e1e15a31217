"""The wording of the text forms of a decision, a case's status and the recurring duties.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_RENDER: Mapping[str, Mapping[Lang, str]] = {}
