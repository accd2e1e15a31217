"""The HTTP service: a Starlette application over :mod:`.operations`.

Routes (the OpenAPI document, :mod:`.openapi`, names each operation):

====================================  ===================  ==============================
``GET  /v1/policies``                 ``listPolicies``
``GET  /v1/policies/{policy}``        ``getPolicy``        ``?at=``, ``?version=``, ``?sha256=``
``POST /v1/policies/{policy}/decide`` ``decide``           one complaint → ``decide_json()``
``POST …/decide-batch``               ``decideBatch``      a list → decision or problem each
``POST …/explain``                    ``explain``          the decision in words
``POST …/status``                     ``caseStatus``       ``{events, at}`` → the status
``POST /v1/validate``                 ``validatePolicy``   ``{yaml}`` → located problems
``POST /v1/reload``                   ``reloadPolicies``   needs the bearer token
``GET /healthz``, ``/readyz``, ``/metrics``, ``/openapi.json``
====================================  ===================  ==============================

Every refusal is an RFC 9457 problem document (``application/problem+json``). A request
keeps the policy set it started with; a reload swaps in a whole new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import signal
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..decision.json_input import read_json
from ..errors import ComplaintError, InputError, Problem
from ..messages.catalogue import make_problem, problem_document
from .openapi import openapi_document
from .operations import Args, Failure, Result, failure_body, run
from .policies import Policies, PolicySet, Selection

__all__ = ["Limits", "create_app", "negotiate_language", "serve_http"]

LOG = logging.getLogger("complaint_rules.service")
PROBLEM_TYPE = "application/problem+json"
JSON_TYPE = "application/json"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_INLINE = frozenset({"listPolicies", "getPolicy", "decide"})
"""Operations fast and bounded enough to run on the event loop (no thread hop)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on a request: body bytes, items per batch, seconds of work."""

    max_body: int = 1_048_576
    max_items: int = 1000
    timeout: float = 10.0


def negotiate_language(header: str | None) -> str | None:
    """The first of zh-Hant, zh-Hans, en that ``Accept-Language`` asks for (by q-value)."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, n, tag.strip().lower()))
    for neg_q, _, tag in sorted(ranked):
        if neg_q >= 0:
            break
        if tag in ("zh-hant", "zh-tw", "zh-hk", "zh-mo") or tag.startswith("zh-hant-"):
            return "zh-Hant"
        if tag in ("zh-hans", "zh-cn", "zh-sg", "zh") or tag.startswith("zh-hans-"):
            return "zh-Hans"
        if tag == "en" or tag.startswith("en-"):
            return "en"
        if tag == "*":
            return "en"
    return None


class _Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "complaint_rules_requests",
            "Requests by operation and status",
            ["operation", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "complaint_rules_request_seconds",
            "Time to answer a request, by operation",
            ["operation"],
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10),
            registry=r,
        )
        self.decisions = Counter(
            "complaint_rules_decisions",
            "Decisions made, by policy",
            ["policy", "version"],
            registry=r,
        )
        self.rejections = Counter(
            "complaint_rules_rejections",
            "Complaints refused with a problem document, by policy",
            ["policy"],
            registry=r,
        )
        self.generation = Gauge(
            "complaint_rules_policy_generation", "Reloads served so far", registry=r
        )
        self.reload_failures = Counter(
            "complaint_rules_reload_failures", "Reloads that failed (the old set kept)", registry=r
        )


def create_app(
    policies: Policies,
    *,
    limits: Limits | None = None,
    token: str | None = None,
    sighup: bool = False,
) -> Starlette:
    """The application serving ``policies``. With ``token``, every ``/v1/`` operation
    needs ``Authorization: Bearer <token>``; without, ``reloadPolicies`` is refused.
    With ``sighup``, SIGHUP reloads the policies (the process must own the signal)."""
    limits = limits or Limits()
    metrics = _Metrics()
    openapi = (json.dumps(openapi_document(), ensure_ascii=False, indent=2) + "\n").encode()

    def log(record: dict[str, Any]) -> None:
        LOG.info(json.dumps(record, ensure_ascii=False, separators=(",", ":")))

    def reload_now(trigger: str) -> tuple[bool, str | None]:
        ok, why = policies.reload()
        if ok:
            metrics.generation.set(policies.current.generation)
        else:
            metrics.reload_failures.inc()
        log(
            {
                "event": "reload",
                "trigger": trigger,
                "ok": ok,
                "generation": policies.current.generation,
                "error": why,
            }
        )
        return ok, why

    def problem(status: int, said: Problem, lang: str | None) -> Response:
        error = ComplaintError([said])
        body = problem_document(error, status=status, lang=lang or "en")
        return Response(_bytes(body), status, media_type=PROBLEM_TYPE)

    def authorised(request: Request) -> bool:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        return (
            token is not None
            and scheme.lower() == "bearer"
            and hmac.compare_digest(value.strip().encode(), token.encode())
        )

    async def body_of(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body:
                raise _TooLarge
            chunks.append(chunk)
        return b"".join(chunks)

    def endpoint(op: str, *, body: bool) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            started = time.perf_counter()
            lang = negotiate_language(request.headers.get("accept-language"))
            rid = request.headers.get("x-request-id", "")
            rid = rid if _REQUEST_ID.match(rid) else uuid.uuid4().hex[:16]
            ps = policies.current  # this request's set, whatever a reload does meanwhile
            result: Result | None = None
            try:
                response, result = await _answer(request, op, body, ps, lang)
            except Exception as exc:  # a bug, never bad input: no traceback to the client
                LOG.error(
                    json.dumps({"event": "error", "request_id": rid, "type": type(exc).__name__})
                )
                response = problem(500, make_problem("service.internal"), lang)
            status = response.status_code
            elapsed = time.perf_counter() - started
            metrics.requests.labels(op, str(status)).inc()
            metrics.latency.labels(op).observe(elapsed)
            policy = result.policy if result is not None else None
            pid = policy.id if policy is not None else request.path_params.get("policy")
            pid = pid if isinstance(pid, str) and pid in ps.versions else None
            if result is not None and policy is not None:
                if result.decisions:
                    metrics.decisions.labels(policy.id, policy.version).inc(result.decisions)
                if result.rejections:
                    metrics.rejections.labels(policy.id).inc(result.rejections)
            elif pid is not None and status in (413, 422):
                metrics.rejections.labels(pid).inc()
            response.headers["x-request-id"] = rid
            if lang is not None:
                response.headers["content-language"] = lang
            log(
                {
                    "request_id": rid,
                    "op": op,
                    "policy": pid,
                    "version": policy.version if policy is not None else None,
                    "sha256": policy.sha256[:12] if policy is not None else None,
                    "status": status,
                    "ms": round(elapsed * 1000, 3),
                }
            )
            return response

        return handle

    async def _answer(
        request: Request, op: str, has_body: bool, ps: PolicySet, lang: str | None
    ) -> tuple[Response, Result | None]:
        if token is not None and not authorised(request):
            resp = problem(401, make_problem("service.unauthorised"), lang)
            resp.headers["www-authenticate"] = "Bearer"
            return resp, None
        if op == "reloadPolicies":
            if token is None:
                return problem(403, make_problem("service.reload_disabled"), lang), None
            if has_body:
                await body_of(request)
            ok, why = await run_in_threadpool(reload_now, "request")
            cur = policies.current
            data = {"reloaded": ok, "generation": cur.generation, "error": why}
            return Response(_bytes(data), 200 if ok else 422, media_type=JSON_TYPE), None
        try:
            raw = await body_of(request) if has_body else b""
        except _TooLarge:
            said = make_problem("request.too_large", limit=limits.max_body)
            return problem(413, said, lang), None
        try:
            args = _args(request, op, raw, lang, limits)
        except Failure as exc:
            return Response(failure_body(exc, lang), exc.status, media_type=PROBLEM_TYPE), None
        try:
            if op in _INLINE:
                result = run(op, ps, args)
            else:
                result = await asyncio.wait_for(
                    run_in_threadpool(run, op, ps, args), timeout=limits.timeout
                )
        except Failure as exc:
            return Response(failure_body(exc, lang), exc.status, media_type=PROBLEM_TYPE), None
        except TimeoutError:
            said = make_problem("request.timeout", seconds=limits.timeout)
            return problem(503, said, lang), None
        return Response(result.body, 200, media_type=JSON_TYPE), result

    async def healthz(request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=JSON_TYPE)

    async def readyz(request: Request) -> Response:
        cur = policies.current
        data = {
            "ready": True,
            "generation": cur.generation,
            "loaded_at": cur.loaded_at,
            "policies": len(cur.versions),
            "last_reload_error": policies.last_error,
        }
        return Response(_bytes(data), media_type=JSON_TYPE)

    async def metrics_view(request: Request) -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    async def openapi_view(request: Request) -> Response:
        return Response(openapi, media_type=JSON_TYPE)

    routes = [
        Route("/v1/policies", endpoint("listPolicies", body=False), methods=["GET"]),
        Route("/v1/policies/{policy}", endpoint("getPolicy", body=False), methods=["GET"]),
        Route("/v1/policies/{policy}/decide", endpoint("decide", body=True), methods=["POST"]),
        Route(
            "/v1/policies/{policy}/decide-batch",
            endpoint("decideBatch", body=True),
            methods=["POST"],
        ),
        Route("/v1/policies/{policy}/explain", endpoint("explain", body=True), methods=["POST"]),
        Route("/v1/policies/{policy}/status", endpoint("caseStatus", body=True), methods=["POST"]),
        Route("/v1/validate", endpoint("validatePolicy", body=True), methods=["POST"]),
        Route("/v1/reload", endpoint("reloadPolicies", body=True), methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics_view, methods=["GET"]),
        Route("/openapi.json", openapi_view, methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        metrics.generation.set(policies.current.generation)
        loop = asyncio.get_running_loop()
        if sighup:
            loop.add_signal_handler(
                signal.SIGHUP, lambda: loop.run_in_executor(None, reload_now, "SIGHUP")
            )
        try:
            yield
        finally:
            if sighup:
                loop.remove_signal_handler(signal.SIGHUP)

    async def not_found(request: Request, exc: Exception) -> Response:
        lang = negotiate_language(request.headers.get("accept-language"))
        return problem(404, make_problem("service.not_found"), lang)

    async def not_allowed(request: Request, exc: Exception) -> Response:
        lang = negotiate_language(request.headers.get("accept-language"))
        said = make_problem("service.method", method=request.method)
        return problem(405, said, lang)

    return Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: not_allowed},
    )


class _TooLarge(Exception):
    pass


def _bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _flag(value: str | None, name: str) -> bool:
    if value is None or value in ("false", "0", ""):
        return False
    if value in ("true", "1"):
        return True
    raise Failure(400, ComplaintError([make_problem("request.query", path=(name,), name=name)]))


def _args(request: Request, op: str, raw: bytes, lang: str | None, limits: Limits) -> Args:
    q = request.query_params
    selection = Selection(
        at=q.get("at") if op == "getPolicy" else None,
        version=q.get("version"),
        sha256=q.get("sha256"),
        estimate=_flag(q.get("estimate"), "estimate"),
    )
    body: Any = None
    if raw or op not in ("listPolicies", "getPolicy"):
        try:
            body = read_json(raw, where="<body>")
        except InputError as exc:
            raise Failure(400, exc) from None
        if op == "validatePolicy":
            if not isinstance(body, dict) or not isinstance(body.get("yaml"), str):
                said = make_problem("request.yaml", wording="request.yaml.body")
                raise Failure(422, ComplaintError([said]))
            body = body["yaml"]
    return Args(
        policy=request.path_params.get("policy"),
        body=body,
        selection=selection,
        at=q.get("at") if op != "getPolicy" else None,
        lang=lang,
        max_items=limits.max_items,
    )


def serve_http(
    policies: Policies,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    limits: Limits | None = None,
    token: str | None = None,
) -> None:
    """Serve until stopped: uvicorn, one JSON log line per request on stderr, SIGHUP reloads."""
    import sys

    import uvicorn

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False
    app = create_app(policies, limits=limits, token=token, sighup=True)
    uvicorn.run(
        app, host=host, port=port, access_log=False, log_level="warning", server_header=False
    )
