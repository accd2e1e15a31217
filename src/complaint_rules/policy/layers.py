"""Policy layers: a policy that ``extends`` another, overriding or adding to it.

The merge is by id and keeps order: the base's vocabulary, facts, parameters, rules and
conflicts come first; an entry of the extending policy with the same id replaces the base's in
place, a new one is appended; ``remove_rules`` drops inherited rules by id. The
classification table, time zone, level input and calendar settings the extending policy
sets replace the base's (holiday and workday lists are merged). Which layer each rule came
from is kept, and shown in every decision's trace.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from ..errors import Problem
from ..messages.catalogue import make_problem
from .model import CalendarSettings, Policy, Vocabulary

__all__ = ["merge", "overlay_days"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)
Path = tuple[str | int, ...]


def _by_id(base: Sequence[T], own: Sequence[T]) -> tuple[T, ...]:
    replaced = {item.id: item for item in own}
    merged = [replaced.pop(item.id, item) for item in base]
    return (*merged, *(item for item in own if item.id in replaced))


def merge(
    base: Policy, base_layers: dict[str, str], own: Policy
) -> tuple[Policy, dict[str, str], dict[Path, Path], list[Problem]]:
    """Flatten ``own`` over ``base``.

    Returns the merged policy, the layer (policy id) of each rule, a map from the merged
    policy's rule paths to ``own``'s (so errors point into the right file), and problems.
    """
    problems: list[Problem] = []
    set_fields = own.model_fields_set
    base_ids = [r.id for r in base.rules]
    for i, rule_id in enumerate(own.remove_rules):
        if rule_id not in base_ids:
            problems.append(
                make_problem(
                    "policy.remove_rules.unknown",
                    path=("remove_rules", i),
                    base=base.id,
                    id=repr(rule_id),
                )
            )
    kept = [r for r in base.rules if r.id not in own.remove_rules]
    rules = _by_id(kept, own.rules)
    own_index = {r.id: i for i, r in enumerate(own.rules)}
    layers = {
        r.id: (own.id if r.id in own_index else base_layers.get(r.id, base.id)) for r in rules
    }
    paths: dict[Path, Path] = {
        ("rules", i): ("rules", own_index[r.id]) for i, r in enumerate(rules) if r.id in own_index
    }
    vocab = Vocabulary(
        **{
            kind: _by_id(getattr(base.vocabulary, kind), getattr(own.vocabulary, kind))
            for kind in Vocabulary.model_fields
        }
    )
    for kind in Vocabulary.model_fields:
        merged = [t.id for t in getattr(vocab, kind)]
        for j, term in enumerate(getattr(own.vocabulary, kind)):
            paths[("vocabulary", kind, merged.index(term.id))] = ("vocabulary", kind, j)
    conflicts = _by_id(base.conflicts, own.conflicts)
    merged_conflicts = [c.id for c in conflicts]
    for j, conflict in enumerate(own.conflicts):
        paths[("conflicts", merged_conflicts.index(conflict.id))] = ("conflicts", j)
    calendar = _calendar(base.calendar, own.calendar, "calendar" in set_fields)
    fields: dict[str, Any] = {
        "schema": own.schema_,
        "id": own.id,
        "version": own.version,
        "effective_from": own.effective_from,
        "title": own.title,
        "institution": own.institution,
        "source": own.source,
        "language": own.language,
        "timezone": own.timezone if "timezone" in set_fields else base.timezone,
        "calendar": calendar,
        "level_input": own.level_input if "level_input" in set_fields else base.level_input,
        "level_deadlines": (
            own.level_deadlines if "level_deadlines" in set_fields else base.level_deadlines
        ),
        "vocabulary": vocab,
        "facts": _by_id(base.facts, own.facts),
        "parameters": _by_id(base.parameters, own.parameters),
        "classification": (
            own.classification if "classification" in set_fields else base.classification
        ),
        "abstract": own.abstract,
        "extends": own.extends,
        "rules": rules,
        "conflicts": conflicts,
        "periodic": _by_id(base.periodic, own.periodic),
        "defects": own.defects,
        "not_encoded": own.not_encoded,
    }
    return Policy.model_validate(fields), layers, paths, problems


def _calendar(base: CalendarSettings, own: CalendarSettings, given: bool) -> CalendarSettings:
    if not given:
        return base
    fields = {
        name: getattr(own if name in own.model_fields_set else base, name)
        for name in CalendarSettings.model_fields
    }
    fields["holidays"], fields["workdays"] = overlay_days(
        base.holidays, base.workdays, own.holidays, own.workdays
    )
    return CalendarSettings(**fields)


def overlay_days(
    holidays: Mapping[date, str],
    workdays: Mapping[date, str],
    own_holidays: Mapping[date, str],
    own_workdays: Mapping[date, str],
) -> tuple[dict[date, str], dict[date, str]]:
    """Lay one set of declared days over another: a day declared on top wins over the
    opposite declaration below it (a holiday made a workday, or the reverse)."""
    merged_holidays = {d: n for d, n in holidays.items() if d not in own_workdays}
    merged_workdays = {d: n for d, n in workdays.items() if d not in own_holidays}
    return {**merged_holidays, **own_holidays}, {**merged_workdays, **own_workdays}
