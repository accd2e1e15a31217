"""A policy's escalation paths and routing as a graph, drawn as Mermaid or Graphviz DOT.

Escalation: each step is a node between its trigger (receipt, a missed deadline with its
label and period, or an event), the roles it is ``by`` and the roles it goes ``to``;
``next`` links the steps of a chain. An action that follows an event and goes ``to``
roles is drawn the same way, as an action node. An edge to any one of several roles
(``by_any``, ``to_any``) is labelled 或; a discretionary step (「可」) says so. Routing:
each rule that assigns duties is a node carrying its condition in the source's words,
with an edge per duty to the role (to each of ``or_roles`` too, labelled 或); roles link
to the role they ``reports_to``; each declared conflict is a node linked to the roles
that cannot hold its duty together.

Labels are the source's Chinese followed by the ASCII id; node ids are ASCII. Everything
is in the policy's order, so the same policy gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..messages.catalogue import WORDS, Lang, say
from ..messages.phrases import PHRASES
from ..policy.compiled import CompiledPolicy, CompiledRule
from ..policy.model import Deadline, Escalation, Period

__all__ = [
    "Edge",
    "Graph",
    "Node",
    "View",
    "condition_text",
    "dot_text",
    "mermaid_text",
    "policy_graph",
    "to_dot",
    "to_json",
    "to_mermaid",
    "wrap",
]

View = Literal["all", "escalation", "routing"]
_ZH = PHRASES["zh-Hant"]


@dataclass(frozen=True)
class Node:
    """One box: ``kind`` is role, rule, step (of escalation), action (after an event),
    received, deadline, event or conflict."""

    id: str
    kind: str
    ref: str
    label: str
    detail: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    """An arrow: ``kind`` is on, missed, by, to, next, duty, reports_to or conflict."""

    source: str
    target: str
    kind: str
    label: str


@dataclass(frozen=True)
class Graph:
    policy: str
    view: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass
class _Builder:
    policy: CompiledPolicy
    lang: Lang = "en"
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def node(self, kind: str, ref: str, label: str, *detail: str) -> str:
        node_id = f"{kind}_{_ascii(ref)}"
        self.nodes.setdefault(node_id, Node(node_id, kind, ref, label, tuple(detail)))
        return node_id

    def edge(self, source: str, target: str, kind: str, label: str) -> None:
        self.edges.setdefault((source, target, label), Edge(source, target, kind, label))

    def say(self, code: str, **args: object) -> str:
        return say(code, self.lang, **args)

    def role(self, role_id: str) -> str:
        term = self.policy.roles.terms.get(role_id)
        return self.node("role", role_id, term.label if term else role_id, role_id)


def _ascii(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


def _period_text(period: Period) -> str:
    """``3個工作日``, ``7至10個工作日``, ``當月月底``: the period in the source's terms."""
    return _ZH.period(period.unit, *period.bounds)


def _deadline_text(policy: CompiledPolicy, deadline: Deadline) -> str:
    facts = {f.id: f.label for f in policy.policy.facts}
    if deadline.within is None:
        names = "、".join(facts.get(u, u) for u in deadline.until)
        return f"至 {names} (最早者)"
    start = (
        ""
        if deadline.starts == "received"
        else f"自{facts.get(deadline.starts, deadline.starts)}起 "
    )
    return start + _period_text(deadline.within)


def condition_text(
    policy: CompiledPolicy, cond: Mapping[str, Any] | None, lang: Lang = "en"
) -> str:
    """A condition with the source's labels for ids, e.g. ``channel: 信件投訴 / 媒體投訴``
    (``渠道: 信件投訴 / 媒體投訴`` in Chinese)."""
    if not cond:
        return say("graph.every", lang)
    return say("graph.and", lang).join(
        _part(policy, key, value, lang) for key, value in cond.items()
    )


def _part(policy: CompiledPolicy, key: str, value: Any, lang: Lang) -> str:
    if key in ("all", "any"):
        inner = say("graph.and" if key == "all" else "graph.or", lang).join(
            f"({condition_text(policy, c, lang)})"
            if len(c) > 1
            else condition_text(policy, c, lang)
            for c in value
        )
        return f"({inner})" if len(value) > 1 else inner
    if key == "not":
        return say("graph.not", lang, inner=condition_text(policy, value, lang))
    lookups = {
        "channel": policy.channels,
        "category": policy.categories,
        "level": policy.levels,
        "finding": policy.findings,
    }
    if key in lookups:
        terms = lookups[key].terms

        def names(ids: Any) -> str:
            items = ids if isinstance(ids, list) else [ids]
            return " / ".join(terms[i].label if i in terms else str(i) for i in items)

        word = key if lang == "en" else WORDS[key][lang]
        if not isinstance(value, Mapping):
            return f"{word}: {names(value)}"
        ((op, arg),) = value.items()
        not_in = say("graph.not_in", lang)
        sign = {"in": ":", "not_in": not_in, "at_least": " ≥", "at_most": " ≤"}[op]
        return f"{word}{sign} {names(arg)}"
    label = next((f.label for f in policy.policy.facts if f.id == key), key)
    if not isinstance(value, Mapping):
        value = {"eq": value}
    ((op, arg),) = value.items()
    if op == "given":
        return say("graph.given" if arg else "graph.not_given", lang, label=label)
    shown = say(f"graph.{str(arg).lower()}", lang) if isinstance(arg, bool) else str(arg)
    sign = {"eq": "=", "ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[op]
    return f"{label} {sign} {shown}"


def _origin(b: _Builder, rule: CompiledRule) -> list[str]:
    """The rule's condition, and the layer it comes from if not the policy's own."""
    when = [b.say("graph.when", condition=condition_text(b.policy, rule.rule.when, b.lang))]
    return when + ([b.say("graph.from", layer=rule.layer)] if rule.layer != b.policy.id else [])


def _escalations(b: _Builder) -> None:
    policy = b.policy
    deadlines = {d.id: d for r in policy.rules for d in r.rule.deadlines}
    steps: dict[str, Escalation] = {}
    for rule in policy.rules:
        for esc in rule.rule.escalations:
            steps[esc.id] = esc
            origin = _origin(b, rule)[0 if rule.rule.when else 1 :]
            article = esc.article or rule.rule.article
            may = [b.say("graph.discretionary")] if esc.discretionary else []
            step = b.node("step", esc.id, esc.label, f"{esc.id} · {article}", *origin, *may)
            if esc.on == "received":
                trigger = b.node("received", "received", _ZH.t["received"], "received")
                b.edge(trigger, step, "on", b.say("graph.edge.on"))
            elif esc.on == "deadline_missed" and esc.deadline in deadlines:
                d = deadlines[esc.deadline]
                text = f"{d.id} · {_deadline_text(policy, d)}"
                deadline = b.node("deadline", d.id, d.label, text)
                b.edge(deadline, step, "missed", b.say("graph.edge.missed"))
            else:
                term = policy.events.terms.get(esc.on)
                event = b.node("event", esc.on, term.label if term else esc.on, esc.on)
                b.edge(event, step, "on", b.say("graph.edge.on"))
            _by_to(b, step, esc.by, esc.by_any, esc.to, esc.to_any)
        for act in rule.rule.actions:
            if act.on is None or not act.to:
                continue
            origin = _origin(b, rule)[0 if rule.rule.when else 1 :]
            article = act.article or rule.rule.article
            may = [b.say("graph.discretionary")] if act.discretionary else []
            node = b.node("action", act.id, act.label, f"{act.id} · {article}", *origin, *may)
            term = policy.events.terms.get(act.on)
            event = b.node("event", act.on, term.label if term else act.on, act.on)
            b.edge(event, node, "on", b.say("graph.edge.on"))
            _by_to(b, node, act.by, act.by_any, act.to, act.to_any)
    for esc in steps.values():
        if esc.next is not None and esc.next in steps:
            next_step = f"step_{_ascii(esc.next)}"
            b.edge(f"step_{_ascii(esc.id)}", next_step, "next", b.say("graph.edge.next"))


def _by_to(
    b: _Builder,
    node: str,
    by: tuple[str, ...],
    by_any: bool,
    to: tuple[str, ...],
    to_any: bool,
) -> None:
    """Edges from the roles a step is by and to the roles it goes to (或: any one of them)."""
    by_word, to_word = b.say("graph.edge.by"), b.say("graph.edge.to")
    for role in by:
        b.edge(b.role(role), node, "by", f"{by_word} 或" if by_any else by_word)
    for role in to:
        b.edge(node, b.role(role), "to", f"{to_word} 或" if to_any else to_word)


def _routing(b: _Builder) -> None:
    policy = b.policy
    for rule in policy.rules:
        if not rule.rule.routing:
            continue
        label = rule.rule.title or rule.rule.id
        head = f"{rule.rule.id} · {rule.rule.article}"
        node = b.node("rule", rule.rule.id, label, head, *_origin(b, rule))
        for assignment in rule.rule.routing:
            duty = f"{_ZH.duties.get(assignment.duty, assignment.duty)} {assignment.duty}"
            if assignment.or_roles:
                duty += " 或"
            for holder in (assignment.role, *assignment.or_roles):
                b.edge(node, b.role(holder), "duty", duty)
    for role in policy.policy.vocabulary.roles:
        if role.reports_to is not None:
            reports = b.say("graph.edge.reports_to")
            b.edge(b.role(role.id), b.role(role.reports_to), "reports_to", reports)
    for declared in policy.conflicts:
        c = declared.conflict
        duty = f"{_ZH.duties.get(c.duty, c.duty)} {c.duty}"
        node = b.node("conflict", c.id, c.text, f"{c.id} · {c.article}", f"不能同時 {duty}")
        for holder in c.roles:
            b.edge(node, b.role(holder), "conflict", duty)


def policy_graph(policy: CompiledPolicy, view: View = "all", lang: Lang = "en") -> Graph:
    """The escalation paths and/or routing of ``policy`` (the merged layers); the words
    around the source's labels (a condition, the arrows) in ``lang``."""
    if view not in ("all", "escalation", "routing"):
        raise ValueError(f"view is all, escalation or routing, not {view!r}")
    b = _Builder(policy, lang)
    if view in ("all", "escalation"):
        _escalations(b)
    if view in ("all", "routing"):
        _routing(b)
    return Graph(policy.id, view, tuple(b.nodes.values()), tuple(b.edges.values()))


# --- drawing ------------------------------------------------------------------------------

_BREAK_AFTER = frozenset("\uff0c,\u3001\u3002\uff1b;\uff1a:\uff09)")


def wrap(text: str, width: int = 18, *, at_punctuation: bool = True) -> list[str]:
    """Lines of at most ``width`` characters (a longer word stays whole). Source text
    (``at_punctuation``) breaks between any two Chinese characters, preferably after
    punctuation once a line is half full; other text breaks only at spaces."""
    lines: list[str] = []
    current = ""
    words = r"[A-Za-z0-9_.\-/]+|\s+|." if at_punctuation else r"\S+|\s+"
    for token in re.findall(words, " ".join(text.split())):
        if current.strip() and len(current) + len(token.rstrip()) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = (current + token).lstrip()
        if at_punctuation and token in _BREAK_AFTER and len(current) >= width // 2:
            lines.append(current.rstrip())
            current = ""
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def _lines(node: Node) -> list[str]:
    details = (line for d in node.detail for line in wrap(d, 40, at_punctuation=False))
    return [*wrap(node.label), *details]


_MERMAID_ENTITIES = {
    "#": "#35;",
    "&": "#amp;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "|": "#124;",
    "`": "#96;",
}


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: markup characters as entity codes."""
    return "".join(_MERMAID_ENTITIES.get(ch, ch) for ch in text)


_MERMAID_SHAPES = {
    "role": ('["', '"]'),
    "rule": ('[/"', '"/]'),
    "step": ('("', '")'),
    "received": ('(["', '"])'),
    "deadline": ('{{"', '"}}'),
    "event": ('>"', '"]'),
    "action": ('("', '")'),
    "conflict": ('{{"', '"}}'),
}
_MERMAID_ARROWS = {"next": "==>", "reports_to": "-.->", "conflict": "-.-"}
_MERMAID_STYLES = {
    "step": "fill:#fff4d6,stroke:#b8860b",
    "action": "fill:#e6f4ea,stroke:#2e7d32",
    "conflict": "fill:#fde2e1,stroke:#b03a2e",
    "rule": "fill:#e8f0fe,stroke:#4a6fa5",
    "received": "fill:#eeeeee,stroke:#777777",
    "deadline": "fill:#fde2e1,stroke:#b03a2e",
    "event": "fill:#eeeeee,stroke:#777777",
}


def to_mermaid(graph: Graph, direction: str = "LR") -> str:
    """A Mermaid flowchart; labels quoted, markup characters escaped as entity codes."""
    out = [f"flowchart {direction}"]
    if not graph.nodes:
        out.append('  empty["(nothing to draw)"]')
    for node in graph.nodes:
        opening, closing = _MERMAID_SHAPES.get(node.kind, ('["', '"]'))
        text = "<br/>".join(mermaid_text(line) for line in _lines(node))
        out.append(f"  {node.id}{opening}{text}{closing}")
    for edge in graph.edges:
        arrow = _MERMAID_ARROWS.get(edge.kind, "-->")
        out.append(f'  {edge.source} {arrow}|"{mermaid_text(edge.label)}"| {edge.target}')
    kinds = sorted({n.kind for n in graph.nodes} & set(_MERMAID_STYLES))
    for kind in kinds:
        out.append(f"  classDef {kind} {_MERMAID_STYLES[kind]}")
        members = ",".join(n.id for n in graph.nodes if n.kind == kind)
        out.append(f"  class {members} {kind}")
    return "\n".join(out) + "\n"


def dot_text(text: str) -> str:
    """Text safe inside a double-quoted DOT string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


_DOT_SHAPES = {
    "role": "shape=box",
    "rule": 'shape=parallelogram, style=filled, fillcolor="#e8f0fe"',
    "step": 'shape=box, style="rounded,filled", fillcolor="#fff4d6"',
    "received": 'shape=oval, style=filled, fillcolor="#eeeeee"',
    "deadline": 'shape=hexagon, style=filled, fillcolor="#fde2e1"',
    "event": 'shape=cds, style=filled, fillcolor="#eeeeee"',
    "action": 'shape=box, style="rounded,filled", fillcolor="#e6f4ea"',
    "conflict": 'shape=octagon, style=filled, fillcolor="#fde2e1"',
}
_DOT_EDGES = {
    "next": ", style=bold",
    "reports_to": ", style=dashed",
    "conflict": ", style=dashed, arrowhead=none",
}


def to_dot(graph: Graph) -> str:
    """A Graphviz digraph; every id and label double-quoted and escaped."""
    out = [
        f'digraph "{dot_text(graph.policy)}" {{',
        "  rankdir=LR;",
        '  node [fontsize=10, fontname="sans-serif"];',
        '  edge [fontsize=9, fontname="sans-serif"];',
    ]
    for node in graph.nodes:
        text = "\\n".join(dot_text(line) for line in _lines(node))
        shape = _DOT_SHAPES.get(node.kind, "shape=box")
        out.append(f'  "{node.id}" [label="{text}", {shape}];')
    for edge in graph.edges:
        extra = _DOT_EDGES.get(edge.kind, "")
        out.append(f'  "{edge.source}" -> "{edge.target}" [label="{dot_text(edge.label)}"{extra}];')
    out.append("}")
    return "\n".join(out) + "\n"


def to_json(graph: Graph) -> dict[str, Any]:
    """The graph as plain data: nodes and edges in order."""
    return {
        "policy": graph.policy,
        "view": graph.view,
        "nodes": [
            {"id": n.id, "kind": n.kind, "ref": n.ref, "label": n.label, "detail": list(n.detail)}
            for n in graph.nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "kind": e.kind, "label": e.label}
            for e in graph.edges
        ],
    }
