"""Events and facts named by their labels, in Traditional or Simplified Chinese, wherever a
policy names one (an escalation's or action's ``on``, a deadline's ``starts`` and
``until``, a clock's ``starts``/``meets``/... , an extension's ``on``, a duty's ``after``
and ``done_by`` ...): read as the ids, so the policy is the one written with ids."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaint_rules import CompiledPolicy, PolicyError, load_policy, load_policy_text
from complaint_rules.messages.catalogue import format_problem
from complaint_rules.policy.vocabulary import PLACED_FIELDS
from tests.support.cli import run
from tests.support.policy_texts import MINI
from tests.support.words import POLICIES, Named, named, relabelled, simplified

BUNDLED = (
    "bocom",
    "cn_banking_baseline",
    "hotel",
    "keyouqianqi_credit_union",
    "shihua_credit_coop",
    "xx_bank",
)
SCRIPTS = {"Traditional": lambda label: label, "Simplified": simplified}


@functools.cache
def bundled(name: str) -> CompiledPolicy:
    return load_policy(POLICIES / f"{name}.yaml")


@functools.cache
def text_of(name: str) -> str:
    return (POLICIES / f"{name}.yaml").read_text(encoding="utf-8")


@functools.cache
def places(name: str) -> tuple[Named, ...]:
    """Where the bundled policy ``name`` names an event or a fact."""
    return tuple(named(text_of(name)))


def load_as(name: str, text: str) -> CompiledPolicy:
    """``text`` loaded as the bundled file ``name`` (its base found beside it)."""
    return load_policy_text(text, file=str(POLICIES / f"{name}.yaml"))


def assert_same(loaded: CompiledPolicy, original: CompiledPolicy) -> None:
    """The same policy: every value read, every term's spellings, every rule and its layer."""
    assert loaded.policy == original.policy
    assert [(r.rule, r.index, r.layer, sorted(r.sanctions)) for r in loaded.rules] == [
        (r.rule, r.index, r.layer, sorted(r.sanctions)) for r in original.rules
    ]
    for kind in ("roles", "channels", "categories", "levels", "findings", "sanctions", "events"):
        assert getattr(loaded, kind) == getattr(original, kind)
    assert [c[:3] for c in loaded.classification] == [c[:3] for c in original.classification]
    assert loaded.lifecycle_layers == original.lifecycle_layers
    assert [(layer.id, layer.version) for layer in loaded.layers] == [
        (layer.id, layer.version) for layer in original.layers
    ]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("name", BUNDLED)
def test_every_event_and_fact_written_as_its_label_reads_as_the_bundled_policy(
    name: str, script: str
) -> None:
    text, done = relabelled(text_of(name), bundled(name), script=SCRIPTS[script])
    assert done and text != text_of(name)
    assert_same(load_as(name, text), bundled(name))


# One bundled policy that names an event or a fact at each place, by id (the tier limit's
# ``fact`` is refused by the compiler, see the test below).
BY_PLACE = {
    shape: next((n for n in BUNDLED if any(item.shape == shape for item in places(n))), None)
    for shape in PLACED_FIELDS
}


def test_the_bundled_policies_name_an_event_or_a_fact_at_every_place_but_one() -> None:
    missing = [shape for shape, name in BY_PLACE.items() if name is None]
    assert missing == [("rules", "approvals", "tiers", "limit_yuan", "fact")]


@pytest.mark.parametrize(
    "shape", [shape for shape, name in BY_PLACE.items() if name is not None], ids=".".join
)
def test_each_place_takes_a_label(shape: tuple[str, ...]) -> None:
    # Traditional and Simplified alternate from place to place (all of both: above).
    script = list(SCRIPTS)[list(PLACED_FIELDS).index(shape) % 2]
    name = BY_PLACE[shape]
    assert name is not None
    text, done = relabelled(
        text_of(name), bundled(name), keep=lambda item: item.shape == shape, script=SCRIPTS[script]
    )
    assert done, f"{name} names no declared event or fact at {'.'.join(shape)}"
    assert_same(load_as(name, text), bundled(name))


def test_a_label_where_the_tier_limit_names_a_fact_is_read_as_the_fact() -> None:
    text = MINI.replace("limit_yuan: {parameter: head_limit}", "limit_yuan: {fact: 赔偿金额}")
    with pytest.raises(PolicyError) as caught:
        load_policy_text(text)
    # The word became the id: what is refused is the fact as a limit, not the word.
    problems = {p.code: p.message for p in caught.value.problems}
    assert set(problems) == {"policy.amount_fact", "policy.tier_limit_fact"}
    assert "fact 'compensation_yuan' is an amount in yuan" in problems["policy.amount_fact"]


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_events_and_facts_in_either_script_leave_the_policy_unchanged(
    data: st.DataObject,
) -> None:
    name = data.draw(st.sampled_from(["hotel", "keyouqianqi_credit_union", "bocom"]))
    spots = [(item.line, item.column) for item in places(name)]
    chosen = data.draw(st.sets(st.sampled_from(spots), min_size=1))
    script = data.draw(st.sampled_from(list(SCRIPTS)))
    text, _ = relabelled(
        text_of(name),
        bundled(name),
        keep=lambda item: (item.line, item.column) in chosen,
        script=SCRIPTS[script],
    )
    assert_same(load_as(name, text), bundled(name))


# --- what stays an id, and what is refused -----------------------------------------------

TWO_EVENTS = MINI.replace(
    "    - {id: dissatisfied, label: 客戶不滿意}\n",
    "    - {id: dissatisfied, label: 客戶不滿意}\n"
    "    - {id: still_dissatisfied, label: 客戶仍不滿意, aliases: [客戶不滿意]}\n",
)


def test_a_word_for_two_events_is_refused_with_both_in_each_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = TWO_EVENTS.replace("on: dissatisfied", "on: 客户不满意")
    with pytest.raises(PolicyError) as caught:
        load_policy_text(text, file="p.yaml")
    [problem] = caught.value.problems
    assert (problem.code, problem.field) == ("policy.ambiguous_term", "rules[0].escalations[1].on")
    line = (
        text.splitlines().index("      - {id: top, label: 再上報, on: 客户不满意, to: [head]}") + 1
    )
    where = f"p.yaml:{line}:{text.splitlines()[line - 1].index('on:') + 1}"
    assert format_problem(problem, "zh-Hant") == (
        f"{where}: rules[0].escalations[1].on: 「客户不满意」可能指好幾個事件:"
        "dissatisfied (客戶不滿意), still_dissatisfied (客戶仍不滿意)。請改寫其中一個的代號。"
    )
    assert format_problem(problem, "en") == (
        f"{where}: rules[0].escalations[1].on: \u201c客户不满意\u201d could mean more than "
        "one event: dissatisfied (客戶不滿意), still_dissatisfied (客戶仍不滿意). Write the id "
        "of the one you mean."
    )
    # As the officer sees it from the command line.
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path), "--lang", "zh-hans")
    assert code == 1
    assert (
        "「客户不满意」可能指好几个事件:dissatisfied (客戶不滿意), still_dissatisfied "
        "(客戶仍不滿意)。请改写其中一个的代号。"
    ) in err


def test_the_built_in_events_stay_ids() -> None:
    text = MINI.replace(
        "        within: {working_days: 3}\n        by: [desk]\n",
        "        within: {working_days: 3}\n        by: [desk]\n        starts: received\n",
    )
    assert text != MINI
    policy = load_policy_text(text).policy
    assert policy.rules[0].deadlines[0].starts == "received"
    assert policy.rules[0].escalations[0].on == "deadline_missed"


def test_a_start_is_a_fact_even_where_an_event_shares_its_label() -> None:
    # 離店時間 is the fact departs_at; an event of the same label (the guest's departure,
    # which sets it) does not make the word ambiguous: a start is never one of the events.
    text = MINI.replace(
        "    - {id: dissatisfied, label: 客戶不滿意}\n",
        "    - {id: dissatisfied, label: 客戶不滿意}\n    - {id: departed, label: 離店時間}\n",
    ).replace("until: [departs_at]", "until: [离店时间]")
    policy = load_policy_text(text).policy
    assert policy.rules[1].deadlines[0].until == ("departs_at",)


def test_an_event_named_where_a_fact_is_expected_is_not_taken_for_one() -> None:
    text = MINI.replace("until: [departs_at]", "until: [客戶不滿意]")
    with pytest.raises(PolicyError) as caught:
        load_policy_text(text)
    [problem] = caught.value.problems
    assert problem.field == "rules[1].deadlines[0].until[0]"
    assert "客戶不滿意" in format_problem(problem, "zh-Hant")


def test_a_word_that_is_no_fact_lists_the_facts_there_are() -> None:
    text = MINI.replace("until: [departs_at]", "until: [客戶不滿意]")
    with pytest.raises(PolicyError) as caught:
        load_policy_text(text)
    [problem] = caught.value.problems
    assert problem.code == "policy.not_an_id"
    listed = "serious (情節嚴重), departs_at (離店時間), compensation_yuan (賠償金額)"
    assert (
        format_problem(problem, "zh-Hant")
        .splitlines()[0]
        .endswith(
            "rules[1].deadlines[0].until[0]: 「客戶不滿意」不是這份政策裡的事實。請寫事實的代號、"
            f"標籤或別名(繁體、簡體皆可),可用的有:{listed}。"
        )
    )
    assert problem.message.startswith("\u201c客戶不滿意\u201d is not a fact of this policy.")


def test_a_word_that_is_no_event_lists_the_events_and_the_built_in_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = text_of("keyouqianqi_credit_union").replace(
        "restarts: [re_complaint]", "restarts: [再次投诉了]", 1
    )
    path = tmp_path / "keyouqianqi_credit_union.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "--lang", "zh-Hans", "validate", str(path))
    assert code == 1
    first = err.splitlines()[0]
    assert first.startswith(f"{path}:")
    assert "lifecycle.clocks[0].restarts[0]: 「再次投诉了」不是这份政策里的事件。" in first
    assert "re_complaint (客戶首次投訴未得到滿意答復再次投訴)" in first
    assert first.endswith("closed, done, escalated, received, reminded, updated。")
