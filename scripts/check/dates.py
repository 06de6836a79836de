"""Dates: every part a quote writes agrees with the entry; every part it does not is
inferred from a named passage that writes it; a source's published date is written in its
text or inferred; events are listed in date order.

Each message says what the passage does write ("20 January, without a year"), so the
editor sees at once which part is missing or wrong.
"""
from __future__ import annotations

import datetime
from typing import Iterable, Optional

from ..diagnostics import Diagnostic, error
from ..model import dates
from ..model.dataset import Dataset, Dated, Source
from ..model.dates import QUALIFIERS, DateValue, describe_written
from ..text.date_mentions import MONTHS, WEEKDAYS, Day, Mention, refused_dates
from .coverage_spans import NO_SPANS
from .readings import Readings

DAY_PARTS = ("year", "month", "day")


def check_dates(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    found = []
    for source in dataset.sources:
        found += _check_published(dataset, readings, source)
    for event in dataset.events:
        reading = readings(event.source, event.quote)
        offset = reading.offset
        if offset is None:
            continue  # the quote itself is already diagnosed
        spans = readings.left_out_spans.get(event.source, NO_SPANS)
        written = [m for m in reading.mentions if not spans.inside(offset + m.begin, offset + m.stop)]
        found += _check_dated(dataset, readings, event.source, event.date, event.quote, written)
    return found


def published_passages(dataset: Dataset, readings: Readings) -> dict[str, tuple[int, int]]:
    """Where each source's text writes its published date, for the sources whose date is
    not inferred: source id -> (begin, stop), offsets in the source's text."""
    found = {}
    for source in dataset.sources:
        passage = _published_passage(readings, source)
        if passage is not None:
            found[source.id] = (passage.begin, passage.stop)
    return found


def _published_passage(readings: Readings, source: Source) -> Optional[Mention]:
    """The first passage of the source's text that writes every part of its published date
    (a dateline: "Baku, 15 January 2025"), where the date is not inferred."""
    text = readings.texts.get(source.id)
    if source.published.inferred is not None or text is None:
        return None
    value = source.published.value
    has = {part for part in dates.PARTS if value.has(part)}
    # The whole text read as one passage, once per run like every quote.
    for mention in readings(source.id, text.text).mentions:
        if conflicts(value, mention) is None and has <= written_parts(value, [mention]):
            return mention
    return None


def _check_published(dataset: Dataset, readings: Readings, source: Source) -> list[Diagnostic]:
    published = source.published
    if published.inferred is not None:
        return _check_dated(dataset, readings, source.id, published, None, [])
    text = readings.texts.get(source.id)
    if text is None or _published_passage(readings, source) is not None:
        return []  # a source that cannot be read is reported as such
    value = published.value
    has = _in_order({part for part in dates.PARTS if value.has(part)})
    needed = _needed(value)
    agreeing = [m for m in readings(source.id, text.text).mentions if conflicts(value, m) is None]
    if agreeing:
        nearest = max(agreeing, key=lambda m: len(written_parts(value, [m])))  # the first of the fullest
        said = f"the most it writes of it is {describe_written(nearest, needed)} ({text.text[nearest.begin:nearest.stop]!r}, line {text.pos(nearest.begin)[0]})"
    else:
        said = "it writes no date that agrees with it" + _refusal_note(text.text)
    listed = ", ".join(repr(p) for p in has)
    return [error(dataset.path, dataset.document.pos(published.at), "T701",
                  f"nothing in the source writes the {_and(has)} of {published.text}{' together' if len(has) > 1 else ''}: {said}; "
                  f"list {listed} under inferred.parts, with the passage {'it comes' if len(has) == 1 else 'they come'} from")]


def _check_dated(dataset: Dataset, readings: Readings, source_id: str, dated: Dated, quote: Optional[str], written: list[Mention]) -> list[Diagnostic]:
    value = dated.value
    needed = _needed(value)
    wrong = [(mention, why) for mention in written if (why := conflicts(value, mention))]
    if wrong:
        # One message for the entry, however many of its quote's dates disagree.
        shown = "; and ".join(f"{_writing(quote, mention, needed)}: {why}" for mention, why in wrong)
        # What else is wrong with a date its quote contradicts would only add noise.
        return [error(dataset.path, dataset.document.pos(dated.at), "T700", f"the date {dated.text} disagrees with its quote, which writes {shown}")]
    found = []
    has = {part for part in dates.PARTS if value.has(part)}
    writes = written_parts(value, written)
    inference = dated.inferred
    declared = set(inference.parts) if inference else set()
    unwritten = _in_order(has - writes - declared)
    if unwritten:
        listed = ", ".join(repr(p) for p in unwritten)
        comes = "it comes" if len(unwritten) == 1 else "they come"
        if quote is not None:
            message = (f"the quote does not write the {_and(unwritten)} of {dated.text}: it writes {_writings(quote, written, needed)}; "
                       f"list {listed} under inferred.parts, with the passage {comes} from")
        else:  # a published date with an inference that leaves parts out
            message = (f"inferred.parts leaves out the {_and(unwritten)} of {dated.text}: list {listed} there too, with the passage {comes} from, "
                       f"or remove inferred if the source's text writes the whole date")
        found.append(error(dataset.path, dataset.document.pos(dated.at), "T701", message))
    if inference is None:
        return found
    for part in _in_order(declared & writes):
        by = [m for m in written if m.writes(part)]
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("parts",)), "T702",
                           f"the quote writes the {part} itself: it writes {_writings(quote, by, needed)}; remove {part!r} from inferred.parts"))
    for part in _in_order(declared - has):
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("parts",)), "T702", f"the date {dated.text} has no {part}; remove {part!r} from inferred.parts"))
    inferred = _in_order((declared & has) - writes)
    basis = readings(source_id, inference.from_quote)
    by_anniversary = inference.by == "anniversary"
    candidates = basis.anniversaries if by_anniversary else basis.mentions
    if inferred and not basis.fails and not _basis_writes(value, candidates, inferred):
        said = _writings(basis.quote, candidates, [p for p in inferred if p in DAY_PARTS])
        if by_anniversary:
            said = f"by anniversary, {said}" if candidates else "no 'Nth anniversary of' a date with its year"
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("from",)), "T703",
                           f"the passage under inferred.from does not write the {_and(inferred)} of {dated.text}: it writes {said}"))
    return found


def _needed(value: DateValue) -> tuple[str, ...]:
    """The parts of a day the entry's date has, which a message says a passage lacks."""
    return DAY_PARTS if value.start.day is not None else DAY_PARTS[:2] if value.start.month is not None else DAY_PARTS[:1]


def _writing(text: str, mention: Mention, needed: Iterable[str]) -> str:
    """A mention as the messages show it: what it writes, then its own words."""
    return f"{describe_written(mention, needed)} ({text[mention.begin:mention.stop]!r})"


def _writings(text: str, found: list[Mention], needed: Iterable[str]) -> str:
    if not found:
        return "no date" + _refusal_note(text)
    return " and ".join(_writing(text, m, needed) for m in found)


def _refusal_note(text: str) -> str:
    """Why a writing of the passage that looks like a date is not read as one, if it has one."""
    refused = refused_dates(text)
    return f" ({refused[0].why})" if refused else ""


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
    """Why `mention` cannot be a writing of (part of) `value`, in words, or None if it can."""
    if mention.qualifier and mention.qualifier != value.qualifier:
        has = "no qualifier" if value.qualifier is None else f"{QUALIFIERS[value.qualifier]!r}"
        return f"it says {QUALIFIERS[mention.qualifier]!r}, and the date has {has}"
    if mention.start != mention.end:
        if value.start == value.end:
            return f"it writes a range, and the date is one {value.precision}"
        return _difference(value.start, mention.start, "first ") or _difference(value.end, mention.end, "last ")
    for candidate in dict.fromkeys((value.start, value.end)):
        if _difference(candidate, mention.start) is None:
            return _wrong_weekday(candidate, mention.weekday)
    if value.start == value.end:
        return _difference(value.start, mention.start)
    part, wrote, first = _first_difference(value.start, mention.start)
    other, _, last = _first_difference(value.end, mention.start)
    if part == other and first is not None and last is not None and first != last:
        return f"the {part} is {_part_words(part, wrote)}, neither {_part_words(part, first)} nor {_part_words(part, last)}"
    return _difference(value.start, mention.start)


def _first_difference(entry: Day, written: Day) -> tuple[Optional[str], Optional[int], Optional[int]]:
    """The first part the text writes that is not the entry's: (part, written, the entry's)."""
    for part in DAY_PARTS:
        wrote = getattr(written, part)
        if wrote is not None and getattr(entry, part) != wrote:
            return part, wrote, getattr(entry, part)
    return None, None, None


def _difference(entry: Day, written: Day, which: str = "") -> Optional[str]:
    part, wrote, has = _first_difference(entry, written)
    if part is None:
        return None
    if has is None:
        return f"it writes the {which}{part}, {_part_words(part, wrote)}, and the date has none"
    return f"the {which}{part} is {_part_words(part, wrote)}, not {_part_words(part, has)}"


def _part_words(part: str, number: int) -> str:
    return MONTHS[number - 1] if part == "month" else str(number)


def _wrong_weekday(day: Day, weekday: Optional[int]) -> Optional[str]:
    """Why a day is not the weekday written with it, or None (also where it cannot be known)."""
    if weekday is None or None in day or day.year < 1:
        return None
    actual = datetime.date(*day).weekday()
    if actual == weekday:
        return None
    return f"{day.day} {MONTHS[day.month - 1]} {day.year} was a {WEEKDAYS[actual]}, not a {WEEKDAYS[weekday]}"


def written_parts(value: DateValue, found: list[Mention]) -> set[str]:
    """Which parts of `value` the agreeing mentions write between them."""
    parts: set[str] = set()
    if not found:
        return parts
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
