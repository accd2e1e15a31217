"""The optional dependency durable_rules, imported on first use, or a message saying how
to install it (and, on Python 3.13 and later, that it cannot be installed there)."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..errors import MissingExtraError

__all__ = ["Durable", "install_message", "load"]

INSTALL = (
    "complaint_rules.adapters.durable needs durable_rules: pip install 'complaint-rules[durable]'"
)


def install_message(version: tuple[int, ...] = tuple(sys.version_info[:2])) -> str:
    """What to do when durable_rules is missing, on the Python ``version`` given."""
    if tuple(version[:2]) < (3, 13):
        return INSTALL
    return (
        "complaint_rules.adapters.durable needs durable_rules, which does not build on Python "
        f"{version[0]}.{version[1]}: the 'durable' extra installs nothing there. Run the adapter "
        "on Python 3.11 or 3.12; the rest of complaint_rules works on this Python."
    )


@dataclass(frozen=True, slots=True)
class Durable:
    """The parts of durable_rules the adapter uses."""

    lang: ModuleType
    native: ModuleType
    host_class: type[Any]
    not_handled: type[Exception]


def load() -> Durable:
    """Import durable_rules, or raise :class:`MissingExtraError` saying how to get it."""
    try:
        engine = importlib.import_module("durable.engine")
        lang = importlib.import_module("durable.lang")
        native = importlib.import_module("durable_rules_engine")
    except ImportError as exc:
        raise MissingExtraError(install_message()) from exc

    class Host(engine.Host):  # type: ignore[misc,name-defined]  # durable has no type hints
        """A durable_rules host without its dispatcher threads: every action runs inside
        the ``post`` or ``assert_fact`` call that caused it, on the caller's thread."""

        def _run(self) -> None:  # durable starts two timer threads here; none are wanted
            return None

    return Durable(
        lang=lang,
        native=native,
        host_class=Host,
        not_handled=engine.MessageNotHandledException,
    )
