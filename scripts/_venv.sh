# Sourced by the scripts here: make .venv (Python 3.11+) and install the package into it.
# PYTHON picks the interpreter (default python3); VENV the directory (default .venv), so
# that several Pythons can be tested side by side (.ci/run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "complaint_rules needs Python 3.11 or later (found: $("$python" --version 2>&1))" >&2
  exit 2
fi
venv="${VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
# A regular (not editable) install: what is tested is what a wheel ships, policies included.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$1"
