"""Merging a policy's lifecycle over the lifecycle of the policy it ``extends``.

Like rules, by id and keeping order: the base's events, clocks, duties and reminders come
first; an entry of the extending policy with the same id replaces the base's in place, a
new one is appended; gaps add up. Which layer each entry came from is kept
(``"clocks:decision" -> "cn_banking_baseline"``; gaps by position, ``"gaps:0"``), so
that a case's status names it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from .model import Lifecycle

__all__ = ["KINDS", "layer_key", "lifecycle_layers", "merge_lifecycle"]

Path = tuple[str | int, ...]

KINDS: tuple[str, ...] = ("events", "clocks", "duties", "reminders")
"""The lifecycle lists whose entries carry an id."""


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def layer_key(kind: str, item_id: str) -> str:
    """The key of a lifecycle entry in a compiled policy's ``lifecycle_layers``."""
    return f"{kind}:{item_id}"


def _by_id(base: Sequence[T], own: Sequence[T]) -> tuple[T, ...]:
    replaced = {item.id: item for item in own}
    merged = [replaced.pop(item.id, item) for item in base]
    return (*merged, *(item for item in own if item.id in replaced))


def lifecycle_layers(lifecycle: Lifecycle | None, layer: str) -> dict[str, str]:
    """Every entry of a single policy's lifecycle, mapped to that policy's id."""
    if lifecycle is None:
        return {}
    out = {layer_key(kind, item.id): layer for kind in KINDS for item in getattr(lifecycle, kind)}
    out.update({layer_key("gaps", str(i)): layer for i in range(len(lifecycle.gaps))})
    return out


def merge_lifecycle(
    base: Lifecycle | None,
    base_layers: Mapping[str, str],
    own: Lifecycle | None,
    own_id: str,
) -> tuple[Lifecycle | None, dict[str, str], dict[Path, Path]]:
    """Flatten ``own`` over ``base``.

    Returns the merged lifecycle, the layer of each entry, and a map from the merged
    lifecycle's entry paths to ``own``'s (so that errors point into the extending file).
    """
    if own is None:
        return base, dict(base_layers), {}
    if base is None:
        return own, lifecycle_layers(own, own_id), {}
    merged = Lifecycle(
        **{kind: _by_id(getattr(base, kind), getattr(own, kind)) for kind in KINDS},
        gaps=(*base.gaps, *own.gaps),
    )
    layers = dict(base_layers)
    paths: dict[Path, Path] = {}
    for kind in KINDS:
        own_index = {item.id: j for j, item in enumerate(getattr(own, kind))}
        for i, item in enumerate(getattr(merged, kind)):
            if item.id in own_index:
                layers[layer_key(kind, item.id)] = own_id
                paths[("lifecycle", kind, i)] = ("lifecycle", kind, own_index[item.id])
    offset = len(base.gaps)
    for j in range(len(own.gaps)):
        layers[layer_key("gaps", str(offset + j))] = own_id
        paths[("lifecycle", "gaps", offset + j)] = ("lifecycle", "gaps", j)
    return merged, layers, paths
