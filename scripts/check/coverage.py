"""Coverage: every number a source writes is captured by a figure or a date, or left out
with a reason, never both a figure's value and left out; every word of it lies in a passage
the data uses or in one left out; and every left_out entry leaves something out."""
from __future__ import annotations

import bisect
import itertools
from typing import Iterable, Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from ..text.numbers import KIND_NOUNS, Number, numbers
from ..text.sentences import Sentences
from ..text.source_text import SourceText
from .coverage_spans import NO_SPANS, Labelled, Spans
from .figures import written_value
from ..text.passage_union import WORD, PassageUnion
from .passages import Used, used_passages
from .readings import Readings
from .where import at


class Accounted:
    """What accounts for the numbers of one source: a date (by where the number begins), a
    left_out passage (which must hold all of it), or a figure's quote or a reported quote,
    which need only touch it: a quote that cuts "5" out of "2.5" is its own mistake, reported
    with the quote, not a second time here."""

    def __init__(self, dated: set[int], left_out: Spans, touched: Iterable[tuple[int, int]]):
        self.dated, self.left_out = dated, left_out
        spans = sorted(touched)
        self._begins = [begin for begin, _ in spans]
        # The furthest any passage starting at or before the i-th one reaches.
        self._reach = list(itertools.accumulate((stop for _, stop in spans), max))

    def __contains__(self, number: Number) -> bool:
        return self.left_out.inside(number.begin, number.stop) or self.by_data(number.begin, number.stop)

    def by_data(self, begin: int, stop: int) -> bool:
        """Whether a date or a quote accounts for the number at begin..stop, left_out aside."""
        if begin in self.dated:
            return True
        i = bisect.bisect_left(self._begins, stop)
        return i > 0 and self._reach[i - 1] > begin


def accounted_numbers(dataset: Dataset, readings: Readings, used: Used) -> dict[str, Accounted]:
    """What accounts for each source's numbers: a figure, a date or a left_out passage, or a
    reported quote that meant to (so they are not reported again)."""
    texts = readings.texts
    dated: dict[str, set[int]] = {source_id: set() for source_id in texts}
    touched: dict[str, list[tuple[int, int]]] = {source_id: [] for source_id in texts}

    for figure in dataset.figures:
        reading = readings(figure.source, figure.quote)
        offset = reading.offset
        if offset is not None:
            # check_figure_values holds the quote to writing its value and nothing else.
            touched[figure.source].append((offset, offset + len(figure.quote)))
    for source_id, quote in _dating_quotes(dataset):
        reading = readings(source_id, quote)
        offset = reading.offset
        if offset is not None:
            dated[source_id].update(offset + begin for begin in reading.date_numbers)
    for source_id, spans in used.reported.items():
        touched[source_id] += spans
    left_out = readings.left_out_spans
    return {source_id: Accounted(dated[source_id], left_out.get(source_id, NO_SPANS), touched[source_id]) for source_id in texts}


def _dating_quotes(dataset: Dataset) -> Iterable[tuple[str, str]]:
    for source in dataset.sources:
        if source.published.inferred:
            yield source.id, source.published.inferred.from_quote
    for event in dataset.events:
        yield event.source, event.quote
        if event.date.inferred:
            yield event.source, event.date.inferred.from_quote


def check_coverage(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    """Every number and every word of each source is accounted for, one message a sentence;
    and every left_out entry accounts for something."""
    used = used_passages(dataset, readings)
    accounted = accounted_numbers(dataset, readings, used)
    found = []
    for source_id, text in readings.texts.items():
        left_out = readings.left_out_spans.get(source_id, NO_SPANS)
        loose: list[Loose] = [(n.begin, n.stop, n) for n in numbers(text.text) if n not in accounted[source_id]]
        words = PassageUnion([*used.passages[source_id], *left_out]).words_outside(text.text)
        loose += [(begin, stop, None) for begin, stop in words]
        if loose:
            found += [_unaccounted(text, sentence, stretch) for sentence, stretch in _by_sentence(text, loose)]
    for index in _accounting_for_nothing(dataset, readings, accounted, used.passages):
        found.append(error(dataset.path, at(dataset, dataset.left_out[index].at, "quote"), "C904",
                           "this passage leaves nothing out: every word and number of it is already quoted, dated or left out by the data; remove the entry"))
    return found


Loose = tuple[int, int, Optional[Number]]  # (begin, stop, the number, or None for a word)


def _by_sentence(text: SourceText, loose: list[Loose]) -> list[tuple[str, list[Loose]]]:
    """What is not accounted for, gathered by the sentence it stands in, as one passage
    (quoted or left out) is the fix for it; a stretch that runs on into the next sentence,
    with no word accounted for between, stays one."""
    sentences = Sentences(text.text)
    groups: list[tuple[list[int], list[Loose]]] = []  # (sentence indexes, what is loose there)
    for item in sorted(loose, key=lambda item: item[0]):
        index = sentences.index_at(item[0])
        if groups and (index in groups[-1][0] or not WORD.search(text.text, groups[-1][1][-1][1], item[0])):
            if index not in groups[-1][0]:
                groups[-1][0].append(index)
            groups[-1][1].append(item)
        else:
            groups.append(([index], [item]))
    return [(_sentences_shown(sentences, indexes), stretch) for indexes, stretch in groups]


def _sentences_shown(sentences: Sentences, indexes: list[Optional[int]]) -> str:
    shown = [" ".join(sentences[i].split()) for i in indexes if i is not None]
    if len(shown) == 1:
        return "The sentence: «" + (shown[0] if len(shown[0]) <= 240 else shown[0][:200] + " …") + "»"
    return "The sentences: " + " ".join("«" + (s if len(s) <= 120 else s[:100] + " …") + "»" for s in shown)


def _unaccounted(text: SourceText, sentence: str, stretch: list[Loose]) -> Diagnostic:
    numbers_found = [number for _, _, number in stretch if number is not None]
    # A number is a word too: its words are named with it, not a second time.
    words = [(begin, stop) for begin, stop, number in stretch
             if number is None and not any(n.begin <= begin < n.stop for n in numbers_found)]
    first = stretch[0][0]
    if numbers_found:
        shown = [" ".join(text.text[n.begin:n.stop].split()) for n in numbers_found]
        noun = KIND_NOUNS[numbers_found[0].kind] if len(numbers_found) == 1 else "numbers"
        verb = "is" if len(numbers_found) == 1 else "are"
        message = f"the {noun} {_listed(repr(s) for s in shown)} {verb} neither captured by a figure or a date nor listed under left_out"
        if words:
            message += f", and the words {_shown(text, words)} are in no passage the data uses"
        if len(numbers_found) == 1 and not words:
            n = numbers_found[0]
            context = text.text[max(0, n.begin - 40):n.stop + 40]
            return error(text.path, text.pos(first), "C900", message + ":", "…" + " ".join(context.split()) + "…")
        return error(text.path, text.pos(first), "C900", f"{message}: capture or quote them, or list them under left_out with the reason. {sentence}")
    return error(text.path, text.pos(first), "C903",
                 f"the words {_shown(text, words)} are in no passage the data uses and not under left_out: "
                 f"quote them in an entry, or list them under left_out with the reason they are left out. {sentence}")


def _shown(text: SourceText, words: list[tuple[int, int]]) -> str:
    """The words, run by run: a run ends where a word the data accounts for stands between."""
    runs: list[list[int]] = []
    for begin, stop in words:
        if runs and not WORD.search(text.text, runs[-1][1], begin):
            runs[-1][1] = stop
        else:
            runs.append([begin, stop])
    shown = " … ".join(f"«{_shortened(' '.join(text.text[begin:stop].split()))}»" for begin, stop in runs)
    return shown


def _shortened(words: str) -> str:
    return words if len(words) <= 120 else f"{words[:70]} … {words[-40:]}"


def _listed(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _accounting_for_nothing(dataset: Dataset, readings: Readings, accounted: dict[str, "Accounted"],
                            used: dict[str, list[tuple[int, int]]]) -> list[int]:
    """The left_out entries every word and number of which the data accounts for without them.
    Two entries that leave out the same words or number are not both idle: removing both would
    lose what they leave out. The later is judged first, and an entry found idle leaves out
    nothing for the others, so the earlier one stays."""
    passages = _left_out_passages(dataset, readings)
    covered = {source_id: PassageUnion(spans) for source_id, spans in used.items()}
    dates = _event_dates_held(dataset, readings, passages)
    idle = set()
    for index in reversed(range(len(dataset.left_out))):
        entry = dataset.left_out[index]
        reading = readings(entry.source, entry.quote)
        if entry.source not in covered or not reading.offsets:
            continue
        others = passages[entry.source]

        def elsewhere(begin: int, stop: int) -> bool:
            return any(label != index and label not in idle for label in others.holding(begin, stop))

        if any(not elsewhere(begin, stop) for begin, stop in dates.get(index, ())):
            continue  # it alone, of the entries kept, keeps a date an event's quote writes from being read

        text = readings.texts[entry.source].text
        needed = False
        for offset in reading.offsets:
            words = covered[entry.source].words_outside(text, offset, offset + len(entry.quote))
            if any(not elsewhere(begin, stop) for begin, stop in words) or any(
                    not accounted[entry.source].by_data(offset + n.begin, offset + n.stop) and not elsewhere(offset + n.begin, offset + n.stop)
                    for n in reading.numbers):
                needed = True
                break
        if not needed:
            idle.add(index)
    return sorted(idle)


def _event_dates_held(dataset: Dataset, readings: Readings, passages: dict[str, Labelled]) -> dict[int, list[tuple[int, int]]]:
    """Where the dates that events' quotes write lie in left_out passages, by the entry's index:
    check_dates reads no date inside a left_out passage, so an entry may be needed for a
    date alone."""
    held: dict[int, list[tuple[int, int]]] = {}
    for event in dataset.events if dataset.left_out else ():
        reading = readings(event.source, event.quote)
        offset, labelled = reading.offset, passages.get(event.source)
        if offset is None or labelled is None:
            continue
        for mention in reading.mentions:
            span = (offset + mention.begin, offset + mention.stop)
            for label in labelled.holding(*span):
                held.setdefault(label, []).append(span)
    return held


def check_captured_and_left_out(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    """A number is either a figure's value or left out, never both; a date's numbers may be both."""
    found = []
    left_out = _left_out_passages(dataset, readings)
    for figure in dataset.figures:
        offset = readings(figure.source, figure.quote).offset
        number = written_value(figure, readings) if offset is not None else None
        if number is None:
            continue
        value = offset + number.begin
        passages = left_out.get(figure.source)
        for index in passages.holding(value) if passages else ():
            entry = dataset.left_out[index]
            figure_line = at(dataset, figure.at, "value").line
            found.append(error(dataset.path, at(dataset, entry.at, "quote"), "C902",
                               f"this passage leaves out {figure.value}, which the figure {figure.id!r} (line {figure_line}) captures; "
                               f"a number is either a figure or left out: remove this entry, or shorten it so it no longer writes {figure.value}"))
    return found


def _left_out_passages(dataset: Dataset, readings: Readings) -> dict[str, Labelled]:
    """Every place each left_out passage occurs, by source, labelled with the entry's index."""
    found: dict[str, list[tuple[int, int, int]]] = {}
    for index, entry in enumerate(dataset.left_out):
        for offset in readings(entry.source, entry.quote).offsets:
            found.setdefault(entry.source, []).append((offset, offset + len(entry.quote), index))
    return {source_id: Labelled(passages) for source_id, passages in found.items()}
