"""Loading a policy file: strict YAML, validated into the model, compiled, every error located.

Optional checks the host asks for: the file's sha256 (``sha256=``, and ``pins`` for every
layer by id) and an OpenSSH signature (``signed_by=``, see
:mod:`complaint_rules.policy.signatures`). Both run on the file's bytes before anything is parsed.
:class:`Limits` bound what an untrusted file can cost.
"""

from __future__ import annotations

import difflib
import errno
import hashlib
import os
import re
import stat
import types
import typing
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from os import PathLike, fspath
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import InputError, PolicyError, Problem
from ..messages.catalogue import Refusal, make_problem, say
from .bundled import bundled_policy_dir
from .compiled import CompiledPolicy, compile_policy
from .model import BUILTIN_EVENTS, Policy
from .signatures import MAX_SIGNATURE_BYTES, Signers, verify_signature
from .vocabulary import (
    PLACED_FIELDS,
    REF_FIELDS,
    VOCABULARY_LISTS,
    BaseOf,
    resolve_words,
    terms_as_read,
)
from .yaml_reader import Limits, Located, capped, read_yaml

__all__ = ["Limits", "Signers", "load_policy", "load_policy_text", "parse_policy"]

MAX_POLICY_BYTES = Limits().max_bytes
"""Policy files larger than this are refused before parsing (the default ``Limits``)."""


Resolver = Callable[[str], CompiledPolicy]
"""Finds the compiled base policy that a policy ``extends``, by id."""

Pins = Mapping[str, "str | Collection[str]"]
"""The sha256 (hex) a policy file may have, by the policy id it is loaded as: one hash,
or several (the versions the host accepts)."""


def load_policy(
    path: str | PathLike[str],
    *,
    sha256: str | None = None,
    resolve: Resolver | None = None,
    pins: Pins | None = None,
    signed_by: Signers | None = None,
    limits: Limits | None = None,
    as_id: str | None = None,
) -> CompiledPolicy:
    """Read, validate and compile the policy at ``path``.

    With ``sha256``, the file's content must have that hash (pinning): a policy that
    differs by a byte is refused. ``pins`` binds bytes to ids: it maps each policy id to
    the sha256 (one, or a collection of several) its file may have. When pins are given,
    every file loaded — this one, loaded as ``as_id`` (or, without it, as the id whose
    pins list its hash), and every base, loaded as the id it is ``extends``-ed by — must
    have a hash pinned for that id and declare that id, checked on the bytes before
    parsing, whatever the file says; with ``signed_by`` a valid signature stands for a
    missing pin. With the default resolver, a pinned id that is neither a layer nor a file
    beside this one or bundled is refused. With ``signed_by``,
    the file must carry a valid OpenSSH signature in ``<path>.sig`` unless its hash is
    pinned; a base found beside the file or bundled is held to the same rule. A policy
    that ``extends`` another finds its base with ``resolve`` (e.g. a
    :class:`~complaint_rules.Catalog`'s ``load``; it then answers for the base's
    signature, while ``pins`` are checked here whatever the resolver); by default, a
    file ``<id>.yaml`` beside it, else the bundled policy of that id. ``limits`` bound
    size, depth and values (:class:`Limits`). Raises :class:`PolicyError` listing every
    problem.
    """
    limits = limits or Limits()
    file = fspath(path)
    raw = _read(file, limits.max_bytes + 1)
    signature = None
    if signed_by is not None and sha256 is None:
        checked = _checked_pins(pins)
        digest = hashlib.sha256(raw).hexdigest()
        pinned = checked.get(as_id) if as_id is not None else None
        if not (
            pinned is not None
            or (as_id is None and any(digest in hashes for hashes in checked.values()))
        ):
            signature = _read_signature(file)
    return load_policy_text(
        raw,
        file=file,
        sha256=sha256,
        resolve=resolve,
        pins=pins,
        signed_by=signed_by,
        signature=signature,
        limits=limits,
        as_id=as_id,
    )


def load_policy_text(
    text: str | bytes,
    *,
    file: str = "<input>",
    sha256: str | None = None,
    resolve: Resolver | None = None,
    pins: Pins | None = None,
    signed_by: Signers | None = None,
    signature: bytes | None = None,
    limits: Limits | None = None,
    as_id: str | None = None,
) -> CompiledPolicy:
    """Like :func:`load_policy`, for policy text already in memory.

    With ``signed_by`` (and no ``sha256``), ``signature`` is the content of the
    ``ssh-keygen -Y sign`` signature file.
    """
    limits = limits or Limits()
    pins = _checked_pins(pins)
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(raw) > limits.max_bytes:
        raise PolicyError(
            [
                make_problem(
                    "policy.too_large",
                    wording="policy.too_large.bytes",
                    file=file,
                    limit=limits.max_bytes,
                )
            ]
        )
    digest = hashlib.sha256(raw).hexdigest()
    if sha256 is not None and sha256.lower() != digest:
        raise PolicyError(
            [
                make_problem(
                    "policy.pin_mismatch",
                    wording="policy.pin_mismatch.required",
                    file=file,
                    digest=digest,
                    required=sha256,
                )
            ]
        )
    bound = _bound_ids(pins, digest, as_id, signed_by, file)
    if signed_by is not None and sha256 is None and not bound:
        if signature is None:
            raise PolicyError(
                [
                    make_problem(
                        "policy.signature_missing",
                        wording="policy.signature_missing.none_given",
                        file=file,
                    )
                ]
            )
        verify_signature(raw, signature, signed_by, file=file)
    located = read_yaml(raw, file, limits=limits)
    bases = _Bases(resolve, file, pins, signed_by, limits)
    try:
        policy = parse_policy(located, base_of=bases.words(located))
    except RecursionError:
        raise PolicyError(
            [make_problem("policy.too_deep", wording="policy.too_deep.validate", file=file)]
        ) from None
    if bound and policy.id not in bound:
        names = " or ".join(repr(i) for i in sorted(bound))
        raise PolicyError(
            [
                _placed(
                    located,
                    make_problem(
                        "policy.pin_id_mismatch",
                        wording="policy.pin_id_mismatch.declared",
                        path=("id",),
                        id=repr(policy.id),
                        digest=digest,
                        names=names,
                    ),
                )
            ]
        )
    base = None
    if policy.extends is not None:
        if policy.extends == policy.id:
            raise PolicyError(
                [
                    located.problem(
                        ("extends",), "a policy cannot extend itself", "policy.extends_itself"
                    )
                ]
            )
        try:
            base = bases.load(policy.extends, policy.id)
        except PolicyError as exc:
            where = _placed(
                located,
                make_problem(
                    "policy.base_unloadable",
                    wording="policy.base_unloadable.named",
                    path=("extends",),
                    id=repr(policy.extends),
                ),
            )
            # A problem the finder places in this file (no such base, a cycle) is at the
            # extends line too.
            inner = [
                replace(p, line=where.line) if p.file == file and p.line is None else p
                for p in exc.problems
            ]
            raise PolicyError([where, *inner]) from None
    if pins and resolve is None:
        _check_unused_pins(pins, file, base, policy.id)
    try:
        return compile_policy(policy, sha256=digest, base=base)
    except PolicyError as exc:
        raise PolicyError(capped(_locate(located, exc.problems), file)) from None
    except RecursionError:
        raise PolicyError(
            [make_problem("policy.too_deep", wording="policy.too_deep.compile", file=file)]
        ) from None
    except (ValueError, TypeError) as exc:
        # A value the consistency checks let through but building refuses (e.g. a
        # calendar day outside the years the calendar can hold): still the file's fault.
        raise PolicyError(
            [
                make_problem(
                    "policy.not_compilable",
                    wording="policy.not_compilable.reason",
                    file=file,
                    error=exc,
                )
            ]
        ) from None


class _Bases:
    """The base a policy extends, loaded once (its pins checked): first for its words, while
    the policy is read (a base that cannot be loaded then gives none, and the same error is
    raised where loading the base is reported, after the policy's own problems)."""

    def __init__(
        self,
        resolve: Resolver | None,
        file: str,
        pins: dict[str, frozenset[str]],
        signed_by: Signers | None,
        limits: Limits,
    ) -> None:
        self.resolve, self.file, self.pins = resolve, file, pins
        self.signed_by, self.limits = signed_by, limits
        self.found: dict[str, CompiledPolicy | Exception] = {}

    def load(self, policy_id: str, own_id: str) -> CompiledPolicy:
        if policy_id not in self.found:
            finder = self.resolve or _beside(
                self.file, (own_id,), self.pins, self.signed_by, self.limits
            )
            try:
                base = finder(policy_id)
                _check_layer_pins(base, policy_id, self.pins, self.signed_by)
                self.found[policy_id] = base
            except Exception as exc:
                self.found[policy_id] = exc
        found = self.found[policy_id]
        if isinstance(found, Exception):
            raise found
        return found

    def words(self, located: Located) -> BaseOf:
        def base_of(policy_id: str) -> Policy | None:
            own_id = located.data.get("id") if isinstance(located.data, dict) else None
            if (
                not isinstance(own_id, str)
                or not _ID.fullmatch(own_id)
                or not _ID.fullmatch(policy_id)
                or own_id == policy_id
            ):
                return None  # refused once validated (not ids, or a policy extending itself)
            try:
                return self.load(policy_id, own_id).policy
            except Exception:
                return None

        return base_of


def _read(file: str, size: int) -> bytes:
    try:
        return read_regular(file, size)
    except InputError as exc:
        raise PolicyError(exc.problems) from None
    except OSError as exc:
        reason = exc.strerror or exc
        problem = make_problem(
            "file.unreadable", wording="policy.file.unreadable", file=file, reason=reason
        )
        wording = _UNREADABLE.get(exc.errno or 0)
        if wording is not None:
            said = make_problem("file.unreadable", wording=wording, file=file)
            if said.message == problem.message:
                problem = said  # the reason the system gives, said in the officer's words
        raise PolicyError([problem]) from None


_UNREADABLE = {
    errno.ENOENT: "policy.file.not_found",
    errno.EACCES: "policy.file.no_permission",
    errno.EISDIR: "policy.file.directory",
}
"""The catalogue's words for the commonest reasons a file cannot be read, by errno."""


def read_regular(file: str, size: int | None = None) -> bytes:
    """At most ``size`` bytes of the regular file ``file`` (all of it without ``size``).

    A FIFO, a device or a socket is refused (:class:`InputError`, ``file.not_regular``)
    without waiting for it: it is opened non-blocking and checked before it is read.
    """
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(
                [make_problem("file.not_regular", wording="policy.file.not_regular", file=file)]
            )
        return handle.read() if size is None else handle.read(size)


def _read_signature(file: str) -> bytes:
    sig = f"{file}.sig"
    if not Path(sig).is_file():
        raise PolicyError(
            [
                make_problem(
                    "policy.signature_missing",
                    wording="policy.signature_missing.no_file",
                    file=file,
                    name=Path(sig).name,
                )
            ]
        )
    return _read(sig, MAX_SIGNATURE_BYTES + 1)


def _checked_pins(pins: Pins | None) -> dict[str, frozenset[str]]:
    if pins is None:
        return {}
    if not isinstance(pins, Mapping):
        raise TypeError(f"pins must map policy ids to sha256 hex digests, not {type(pins)}")
    out = {}
    for key, value in pins.items():
        hashes = [value] if isinstance(value, str) else value
        if (
            not isinstance(key, str)
            or not isinstance(hashes, Collection)
            or not hashes
            or not all(isinstance(h, str) for h in hashes)
        ):
            raise TypeError(
                "pins must map policy ids (str) to sha256 hex digests (str, or a collection "
                "of several)"
            )
        for h in hashes:
            if not _HEX64.fullmatch(h):
                raise ValueError(f"pin for {key!r}: a sha256 is 64 hex digits, not {h!r}")
        out[key] = frozenset(h.lower() for h in hashes)
    return out


_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_ID = re.compile(r"[a-z][a-z0-9_]{0,79}")
"""An id as :data:`~complaint_rules.policy.model.Id` allows it: the only names of a base
looked up (a file beside the policy) before the policy is validated."""


def _pinned_text(hashes: frozenset[str]) -> str:
    return " or ".join(sorted(hashes))


def _bound_ids(
    pins: Mapping[str, frozenset[str]],
    digest: str,
    as_id: str | None,
    signed_by: Signers | None,
    file: str,
) -> frozenset[str]:
    """The ids these bytes are pinned as (empty without pins, or signed instead)."""
    if not pins:
        return frozenset()
    if as_id is not None:
        allowed = pins.get(as_id)
        if allowed is None:
            if signed_by is not None:
                return frozenset()
            raise PolicyError([_pin_missing(as_id, file)])
        if digest not in allowed:
            problem = make_problem(
                "policy.pin_mismatch",
                wording="policy.pin_mismatch.for_id",
                file=file,
                digest=digest,
                pinned=_pinned_text(allowed),
                id=repr(as_id),
            )
            raise PolicyError([problem])
        return frozenset({as_id})
    ids = frozenset(i for i, hashes in pins.items() if digest in hashes)
    if not ids and signed_by is None:
        problem = make_problem(
            "policy.pin_mismatch",
            wording="policy.pin_mismatch.no_id",
            file=file,
            digest=digest,
            ids=", ".join(repr(i) for i in sorted(pins)),
        )
        raise PolicyError([problem])
    return ids


def _check_layer_pins(
    base: CompiledPolicy,
    expected: str,
    pins: Mapping[str, frozenset[str]],
    signed_by: Signers | None,
) -> None:
    """Every layer of a resolved base must match its pins, whoever loaded it."""
    if base.id != expected:
        problem = make_problem(
            "policy.base_id_mismatch",
            wording="policy.base_id_mismatch.given",
            expected=repr(expected),
            got=repr(base.id),
        )
        raise PolicyError([problem])
    if not pins:
        return
    for layer in base.layers:
        pinned = pins.get(layer.id)
        if pinned is None:
            if signed_by is not None:
                continue
            raise PolicyError([_pin_missing(layer.id, None)])
        if layer.sha256 not in pinned:
            raise PolicyError(
                [
                    make_problem(
                        "policy.pin_mismatch",
                        wording="policy.pin_mismatch.layer",
                        id=repr(layer.id),
                        digest=layer.sha256,
                        pinned=_pinned_text(pinned),
                    )
                ]
            )


def _pin_missing(policy_id: str, file: str | None) -> Problem:
    return make_problem(
        "policy.pin_missing", wording="policy.pin_missing.id", file=file, id=repr(policy_id)
    )


def _check_unused_pins(
    pins: Mapping[str, frozenset[str]], file: str, base: CompiledPolicy | None, own: str
) -> None:
    """A pinned id the default resolver cannot find is refused: a pin never goes unused
    because its file went missing."""
    loaded = {own, *(layer.id for layer in base.layers)} if base is not None else {own}
    missing = []
    for policy_id in sorted(pins):
        if policy_id in loaded:
            continue
        candidates = [bundled_policy_dir() / f"{policy_id}.yaml"]
        if file != "<input>":
            candidates.append(Path(file).parent / f"{policy_id}.yaml")
        if not any(c.is_file() for c in candidates):
            missing.append(
                make_problem(
                    "policy.pin_unknown_id",
                    wording="policy.pin_unknown_id.beside",
                    file=file,
                    id=repr(policy_id),
                )
            )
    if missing:
        raise PolicyError(missing)


def _beside(
    file: str,
    chain: tuple[str, ...],
    pins: dict[str, frozenset[str]],
    signed_by: Signers | None,
    limits: Limits,
) -> Resolver:
    """The default resolver: ``<id>.yaml`` next to ``file``, else the bundled policy."""

    def find(policy_id: str) -> CompiledPolicy:
        if policy_id in chain:
            cycle = " -> ".join((*chain, policy_id))
            problem = make_problem(
                "policy.extends_cycle",
                wording="policy.extends_cycle.chain",
                path=("extends",),
                file=file,
                cycle=cycle,
            )
            raise PolicyError([problem])
        candidates = [Path(file).parent / f"{policy_id}.yaml"] if file != "<input>" else []
        candidates.append(bundled_policy_dir() / f"{policy_id}.yaml")
        for candidate in candidates:
            if candidate.is_file():
                name = str(candidate)
                pinned = pins.get(policy_id)
                raw = _read(name, limits.max_bytes + 1)
                return load_policy_text(
                    raw,
                    file=name,
                    resolve=_beside(name, (*chain, policy_id), pins, signed_by, limits),
                    pins=pins,
                    signed_by=signed_by,
                    signature=None if signed_by is None or pinned else _read_signature(name),
                    limits=limits,
                    as_id=policy_id,
                )
        problem = make_problem(
            "policy.base_not_found",
            wording="policy.base_not_found.named",
            path=("extends",),
            file=file,
            id=repr(policy_id),
        )
        raise PolicyError([problem])

    return find


def parse_policy(located: Located, *, base_of: BaseOf | None = None) -> Policy:
    """Validate YAML data into a :class:`Policy`; errors carry file, line and field.

    ``base_of`` gives the base policy of one that ``extends`` another, so that the base's
    labels are accepted where ids are expected, as its ids are."""
    if not isinstance(located.data, dict):
        raise PolicyError(
            [
                _placed(
                    located,
                    make_problem("policy.not_a_mapping", wording="policy.not_a_mapping.top_level"),
                )
            ]
        )
    _resolve_words(located, base_of)
    try:
        return Policy.model_validate(located.data)
    except ValidationError as exc:
        problems = [_from_pydantic(located, err) for err in exc.errors()]
        raise PolicyError(capped(problems, located.file)) from None


def _resolve_words(located: Located, base_of: BaseOf | None = None) -> None:
    """Labels and aliases (Traditional or Simplified) where ids are expected become the ids,
    Chinese key names the English ones (:func:`~complaint_rules.policy.vocabulary.resolve_words`);
    a base layer's (``base_of``) are accepted too. Errors found later still point at the
    words as written."""
    renamed, problems = resolve_words(located.data, _fields_at, base_of)
    for new, old in renamed.items():
        for table in (located.lines, located.columns):
            for path, value in list(table.items()):
                if path[: len(old)] == old:
                    table.setdefault((*new, *path[len(old) :]), value)
    if problems:
        raise PolicyError(
            [_placed(located, make_problem(p.code, path=p.path, args=p.args)) for p in problems]
        )


def _placed(located: Located, problem: Problem) -> Problem:
    return replace(
        problem,
        file=located.file,
        line=located.line_of(problem.path),
        column=located.column_of(problem.path),
    )


def _fields_at(path: tuple[str | int, ...]) -> list[str] | None:
    """The keys the mapping at ``path`` may hold, if it is one of the format's models."""
    model = _model_at((*path, "_"))
    if model is None:
        return None
    return [info.alias or key for key, info in model.model_fields.items()]


def _locate(located: Located, problems: Sequence[Problem]) -> list[Problem]:
    return [
        replace(located.problem(p.path, p.message, p.code or "policy.inconsistent"), args=p.args)
        for p in problems
    ]


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
    key = str(path[-1]) if path else ""
    if kind == "extra_forbidden":
        model = _model_at(path)
        if "\uff1a" in key:
            return _placed(located, _full_width_colon(path))
        if model is not None:
            names = [info.alias or key for key, info in model.model_fields.items()]
            close = difflib.get_close_matches(key, names, n=1)
            allowed = ", ".join(names)
            if close:
                problem = make_problem(
                    "policy.unknown_key.suggest",
                    path=path,
                    key=key,
                    suggestion=close[0],
                    allowed=allowed,
                )
            else:
                problem = make_problem("policy.unknown_key", path=path, key=key, allowed=allowed)
            return _placed(located, problem)
        message = "unknown key"
    elif kind == "missing":
        return _placed(located, make_problem("policy.missing_field", path=path, key=key))
    elif kind == "string_pattern_mismatch" and "a-z" in str(err.get("ctx", {}).get("pattern")):
        return _placed(located, _not_an_id(located, path, err.get("input")))
    elif kind in ("int_parsing", "int_type") and isinstance(err.get("input"), str):
        problem = make_problem("policy.not_a_number", path=path, value=err["input"])
        return _placed(located, problem)
    elif isinstance(refusal := (err.get("ctx") or {}).get("error"), Refusal):
        # The format's own refusal, worded by the catalogue (policy.model.*).
        problem = make_problem(
            "policy.invalid_value", wording=refusal.wording, path=path, args=refusal.values
        )
        return _placed(located, problem)
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    if kind == "string_type" and path in located.scalars:
        return _placed(located, _quote_hint(path, located.scalars[path]))
    return _format_problem(located, path, kind, message, err.get("ctx") or {})


def _format_problem(
    located: Located,
    path: tuple[str | int, ...],
    kind: str,
    message: str,
    ctx: Mapping[str, Any],
) -> Problem:
    """A refusal of the policy format, in the catalogue's words where they say exactly
    what pydantic said (the English stays pydantic's, whatever its version); else as is."""
    code = _PYDANTIC_CODES.get(kind, "policy.invalid_value")
    args = {str(k): v for k, v in ctx.items()}
    wording = args.pop("wording", None)
    if isinstance(wording, str) and say(wording, "en", **args) == message:
        # The policy model names its own words for the refusal (policy.model.text_*).
        return _placed(located, make_problem(code, wording=wording, path=path, args=args))
    for wording in _FORMAT_WORDINGS.get(kind, ()):
        try:
            said = say(wording, "en", **args)
        except (KeyError, IndexError, ValueError):
            continue
        if said == message:
            return _placed(located, make_problem(code, wording=wording, path=path, args=args))
    return located.problem(path, message, code)


_PYDANTIC_CODES = {
    "extra_forbidden": "policy.unknown_key",
    "missing": "policy.missing",
    "string_pattern_mismatch": "policy.bad_pattern",
    "string_type": "policy.wrong_type",
    "bool_type": "policy.wrong_type",
    "int_type": "policy.wrong_type",
    "dict_type": "policy.wrong_type",
    "list_type": "policy.wrong_type",
    "tuple_type": "policy.wrong_type",
    "model_type": "policy.wrong_type",
    "literal_error": "policy.not_allowed",
    "enum": "policy.not_allowed",
    "union_tag_invalid": "policy.not_allowed",
    "too_short": "policy.too_short",
    "too_long": "policy.too_long",
}


_DATE_WORDINGS = (
    "policy.format.date.short",
    "policy.format.date.separator",
    "policy.format.date.month",
    "policy.format.date.day",
    "policy.format.date",
)

_FORMAT_WORDINGS: Mapping[str, tuple[str, ...]] = {
    "literal_error": ("policy.format.one_of",),
    "enum": ("policy.format.one_of",),
    "int_type": ("policy.format.integer",),
    "int_from_float": ("policy.format.integer_fraction",),
    "bool_type": ("policy.format.boolean",),
    "bool_parsing": ("policy.format.boolean_text",),
    "string_type": ("policy.format.text",),
    "dict_type": ("policy.format.mapping",),
    "model_type": ("policy.format.mapping",),
    "list_type": ("policy.format.list",),
    "tuple_type": ("policy.format.tuple",),
    "greater_than_equal": ("policy.format.at_least",),
    "greater_than": ("policy.format.greater_than",),
    "less_than_equal": ("policy.format.at_most",),
    "too_short": ("policy.format.empty_list", "policy.format.empty_tuple"),
    "date_from_datetime_parsing": _DATE_WORDINGS,
    "date_parsing": _DATE_WORDINGS,
    "date_from_datetime_inexact": ("policy.format.date.time",),
}
"""The catalogue's wordings of pydantic's refusals, by pydantic's error type."""


def _full_width_colon(path: tuple[str | int, ...]) -> Problem:
    return make_problem(
        "policy.yaml.fullwidth", path=path, char="\uff1a", name="FULLWIDTH COLON", ascii=":"
    )


def _not_an_id(located: Located, path: tuple[str | int, ...], value: Any) -> Problem:
    """A word where an id is expected that no term of its kind is spelled as."""
    text = str(value)
    if "\uff0c" in text:
        return make_problem("policy.fullwidth_comma", path=path, value=text)
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    place = tuple(p for p in path if isinstance(p, str))
    kind = REF_FIELDS.get(field) or PLACED_FIELDS.get(place)
    data = located.data if isinstance(located.data, dict) else {}
    vocabulary = data.get("vocabulary")
    vocabulary = vocabulary if isinstance(vocabulary, dict) else {}
    # Where events or facts are named, the policy's own (the built-in events are ids too).
    items = (
        data.get("facts")
        if kind == "fact"
        else vocabulary.get(VOCABULARY_LISTS.get(kind or "", ""))
    )
    if kind is not None and isinstance(items, list):
        terms = [f"{term.id} ({term.label})" for term in terms_as_read(items)]
        if kind == "event":
            terms += sorted(BUILTIN_EVENTS)
        if terms:
            allowed = ", ".join(terms)
            return make_problem(
                "policy.not_an_id", path=path, value=text, kind=kind, allowed=allowed
            )
    return make_problem("policy.bad_id", path=path, value=text)


def _quote_hint(path: tuple[str | int, ...], raw: str) -> Problem:
    """Text was meant, but YAML read a number, a date or true/false (the YAML 1.1 traps)."""
    if raw.lower() in ("true", "false"):
        kind = "true/false"
    elif raw in ("", "~") or raw.lower() == "null":
        kind = "nothing (null)"
    elif len(raw) == 10 and raw[4:5] == "-":
        kind = "a date"
    else:
        kind = "a number"
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    return make_problem("policy.quote_text", path=path, raw=shown, what=kind)


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
