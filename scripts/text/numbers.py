"""Numbers as a text writes them, each read whole: in digits ("744", "1,200", "2.5", "5km",
"2 million"), in words ("eight", "twenty one", "a hundred", "one hundred and twelve"), as
ordinals ("35th", "eighth", "thirty-first"), decades ("the 1990s"), times ("10:00",
"10 a.m.") and amounts without a value ("hundreds").

Only a count has a value: a figure may hold it. Every other kind is a number the text writes,
which coverage asks to be accounted for, and never a count: "the 35th anniversary" does not
write 35 people, nor "2.5 percent" two.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Optional

COUNT, ORDINAL, DECIMAL, FRACTION, DECADE, TIME, VAGUE = "count", "ordinal", "decimal", "fraction", "decade", "time", "vague"
# What an editor calls each kind, for messages: "the ordinal '35th'".
NOT_A_NUMBER = "word"  # what cut_number finds where a passage's number is none in its text: the "5" of "x_5"
KIND_NOUNS = {COUNT: "number", ORDINAL: "ordinal", DECIMAL: "decimal", FRACTION: "fraction", DECADE: "decade", TIME: "time", VAGUE: "amount",
              NOT_A_NUMBER: "word"}

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNIT_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEEN_ORDINALS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}


class _Word(NamedTuple):
    role: str  # how the word joins others: "unit", "teen", "tens", "hundred", "scale", "dozen", "ordinal", ...
    value: int


# Every word that writes a number or a part of one, by the part it plays.
_WORDS: dict[str, _Word] = {
    "zero": _Word("zero", 0),
    **{w: _Word("unit", v) for v, w in enumerate(_UNITS, 1)},
    **{w: _Word("teen", v) for v, w in enumerate(_TEENS, 10)},
    **{w: _Word("tens", v) for v, w in zip(range(20, 100, 10), _TENS)},
    "hundred": _Word("hundred", 100),
    **{w: _Word("scale", v) for w, v in _SCALES.items()},
    "dozen": _Word("dozen", 12),
    **{w: _Word("unit ordinal", v) for v, w in enumerate(_UNIT_ORDINALS, 1)},
    **{w: _Word("ordinal", v) for v, w in enumerate(_TEEN_ORDINALS, 10)},
    **{w[:-1] + "ieth": _Word("ordinal", v) for v, w in zip(range(20, 100, 10), _TENS)},
    "hundredth": _Word("hundredth", 100),
    **{w + "th": _Word("scale ordinal", v) for w, v in _SCALES.items()},
    # After a count these write a fraction ("two thirds", "three quarters"); alone, no number.
    **{w: _Word("fraction", 0) for w in ["half", "halves", "quarter", "quarters"] + [w + "s" for w in _UNIT_ORDINALS[2:] + _TEEN_ORDINALS[:1]]},
    **{w: _Word("vague", 0) for w in ["hundreds", "thousands", "millions", "billions", "dozens", "tens", "scores"]},
    **{w[:-1] + "ies": _Word("decade", 0) for w in _TENS},
}
# A word that is a number by itself, whatever follows it.
_ALONE = {"zero": COUNT, "ordinal": ORDINAL, "unit ordinal": ORDINAL, "hundredth": ORDINAL, "scale ordinal": ORDINAL, "vague": VAGUE, "decade": DECADE}


def _any_case(word: str) -> str:
    """A pattern for `word` in any case, letter by letter ("[aA][nN][dD]"). Only A to Z:
    re.IGNORECASE would also take "ſix" for "six"."""
    return "".join(f"[{c}{c.upper()}]" if "a" <= c <= "z" else re.escape(c) for c in word)


def _trie(words: list[str]) -> str:
    """One pattern for many words, branching letter by letter ("s(?:even(?:teen)?|ix)"): the
    search tries a word's first letter once, not every word that might start there."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:
        ways = [_any_case(letter) + branch(node[letter]) for letter in sorted(node) if letter]
        if "" in node:
            return f"(?:{'|'.join(ways)})?" if ways else ""
        return ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"

    return branch(tree)


_SEP = rf"(?:\s{_any_case('and')}\s|[\s\-‐‑])"  # a space or a line break, a hyphen, or "and" ("one hundred and twelve")
# "tens" and "scores" are amounts only before "of" ("tens of thousands").
_WORD = rf"(?:{_trie([w for w in _WORDS if w not in ('tens', 'scores')])}|(?:{_any_case('tens')}|{_any_case('scores')})(?=\s{_any_case('of')}\b))(?!\w)"
_AM_PM = r"[aApP](?:\.[mM](?!\w)\.?|[mM](?!\w))"  # the full stop of "a.m." is its own, not that of "10am."
_O_CLOCK = rf"{_any_case('o')}['’]{_any_case('clock')}(?!\w)"
_TIME = (
    rf"\d{{1,2}}(?::\d{{2}}){{1,2}}(?!\d)(?:\s?{_AM_PM})?"  # 10:00, 9:30 pm
    rf"|\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:{_AM_PM}|{_O_CLOCK})"  # 10am, 10 a.m., 10.30pm, 10 o'clock
)
NUMBER_ALTERNATIVES = (
    rf"(?<!\w)(?P<time>{_TIME})"
    r"|(?<!\w)(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<point>\d+))?"
    rf"(?:(?P<suffix>{'|'.join(map(_any_case, ['st', 'nd', 'rd', 'th']))})(?!\w)|(?P<plural>['’]?[sS])(?!\w)"
    rf"|\s(?P<scale>{'|'.join(map(_any_case, ['hundred', *_SCALES, 'dozen']))})(?!\w)|(?P<unit>[^\W\d_]+))?"
    rf"|(?<!\w)(?P<words>{_WORD}(?:{_SEP}{_WORD})*)(?P<clock>\s?{_O_CLOCK}|\s[aApP]\.[mM]\.)?"
)
# Every alternative starts a word with a digit or a number word's first letter. Said once
# in front, it lets the search pass over every other place at a glance instead of trying
# each alternative there: three times faster, and the same matches (tests/test_text_reading.py).
_FIRST_LETTERS = "".join(sorted({c for word in _WORDS for c in (word[0], word[0].upper())}))
_NUMBER_RE = re.compile(rf"\b(?=[\d{_FIRST_LETTERS}])(?:{NUMBER_ALTERNATIVES})")
_LETTERS = re.compile(r"[^\W\d_]+")
_MULTIPLIERS = {"hundred": 100, **_SCALES, "dozen": 12}
_MULTIPLYING = ("hundred", "scale", "dozen")  # the roles of words that "a" may stand before


class Number(NamedTuple):
    # A NamedTuple, not a frozen dataclass: a run reads hundreds of thousands of them, and a
    # frozen dataclass's __init__ took a tenth of the number reader's time.
    begin: int
    stop: int
    value: Optional[int]  # the count written; None for every other kind, which holds no count
    kind: str = COUNT

    @property
    def ordinal(self) -> bool:
        return self.kind == ORDINAL


def numbers(text: str) -> tuple[Number, ...]:
    """Every number in `text`, left to right."""
    return tuple(_numbers(text))


def number_at(text: str, begin: int, stop: int) -> Optional[Number]:
    """The number `text` writes over text[begin:stop], read with the words around it: a
    passage cut out of `text` may cut "5" out of "2.5" or "twelve" out of "a hundred and twelve"."""
    # No number runs on past a comma or a full stop and a space, so the clause is enough
    # (and a few words after, which may carry it on: "and twelve", "o'clock").
    low = max(0, begin - _BACK)
    low = max((at + 2 for end in _CLAUSE_ENDS if (at := text.rfind(end, low, begin)) >= 0), default=low)
    high = min(len(text), stop + _AHEAD)
    for number in _numbers(text[low:high]):
        if number.begin + low < stop and number.stop + low > begin:
            return Number(number.begin + low, number.stop + low, number.value, number.kind)
    return None


_CLAUSE_ENDS = (". ", ", ", "; ", ": ", "! ", "? ")
_BACK, _AHEAD = 120, 24


def cut_number(text: str, at: int, passage: str, number: Number) -> Optional[Number]:
    """The number `text` writes where `passage`, which stands at `at` in it, writes the count
    `number`, if the passage cuts it out of a longer one ("5" out of "2.5", "one" out of
    "twenty one", "2" out of "2 million"); None where the passage reads it whole."""
    if passage[number.begin].isdigit() and number.begin >= 2 and len(passage) - number.stop >= 12:
        return None  # digits are read from a few characters either side, here all the passage's own
    begin, stop = at + number.begin, at + number.stop
    if _stands_alone(text, begin, stop):
        return None
    whole = number_at(text, begin, stop)
    if whole is None:  # the text reads no number there: the "5" of "x_5"
        while begin and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            begin -= 1
        return Number(begin, stop, None, NOT_A_NUMBER)
    return None if (whole.begin, whole.stop, whole.kind) == (begin, stop, COUNT) else whole


def _stands_alone(text: str, begin: int, stop: int) -> bool:
    """Whether nothing next to text[begin:stop] could make the number written there part of
    a longer one: a quick test that spares most numbers the reading of number_at."""
    before = text[begin - 1] if begin else " "
    if before in ".,:_" or before.isalnum():
        return False
    if before.isspace() or before in _HYPHENS:
        word = _WORD_BEFORE.search(text, max(0, begin - 16), begin - 1)
        if word and word.group().lower() in _JOINING:
            return False
    return not _JOINS_AFTER.match(text, stop)


_HYPHENS = "‐‑-"  # a hyphen last, so that it stands for itself in a class
_WORD_BEFORE = re.compile(r"[^\W\d_]+\Z")
_JOINING = {*_WORDS, "and", "a"}
_JOINS_AFTER = re.compile(rf"[.,:]\d|[\w'’]|[\s{_HYPHENS}](?:{_WORD}|{_any_case('and')}(?!\w)|{_AM_PM}|{_O_CLOCK})")


def _numbers(text: str) -> Iterator[Number]:
    for m in _NUMBER_RE.finditer(text):
        if m.lastgroup == "digits" and (not m.start() or text[m.start() - 1] != "."):
            # Most numbers: "82", "1,200"; made as a plain tuple is, without NamedTuple's Python-level __new__.
            yield _new_tuple(Number, (m.start(), m.end(), int(m.group("digits").replace(",", "")), COUNT))
        elif m.group("time"):
            yield Number(m.start(), m.end(), None, TIME)
        elif m.group("digits"):
            yield _digits(text, m)
        else:
            yield from _words(text, m)


def _digits(text: str, m: re.Match) -> Number:
    digits, point, scale = m.group("digits").replace(",", ""), m.group("point") or "", m.group("scale")
    begin, stop = m.span()
    if scale:  # "2 million", "1.5 million": a count, if it comes out whole
        numerator = int(digits + point) * _MULTIPLIERS[scale.lower()]
        whole, rest = divmod(numerator, 10 ** len(point))
        return Number(begin, stop, None, DECIMAL) if rest else Number(begin, stop, whole)
    if point or (begin and text[begin - 1] == "."):  # "2.5", or the "5" of ".5"
        return Number(begin, stop, None, DECIMAL)
    if m.group("suffix"):
        return Number(begin, stop, None, ORDINAL)
    # "the 1990s" and "the ’90s" are decades; "100s" and "1,000s of people" amounts. Four
    # digits ending "00" read as the decade a year would ("the 1900s"), however meant.
    if m.group("plural"):
        if digits.endswith("00") and (len(digits) != 4 or "," in m.group("digits")):
            return Number(begin, stop, None, VAGUE)
        if digits.endswith("0") and len(digits) in (2, 4):
            return Number(begin, stop, None, DECADE)
    return Number(begin, stop, int(digits))  # with a unit, if any: "5km"


_new_tuple = tuple.__new__


class _Read(NamedTuple):
    word: _Word
    text: str
    begin: int
    stop: int
    after_and: bool  # joined to the word before by "and", not by a space or a hyphen


def _words(text: str, m: re.Match) -> Iterator[Number]:
    """The numbers a run of number words writes: "twenty one", "one hundred and twelve",
    "eight and nine" (two), "a hundred" (with the "a" before the run)."""
    base, words, after_and = m.start("words"), [], False
    for w in _LETTERS.finditer(m.group("words")):
        lower = w.group().lower()
        if lower == "and":
            after_and = True
            continue
        words.append(_Read(_WORDS[lower], lower, base + w.start(), base + w.end(), after_and))
        after_and = False
    i = 0
    while i < len(words):
        a_before = i == 0 and words[0].word.role in _MULTIPLYING and _a_before(text, words[0].begin)
        stop_at, next_at, value, kind = _one_number(words, i, a_before)
        if kind is not None:
            begin, stop = words[i].begin - (2 if a_before else 0), words[stop_at - 1].stop
            if next_at == len(words) and m.group("clock") and kind == COUNT and 1 <= value <= 12:
                yield Number(begin, m.end(), None, TIME)  # "ten o'clock", "nine a.m."
            else:
                yield Number(begin, stop, value, kind)
        i = next_at


def _a_before(text: str, at: int) -> bool:
    """Whether the word "a" stands just before `at` ("a hundred")."""
    return at >= 2 and text[at - 2] in "aA" and text[at - 1].isspace() and (at == 2 or not (text[at - 3].isalnum() or text[at - 3] == "_"))


def _one_number(words: list[_Read], i: int, a_before: bool) -> tuple[int, int, Optional[int], Optional[str]]:
    """Read one number from words[i:]: (where it stops, where the next starts, its count or
    None, its kind, or None where the word writes no number by itself)."""
    word = words[i].word
    if word.role in _ALONE:
        return i + 1, i + 1, (word.value if word.role == "zero" else None), _ALONE[word.role]
    if word.role == "fraction":
        return i + 1, i + 1, None, None  # "half", "quarter" alone
    if word.role in _MULTIPLYING and not a_before:
        return i + 1, i + 1, None, VAGUE  # "several hundred"
    total, last_scale = 0, 10**12
    group, j, ordinal = _below_thousand(words, i, a_before)
    while not ordinal and j < len(words) and not words[j].after_and and group:
        role, value = words[j].word
        if role == "scale" and value < last_scale:
            total, last_scale, j = total + group * value, value, j + 1
            group = 0
            more = _below_thousand(words, j, False) if j < len(words) and words[j].word.role in _CARDINAL else None
            if more is not None and more[0] < last_scale:
                group, j, ordinal = more
        elif role == "scale ordinal" and value < last_scale:
            total, group, j, ordinal = total + group * value, 0, j + 1, True
        else:
            break
    if ordinal:
        return j, j, None, ORDINAL
    value = total + group
    follower = words[j] if j < len(words) and not words[j].after_and else None
    if follower is None:
        return j, j, value, COUNT
    if follower.word.role == "dozen":
        return j + 1, j + 1, value * 12, COUNT  # "two dozen", "a dozen"
    if follower.text == "second":
        return j, j + 1, value, COUNT  # "one second": a unit of time, no ordinal
    if follower.word.role == "fraction" or follower.word.role in ("unit ordinal", "ordinal") and follower.text != "first":
        return j + 1, j + 1, None, FRACTION  # "two thirds", "one fifth"
    if follower.word.role == "decade" and j == i + 1 and words[i].word.role == "teen":
        return j + 1, j + 1, None, DECADE  # "the nineteen-nineties"
    return j, j, value, COUNT


def _below_thousand(words: list[_Read], i: int, one: bool) -> tuple[int, int, bool]:
    """A number under a thousand from words[i:] ("one hundred and twelve", "a hundred" where
    `one` says the "a" stands for it): (its value, where it stops, whether it is an ordinal)."""
    value, j, ordinal = (1, i, False) if one else _below_hundred(words, i)
    single = one or (j == i + 1 and words[i].word.role in ("unit", "teen"))  # "twelve hundred", not "twenty hundred"
    if not ordinal and single and j < len(words) and not words[j].after_and:
        role = words[j].word.role
        if role == "hundred":
            value, j = value * 100, j + 1
            if j < len(words) and words[j].word.role in _CARDINAL:
                rest, j, ordinal = _below_hundred(words, j)
                value += rest
        elif role == "hundredth":
            value, j, ordinal = value * 100, j + 1, True
    return value, j, ordinal


_CARDINAL = ("unit", "teen", "tens", "unit ordinal", "ordinal")  # the roles a number under a hundred starts with


def _below_hundred(words: list[_Read], i: int) -> tuple[int, int, bool]:
    role, value = words[i].word
    if role == "tens":
        after = words[i + 1] if i + 1 < len(words) and not words[i + 1].after_and else None
        if after is not None and after.word.role in ("unit", "unit ordinal"):
            return value + after.word.value, i + 2, after.word.role == "unit ordinal"  # "twenty one", "thirty-first"
        return value, i + 1, False
    if role in ("unit", "teen"):
        return value, i + 1, False
    return value, i + 1, role in ("unit ordinal", "ordinal")
