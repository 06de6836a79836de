"""The source page: the stored text, every quoted passage marked and linked to its entry."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup, escape

from ..check.result import Result
from ..export.paths import source_download
from ..model.page_ids import basis_anchor, published_anchor, quote_anchor
from .common import Links, render_date


@dataclass(frozen=True)
class Span:
    begin: int
    stop: int
    entry_id: str
    anchor: str
    href: Optional[str]  # None: an anchor only (the passage a date is inferred from)
    label: str


def source_spans(checked: Result, source_id: str, links: Links) -> list[Span]:
    dataset, spans = checked.dataset, []
    for entry, anchor_kind in [*((e, "event") for e in dataset.events), *((f, "figure") for f in dataset.figures)]:
        if entry.source != source_id:
            continue
        offset = checked.place(source_id, entry.quote)
        if offset is not None:
            label = entry.title if anchor_kind == "event" else entry.label
            page = links.timeline if anchor_kind == "event" else links.figures
            spans.append(Span(offset, offset + len(entry.quote), entry.id, quote_anchor(entry.id), f"{page}#{entry.id}", label))
    for relation in dataset.relations:  # the passage that states how figures relate
        basis = relation.basis
        offset = None if basis.by_editors or basis.source != source_id else checked.place(source_id, basis.quote)
        if offset is not None:
            spans.append(Span(offset, offset + len(basis.quote), relation.id, quote_anchor(relation.id), f"{links.figures}#{relation.id}",
                              "how figures relate, as the source states it"))
    for event in dataset.events:
        if event.source == source_id and event.date.inferred:
            offset = checked.place(source_id, event.date.inferred.from_quote)
            if offset is not None:
                spans.append(Span(offset, offset, event.id, basis_anchor(event.id), None, event.title))
    if source_id in checked.published:  # the dateline: marked, and linked to the line that gives the date
        begin, stop = checked.published[source_id]
        spans.append(Span(begin, stop, source_id, published_anchor(source_id), f"#{source_id}", "The publication date"))
    return spans


def render_source_text(checked: Result, source_id: str, links: Links = Links()) -> Markup:
    """The stored text, paragraph by paragraph, every quoted passage marked and linked to its entry."""
    text = checked.texts[source_id].text
    spans = source_spans(checked, source_id, links)
    cuts = sorted({0, len(text)} | {s.begin for s in spans} | {s.stop for s in spans} | _line_cuts(text))
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.begin, []).append(span)
    paragraphs: list[Markup] = []
    current: list[Markup] = []
    open_spans: list[Span] = []
    for begin, stop in zip(cuts, cuts[1:], strict=False):
        # A sweep from left to right: the spans open here are those begun and not yet ended.
        open_spans = [s for s in open_spans if s.stop > begin]
        for span in starts.get(begin, ()):
            current.append(Markup('<span class="bj-anchor" id="{}"></span>').format(span.anchor))
            if span.href and span.stop > begin:
                open_spans.append(span)
        piece = text[begin:stop]
        if piece == "\n":
            paragraphs.append(Markup("").join(current))
            current = []
            continue
        current.append(_highlight(piece, open_spans))
    paragraphs.append(Markup("").join(current))
    return Markup('<div class="bj-source-text">{}</div>').format(Markup("").join(Markup("<p>{}</p>").format(p) for p in paragraphs if p))


def _line_cuts(text: str) -> set[int]:
    cuts = set()
    at = text.find("\n")
    while at >= 0:
        cuts.update((at, at + 1))
        at = text.find("\n", at + 1)
    return cuts


def _highlight(piece: str, covering: list[Span]) -> Markup:
    if not covering:
        return escape(piece)
    innermost = min(covering, key=lambda s: s.stop - s.begin)
    return Markup('<a class="bj-q" href="{}" title="Quoted in: {}"><mark>{}</mark></a>').format(innermost.href, innermost.label, piece)


def _how_published(checked: Result, source_id: str, inferred: bool) -> Markup:
    if inferred:
        return Markup(" (inferred)")
    if source_id in checked.published:
        return Markup(', as <a href="#{}">its text writes</a>').format(published_anchor(source_id))
    return Markup("")


def render_sources(checked: Result, links: Links = Links()) -> Markup:
    """Every stored source under its own heading, with what the data says about it and its
    quoted passages marked; with several, a list of them first."""
    # Only checked data is rendered, where every source has its text.
    shown = [s for s in checked.dataset.sources if s.id in checked.texts]
    sections = []
    for source in shown:
        about = Markup('<p class="bj-source__about">{}</p>').format(source.description) if source.description else Markup("")
        sections.append(Markup(
            '<section class="bj-source" aria-labelledby="{id}">'
            '<h2 id="{id}">{publisher}: {title}</h2>'
            '<p class="bj-source__about">Published {when}{how}. '
            'Stored as <a href="{download}">{file}</a>, SHA-256 <code class="bj-hash">{sha256}</code>.</p>'
            "{about}{text}</section>"
        ).format(id=source.id, publisher=source.publisher, title=source.title, when=render_date(source.published.value),
                 how=_how_published(checked, source.id, source.published.inferred is not None), download=f"{links.site}{source_download(source)}",
                 file=source.file, sha256=source.sha256, about=about, text=render_source_text(checked, source.id, links)))
    contents = Markup("")
    if len(shown) > 1:
        contents = Markup('<ul class="bj-source-list">{}</ul>').format(Markup("").join(
            Markup('<li><a href="#{}">{}: {}</a></li>').format(s.id, s.publisher, s.title) for s in shown))
    return contents + Markup("").join(sections)
