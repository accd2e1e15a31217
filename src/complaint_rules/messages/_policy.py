"""The wording of problems with a policy file, its catalog, signatures and layers.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_POLICY: Mapping[str, Mapping[Lang, str]] = {}
