"""The time a figure counts, on the pages: when the count begins, and when it ends where
the source says so, each with how it is known; or, where start and as_of are one date, the
moment the figure is a state at ("as of"). The plain words are the model's (model/spans.py),
which the downloads share. Where two figures of a relation count different times, the
relation says so (`spans_differ`).
"""
from __future__ import annotations

from typing import Optional

from markupsafe import Markup

from ..model.dataset import Dated, Figure, Inference
from ..model.spans import no_end_words, span_words, the
from .common import Links, number, possessive, render_date


def _dates(figure: Figure, opening: bool = False) -> Markup:
    start = Markup("{}{}").format(the(figure.start.value), render_date(figure.start.value))
    if figure.as_of is None:
        return Markup("{} {}").format("From" if opening else "from", start)
    if figure.at_one_moment:
        return Markup("{} of {}").format("As" if opening else "as", start)
    end = Markup("{}{}").format(the(figure.as_of.value), render_date(figure.as_of.value))
    return Markup("{} {} to {}").format("From" if opening else "from", start, end)


def _inferred(figure: Figure) -> list[Inference]:
    return [d.inferred for d in figure.spans if d.inferred is not None]


def render_span(figure: Figure, teller: str, links: Links) -> Markup:
    """The span for the Figures page: its dates, what the source (`teller`, by its name)
    leaves unsaid, and each inference with the source's words it is drawn from and the
    editors' reason."""
    unsaid = Markup("") if figure.as_of is not None else Markup("; {}").format(no_end_words(teller))
    return Markup('<span class="bj-span">{}{}.{}</span>').format(_dates(figure, opening=True), unsaid, _render_inferences(figure, teller, links))


def _render_inferences(figure: Figure, source_name: str, links: Links) -> Markup:
    """Each inference once: the start's and the end's, where they come from one passage, together."""
    shown, by_passage = [], {}
    for dated in figure.spans:
        if dated.inferred is not None:
            by_passage.setdefault((dated.inferred.from_quote, dated.inferred.by), []).append(dated)
    for (words, by), dated_list in by_passage.items():
        which = _which(figure, dated_list)
        reasons = Markup(" ").join(Markup('<span class="bj-span__reason">{}</span>').format(d.inferred.reason) for d in dated_list
                                   if d is dated_list[0] or d.inferred.reason != dated_list[0].inferred.reason)
        shown.append(Markup(' <span class="bj-span__inferred">{which} inferred{how} from {name} words <a href="{href}">“{words}”</a>. {reasons}</span>').format(
            which=which, how=" (counted from the anniversary it names)" if by == "anniversary" else "", name=possessive(source_name),
            href=f"{links.source}#{figure.source}", words=words, reasons=reasons))
    return Markup("").join(shown)


def _which(figure: Figure, dated_list: list[Dated]) -> str:
    if figure.as_of is None or figure.at_one_moment:
        return "The date is"
    if len(dated_list) == 2:
        return "Both dates are"
    return "The start is" if dated_list[0] is figure.start else "The end is"


def render_span_short(figure: Figure, teller: str, links: Links) -> Markup:
    """The span in a few words for the figure's line on the timeline; the Figures page,
    which the word "inferred" links to, gives the passages and reasons."""
    inferred = Markup(', <a href="{}#{}">inferred</a>').format(links.figures, figure.id) if _inferred(figure) else Markup("")
    unsaid = Markup("; {}").format(no_end_words(teller)) if figure.as_of is None else Markup("")
    lead = _dates(figure, opening=True) if figure.at_one_moment else Markup("Counted {}").format(_dates(figure))
    return Markup('<span class="bj-figure__span">{}{}{}</span>').format(lead, inferred, unsaid)


def _span_key(figure: Figure) -> tuple:
    return figure.start.value, None if figure.as_of is None else figure.as_of.value


def spans_differ(figures: list[Figure]) -> Optional[str]:
    """Where the figures of a relation count different times, a sentence that says which
    counts which: "They count different times: the 147 from 19–20 January 1990, the 150 as
    of 20 January 2025." None where they all count the same time."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in dict.fromkeys(figures):
        groups.setdefault(_span_key(figure), []).append(figure)
    if len(groups) < 2:
        return None
    values = [f.value for f in figures]
    # A figure is named by its number, or by its label where two of them share a number.
    by_value = len(set(values)) == len(values)

    def called(figure: Figure) -> str:
        return f"the {number(figure.value)}" if by_value else f"“{figure.label}”"

    def listed(names: list[str]) -> str:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    said = [f"{listed([called(f) for f in group])} {span_words(group[0])}" for group in groups.values()]
    return f"They count different times: {'; '.join(said)}."
