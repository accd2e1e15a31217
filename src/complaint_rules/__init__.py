"""complaint_rules: institutions' complaint-handling rules as YAML policies, and decisions.

>>> from complaint_rules import Catalog, decide
>>> policy = Catalog().load("keyouqianqi_credit_union")
>>> decision = decide(policy, {"received_at": "2026-09-30T10:00:00+08:00",
...                            "channel": "letter", "category": "work_error"})
>>> due = decision.deadlines[0].due
>>> due.last_day.isoformat(), due.late_from.isoformat()
('2026-10-10', '2026-10-11T00:00:00+08:00')

The public names are imported on first use (PEP 562), so ``import complaint_rules`` costs
almost nothing and a host pays for pydantic, PyYAML and ``holidays`` only when it uses them.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:
    from .decision.batch import decide_many
    from .decision.engine import decide, decide_json
    from .decision.model import Decision
    from .decision.periodic import periodic_duties
    from .errors import (
        CalendarError,
        ComplaintError,
        ComplaintRulesError,
        PolicyError,
        Problem,
        UnpublishedCalendarError,
    )
    from .explanation.explain import Explanation, explain
    from .lifecycle.case import Case, EventRejected, status
    from .lifecycle.status import CaseStatus
    from .policy.catalog import Catalog
    from .policy.compiled import CompiledPolicy, compile_policy
    from .policy.loader import load_policy, load_policy_text
    from .policy.model import Policy

_WHERE = {
    "CalendarError": "errors",
    "Case": "lifecycle.case",
    "CaseStatus": "lifecycle.status",
    "EventRejected": "lifecycle.case",
    "Explanation": "explanation.explain",
    "decide_many": "decision.batch",
    "explain": "explanation.explain",
    "status": "lifecycle.case",
    "Catalog": "policy.catalog",
    "CompiledPolicy": "policy.compiled",
    "ComplaintError": "errors",
    "ComplaintRulesError": "errors",
    "Decision": "decision.model",
    "Policy": "policy.model",
    "PolicyError": "errors",
    "Problem": "errors",
    "UnpublishedCalendarError": "errors",
    "compile_policy": "policy.compiled",
    "decide": "decision.engine",
    "decide_json": "decision.engine",
    "load_policy": "policy.loader",
    "load_policy_text": "policy.loader",
    "periodic_duties": "decision.periodic",
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
    "periodic_duties",
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
