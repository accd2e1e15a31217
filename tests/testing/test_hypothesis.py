"""The optional dependency: without hypothesis, the testing kit says how to install it."""

from __future__ import annotations

import subprocess
import sys

from complaint_rules.testing._hypothesis import INSTALL


def _subprocess(code: str) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_without_hypothesis_the_kit_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    from complaint_rules.testing import check_policy\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc)\n"
    )
    assert _subprocess(code) == (
        "complaint_rules.testing needs hypothesis: pip install 'complaint-rules[testing]'"
    )


def test_the_install_message_names_the_extra() -> None:
    assert (
        INSTALL
        == "complaint_rules.testing needs hypothesis: pip install 'complaint-rules[testing]'"
    )


def test_another_missing_module_is_not_taken_for_hypothesis() -> None:
    # Only hypothesis itself missing gives the install message; any other import error
    # (here one of hypothesis' own imports) is raised as it is.
    code = (
        "import sys; sys.modules['hypothesis.strategies'] = None\n"
        "try:\n"
        "    import complaint_rules.testing._hypothesis\n"
        "except ImportError as exc:\n"
        "    print(type(exc).__name__, 'install' in str(exc))\n"
    )
    assert _subprocess(code) == "ModuleNotFoundError False"
