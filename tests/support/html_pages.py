"""Reading the studio's pages in tests: well-formed tags, their ids and links, their text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class Page:
    """What a page holds, as a browser would read it."""

    lang: str | None = None
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    """Every href and src, in order."""
    tags: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[tuple[str, tuple[int, int]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen(tag, attrs)
        if tag not in VOID:
            self.open.append((tag, self.getpos()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen(tag, attrs)  # <polyline .../> inside an SVG

    def seen(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.page.lang = values.get("lang")
        if values.get("id"):
            self.page.ids.append(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.page.links.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            self.errors.append(f"</{tag}> at {self.getpos()} closes nothing")
        elif self.open[-1][0] != tag:
            opened, where = self.open[-1]
            self.errors.append(f"</{tag}> at {self.getpos()} closes <{opened}> from {where}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.page.text.append(data)


def read_page(html: str) -> Page:
    """The page, or an AssertionError naming the first tag that is not closed in order."""
    assert html.startswith("<!DOCTYPE html>\n"), html[:40]
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.open, f"never closed: {checker.open[:5]}"
    return checker.page


EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
"""A link that leaves the page's folder: a scheme (http:, https:, data:, javascript:) or //."""


def check_self_contained(html: str, page: Page) -> None:
    """No external URL, no script, no stylesheet or font from elsewhere; every link
    within the page finds its anchor, and every id is unique."""
    assert "http://" not in html and "https://" not in html
    assert not [link for link in page.links if EXTERNAL.match(link)]
    assert "<script" not in html.lower() and "url(" not in html and "@import" not in html
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert len(page.ids) == len(set(page.ids)), sorted(i for i in page.ids if page.ids.count(i) > 1)
    anchors = set(page.ids)
    broken = [link for link in page.links if link.startswith("#") and link[1:] not in anchors]
    assert not broken, broken[:10]


def section(html: str, ident: str) -> str:
    """The HTML of the element (a section, a row) with ``id="ident"``."""
    match = re.search(rf'<(\w+)[^>]* id="{re.escape(ident)}"[^>]*>', html)
    assert match is not None, ident
    tag, start = match.group(1), match.start()
    depth = 0
    for m in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return html[start : start + m.end()]
    raise AssertionError(f"<{tag} id={ident}> never closed")
