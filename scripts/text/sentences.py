"""A source's sentences, the unit readers see: where each begins and ends in the text.

NLTK's Punkt, untrained but for a short list of abbreviations, finds the sentence breaks
within a line ("Caliber.Az", "Dr." and "Jan. 20" do not end one); it needs no model download. A line break always ends a
sentence: a source's lines are its headline and its paragraphs, and a headline carries no
full stop to end it.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

Span = tuple[int, int]


# Abbreviations that end no sentence, which untrained Punkt cannot know: titles, ranks and
# months as English news writes them ("Gen. Yazov", "Jan. 20"). Lower case, without the stop.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "maj", "capt", "sgt", "adm",
    "gov", "sen", "rep", "pres", "amb", "rev", "hon", "no", "nos", "vs", "etc", "approx", "e.g", "i.e",
    "u.s", "u.n", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})


@lru_cache(maxsize=1)
def _tokenizer():
    # Imported here: NLTK takes a fifth of a second to import, and a clean check never
    # needs a sentence (only a diagnostic and the Source page do).
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(parameters)


def sentence_spans(text: str) -> list[Span]:
    """(begin, stop) of every sentence, in order; spacing between sentences belongs to none."""
    spans: list[Span] = []
    tokenizer = _tokenizer()
    line_begin = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend((line_begin + begin, line_begin + stop) for begin, stop in tokenizer.span_tokenize(line))
        line_begin += len(line) + 1
    return spans


class Sentences:
    """A text's sentences, found once and looked up by offset."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentence_spans(text)
        self._begins = [begin for begin, _ in self.spans]

    def index_at(self, offset: int) -> Optional[int]:
        """The index of the sentence holding `offset`, or None between sentences."""
        i = bisect.bisect_right(self._begins, offset) - 1
        return i if i >= 0 and offset < self.spans[i][1] else None

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, index: int) -> str:
        begin, stop = self.spans[index]
        return self.text[begin:stop]
