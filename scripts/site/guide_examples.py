"""The editing guide's five common mistakes, made on the real data.

The method page shows what the checker prints for each, computed at build time by the
same check the command line runs, so the guide cannot drift from the checker; a test
makes each mistake in a copy of data/ and compares the command's output with the page.

Each mistake picks its target by role (a figure in a relation, an event whose quote
writes its whole date), never by id, so renaming or removing entries cannot break the
guide. Where the data has no entry for a role, the example is left out with a note.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..check.run import check_text
from ..diagnostics import format_text, summary
from ..load.yaml_document import Document
from ..model.dataset import Dataset, Event, Figure
from ..text.date_mentions import Mention, mentions
from .common import possessive


@dataclass(frozen=True)
class Edit:
    """One line of the data file changed: the editor's mistake."""

    what: str  # what the editor did, in words
    section: str  # "events" or "figures"
    index: int
    entry_id: str
    field: str
    old: str  # text on the field's line ...
    new: str  # ... and what the editor wrote instead


@dataclass(frozen=True)
class Mistake:
    slug: str
    title: str
    needs: str  # the entry the example needs, in words, for when the data has none
    choose: Callable[[Dataset, list[str]], Optional[Edit]]


@dataclass(frozen=True)
class Example:
    mistake: Mistake
    edit: Optional[Edit]
    output: list[str]  # what the checker prints, line by line; empty when left out


def _line(dataset: Dataset, lines: list[str], path: tuple) -> str:
    return lines[dataset.document.key_pos(path).line - 1]


def _related(dataset: Dataset) -> list[Figure]:
    """Figures that a relation names first, then the others: the guide shows what a slip in them does."""
    named = {i for r in dataset.relations for i in (*r.parts, r.total)}
    return [f for f in dataset.figures if f.id in named] + [f for f in dataset.figures if f.id not in named]


def _whose(dataset: Dataset, figure: Figure) -> str:
    """The figure's source, as the owner of the words the editor mistyped: "Caliber.Az’s"."""
    return possessive(next(s.publisher for s in dataset.sources if s.id == figure.source))


def _typo(word: str) -> Optional[str]:
    """The word with two letters inside it swapped, as a quick typist would."""
    for at in range(len(word) - 3, 0, -1):
        if word[at] != word[at + 1] and word[at].isalpha() and word[at + 1].isalpha():
            return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    return None


def quote_typo(dataset: Dataset, lines: list[str]) -> Optional[Edit]:
    for figure in _related(dataset):
        index = dataset.figures.index(figure)
        line = _line(dataset, lines, ("figures", index, "quote"))
        if line.strip() != f"quote: {figure.quote}":
            continue  # the quote runs over several lines
        for word in reversed(re.findall(r"[A-Za-z]+", figure.quote)):
            typo = _typo(word)
            if typo and re.search(rf"\b{word}\b", line):
                return Edit(f"typed “{typo}” for {_whose(dataset, figure)} “{word}”", "figures", index, figure.id, "quote", word, typo)
    return None


def value_typo(dataset: Dataset, lines: list[str]) -> Optional[Edit]:
    for figure in _related(dataset):
        index = dataset.figures.index(figure)
        old = str(figure.value)
        new = old[::-1].lstrip("0") or "1"
        if new == old:
            new = str(figure.value + 1)
        if _line(dataset, lines, ("figures", index, "value")).strip() == f"value: {old}":
            return Edit(f"typed {new} for {_whose(dataset, figure)} {old}", "figures", index, figure.id, "value", old, new)
    return None


def _day_written(event: Event) -> Optional[Mention]:
    """The mention in the event's quote that writes its whole single-day date."""
    value = event.date.value
    if value.precision != "day" or event.date.inferred:
        return None
    for mention in mentions(event.quote):
        if mention.start == mention.end == value.start:
            return mention
    return None


def date_typo(dataset: Dataset, lines: list[str]) -> Optional[Edit]:
    for index, event in enumerate(dataset.events):
        mention = _day_written(event)
        if mention is None or _line(dataset, lines, ("events", index, "date")).strip() != f"date: {event.date.text}":
            continue
        start = event.date.value.start
        day = start.day + 10 if start.day <= 18 else start.day - 10
        new = f"{start.year:04d}-{start.month:02d}-{day:02d}"
        written = event.quote[mention.begin:mention.stop]
        return Edit(f"dated the entry {new} where its quote writes “{written}”", "events", index, event.id, "date", event.date.text, new)
    return None


def _misspell(name: str) -> str:
    doubled = re.search(r"(\w)\1", name)
    if doubled:
        return name[: doubled.start()] + name[doubled.start() + 1:]
    return name[0] + name  # "ssource"


def field_typo(dataset: Dataset, lines: list[str]) -> Optional[Edit]:
    for index, event in enumerate(dataset.events):
        if _line(dataset, lines, ("events", index, "summary")).lstrip().startswith("summary:"):
            wrong = _misspell("summary")
            return Edit(f"wrote “{wrong}” for “summary”", "events", index, event.id, "summary", "summary:", f"{wrong}:")
    return None


def id_taken_twice(dataset: Dataset, lines: list[str]) -> Optional[Edit]:
    # A figure that no relation names, so that its old id leaves no reference dangling.
    named = {i for r in dataset.relations for i in (*r.parts, r.total)}
    loose = [f for f in dataset.figures if f.id not in named]
    others = [f for f in dataset.figures if loose and f is not loose[-1]]
    if not loose or not others:
        return None
    figure, taken = loose[-1], others[0]
    index = dataset.figures.index(figure)
    if _line(dataset, lines, ("figures", index, "id")).strip() != f"- id: {figure.id}":
        return None
    return Edit(f"gave the figure “{figure.label}” the id of the figure “{taken.label}”", "figures", index, figure.id, "id", figure.id, taken.id)


MISTAKES = [
    Mistake("quote-not-verbatim", "A quote that is not verbatim", "a figure whose quote is written on one line", quote_typo),
    Mistake("value-not-in-quote", "A value that is not in its quote", "a figure", value_typo),
    Mistake("date-disagrees", "A date that disagrees with its quote", "an event whose quote writes its whole date", date_typo),
    Mistake("misspelt-field", "A misspelt field", "an event", field_typo),
    Mistake("duplicate-id", "Two entries with one id", "two figures, one of them named by no relation", id_taken_twice),
]


def apply(edit: Edit, text: str, document: Document) -> str:
    """`text` with the mistake made on the line where the entry's field is written."""
    line = document.key_pos((edit.section, edit.index, edit.field)).line
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].replace(edit.old, edit.new, 1)
    return "\n".join(lines)


SHOWN_PATH = "data/timeline.yaml"  # as the command line names it, run from the project's folder


def examples(dataset: Dataset) -> list[Example]:
    """Each mistake with the lines `python scripts/check_data.py data/timeline.yaml` prints
    for it, or, where the data has no entry for the mistake's role, none."""
    with open(dataset.path, encoding="utf-8-sig") as handle:
        text = handle.read()
    lines = text.split("\n")
    folder = os.path.dirname(os.path.abspath(dataset.path))
    shown = []
    for mistake in MISTAKES:
        edit = mistake.choose(dataset, lines)
        if edit is None:
            shown.append(Example(mistake, None, []))
            continue
        result = check_text(apply(edit, text, dataset.document), SHOWN_PATH, folder)
        shown.append(Example(mistake, edit, [format_text(d) for d in result.diagnostics] + [summary(result.diagnostics, SHOWN_PATH)]))
    return shown
