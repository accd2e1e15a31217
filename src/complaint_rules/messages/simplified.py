"""Traditional → Simplified Chinese with OpenCC (config ``t2s``).

OpenCC is a dependency of the package: a policy's words are matched in either script
(:func:`matching_key`), and ``explain --lang zh-Hans`` converts the source's words. It is
imported only when a conversion is first asked for; if it is missing (a broken install),
:class:`MissingExtraError` says how to install it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import Any

from ..errors import MissingExtraError

__all__ = ["matching_key", "opencc_version", "to_simplified"]

MATCH_HINT = (
    "matching Traditional and Simplified Chinese needs OpenCC, a dependency of "
    "complaint-rules: pip install 'opencc>=1.1.6,<2'"
)


@functools.cache
def _converter() -> Any:
    try:
        import opencc
    except ImportError as exc:
        raise MissingExtraError(MATCH_HINT) from exc
    return opencc.OpenCC("t2s")


def opencc_version() -> str:
    """The installed OpenCC's version: which words match can change with it, so a decision
    names it."""
    _converter()
    import opencc

    return str(getattr(opencc, "__version__", "unknown"))


@functools.lru_cache(maxsize=65536)
def matching_key(text: str) -> str:
    """The form two spellings of one word share: NFKC (full-width letters and digits become
    ASCII), trimmed, case folded, and converted to Simplified Chinese, so that 被投訴單位
    and 被投诉单位 are one word."""
    plain = unicodedata.normalize("NFKC", text).strip().casefold()
    if plain.isascii():
        return plain
    return str(_converter().convert(plain))


def to_simplified(texts: Sequence[str]) -> list[str]:
    """Each text converted from Traditional to Simplified Chinese; ASCII is left as it is."""
    converter = _converter()
    return [text if text.isascii() else str(converter.convert(text)) for text in texts]
