"""A source's text as stored: where a quote occurs in it, and the passage nearest a quote that does not."""
from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..diagnostics import Pos

_KEY = 8
# Places few enough that checking each is quicker than looking on for a rarer piece.
_FEW = 16
# A quote may start at a word's first character or at any other non-space character,
# never in the middle of a word; so only those offsets need indexing.
_STARTS_RE = re.compile(r"(?<!\w)\w|[^\w\s]")

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-", "\u00a0": " "})


@dataclass
class SourceText:
    path: str  # as shown in diagnostics
    text: str
    sha256: str
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _index: Optional[dict[str, list[int]]] = field(default=None, repr=False)
    _folded: Optional[tuple[str, list[int]]] = field(default=None, repr=False)
    _spaced: Optional[str] = field(default=None, repr=False)
    _found: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _like: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "SourceText":
        return cls(path, data.decode("utf-8"), hashlib.sha256(data).hexdigest())

    def pos(self, offset: int) -> Pos:
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return Pos(line, offset - self._line_starts[line - 1] + 1)

    def find_all(self, quote: str) -> list[int]:
        """Offsets where `quote` occurs, starting and ending on word boundaries. A space in
        the quote may stand for a line break in the source, one for one, as YAML's folded
        blocks (`>-`), where quotes are written, turn line breaks into spaces; every other
        character is the source's own, and a line break in the quote must be one there."""
        if quote not in self._found:
            self._found[quote] = self._search(quote)
        return self._found[quote]

    def _search(self, quote: str) -> list[int]:
        if not quote:
            return []
        # Look the quote up by its rarest indexed piece, so a common opening ("the ")
        # does not make every check scan every place the source writes it.
        index, text, wanted = self._word_index(), self._spaced_text(), _as_spaces(quote)
        best: Optional[tuple[int, list[int]]] = None
        for start in map(re.Match.start, _STARTS_RE.finditer(wanted)):
            piece = wanted[start:start + _KEY]
            if len(piece) < _KEY:
                break
            found = index.get(piece, [])
            if best is None or len(found) < len(best[1]):
                best = (start, found)
                if len(found) <= _FEW:
                    break
        if best is None:
            candidates = [m.start() for m in re.finditer(re.escape(wanted), text)]
        else:
            shift, found = best
            candidates = [offset - shift for offset in found]
        end = len(quote)
        found = [o for o in candidates if o >= 0 and text.startswith(wanted, o) and _at_boundary(text, o) and _at_boundary(text, o + end)]
        if "\n" in quote:
            breaks = [at for at, character in enumerate(quote) if character == "\n"]
            found = [o for o in found if all(self.text[o + at] == "\n" for at in breaks)]
        return found

    def spaced_line_break(self, quote: str) -> Optional[tuple[int, int]]:
        """Where the source writes `quote` but for a line break in the quote where the source
        has a space: (the quote's offset in the source, that break's offset in the quote)."""
        for offset in self.find_all(_as_spaces(quote)) if "\n" in quote else ():
            for at, character in enumerate(quote):
                if character == "\n" and self.text[offset + at] != "\n":
                    return offset, at
        return None

    def _spaced_text(self) -> str:
        """The text with its line breaks as spaces, every offset kept."""
        if self._spaced is None:
            self._spaced = _as_spaces(self.text)
        return self._spaced

    def _word_index(self) -> dict[str, list[int]]:
        if self._index is None:
            text, index = self._spaced_text(), defaultdict(list)
            for start in map(re.Match.start, _STARTS_RE.finditer(text)):
                index[text[start:start + _KEY]].append(start)
            self._index = dict(index)
        return self._index

    def near_miss(self, quote: str) -> Optional[tuple[int, int]]:
        """Where the source writes `quote` but for quotation marks, dashes or spacing."""
        folded, origin = self._folded_text()
        wanted = _fold(quote)
        at = folded.find(wanted) if wanted else -1
        while at >= 0:
            begin, stop = origin[at], origin[at + len(wanted) - 1] + 1
            if _at_boundary(self.text, begin) and _at_boundary(self.text, stop):
                return begin, stop
            at = folded.find(wanted, at + 1)
        return None

    def nearest(self, quote: str) -> tuple[int, int]:
        """The passage of the source most like `quote`: (start offset, end offset)."""
        return self._most_like(quote)[0]

    def meant(self, quote: str) -> list[tuple[int, int]]:
        """Where the source writes what `quote` means to quote: where it occurs, else where
        it occurs but for marks and spacing, else every passage most like it."""
        found = self.find_all(quote)
        if found:
            return [(offset, offset + len(quote)) for offset in found]
        near = self.near_miss(quote)
        if near:
            return [near]
        spans = set()
        for begin, stop in self._most_like(quote):
            spans.update((o, o + stop - begin) for o in self.find_all(self.text[begin:stop]) or [begin])
        return sorted(spans)

    def _most_like(self, quote: str) -> list[tuple[int, int]]:
        if quote not in self._like:
            starts = self._voted_starts(quote) or [self._longest_block_start(quote)]
            self._like[quote] = [self._whole_words(start, start + len(quote)) for start in starts]
        return self._like[quote]

    def _voted_starts(self, quote: str) -> list[int]:
        """Where the quote would start, by the votes of its indexed pieces: a typo spoils
        the pieces it falls in, and the others still agree on the place. Every place with
        the most votes is kept, as a passage may occur more than once."""
        index, quote = self._word_index(), _as_spaces(quote)
        votes: dict[int, int] = {}
        for m in _STARTS_RE.finditer(quote):
            piece = quote[m.start():m.start() + _KEY]
            if len(piece) < _KEY:
                break
            for offset in index.get(piece, ()):
                votes[offset - m.start()] = votes.get(offset - m.start(), 0) + 1
        most = max(votes.values(), default=0)
        best = sorted(max(0, start) for start, count in votes.items() if count == most)
        # One vote each for many places is no agreement: a common piece ("January ") alone.
        return best if most > 1 or len(best) == 1 else []

    def _longest_block_start(self, quote: str) -> int:
        matcher = difflib.SequenceMatcher(None, self.text, quote, autojunk=False)
        match = matcher.find_longest_match(0, len(self.text), 0, len(quote))
        return max(0, match.a - match.b)

    def _whole_words(self, begin: int, stop: int) -> tuple[int, int]:
        """Widen a passage to whole words, so a suggestion can be pasted as it stands."""
        stop = min(len(self.text), stop)
        while begin > 0 and self.text[begin - 1].isalnum() and self.text[begin].isalnum():
            begin -= 1
        while stop < len(self.text) and self.text[stop - 1].isalnum() and self.text[stop].isalnum():
            stop += 1
        return begin, stop

    def _folded_text(self) -> tuple[str, list[int]]:
        if self._folded is None:
            pieces, origin = [], []
            for m in _FOLD_TOKENS.finditer(self.text):
                pieces.append(_fold_token(m.group()))
                origin.append(m.start())
            self._folded = ("".join(pieces), origin)
        return self._folded


# A dash with or without spaces around it, a run of spaces, or any other single character:
# each folds to one character, so a folded offset maps back to a place in the source.
_FOLD_TOKENS = re.compile(r"\s*[-–—‑‐−]\s*|\s+|\S")


def _fold_token(token: str) -> str:
    if token.isspace():
        return " "
    return token.strip().translate(_FOLD)


def _fold(text: str) -> str:
    return "".join(_fold_token(m.group()) for m in _FOLD_TOKENS.finditer(text.strip()))


def _as_spaces(text: str) -> str:
    return text.replace("\n", " ")


def _at_boundary(text: str, offset: int) -> bool:
    """Whether `offset` falls between words rather than inside one."""
    return offset == 0 or offset == len(text) or not (text[offset - 1].isalnum() and text[offset].isalnum())
