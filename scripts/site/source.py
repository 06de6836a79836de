"""The Source page: the stored text, every passage the data uses marked and linked to what
uses it, every passage it leaves out marked with its reason, and a legend of the marks."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup, escape

from ..check.result import Result
from ..export.paths import source_download
from ..model.page_ids import basis_anchor, published_anchor, quote_anchor
from ..text.passage_union import PassageUnion
from .common import Links, number, render_date
from .left_out import SECTION, not_taken_places, numbered, place_anchor, render_mark
from .sentence_status import STATUS_WORDS, UNACCOUNTED, LeftOutPlace, SentenceStatus, counts, left_out_places, sentence_statuses, used_spans


@dataclass(frozen=True)
class Span:
    begin: int
    stop: int
    entry_id: str
    anchor: Optional[str]  # the id put before the passage, where something links to it
    href: Optional[str]  # where its mark leads; None: marked, not linked
    title: str  # what uses the passage, as its mark's title says it
    quoted: bool = True  # an entry's or a relation's quote; False: a passage a date, a place or the title is read from


def source_spans(checked: Result, source_id: str, links: Links) -> list[Span]:
    """Every passage of the source that the data uses, with where its mark leads."""
    dataset, spans = checked.dataset, []
    for entry, anchor_kind in [*((e, "event") for e in dataset.events), *((f, "figure") for f in dataset.figures)]:
        if entry.source != source_id:
            continue
        offset = checked.place(source_id, entry.quote)
        if offset is not None:
            label = entry.title if anchor_kind == "event" else entry.label
            page = links.timeline if anchor_kind == "event" else links.figures
            spans.append(Span(offset, offset + len(entry.quote), entry.id, quote_anchor(entry.id), f"{page}#{entry.id}", f"Quoted in: {label}"))
    for relation in dataset.relations:  # the passage that states how figures relate
        basis = relation.basis
        offset = None if basis.by_editors or basis.source != source_id else checked.place(source_id, basis.quote)
        if offset is not None:
            spans.append(Span(offset, offset + len(basis.quote), relation.id, quote_anchor(relation.id), f"{links.figures}#{relation.id}",
                              "Quoted in: how figures relate, as the source states it"))
    for event in dataset.events:
        if event.source != source_id:
            continue
        if event.date.inferred:
            offset = checked.place(source_id, event.date.inferred.from_quote)
            if offset is not None:
                spans.append(Span(offset, offset + len(event.date.inferred.from_quote), event.id, basis_anchor(event.id),
                                  f"{links.timeline}#{event.id}", f"The date of “{event.title}” is inferred from these words", quoted=False))
        for place in event.places:
            offset = checked.place(source_id, place.inferred.from_quote) if place.inferred else None
            if offset is not None:
                spans.append(Span(offset, offset + len(place.inferred.from_quote), event.id, None,
                                  f"{links.timeline}#{event.id}", f"Where “{event.title}” happened is inferred from these words", quoted=False))
    for figure in dataset.figures:
        if figure.source != source_id:
            continue
        for dated, when in zip(figure.spans, ("begins", "ends"), strict=False):
            offset = checked.place(source_id, dated.inferred.from_quote) if dated.inferred else None
            if offset is not None:
                spans.append(Span(offset, offset + len(dated.inferred.from_quote), figure.id, None, f"{links.figures}#{figure.id}",
                                  f"When the count “{figure.label}” {when} is inferred from these words", quoted=False))
    for source in dataset.sources:
        if source.id != source_id:
            continue
        offset = checked.place(source_id, source.title)
        if offset is not None:
            spans.append(Span(offset, offset + len(source.title), source.id, None, f"#{source.id}", "The source’s title", quoted=False))
        inferred = source.published.inferred
        offset = checked.place(source_id, inferred.from_quote) if inferred else None
        if offset is not None:
            spans.append(Span(offset, offset + len(inferred.from_quote), source.id, None, f"#{source.id}",
                              "The publication date is inferred from these words", quoted=False))
    if source_id in checked.published:  # the dateline: marked, and linked to the line that gives the date
        begin, stop = checked.published[source_id]
        spans.append(Span(begin, stop, source_id, published_anchor(source_id), f"#{source_id}", "Quoted in: The publication date", quoted=False))
    # A passage the data uses that none of the above marks (a kind of passage this page has not
    # learnt to link yet) is marked all the same, so a highlight never hides a used word.
    marked = {(s.begin, s.stop) for s in spans}
    for begin, stop in used_spans(checked, source_id):
        if (begin, stop) not in marked:
            spans.append(Span(begin, stop, source_id, None, None, "Used by the data", quoted=False))
    return spans


def render_source_text(checked: Result, source_id: str, links: Links = Links(), not_taken: Optional[set[LeftOutPlace]] = None) -> Markup:
    """The stored text, paragraph by paragraph: every passage the data uses marked and linked
    to what uses it, every passage it leaves out marked, with its reason, and the rest plain."""
    text = checked.texts[source_id].text
    spans = source_spans(checked, source_id, links)
    left_out = left_out_places(checked, source_id)
    nth = numbered(left_out)
    cuts = sorted({0, len(text)} | {s.begin for s in spans} | {s.stop for s in spans}
                  | {p.begin for p in left_out} | {p.stop for p in left_out} | _line_cuts(text))
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.begin, []).append(span)
    out_starts: dict[int, list[LeftOutPlace]] = {}
    out_stops: dict[int, list[LeftOutPlace]] = {}
    after_quotes = _after_quotes([(s.begin, s.stop) for s in spans])
    if not_taken is None:
        not_taken = not_taken_places(checked, source_id)
    for place in left_out:
        out_starts.setdefault(place.begin, []).append(place)
        out_stops.setdefault(after_quotes(place.stop), []).append(place)
    paragraphs: list[Markup] = []
    current: list[Markup] = []
    open_spans: list[Span] = []
    open_out: list[LeftOutPlace] = []
    run: list[str] = []  # text that one mark holds, gathered while nothing between its pieces changes
    run_key: tuple = ()

    def close_run():
        if run:
            current.append(_highlight("".join(run), *run_key))
            run.clear()

    for begin, stop in zip(cuts, cuts[1:], strict=False):
        # A sweep from left to right: the passages open here are those begun and not yet ended.
        open_spans = [s for s in open_spans if s.stop > begin]
        open_out = [p for p in open_out if p.stop > begin]
        # At a cut: the marks of left-out passages that end here, then the anchors of those
        # that begin (the quotes' last, so each stands just before its mark, for :target).
        inserted = [render_mark(p, p in not_taken) for p in out_stops.get(begin, ())]
        inserted += [Markup('<span class="bj-anchor" id="{}"></span>').format(place_anchor(p.entry, nth[(p.entry, p.begin, p.stop)]))
                     for p in out_starts.get(begin, ())]
        open_out += out_starts.get(begin, [])
        for span in starts.get(begin, ()):
            if span.anchor:
                inserted.append(Markup('<span class="bj-anchor" id="{}"></span>').format(span.anchor))
            if span.stop > begin:
                open_spans.append(span)
        if inserted:
            close_run()
            current.extend(inserted)
        piece = text[begin:stop]
        if piece == "\n":
            close_run()
            paragraphs.append(Markup("").join(current))
            current = []
            continue
        # Quoted words are shown quoted, even where a left_out passage also holds them.
        key = (_innermost(open_spans), bool(open_out) and not open_spans)
        if key != run_key:
            close_run()
            run_key = key
        run.append(piece)
    close_run()
    current.extend(render_mark(p, p in not_taken) for p in out_stops.get(len(text), ()))
    paragraphs.append(Markup("").join(current))
    return Markup('<div class="bj-source-text">{}</div>').format(Markup("").join(Markup("<p>{}</p>").format(p) for p in paragraphs if p))


def _after_quotes(used: list[tuple[int, int]]):
    """Where the tag of a left-out passage ending at an offset goes: there, or, where the
    offset falls inside quoted words, after them, so that a tag never splits a quote."""
    merged = PassageUnion(used).spans
    begins = [begin for begin, _ in merged]

    def place(offset: int) -> int:
        i = bisect.bisect_right(begins, offset - 1) - 1
        return merged[i][1] if i >= 0 and merged[i][0] < offset < merged[i][1] else offset

    return place


def _line_cuts(text: str) -> set[int]:
    cuts = set()
    at = text.find("\n")
    while at >= 0:
        cuts.update((at, at + 1))
        at = text.find("\n", at + 1)
    return cuts


def _innermost(covering: list[Span]) -> Optional[Span]:
    """The passage a piece's mark leads to: an entry's own quote before a passage read for a
    date or a place, a linked passage before one that is not, and of those the shortest."""
    return min(covering, key=lambda s: (not s.quoted, s.href is None, s.stop - s.begin), default=None)


def _highlight(piece: str, innermost: Optional[Span], left_out: bool) -> Markup:
    shown = Markup('<span class="bj-out">{}</span>').format(piece) if left_out else escape(piece)
    if innermost is None:
        return shown
    if innermost.href is None:
        return Markup('<mark class="bj-used" title="{}">{}</mark>').format(innermost.title, shown)
    kind = "bj-q" if innermost.quoted else "bj-q bj-q--read"
    return Markup('<a class="{}" href="{}" title="{}"><mark>{}</mark></a>').format(kind, innermost.href, innermost.title, shown)


def render_status_summary(found: list[SentenceStatus]) -> Markup:
    """How many of a source's sentences the data quotes, leaves out, or partly each: "Of its
    29 sentences, 11 are quoted in full; 13 are left out in full; 5 are partly quoted, partly
    left out." """
    parts = [f"{number(n)} {'is' if n == 1 else 'are'} {STATUS_WORDS[status]}" for status, n in counts(found).items() if n]
    if not parts:
        return Markup("")
    total = len(found)
    return Markup('<p class="bj-source__status">Of its {} {}, {}.</p>').format(
        number(total), "sentence" if total == 1 else "sentences", "; ".join(parts))


def render_legend(plain: bool, not_taken: bool = False) -> Markup:
    """What the marks in the text mean, drawn with the marks themselves; `plain`: whether some
    words are neither quoted nor left out, which only unfinished data leaves; `not_taken`:
    whether some left-out passage lies in quoted words."""
    neither = Markup("<li>Plain words are neither used by the data nor left out.</li>") if plain else Markup("")
    if not_taken:
        neither = Markup(
            '<li>Highlighted words followed by <span class="bj-out-tag bj-out-tag--sample">not taken</span> are quoted, '
            "but what they write (a date, a number, a title) is not taken as an event, a figure or a date; the tag "
            "gives the reason.</li>") + neither
    return Markup(
        '<div class="bj-legend"><p class="bj-legend__title">How the text is marked</p><ul>'
        '<li><mark>Highlighted words</mark> are used by the data: an entry’s or a figure’s quote, the '
        "words a date or a place is inferred from, or the source’s title. Follow them to what uses them.</li>"
        '<li><span class="bj-out">Dimmed words, underlined with dots,</span> '
        '<span class="bj-out-tag bj-out-tag--sample">left out</span> '
        "are passages this timeline leaves out. The tag after each gives the reason when it is hovered "
        'or focused; <a href="#{section}">what this timeline leaves out</a> lists them all.</li>'
        "{neither}</ul></div>"
    ).format(section=SECTION, neither=neither)


def _how_published(checked: Result, source_id: str, inferred: bool) -> Markup:
    if inferred:
        return Markup(" (inferred)")
    if source_id in checked.published:
        return Markup(', as <a href="#{}">its text writes</a>').format(published_anchor(source_id))
    return Markup("")


def render_sources(checked: Result, links: Links = Links()) -> Markup:
    """The legend of the marks, then every stored source under its own heading, with what the
    data says about it, how many of its sentences it uses, and its text marked; with several
    sources, a list of them after the legend."""
    # Only checked data is rendered, where every source has its text.
    shown = [s for s in checked.dataset.sources if s.id in checked.texts]
    statuses = {s.id: sentence_statuses(checked, s.id) for s in shown}
    not_taken = {s.id: not_taken_places(checked, s.id) for s in shown}
    sections = []
    for source in shown:
        about = Markup('<p class="bj-source__about">{}</p>').format(source.description) if source.description else Markup("")
        sections.append(Markup(
            '<section class="bj-source" aria-labelledby="{id}">'
            '<h2 id="{id}">{publisher}: {title}</h2>'
            '<p class="bj-source__about">Published {when}{how}. '
            'Stored as <a href="{download}">{file}</a>, SHA-256 <code class="bj-hash">{sha256}</code>.</p>'
            "{about}{status}{text}</section>"
        ).format(id=source.id, publisher=source.publisher, title=source.title, when=render_date(source.published.value),
                 how=_how_published(checked, source.id, source.published.inferred is not None), download=f"{links.site}{source_download(source)}",
                 file=source.file, sha256=source.sha256, about=about, status=render_status_summary(statuses[source.id]), text=render_source_text(checked, source.id, links, not_taken[source.id])))
    contents = Markup("")
    if len(shown) > 1:
        contents = Markup('<ul class="bj-source-list">{}</ul>').format(Markup("").join(
            Markup('<li><a href="#{}">{}: {}</a></li>').format(s.id, s.publisher, s.title) for s in shown))
    plain = any(sentence.status == UNACCOUNTED for found in statuses.values() for sentence in found)
    return render_legend(plain, any(not_taken.values())) + contents + Markup("").join(sections)
