"""The article-by-article coverage page of a policy, generated from its YAML.

For every article the policy cites (in rules, classification rows or ``not_encoded``),
in the order the articles appear in the source text, the rule ids that encode it or the
reason it is not encoded; then the source's known defects. For sources numbered
第…條, every article found in the text gets a row, so one the policy forgot shows up as
``— missing —``. Then the duties its ``conflicts`` say roles cannot hold together. Last,
the policy's escalation paths and routing as Mermaid diagrams
(:mod:`complaint_rules.toolkit.graph`), which Markdown viewers such as GitHub's draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..policy.compiled import CompiledPolicy
from .graph import View, policy_graph, to_mermaid

__all__ = ["ArticleCoverage", "article_coverage", "coverage_page", "source_articles"]

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


def article_coverage(policy: CompiledPolicy, source_text: str) -> list[ArticleCoverage]:
    """Every article ``policy`` cites or its source numbers, in the source's order."""
    p = policy.policy
    encoded: dict[str, list[str]] = {}
    for row in p.classification.rows if p.classification else ():
        encoded.setdefault(row.article, []).append(f"{row.id} (classification)")
    for rule in policy.rules:
        if rule.layer == policy.id:
            encoded.setdefault(rule.rule.article, []).append(rule.rule.id)
    skipped: dict[str, list[str]] = {}
    for item in p.not_encoded:
        skipped.setdefault(item.article, []).append(item.reason.strip())
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


def coverage_page(policy: CompiledPolicy, source_text: str) -> str:
    """Markdown: the coverage table and defects of ``policy`` against its source."""
    p = policy.policy
    lines = [
        f"# {p.institution} — {p.title}",
        "",
        f"Policy `{p.id}` version {p.version}, from `{p.source}`."
        + (f" It extends `{p.extends}`." if p.extends else ""),
        "",
        "Generated from the policy's YAML by `complaint-rules coverage`; do not edit by hand.",
        "",
        "| article | encoded by | not encoded because |",
        "|---|---|---|",
    ]
    for row in article_coverage(policy, source_text):
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
            why = " ".join(c.text.split()).replace("|", "\\|")
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
