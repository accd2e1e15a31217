"""Loading a policy file: strict YAML, validated into the model, compiled, every error located."""

from __future__ import annotations

import difflib
import hashlib
import types
import typing
from collections.abc import Callable, Sequence
from os import PathLike, fspath
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .compiled import CompiledPolicy, compile_policy
from .errors import PolicyError, Problem
from .model import Policy
from .yamlsource import Located, read_yaml

__all__ = ["load_policy", "load_policy_text", "parse_policy"]

MAX_POLICY_BYTES = 2_000_000
"""Policy files larger than this are refused before parsing."""


Resolver = Callable[[str], CompiledPolicy]
"""Finds the compiled base policy that a policy ``extends``, by id."""


def load_policy(
    path: str | PathLike[str], *, sha256: str | None = None, resolve: Resolver | None = None
) -> CompiledPolicy:
    """Read, validate and compile the policy at ``path``.

    With ``sha256``, the file's content must have that hash (pinning): a policy that
    differs by a byte is refused. A policy that ``extends`` another finds its base with
    ``resolve`` (e.g. a :class:`~complaint_rules.Catalog`'s ``load``); by default, a file
    ``<id>.yaml`` beside it, else the bundled policy of that id. Raises
    :class:`PolicyError` listing every problem.
    """
    file = fspath(path)
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_POLICY_BYTES + 1)
    except OSError as exc:
        raise PolicyError([Problem(f"cannot read: {exc.strerror or exc}", file=file)]) from None
    return load_policy_text(raw, file=file, sha256=sha256, resolve=resolve)


def load_policy_text(
    text: str | bytes,
    *,
    file: str = "<input>",
    sha256: str | None = None,
    resolve: Resolver | None = None,
) -> CompiledPolicy:
    """Like :func:`load_policy`, for policy text already in memory."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if len(raw) > MAX_POLICY_BYTES:
        raise PolicyError([Problem(f"larger than {MAX_POLICY_BYTES} bytes", file=file)])
    digest = hashlib.sha256(raw).hexdigest()
    if sha256 is not None and sha256.lower() != digest:
        raise PolicyError(
            [
                Problem(
                    f"content sha256 is {digest}, but {sha256} was required (the file has changed)",
                    file=file,
                )
            ]
        )
    located = read_yaml(raw, file)
    policy = parse_policy(located)
    base = None
    if policy.extends is not None:
        if policy.extends == policy.id:
            raise PolicyError([located.problem(("extends",), "a policy cannot extend itself")])
        finder = resolve or _beside(file)
        try:
            base = finder(policy.extends)
        except PolicyError as exc:
            where = located.problem(("extends",), f"cannot load base policy {policy.extends!r}:")
            raise PolicyError([where, *exc.problems]) from None
    try:
        return compile_policy(policy, sha256=digest, base=base)
    except PolicyError as exc:
        raise PolicyError(_locate(located, exc.problems)) from None


def _beside(file: str, chain: tuple[str, ...] = ()) -> Resolver:
    """The default resolver: ``<id>.yaml`` next to ``file``, else the bundled policy."""

    def find(policy_id: str) -> CompiledPolicy:
        from .catalog import bundled_policy_dir

        if policy_id in chain:
            cycle = " -> ".join((*chain, policy_id))
            raise PolicyError([Problem(f"policies extend each other in a cycle: {cycle}")])
        candidates = [Path(file).parent / f"{policy_id}.yaml"] if file != "<input>" else []
        candidates.append(bundled_policy_dir() / f"{policy_id}.yaml")
        for candidate in candidates:
            if candidate.is_file():
                raw = candidate.read_bytes()
                return load_policy_text(
                    raw,
                    file=str(candidate),
                    resolve=_beside(str(candidate), (*chain, policy_id)),
                )
        raise PolicyError([Problem(f"no policy {policy_id!r} beside the file or bundled")])

    return find


def parse_policy(located: Located) -> Policy:
    """Validate YAML data into a :class:`Policy`; errors carry file, line and field."""
    if not isinstance(located.data, dict):
        raise PolicyError([located.problem((), "a policy is a mapping (key: value) at top level")])
    try:
        return Policy.model_validate(located.data)
    except ValidationError as exc:
        problems = [_from_pydantic(located, err) for err in exc.errors()]
        raise PolicyError(problems) from None


def _locate(located: Located, problems: Sequence[Problem]) -> list[Problem]:
    return [located.problem(p.path, p.message) for p in problems]


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic loc that exist in the data (drop union tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and not _is_tag(part):
            path.append(part)  # a missing field, or an unknown key below this one
            node = None
    return tuple(path)


def _is_tag(part: str) -> bool:
    """pydantic's loc marks union members and validators as e.g. 'int' or 'function-after[...]'."""
    return "[" in part or part in {"int", "str", "bool", "Amount", "date", "decimal"}


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (for suggesting field names)."""
    current: Any = Policy
    for part in loc[:-1]:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = _field(current, str(part))
            if field is None:
                return None
            current = field
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field(model: type[BaseModel], name: str) -> Any:
    for key, info in model.model_fields.items():
        if name in (key, info.alias):
            return info.annotation
    return None


def _unwrap(tp: Any) -> Any:
    """tuple[X, ...] / X | None / dict[K, X] -> X (the model, if any)."""
    while True:
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if origin in (tuple, list, dict) and args:
            tp = args[-1] if origin is dict else args[0]
            continue
        if origin in (typing.Union, types.UnionType):
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if not models:
                return tp
            tp = models[0]
            continue
        if origin is typing.Annotated:
            tp = args[0]
            continue
        return tp


def _from_pydantic(located: Located, err: Any) -> Problem:
    loc = tuple(err["loc"])
    path = _data_path(located.data, loc)
    kind = err["type"]
    message = str(err["msg"])
    if kind == "extra_forbidden":
        model = _model_at(path)
        if model is not None:
            names = [info.alias or key for key, info in model.model_fields.items()]
            close = difflib.get_close_matches(str(path[-1]), names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            message = f"unknown key; allowed: {', '.join(names)}{hint}"
        else:
            message = "unknown key"
    elif kind == "missing":
        message = "required field is missing"
    elif kind == "string_pattern_mismatch" and "a-z" in str(err.get("ctx", {}).get("pattern")):
        message = "an id is lower-case ASCII letters, digits and '_', starting with a letter"
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return located.problem(path, message)


def policy_files(paths: Sequence[str | PathLike[str]]) -> list[Path]:
    """Expand directories into their ``*.yaml`` policy files (test files excluded)."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out.extend(p for p in sorted(path.glob("*.yaml")) if not p.name.endswith(".tests.yaml"))
        else:
            out.append(path)
    return out
