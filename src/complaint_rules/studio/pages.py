"""The read-only pages: a policy, read (:func:`policy_page`), and the policies
(:func:`index_page`).

Each is a complete HTML document as a string: no script, no external URL, the styles
inside it, diagrams as inline SVG. They are functions of their arguments only (no file,
no clock), so the same policy gives the same bytes, and a web server can return them as
they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from ..errors import MissingExtraError, Problem
from ..messages.catalogue import format_problem, problem_text
from ..messages.phrases import PHRASES
from ..messages.simplified import to_simplified
from ..policy.bundled import source_name
from ..policy.compiled import CompiledPolicy, CompiledRule
from ..policy.model import (
    ELEMENT_KINDS,
    ELEMENT_SINGULAR,
    Approval,
    Deadline,
    Escalation,
    LocalText,
    Money,
    Penalty,
    Period,
    Term,
    text_in,
)
from ..toolkit.articles import Passage, citation_path, locate, source_passages
from ..toolkit.graph import Edge, Graph, Node, View, policy_graph
from ..toolkit.input_space import SpaceTooLarge
from ..toolkit.lint import lint
from .diagram import draw, svg
from .markup import Markup, el, join, page, text
from .words import Lang, Words, parse_lang

__all__ = [
    "Links",
    "PolicyStatus",
    "TestsSummary",
    "diagram",
    "index_page",
    "policy_page",
]


# --- what the pages are given ---------------------------------------------------------------


@dataclass(frozen=True)
class TestsSummary:
    """The result of a policy's ``.tests.yaml``, as the index shows it."""

    __test__ = False
    file: str
    cases: int
    passed: int
    failed: int
    problems: tuple[str, ...] = ()
    """Why the file could not run (it is then neither passed nor failed)."""


@dataclass(frozen=True)
class PolicyStatus:
    """One policy for the index: loaded (``policy``) or not (``problems``), and its tests."""

    id: str
    file: str | None = None
    policy: CompiledPolicy | None = None
    problems: tuple[str, ...] = ()
    tests: TestsSummary | None = None
    located: tuple[Problem, ...] = ()
    """The problems themselves (``problems`` is their English text), to be said in the
    page's language."""
    versions: tuple[CompiledPolicy, ...] = ()
    """Every version the catalog holds of the id, oldest ``effective_from`` first (empty:
    only ``policy``)."""

    @property
    def valid(self) -> bool:
        return self.policy is not None and not self.problems


def _policy_file(policy_id: str) -> str | None:
    return f"{policy_id}.html"


@dataclass(frozen=True)
class Links:
    """Where the pages link to each other. The static export uses file names beside each
    other (the default); a server passes its own routes."""

    index: str | None = "index.html"
    """The address of the policies' page; None: there is none."""
    policy: Callable[[str], str | None] = field(default=_policy_file)
    """The address of a policy's page, from its id; None: it has none."""
    language: Callable[[Lang], str] | None = None
    """The address of the same page in another language; None: no language links."""


# --- words ---------------------------------------------------------------------------------


class _Say:
    """The words of a page: the studio's (:mod:`.words`) and the policy's own labels."""

    def __init__(self, lang: Lang, policy_lang: str, labels_converted: bool) -> None:
        self.w = Words(lang)
        self.lang = lang
        self.phrases = PHRASES["en" if lang == "en" else "zh-Hant"]
        # A policy's labels are in its own language: marked so where the page's differs.
        self.label_lang = None if lang == policy_lang or labels_converted else policy_lang

    def __call__(self, word: str, /, **fields: object) -> str:
        return self.w(word, **fields)

    def local(self, value: str) -> str:
        """A text of the policy in the page's language where the policy gives it so (a text
        given per language), else as written."""
        if isinstance(value, LocalText):
            return value.by_lang.get(self.lang, value)
        return value

    def label(self, value: str) -> Markup:
        if isinstance(value, LocalText) and self.lang in value.by_lang:
            return text(value.by_lang[self.lang])
        return el("span", value, lang=self.label_lang) if self.label_lang else text(value)

    def term(self, term: Term | None, term_id: str) -> Markup:
        """A term's label with its id: ``被投訴單位 complained_unit``."""
        if term is None:
            return el("code", term_id)
        return join([self.label(term.label), " ", el("code", term_id, class_="id")])

    def duty(self, duty: str) -> str:
        return self.phrases.duties.get(duty, duty)

    def list(self, parts: Iterable[object]) -> Markup:
        return join(parts, self("list_sep"))


# --- articles: where each citation is shown ------------------------------------------------


def _anchor(prefix: str, value: str) -> str:
    """An id for a page anchor: ASCII, stable, unique for the value."""
    return f"{prefix}-{hashlib.sha256(value.encode('utf-8')).hexdigest()[:10]}"


def _article_order(article: str) -> tuple[int, tuple[tuple[int, int], ...], str]:
    path, _ = citation_path(article)
    levels = {"chapter": 0, "article": 1, "section": 2, "item": 3, "point": 4}
    return (0 if path else 1, tuple((levels[k], n) for k, n in path), article)


@dataclass
class _Item:
    """Something shown beside an article: a rule, an element with its own article, a
    classification row, a not-encoded reason, a clock."""

    kind: str
    html: Markup
    rule: str | None = None


@dataclass
class _Group:
    """An article the policy cites that is not a passage of the source shown."""

    anchor: str
    article: str
    items: list[_Item] = field(default_factory=list)


class _Articles:
    """Every article the policy cites, each with the anchor where it is shown: a passage
    of the source text, or a group by citation (no source text, not found in it, or the
    rule comes from a layer with another source)."""

    def __init__(
        self, policy: CompiledPolicy, source_text: str | None, bases: Sequence[CompiledPolicy]
    ) -> None:
        self.policy = policy
        own = source_name(policy.policy.source)
        self.own_source = own
        self.sources = {b.id: source_name(b.policy.source) for b in bases}
        self.sources[policy.id] = own
        self.passages = source_passages(source_text) if source_text is not None else None
        self.placed: dict[int, list[_Item]] = {}
        self.found: dict[tuple[str, str], Passage | None] = {}
        self.groups: dict[str, dict[str, _Group]] = {}  # layer → article → group

    def shown_with_source(self, layer: str) -> bool:
        if self.passages is None:
            return False
        return layer == self.policy.id or (
            self.sources.get(layer) is not None and self.sources.get(layer) == self.own_source
        )

    def passage(self, layer: str, article: str) -> Passage | None:
        if not self.shown_with_source(layer) or self.passages is None:
            return None
        key = (layer, article)
        if key not in self.found:
            self.found[key] = locate(article, self.passages)
        return self.found[key]

    def group(self, layer: str, article: str) -> _Group:
        # Articles of the page's own document that are not found are one group.
        home = self.policy.id if self.shown_with_source(layer) else layer
        groups = self.groups.setdefault(home, {})
        if article not in groups:
            groups[article] = _Group(_anchor(f"a-{home}", article), article)
        return groups[article]

    def href(self, layer: str, article: str) -> str:
        found = self.passage(layer, article)
        if found is not None:
            return f"#p-{found.index}"
        return "#" + self.group(layer, article).anchor

    def place(self, layer: str, article: str, item: _Item) -> None:
        found = self.passage(layer, article)
        if found is not None:
            self.placed.setdefault(found.index, []).append(item)
        else:
            self.group(layer, article).items.append(item)

    def covered(self) -> set[int]:
        """The passages with something placed at or below them."""
        assert self.passages is not None
        out: set[int] = set()
        for index in self.placed:
            out.update(self.passages[index].lineage or (index,))
        return out


# --- the words of a policy's parts ----------------------------------------------------------


class _Policy:
    """One policy, worded for one page."""

    def __init__(
        self,
        policy: CompiledPolicy,
        say: _Say,
        articles: _Articles,
        bases: Sequence[CompiledPolicy],
    ) -> None:
        self.cp = policy
        self.p = policy.policy
        self.say = say
        self.articles = articles
        self.bases = {b.id: b for b in bases}
        self.facts = {f.id: f for f in self.p.facts}
        self.parameters = {p.id: p for p in self.p.parameters}
        self.lookups = {
            "channel": policy.channels,
            "category": policy.categories,
            "level": policy.levels,
            "finding": policy.findings,
        }

    # -- layers ----------------------------------------------------------------------------

    def layer_of(self, find: Callable[[CompiledPolicy], object], mine: object) -> str:
        """The deepest layer holding ``mine`` as it is (the base a term came from)."""
        for layer in self.cp.layers[:-1]:
            base = self.bases.get(layer.id)
            if base is not None and find(base) == mine:
                return layer.id
        return self.cp.id

    def term_layer(self, kind: str, term: Term) -> str:
        def find(base: CompiledPolicy) -> object:
            return next((t for t in getattr(base.policy.vocabulary, kind) if t.id == term.id), None)

        return self.layer_of(find, term)

    def item_layer(self, field: str, item: Any) -> str:
        """The layer of a fact or parameter (by id, as it is)."""

        def find(base: CompiledPolicy) -> object:
            return next((i for i in getattr(base.policy, field) if i.id == item.id), None)

        return self.layer_of(find, item)

    # -- links -----------------------------------------------------------------------------

    def article(self, layer: str, article: str | None) -> Markup:
        if not article:
            return text("")
        short = "article" if len(article) <= 12 else None
        return el("a", article, href=self.articles.href(layer, article), class_=short)

    def rule_link(self, rule: CompiledRule) -> Markup:
        return el("a", el("code", rule.rule.id), href=f"#rule-{rule.rule.id}")

    def role(self, role_id: str) -> Markup:
        term = self.cp.roles.terms.get(role_id)
        return el("a", self.say.term(term, role_id), href=f"#role-{role_id}")

    def roles(self, ids: Iterable[str]) -> Markup:
        return self.say.list(self.role(r) for r in ids) or text("—")

    def term_link(self, kind: str, term_id: str) -> Markup:
        lookup = {
            "channel": self.cp.channels,
            "category": self.cp.categories,
            "level": self.cp.levels,
            "finding": self.cp.findings,
            "sanction": self.cp.sanctions,
            "event": self.cp.events,
        }[kind]
        term = lookup.terms.get(term_id)
        if term is None:
            return el("code", term_id)
        return el("a", self.say.term(term, term_id), href=f"#{kind}-{term_id}")

    def fact(self, fact_id: str) -> Markup:
        fact = self.facts.get(fact_id)
        if fact is None:
            return el("code", fact_id)
        return el("a", self.say.term(fact, fact_id), href=f"#fact-{fact_id}")

    # -- values ----------------------------------------------------------------------------

    def period(self, period: Period | None) -> str:
        if period is None:
            return "—"
        unit = period.unit
        if unit == "end_of_month":
            return self.say.phrases.units[unit]
        low, high = period.bounds
        amount = str(low) if low == high else self.say("range", low=low, high=high)
        words = self.say.phrases.units[unit]
        return f"{amount}{words}" if self.say.lang != "en" else f"{amount} {words}"

    def money(self, money: Money | None) -> Markup:
        if money is None:
            return text(self.say("no_amount"))
        if money.parameter is not None:
            param = self.parameters.get(money.parameter)
            name = el("a", el("code", money.parameter), href=f"#parameter-{money.parameter}")
            if param is None or param.value is None:
                value: Markup = el("span", self.say("unset"), class_="flag gap")
            else:
                value = text(self.say("yuan", amount=param.value))
            return Markup(
                text(self.say("parameter_value", name="\x00", value="\x01"))
                .replace("\x00", name)
                .replace("\x01", value)
            )
        if money.min == money.max:
            return text(self.say("yuan", amount=money.min))
        span = self.say("range", low=money.min, high=money.max)
        return text(self.say("yuan", amount=span))

    def starts(self, deadline: Deadline) -> Markup:
        if deadline.within is None:
            return text("—")
        if deadline.starts == "received":
            return text(self.say("received"))
        return self.fact(deadline.starts)

    def deadline_period(self, deadline: Deadline) -> Markup:
        if deadline.within is not None:
            return text(self.period(deadline.within))
        facts = self.say.list(self.fact(f) for f in deadline.until)
        return _fill(self.say("until_earliest", facts="\x00"), facts=facts)

    # -- conditions ------------------------------------------------------------------------

    def condition(self, cond: Mapping[str, Any] | None) -> Markup:
        if not cond:
            return text(self.say("every_complaint"))
        return join((self.part(k, v) for k, v in cond.items()), self.say("and"))

    def part(self, key: str, value: Any, *, bare: bool = False) -> Markup:
        """One key of a condition; ``bare`` leaves out the name of a vocabulary key (in a
        column that names it)."""
        say = self.say
        if key in ("all", "any"):
            inner = [self.condition(c) for c in value]
            if key == "all":
                return join(inner, say("and"))
            return join((Markup(f"({c})") if len(value) > 1 else c for c in inner), say("or"))
        if key == "not":
            return _fill(say("not", inner="\x00"), inner=self.condition(value))
        if key in self.lookups:
            name = "" if bare else say(f"col_{key}")
            op, arg = ("in", value) if not isinstance(value, Mapping) else next(iter(value.items()))
            ids = arg if isinstance(arg, list) else [arg]
            values = join((self.term_link(key, i) for i in ids), say("or"))
            if bare and op == "in":
                return values
            template = {
                "in": "is",
                "not_in": "is_not",
                "at_least": "at_least",
                "at_most": "at_most",
            }
            return _fill(say(template[op], what=name, values="\x00"), values=values)
        fact = self.fact(key)
        op, arg = ("eq", value) if not isinstance(value, Mapping) else next(iter(value.items()))
        if op == "given":
            return _fill(say("given" if arg else "not_given", fact="\x00"), fact=fact)
        shown = say("yes" if arg else "no") if isinstance(arg, bool) else str(arg)
        sign = {"eq": "=", "ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[op]
        return join([fact, f" {sign} {shown}"])

    # -- one element in words --------------------------------------------------------------

    def element(self, kind: str, element: Any) -> Markup:
        """An element of a rule in a line, for the rule's card."""
        say = self.say
        if kind == "routing":
            return join([say.duty(element.duty), say("colon"), self.role(element.role)])
        label = say.label(element.label) if hasattr(element, "label") else None
        ident = el("code", element.id, class_="id") if hasattr(element, "id") else None
        head = join([say(f"element_{ELEMENT_SINGULAR[kind]}"), " ", ident, " ", label, ":"])
        if kind == "deadlines":
            start = self.starts(element)
            body = _fill(
                say("period_from", period="\x00", start="\x01"),
                period=self.deadline_period(element),
                start=start,
            )
            if element.within is None:
                body = self.deadline_period(element)
        elif kind == "actions":
            body = join([self.roles(element.by) if element.by else "", " ", element.deadline or ""])
        elif kind == "escalations":
            body = join([self.trigger(element), " → ", self.roles(element.to)])
        elif kind == "reports":
            due = say("due_within", period=self.period(element.due)) if element.due else ""
            frequency = say(f"frequency_{element.frequency}")
            body = join([self.roles(element.to), " ", frequency, " ", due])
        elif kind == "retention":
            body = text(self.retention(element))
        elif kind == "penalties":
            body = join(
                [
                    self.term_link("finding", element.finding),
                    " → ",
                    self.roles(element.subjects),
                    " · ",
                    self.money(element.amount_yuan),
                ]
            )
        elif kind == "approvals":
            body = self.say.list(self.tiers(element))
        else:
            body = text("")
        return join([head, " ", body])

    def retention(self, item: Any) -> str:
        if item.years is None:
            return self.say("no_term")
        return self.say("years_at_least" if item.at_least else "years", years=item.years)

    def trigger(self, esc: Escalation) -> Markup:
        if esc.on == "received":
            return text(self.say("received"))
        if esc.on == "deadline_missed":
            target = el("a", el("code", esc.deadline or ""), href=f"#deadline-{esc.deadline}")
            return _fill(self.say("missed", deadline="\x00"), deadline=target)
        return self.term_link("event", esc.on)

    def tiers(self, approval: Approval) -> list[Markup]:
        out = [
            _fill(
                self.say("tier_up_to", role="\x00", limit="\x01"),
                role=self.role(tier.role),
                limit=self.money(tier.limit_yuan),
            )
            for tier in approval.tiers
        ]
        out.append(_fill(self.say("above", roles="\x00"), roles=self.roles(approval.above)))
        return out


def _fill(template: str, **parts: Markup) -> Markup:
    """``template`` escaped, with its placeholders (\\x00, \\x01 in the order of ``parts``)
    replaced by markup."""
    out = str(text(template))
    for mark, value in zip(("\x00", "\x01"), parts.values(), strict=False):
        out = out.replace(mark, value)
    return Markup(out)


# --- the sections of a policy's page --------------------------------------------------------


def _table(
    headers: Sequence[str], rows: Iterable[Markup], caption: str | None = None, **attrs: str
) -> Markup:
    return el(
        "table",
        el("caption", caption) if caption else None,
        el("thead", el("tr", (el("th", h, scope="col") for h in headers))),
        el("tbody", list(rows)),
        **attrs,
    )


def _section(ident: str, heading: str, *body: object) -> Markup:
    return el(
        "section",
        el("h2", heading, id=f"{ident}-heading"),
        *body,
        id=ident,
        aria_labelledby=f"{ident}-heading",
    )


class _PolicyPage:
    def __init__(
        self,
        policy: CompiledPolicy,
        *,
        source_text: str | None,
        bases: Sequence[CompiledPolicy],
        status: PolicyStatus | None,
        lang: Lang,
        links: Links,
        converted: bool,
    ) -> None:
        self.cp = policy
        self.p = policy.policy
        self.say = _Say(lang, self.p.language, converted)
        self.articles = _Articles(policy, source_text, bases)
        self.x = _Policy(policy, self.say, self.articles, bases)
        self.status = status
        self.links = links
        self.lang = lang
        self.source_text = source_text
        self.cards: dict[str, Markup] = {}

    # -- the rules, article by article -----------------------------------------------------

    def collect(self) -> None:
        """Place every rule, element, row, reason and clock at its article."""
        x, a, say = self.x, self.articles, self.say
        for rule in self.cp.rules:
            a.place(rule.layer, rule.rule.article, _Item("rule", self.card(rule), rule.rule.id))
            for kind in ("routing", *ELEMENT_KINDS, "gaps"):
                for element in getattr(rule.rule, kind):
                    if element.article and element.article != rule.rule.article:
                        line = self.element_line(rule, kind, element)
                        a.place(rule.layer, element.article, _Item(kind, line, rule.rule.id))
        classification = self.p.classification
        if classification is not None:
            layer = x.layer_of(lambda b: b.policy.classification, classification)
            for row in classification.rows:
                line = join(
                    [
                        el("span", say("element_row"), class_="muted"),
                        " ",
                        el("a", el("code", row.id), href=f"#row-{row.id}"),
                        " → ",
                        x.term_link("level", row.level),
                    ]
                )
                a.place(layer, row.article, _Item("row", line))
        for item in self.p.not_encoded:
            line = join(
                [
                    el("span", say("element_not_encoded"), class_="flag gap"),
                    " ",
                    self.say.local(item.reason).strip(),
                ]
            )
            a.place(self.cp.id, item.article, _Item("not_encoded", line))
        lifecycle = self.p.lifecycle
        for clock in lifecycle.clocks if lifecycle else ():
            line = join(
                [
                    el("span", say("element_clock"), class_="muted"),
                    " ",
                    el("a", el("code", clock.id), href=f"#clock-{clock.id}"),
                    " ",
                    say.label(clock.label),
                ]
            )
            layer = self.cp.lifecycle_layers.get(f"clocks:{clock.id}", self.cp.id)
            a.place(layer, clock.article, _Item("clock", line))

    def element_line(self, rule: CompiledRule, kind: str, element: Any) -> Markup:
        where = join([self.x.rule_link(rule), " › "])
        if kind == "gaps":
            return join(
                [
                    where,
                    el("span", self.say("element_gap"), class_="flag gap"),
                    " ",
                    self.say.local(element.text),
                ]
            )
        return join([where, self.x.element(kind, element)])

    def card(self, rule: CompiledRule) -> Markup:
        say, x = self.say, self.x
        r = rule.rule
        head = [el("code", r.id), " "]
        if r.title:
            head.append(say.label(r.title))
        head += [" · ", x.article(rule.layer, r.article)]
        if rule.layer != self.cp.id:
            head += [" ", el("span", say("from_layer", layer=rule.layer), class_="muted")]
        lines: list[Markup] = []
        for kind in ("routing", *ELEMENT_KINDS):
            for element in getattr(r, kind):
                line = x.element(kind, element)
                if element.article and element.article != r.article:
                    line = join([line, " [", x.article(rule.layer, element.article), "]"])
                lines.append(el("li", line))
        for gap in r.gaps:
            lines.append(
                el(
                    "li",
                    el("span", say("element_gap"), class_="flag gap"),
                    " ",
                    say.local(gap.text),
                    class_="gap",
                )
            )
        return el(
            "div",
            el("div", head, class_="head"),
            el("div", _fill(say("when", condition="\x00"), condition=x.condition(r.when)))
            if r.when
            else None,
            el("div", say("quote"), say.label(r.quote), class_="note") if r.quote else None,
            el("ul", lines, class_="items") if lines else None,
            class_="rule",
            id=f"rule-{r.id}",
        )

    def items(self, items: list[_Item]) -> Markup:
        return el("ul", (el("li", i.html) for i in items), class_="items") if items else text("")

    def source_section(self) -> Markup:
        say, a = self.say, self.articles
        assert a.passages is not None
        covered = a.covered()
        numbered = any(p.path and p.path[-1][0] == "article" for p in a.passages)
        rows = []
        for passage in a.passages:
            items = a.placed.get(passage.index, [])
            is_article = bool(passage.path) and passage.path[-1][0] == "article"
            missing = numbered and is_article and passage.index not in covered
            cells = [
                el(
                    "td",
                    el("span", passage.mark, class_="mark") if passage.mark else None,
                    passage.text[len(passage.mark) :] if passage.mark else passage.text,
                    class_="passage",
                    lang=self.say.label_lang,
                ),
                el(
                    "td",
                    el("span", say("missing_article"), class_="flag conflict") if missing else None,
                    self.items(items),
                ),
            ]
            heading = bool(passage.path) and passage.path[-1][0] == "chapter"
            classes = " ".join(
                c for c in ("heading" if heading else "", "missing" if missing else "") if c
            )
            rows.append(el("tr", cells, id=f"p-{passage.index}", class_=classes or None))
        body: list[Markup] = [
            el("p", say("source_intro"), class_="note"),
            _table([say("col_passage"), say("col_encoded")], rows, class_="source"),
        ]
        body += self.groups(self.cp.id, say("sec_not_found"), "not-found")
        return _section("source", say("sec_source"), body)

    def groups(self, layer: str, heading: str | None, ident: str) -> list[Markup]:
        """The articles of ``layer`` not shown as passages, in article order, each with what
        cites it; under ``heading`` if given."""
        groups = self.articles.groups.get(layer, {})
        if not groups:
            return []
        rows = [
            el(
                "tr",
                el("th", group.article, scope="row", lang=self.say.label_lang),
                el("td", self.items(group.items)),
                id=group.anchor,
            )
            for group in sorted(groups.values(), key=lambda g: _article_order(g.article))
        ]
        table = _table([self.say("col_article"), self.say("col_encoded")], rows)
        return [el("h3", heading, id=f"{ident}-heading"), table] if heading else [table]

    def by_article_section(self) -> Markup:
        say = self.say
        body: list[Markup] = [
            el("p", say("no_source_text", source=self.p.source), class_="note"),
            *self.groups(self.cp.id, None, "by-article"),
        ]
        return _section("source", say("sec_by_article"), body)

    def other_layers(self) -> list[Markup]:
        out: list[Markup] = []
        for layer in list(self.articles.groups):
            if layer == self.cp.id:
                continue
            out += self.groups(layer, self.say("sec_other_layer", layer=layer), f"layer-{layer}")
        return out

    # -- not encoded -----------------------------------------------------------------------

    def not_encoded(self) -> Markup:
        say, x = self.say, self.x
        rows = [
            el(
                "tr",
                el("td", x.article(self.cp.id, item.article)),
                el("td", say.local(item.reason).strip()),
                el("td", item.verification or ""),
            )
            for item in self.p.not_encoded
        ]
        body: list[Markup] = [
            _table([say("col_article"), say("col_reason"), say("col_verification")], rows)
            if rows
            else el("p", say("no_not_encoded"))
        ]
        if self.p.defects:
            body.append(el("h3", say("sec_defects"), id="defects-heading"))
            body.append(el("ul", (el("li", d.strip()) for d in self.p.defects)))
        return _section("not-encoded", say("sec_not_encoded"), body)

    # -- vocabulary ------------------------------------------------------------------------

    def vocabulary(self) -> Markup:
        say, x = self.say, self.x
        vocab = self.p.vocabulary
        body: list[Markup] = []
        kinds = (
            ("roles", "role"),
            ("channels", "channel"),
            ("categories", "category"),
            ("levels", "level"),
            ("findings", "finding"),
            ("sanctions", "sanction"),
            ("events", "event"),
        )
        for plural, singular in kinds:
            terms = getattr(vocab, plural)
            headers = [say("col_id"), say("col_label"), say("col_aliases")]
            headers += [say("col_reports_to")] if plural == "roles" else []
            headers += [say("col_article"), say("col_description")]
            rows = []
            for term in terms:
                layer = x.term_layer(plural, term)
                cells = [
                    el("th", el("code", term.id), scope="row"),
                    el("td", say.label(term.label)),
                    el("td", say.list(say.label(a) for a in term.aliases)),
                ]
                if plural == "roles":
                    cells.append(el("td", x.role(term.reports_to) if term.reports_to else ""))
                cells += [
                    el("td", x.article(layer, term.article)),
                    el("td", say.label(term.description) if term.description else ""),
                ]
                rows.append(el("tr", cells, id=f"{singular}-{term.id}"))
            body.append(el("h3", say(plural), id=f"vocabulary-{plural}"))
            body.append(_table(headers, rows) if rows else el("p", say("no_terms")))
        fact_rows = [
            el(
                "tr",
                el("th", el("code", f.id), scope="row"),
                el("td", say.label(f.label)),
                el("td", f.type),
                el("td", "" if f.default is None else _value(say, f.default)),
                el("td", x.article(x.item_layer("facts", f), f.article)),
                el("td", say.label(f.description) if f.description else ""),
                id=f"fact-{f.id}",
            )
            for f in self.p.facts
        ]
        body.append(el("h3", say("facts"), id="vocabulary-facts"))
        headers = [
            say("col_id"),
            say("col_label"),
            say("col_type"),
            say("col_default"),
            say("col_article"),
            say("col_description"),
        ]
        body.append(_table(headers, fact_rows) if fact_rows else el("p", say("no_terms")))
        param_rows = [
            el(
                "tr",
                el("th", el("code", p.id), scope="row"),
                el("td", say.label(p.label)),
                el("td", p.type),
                el(
                    "td",
                    el("span", say("unset"), class_="flag gap")
                    if p.value is None
                    else (say("yuan", amount=p.value) if p.type == "money" else str(p.value)),
                ),
                el("td", x.article(x.item_layer("parameters", p), p.article)),
                id=f"parameter-{p.id}",
                class_="gap" if p.value is None else None,
            )
            for p in self.p.parameters
        ]
        if param_rows:
            body.append(el("h3", say("parameters"), id="vocabulary-parameters"))
            headers = [say("col_id"), say("col_label"), say("col_type"), say("col_value")]
            body.append(_table([*headers, say("col_article")], param_rows))
        return _section("vocabulary", say("sec_vocabulary"), body)

    # -- classification --------------------------------------------------------------------

    def classification(self) -> Markup:
        say, x = self.say, self.x
        table = self.p.classification
        body: list[Markup] = []
        if self.p.level_input:
            body.append(el("p", say(f"level_input_{self.p.level_input}")))
        if table is None:
            body.append(el("p", say("no_classification")))
            return _section("classification", say("sec_classification"), body)
        layer = x.layer_of(lambda b: b.policy.classification, table)
        keys: list[str] = []
        for row in table.rows:
            for key in row.when:
                if key not in ("all", "any", "not") and key not in keys:
                    keys.append(key)
        other = any(k in ("all", "any", "not") for row in table.rows for k in row.when)

        def key_header(key: str) -> str:
            if key in x.lookups:
                return say(f"col_{key}")
            fact = x.facts.get(key)
            return fact.label if fact else key

        headers = [say("col_order"), say("col_row"), *(key_header(k) for k in keys)]
        headers += [say("col_other_conditions")] if other else []
        headers += [say("col_gives_level"), say("col_article")]
        rows = []
        for i, row in enumerate(table.rows, start=1):
            cells = [el("td", str(i)), el("th", el("code", row.id), scope="row")]
            for key in keys:
                cells.append(
                    el("td", x.part(key, row.when[key], bare=True) if key in row.when else "")
                )
            if other:
                rest = {k: v for k, v in row.when.items() if k in ("all", "any", "not")}
                cells.append(el("td", x.condition(rest) if rest else ""))
            cells += [
                el("td", x.term_link("level", row.level)),
                el("td", x.article(layer, row.article)),
            ]
            rows.append(el("tr", cells, id=f"row-{row.id}"))
        body.append(el("p", say("classification_intro"), class_="note"))
        body.append(_table(headers, rows, class_="decision"))
        if table.default is not None:
            level = x.term_link("level", table.default)
            body.append(el("p", _fill(say("classification_default", level="\x00"), level=level)))
        else:
            body.append(el("p", say("classification_no_default")))
        if table.unclassified_gap:
            body.append(
                el(
                    "p",
                    el("span", say("element_gap"), class_="flag gap"),
                    " ",
                    say.local(table.unclassified_gap),
                )
            )
        return _section("classification", say("sec_classification"), body)

    # -- routing ---------------------------------------------------------------------------

    def routing(self) -> Markup:
        say, x = self.say, self.x
        channels = [t.id for t in self.p.vocabulary.channels]
        by_channel: dict[str | None, list[tuple[CompiledRule, Any]]] = {}
        for rule in self.cp.rules:
            if not rule.rule.routing:
                continue
            only = _channels(rule.rule.when, channels)
            for channel in [None] if only is None else only:
                by_channel.setdefault(channel, []).extend((rule, a) for a in rule.rule.routing)
        body: list[Markup] = [el("p", say("routing_intro"), class_="note")]
        if not by_channel:
            body.append(el("p", say("no_routing")))
        rows = []
        for channel in [None, *channels]:
            entries = by_channel.get(channel, [])
            if not entries:
                continue
            head = say("every_channel") if channel is None else x.term_link("channel", channel)
            for k, (rule, assignment) in enumerate(entries):
                rest = _without_channel(rule.rule.when)
                cells = []
                if k == 0:
                    cells.append(el("th", head, scope="rowgroup", rowspan=len(entries)))
                cells += [
                    el("td", x.rule_link(rule)),
                    el("td", x.condition(rest) if rest else ""),
                    el("td", say.duty(assignment.duty)),
                    el("td", x.role(assignment.role)),
                    el("td", x.article(rule.layer, assignment.article or rule.rule.article)),
                ]
                rows.append(el("tr", cells))
        if rows:
            headers = [
                say("col_channel"),
                say("col_rule"),
                say("col_other_conditions"),
                say("col_duty"),
                say("col_role"),
                say("col_article"),
            ]
            body.append(_table(headers, rows))
        body.append(self.figure("routing"))
        return _section("routing", say("sec_routing"), body)

    # -- deadlines -------------------------------------------------------------------------

    def deadlines(self) -> Markup:
        say, x = self.say, self.x
        rows = []
        for rule in self.cp.rules:
            for d in rule.rule.deadlines:
                rows.append(
                    el(
                        "tr",
                        el("th", el("code", d.id), scope="row"),
                        el("td", say.label(d.label)),
                        el("td", x.deadline_period(d)),
                        el("td", x.starts(d)),
                        el("td", x.roles(d.by) if d.by else ""),
                        el("td", x.rule_link(rule)),
                        el("td", x.condition(rule.rule.when)),
                        el("td", x.article(rule.layer, d.article or rule.rule.article)),
                        id=f"deadline-{d.id}",
                    )
                )
        headers = [
            say("col_deadline"),
            say("col_label"),
            say("col_period"),
            say("col_from"),
            say("col_by"),
            say("col_rule"),
            say("col_condition"),
            say("col_article"),
        ]
        body: list[Markup] = [_table(headers, rows) if rows else el("p", say("no_deadlines"))]
        if rows:
            cut_off = self.cp.convention.day_ends_at
            if cut_off is None:
                body.append(el("p", say("day_end_note"), class_="note"))
            else:
                body.append(
                    el("p", say("day_end_cut_off", time=cut_off.isoformat()), class_="note")
                )
        lifecycle = self.p.lifecycle
        clocks = lifecycle.clocks if lifecycle else ()
        if clocks:
            body.append(el("h3", say("sec_clocks"), id="clocks-heading"))
            clock_rows = []
            for clock in clocks:
                period: Markup = (
                    text(x.period(clock.within))
                    if clock.within is not None
                    else say.list(
                        el("a", el("code", d), href=f"#deadline-{d}") for d in clock.deadlines
                    )
                )
                layer = self.cp.lifecycle_layers.get(f"clocks:{clock.id}", self.cp.id)
                clock_rows.append(
                    el(
                        "tr",
                        el("th", el("code", clock.id), scope="row"),
                        el("td", say.label(clock.label)),
                        el("td", period),
                        el("td", self.events(clock.starts)),
                        el("td", self.events(clock.meets)),
                        el("td", self.events(clock.pauses), " / ", self.events(clock.resumes))
                        if clock.pauses or clock.resumes
                        else el("td", ""),
                        el(
                            "td",
                            say.list(
                                join([say.label(e.label), " → ", x.period(e.to)])
                                for e in clock.extensions
                            ),
                        ),
                        el("td", x.article(layer, clock.article)),
                        id=f"clock-{clock.id}",
                    )
                )
            headers = [
                say("col_clock"),
                say("col_label"),
                say("col_period"),
                say("col_starts"),
                say("col_meets"),
                say("col_pauses"),
                say("col_extensions"),
                say("col_article"),
            ]
            body.append(_table(headers, clock_rows))
        return _section("deadlines", say("sec_deadlines"), body)

    def events(self, ids: Iterable[str]) -> Markup:
        parts = []
        for event in ids:
            if event in self.cp.events.terms:
                parts.append(self.x.term_link("event", event))
            else:
                parts.append(el("code", event))
        return self.say.list(parts)

    # -- escalations -----------------------------------------------------------------------

    def escalations(self) -> Markup:
        say, x = self.say, self.x
        rows = []
        for rule in self.cp.rules:
            for esc in rule.rule.escalations:
                rows.append(
                    el(
                        "tr",
                        el("th", el("code", esc.id), scope="row"),
                        el("td", say.label(esc.label)),
                        el("td", x.trigger(esc)),
                        el("td", x.roles(esc.by) if esc.by else ""),
                        el("td", x.roles(esc.to)),
                        el(
                            "td",
                            el("a", el("code", esc.next), href=f"#escalation-{esc.next}")
                            if esc.next
                            else "",
                        ),
                        el("td", x.rule_link(rule)),
                        el("td", x.article(rule.layer, esc.article or rule.rule.article)),
                        id=f"escalation-{esc.id}",
                    )
                )
        body: list[Markup] = [self.figure("escalation")]
        if rows:
            headers = [
                say("col_step"),
                say("col_label"),
                say("col_trigger"),
                say("col_by"),
                say("col_to"),
                say("col_next"),
                say("col_rule"),
                say("col_article"),
            ]
            body.append(_table(headers, rows))
        return _section("escalations", say("sec_escalations"), body)

    def figure(self, view: View) -> Markup:
        say = self.say
        graph = policy_graph(self.cp, view)
        if not graph.nodes:
            return el("p", say("no_escalations" if view == "escalation" else "no_routing"))
        drawing = diagram(self.cp, view, self.lang, ident=f"diagram-{view}")
        return el(
            "figure",
            Markup(drawing),
            el("figcaption", say(f"diagram_{view}_legend")),
            class_="diagram",
        )

    # -- penalties -------------------------------------------------------------------------

    def penalties(self) -> Markup:
        say, x = self.say, self.x
        by_finding: dict[str, list[tuple[CompiledRule, Penalty]]] = {}
        for rule in self.cp.rules:
            for penalty in rule.rule.penalties:
                by_finding.setdefault(penalty.finding, []).append((rule, penalty))
        order = [t.id for t in self.p.vocabulary.findings]
        order += [f for f in by_finding if f not in order]
        body: list[Markup] = []
        for finding in order:
            entries = by_finding.get(finding)
            if not entries:
                continue
            rows = []
            for rule, p in entries:
                sanctions = say.list(
                    _fill(
                        say("sanction_always", sanction="\x00"),
                        sanction=x.term_link("sanction", s.sanction),
                    )
                    if s.when is None and not s.condition_text
                    else _fill(
                        say("sanction_when", sanction="\x00", condition="\x01"),
                        sanction=x.term_link("sanction", s.sanction),
                        condition=x.condition(s.when) if s.when else text(s.condition_text or ""),
                    )
                    for s in p.sanctions
                )
                rows.append(
                    el(
                        "tr",
                        el("th", el("code", p.id), scope="row"),
                        el("td", say.label(p.label)),
                        el("td", x.roles(p.subjects)),
                        el("td", say(f"kind_{p.kind}")),
                        el("td", x.money(p.amount_yuan) if p.kind != "none" else ""),
                        el("td", say(f"per_{p.per}") if p.kind != "none" else ""),
                        el("td", sanctions),
                        el("td", x.rule_link(rule)),
                        el("td", x.article(rule.layer, p.article or rule.rule.article)),
                        id=f"penalty-{p.id}",
                    )
                )
            heading = x.term_link("finding", finding)
            body.append(el("h3", heading, id=f"penalties-{finding}"))
            headers = [
                say("col_penalty"),
                say("col_label"),
                say("col_subjects"),
                say("col_kind"),
                say("col_amount"),
                say("col_per"),
                say("col_sanctions"),
                say("col_rule"),
                say("col_article"),
            ]
            body.append(_table(headers, rows))
        if not body:
            body.append(el("p", say("no_penalties")))
        return _section("penalties", say("sec_penalties"), body)

    # -- approvals -------------------------------------------------------------------------

    def approvals(self) -> Markup:
        say, x = self.say, self.x
        body: list[Markup] = []
        for rule in self.cp.rules:
            for approval in rule.rule.approvals:
                body.append(
                    el(
                        "h3",
                        el("code", approval.id),
                        " ",
                        say.label(approval.label),
                        id=f"approval-{approval.id}",
                    )
                )
                body.append(
                    el(
                        "p",
                        _fill(say("amount_fact", fact="\x00"), fact=x.fact(approval.amount_fact)),
                        " · ",
                        x.rule_link(rule),
                        " · ",
                        x.article(rule.layer, approval.article or rule.rule.article),
                    )
                )
                body.append(el("ol", (el("li", t) for t in x.tiers(approval)), class_="chain"))
        if not body:
            body.append(el("p", say("no_approvals")))
        return _section("approvals", say("sec_approvals"), body)

    # -- gaps and conflicts ----------------------------------------------------------------

    def gaps(self, bases: Sequence[CompiledPolicy]) -> Markup:
        say, x = self.say, self.x
        rows: list[Markup] = []

        def row(about: str, words: object, where: Markup, article: Markup) -> None:
            rows.append(
                el(
                    "tr",
                    el("td", about),
                    el("td", words),
                    el("td", where),
                    el("td", article),
                    class_="gap",
                )
            )

        table = self.p.classification
        if table is not None and table.unclassified_gap:
            row(
                say.phrases.abouts["level"],
                say.local(table.unclassified_gap),
                el("a", say("gap_unclassified"), href="#classification"),
                text(""),
            )
        for param in self.p.parameters:
            if param.value is None:
                row(
                    say.phrases.abouts["amount"],
                    say("gap_parameter", name=param.id) + " — " + say.local(param.label),
                    el("a", el("code", param.id), href=f"#parameter-{param.id}"),
                    x.article(x.item_layer("parameters", param), param.article),
                )
        for rule in self.cp.rules:
            for gap in rule.rule.gaps:
                row(
                    say.phrases.abouts.get(gap.about, gap.about),
                    say.local(gap.text),
                    x.rule_link(rule),
                    x.article(rule.layer, gap.article or rule.rule.article),
                )
        lifecycle = self.p.lifecycle
        for i, gap in enumerate(lifecycle.gaps if lifecycle else ()):
            layer = self.cp.lifecycle_layers.get(f"gaps:{i}", self.cp.id)
            row(
                say.phrases.abouts.get(gap.about, gap.about),
                say.local(gap.text),
                text(say("gap_lifecycle")),
                x.article(layer, gap.article),
            )
        body: list[Markup] = [el("p", say("gaps_intro"), class_="note")]
        body.append(el("h3", say("gaps_heading"), id="gaps-list-heading"))
        headers = [say("col_about"), say("col_text"), say("col_where"), say("col_article")]
        body.append(_table(headers, rows) if rows else el("p", say("no_gaps")))
        body.append(el("h3", say("conflicts_heading"), id="conflicts-heading"))
        body += self.conflicts(bases)
        return _section("gaps", say("sec_gaps"), body)

    def conflicts(self, bases: Sequence[CompiledPolicy]) -> list[Markup]:
        say, x = self.say, self.x
        base = next((b for b in bases if b.id == self.p.extends), None)
        try:
            findings = lint(self.cp, base=base).findings
        except SpaceTooLarge as exc:
            return [el("p", say("conflicts_unknown", reason=problem_text(exc.problem, self.lang)))]
        found = [f for f in findings if f.code.startswith("conflicting-")]
        if not found:
            return [el("p", say("conflicts_none"))]
        rules = {r.rule.id: r for r in self.cp.rules}
        rows = []
        for f in found:
            rule = rules.get(f.rule or "")
            rows.append(
                el(
                    "tr",
                    el("td", el("code", f.code)),
                    el("td", f.sentence(self.lang)),
                    el("td", x.rule_link(rule) if rule else ""),
                    el("td", x.article(rule.layer, f.article) if rule and f.article else ""),
                    class_="conflict",
                )
            )
        headers = [say("col_kind"), say("col_text"), say("col_rule"), say("col_article")]
        return [el("p", say("conflicts_intro"), class_="note"), _table(headers, rows)]

    # -- the page --------------------------------------------------------------------------

    def render(self, bases: Sequence[CompiledPolicy], note: str | None) -> str:
        say = self.say
        p = self.p
        self.collect()
        # Sections render in order; every article link they make registers its anchor,
        # so the article views, which hold the anchors, are drawn last.
        rest = [
            self.not_encoded(),
            self.vocabulary(),
            self.classification(),
            self.routing(),
            self.deadlines(),
            self.escalations(),
            self.penalties(),
            self.approvals(),
            self.gaps(bases),
        ]
        first = (
            self.source_section()
            if self.articles.passages is not None
            else self.by_article_section()
        )
        others = self.other_layers()
        sections = [first, *others, *rest]
        contents = [
            (
                "source",
                say("sec_source" if self.articles.passages is not None else "sec_by_article"),
            ),
            ("not-encoded", say("sec_not_encoded")),
            ("vocabulary", say("sec_vocabulary")),
            ("classification", say("sec_classification")),
            ("routing", say("sec_routing")),
            ("deadlines", say("sec_deadlines")),
            ("escalations", say("sec_escalations")),
            ("penalties", say("sec_penalties")),
            ("approvals", say("sec_approvals")),
            ("gaps", say("sec_gaps")),
        ]
        nav = el(
            "nav",
            el("ol", (el("li", el("a", name, href=f"#{ident}")) for ident, name in contents)),
            class_="contents",
            aria_label=say("contents"),
        )
        return page(
            lang=self.lang,
            title=f"{say.local(p.institution)} — {say.local(p.title)} ({p.id} {p.version})",
            header=self.header(note),
            contents=nav,
            main=join(sections, "\n"),
            footer=el("p", say("generated"), " ", el("code", f"sha256:{self.cp.sha256}")),
            skip=say("skip"),
        )

    def header(self, note: str | None) -> Markup:
        say, p = self.say, self.p
        facts: list[Markup] = [
            el("dt", say("policy_id")),
            el("dd", el("code", p.id)),
            el("dt", say("col_version")),
            el("dd", p.version),
            el("dt", say("col_effective")),
            el("dd", _effective(say, self.status, self.cp)),
            el("dt", say("col_sha256")),
            el("dd", el("code", self.cp.sha256[:12], title=self.cp.sha256)),
            el("dt", say("source")),
            el("dd", p.source),
        ]
        if len(self.cp.layers) > 1:
            layers = join(
                (
                    join(
                        [
                            _link(el("code", layer.id), self.links.policy(layer.id)),
                            " ",
                            layer.version,
                        ]
                    )
                    for layer in self.cp.layers
                ),
                " › ",
            )
            facts += [el("dt", say("layers")), el("dd", layers)]
        if self.status is not None:
            facts += _status_facts(say, self.status)
        # Written after the Simplified conversion, so each language keeps its own name.
        language = Markup(_LANGUAGES) if self.links.language else None
        return join(
            [
                el(
                    "p",
                    el("a", say("back_to_index"), href=self.links.index)
                    if self.links.index
                    else None,
                    language,
                )
                if self.links.index or language
                else None,
                el("h1", say.label(p.institution), " — ", say.label(p.title)),
                el("dl", facts, class_="facts"),
                el("p", note, class_="notice") if note else None,
            ]
        )


def _link(content: object, href: str | None) -> Markup:
    """A link, or the content alone where there is nowhere to go."""
    return el("a", content, href=href) if href else join([content])


def _value(say: _Say, value: object) -> str:
    if isinstance(value, bool):
        return say("yes" if value else "no")
    return str(value)


def _channels(cond: Mapping[str, Any] | None, channels: list[str]) -> list[str] | None:
    """The channels a condition can hold for, in the vocabulary's order; None: it does
    not look at the channel (every channel)."""
    if not cond:
        return None
    found: list[str] | None = None
    for key, value in cond.items():
        if key == "channel":
            if isinstance(value, Mapping):
                ((op, arg),) = value.items()
                ids = set(arg if isinstance(arg, list) else [arg])
                these = [c for c in channels if (c in ids) == (op == "in")]
            else:
                ids = set(value if isinstance(value, list) else [value])
                these = [c for c in channels if c in ids]
        elif key == "all":
            these_all = [_channels(c, channels) for c in value]
            narrowed = [t for t in these_all if t is not None]
            if not narrowed:
                continue
            these = [c for c in channels if all(c in t for t in narrowed)]
        elif key == "any":
            these_any = [_channels(c, channels) for c in value]
            if any(t is None for t in these_any):
                continue
            these = [c for c in channels if any(c in t for t in these_any if t is not None)]
        else:
            continue
        found = these if found is None else [c for c in found if c in these]
    return found


def _without_channel(cond: Mapping[str, Any] | None) -> dict[str, Any]:
    """A condition without its top-level channel part (shown as the row's group)."""
    return {k: v for k, v in (cond or {}).items() if k != "channel"}


def _status_facts(say: _Say, status: PolicyStatus) -> list[Markup]:
    return [
        el("dt", say("col_validates")),
        el("dd", _validates(say, status)),
        el("dt", say("col_tests")),
        el("dd", _tests(say, status.tests)),
    ]


def _validates(say: _Say, status: PolicyStatus) -> Markup:
    if status.valid:
        return el("span", say("validates_yes"), class_="flag ok")
    said = (
        [format_problem(p, say.lang) for p in status.located]
        if status.located
        else list(status.problems)
    )
    return join(
        [
            el("span", say("validates_no"), class_="flag bad"),
            el("ul", (el("li", el("code", p)) for p in said), class_="items"),
        ]
    )


def _tests(say: _Say, tests: TestsSummary | None) -> Markup:
    if tests is None:
        return el("span", say("tests_none"), class_="muted")
    if tests.problems:
        return join(
            [
                el("span", say("tests_cannot_run"), class_="flag bad"),
                el("ul", (el("li", el("code", p)) for p in tests.problems), class_="items"),
            ]
        )
    if tests.failed:
        return el(
            "span", say("tests_failed", failed=tests.failed, cases=tests.cases), class_="flag bad"
        )
    return el("span", say("tests_passed", passed=tests.passed, cases=tests.cases), class_="flag ok")


_LANGUAGES = "<!--languages-->"


def _finish(built: str, convert: Callable[[str], str] | None, say: _Say, links: Links) -> str:
    """The page converted to Simplified if asked, then its language links put in."""
    out = convert(built) if convert else built
    return out.replace(_LANGUAGES, _language_links(say, links) or "", 1)


def _language_links(say: _Say, links: Links) -> Markup | None:
    if links.language is None:
        return None
    names: dict[Lang, str] = {"zh-Hant": "繁體中文", "zh-Hans": "简体中文", "en": "English"}
    parts = []
    for lang, name in names.items():
        if lang == say.lang:
            parts.append(el("strong", name, lang=lang, aria_current="page"))
        else:
            parts.append(el("a", name, href=links.language(lang), lang=lang, hreflang=lang))
    return join([" · ", join(parts, " · ")])


# --- simplified Chinese ---------------------------------------------------------------------


def _converter(lang: Lang) -> tuple[Callable[[str], str] | None, str | None]:
    """How a page's policy words become Simplified (None if they stay as written), and
    the note the page carries about it."""
    if lang != "zh-Hans":
        return None, None
    words = Words(lang)
    try:
        to_simplified(["測"])
    except MissingExtraError:
        return None, words("simplified_missing")
    return (lambda page: to_simplified([page])[0]), words("simplified_converted")


# --- the public functions -------------------------------------------------------------------


def policy_page(
    policy: CompiledPolicy,
    *,
    source_text: str | None = None,
    bases: Sequence[CompiledPolicy] = (),
    status: PolicyStatus | None = None,
    lang: str = "zh-Hant",
    links: Links = Links(),
) -> str:
    """The page of ``policy``: its source beside its rules, what is not encoded, its
    vocabulary, classification table, routing by channel, deadlines, escalations (drawn),
    penalties by finding, approvals, and its gaps and conflicts; every item links to its
    article.

    ``source_text`` is the text the policy encodes (see
    :func:`~complaint_rules.policy.bundled.bundled_source_text`); without it the rules are
    listed by article. ``bases`` are the policies it extends (any order), so that their
    rules are shown against their own source, and lint can compare. ``status`` adds
    whether it validates and passes its tests. ``lang`` is ``zh-Hant`` (default),
    ``zh-Hans`` or ``en``, in any case.
    """
    chosen = parse_lang(lang)
    convert, note = _converter(chosen)
    view = _PolicyPage(
        policy,
        source_text=source_text,
        bases=bases,
        status=status,
        lang=chosen,
        links=links,
        converted=convert is not None,
    )
    return _finish(view.render(bases, note), convert, view.say, links)


def index_page(
    policies: Sequence[PolicyStatus],
    *,
    lang: str = "zh-Hant",
    links: Links = Links(),
) -> str:
    """The policies: each with its institution, version, effective dates, sha256 prefix,
    whether it validates, and how its tests went; a valid one links to its page."""
    chosen = parse_lang(lang)
    convert, note = _converter(chosen)
    say = _Say(chosen, "zh-Hant", convert is not None)
    rows = []
    for status in policies:
        cp = status.policy
        name: Markup = (
            _link(el("code", status.id), links.policy(status.id))
            if status.valid
            else join([el("code", status.id), " ", el("span", say("no_page"), class_="muted")])
        )
        if cp is None:
            cells = [el("th", name, scope="row"), el("td", ""), el("td", ""), el("td", "")]
            cells += [el("td", ""), el("td", "")]
        else:
            p = cp.policy
            title = (
                join([say.label(p.title), " ", el("span", say("abstract"), class_="muted")])
                if p.abstract
                else say.label(p.title)
            )
            cells = [
                el("th", name, scope="row"),
                el("td", say.label(p.institution)),
                el("td", title),
                el("td", p.version),
                el("td", _effective(say, status, cp)),
                el("td", el("code", cp.sha256[:12], title=cp.sha256)),
            ]
        cells += [el("td", _validates(say, status)), el("td", _tests(say, status.tests))]
        rows.append(el("tr", cells, id=f"policy-{status.id}"))
    headers = [
        say("col_policy"),
        say("col_institution"),
        say("col_title"),
        say("col_version"),
        say("col_effective"),
        say("col_sha256"),
        say("col_validates"),
        say("col_tests"),
    ]
    main = join(
        [
            el("p", say("index_intro"), class_="note"),
            _table(headers, rows, class_="wide") if rows else el("p", say("index_empty")),
        ]
    )
    header = join(
        [
            el("h1", say("index_title")),
            el("p", Markup(_LANGUAGES)) if links.language else None,
            el("p", note, class_="notice") if note else None,
        ]
    )
    built = page(
        lang=chosen,
        title=say("index_title"),
        header=header,
        contents=None,
        main=main,
        footer=el("p", say("generated")),
        skip=say("skip"),
    )
    return _finish(built, convert, say, links)


def _effective(say: _Say, status: PolicyStatus | None, policy: CompiledPolicy) -> Markup:
    """When the policy is in force: from its ``effective_from``; where the catalog holds
    several versions of the id, each version with its digest, in force from its date to the
    day before the next one's (the page has no clock: none is marked as today's)."""
    versions = status.versions if status is not None and status.versions else (policy,)
    if len(versions) == 1:
        start = versions[0].policy.effective_from
        return text(say("effective_range", start=start) if start else say("effective_none"))
    items = []
    for n, version in enumerate(versions):
        start = version.policy.effective_from
        following = versions[n + 1].policy.effective_from if n + 1 < len(versions) else None
        end = following - timedelta(days=1) if following is not None else None
        if start is not None and end is not None:
            span = say("effective_span", start=start, end=end)
        elif start is not None:
            span = say("effective_range", start=start)
        elif end is not None:
            span = say("effective_until", end=end)
        else:
            span = say("effective_none")
        items.append(
            el(
                "li",
                el("span", version.version, class_="version"),
                " ",
                span,
                " ",
                el("code", version.sha256[:12], title=version.sha256),
                data_effective_from=start.isoformat() if start else "",
            )
        )
    return el("ul", items, class_="versions")


def diagram(
    policy: CompiledPolicy, view: View, lang: str = "zh-Hant", *, ident: str = "diagram"
) -> str:
    """The escalation paths (``view="escalation"``) or routing of ``policy`` as an inline
    ``<svg>``: the graph of :func:`~complaint_rules.toolkit.graph.policy_graph`, laid out
    by :mod:`.layout`, its framing words in ``lang``; each node links to its row on the
    policy's page."""
    say = Words(parse_lang(lang))
    graph = _worded(policy_graph(policy, view), say)

    duties = PHRASES["en" if say.lang == "en" else "zh-Hant"].duties

    def edge_words(edge: Edge) -> str:
        if edge.kind == "duty":
            duty = edge.label.rsplit(" ", 1)[-1]
            return duties.get(duty, duty)
        if edge.kind == "conflict":  # the label is the duty the roles cannot both hold
            return say("edge_conflict", duty=duties.get(edge.label, edge.label))
        if edge.kind == "by" and edge.label.endswith("或"):  # any one of the roles
            return say("edge_by_any")
        return say(f"edge_{edge.kind}")

    def href(node: Node) -> str | None:
        anchors = {
            "role": "role",
            "rule": "rule",
            "step": "escalation",
            "deadline": "deadline",
            "event": "event",
        }
        return f"#{anchors[node.kind]}-{node.ref}" if node.kind in anchors else None

    title = say(f"diagram_{view}") if view != "all" else policy.id
    return svg(
        draw(graph, edge_words),
        title=f"{title}: {text_in(policy.policy.institution, say.lang)}",
        description=say(f"diagram_{view}_legend") if view != "all" else "",
        ident=ident,
        href=href,
    )


def _worded(graph: Graph, say: Words) -> Graph:
    """The graph with the framing words of its nodes in the page's language: the receipt
    node's label, and only the first detail line (the id and article) of each node."""
    nodes = tuple(
        replace(
            n,
            label=say("received") if n.kind == "received" else n.label,
            detail=n.detail[:1] if n.kind != "received" else (),
        )
        for n in graph.nodes
    )
    return replace(graph, nodes=nodes)
