"""argparse's own words (``usage:``, the section headings, its usage errors) in the
officer's language.

argparse asks :mod:`gettext` for each of its texts through its module-level ``_`` and
``ngettext``; :func:`argparse_speaking` points them at the catalogue
(:data:`complaint_rules.messages._argparse.ARGPARSE`) while the command line is built and
its arguments parsed, and puts them back afterwards. The command line runs one parse at a
time in its process; the library itself never calls this.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from ..messages._argparse import ARGPARSE
from ..messages.catalogue import MESSAGES, Lang

__all__ = ["argparse_speaking", "argparse_text"]


def argparse_text(message: str, lang: Lang) -> str:
    """argparse's ``message`` (its gettext id) in ``lang``; one it has no wording for as is."""
    code = ARGPARSE.get(message)
    return message if code is None or lang == "en" else MESSAGES[code][lang]


@contextmanager
def argparse_speaking(lang: Lang) -> Iterator[None]:
    """Within the block, argparse words its usage, headings and errors in ``lang``."""
    if lang == "en":
        yield
        return

    def gettext(message: str) -> str:
        return argparse_text(message, lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return argparse_text(singular if n == 1 else plural, lang)

    hooks = vars(argparse)  # argparse's module globals: its own hook, there is no public one
    saved = hooks["_"], hooks["ngettext"]
    hooks["_"], hooks["ngettext"] = gettext, ngettext
    try:
        yield
    finally:
        hooks["_"], hooks["ngettext"] = saved
