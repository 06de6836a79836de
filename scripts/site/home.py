"""The home page's words about the sources: whose account the site gives, and each
source's card. Every name, title and date comes from the data."""
from __future__ import annotations

from markupsafe import Markup

from ..model.dataset import Dataset, Source
from .attribution import count_words
from .common import Links, render_date


def render_sources_intro(dataset: Dataset, links: Links = Links()) -> Markup:
    """Whose account the site gives: the one source, or each of them, with what the data
    says about it (for Caliber.Az, that the outlet is state-aligned and its wording charged)."""
    tells = Markup("<strong>as {} {} them</strong>").format(count_words(len(dataset.sources), "source", "sources"),
                                                              "tells" if len(dataset.sources) == 1 else "tell")
    opening = Markup("This site sets out {} as a timeline, {}:").format(_events_and_span(dataset), tells)
    if len(dataset.sources) == 1:
        return Markup("<p>{} {}</p>").format(opening, _cited(dataset.sources[0], links))
    items = Markup("").join(Markup("<li>{}</li>").format(_cited(source, links)) for source in dataset.sources)
    return Markup('<p>{}</p><ul class="bj-sources">{}</ul>').format(opening, items)


def _events_and_span(dataset: Dataset) -> Markup:
    """How many events the data holds and the dates they run between: the page says of the
    events only what the data holds ("14 events, dated from the end of 1987 to 20 January 2025")."""
    events = dataset.events
    if not events:
        return Markup("no events yet")
    first = min(events, key=lambda e: e.date.value.earliest())
    last = max(events, key=lambda e: e.date.value.latest())
    return Markup("{}, dated from {} to {},").format(count_words(len(events), "event", "events"), _end(first), _end(last))


def _end(event) -> Markup:
    """One end of the timeline's dates, as a sentence says it: "the end of 1987", "20 January
    2025 (inferred)"."""
    value = event.date.value
    the = "the " if value.qualifier else ""
    return Markup("{}{}{}").format(the, render_date(value), " (inferred)" if event.date.inferred else "")


def _cited(source: Source, links: Links) -> Markup:
    inferred = ", a date inferred from its text" if source.published.inferred else ""
    about = Markup(" {}").format(source.description) if source.description else Markup("")
    return Markup('<a href="{}#{}">“{}”</a> by {} ({}{}).{}').format(
        links.source, source.id, source.title, source.publisher, render_date(source.published.value), inferred, about)


def render_source_card(dataset: Dataset, links: Links = Links()) -> Markup:
    """Each source's record: who published it, when, and the stored text with its hash.
    What the source is (its description) opens the page, in the sources' introduction."""
    cards = []
    for source in dataset.sources:
        published = source.published
        note = Markup(" (inferred: {})").format(published.inferred.reason) if published.inferred else Markup("")
        cards.append(Markup(
            '<dl class="bj-source-card"><dt>Publisher</dt><dd>{publisher}</dd>'
            "<dt>Title</dt><dd>{title}</dd>"
            "<dt>Published</dt><dd>{when}{note}</dd>"
            '<dt>Stored text</dt><dd><a href="{source_page}#{id}">Read it with every quoted passage marked</a>; '
            '<code>{file}</code>, SHA-256 <code class="bj-hash">{sha256}</code></dd></dl>'
        ).format(publisher=source.publisher, title=source.title, when=render_date(published.value), note=note,
                 source_page=links.source, id=source.id, file=source.file, sha256=source.sha256))
    return Markup("").join(cards)
