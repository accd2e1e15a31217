"""The testing kit's ``policies()``: valid policy documents drawn from the model itself."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import load_policy_text
from complaint_rules.policy.model import CalendarSettings, Policy, Rule
from complaint_rules.policy.to_yaml import dump_policy
from complaint_rules.testing._policies import NOT_DRAWN
from complaint_rules.testing.strategies import policies


def test_policies_draws_every_field_of_the_model() -> None:
    # A field the model gains is drawn, or listed as not drawn, or this test fails.
    seen: dict[str, set[str]] = {"policy": set(), "rule": set(), "calendar": set()}

    @settings(max_examples=200, derandomize=True)  # the same 200 documents on every run
    @given(policies(form="data"))
    def record(data: dict[str, Any]) -> None:
        seen["policy"].update(data)
        seen["calendar"].update(data.get("calendar", {}))
        for rule in data["rules"]:
            seen["rule"].update(rule)

    record()
    fields = {info.alias or name for name, info in Policy.model_fields.items()}
    assert seen["policy"] == fields - NOT_DRAWN
    assert seen["rule"] == set(Rule.model_fields)
    assert seen["calendar"] == set(CalendarSettings.model_fields)


@settings(max_examples=5)
@given(policies())
def test_the_drawn_yaml_loads(text: str) -> None:
    assert dump_policy(load_policy_text(text).policy) == text


@settings(max_examples=3)
@given(st.data())
def test_each_form_of_a_drawn_policy(data: st.DataObject) -> None:
    text = data.draw(policies(), label="yaml")
    assert isinstance(text, str)
    assert dump_policy(load_policy_text(text).policy) == text
    drawn = data.draw(policies(form="data"), label="data")
    assert isinstance(drawn, dict) and drawn["schema"] == "complaint-rules/1"
    assert not NOT_DRAWN & set(drawn)
    model = data.draw(policies(form="model"), label="model")
    assert (isinstance(model, Policy) and not model.abstract) or model.extends is None
    assert {"extends", "remove_rules", "lifecycle"} == NOT_DRAWN


def test_the_form_is_yaml_data_or_model() -> None:
    with pytest.raises(ValueError, match=r"^form is 'yaml', 'data' or 'model', not 'json'$"):
        policies(form="json")  # type: ignore[arg-type]
