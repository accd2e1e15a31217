"""Merging a policy over the one it ``extends``: by id and in order, removals, settings
replaced only where the extending policy sets them, holiday and workday lists laid over."""

from __future__ import annotations

from datetime import date
from typing import Any

from complaint_rules.policy.layers import merge, overlay_days
from complaint_rules.policy.model import CalendarSettings, Policy

HEAD = {"schema": "complaint-rules/1", "version": "1", "institution": "銀行", "source": "tests"}


def rule(rule_id: str, article: str) -> dict[str, Any]:
    return {"id": rule_id, "article": article}


BASE = Policy.model_validate(
    {
        **HEAD,
        "id": "base",
        "title": "基準",
        "abstract": True,
        "timezone": "Asia/Taipei",
        "level_input": "optional",
        "level_deadlines": "not_tighter",
        "calendar": {
            "exclude_start_day": False,
            "day_ends_at": "17:00:00",
            "holidays": {"2026-10-09": "院慶", "2026-12-31": "年終"},
            "workdays": {"2026-10-11": "補班", "2026-10-18": "補班二"},
        },
        "vocabulary": {
            "roles": [{"id": "desk", "label": "櫃面"}, {"id": "head", "label": "負責人"}],
            "channels": [{"id": "counter", "label": "櫃面投訴"}],
            "levels": [{"id": "minor", "label": "輕微"}],
        },
        "facts": [
            {"id": "vip", "type": "bool", "label": "貴賓"},
            {"id": "count", "type": "int", "label": "次數"},
        ],
        "parameters": [{"id": "limit", "type": "money", "label": "權限"}],
        "classification": {
            "rows": [{"id": "any", "article": "第一條", "when": {"vip": True}, "level": "minor"}]
        },
        "rules": [rule("a", "第一條"), rule("b", "第二條"), rule("c", "第三條")],
        "defects": ["基準的缺陷"],
    }
)
# The base itself extends a grand base: rule `a` came from there.
BASE_LAYERS = {"a": "grand", "b": "base", "c": "base"}


def branch(**fields: Any) -> Policy:
    return Policy.model_validate(
        {**HEAD, "id": "own", "title": "分行", "extends": "base", **fields}
    )


def test_rules_are_replaced_in_place_added_at_the_end_and_removed() -> None:
    own = branch(
        remove_rules=["c"],
        rules=[rule("d", "分行第四條"), rule("a", "分行第一條")],
    )
    merged, layers, paths, problems = merge(BASE, BASE_LAYERS, own)
    assert problems == []
    assert [(r.id, r.article) for r in merged.rules] == [
        ("a", "分行第一條"),  # replaced where it was
        ("b", "第二條"),
        ("d", "分行第四條"),  # added after the base's
    ]
    assert layers == {"a": "own", "b": "base", "d": "own"}
    # Errors in merged rules point into the extending file (where `a` is second).
    assert paths[("rules", 0)] == ("rules", 1)
    assert paths[("rules", 2)] == ("rules", 0)
    assert ("rules", 1) not in paths


def test_an_inherited_rule_keeps_the_layer_it_came_from() -> None:
    merged, layers, _, _ = merge(BASE, BASE_LAYERS, branch(rules=[rule("d", "分行第四條")]))
    assert [r.id for r in merged.rules] == ["a", "b", "c", "d"]
    assert layers == {"a": "grand", "b": "base", "c": "base", "d": "own"}
    # Without a layer recorded, a base rule is the base's.
    assert merge(BASE, {}, branch())[1] == {"a": "base", "b": "base", "c": "base"}


def test_removing_a_rule_the_base_lacks_is_a_located_problem() -> None:
    _, _, _, problems = merge(BASE, BASE_LAYERS, branch(remove_rules=["b", "zz", "yy"]))
    assert [(p.code, p.path, p.message) for p in problems] == [
        ("policy.remove_rules.unknown", ("remove_rules", 1), "base has no rule 'zz' to remove"),
        ("policy.remove_rules.unknown", ("remove_rules", 2), "base has no rule 'yy' to remove"),
    ]


def test_vocabulary_facts_and_parameters_merge_by_id() -> None:
    own = branch(
        vocabulary={
            "roles": [{"id": "clerk", "label": "櫃員"}, {"id": "desk", "label": "櫃面(分行)"}],
            "categories": [{"id": "service", "label": "服務"}],
        },
        facts=[{"id": "count", "type": "int", "label": "次數(分行)", "minimum": 1}],
        parameters=[{"id": "cap", "type": "int", "label": "上限", "value": 3}],
    )
    merged, _, paths, _ = merge(BASE, BASE_LAYERS, own)
    vocab = merged.vocabulary
    assert [(t.id, t.label) for t in vocab.roles] == [
        ("desk", "櫃面(分行)"),
        ("head", "負責人"),
        ("clerk", "櫃員"),
    ]
    assert [t.id for t in vocab.channels] == ["counter"]
    assert [t.id for t in vocab.categories] == ["service"]
    assert [t.id for t in vocab.levels] == ["minor"]
    assert [(f.id, f.label, f.minimum) for f in merged.facts] == [
        ("vip", "貴賓", None),
        ("count", "次數(分行)", 1),
    ]
    assert [p.id for p in merged.parameters] == ["limit", "cap"]
    # A problem in a merged term points at the extending file's entry.
    assert paths[("vocabulary", "roles", 0)] == ("vocabulary", "roles", 1)
    assert paths[("vocabulary", "roles", 2)] == ("vocabulary", "roles", 0)
    assert paths[("vocabulary", "categories", 0)] == ("vocabulary", "categories", 0)
    assert ("vocabulary", "roles", 1) not in paths


def test_the_extending_policys_head_and_the_bases_settings_it_leaves_alone() -> None:
    own = branch(defects=["分行的缺陷"])
    merged, _, _, _ = merge(BASE, BASE_LAYERS, own)
    assert (merged.id, merged.title, merged.extends, merged.abstract, merged.defects) == (
        "own",
        "分行",
        "base",
        False,  # an extending policy is abstract only if it says so
        ("分行的缺陷",),
    )
    assert (merged.timezone, merged.level_input, merged.level_deadlines) == (
        "Asia/Taipei",
        "optional",
        "not_tighter",
    )
    assert merged.classification == BASE.classification
    assert merged.calendar == BASE.calendar


def test_settings_the_extending_policy_sets_replace_the_bases_even_to_the_default() -> None:
    own = branch(
        timezone="Asia/Shanghai",
        level_input="forbidden",
        level_deadlines="not_looser",
        classification=None,
    )
    merged, _, _, _ = merge(BASE, BASE_LAYERS, own)
    assert (merged.timezone, merged.level_input, merged.level_deadlines) == (
        "Asia/Shanghai",
        "forbidden",
        "not_looser",
    )
    assert merged.classification is None


def test_calendar_settings_given_replace_and_days_are_laid_over() -> None:
    own = branch(
        calendar={
            "day_ends_at": "23:59:59",
            "holidays": {"2026-10-11": "分行休息", "2026-11-02": "分行慶"},
            "workdays": {"2026-10-09": "分行上班"},
        }
    )
    merged, _, _, _ = merge(BASE, BASE_LAYERS, own)
    assert merged.calendar == CalendarSettings(
        exclude_start_day=False,  # not given: the base's
        day_ends_at="23:59:59",  # given, though it is the default
        holidays={
            date(2026, 12, 31): "年終",
            date(2026, 10, 11): "分行休息",  # the base's workday made a holiday
            date(2026, 11, 2): "分行慶",
        },
        workdays={
            date(2026, 10, 18): "補班二",
            date(2026, 10, 9): "分行上班",  # the base's holiday made a workday
        },
    )


def test_overlay_days_the_day_on_top_wins() -> None:
    oct9, oct10, oct11, oct12 = (date(2026, 10, d) for d in (9, 10, 11, 12))
    holidays, workdays = overlay_days(
        {oct9: "below h", oct10: "below h2"},
        {oct11: "below w"},
        {oct11: "top h", oct10: "top h2"},
        {oct9: "top w", oct12: "top w2"},
    )
    assert holidays == {oct10: "top h2", oct11: "top h"}
    assert workdays == {oct9: "top w", oct12: "top w2"}
    assert overlay_days({oct9: "h"}, {oct11: "w"}, {}, {}) == ({oct9: "h"}, {oct11: "w"})
