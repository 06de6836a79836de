"""Render the checked data as HTML fragments: data in, HTML text out.

Nothing here knows of MkDocs, so another site generator can call the same functions.
Every string that comes from the data or the source passes through `esc`.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from . import dates
from .checks import relation_sum, unique_offset
from .codes import CODES
from .model import Dataset, Dated, Event, Figure, Relation, Source
from .source_text import SourceText

Texts = dict[str, SourceText]

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


def number(value: int) -> str:
    return f"{value:,}"


def unit_word(figure: Figure) -> str:
    one, many = UNIT_WORDS[figure.unit]
    return one if figure.value == 1 else many


def source_anchor(entry_id: str) -> str:
    return f"q-{entry_id}"


def basis_anchor(entry_id: str) -> str:
    return f"q-{entry_id}-date"


# --- dates -----------------------------------------------------------------------------------

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


# --- timeline --------------------------------------------------------------------------------

def render_timeline(dataset: Dataset, links: Links = Links()) -> str:
    sources = {s.id: s for s in dataset.sources}
    items = "\n".join(render_event(event, dataset, sources[event.source], links) for event in dataset.events_in_order())
    return f'<ol class="bj-timeline">\n{items}\n</ol>'


def render_event(event: Event, dataset: Dataset, source: Source, links: Links) -> str:
    figures = dataset.figures_of(event.id)
    figure_list = ""
    if figures:
        figure_list = '<ul class="bj-event__figures">' + "".join(render_figure_item(f, source, links) for f in figures) + "</ul>"
    return (
        # The id sits on the heading: search splits pages into sections at headings with ids.
        f'<li class="bj-event">\n'
        f'<p class="bj-event__date">{render_date(event.date.value)}</p>\n'
        f'<h2 class="bj-event__title" id="{esc(event.id)}">{esc(event.title)} '
        f'<a class="bj-permalink" href="#{esc(event.id)}" aria-label="Permalink to this event: {esc(event.title)}">¶</a></h2>\n'
        f'<p class="bj-event__summary">{esc(event.summary)}</p>\n'
        f'{render_quote(event.quote, event.id, source, links)}\n'
        f'{render_inference(event.date, event.id, links, source.publisher)}\n'
        f'{figure_list}\n'
        "</li>"
    )


def render_quote(quote: str, entry_id: str, source: Source, links: Links) -> str:
    target = f"{links.source}#{source_anchor(entry_id)}"
    return (
        f'<blockquote class="bj-quote" cite="{esc(target)}"><p>“{esc(quote)}”</p>'
        f'<footer>— {esc(source.publisher)}, <a class="bj-to-source" href="{esc(target)}">see it in the article</a></footer></blockquote>'
    )


def render_figure_item(figure: Figure, source: Source, links: Links) -> str:
    target = f"{links.source}#{source_anchor(figure.id)}"
    return (
        f'<li class="bj-figure" id="{esc(figure.id)}">'
        f'<p><span class="bj-figure__value"><data value="{figure.value}">{number(figure.value)}</data> {esc(unit_word(figure))}</span>'
        f' · <span class="bj-figure__label">{esc(figure.label)}</span>'
        f' <a class="bj-permalink" href="#{esc(figure.id)}" aria-label="Permalink to this figure: {esc(figure.label)}">¶</a><br>'
        f'<q class="bj-figure__quote" cite="{esc(target)}">{esc(figure.quote)}</q> '
        f'<a class="bj-to-source" href="{esc(target)}" aria-label="See “{esc(figure.quote)}” in the article">in the article</a></p>'
        "</li>"
    )


def render_json_ld(dataset: Dataset) -> str:
    """schema.org Event items citing their source, for search engines and other machines."""
    sources = {s.id: s for s in dataset.sources}
    items = []
    for position, event in enumerate(dataset.events_in_order(), start=1):
        source = sources[event.source]
        item = {
            "@type": "Event",
            "@id": f"#{event.id}",
            "name": event.title,
            "description": event.summary,
            "startDate": event.date.value.iso(),
            "endDate": event.date.value.iso_end(),
            "location": {"@type": "Place", "name": "Azerbaijan"},
            "subjectOf": _article_ld(source),
        }
        items.append({"@type": "ListItem", "position": position, "item": item})
    data = {"@context": "https://schema.org", "@type": "ItemList", "name": "Timeline", "itemListElement": items}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # "</script>" inside the data must not close the element: escape every "<" in JSON's own way.
    return '<script type="application/ld+json">' + text.replace("<", "\\u003c") + "</script>"


def _article_ld(source: Source) -> dict:
    return {
        "@type": "NewsArticle",
        "headline": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "datePublished": source.published.value.iso(),
    }


# --- figures ---------------------------------------------------------------------------------

def render_figures_table(dataset: Dataset, links: Links = Links()) -> str:
    events = {e.id: e for e in dataset.events}
    rows = []
    for figure in dataset.figures:
        event = events.get(figure.event)
        event_link = f'<a href="{esc(links.timeline)}#{esc(event.id)}">{esc(event.title)}</a>' if event else ""
        target = f"{links.source}#{source_anchor(figure.id)}"
        rows.append(
            f'<tr id="{esc(figure.id)}"><th scope="row">{esc(figure.label)}</th>'
            f'<td class="bj-num"><data value="{figure.value}">{number(figure.value)}</data> {esc(unit_word(figure))}</td>'
            f'<td><q>{esc(figure.quote)}</q> <a href="{esc(target)}" aria-label="See “{esc(figure.quote)}” in the article">in the article</a></td>'
            f"<td>{event_link}</td></tr>"
        )
    return (
        '<div class="bj-table-wrap" id="figures-table"><table>'
        "<caption>Every figure in the data, with the words it is taken from</caption>"
        '<thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Source’s words</th><th scope="col">Event</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def render_relations(dataset: Dataset) -> str:
    figures = {f.id: f for f in dataset.figures}
    items = [render_relation(r, figures) for r in dataset.relations if all(i in figures for i in (*r.parts, r.total))]
    return '<ul class="bj-relations">' + "".join(items) + "</ul>"


def render_relation(relation: Relation, figures: dict[str, Figure]) -> str:
    parts, total, holds = relation_sum(relation, figures)
    labels = " + ".join(f"{esc(figures[p].label)} ({number(figures[p].value)})" for p in relation.parts)
    total_label = f"{esc(figures[relation.total].label)} ({number(total)})"
    written = " + ".join(number(figures[p].value) for p in relation.parts)
    if relation.kind == "sum":
        claim = f"{labels} should add up to {total_label}."
        arithmetic = f"{written} = {number(parts)}, against {number(total)}"
    elif relation.kind == "equal":
        claim = f"{labels} should equal {total_label}."
        arithmetic = f"{number(parts)} against {number(total)}"
    else:
        claim = f"{labels} is part of {total_label}, so it should be no larger."
        arithmetic = f"{number(parts)} ≤ {number(total)}" if holds else f"{number(parts)}, more than {number(total)}"
    if holds:
        verdict = f'<p class="bj-relation__verdict bj-holds">Holds: {esc(arithmetic)}.</p>'
    else:
        difference = total - parts
        verdict = (
            f'<p class="bj-relation__verdict"><strong class="bj-differs">The article’s figures differ by '
            f'<data value="{difference}">{number(abs(difference))}</data>:</strong> {esc(arithmetic)}.</p>'
        )
        if relation.acknowledged:
            verdict += f'<p class="bj-relation__note">{esc(relation.acknowledged.note)}</p>'
    return f'<li class="bj-relation" id="{esc(relation.id)}"><p>{claim}</p>{verdict}</li>'


def render_chart(dataset: Dataset, links: Links = Links()) -> str:
    """A horizontal bar chart as inline SVG, drawn at build time; the table is its text alternative."""
    figures = [f for f in dataset.figures if f.unit == "people"]
    if not figures:
        return ""
    largest = max(f.value for f in figures) or 1
    width, row, bar = 600, 44, 16
    rows = []
    for index, figure in enumerate(figures):
        top = index * row
        length = max(2, round(figure.value / largest * (width - 60)))
        rows.append(
            f'<text class="bj-chart__label" x="0" y="{top + 14}">{esc(figure.label)}</text>'
            f'<rect class="bj-chart__bar" x="0" y="{top + 20}" width="{length}" height="{bar}" rx="2"></rect>'
            f'<text class="bj-chart__value" x="{length + 6}" y="{top + 33}">{number(figure.value)}</text>'
        )
    description = "; ".join(f"{f.label}: {number(f.value)}" for f in figures)
    return (
        '<figure class="bj-chart">'
        f'<svg viewBox="0 0 {width} {len(figures) * row}" role="img" aria-labelledby="bj-chart-title bj-chart-desc">'
        '<title id="bj-chart-title">Counts of people in the article</title>'
        f'<desc id="bj-chart-desc">{esc(description)}</desc>'
        + "".join(rows)
        + "</svg>"
        "<figcaption>Counts of people, as the article gives them, drawn to scale. "
        'The same values are in <a href="#figures-table">the table</a> above.</figcaption></figure>'
    )


# --- home ------------------------------------------------------------------------------------

def headline_figures(dataset: Dataset) -> list[Figure]:
    """Figures that no relation counts as a part of a larger one: the article's own totals."""
    parts = {p for r in dataset.relations if r.kind != "equal" for p in r.parts}
    return [f for f in dataset.figures if f.id not in parts]


def render_headline_figures(dataset: Dataset, links: Links = Links()) -> str:
    items = []
    for figure in headline_figures(dataset):
        items.append(
            f'<li><a href="{esc(links.figures)}#{esc(figure.id)}"><span class="bj-big"><data value="{figure.value}">{number(figure.value)}</data></span> '
            f'<span>{esc(figure.label)} ({esc(unit_word(figure))})</span></a></li>'
        )
    return '<ul class="bj-headline">' + "".join(items) + "</ul>"


def render_source_card(dataset: Dataset) -> str:
    cards = []
    for source in dataset.sources:
        published = source.published
        when = render_date(published.value)
        note = " (inferred: " + esc(published.inferred.reason) + ")" if published.inferred else ""
        cards.append(
            f'<dl class="bj-source-card"><dt>Publisher</dt><dd>{esc(source.publisher)}</dd>'
            f"<dt>Title</dt><dd>{esc(source.title)}</dd>"
            f"<dt>Published</dt><dd>{when}{note}</dd>"
            f"<dt>About the source</dt><dd>{esc(source.description)}</dd>"
            f'<dt>Stored text</dt><dd><code>{esc(source.file)}</code>, SHA-256 <code class="bj-hash">{esc(source.sha256)}</code></dd></dl>'
        )
    return "".join(cards)


# --- source ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    begin: int
    stop: int
    entry_id: str
    anchor: str
    href: Optional[str]  # None: an anchor only (the passage a date is inferred from)
    label: str


def source_spans(dataset: Dataset, texts: Texts, source_id: str, links: Links) -> list[Span]:
    spans = []
    for entry, anchor_kind in [*((e, "event") for e in dataset.events), *((f, "figure") for f in dataset.figures)]:
        if entry.source != source_id:
            continue
        offset = unique_offset(texts, source_id, entry.quote)
        if offset is not None:
            label = entry.title if anchor_kind == "event" else entry.label
            page = links.timeline if anchor_kind == "event" else links.figures
            spans.append(Span(offset, offset + len(entry.quote), entry.id, source_anchor(entry.id), f"{page}#{entry.id}", label))
    for event in dataset.events:
        if event.source == source_id and event.date.inferred:
            offset = unique_offset(texts, source_id, event.date.inferred.from_quote)
            if offset is not None:
                spans.append(Span(offset, offset, event.id, basis_anchor(event.id), None, event.title))
    return spans


def render_source_text(dataset: Dataset, texts: Texts, source_id: str, links: Links = Links()) -> str:
    """The stored text, paragraph by paragraph, every quoted passage marked and linked to its entry."""
    text = texts[source_id].text
    spans = source_spans(dataset, texts, source_id, links)
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


# --- method ----------------------------------------------------------------------------------

def render_codes_table() -> str:
    rows = "".join(
        f'<tr id="code-{esc(code.lower())}"><th scope="row"><code>{esc(code)}</code></th><td>{esc(title)}</td><td>{esc(meaning)}</td></tr>'
        for code, (title, meaning) in CODES.items()
    )
    return (
        '<div class="bj-table-wrap"><table><caption>Every message code the checker prints</caption>'
        '<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">What it means, what to do</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def render_left_out(dataset: Dataset) -> str:
    items = "".join(f"<li><q>{esc(e.quote)}</q>: {esc(e.reason)}</li>" for e in dataset.left_out)
    return f'<ul class="bj-left-out">{items}</ul>'


def _source_text_fragment(dataset: Dataset, texts: Texts, links: Links) -> str:
    first = dataset.sources[0].id if dataset.sources else None
    return render_source_text(dataset, texts, first, links) if first in texts else ""


def render_mistakes(dataset: Dataset) -> str:
    """The editing guide's common mistakes, each with what the checker really prints for it."""
    from .mistakes import outputs

    parts = []
    for mistake, lines in outputs(dataset.path):
        parts.append(
            f'<section class="bj-mistake" id="mistake-{esc(mistake.slug)}"><h3>{esc(mistake.title)}</h3>'
            f"<p>The editor {esc(mistake.what)}: in <code>{esc(mistake.section)}</code>, the entry "
            f"<code>{esc(mistake.entry_id)}</code>, its <code>{esc(mistake.field)}</code> line now reads "
            f"<code>{esc(mistake.new)}</code> where it read <code>{esc(mistake.old)}</code>. The checker prints:</p>"
            f'<pre class="bj-output"><code>{esc(chr(10).join(lines))}</code></pre></section>'
        )
    return "".join(parts)


# Every generated fragment by name; a page asks for one with a placeholder, and only
# the fragments a page asks for are rendered.
FRAGMENTS: dict[str, Callable[[Dataset, Texts, Links], str]] = {
    "headline-figures": lambda dataset, texts, links: render_headline_figures(dataset, links),
    "source-card": lambda dataset, texts, links: render_source_card(dataset),
    "timeline": lambda dataset, texts, links: render_timeline(dataset, links) + render_json_ld(dataset),
    "figures-table": lambda dataset, texts, links: render_figures_table(dataset, links),
    "relations": lambda dataset, texts, links: render_relations(dataset),
    "chart": lambda dataset, texts, links: render_chart(dataset, links),
    "source-text": _source_text_fragment,
    "codes": lambda dataset, texts, links: render_codes_table(),
    "left-out": lambda dataset, texts, links: render_left_out(dataset),
    "mistakes": lambda dataset, texts, links: render_mistakes(dataset),
}


def all_ids(dataset: Dataset) -> Iterable[str]:
    for entry in [*dataset.events, *dataset.figures]:
        yield entry.id
