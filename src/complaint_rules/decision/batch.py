"""Deciding many complaints: a lazy, ordered stream in constant memory, in-process or on a pool.

:func:`decide_many` decides any iterable of complaints and yields, for each item in input
order, the same :class:`~complaint_rules.decision.model.Decision` that
:func:`~complaint_rules.decision.engine.decide` returns, or a :class:`Rejected` naming the item's
position and every problem. :func:`decide_jsonl` does the same for JSON lines and yields
each decision as its JSON line (:class:`DecidedLine`) or the located problems of a bad
line (:class:`RejectedLine`). A bad item never stops the stream.

Why a result per item rather than an ``on_error`` callback: the output stays in step with
the input (``zip`` them), the stream stays lazy, a type checker sees both cases, and
nothing has to be called back across a process boundary.

With ``workers=N`` (N > 1) items are decided in N worker processes, ``chunk_size`` items at
a time, with at most ``2 * N`` chunks in flight: input is read at most that far ahead, and
results come back in input order. Each worker receives the policies once, when it starts
(pickled, or inherited by ``fork`` where a compiled policy cannot be pickled), never per
item. The pool is the only impure part: deciding stays a pure function of its inputs.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any, TypeVar

from ..errors import CalendarError, ComplaintError, Problem, WorkerError
from ..messages.host import calendar_problem
from ..policy.compiled import CompiledPolicy
from .complaint import CARRYABLE, parse_datetime, problem_of
from .engine import decide, decide_bytes, decide_pieces
from .json_input import read_json_line
from .model import Decision

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DecidedLine",
    "Rejected",
    "RejectedLine",
    "Settings",
    "decide_jsonl",
    "decide_many",
    "located",
    "parse_line",
    "stream",
]

DEFAULT_CHUNK_SIZE = 256
"""Items sent to a worker process at a time (``workers > 1`` only)."""

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")
D = TypeVar("D", Decision, bytes, tuple[bytes, ...])


@dataclass(frozen=True, slots=True)
class Rejected:
    """An item :func:`decide_many` could not decide: its 0-based position and every problem."""

    index: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class DecidedLine:
    """A decided JSON line: its 1-based number and the decision's JSON, as UTF-8 bytes
    (no newline), ready to write to a file opened ``"wb"``."""

    line: int
    data: bytes

    @property
    def decision_json(self) -> str:
        """The decision's JSON as text: ``decision.model_dump_json()``."""
        return self.data.decode()


@dataclass(frozen=True, slots=True)
class RejectedLine:
    """A JSON line that got no decision; each problem carries the line number (and file)."""

    line: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """What every item of a stream is decided with (see :func:`~complaint_rules.decide`)."""

    at: datetime | None = None
    estimate: bool = False
    carry: tuple[str, ...] = ()
    file: str | None = None
    """The name put in located problems of :func:`decide_jsonl` (e.g. the history's path)."""

    @classmethod
    def of(
        cls,
        at: datetime | str | None,
        estimate: bool,
        carry: Iterable[str] = (),
        file: str | None = None,
    ) -> Settings:
        """Check the arguments once, when called: a bad ``at`` raises, it rejects no item."""
        if isinstance(carry, str):
            raise TypeError(f"carry is a list of field names, e.g. ({carry!r},), not a string")
        names = tuple(carry)
        for name in names:
            if name not in CARRYABLE:
                raise ValueError(f"cannot carry {name!r}; carry names fields of {CARRYABLE}")
        as_of = None
        if at is not None:
            try:
                as_of = parse_datetime(at, "at")
            except ValueError as exc:
                raise ComplaintError([problem_of(exc, ("at",), "decide.bad_at")]) from None
        return cls(at=as_of, estimate=estimate, carry=names, file=file)


def _check(workers: int, chunk_size: int) -> None:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number >= 1, got {workers!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number >= 1, got {chunk_size!r}")


# -- the stream ---------------------------------------------------------------------------


def stream(
    step: Callable[[tuple[CompiledPolicy, ...], int, T, C], R],
    policies: Sequence[CompiledPolicy],
    items: Iterable[T],
    context: C,
    *,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    start: int = 0,
) -> Iterator[R]:
    """``step(policies, index, item, context)`` for each item, lazily, in input order.

    The building block of :func:`decide_many`, the impact report and :func:`decide_jsonl`
    (whose workers run on the same pool but send decisions back in named pieces).
    ``index`` counts from ``start``. With ``workers > 1``, ``step`` must be a module-level
    function and ``context``, items and results picklable; ``step`` runs in the workers.
    """
    _check(workers, chunk_size)
    ready = tuple(policies)
    if workers == 1:
        return (step(ready, start + i, item, context) for i, item in enumerate(items))
    return _pooled(step, ready, items, context, workers, chunk_size, start)


def _pooled(
    step: Callable[[tuple[CompiledPolicy, ...], int, T, C], Any],
    policies: tuple[CompiledPolicy, ...],
    items: Iterable[T],
    context: C,
    workers: int,
    chunk_size: int,
    start: int,
    run_chunk: Callable[..., Any] | None = None,
    unpack: Callable[[Any], Iterable[Any]] | None = None,
) -> Iterator[Any]:
    """The pool: ``run_chunk(step, start, items, context)`` in the workers, each chunk's
    result given to ``unpack`` in this process (by default, a list of results as is)."""
    executor = _executor(policies, workers)
    run = _run_chunk if run_chunk is None else run_chunk
    in_flight: deque[tuple[int, Future[Any]]] = deque()
    source = iter(items)
    index = start
    exhausted = False
    try:
        while True:
            while not exhausted and len(in_flight) < 2 * workers:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    exhausted = True
                    break
                in_flight.append((index, executor.submit(run, step, index, chunk, context)))
                index += len(chunk)
            if not in_flight:
                return
            first, future = in_flight.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                raise WorkerError(first, "line" if start == 1 else "item") from None
            yield from (done if unpack is None else unpack(done))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# Set once in each worker process by the pool's initializer; never used in the parent.
_WORKER_POLICIES: list[tuple[CompiledPolicy, ...]] = []


def _init_pickled(payload: bytes) -> None:
    _WORKER_POLICIES.append(pickle.loads(payload))
    _settle()


def _init_inherited(policies: tuple[CompiledPolicy, ...]) -> None:
    _WORKER_POLICIES.append(policies)
    _settle()


def _settle() -> None:
    """Keep the worker's garbage collector off what it starts with (in the worker only).

    A fork()ed worker shares the parent's memory until it writes to it, and a collection
    writes to every object it looks at: without this, the worker copies the parent's heap
    page by page while it decides (a third more CPU a line on a 40,000-line history).
    What the worker starts with (the policies, their kept parts, the imported modules)
    lives as long as the worker anyway. The pieces a worker has named start empty,
    whatever the parent held.
    """
    _WORKER_NAMER[0] = _Namer()
    gc.freeze()


def _run_chunk(
    step: Callable[[tuple[CompiledPolicy, ...], int, T, C], R],
    start: int,
    items: list[T],
    context: C,
) -> list[R]:
    policies = _WORKER_POLICIES[0]
    return [step(policies, start + i, item, context) for i, item in enumerate(items)]


def _executor(policies: tuple[CompiledPolicy, ...], workers: int) -> ProcessPoolExecutor:
    try:
        payload = pickle.dumps(policies, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        # Compiled conditions are closures; a fork()ed worker inherits them unpickled.
        if "fork" not in multiprocessing.get_all_start_methods():
            raise TypeError(
                "this compiled policy cannot be pickled, and this platform cannot fork: "
                "use workers=1"
            ) from None
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_inherited,
            initargs=(policies,),
        )
    return ProcessPoolExecutor(workers, initializer=_init_pickled, initargs=(payload,))


# -- decide_many ---------------------------------------------------------------------------


def decide_many(
    policy: CompiledPolicy,
    complaints: Iterable[Mapping[str, Any]],
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[Decision | Rejected]:
    """Decide each complaint, lazily, in input order: a :class:`Decision` or a :class:`Rejected`.

    Each decision equals ``decide(policy, complaint, at=at, estimate=estimate, carry=carry)``;
    where that raises :class:`~complaint_rules.ComplaintError` or
    :class:`~complaint_rules.CalendarError`, the item is a :class:`Rejected` with the same
    problems and the stream goes on. The arguments are checked once, when called.
    """
    _check(workers, chunk_size)
    context = Settings.of(at, estimate, carry)
    # With workers, each chunk of decisions comes back pickled as one list: the parts they
    # share are sent once per chunk, and unpickling a model does not validate it again.
    return stream(
        _decide_item, (policy,), complaints, context, workers=workers, chunk_size=chunk_size
    )


def _decide(
    policy: CompiledPolicy, item: Any, s: Settings, how: Callable[..., D]
) -> D | list[Problem]:
    """``how(policy, item)`` (``decide``, ``decide_bytes`` or ``decide_pieces``), or the
    problems it raised, as a list (which no result is)."""
    try:
        return how(policy, item, at=s.at, estimate=s.estimate, carry=s.carry)
    except ComplaintError as exc:
        return list(exc.problems)
    except CalendarError as exc:
        return [calendar_problem(exc)]


def _decide_item(
    policies: tuple[CompiledPolicy, ...], index: int, item: Any, s: Settings
) -> Decision | Rejected:
    got = _decide(policies[0], item, s, decide)
    return got if isinstance(got, Decision) else Rejected(index, tuple(got))


# -- JSON lines ----------------------------------------------------------------------------


def parse_line(raw: str | bytes, line: int, file: str | None = None) -> Any | RejectedLine | None:
    """One JSON line's value (money with a fraction stays a string), ``None`` if blank.

    Read by the strict reader (:mod:`~complaint_rules.decision.json_input`): a line that is
    not UTF-8, not JSON, has a duplicate key, a number too long or nesting too deep gives a
    :class:`RejectedLine`, and the stream goes on.
    """
    raw = raw.rstrip(b"\r\n") if isinstance(raw, bytes) else raw.rstrip("\r\n")
    if not raw.strip():
        return None
    value, problems = read_json_line(raw, line, file)
    if problems:
        return RejectedLine(line, tuple(problems))
    return value


def located(problems: Iterable[Problem], line: int, file: str | None) -> tuple[Problem, ...]:
    """The problems of one line's complaint, with the line number and file added."""
    return tuple(
        Problem(p.message, p.path, file=file, line=line, code=p.code, args=p.args) for p in problems
    )


def decide_jsonl(
    policy: CompiledPolicy,
    lines: Iterable[str | bytes],
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    file: str | None = None,
) -> Iterator[DecidedLine | RejectedLine]:
    """Decide each JSON line (``str`` or UTF-8 ``bytes``, e.g. a file opened ``"rb"``).

    Lines are numbered from 1; blank lines are skipped. Yields, in order, a
    :class:`DecidedLine` with ``decision.model_dump_json()`` of the line's decision (as
    UTF-8 bytes, written by :mod:`~complaint_rules.decision._fast.writer`), or a
    :class:`RejectedLine` whose problems carry ``file`` and the line number. Parsing,
    deciding and serialising all happen in the workers when ``workers > 1``.
    """
    _check(workers, chunk_size)
    context = Settings.of(at, estimate, carry, file)
    results: Iterator[DecidedLine | RejectedLine | None]
    if workers == 1:
        results = stream(_decide_line, (policy,), lines, context, start=1)
    else:
        # Workers send each decision as its pieces, naming the long shared ones once
        # (see _run_lines): what crosses the pipe shrinks from about 10 KB a decision to
        # its own instants and deadlines.
        results = _pooled(
            _decide_line_pieces,
            (policy,),
            lines,
            context,
            workers,
            chunk_size,
            1,
            run_chunk=_run_lines,
            unpack=_Named().unpack,
        )
    return (r for r in results if r is not None)


def _decide_line(
    policies: tuple[CompiledPolicy, ...], line: int, raw: str | bytes, s: Settings
) -> DecidedLine | RejectedLine | None:
    got = _line(policies[0], line, raw, s, decide_bytes)
    return DecidedLine(line, got) if isinstance(got, bytes) else got


def _decide_line_pieces(
    policies: tuple[CompiledPolicy, ...], line: int, raw: str | bytes, s: Settings
) -> tuple[bytes, ...] | RejectedLine | None:
    return _line(policies[0], line, raw, s, decide_pieces)


def _line(
    policy: CompiledPolicy, line: int, raw: str | bytes, s: Settings, how: Callable[..., D]
) -> D | RejectedLine | None:
    """``how(policy, data)`` for the line's data, or its problems as a RejectedLine."""
    data = parse_line(raw, line, s.file)
    if data is None or isinstance(data, RejectedLine):
        return data
    got = _decide(policy, data, s, how)
    if isinstance(got, list):
        return RejectedLine(line, located(got, line, s.file))
    return got


# -- naming shared pieces across the pipe ------------------------------------------------

_SHARED_MIN = 256
"""A piece of a decision's JSON at least this long, once a worker has seen it twice, is
sent once more with a number and named by that number after."""
_SHARED_BYTES = 16 * 2**20
"""The text a worker names (and the calling process keeps a copy of, per worker); pieces
past it are sent with each decision."""
_SEEN_MAX = 65_536
"""Long pieces a worker remembers having seen once (by hash), before it forgets them all."""


class _Namer:
    """In a worker: the long pieces it has named, by text, numbered in the order it sent
    them, and the hashes of those it has seen once. A piece that is one decision's own,
    such as its deadlines with their instants, is seen once and never named."""

    __slots__ = ("named", "seen", "size")

    def __init__(self) -> None:
        self.named: dict[bytes, int] = {}
        self.seen: set[int] = set()
        self.size = 0

    def pack(self, pieces: tuple[bytes, ...], new: list[bytes]) -> list[bytes | int]:
        """``pieces`` with each named one replaced by its number and the rest joined;
        pieces named now are appended to ``new``."""
        named, seen = self.named, self.seen
        packed: list[bytes | int] = []
        short: list[bytes] = []
        for piece in pieces:
            if len(piece) >= _SHARED_MIN:
                number = named.get(piece)
                if number is None and self.size < _SHARED_BYTES:
                    if hash(piece) in seen:
                        number = named[piece] = len(named)
                        self.size += len(piece)
                        new.append(piece)
                    else:
                        if len(seen) >= _SEEN_MAX:
                            seen.clear()
                        seen.add(hash(piece))
                if number is not None:
                    if short:
                        packed.append(b"".join(short))
                        short = []
                    packed.append(number)
                    continue
            short.append(piece)
        if short:
            packed.append(b"".join(short))
        return packed


# Set in each worker by the pool's initializer (a new one, whatever the parent held).
_WORKER_NAMER: list[_Namer] = [_Namer()]


def _run_lines(
    step: Callable[[tuple[CompiledPolicy, ...], int, Any, Settings], Any],
    start: int,
    items: Sequence[str | bytes],
    context: Settings,
) -> tuple[int, list[bytes], list[Any]]:
    """A chunk of JSON lines, decided in a worker: ``(pid, pieces named, results)``.

    A decided line comes back as ``(line, packed)`` (see :meth:`_Namer.pack`).
    """
    policies = _WORKER_POLICIES[0]
    pack = _WORKER_NAMER[0].pack
    new: list[bytes] = []
    out: list[Any] = []
    for i, item in enumerate(items):
        got = step(policies, start + i, item, context)
        out.append((start + i, pack(got, new)) if got.__class__ is tuple else got)
    return os.getpid(), new, out


class _Named:
    """This process's copy of each worker's named pieces, to join decided lines with."""

    def __init__(self) -> None:
        self.by_worker: dict[int, list[bytes]] = {}

    def unpack(
        self, chunk: tuple[int, list[bytes], list[Any]]
    ) -> Iterator[DecidedLine | RejectedLine | None]:
        # A worker takes chunks in the order they were sent, and they are unpacked here in
        # that order: a piece is always named in an earlier chunk or in the same one.
        pid, new, results = chunk
        table = self.by_worker.setdefault(pid, [])
        table.extend(new)
        for result in results:
            if result.__class__ is tuple:
                line, packed = result
                data = b"".join([table[p] if p.__class__ is int else p for p in packed])
                yield DecidedLine(line, data)
            else:
                yield result
