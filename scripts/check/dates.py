"""Dates: every part a quote writes agrees with the entry; every part it does not is
inferred from a named passage that writes it; a source's published date is written in its
text or inferred; events are listed in date order.

Each message says what the passage does write ("20 January, without a year"), so the
editor sees at once which part is missing or wrong.
"""
from __future__ import annotations

import datetime
from typing import Callable, Iterable, Optional

from ..diagnostics import Diagnostic, error
from ..model import dates
from ..model.dataset import Dataset, Dated, Event, Source
from ..model.dates import QUALIFIERS, DateValue, describe_written
from ..text.date_mentions import MONTHS, WEEKDAYS, Day, Mention, refused_dates
from .readings import Reading, Readings

DAY_PARTS = ("year", "month", "day")


def check_dates(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    return [d for found in date_problems(dataset, readings).values() for d in found]


def date_problems(dataset: Dataset, readings: Readings) -> dict[tuple, list[Diagnostic]]:
    """What check_dates reports of each source's publication date and each event's date, by
    the place in the data of each entry it reports; worked out once a run, though the
    figures' spans (spans.py) ask it too."""
    if readings.date_problems is None:
        found: dict[tuple, list[Diagnostic]] = {}
        for source in dataset.sources:
            problems = _check_published(dataset, readings, source)
            if problems:
                found[source.at] = problems
        for event in dataset.events:
            problems = _check_event(dataset, readings, event)
            if problems:
                found[event.at] = problems
        readings.date_problems = found
    return readings.date_problems


def written_dates(readings: Readings, source_id: str, quote: str) -> Optional[list[Mention]]:
    """The dates a quote writes, but those inside a left_out passage; None where the quote
    itself is reported."""
    return read_past_left_out(readings, source_id, readings(source_id, quote))


def read_past_left_out(readings: Readings, source_id: str, reading: Reading) -> Optional[list[Mention]]:
    """written_dates, of a quote already read."""
    offset = reading.offset
    if offset is None:
        return None
    spans = readings.left_out_spans.get(source_id)
    if spans is None:  # the common case: nothing of the source is left out
        return list(reading.mentions)
    return [m for m in reading.mentions if not spans.inside(offset + m.begin, offset + m.stop)]


def _check_event(dataset: Dataset, readings: Readings, event: Event) -> list[Diagnostic]:
    written = written_dates(readings, event.source, event.quote)
    if written is None:
        return []  # the quote itself is already diagnosed
    return check_dated(dataset, readings, event.source, event.date, event.quote, written)


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
        return check_dated(dataset, readings, source.id, published, None, [])
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


# Other readings of a passage a date is inferred from, beside its own words (spans.py: as the
# events that quote it date it), or None where it is not to be judged now.
PassageReading = Callable[[Readings, str, str], Optional[tuple[Mention, ...]]]


def check_dated(dataset: Dataset, readings: Readings, source_id: str, dated: Dated, quote: Optional[str], written: list[Mention],
                read_passage: Optional[PassageReading] = None) -> list[Diagnostic]:
    """A date held to the dates its quote writes (`written`) and to the passage it says it is
    inferred from: T700 to T703."""
    value = dated.value
    if dated.inferred is None and written and all(_restates(value, mention) for mention in written):
        return []  # the common case, a quote that writes the date whole and nothing else of it: no message to word
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
    if inferred and not basis.fails and not basis_writes(value, candidates, inferred):
        read_otherwise = read_passage(readings, source_id, inference.from_quote) if read_passage and not by_anniversary else ()
        if read_otherwise is None or basis_writes(value, read_otherwise, inferred):
            return found
        said = _writings(basis.quote, candidates, [p for p in inferred if p in DAY_PARTS])
        if by_anniversary:
            said = f"by anniversary, {said}" if candidates else "no 'Nth anniversary of' a date with its year"
        found.append(error(dataset.path, dataset.document.pos(inference.at + ("from",)), "T703",
                           f"the passage under inferred.from does not write the {_and(inferred)} of {dated.text}: it writes {said}"))
    return found


def _restates(value: DateValue, mention: Mention) -> bool:
    """Whether the mention writes every part of the date, and no other and no weekday, so
    that it agrees with it (conflicts) and writes all it has (written_parts)."""
    return mention.start == value.start and mention.end == value.end and mention.qualifier == value.qualifier and mention.weekday is None


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


def basis_writes(value: DateValue, candidates: tuple[Mention, ...], parts: list[str]) -> bool:
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
    if mention.start == value.start and mention.end == value.end and mention.weekday is None and mention.qualifier in (None, value.qualifier):
        return None  # the whole date, written as it is: the common case
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
