"""The article-by-article coverage page of a policy, generated from its YAML.

For every article the policy cites (in rules, classification rows or ``not_encoded``),
in the order the articles appear in the source text, the rule ids that encode it or the
reason it is not encoded; then the source's known defects. For sources numbered
第…條, every article found in the text gets a row, so one the policy forgot shows up as
``— missing —``.
"""

from __future__ import annotations

import re

from .compiled import CompiledPolicy

__all__ = ["coverage_page", "source_articles"]

_ARTICLE = re.compile(r"第[一二三四五六七八九十百]+條")


def source_articles(text: str) -> list[str]:
    """The 第…條 article numbers of a source, in order, each once."""
    seen: list[str] = []
    for match in _ARTICLE.finditer(text):
        if match.group() not in seen:
            seen.append(match.group())
    return seen


def _base(article: str) -> str:
    """The part of a citation that stands in the source: before any '(' or space."""
    return re.split(r"[ (（]", article, maxsplit=1)[0]


def coverage_page(policy: CompiledPolicy, source_text: str) -> str:
    """Markdown: the coverage table and defects of ``policy`` against its source."""
    p = policy.policy
    encoded: dict[str, list[str]] = {}
    for row in p.classification.rows if p.classification else ():
        encoded.setdefault(row.article, []).append(f"`{row.id}` (classification)")
    for rule in policy.rules:
        if rule.layer == policy.id:
            encoded.setdefault(rule.rule.article, []).append(f"`{rule.rule.id}`")
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
    for article in sorted(citations, key=position):
        rules = ", ".join(encoded.get(article, [])) or "—"
        reasons = " ".join(skipped.get(article, []))
        if article not in encoded and article not in skipped:
            reasons = "— missing —"
        cell = reasons.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {article} | {rules} | {cell} |")
    if p.defects:
        lines += ["", "## Known defects of the source", ""]
        lines += [f"- {d.strip()}" for d in p.defects]
    return "\n".join(lines) + "\n"
