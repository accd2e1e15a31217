"""The wording of problems met by the service, the command line and the workbench.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_HOST: Mapping[str, Mapping[Lang, str]] = {}
