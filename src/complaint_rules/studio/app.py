"""The workbench as a web application (Starlette): the read-only pages, the try-a-complaint
form, the editor with live checks, and what a change does.

:func:`create_app` makes it from a :class:`~.workspace.Workspace`; ``complaint-rules
studio`` serves it with uvicorn on 127.0.0.1. Everything it sends is made here or ships
in the wheel (``studio/static``): no CDN, no font download. Writes need the page's CSRF
token; a request from another host needs the access token (``--token-file``).
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from datetime import datetime
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..decision.engine import decide
from ..errors import CalendarError, ComplaintRulesError, InputError, MissingExtraError, Problem
from ..explanation.explain import explain
from ..lifecycle.case import status as case_status
from ..lifecycle.status import CaseStatus
from ..messages.catalogue import choose_lang, format_problem, make_problem, problem_text, say
from ..messages.host import calendar_problem
from ..policy.compiled import CompiledPolicy
from ..toolkit.diff import diff as policy_diff
from ..toolkit.impact import ImpactTally, impact_lines
from ..toolkit.input_space import SpaceTooLarge
from ..toolkit.policytests.cases import TestReport, run_tests
from .pages import Links, index_page, policy_page
from .survey import bases_of, source_text_of
from .views import (
    Frame,
    TryInput,
    changes_page,
    edit_page,
    head_extras,
    impact_summary,
    tabs,
    try_page,
    with_head,
)
from .words import Lang, Words, parse_lang
from .workspace import OutsideError, Workspace

__all__ = ["STATIC_FILES", "create_app"]

STATIC_FILES = {"studio.js": "text/javascript", "studio.css": "text/css"}
"""The files under ``/static/``: nothing else is served from there."""

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"]
MAX_BODY = 20 * 1024 * 1024
"""The largest request body read (an uploaded history), in bytes."""

TOKEN_COOKIE = "complaint_rules_studio"


class _Hosts:
    """Only requests addressed to one of ``hosts`` (``*``: any): a web page elsewhere
    cannot reach the workbench through a name of its own that points at this computer."""

    def __init__(self, app: ASGIApp, hosts: list[str], lang: Lang = "en") -> None:
        self.app = app
        self.hosts = {h.casefold().strip("[]") for h in hosts}
        self.lang = lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            host = Request(scope).headers.get("host", "")
            name = (urlsplit(f"//{host}").hostname or "") if host else ""
            if name.casefold() not in self.hosts:
                response = PlainTextResponse(say("studio.host", self.lang), status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _AccessToken:
    """Every request must carry the token (header, cookie, or ``?token=`` once)."""

    def __init__(self, app: ASGIApp, token: str, lang: Lang = "en") -> None:
        self.app = app
        self.token = token
        self.lang = lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.cookies.get(TOKEN_COOKIE, "")
        bearer = request.headers.get("authorization", "")
        if bearer.startswith("Bearer "):
            given = bearer[len("Bearer ") :]
        query = request.query_params.get("token")
        if query is not None and hmac.compare_digest(query.encode(), self.token.encode()):
            # Trade the token in the address for a cookie, and drop it from the address.
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (
                "?" + "&".join(f"{k}={v}" for k, v in rest) if rest else ""
            )
            response: Response = RedirectResponse(target, status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            await response(scope, receive, send)
            return
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            said = say("studio.token_required", self.lang)
            response = PlainTextResponse(said, status_code=401)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def create_app(
    workspace: Workspace,
    *,
    lang: Lang = "zh-Hant",
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    csrf: str | None = None,
) -> Starlette:
    """The workbench over ``workspace``: pages in ``lang`` unless a request asks
    (``?lang=``) for another. With ``token``, every request must carry it."""
    csrf_token = csrf or secrets.token_urlsafe(32)
    hosts = allowed_hosts if allowed_hosts is not None else LOOPBACK_HOSTS
    studio = _Studio(workspace, lang, csrf_token)
    middleware = [Middleware(_Hosts, hosts=hosts, lang=lang)]
    if token is not None:
        middleware.append(Middleware(_AccessToken, token=token, lang=lang))
    routes = [
        Route("/", studio.index),
        Route("/static/{name}", studio.static),
        Route("/policies/{policy_id}", studio.read),
        Route("/policies/{policy_id}/try", studio.try_),
        Route("/policies/{policy_id}/edit", studio.edit, methods=["GET", "POST"]),
        Route("/policies/{policy_id}/changes", studio.changes, methods=["GET", "POST"]),
        Route("/api/policies/{policy_id}/check", studio.api_check, methods=["POST"]),
        Route("/api/policies/{policy_id}/save", studio.api_save, methods=["POST"]),
        Route("/api/policies/{policy_id}/impact", studio.api_impact, methods=["POST"]),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.csrf = csrf_token
    return app


def _problems_json(problems: list[Problem], words: Words) -> list[dict[str, Any]]:
    return [
        {
            "line": p.line,
            "field": p.field,
            "message": problem_text(p, words.lang),
            "code": p.code,
            "where": words("line_n", line=p.line) if p.line else "",
        }
        for p in problems
    ]


class _Studio:
    def __init__(self, workspace: Workspace, lang: Lang, csrf: str) -> None:
        self.ws = workspace
        self.lang = lang
        self.csrf = csrf

    # --- helpers -------------------------------------------------------------------------

    def lang_of(self, request: Request) -> Lang:
        try:
            return parse_lang(request.query_params.get("lang", self.lang))
        except ValueError:
            return self.lang

    def said(self, request: Request, problem: Problem, *, located: bool = False) -> str:
        """``problem`` in the page's language; ``located``: after its place (``file:``,
        ``<input>:`` for none), as the refusals that name a file or policy always were."""
        lang = self.lang_of(request)
        return format_problem(problem, lang) if located else problem_text(problem, lang)

    def refuse(
        self, request: Request, status: int, problem: Problem, *, located: bool = False
    ) -> Response:
        """A refusal of an API request: ``{"error", "code"}``, in the page's language."""
        text = self.said(request, problem, located=located)
        return JSONResponse({"error": text, "code": problem.code}, status)

    def refuse_text(
        self, request: Request, status: int, problem: Problem, *, located: bool = False
    ) -> Response:
        """A refusal of a page request: plain text in the page's language."""
        return PlainTextResponse(self.said(request, problem, located=located), status_code=status)

    def frame(self, request: Request, policy_id: str) -> Frame:
        editable = self.ws.file(policy_id).editable
        return Frame(self.lang_of(request), policy_id, self.csrf, editable)

    def csrf_ok(self, request: Request, given: str | None) -> bool:
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            return False
        return given is not None and hmac.compare_digest(given.encode(), self.csrf.encode())

    async def form(self, request: Request) -> Mapping[str, Any]:
        """A form sent as ``application/x-www-form-urlencoded`` (what the pages send),
        read without a multipart parser; anything else is an empty form."""
        body = await request.body()
        if len(body) > MAX_BODY:
            raise InputError([make_problem("studio.too_large", limit=MAX_BODY)])
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind != "application/x-www-form-urlencoded":
            return {}
        return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))

    def guard(self, request: Request, fn: Callable[[], Response]) -> Response:
        try:
            return fn()
        except OutsideError as exc:
            lang = self.lang_of(request)
            text = "\n".join(format_problem(p, lang) for p in exc.problems)
            return PlainTextResponse(text, status_code=404)

    # --- pages ---------------------------------------------------------------------------

    def index(self, request: Request) -> Response:
        lang = self.lang_of(request)
        statuses = [self.ws.status(i) for i in self.ws.ids()]
        links = Links(
            index=None,
            policy=lambda i: f"/policies/{i}?lang={lang}",
            language=lambda other: f"/?lang={other}",
        )
        html = index_page(statuses, lang=lang, links=links)
        for status in statuses:
            if status.policy is None:  # no page to read: its editor shows why, to fix it
                name = f"<code>{escape(status.id)}</code>"
                href = f"/policies/{quote(status.id)}/edit?lang={lang}"
                html = html.replace(
                    f'<tr id="policy-{escape(status.id)}"><th scope="row">{name}',
                    f'<tr id="policy-{escape(status.id)}"><th scope="row">'
                    f'<a href="{escape(href)}">{name}</a>',
                    1,
                )
        return HTMLResponse(with_head(html, head_extras(self.csrf)))

    def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_FILES:
            return PlainTextResponse(say("studio.not_found", self.lang_of(request)), 404)
        data = resources.files(__package__).joinpath("static", name).read_bytes()
        return Response(data, media_type=STATIC_FILES[name])

    def read(self, request: Request) -> Response:
        policy_id = request.path_params["policy_id"]

        def page() -> Response:
            frame = self.frame(request, policy_id)
            status = self.ws.status(policy_id)
            if status.policy is None:
                return RedirectResponse(frame.tab("edit"), status_code=303)
            catalog = self.ws.catalog()
            links = Links(
                index=f"/?lang={frame.lang}",
                policy=lambda i: f"/policies/{i}?lang={frame.lang}",
                language=lambda other: f"/policies/{policy_id}?lang={other}",
            )
            html = policy_page(
                status.policy,
                source_text=source_text_of(status.policy, self.ws.sources),
                bases=bases_of(catalog, status.policy),
                status=status,
                lang=frame.lang,
                links=links,
            )
            html = html.replace("</header>", tabs(frame, "read") + "</header>", 1)
            return HTMLResponse(with_head(html, head_extras(self.csrf)))

        return self.guard(request, page)

    # --- try a complaint ------------------------------------------------------------------

    def try_(self, request: Request) -> Response:
        policy_id = request.path_params["policy_id"]

        def page() -> Response:
            frame = self.frame(request, policy_id)
            status = self.ws.status(policy_id)
            if status.policy is None:
                return RedirectResponse(frame.tab("edit"), status_code=303)
            policy = status.policy
            query = request.query_params
            given = TryInput(
                values={k: v for k, v in query.items() if k not in ("finding", "event")},
                findings=query.getlist("finding"),
                roles={
                    f.id: query.getlist(f"finding_roles.{f.id}")
                    for f in policy.policy.vocabulary.findings
                },
                events=[
                    (kind, at, arg)
                    for kind, at, arg in zip(
                        query.getlist("event"),
                        query.getlist("event_at"),
                        query.getlist("event_arg"),
                        strict=False,
                    )
                    if kind
                ],
            )
            qs = {k: v for k, v in query.items() if k != "lang"}
            if not given.values.get("received") or policy.policy.abstract:
                return HTMLResponse(try_page(frame, policy, given, query=qs))
            try:
                complaint = _complaint(policy, given, frame.w)
                # Decided as `complaint-rules decide` decides it: under the version in
                # force when the complaint was received, where the id has several.
                policy = self.ws.in_force(policy_id, complaint["received_at"])
                decision = decide(policy, complaint)
                try:
                    lines = explain(policy, complaint, lang=frame.lang).lines
                except MissingExtraError:
                    lines = explain(policy, complaint, lang="zh-Hant").lines
                case = None
                timeline: list[CaseStatus] = []
                if given.events or given.values.get("as_of"):
                    events = _events(policy, complaint, given, frame.w)
                    as_of = given.values.get("as_of") or given.values["received"]
                    case = case_status(policy, events, _instant(policy, as_of, frame.w))
                    # The case over time: its status just after each event.
                    instants = sorted({datetime.fromisoformat(e["at"]) for e in events})
                    timeline = [case_status(policy, events, at) for at in instants]
            except (InputError, ComplaintRulesError) as exc:
                problems = list(getattr(exc, "problems", ())) or [Problem(str(exc))]
                if isinstance(exc, CalendarError):
                    problems = [calendar_problem(exc)]
                return HTMLResponse(
                    try_page(frame, status.policy, given, problems=problems, query=qs),
                    status_code=422,
                )
            return HTMLResponse(
                try_page(
                    frame,
                    status.policy,
                    given,
                    decision=decision,
                    decided_by=policy if len(status.versions) > 1 else None,
                    explanation=[line.text for line in lines],
                    case=case,
                    timeline=timeline,
                    query=qs,
                )
            )

        return self.guard(request, page)

    # --- edit ----------------------------------------------------------------------------

    async def edit(self, request: Request) -> Response:
        policy_id = request.path_params["policy_id"]
        try:
            frame = self.frame(request, policy_id)
            file = self.ws.file(policy_id)
        except OutsideError as exc:
            return self.refuse_text(request, 404, exc.problems[0], located=True)
        status = self.ws.status(policy_id)
        if request.method == "GET":
            text = self.ws.read(policy_id)
            # A file that does not load: its problems located in the text shown.
            problems = self._check(policy_id, text) if status.policy is None else []
            return HTMLResponse(
                edit_page(frame, status.policy, text, problems=problems, file=file.path.name)
            )
        form = await self.form(request)
        if not self.csrf_ok(request, form.get("csrf")):
            return self.refuse_text(request, 403, make_problem("studio.csrf"))
        text = str(form.get("text", ""))
        problems = self._check(policy_id, text)
        saved = False
        code = 200
        if form.get("action") == "save":
            if not file.editable:
                return self.refuse_text(request, 403, make_problem("studio.read_only"))
            if not problems:
                self.ws.save(policy_id, text)
                saved = True
            else:
                code = 422
        return HTMLResponse(
            edit_page(
                frame, status.policy, text, problems=problems, saved=saved, file=file.path.name
            ),
            status_code=code,
        )

    def _check(self, policy_id: str, text: str) -> list[Problem]:
        try:
            self.ws.check(policy_id, text)
        except InputError as exc:
            return list(exc.problems)
        return []

    async def api_check(self, request: Request) -> Response:
        return await self._api(request, save=False)

    async def api_save(self, request: Request) -> Response:
        return await self._api(request, save=True)

    async def _api(self, request: Request, *, save: bool) -> Response:
        policy_id = request.path_params["policy_id"]
        if not self.csrf_ok(request, request.headers.get("x-csrf-token")):
            return self.refuse(request, 403, make_problem("studio.csrf"))
        try:
            file = self.ws.file(policy_id)
            body = json.loads(await request.body())
            text = body["text"]
            if not isinstance(text, str):
                raise TypeError
        except OutsideError as exc:
            return self.refuse(request, 404, exc.problems[0], located=True)
        except (ValueError, KeyError, TypeError):
            return self.refuse(request, 400, make_problem("studio.body.text"))
        words = Words(self.lang_of(request))
        problems = self._check(policy_id, text)
        result: dict[str, Any] = {
            "ok": not problems,
            "problems": _problems_json(problems, words),
            "summary": words("edit_problems", count=len(problems))
            if problems
            else words("edit_valid"),
        }
        if save:
            if not file.editable:
                return self.refuse(request, 403, make_problem("studio.read_only"))
            if problems:
                return JSONResponse(result, 422)
            try:
                self.ws.save(policy_id, text)
            except OutsideError as exc:
                return self.refuse(request, 403, exc.problems[0], located=True)
            result["saved"] = True
            result["summary"] = words("edit_saved")
        return JSONResponse(result)

    # --- what changes --------------------------------------------------------------------

    async def changes(self, request: Request) -> Response:
        policy_id = request.path_params["policy_id"]
        try:
            frame = self.frame(request, policy_id)
        except OutsideError as exc:
            return self.refuse_text(request, 404, exc.problems[0], located=True)
        form: Mapping[str, Any] = {}
        if request.method == "POST":
            form = await self.form(request)
            if not self.csrf_ok(request, form.get("csrf")):
                return self.refuse_text(request, 403, make_problem("studio.csrf"))
        draft = form.get("text")
        against = str(form.get("against", "saved"))
        history = str(form.get("history", ""))
        status = self.ws.status(policy_id)
        args: dict[str, Any] = {}
        if request.method == "POST":
            try:
                old, new = self._pair(policy_id, against, draft)
                try:
                    args["diff"] = policy_diff(old, new, sample=2000)
                except SpaceTooLarge as exc:
                    args["diff_problems"] = [exc.problem]
                if history:
                    tally = ImpactTally()
                    path = self.ws.history(history)
                    with open(path, "rb") as lines:
                        for item in impact_lines(old, new, lines, file=path.name):
                            tally.add(item)
                    args["impact"] = tally.report(old, new, path.name)
            except OutsideError as exc:
                args["impact_problems"] = list(exc.problems)
            except InputError as exc:
                args["diff_problems"] = list(exc.problems)
        tests_file = self.ws.tests_file(policy_id)
        report: TestReport | None = None
        if tests_file is not None:
            report = run_tests([tests_file], self.ws.catalog())
        committed = self.ws.committed(policy_id) is not None
        others = [i for i in self.ws.ids() if i != policy_id]
        return HTMLResponse(
            changes_page(
                frame,
                status.policy,
                against=against,
                others=others,
                histories=self.ws.histories(),
                committed_available=committed,
                draft=str(draft) if draft is not None else None,
                history=history,
                tests=report,
                tests_file=tests_file.name if tests_file else None,
                **args,
            )
        )

    def _pair(
        self, policy_id: str, against: str, draft: object
    ) -> tuple[CompiledPolicy, CompiledPolicy]:
        """(old, new): the version compared against, and the draft (or the saved file)."""
        new = (
            self.ws.check(policy_id, str(draft))
            if isinstance(draft, str)
            else self.ws.load(policy_id)
        )
        if against == "committed":
            text = self.ws.committed(policy_id)
            if text is None:
                raise InputError([make_problem("studio.not_committed")])
            old = self.ws.check(policy_id, text)
        elif against.startswith("policy:"):
            old = self.ws.load(against.removeprefix("policy:"))
        else:
            old = self.ws.load(policy_id)
        return old, new

    async def api_impact(self, request: Request) -> Response:
        """The impact of the draft on a history, as JSON lines: ``{"done", "total"}``
        while it runs (for the progress bar), then ``{"html"}`` or ``{"error"}``."""
        policy_id = request.path_params["policy_id"]
        if not self.csrf_ok(request, request.headers.get("x-csrf-token")):
            return self.refuse(request, 403, make_problem("studio.csrf"))
        body = await request.body()
        if len(body) > MAX_BODY:
            problem = make_problem(
                "studio.too_large", wording="studio.too_large.short", limit=MAX_BODY
            )
            return self.refuse(request, 413, problem)
        try:
            data = json.loads(body)
            words = Words(self.lang_of(request))
            old, new = self._pair(policy_id, str(data.get("against", "saved")), data.get("text"))
            if isinstance(data.get("upload"), str):
                label = str(data.get("upload_name") or "upload.jsonl")
                raw = data["upload"].encode("utf-8")
            else:
                path = self.ws.history(str(data.get("history", "")))
                label = path.name
                raw = path.read_bytes()
        except OutsideError as exc:
            return self.refuse(request, 404, exc.problems[0], located=True)
        except InputError as exc:
            lang = self.lang_of(request)
            text = "\n".join(format_problem(p, lang) for p in exc.problems)
            return JSONResponse({"error": text, "code": exc.problems[0].code}, 422)
        except (ValueError, AttributeError):
            return self.refuse(request, 400, make_problem("studio.body.object"))
        lines = raw.splitlines()
        total = len(lines)

        def run() -> Iterator[str]:
            tally = ImpactTally()
            step = max(1, total // 50)
            try:
                for item in impact_lines(old, new, lines, file=label):
                    tally.add(item)
                    if item.line % step == 0:
                        yield json.dumps({"done": item.line, "total": total}) + "\n"
            except ComplaintRulesError as exc:
                problems = list(getattr(exc, "problems", ()))
                if isinstance(exc, CalendarError):
                    problems = [calendar_problem(exc)]
                said = [format_problem(p, words.lang) for p in problems] or [str(exc)]
                yield json.dumps({"error": "\n".join(said)}, ensure_ascii=False) + "\n"
                return
            report = tally.report(old, new, label)
            yield json.dumps({"done": total, "total": total}) + "\n"
            yield json.dumps({"html": impact_summary(words, report)}, ensure_ascii=False) + "\n"

        async def stream() -> AsyncIterator[str]:
            from starlette.concurrency import iterate_in_threadpool

            async for chunk in iterate_in_threadpool(run()):
                yield chunk

        return StreamingResponse(stream(), media_type="application/x-ndjson")


def _instant(policy: CompiledPolicy, local: str, w: Words) -> datetime:
    """A ``datetime-local`` value (``2026-09-30T10:00``) in the policy's time zone."""
    try:
        naive = datetime.fromisoformat(local)
    except ValueError:
        raise InputError([Problem(w("problem_not_datetime", value=repr(local)))]) from None
    if naive.tzinfo is not None:
        return naive
    return naive.replace(tzinfo=ZoneInfo(policy.policy.timezone))


def _complaint(policy: CompiledPolicy, given: TryInput, w: Words) -> dict[str, Any]:
    v = given.values
    complaint: dict[str, Any] = {
        "received_at": _instant(policy, v["received"], w).isoformat(),
        "channel": v.get("channel", ""),
        "category": v.get("category", ""),
    }
    if v.get("level"):
        complaint["level"] = v["level"]
    findings: list[Any] = []
    for finding in given.findings:
        count = v.get(f"finding_count.{finding}", "").strip()
        roles = given.roles.get(finding, [])
        if not count and not roles:
            findings.append(finding)
            continue
        item: dict[str, Any] = {"finding": finding}
        if count:
            try:
                item["count"] = int(count)
            except ValueError:
                problem = Problem(
                    w("problem_not_int", value=repr(count)), path=("findings", finding)
                )
                raise InputError([problem]) from None
        if roles:
            item["roles"] = roles
        findings.append(item)
    if findings:
        complaint["findings"] = findings
    for fact in policy.policy.facts:
        raw = v.get(f"fact.{fact.id}", "").strip()
        if not raw:
            continue
        value: Any = raw
        if fact.type == "bool":
            value = raw == "true"
        elif fact.type == "int":
            try:
                value = int(raw)
            except ValueError:
                problem = Problem(w("problem_not_int", value=repr(raw)), path=(fact.id,))
                raise InputError([problem]) from None
        elif fact.type == "datetime":
            value = _instant(policy, raw, w).isoformat()
        complaint[fact.id] = value
    return complaint


_ARGUMENT = {"done": "duty", "escalated": "escalation", "reminded": "reminder"}


def _events(
    policy: CompiledPolicy, complaint: dict[str, Any], given: TryInput, w: Words
) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [
        {
            "event": "received",
            "at": complaint["received_at"],
            "complaint": {k: v for k, v in complaint.items() if k != "received_at"},
        }
    ]
    for kind, at, arg in given.events:
        event: dict[str, Any] = {"event": kind, "at": _instant(policy, at, w).isoformat()}
        if kind in _ARGUMENT and arg:
            event[_ARGUMENT[kind]] = arg
        elif kind == "updated" and arg:
            try:
                event["facts"] = json.loads(arg)
            except ValueError:
                raise InputError(
                    [Problem(w("problem_not_json", value=repr(arg)), path=("facts",))]
                ) from None
        events.append(event)
    return events


def language_of_environment(environ: Mapping[str, str]) -> Lang:
    """The officer's language when none is asked for, by the command line's rule
    (:func:`complaint_rules.messages.catalogue.choose_lang`): ``COMPLAINT_RULES_LANG``,
    then the locale (``zh_TW``/``zh_HK``/``zh_MO`` → zh-Hant, ``zh_CN``/``zh_SG`` →
    zh-Hans), otherwise en."""
    try:
        return choose_lang(None, environ)
    except ValueError:
        return "en"
