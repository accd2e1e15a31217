"""The service's operations, the same over HTTP and over JSON lines.

Each takes the policy set a request holds and its arguments, and returns the response
body as bytes (for ``decide``, exactly :func:`~complaint_rules.decision.engine.decide_bytes`),
or raises :class:`Failure` with the HTTP status and the problems. No input makes one raise
anything else: what the library refuses is a 4xx problem document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..contract import COMPLAINT
from ..decision.engine import decide_bytes
from ..errors import (
    CalendarError,
    ComplaintError,
    ComplaintRulesError,
    InputError,
    PolicyError,
)
from ..messages.catalogue import make_problem, problem_document
from ..messages.host import calendar_problem, extra_problem
from ..messages.simplified import to_simplified
from ..policy.compiled import CompiledPolicy
from ..policy.json_schema import complaint_schema
from .policies import PolicySet, Selection, UnknownPolicy

__all__ = [
    "OPERATIONS",
    "Args",
    "Failure",
    "Result",
    "failure_body",
    "run",
]

LANGUAGES = ("zh-Hant", "zh-Hans", "en")


class Failure(Exception):
    """An operation refused: the HTTP status and the error whose problems it reports."""

    def __init__(self, status: int, error: InputError) -> None:
        super().__init__(str(error))
        self.status = status
        self.error = error


@dataclass(frozen=True, slots=True)
class Args:
    """An operation's arguments: the policy id, the request body (parsed JSON, or text for
    ``validatePolicy``), the version selection, the as-of instant and the language."""

    policy: str | None = None
    body: Any = None
    selection: Selection = field(default_factory=Selection)
    at: str | None = None
    lang: str | None = None
    max_items: int = 1000


@dataclass(slots=True)
class Result:
    """The response body, and what the request log and metrics say about it."""

    body: bytes
    policy: CompiledPolicy | None = None
    decisions: int = 0
    rejections: int = 0
    extra: dict[str, object] = field(default_factory=dict)


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _invalid(code: str, path: tuple[str | int, ...] = ()) -> Failure:
    return Failure(422, ComplaintError([make_problem(code, path=path)]))


def _policy_id(args: Args) -> str:
    if not isinstance(args.policy, str) or not args.policy:
        raise _invalid("request.policy", ("policy",))
    return args.policy


def _received(body: Any) -> object:
    return body.get("received_at") if isinstance(body, dict) else None


def _select(ps: PolicySet, args: Args, received: object) -> CompiledPolicy:
    try:
        return ps.select(_policy_id(args), args.selection, received)
    except UnknownPolicy as exc:
        raise Failure(404, exc) from None
    except PolicyError as exc:
        raise Failure(422, exc) from None


def _guard(call: Callable[[], bytes]) -> bytes:
    """``call()``, with what the library refuses as a 422 Failure."""
    try:
        return call()
    except InputError as exc:
        raise Failure(422, exc) from None
    except CalendarError as exc:
        problem = calendar_problem(exc, code="calendar.unknown")
        raise Failure(422, ComplaintError([problem])) from None
    except ComplaintRulesError as exc:  # e.g. a missing extra for zh-Hans
        problem = extra_problem(exc, code="request.unsupported")
        raise Failure(422, ComplaintError([problem])) from None


def list_policies(ps: PolicySet, args: Args) -> Result:
    return Result(_dump({"generation": ps.generation, "policies": ps.summary()}))


def _simplified(texts: list[str]) -> list[str]:
    """The Simplified forms of ``texts`` that differ from every one of them."""
    out: dict[str, None] = {}
    for form in to_simplified(texts):
        if form not in texts:
            out.setdefault(form, None)
    return list(out)


def _terms(terms: Any) -> list[dict[str, object]]:
    return [
        {
            "id": t.id,
            "label": t.label,
            "aliases": list(t.aliases),
            "simplified": _simplified([t.label, *t.aliases]),
            "article": t.article,
        }
        for t in terms
    ]


def get_policy(ps: PolicySet, args: Args) -> Result:
    policy = _select(ps, args, args.selection.at)
    model = policy.policy
    vocab = model.vocabulary
    summary = next(s for s in ps.summary() if s["id"] == policy.id and s["sha256"] == policy.sha256)
    data = {
        **summary,
        "timezone": model.timezone,
        "level_input": policy.level_input,
        "vocabulary": {
            "channels": _terms(vocab.channels),
            "categories": _terms(vocab.categories),
            "levels": _terms(vocab.levels),
            "findings": _terms(vocab.findings),
            "roles": _terms(vocab.roles),
            "events": _terms(vocab.events),
        },
        "facts": [
            {
                "id": f.id,
                "label": f.label,
                "type": f.type,
                "aliases": list(f.aliases),
                "simplified": _simplified([f.label, *f.aliases]),
                "default": f.default,
                "minimum": f.minimum,
                "article": f.article,
            }
            for f in model.facts
        ],
        "complaint_schema": complaint_schema(policy, COMPLAINT),
    }
    return Result(_dump(data), policy)


def decide(ps: PolicySet, args: Args) -> Result:
    body = args.body
    if not isinstance(body, dict):
        raise _invalid("complaint.not_object")
    policy = _select(ps, args, _received(body))
    at, estimate = args.at, args.selection.estimate
    data = _guard(lambda: decide_bytes(policy, body, at=at, estimate=estimate))
    return Result(data, policy, decisions=1)


def decide_batch(ps: PolicySet, args: Args) -> Result:
    items = args.body
    if not isinstance(items, list):
        raise _invalid("batch.not_list")
    if len(items) > args.max_items:
        error = ComplaintError([make_problem("batch.too_many", limit=args.max_items)])
        raise Failure(413, error)
    policy_id = _policy_id(args)
    parts: list[bytes] = []
    decided = rejected = 0
    last: CompiledPolicy | None = None
    for i, item in enumerate(items):
        try:
            policy = _select(ps, args, _received(item))
            if not isinstance(item, dict):
                raise _invalid("complaint.not_object")
            last = policy
            parts.append(_decide_one(policy, item, args))
            decided += 1
        except Failure as exc:
            if exc.status == 404:
                raise
            doc = problem_document(_at_item(exc.error, i), status=exc.status, lang=_lang(args))
            parts.append(_dump(doc))
            rejected += 1
    del policy_id
    return Result(b"[" + b",".join(parts) + b"]", last, decided, rejected)


def _decide_one(policy: CompiledPolicy, item: dict[str, Any], args: Args) -> bytes:
    return _guard(lambda: decide_bytes(policy, item, at=args.at, estimate=args.selection.estimate))


def _at_item(error: InputError, index: int) -> InputError:
    located = [replace(p, path=(index, *p.path)) for p in error.problems]
    return type(error)(located)


def _lang(args: Args) -> str:
    return args.lang or "en"


def explain(ps: PolicySet, args: Args) -> Result:
    from ..explanation.explain import explain as explain_

    body = args.body
    if not isinstance(body, dict):
        raise _invalid("complaint.not_object")
    policy = _select(ps, args, _received(body))
    lang = args.lang or "zh-Hant"
    at, estimate = args.at, args.selection.estimate
    data = _guard(
        lambda: (
            explain_(policy, body, at=at, estimate=estimate, lang=lang).model_dump_json().encode()
        )
    )
    return Result(data, policy)


def case_status(ps: PolicySet, args: Args) -> Result:
    from ..lifecycle.case import status

    body = args.body
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        raise _invalid("case.not_object", ("events",))
    at = body.get("at")
    if not isinstance(at, str):
        raise _invalid("case.at", ("at",))
    events = body["events"]
    received = next(
        (e.get("at") for e in events if isinstance(e, dict) and e.get("event") == "received"),
        None,
    )
    policy = _select(ps, args, received)
    estimate = args.selection.estimate
    data = _guard(lambda: status(policy, events, at, estimate=estimate).model_dump_json().encode())
    return Result(data, policy)


def validate_policy(ps: PolicySet, args: Args) -> Result:
    from ..policy.loader import load_policy_text

    text = args.body
    if not isinstance(text, str):
        raise _invalid("request.yaml", ("yaml",))

    def base(policy_id: str) -> CompiledPolicy:
        versions = ps.versions.get(policy_id)
        if not versions:
            problem = make_problem(
                "policy.base_not_found",
                path=("extends",),
                wording="host.policy.base_unknown",
                id=repr(policy_id),
            )
            raise PolicyError([problem])
        return versions[-1]

    try:
        policy = load_policy_text(text, file="<policy>", resolve=base)
    except InputError as exc:
        problems = problem_document(exc, status=422, lang=_lang(args))["problems"]
        return Result(_dump({"valid": False, "problems": problems}))
    data = {"valid": True, "id": policy.id, "version": policy.version, "sha256": policy.sha256}
    return Result(_dump({**data, "problems": []}))


OPERATIONS: dict[str, Callable[[PolicySet, Args], Result]] = {
    "listPolicies": list_policies,
    "getPolicy": get_policy,
    "decide": decide,
    "decideBatch": decide_batch,
    "explain": explain,
    "caseStatus": case_status,
    "validatePolicy": validate_policy,
}
"""Every operation but ``reloadPolicies`` (which the transport does: it needs the token)."""


def run(op: str, ps: PolicySet, args: Args) -> Result:
    """Operation ``op``; any refusal is a :class:`Failure`."""
    try:
        return OPERATIONS[op](ps, args)
    except Failure:
        raise
    except RecursionError:
        error = ComplaintError([make_problem("request.too_deep")])
        raise Failure(422, error) from None


def failure_body(failure: Failure, lang: str | None) -> bytes:
    """A failure's problem document, as bytes."""
    return _dump(problem_document(failure.error, status=failure.status, lang=lang or "en"))
