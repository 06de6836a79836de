"""What every page's rendering shares: links between pages, numbers, dates and quotes.
Data in, markup out; nothing here knows of MkDocs.

Every renderer builds its HTML from `markupsafe.Markup` templates and returns Markup:
`Markup("<p>{}</p>").format(text)` and `Markup("").join(items)` escape any plain `str`
they are given, so text from the data or the source is escaped wherever it meets markup,
and no call has to be remembered for it."""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from markupsafe import Markup

from ..model import dates
from ..model.dataset import Dated, Figure, Source
from ..model.page_ids import basis_anchor, quote_anchor

UNIT_WORDS = {"people": ("person", "people"), "homes": ("home", "homes"), "vehicles": ("vehicle", "vehicles")}
PART_WORDS = {"year": "year", "month": "month", "day": "day", "qualifier": "part of the year"}


@dataclass(frozen=True)
class Links:
    """Where the pages are, relative to the page being rendered (MkDocs directory URLs)."""

    timeline: str = "../timeline/"
    figures: str = "../figures/"
    source: str = "../source/"
    site: str = "../"  # the site's root, where downloads/ is
    page: str | None = None  # the page's own public address, where the site has one


def number(value: int) -> str:
    return f"{value:,}"


def unit_word(figure: Figure) -> str:
    one, many = UNIT_WORDS[figure.unit]
    return one if figure.value == 1 else many


def render_date(value: dates.DateValue) -> Markup:
    """<time> elements with machine-readable values and the date in words."""
    words = dates.describe(value)
    if value.start == value.end:
        return Markup('<time datetime="{}">{}</time>').format(value.iso(), words)
    # A range gets one <time> per end, so each carries a valid datetime of its own
    # (a range never has a qualifier: the date parser refuses one with days).
    start_words, _, end_words = words.partition("–")
    return Markup('<time datetime="{}">{}</time>–<time datetime="{}">{}</time>').format(
        value.iso(), start_words.strip(), value.iso_end(), end_words.strip())


def render_inference(dated: Dated, entry_id: str, links: Links, source_name: str) -> Markup:
    inference = dated.inferred
    if inference is None:
        return Markup("")
    parts = [PART_WORDS[p] for p in inference.parts]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return Markup(
        '<p class="bj-inferred"><strong>Inferred date.</strong> The {listed} {verb} not written in the quote; '
        "inferred{how} from {name}’s words "
        '<a href="{href}">“{words}”</a>. '
        "{reason}</p>"
    ).format(
        listed=listed,
        verb="is" if len(parts) == 1 else "are",
        how=" (counted from the anniversary it names)" if inference.by == "anniversary" else "",
        name=source_name,
        href=f"{links.source}#{basis_anchor(entry_id)}",
        words=inference.from_quote,
        reason=inference.reason,
    )


def render_quote(quote: str, entry_id: str, source: Source, links: Links) -> Markup:
    target = f"{links.source}#{quote_anchor(entry_id)}"
    return Markup(
        '<blockquote class="bj-quote" cite="{target}"><p>“{quote}”</p>'
        '<footer>— {publisher}, <a class="bj-to-source" href="{target}">see it in {whose} text</a></footer></blockquote>'
    ).format(target=target, quote=quote, publisher=source.publisher, whose=possessive(source.publisher))


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def to_source_link(quote: str, entry_id: str, source: Source, links: Links) -> Markup:
    """A short link from a figure's words to where its source writes them, naming the source."""
    target = f"{links.source}#{quote_anchor(entry_id)}"
    text = f"in {possessive(source.publisher)} text"
    return Markup('<a class="bj-to-source" href="{}" aria-label="See “{}” {}">{}</a>').format(target, quote, text, text)


_LINK = re.compile(r'<a ([^>]*?)href="([^"]*)"')
Content = TypeVar("Content", str, Markup)


def printable_links(content: Content, page_path: str, public_url: str | None = None) -> Content:
    """Each link to another page gets data-print, its target from the site's root (or its
    full address, where the site's public address is known), which the print stylesheet
    writes after the link: a relative href means nothing on paper.

    `content` is a page's HTML, Markup or the plain str an adapter holds; what comes back
    is of the same type, so an adapter's str is never escaped as a whole by a Markup."""
    root = (public_url or "/").rstrip("/") + "/"

    def add(match: re.Match) -> str:
        attributes, href = match.group(1), html.unescape(match.group(2))
        if not href or href.startswith("#") or urlsplit(href).scheme or "data-print=" in attributes:
            return match.group(0)
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_path) if not page_path.endswith("/") else "/" + page_path, path))
        shown = root + target.lstrip("/") + ("/" if path.endswith("/") and target != "/" else "") + (f"#{fragment}" if fragment else "")
        # The attributes and the href are the page's own markup, matched in it: they are
        # put back as they were. Only `shown`, made from the unescaped href, is new text.
        return Markup('<a {}data-print="{}" href="{}"').format(Markup(attributes), shown, Markup(match.group(2)))

    linked = _LINK.sub(add, str(content))
    return Markup(linked) if isinstance(content, Markup) else linked
