"""Looking up a vocabulary value by its id, its source label or another spelling.

Two spellings are the same word when their :func:`normalise` forms match: NFKC (full-width
letters and digits become ASCII), trimmed, case folded, and converted to Simplified Chinese
with OpenCC (:func:`~complaint_rules.messages.simplified.matching_key`). So a label written
in Traditional Chinese is also found by its Simplified form, and no policy needs to type
Simplified aliases by hand.

:func:`resolve_words` applies this to a policy as read, before it is validated: wherever
an id is expected, a label or alias (in either script) is replaced by the id, and the
Chinese names of the format's keys (:data:`KEY_NAMES`) by the English ones. The words
searched are those of the policy's own vocabulary and facts and, for a policy that
``extends`` a base, the base's: the vocabulary the merged policy will have (a term of the
policy replaces the base's term of the same id, with its spellings).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..messages.simplified import matching_key
from .model import BUILTIN_EVENTS, Policy, Term

__all__ = [
    "KEY_NAMES",
    "PLACED_FIELDS",
    "REF_FIELDS",
    "VOCABULARY_LISTS",
    "BaseOf",
    "Lookup",
    "WordProblem",
    "normalise",
    "resolve_words",
    "terms_as_read",
]

_SHOWN = re.compile(r"[A-Za-z0-9_]{1,64}")
"""A name a message may repeat: anything else may be personal data or control bytes."""


def normalise(text: str) -> str:
    """The form shared by every spelling of one word (see the module's description)."""
    return matching_key(text)


@dataclass(frozen=True)
class Lookup:
    """Every accepted spelling of one kind of vocabulary, mapped to the term."""

    kind: str
    terms: dict[str, Term]
    spellings: dict[str, str] = field(default_factory=dict)
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Spellings that belong to more than one term: each with the terms' ids."""

    @classmethod
    def build(cls, kind: str, terms: Iterable[Term]) -> Lookup:
        by_id: dict[str, Term] = {}
        owners: dict[str, list[str]] = {}
        for term in terms:
            by_id.setdefault(term.id, term)
            for spelling in (term.id, term.label, *term.aliases):
                ids = owners.setdefault(normalise(spelling), [])
                if term.id not in ids:
                    ids.append(term.id)
        spellings = {key: ids[0] for key, ids in owners.items()}
        # An id always means its own term, even if it is another's label too.
        own = {normalise(term_id): term_id for term_id in by_id}
        spellings.update(own)
        shared = {key: tuple(ids) for key, ids in owners.items() if len(ids) > 1 and key not in own}
        return cls(kind=kind, terms=by_id, spellings=spellings, shared=shared)

    def find(self, name: str) -> Term | None:
        found = self.spellings.get(normalise(name))
        return None if found is None else self.terms[found]

    def candidates(self, name: str) -> tuple[str, ...]:
        """The ids ``name`` could mean, if it is a spelling of more than one term."""
        return self.shared.get(normalise(name), ())

    def label(self, term_id: str) -> str:
        return self.terms[term_id].label

    def allowed(self) -> str:
        """``allowed: id (label), ...`` for messages."""
        return "allowed: " + self.listing()

    def listing(self) -> str:
        """``id (label), ...``: the terms, for messages."""
        return ", ".join(f"{t.id} ({t.label})" for t in self.terms.values())

    def explain_unknown(self, name: str) -> str:
        """The message for an unknown value: allowed ids with labels, and the closest match."""
        values = self.unknown_values(name)
        hint = f"; closest: {values['closest']}" if "closest" in values else ""
        return f"unknown {self.kind}{values['shown']}; allowed: {values['allowed']}{hint}"

    def unknown_values(self, name: str) -> dict[str, str]:
        """What :meth:`explain_unknown` says, as values: ``shown`` (`` 'name'`` or empty),
        ``allowed`` (ids with labels) and ``closest`` (id with label, if one is close)."""
        values = {"shown": "", "allowed": self.listing()}
        # The name may be a host's data: repeated only if it looks like an id.
        if _SHOWN.fullmatch(name):
            values["shown"] = f" {name!r}"
        match = difflib.get_close_matches(normalise(name), list(self.spellings), n=1, cutoff=0.5)
        if match:
            term = self.terms[self.spellings[match[0]]]
            values["closest"] = f"{term.id} ({term.label})"
        return values


REF_FIELDS: Mapping[str, str] = {
    "role": "role",
    "or_roles": "role",
    "by": "role",
    "to": "role",
    "reports_to": "role",
    "keeper": "role",
    "subjects": "role",
    "roles": "role",
    "approvers": "role",
    "level": "level",
    "default": "level",
    "finding": "finding",
    "findings": "finding",
    "sanction": "sanction",
}
"""The fields of a policy that name a vocabulary value, and its kind (strings only: the
vocabulary's own lists of terms are mappings and are left alone)."""

_CLOCK_OPS = ("starts", "meets", "stops", "pauses", "resumes", "restarts")

PLACED_FIELDS: Mapping[tuple[str, ...], str] = {
    # events and facts in the rules
    ("rules", "actions", "on"): "event",
    ("rules", "escalations", "on"): "event",
    ("rules", "deadlines", "starts"): "fact",
    ("rules", "deadlines", "until"): "fact",
    ("rules", "reports", "starts"): "fact",
    ("rules", "retention", "counted_from"): "fact",
    ("rules", "penalties", "headcount"): "fact",
    ("rules", "penalties", "amount_yuan", "fact"): "fact",
    ("rules", "approvals", "amount_fact"): "fact",
    ("rules", "approvals", "tiers", "earlier_total"): "fact",
    ("rules", "approvals", "tiers", "limit_yuan", "fact"): "fact",
    # events and facts in the lifecycle
    ("lifecycle", "events", "id"): "event",
    ("lifecycle", "events", "after"): "event",
    ("lifecycle", "events", "excludes"): "event",
    ("lifecycle", "events", "sets_time"): "fact",
    **{("lifecycle", "clocks", op): "event" for op in _CLOCK_OPS},
    ("lifecycle", "clocks", "extensions", "on"): "event",
    ("lifecycle", "duties", "after"): "event",
    ("lifecycle", "duties", "done_by"): "event",
}
"""The fields that name an event or a fact, by their place in the policy (the keys on the
way, list positions left out), and which of the two. A deadline's or report's ``starts`` is
a fact (a datetime fact) or the built-in event ``received``, never one of the policy's
events, so a word there is looked up among the facts only: an event and the datetime fact
it sets may share a label (離店, 處理完畢). The built-in events (``received``,
``deadline_missed``, ...) are ids only: they have no labels."""

_BUILTIN_EVENTS = frozenset((*BUILTIN_EVENTS, "deadline_missed"))

_CONDITION_KEYS = {"channel": "channel", "category": "category", "level": "level"}
_CONDITION_KEYS["finding"] = "finding"
_COMBINATORS = ("all", "any", "not")

KEY_NAMES: Mapping[str, tuple[str, ...]] = {
    # the policy
    "規則": ("rules",),
    "詞彙": ("vocabulary",),
    "事實": ("facts",),
    "參數": ("parameters",),
    "分類": ("classification",),
    "標題": ("title",),
    "名稱": ("title",),
    "機構": ("institution",),
    "來源": ("source",),
    "版本": ("version",),
    "時區": ("timezone",),
    "繼承": ("extends",),
    "衝突": ("conflicts",),
    # the vocabulary and its terms
    "角色": ("roles", "role"),
    "渠道": ("channels", "channel"),
    "類別": ("categories", "category"),
    "級別": ("levels", "level"),
    "查明事項": ("findings", "finding"),
    "處分": ("sanctions", "sanction"),
    "事件": ("events",),
    "代號": ("id",),
    "標籤": ("label",),
    "別名": ("aliases",),
    "說明": ("description",),
    "條款": ("article",),
    "上級": ("reports_to",),
    "類型": ("type",),
    "預設": ("default",),
    # a rule and its elements
    "條件": ("when",),
    "分工": ("routing",),
    "時限": ("deadlines",),
    "應辦事項": ("actions",),
    "上報": ("escalations",),
    "報告": ("reports",),
    "保存": ("retention",),
    "處罰": ("penalties",),
    "審批": ("approvals",),
    "缺口": ("gaps",),
    "引文": ("quote",),
    "原文": ("quote",),
    "備註": ("note",),
    "職責": ("duty",),
    "期限": ("within",),
    "起算": ("starts",),
    "由": ("by",),
    "給": ("to",),
    "文字": ("text",),
    # periods and ranges
    "工作日": ("working_days",),
    "自然日": ("calendar_days",),
    "日曆日": ("calendar_days",),
    "小時": ("hours",),
    "分鐘": ("minutes",),
    "月底": ("end_of_month",),
    "最少": ("min",),
    "最多": ("max",),
}
"""The Chinese names of the policy format's keys (Traditional; the Simplified forms match
too), each with the English keys it can stand for: the one the place allows is taken."""

_KEYS_BY_MATCH: dict[str, tuple[str, ...]] = {}


def _key_names(name: str) -> tuple[str, ...]:
    if not _KEYS_BY_MATCH:
        for chinese, keys in KEY_NAMES.items():
            _KEYS_BY_MATCH[normalise(chinese)] = keys
    return _KEYS_BY_MATCH.get(normalise(name), ())


Path = tuple[str | int, ...]


@dataclass(frozen=True)
class WordProblem:
    """A word that could not be resolved: where, the catalogue's code, and its values."""

    path: Path
    code: str
    args: Mapping[str, str]


BaseOf = Callable[[str], Policy | None]
"""Gives the (merged) base policy a policy ``extends``, by id; ``None`` if there is none."""


def resolve_words(
    data: Any,
    fields_at: Callable[[Path], Iterable[str] | None],
    base_of: BaseOf | None = None,
) -> tuple[dict[Path, Path], list[WordProblem]]:
    """Rewrite ``data`` (a policy as read, changed in place) to use ids and English keys.

    ``fields_at(path)`` gives the keys a mapping at ``path`` may hold (``None``: unknown,
    so Chinese keys there are left alone). ``base_of`` gives the base of a policy that
    ``extends`` one: its vocabulary and facts are searched too, under the policy's own
    (a term of the policy replaces the base's term of the same id). Returns the renamed
    keys' paths (new → as written, to place later errors) and the words that are ambiguous.
    """
    if not isinstance(data, dict):
        return {}, []
    resolver = _Resolver(data, fields_at, base_of)
    resolver.walk(data, ())
    return resolver.renamed, resolver.problems


class _Resolver:
    def __init__(
        self,
        data: dict[str, Any],
        fields_at: Callable[[Path], Iterable[str] | None],
        base_of: BaseOf | None = None,
    ):
        self.fields_at = fields_at
        self.renamed: dict[Path, Path] = {}
        self.problems: list[WordProblem] = []
        self.data = data
        self._rename_all(data, ())
        vocabulary = data.get("vocabulary")
        vocab = vocabulary if isinstance(vocabulary, dict) else {}
        extends = data.get("extends")
        base = base_of(extends) if base_of is not None and isinstance(extends, str) else None
        self.lookups = {
            kind: _lookup(
                kind,
                vocab.get(plural),
                () if base is None else getattr(base.vocabulary, plural),
            )
            for kind, plural in VOCABULARY_LISTS.items()
        }
        self.lookups["fact"] = _lookup(
            "fact", data.get("facts"), () if base is None else base.facts
        )

    def _rename_keys(self, node: dict[Any, Any], path: Path) -> None:
        allowed = self.fields_at(path)
        if allowed is None:
            return
        allowed = set(allowed)
        for key in list(node):
            if not isinstance(key, str) or key in allowed or key.isascii():
                continue
            choices = [k for k in _key_names(key) if k in allowed and k not in node]
            if len(choices) == 1:
                node[choices[0]] = node.pop(key)
                self.renamed[(*path, choices[0])] = (*path, key)

    def _rename_all(self, node: Any, path: Path) -> None:
        if isinstance(node, dict):
            self._rename_keys(node, path)
            for key, value in node.items():
                self._rename_all(value, (*path, key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                self._rename_all(item, (*path, i))

    def walk(self, node: Any, path: Path) -> None:
        if isinstance(node, dict):
            if path and path[-1] == "when":
                self.condition(node, path)
                return
            for key in list(node):
                value = node[key]
                child = (*path, key)
                placed = PLACED_FIELDS.get(_shape(child))
                if placed is not None:
                    node[key] = self.placed(placed, value, child)
                    continue
                kind = REF_FIELDS.get(key) if isinstance(key, str) else None
                if kind is not None:
                    node[key] = self.ref(kind, value, child)
                    continue
                if key == "sets" and isinstance(value, dict):
                    self.fact_keys(value, child)
                self.walk(node[key], child)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                self.walk(item, (*path, i))

    def ref(self, kind: str, value: Any, path: Path) -> Any:
        if isinstance(value, list):
            return [self.ref(kind, item, (*path, i)) for i, item in enumerate(value)]
        if not isinstance(value, str):
            if isinstance(value, dict):
                self.walk(value, path)
            return value
        lookup = self.lookups[kind]
        if value in lookup.terms or not lookup.terms:
            return value
        candidates = lookup.candidates(value)
        if candidates:
            listing = ", ".join(f"{c} ({lookup.label(c)})" for c in candidates)
            args = {"value": value, "kind": kind, "candidates": listing}
            self.problems.append(WordProblem(path, "policy.ambiguous_term", args))
            return value
        term = lookup.find(value)
        return value if term is None else term.id

    def placed(self, kind: str, value: Any, path: Path) -> Any:
        """An event or a fact named by its id, label or alias: the id. A built-in event
        (``received``, ...) is an id: it is kept where events or ``received`` may be."""
        if isinstance(value, list):
            return [self.placed(kind, item, (*path, i)) for i, item in enumerate(value)]
        if isinstance(value, str) and value in _BUILTIN_EVENTS:
            return value
        return self.ref(kind, value, path)

    def condition(self, node: dict[Any, Any], path: Path) -> None:
        for key in list(node):
            value = node[key]
            child = (*path, key)
            if key in _COMBINATORS:
                items = value if isinstance(value, list) else [value]
                for i, item in enumerate(items):
                    if isinstance(item, dict):
                        where = (*child, i) if isinstance(value, list) else child
                        self.condition(item, where)
                continue
            kind = _CONDITION_KEYS.get(key) if isinstance(key, str) else None
            if kind is not None:
                node[key] = self._values(kind, value, child)
                continue
            if isinstance(key, str):
                self.fact_keys(node, path, only=key)

    def _values(self, kind: str, value: Any, path: Path) -> Any:
        if isinstance(value, dict):
            return {op: self._values(kind, v, (*path, op)) for op, v in value.items()}
        return self.ref(kind, value, path)

    def fact_keys(self, node: dict[Any, Any], path: Path, only: str | None = None) -> None:
        facts = self.lookups["fact"]
        for key in [only] if only is not None else list(node):
            if not isinstance(key, str) or key in facts.terms:
                continue
            term = facts.find(key)
            if term is not None and term.id not in node:
                node[term.id] = node.pop(key)
                self.renamed[(*path, term.id)] = (*path, key)


VOCABULARY_LISTS: Mapping[str, str] = {
    "role": "roles",
    "channel": "channels",
    "category": "categories",
    "level": "levels",
    "finding": "findings",
    "sanction": "sanctions",
    "event": "events",
}
"""Each kind of vocabulary term and the list of ``vocabulary`` that declares it."""


def _shape(path: Path) -> tuple[str, ...]:
    """The keys on the way to ``path``, without list positions."""
    return tuple(part for part in path if isinstance(part, str))


def _lookup(kind: str, items: Any, base: Iterable[Term] = ()) -> Lookup:
    """A lookup over the terms as read (before validation, well-formed entries only), laid
    over the ``base`` layer's: a term replaces the base's of the same id, in its place."""
    own = terms_as_read(items)
    replaced: dict[str, Term] = {}
    for term in own:
        replaced.setdefault(term.id, term)
    merged = [replaced.pop(term.id, term) for term in base]
    merged.extend(term for term in own if term.id in replaced)
    return Lookup.build(kind, merged)


def terms_as_read(items: Any) -> list[Term]:
    """The well-formed terms of a vocabulary list as read (before validation), each with
    its label in the policy's own language."""
    terms: list[Term] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        term_id, label = item.get("id"), item.get("label")
        if isinstance(label, dict):  # a label given per language: its own-language text
            label = next((v for k, v in label.items() if str(k).lower() == "zh-hant"), None)
        aliases = item.get("aliases") or []
        if not (isinstance(term_id, str) and isinstance(label, str)):
            continue
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            aliases = []
        try:
            terms.append(Term.model_construct(id=term_id, label=label, aliases=tuple(aliases)))
        except Exception:  # pragma: no cover - model_construct does not validate
            continue
    return terms
