"""The data model: typed entries built once from the validated YAML document.

Every entry keeps `at`, its path in the document, so later checks can name the line
and column of any of its fields without reaching back into raw dicts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..diagnostics import Diagnostic, error
from ..load.yaml_document import Document
from .dates import DateValue, parse_date

Path = tuple

# A figure's `as_of` where the source does not say when its count ends.
NOT_STATED = "not stated"


@dataclass(frozen=True)
class Inference:
    parts: tuple[str, ...]
    from_quote: str
    by: Optional[str]
    reason: str
    at: Path


@dataclass(frozen=True)
class Dated:
    """A date as the data gives it, with how it is known."""

    text: str
    value: DateValue
    inferred: Optional[Inference]
    at: Path  # of the "date" field


@dataclass(frozen=True)
class PlaceInference:
    from_quote: str
    reason: str
    at: Path


@dataclass(frozen=True)
class Place:
    name: str
    inferred: Optional[PlaceInference]
    at: Path
    # Other spellings of the name, the editors' addition for readers and search: the source
    # need not write them, and the checker does not look for them in it.
    also_written: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    sha256: str
    publisher: str
    title: str
    description: str
    url: Optional[str]
    published: Dated
    at: Path


@dataclass(frozen=True)
class Event:
    id: str
    date: Dated
    title: str
    summary: str
    source: str
    quote: str
    at: Path
    short_title: Optional[str] = None
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    kind: str
    unit: str
    value: int
    events: tuple[str, ...]  # the one event it belongs to, or the several it counts together
    source: str
    quote: str
    # The time the count covers: when it begins, and when it ends where the source says so
    # (None: `as_of: not stated`). Each is checked like an event's date, against the quote.
    start: Dated
    as_of: Optional[Dated]
    at: Path

    @property
    def spans(self) -> tuple[Dated, ...]:
        """The span's dates the data gives: the start, and the end where it is stated."""
        return (self.start,) if self.as_of is None else (self.start, self.as_of)

    @property
    def at_one_moment(self) -> bool:
        """Whether the figure is a state at one moment (start and as_of the same date)."""
        return self.as_of is not None and self.as_of.value == self.start.value

    def admits(self, date: DateValue) -> bool:
        """Whether an event of this date can be one the figure counts: where the end is
        stated, it lies between the start and the end; where it is not, it overlaps the start,
        the one time known. (A figure that counts the deaths of 25 and 26 January together
        names an event of the 26th, inside its span and after its first day.) A date counts
        from its first day to its last, as the order of events does (an "end of 1987" as 1987)."""
        if self.as_of is None:
            return self.admits_start(date)
        return date.earliest() >= self.start.value.earliest() and date.latest() <= self.as_of.value.latest()

    def admits_start(self, date: DateValue) -> bool:
        """Whether a date overlaps the start of the count."""
        start = self.start.value
        return date.latest() >= start.earliest() and date.earliest() <= start.latest()


@dataclass(frozen=True)
class Acknowledged:
    difference: int
    note: str


@dataclass(frozen=True)
class Basis:
    """Who states a relation: the source, in a passage of its own (`source` and `quote`), or
    the editors, reading figures the source gives apart (`reason`)."""

    source: Optional[str]
    quote: Optional[str]
    reason: Optional[str]
    at: Path  # of the "basis" field

    @property
    def by_editors(self) -> bool:
        return self.quote is None


@dataclass(frozen=True)
class Relation:
    id: str
    kind: str
    parts: tuple[str, ...]
    total: str
    acknowledged: Optional[Acknowledged]
    basis: Basis
    at: Path


@dataclass(frozen=True)
class LeftOut:
    quote: str
    source: str
    reason: str
    at: Path


@dataclass
class Dataset:
    document: Document
    sources: list[Source] = field(default_factory=list)
    # As the data lists them, which the checker holds to date order (T704), and never sorted:
    # sorting cannot place "January 1990" among the days of that month; the editor can.
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    # Ids of the entries left out of the model because their date cannot exist (M300): the
    # entries that name them are not wrong, and are not reported again.
    unbuilt: set[str] = field(default_factory=set)
    _figures_by_event: Optional[dict[str, list[Figure]]] = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> str:
        return self.document.path

    def figures_of(self, event_id: str) -> list[Figure]:
        if self._figures_by_event is None:
            self._figures_by_event = {}
            for figure in self.figures:
                for shown_under in figure.events:
                    self._figures_by_event.setdefault(shown_under, []).append(figure)
        return self._figures_by_event.get(event_id, [])


def build(document: Document) -> tuple[Optional[Dataset], list[Diagnostic]]:
    """Turn a schema-valid document into a Dataset; dates that cannot exist are diagnosed here."""
    raw = document.value
    dataset = Dataset(document)
    problems: list[Diagnostic] = []

    # A figure's count mostly begins on its event's date: each date is parsed once a run.
    parsed: dict[tuple, tuple[Optional[DateValue], Optional[str]]] = {}

    def dated(entry: dict, at: Path) -> Optional[Dated]:
        key = (entry["date"], entry.get("qualifier"))
        found = parsed.get(key)
        if found is None:
            found = parsed[key] = parse_date(*key)
        value, problem = found
        if problem:
            problems.append(error(document.path, document.pos(at + ("date",)), "M300", f"impossible date: {problem}"))
            return None
        inferred = entry.get("inferred")
        return Dated(entry["date"], value, None if inferred is None else _inference(inferred, at + ("inferred",)), at + ("date",))

    for index, item in enumerate(raw["sources"]):
        at = ("sources", index)
        published = dated(item["published"], at + ("published",))
        if not published:
            dataset.unbuilt.add(item["id"])
        else:
            dataset.sources.append(Source(item["id"], item["file"], item["sha256"], item["publisher"], item["title"], item.get("description", ""), item.get("url"), published, at))
    for index, item in enumerate(raw["events"]):
        at = ("events", index)
        date = dated(item, at)
        if not date:
            dataset.unbuilt.add(item["id"])
        else:
            places = tuple(_place(place, at + ("places", k)) for k, place in enumerate(item.get("places", ())))
            dataset.events.append(Event(item["id"], date, item["title"], item["summary"], item["source"], item["quote"], at, item.get("short_title"), places))
    for index, item in enumerate(raw["figures"]):
        at = ("figures", index)
        start = dated(item["start"], at + ("start",))
        as_of = None if item["as_of"] == NOT_STATED else dated(item["as_of"], at + ("as_of",))
        if start and as_of and as_of.value.latest() < start.value.earliest():
            problems.append(error(document.path, document.pos(as_of.at), "M300",
                                  f"impossible span: the count ends ({as_of.text}) before it starts ({start.text}); as_of is the later date"))
            as_of = None
        if not start or (item["as_of"] != NOT_STATED and not as_of):
            dataset.unbuilt.add(item["id"])
            continue
        dataset.figures.append(Figure(item["id"], item["label"], item["kind"], item["unit"], item["value"], _ids(item["event"]), item["source"],
                                      item["quote"], start, as_of, at))
    for index, item in enumerate(raw["relations"]):
        ack = item.get("acknowledged")
        acknowledged = Acknowledged(ack["difference"], ack["note"]) if ack else None
        at = ("relations", index)
        dataset.relations.append(Relation(item["id"], item["kind"], tuple(item["parts"]), item["total"], acknowledged, _basis(item, at), at))
    for index, item in enumerate(raw["left_out"]):
        dataset.left_out.append(LeftOut(item["quote"], item["source"], item["reason"], ("left_out", index)))
    return dataset, problems


def _ids(raw) -> tuple[str, ...]:
    """One id or a list of them, as a tuple."""
    return (raw,) if isinstance(raw, str) else tuple(raw)


def _basis(relation: dict, at: Path) -> Basis:
    basis = relation["basis"]
    if basis == "editors":  # the schema allows no other word
        return Basis(None, None, relation["reason"], at + ("basis",))
    return Basis(basis["source"], basis["quote"], None, at + ("basis",))


def _place(raw: dict, at: Path) -> Place:
    inferred = raw.get("inferred")
    basis = PlaceInference(inferred["from"], inferred["reason"], at + ("inferred",)) if inferred else None
    return Place(raw["name"], basis, at, tuple(raw.get("also_written", ())))


def _inference(raw: Optional[dict], at: Path) -> Optional[Inference]:
    if raw is None:
        return None
    return Inference(tuple(raw["parts"]), raw["from"], raw.get("by"), raw["reason"], at)
