"""Policy graphs drawn as SVG: text sized with full-width characters counted double, every
label escaped, the same bytes on every run, and one bundled diagram held to a golden file.

When a change to the drawing is intended, regenerate the golden file and look at it:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/studio/test_diagram.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from complaint_rules import Catalog
from complaint_rules.studio.diagram import FONT, PAD_X, draw, svg, text_width
from complaint_rules.studio.pages import diagram
from complaint_rules.toolkit.graph import Edge, Graph, Node, policy_graph
from tests.studio.test_layout import check_geometry

GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"


def parse(drawn: str) -> ET.Element:
    """The SVG as XML (it is written for an HTML page, so without its namespace)."""
    return ET.fromstring(drawn.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_a_full_width_character_is_as_wide_as_two_half_width_ones() -> None:
    assert text_width("ab", 10) == pytest.approx(11.0)
    assert text_width("投訴", 10) == pytest.approx(22.0)
    assert text_width("，", 10) == text_width("ab", 10)  # full-width punctuation
    assert text_width("第3條", 10) == pytest.approx(27.5)


@pytest.mark.parametrize("view", ["escalation", "routing"])
def test_every_bundled_diagram_keeps_the_geometry(catalog: Catalog, view: str) -> None:
    for policy_id in catalog.ids():
        drawing = draw(policy_graph(catalog.load(policy_id), view))  # type: ignore[arg-type]
        layout = drawing.layout
        nodes = [(s.node.id, s.width, s.height) for s in drawing.shown]
        edges = [
            (e.source, e.target, None if p.label is None else (p.label.width, p.label.height))
            for e, p in zip(drawing.edges, layout.edges, strict=True)
        ]
        check_geometry(nodes, edges, layout)
        for shown in drawing.shown:
            # The box holds its longest line of text.
            widest = max(text_width(line, FONT) for line in shown.lines)
            assert layout.boxes[shown.node.id].width >= widest + 2 * PAD_X


def test_parallel_edges_are_drawn_once_with_both_labels() -> None:
    graph = Graph(
        "p",
        "routing",
        (Node("r", "rule", "r", "規則"), Node("a", "role", "a", "角色")),
        (Edge("r", "a", "duty", "受理 accepts"), Edge("r", "a", "duty", "處理 handles")),
    )
    drawing = draw(graph)
    assert drawing.labels == ("受理 accepts / 處理 handles",)
    assert len(drawing.layout.edges) == 1


HOSTILE = '<script>alert("x")</script> & ]]> \' --> <!-- {{x}}'


def test_hostile_labels_are_escaped() -> None:
    graph = Graph(
        "p",
        "escalation",
        (
            Node("s", "step", "s", HOSTILE, (HOSTILE,)),
            Node("t", "role", "t", "上級 <b>", ()),
        ),
        (Edge("s", "t", "to", HOSTILE),),
    )
    drawn = svg(draw(graph), title=HOSTILE, description=HOSTILE, ident="x")
    assert "<script" not in drawn and "<b>" not in drawn and "<!--" not in drawn
    root = parse(drawn)  # well-formed: nothing the labels hold broke out of its element
    assert root.findtext(f"{SVG}title") == HOSTILE
    assert root.findtext(f"{SVG}desc") == HOSTILE
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert HOSTILE in texts  # the edge's label, whole
    assert "上級 <b>" in texts
    # A node's text is wrapped onto lines, but every character of it is there.
    node = root.find(f".//{SVG}g[@id='x-s']")
    assert node is not None
    assert node.findtext(f"{SVG}title") == f"{HOSTILE} · {HOSTILE}"


def test_nodes_link_to_their_rows_and_ids_are_unique_per_diagram(catalog: Catalog) -> None:
    policy = catalog.load("keyouqianqi_credit_union")
    drawn = diagram(policy, "escalation", ident="esc")
    root = parse(drawn)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert "#escalation-overrun_general" in links
    assert "#deadline-reply_general" in links
    assert "#role-acceptance_dept" in links
    ids = [g.get("id") or "" for g in root.iter(f"{SVG}g") if g.get("id")]
    assert ids and all(i.startswith("esc-") for i in ids) and len(ids) == len(set(ids))


def test_the_same_policy_gives_the_same_bytes_whatever_the_hash_seed() -> None:
    code = (
        "from complaint_rules import Catalog; from complaint_rules.studio.pages import diagram; "
        "import sys; p = Catalog().load('bocom'); "
        "sys.stdout.write(diagram(p, 'routing') + diagram(p, 'escalation', 'en'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "12345")
    }
    assert len(outputs) == 1


def test_escalation_words_follow_the_language(catalog: Catalog) -> None:
    policy = catalog.load("keyouqianqi_credit_union")
    texts = {
        lang: [
            "".join(t.itertext())
            for t in parse(diagram(policy, "escalation", lang)).iter(f"{SVG}text")
        ]
        for lang in ("zh-Hant", "en")
    }
    assert "上報至" in texts["zh-Hant"] and "to" not in texts["zh-Hant"]
    assert "to" in texts["en"] and "missed" in texts["en"]
    # The policy's own labels are the same in both.
    assert "投訴受理部門" in texts["zh-Hant"] and "投訴受理部門" in texts["en"]


def test_keyouqianqi_escalation_diagram_matches_its_golden_file(catalog: Catalog) -> None:
    drawn = diagram(catalog.load("keyouqianqi_credit_union"), "escalation")
    golden = GOLDEN / "keyouqianqi_credit_union-escalation.svg"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(drawn, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run with UPDATE_GOLDEN=1"
    assert drawn == golden.read_text(encoding="utf-8"), "the drawing changed; see the docstring"
