"""The figures page and the home page's figures: the table, the relations with their
differences and drawings, and the headline figures, each attributed to its source."""
from __future__ import annotations

from markupsafe import Markup

from ..model.dataset import Dataset, Figure, Relation, Source
from ..model.relations import claims_agreement, relation_sum
from .attribution import by_source, mixes_sources, only_source, source_names, whose_figures
from .common import Links, number, possessive, to_source_link, unit_word
from .disagreement import drawings, render_drawing
from .relation_words import differ_lead, render_claim, side_by_side
from .span_words import render_span


def render_figures_table(dataset: Dataset, links: Links = Links()) -> Markup:
    events = {e.id: e for e in dataset.events}
    sources = {s.id: s for s in dataset.sources}
    names = source_names(dataset)
    rows = []
    for figure in dataset.figures:
        event_link = Markup("; ").join(Markup('<a href="{}#{}">{}</a>').format(links.timeline, events[i].id, events[i].title)
                                       for i in figure.events if i in events)
        # data-label names each cell's column where, on a narrow screen, the rows stand as
        # cards and the column headings are not shown (docs/assets/timeline.css).
        rows.append(Markup(
            '<tr id="{id}"><th scope="row">{label}</th>'
            '<td class="bj-num" data-label="Value"><data value="{value}">{number}</data> {unit}</td>'
            '<td data-label="Source’s words"><q>{quote}</q> {to_source}</td>'
            '<td data-label="Time counted">{span}</td>'
            '<td data-label="Event">{event_link}</td></tr>'
        ).format(id=figure.id, label=figure.label, value=figure.value, number=number(figure.value), unit=unit_word(figure),
                 quote=figure.quote, to_source=to_source_link(figure.quote, figure.id, sources[figure.source], links),
                 span=render_span(figure, names[figure.source], links), event_link=event_link))
    # No scroll box of our own: Material wraps the table in its own, and a second one
    # around it scrolled sideways by Material's margins.
    return Markup(
        '<div class="bj-figures" id="figures-table"><table>'
        "<caption>Every figure in the data, with the words it is taken from, whose words they are, and the time it counts</caption>"
        '<thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Source’s words</th><th scope="col">Time counted</th>'
        '<th scope="col">Event</th></tr></thead>'
        "<tbody>{}</tbody></table></div>"
    ).format(Markup("").join(rows))


def render_relations(dataset: Dataset, links: Links = Links()) -> Markup:
    """Each relation in words, with who states it, its arithmetic and the difference, and
    drawn to scale. With several sources, the relations stand under a heading that says
    whose figures they compare: one source's, or more than one."""
    figures, names = {f.id: f for f in dataset.figures}, source_names(dataset)
    sources = {s.id: s for s in dataset.sources}
    drawn = drawings(dataset)
    shown = [r for r in dataset.relations if r.id in drawn]

    def listed(relations: list[Relation]) -> Markup:
        items = Markup("").join(render_relation(r, figures, names, render_drawing(drawn[r.id]), sources, links) for r in relations)
        return Markup('<ul class="bj-relations">{}</ul>').format(items)

    if only_source(dataset):
        return listed(shown)
    groups = []
    for source in dataset.sources:
        own = [r for r in shown if {figures[i].source for i in (*r.parts, r.total)} == {source.id}]
        if own:
            groups.append(Markup('<h3 id="bj-relations-{}">{} figures</h3>{}').format(source.id, possessive(names[source.id]), listed(own)))
    across = [r for r in shown if mixes_sources(figures[i] for i in (*r.parts, r.total))]
    if across:
        groups.append(Markup('<h3 id="bj-relations-across-sources">Figures from more than one source</h3>{}').format(listed(across)))
    return Markup("").join(groups)


def render_disagreement_compact(dataset: Dataset, links: Links = Links()) -> Markup:
    """The relations whose figures differ from what they claim, drawn small, each under words
    that say whose figures differ (and, for the editors' reading, whose reading it is), for
    the home page. A comparison claims no agreement, so no difference of its is a disagreement."""
    figures, names = {f.id: f for f in dataset.figures}, source_names(dataset)
    drawn = [d for d in drawings(dataset).values() if d.difference and d.relation.kind in ("sum", "equal")]
    more = Markup('<p><a href="{}#where-the-figures-disagree">Each relation, in words and drawn, on the Figures page</a></p>').format(links.figures)
    if not drawn:
        return Markup('<div class="bj-disagreement"><p>No parts differ from their total, and no two counts of the same thing differ.</p>{}</div>').format(more)
    shown = Markup("").join(
        Markup('<p class="bj-disagreement__whose"><a href="{}#{}">{} <data value="{}">{}</data></a>:</p>{}').format(
            links.figures, d.relation.id,
            differ_lead(d.relation, whose_figures([figures[p] for p in d.relation.parts], figures[d.relation.total], names)),
            d.difference, number(abs(d.difference)), render_drawing(d, compact=True))
        for d in drawn)
    return Markup('<div class="bj-disagreement">{}{}</div>').format(shown, more)


def render_relation(relation: Relation, figures: dict[str, Figure], names: dict[str, str], drawn: Markup = Markup(""),
                    sources: dict[str, Source] | None = None, links: Links = Links()) -> Markup:
    """One relation in words: what it says and who says it (relation_words), then its
    arithmetic; a difference says whose figures differ, and where they come from more than
    one source, each figure says whose it is (`names`: source id to name)."""
    parts, total, _ = relation_sum(relation, figures)
    members = [figures[p] for p in relation.parts]
    whole = figures[relation.total]
    mixed = mixes_sources([*members, whole])

    def called(figure: Figure) -> Markup:
        # The labels are the data's text; they stay plain str until a Markup template takes them.
        if mixed:
            return Markup("{} ({}, {})").format(figure.label, number(figure.value), names[figure.source])
        return Markup("{} ({})").format(figure.label, number(figure.value))

    claim = render_claim(relation, [called(f) for f in members], called(whole), [*members, whole], names, sources or {}, links)
    verdict = _verdict(relation, members, whole, names) if claims_agreement(relation) else side_by_side(parts, total)
    return Markup('<li class="bj-relation" id="{}"><p>{}</p>{}{}</li>').format(relation.id, claim, verdict, drawn)


def _verdict(relation: Relation, members: list[Figure], whole: Figure, names: dict[str, str]) -> Markup:
    """Whether the figures agree as the relation claims; where not, by how much, and the note."""
    parts, total, holds = relation_sum(relation, {f.id: f for f in (*members, whole)})
    written = " + ".join(number(f.value) for f in members)
    if relation.kind == "sum":
        arithmetic = f"{written} = {number(parts)}, against {number(total)}"
    elif relation.kind == "equal":
        arithmetic = f"{number(parts)} against {number(total)}"
    else:
        arithmetic = f"{number(parts)} ≤ {number(total)}" if holds else f"{number(parts)}, more than {number(total)}"
    if holds:
        return Markup('<p class="bj-relation__verdict bj-holds">Holds: {}.</p>').format(arithmetic)
    difference = total - parts
    verdict = Markup(
        '<p class="bj-relation__verdict"><strong class="bj-differs">{} '
        '<data value="{}">{}</data>:</strong> {}.</p>'
    ).format(differ_lead(relation, whose_figures(members, whole, names)), difference, number(abs(difference)), arithmetic)
    if relation.acknowledged:
        verdict += Markup('<p class="bj-relation__note">{}</p>').format(relation.acknowledged.note)
    return verdict


def headline_figures(dataset: Dataset) -> list[Figure]:
    """Figures that no relation counts as a part of a larger one: each source's own totals."""
    parts = {p for r in dataset.relations if r.kind in ("sum", "at-most") for p in r.parts}
    return [f for f in dataset.figures if f.id not in parts]


def render_headline_figures(dataset: Dataset, links: Links = Links()) -> Markup:
    """The headline figures, each source's under words that name it: a line with one
    source, a heading each with several."""
    names = source_names(dataset)
    groups = by_source(dataset, headline_figures(dataset))
    shown = []
    for source, figures in groups:
        items = Markup("").join(
            Markup('<li><a href="{}#{}"><span class="bj-big"><data value="{}">{}</data></span> <span>{} ({})</span></a></li>').format(
                links.figures, figure.id, figure.value, number(figure.value), figure.label, unit_word(figure))
            for figure in figures
        )
        if len(groups) == 1:
            whose = Markup('<p class="bj-headline__whose">According to {}:</p>').format(names[source.id])
        else:
            whose = Markup('<h3 class="bj-headline__whose" id="bj-counted-by-{}">According to {}</h3>').format(source.id, names[source.id])
        shown.append(Markup('{}<ul class="bj-headline">{}</ul>').format(whose, items))
    return Markup("").join(shown)
