"""Benchmarks of complaint_rules against plain Python, zen-engine, durable_rules and holidays.

Not part of the test suite (pytest collects ``tests/`` only). Run them with ``scripts/bench``
(``--quick`` for a short run); results go to ``benchmarks/results/`` and are summarised in
``docs/performance.md``.
"""
