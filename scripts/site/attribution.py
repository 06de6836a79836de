"""Whose each fact is: how the pages name the source of an event or a figure, from the data alone.

Every event and figure carries the id of its own source, and every phrase on a page that
says whose a fact is names that source; none is written into a page by hand, so adding a
source needs no page edited. Each phrase names the entry's own source ("Caliber.Az does
not say where"), whether the data has one source or several.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, TypeVar

from ..model.dataset import Dataset, Figure, Source
from .common import number, possessive

Entry = TypeVar("Entry")

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def count_words(count: int, one: str, many: str) -> str:
    """"one source", "three sources", "12 sources"."""
    amount = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else number(count)
    return f"{amount} {one if count == 1 else many}"


def source_names(dataset: Dataset) -> dict[str, str]:
    """Each source's name on the pages: its publisher, with its title where two sources share one."""
    publishers = Counter(s.publisher for s in dataset.sources)
    return {s.id: s.publisher if publishers[s.publisher] == 1 else f"{s.publisher}, “{s.title}”" for s in dataset.sources}


def only_source(dataset: Dataset) -> bool:
    """Whether the data has a single source, so that "the article" can only mean it."""
    return len(dataset.sources) == 1


def subject(dataset: Dataset, source_id: str) -> str:
    """The source as the subject of a sentence, by its name: "Caliber.Az does not say where"."""
    return source_names(dataset)[source_id]


def by_source(dataset: Dataset, entries: Iterable[Entry]) -> list[tuple[Source, list[Entry]]]:
    """The entries grouped by their source, in the order the data lists the sources; a
    source with none of them is left out."""
    groups: dict[str, list[Entry]] = {s.id: [] for s in dataset.sources}
    for entry in entries:
        groups[entry.source].append(entry)  # type: ignore[attr-defined]
    return [(s, groups[s.id]) for s in dataset.sources if groups[s.id]]


def mixes_sources(figures: Iterable[Figure]) -> bool:
    return len({f.source for f in figures}) > 1


def whose_figures(parts: list[Figure], total: Figure, names: dict[str, str]) -> str:
    """Whose the figures of a relation are, as the subject of "… differ by 16": "Caliber.Az’s
    figures", or, where they come from more than one source, each with its own source's
    name: "Caliber.Az’s 147 and Test Archive’s 150", "Caliber.Az’s 841 and the sum of
    Test Archive’s 7 + Caliber.Az’s 112"."""
    if not mixes_sources([*parts, total]):
        return f"{possessive(names[total.source])} figures"
    if len(parts) == 1:
        return f"{_side(parts, names)} and {_side([total], names)}"
    return f"{_side([total], names)} and the sum of {_side(parts, names)}"


def _side(figures: list[Figure], names: dict[str, str]) -> str:
    if not mixes_sources(figures):
        return f"{possessive(names[figures[0].source])} {' + '.join(number(f.value) for f in figures)}"
    return " + ".join(f"{possessive(names[f.source])} {number(f.value)}" for f in figures)
