"""A policy that extends a base may name the base's roles, channels, events, facts ... by
their labels and aliases (Traditional or Simplified), as it may by their ids: the words
searched are those of the merged vocabulary, the policy's own terms replacing the base's
of the same id."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaint_rules import CompiledPolicy, PolicyError, load_policy, load_policy_text
from complaint_rules.messages.catalogue import format_problem
from tests.support.cli import run
from tests.support.layered import CHILD, write_stack
from tests.support.words import POLICIES

BOCOM = (POLICIES / "bocom.yaml").read_text(encoding="utf-8")

# A rule of 交通銀行's naming roles of the national baseline (cn_banking_baseline) only.
BASE_ROLES_RULE = """\
rules:
  - id: base_roles
    article: 第十八條
    routing:
      - {duty: decides, role: handling_institution}
    reports:
      - {id: to_superior, label: 報告上級, to: [superior_institution, head_office_senior_manager]}
"""


def bocom_with(rule: str) -> CompiledPolicy:
    assert BOCOM.count("\nrules:\n") == 1
    text = BOCOM.replace("\nrules:\n", "\n" + rule, 1)
    return load_policy_text(text, file=str(POLICIES / "bocom.yaml"))


@pytest.mark.parametrize(
    ("handling", "superior", "senior"),
    [
        ("投訴處理機構", "上級機構", "總行高級管理人員"),  # the base's labels
        ("投诉处理机构", "上级机构", "总行高级管理人员"),  # in Simplified
        ("投訴處理機構", "上级机构", "總公司高級管理人員"),  # the base's alias, mixed scripts
    ],
)
def test_a_base_layers_roles_are_found_by_their_labels(
    handling: str, superior: str, senior: str
) -> None:
    by_id = bocom_with(BASE_ROLES_RULE)
    words = BASE_ROLES_RULE.replace("role: handling_institution", f"role: {handling}").replace(
        "[superior_institution, head_office_senior_manager]", f"[{superior}, {senior}]"
    )
    assert words != BASE_ROLES_RULE
    by_words = bocom_with(words)
    assert by_words.policy == by_id.policy
    rule = next(r for r in by_words.policy.rules if r.id == "base_roles")
    assert rule.routing[0].role == "handling_institution"
    assert rule.reports[0].to == ("superior_institution", "head_office_senior_manager")


@pytest.mark.parametrize("word", ["作出處理決定並告知投訴人", "作出处理决定", "作出處理決定"])
def test_a_base_layers_events_are_found_by_their_labels_and_aliases(word: str) -> None:
    text = BOCOM.replace("after: [decided]", f"after: [{word}]")
    assert text.count(word) == 3
    loaded = load_policy_text(text, file=str(POLICIES / "bocom.yaml"))
    assert loaded.policy == load_policy(POLICIES / "bocom.yaml").policy


# A child of the test policy MINI (as ``base``) that names the base's channel, category,
# level, fact, role and event by their words.
CHILD_RULE = """\
rules:
  - id: child_rule
    article: 第九條
    when: {all: [{channel: 柜面投诉}, {category: 服務態度}, {情节严重: true}]}
    routing:
      - {duty: handles, role: 负责人}
    escalations:
      - {id: child_up, label: 上報, on: 客户不满意, to: [櫃面]}
"""
CHILD_IDS = """\
rules:
  - id: child_rule
    article: 第九條
    when: {all: [{channel: counter}, {category: service}, {serious: true}]}
    routing:
      - {duty: handles, role: head}
    escalations:
      - {id: child_up, label: 上報, on: dissatisfied, to: [desk]}
"""


def child_policy(tmp_path: Path, tail: str, vocabulary: str = "") -> Path:
    write_stack(tmp_path)
    child = tmp_path / "child.yaml"
    child.write_text(CHILD + vocabulary + tail, encoding="utf-8")
    return child


def test_a_child_names_its_bases_channel_category_fact_role_and_event_by_their_words(
    tmp_path: Path,
) -> None:
    asked: list[str] = []

    def resolve(policy_id: str) -> CompiledPolicy:
        asked.append(policy_id)
        return load_policy(tmp_path / f"{policy_id}.yaml")

    by_words = load_policy(child_policy(tmp_path, CHILD_RULE), resolve=resolve)
    by_ids = load_policy(child_policy(tmp_path, CHILD_IDS))
    assert by_words.policy == by_ids.policy
    assert asked == ["base"]  # the base is loaded once, for its words and to merge


def test_the_childs_own_term_replaces_the_bases_of_the_same_id_with_its_words(
    tmp_path: Path,
) -> None:
    relabel = "vocabulary:\n  roles:\n    - {id: head, label: 行長}\n"
    child = child_policy(tmp_path, CHILD_IDS.replace("role: head", "role: 行长"), relabel)
    assert load_policy(child).policy.rules[-1].routing[0].role == "head"
    # The base's label of a term the child has relabelled is no longer one of its words.
    child = child_policy(tmp_path, CHILD_IDS.replace("role: head", "role: 負責人"), relabel)
    with pytest.raises(PolicyError) as caught:
        load_policy(child)
    [problem] = caught.value.problems
    assert problem.field == "rules[0].routing[0].role"


def test_a_word_of_a_base_term_and_of_a_childs_term_is_refused_with_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own = "vocabulary:\n  roles:\n    - {id: branch_head, label: 支行負責人, aliases: [負責人]}\n"
    child = child_policy(tmp_path, CHILD_IDS.replace("role: head", "role: 负责人"), own)
    with pytest.raises(PolicyError) as caught:
        load_policy(child)
    problem = caught.value.problems[0]
    assert problem.code == "policy.ambiguous_term"
    assert format_problem(problem, "zh-Hant").endswith(
        "rules[0].routing[0].role: 「负责人」可能指好幾個角色:head (負責人), "
        "branch_head (支行負責人)。請改寫其中一個的代號。"
    )
    assert format_problem(problem, "en").endswith(
        "rules[0].routing[0].role: \u201c负责人\u201d could mean more than one role: "
        "head (負責人), branch_head (支行負責人). Write the id of the one you mean."
    )
    code, _, err = run(capsys, "validate", str(child), "--lang", "zh-hant")
    assert code == 1
    assert "「负责人」可能指好幾個角色:head (負責人), branch_head (支行負責人)。" in err


def test_a_base_that_cannot_be_loaded_is_reported_as_before(tmp_path: Path) -> None:
    # Its words are not found, so the child's words are refused as they would be without
    # a base; and a child that names ids only is refused for the base, as it always was.
    child = child_policy(tmp_path, CHILD_IDS)
    (tmp_path / "base.yaml").write_text("id: [", encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(child)
    assert caught.value.problems[0].code == "policy.base_unloadable"


@pytest.mark.parametrize("extends", ["../base", "Base", "child"])
def test_a_base_is_not_sought_for_words_by_a_name_that_is_not_another_id(
    tmp_path: Path, extends: str
) -> None:
    # Before the policy is validated only an id, other than its own, is looked up: never a
    # path, and never the policy itself.
    asked: list[str] = []

    def resolve(policy_id: str) -> CompiledPolicy:
        asked.append(policy_id)
        raise AssertionError(policy_id)

    text = CHILD.replace("extends: base", f'extends: "{extends}"') + CHILD_RULE
    with pytest.raises(PolicyError):
        load_policy_text(text, resolve=resolve)
    assert asked == []
