"""Mutation testing of the calendar, the clocks, the periods and the conditions.

Run through ``scripts/mutate`` (see there). A small mutator of its own, on the module's
syntax tree (no third-party tool): each *mutation point* is one small change that a slip of
the hand could make, and each mutant carries exactly one.

Operators (the usual ones of mutmut and cosmic-ray):
- comparisons: ``<`` ↔ ``<=``, ``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``in`` ↔ ``not in``,
  ``is`` ↔ ``is not``;
- arithmetic (also augmented): ``+`` ↔ ``-``, ``*`` → ``//``, ``//`` → ``*``, ``/`` → ``*``,
  ``%`` → ``//``, ``|`` ↔ ``&``;
- a whole number ``n`` → ``n + 1`` (``True``/``False`` are swapped instead);
- ``and`` ↔ ``or``; ``not x`` → ``x``; ``-x`` → ``x``; ``min`` ↔ ``max``;
  ``break`` ↔ ``continue``.
Not mutated: docstrings and other strings, annotations, f-strings (the words of error
messages), decorators (cache sizes), ``__all__``/``__slots__``.

Each mutant runs in a child process forked from one that has already imported pytest,
hypothesis, pydantic and holidays: the child drops ``complaint_rules`` and the tests from
``sys.modules``, serves the mutated module from memory (its syntax tree compiled with the
original line numbers) and runs ``pytest -x -m "not hypothesis"`` on the module's tests. A
child that runs past its time limit is killed (counted *killed*: a timeout). A mutant is
*killed* if the tests fail, *survived* if they pass.
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib.abc
import importlib.util
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

MODULES: dict[str, tuple[str, list[str]]] = {
    "working_days": (
        "complaint_rules.calendar.working_days",
        [
            "tests/calendar/test_working_days.py",
            "tests/calendar/test_verified.py",
            "tests/calendar/test_working_days_properties.py",
        ],
    ),
    "clocks": ("complaint_rules.calendar.clocks", ["tests/calendar/test_clocks.py"]),
    "periods": ("complaint_rules.calendar.periods", ["tests/calendar/test_periods.py"]),
    "conditions": ("complaint_rules.policy.conditions", ["tests/policy/test_conditions.py"]),
}

_CMP_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_BIN_SWAP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_SYMBOL = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
    ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+",
    ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Div: "/", ast.Mod: "%",
    ast.BitOr: "|", ast.BitAnd: "&",
}  # fmt: skip


@dataclass
class Mutant:
    module: str
    index: int
    line: int
    what: str
    code: str
    outcome: str = ""
    seconds: float = 0.0


class _Mutator(ast.NodeTransformer):
    """Walks the tree in a fixed order; counts mutation points, applies number ``target``."""

    def __init__(self, target: int = -1) -> None:
        self.target = target
        self.count = 0
        self.points: list[tuple[int, str]] = []
        self.applied = False

    def _point(self, node: ast.AST, what: str) -> bool:
        """Register a point; True if it is the one to apply."""
        self.points.append((getattr(node, "lineno", 0), what))
        hit = self.count == self.target
        self.count += 1
        if hit:
            self.applied = True
        return hit

    # -- what is not mutated ------------------------------------------------------------

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool):
            if self._point(node, f"{value} → {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, int):
            if self._point(node, f"{value} → {value + 1}"):
                return ast.copy_location(ast.Constant(value + 1), node)
        return node

    def visit_arg(self, node: ast.arg) -> ast.AST:
        return node  # annotations

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.args = self._defaults(node.args)
        node.body = [self.visit(s) for s in node.body]
        return node  # decorators (cache sizes) are not mutated

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.body = [self.visit(s) for s in node.body]
        return node  # decorators are not mutated

    def _defaults(self, args: ast.arguments) -> ast.arguments:
        args.defaults = [self.visit(d) for d in args.defaults]
        args.kw_defaults = [None if d is None else self.visit(d) for d in args.kw_defaults]
        return args

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if any(n in ("__all__", "__slots__") for n in names):
            return node
        self.generic_visit(node)
        return node

    # -- operators ----------------------------------------------------------------------

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            new = _CMP_SWAP.get(type(op))
            if new is not None and self._point(
                node, f"{_SYMBOL[type(op)]} → {_SYMBOL[new]}"
            ):
                node.ops[i] = new()
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        new = _BIN_SWAP.get(type(node.op))
        if new is not None and self._point(node, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[new]}"):
            node.op = new()
        return node

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        self.generic_visit(node)
        new = _BIN_SWAP.get(type(node.op))
        if new is not None and self._point(
            node, f"{_SYMBOL[type(node.op)]}= → {_SYMBOL[new]}="
        ):
            node.op = new()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        new: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        old = "and" if isinstance(node.op, ast.And) else "or"
        if self._point(node, f"{old} → {'or' if old == 'and' else 'and'}"):
            node.op = new
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._point(node, "not x → x"):
            return node.operand
        if isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant):
            if self._point(node, "-x → x"):
                return node.operand
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
            other = "max" if node.func.id == "min" else "min"
            if self._point(node, f"{node.func.id} → {other}"):
                node.func = ast.copy_location(ast.Name(other, ast.Load()), node.func)
        return node

    def visit_Break(self, node: ast.Break) -> ast.AST:
        if self._point(node, "break → continue"):
            return ast.copy_location(ast.Continue(), node)
        return node

    def visit_Continue(self, node: ast.Continue) -> ast.AST:
        if self._point(node, "continue → break"):
            return ast.copy_location(ast.Break(), node)
        return node


def mutants(name: str) -> tuple[Path, list[Mutant]]:
    dotted, _ = MODULES[name]
    path = SRC / Path(*dotted.split(".")).with_suffix(".py")
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    counter = _Mutator()
    counter.visit(ast.parse(source))
    found = [
        Mutant(name, i, line, what, lines[line - 1].strip() if line else "")
        for i, (line, what) in enumerate(counter.points)
    ]
    return path, found


def mutated_code(path: Path, index: int) -> Any:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mutator = _Mutator(index)
    tree = mutator.visit(tree)
    assert mutator.applied, index
    ast.fix_missing_locations(tree)
    return compile(tree, str(path), "exec")


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves one module, the mutant, from a code object."""

    def __init__(self, dotted: str, code: Any, origin: str) -> None:
        self.dotted, self.code, self.origin = dotted, code, origin

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != self.dotted:
            return None
        return importlib.util.spec_from_loader(fullname, self, origin=self.origin)

    def create_module(self, spec: Any) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__file__ = self.origin
        exec(self.code, module.__dict__)


def _run_child(dotted: str, code: Any, origin: str, tests: list[str]) -> None:
    """In the forked child: the tests against the mutant; exits with pytest's status."""
    import pytest

    for name in list(sys.modules):
        if name.split(".")[0] in ("complaint_rules", "tests"):
            del sys.modules[name]
    if code is not None:
        sys.meta_path.insert(0, _Finder(dotted, code, origin))
    sys.dont_write_bytecode = True
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    # --assert=plain: pytest would otherwise load the package (a plugin's) through its own
    # import hook, ahead of the mutant's.
    args = [*tests, "-x", "-q", "-p", "no:cacheprovider", "-m", "not hypothesis", "--assert=plain"]
    try:
        status = int(pytest.main(args))
    except BaseException:  # noqa: BLE001 - any escape is a failed run
        status = 99
    os._exit(status)


def _start(dotted: str, code: Any, origin: str, tests: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        _run_child(dotted, code, origin, tests)
    return pid


def _wait(pid: int, limit: float) -> tuple[str, float]:
    start = time.monotonic()
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            return ("survived" if code == 0 else "killed"), time.monotonic() - start
        if time.monotonic() - start > limit:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout", time.monotonic() - start
        time.sleep(0.02)


def _preload() -> None:
    """Import what every child needs but never changes, once, before forking."""
    import holidays  # noqa: F401
    import hypothesis  # noqa: F401
    import pydantic  # noqa: F401
    import pytest  # noqa: F401
    import yaml  # noqa: F401

    holidays.country_holidays("CN", years=range(2003, 2031))


def run(name: str, only: set[int] | None, jobs: int) -> list[Mutant]:
    dotted, tests = MODULES[name]
    path, found = mutants(name)
    if only:
        found = [m for m in found if m.line in only]
    origin = str(path)
    # The tests must pass on the module as it is; their time sets the limit.
    outcome, base = _wait(_start(dotted, None, origin, tests), 600)
    if outcome != "survived":
        sys.exit(f"{name}: the tests fail on the unmutated module ({outcome}); fix them first")
    limit = max(30.0, 5 * base)
    print(f"{name}: {len(found)} mutants; the tests take {base:.1f} s (limit {limit:.0f} s)")
    pending: Iterator[Mutant] = iter(found)
    running: dict[int, tuple[Mutant, float]] = {}
    finished = 0

    def launch() -> bool:
        m = next(pending, None)
        if m is None:
            return False
        pid = _start(dotted, mutated_code(path, m.index), origin, tests)
        running[pid] = (m, time.monotonic())
        return True

    for _ in range(jobs):
        if not launch():
            break
    while running:
        for pid, (m, started) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            elapsed = time.monotonic() - started
            if done:
                code = os.waitstatus_to_exitcode(status)
                m.outcome = "survived" if code == 0 else "killed"
            elif elapsed > limit:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                m.outcome = "timeout"
            else:
                continue
            m.seconds = round(elapsed, 2)
            del running[pid]
            finished += 1
            if m.outcome == "survived":
                print(f"  survived #{m.index} line {m.line}: {m.what}    {m.code}")
            launch()
        time.sleep(0.02)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(prog="scripts/mutate", description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help=f"any of {', '.join(MODULES)}")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", help="only the mutants on these lines (comma-separated)")
    parser.add_argument("--show", action="store_true", help="list the mutants, run nothing")
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    if unknown := [n for n in names if n not in MODULES]:
        parser.error(f"unknown module {unknown[0]!r}: one of {', '.join(MODULES)}")
    only = {int(x) for x in args.only.split(",")} if args.only else None
    os.chdir(ROOT)
    if args.show:
        for name in names:
            for m in mutants(name)[1]:
                print(f"{name} #{m.index} line {m.line}: {m.what}    {m.code}")
        return
    _preload()
    out = ROOT / ".mutate"
    out.mkdir(exist_ok=True)
    summary = []
    for name in names:
        start = time.monotonic()
        results = run(name, only, args.jobs)
        killed = sum(m.outcome == "killed" for m in results)
        timeout = sum(m.outcome == "timeout" for m in results)
        survived = [m for m in results if m.outcome == "survived"]
        took = time.monotonic() - start
        if not only:
            (out / f"{name}.json").write_text(
                json.dumps([asdict(m) for m in results], ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
        summary.append(
            f"{name}: {len(results)} mutants, {killed} killed, {timeout} timed out (killed), "
            f"{len(survived)} survived ({took:.0f} s)"
        )
    print("\n".join(summary))


if __name__ == "__main__":
    main()
