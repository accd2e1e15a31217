"""Why a case event is not applied, worded by the message catalogue.

A reason is kept as a :class:`~complaint_rules.errors.Problem` is: its stable ``code``
(``case.event.contradicts``), the values it is worded with (``args``: ids, instants and
labels as they are; ``wording`` names the catalogue's words where one code has several),
and its English text, which is what :attr:`Rejection.reason
<complaint_rules.lifecycle.status.Rejection.reason>` says. :func:`reason_text` says it in
any language.

A complaint in a ``received`` event (or one an event updates) that does not fit the policy
is refused with the complaint's own problems: one is said within the reason's words
(``inner.`` values, as :func:`~complaint_rules.messages.catalogue.make_problem` keeps
them); several are kept one after another, each under its number (``1.``, ``2.``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..errors import Problem
from ..messages.catalogue import Lang, make_problem, problem_text

__all__ = ["Reason", "complaint_parts", "complaint_reason", "reason_problem", "reason_text"]

_COMPLAINT = "case.event.complaint"


class Reason(Exception):
    """Why an event is not applied: :attr:`problem` keeps its code and values; the
    exception's text is its English."""

    def __init__(
        self,
        code: str,
        *,
        wording: str | None = None,
        inner: Problem | None = None,
        problem: Problem | None = None,
        args: Mapping[str, object] | None = None,
        **more: object,
    ) -> None:
        values = {**(args or {}), **more}
        self.problem = problem or make_problem(code, wording=wording, inner=inner, args=values)
        super().__init__(self.problem.message)


def complaint_reason(problems: Sequence[Problem]) -> Problem:
    """The reason a complaint is refused: ``field: what is wrong`` for each of its problems,
    one after another (``; ``)."""
    if len(problems) == 1:
        (only,) = problems
        return make_problem(_COMPLAINT, field=only.field, inner=only)
    args: dict[str, str] = {}
    for number, problem in enumerate(problems, 1):
        own = {"field": problem.field, "code": problem.code or "", "message": problem.message}
        args.update({f"{number}.{k}": v for k, v in {**own, **dict(problem.args)}.items()})
    message = "; ".join(f"{p.field}: {p.message}" for p in problems)
    return Problem(message=message, code=_COMPLAINT, args=tuple(args.items()))


def complaint_parts(code: str | None, args: Mapping[str, str]) -> list[Problem]:
    """A reason that keeps several problems of a complaint (under their numbers): each said
    within the reason's words (``field: what is wrong``); empty for any other reason."""
    if code != _COMPLAINT or "1.message" not in args:
        return []
    return [make_problem(_COMPLAINT, field=field, inner=inner) for field, inner in _parts(args)]


def _parts(args: Mapping[str, str]) -> list[tuple[str, Problem]]:
    """The complaint's problems kept under their numbers, each with its field."""
    numbers = sorted({int(k.split(".", 1)[0]) for k in args if k.split(".", 1)[0].isdigit()})
    parts = []
    for number in numbers:
        prefix = f"{number}."
        own = {k.removeprefix(prefix): v for k, v in args.items() if k.startswith(prefix)}
        field = own.pop("field", "")
        message = own.pop("message", "")
        code = own.pop("code", "") or None
        parts.append((field, Problem(message=message, code=code, args=tuple(own.items()))))
    return parts


def reason_problem(code: str | None, args: Mapping[str, str], reason: str) -> Problem:
    """The reason as a problem (English ``reason``) that can be said in any language."""
    return Problem(message=reason, code=code, args=tuple(args.items()))


def reason_text(code: str | None, args: Mapping[str, str], reason: str, lang: Lang) -> str:
    """The reason ``reason`` (its English) in ``lang``, from its ``code`` and ``args``; a
    reason without a code (one recorded by an earlier release) stays as it is."""
    if lang == "en" or code is None:
        return reason
    parts = complaint_parts(code, args)
    if parts:
        return ";".join(problem_text(part, lang) for part in parts)
    return problem_text(reason_problem(code, args, reason), lang)
