"""The wording of a policy's diagrams (``complaint-rules graph``): the words around the
source's labels — a rule's condition, the arrows' names.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_GRAPH: Mapping[str, Mapping[Lang, str]] = {
    "graph.when": {
        "zh-Hant": "適用於 {condition}",
        "zh-Hans": "适用于 {condition}",
        "en": "when {condition}",
    },
    "graph.every": {"zh-Hant": "每件投訴", "zh-Hans": "每件投诉", "en": "every complaint"},
    "graph.and": {"zh-Hant": " 並且 ", "zh-Hans": " 并且 ", "en": " and "},
    "graph.or": {"zh-Hant": " 或 ", "zh-Hans": " 或 ", "en": " or "},
    "graph.not": {"zh-Hant": "不是({inner})", "zh-Hans": "不是({inner})", "en": "not ({inner})"},
    "graph.not_in": {"zh-Hant": " 不是:", "zh-Hans": " 不是:", "en": " not:"},
    "graph.given": {
        "zh-Hant": "{label} 已提供",
        "zh-Hans": "{label} 已提供",
        "en": "{label} given",
    },
    "graph.not_given": {
        "zh-Hant": "{label} 未提供",
        "zh-Hans": "{label} 未提供",
        "en": "{label} not given",
    },
    "graph.from": {"zh-Hant": "來自 {layer}", "zh-Hans": "来自 {layer}", "en": "from {layer}"},
    "graph.discretionary": {
        "zh-Hant": "可(得為,非必為)",
        "zh-Hans": "可(得为,非必为)",
        "en": "可 (discretionary)",
    },
    "graph.true": {"zh-Hant": "是", "zh-Hans": "是", "en": "true"},
    "graph.false": {"zh-Hant": "否", "zh-Hans": "否", "en": "false"},
    "graph.edge.on": {"zh-Hant": "發生時", "zh-Hans": "发生时", "en": "on"},
    "graph.edge.missed": {"zh-Hant": "逾期", "zh-Hans": "逾期", "en": "missed"},
    "graph.edge.by": {"zh-Hant": "由", "zh-Hans": "由", "en": "by"},
    "graph.edge.to": {"zh-Hant": "給", "zh-Hans": "给", "en": "to"},
    "graph.edge.next": {"zh-Hant": "下一步", "zh-Hans": "下一步", "en": "next"},
    "graph.edge.reports_to": {"zh-Hant": "向上報告", "zh-Hans": "向上报告", "en": "reports_to"},
}
