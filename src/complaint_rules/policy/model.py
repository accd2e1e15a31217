"""The policy model: what a policy file says, as frozen pydantic models.

This module knows nothing of YAML or files (see :mod:`complaint_rules.policy.loader`) and
checks only the shape of each piece. Whether the pieces fit together (references to
declared vocabulary, escalation chains that end, ranges with min <= max) is checked by
:func:`complaint_rules.consistency.check`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..calendar.periods import Unit
from ..messages.catalogue import Refusal

__all__ = [
    "BUILTIN_EVENTS",
    "OWN_LANGUAGE",
    "TEXT_LANGUAGES",
    "Action",
    "Amount",
    "Approval",
    "Assignment",
    "CalendarSettings",
    "Classification",
    "ClassificationRow",
    "Clock",
    "Conflict",
    "Deadline",
    "Escalation",
    "EventEffect",
    "Extension",
    "Fact",
    "Finding",
    "Gap",
    "Level",
    "Lifecycle",
    "LocalText",
    "LocalisedText",
    "Money",
    "NotEncoded",
    "Offset",
    "OwedDuty",
    "Parameter",
    "Penalty",
    "Period",
    "Policy",
    "Reminder",
    "Report",
    "Retention",
    "Role",
    "Rule",
    "SanctionItem",
    "Term",
    "Vocabulary",
    "local_texts",
    "text_in",
]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]
"""A stable ASCII id: lower case letters, digits and underscores, starting with a letter."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
"""A text kept as the source wrote it (articles, quotes, versions): one string."""

TEXT_LANGUAGES: tuple[str, ...] = ("zh-Hant", "zh-Hans", "en")
"""The languages a text may be given in (:data:`LocalisedText`); ``zh-Hant`` is a policy's
own language (its ``language``), the one a plain string is in."""

OWN_LANGUAGE = "zh-Hant"

_TEXT_MAX = 4000


class LocalText(str):
    """An officer-facing text given per language. As a string it is the text in the
    policy's own language (zh-Hant), so everything that reads the policy (decisions, their
    bytes, lint, diff) sees what a plain string would give; :func:`text_in` picks another
    language."""

    by_lang: Mapping[str, str]

    def __new__(cls, texts: Mapping[str, str]) -> LocalText:
        obj = super().__new__(cls, texts[OWN_LANGUAGE])
        obj.by_lang = MappingProxyType({k: texts[k] for k in TEXT_LANGUAGES if k in texts})
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (LocalText, (dict(self.by_lang),))

    def __repr__(self) -> str:
        return f"LocalText({dict(self.by_lang)!r})"


def text_in(text: str, lang: str) -> str:
    """``text`` in ``lang`` (zh-Hant, zh-Hans or en), falling back to the policy's own
    language: zh-Hans falls back to zh-Hant (which a page or explanation converts with
    OpenCC), en to zh-Hant. A plain string is the same in every language."""
    if isinstance(text, LocalText):
        return text.by_lang.get(lang, str(text))
    return text


def _text_length(text: object, lang: str | None = None) -> str:
    # The errors of a plain str with min_length=1 and max_length=4000, named by language;
    # ``wording`` in the context names the catalogue's words for them (policy.model.text_*).
    of = f" (the {lang} text)" if lang else ""
    named = {"language": lang} if lang else {}
    suffix = ".lang" if lang else ""
    if not isinstance(text, str):
        raise PydanticCustomError(
            "string_type",
            "Input should be a valid string" + of,
            {"wording": "policy.model.text_not_string" + suffix, **named},
        )
    if not text:
        raise PydanticCustomError(
            "string_too_short",
            "String should have at least 1 character" + of,
            {"wording": "policy.model.text_empty" + suffix, "min_length": 1, **named},
        )
    if len(text) > _TEXT_MAX:
        raise PydanticCustomError(
            "string_too_long",
            "String should have at most {max_length} characters" + of,
            {"wording": "policy.model.text_too_long" + suffix, "max_length": _TEXT_MAX, **named},
        )
    return text


def _local_text(value: object) -> str:
    if isinstance(value, str):
        return _text_length(value)
    if not isinstance(value, Mapping):
        raise Refusal("policy.model.text_form", allowed=", ".join(TEXT_LANGUAGES))
    canonical = {lang.lower(): lang for lang in TEXT_LANGUAGES}
    texts: dict[str, str] = {}
    for key, text in value.items():
        lang = canonical.get(key.lower()) if isinstance(key, str) else None
        if lang is None:
            raise Refusal(
                "policy.model.text_language", key=repr(key), allowed=", ".join(TEXT_LANGUAGES)
            )
        if lang in texts:
            raise Refusal("policy.model.text_twice", language=lang)
        texts[lang] = _text_length(text, lang)
    if OWN_LANGUAGE not in texts:
        raise Refusal(
            "policy.model.text_own_language", own=OWN_LANGUAGE, given=", ".join(texts) or "none"
        )
    if len(texts) == 1:
        return texts[OWN_LANGUAGE]
    return LocalText(texts)


def _dump_text(value: str) -> str | dict[str, str]:
    return dict(value.by_lang) if isinstance(value, LocalText) else str(value)


_STRING_SCHEMA = {"type": "string", "minLength": 1, "maxLength": _TEXT_MAX}

LOCALISED_TEXT_MARK = "x-complaint-rules-localised-text"
"""Marks a :data:`LocalisedText` in pydantic's schema; the policy schema refers to its def."""

LOCALISED_TEXT_SCHEMA: Mapping[str, Any] = MappingProxyType(
    {
        "description": "A text in the policy's own language (zh-Hant), or per language: "
        "{zh-Hant: …, zh-Hans: …, en: …} with zh-Hant required.",
        "anyOf": [
            _STRING_SCHEMA,
            {
                "type": "object",
                "properties": dict.fromkeys(TEXT_LANGUAGES, _STRING_SCHEMA),
                "required": [OWN_LANGUAGE],
                "additionalProperties": False,
            },
        ],
    }
)
"""The JSON Schema of :data:`LocalisedText` (``$defs/LocalisedText`` of the policy schema)."""

LocalisedText = Annotated[
    str,
    PlainValidator(_local_text),
    PlainSerializer(_dump_text),
    WithJsonSchema({LOCALISED_TEXT_MARK: True}),
]
"""An officer-facing text (a title, label, note, gap or conflict text): a plain string in
the policy's own language (zh-Hant), or per language ``{zh-Hant: …, zh-Hans: …, en: …}``
with zh-Hant required. Read as the zh-Hant string; :func:`text_in` picks a language."""


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        raise Refusal("policy.model.money_float")
    return value


Yuan = Annotated[Decimal, BeforeValidator(_no_float), Field(ge=0)]
"""An amount of money in yuan: an integer or a quoted decimal, never a float."""

Condition = dict[str, Any]
"""A condition over the complaint's fields; its grammar is checked when compiled."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


# --- vocabulary --------------------------------------------------------------------


class Term(_Model):
    """A named value: stable id, the label as written in the source, other spellings."""

    id: Id
    label: LocalisedText
    aliases: tuple[Text, ...] = ()
    description: LocalisedText | None = None
    article: Text | None = None


class Role(Term):
    """A role, department or unit; ``reports_to`` names its superior, if the source does."""

    reports_to: Id | None = None


class Level(Term):
    """A complaint level; levels are listed from the mildest to the most severe."""


class Finding(Term):
    """What an investigation can establish (e.g. a teller leaked customer data)."""


class Vocabulary(_Model):
    roles: tuple[Role, ...] = ()
    channels: tuple[Term, ...] = ()
    categories: tuple[Term, ...] = ()
    levels: tuple[Level, ...] = ()
    findings: tuple[Finding, ...] = ()
    sanctions: tuple[Term, ...] = ()
    events: tuple[Term, ...] = ()


FactType = Literal["bool", "int", "decimal", "datetime"]


class Fact(Term):
    """A fact about a complaint that the host supplies (e.g. ``anonymous``)."""

    type: FactType
    default: bool | int | None = None
    minimum: int | None = None


class Parameter(Term):
    """A value the source leaves blank: the institution must set it before it is needed."""

    type: Literal["money", "int"]
    value: Yuan | None = None


# --- periods and amounts -----------------------------------------------------------


class Amount(_Model):
    """A range such as 七至十個工作日: ``min`` and ``max`` inclusive."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)


PeriodAmount = int | Amount


class Period(_Model):
    """Exactly one unit with its amount (a whole number, or a min/max range)."""

    minutes: PeriodAmount | None = None
    hours: PeriodAmount | None = None
    calendar_days: PeriodAmount | None = None
    working_days: PeriodAmount | None = None
    end_of_month: Literal[True] | None = None

    @model_validator(mode="after")
    def _exactly_one_unit(self) -> Period:
        set_units = [name for name in _UNITS if getattr(self, name) is not None]
        if len(set_units) != 1:
            got = ", ".join(set_units) or "none"
            raise Refusal("policy.model.period_unit", units=", ".join(_UNITS), got=got)
        low, high = self.bounds
        limit = MAX_PERIOD.get(self.unit)
        if limit is not None and not (min(low, high) >= 0 and max(low, high) <= limit):
            got = f"{low}" if low == high else f"{low} to {high}"  # min > max: compiled.py
            raise Refusal("policy.model.period_range", unit=self.unit, limit=limit, got=got)
        return self

    @property
    def unit(self) -> Unit:
        return next(name for name in _UNITS if getattr(self, name) is not None)

    @property
    def bounds(self) -> tuple[int, int]:
        """(earliest, latest) amount; equal for a fixed amount."""
        value = getattr(self, self.unit)
        if value is True:
            return (1, 1)
        if isinstance(value, Amount):
            return (value.min, value.max)
        return (value, value)


_UNITS: tuple[Unit, ...] = ("minutes", "hours", "calendar_days", "working_days", "end_of_month")

MAX_PERIOD: dict[str, int] = {
    "minutes": 10 * 366 * 24 * 60,
    "hours": 10 * 366 * 24,
    "calendar_days": 10 * 366,
    "working_days": 10 * 260,
}
"""The longest period a policy may state, per unit: ten years. Longer is a typo, and
counting it would run far past any published holiday schedule."""


class Money(_Model):
    """A money range in yuan, read as Decimal; ``parameter`` names a blank the institution
    sets; ``fact`` a number fact of the case (e.g. a loan's principal and interest)."""

    min: Yuan | None = None
    max: Yuan | None = None
    parameter: Id | None = None
    fact: Id | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Money:
        named = [k for k in ("parameter", "fact") if getattr(self, k) is not None]
        if not named and (self.min is None or self.max is None):
            raise Refusal("policy.model.money_needs")
        if len(named) > 1 or (named and (self.min is not None or self.max is not None)):
            raise Refusal("policy.model.money_one_of")
        return self


# --- rule elements -----------------------------------------------------------------

Duty = Literal[
    "accepts",
    "handles",
    "first_responsible",
    "assists",
    "coordinates",
    "supervises",
    "replies",
    "investigates",
    "decides",
]


class _Element(_Model):
    """Every element may cite a more precise article than its rule."""

    article: Text | None = None
    note: LocalisedText | None = None


class Assignment(_Element):
    """A duty and the role that holds it; with ``or_roles``, any one of the roles holds it
    (「或」: 有關部門或分行), not each of them."""

    duty: Duty
    role: Id
    or_roles: tuple[Id, ...] = ()


class Deadline(_Element):
    """A time limit. ``within`` counts from ``starts``; ``until`` ends at the earliest of facts."""

    id: Id
    label: LocalisedText
    starts: Id = "received"
    within: Period | None = None
    until: tuple[Id, ...] = ()
    by: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _one_form(self) -> Deadline:
        if (self.within is None) == (not self.until):
            raise Refusal("policy.model.deadline_form")
        return self


class Action(_Element):
    """Something to do; ``on`` an event of the case (else on receipt), by roles, sent ``to``
    roles, by a deadline. ``by_any``/``to_any``: any one of the roles, not each (「或」);
    ``discretionary``: the source permits it (「可」), it does not require it."""

    id: Id
    label: LocalisedText
    on: Id | None = None
    by: tuple[Id, ...] = ()
    by_any: StrictBool = False
    to: tuple[Id, ...] = ()
    to_any: StrictBool = False
    deadline: Id | None = None
    discretionary: StrictBool = False


Trigger = Literal["received", "deadline_missed"] | Id


class Escalation(_Element):
    """A step up: on a trigger (receipt, a missed deadline or an event), to a role."""

    id: Id
    label: LocalisedText
    on: Id
    deadline: Id | None = None
    by: tuple[Id, ...] = ()
    by_any: StrictBool = False
    to: tuple[Id, ...] = Field(min_length=1)
    to_any: StrictBool = False
    next: Id | None = None
    discretionary: StrictBool = False


class Report(_Element):
    """A report to roles; ``due`` counted from ``starts`` (receipt, or a datetime fact)."""

    id: Id
    label: LocalisedText
    by: tuple[Id, ...] = ()
    by_any: StrictBool = False
    to: tuple[Id, ...] = Field(min_length=1)
    to_any: StrictBool = False
    starts: Id = "received"
    due: Period | None = None
    frequency: Literal["once", "monthly", "periodic"] = "once"
    discretionary: StrictBool = False


class Retention(_Element):
    id: Id
    label: LocalisedText
    keeper: tuple[Id, ...] = ()
    years: int | None = Field(default=None, ge=1)
    at_least: StrictBool = False
    counted_from: Id | None = None
    """A datetime fact (e.g. ``archived_at``): the term is counted from its local date, and
    the decision says until when the records are kept (民法典 第二百零一條/第二百零二條)."""


class SanctionItem(_Element):
    sanction: Id
    when: Condition | None = None
    condition_text: Text | None = None


class Penalty(_Element):
    id: Id
    label: LocalisedText
    finding: Id
    subjects: tuple[Id, ...] = Field(min_length=1)
    kind: Literal["fine", "pay_deduction", "compensation", "none"] = "none"
    amount_yuan: Money | None = None
    per: Literal["occurrence", "case"] = "occurrence"
    headcount: Id | None = None
    """An int fact: how many persons the amount applies to, each (「各100元」)."""
    sanctions: tuple[SanctionItem, ...] = ()


class Approval(_Element):
    """Who may approve an amount (a fact), tier by tier; limits may be blank parameters."""

    id: Id
    label: LocalisedText
    amount_fact: Id
    tiers: tuple[ApprovalTier, ...] = Field(min_length=1)
    above: tuple[Id, ...] = Field(min_length=1)


class ApprovalTier(_Model):
    role: Id
    limit_yuan: Money
    earlier_total: Id | None = None
    """A number fact: what this role has already approved in the limit's period (the day,
    for a daily limit such as 「每日 元的賠償簽免權」); the amount plus it is compared."""


class Gap(_Element):
    """Something the source leaves blank or is silent about, for the complaints a rule matches."""

    about: Literal["deadline", "routing", "penalty", "retention", "amount", "level", "other"]
    text: LocalisedText


Verification = Literal["verified", "secondary"]


class Rule(_Model):
    """For the complaints its condition matches, what the source requires."""

    id: Id
    article: Text
    verification: Verification | None = None
    title: LocalisedText | None = None
    quote: Text | None = None
    when: Condition | None = None
    routing: tuple[Assignment, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    actions: tuple[Action, ...] = ()
    escalations: tuple[Escalation, ...] = ()
    reports: tuple[Report, ...] = ()
    retention: tuple[Retention, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    approvals: tuple[Approval, ...] = ()
    gaps: tuple[Gap, ...] = ()


ELEMENT_KINDS = (
    "deadlines",
    "actions",
    "escalations",
    "reports",
    "retention",
    "penalties",
    "approvals",
)
"""The kinds of rule element that carry an id (unique within their kind across a policy)."""

ELEMENT_SINGULAR: Mapping[str, str] = MappingProxyType(
    dict(
        zip(
            ELEMENT_KINDS,
            ("deadline", "action", "escalation", "report", "retention", "penalty", "approval"),
            strict=True,
        )
    )
)
"""Each of :data:`ELEMENT_KINDS` (a rule's field) with the name of one of its elements."""


class ClassificationRow(_Model):
    id: Id
    article: Text
    when: Condition
    level: Id


class Conflict(_Model):
    """Roles that cannot hold one duty together for a complaint (e.g. a unit investigating
    itself); without ``roles``, the duty is exclusive: one role holds it. Rules that give
    the duty to roles that cannot go together are marked in the decision, and lint finds
    them."""

    id: Id
    duty: Duty
    roles: tuple[Id, ...] = ()
    article: Text
    text: LocalisedText


class PeriodicDuty(_Model):
    """A duty of the institution that recurs (每月匯總、月底前上報), not one complaint's:
    ``every`` period it is owed, due on the period's last day (``due: end_of_period``, 月底前
    for a month), on a stated day of the period's last month (``due_day``), or with no date
    where the source gives none (``due`` unset: listed with no due date)."""

    id: Id
    label: LocalisedText
    article: Text
    by: tuple[Id, ...] = ()
    to: tuple[Id, ...] = ()
    every: Literal["month", "quarter", "year"]
    due: Literal["end_of_period"] | None = None
    due_day: int | None = Field(default=None, ge=1, le=28)
    """The day of the month the duty is due (1-28: every month has it); with ``due`` unset."""
    note: LocalisedText | None = None
    verification: Literal["verified", "secondary", "unverified"] | None = None


class Classification(_Model):
    """First-match table deriving the level; ``default`` applies when no row matches."""

    rows: tuple[ClassificationRow, ...] = Field(min_length=1)
    default: Id | None = None
    unclassified_gap: LocalisedText | None = None


class NotEncoded(_Model):
    article: Text
    reason: LocalisedText
    verification: Literal["verified", "secondary", "unverified"] | None = None


class CalendarSettings(_Model):
    country: Literal["CN"] = "CN"
    holidays: dict[date, Text] = {}
    workdays: dict[date, Text] = {}
    exclude_start_day: StrictBool = True
    day_ends_at: str | None = Field(
        default=None, pattern=r"^(([01]\d|2[0-3]):[0-5]\d:[0-5]\d|24:00:00)$"
    )
    """Unset or "24:00:00": the last day of a period in days ends at 24:00 (民法典 第二百零三條).
    An earlier "HH:MM:SS" only where the source states a cut-off: late from that time."""
    roll_to_working_day: StrictBool = True


# --- lifecycle: a case's events and the clocks they drive --------------------------

BUILTIN_EVENTS: tuple[str, ...] = ("received", "updated", "escalated", "reminded", "done", "closed")
"""Case events every policy has; its own events are ``vocabulary.events``."""

FactSetting = StrictBool | StrictInt
"""A value for a bool or int fact: ``true``/``false`` or a whole number."""


class EventEffect(_Element):
    """What one of the policy's events does to the case besides its clock operations."""

    id: Id
    """The event (an id declared in vocabulary.events)."""
    after: tuple[Id, ...] = ()
    """Accepted only once one of these events has happened (e.g. a check after a withdrawal)."""
    excludes: tuple[Id, ...] = ()
    """Refused if one of these events has happened since the last of its ``after`` events
    (or at all, without ``after``): outcomes that contradict each other."""
    sets: dict[Id, FactSetting] = {}
    """bool and int facts it sets."""
    sets_time: tuple[Id, ...] = ()
    """datetime facts it sets to its own instant (e.g. the guest's departure)."""
    findings: tuple[Id, ...] = ()
    """Findings it establishes."""
    needs_by: StrictBool = False
    """It must name the role that acted (``by``)."""


class Extension(_Element):
    """One step of extending a clock's period, approved by one of ``approvers``."""

    id: Id
    """The step's id, unique among the policy's extensions."""
    label: LocalisedText
    """The step as the source words it."""
    on: Id
    """The event that records the approval; it names the approving role (``by``)."""
    to: Period
    """The clock's whole period once this step is approved (not the days added)."""
    approvers: tuple[Id, ...] = Field(min_length=1)
    """The roles with the authority to approve this step."""
    sets: dict[Id, FactSetting] = {}
    """Facts set when the step is approved (so the rules that depend on them apply)."""


class Clock(_Element):
    """A time limit over a case's life: started, paused, resumed, met, stopped, restarted
    and extended by events. Its period is its own (``within``) or that of the first of
    ``deadlines`` whose rule applies to the case."""

    id: Id
    """The clock's id, unique in the lifecycle."""
    label: LocalisedText
    """What must be done in time, as the source words it."""
    article: Text
    """The article that sets the time limit, exactly as written in the source."""
    verification: Verification | None = None
    """For a baseline fact from secondary sources: how it was verified."""
    deadlines: tuple[Id, ...] = ()
    """Rule deadlines giving the period: the first whose rule applies to the case."""
    within: Period | None = None
    """The clock's own period (instead of ``deadlines``)."""
    starts: tuple[Id, ...] = ("received",)
    """Events that start it (``received`` by default); a started clock ignores them."""
    meets: tuple[Id, ...] = ()
    """Events that stop it because what it times was done (on time: met; late: breached)."""
    stops: tuple[Id, ...] = ()
    """Events that stop it without meeting it (e.g. a withdrawal)."""
    pauses: tuple[Id, ...] = ()
    """Events that pause it: the time until a resuming event is not counted."""
    resumes: tuple[Id, ...] = ()
    """Events that resume a paused clock."""
    restarts: tuple[Id, ...] = ()
    """Events that start the period afresh from their instant (e.g. new facts)."""
    extensions: tuple[Extension, ...] = ()
    """Steps extending the period, in the order they may be approved; the last is the maximum."""

    @model_validator(mode="after")
    def _one_period(self) -> Clock:
        if (self.within is None) == (not self.deadlines):
            raise Refusal("policy.model.clock_form")
        return self


class Offset(_Model):
    """How long before a clock's due instant: a whole number, or a parameter the
    institution sets (a blank in the source)."""

    unit: Literal["minutes", "hours", "calendar_days", "working_days"]
    """minutes or hours before the due instant; or, in days, from the start (00:00) of
    the N-th such day counting back from the due day (the due day is the first)."""
    amount: int | None = Field(default=None, ge=1)
    """How many units."""
    parameter: Id | None = None
    """An int parameter giving the amount (a blank the institution fills in)."""

    @model_validator(mode="after")
    def _one_amount(self) -> Offset:
        if (self.amount is None) == (self.parameter is None):
            raise Refusal("policy.model.offset_form")
        return self


class Reminder(_Element):
    """A reminder (催辦) due some time before a clock runs out. ``id`` is the id of the
    action in the rules that the reminder carries out (its label, who sends it, its rule)."""

    id: Id
    """The id of the action in the rules that this reminder carries out."""
    clock: Id
    """The clock whose due instant it precedes."""
    before: Offset | None = None
    """How long before the clock's due instant it is due; left out where the source gives
    no time (the reminder is then never due, and the status lists a gap)."""
    to: tuple[Id, ...] = Field(min_length=1)
    """The roles reminded."""


class OwedDuty(_Element):
    """An action or report of the rules that is owed from an event until it is done.
    ``id`` is the action's or report's id; it is owed only while its rule applies."""

    id: Id
    """The id of the action or report in the rules that is owed."""
    after: tuple[Id, ...] = ("received",)
    """Events after which it is owed (``received`` by default); owed again after a new one."""
    done_by: tuple[Id, ...] = ()
    """Events that discharge it (besides a ``done`` event naming it)."""
    clock: Id | None = None
    """The clock whose due instant it must be done by, if any."""


class Lifecycle(_Model):
    """What the policy's events do over a case's life: clocks, owed actions, reminders."""

    events: tuple[EventEffect, ...] = ()
    """What each of the policy's events does besides its clock operations."""
    clocks: tuple[Clock, ...] = ()
    """The time limits that run over a case's life."""
    duties: tuple[OwedDuty, ...] = ()
    """Actions and reports owed from an event until done."""
    reminders: tuple[Reminder, ...] = ()
    """Reminders (催辦) before a clock runs out."""
    gaps: tuple[Gap, ...] = ()
    """What the source leaves blank or unsaid about a case's life (each with its article)."""


class Policy(_Model):
    """A whole policy document."""

    schema_: Literal["complaint-rules/1"] = Field(alias="schema")
    id: Id
    version: Text
    title: LocalisedText
    institution: LocalisedText
    source: Text
    effective_from: date | None = None
    """The first day (in the policy's zone) this version is in force. A catalog may hold
    several versions of one id that differ by it; a complaint is decided under the version
    in force when it was received (:meth:`~complaint_rules.Catalog.load` with ``at``)."""
    language: Literal["zh-Hant"] = "zh-Hant"
    timezone: Text = "Asia/Shanghai"
    calendar: CalendarSettings = CalendarSettings()
    level_input: Literal["required", "optional", "forbidden"] | None = None
    level_deadlines: Literal["not_looser", "not_tighter", "unordered"] | None = None
    """How deadlines run with the level (levels are listed mildest first). ``not_looser``
    (the default): a more severe level never gets a later deadline than a milder one;
    ``not_tighter``: never an earlier one (levels that grade complexity, e.g. 復雜投訴 given
    7-10 working days against 一般投訴's 3); ``unordered``: no order is claimed. Checked by
    :mod:`complaint_rules.testing`, not by loading."""
    vocabulary: Vocabulary = Vocabulary()
    facts: tuple[Fact, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    classification: Classification | None = None
    abstract: StrictBool = False
    extends: Id | None = None
    remove_rules: tuple[Id, ...] = ()
    rules: tuple[Rule, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    """Duties that roles cannot hold together; see :class:`Conflict`."""
    periodic: tuple[PeriodicDuty, ...] = ()
    """The institution's recurring duties (monthly summaries, reports with a stated
    frequency); see :func:`complaint_rules.decision.periodic.periodic_duties`."""
    defects: tuple[Text, ...] = ()
    not_encoded: tuple[NotEncoded, ...] = ()
    lifecycle: Lifecycle | None = None
    """A case's life: which events change which clocks, owed actions and reminders."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def __repr__(self) -> str:
        # One line for a debugger or a log; the whole policy is in model_dump().
        return f"<Policy {self.id} version {self.version}>"


Approval.model_rebuild()


def local_texts(model: BaseModel) -> dict[str, LocalText]:
    """Every text given per language in ``model`` (a policy or a part of it), by its text in
    the policy's own language: what an explanation or a page looks a text up in."""
    found: dict[str, LocalText] = {}

    def walk(value: object) -> None:
        if isinstance(value, LocalText):
            found.setdefault(str(value), value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(model)
    return found
