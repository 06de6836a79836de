"""Every quoted passage as a W3C Web Annotation, so that its anchor can travel.

Annotation tools (Hypothesis among them) find a passage by its words and the words
around it (TextQuoteSelector), or by its place (TextPositionSelector: 0-based start,
exclusive end, counted in Unicode code points, which is what a Python str index counts).
The quote selector still finds the passage in a copy of the text that has moved.
"""
from __future__ import annotations

import posixpath
from typing import Callable, Iterable, Optional

from ..check.result import Result
from ..model.dataset import Dataset
from .paths import ANNOTATIONS as PATH, source_download

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AROUND = 32  # characters of prefix and suffix


def quoted_passages(dataset: Dataset) -> Iterable[tuple[str, str, str, str, str]]:
    """(annotation id, source id, quote, label, page and fragment of the entry) for every
    event quote, figure quote, passage that states a relation and passage a date is
    inferred from (an event's, a source's, or the start or end of a figure's count)."""
    for event in dataset.events:
        yield f"{event.id}-quote", event.source, event.quote, event.title, f"timeline/#{event.id}"
        if event.date.inferred:
            yield (f"{event.id}-date", event.source, event.date.inferred.from_quote,
                   f"The date of “{event.title}” is inferred from these words", f"timeline/#{event.id}")
    for figure in dataset.figures:
        yield f"{figure.id}-quote", figure.source, figure.quote, figure.label, f"figures/#{figure.id}"
        for end, dated in (("start", figure.start), ("as-of", figure.as_of)):
            if dated is not None and dated.inferred:
                said = "begins" if end == "start" else "ends"
                yield (f"{figure.id}-{end}", figure.source, dated.inferred.from_quote,
                       f"When the count “{figure.label}” {said} is inferred from these words", f"figures/#{figure.id}")
    labels = {f.id: f.label for f in dataset.figures}
    for relation in dataset.relations:
        basis = relation.basis
        if not basis.by_editors:
            yield (f"{relation.id}-basis", basis.source, basis.quote,
                   f"These words state how “{labels.get(relation.total, relation.total)}” relates to other figures", f"figures/#{relation.id}")
    for source in dataset.sources:
        if source.published.inferred:
            yield (f"{source.id}-published", source.id, source.published.inferred.from_quote,
                   f"The publication date of “{source.title}” is inferred from these words", f"source/#{source.id}")


def annotation_collection(checked: Result, url: Callable[[str], str]) -> dict:
    """The collection; `url` turns a path on the site ("timeline/#id") into the URL to write."""
    dataset, texts = checked.dataset, checked.texts
    downloads = {s.id: source_download(s) for s in dataset.sources}
    items = []
    for key, source_id, quote, label, entry in quoted_passages(dataset):
        start = checked.place(source_id, quote)
        if start is None:
            continue  # only checked data is published, where every quote is found once
        items.append(_annotation(url(f"{PATH}#{key}"), texts[source_id].text, start, quote, url(downloads[source_id]), label, url(entry)))
    return {
        "@context": CONTEXT,
        "id": url(PATH),
        "type": "AnnotationCollection",
        "label": "Every quoted passage of the Black January timeline, anchored in its source",
        "total": len(items),
        "first": {"id": url(f"{PATH}#page-1"), "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _annotation(annotation_id: str, text: str, start: int, quote: str, source_url: str, label: str, entry_url: str) -> dict:
    end = start + len(quote)
    return {
        "id": annotation_id,
        "type": "Annotation",
        "motivation": "linking",
        "body": [
            {"type": "TextualBody", "value": label, "format": "text/plain", "language": "en", "purpose": "describing"},
            {"id": entry_url, "type": "Text", "format": "text/html", "purpose": "linking"},
        ],
        "target": {
            "source": source_url,
            "type": "Text",
            "format": "text/plain",
            "selector": [
                # The source's own characters: a quote may write a space where the source breaks the line.
                {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": text[max(0, start - AROUND):start], "suffix": text[end:end + AROUND]},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


def site_urls(public_url: Optional[str]) -> Callable[[str], str]:
    """Absolute URLs under the site's public address; else URLs relative to the annotation file."""
    if public_url:
        root = public_url.rstrip("/") + "/"
        return lambda path: root + path
    here = posixpath.dirname(PATH)

    def relative(path: str) -> str:
        place, mark, fragment = path.partition("#")
        shown = posixpath.relpath(place, here) + ("/" if place.endswith("/") else "")
        return shown + mark + fragment
    return relative
