"""Quotes: each is verbatim, pinned to whole words, and (but for left_out) found once."""
from __future__ import annotations

from typing import Iterable, Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from ..text.source_text import SourceText
from .where import shown

Texts = dict[str, SourceText]


def anchored_quotes(dataset: Dataset) -> Iterable[tuple[str, str, tuple]]:
    """(source id, quote, path of the quote) for every quote that must point to one place."""
    for source in dataset.sources:
        yield source.id, source.title, source.at + ("title",)
        if source.published.inferred:
            yield source.id, source.published.inferred.from_quote, source.published.inferred.at + ("from",)
    for event in dataset.events:
        yield event.source, event.quote, event.at + ("quote",)
        if event.date.inferred:
            yield event.source, event.date.inferred.from_quote, event.date.inferred.at + ("from",)
        for place in event.places:
            if place.inferred:
                yield event.source, place.inferred.from_quote, place.inferred.at + ("from",)
    for figure in dataset.figures:
        yield figure.source, figure.quote, figure.at + ("quote",)


def check_quotes(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    found = []
    # A left_out passage covers every place it occurs; every other quote must point to one.
    quotes = [*((s, q, p, True) for s, q, p in anchored_quotes(dataset)),
              *((e.source, e.quote, e.at + ("quote",), False) for e in dataset.left_out)]
    for source_id, quote, path, one_place in quotes:
        text = texts.get(source_id)
        problem = _quote_problem(text, quote, one_place) if text is not None else None
        if problem:
            found.append(error(dataset.path, dataset.document.pos(path), *problem))
    return found


def _quote_problem(text: SourceText, quote: str, one_place: bool) -> Optional[tuple[str, str, str]]:
    """(code, message, the words to show) when the quote does not point where it must."""
    if not _whole_words(quote):
        return "Q502", *_edges_message(quote)
    count = len(text.find_all(quote))
    if count == 0:
        return "Q500", *_not_found(text, quote)
    if count > 1 and one_place:
        return "Q501", f"the quote occurs {count} times in {text.path}; lengthen it so it points to one place", ""
    return None


def quote_fails(texts: Texts, source_id: str, quote: str, one_place: bool = True) -> bool:
    """Whether check_quotes reports this quote; later checks then leave it alone."""
    text = texts.get(source_id)
    return text is not None and _quote_problem(text, quote, one_place) is not None


def _whole_words(quote: str) -> bool:
    # A quote that could end on a full stop could also end just before it; both would be
    # verbatim, and a deleted character would go unnoticed. Words at both ends pin it.
    return quote[:1].isalnum() and quote[-1:].isalnum()


def _edges_message(quote: str) -> tuple[str, str]:
    trimmed = quote.strip(" \t\n.,;:!?\"'’“”‘()[]—–-")
    return "a quote starts and ends with a letter or digit, so it can be pinned to whole words; write", shown(trimmed)


def _not_found(text: SourceText, quote: str) -> tuple[str, str]:
    near = text.near_miss(quote)
    if near:
        begin, stop = near
        where = text.pos(begin)
        return (f"the quote is not verbatim: the source writes it with other quotation marks, dashes or spacing, "
                f"at {text.path}:{where.line}:{where.column}; paste the source's words:", shown(text.text[begin:stop], 400))
    begin, stop = text.nearest(quote)
    where = text.pos(begin)
    return f"the quote is not in {text.path}; the nearest passage is at line {where.line}, column {where.column}:", shown(text.text[begin:stop])


def unique_offset(texts: Texts, source_id: str, quote: str) -> Optional[int]:
    text = texts.get(source_id)
    if text is None:
        return None
    offsets = text.find_all(quote)
    return offsets[0] if len(offsets) == 1 else None


def quote_places(dataset: Dataset, texts: Texts) -> dict[tuple[str, str], tuple[int, ...]]:
    """Where every quote of the data stands in its source, for the renderers and exports."""
    places = {}
    quotes = [*((s, q) for s, q, _ in anchored_quotes(dataset)), *((e.source, e.quote) for e in dataset.left_out)]
    for source_id, quote in quotes:
        text = texts.get(source_id)
        if text is not None:
            places[(source_id, quote)] = tuple(text.find_all(quote))
    return places
