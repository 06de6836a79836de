"""Relations: the checker computes each one; a difference must be acknowledged exactly,
except in a comparison, which claims no agreement. Who states a relation (its basis) is
checked with the other quotes (quotes.py)."""
from __future__ import annotations

from ..diagnostics import Diagnostic, error, warning
from ..model.dataset import Dataset, Figure
from ..model.relations import claims_agreement, describe_relation, relation_sum
from .figures import value_checked
from .ids import duplicate_ids
from .readings import Readings
from .where import at, key_at


def check_relations(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    figures = {f.id: f for f in dataset.figures}
    # A figure that is not found, whose value is not its quote's, or whose id is taken twice
    # is already diagnosed; what a relation would say of it is only a consequence.
    trusted = {i for i, f in figures.items() if value_checked(f, readings) and not readings(f.source, f.quote).fails} - duplicate_ids(dataset)
    found = []
    for relation in dataset.relations:
        if all(i in trusted for i in (*relation.parts, relation.total)):
            found += _check_relation(dataset, relation, figures) + _check_basis(dataset, relation, figures[relation.total], readings)
    return found


def _check_basis(dataset: Dataset, relation, total: Figure, readings: Readings) -> list[Diagnostic]:
    """A passage that states a relation speaks of its total: it writes the total's value, or
    lies over the total's quote. Any other verbatim passage would let the site say that the
    source states a relation it never wrote (cue phrases are not recognised: a source's own
    way of relating figures is for the editors to quote)."""
    basis = relation.basis
    if basis.by_editors:
        return []
    reading = readings(basis.source, basis.quote)
    if reading.fails:
        return []  # reported with the other quotes
    if any(n.value == total.value for n in reading.numbers) or _overlaps(reading.offset, len(basis.quote), readings(total.source, total.quote), basis.source == total.source):
        return []
    return [error(dataset.path, at(dataset, basis.at, "quote"), "R805",
                  f"the basis does not speak of {total.id}: it neither writes its value, {total.value}, nor lies over its quote; quote the "
                  "passage that relates these figures, or write basis: editors with the editors' reason")]


def _overlaps(offset, length: int, total_reading, same_source: bool) -> bool:
    other = total_reading.offset
    return same_source and offset is not None and other is not None and offset < other + len(total_reading.quote) and other < offset + length


def _check_relation(dataset: Dataset, relation, figures: dict[str, Figure]) -> list[Diagnostic]:
    pos = at(dataset, relation.at, "kind")
    units = {figures[i].unit for i in (*relation.parts, relation.total)}
    if len(units) > 1:
        return [error(dataset.path, pos, "R804", f"the relation compares {' and '.join(sorted(units))}; compare figures of one unit")]
    if not claims_agreement(relation):
        return []
    parts, total, holds = relation_sum(relation, figures)
    difference = total - parts
    said = describe_relation(relation, figures)
    ack = relation.acknowledged
    if holds and ack:
        return [error(dataset.path, key_at(dataset, relation.at, "acknowledged"), "R803", f"{said}: the relation holds, so there is no difference to acknowledge; remove 'acknowledged'")]
    if holds:
        return []
    if ack is None:
        return [error(dataset.path, pos, "R801", f"the relation ({relation.kind}) does not hold: {said} (difference {difference:+d}); if the source really says so, record it under acknowledged with difference: {difference} and a note")]
    if ack.difference != difference:
        return [error(dataset.path, at(dataset, relation.at + ("acknowledged",), "difference"), "R802", f"{said}; the difference is {difference}, not the acknowledged {ack.difference}")]
    return [warning(dataset.path, pos, "R800", f"acknowledged difference of {difference:+d}: {said}")]
