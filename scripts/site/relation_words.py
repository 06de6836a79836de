"""A relation in words, as strong as its basis allows.

"Should add up to", "should equal" and "no larger" are the source's claims, said only where
the relation's basis is a passage of the source, which is quoted beside them. Where the
editors relate figures the source gives apart, the words say it is their reading and show
their reason. A comparison claims nothing: it sets two figures side by side, with their
difference, in neutral words. Where the figures count different times, the words say which
counts which.
"""
from __future__ import annotations

from markupsafe import Markup

from ..model.dataset import Figure, Relation, Source
from ..model.relations import claims_agreement
from .common import Links, number, to_source_link
from .span_words import spans_differ

# The source's claim, by kind: (the parts, the total) in, a sentence out.
_STATED = {
    "sum": "{} should add up to {}.",
    "equal": "{} should equal {}.",
    "at-most": "{} is part of {}, so it should be no larger.",
}
# The same relation as the editors' reading, without the source's "should".
_READ = {
    "sum": "The editors read {} as the parts of {}; {} not say so.",
    "equal": "The editors read {} and {} as counts of the same thing; {} not say so.",
    "at-most": "The editors read {} as part of {}; {} not say so.",
}


def givers(figures: list[Figure], names: dict[str, str]) -> tuple[str, bool]:
    """Who gives the figures, as a sentence's subject, and whether it is more than one:
    ("Caliber.Az", False), ("Caliber.Az and Test Archive", True)."""
    ids = list(dict.fromkeys(f.source for f in figures))
    shown = [names[i] for i in ids]
    return (shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]), len(shown) > 1


def _listed(labels: list[Markup]) -> Markup:
    """"A", "A and B", "A, B and C"."""
    if len(labels) == 1:
        return labels[0]
    return Markup("{} and {}").format(Markup(", ").join(labels[:-1]), labels[-1])


def render_claim(relation: Relation, parts: list[Markup], total_label: Markup, figures: list[Figure],
                 names: dict[str, str], sources: dict[str, Source], links: Links) -> Markup:
    """What the relation says and who says it: the source, with its passage, or the editors,
    with their reason; a comparison says that the source does not relate the two."""
    who, several = givers(figures, names)
    # "+" is the arithmetic a sum claims; the editors' reading names the figures in words.
    labels = _listed(parts) if relation.basis.by_editors and claims_agreement(relation) else Markup(" + ").join(parts)
    if not claims_agreement(relation):
        said = Markup("{} {} {} and, separately, {}; {} not say how the two counts relate.").format(
            who, "give" if several else "gives", labels, total_label, "they do" if several else "it does")
    elif relation.basis.by_editors:
        said = Markup(_READ[relation.kind]).format(labels, total_label, f"{who} {'do' if several else 'does'}")
    else:
        said = Markup(_STATED[relation.kind]).format(labels, total_label)
    differ = spans_differ(figures)
    if differ:  # figures of different times: the reader is told before the arithmetic
        said = Markup('{} <span class="bj-relation__spans">{}</span>').format(said, differ)
    return Markup("{} {}").format(said, render_basis(relation, sources, names, links))


def render_basis(relation: Relation, sources: dict[str, Source], names: dict[str, str], links: Links) -> Markup:
    """The source's passage that states the relation, linked to its place; or the editors' reason."""
    basis = relation.basis
    if basis.by_editors:
        lead = "The editors set them side by side:" if not claims_agreement(relation) else "The editors’ reason:"
        return Markup('<span class="bj-relation__basis">{} <span class="bj-relation__reason">{}</span></span>').format(lead, basis.reason)
    source = sources[basis.source]
    verb = "writes them together" if not claims_agreement(relation) else "states it"
    return Markup('<span class="bj-relation__basis">{} {}: <q>{}</q> {}</span>').format(
        names[source.id], verb, basis.quote, to_source_link(basis.quote, relation.id, source, links))


def differ_lead(relation: Relation, whose: str) -> str:
    """The subject and verb of "… differ by 16": the editors' reading says it is theirs."""
    if relation.basis.by_editors:
        return f"In the editors’ reading, {whose} differ by"
    return f"{whose[:1].upper()}{whose[1:]} differ by"


def side_by_side(parts: int, total: int) -> Markup:
    """A comparison's two numbers and their difference, which no one claims should be nought."""
    if parts == total:
        return Markup('<p class="bj-relation__verdict bj-compared">Side by side: both are {}.</p>').format(number(total))
    difference = total - parts
    return Markup('<p class="bj-relation__verdict bj-compared">Side by side: {} and {}, a difference of <data value="{}">{}</data>.</p>').format(
        number(parts), number(total), difference, number(abs(difference)))

