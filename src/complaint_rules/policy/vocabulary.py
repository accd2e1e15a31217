"""Looking up a vocabulary value by its id, its source label or another spelling."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Term

__all__ = ["Lookup", "normalise"]

_SHOWN = re.compile(r"[A-Za-z0-9_]{1,64}")
"""A name a message may repeat: anything else may be personal data or control bytes."""


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), trimmed, ASCII case folded."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


@dataclass(frozen=True)
class Lookup:
    """Every accepted spelling of one kind of vocabulary, mapped to the term."""

    kind: str
    terms: dict[str, Term]
    spellings: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, kind: str, terms: Iterable[Term]) -> Lookup:
        by_id: dict[str, Term] = {}
        spellings: dict[str, str] = {}
        for term in terms:
            by_id.setdefault(term.id, term)
            for spelling in (term.id, term.label, *term.aliases):
                spellings.setdefault(normalise(spelling), term.id)
        return cls(kind=kind, terms=by_id, spellings=spellings)

    def find(self, name: str) -> Term | None:
        found = self.spellings.get(normalise(name))
        return None if found is None else self.terms[found]

    def label(self, term_id: str) -> str:
        return self.terms[term_id].label

    def allowed(self) -> str:
        """``allowed: id (label), ...`` for messages."""
        return "allowed: " + ", ".join(f"{t.id} ({t.label})" for t in self.terms.values())

    def explain_unknown(self, name: str) -> str:
        """The message for an unknown value: allowed ids with labels, and the closest match."""
        match = difflib.get_close_matches(normalise(name), list(self.spellings), n=1, cutoff=0.5)
        hint = ""
        if match:
            term = self.terms[self.spellings[match[0]]]
            hint = f"; closest: {term.id} ({term.label})"
        # The name may be a host's data: repeated only if it looks like an id.
        shown = f" {name!r}" if _SHOWN.fullmatch(name) else ""
        return f"unknown {self.kind}{shown}; {self.allowed()}{hint}"
