"""Valid policy documents, drawn from the policy model itself.

The choices (duties, units, penalty kinds, report frequencies, gap topics, fact and
parameter types, level settings) are read from the model's ``Literal`` annotations and the
id pattern from its constraints, so a value the model gains is drawn without a change
here. References are drawn from what the document declares: roles, channels, categories,
levels, findings, sanctions, events, facts of the right type, declared deadlines,
escalation steps that only point forward (chains end), ranges with min <= max; "any one
of" (``or_roles``, ``by_any``, ``to_any``) only over two or more roles, and declared
conflicts of duties no single rule contradicts. Every
document is validated by :class:`~complaint_rules.policy.model.Policy`; a test loads them all,
so any check the loader gains that this strategy does not respect fails that test.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar

from ..policy.compiled import conflicting
from ..policy.model import (
    ELEMENT_KINDS,
    Assignment,
    CalendarSettings,
    Conflict,
    Fact,
    Gap,
    NotEncoded,
    Parameter,
    Penalty,
    Period,
    Policy,
    Report,
    Rule,
    Term,
)
from ..policy.to_yaml import dump_policy
from ..policy.vocabulary import normalise
from ._hypothesis import st

__all__ = ["policies"]

Data = dict[str, Any]
T = TypeVar("T")


def _literals(model: type[Any], field: str) -> tuple[Any, ...]:
    """The values a ``Literal`` field of ``model`` allows (``None`` aside)."""
    found: list[Any] = []

    def walk(tp: Any) -> None:
        if typing.get_origin(tp) is Literal:
            found.extend(typing.get_args(tp))
        else:
            for arg in typing.get_args(tp):
                walk(arg)

    walk(model.model_fields[field].annotation)
    return tuple(found)


def _pattern(model: type[Any], field: str) -> str:
    for item in model.model_fields[field].metadata:
        pattern = getattr(item, "pattern", None)
        if pattern:
            return str(pattern)
    raise LookupError(f"{model.__name__}.{field} has no pattern")


DUTIES = _literals(Assignment, "duty")
UNITS = tuple(Period.model_fields)
FACT_TYPES = _literals(Fact, "type")
PARAMETER_TYPES = _literals(Parameter, "type")
PENALTY_KINDS = _literals(Penalty, "kind")
PER = _literals(Penalty, "per")
FREQUENCIES = _literals(Report, "frequency")
GAP_TOPICS = _literals(Gap, "about")
VERIFICATION = _literals(Rule, "verification")
NOT_ENCODED_VERIFICATION = _literals(NotEncoded, "verification")
LEVEL_INPUT = _literals(Policy, "level_input")
LEVEL_DEADLINES = _literals(Policy, "level_deadlines")
SCHEMA = _literals(Policy, "schema_")[0]
LANGUAGES = _literals(Policy, "language")
COUNTRIES = _literals(CalendarSettings, "country")

NOT_DRAWN = frozenset({"extends", "remove_rules", "lifecycle"})
"""Policy fields :func:`policies` leaves out: layers need a base to extend, and a case's
lifecycle is drawn by the lifecycle's own strategy. A test fails if the model gains a
field that is neither drawn nor listed here."""

# Names a fact may not take: complaint fields (the loader refuses them) and condition
# keywords (a condition on them would name the keyword, not the fact).
_NOT_FACTS = frozenset(
    {"received", "deadline_missed", "received_at", "channel", "category", "level", "findings"}
    | {"id", "complainant", "text", "finding", "all", "any", "not"}
)
_ZONES = ("Asia/Shanghai", "UTC", "Asia/Taipei", "Europe/London", "America/New_York")
_TRICKY = (
    "yes", "no", "on", "true", "False", "null", "~", "123", "09", "0x1F", "1.5", ".5", "1e3",
    "2026-01-01", "17:30:00", "- item", "a: b", "#x", "x #y", "[a]", "{a: b}", "&a", "*a",
    "!x", "%x", "@x", "`x", "'q'", '"q"', " lead", "trail ", "two\nlines", "tab\tx",
    "全角ＡＢＣ１２", "第十一條", "投訴 處理", "…", "😀", "a\\b", "---", "...", "? k",
)  # fmt: skip
_WORDS = ("投訴", "受理", "處理", "回復", "部門", "櫃面", "客戶", "經理", "工作日", "賠償")


def _ids(pattern: str) -> st.SearchStrategy[str]:
    """Short ids of the model's id pattern (checked here, validated by the model)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    rest = letters + "0123456789_"
    if not all(re.fullmatch(pattern, c + rest) for c in letters):
        raise LookupError(f"the id pattern {pattern!r} changed: update complaint_rules.testing")
    return st.builds(str.__add__, st.sampled_from(letters), st.text(rest, max_size=8))


IDS = _ids(_pattern(Term, "id"))
_CHARS = "投訴處理回復部門櫃面客戶經理ａＡ１aZ09 _-:#&*!%@`'\"\t\n,.[]{}|>?~…😀"
TEXT = st.one_of(
    st.sampled_from(_WORDS + _TRICKY),
    st.text(_CHARS, min_size=1, max_size=12).filter(lambda s: s.strip() != ""),
)
YUAN = st.one_of(
    st.integers(min_value=0, max_value=100_000),
    st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False).map(str),
)


def _int(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(st.integers(min_value=low, max_value=high))  # cached by hypothesis


def _coin(draw: st.DrawFn) -> bool:
    return draw(st.booleans())


def _pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options`` (shrinks to the first)."""
    return options[_int(draw, 0, len(options) - 1)]


def _maybe(draw: st.DrawFn, data: Data, key: str, value: Callable[[], Any]) -> None:
    """Set ``data[key]`` to ``value()``, or leave it out (what it shrinks to)."""
    if _coin(draw):
        data[key] = value()


def _subset(draw: st.DrawFn, ids: Sequence[str], low: int = 0, high: int = 2) -> list[str]:
    """``low`` to ``high`` distinct ids, in the order drawn."""
    left = list(ids)
    out = []
    for _ in range(_int(draw, min(low, len(left)), min(high, len(left)))):
        out.append(left.pop(_int(draw, 0, len(left) - 1)))
    return out


def _fresh(
    draw: st.DrawFn, strategy: st.SearchStrategy[str], used: set[str], key: Callable[[str], str]
) -> str:
    """A drawn value whose ``key`` is not in ``used`` (a numbered suffix makes it so)."""
    value = draw(strategy)
    base, n = value, 1
    while key(value) == "" or key(value) in used:
        value, n = f"{base}{n}", n + 1
    used.add(key(value))
    return value


def _text(draw: st.DrawFn) -> str:
    return draw(TEXT)


def _same(value: str) -> str:
    return value


def _terms(draw: st.DrawFn, low: int, high: int, taken: set[str] | None = None) -> list[Data]:
    """Terms with unique ids (not in ``taken``) and, normalised, unique spellings."""
    ids_used = set() if taken is None else taken
    ids = [_fresh(draw, IDS, ids_used, _same) for _ in range(_int(draw, low, high))]
    used = {normalise(i) for i in ids}
    out = []
    for term_id in ids:
        term: Data = {"id": term_id, "label": _fresh(draw, TEXT, used, normalise)}
        aliases = [_fresh(draw, TEXT, used, normalise) for _ in range(_int(draw, 0, 2))]
        if aliases:
            term["aliases"] = aliases
        _maybe(draw, term, "description", lambda: _text(draw))
        _maybe(draw, term, "article", lambda: _text(draw))
        out.append(term)
    return out


class _Draft:
    """What has been declared so far, for drawing references to it."""

    def __init__(self, vocab: Data, facts: list[Data], parameters: list[Data]) -> None:
        def ids(kind: str) -> list[str]:
            return [t["id"] for t in vocab.get(kind, [])]

        self.roles = ids("roles")
        self.channels = ids("channels")
        self.categories = ids("categories")
        self.levels = ids("levels")
        self.findings = ids("findings")
        self.sanctions = ids("sanctions")
        self.events = ids("events")
        self.facts = {f["id"]: f["type"] for f in facts}
        self.money = [p["id"] for p in parameters if p["type"] == "money"]
        counted = [f for f in facts if f.get("minimum", -1) >= 0]
        self.amounts = [f["id"] for f in counted if f["type"] in ("int", "decimal")]
        """Number facts that can hold an amount in yuan (they have a minimum of 0 or more)."""
        self.counts = [f["id"] for f in counted if f["type"] == "int"]
        """Int facts that can hold a number of persons."""

    def facts_of(self, *types: str) -> list[str]:
        return [f for f, t in self.facts.items() if t in types]


def _vocab_part(draw: st.DrawFn, key: str, ids: list[str], ops: tuple[str, ...]) -> Any:
    chosen = _subset(draw, ids, 1)
    form = _pick(draw, ("list", "one", *ops))
    if form == "list":
        return chosen
    if form == "one":
        return chosen[0]
    if form in ("at_least", "at_most"):
        return {form: chosen[0]}
    return {form: chosen}


def _fact_part(draw: st.DrawFn, kind: str) -> Any:
    if kind == "datetime" or _int(draw, 0, 4) == 0:
        return {"given": _coin(draw)}
    if kind == "bool":
        value = _coin(draw)
        form = _pick(draw, ("plain", "eq", "ne"))
        return value if form == "plain" else {form: value}
    op = _pick(draw, ("eq", "ne", "gt", "gte", "lt", "lte"))
    number = _int(draw, 0, 50)
    if kind == "decimal" and _coin(draw):
        return {op: f"{number}.50"}
    return {op: number}


def _condition(draw: st.DrawFn, d: _Draft, depth: int = 0, levels: bool = True) -> Data:
    keys: list[str] = ["channel", "category"]
    if d.levels and levels:
        keys.append("level")
    if d.findings:
        keys.append("finding")
    keys += list(d.facts)
    if depth < 2:
        keys += ["any", "all", "not"]
    chosen = _subset(draw, keys, 1)
    cond: Data = {}
    for key in chosen:
        if key in ("any", "all"):
            cond[key] = [_condition(draw, d, depth + 1, levels) for _ in range(_int(draw, 1, 2))]
        elif key == "not":
            cond[key] = _condition(draw, d, depth + 1, levels)
        elif key == "channel":
            cond[key] = _vocab_part(draw, key, d.channels, ("in", "not_in"))
        elif key == "category":
            cond[key] = _vocab_part(draw, key, d.categories, ("in", "not_in"))
        elif key == "level":
            cond[key] = _vocab_part(draw, key, d.levels, ("in", "not_in", "at_least", "at_most"))
        elif key == "finding":
            cond[key] = _vocab_part(draw, key, d.findings, ("in", "not_in"))
        else:
            cond[key] = _fact_part(draw, d.facts[key])
    return cond


def _amount(draw: st.DrawFn, low: int, high: int) -> Any:
    first = _int(draw, low, high)
    if _coin(draw):
        return first
    return {"min": first, "max": first + _int(draw, 0, high)}


def _period(draw: st.DrawFn) -> Data:
    unit = _pick(draw, UNITS)
    if unit == "end_of_month":
        return {unit: True}
    if unit in ("minutes", "hours"):
        return {unit: _amount(draw, 0, 600)}
    return {unit: _amount(draw, 1, 40)}


def _either(draw: st.DrawFn, element: Data, key: str) -> None:
    """Sometimes ``{key}_any`` (any one of the roles in ``key``), where it names two or more."""
    if len(element.get(key, ())) > 1:
        _maybe(draw, element, f"{key}_any", lambda: _coin(draw))


def _money(draw: st.DrawFn, d: _Draft, facts: bool = False) -> Data:
    if d.money and _coin(draw):
        return {"parameter": _pick(draw, d.money)}
    if facts and d.amounts and _int(draw, 0, 3) == 0:
        return {"fact": _pick(draw, d.amounts)}
    low, more = draw(YUAN), draw(YUAN)
    if isinstance(low, int) and isinstance(more, int):
        return {"min": low, "max": low + more}
    return {"min": low, "max": str(Decimal(low) + Decimal(more))}


def _element(draw: st.DrawFn, ids: set[str]) -> Data:
    element: Data = {"id": _fresh(draw, IDS, ids, _same), "label": _text(draw)}
    _maybe(draw, element, "article", lambda: _text(draw))
    _maybe(draw, element, "note", lambda: _text(draw))
    return element


def _deadline(draw: st.DrawFn, d: _Draft, ids: set[str]) -> Data:
    deadline = _element(draw, ids)
    times = d.facts_of("datetime")
    if times and _int(draw, 0, 3) == 0:
        deadline["until"] = _subset(draw, times, 1, 2)
    else:
        deadline["within"] = _period(draw)
        if times and _coin(draw):
            deadline["starts"] = _pick(draw, ["received", *times])
    if d.roles and _coin(draw):
        deadline["by"] = _subset(draw, d.roles, 1)
    return deadline


def _rule_body(
    draw: st.DrawFn,
    d: _Draft,
    rule: Data,
    deadlines: list[str],
    steps: list[str],
    index: int,
    taken: dict[str, set[str]],
) -> None:
    """Fill ``rule`` with every kind of element. ``steps`` are all escalation ids in order;
    ``taken`` the element ids used so far, by kind (unique across the policy)."""
    if _coin(draw):
        routing = []
        for _ in range(_int(draw, 1, 2)):
            holders = _subset(draw, d.roles, 1, 3)
            assignment: Data = {"duty": _pick(draw, DUTIES), "role": holders[0]}
            if len(holders) > 1:
                assignment["or_roles"] = holders[1:]
            routing.append(assignment)
        rule["routing"] = routing
    if _coin(draw):
        action = _element(draw, taken["actions"])
        if d.events and _coin(draw):
            action["on"] = _pick(draw, d.events)
        action["by"] = _subset(draw, d.roles)
        _either(draw, action, "by")
        if _coin(draw):
            action["to"] = _subset(draw, d.roles, 1)
            _either(draw, action, "to")
        if deadlines and _coin(draw):
            action["deadline"] = _pick(draw, deadlines)
        _maybe(draw, action, "discretionary", lambda: _coin(draw))
        rule["actions"] = [action]
    escalations = []
    for step in (s for s in steps if s.startswith(f"e{index}_")):
        esc: Data = {"id": step, "label": _text(draw)}
        triggers = ["received", *(["deadline_missed"] if deadlines else []), *d.events]
        esc["on"] = _pick(draw, triggers)
        if esc["on"] == "deadline_missed":
            esc["deadline"] = _pick(draw, deadlines)
        esc["by"] = _subset(draw, d.roles)
        _either(draw, esc, "by")
        esc["to"] = _subset(draw, d.roles, 1)
        _either(draw, esc, "to")
        later = steps[steps.index(step) + 1 :]
        if later and _coin(draw):
            esc["next"] = _pick(draw, later)  # only forward: every chain ends
        _maybe(draw, esc, "discretionary", lambda: _coin(draw))
        escalations.append(esc)
    if escalations:
        rule["escalations"] = escalations
    if _coin(draw):
        report = _element(draw, taken["reports"])
        if _coin(draw):
            report["by"] = _subset(draw, d.roles, 1)
            _either(draw, report, "by")
        report["to"] = _subset(draw, d.roles, 1)
        _either(draw, report, "to")
        if _coin(draw):
            report["due"] = _period(draw)
            times = d.facts_of("datetime")
            if times and _coin(draw):
                report["starts"] = _pick(draw, ["received", *times])
        _maybe(draw, report, "frequency", lambda: _pick(draw, FREQUENCIES))
        _maybe(draw, report, "discretionary", lambda: _coin(draw))
        rule["reports"] = [report]
    if _coin(draw):
        keep = _element(draw, taken["retention"])
        keep["keeper"] = _subset(draw, d.roles)
        _maybe(draw, keep, "years", lambda: _int(draw, 1, 30))
        _maybe(draw, keep, "at_least", lambda: _coin(draw))
        rule["retention"] = [keep]
    if d.findings and _coin(draw):
        penalty = _element(draw, taken["penalties"])
        penalty["finding"] = _pick(draw, d.findings)
        penalty["subjects"] = _subset(draw, d.roles, 1)
        penalty["kind"] = _pick(draw, PENALTY_KINDS)
        if penalty["kind"] in ("fine", "pay_deduction") or _coin(draw):
            penalty["amount_yuan"] = _money(draw, d, facts=True)
        _maybe(draw, penalty, "per", lambda: _pick(draw, PER))
        if d.counts and _coin(draw):
            penalty["headcount"] = _pick(draw, d.counts)
        if d.sanctions and _coin(draw):
            item: Data = {"sanction": _pick(draw, d.sanctions)}
            if _coin(draw):
                item["when"] = _condition(draw, d, 1)
                _maybe(draw, item, "condition_text", lambda: _text(draw))
            penalty["sanctions"] = [item]
        rule["penalties"] = [penalty]
    numbers = d.facts_of("int", "decimal")
    if numbers and _coin(draw):
        approval = _element(draw, taken["approvals"])
        approval["amount_fact"] = _pick(draw, numbers)
        tiers = []
        for _ in range(_int(draw, 1, 2)):
            tier: Data = {"role": _pick(draw, d.roles), "limit_yuan": _money(draw, d)}
            if d.amounts and _coin(draw):
                tier["earlier_total"] = _pick(draw, d.amounts)
            tiers.append(tier)
        approval["tiers"] = tiers
        approval["above"] = _subset(draw, d.roles, 1)
        rule["approvals"] = [approval]
    if _coin(draw):
        gap: Data = {"about": _pick(draw, GAP_TOPICS), "text": _text(draw)}
        _maybe(draw, gap, "article", lambda: _text(draw))
        rule["gaps"] = [gap]


def _conflicts(draw: st.DrawFn, d: _Draft, rules: list[Data]) -> list[Data]:
    """Declared conflicts of duties: an exclusive duty, or two or more roles that cannot
    hold one together; those no single rule contradicts (which the loader refuses)."""
    out = []
    ids: set[str] = set()
    for _ in range(_int(draw, 1, 2)):
        conflict: Data = {"id": _fresh(draw, IDS, ids, _same), "duty": _pick(draw, DUTIES)}
        if len(d.roles) > 1 and _coin(draw):
            conflict["roles"] = _subset(draw, d.roles, 2, 3)
        conflict["article"] = _text(draw)
        conflict["text"] = _text(draw)
        model = Conflict.model_validate(conflict)
        routings = (
            [Assignment.model_validate(a) for a in rule.get("routing", ())] for rule in rules
        )
        if not any(conflicting(model, routing) for routing in routings):
            out.append(conflict)
    return out


def _periodic(draw: st.DrawFn, d: _Draft) -> list[Data]:
    """The institution's recurring duties: every month, quarter or year, due at the
    period's end, on a day of its last month, or undated."""
    out = []
    ids: set[str] = set()
    for _ in range(_int(draw, 1, 2)):
        duty: Data = {
            "id": _fresh(draw, IDS, ids, _same),
            "label": _text(draw),
            "article": _text(draw),
            "every": _pick(draw, ("month", "quarter", "year")),
        }
        how = _int(draw, 0, 2)
        if how == 1:
            duty["due"] = "end_of_period"
        elif how == 2:
            duty["due_day"] = _int(draw, 1, 28)
        if d.roles and _coin(draw):
            duty["by"] = _subset(draw, d.roles, 1, 2)
        if d.roles and _coin(draw):
            duty["to"] = _subset(draw, d.roles, 1, 2)
        out.append(duty)
    return out


def _days(draw: st.DrawFn) -> dict[date, str]:
    first, last = date(2000, 1, 1).toordinal(), date(2035, 12, 31).toordinal()
    count = _int(draw, 0, 3)
    return {date.fromordinal(_int(draw, first, last)): _text(draw) for _ in range(count)}


def _calendar(draw: st.DrawFn) -> Data:
    """Calendar settings: a few days off or on between 2000 and 2035, the conventions."""
    calendar: Data = {}
    _maybe(draw, calendar, "country", lambda: _pick(draw, COUNTRIES))
    off = _days(draw)
    on = {day: name for day, name in _days(draw).items() if day not in off}
    if off:
        calendar["holidays"] = off
    if on:
        calendar["workdays"] = on
    _maybe(draw, calendar, "exclude_start_day", lambda: _coin(draw))
    _maybe(draw, calendar, "roll_to_working_day", lambda: _coin(draw))
    if _coin(draw):
        h, m, s = _int(draw, 0, 23), _int(draw, 0, 59), _int(draw, 0, 59)
        calendar["day_ends_at"] = f"{h:02d}:{m:02d}:{s:02d}" if _coin(draw) else "24:00:00"
    return calendar


@st.composite
def policy_data(draw: st.DrawFn) -> Data:
    """A policy document as data (what reading its YAML gives)."""
    data: Data = {
        "schema": SCHEMA,
        "id": draw(IDS),
        "version": _text(draw),
        "title": _text(draw),
        "institution": _text(draw),
        "source": _text(draw),
    }
    first, last = date(2000, 1, 1).toordinal(), date(2035, 12, 31).toordinal()
    _maybe(draw, data, "effective_from", lambda: date.fromordinal(_int(draw, first, last)))
    _maybe(draw, data, "language", lambda: _pick(draw, LANGUAGES))
    _maybe(draw, data, "timezone", lambda: _pick(draw, _ZONES))
    if _coin(draw):
        data["calendar"] = _calendar(draw)
    vocab: Data = {"roles": _terms(draw, 1, 3)}
    for i in range(1, len(vocab["roles"])):
        if _coin(draw):
            vocab["roles"][i]["reports_to"] = vocab["roles"][_int(draw, 0, i - 1)]["id"]
    vocab["channels"] = _terms(draw, 1, 3)
    vocab["categories"] = _terms(draw, 1, 3)
    for kind, high in (("levels", 3), ("findings", 2), ("sanctions", 2), ("events", 2)):
        terms = _terms(draw, 0, high)
        if terms:
            vocab[kind] = terms
    data["vocabulary"] = vocab
    fact_ids = set(_NOT_FACTS)
    facts = _terms(draw, 0, 3, taken=fact_ids)
    for fact in facts:
        fact["type"] = _pick(draw, FACT_TYPES)
        if fact["type"] == "bool" and _coin(draw):
            fact["default"] = _coin(draw)
        if fact["type"] in ("int", "decimal") and _coin(draw):
            fact["minimum"] = _int(draw, 0, 5)
    if facts:
        data["facts"] = facts
    parameters = _terms(draw, 0, 2)
    for param in parameters:
        param["type"] = _pick(draw, PARAMETER_TYPES)
        _maybe(draw, param, "value", lambda: draw(YUAN))
    if parameters:
        data["parameters"] = parameters
    d = _Draft(vocab, facts, parameters)
    if d.levels:
        _maybe(draw, data, "level_deadlines", lambda: _pick(draw, LEVEL_DEADLINES))
        if _coin(draw):
            rows = [
                {
                    "id": f"row_{i}",
                    "article": _text(draw),
                    "when": _condition(draw, d, levels=False),
                    "level": _pick(draw, d.levels),
                }
                for i in range(_int(draw, 1, 3))
            ]
            table: Data = {"rows": rows}
            _maybe(draw, table, "default", lambda: _pick(draw, d.levels))
            _maybe(draw, table, "unclassified_gap", lambda: _text(draw))
            data["classification"] = table
            _maybe(draw, data, "level_input", lambda: "forbidden")
        else:
            _maybe(draw, data, "level_input", lambda: _pick(draw, LEVEL_INPUT))
    else:
        _maybe(draw, data, "level_input", lambda: "forbidden")
    _maybe(draw, data, "abstract", lambda: _pick(draw, (False, False, True)))
    count = _int(draw, 1, 4)
    deadline_ids: set[str] = set()
    rules: list[Data] = []
    for i in range(count):
        rule: Data = {"id": f"rule_{i}", "article": _text(draw)}
        _maybe(draw, rule, "verification", lambda: _pick(draw, VERIFICATION))
        _maybe(draw, rule, "title", lambda: _text(draw))
        _maybe(draw, rule, "quote", lambda: _text(draw))
        if _coin(draw):
            rule["when"] = _condition(draw, d)
        deadlines = [_deadline(draw, d, deadline_ids) for _ in range(_int(draw, 0, 2))]
        if deadlines:
            rule["deadlines"] = deadlines
        rules.append(rule)
    steps = [f"e{i}_{j}" for i in range(count) for j in range(_int(draw, 0, 2))]
    taken: dict[str, set[str]] = {k: set() for k in ELEMENT_KINDS}
    for i, rule in enumerate(rules):
        _rule_body(draw, d, rule, sorted(deadline_ids), steps, i, taken)
    data["rules"] = rules
    if _coin(draw):
        conflicts = _conflicts(draw, d, rules)
        if conflicts:
            data["conflicts"] = conflicts
    if _coin(draw):
        data["periodic"] = _periodic(draw, d)
    if _coin(draw):
        data["defects"] = [_text(draw) for _ in range(_int(draw, 1, 2))]
    if _coin(draw):
        item: Data = {"article": _text(draw), "reason": _text(draw)}
        _maybe(draw, item, "verification", lambda: _pick(draw, NOT_ENCODED_VERIFICATION))
        data["not_encoded"] = [item]
    return data


def policies(*, form: Literal["yaml", "data", "model"] = "yaml") -> st.SearchStrategy[Any]:
    """Valid policy documents that load: YAML text (``form="yaml"``), the data a YAML
    reader gives (``"data"``), or :class:`~complaint_rules.policy.model.Policy` models.

    Every vocabulary kind, fact and parameter type, condition form, rule element and
    calendar setting is drawn; policies extend no other.
    """
    if form not in ("yaml", "data", "model"):
        raise ValueError(f"form is 'yaml', 'data' or 'model', not {form!r}")
    data = policy_data()
    if form == "data":
        return data
    models = data.map(Policy.model_validate)
    return models if form == "model" else models.map(dump_policy)
