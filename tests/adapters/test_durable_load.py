"""Loading durable_rules, the optional dependency of the adapter, or saying how to get it."""

from __future__ import annotations

import sys

import pytest

from complaint_rules.adapters._durable_load import INSTALL, Durable, install_message, load
from complaint_rules.errors import MissingExtraError


def test_the_install_message_names_the_extra_and_python_3_13() -> None:
    assert install_message((3, 11)) == (
        "complaint_rules.adapters.durable needs durable_rules: "
        "pip install 'complaint-rules[durable]'"
    )
    assert install_message((3, 12)) == INSTALL
    assert install_message((3, 13)) == (
        "complaint_rules.adapters.durable needs durable_rules, which does not build on Python "
        "3.13: the 'durable' extra installs nothing there. Run the adapter on Python 3.11 or "
        "3.12; the rest of complaint_rules works on this Python."
    )


def test_the_message_is_for_the_running_python_by_default() -> None:
    expected = INSTALL if sys.version_info < (3, 13) else install_message((3, 13))
    assert install_message() == expected
    assert install_message((3, 14, 1)).startswith(
        "complaint_rules.adapters.durable needs durable_rules, which does not build on Python 3.14:"
    )


def test_without_durable_rules_loading_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "durable_rules_engine", None)
    with pytest.raises(MissingExtraError) as info:
        load()
    assert str(info.value) == install_message()
    assert isinstance(info.value.__cause__, ImportError)


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="durable_rules does not build on 3.13")
def test_the_parts_the_adapter_uses_and_a_host_without_threads() -> None:
    durable = load()
    assert isinstance(durable, Durable)
    assert durable.lang.__name__ == "durable.lang"
    assert durable.native.__name__ == "durable_rules_engine"
    assert issubclass(durable.not_handled, Exception)
    assert durable.not_handled.__name__ == "MessageNotHandledException"
    assert durable.host_class._run(object()) is None  # no dispatcher threads
