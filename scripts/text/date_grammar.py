"""How a language writes dates, as tables, and the one pattern compiled from them.

A language gives its words (months, weekdays, qualifiers, the words of a range and of a
time) and its forms. A form is one shape of a date, written as a regular expression over
named slots, "{dayof} {month}(?: {year})?", with an example that it must read (the tests
read every one). A form may open with a weekday ("Saturday, "), a qualifier ("the end of ")
or the word of a range ("from "); these openers are one pattern in front of all the forms,
and each form reads only those its template opens with. `Grammar` compiles a language's
forms into one pattern whose alternatives are the forms in the table's order, so where two
forms could start at one place the longer must come first, and reads back from a match the
text of each slot the form wrote. A slot the text does not fill stays None: nothing here
fills a part with a guess.

Adding a language is adding a `Language` to LANGUAGES, under its code; the readers take
the code of the source's language, English ("en") by default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# The parts a slot writes; a slot name ending in 2 writes that part of a range's end.
SLOT_PARTS = {
    "day": "day", "dayof": "day", "dd": "day", "d": "day",
    "month": "month", "mm": "month", "m": "month",
    "year": "year", "lone_year": "year",
}
FIELDS = ("year", "month", "day", "year2", "month2", "day2", "weekday", "qualifier")


@dataclass(frozen=True)
class Form:
    """One shape of a date: its name, its pattern over slots, and a writing it reads."""

    name: str
    template: str
    example: str


@dataclass(frozen=True)
class Language:
    code: str
    # Every way the language writes a month or a weekday; True marks an abbreviation,
    # which may end with a dot ("Jan.", "Sept").
    months: dict[str, tuple[int, bool]]
    weekdays: dict[str, tuple[int, bool]]
    qualifiers: dict[str, str]  # the word -> the data's qualifier ("beginning" -> "start")
    ordinal: str  # the letters after a day's digits: "20th"
    of: str  # between an ordinal and its month: "20th of January"
    article: str  # "the 20th", "the end of"
    opens: tuple[str, str]  # the words that open a range written in words: from, between
    joins: tuple[str, str]  # the words that join its ends after each: to, and
    time_after: str  # between a day and its time: "15 January 2025, at 10:00"
    time_before: str  # between a time and its day: "10 a.m. on 15 January"
    am: str
    pm: str
    forms: tuple[Form, ...]
    # Writings that look like dates and are not read as dates, with groups first, second
    # and year (refused_dates says why each is refused).
    refused: str


def _words(words: dict[str, tuple[int, bool]]) -> str:
    """One pattern for many words, sharing their prefixes so that a place is tried once,
    not once a word; each word ends a word, an abbreviation may end with a dot."""
    tree: dict = {}
    # A headline or a dateline may write them in capitals: "BAKU, JANUARY 15".
    for word, (_, abbreviation) in [*words.items(), *((w.upper(), v) for w, v in words.items())]:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = abbreviation

    def pattern(node: dict) -> str:
        # Longer words before the shorter ones they begin with.
        branches = [re.escape(letter) + pattern(child) for letter, child in sorted(node.items()) if letter]
        if "" in node:
            branches.append(r"(?:\.|\b)" if node[""] else r"\b")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(tree)


def _either(words) -> str:
    """Any of the words, capitalised too: a sentence may begin with one ("From 19 to 20 January")."""
    return "(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" if w[:1].isalpha() else w for w in words) + ")"


class Slot(NamedTuple):
    pattern: str  # {g} stands for the name of its group
    first: str  # the characters a date can begin with when this slot opens it
    # Written, if at all, in front of the rest ("Saturday, ", "the end of ", "from "): one
    # pattern in front of every form, read by the forms whose template opens with it.
    opener: bool = False


def _slots(language: Language) -> dict[str, Slot]:
    day = r"(?P<{g}>3[01]|[12]\d|0?[1-9])(?!\d)"
    ordinal = f"(?:{language.ordinal})"
    opens, joins = language.opens, language.joins
    digits = "0123456789"
    return {
        "weekday": Slot(rf"(?P<{{g}}>{_words(language.weekdays)}),? (?:{language.article} )?", _initials(language.weekdays), True),
        "qualifier": Slot(rf"(?:{_either([language.article])} )?(?P<{{g}}>{_either(language.qualifiers)}) {language.of} ",
                          _initials([language.article, *language.qualifiers]), True),
        # A range opened by a word may be closed by its partner ("from ... to", "between ...
        # and"); one written with a dash needs no opener, and the partner needs its opener.
        "from": Slot(rf"(?P<from>{_either([opens[0]])}) |(?P<between>{_either([opens[1]])}) ", _initials(opens), True),
        "to": Slot(rf"(?:(?(from) {joins[0]} |(?(between) {joins[1]} |(?!)))|\s?[-–]\s?)", ""),
        "day": Slot(rf"{day}(?:{ordinal})?", digits),
        "dayof": Slot(rf"{day}(?:{ordinal}(?: {language.of})?)?", digits),
        "month": Slot(rf"(?P<{{g}}>{_words(language.months)})", _initials(language.months)),
        "year": Slot(r"(?P<{g}>\d{4})\b", digits),
        "lone_year": Slot(r"(?P<{g}>1[89]\d\d|20\d\d)\b", digits),
        "dd": Slot(r"(?P<{g}>0[1-9]|[12]\d|3[01])(?!\d)", digits),
        "mm": Slot(r"(?P<{g}>0[1-9]|1[0-2])(?!\d)", digits),
        "d": Slot(r"(?P<{g}>0?[1-9]|[12]\d|3[01])(?!\d)", digits),
        "m": Slot(r"(?P<{g}>0?[1-9]|1[0-2])(?!\d)", digits),
    }


def _initials(words) -> str:
    return "".join(sorted({w[0] for w in words} | {w[0].upper() for w in words}))


_SLOT = re.compile(r"\{([a-z_]+?)(2?)\}")
# A date begins a word, and not after a digit's point, comma, colon or slash: the 20 of
# "1,20 January" or "3/20 January" begins no date.
GUARD = r"(?<![\w.,:/])"
OPENER_FIELDS = {"weekday": "weekday", "qualifier": "qualifier", "from": "range"}


@dataclass(frozen=True)
class Reader:
    """How to read a match of one form."""

    form: Form
    group: int  # the form's own group: where it begins, after any opener
    # The group of each of FIELDS, in order; a field the form does not write is given a
    # group of another form, which never takes part in a match of this one, so reads None.
    groups: tuple[int, ...]
    openers: frozenset[str]  # the openers it reads: "weekday", "qualifier", "range"
    single_day: bool  # one day, which may carry a time


class Grammar:
    """A language's forms compiled into one pattern, with what is needed to read a match."""

    def __init__(self, language: Language):
        self.language = language
        slots = _slots(language)
        openers = [name for name, slot in slots.items() if slot.opener]
        opening = "(?:" + "|".join(slots[name].pattern.replace("{g}", name) for name in openers) + ")?"
        by_first: dict[str, list[str]] = {}
        first, named = set(), {}
        for index, form in enumerate(language.forms):
            prefix, names, rest, opened = f"f{index}_", {}, form.template, set()
            while (match := _SLOT.match(rest)) and slots[match.group(1)].opener:
                opened.add(match.group(1))
                first |= set(slots[match.group(1)].first)
                rest = rest[match.end():]
            if not match:
                raise ValueError(f"a form must begin with a slot: {form.template!r}")
            first |= set(slots[match.group(1)].first)

            def expand(match: re.Match, prefix=prefix, names=names) -> str:
                kind, end = match.groups()
                if slots[kind].opener:
                    raise ValueError(f"{{{kind}}} opens a form, if anywhere: {form.template!r}")
                if kind in SLOT_PARTS:
                    names[SLOT_PARTS[kind] + end] = prefix + kind + end
                return slots[kind].pattern.replace("{g}", prefix + kind + end)

            alternative = f"(?P<f{index}>{_SLOT.sub(expand, rest)})"
            by_first.setdefault(slots[match.group(1)].first, []).append(alternative)
            names.update({kind: kind for kind in ("weekday", "qualifier") if kind in opened})
            named[f"f{index}"] = (form, names, frozenset(OPENER_FIELDS[k] for k in opened))
        # Every form, in the table's order among those that begin alike (the first that
        # matches at a place wins; forms that begin unalike never match at one place).
        self.alternatives = GUARD + opening + "(?:" + "|".join(f"(?:{'|'.join(group)})" for group in by_first.values()) + ")"
        # The same, quicker: every date begins with one of a few characters, and each form
        # is tried only where its first slot can begin.
        dispatch = "|".join(f"(?=[{characters}])(?:{'|'.join(group)})" for characters, group in by_first.items())
        self.pattern = re.compile(GUARD + "(?=[" + "".join(sorted(first)) + "])" + opening + "(?:" + dispatch + ")")
        index = self.pattern.groupindex
        self.opener_groups = (index["weekday"], index["qualifier"])
        self.readers: dict[str, Reader] = {}
        forms = list(named)
        for number, (name, (form, names, opened)) in enumerate(named.items()):
            elsewhere = index[forms[number - 1]]  # another form's group: None in this form's matches
            groups = tuple(index[names[f]] if f in names else elsewhere for f in FIELDS)
            single_day = "day" in names and not {"day2", "month2", "year2"} & set(names)
            self.readers[name] = Reader(form, index[name], groups, opened, single_day)
        # Each way a month, a weekday or a qualifier is written, as the text writes it.
        self.months = {**_spellings(language.months), **{f"{n:02d}": n for n in range(1, 13)}, **{str(n): n for n in range(1, 13)}}
        self.weekdays = _spellings(language.weekdays)
        self.qualifiers = {variant: value for word, value in language.qualifiers.items() for variant in (word, word.capitalize())}
        half = f"(?:{language.am}|{language.pm})"
        time = (rf"(?<![\d:.])(?:(?P<hour>2[0-3]|[01]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?:\s?(?P<half>{half}))?"
                rf"|(?P<hour12>1[0-2]|0?[1-9])(?:[.:](?P<minute12>[0-5]\d))?\s?(?P<half12>{half}))(?!\w)")
        self.pm = re.compile(language.pm)
        self.time_after = re.compile(rf"(?:{language.time_after}|T){time}")
        self.time_before = re.compile(rf"{time}{language.time_before}\Z")
        self.refused = re.compile(language.refused)


def _spellings(words: dict[str, tuple[int, bool]]) -> dict[str, int]:
    found = {}
    for word, (number, abbreviation) in words.items():
        for variant in (word, word.upper()):
            found[variant] = number
            if abbreviation:
                found[variant + "."] = number
    return found


ENGLISH = Language(
    code="en",
    months={
        **{name: (number, False) for number, name in enumerate(
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], 1)},
        **{name: (number, True) for name, number in [
            ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8),
            ("Sep", 9), ("Sept", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12)]},
    },
    weekdays={
        **{name: (number, False) for number, name in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])},
        **{name: (number, True) for name, number in [
            ("Mon", 0), ("Tue", 1), ("Tues", 1), ("Wed", 2), ("Thu", 3), ("Thur", 3), ("Thurs", 3), ("Fri", 4), ("Sat", 5), ("Sun", 6)]},
    },
    qualifiers={"beginning": "start", "start": "start", "middle": "middle", "end": "end"},
    ordinal="st|nd|rd|th",
    of="of",
    article="the",
    opens=("from", "between"),
    joins=("(?:to|until|till|through)", "and"),
    time_after=",? (?:at )?",
    time_before=",? (?:on )?(?:the )?",
    am=r"[aA]\.?[mM]\.?",
    pm=r"[pP]\.?[mM]\.?",
    forms=(
        # ISO 8601, as running text may write it; the range with a slash as ISO writes one.
        Form("ISO range", r"{from}{year}-{mm}-{dd}(?:/|{to}){year2}-{mm2}-{dd2}(?!\d|-\d)", "2025-01-15/2025-01-16"),
        Form("ISO", r"{weekday}{year}-{mm}-{dd}(?!\d|-\d)", "2025-01-15"),
        # Day first with dots, as the region's English-language press writes dates.
        Form("dotted range", r"{from}{d}\.{m}\.{year}{to}{d2}\.{m2}\.{year2}", "19.01.1990–02.02.1990"),
        Form("dotted range within a year", r"{from}{d}\.{m}\.?{to}{d2}\.{m2}\.{year}", "19.01–02.02.1990"),
        Form("dotted range within a month", r"{from}{d}\.?{to}{d2}\.{m}\.{year}", "19–20.01.1990"),
        Form("dotted", r"{weekday}{d}\.{m}\.{year}", "20.01.1990"),
        # Day first in words. A day alone ("the 20th") is no date: it needs its month.
        Form("day-first range across years", r"{from}{dayof} {month} {year}{to}{dayof2} {month2} {year2}", "31 December 1989 – 2 January 1990"),
        Form("day-first range across months", r"{from}{dayof} {month}{to}{dayof2} {month2}(?: {year})?", "19 January – 2 February 1990"),
        Form("day-first range", r"{from}{day}{to}{dayof2} {month}(?: {year})?", "from 19 to 20 January 1990"),
        Form("day-first", r"{weekday}{dayof} {month}(?: {year})?", "Saturday, the 20th of January 1990"),
        # Month first in words.
        Form("month-first range across years", r"{from}{month} {day}, {year}{to}{month2} {day2}, {year2}", "December 31, 1989 – January 2, 1990"),
        Form("month-first range across months", r"{from}{month} {day}{to}{month2} {day2}(?:, {year})?", "January 19 – February 2, 1990"),
        Form("month-first range", r"{from}{month} {day}{to}{day2}(?:, {year})?", "January 19-20, 1990"),
        Form("month-first", r"{weekday}{month} {day}(?:, {year})?", "Saturday, January 20, 1990"),
        # Months and years without a day.
        Form("range of months", r"{from}{month}{to}{month2},? {year}", "January–March 1990"),
        Form("month", r"{qualifier}{month},? {year}", "the end of January 1990"),
        Form("range of years", r"{from}{lone_year}{to}{lone_year2}(?![-–]?\d)", "1989–1990"),
        Form("year", r"{qualifier}{lone_year}(?![-–]?\d)", "the end of 1987"),
    ),
    # All in digits with slashes: day first in some places, month first in others, so
    # 01/02/1990 is 1 February or 2 January. Read as neither; the checker says why.
    refused=r"(?<![\w/.])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\w/])",
)

LANGUAGES: dict[str, Grammar] = {language.code: Grammar(language) for language in (ENGLISH,)}
