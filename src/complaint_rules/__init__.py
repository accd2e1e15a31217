"""complaint_rules: institutions' complaint-handling rules as YAML policies, and decisions.

>>> from complaint_rules import Catalog, decide
>>> policy = Catalog().load("keyouqianqi_credit_union")
>>> decision = decide(policy, {"received_at": "2026-09-30T10:00:00+08:00",
...                            "channel": "letter", "category": "work_error"})
>>> decision.deadlines[0].due.isoformat()
'2026-10-10T23:59:59+08:00'
"""

from .catalog import Catalog
from .compiled import CompiledPolicy, compile_policy
from .decision import Decision
from .engine import decide
from .errors import (
    CalendarError,
    ComplaintError,
    ComplaintRulesError,
    PolicyError,
    Problem,
    UnpublishedCalendarError,
)
from .loader import load_policy, load_policy_text
from .model import Policy

__all__ = [
    "CalendarError",
    "Catalog",
    "CompiledPolicy",
    "ComplaintError",
    "ComplaintRulesError",
    "Decision",
    "Policy",
    "PolicyError",
    "Problem",
    "UnpublishedCalendarError",
    "compile_policy",
    "decide",
    "load_policy",
    "load_policy_text",
]

__version__ = "0.1.0"
