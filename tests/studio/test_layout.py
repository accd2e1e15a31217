"""The layered layout: its geometry holds for any graph (drawn by hypothesis), and the same
graph gives the same layout."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_rules.studio.layout import Box, Layout, layered

Nodes = list[tuple[str, float, float]]
Edges = list[tuple[str, str, tuple[float, float] | None]]

EPS = 0.051  # coordinates are kept to a tenth


@st.composite
def graphs(draw: st.DrawFn, acyclic: bool = False) -> tuple[Nodes, Edges]:
    count = draw(st.integers(1, 12))
    sizes = st.tuples(st.integers(4, 160), st.integers(4, 70))
    nodes = [
        (f"n{i}", float(w), float(h))
        for i, (w, h) in enumerate(draw(st.lists(sizes, min_size=count, max_size=count)))
    ]
    pairs = st.tuples(st.integers(0, count - 1), st.integers(0, count - 1))
    if acyclic:
        pairs = pairs.filter(lambda p: p[0] < p[1])
    labels = st.none() | st.tuples(st.integers(6, 120), st.integers(6, 20)).map(
        lambda s: (float(s[0]), float(s[1]))
    )
    edges = [
        (f"n{a}", f"n{b}", label)
        for (a, b), label in draw(st.lists(st.tuples(pairs, labels), max_size=20))
    ]
    return nodes, edges


def _on_side(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    on_x = abs(x - box.x) <= EPS or abs(x - box.right) <= EPS
    return on_x and box.y - EPS <= y <= box.bottom + EPS


def _crosses(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Whether segment a-b enters the inside of ``box`` (shrunk by a little): clipping."""
    inner = (box.x + 0.5, box.y + 0.5, box.right - 0.5, box.bottom - 0.5)
    if inner[0] >= inner[2] or inner[1] >= inner[3]:
        return False
    low, high = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - inner[0]),
        (dx, inner[2] - a[0]),
        (-dy, a[1] - inner[1]),
        (dy, inner[3] - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return high - low > 1e-9


def check_geometry(nodes: Nodes, edges: Edges, layout: Layout) -> None:
    boxes = dict(layout.boxes)
    assert list(boxes) == [n[0] for n in nodes]
    for node_id, width, height in nodes:
        assert (boxes[node_id].width, boxes[node_id].height) == (width, height)
    labels = [e.label for e in layout.edges if e.label is not None]
    every = list(boxes.values()) + labels
    # No box covers another: neither two nodes, nor a node and a label, nor two labels.
    for a, b in itertools.combinations(every, 2):
        assert not a.overlaps(b), (a, b)
    for box in every:
        assert box.x >= 0 and box.right <= layout.width + EPS
        assert box.y >= 0 and box.bottom <= layout.height + EPS
    assert [e.index for e in layout.edges] == list(range(len(edges)))
    for placed, (source, target, label) in zip(layout.edges, edges, strict=True):
        assert (placed.source, placed.target) == (source, target)
        assert (placed.label is None) == (label is None)
        if label is not None and placed.label is not None:
            assert (placed.label.width, placed.label.height) == label
        # Each edge starts on its source's box and ends on its target's, on a side.
        assert _on_side(placed.points[0], boxes[source]), placed
        assert _on_side(placed.points[-1], boxes[target]), placed
        # ... and crosses no other box on its way.
        others = [
            box
            for box in every
            if box is not placed.label and box is not boxes[source] and box is not boxes[target]
        ]
        for start, end in itertools.pairwise(placed.points):
            for box in others:
                assert not _crosses(start, end, box), (placed, box)


@given(graphs())
def test_any_graph_is_laid_out_without_overlaps_and_with_edges_on_their_boxes(
    graph: tuple[Nodes, Edges],
) -> None:
    nodes, edges = graph
    check_geometry(nodes, edges, layered(nodes, edges))


@given(graphs(acyclic=True))
def test_an_acyclic_graph_runs_left_to_right(graph: tuple[Nodes, Edges]) -> None:
    nodes, edges = graph
    layout = layered(nodes, edges)
    for placed in layout.edges:
        assert layout.ranks[placed.source] < layout.ranks[placed.target]
        assert not placed.reversed
        assert placed.points[0][0] < placed.points[-1][0]  # left to right


def test_a_cycle_is_drawn_with_each_edge_from_its_source_to_its_target() -> None:
    nodes = [("a", 40.0, 20.0), ("b", 40.0, 20.0), ("c", 40.0, 20.0)]
    edges: Edges = [("a", "b", (20.0, 10.0)), ("b", "c", None), ("c", "a", (12.0, 10.0))]
    layout = layered(nodes, edges)
    check_geometry(nodes, edges, layout)
    assert layout.ranks == {"a": 0, "b": 1, "c": 2}
    back = layout.edges[2]
    assert back.reversed and [e.reversed for e in layout.edges] == [False, False, True]
    # c -> a runs right to left: out of c's left side into a's right side.
    assert back.points[0][0] == layout.boxes["c"].x
    assert back.points[-1][0] == layout.boxes["a"].right


def test_a_loop_leaves_and_enters_its_node_on_the_right() -> None:
    nodes = [("a", 40.0, 30.0), ("b", 30.0, 20.0)]
    edges: Edges = [("a", "a", (18.0, 10.0)), ("a", "b", None)]
    layout = layered(nodes, edges)
    check_geometry(nodes, edges, layout)
    loop = layout.edges[0]
    right = layout.boxes["a"].right
    assert loop.points[0][0] == right and loop.points[-1][0] == right
    assert loop.points[0][1] != loop.points[-1][1]


def test_longest_paths_rank_and_a_lone_source_stands_next_to_its_target() -> None:
    nodes = [(name, 20.0, 10.0) for name in "abcdr"]
    # a -> b -> c -> d, and r only starts d: r is ranked just before d, not at 0.
    edges: Edges = [("a", "b", None), ("b", "c", None), ("c", "d", None), ("r", "d", None)]
    layout = layered(nodes, edges)
    assert layout.ranks == {"a": 0, "b": 1, "c": 2, "d": 3, "r": 2}


def test_barycentre_ordering_removes_avoidable_crossings() -> None:
    # Given in the worst order: each source's target listed opposite it.
    nodes = [(n, 20.0, 10.0) for n in ("a", "b", "c", "z", "y", "x")]
    edges: Edges = [("a", "x", None), ("b", "y", None), ("c", "z", None)]
    layout = layered(nodes, edges)
    heights = {n: layout.boxes[n].cy for n, _, _ in nodes}
    order = sorted("abc", key=heights.__getitem__)
    assert [{"a": "x", "b": "y", "c": "z"}[s] for s in order] == sorted(
        "xyz", key=heights.__getitem__
    )


def test_unknown_or_repeated_nodes_are_refused() -> None:
    with pytest.raises(ValueError, match="no node 'q'"):
        layered([("a", 1.0, 1.0)], [("a", "q", None)])
    with pytest.raises(ValueError, match="given twice"):
        layered([("a", 1.0, 1.0), ("a", 2.0, 2.0)], [])


def test_the_same_graph_gives_the_same_layout() -> None:
    nodes = [(f"n{i}", 30.0 + i, 20.0) for i in range(8)]
    edges: Edges = [(f"n{i}", f"n{(i * 3 + 1) % 8}", (16.0, 10.0)) for i in range(8)]
    assert layered(nodes, edges) == layered(list(nodes), list(edges))
