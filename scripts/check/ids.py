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
    sources = {s.id for s in dataset.sources}
    events = {e.id for e in dataset.events}
    figures = {f.id for f in dataset.figures}
    found = []
    in_order: dict[str, list[str]] = {}  # each kind's ids sorted once, when first needed

    def expect(value: str, known: set[str], kind: str, path: tuple) -> None:
        if value not in known:
            if kind not in in_order:
                in_order[kind] = sorted(known)
            close = difflib.get_close_matches(value, in_order[kind], n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            found.append(error(dataset.path, dataset.document.pos(path), "M302", f"no {kind} has the id {value!r}{hint}"))

    for entry in [*dataset.events, *dataset.figures, *dataset.left_out]:
        expect(entry.source, sources, "source", entry.at + ("source",))
    for figure in dataset.figures:
        if len(figure.events) == 1:
            expect(figure.events[0], events, "event", figure.at + ("event",))
        for index, event_id in enumerate(figure.events if len(figure.events) > 1 else ()):
            expect(event_id, events, "event", figure.at + ("event", index))
    for relation in dataset.relations:
        for index, part in enumerate(relation.parts):
            expect(part, figures, "figure", relation.at + ("parts", index))
        expect(relation.total, figures, "figure", relation.at + ("total",))
    return found
