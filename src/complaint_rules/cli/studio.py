"""``complaint-rules studio``: the officer's workbench in the browser, on this computer."""

from __future__ import annotations

import argparse
import ipaddress
import threading
import webbrowser
from pathlib import Path

from ..errors import InputError, MissingExtraError
from ..messages.catalogue import make_problem, say
from ..messages.host import file_problem
from ._common import Streams, lang_of

HELP = "serve the workbench: read policies as tables and diagrams, try complaints, edit, compare"
EXAMPLE = "complaint-rules --policy-dir my/policies studio --open"

INSTALL_HINT = say("host.extra.studio", "en")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=8765, help="the port (default 8765; 0: any free)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1, this computer only); any other "
        "needs --token-file",
    )
    p.add_argument(
        "--token-file",
        metavar="FILE",
        help="a file holding the access token every request must carry (needed with --host)",
    )
    p.add_argument("--open", action="store_true", help="open the workbench in the browser")
    p.add_argument(
        "--sources",
        action="append",
        default=[],
        metavar="DIR",
        help="also look for the source texts of your policies in DIR (repeatable)",
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _token(args: argparse.Namespace) -> str | None:
    if args.token_file is None:
        if not _loopback(args.host):
            raise InputError([make_problem("cli.studio.host", host=args.host)])
        return None
    try:
        token = Path(args.token_file).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([file_problem(exc, args.token_file)]) from None
    if len(token) < 16:
        raise InputError([make_problem("cli.token.short", file=args.token_file)])
    return token


def run(args: argparse.Namespace, io: Streams) -> int:
    token = _token(args)
    try:
        import uvicorn

        from ..studio.app import create_app
        from ..studio.workspace import Workspace
    except ImportError as exc:
        raise MissingExtraError(INSTALL_HINT) from exc
    lang = lang_of(args)  # --lang, COMPLAINT_RULES_LANG, the locale: as every command
    workspace = Workspace(args.policy_dir, sources=args.sources)
    workspace.catalog()  # a clash of ids or a missing directory stops here, with its message
    hosts = None if token is None else ["*"]
    app = create_app(workspace, lang=lang, token=token, allowed_hosts=hosts)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning")
    server = uvicorn.Server(config)

    def announce() -> None:
        while not server.started:
            if server.should_exit:
                return
            threading.Event().wait(0.05)
        port = args.port
        for s in server.servers:
            for sock in s.sockets:
                port = sock.getsockname()[1]
        host = f"[{args.host}]" if ":" in args.host else args.host
        url = f"http://{host}:{port}/"
        io.out.write(f"complaint-rules studio: {url}\n")
        if token is not None:
            io.out.write("  every request needs the token (open the page once with ?token=…)\n")
        io.out.flush()
        if args.open:
            webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    server.run()
    return 0
