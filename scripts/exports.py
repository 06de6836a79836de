"""The checked data as downloads: JSON for programs, CSV for spreadsheets."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable

from . import dates
from .checks import relation_sum
from .model import Dataset, Source
from .source_text import SourceText

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
# a leading apostrophe makes it text, as OWASP recommends. JSON keeps every value as written.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_json(dataset: Dataset) -> str:
    figures = {f.id: f for f in dataset.figures}
    data = {
        "description": "Events and figures from the article, each with the exact words it is taken from, checked against the stored text.",
        "sources": [
            {
                "id": s.id,
                "publisher": s.publisher,
                "title": s.title,
                "file": s.file,
                "sha256": s.sha256,
                "published": s.published.text,
                "published_inferred": s.published.inferred is not None,
            }
            for s in dataset.sources
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date.text,
                "qualifier": e.date.value.qualifier,
                "date_in_words": dates.describe(e.date.value),
                "date_inferred_parts": list(e.date.inferred.parts) if e.date.inferred else [],
                "title": e.title,
                "summary": e.summary,
                "source": e.source,
                "quote": e.quote,
            }
            for e in dataset.events_in_order()
        ],
        "figures": [
            {"id": f.id, "label": f.label, "kind": f.kind, "unit": f.unit, "value": f.value, "event": f.event, "source": f.source, "quote": f.quote}
            for f in dataset.figures
        ],
        "relations": [_relation(r, figures) for r in dataset.relations],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _relation(relation, figures) -> dict:
    parts, total, holds = relation_sum(relation, figures)
    return {
        "id": relation.id,
        "kind": relation.kind,
        "parts": list(relation.parts),
        "total": relation.total,
        "parts_sum": parts,
        "total_value": total,
        "holds": holds,
        "difference": total - parts,
        "note": relation.acknowledged.note if relation.acknowledged else None,
    }


def events_csv(dataset: Dataset) -> str:
    rows = [["id", "date", "date_in_words", "date_inferred_parts", "title", "summary", "source", "quote"]]
    for e in dataset.events_in_order():
        inferred = " ".join(e.date.inferred.parts) if e.date.inferred else ""
        rows.append([e.id, e.date.text, dates.describe(e.date.value), inferred, e.title, e.summary, e.source, e.quote])
    return _csv(rows)


def figures_csv(dataset: Dataset) -> str:
    rows = [["id", "label", "kind", "unit", "value", "event", "source", "quote"]]
    rows += [[f.id, f.label, f.kind, f.unit, str(f.value), f.event, f.source, f.quote] for f in dataset.figures]
    return _csv(rows)


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


@dataclass(frozen=True)
class Download:
    name: str  # its path on the site
    what: str  # what it is for, in one line, as the Data page says it
    make: Callable[[], bytes]


def source_download(source: Source) -> str:
    return f"downloads/sources/{source.id}.txt"


def downloads(dataset: Dataset, texts: dict[str, SourceText]) -> list[Download]:
    """Every file the Data page offers; the site adapter writes each one, the page lists each one."""
    def text(make: Callable[[Dataset], str]) -> Callable[[], bytes]:
        return lambda: make(dataset).encode("utf-8")

    def read_data() -> bytes:
        with open(dataset.path, "rb") as handle:
            return handle.read()

    offered = [
        Download("downloads/timeline.json", "sources, events, figures and relations, with each relation's computed difference, for programs", text(to_json)),
        Download("downloads/events.csv", "one row an event, for spreadsheets", text(events_csv)),
        Download("downloads/figures.csv", "one row a figure, for spreadsheets", text(figures_csv)),
        Download("downloads/timeline.yaml", "the data file as the editors write it", read_data),
    ]
    for source in dataset.sources:
        if source.id in texts:
            offered.append(Download(source_download(source), f"the stored text of {source.publisher}: {source.title}, byte for byte",
                                    lambda source=source: texts[source.id].text.encode("utf-8")))
    return offered
