"""The article-by-article coverage page of a policy, generated from its YAML.

For every article the policy cites (in rules, classification rows or ``not_encoded``),
in the order the articles appear in the source text, the rule ids that encode it or the
reason it is not encoded; then the source's known defects. For sources numbered
第…條, every article found in the text gets a row, so one the policy forgot shows up as
``— missing —``. Then the duties its ``conflicts`` say roles cannot hold together. Last,
the policy's escalation paths and routing as Mermaid diagrams
(:mod:`complaint_rules.toolkit.graph`), which Markdown viewers such as GitHub's draw.

:func:`source_passages` cuts a source text into its numbered passages (第…章, 第…條, 一、,
1、, 1) or (1), whichever the source uses, nested as the source nests them), and
:func:`locate` finds the passage a citation such as ``第十一條(處罰)六`` or ``三、4、2)``
points to, so that a rule can be shown beside the words it encodes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..messages.phrases import chinese_number
from ..policy.compiled import CompiledPolicy
from ..policy.model import text_in
from .graph import View, policy_graph, to_mermaid

__all__ = [
    "ArticleCoverage",
    "Passage",
    "article_coverage",
    "citation_path",
    "coverage_page",
    "locate",
    "source_articles",
    "source_passages",
]

_ARTICLE = re.compile(r"第[一二三四五六七八九十百]+條")


def source_articles(text: str) -> list[str]:
    """The 第…條 article numbers of a source, in order, each once."""
    seen: list[str] = []
    for match in _ARTICLE.finditer(text):
        if match.group() not in seen:
            seen.append(match.group())
    return seen


def _code(rule: str) -> str:
    """``rule_id`` in code font; a classification row keeps its note outside."""
    rule_id, _, rest = rule.partition(" ")
    return f"`{rule_id}`" + (f" {rest}" if rest else "")


def _base(article: str) -> str:
    """The part of a citation that stands in the source: before any '(' or space."""
    return re.split(r"[ (（]", article, maxsplit=1)[0]


@dataclass(frozen=True)
class ArticleCoverage:
    """One article of the source: the rules that encode it, or why it is not encoded."""

    article: str
    rules: tuple[str, ...]
    not_encoded: tuple[str, ...]

    @property
    def missing(self) -> bool:
        """Neither encoded nor listed as not encoded: the policy forgot it."""
        return not self.rules and not self.not_encoded


def article_coverage(
    policy: CompiledPolicy, source_text: str, lang: str = "en"
) -> list[ArticleCoverage]:
    """Every article ``policy`` cites or its source numbers, in the source's order; the
    reasons for not encoding in ``lang`` where the policy gives them per language."""
    p = policy.policy
    encoded: dict[str, list[str]] = {}
    for row in p.classification.rows if p.classification else ():
        encoded.setdefault(row.article, []).append(f"{row.id} (classification)")
    for rule in policy.rules:
        if rule.layer == policy.id:
            encoded.setdefault(rule.rule.article, []).append(rule.rule.id)
    skipped: dict[str, list[str]] = {}
    for item in p.not_encoded:
        skipped.setdefault(item.article, []).append(text_in(item.reason, lang).strip())
    citations = list(dict.fromkeys([*encoded, *skipped]))
    for article in source_articles(source_text):
        if not any(_base(c) == article for c in citations):
            citations.append(article)

    def position(article: str) -> tuple[int, str]:
        found = source_text.find(_base(article))
        return (found if found >= 0 else len(source_text), article)

    return [
        ArticleCoverage(a, tuple(encoded.get(a, ())), tuple(skipped.get(a, ())))
        for a in sorted(citations, key=position)
    ]


def coverage_page(policy: CompiledPolicy, source_text: str, lang: str = "en") -> str:
    """Markdown: the coverage table and defects of ``policy`` against its source; the
    policy's texts given per language (its title, reasons, conflicts) in ``lang``."""
    p = policy.policy
    lines = [
        f"# {text_in(p.institution, lang)} — {text_in(p.title, lang)}",
        "",
        f"Policy `{p.id}` version {p.version}, from `{p.source}`."
        + (f" It extends `{p.extends}`." if p.extends else ""),
        "",
        "Generated from the policy's YAML by `complaint-rules coverage`; do not edit by hand.",
        "",
        "| article | encoded by | not encoded because |",
        "|---|---|---|",
    ]
    for row in article_coverage(policy, source_text, lang):
        rules = ", ".join(_code(r) for r in row.rules) or "—"
        reasons = "— missing —" if row.missing else " ".join(row.not_encoded)
        cell = reasons.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {row.article} | {rules} | {cell} |")
    if policy.conflicts:
        lines += [
            "",
            "## Duties that roles cannot hold together",
            "",
            "Where rules that apply to one complaint give such a duty to roles that cannot hold "
            "it together, the decision marks the conflict (`conflicts`) with each article, and "
            "`complaint-rules lint` reports the rules (`declared-conflict`).",
            "",
            "| conflict | duty | roles | articles | why |",
            "|---|---|---|---|---|",
        ]
        labels = policy.roles.terms
        for declared in policy.conflicts:
            c = declared.conflict
            roles = "、".join(
                f"{labels[r].label} (`{r}`)" if r in labels else f"`{r}`" for r in c.roles
            )
            why = " ".join(text_in(c.text, lang).split()).replace("|", "\\|")
            layer = "" if declared.layer == policy.id else f" (from `{declared.layer}`)"
            lines.append(
                f"| `{c.id}`{layer} | {c.duty} | {roles or 'any two (exclusive)'} | {c.article} "
                f"| {why} |"
            )
    if p.defects:
        lines += ["", "## Known defects of the source", ""]
        lines += [f"- {d.strip()}" for d in p.defects]
    lines += _diagrams(policy)
    return "\n".join(lines) + "\n"


_DIAGRAMS: tuple[tuple[View, str, str, str], ...] = (
    (
        "escalation",
        "Escalation paths",
        "Each step (rounded) stands between its trigger — receipt, a missed deadline "
        "(hexagon, with its period) or an event — the roles it is `by` and the roles it "
        "goes `to`; `next` links the steps of a chain. An action that follows an event and "
        "is sent to roles is drawn the same way. 或 marks any one of the roles.",
        "The policy has no escalation steps.",
    ),
    (
        "routing",
        "Routing",
        "Each rule that assigns duties (parallelogram, with its condition) points to the "
        "roles it gives them to (或: any one of them); dotted arrows are `reports_to`; each "
        "declared conflict (hexagon) is linked to the roles that cannot hold its duty "
        "together.",
        "The policy assigns no duties.",
    ),
)


def _diagrams(policy: CompiledPolicy) -> list[str]:
    lines: list[str] = []
    for view, title, legend, empty in _DIAGRAMS:
        graph = policy_graph(policy, view)
        lines += ["", f"## {title}", ""]
        if not graph.nodes:
            lines.append(empty)
            continue
        lines += [
            f"Generated by `complaint-rules graph {policy.id} --view {view}`. {legend}",
            "",
            "```mermaid",
            to_mermaid(graph).rstrip("\n"),
            "```",
        ]
    return lines


# --- passages: a source text cut at its numbering ------------------------------------------

_NUMERAL = "〇零一二兩三四五六七八九十百千"
_LEVELS = {"chapter": 0, "article": 1, "section": 2, "item": 3, "point": 4}
"""How the numbering of the sources nests: 第…章 › 第…條 › 一、 › 1、 › 1) or (1)."""

_MARK = re.compile(
    rf"(?P<chapter>第[{_NUMERAL}]+章)"
    rf"|(?P<article>第[{_NUMERAL}]+條)"
    rf"|(?P<section>[{_NUMERAL}]+)[、.．]"
    r"|(?P<item>[0-9]+)、"
    r"|(?P<point>[0-9]+)[)）]"
    r"|[(（](?P<paren>[0-9]+)[)）]"
)
# Where a numbered passage may start inside a line: after a full stop, a semicolon or a
# space ("…補位。2)安排…", "第一條 …。第二條 …"); a parenthesised number anywhere.
_BREAK = "。;；!！?？ \u3000"

Component = tuple[str, int]
"""One step of a passage's numbering: its level name and its number (第十一條 → article 11)."""


def _component(match: re.Match[str]) -> Component | None:
    kind = match.lastgroup or ""
    text = match.group(kind)
    if kind == "paren":
        return ("point", int(text))
    if kind in ("item", "point"):
        return (kind, int(text))
    number = chinese_number(text.strip("第條章") if kind in ("chapter", "article") else text)
    return None if number is None else (kind, number)


@dataclass(frozen=True)
class Passage:
    """A numbered passage of a source text (or an unnumbered one before any numbering).

    ``path`` is its numbering from the outermost level (``(("article", 11), ("section", 6))``
    for 第十一條's 六、); ``lineage`` the indices of the passages that opened each step of it
    (the last is the passage itself, for a numbered one); ``text`` its words as written,
    the lines that follow it unnumbered included."""

    index: int
    path: tuple[Component, ...]
    lineage: tuple[int, ...]
    mark: str
    text: str


def _pieces(line: str) -> list[tuple[Component | None, str, str]]:
    """A line cut where numbered passages start: (numbering, its mark, the text)."""
    starts: list[tuple[int, Component, str]] = []
    for match in _MARK.finditer(line):
        at = match.start()
        opens = at == 0 or line[at - 1] in _BREAK or match.lastgroup == "paren"
        component = _component(match) if opens else None
        if component is not None:
            starts.append((at, component, match.group()))
    out: list[tuple[Component | None, str, str]] = []
    first = starts[0][0] if starts else len(line)
    if first > 0:
        out.append((None, "", line[:first].strip()))
    for k, (at, component, mark) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(line)
        out.append((component, mark, line[at:end].strip()))
    return [piece for piece in out if piece[2]]


def source_passages(text: str) -> list[Passage]:
    """``text`` cut into its passages, in order; each unnumbered line belongs to the
    numbered passage before it (lines before any numbering are passages of their own)."""
    passages: list[Passage] = []
    stack: list[tuple[Component, int]] = []
    for line in text.splitlines():
        for component, mark, words in _pieces(line.strip()):
            if component is None and passages and passages[-1].path:
                last = passages[-1]
                passages[-1] = Passage(
                    last.index, last.path, last.lineage, last.mark, f"{last.text}\n{words}"
                )
                continue
            index = len(passages)
            if component is not None:
                level = _LEVELS[component[0]]
                while stack and _LEVELS[stack[-1][0][0]] >= level:
                    stack.pop()
                stack.append((component, index))
            path = tuple(c for c, _ in stack) if component is not None else ()
            lineage = tuple(i for _, i in stack) if component is not None else ()
            passages.append(Passage(index, path, lineage, mark, words))
    return passages


_CITED = re.compile(
    rf"(?P<chapter>第[{_NUMERAL}]+章)"
    rf"|(?P<article>第[{_NUMERAL}]+條)"
    rf"|(?P<section>[{_NUMERAL}]+)(?:、|$|(?=[(（\s]))"
    r"|(?P<item>[0-9]+)(?:、|$|(?=[(（\s]))"
    r"|(?P<point>[0-9]+)[)）]"
    r"|[(（](?P<paren>[0-9]+)[)）]"
    r"|[(（](?P<note>[^)）]*)[)）]"
    r"|(?P<sep>、)"
)


def citation_path(article: str) -> tuple[tuple[Component, ...], tuple[str, ...]]:
    """The numbering a citation names, and the words it adds in brackets.

    ``第十一條(處罰)六`` → ``((("article", 11), ("section", 6)), ("處罰",))``;
    ``三、4、2)`` → ``((("section", 3), ("item", 4), ("point", 2)), ())``. Reading stops at
    the first space or at anything that is not numbering: ``第十五條 (第三款)`` is 第十五條.
    A citation with no numbering (``回避``) gives an empty path."""
    path: list[Component] = []
    notes: list[str] = []
    at = 0
    while at < len(article):
        match = _CITED.match(article, at)
        if match is None or match.end() == at:
            break
        at = match.end()
        kind = match.lastgroup or ""
        if kind == "note":
            notes.append(match.group(kind))
        elif kind != "sep":
            component = _component(match)
            if component is None:
                break
            path.append(component)
    return tuple(path), tuple(notes)


def locate(article: str, passages: Sequence[Passage]) -> Passage | None:
    """The passage ``article`` cites, or None when the source has no such numbering.

    A citation may leave out the outer levels (``四、內容包括`` for a 四、 inside 第六條);
    of the passages that match, the most precise wins, then one whose article mentions
    the citation's bracketed words (``第十一條(處罰)`` against a repeated 第十一條), then
    the first."""
    path, notes = citation_path(article)
    if not path:
        return None
    top = _LEVELS[path[0][0]]
    best: tuple[int, int, int] | None = None
    found: Passage | None = None
    for passage in passages:
        outer = [i for i, c in enumerate(passage.path) if _LEVELS[c[0]] >= top]
        if not outer:
            continue
        tail = passage.path[outer[0] :]
        if len(tail) > len(path) or path[: len(tail)] != tail:
            continue
        head = passages[passage.lineage[outer[0]]].text
        score = (len(tail), any(n and n in head for n in notes), -passage.index)
        if best is None or score > best:
            best, found = score, passage
    return found
