"""What the tests share: the repository's root, local times, small policy texts and the
hypothesis profiles."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository's root (policies/, examples/, docs/ are under it)."""
