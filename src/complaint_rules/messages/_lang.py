"""The languages the tools speak."""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh-Hant", "zh-Hans", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
