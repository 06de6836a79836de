"""What a page says about itself in its <head>: its title, and the tags that make a shared
link show a card (Open Graph, read by most sites and chat programs, and Twitter's).

One title per page, in one style everywhere (the tab, the shared card): the page's name,
Material's " - ", the site's name; the home page is the site's name alone. Addresses are
absolute where the site's public address is known; without one (a local build, `serve`)
the card's image is given relative to the page, and there is no og:url to give.
Data in, markup out; nothing here knows of MkDocs.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup

from .preview_card import HEIGHT, WIDTH

SEPARATOR = " - "  # Material's own, between a page's title and the site's name
PREVIEW = "assets/preview.png"  # the card, from the site's root
PREVIEW_ALT = "The site's title over its picture of time: every event of the timeline as a mark on a line of years"


@dataclass(frozen=True)
class PageMeta:
    title: str  # the whole <title>
    description: str
    url: Optional[str]  # the page's absolute address, where the site's is known
    image: str  # the preview card: absolute, or relative to the page without an address


def document_title(page_title: Optional[str], site_name: str, is_home: bool = False) -> str:
    return site_name if is_home or not page_title else f"{page_title}{SEPARATOR}{site_name}"


def absolute(site_url: Optional[str], path: str) -> Optional[str]:
    """`path` (from the site's root) under the site's public address, if it has one."""
    return site_url.rstrip("/") + "/" + path.lstrip("/") if site_url else None


def page_meta(page_path: str, page_title: Optional[str], description: str, site_name: str, site_url: Optional[str],
              is_home: bool = False) -> PageMeta:
    """`page_path` is the page's URL from the site's root ("timeline/", "" for the home page)."""
    here = posixpath.dirname("/" + page_path) if not page_path.endswith("/") else "/" + page_path
    image = absolute(site_url, PREVIEW) or posixpath.relpath("/" + PREVIEW, here)
    return PageMeta(document_title(page_title, site_name, is_home), description, absolute(site_url, page_path), image)


def render_head(meta: PageMeta, site_name: str) -> Markup:
    """<title> and the sharing tags. Twitter reads og:title, og:description and og:image
    where its own are missing, so only its card's kind is written for it."""
    tags = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:title", meta.title),
        ("og:description", meta.description),
        *([("og:url", meta.url)] if meta.url else []),
        ("og:image", meta.image),
        ("og:image:type", "image/png"),
        ("og:image:width", str(WIDTH)),
        ("og:image:height", str(HEIGHT)),
        ("og:image:alt", PREVIEW_ALT),
    ]
    lines = [Markup("<title>{}</title>").format(meta.title)]
    lines += [Markup('<meta property="{}" content="{}">').format(name, value) for name, value in tags]
    lines.append(Markup('<meta name="twitter:card" content="summary_large_image">'))
    return Markup("\n").join(lines)


def render_title(title: str) -> Markup:
    """A <title> alone, for a page that is no place to share (the 404 page)."""
    return Markup("<title>{}</title>").format(title)
