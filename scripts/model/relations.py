"""The arithmetic of a relation between figures, on the model alone."""
from __future__ import annotations

from .dataset import Figure, Relation


def relation_sum(relation: Relation, figures: dict[str, Figure]) -> tuple[int, int, bool]:
    """(sum of the parts, the total, whether the relation holds)."""
    parts = sum(figures[p].value for p in relation.parts)
    total = figures[relation.total].value
    holds = parts <= total if relation.kind == "at-most" else parts == total
    return parts, total, holds


def describe_relation(relation: Relation, figures: dict[str, Figure]) -> str:
    """The arithmetic in words: "the parts add up to 131 (82 + 20 + 21 + 8), and killed-total is 147"."""
    parts, total, _ = relation_sum(relation, figures)
    if len(relation.parts) == 1:
        left = f"{relation.parts[0]} is {parts}"
    else:
        left = f"the parts add up to {parts} ({' + '.join(str(figures[p].value) for p in relation.parts)})"
    return f"{left}, and {relation.total} is {total}"
