"""The strict JSON reader and the problem document the service needs.

The library's own (``complaint_rules.decision.json_input.read_json`` and
``complaint_rules.errors.problem_document``) take these functions' place once they are
there; until then these are their plain forms, with the same signatures.
"""

from __future__ import annotations

import json
from typing import Any

from ..contract import PROBLEM
from ..errors import ComplaintError, InputError, Problem

__all__ = ["problem_document", "read_json"]

_TITLES: dict[int, dict[str, str]] = {
    400: {"en": "Bad request", "zh-Hant": "請求有誤", "zh-Hans": "请求有误"},
    401: {"en": "Unauthorized", "zh-Hant": "未經授權", "zh-Hans": "未经授权"},
    403: {"en": "Forbidden", "zh-Hant": "不允許", "zh-Hans": "不允许"},
    404: {"en": "Not found", "zh-Hant": "找不到", "zh-Hans": "找不到"},
    405: {"en": "Method not allowed", "zh-Hant": "不允許此方法", "zh-Hans": "不允许此方法"},
    413: {"en": "Content too large", "zh-Hant": "內容過大", "zh-Hans": "内容过大"},
    422: {"en": "Unprocessable content", "zh-Hant": "內容無法處理", "zh-Hans": "内容无法处理"},
    500: {"en": "Internal error", "zh-Hant": "內部錯誤", "zh-Hans": "内部错误"},
    503: {"en": "Service unavailable", "zh-Hant": "服務暫不可用", "zh-Hans": "服务暂不可用"},
}


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_json(data: str | bytes, *, where: str = "<input>") -> object:
    """``data`` as JSON: strict (no duplicate keys, no NaN or Infinity), numbers with a
    fraction kept as text (money); bad input raises :class:`ComplaintError`, located."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise ComplaintError(
            [Problem(f"not UTF-8 (byte {exc.start})", file=where, code="json.encoding")]
        ) from None
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicates, parse_float=str, parse_constant=_constant
        )
    except _Duplicate as exc:
        message = f"duplicate key {exc.args[0]!r}"
        raise ComplaintError([Problem(message, file=where, code="json.duplicate_key")]) from None
    except json.JSONDecodeError as exc:
        raise ComplaintError(
            [Problem(f"not JSON: {exc.msg}", file=where, line=exc.lineno, code="json.syntax")]
        ) from None
    except (ValueError, RecursionError) as exc:
        problem = Problem(f"not JSON: {exc}", file=where, code="json.syntax")
        raise ComplaintError([problem]) from None


def problem_document(
    error: InputError, *, status: int = 422, lang: str = "en"
) -> dict[str, object]:
    """``error`` as an RFC 9457 problem document (``application/problem+json``)."""
    problems: list[dict[str, object]] = [
        {
            "code": p.code or "input.invalid",
            "message": p.message,
            "file": p.file,
            "line": p.line,
            "column": None,
            "path": list(p.path),
        }
        for p in error.problems
    ]
    return {
        "schema": PROBLEM,
        "type": "about:blank",
        "title": _TITLES.get(status, _TITLES[422]).get(
            lang, _TITLES.get(status, _TITLES[422])["en"]
        ),
        "status": status,
        "detail": str(error.problems[0]) if len(error.problems) == 1 else str(error),
        "problems": problems,
    }
