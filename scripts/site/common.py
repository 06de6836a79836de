"""What every page's rendering shares: the one escaping function, links between pages,
numbers, dates and quotes. Data in, HTML text out; nothing here knows of MkDocs."""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import dates
from ..model.dataset import Dated, Figure, Source
from ..model.page_ids import basis_anchor, quote_anchor

UNIT_WORDS = {"people": ("person", "people"), "homes": ("home", "homes"), "vehicles": ("vehicle", "vehicles")}
PART_WORDS = {"year": "year", "month": "month", "day": "day", "qualifier": "part of the year"}


def esc(text: object) -> str:
    """The one escaping function: text from the data or the source becomes inert HTML."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Links:
    """Where the pages are, relative to the page being rendered (MkDocs directory URLs)."""

    timeline: str = "../timeline/"
    figures: str = "../figures/"
    source: str = "../source/"
    site: str = "../"  # the site's root, where downloads/ is


def number(value: int) -> str:
    return f"{value:,}"


def unit_word(figure: Figure) -> str:
    one, many = UNIT_WORDS[figure.unit]
    return one if figure.value == 1 else many


def render_date(value: dates.DateValue) -> str:
    """<time> elements with machine-readable values and the date in words."""
    words = dates.describe(value)
    if value.start == value.end:
        return f'<time datetime="{esc(value.iso())}">{esc(words)}</time>'
    # A range gets one <time> per end, so each carries a valid datetime of its own
    # (a range never has a qualifier: the date parser refuses one with days).
    start_words, _, end_words = words.partition("–")
    return (f'<time datetime="{esc(value.iso())}">{esc(start_words.strip())}</time>–'
            f'<time datetime="{esc(value.iso_end())}">{esc(end_words.strip())}</time>')


def render_inference(dated: Dated, entry_id: str, links: Links, source_name: str) -> str:
    inference = dated.inferred
    if inference is None:
        return ""
    parts = [PART_WORDS[p] for p in inference.parts]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    verb = "is" if len(parts) == 1 else "are"
    how = " (counted from the anniversary it names)" if inference.by == "anniversary" else ""
    return (
        f'<p class="bj-inferred"><strong>Inferred date.</strong> The {esc(listed)} {verb} not written in the quote; '
        f'inferred{how} from {esc(source_name)}’s words '
        f'<a href="{esc(links.source)}#{esc(basis_anchor(entry_id))}">“{esc(inference.from_quote)}”</a>. '
        f'{esc(inference.reason)}</p>'
    )


def render_quote(quote: str, entry_id: str, source: Source, links: Links) -> str:
    target = f"{links.source}#{quote_anchor(entry_id)}"
    return (
        f'<blockquote class="bj-quote" cite="{esc(target)}"><p>“{esc(quote)}”</p>'
        f'<footer>— {esc(source.publisher)}, <a class="bj-to-source" href="{esc(target)}">see it in {esc(possessive(source.publisher))} text</a></footer></blockquote>'
    )


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def to_source_link(quote: str, entry_id: str, source: Source, links: Links) -> str:
    """A short link from a figure's words to where its source writes them, naming the source."""
    target = f"{links.source}#{quote_anchor(entry_id)}"
    text = f"in {possessive(source.publisher)} text"
    return f'<a class="bj-to-source" href="{esc(target)}" aria-label="See “{esc(quote)}” {esc(text)}">{esc(text)}</a>'


_LINK = re.compile(r'<a ([^>]*?)href="([^"]*)"')


def printable_links(content: str, page_path: str, public_url: str | None = None) -> str:
    """Each link to another page gets data-print, its target from the site's root (or its
    full address, where the site's public address is known), which the print stylesheet
    writes after the link: a relative href means nothing on paper."""
    root = (public_url or "/").rstrip("/") + "/"

    def add(match: re.Match) -> str:
        attributes, href = match.group(1), html.unescape(match.group(2))
        if not href or href.startswith("#") or urlsplit(href).scheme or "data-print=" in attributes:
            return match.group(0)
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_path) if not page_path.endswith("/") else "/" + page_path, path))
        shown = root + target.lstrip("/") + ("/" if path.endswith("/") and target != "/" else "") + (f"#{fragment}" if fragment else "")
        return f'<a {attributes}data-print="{esc(shown)}" href="{match.group(2)}"'

    return _LINK.sub(add, content)
