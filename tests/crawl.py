"""A small crawler over a built site: every internal link and #fragment must resolve, and
no page may give two elements one id.

LinkChecker was tried: it skips the fragment of a link to a folder (`../timeline/#id`,
which is every MkDocs link) and takes about 30 s a crawl; html.parser does it in well
under a second.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "form": "action"}


class _Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.append(attrs["name"])
        target = attrs.get(_LINKING.get(tag, ""))
        if target is not None:
            self.links.append(target)


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    dead: list[tuple[str, str, str]] = field(default_factory=list)  # (page, link, why)
    duplicate_ids: list[tuple[str, str]] = field(default_factory=list)
    ids: dict[str, list[str]] = field(default_factory=dict)  # page (site path) -> its ids


def crawl(site: Path) -> Report:
    report = Report()
    pages = {str(p.relative_to(site)).replace("\\", "/"): _Page(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}
    for name, page in pages.items():
        report.pages += 1
        report.ids[name] = page.ids
        seen: set[str] = set()
        for element_id in page.ids:
            if element_id in seen:
                report.duplicate_ids.append((name, element_id))
            seen.add(element_id)
        for link in page.links:
            report.links += 1
            why = _unresolved(site, pages, name, link)
            if why:
                report.dead.append((name, link, why))
    return report


def _unresolved(site: Path, pages: dict[str, _Page], name: str, link: str) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None if parts.scheme in ("http", "https", "mailto") else f"a {parts.scheme}: link"
    if link in ("", "#"):
        return None
    # Root-absolute links (MkDocs writes them on 404.html) resolve from the site's root.
    base = "" if parts.path.startswith("/") else posixpath.dirname(name)
    path = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/"))) if parts.path else name
    if path.startswith(".."):
        return "leads out of the site"
    target = site / path
    if target.is_dir() or parts.path.endswith("/"):
        path = posixpath.join(path, "index.html") if path != "." else "index.html"
        target = site / path
    if not target.is_file():
        return "no such file"
    if parts.fragment:
        if path not in pages:
            return "a fragment on a file that is not a page"
        if unquote(parts.fragment) not in pages[path].ids:
            return f"no element with the id {parts.fragment!r}"
    return None
