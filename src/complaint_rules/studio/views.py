"""The workbench's interactive views, drawn on the server: the tabs of a policy, the
try-a-complaint form and its decision card, a month calendar of the deadlines, a case's
status, the editor, and what a change does (diff, impact, tests).

Each is a function of its arguments returning HTML; forms are plain HTML (GET for what
only reads, POST with the page's CSRF token for what writes), so everything but the
live checks of the editor and the impact's progress bar works with JavaScript off.
"""

from __future__ import annotations

import calendar as _month
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ..decision.model import DecidedDeadline, DecidedDue, Decision
from ..decision.render import due_text, gap_text
from ..errors import ComplaintRulesError, Problem
from ..lifecycle.status import CaseStatus
from ..messages.catalogue import problem_text
from ..messages.phrases import PHRASES
from ..policy.compiled import CompiledPolicy, Source
from ..policy.model import BUILTIN_EVENTS, text_in
from ..toolkit.diff import PolicyDiff
from ..toolkit.impact import ImpactReport
from ..toolkit.policytests.cases import TestReport
from .markup import Markup, el, join, page, text
from .words import Lang, Words

__all__ = [
    "STATIC",
    "TryInput",
    "changes_page",
    "deadline_due",
    "edit_page",
    "month_calendars",
    "try_page",
]

STATIC = "/static"
"""Where the workbench's script and stylesheet are served from (shipped in the wheel)."""

TABS = ("read", "try", "edit", "changes")


def deadline_due(deadline: DecidedDeadline) -> DecidedDue | None:
    """When a decided deadline falls due (its last day, and the instant it is late from):
    the one place the studio reads it."""
    return deadline.due


def due_day(due: DecidedDue) -> date:
    """The local day a due is shown on: its last day, or the day of its instant."""
    return due.last_day if due.last_day is not None else due.late_from.date()


# --- the frame -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """What every interactive page shares: its language, the policy and the page's
    CSRF token (given to the script in a ``<meta>``)."""

    lang: Lang
    policy_id: str
    csrf: str
    editable: bool = False
    base: str = ""
    """The address prefix of the workbench (empty: served at the root)."""

    @property
    def w(self) -> Words:
        return Words(self.lang)

    def href(self, path: str, **query: str) -> str:
        q = {"lang": self.lang, **query}
        return f"{self.base}{path}?" + "&".join(f"{k}={_quote(v)}" for k, v in q.items())

    def tab(self, name: str) -> str:
        suffix = "" if name == "read" else f"/{name}"
        return self.href(f"/policies/{self.policy_id}{suffix}")


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def tabs(frame: Frame, current: str) -> Markup:
    """The policy's views as tabs: read, try, edit, what changes."""
    w = frame.w
    names = {
        "read": w("tab_read"),
        "try": w("tab_try"),
        "edit": w("tab_edit") if frame.editable else w("tab_edit_readonly"),
        "changes": w("tab_changes"),
    }
    items = []
    for name in TABS:
        if name == current:
            items.append(el("li", el("strong", names[name], aria_current="page")))
        else:
            items.append(el("li", el("a", names[name], href=frame.tab(name))))
    return el("nav", el("ul", items), class_="tabs", aria_label=w("tabs"))


def language_links(frame: Frame, path: str, query: Mapping[str, str] = {}) -> Markup:
    names: dict[Lang, str] = {"zh-Hant": "繁體中文", "zh-Hans": "简体中文", "en": "English"}
    parts = []
    for lang, name in names.items():
        if lang == frame.lang:
            parts.append(el("strong", name, lang=lang, aria_current="page"))
        else:
            href = f"{frame.base}{path}?" + "&".join(
                f"{k}={_quote(v)}" for k, v in {**query, "lang": lang}.items()
            )
            parts.append(el("a", name, href=href, lang=lang, hreflang=lang, class_="lang"))
    return join(parts, " · ")


def head_extras(csrf: str, base: str = "") -> str:
    """The workbench's own stylesheet, script and CSRF token, for a page's ``<head>``."""
    return (
        el("meta", name="csrf-token", content=csrf)
        + el("link", rel="icon", href="data:,")  # no favicon to fetch
        + el("link", rel="stylesheet", href=f"{base}{STATIC}/studio.css")
        + el("script", "", src=f"{base}{STATIC}/studio.js", defer=True)
    )


def with_head(html: str, extras: str) -> str:
    """``html`` with ``extras`` at the end of its ``<head>``."""
    return html.replace("</head>", extras + "</head>", 1)


def _document(
    frame: Frame,
    policy: CompiledPolicy | None,
    current: str,
    main: Markup,
    path: str,
    query: Mapping[str, str] = {},
) -> str:
    w = frame.w
    title = (
        f"{text_in(policy.policy.institution, frame.lang)} — "
        f"{text_in(policy.policy.title, frame.lang)}"
        if policy
        else frame.policy_id
    )
    header = join(
        [
            el(
                "p",
                el("a", w("back_to_index"), href=f"{frame.base}/?lang={frame.lang}"),
                " · ",
                language_links(frame, path, query),
            ),
            el("h1", title, " ", el("code", frame.policy_id, class_="id")),
            tabs(frame, current),
        ]
    )
    built = page(
        lang=frame.lang,
        title=f"{w('tab_' + current)} — {title}",
        header=header,
        contents=None,
        main=main,
        footer=el("p", w("workbench_footer")),
        skip=w("skip"),
    )
    return with_head(built, head_extras(frame.csrf, frame.base))


def problems_list(problems: Iterable[Problem], w: Words) -> Markup:
    """Each problem with its line and field, said in the page's language (its catalogue
    entry, by its code; a problem without one keeps its own words)."""
    items = [
        el(
            "li",
            el("span", w("line_n", line=p.line), class_="where") if p.line else None,
            " ",
            el("code", p.field) if p.field else None,
            " ",
            problem_text(p, w.lang),
            data_line=p.line,
            data_code=p.code,
        )
        for p in problems
    ]
    return el("ul", items, class_="problems")


# --- try a complaint -------------------------------------------------------------------------


@dataclass
class TryInput:
    """The form's values as given (strings), and the complaint and events made of them."""

    values: dict[str, str] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    events: list[tuple[str, str, str]] = field(default_factory=list)
    """(event, at, argument) rows."""
    roles: dict[str, list[str]] = field(default_factory=dict)
    """The roles each finding names (who was involved), by finding id."""


def _term_options(terms: Iterable[Any], chosen: str, *, blank: str | None = None) -> Markup:
    options = []
    if blank is not None:
        options.append(el("option", blank, value="", selected=chosen == ""))
    for term in terms:
        options.append(
            el("option", f"{term.label} ({term.id})", value=term.id, selected=term.id == chosen)
        )
    return join(options)


def try_form(frame: Frame, policy: CompiledPolicy, given: TryInput) -> Markup:
    w, v, p = frame.w, given.values, policy.policy
    voc = p.vocabulary
    rows: list[Markup] = [
        el(
            "div",
            el("label", w("form_received"), for_="received"),
            el(
                "input",
                type="datetime-local",
                id="received",
                name="received",
                value=v.get("received", ""),
                required=True,
            ),
            el("span", f" ({p.timezone})", class_="muted"),
            class_="field",
        ),
        el(
            "div",
            el("label", w("form_channel"), for_="channel"),
            el(
                "select",
                _term_options(voc.channels, v.get("channel", "")),
                id="channel",
                name="channel",
            ),
            class_="field",
        ),
        el(
            "div",
            el("label", w("form_category"), for_="category"),
            el(
                "select",
                _term_options(voc.categories, v.get("category", "")),
                id="category",
                name="category",
            ),
            class_="field",
        ),
    ]
    if voc.levels:
        rows.append(
            el(
                "div",
                el("label", w("form_level"), for_="level"),
                el(
                    "select",
                    _term_options(voc.levels, v.get("level", ""), blank=w("form_level_auto")),
                    id="level",
                    name="level",
                ),
                class_="field",
            )
        )
    if voc.findings:
        rows.append(findings_fieldset(frame, policy, given))
    facts = []
    for fact in p.facts:
        name = f"fact.{fact.id}"
        current = v.get(name, "")
        control: Markup
        if fact.type == "bool":
            control = el(
                "select",
                el("option", w("form_unknown"), value="", selected=current == ""),
                el("option", w("form_yes"), value="true", selected=current == "true"),
                el("option", w("form_no"), value="false", selected=current == "false"),
                id=name,
                name=name,
            )
        elif fact.type == "datetime":
            control = el("input", type="datetime-local", id=name, name=name, value=current)
        elif fact.type == "int":
            control = el("input", type="number", step="1", id=name, name=name, value=current)
        else:
            control = el(
                "input",
                type="text",
                inputmode="decimal",
                id=name,
                name=name,
                value=current,
                pattern=r"-?[0-9]+(\.[0-9]+)?",
            )
        facts.append(
            el(
                "div",
                el("label", fact.label, " ", el("code", fact.id, class_="id"), for_=name),
                control,
                el("span", f" {fact.type}", class_="muted"),
                class_="field",
            )
        )
    if facts:
        rows.append(el("fieldset", el("legend", w("form_facts")), facts))
    rows.append(events_fieldset(frame, policy, given))
    return el(
        "form",
        rows,
        el("input", type="hidden", name="lang", value=frame.lang),
        el("p", el("button", w("form_decide"), type="submit", id="decide")),
        method="get",
        action=f"{frame.base}/policies/{frame.policy_id}/try",
        class_="try",
    )


def findings_fieldset(frame: Frame, policy: CompiledPolicy, given: TryInput) -> Markup:
    """A row per finding: established or not, how many times, and the roles involved."""
    w = frame.w
    voc = policy.policy.vocabulary
    body = []
    for f in voc.findings:
        chosen = given.roles.get(f.id, [])
        roles = [
            el("option", f"{r.label} ({r.id})", value=r.id, selected=r.id in chosen)
            for r in voc.roles
        ]
        body.append(
            el(
                "tr",
                el(
                    "td",
                    el(
                        "label",
                        el(
                            "input",
                            type="checkbox",
                            name="finding",
                            value=f.id,
                            checked=f.id in given.findings,
                            id=f"finding-{f.id}",
                        ),
                        " ",
                        f.label,
                        " ",
                        el("code", f.id, class_="id"),
                        class_="check",
                    ),
                ),
                el(
                    "td",
                    el(
                        "input",
                        type="number",
                        min="1",
                        step="1",
                        name=f"finding_count.{f.id}",
                        id=f"finding_count.{f.id}",
                        value=given.values.get(f"finding_count.{f.id}", ""),
                        aria_label=w("form_finding_count"),
                        class_="count",
                    ),
                ),
                el(
                    "td",
                    el(
                        "select",
                        roles,
                        multiple=True,
                        size=min(3, max(len(roles), 1)),
                        name=f"finding_roles.{f.id}",
                        id=f"finding_roles.{f.id}",
                        aria_label=w("form_finding_roles"),
                    ),
                ),
            )
        )
    return el(
        "fieldset",
        el("legend", w("form_findings")),
        _table(
            [w("form_findings"), w("form_finding_count"), w("form_finding_roles")],
            body,
            class_="findings",
        ),
    )


def events_fieldset(frame: Frame, policy: CompiledPolicy, given: TryInput) -> Markup:
    w = frame.w
    kinds = [k for k in BUILTIN_EVENTS if k != "received"]
    kinds += [e.id for e in policy.policy.vocabulary.events]
    labels = {e.id: e.label for e in policy.policy.vocabulary.events}
    rows = [*given.events, *[("", "", "")] * 2]
    body = []
    for _n, (kind, at, arg) in enumerate(rows):
        options = [el("option", "—", value="", selected=kind == "")]
        options += [
            el(
                "option",
                f"{labels.get(k, k)} ({k})" if k in labels else k,
                value=k,
                selected=k == kind,
            )
            for k in kinds
        ]
        body.append(
            el(
                "tr",
                el("td", el("select", options, name="event", aria_label=w("form_event"))),
                el(
                    "td",
                    el(
                        "input",
                        type="datetime-local",
                        name="event_at",
                        value=at,
                        aria_label=w("form_event_at"),
                    ),
                ),
                el(
                    "td",
                    el(
                        "input",
                        type="text",
                        name="event_arg",
                        value=arg,
                        aria_label=w("form_event_arg"),
                    ),
                ),
                class_="event",
            )
        )
    return el(
        "fieldset",
        el("legend", w("form_events")),
        el("p", w("form_events_note"), class_="note"),
        _table(
            [w("form_event"), w("form_event_at"), w("form_event_arg")],
            body,
            class_="events",
            id="events",
        ),
        el("button", w("form_add_event"), type="button", id="add-event", class_="js-only"),
        el(
            "div",
            el("label", w("form_as_of"), for_="as_of"),
            el(
                "input",
                type="datetime-local",
                id="as_of",
                name="as_of",
                value=given.values.get("as_of", ""),
            ),
            class_="field",
        ),
    )


def _when(instant: datetime | None) -> Markup:
    if instant is None:
        return el("span", "—", class_="muted")
    return el("time", instant.strftime("%Y-%m-%d %H:%M"), datetime=instant.isoformat())


def _due(due: DecidedDue | None, lang: str) -> Markup:
    """A due in words, as the decision's text says it (「2026-10-08 24時前」): a period in
    days ends at 24:00 on its last day (民法典 第二百零三條)."""
    if due is None:
        return el("span", "—", class_="muted")
    return el("time", due_text(due, lang), datetime=due.late_from.isoformat())


def _table(heads: Sequence[object], rows: object, class_: str, **body: str) -> Markup:
    """A table: one row of column headings, then ``rows`` as its body (``body``: the
    body's attributes, e.g. its ``id``)."""
    return el(
        "table",
        el("thead", el("tr", [el("th", head) for head in heads])),
        el("tbody", rows, **body),
        class_=class_,
    )


def _names(items: Iterable[Any]) -> str:
    return "、".join(n.label for n in items)


def _src(frame: Frame, source: Source) -> Markup:
    href = frame.href(f"/policies/{source.policy}") + f"#rule-{source.rule}"
    return el("a", f"{source.article}", href=href, class_="article", title=source.rule)


def decision_card(frame: Frame, d: Decision) -> Markup:
    """Who does what by when: routing, deadlines, actions, escalations, reports,
    penalties, approvals, gaps and conflicts, each with its article."""
    w = frame.w
    rows: list[Markup] = []

    def row(
        kind: str, what: object, who: object, when: object, source: Source, **attributes: str
    ) -> None:
        rows.append(
            el(
                "tr",
                el("th", kind, scope="row"),
                el("td", what),
                el("td", who),
                el("td", when),
                el("td", _src(frame, source)),
                **attributes,
            )
        )

    duties = PHRASES["en" if frame.lang == "en" else "zh-Hant"].duties
    deadline_labels = {dl.id: dl.label for dl in d.deadlines}
    for a in d.routing:
        duty = duties.get(a.duty, a.duty)
        row(w("card_duty"), duty, _names((a.role, *a.or_roles)), "", a.source)
    for dl in d.deadlines:
        due = deadline_due(dl)
        when: Markup
        if due is None:
            when = el(
                "span",
                w("card_waiting", facts="、".join(dl.waiting_for) or dl.status),
                class_="muted",
            )
        else:
            earliest = (
                join([_due(dl.due_earliest, frame.lang), " – "])
                if dl.due_earliest is not None
                else None
            )
            when = join([earliest, _due(due, frame.lang), " ✱" if dl.estimated else None])
        rows.append(
            el(
                "tr",
                el("th", w("card_deadline"), scope="row"),
                el("td", dl.label),
                el("td", _names(dl.by)),
                el("td", when, class_="due"),
                el("td", _src(frame, dl.source)),
                data_deadline=dl.id,
                data_due=due_day(due).isoformat() if due else "",
                data_late_from=due.late_from.isoformat() if due else "",
            )
        )
    for ac in d.actions:
        row(w("card_action"), ac.label, _names(ac.by), ac.deadline or "", ac.source)
    for e in d.escalations:
        missed = deadline_labels.get(e.deadline, e.deadline) if e.deadline else None
        row(
            w("card_escalation"),
            e.label,
            f"{_names(e.by)} → {_names(e.to)}",
            w("card_missed", deadline=missed) if missed else e.on,
            e.source,
        )
    for r in d.reports:
        row(
            w("card_report"),
            r.label,
            f"{_names(r.by)} → {_names(r.to)}",
            _due(r.due, frame.lang),
            r.source,
        )
    for ret in d.retention:
        years = "" if ret.years is None else w("card_years", years=ret.years)
        row(w("card_retention"), ret.label, _names(ret.keeper), years, ret.source)
    for pen in d.penalties:
        amount = ""
        if pen.total_min_yuan is not None or pen.total_max_yuan is not None:
            amount = f"¥{pen.total_min_yuan or ''}–{pen.total_max_yuan or ''}"
        row(
            w("card_penalty"),
            f"{pen.label} ({pen.finding.label})",
            _names(pen.subjects),
            amount,
            pen.source,
        )
    for ap in d.approvals:
        row(w("card_approval"), ap.label, _names(ap.approver), "", ap.source)
    level = d.level.label if d.level else "—"
    head = el(
        "p",
        el("strong", d.channel.label),
        " · ",
        d.category.label,
        " · ",
        level,
        " · ",
        w("card_received"),
        " ",
        _when(d.received_at),
    )
    gaps = [
        el("li", gap_text(g, d, frame.lang), " ", _src(frame, g.source), class_="gap")
        for g in d.gaps
    ]
    gaps += [el("li", c.text, " ", _src(frame, c.source), class_="conflict") for c in d.conflicts]
    table = _table(
        ["", w("card_what"), w("card_who"), w("card_when"), w("card_article")],
        rows,
        class_="wide card",
    )
    return el(
        "section",
        el("h2", w("card_title")),
        head,
        table if rows else el("p", w("card_nothing")),
        el("ul", gaps, class_="items") if gaps else None,
        id="decision",
        class_="decision",
    )


def month_calendars(
    policy: CompiledPolicy,
    received: datetime,
    dues: Sequence[tuple[str, DecidedDue]],
    w: Words,
    *,
    months: int = 4,
) -> Markup:
    """The months from receipt to the last deadline (at most ``months``), each a grid
    Monday first: holidays (days off on a weekday), make-up workdays (working on a
    weekend), the day received, and each deadline's day."""
    days_due: dict[date, list[str]] = {}
    for label, due in dues:
        days_due.setdefault(due_day(due), []).append(label)
    first = received.date().replace(day=1)
    last = max([received.date(), *days_due]).replace(day=1)
    out = []
    cal = policy.calendar
    current = first
    count = 0
    while current <= last and count < months:
        weeks = _month.Calendar(firstweekday=0).monthdatescalendar(current.year, current.month)
        body = []
        for week in weeks:
            cells = []
            for day in week:
                classes = []
                note = []
                if day.month != current.month:
                    cells.append(el("td", "", class_="out"))
                    continue
                weekend = day.weekday() >= 5
                try:
                    working = cal.is_working_day(day)
                except ComplaintRulesError:
                    working = not weekend
                    classes.append("unknown")
                if not working and not weekend:
                    classes.append("holiday")
                    note.append(w("cal_holiday"))
                elif working and weekend:
                    classes.append("makeup")
                    note.append(w("cal_makeup"))
                elif not working:
                    classes.append("weekend")
                if day == received.date():
                    classes.append("received")
                    note.append(w("cal_received"))
                if day in days_due:
                    classes.append("due")
                    note.extend(days_due[day])
                cells.append(
                    el(
                        "td",
                        el("span", str(day.day), class_="day"),
                        el("span", "、".join(note), class_="what") if note else None,
                        class_=" ".join(classes) or None,
                        data_date=day.isoformat(),
                        title="、".join(note) or None,
                    )
                )
            body.append(el("tr", cells))
        heads = [el("th", w(f"cal_weekday_{n}"), scope="col") for n in range(7)]
        out.append(
            el(
                "table",
                el("caption", w("cal_month", year=current.year, month=current.month)),
                el("thead", el("tr", heads)),
                el("tbody", body),
                class_="month",
            )
        )
        current = (current + timedelta(days=32)).replace(day=1)
        count += 1
    legend = el(
        "p",
        el("span", w("cal_holiday"), class_="key holiday"),
        " ",
        el("span", w("cal_makeup"), class_="key makeup"),
        " ",
        el("span", w("cal_received"), class_="key received"),
        " ",
        el("span", w("cal_due"), class_="key due"),
        class_="legend",
    )
    return el(
        "section", el("h2", w("cal_title")), legend, el("div", out, class_="months"), id="calendar"
    )


def status_section(frame: Frame, status: CaseStatus) -> Markup:
    w = frame.w
    rows = []
    for clock in status.clocks:
        left = ""
        if clock.left is not None and clock.left.days is not None:
            left = w("status_days_left", days=clock.left.days)
        rows.append(
            el(
                "tr",
                el("th", clock.label, scope="row"),
                el("td", el("span", w(f"clock_{clock.state}"), class_=f"state {clock.state}")),
                el("td", _due(clock.due, frame.lang)),
                el("td", left),
                el("td", _src(frame, clock.source)),
                data_clock=clock.id,
            )
        )
    rejected = [
        el("li", f"#{r.index}: {r.said(frame.lang)}", class_="conflict") for r in status.rejected
    ]
    return el(
        "section",
        el("h2", w("status_title"), " ", _when(status.at)),
        _table(
            [
                w("status_clock"),
                w("status_state"),
                w("card_when"),
                w("status_left"),
                w("card_article"),
            ],
            rows,
            class_="wide",
        )
        if rows
        else el("p", w("status_no_clocks")),
        el("ul", rejected, class_="items") if rejected else None,
        id="status",
    )


def timeline_section(frame: Frame, timeline: Sequence[CaseStatus]) -> Markup:
    """The case over time: at each event's instant, each clock's state and due instant."""
    w = frame.w
    clocks: dict[str, str] = {}
    for status in timeline:
        for clock in status.clocks:
            clocks.setdefault(clock.id, clock.label)
    rows = []
    for status in timeline:
        by_id = {c.id: c for c in status.clocks}
        cells = []
        for clock_id in clocks:
            at = by_id.get(clock_id)
            if at is None:
                cells.append(el("td", "—", class_="muted"))
                continue
            cells.append(
                el(
                    "td",
                    el("span", w(f"clock_{at.state}"), class_=f"state {at.state}"),
                    " ",
                    _due(at.due, frame.lang),
                )
            )
        rows.append(el("tr", el("th", _when(status.at), scope="row"), cells))
    return el(
        "section",
        el("h2", w("timeline_title")),
        _table([w("timeline_at"), *clocks.values()], rows, class_="wide timeline"),
        id="timeline",
    )


def try_page(
    frame: Frame,
    policy: CompiledPolicy,
    given: TryInput,
    *,
    decision: Decision | None = None,
    explanation: Sequence[str] = (),
    case: CaseStatus | None = None,
    timeline: Sequence[CaseStatus] = (),
    problems: Sequence[Problem] = (),
    query: Mapping[str, str] = {},
    decided_by: CompiledPolicy | None = None,
) -> str:
    """The form, and what it decided; ``decided_by``: the version in force at receipt that
    decided, named on the card where the policy has several."""
    w = frame.w
    parts: list[object] = [el("p", w("try_intro"), class_="note")]
    if policy.policy.abstract:
        parts.append(el("p", w("try_abstract"), class_="notice"))
    else:
        parts.append(try_form(frame, policy, given))
    if problems:
        parts.append(
            el(
                "section",
                el("h2", w("try_problems")),
                problems_list(problems, w),
                id="complaint-problems",
                class_="bad",
            )
        )
    if decision is not None:
        if decided_by is not None:
            start = decided_by.policy.effective_from
            parts.append(
                el(
                    "p",
                    w(
                        "try_version",
                        version=decided_by.version,
                        start=start.isoformat() if start else w("effective_none"),
                    ),
                    class_="notice",
                    id="decided-by",
                )
            )
        parts.append(decision_card(frame, decision))
        dues = [(d.label, due) for d in decision.deadlines if (due := deadline_due(d))]
        parts.append(month_calendars(policy, decision.received_at, dues, w))
        if explanation:
            parts.append(
                el(
                    "section",
                    el("h2", w("try_explanation")),
                    el("ol", [el("li", line) for line in explanation]),
                    id="explanation",
                )
            )
        if case is not None:
            parts.append(status_section(frame, case))
        if timeline:
            parts.append(timeline_section(frame, timeline))
        dumped = json.dumps(json.loads(decision.model_dump_json()), ensure_ascii=False, indent=2)
        parts.append(
            el(
                "section",
                el(
                    "details",
                    el("summary", w("try_json")),
                    el("pre", dumped, class_="json", id="decision-json"),
                ),
                id="json",
            )
        )
    return _document(frame, policy, "try", join(parts), f"/policies/{frame.policy_id}/try", query)


# --- edit ----------------------------------------------------------------------------------


def edit_page(
    frame: Frame,
    policy: CompiledPolicy | None,
    yaml_text: str,
    *,
    problems: Sequence[Problem] = (),
    saved: bool = False,
    file: str = "",
) -> str:
    w = frame.w
    lines = yaml_text.count("\n") + 1
    gutter = "\n".join(str(n) for n in range(1, lines + 1))
    note = w("edit_note_editable", file=file) if frame.editable else w("edit_note_readonly")
    buttons = [
        el("button", w("edit_check"), type="submit", name="action", value="check", id="check"),
        " ",
        el("button", w("edit_save"), type="submit", name="action", value="save", id="save")
        if frame.editable
        else None,
        " ",
        el(
            "button",
            w("edit_changes"),
            type="submit",
            name="action",
            value="changes",
            formaction=f"{frame.base}/policies/{frame.policy_id}/changes",
            id="to-changes",
        ),
    ]
    state: Markup
    if problems:
        state = el(
            "p",
            w("edit_problems", count=len(problems)),
            class_="flag bad",
            id="edit-state",
            role="status",
        )
    else:
        state = el(
            "p",
            w("edit_saved") if saved else w("edit_valid"),
            class_="flag ok",
            id="edit-state",
            role="status",
        )
    main = join(
        [
            el("p", note, class_="note"),
            el(
                "form",
                el("input", type="hidden", name="csrf", value=frame.csrf),
                el("input", type="hidden", name="lang", value=frame.lang),
                el(
                    "div",
                    el("pre", gutter, class_="gutter", aria_hidden="true", id="gutter"),
                    el(
                        "textarea",
                        yaml_text,
                        name="text",
                        id="yaml",
                        spellcheck="false",
                        wrap="off",
                        aria_label=w("tab_edit"),
                        data_policy=frame.policy_id,
                        rows=min(max(lines, 20), 40),
                    ),
                    el("div", "", class_="marks", id="marks", aria_hidden="true"),
                    class_="editor",
                ),
                el("p", buttons),
                method="post",
                action=f"{frame.base}/policies/{frame.policy_id}/edit",
                id="edit-form",
            ),
            state,
            el(
                "section",
                el("h2", w("edit_problems_title")),
                problems_list(problems, w),
                id="problems",
            ),
        ]
    )
    return _document(frame, policy, "edit", main, f"/policies/{frame.policy_id}/edit")


# --- what changes --------------------------------------------------------------------------


def changes_page(
    frame: Frame,
    policy: CompiledPolicy | None,
    *,
    against: str,
    others: Sequence[str],
    histories: Sequence[str],
    committed_available: bool,
    draft: str | None,
    diff: PolicyDiff | None = None,
    diff_problems: Sequence[Problem] = (),
    impact: ImpactReport | None = None,
    impact_problems: Sequence[Problem] = (),
    history: str = "",
    tests: TestReport | None = None,
    tests_file: str | None = None,
) -> str:
    w = frame.w
    choices = [el("option", w("changes_saved"), value="saved", selected=against == "saved")]
    if committed_available:
        choices.append(
            el("option", w("changes_committed"), value="committed", selected=against == "committed")
        )
    choices += [
        el(
            "option",
            w("changes_other", id=o),
            value=f"policy:{o}",
            selected=against == f"policy:{o}",
        )
        for o in others
    ]
    history_options = [el("option", "—", value="")] + [
        el("option", h.partition("/")[2], value=h, selected=h == history) for h in histories
    ]
    form = el(
        "form",
        el("input", type="hidden", name="csrf", value=frame.csrf),
        el("input", type="hidden", name="lang", value=frame.lang),
        el("textarea", draft or "", name="text", hidden=True, id="draft")
        if draft is not None
        else None,
        el("p", w("changes_draft") if draft is not None else w("changes_no_draft"), class_="note"),
        el(
            "div",
            el("label", w("changes_against"), for_="against"),
            el("select", choices, name="against", id="against"),
            class_="field",
        ),
        el(
            "div",
            el("label", w("changes_history"), for_="history"),
            el("select", history_options, name="history", id="history"),
            " ",
            el(
                "label",
                w("changes_upload"),
                " ",
                el("input", type="file", id="upload", accept=".jsonl,.ndjson,.json"),
                class_="js-only",
            ),
            class_="field",
        ),
        el("p", el("button", w("changes_run"), type="submit", id="run-changes")),
        method="post",
        action=f"{frame.base}/policies/{frame.policy_id}/changes",
        id="changes-form",
    )
    parts: list[object] = [el("p", w("changes_intro"), class_="note"), form]
    parts.append(el("progress", value="0", max="1", id="impact-progress", hidden=True))
    section_diff: list[object] = [el("h2", w("changes_diff_title"))]
    if diff_problems:
        section_diff.append(problems_list(diff_problems, w))
    elif diff is not None:
        flag = (
            el("p", w("changes_equivalent"), class_="flag ok", id="diff-verdict")
            if diff.equivalent
            else el(
                "p",
                w("changes_differ", count=len(diff.changes)),
                class_="flag bad",
                id="diff-verdict",
            )
        )
        section_diff += [flag, el("pre", diff.as_text(w.lang), class_="diff")]
    parts.append(el("section", section_diff, id="diff"))
    section_impact: list[object] = [el("h2", w("changes_impact_title"))]
    if impact_problems:
        section_impact.append(problems_list(impact_problems, w))
    if impact is not None:
        section_impact.append(impact_summary(w, impact))
    parts.append(el("section", section_impact, id="impact"))
    parts.append(tests_section(w, tests, tests_file))
    return _document(frame, policy, "changes", join(parts), f"/policies/{frame.policy_id}/changes")


def impact_summary(w: Words, report: ImpactReport) -> Markup:
    return join(
        [
            el(
                "p",
                w("impact_counts", decided=report.decided, changed=report.changed, bad=report.bad),
                id="impact-counts",
                class_="flag bad" if report.changed else "flag ok",
            ),
            el("pre", report.as_text(w.lang), class_="impact"),
        ]
    )


def tests_section(w: Words, report: TestReport | None, tests_file: str | None) -> Markup:
    parts: list[object] = [el("h2", w("tests_title"))]
    if tests_file is None:
        parts.append(el("p", w("tests_no_file")))
        return el("section", parts, id="tests")
    parts.append(el("p", el("code", tests_file)))
    if report is None:
        return el("section", parts, id="tests")
    parts.append(
        el(
            "p",
            w("tests_counts", cases=report.cases, passed=report.passed, failed=report.failed),
            id="tests-counts",
            class_="flag ok" if report.ok else "flag bad",
        )
    )
    for result in report.files:
        for problem in result.problems:
            parts.append(el("p", str(problem.message), class_="notice"))
        rows = []
        for case in result.cases:
            detail: list[Markup] = []
            for m in case.mismatches:
                detail.append(
                    el(
                        "div",
                        el("code", m.field),
                        " ",
                        w("tests_expected"),
                        " ",
                        el("code", m.expected_in(w.lang), class_="expected"),
                        " ",
                        w("tests_actual"),
                        " ",
                        el("code", m.actual_in(w.lang), class_="actual"),
                        class_="mismatch",
                    )
                )
            rows.append(
                el(
                    "tr",
                    el("th", case.name, scope="row"),
                    el("td", str(case.line or "")),
                    el(
                        "td",
                        el(
                            "span",
                            w("tests_pass") if case.passed else w("tests_fail"),
                            class_="flag ok" if case.passed else "flag bad",
                        ),
                    ),
                    el("td", detail),
                    class_="case " + ("passed" if case.passed else "failed"),
                )
            )
        parts.append(
            _table(
                [w("tests_case"), w("tests_line"), w("tests_result"), w("tests_detail")],
                rows,
                class_="wide",
            )
        )
    for cov in report.coverage:
        kinds = "; ".join(f"{k.kind} {k.covered}/{k.total}" for k in cov.kinds)
        parts.append(
            el(
                "p",
                w(
                    "tests_coverage",
                    policy=cov.policy,
                    percent=cov.percent,
                    covered=cov.covered,
                    total=cov.total,
                ),
                " (",
                kinds,
                ")",
                class_="coverage",
            )
        )
        if cov.missed:
            parts.append(
                el(
                    "details",
                    el("summary", w("tests_missed", count=len(cov.missed))),
                    el(
                        "ul",
                        [
                            el(
                                "li",
                                el("code", m.rule),
                                " ",
                                m.kind,
                                " ",
                                m.id,
                                " ",
                                text(m.article or ""),
                            )
                            for m in cov.missed
                        ],
                    ),
                )
            )
    return el("section", parts, id="tests")
