"""Lint's findings in each language: every sentence comes from the catalogue, its English is
the finding's ``message``, and every sentence the catalogue has for lint is said by some
finding (of the bundled policies or the small policies of the lint tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaint_rules import Catalog, load_policy
from complaint_rules.messages._lint import MESSAGES_LINT
from complaint_rules.messages.catalogue import MESSAGES, say
from complaint_rules.policy.compiled import compile_policy
from complaint_rules.toolkit.input_space import INSTANTS
from complaint_rules.toolkit.lint import LintFinding, lint
from tests.support.lint_policy import CLEAN, INTAKE_WHEN, add_rule, edit
from tests.toolkit.test_lint import EXTENSION

PARTS = (
    "lint.severity.",
    "lint.inherited",
    "lint.scope.",
    "lint.where.",
    "lint.key.",
    "lint.value.",
    "lint.instant.",
    "lint.period.",
    "lint.trigger.",
    "lint.money.",
    "lint.per.",
    "lint.penalty.",
    "lint.kind.",
    "lint.condition.",
)
"""The catalogue's lint words that are parts of a sentence, not a sentence."""

SENTENCES = {code for code in MESSAGES_LINT if not code.startswith(PARTS)}

RULES = (
    # a rule no complaint satisfies
    "  - id: never\n    article: 第九條\n"
    "    when: {all: [{channel: counter}, {channel: phone}]}\n"
    "    actions:\n      - {id: nothing, label: 無}\n",
    # two periods for one 「回復」
    "  - id: phone_reply\n    article: 第五條\n    when: {channel: phone}\n"
    "    deadlines:\n      - {id: reply_phone, label: 回復, within: {working_days: 5}}\n",
    # the reply given to another role
    "  - id: head_replies\n    article: 第六條\n    when: {level: major}\n"
    "    routing:\n      - {duty: replies, role: head}\n",
    # one trigger escalated to two roles
    "  - id: self_review\n    article: 第七條\n"
    "    escalations:\n"
    "      - {id: sideways, label: 自查, on: dissatisfied, by: [desk], to: [desk]}\n",
    # one finding fined twice differently
    "  - id: fines_again\n    article: 第八條\n    when: {finding: late_opening}\n"
    "    penalties:\n"
    "      - {id: late_fine_200, label: 每次處罰200元, finding: late_opening, "
    "subjects: [head], kind: fine, amount_yuan: {min: 200, max: 200}, per: case}\n",
)

TABLES = (
    # a row shadowed by an earlier one (and a level no row gives)
    "classification:\n  rows:\n"
    "    - {id: both, article: 第一條, when: {category: [service, product]}, level: minor}\n"
    "    - {id: service_only, article: 第二條, when: {category: service}, level: major}\n",
    # a row no complaint matches
    "classification:\n  rows:\n"
    "    - {id: both, article: 第一條, when: {category: [service, product]}, level: minor}\n"
    "    - {id: never, article: 第二條, level: major,\n"
    "       when: {all: [{category: service}, {category: product}]}}\n",
)


def small_policies() -> list[str]:
    texts = [add_rule(rule) for rule in RULES]
    texts += [edit("rules:\n", table + "rules:\n") for table in TABLES]
    texts.append(edit(INTAKE_WHEN, INTAKE_WHEN.replace("[counter, phone]", "[counter]")))
    texts.append(edit(INTAKE_WHEN, INTAKE_WHEN.replace(" category: [service, product],", "")))
    texts.append(edit(INTAKE_WHEN, INTAKE_WHEN.replace("[minor, major]", "{at_least: major}")))
    texts.append(
        edit(
            "    - {id: late_opening, label: 不按時開門營業}\n",
            "    - {id: late_opening, label: 不按時開門營業}\n    - {id: rude, label: 態度惡劣}\n",
        )
    )
    return texts


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[LintFinding]:
    catalog = Catalog()
    found: list[LintFinding] = []
    for name in catalog.ids():
        policy = catalog.load(name)
        base = catalog.load(policy.policy.extends) if policy.policy.extends else None
        found += lint(policy, base=base).findings
    folder = tmp_path_factory.mktemp("lint")
    for i, text in enumerate(small_policies()):
        path = folder / f"mini{i}.yaml"
        path.write_text(text, encoding="utf-8")
        found += lint(load_policy(path), source=path).findings
    looser = EXTENSION
    dropped = EXTENSION.replace(
        "        within: {working_days: 11}", "        within: {calendar_days: 15}"
    ).replace("      complex_case: false\n", "      complex_case: false\n      withdrawn: false\n")
    for text in (looser, dropped):
        path = folder / "probe_bank.yaml"
        path.write_text(text, encoding="utf-8")
        policy = load_policy(path, resolve=catalog.load)
        found += lint(policy, base=catalog.load("cn_banking_baseline"), source=path).findings
    edited = catalog.load("hotel").policy.model_copy(update={"title": "另一個標題"})
    found += lint(compile_policy(edited), previous=catalog.load("hotel")).findings
    return found


def test_every_lint_sentence_is_said_by_some_finding(findings: list[LintFinding]) -> None:
    used = {f.wording for f in findings}
    assert SENTENCES - used == set()
    assert "diff.version_unchanged" in used


def test_every_finding_s_english_is_its_message_and_each_language_is_said(
    findings: list[LintFinding],
) -> None:
    codes = set()
    for f in findings:
        assert f.wording is not None and f.wording in MESSAGES
        assert MESSAGES[f.wording]["en"].format(**f.args) == f.message
        assert f.sentence("en") == f.message
        for lang in ("zh-Hant", "zh-Hans"):
            text = f.sentence(lang)
            assert text != f.message and "{" not in text
            assert all(v in text for k, v in f.args.items() if k in ("rule", "id", "label"))
        codes.add(f.code)
    # every kind of finding lint has
    assert {c.split("-")[0] for c in codes} >= {
        "unreached",
        "dead",
        "shadowed",
        "conflicting",
        "declared",
        "unused",
        "looser",
        "dropped",
        "version",
    }


def test_the_severity_words() -> None:
    assert [say(f"lint.severity.{s}", "zh-Hant") for s in ("error", "warning", "info")] == [
        "錯誤",
        "警告",
        "提示",
    ]
    assert [say(f"lint.severity.{s}", "zh-Hans") for s in ("error", "warning", "info")] == [
        "错误",
        "警告",
        "提示",
    ]


def test_each_instant_of_the_input_space_has_its_words() -> None:
    for i, (_at, words) in enumerate(INSTANTS):
        assert MESSAGES[f"lint.instant.{i}"]["en"] == words


def test_a_penalty_per_case_and_a_row_no_complaint_matches(tmp_path: Path) -> None:
    texts = small_policies()
    path = tmp_path / "mini.yaml"
    path.write_text(texts[4], encoding="utf-8")
    (pen,) = lint(load_policy(path), source=path).findings
    assert pen.sentence("zh-Hant") == (
        "罰則 late_fine_200(規則 fines_again:每案 200 元)和 late_fine(規則 fines:每次 100 元)"
        "對 負責人 (head) 的查明事項 late_opening 定了不同的罰款金額"
        "(當查明事項 不按時開門營業 (late_opening)為 已查明)"
    )
    path.write_text(texts[6], encoding="utf-8")
    row = next(
        f
        for f in lint(load_policy(path), source=path).findings
        if f.rule is None and f.code == "shadowed-row"
    )
    assert row.message == (
        "classification row never (→ major) never sets the level: no complaint matches it"
    )
    assert (
        row.sentence("zh-Hans") == "分类表的 never 行(→ major)永远不会决定级别:没有任何投诉符合它"
    )


def test_the_clean_policy_still_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    assert (
        lint(load_policy(path), source=path).as_text("zh-Hant")
        == "mini 1:0 個錯誤,0 個警告,0 個提示\n"
    )
