"""Traditional → Simplified Chinese with OpenCC (config ``t2s``): the optional ``zh-hans`` extra.

OpenCC is imported only when a conversion is asked for; without it,
:class:`MissingExtraError` says how to install it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import MissingExtraError

__all__ = ["to_simplified"]

INSTALL_HINT = "Simplified Chinese output needs OpenCC: pip install 'complaint-rules[zh-hans]'"


def to_simplified(texts: Sequence[str]) -> list[str]:
    """Each text converted from Traditional to Simplified Chinese; ASCII is left as it is."""
    try:
        import opencc
    except ImportError as exc:
        raise MissingExtraError(INSTALL_HINT) from exc
    converter = opencc.OpenCC("t2s")
    return [converter.convert(text) for text in texts]
