"""``complaint-rules test PATH...``: run policy tests files and report coverage."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..messages.catalogue import MESSAGES, Lang, say
from ..policy.catalog import Catalog
from ..toolkit.policytests.cases import TestReport, run_tests
from ..toolkit.policytests.coverage import CoverageItem, PolicyCoverage
from ._common import Streams, add_format, lang_of, write_json, write_problems

HELP = "run a policy's test cases (give a policy file, a tests file or a directory), with coverage"
EXAMPLE = "complaint-rules test policies/keyouqianqi_credit_union.yaml --coverage"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a policy file (its <name>.tests.yaml beside it is run), a tests file, or a "
        "directory (every *.tests.yaml in it)",
    )
    add_format(p)
    p.add_argument(
        "--coverage",
        action="store_true",
        help="list each rule and element no case exercised (the totals are always shown)",
    )
    p.add_argument(
        "--fail-under",
        type=float,
        metavar="N",
        help="exit 1 if any policy's coverage is under N percent",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    report = run_tests(args.paths, Catalog(args.policy_dir))
    if not report.files:
        io.err.write(say("tests.none_found", lang_of(args)) + "\n")
        return 1
    under = [
        c
        for c in report.coverage
        if args.fail_under is not None and c.covered * 100 < args.fail_under * c.total
    ]
    if args.format == "json":
        write_json(report.model_dump(mode="json"), io.out)
    else:
        render(report, io.out, missed=args.coverage, lang=lang_of(args))
    lang = lang_of(args)
    for result in report.files:
        write_problems([p.problem() for p in result.problems], io.err, lang)
    for c in under:
        under_text = say(
            "report.test.under",
            lang,
            policy=c.policy,
            percent=c.percent,
            under=f"{args.fail_under:g}",
        )
        io.err.write(under_text + "\n")
    return 0 if report.ok and not under else 1


def render(report: TestReport, out: TextIO, *, missed: bool = False, lang: Lang = "en") -> None:
    """The report as text: each failure with its differences, the coverage, a summary; its
    headings and fixed phrases in ``lang``."""
    for result in report.files:
        for case in result.cases:
            if case.passed:
                continue
            out.write(
                say("report.test.fail", lang, file=result.file, line=case.line, name=case.name)
                + "\n"
            )
            for m in case.mismatches:
                out.write(f"  {result.file}:{m.line}: {m.field}\n")
                expected = say("report.test.expected", lang, value=m.expected_in(lang))
                actual = say("report.test.actual", lang, value=m.actual_in(lang))
                out.write(f"    {expected}\n    {actual}\n")
            out.write("\n")
    for result in report.files:
        if result.problems:
            status = say("report.test.error", lang)
            detail = say("report.test.cannot_run", lang)
        else:
            failed = sum(1 for c in result.cases if not c.passed)
            status = say("report.test.ok" if not failed else "report.test.failed_status", lang)
            detail = _count(len(result.cases), "case", lang) + (
                say("report.test.n_failed", lang, n=failed) if failed else ""
            )
        out.write(f"{status} {result.file}: {detail}\n")
    if report.coverage:
        out.write("\n" + say("report.test.coverage_heading", lang) + "\n")
    for c in report.coverage:
        _coverage(c, out, missed, lang)
    summary = say(
        "report.test.summary",
        lang,
        cases=_count(report.cases, "case", lang),
        files=_count(len(report.files), "file", lang),
        passed=report.passed,
        failed=report.failed,
    )
    if report.invalid_files:
        files = _count(report.invalid_files, "file", lang)
        summary += say("report.test.could_not_run", lang, files=files)
    out.write(f"\n{summary}\n")


def _count(n: int, noun: str, lang: Lang = "en") -> str:
    return say(f"report.test.{noun}" + ("" if n == 1 else "s"), lang, n=n)


def _kind(kind: str, lang: Lang) -> str:
    code = f"diff.kind.{kind}"
    return say(code, lang) if code in MESSAGES else kind


def _coverage(c: PolicyCoverage, out: TextIO, missed: bool, lang: Lang = "en") -> None:
    kinds = say("coverage.sep", lang).join(
        say("coverage.kind", lang, kind=_kind(k.kind, lang), covered=k.covered, total=k.total)
        for k in c.kinds
    )
    row = say(
        "coverage.row",
        lang,
        policy=c.policy,
        percent=c.percent,
        covered=c.covered,
        total=c.total,
        kinds=kinds,
    )
    out.write(f"  {row}\n")
    if not (missed and c.missed):
        return
    out.write("    " + say("report.test.not_exercised", lang) + "\n")
    by_rule: dict[tuple[bool, str], list[CoverageItem]] = {}
    for item in c.missed:
        by_rule.setdefault((item.kind == "classification", item.rule), []).append(item)
    for (is_row, rule), items in by_rule.items():
        first = items[0]
        if is_row:
            line = say("coverage.missed_row", lang, row=rule, article=first.article)
            out.write(f"      {line}\n")
            continue
        layer = say("coverage.layer", lang, layer=first.layer) if first.layer != c.policy else ""
        kinds_missed: dict[str, list[str]] = {}
        for item in items:
            name = say("coverage.the_rule", lang) if item.kind == "rule" else item.id
            kinds_missed.setdefault(item.kind, []).append(name)
        parts = [
            names[0]
            if kind == "rule"
            else say("coverage.part", lang, kind=_kind(kind, lang), ids=", ".join(names))
            for kind, names in kinds_missed.items()
        ]
        line = say(
            "coverage.missed_rule",
            lang,
            rule=rule,
            article=first.article,
            layer=layer,
            parts=say("coverage.part_sep", lang).join(parts),
        )
        out.write(f"      {line}\n")
