"""Properties of loading: what the testing kit's ``policies()`` draws loads, dumps and
reloads to the same model; a valid policy mutated at random gives located problems, never
another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import PolicyError, load_policy_text
from complaint_rules.policy.model import Policy
from complaint_rules.policy.to_yaml import dump_policy
from complaint_rules.testing.strategies import policies
from tests.support.policy_files import FILES
from tests.support.profiles import POLICY_EXAMPLES


# Loading also compiles (with a working-day calendar): a tenth of the profile's examples.
@settings(max_examples=POLICY_EXAMPLES // 2)
@given(policies(form="model"))
def test_drawn_policies_load_dump_and_reload_to_the_same_model(model: Policy) -> None:
    text = dump_policy(model)
    loaded = load_policy_text(text)
    assert loaded.policy == model
    assert dump_policy(loaded.policy) == text
    assert load_policy_text(text).sha256 == loaded.sha256


# --- mutations --------------------------------------------------------------------------------

TOKENS = (
    ":", ": ", "- ", "{", "}", "[", "]", "'", '"', "&a ", "*a", "!!python/object:os.system ",
    "\t", "#", "? ", "|", ">", "%", "@", "`", "\\", "~", "null", "yes", "0x1F", "09",
    "2026-02-30", "9999-12-31", "1e400", "-1", "99999999999999999999", "\x00", "\ufeff",
    "\u2028", "ｉｄ", "within", "working_days: ", "extends: ", "next: ", "when: ",
)  # fmt: skip
SMALL = [f for f in FILES if f.stem in ("shihua_credit_coop", "grand_hotel", "cn_banking_baseline")]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, str]:
    """A bundled policy's text with one to three line edits: a line deleted, duplicated,
    swapped with the next, indented, dedented, cut off, or a token inserted or replacing a
    character."""
    path = draw(st.sampled_from(SMALL))
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "indent", "dedent", "truncate", "insert", "replace"]
            )
        )
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:]
        elif kind == "truncate":
            lines = lines[: i + 1]
        elif kind in ("insert", "replace"):
            j = draw(st.integers(min_value=0, max_value=len(lines[i])))
            token = draw(st.sampled_from(TOKENS))
            lines[i] = lines[i][:j] + token + lines[i][j + (kind == "replace") :]
    return path, "\n".join(lines)


WHOLE_FILE = {"the file is empty"}
"""Problems about the whole file, which have no line."""


@settings(max_examples=POLICY_EXAMPLES)
@given(mutated())
def test_mutated_policies_give_located_problems(case: tuple[Path, str]) -> None:
    path, text = case
    try:
        load_policy_text(text, file=str(path))
        return  # the edit left a valid policy
    except PolicyError as exc:
        problems = exc.problems
    assert problems
    for problem in problems:
        assert problem.message.strip()
        if problem.file == str(path):
            assert problem.line is not None or problem.message in WHOLE_FILE, problem
        else:  # a problem of the base layer the mutated file extends, in its own file
            assert problems[0].file == str(path) and problems[0].line is not None
