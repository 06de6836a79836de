"""The timeline page: every event in the data's order, its quote, its figures, and JSON-LD."""
from __future__ import annotations

import json

from ..model.dataset import Dataset, Event, Figure, Source
from ..model.page_ids import quote_anchor
from .common import Links, esc, number, render_date, render_inference, render_quote, to_source_link, unit_word


def render_timeline(dataset: Dataset, links: Links = Links()) -> str:
    sources = {s.id: s for s in dataset.sources}
    items = "\n".join(render_event(event, dataset, sources[event.source], links) for event in dataset.events_in_order())
    return f'<ol class="bj-timeline" id="bj-events">\n{items}\n</ol>'


def render_event(event: Event, dataset: Dataset, source: Source, links: Links) -> str:
    figures = dataset.figures_of(event.id)
    figure_list = ""
    if figures:
        figure_list = '<ul class="bj-event__figures">' + "".join(render_figure_item(f, source, links) for f in figures) + "</ul>"
    return (
        # The id sits on the heading: search splits pages into sections at headings with ids.
        f'<li class="bj-event">\n'
        f'<p class="bj-event__date">{render_date(event.date.value)}</p>\n'
        f'{render_places(event)}\n'
        f'<h2 class="bj-event__title" id="{esc(event.id)}">{esc(event.title)} '
        f'<a class="bj-permalink" href="#{esc(event.id)}" aria-label="Permalink to this event: {esc(event.title)}">¶</a></h2>\n'
        f'<p class="bj-event__summary">{esc(event.summary)}</p>\n'
        f'{render_quote(event.quote, event.id, source, links)}\n'
        f'{render_inference(event.date, event.id, links, source.publisher)}\n'
        f'{figure_list}\n'
        "</li>"
    )


def render_places(event: Event) -> str:
    """Where the event happened, as its source names it, or that the source does not say."""
    if not event.places:
        return '<p class="bj-event__where">Where: <span class="bj-unsaid">the article does not say where</span>.</p>'
    named = []
    for place in event.places:
        words = esc(place.name)
        if place.inferred:
            words += f' <span class="bj-event__inferred-place">(inferred from the words “{esc(place.inferred.from_quote)}”: {esc(place.inferred.reason)})</span>'
        named.append(words)
    return f'<p class="bj-event__where">Where: {"; ".join(named)}.</p>'


def render_figure_item(figure: Figure, source: Source, links: Links) -> str:
    target = f"{links.source}#{quote_anchor(figure.id)}"
    return (
        f'<li class="bj-figure" id="{esc(figure.id)}">'
        f'<p><span class="bj-figure__value"><data value="{figure.value}">{number(figure.value)}</data> {esc(unit_word(figure))}</span>'
        f' · <span class="bj-figure__label">{esc(figure.label)}</span>'
        f' <a class="bj-permalink" href="#{esc(figure.id)}" aria-label="Permalink to this figure: {esc(figure.label)}">¶</a><br>'
        f'<q class="bj-figure__quote" cite="{esc(target)}">{esc(figure.quote)}</q> '
        f'{to_source_link(figure.quote, figure.id, source, links)}</p>'
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
            "subjectOf": _article_ld(source),
        }
        places = [{"@type": "Place", "name": p.name} for p in event.places]
        if places:  # an event whose source does not say where has no location at all
            item["location"] = places[0] if len(places) == 1 else places
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
