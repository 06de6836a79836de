"""Dates: every part a quote writes agrees with the entry; every part it does not is
inferred from a named passage that writes it; events are listed in date order."""
from __future__ import annotations

from typing import Optional

from ..diagnostics import Diagnostic, error
from ..model import dates
from ..model.dataset import Dataset, Dated
from ..model.dates import QUALIFIERS, DateValue
from ..text.date_mentions import Day, Mention
from .coverage_spans import NO_SPANS
from .readings import Readings


def check_dates(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    found = []
    for source in dataset.sources:
        found += _check_dated(dataset, readings, source.id, source.published, None, [])
    for event in dataset.events:
        reading = readings(event.source, event.quote)
        offset = reading.offset
        if offset is None:
            continue  # the quote itself is already diagnosed
        spans = readings.left_out_spans.get(event.source, NO_SPANS)
        written = [m for m in reading.mentions if not spans.inside(offset + m.begin, offset + m.stop)]
        found += _check_dated(dataset, readings, event.source, event.date, event.quote, written)
    return found


def _check_dated(dataset: Dataset, readings: Readings, source_id: str, dated: Dated, quote: Optional[str], written: list[Mention]) -> list[Diagnostic]:
    value, found = dated.value, []
    agreeing = []
    for mention in written:
        conflict = conflicts(value, mention)
        if conflict:
            shown = mention_text(quote, mention)
            found.append(error(dataset.path, dataset.document.pos(dated.at), "T700", f"the date {dated.text} disagrees with its quote, which writes {shown!r}: {conflict}"))
        else:
            agreeing.append(mention)
    if found:
        return found  # what else is wrong with a date its quote contradicts would only add noise
    has = {part for part in dates.PARTS if value.has(part)}
    writes = written_parts(value, agreeing)
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
    basis = readings(source_id, inference.from_quote)
    if inferred and not basis.fails and not _basis_writes(value, basis.anniversaries if inference.by == "anniversary" else basis.mentions, inferred):
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("from",)), "T703", f"the passage under inferred.from does not write the {_and(inferred)} of {dated.text}"))
    return found


def _in_order(parts: set[str]) -> list[str]:
    return sorted(parts, key=dates.PARTS.index)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _basis_writes(value: DateValue, candidates: tuple[Mention, ...], parts: list[str]) -> bool:
    return any(all(_same_part(value, m, part) for part in parts) for m in candidates)


def _same_part(value: DateValue, mention: Mention, part: str) -> bool:
    if part == "qualifier":
        return mention.qualifier == value.qualifier
    return getattr(mention.start, part) == getattr(value.start, part) and getattr(mention.end, part) == getattr(value.end, part)


def check_event_order(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
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


def conflicts(value: DateValue, mention: Mention) -> Optional[str]:
    """Why `mention` cannot be a writing of (part of) `value`, or None if it can."""
    if mention.qualifier and mention.qualifier != value.qualifier:
        return f"the passage writes {QUALIFIERS[mention.qualifier]} but the date has {'no qualifier' if value.qualifier is None else QUALIFIERS[value.qualifier]}"
    if mention.start != mention.end:
        if _agrees(value.start, mention.start) and _agrees(value.end, mention.end):
            return None
    elif _agrees(value.start, mention.start) or _agrees(value.end, mention.start):
        return None
    return "it is not the date of this entry"


def _agrees(entry: Day, written: Day) -> bool:
    for part in ("year", "month", "day"):
        wrote = getattr(written, part)
        if wrote is not None and getattr(entry, part) != wrote:
            return False
    return True


def written_parts(value: DateValue, found: list[Mention]) -> set[str]:
    """Which parts of `value` the agreeing mentions write between them."""
    parts = set()
    for part in ("year", "month"):
        if value.has(part) and any(m.writes(part) for m in found):
            parts.add(part)
    if value.has("day"):
        starts = any(m.start.day == value.start.day for m in found if m.start.day is not None)
        ends = any(m.end.day == value.end.day for m in found if m.end.day is not None)
        if starts and ends:
            parts.add("day")
    if value.qualifier and any(m.qualifier == value.qualifier for m in found):
        parts.add("qualifier")
    return parts


def mention_text(text: str, mention: Mention) -> str:
    return text[mention.begin:mention.stop]
