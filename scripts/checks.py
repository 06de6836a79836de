"""Checks of the data against its sources: small functions, one concern each, in one list.

Each check takes the dataset and the loaded source texts and returns diagnostics.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import Callable, Iterable, Optional

from . import dates, page_ids
from .dates import DateValue, Mention
from .diagnostics import Diagnostic, Pos, error, warning
from .model import Dataset, Dated, Figure
from .numerals import numbers
from .source_text import SourceText

Texts = dict[str, SourceText]
Check = Callable[[Dataset, Texts], list[Diagnostic]]


def _at(dataset: Dataset, path: tuple, key: str | None = None) -> Pos:
    return dataset.document.pos(path + ((key,) if key else ()))


def _key_at(dataset: Dataset, path: tuple, key: str) -> Pos:
    return dataset.document.key_pos(path + (key,))


def _shown(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- ids and references -----------------------------------------------------------------

def check_ids(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    seen: dict[str, tuple] = {}
    found = []
    for entry in [*dataset.sources, *dataset.events, *dataset.figures, *dataset.relations]:
        if entry.id in seen:
            first = _at(dataset, seen[entry.id], "id")
            found.append(error(dataset.path, _at(dataset, entry.at, "id"), "M301", f"duplicate id {entry.id!r}: line {first.line} already uses it; ids must be unique"))
            continue
        seen[entry.id] = entry.at
        reserved = page_ids.why_reserved(entry.id)
        if reserved:
            found.append(error(dataset.path, _at(dataset, entry.at, "id"), "M303", f"the id {entry.id!r} cannot be a permalink: {reserved}; choose another id"))
    return found


def duplicate_ids(dataset: Dataset) -> set[str]:
    counts = Counter(entry.id for entry in [*dataset.sources, *dataset.events, *dataset.figures, *dataset.relations])
    return {i for i, n in counts.items() if n > 1}


def check_references(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    sources = {s.id for s in dataset.sources}
    events = {e.id for e in dataset.events}
    figures = {f.id for f in dataset.figures}
    found = []

    def expect(value: str, known: set[str], kind: str, path: tuple) -> None:
        if value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            found.append(error(dataset.path, dataset.document.pos(path), "M302", f"no {kind} has the id {value!r}{hint}"))

    for entry in [*dataset.events, *dataset.figures, *dataset.left_out]:
        expect(entry.source, sources, "source", entry.at + ("source",))
    for figure in dataset.figures:
        expect(figure.event, events, "event", figure.at + ("event",))
    for relation in dataset.relations:
        for index, part in enumerate(relation.parts):
            expect(part, figures, "figure", relation.at + ("parts", index))
        expect(relation.total, figures, "figure", relation.at + ("total",))
    return found


# --- quotes -------------------------------------------------------------------------------

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
    return "a quote starts and ends with a letter or digit, so it can be pinned to whole words; write", _shown(trimmed)


def _not_found(text: SourceText, quote: str) -> tuple[str, str]:
    near = text.near_miss(quote)
    if near:
        begin, stop = near
        where = text.pos(begin)
        return (f"the quote is not verbatim: the source writes it with other quotation marks, dashes or spacing, "
                f"at {text.path}:{where.line}:{where.column}; paste the source's words:", _shown(text.text[begin:stop], 400))
    begin, stop = text.nearest(quote)
    where = text.pos(begin)
    return f"the quote is not in {text.path}; the nearest passage is at line {where.line}, column {where.column}:", _shown(text.text[begin:stop])


def unique_offset(texts: Texts, source_id: str, quote: str) -> Optional[int]:
    text = texts.get(source_id)
    if text is None:
        return None
    offsets = text.find_all(quote)
    return offsets[0] if len(offsets) == 1 else None


# --- figures ------------------------------------------------------------------------------

def check_figure_values(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    found = []
    for figure in dataset.figures:
        if quote_fails(texts, figure.source, figure.quote):
            continue  # the quote is reported; what it writes is not yet the source's
        problem = _value_problem(figure)
        if problem:
            code, message = problem
            found.append(error(dataset.path, _at(dataset, figure.at, "value"), code, message))
    return found


def value_checked(figure: Figure) -> bool:
    return _value_problem(figure) is None


def _value_problem(figure: Figure) -> Optional[tuple[str, str]]:
    written = list(numbers(figure.quote))
    matching = [n for n in written if n.value == figure.value]
    if not matching:
        others = ", ".join(figure.quote[n.begin:n.stop] for n in written) or "no number"
        return "F600", f"the value {figure.value} is not written in the figure's quote, which writes {others}"
    if len(matching) > 1:
        return "F601", f"the quote writes {figure.value} {len(matching)} times; shorten it so the value is written only once"
    others = [figure.quote[n.begin:n.stop] for n in written if n.value != figure.value]
    if others:
        return "F602", f"the quote also writes {', '.join(others)}; shorten it to the words around {figure.value} alone"
    return None


# --- dates --------------------------------------------------------------------------------

def check_dates(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    skip = left_out_spans(dataset, texts)
    found = []
    for source in dataset.sources:
        found += _check_dated(dataset, texts, source.id, source.published, None, [])
    for event in dataset.events:
        offset = unique_offset(texts, event.source, event.quote)
        if offset is None:
            continue  # the quote itself is already diagnosed
        spans = skip.get(event.source, [])
        written = [m for m in dates.mentions(event.quote) if not _inside(spans, offset + m.begin, offset + m.stop)]
        found += _check_dated(dataset, texts, event.source, event.date, event.quote, written)
    return found


def _check_dated(dataset: Dataset, texts: Texts, source_id: str, dated: Dated, quote: Optional[str], written: list[Mention]) -> list[Diagnostic]:
    value, found = dated.value, []
    agreeing = []
    for mention in written:
        conflict = dates.conflicts(value, mention)
        if conflict:
            shown = dates.mention_text(quote, mention)
            found.append(error(dataset.path, dataset.document.pos(dated.at), "T700", f"the date {dated.text} disagrees with its quote, which writes {shown!r}: {conflict}"))
        else:
            agreeing.append(mention)
    if found:
        return found  # what else is wrong with a date its quote contradicts would only add noise
    has = {part for part in dates.PARTS if value.has(part)}
    writes = dates.written_parts(value, agreeing)
    inference = dated.inferred
    declared = set(inference.parts) if inference else set()
    unwritten = _in_order(has - writes - declared)
    if unwritten:
        where = "the quote does not write" if quote is not None else "nothing in the source writes"
        listed = ", ".join(repr(p) for p in unwritten)
        found.append(error(dataset.path, dataset.document.pos(dated.at), "T701",
                           f"{where} the {_and(unwritten)} of {dated.text}; list {listed} under inferred.parts, with the passage {'it comes' if len(unwritten) == 1 else 'they come'} from"))
    if inference is None:
        return found
    for part in _in_order(declared & writes):
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("parts",)), "T702", f"the quote writes the {part} itself; remove {part!r} from inferred.parts"))
    for part in _in_order(declared - has):
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("parts",)), "T702", f"the date {dated.text} has no {part}; remove {part!r} from inferred.parts"))
    inferred = _in_order((declared & has) - writes)
    if inferred and not quote_fails(texts, source_id, inference.from_quote) and not _basis_writes(value, inference, inferred):
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("from",)), "T703", f"the passage under inferred.from does not write the {_and(inferred)} of {dated.text}"))
    return found


def _in_order(parts: set[str]) -> list[str]:
    return sorted(parts, key=dates.PARTS.index)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _basis_writes(value: DateValue, inference, parts: list[str]) -> bool:
    if inference.by == "anniversary":
        candidates = dates.anniversary_mentions(inference.from_quote)
    else:
        candidates = dates.mentions(inference.from_quote)
    return any(all(_same_part(value, m, part) for part in parts) for m in candidates)


def _same_part(value: DateValue, mention: Mention, part: str) -> bool:
    if part == "qualifier":
        return mention.qualifier == value.qualifier
    return getattr(mention.start, part) == getattr(value.start, part) and getattr(mention.end, part) == getattr(value.end, part)


def check_event_order(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    """The timeline shows events as listed; no event may begin after a later one has ended."""
    found, latest_start, latest_id = [], None, None
    for event in dataset.events:
        value = event.date.value
        if latest_start is not None and latest_start > value.latest():
            found.append(error(dataset.path, dataset.document.pos(event.at + ("id",)), "T704",
                               f"the event {event.id!r} ({dates.describe(value)}) ends before {latest_id!r} begins, which is listed above it; move it up"))
        if latest_start is None or value.earliest() > latest_start:
            latest_start, latest_id = value.earliest(), event.id
    return found


# --- places -------------------------------------------------------------------------------

def check_places(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    """A place is named in the event's quote, or in the passage its entry names, like a date."""
    found = []
    for event in dataset.events:
        if quote_fails(texts, event.source, event.quote):
            continue  # the quote is reported; what it names is not yet the source's
        for place in event.places:
            in_quote = _names(event.quote, place.name)
            at = _at(dataset, place.at, "name")
            if place.inferred is None and not in_quote:
                found.append(error(dataset.path, at, "P750", f"the quote does not name {place.name!r}; write the place as the quote writes it, "
                                                             "or add inferred: with a passage that names it and the reason"))
            elif place.inferred and in_quote:
                found.append(error(dataset.path, _at(dataset, place.inferred.at, "from"), "P751", f"the quote names {place.name!r} itself; remove inferred"))
            elif place.inferred and not quote_fails(texts, event.source, place.inferred.from_quote) and not _names(place.inferred.from_quote, place.name):
                found.append(error(dataset.path, _at(dataset, place.inferred.at, "from"), "P752", f"the passage under inferred.from does not name {place.name!r}"))
    return found


def _names(text: str, name: str) -> bool:
    """Whether `text` writes `name` as whole words."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


# --- relations ----------------------------------------------------------------------------

def check_relations(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    figures = {f.id: f for f in dataset.figures}
    # A figure that is not found, whose value is not its quote's, or whose id is taken twice
    # is already diagnosed; what a relation would say of it is only a consequence.
    trusted = {i for i, f in figures.items() if value_checked(f) and not quote_fails(texts, f.source, f.quote)} - duplicate_ids(dataset)
    found = []
    for relation in dataset.relations:
        if all(i in trusted for i in (*relation.parts, relation.total)):
            found += _check_relation(dataset, relation, figures)
    return found


def relation_sum(relation, figures: dict[str, Figure]) -> tuple[int, int, bool]:
    """(sum of the parts, the total, whether the relation holds)."""
    parts = sum(figures[p].value for p in relation.parts)
    total = figures[relation.total].value
    holds = parts <= total if relation.kind == "at-most" else parts == total
    return parts, total, holds


def describe_relation(relation, figures: dict[str, Figure]) -> str:
    """The arithmetic in words: "the parts add up to 131 (82 + 20 + 21 + 8), and killed-total is 147"."""
    parts, total, _ = relation_sum(relation, figures)
    if len(relation.parts) == 1:
        left = f"{relation.parts[0]} is {parts}"
    else:
        left = f"the parts add up to {parts} ({' + '.join(str(figures[p].value) for p in relation.parts)})"
    return f"{left}, and {relation.total} is {total}"


def _check_relation(dataset: Dataset, relation, figures: dict[str, Figure]) -> list[Diagnostic]:
    pos = _at(dataset, relation.at, "kind")
    units = {figures[i].unit for i in (*relation.parts, relation.total)}
    if len(units) > 1:
        return [error(dataset.path, pos, "R804", f"the relation compares {' and '.join(sorted(units))}; compare figures of one unit")]
    parts, total, holds = relation_sum(relation, figures)
    difference = total - parts
    said = describe_relation(relation, figures)
    ack = relation.acknowledged
    if holds and ack:
        return [error(dataset.path, _key_at(dataset, relation.at, "acknowledged"), "R803", f"{said}: the relation holds, so there is no difference to acknowledge; remove 'acknowledged'")]
    if holds:
        return []
    if ack is None:
        return [error(dataset.path, pos, "R801", f"the relation ({relation.kind}) does not hold: {said} (difference {difference:+d}); if the source really says so, record it under acknowledged with difference: {difference} and a note")]
    if ack.difference != difference:
        return [error(dataset.path, _at(dataset, relation.at + ("acknowledged",), "difference"), "R802", f"{said}; the difference is {difference}, not the acknowledged {ack.difference}")]
    return [warning(dataset.path, pos, "R800", f"acknowledged difference of {difference:+d}: {said}")]


# --- coverage -----------------------------------------------------------------------------

def left_out_spans(dataset: Dataset, texts: Texts) -> dict[str, list[tuple[int, int]]]:
    """Where each left_out passage stands; for one that is misquoted (and reported), where it
    was meant to stand, so that what it leaves out is not reported a second time."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for entry in dataset.left_out:
        text = texts.get(entry.source)
        if text is not None:
            spans.setdefault(entry.source, []).extend(text.meant(entry.quote))
    return spans


def _inside(spans: list[tuple[int, int]], begin: int, stop: int) -> bool:
    return any(b <= begin and stop <= e for b, e in spans)


def accounted_numbers(dataset: Dataset, texts: Texts) -> dict[str, set[int]]:
    """Offsets, per source, of the numbers that a figure, a date or a left_out passage
    accounts for, or that a reported quote meant to (so they are not reported again)."""
    covered: dict[str, set[int]] = {source_id: set() for source_id in texts}

    def mark(source_id: str, offset: int, found: Iterable) -> None:
        covered[source_id].update(offset + item.begin for item in found)

    for figure in dataset.figures:
        offset = unique_offset(texts, figure.source, figure.quote)
        if offset is not None:
            # check_figure_values holds the quote to writing its value and nothing else.
            mark(figure.source, offset, numbers(figure.quote))
    for source_id, quote in _dating_quotes(dataset):
        offset = unique_offset(texts, source_id, quote)
        if offset is not None:
            for mention in [*dates.mentions(quote), *dates.anniversary_mentions(quote)]:
                mark(source_id, offset + mention.begin, numbers(quote[mention.begin:mention.stop]))
    for source_id, spans in left_out_spans(dataset, texts).items():
        text = texts[source_id].text
        for begin, stop in spans:
            mark(source_id, begin, numbers(text[begin:stop]))
    for source_id, begin, stop in _reported_quote_spans(dataset, texts):
        mark(source_id, begin, numbers(texts[source_id].text[begin:stop]))
    return covered


def _reported_quote_spans(dataset: Dataset, texts: Texts) -> Iterable[tuple[str, int, int]]:
    for source_id, quote, _ in anchored_quotes(dataset):
        if quote_fails(texts, source_id, quote):
            for begin, stop in texts[source_id].meant(quote):
                yield source_id, begin, stop


def _dating_quotes(dataset: Dataset) -> Iterable[tuple[str, str]]:
    for source in dataset.sources:
        if source.published.inferred:
            yield source.id, source.published.inferred.from_quote
    for event in dataset.events:
        yield event.source, event.quote
        if event.date.inferred:
            yield event.source, event.date.inferred.from_quote


def check_coverage(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    covered = accounted_numbers(dataset, texts)
    found = []
    for source_id, text in texts.items():
        for number in numbers(text.text):
            if number.begin not in covered[source_id]:
                shown = text.text[number.begin:number.stop]
                context = text.text[max(0, number.begin - 40):number.stop + 40]
                found.append(error(text.path, text.pos(number.begin), "C900", f"the number {shown!r} is neither captured by a figure or a date nor listed under left_out:",
                                   "…" + " ".join(context.split()) + "…"))
    for entry in dataset.left_out:
        if entry.source in texts and texts[entry.source].find_all(entry.quote) and not numbers(entry.quote):
            found.append(error(dataset.path, _at(dataset, entry.at, "quote"), "C901", "this passage holds no number, so there is nothing to leave out; remove the entry"))
    return found


def check_captured_and_left_out(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    """A number is either a figure's value or left out, never both; a date's numbers may be both."""
    found = []
    for figure in dataset.figures:
        offset = unique_offset(texts, figure.source, figure.quote)
        if offset is None or not value_checked(figure):
            continue
        (value,) = [offset + n.begin for n in numbers(figure.quote) if n.value == figure.value]
        text = texts[figure.source]
        for entry in dataset.left_out:
            if entry.source == figure.source and any(o <= value < o + len(entry.quote) for o in text.find_all(entry.quote)):
                figure_line = _at(dataset, figure.at, "value").line
                found.append(error(dataset.path, _at(dataset, entry.at, "quote"), "C902",
                                   f"this passage leaves out {figure.value}, which the figure {figure.id!r} (line {figure_line}) captures; "
                                   f"a number is either a figure or left out: remove this entry, or shorten it so it no longer writes {figure.value}"))
    return found


CHECKS: list[Check] = [
    check_ids,
    check_references,
    check_quotes,
    check_figure_values,
    check_dates,
    check_event_order,
    check_places,
    check_relations,
    check_coverage,
    check_captured_and_left_out,
]
