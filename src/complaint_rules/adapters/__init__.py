"""Adapters that run a policy's lifecycle inside other engines; each is optional.

- :mod:`complaint_rules.adapters.durable` — a durable_rules ruleset compiled from a
  policy, for hosts that stream case events (extra ``durable``; not on Python 3.13+).

Importing this package imports no adapter and no optional dependency.
"""

__all__: list[str] = []
