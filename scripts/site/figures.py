"""The figures page and the home page's figures: the table, the relations with their
differences, a chart drawn at build time, and the source's card."""
from __future__ import annotations

from markupsafe import Markup

from ..model.dataset import Dataset, Figure, Relation
from ..model.relations import relation_sum
from .common import Links, number, render_date, to_source_link, unit_word
from .disagreement import drawings, render_drawing


def render_figures_table(dataset: Dataset, links: Links = Links()) -> Markup:
    events = {e.id: e for e in dataset.events}
    sources = {s.id: s for s in dataset.sources}
    rows = []
    for figure in dataset.figures:
        event = events.get(figure.event)
        event_link = Markup('<a href="{}#{}">{}</a>').format(links.timeline, event.id, event.title) if event else Markup("")
        rows.append(Markup(
            '<tr id="{id}"><th scope="row">{label}</th>'
            '<td class="bj-num"><data value="{value}">{number}</data> {unit}</td>'
            "<td><q>{quote}</q> {to_source}</td>"
            "<td>{event_link}</td></tr>"
        ).format(id=figure.id, label=figure.label, value=figure.value, number=number(figure.value), unit=unit_word(figure),
                 quote=figure.quote, to_source=to_source_link(figure.quote, figure.id, sources[figure.source], links), event_link=event_link))
    return Markup(
        '<div class="bj-table-wrap" id="figures-table"><table>'
        "<caption>Every figure in the data, with the words it is taken from</caption>"
        '<thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Source’s words</th><th scope="col">Event</th></tr></thead>'
        "<tbody>{}</tbody></table></div>"
    ).format(Markup("").join(rows))


def render_relations(dataset: Dataset) -> Markup:
    """Each relation in words, with its arithmetic and the difference, and drawn to scale."""
    figures = {f.id: f for f in dataset.figures}
    drawn = drawings(dataset)
    items = Markup("").join(render_relation(r, figures, render_drawing(drawn[r.id])) for r in dataset.relations if r.id in drawn)
    return Markup('<ul class="bj-relations">{}</ul>').format(items)


def render_disagreement_compact(dataset: Dataset, links: Links = Links()) -> Markup:
    """The relations whose figures differ, drawn small, for the home page."""
    drawn = [d for d in drawings(dataset).values() if d.difference and d.relation.kind != "at-most"]
    if not drawn:
        return Markup("")
    return Markup('<div class="bj-disagreement">{}<p><a href="{}#where-the-figures-disagree">Each relation, in words and drawn, on the Figures page</a></p></div>').format(
        Markup("").join(render_drawing(d, compact=True) for d in drawn), links.figures)


def render_relation(relation: Relation, figures: dict[str, Figure], drawn: Markup = Markup("")) -> Markup:
    parts, total, holds = relation_sum(relation, figures)
    # The labels are the data's text; they stay plain str until a Markup template takes them.
    labels = Markup(" + ").join(Markup("{} ({})").format(figures[p].label, number(figures[p].value)) for p in relation.parts)
    total_label = Markup("{} ({})").format(figures[relation.total].label, number(total))
    written = " + ".join(number(figures[p].value) for p in relation.parts)
    if relation.kind == "sum":
        claim = Markup("{} should add up to {}.").format(labels, total_label)
        arithmetic = f"{written} = {number(parts)}, against {number(total)}"
    elif relation.kind == "equal":
        claim = Markup("{} should equal {}.").format(labels, total_label)
        arithmetic = f"{number(parts)} against {number(total)}"
    else:
        claim = Markup("{} is part of {}, so it should be no larger.").format(labels, total_label)
        arithmetic = f"{number(parts)} ≤ {number(total)}" if holds else f"{number(parts)}, more than {number(total)}"
    if holds:
        verdict = Markup('<p class="bj-relation__verdict bj-holds">Holds: {}.</p>').format(arithmetic)
    else:
        difference = total - parts
        verdict = Markup(
            '<p class="bj-relation__verdict"><strong class="bj-differs">The article’s figures differ by '
            '<data value="{}">{}</data>:</strong> {}.</p>'
        ).format(difference, number(abs(difference)), arithmetic)
        if relation.acknowledged:
            verdict += Markup('<p class="bj-relation__note">{}</p>').format(relation.acknowledged.note)
    return Markup('<li class="bj-relation" id="{}"><p>{}</p>{}{}</li>').format(relation.id, claim, verdict, drawn)


def headline_figures(dataset: Dataset) -> list[Figure]:
    """Figures that no relation counts as a part of a larger one: the article's own totals."""
    parts = {p for r in dataset.relations if r.kind != "equal" for p in r.parts}
    return [f for f in dataset.figures if f.id not in parts]


def render_headline_figures(dataset: Dataset, links: Links = Links()) -> Markup:
    items = Markup("").join(
        Markup('<li><a href="{}#{}"><span class="bj-big"><data value="{}">{}</data></span> <span>{} ({})</span></a></li>').format(
            links.figures, figure.id, figure.value, number(figure.value), figure.label, unit_word(figure))
        for figure in headline_figures(dataset)
    )
    return Markup('<ul class="bj-headline">{}</ul>').format(items)


def render_source_card(dataset: Dataset, links: Links = Links()) -> Markup:
    cards = []
    for source in dataset.sources:
        published = source.published
        note = Markup(" (inferred: {})").format(published.inferred.reason) if published.inferred else Markup("")
        cards.append(Markup(
            '<dl class="bj-source-card"><dt>Publisher</dt><dd>{publisher}</dd>'
            "<dt>Title</dt><dd>{title}</dd>"
            "<dt>Published</dt><dd>{when}{note}</dd>"
            "<dt>About the source</dt><dd>{description}</dd>"
            '<dt>Stored text</dt><dd><a href="{source_page}#{id}">Read it with every quoted passage marked</a>; '
            '<code>{file}</code>, SHA-256 <code class="bj-hash">{sha256}</code></dd></dl>'
        ).format(publisher=source.publisher, title=source.title, when=render_date(published.value), note=note,
                 description=source.description, source_page=links.source, id=source.id, file=source.file, sha256=source.sha256))
    return Markup("").join(cards)
