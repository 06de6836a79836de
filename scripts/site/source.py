"""The source page: the stored text, every quoted passage marked and linked to its entry."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..check.result import Result
from ..export.paths import source_download
from ..model.page_ids import basis_anchor, quote_anchor
from .common import Links, esc, render_date


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
    for event in dataset.events:
        if event.source == source_id and event.date.inferred:
            offset = checked.place(source_id, event.date.inferred.from_quote)
            if offset is not None:
                spans.append(Span(offset, offset, event.id, basis_anchor(event.id), None, event.title))
    return spans


def render_source_text(checked: Result, source_id: str, links: Links = Links()) -> str:
    """The stored text, paragraph by paragraph, every quoted passage marked and linked to its entry."""
    text = checked.texts[source_id].text
    spans = source_spans(checked, source_id, links)
    cuts = sorted({0, len(text)} | {s.begin for s in spans} | {s.stop for s in spans} | _line_cuts(text))
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.begin, []).append(span)
    paragraphs, current, open_spans = [], [], []
    for begin, stop in zip(cuts, cuts[1:], strict=False):
        # A sweep from left to right: the spans open here are those begun and not yet ended.
        open_spans = [s for s in open_spans if s.stop > begin]
        for span in starts.get(begin, ()):
            current.append(f'<span class="bj-anchor" id="{esc(span.anchor)}"></span>')
            if span.href and span.stop > begin:
                open_spans.append(span)
        piece = text[begin:stop]
        if piece == "\n":
            paragraphs.append("".join(current))
            current = []
            continue
        current.append(_highlight(piece, open_spans))
    paragraphs.append("".join(current))
    return '<div class="bj-source-text">' + "".join(f"<p>{p}</p>" for p in paragraphs if p) + "</div>"


def _line_cuts(text: str) -> set[int]:
    cuts = set()
    at = text.find("\n")
    while at >= 0:
        cuts.update((at, at + 1))
        at = text.find("\n", at + 1)
    return cuts


def _highlight(piece: str, covering: list[Span]) -> str:
    if not covering:
        return esc(piece)
    innermost = min(covering, key=lambda s: s.stop - s.begin)
    return f'<a class="bj-q" href="{esc(innermost.href)}" title="Quoted in: {esc(innermost.label)}"><mark>{esc(piece)}</mark></a>'


def render_sources(checked: Result, links: Links = Links()) -> str:
    """Every stored source under its own heading, its quoted passages marked."""
    sections = []
    for source in checked.dataset.sources:
        if source.id not in checked.texts:
            continue  # only checked data is rendered, where every source has its text
        download = f"{links.site}{source_download(source)}"
        sections.append(
            f'<section class="bj-source" aria-labelledby="{esc(source.id)}">'
            f'<h2 id="{esc(source.id)}">{esc(source.publisher)}: {esc(source.title)}</h2>'
            f'<p class="bj-source__about">Published {render_date(source.published.value)}'
            f'{" (inferred)" if source.published.inferred else ""}. '
            f'Stored as <a href="{esc(download)}">{esc(source.file)}</a>, SHA-256 <code class="bj-hash">{esc(source.sha256)}</code>.</p>'
            f"{render_source_text(checked, source.id, links)}</section>"
        )
    return "".join(sections)
