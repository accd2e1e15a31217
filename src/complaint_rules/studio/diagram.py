"""A policy graph (:mod:`complaint_rules.toolkit.graph`) drawn as inline SVG.

The boxes are sized from their text, a full-width (CJK) character counting as two
half-width ones; :mod:`.layout` places them; the SVG is written with every number to a
tenth and every text escaped, in the graph's order, so the same graph gives the same
bytes. The SVG has no namespace declaration and no font: it is meant to sit inside an
HTML page (which gives it both), and it needs no script.
"""

from __future__ import annotations

import html
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..toolkit.graph import Edge, Graph, Node, wrap
from .layout import Box, Layout, PlacedEdge, layered

__all__ = ["Drawing", "draw", "svg", "text_width"]

FONT = 13.0
"""The size of a node's label, in px."""
SMALL = 11.0
"""The size of a node's id line and of an edge's label."""
LINE = 17.0
SMALL_LINE = 14.0
PAD_X, PAD_Y = 8.0, 5.0

_FILL = {
    "role": ("#ffffff", "#3d4a5c"),
    "rule": ("#e8f0fe", "#4a6fa5"),
    "step": ("#fff4d6", "#b8860b"),
    "received": ("#eeeeee", "#777777"),
    "deadline": ("#fde2e1", "#b03a2e"),
    "event": ("#eeeeee", "#777777"),
}
_RADIUS = {"step": 8.0, "received": 14.0, "event": 3.0}
_EDGE = {"next": ' stroke-width="2.2"', "reports_to": ' stroke-dasharray="5 3"'}


def text_width(text: str, size: float) -> float:
    """An estimate of the width of ``text`` at ``size`` px: a full-width character (CJK,
    full-width punctuation) is as wide as two half-width ones, each about 0.55 em."""
    units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return units * size * 0.55


@dataclass(frozen=True)
class _Shown:
    node: Node
    lines: tuple[str, ...]
    small: tuple[str, ...]
    width: float
    height: float


PORT = 7.0
"""The least room an edge's end has along a side of a box."""


def _shown(node: Node, ends: int = 0) -> _Shown:
    """How a node is drawn: its text, and a box to hold it and ``ends`` edge ends on a side."""
    lines = tuple(wrap(node.label, 16))
    small = tuple(wrap(node.detail[0], 30, at_punctuation=False)) if node.detail else ()
    widest = max([text_width(t, FONT) for t in lines] + [text_width(t, SMALL) for t in small])
    width = float(math.ceil(widest + 2 * PAD_X))
    height = float(math.ceil(len(lines) * LINE + len(small) * SMALL_LINE + 2 * PAD_Y))
    return _Shown(node, lines, small, width, max(height, (ends + 1) * PORT))


@dataclass(frozen=True)
class Drawing:
    """A graph laid out: what :func:`svg` writes, and what the tests measure."""

    graph: Graph
    edges: tuple[Edge, ...]
    """The graph's edges, parallel ones (same source and target) made one."""
    labels: tuple[str, ...]
    """Each edge's label as drawn."""
    layout: Layout
    shown: tuple[_Shown, ...]
    """Each node's text and box size, in the graph's order."""


def draw(graph: Graph, edge_label: Callable[[Edge], str] | None = None) -> Drawing:
    """Lay ``graph`` out; ``edge_label`` words each edge (default: its own label)."""
    merged: dict[tuple[str, str], list[Edge]] = {}
    for edge in graph.edges:
        merged.setdefault((edge.source, edge.target), []).append(edge)
    edges = tuple(group[0] for group in merged.values())
    words = edge_label or (lambda e: e.label)
    labels = tuple(
        " / ".join(dict.fromkeys(words(e) for e in group if words(e))) for group in merged.values()
    )
    ends = {n.id: [0, 0] for n in graph.nodes}
    for edge in edges:
        ends[edge.source][0] += 1
        ends[edge.target][1] += 1
    shown = [_shown(n, max(ends[n.id])) for n in graph.nodes]
    layout = layered(
        [(s.node.id, s.width, s.height) for s in shown],
        [
            (e.source, e.target, _label_size(text) if text else None)
            for e, text in zip(edges, labels, strict=True)
        ],
    )
    return Drawing(graph, edges, labels, layout, tuple(shown))


def _label_size(text: str) -> tuple[float, float]:
    return (float(math.ceil(text_width(text, SMALL) + 8)), 16.0)


def _n(value: float) -> str:
    """A coordinate to a tenth, without a trailing .0."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _points(points: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _arrow(edge: PlacedEdge) -> str:
    (x0, y0), (x1, y1) = edge.points[-2], edge.points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - 8 * dx, y1 - 8 * dy
    wing = ((bx - 4 * dy, by + 4 * dx), (x1, y1), (bx + 4 * dy, by - 4 * dx))
    return f'<polygon points="{_points(wing)}" fill="#5b6675" stroke="none"/>'


def svg(
    drawing: Drawing,
    *,
    title: str,
    description: str = "",
    ident: str = "diagram",
    href: Callable[[Node], str | None] | None = None,
) -> str:
    """The drawing as an ``<svg>`` element: a title and description for assistive
    technology (``ident`` makes their ids unique in the page), each node a link where
    ``href`` gives one."""
    layout = drawing.layout
    out = [
        f'<svg class="diagram" viewBox="0 0 {_n(layout.width)} {_n(layout.height)}" '
        f'width="{_n(layout.width)}" height="{_n(layout.height)}" role="img" '
        f'aria-labelledby="{_e(ident)}-title{f" {_e(ident)}-desc" if description else ""}">',
        f'<title id="{_e(ident)}-title">{_e(title)}</title>',
    ]
    if description:
        out.append(f'<desc id="{_e(ident)}-desc">{_e(description)}</desc>')
    out.append('<g class="edges" fill="none" stroke="#5b6675" stroke-width="1.2">')
    for placed in layout.edges:
        edge = drawing.edges[placed.index]
        style = _EDGE.get(edge.kind, "")
        out.append(
            f'<g class="edge edge-{_e(edge.kind)}"><polyline points="{_points(placed.points)}"'
            f"{style}/>{_arrow(placed)}</g>"
        )
    out.append("</g>")
    out.append(f'<g class="edge-labels" font-size="{_n(SMALL)}" fill="#333333">')
    for placed in layout.edges:
        if placed.label is not None:
            out.append(_edge_label(placed.label, drawing.labels[placed.index]))
    out.append("</g>")
    out.append('<g class="nodes">')
    for shown in drawing.shown:
        link = href(shown.node) if href else None
        out.append(_node(shown, layout.boxes[shown.node.id], f"{ident}-{shown.node.id}", link))
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _edge_label(box: Box, text: str) -> str:
    return (
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" '
        f'height="{_n(box.height)}" rx="3" fill="#ffffff" fill-opacity="0.9"/>'
        f'<text x="{_n(box.cx)}" y="{_n(box.y + 12)}" text-anchor="middle">{_e(text)}</text>'
    )


def _node(shown: _Shown, box: Box, ident: str, href: str | None) -> str:
    node = shown.node
    fill, stroke = _FILL.get(node.kind, ("#ffffff", "#3d4a5c"))
    radius = _RADIUS.get(node.kind, 0.0)
    parts = [
        f'<g class="node node-{_e(node.kind)}" id="{_e(ident)}">',
        f"<title>{_e(' · '.join((node.label, *node.detail)))}</title>",
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" '
        f'height="{_n(box.height)}" rx="{_n(radius)}" fill="{fill}" stroke="{stroke}"/>',
    ]
    y = box.cy - (len(shown.lines) * LINE + len(shown.small) * SMALL_LINE) / 2
    for line in shown.lines:
        parts.append(
            f'<text x="{_n(box.cx)}" y="{_n(y + 13)}" text-anchor="middle" '
            f'font-size="{_n(FONT)}" fill="#1a1a1a">{_e(line)}</text>'
        )
        y += LINE
    for line in shown.small:
        parts.append(
            f'<text x="{_n(box.cx)}" y="{_n(y + 11)}" text-anchor="middle" '
            f'font-size="{_n(SMALL)}" fill="#555555">{_e(line)}</text>'
        )
        y += SMALL_LINE
    parts.append("</g>")
    body = "".join(parts)
    return f'<a href="{_e(href)}">{body}</a>' if href else body
