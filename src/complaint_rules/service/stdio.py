"""The service's operations over JSON lines: ``complaint-rules serve --stdio``.

The first line written says the server is ready and which policies it holds. Then each
line read is one request, ``{"id": …, "op": "decide", "policy": …, "complaint": {…}}``
(``op`` one of the operationIds; the body is ``complaint`` for ``decide`` and ``explain``,
``complaints`` for ``decideBatch``, ``events`` and ``at`` for ``caseStatus``, ``yaml`` for
``validatePolicy``; ``version``, ``sha256``, ``at``, ``estimate`` and ``lang`` as the
HTTP query and ``Accept-Language``), and gets one line back, in order, flushed at once:
``{"id":<id>,"op":"<op>","ok":true,"result":<the result's JSON>}`` (for ``decide``,
exactly ``decide_json()``'s bytes), or ``…,"ok":false,"problem":<problem document>}``.
A bad line gets a problem line; nothing stops the stream but the end of the input.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from ..decision.json_input import read_json
from ..errors import ComplaintError, InputError, Problem
from ..messages.catalogue import make_problem, problem_document
from .operations import OPERATIONS, Args, Failure, failure_body, run
from .policies import Policies, Selection

__all__ = ["PROTOCOL", "serve_stdio"]

PROTOCOL = "complaint-rules/stdio/1"
_BODY = {
    "decide": "complaint",
    "explain": "complaint",
    "decideBatch": "complaints",
    "validatePolicy": "yaml",
}
_OPS = (*OPERATIONS, "reloadPolicies")


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _problem(status: int, problem: Problem, lang: str | None = None) -> bytes:
    error = ComplaintError([problem])
    return _dump(problem_document(error, status=status, lang=lang or "en"))


def _lang_of(request: object) -> str | None:
    """The request line's ``lang``, if it is one of the languages."""
    lang = request.get("lang") if isinstance(request, dict) else None
    return lang if lang in ("zh-Hant", "zh-Hans", "en") else None


def ready_line(policies: Policies) -> bytes:
    held = [
        {k: s[k] for k in ("id", "version", "sha256", "effective_from")}
        for s in policies.current.summary()
    ]
    data = {"ready": True, "protocol": PROTOCOL, "operations": list(_OPS), "policies": held}
    return _dump(data) + b"\n"


def answer(policies: Policies, line: bytes, max_items: int = 1000) -> bytes:
    """The reply line (with its newline) to one request line."""
    try:
        request = read_json(line, where="<line>")
    except InputError as exc:
        doc = _dump(problem_document(exc, status=400))
        return b'{"id":null,"op":null,"ok":false,"problem":' + doc + b"}\n"
    if not isinstance(request, dict):
        doc = _problem(400, make_problem("stdio.not_object"))
        return b'{"id":null,"op":null,"ok":false,"problem":' + doc + b"}\n"
    rid = request.get("id")
    op = request.get("op")
    head = b'{"id":' + _dump(rid) + b',"op":' + _dump(op if isinstance(op, str) else None)
    lang = _lang_of(request)
    if op not in _OPS:
        doc = _problem(400, make_problem("stdio.op", path=("op",), ops=", ".join(_OPS)), lang)
        return head + b',"ok":false,"problem":' + doc + b"}\n"
    if op == "reloadPolicies":
        ok, why = policies.reload()
        result = _dump({"reloaded": ok, "generation": policies.current.generation, "error": why})
        return head + b',"ok":true,"result":' + result + b"}\n"
    if op == "caseStatus":
        body: Any = {"events": request.get("events"), "at": request.get("at")}
        at = None
    else:
        body = request.get(_BODY[op]) if op in _BODY else None
        at = request.get("at")
    estimate = request.get("estimate") is True
    try:
        for name in ("version", "sha256", "at"):
            if request.get(name) is not None and not isinstance(request.get(name), str):
                problem = make_problem("stdio.field", path=(name,), name=name)
                raise Failure(400, ComplaintError([problem]))
        args = Args(
            policy=request.get("policy"),
            body=body,
            selection=Selection(
                at=at if op == "getPolicy" else None,
                version=request.get("version"),
                sha256=request.get("sha256"),
                estimate=estimate,
            ),
            at=at if op not in ("getPolicy", "caseStatus") else None,
            lang=lang,
            max_items=max_items,
        )
        result = run(op, policies.current, args).body
    except Failure as exc:
        return head + b',"ok":false,"problem":' + failure_body(exc, lang) + b"}\n"
    except Exception as exc:  # a bug, never bad input: a problem line, and the stream goes on
        internal = make_problem(
            "service.internal", wording="service.internal.type", type=type(exc).__name__
        )
        doc = _problem(500, internal, lang)
        return head + b',"ok":false,"problem":' + doc + b"}\n"
    return head + b',"ok":true,"result":' + result + b"}\n"


def serve_stdio(
    policies: Policies, stdin: BinaryIO, stdout: BinaryIO, max_items: int = 1000
) -> int:
    """Answer request lines from ``stdin`` on ``stdout`` until the input ends."""
    stdout.write(ready_line(policies))
    stdout.flush()
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(answer(policies, line, max_items))
        stdout.flush()
    return 0
