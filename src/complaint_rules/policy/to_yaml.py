"""Writing a policy model back as YAML text that the loader reads to an equal model.

Only the fields the model was given are written (so a layer that sets ``timezone`` to the
default still overrides its base), in the model's field order. Text that the strict reader
would take for another type (``yes``, ``2026-01-01``, ``09``) is quoted; money is a quoted
decimal; dates are plain ``YYYY-MM-DD``. The resolver is the reader's own, so what is
written plain is read back as the same type.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from .model import Policy
from .yaml_reader import _Resolver

__all__ = ["dump_policy"]


class _Dumper(
    yaml.emitter.Emitter,
    yaml.serializer.Serializer,
    yaml.representer.SafeRepresenter,
    _Resolver,
):
    """PyYAML's safe dumper, deciding plain or quoted with the strict reader's resolver."""

    def __init__(self, stream: Any, **kwargs: Any) -> None:
        yaml.emitter.Emitter.__init__(
            self,
            stream,
            canonical=None,
            indent=2,
            width=kwargs.get("width", 100),
            allow_unicode=True,
            line_break=None,
        )
        yaml.serializer.Serializer.__init__(self, encoding=None, explicit_start=False)
        yaml.representer.SafeRepresenter.__init__(self, default_flow_style=False, sort_keys=False)
        _Resolver.__init__(self)


def _plain(value: Any) -> Any:
    """Model dump values as YAML-ready data: sequences as lists, money as decimal text."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def dump_policy(policy: Policy) -> str:
    """``policy`` as YAML text; ``load_policy_text`` of it gives an equal model.

    >>> from complaint_rules.policy.model import Policy
    >>> print(dump_policy(Policy.model_validate({"schema": "complaint-rules/1", "id": "x",
    ...     "version": "1", "title": "t", "institution": "i", "source": "yes"})), end="")
    schema: complaint-rules/1
    id: x
    version: '1'
    title: t
    institution: i
    source: yes
    """
    if not isinstance(policy, Policy):
        raise TypeError(
            f"policy must be a complaint_rules.policy.model.Policy, not {type(policy).__name__}"
        )
    data = _plain(policy.model_dump(mode="python", by_alias=True, exclude_unset=True))
    text: str = yaml.dump(data, Dumper=_Dumper)
    return text
