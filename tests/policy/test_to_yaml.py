"""Writing a policy model back as YAML that the strict reader reads to an equal model."""

from __future__ import annotations

import doctest
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import complaint_rules.policy.to_yaml
from complaint_rules import Catalog, load_policy, load_policy_text
from complaint_rules.policy.loader import parse_policy
from complaint_rules.policy.model import Policy
from complaint_rules.policy.to_yaml import dump_policy
from complaint_rules.policy.yaml_reader import read_yaml
from complaint_rules.testing.strategies import policies
from tests.support.policy_files import FILES
from tests.support.policy_texts import MINI
from tests.support.profiles import POLICY_EXAMPLES

HEAD = {
    "schema": "complaint-rules/1",
    "id": "x",
    "version": "1",
    "title": "辦法",
    "institution": "銀行",
    "source": "tests",
}


def test_dump_docstring_example_holds() -> None:
    result = doctest.testmod(complaint_rules.policy.to_yaml, verbose=False)
    assert (result.attempted, result.failed) == (2, 0)


# Each example is dumped and read by the pure-Python YAML reader: a fifth of the profile's.
@settings(max_examples=POLICY_EXAMPLES)
@given(policies(form="data"))
def test_drawn_policy_data_dumps_and_reads_back_to_the_same_model(data: dict[str, Any]) -> None:
    model = Policy.model_validate(data)
    text = dump_policy(model)
    again = parse_policy(read_yaml(text))
    assert again == model
    assert dump_policy(again) == text


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_bundled_policies_dump_and_reload_to_themselves(path: Path, catalog: Catalog) -> None:
    own = parse_policy(read_yaml(path.read_bytes(), str(path)))
    text = dump_policy(own)
    assert parse_policy(read_yaml(text)) == own
    # The dump, put where the file is (so that its base is found the same way), loads to
    # the same merged policy.
    loaded = catalog.load(path.stem) if path.stem in catalog.ids() else load_policy(path)
    assert load_policy_text(text, file=str(path)).policy == loaded.policy


def test_text_the_reader_would_take_for_another_type_is_quoted() -> None:
    policy = Policy.model_validate(
        {
            **HEAD,
            "version": "09",
            "title": "yes",
            "institution": "2026-01-01",
            "source": "true",
            "calendar": {"holidays": {"2026-10-09": "null"}},
            "parameters": [{"id": "limit", "type": "money", "label": "1.5", "value": "100.50"}],
            "defects": ["~", "on", "0o17", "1e3", "12:30", "投訴 處理"],
        }
    )
    # Quoted: an int (09), a date, true, null, ~ and a float (1.5) to the reader; money as
    # decimal text with its places. Plain: what YAML 1.2's core schema reads as text (yes,
    # on, 0o17, 1e3, 12:30), dates where a date is meant, and Chinese as written.
    assert dump_policy(policy) == (
        "schema: complaint-rules/1\n"
        "id: x\n"
        "version: '09'\n"
        "title: yes\n"
        "institution: '2026-01-01'\n"
        "source: 'true'\n"
        "calendar:\n"
        "  holidays:\n"
        "    2026-10-09: 'null'\n"
        "parameters:\n"
        "- id: limit\n"
        "  label: '1.5'\n"
        "  type: money\n"
        "  value: '100.50'\n"
        "defects:\n"
        "- '~'\n"
        "- on\n"
        "- '0o17'\n"
        "- 1e3\n"
        "- 12:30\n"
        "- 投訴 處理\n"
    )
    again = parse_policy(read_yaml(dump_policy(policy)))
    assert again == policy
    assert again.parameters[0].value == Decimal("100.50")
    assert again.calendar.holidays == {date(2026, 10, 9): "null"}


def test_only_the_fields_given_are_written_so_a_layer_keeps_its_overrides() -> None:
    # timezone equals the default, but a layer that writes it overrides its base's.
    layer = Policy.model_validate({**HEAD, "timezone": "Asia/Shanghai", "extends": "base"})
    assert dump_policy(layer).splitlines()[6:] == ["timezone: Asia/Shanghai", "extends: base"]
    assert parse_policy(read_yaml(dump_policy(layer))).model_fields_set == layer.model_fields_set
    plain = Policy.model_validate(HEAD)
    assert "timezone" not in dump_policy(plain)


def test_the_mini_policy_dumps_and_loads_to_the_same_decisions() -> None:
    loaded = load_policy_text(MINI)
    again = load_policy_text(dump_policy(loaded.policy))
    assert again.policy == loaded.policy
    assert again.sha256 != loaded.sha256  # the text differs: comments, flow style, quoting


def test_only_a_policy_model_is_dumped() -> None:
    with pytest.raises(
        TypeError, match=r"^policy must be a complaint_rules.policy.model.Policy, not dict$"
    ):
        dump_policy(HEAD)  # type: ignore[arg-type]
