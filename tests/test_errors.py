"""The errors: located problems, every problem of a bad input at once, calendar errors."""

from __future__ import annotations

import pytest

from complaint_rules.errors import (
    CalendarError,
    ComplaintError,
    ComplaintRulesError,
    InputError,
    MissingExtraError,
    PolicyError,
    Problem,
    UnpublishedCalendarError,
)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ((), ""),
        (("rules",), "rules"),
        (("rules", 3, "when", "channel"), "rules[3].when.channel"),
        (("findings", 0, "roles", 2), "findings[0].roles[2]"),
        ((0, "received_at"), "[0].received_at"),  # a list of complaints
        (("calendar", "workdays", "2026-10-10"), "calendar.workdays.2026-10-10"),
    ],
)
def test_a_problems_field_is_its_path_dotted(path: tuple[str | int, ...], field: str) -> None:
    assert Problem("m", path=path).field == field


def test_a_problem_reads_file_line_field_message() -> None:
    assert str(Problem("bad", path=("id",), file="p.yaml", line=2)) == "p.yaml:2: id: bad"
    assert str(Problem("bad", path=("id",), file="p.yaml")) == "p.yaml: id: bad"
    assert str(Problem("bad", file="p.yaml", line=2)) == "p.yaml:2: bad"
    assert str(Problem("bad", path=("id",))) == "<input>: id: bad"
    assert str(Problem("bad")) == "<input>: bad"
    assert str(Problem("bad", line=7)) == "<input>:7: bad"


def test_a_problem_is_a_frozen_value() -> None:
    problem = Problem("bad", path=("id",))
    assert problem == Problem(message="bad", path=("id",), file=None, line=None)
    assert hash(problem) == hash(Problem("bad", path=("id",)))
    with pytest.raises(AttributeError):
        problem.message = "good"  # type: ignore[misc]


def test_an_input_error_lists_every_problem_under_a_count() -> None:
    one = PolicyError([Problem("bad", path=("id",), file="p.yaml", line=2)])
    assert str(one) == "1 problem in policy:\n  p.yaml:2: id: bad"
    two = ComplaintError([Problem("a", path=("channel",)), Problem("b")])
    assert str(two) == "2 problems in complaint:\n  <input>: channel: a\n  <input>: b"
    assert two.problems == (Problem("a", path=("channel",)), Problem("b"))
    assert str(InputError([Problem("x")])) == "1 problem in input:\n  <input>: x"


def test_an_input_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match=r"^an InputError needs at least one problem$"):
        PolicyError([])


def test_an_unpublished_year_names_the_year_and_the_known_ones() -> None:
    error = UnpublishedCalendarError(2027, (2001, 2026))
    assert (error.year, error.known) == (2027, (2001, 2026))
    assert str(error) == (
        "the official holiday schedule for 2027 is not known (known: 2001-2026); add the "
        "year's holidays and make-up workdays to the policy's calendar, or ask for an "
        "estimated deadline"
    )


def test_the_two_families_and_the_missing_extra() -> None:
    for kind in (PolicyError, ComplaintError):
        assert issubclass(kind, InputError) and issubclass(kind, ComplaintRulesError)
    assert issubclass(UnpublishedCalendarError, CalendarError)
    assert issubclass(CalendarError, ComplaintRulesError)
    assert not issubclass(CalendarError, InputError)
    assert issubclass(MissingExtraError, ImportError) and issubclass(
        MissingExtraError, ComplaintRulesError
    )
    with pytest.raises(ImportError, match="pip install"):
        raise MissingExtraError("pip install 'complaint-rules[zh-hans]'")
