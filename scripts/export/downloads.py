"""The checked data as downloads, each in its ecosystem's format: JSON for programs, CSV
with a Frictionless data package for spreadsheets and data tools, W3C Web Annotations of
every quote for annotation tools, and the stored texts themselves."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Optional

from ..check.result import Result
from ..check.schema import load_schema
from ..model import dates
from ..model.dataset import Dataset, Dated
from ..model.relations import claims_agreement, relation_sum
from ..model.spans import span_text
from . import csv_tables, web_annotations
from .paths import ANNOTATIONS, source_download


def to_json(dataset: Dataset) -> str:
    figures = {f.id: f for f in dataset.figures}
    names = {s.id: s.publisher for s in dataset.sources}
    data = {
        "description": "Events and figures as their sources give them, each with the exact words it is taken from, checked against the stored texts.",
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
                "short_title": e.short_title,
                "places": [{"name": p.name, "inferred_from": p.inferred.from_quote if p.inferred else None, "also_written": list(p.also_written)} for p in e.places],
                "summary": e.summary,
                "source": e.source,
                "quote": e.quote,
            }
            for e in dataset.events
        ],
        "figures": [
            {"id": f.id, "label": f.label, "kind": f.kind, "unit": f.unit, "value": f.value, "events": list(f.events), "source": f.source, "quote": f.quote,
             # The time the count covers: its start, and its end where the source says so (null where it does not).
             "start": _span_date(f.start), "as_of": _span_date(f.as_of) if f.as_of else None, "span_in_words": span_text(f, names[f.source])}
            for f in dataset.figures
        ],
        "relations": [_relation(r, figures) for r in dataset.relations],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _span_date(dated: Dated) -> dict:
    value = dated.value
    return {
        "date": dated.text,
        "qualifier": value.qualifier,
        "date_in_words": dates.describe(value),
        "first_day": csv_tables.iso_day(value.earliest()),
        "last_day": csv_tables.iso_day(value.latest()),
        "inferred_parts": list(dated.inferred.parts) if dated.inferred else [],
        "inferred_from": dated.inferred.from_quote if dated.inferred else None,
        "reason": dated.inferred.reason if dated.inferred else None,
    }


def _relation(relation, figures) -> dict:
    parts, total, holds = relation_sum(relation, figures)
    basis = relation.basis
    return {
        "id": relation.id,
        "kind": relation.kind,
        "parts": list(relation.parts),
        "total": relation.total,
        # Who states the relation: "source" (with the passage that does) or "editors" (with their reason).
        "stated_by": "editors" if basis.by_editors else "source",
        "basis_source": basis.source,
        "basis_quote": basis.quote,
        "reason": basis.reason,
        "parts_sum": parts,
        "total_value": total,
        # A comparison claims no agreement, so it neither holds nor fails.
        "holds": holds if claims_agreement(relation) else None,
        "difference": total - parts,
        "note": relation.acknowledged.note if relation.acknowledged else None,
    }


@dataclass(frozen=True)
class Download:
    name: str  # its path on the site
    what: str  # what it is for, in one line, as the Data page says it
    make: Callable[[], bytes]


def downloads(checked: Result, public_url: Optional[str] = None) -> list[Download]:
    """Every file the Data page offers; the site adapter writes each one, the page lists each one.
    `public_url`, the site's public address, makes the annotations' links absolute."""
    dataset, texts = checked.dataset, checked.texts

    def text(make: Callable[[Dataset], str]) -> Callable[[], bytes]:
        return lambda: make(dataset).encode("utf-8")

    def as_json(make: Callable[[], dict]) -> Callable[[], bytes]:
        return lambda: (json.dumps(make(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def read_data() -> bytes:
        with open(dataset.path, "rb") as handle:
            return handle.read()

    offered = [
        Download("downloads/timeline.json", "sources, events, figures and relations, with each relation's computed difference, for programs", text(to_json)),
        Download("downloads/events.csv", "one row an event, with its dates as written and as ISO start and end days, for spreadsheets", text(csv_tables.events_csv)),
        Download("downloads/figures.csv", "one row a figure, for spreadsheets", text(csv_tables.figures_csv)),
        Download("downloads/figure-events.csv", "one row for each event a figure counts (a figure may count several together), for spreadsheets", text(csv_tables.figure_events_csv)),
        Download("downloads/datapackage.json", "a Frictionless data package describing the three CSV files: column types, keys, and the links from figures to events, for data tools",
                 as_json(lambda: csv_tables.data_package(dataset, *_figure_enums()))),
        Download(ANNOTATIONS, "every quoted passage as a W3C Web Annotation (its words, the words around it and its place in the source), for annotation tools such as Hypothesis",
                 as_json(lambda: web_annotations.annotation_collection(checked, web_annotations.site_urls(public_url)))),
        Download("downloads/timeline.yaml", "the data file as the editors write it", read_data),
    ]
    for source in dataset.sources:
        if source.id in texts:
            offered.append(Download(source_download(source), f"the stored text of {source.publisher}: {source.title}, byte for byte",
                                    lambda source=source: texts[source.id].text.encode("utf-8")))
    return offered


def _figure_enums() -> tuple[list[str], list[str]]:
    """The kinds and units the data's JSON Schema allows, for the data package's constraints."""
    figure = load_schema()["$defs"]["figure"]["properties"]
    return figure["kind"]["enum"], figure["unit"]["enum"]
