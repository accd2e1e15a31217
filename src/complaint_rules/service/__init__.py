"""The decision service: the library's operations for hosts in any language.

Over HTTP and JSON (:mod:`.app`, a Starlette application served by uvicorn) and over JSON
lines on a pipe (:mod:`.stdio`), one contract: the operations of :mod:`.operations`, the
OpenAPI document of :mod:`.openapi` and the JSON Schemas of
:mod:`complaint_rules.toolkit.schemas`. The policies served are a :class:`.policies.PolicySet`,
replaced whole on reload (:class:`.policies.Policies`): a request holds the set it started
with, and a reload that fails keeps the old one.

Needs the extra ``server`` (Starlette, uvicorn, prometheus-client); nothing of the core
imports this room (import-linter holds it). ``complaint-rules serve`` starts it.
"""
