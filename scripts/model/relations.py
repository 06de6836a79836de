"""The arithmetic of a relation between figures, on the model alone."""
from __future__ import annotations

from .dataset import Figure, Relation


# A comparison sets figures side by side where the source does not say how they relate: it
# claims no agreement, so a difference between them is never an error, only shown.
COMPARISON = "comparison"


def claims_agreement(relation: Relation) -> bool:
    return relation.kind != COMPARISON


def relation_sum(relation: Relation, figures: dict[str, Figure]) -> tuple[int, int, bool]:
    """(sum of the parts, the total, whether the relation holds); for a comparison, which
    claims nothing, whether the two are the same number."""
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
