"""complaint_rules: institutions' complaint-handling rules as YAML policies, and decisions.

>>> from complaint_rules import Catalog, decide
>>> policy = Catalog().load("keyouqianqi_credit_union")
>>> decision = decide(policy, {"received_at": "2026-09-30T10:00:00+08:00",
...                            "channel": "letter", "category": "work_error"})
>>> decision.deadlines[0].due.isoformat()
'2026-10-10T23:59:59+08:00'

The public names are imported on first use (PEP 562), so ``import complaint_rules`` costs
almost nothing and a host pays for pydantic, PyYAML and ``holidays`` only when it uses them.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:
    from .batch import decide_many
    from .casestatus import CaseStatus
    from .catalog import Catalog
    from .compiled import CompiledPolicy, compile_policy
    from .decision import Decision
    from .engine import decide, decide_json
    from .errors import (
        CalendarError,
        ComplaintError,
        ComplaintRulesError,
        PolicyError,
        Problem,
        UnpublishedCalendarError,
    )
    from .explanation import Explanation, explain
    from .lifecycle import Case, EventRejected, status
    from .loader import load_policy, load_policy_text
    from .model import Policy

_WHERE = {
    "CalendarError": "errors",
    "Case": "lifecycle",
    "CaseStatus": "casestatus",
    "EventRejected": "lifecycle",
    "Explanation": "explanation",
    "decide_many": "batch",
    "explain": "explanation",
    "status": "lifecycle",
    "Catalog": "catalog",
    "CompiledPolicy": "compiled",
    "ComplaintError": "errors",
    "ComplaintRulesError": "errors",
    "Decision": "decision",
    "Policy": "model",
    "PolicyError": "errors",
    "Problem": "errors",
    "UnpublishedCalendarError": "errors",
    "compile_policy": "compiled",
    "decide": "engine",
    "decide_json": "engine",
    "load_policy": "loader",
    "load_policy_text": "loader",
}

__all__ = [
    "CalendarError",
    "Case",
    "CaseStatus",
    "Catalog",
    "CompiledPolicy",
    "ComplaintError",
    "ComplaintRulesError",
    "Decision",
    "EventRejected",
    "Explanation",
    "Policy",
    "PolicyError",
    "Problem",
    "UnpublishedCalendarError",
    "compile_policy",
    "decide",
    "decide_json",
    "decide_many",
    "explain",
    "load_policy",
    "load_policy_text",
    "status",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> _Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
