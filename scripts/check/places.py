"""Places: each named in its event's quote, or in a passage its entry names, like a date."""
from __future__ import annotations

import re

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from .readings import Readings
from .where import at


def check_places(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    """A place is named in the event's quote, or in the passage its entry names, like a date."""
    found = []
    for event in dataset.events:
        if readings(event.source, event.quote).fails:
            continue  # the quote is reported; what it names is not yet the source's
        for place in event.places:
            in_quote = _names(event.quote, place.name)
            where = at(dataset, place.at, "name")
            if place.inferred is None and not in_quote:
                found.append(error(dataset.path, where, "P750", f"the quote does not name {place.name!r}; write the place as the quote writes it, "
                                                             "or add inferred: with a passage that names it and the reason"))
            elif place.inferred and in_quote:
                found.append(error(dataset.path, at(dataset, place.inferred.at, "from"), "P751", f"the quote names {place.name!r} itself; remove inferred"))
            elif place.inferred and not readings(event.source, place.inferred.from_quote).fails and not _names(place.inferred.from_quote, place.name):
                found.append(error(dataset.path, at(dataset, place.inferred.at, "from"), "P752", f"the passage under inferred.from does not name {place.name!r}"))
    return found


def _names(text: str, name: str) -> bool:
    """Whether `text` writes `name` as whole words."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
