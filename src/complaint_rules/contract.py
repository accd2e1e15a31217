"""The versions of the JSON this library writes for machines (its contract).

Every decision, status and problem document carries one of these as ``"schema"``, its
first key; the JSON Schemas (``complaint-rules schema``) name it too. The number at the
end is raised on any incompatible change (a field removed, renamed or given another
meaning); adding a field is compatible. ``COMPLAINT`` names the complaint input's shape.
"""

from __future__ import annotations

from typing import Final

__all__ = ["COMPLAINT", "DECISION", "PROBLEM", "STATUS"]

DECISION: Final = "complaint-rules/decision/1"
STATUS: Final = "complaint-rules/status/1"
PROBLEM: Final = "complaint-rules/problem/1"
COMPLAINT: Final = "complaint-rules/complaint/1"
