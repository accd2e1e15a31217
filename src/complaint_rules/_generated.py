"""Running generated Python so that a traceback through it shows its source.

The engine writes some functions as Python text (a policy's conditions, its complaint
parser, the decision's JSON writer). :func:`run_source` compiles such text under a file
name made from the text's hash and registers the text in :mod:`linecache`, so tracebacks,
debuggers and ``inspect.getsource`` show the generated lines. Equal texts share one name
and one entry, so the cache grows with the number of distinct texts, not of compilations.
"""

from __future__ import annotations

import hashlib
import linecache
from typing import Any

__all__ = ["run_source"]


def run_source(source: str, label: str, namespace: dict[str, Any]) -> None:
    """Execute ``source`` in ``namespace`` as the file ``<generated LABEL HASH>``."""
    digest = hashlib.sha256(source.encode()).hexdigest()[:16]
    filename = f"<generated {label} {digest}>"
    if filename not in linecache.cache:
        # mtime None: linecache.checkcache() keeps the entry (there is no file to check).
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
