"""HTML written safely: every text escaped unless it is :class:`Markup` built here, one
stylesheet (screen and print, the system's fonts), and the frame of a page.

A page needs nothing from outside itself: no script, no font file, no URL; the styles
are in the page. Attributes are written in the order given, so the same page is the same
bytes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

__all__ = ["CSS", "Markup", "attrs", "el", "join", "page", "text"]


class Markup(str):
    """Text that is already HTML (built by :func:`el`); written as it is."""

    __slots__ = ()


Child = "Markup | str | int | None | Iterable[Markup | str | int | None]"


def text(value: object) -> Markup:
    """``value`` as HTML text: ``&``, ``<``, ``>`` and quotes escaped (Markup as it is)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def attrs(**values: str | int | bool | None) -> str:
    """` name="value"` for each given value; ``class_`` → ``class``, ``aria_label`` →
    ``aria-label``; True alone, False and None left out."""
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{text(value)}"')
    return "".join(out)


_VOID = frozenset({"meta", "br", "hr", "col", "wbr", "link"})


def _children(children: Iterable[object]) -> str:
    out: list[str] = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, str | int):
            out.append(text(child))
        else:
            out.append(_children(child))  # type: ignore[arg-type]  # nested iterables
    return "".join(out)


def el(tag: str, *children: object, **attributes: str | int | bool | None) -> Markup:
    """``<tag attributes>children</tag>``; children are escaped unless Markup, lists of
    them are joined, None is nothing."""
    opening = f"<{tag}{attrs(**attributes)}>"
    if tag in _VOID:
        return Markup(opening)
    return Markup(f"{opening}{_children(children)}</{tag}>")


def join(parts: Iterable[object], sep: str = "") -> Markup:
    """Escaped parts joined by ``sep`` (itself escaped)."""
    return Markup(text(sep).join(_children([p]) for p in parts))


FONTS = {
    "zh-Hant": '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", '
    '"Source Han Sans TC", "Heiti TC"',
    "zh-Hans": '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"Source Han Sans SC", "Heiti SC"',
}
"""The system's Chinese fonts, by script: no font is downloaded."""

CSS = (
    """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c9ced6;
  --head: #eef1f5; --warn: #fff3cd; --warn-line: #d4a106; --bad: #fde2e1; --bad-line: #b03a2e;
  --good: #e3f4e8; --good-line: #2e7d45; --link: #1f4e8c; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  """
    + FONTS["zh-Hant"]
    + """, sans-serif; }
:lang(zh-Hans) { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, """
    + FONTS["zh-Hans"]
    + """, sans-serif; }
:lang(zh-Hant) { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, """
    + FONTS["zh-Hant"]
    + """, sans-serif; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55; font-size: 15px; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .4em .8em; }
.skip:focus { left: .5em; z-index: 2; }
header.top { padding: 1em 1.5em .6em; border-bottom: 1px solid var(--line); background: #f7f8fa; }
header.top h1 { margin: .2em 0; font-size: 1.55em; }
header.top p { margin: .2em 0; }
nav.contents { padding: .5em 1.5em; border-bottom: 1px solid var(--line); font-size: .93em; }
nav.contents ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap;
  gap: .2em 1.2em; }
main { padding: .5em 1.5em 2em; max-width: 110em; }
section { margin: 1.6em 0; }
h2 { font-size: 1.3em; border-bottom: 2px solid var(--line); padding-bottom: .15em; }
h3 { font-size: 1.08em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; margin: .4em 0 1em; max-width: 100%; }
table.source, table.wide { width: 100%; }
th, td { border: 1px solid var(--line); padding: .3em .5em; text-align: left;
  vertical-align: top; }
thead th { background: var(--head); white-space: nowrap; }
tbody th { background: #fafbfc; font-weight: 600; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
code, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
  monospace; font-size: .88em; color: #3d4a5c; overflow-wrap: break-word; }
th, td { overflow-wrap: break-word; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: .92em; }
.flag { display: inline-block; padding: 0 .45em; border-radius: .3em; font-size: .85em;
  font-weight: 600; white-space: nowrap; }
a.article { white-space: nowrap; }
.flag.gap, tr.gap > *, li.gap { background: var(--warn); }
.flag.conflict, tr.conflict > *, li.conflict { background: var(--bad); }
.flag.gap { border: 1px solid var(--warn-line); }
.flag.conflict { border: 1px solid var(--bad-line); }
.flag.ok { background: var(--good); border: 1px solid var(--good-line); }
.flag.bad { background: var(--bad); border: 1px solid var(--bad-line); }
.missing > td:first-child { box-shadow: inset 4px 0 0 var(--bad-line); }
.notice { padding: .5em .8em; border-left: 4px solid var(--warn-line); background: var(--warn); }
table.source td.passage { width: 48%; white-space: pre-wrap; }
table.source td.passage .mark { font-weight: 700; }
table.source tr.heading td.passage { font-weight: 700; }
table.source tr:target > *, tr:target > *, li:target { outline: 3px solid #f5a623; }
ul.items { margin: 0; padding-left: 1.1em; }
ul.items li { margin: .1em 0; }
ul.versions { margin: 0; padding: 0; list-style: none; }
ul.versions li { margin: 0 0 .3em; white-space: nowrap; }
ul.versions code { display: block; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .5em 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.rule { margin: .2em 0 .6em; }
.rule > .head { font-weight: 600; }
.chain { display: flex; flex-wrap: wrap; align-items: center; gap: .3em; margin: 0;
  padding: 0; list-style: none; }
.chain li { border: 1px solid var(--line); border-radius: .4em; padding: .15em .5em; }
.chain li + li::before { content: "→"; margin-right: .4em; color: var(--muted); }
figure.diagram { margin: .5em 0 1em; overflow-x: auto; }
figure.diagram svg { max-width: 100%; height: auto; }
figure.diagram figcaption { font-size: .92em; color: var(--muted); }
footer { padding: 1em 1.5em; border-top: 1px solid var(--line); color: var(--muted);
  font-size: .88em; }
@media print {
  .skip, nav.contents { display: none; }
  body { font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  header.top { background: none; }
  main { padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr, figure.diagram, .rule { break-inside: avoid; }
  thead { display: table-header-group; }
  figure.diagram { overflow: visible; }
  .flag.gap, tr.gap > *, li.gap, .flag.conflict, tr.conflict > *, li.conflict, .notice {
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
""".strip()
    + "\n"
)
"""The one stylesheet, for screen and print."""


def page(
    *,
    lang: str,
    title: str,
    header: Markup,
    contents: Markup | None,
    main: Markup,
    footer: Markup,
    skip: str,
) -> str:
    """A complete HTML document: ``lang`` on its root, the stylesheet inside it."""
    return (
        "<!DOCTYPE html>\n"
        + el(
            "html",
            Markup("\n"),
            el(
                "head",
                el("meta", charset="utf-8"),
                el("meta", name="viewport", content="width=device-width, initial-scale=1"),
                el("meta", name="generator", content="complaint-rules"),
                el("title", title),
                el("style", Markup("\n" + CSS)),
            ),
            Markup("\n"),
            el(
                "body",
                el("a", skip, href="#main", class_="skip"),
                Markup("\n"),
                el("header", header, class_="top"),
                Markup("\n"),
                contents,
                Markup("\n") if contents else None,
                el("main", main, id="main"),
                Markup("\n"),
                el("footer", footer),
                Markup("\n"),
            ),
            Markup("\n"),
            lang=lang,
        )
        + "\n"
    )
