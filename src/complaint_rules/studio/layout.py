"""A layered drawing of a directed graph, left to right, in plain Python (no Graphviz).

The Sugiyama method, for the small graphs of a policy (tens of nodes):

1. **Cycles**: a depth-first search in the nodes' order turns round each edge that
   closes a cycle, so that the rest can treat the graph as acyclic; such an edge is
   still drawn from its source to its target.
2. **Ranks**: the longest path from the sources, then each source moved up to the rank
   before its nearest successor, so that a role drawn only to start a step stands next
   to it.
3. **Lanes**: every edge is cut into one segment per column it crosses. Ranks are
   doubled, and the column between two ranks holds the edges' labels (a label is a box
   the layout places like a node, so that no label covers a box or another label) and a
   lane for each edge passing by.
4. **Order**: barycentre sweeps down and up the columns, each followed by swapping
   neighbours that cross less the other way round, keeping the order with the fewest
   crossings.
5. **Coordinates**: columns as wide as their widest box; in each column, the boxes in
   their order pulled towards the mean height of their neighbours (the closest
   placement that keeps the order and the gaps, by pool-adjacent-violators), a few
   times down and up.
6. **Edges**: polylines that run level through the columns (in their own lanes) and
   slant only in the gaps between columns, so no edge crosses a box; each leaves its
   source on the right side and enters its target on the left (the other way round for
   an edge that closes a cycle), at a port of its own on that side.

Everything is in the order given, and no set or hash is iterated, so the same graph
gives the same layout on every run.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Box", "Layout", "PlacedEdge", "Spacing", "layered"]

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """A rectangle: ``x``, ``y`` its top left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    def overlaps(self, other: Box) -> bool:
        """Whether the two share more than an edge."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


@dataclass(frozen=True)
class PlacedEdge:
    """An edge drawn: its points from the source's box to the target's, its label's box."""

    index: int
    """Its position among the edges given."""
    source: str
    target: str
    points: tuple[Point, ...]
    label: Box | None
    reversed: bool
    """It closes a cycle, so it runs against the columns (right to left)."""


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: Mapping[str, Box]
    """Each node's box, in the order given."""
    ranks: Mapping[str, int]
    """Each node's rank (column of nodes, from 0 at the left)."""
    edges: tuple[PlacedEdge, ...]


@dataclass(frozen=True)
class Spacing:
    margin: float = 8
    gap: float = 28
    """Between two columns: where edges slant."""
    node_gap: float = 14
    """Between two boxes of a column."""
    lane_gap: float = 6
    """Between an edge's lane and a box or another lane."""
    stub: float = 6
    """How far an edge runs level out of its source and into its target."""
    sweeps: int = 12
    """At most this many rounds of ordering (each down and up)."""


_REAL, _LABEL, _LANE = 0, 1, 2


def layered(
    nodes: Sequence[tuple[str, float, float]],
    edges: Sequence[tuple[str, str, tuple[float, float] | None]],
    spacing: Spacing = Spacing(),
) -> Layout:
    """Lay out ``nodes`` (id, width, height) and ``edges`` (source, target, the size of its
    label or None), left to right."""
    return _Layered(nodes, edges, spacing).run()


class _Layered:
    def __init__(
        self,
        nodes: Sequence[tuple[str, float, float]],
        edges: Sequence[tuple[str, str, tuple[float, float] | None]],
        spacing: Spacing,
    ) -> None:
        self.s = spacing
        self.ids = [n[0] for n in nodes]
        self.at: dict[str, int] = {}
        for i, node_id in enumerate(self.ids):
            if node_id in self.at:
                raise ValueError(f"node {node_id!r} is given twice")
            self.at[node_id] = i
        for source, target, _ in edges:
            for end in (source, target):
                if end not in self.at:
                    raise ValueError(f"edge {source!r} -> {target!r}: no node {end!r}")
        self.edges = list(edges)
        n = len(nodes)
        # Layout nodes: the real ones first, then labels and lanes as edges need them.
        self.width = [float(w) for _, w, _ in nodes]
        self.height = [float(h) for _, _, h in nodes]
        self.kind = [_REAL] * n
        self.column: list[int] = []
        self.pos: list[int] = []
        self.up: list[list[int]] = []
        self.down: list[list[int]] = []

    # -- 1. cycles --------------------------------------------------------------------------

    def turned(self) -> list[bool]:
        """Which edges close a cycle in a depth-first search in the nodes' order."""
        out: list[list[int]] = [[] for _ in self.ids]
        for e, (source, target, _) in enumerate(self.edges):
            if source != target:
                out[self.at[source]].append(e)
        turned = [False] * len(self.edges)
        state = [0] * len(self.ids)  # 0 new, 1 on the path, 2 done
        for root in range(len(self.ids)):
            if state[root]:
                continue
            state[root] = 1
            stack = [(root, 0)]
            while stack:
                v, k = stack[-1]
                if k == len(out[v]):
                    state[v] = 2
                    stack.pop()
                    continue
                stack[-1] = (v, k + 1)
                e = out[v][k]
                w = self.at[self.edges[e][1]]
                if state[w] == 1:
                    turned[e] = True
                elif state[w] == 0:
                    state[w] = 1
                    stack.append((w, 0))
        return turned

    # -- 2. ranks ---------------------------------------------------------------------------

    def ranks(self, arcs: list[tuple[int, int]]) -> list[int]:
        n = len(self.ids)
        succ: list[list[int]] = [[] for _ in range(n)]
        pred: list[list[int]] = [[] for _ in range(n)]
        for a, b in arcs:
            succ[a].append(b)
            pred[b].append(a)
        waiting = [len(p) for p in pred]
        ready = [v for v in range(n) if not waiting[v]]
        heapq.heapify(ready)
        order: list[int] = []
        while ready:
            v = heapq.heappop(ready)
            order.append(v)
            for w in succ[v]:
                waiting[w] -= 1
                if not waiting[w]:
                    heapq.heappush(ready, w)
        rank = [0] * n
        for v in order:
            for w in succ[v]:
                rank[w] = max(rank[w], rank[v] + 1)
        for v in reversed(order):
            if not pred[v] and succ[v]:
                rank[v] = min(rank[w] for w in succ[v]) - 1
        return rank

    # -- 3. lanes ---------------------------------------------------------------------------

    def add(self, kind: int, column: int, width: float = 0.0, height: float = 0.0) -> int:
        self.kind.append(kind)
        self.width.append(width)
        self.height.append(height)
        self.column.append(column)
        return len(self.kind) - 1

    # -- 4. order ---------------------------------------------------------------------------

    def crossings(self, columns: list[list[int]]) -> int:
        total = 0
        for k in range(len(columns) - 1):
            pairs = sorted((self.pos[a], self.pos[b]) for a in columns[k] for b in self.down[a])
            total += _inversions([b for _, b in pairs])
        return total

    def sweep(self, columns: list[list[int]], k: int, near: list[list[int]]) -> None:
        def key(v: int) -> tuple[float, int]:
            if not near[v]:
                return (float(self.pos[v]), self.pos[v])
            return (sum(self.pos[u] for u in near[v]) / len(near[v]), self.pos[v])

        columns[k] = sorted(columns[k], key=key)
        for i, v in enumerate(columns[k]):
            self.pos[v] = i

    def transpose(self, columns: list[list[int]]) -> None:
        def cost(v: int, w: int) -> int:
            c = 0
            for near in (self.up, self.down):
                for x in near[v]:
                    for y in near[w]:
                        c += self.pos[x] > self.pos[y]
            return c

        for _ in range(4):
            better = False
            for column in columns:
                for i in range(len(column) - 1):
                    v, w = column[i], column[i + 1]
                    if cost(w, v) < cost(v, w):
                        column[i], column[i + 1] = w, v
                        self.pos[v], self.pos[w] = i + 1, i
                        better = True
            if not better:
                return

    def order(self, columns: list[list[int]]) -> list[list[int]]:
        self.pos = [0] * len(self.kind)
        for column in columns:
            for i, v in enumerate(column):
                self.pos[v] = i
        best = [list(c) for c in columns]
        fewest = self.crossings(columns)
        stale = 0
        for _ in range(self.s.sweeps):
            if fewest == 0 or stale >= 3:
                break
            for k in range(1, len(columns)):
                self.sweep(columns, k, self.up)
            for k in range(len(columns) - 2, -1, -1):
                self.sweep(columns, k, self.down)
            self.transpose(columns)
            found = self.crossings(columns)
            if found < fewest:
                best, fewest, stale = [list(c) for c in columns], found, 0
            else:
                stale += 1
        for column in best:
            for i, v in enumerate(column):
                self.pos[v] = i
        return best

    # -- 5. coordinates ---------------------------------------------------------------------

    def separation(self, v: int, w: int) -> float:
        gap = self.s.node_gap if self.kind[v] != _LANE and self.kind[w] != _LANE else 0
        return self.height[v] / 2 + self.height[w] / 2 + (gap or self.s.lane_gap)

    def place(self, column: list[int], wanted: list[float], y: list[float]) -> None:
        """The centres closest to ``wanted`` (least squares) keeping order and gaps."""
        offsets = [0.0]
        for i in range(1, len(column)):
            offsets.append(offsets[-1] + self.separation(column[i - 1], column[i]))
        blocks: list[list[float]] = []  # [sum, count]
        for target, offset in zip(wanted, offsets, strict=True):
            blocks.append([target - offset, 1.0])
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
                total, count = blocks.pop()
                blocks[-1][0] += total
                blocks[-1][1] += count
        i = 0
        for total, count in blocks:
            for _ in range(int(count)):
                y[column[i]] = total / count + offsets[i]
                i += 1

    def heights(self, columns: list[list[int]]) -> list[float]:
        y = [0.0] * len(self.kind)
        for column in columns:
            if column:
                self.place(column, [0.0] * len(column), y)

        def pull(k: int, near: list[list[int]], both: bool = False) -> None:
            wanted = []
            for v in columns[k]:
                others = near[v] + (self.down[v] if both else [])
                wanted.append(sum(y[u] for u in others) / len(others) if others else y[v])
            self.place(columns[k], wanted, y)

        for _ in range(8):
            for k in range(1, len(columns)):
                pull(k, self.up)
            for k in range(len(columns) - 2, -1, -1):
                pull(k, self.down)
        for k in range(len(columns)):
            pull(k, self.up, both=True)
        return y

    # -- all --------------------------------------------------------------------------------

    def run(self) -> Layout:
        s = self.s
        n = len(self.ids)
        turned = self.turned()
        arcs = []
        for e, (source, target, _) in enumerate(self.edges):
            a, b = self.at[source], self.at[target]
            if a != b:
                arcs.append((b, a) if turned[e] else (a, b))
        rank = self.ranks(arcs)
        self.column = [2 * r for r in rank]
        chains: list[list[int]] = []
        for e, (source, target, label) in enumerate(self.edges):
            a, b = self.at[source], self.at[target]
            if turned[e]:
                a, b = b, a
            chain = [a]
            size = label or (0.0, 0.0)
            if a == b:
                chain.append(self.add(_LABEL, self.column[a] + 1, *size))
            else:
                for k in range(self.column[a] + 1, self.column[b]):
                    labelled = k == self.column[a] + 1 and label is not None
                    chain.append(self.add(_LABEL, k, *size) if labelled else self.add(_LANE, k))
                chain.append(b)
            chains.append(chain)
        count = max(self.column, default=-1) + 1
        columns: list[list[int]] = [[] for _ in range(count)]
        for v, k in enumerate(self.column):
            columns[k].append(v)
        self.up = [[] for _ in self.kind]
        self.down = [[] for _ in self.kind]
        for chain in chains:
            for a, b in itertools.pairwise(chain):
                self.down[a].append(b)
                self.up[b].append(a)
        columns = self.order(columns)
        y = self.heights(columns)

        # Columns left to right; boxes centred in theirs; the whole moved to the margin.
        widths = [max((self.width[v] for v in c), default=0.0) for c in columns]
        left = []
        x = s.margin
        for w in widths:
            left.append(x)
            x += w + s.gap
        top = min((y[v] - self.height[v] / 2 for v in range(len(self.kind))), default=0.0)
        boxes: list[Box] = []
        for v in range(len(self.kind)):
            k = self.column[v]
            boxes.append(
                Box(
                    _round(left[k] + (widths[k] - self.width[v]) / 2),
                    _round(y[v] - self.height[v] / 2 - top + s.margin),
                    self.width[v],
                    self.height[v],
                )
            )
        columns_at = [(left[k], left[k] + widths[k]) for k in range(len(columns))]
        ports = self.ports(chains, boxes)
        placed = []
        for e, chain in enumerate(chains):
            placed.append(self.edge(e, chain, turned[e], boxes, columns_at, ports))
        return Layout(
            width=_round(x - s.gap + s.margin) if columns else 2 * s.margin,
            height=_round(max((b.bottom for b in boxes), default=0.0) + s.margin),
            boxes={self.ids[v]: boxes[v] for v in range(n)},
            ranks={self.ids[v]: rank[v] for v in range(n)},
            edges=tuple(placed),
        )

    def ports(self, chains: list[list[int]], boxes: list[Box]) -> dict[tuple[int, int], float]:
        """The height where each edge leaves or enters a node's box, keyed (edge, 0) at the
        start of its chain and (edge, 1) at its end: one port each, spread along the side,
        in the order of the heights of the other ends."""
        right: list[list[tuple[float, int, int]]] = [[] for _ in self.ids]
        left: list[list[tuple[float, int, int]]] = [[] for _ in self.ids]
        for e, chain in enumerate(chains):
            a, b = chain[0], chain[-1]
            if self.edges[e][0] == self.edges[e][1]:  # out to its label and back, on the right
                right[a] += [(boxes[chain[1]].cy, e, 0), (boxes[chain[1]].cy, e, 1)]
            else:
                right[a].append((boxes[chain[1]].cy, e, 0))
                left[b].append((boxes[chain[-2]].cy, e, 1))
        out: dict[tuple[int, int], float] = {}
        for v in range(len(self.ids)):
            box = boxes[v]
            for side in (right[v], left[v]):
                side.sort()
                for j, (_, e, end) in enumerate(side):
                    out[(e, end)] = _round(box.y + box.height * (j + 1) / (len(side) + 1))
        return out

    def edge(
        self,
        e: int,
        chain: list[int],
        turned: bool,
        boxes: list[Box],
        columns: list[tuple[float, float]],
        ports: dict[tuple[int, int], float],
    ) -> PlacedEdge:
        loop = self.edges[e][0] == self.edges[e][1]
        a, b = chain[0], chain[-1]
        start, end = boxes[a], boxes[b]
        points: list[Point] = [
            (start.right, ports[(e, 0)]),
            (columns[self.column[a]][1], ports[(e, 0)]),
        ]
        label: Box | None = None
        for v in chain[1:] if loop else chain[1:-1]:
            lo, hi = columns[self.column[v]]
            if self.kind[v] == _LABEL and self.width[v] > 0:
                label = boxes[v]
            y = boxes[v].cy
            points += [(lo, y)] if loop else [(lo, y), (hi, y)]
        if loop:
            points += [(columns[self.column[a]][1], ports[(e, 1)]), (start.right, ports[(e, 1)])]
        else:
            points += [(columns[self.column[b]][0], ports[(e, 1)]), (end.x, ports[(e, 1)])]
        kept = [points[0]]
        for point in points[1:]:
            if point != kept[-1]:
                kept.append(point)
        if turned:
            kept.reverse()
        source, target, _ = self.edges[e]
        return PlacedEdge(e, source, target, tuple(kept), label, turned)


def _round(value: float) -> float:
    """To a tenth: what the drawing writes, so the geometry tested is the one drawn."""
    return round(value * 10) / 10


def _inversions(values: list[int]) -> int:
    """Pairs out of order (i < j, values[i] > values[j]), by a Fenwick tree."""
    if not values:
        return 0
    size = max(values) + 1
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        i = value + 1
        at_most = 0
        while i > 0:
            at_most += tree[i]
            i -= i & -i
        count += seen - at_most
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count
