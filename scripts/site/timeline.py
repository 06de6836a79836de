"""The timeline page: every event in the data's order, its quote, its figures, and JSON-LD."""
from __future__ import annotations

import json

from markupsafe import Markup, escape

from ..model.dataset import Dataset, Event, Figure, Source
from ..model.page_ids import quote_anchor
from .attribution import by_source, source_names, subject
from .common import Links, number, possessive, render_date, render_inference, render_quote, to_source_link, unit_word
from .span_words import render_span_short


def render_timeline_intro(dataset: Dataset, links: Links = Links()) -> Markup:
    """The page's opening words, naming whose account the entries give: the one source's,
    or each source's with the number of events it gives."""
    names = source_names(dataset)
    tellers = [(Markup('<a href="{}#{}">{}</a>').format(links.source, source.id, names[source.id]), events)
               for source, events in by_source(dataset, dataset.events)]
    if not tellers:
        return Markup("<p>The data holds no events yet.</p>")
    if len(tellers) == 1:
        how = Markup("as {} tells them").format(tellers[0][0])
        teller = subject(dataset, dataset.events[0].source)
        precise, words, leaves = teller, possessive(teller), f"{teller} leaves"
    else:
        listed = [Markup("{} ({} {})").format(link, number(len(events)), "event" if len(events) == 1 else "events") for link, events in tellers]
        how = Markup("as their sources tell them: {} and {}").format(Markup(", ").join(listed[:-1]), listed[-1])
        precise, words, leaves = "its source", "the source’s", "a source leaves"
    return Markup(
        "<p>The events in date order, {how}. Each entry gives the date as precisely as {precise} does, a summary in "
        "our words, {words} own words, and the figures it gives for the event. Where {leaves} part of a date "
        "unwritten, the entry says so and shows the passage the date is inferred from.</p>"
    ).format(how=how, precise=precise, words=words, leaves=leaves)


def render_timeline(dataset: Dataset, links: Links = Links()) -> Markup:
    sources = {s.id: s for s in dataset.sources}
    items = Markup("\n").join(render_event(event, dataset, sources, links) for event in dataset.events)
    return Markup('<ol class="bj-timeline" id="bj-events">\n{}\n</ol>').format(items)


def render_event(event: Event, dataset: Dataset, sources: dict[str, Source], links: Links) -> Markup:
    source = sources[event.source]
    figures = dataset.figures_of(event.id)
    figure_list = Markup("")
    if figures:
        # Each figure names its own source, which need not be the event's.
        titles = {e.id: e.title for e in dataset.events}
        figure_list = Markup('<ul class="bj-event__figures">{}</ul>').format(
            Markup("").join(render_figure_item(f, sources[f.source], links, event.id, titles) for f in figures))
    return Markup(
        # The id sits on the heading: search splits pages into sections at headings with ids,
        # and what follows a heading is its section. So the heading comes first, and the date
        # and the place after it: they are found with the entry, read after its title, and a
        # link to the entry, which scrolls its heading to the top, shows them.
        # The permalink is named "Permalink" alone (the heading already says the title, and a
        # screen reader reads the heading with its link's name) and is left out of the search
        # index, whose titles would end in "¶".
        '<li class="bj-event">\n'
        '<h2 class="bj-event__title" id="{id}">{title} '
        '<a class="bj-permalink" href="#{id}" aria-label="Permalink" data-search-exclude>¶</a></h2>\n'
        '<p class="bj-event__date">{date}</p>\n'
        "{places}\n"
        '<p class="bj-event__summary">{summary}</p>\n'
        "{quote}\n"
        "{inference}\n"
        "{figures}\n"
        "</li>"
    ).format(
        date=render_date(event.date.value),
        places=render_places(event, subject(dataset, event.source)),
        id=event.id,
        title=event.title,
        summary=event.summary,
        quote=render_quote(event.quote, event.id, source, links),
        inference=render_inference(event.date, event.id, links, source.publisher),
        figures=figure_list,
    )


def render_places(event: Event, teller: str) -> Markup:
    """Where the event happened, as its source names it, or that its source (`teller`, as
    the page names it) does not say."""
    if not event.places:
        return Markup('<p class="bj-event__where">Where: <span class="bj-unsaid">{} does not say where</span>.</p>').format(teller)
    named = []
    for place in event.places:
        name = escape(place.name)
        if place.also_written:
            # Other spellings help a reader (and search) find the place; the source does not
            # write them, so the entry says whose they are.
            name = Markup('{} <span class="bj-event__also-written">(also written {}: the editors’ addition, not {} words)</span>').format(
                name, ", ".join(place.also_written), possessive(teller))
        if place.inferred:
            name = Markup('{} <span class="bj-event__inferred-place">(inferred from the words “{}”: {})</span>').format(
                name, place.inferred.from_quote, place.inferred.reason)
        named.append(name)
    return Markup('<p class="bj-event__where">Where: {}.</p>').format(Markup("; ").join(named))


def render_figure_item(figure: Figure, source: Source, links: Links, event_id: str = "", titles: dict[str, str] | None = None) -> Markup:
    """A figure under an event. A figure that counts several events together is shown under
    each, and counted once: its permalink is under the first, and the others point to it."""
    first = not event_id or figure.events[0] == event_id
    together = Markup("")
    if len(figure.events) > 1 and titles is not None:
        others = [Markup('<a href="#{}">{}</a>').format(i, titles.get(i, i)) for i in figure.events if i != event_id]
        lead = "One count for this event and " if first else "Counted once, with its permalink under "
        together = Markup('<br><span class="bj-figure__together">{}{}.</span>').format(lead, Markup(" and ").join(others))
    return Markup(
        '<li class="bj-figure"{id_attribute}>'
        '<p><span class="bj-figure__value"><data value="{value}">{number}</data> {unit}</span>'
        ' · <span class="bj-figure__label">{label}</span>'
        '{permalink}<br>'
        '<q class="bj-figure__quote" cite="{target}">{quote}</q> '
        "{to_source}<br>{span}{together}</p>"
        "</li>"
    ).format(
        id_attribute=Markup(' id="{}"').format(figure.id) if first else Markup(""),
        permalink=Markup(' <a class="bj-permalink" href="#{id}" aria-label="Permalink to this figure: {label}" data-search-exclude>¶</a>').format(id=figure.id, label=figure.label) if first else Markup(""),
        value=figure.value,
        number=number(figure.value),
        unit=unit_word(figure),
        label=figure.label,
        target=f"{links.source}#{quote_anchor(figure.id)}",
        quote=figure.quote,
        to_source=to_source_link(figure.quote, figure.id, source, links),
        span=render_span_short(figure, source.publisher, links),
        together=together,
    )


def render_json_ld(dataset: Dataset, page_url: str | None = None) -> Markup:
    """schema.org Event items citing their source, for search engines and other machines.
    Each item's @id is its entry on the page: "#id", relative to the page, or in full
    under `page_url`, the page's public address, where the site has one."""
    sources = {s.id: s for s in dataset.sources}
    items = []
    for position, event in enumerate(dataset.events, start=1):
        source = sources[event.source]
        item = {
            "@type": "Event",
            "@id": f"{page_url or ''}#{event.id}",
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
    # A <script> element's content is not HTML: entities in it are not decoded, so HTML
    # escaping would change the JSON. What it must not hold is "</script" (or "<!--"),
    # which would end the element early; with every "<" written as JSON's own \u003c,
    # neither can occur, and the JSON is safe to put in as markup, as it is.
    return Markup('<script type="application/ld+json">{}</script>').format(Markup(text.replace("<", "\\u003c")))


def _article_ld(source: Source) -> dict:
    return {
        "@type": "NewsArticle",
        "headline": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "datePublished": source.published.value.iso(),
    }
