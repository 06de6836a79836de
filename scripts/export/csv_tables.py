"""The data as tables: events.csv and figures.csv, and the Frictionless data package that
describes them (types, keys, the link from each figure to its event).

Each table's columns are listed once, below; the CSV writer and the Table Schema are
both made from that list, so the file and its description cannot drift apart.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import dates
from ..model.dataset import NOT_STATED, Dataset

ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
INFERRED_PATTERN = "(year|month|day|qualifier)( (year|month|day|qualifier))*"
DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2}(/\d{4}-\d{2}-\d{2})?)?)?"
# A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection);
# a leading apostrophe makes it text, as OWASP recommends. Typed columns hold plain values.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, date
    description: str
    value: Callable[[Any], Any]
    constraints: dict = field(default_factory=dict)


def iso_day(day: tuple[int, int, int]) -> str:
    return "%04d-%02d-%02d" % day



EVENT_COLUMNS = [
    Column("id", "string", "The event's id: its permalink on the timeline page (timeline/#id).", lambda e: e.id,
           {"required": True, "unique": True, "pattern": ID_PATTERN}),
    Column("date", "string", "The date as precisely as the source gives it: YYYY, YYYY-MM, YYYY-MM-DD, or a range of days YYYY-MM-DD/YYYY-MM-DD.",
           lambda e: e.date.text, {"required": True, "pattern": DATE_PATTERN}),
    Column("qualifier", "string", "With a year or a month: which part of it the source means (\"end\" for \"the end of 1987\").",
           lambda e: e.date.value.qualifier or "", {"enum": list(dates.QUALIFIERS)}),
    Column("start", "date", "The first day of the period the date names (a qualifier narrows it: the end of a year).", lambda e: iso_day(e.date.value.earliest()), {"required": True}),
    Column("end", "date", "The last day of the period the date names.", lambda e: iso_day(e.date.value.latest()), {"required": True}),
    Column("date_in_words", "string", "The date as the site writes it.", lambda e: dates.describe(e.date.value), {"required": True}),
    Column("date_inferred_parts", "string", "The parts of the date that the quote does not write, inferred from another passage, separated by spaces.",
           lambda e: " ".join(e.date.inferred.parts) if e.date.inferred else "", {"pattern": INFERRED_PATTERN}),
    Column("places", "string", "Where it happened, as the source names it, separated by \"; \"; empty where the source does not say.",
           lambda e: "; ".join(p.name for p in e.places)),
    Column("title", "string", "A plain, neutral title in the site's words.", lambda e: e.title, {"required": True}),
    Column("summary", "string", "What the source says, in the site's words, attributed.", lambda e: e.summary, {"required": True}),
    Column("source", "string", "The id of the source the quote is from.", lambda e: e.source, {"required": True, "pattern": ID_PATTERN}),
    Column("quote", "string", "The source's own words, verbatim.", lambda e: e.quote, {"required": True}),
]

FIGURE_COLUMNS = [
    Column("id", "string", "The figure's id: its permalink on the figures page (figures/#id).", lambda f: f.id,
           {"required": True, "unique": True, "pattern": ID_PATTERN}),
    Column("label", "string", "What the figure counts.", lambda f: f.label, {"required": True}),
    Column("kind", "string", "The kind of count.", lambda f: f.kind, {"required": True}),
    Column("unit", "string", "What is counted.", lambda f: f.unit, {"required": True}),
    Column("value", "integer", "The number, as the source writes it.", lambda f: f.value, {"required": True, "minimum": 0}),
    Column("source", "string", "The id of the source the quote is from.", lambda f: f.source, {"required": True, "pattern": ID_PATTERN}),
    Column("quote", "string", "The source's words that write the value, verbatim.", lambda f: f.quote, {"required": True}),
    # The time the count covers: when it begins, and when it ends where the source says so.
    Column("start", "string", "When the count begins, as precisely as the source gives it: YYYY, YYYY-MM, YYYY-MM-DD, or a range of days YYYY-MM-DD/YYYY-MM-DD.",
           lambda f: f.start.text, {"required": True, "pattern": DATE_PATTERN}),
    Column("start_qualifier", "string", "With a year or a month: which part of it the count begins in.",
           lambda f: f.start.value.qualifier or "", {"enum": list(dates.QUALIFIERS)}),
    Column("start_first_day", "date", "The first day of the period the start names.", lambda f: iso_day(f.start.value.earliest()), {"required": True}),
    Column("start_inferred_parts", "string", "The parts of the start that the figure's quote does not write, inferred from another passage, separated by spaces.",
           lambda f: " ".join(f.start.inferred.parts) if f.start.inferred else "", {"pattern": INFERRED_PATTERN}),
    Column("as_of", "string", "When the count ends, where the source says so, in the form of start; \"not stated\" where it does not. Where it is the start, the figure is a state on that day.",
           lambda f: f.as_of.text if f.as_of else NOT_STATED, {"required": True, "pattern": f"{DATE_PATTERN}|{NOT_STATED}"}),
    Column("as_of_qualifier", "string", "With a year or a month: which part of it the count ends in.",
           lambda f: f.as_of.value.qualifier or "" if f.as_of else "", {"enum": list(dates.QUALIFIERS)}),
    Column("as_of_last_day", "date", "The last day of the period as_of names; empty where the source does not say when the count ends.",
           lambda f: iso_day(f.as_of.value.latest()) if f.as_of else ""),
    Column("as_of_inferred_parts", "string", "The parts of as_of that the figure's quote does not write, inferred from another passage, separated by spaces.",
           lambda f: " ".join(f.as_of.inferred.parts) if f.as_of and f.as_of.inferred else "", {"pattern": INFERRED_PATTERN}),
]


def _cell(column: Column, entry: Any) -> str:
    value = column.value(entry)
    text = str(value)
    if column.type == "string" and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def table_csv(columns: list[Column], entries: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for entry in entries:
        writer.writerow([_cell(c, entry) for c in columns])
    return out.getvalue()


# A figure may count several events together, so the link from figures to events is a
# table of its own: one row a link, each end a key of its table.
FIGURE_EVENT_COLUMNS = [
    Column("figure", "string", "The id of a figure (a row of figures.csv).", lambda link: link[0], {"required": True, "pattern": ID_PATTERN}),
    Column("event", "string", "The id of an event the figure counts (a row of events.csv); a figure that counts several events together has a row for each.",
           lambda link: link[1], {"required": True, "pattern": ID_PATTERN}),
]


def figure_events(dataset: Dataset) -> list[tuple[str, str]]:
    return [(f.id, event_id) for f in dataset.figures for event_id in f.events]


def events_csv(dataset: Dataset) -> str:
    return table_csv(EVENT_COLUMNS, dataset.events)


def figures_csv(dataset: Dataset) -> str:
    return table_csv(FIGURE_COLUMNS, dataset.figures)


def figure_events_csv(dataset: Dataset) -> str:
    return table_csv(FIGURE_EVENT_COLUMNS, figure_events(dataset))


def table_schema(columns: list[Column], **keys) -> dict:
    fields = [{"name": c.name, "type": c.type, "description": c.description, **({"constraints": c.constraints} if c.constraints else {})}
              for c in columns]
    return {"fields": fields, "missingValues": [""], **keys}


def _with_enums(columns: list[Column], enums: dict[str, list[str]]) -> list[Column]:
    return [Column(c.name, c.type, c.description, c.value, {**c.constraints, "enum": enums[c.name]}) if c.name in enums else c for c in columns]


def data_package(dataset: Dataset, kinds: list[str], units: list[str]) -> dict:
    """The Frictionless (Table Schema) description of events.csv, figures.csv and
    figure-events.csv, which links them; `kinds` and
    `units` are the values the data's JSON Schema allows."""
    figure_columns = _with_enums(FIGURE_COLUMNS, {"kind": kinds, "unit": units})
    return {
        "profile": "tabular-data-package",
        "name": "black-january-timeline",
        "title": "Black January, 1990: a checked timeline",
        "description": "Events and figures as their sources give them, each with the exact words it is taken from, checked against the stored texts.",
        "sources": [{"title": f"{s.publisher}: {s.title}", **({"path": s.url} if s.url else {})} for s in dataset.sources],
        "resources": [
            _resource("events", "events.csv", "One row an event, in date order.", table_schema(EVENT_COLUMNS, primaryKey=["id"])),
            _resource("figures", "figures.csv", "One row a figure: a number a source gives.", table_schema(figure_columns, primaryKey=["id"])),
            _resource("figure-events", "figure-events.csv", "One row for each event a figure counts.", table_schema(
                FIGURE_EVENT_COLUMNS, primaryKey=["figure", "event"], foreignKeys=[
                    {"fields": ["figure"], "reference": {"resource": "figures", "fields": ["id"]}},
                    {"fields": ["event"], "reference": {"resource": "events", "fields": ["id"]}}])),
        ],
    }


def _resource(name: str, path: str, description: str, schema: dict) -> dict:
    return {"profile": "tabular-data-resource", "name": name, "path": path, "description": description,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}
