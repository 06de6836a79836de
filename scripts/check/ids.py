"""Ids and references: every id unique and free for a permalink, every reference known."""
from __future__ import annotations

import difflib
from collections import Counter

from ..diagnostics import Diagnostic, error
from ..model import page_ids
from ..model.dataset import Dataset
from .readings import Readings
from .where import at


def check_ids(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    seen: dict[str, tuple] = {}
    found = []
    for entry in [*dataset.sources, *dataset.events, *dataset.figures, *dataset.relations]:
        if entry.id in seen:
            first = at(dataset, seen[entry.id], "id")
            found.append(error(dataset.path, at(dataset, entry.at, "id"), "M301", f"duplicate id {entry.id!r}: line {first.line} already uses it; ids must be unique"))
            continue
        seen[entry.id] = entry.at
        reserved = page_ids.why_reserved(entry.id)
        if reserved:
            found.append(error(dataset.path, at(dataset, entry.at, "id"), "M303", f"the id {entry.id!r} cannot be a permalink: {reserved}; choose another id"))
    return found


def duplicate_ids(dataset: Dataset) -> set[str]:
    counts = Counter(entry.id for entry in [*dataset.sources, *dataset.events, *dataset.figures, *dataset.relations])
    return {i for i, n in counts.items() if n > 1}


def check_references(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    """Every id an entry names belongs to an entry. An id that no entry has is one message,
    however many entries name it (a deleted event, a deleted source), at the first of them."""
    known = {"source": {s.id for s in dataset.sources}, "event": {e.id for e in dataset.events}, "figure": {f.id for f in dataset.figures}}
    missing: dict[tuple[str, str], list[tuple]] = {}

    def expect(value: str, kind: str, path: tuple) -> None:
        if value not in known[kind] and value not in dataset.unbuilt:
            missing.setdefault((kind, value), []).append(path)

    for entry in [*dataset.events, *dataset.figures, *dataset.left_out]:
        expect(entry.source, "source", entry.at + ("source",))
    for figure in dataset.figures:
        if len(figure.events) == 1:
            expect(figure.events[0], "event", figure.at + ("event",))
        for index, event_id in enumerate(figure.events if len(figure.events) > 1 else ()):
            expect(event_id, "event", figure.at + ("event", index))
    for relation in dataset.relations:
        for index, part in enumerate(relation.parts):
            expect(part, "figure", relation.at + ("parts", index))
        expect(relation.total, "figure", relation.at + ("total",))
        if not relation.basis.by_editors:
            expect(relation.basis.source, "source", relation.basis.at + ("source",))
    found = []
    for (kind, value), paths in missing.items():
        close = difflib.get_close_matches(value, sorted(known[kind]), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        first, *others = [dataset.document.pos(path) for path in paths]
        also = f"; {_lines(others)} {'names' if len(others) == 1 else 'name'} it too" if others else ""
        found.append(error(dataset.path, first, "M302", f"no {kind} has the id {value!r}{hint}{also}"))
    return found


def _lines(positions) -> str:
    numbers = [str(p.line) for p in positions]
    return f"line {numbers[0]}" if len(numbers) == 1 else f"lines {', '.join(numbers[:-1])} and {numbers[-1]}"
