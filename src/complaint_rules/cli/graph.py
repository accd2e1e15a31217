"""``complaint-rules graph POLICY [--format mermaid|dot|json] [--view ...]``."""

from __future__ import annotations

import argparse

from ..toolkit.graph import policy_graph, to_dot, to_json, to_mermaid
from ._common import Streams, lang_of, resolve_policy, write_json

HELP = "escalation paths and routing of a policy as a Mermaid or Graphviz DOT diagram"
EXAMPLE = (
    "complaint-rules graph keyouqianqi_credit_union --view escalation --format dot | dot -Tsvg"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id (see 'list') or the path of a policy file")
    p.add_argument(
        "--format",
        choices=("mermaid", "dot", "json"),
        default="mermaid",
        help="mermaid (default; Markdown renders it), dot (Graphviz) or json (nodes and edges)",
    )
    p.add_argument(
        "--view",
        choices=("all", "escalation", "routing"),
        default="all",
        help="escalation steps, routing (rules, duties, reports_to) or both (default)",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    graph = policy_graph(resolve_policy(args, args.policy), args.view, lang_of(args))
    if args.format == "json":
        write_json(to_json(graph), io.out)
    elif args.format == "dot":
        io.out.write(to_dot(graph))
    else:
        io.out.write(to_mermaid(graph))
    return 0
