"""What the data does with each sentence of a source: quotes it, leaves it out (and why), or
partly each; on data the checker has not yet held to full coverage, some words may be
neither. Computed from the checker's result and the source's sentences; nothing here knows
of pages or markup.

A word is quoted where a passage the data uses holds it (an entry's or a figure's quote,
the passage a date or a place is inferred from, a relation's basis, the source's title, the
dateline its publication date is read from), left out where only a left_out passage holds
it, and neither where no passage does. Passages begin and end on word boundaries, so a
word is held whole or not at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from ..check.result import Result
from ..text.passage_union import WORD, PassageUnion
from ..text.sentences import Sentences

Span = tuple[int, int]

# What a stretch of words is.
QUOTED, LEFT_OUT, NEITHER = "quoted", "left-out", "neither"
# What a sentence is: its stretches' kinds, summed up.
PARTLY = "partly"  # quoted in part and left out in part, every word accounted for
UNACCOUNTED = "unaccounted"  # some of its words in no passage at all
STATUSES = (QUOTED, LEFT_OUT, PARTLY, UNACCOUNTED)
STATUS_WORDS = {
    QUOTED: "quoted in full",
    LEFT_OUT: "left out in full",
    PARTLY: "partly quoted, partly left out",
    UNACCOUNTED: "not wholly quoted or left out",
}


@dataclass(frozen=True)
class LeftOutPlace:
    """One place where a left_out passage stands in its source."""

    entry: int  # its index in the data's left_out list
    begin: int
    stop: int
    quote: str
    reason: str


@dataclass(frozen=True)
class Stretch:
    """Consecutive words of one kind, from the first word's start to the last one's end."""

    begin: int
    stop: int
    kind: str


@dataclass(frozen=True)
class SentenceStatus:
    index: int
    begin: int
    stop: int
    stretches: tuple[Stretch, ...]
    left_out: tuple[LeftOutPlace, ...]  # the left_out passages that hold any of its words

    @property
    def status(self) -> str:
        kinds = {stretch.kind for stretch in self.stretches}
        if NEITHER in kinds:
            return UNACCOUNTED
        if LEFT_OUT in kinds:
            return PARTLY if QUOTED in kinds else LEFT_OUT
        return QUOTED  # a sentence without words has nothing left unaccounted

    @property
    def words(self) -> str:
        return STATUS_WORDS[self.status]


def used_spans(checked: Result, source_id: str) -> list[Span]:
    """Where the passages the data uses stand in the source, as the checker found them."""
    return sorted(set(checked.used.get(source_id, ())))


def left_out_places(checked: Result, source_id: str) -> list[LeftOutPlace]:
    """Every place of every left_out passage of the source, in the text's order. A left_out
    passage leaves out each place it occurs."""
    places = [LeftOutPlace(index, offset, offset + len(entry.quote), entry.quote, entry.reason)
              for index, entry in enumerate(checked.dataset.left_out) if entry.source == source_id
              for offset in checked.places.get((source_id, entry.quote), ())]
    return sorted(places, key=lambda p: (p.begin, -p.stop, p.entry))


def statuses(text: str, sentences: list[Span], used: Iterable[Span], left_out: Iterable[LeftOutPlace]) -> list[SentenceStatus]:
    """Each sentence's stretches and status, from where the used and the left-out passages stand."""
    left_out = sorted(left_out, key=lambda p: (p.begin, -p.stop, p.entry))
    quoted, omitted = PassageUnion(used), PassageUnion((p.begin, p.stop) for p in left_out)
    found = []
    for index, (begin, stop) in enumerate(sentences):
        stretches: list[Stretch] = []
        for word in WORD.finditer(text, begin, stop):
            kind = QUOTED if word.start() in quoted else LEFT_OUT if word.start() in omitted else NEITHER
            if stretches and stretches[-1].kind == kind:
                stretches[-1] = Stretch(stretches[-1].begin, word.end(), kind)
            else:
                stretches.append(Stretch(word.start(), word.end(), kind))
        touching = tuple(p for p in left_out if p.begin < stop and begin < p.stop)
        found.append(SentenceStatus(index, begin, stop, tuple(stretches), touching))
    return found


def sentence_statuses(checked: Result, source_id: str, sentences: Optional[Sentences] = None) -> list[SentenceStatus]:
    """Each sentence of a checked source with what the data does with it."""
    text = checked.texts[source_id].text
    sentences = sentences or Sentences(text)
    return statuses(text, sentences.spans, used_spans(checked, source_id), left_out_places(checked, source_id))


def counts(found: Iterable[SentenceStatus]) -> dict[str, int]:
    """How many sentences have each status, every status named (zero or not)."""
    tally = dict.fromkeys(STATUSES, 0)
    for sentence in found:
        tally[sentence.status] += 1
    return tally
