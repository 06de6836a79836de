"""The figures page and the home page's figures: the table, the relations with their
differences, a chart drawn at build time, and the source's card."""
from __future__ import annotations

from ..model.dataset import Dataset, Figure, Relation
from ..model.relations import relation_sum
from .common import Links, esc, number, render_date, to_source_link, unit_word
from .disagreement import drawings, render_drawing


def render_figures_table(dataset: Dataset, links: Links = Links()) -> str:
    events = {e.id: e for e in dataset.events}
    sources = {s.id: s for s in dataset.sources}
    rows = []
    for figure in dataset.figures:
        event = events.get(figure.event)
        event_link = f'<a href="{esc(links.timeline)}#{esc(event.id)}">{esc(event.title)}</a>' if event else ""
        rows.append(
            f'<tr id="{esc(figure.id)}"><th scope="row">{esc(figure.label)}</th>'
            f'<td class="bj-num"><data value="{figure.value}">{number(figure.value)}</data> {esc(unit_word(figure))}</td>'
            f'<td><q>{esc(figure.quote)}</q> {to_source_link(figure.quote, figure.id, sources[figure.source], links)}</td>'
            f"<td>{event_link}</td></tr>"
        )
    return (
        '<div class="bj-table-wrap" id="figures-table"><table>'
        "<caption>Every figure in the data, with the words it is taken from</caption>"
        '<thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Source’s words</th><th scope="col">Event</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def render_relations(dataset: Dataset) -> str:
    """Each relation in words, with its arithmetic and the difference, and drawn to scale."""
    figures = {f.id: f for f in dataset.figures}
    drawn = drawings(dataset)
    items = [render_relation(r, figures, render_drawing(drawn[r.id])) for r in dataset.relations if r.id in drawn]
    return '<ul class="bj-relations">' + "".join(items) + "</ul>"


def render_disagreement_compact(dataset: Dataset, links: Links = Links()) -> str:
    """The relations whose figures differ, drawn small, for the home page."""
    drawn = [d for d in drawings(dataset).values() if d.difference and d.relation.kind != "at-most"]
    if not drawn:
        return ""
    return ('<div class="bj-disagreement">' + "".join(render_drawing(d, compact=True) for d in drawn)
            + f'<p><a href="{esc(links.figures)}#where-the-figures-disagree">Each relation, in words and drawn, on the Figures page</a></p></div>')


def render_relation(relation: Relation, figures: dict[str, Figure], drawn: str = "") -> str:
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
    return f'<li class="bj-relation" id="{esc(relation.id)}"><p>{claim}</p>{verdict}{drawn}</li>'


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


def render_source_card(dataset: Dataset, links: Links = Links()) -> str:
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
            f'<dt>Stored text</dt><dd><a href="{esc(links.source)}#{esc(source.id)}">Read it with every quoted passage marked</a>; '
            f'<code>{esc(source.file)}</code>, SHA-256 <code class="bj-hash">{esc(source.sha256)}</code></dd></dl>'
        )
    return "".join(cards)
