"""Every reason a case event is rejected with, said in each language: a fixture that
records each reason the lifecycle raises during a test and checks, after it, that the
catalogue words it in Traditional and Simplified Chinese with no English sentence left."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from complaint_rules.errors import Problem
from complaint_rules.lifecycle.reasons import Reason, reason_text
from complaint_rules.messages.catalogue import MESSAGES

_ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,;:'-]+[A-Za-z]{2,}")
"""Two English words in a row: what is left of an English sentence."""


def english_left(said: str, problem: Problem) -> list[str]:
    """The runs of English words in ``said`` once the reason's values (ids, instants,
    lists of ids, labels: said as they are) are taken out; its messages (an inner
    problem's English) are not values, they must be said in the language too."""
    values = sorted(
        (v for k, v in problem.args if not k.endswith("message") and v),
        key=len,
        reverse=True,
    )
    for value in values:
        said = said.replace(value, " ")
    return _ENGLISH.findall(said)


def check_said(problem: Problem) -> None:
    """``problem`` (a reason) has a code worded by the catalogue and is said wholly in
    Chinese (its values aside) in both Chinese languages."""
    assert problem.code is not None, problem.message
    args = dict(problem.args)
    assert args.get("wording", problem.code) in MESSAGES, problem
    for lang in ("zh-Hant", "zh-Hans"):
        said = reason_text(problem.code, args, problem.message, lang)
        assert said != problem.message, (lang, problem.message)
        assert not english_left(said, problem), (lang, said, problem.message)


@pytest.fixture
def every_reason_said(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Problem]]:
    """Records the reason of each event the lifecycle rejects during the test; after it,
    :func:`check_said` each of them."""
    seen: list[Problem] = []
    made = Reason.__init__

    def recording(self: Reason, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(self.problem)

    monkeypatch.setattr(Reason, "__init__", recording)
    yield seen
    for problem in seen:
        check_said(problem)
