"""Escalation and routing diagrams: exact edges, the bundled policies' paths worked out from
their sources, escaping for Mermaid and DOT, and DOT that Graphviz reads."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from complaint_rules import Catalog, CompiledPolicy, load_policy_text
from complaint_rules.toolkit.graph import (
    Graph,
    condition_text,
    policy_graph,
    to_dot,
    to_json,
    to_mermaid,
    wrap,
)
from tests.support.graph_policy import SMALL
from tests.support.system import require_command


@pytest.fixture(scope="module")
def small() -> CompiledPolicy:
    return load_policy_text(SMALL, file="small.yaml")


def edges(graph: Graph) -> list[tuple[str, str, str]]:
    return [(e.source, e.target, e.label) for e in graph.edges]


def test_the_small_policy_has_exactly_these_edges(small: CompiledPolicy) -> None:
    assert edges(policy_graph(small)) == [
        ("received_received", "step_tell_head", "on"),
        ("role_desk", "step_tell_head", "by"),
        ("step_tell_head", "role_head", "to"),
        ("deadline_reply", "step_up", "missed"),
        ("role_desk", "step_up", "by"),
        ("step_up", "role_head", "to"),
        ("event_dissatisfied", "step_top", "on"),
        ("role_head", "step_top", "by"),
        ("step_top", "role_boss", "to"),
        ("step_up", "step_top", "next"),
        ("rule_intake", "role_desk", "受理 accepts"),
        ("rule_intake", "role_head", "處理 handles"),
        ("rule_limits", "role_boss", "監督 supervises"),
        ("role_head", "role_boss", "reports_to"),
    ]


def test_the_small_policy_nodes_carry_labels_ids_and_triggers(small: CompiledPolicy) -> None:
    nodes = {n.id: (n.label, n.detail) for n in policy_graph(small).nodes}
    assert nodes == {
        "step_tell_head": ("即報負責人", ("tell_head · 第一條", "when channel: 櫃面投訴")),
        "received_received": ("收到投訴", ("received",)),
        "role_desk": ("櫃面", ("desk",)),
        "role_head": ("負責人", ("head",)),
        "step_up": ("逾期上報", ("up · 第二條",)),
        "deadline_reply": ("回復客戶", ("reply · 3至5個工作日",)),
        "step_top": ("再上報", ("top · 第二條",)),
        "event_dissatisfied": ("客戶不滿意", ("dissatisfied",)),
        "role_boss": ("行長", ("boss",)),
        "rule_intake": ("櫃面受理", ("intake · 第一條", "when channel: 櫃面投訴")),
        "rule_limits": ("limits", ("limits · 第二條", "when every complaint")),
    }


def test_views_split_escalation_from_routing(small: CompiledPolicy) -> None:
    escalation = policy_graph(small, "escalation")
    routing = policy_graph(small, "routing")
    assert {e.kind for e in escalation.edges} == {"on", "missed", "by", "to", "next"}
    assert {e.kind for e in routing.edges} == {"duty", "reports_to"}
    assert [n.id for n in routing.nodes] == [
        "rule_intake",
        "role_desk",
        "role_head",
        "rule_limits",
        "role_boss",
    ]
    with pytest.raises(ValueError, match="view is all, escalation or routing"):
        policy_graph(small, "everything")  # type: ignore[arg-type]


def test_the_small_policy_as_mermaid(small: CompiledPolicy) -> None:
    assert to_mermaid(policy_graph(small, "escalation")) == (
        "flowchart LR\n"
        '  step_tell_head("即報負責人<br/>tell_head · 第一條<br/>when channel: 櫃面投訴")\n'
        '  received_received(["收到投訴<br/>received"])\n'
        '  role_desk["櫃面<br/>desk"]\n'
        '  role_head["負責人<br/>head"]\n'
        '  step_up("逾期上報<br/>up · 第二條")\n'
        '  deadline_reply{{"回復客戶<br/>reply · 3至5個工作日"}}\n'
        '  step_top("再上報<br/>top · 第二條")\n'
        '  event_dissatisfied>"客戶不滿意<br/>dissatisfied"]\n'
        '  role_boss["行長<br/>boss"]\n'
        '  received_received -->|"on"| step_tell_head\n'
        '  role_desk -->|"by"| step_tell_head\n'
        '  step_tell_head -->|"to"| role_head\n'
        '  deadline_reply -->|"missed"| step_up\n'
        '  role_desk -->|"by"| step_up\n'
        '  step_up -->|"to"| role_head\n'
        '  event_dissatisfied -->|"on"| step_top\n'
        '  role_head -->|"by"| step_top\n'
        '  step_top -->|"to"| role_boss\n'
        '  step_up ==>|"next"| step_top\n'
        "  classDef deadline fill:#fde2e1,stroke:#b03a2e\n"
        "  class deadline_reply deadline\n"
        "  classDef event fill:#eeeeee,stroke:#777777\n"
        "  class event_dissatisfied event\n"
        "  classDef received fill:#eeeeee,stroke:#777777\n"
        "  class received_received received\n"
        "  classDef step fill:#fff4d6,stroke:#b8860b\n"
        "  class step_tell_head,step_up,step_top step\n"
    )


def test_conditions_read_with_the_source_labels(small: CompiledPolicy) -> None:
    cond = {
        "channel": ["counter", "phone"],
        "level": {"at_least": "major"},
        "category": {"not_in": ["service"]},
        "any": [{"vip": True}, {"amount": {"gte": 20}}],
        "not": {"finding": "x", "amount": {"given": False}},
    }
    assert condition_text(small, cond) == (
        "channel: 櫃面投訴 / 電話投訴 and level ≥ 重大 and category not: 服務態度"
        " and (貴賓 = true or 金額 ≥ 20) and not (finding: x and 金額 not given)"
    )
    assert condition_text(small, None) == "every complaint"


def test_long_labels_wrap_without_splitting_ascii_words() -> None:
    assert wrap("超出處理權限范圍時,由部門第一負責人向運營總監請示處理") == [
        "超出處理權限范圍時,",
        "由部門第一負責人向運營總監請示處理",
    ]
    assert wrap("see very_long_identifier_past_the_width now", 10) == [
        "see",
        "very_long_identifier_past_the_width",
        "now",
    ]


# --- the bundled policies, worked out from their sources ---------------------------------


def test_keyouqianqi_article_11_overrun_goes_to_the_acceptance_department(
    catalog: Catalog,
) -> None:
    # 第十一條: 一般投訴 三個工作日, 復雜投訴 七至十個工作日; 在規定時限內處理不完的,
    # (被投訴單位) 要向投訴受理部門報告原因.
    graph = policy_graph(catalog.load("keyouqianqi_credit_union"), "escalation")
    found = edges(graph)
    for level, period in (("general", "3個工作日"), ("complex", "7至10個工作日")):
        step = f"step_overrun_{level}"
        assert (f"deadline_reply_{level}", step, "missed") in found
        assert ("role_complained_unit", step, "by") in found
        assert (step, "role_acceptance_dept", "to") in found
        deadline = next(n for n in graph.nodes if n.id == f"deadline_reply_{level}")
        assert deadline.detail == (f"reply_{level} · {period}",)
    # 第十八條: 客戶還是無法接受的, 向上級客戶管理部門報告
    assert ("event_customer_still_not_accepting", "step_to_superior_customer_dept", "on") in found
    assert ("step_to_superior_customer_dept", "role_superior_customer_dept", "to") in found


def test_keyouqianqi_article_10_media_complaints_are_accepted_by_audit(catalog: Catalog) -> None:
    # 第十條: 媒體投訴 由稽核監察部受理、核實; 第二十一條: 各級辦公室負責處理和協調新聞媒體投訴
    graph = policy_graph(catalog.load("keyouqianqi_credit_union"), "routing")
    found = edges(graph)
    assert ("rule_flow_media", "role_audit_dept", "受理 accepts") in found
    assert ("rule_flow_media", "role_audit_dept", "調查 investigates") in found
    assert ("rule_media_offices", "role_offices", "處理 handles") in found
    media = next(n for n in graph.nodes if n.id == "rule_flow_media")
    assert media.detail == ("flow_media · 第十條", "when channel: 媒體投訴")


def test_bocom_card_centre_tiers_chain_up_to_the_senior_manager(catalog: Catalog) -> None:
    # 一、3: 卡中心 分級 (座席員、客戶關懷組、客服經理及高經)、分權限
    found = edges(policy_graph(catalog.load("bocom"), "escalation"))
    assert ("role_card_agent", "step_card_to_care_group", "by") in found
    assert ("step_card_to_care_group", "role_card_care_group", "to") in found
    assert ("step_card_to_care_group", "step_card_to_manager", "next") in found
    assert ("step_card_to_manager", "step_card_to_senior_manager", "next") in found
    assert ("step_card_to_senior_manager", "role_card_senior_manager", "to") in found


def test_keyouqianqi_declared_conflicts_link_the_roles_that_cannot_hold_a_duty(
    catalog: Catalog,
) -> None:
    graph = policy_graph(catalog.load("keyouqianqi_credit_union"), "routing")
    found = edges(graph)
    # 第十四條 / 第二十一條: the reported unit's supervision, or the unit itself, investigates.
    for role in ("reported_unit_supervision", "complained_unit"):
        assert ("conflict_crime_self_investigation", f"role_{role}", "調查 investigates") in found
    # 第十條 / 第十六條 / 第二十一條: three owners of a media complaint.
    for role in ("audit_dept", "complained_unit", "offices"):
        assert ("conflict_media_owner", f"role_{role}", "處理 handles") in found
    node = next(n for n in graph.nodes if n.id == "conflict_media_owner")
    assert node.kind == "conflict"
    assert node.detail == ("media_owner · 第十條、第十六條、第二十一條", "不能同時 處理 handles")
    assert "conflict" not in {n.kind for n in policy_graph(graph_policy(catalog), "routing").nodes}


def graph_policy(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("shihua_credit_coop")  # declares no conflict


def test_bocom_send_back_is_an_action_on_the_event_to_either_unit(catalog: Catalog) -> None:
    # 一、3: 如不符合要求則退回有關部門或分行重新處理 — after the event, to one of the two.
    found = edges(policy_graph(catalog.load("bocom"), "escalation"))
    assert ("event_opinion_not_compliant", "action_send_back", "on") in found
    assert ("role_business_mgmt_group", "action_send_back", "by") in found
    assert ("action_send_back", "role_related_depts", "to 或") in found
    assert ("action_send_back", "role_branches", "to 或") in found
    routing = edges(policy_graph(catalog.load("bocom"), "routing"))
    # 《工單》轉發有關部門或分行處理: either handles it.
    assert ("rule_work_order", "role_related_depts", "處理 handles 或") in routing
    assert ("rule_work_order", "role_branches", "處理 handles 或") in routing


def test_hotel_reports_to_runs_floor_manager_to_general_manager(catalog: Catalog) -> None:
    # 三、2、2) 樓面經理 … 向餐廳副總經理請示; 三、2、4) 餐廳副總經理 … 向總經理請示
    found = edges(policy_graph(catalog.load("hotel"), "routing"))
    assert ("role_floor_manager", "role_restaurant_deputy_gm", "reports_to") in found
    assert ("role_restaurant_deputy_gm", "role_general_manager", "reports_to") in found
    esc = edges(policy_graph(catalog.load("hotel"), "escalation"))
    assert ("step_floor_beyond_authority", "role_restaurant_deputy_gm", "to") in esc
    assert ("step_deputy_gm_beyond_authority", "role_general_manager", "to") in esc


# --- escaping ------------------------------------------------------------------------------

NASTY = 'A "quoted" [x] (y) {z} <b>&amp; #1 | `tick` \\ end; %% 行長「總」'

NASTY_POLICY = f"""\
schema: complaint-rules/1
id: nasty
version: "1"
title: t
institution: i
source: s
vocabulary:
  roles:
    - {{id: end, label: '{NASTY.replace("'", "''")}'}}
    - {{id: o_x, label: 'x--> o'}}
  events:
    - {{id: ev, label: '"]; click'}}
rules:
  - id: r
    article: '第一條 "引"'
    title: '[title] | "t"'
    routing:
      - {{duty: accepts, role: end}}
    escalations:
      - {{id: s, label: '{NASTY.replace("'", "''")}', on: ev, by: [o_x], to: [end]}}
"""


@pytest.fixture(scope="module")
def nasty() -> Graph:
    return policy_graph(load_policy_text(NASTY_POLICY, file="nasty.yaml"))


_ENTITY = re.compile(r"#(\d+|[a-z]+);")
_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}


def _mermaid_decode(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        return chr(int(code)) if code.isdigit() else _NAMED[code]

    return _ENTITY.sub(one, text)


_MERMAID_NODE = re.compile(
    r'^  (?P<id>[A-Za-z0-9_]+)(?P<open>\["|\[/"|\("|\(\["|\{\{"|>")(?P<text>[^"]*)'
    r'(?P<close>"\]|"/\]|"\)|"\]\)|"\}\}|"\])$'
)
_MERMAID_EDGE = re.compile(
    r'^  (?P<a>[A-Za-z0-9_]+) (?:-->|==>|-\.->|-\.-)\|"(?P<text>[^"]*)"\| (?P<b>[A-Za-z0-9_]+)$'
)


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """A strict reader of what to_mermaid writes: every line must be one of its forms."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    nodes: dict[str, str] = {}
    found: list[tuple[str, str, str]] = []
    for line in lines[1:]:
        if m := _MERMAID_NODE.match(line):
            nodes[m["id"]] = _mermaid_decode(m["text"]).replace("<br/>", "\n")
        elif m := _MERMAID_EDGE.match(line):
            found.append((m["a"], m["b"], _mermaid_decode(m["text"])))
        else:
            assert re.match(r"^  (classDef|class) [A-Za-z0-9_,]+ \S+$", line), line
    return nodes, found


def test_mermaid_labels_are_quoted_and_escaped(nasty: Graph) -> None:
    text = to_mermaid(nasty)
    nodes, found = parse_mermaid(text)
    assert set(nodes) == {n.id for n in nasty.nodes}
    assert nodes == parse_dot(to_dot(nasty))[0]  # two escapers, the same text back
    role = next(n for n in nasty.nodes if n.id == "role_end")
    assert role.label == NASTY
    assert nodes["role_end"] == (
        'A "quoted" [x] (y)\n{z} <b>&amp;\n#1 | `tick` \\ end;\n%% 行長「總」\nend'
    )
    assert ("rule_r", "role_end", "受理 accepts") in found
    assert (
        '  role_end["A #quot;quoted#quot; [x] (y)<br/>{z} #lt;b#gt;#amp;amp;<br/>'
        '#35;1 #124; #96;tick#96; \\ end;<br/>%% 行長「總」<br/>end"]\n'
    ) in text


def _dot_tokens(text: str) -> list[str]:
    token = re.compile(r'"(?:[^"\\]|\\.)*"|->|[{}\[\];,=]|[A-Za-z0-9_]+|\s+')
    out: list[str] = []
    pos = 0
    while pos < len(text):
        m = token.match(text, pos)
        assert m, f"DOT cannot read {text[pos : pos + 30]!r}"
        if not m.group().isspace():
            out.append(m.group())
        pos = m.end()
    return out


def _dot_unquote(token: str) -> str:
    assert token.startswith('"') and token.endswith('"')
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), token[1:-1])


def parse_dot(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Statements of a digraph: node and edge statements with attribute lists."""
    tokens = _dot_tokens(text)
    assert tokens[:3] == ["digraph", tokens[1], "{"] and tokens[-1] == "}"
    nodes: dict[str, str] = {}
    found: list[tuple[str, str, str]] = []
    statements: list[list[str]] = [[]]
    for tok in tokens[3:-1]:
        if tok == ";":
            statements.append([])
        else:
            statements[-1].append(tok)
    for st in statements:
        if not st or st[0] in ("node", "edge") or "=" in st[:2]:
            continue
        attrs: dict[str, str] = {}
        if "[" in st:
            i = st.index("[")
            assert st[-1] == "]"
            body = [t for t in st[i + 1 : -1] if t != ","]
            for k in range(0, len(body), 3):
                assert body[k + 1] == "=", body
                attrs[body[k]] = body[k + 2]
            st = st[:i]
        if len(st) == 3 and st[1] == "->":
            found.append((_dot_unquote(st[0]), _dot_unquote(st[2]), _dot_unquote(attrs["label"])))
        else:
            assert len(st) == 1, st
            nodes[_dot_unquote(st[0])] = _dot_unquote(attrs["label"])
    assert {e[0] for e in found} | {e[1] for e in found} <= set(nodes)
    return nodes, found


def test_dot_labels_are_quoted_and_escaped(nasty: Graph) -> None:
    nodes, found = parse_dot(to_dot(nasty))
    assert nodes["role_end"] == (
        'A "quoted" [x] (y)\n{z} <b>&amp;\n#1 | `tick` \\ end;\n%% 行長「總」\nend'
    )
    assert nodes["event_ev"] == '"]; click\nev'
    assert ("role_o_x", "step_s", "by") in found


@pytest.mark.parametrize("policy_id", ["bocom", "hotel", "keyouqianqi_credit_union"])
def test_bundled_diagrams_read_back_with_the_same_edges(catalog: Catalog, policy_id: str) -> None:
    graph = policy_graph(catalog.load(policy_id))
    expected = edges(graph)
    _, from_mermaid = parse_mermaid(to_mermaid(graph))
    _, from_dot = parse_dot(to_dot(graph))
    assert from_mermaid == expected
    assert from_dot == expected
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", n.id) for n in graph.nodes)


def test_graphviz_reads_the_dot_and_keeps_every_label(nasty: Graph, catalog: Catalog) -> None:
    dot = require_command("dot", "graphviz")  # installed when missing, never skipped
    for graph in (nasty, policy_graph(catalog.load("hotel"))):
        done = subprocess.run(
            [dot, "-Tjson"], input=to_dot(graph), capture_output=True, text=True, check=True
        )
        drawn = json.loads(done.stdout)
        labels = {o["name"]: o["label"] for o in drawn["objects"]}
        ours, _ = parse_dot(to_dot(graph))
        # Graphviz keeps the label escapes (\n, \\) for drawing; it undoes only \"
        assert labels == {
            name: text.replace("\\", "\\\\").replace("\n", "\\n") for name, text in ours.items()
        }
        assert len(drawn["edges"]) == len(graph.edges)


def test_output_is_deterministic(catalog: Catalog) -> None:
    first = catalog.load("hotel")
    again = Catalog().load("hotel")
    assert to_mermaid(policy_graph(first)) == to_mermaid(policy_graph(again))
    assert to_dot(policy_graph(first)) == to_dot(policy_graph(again))
    assert to_json(policy_graph(first)) == to_json(policy_graph(again))
