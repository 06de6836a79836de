"""What this timeline leaves out, on the Source page: the mark after each left-out passage in
the text (its reason on hover and keyboard focus, and in words for screen readers), and the
list of every left_out entry with its reason and links to where it stands.

The section's id is stable: the Timeline, home and Data pages link to it by its words,
"what this timeline leaves out"."""
from __future__ import annotations

import bisect

from markupsafe import Markup

from ..check.result import Result
from ..model.page_ids import SITE_PREFIX
from .attribution import source_names
from ..text.passage_union import PassageUnion
from .sentence_status import LeftOutPlace, left_out_places, used_spans

SECTION = f"{SITE_PREFIX}left-out"  # the heading "What this timeline leaves out" (docs/source.md)
SHOWN_WORDS = 8  # a screen reader hears at most this many of a passage's words again in its mark


def entry_anchor(entry: int) -> str:
    """The id of a left_out entry's item in the list (`entry`: its index in the data)."""
    return f"{SITE_PREFIX}left-out-{entry + 1}"


def place_anchor(entry: int, nth: int) -> str:
    """The id of the `nth` place (from 0) where a left_out entry's passage stands in the text."""
    return f"{SITE_PREFIX}out-{entry + 1}" + (f"-{nth + 1}" if nth else "")


def numbered(places: list[LeftOutPlace]) -> dict[tuple[int, int, int], int]:
    """(entry, begin, stop) -> which place of its entry this is, from 0, in the text's order."""
    seen: dict[int, int] = {}
    found = {}
    for place in sorted(places, key=lambda p: p.begin):
        found[(place.entry, place.begin, place.stop)] = seen.get(place.entry, 0)
        seen[place.entry] = seen.get(place.entry, 0) + 1
    return found


def opening_words(quote: str) -> str:
    words = quote.split()
    return " ".join(words) if len(words) <= SHOWN_WORDS else " ".join(words[:SHOWN_WORDS - 2]) + " …"


def render_mark(place: LeftOutPlace, quoted: bool = False) -> Markup:
    """The tag after a left-out passage: the words "left out", a link to the passage's item in
    the list. Its reason shows beside it on hover and keyboard focus (and in print); a screen
    reader hears "left out", the passage's opening words and the reason, as the link's name.

    A left_out passage whose every word the data also quotes (a headline that is the source's
    title; a name inside a quoted sentence) leaves out what it writes, not its words: its tag
    reads "not taken", and says the words are quoted."""
    label, said = ("not taken", "quoted, but not taken as an event, a figure or a date. ") if quoted else ("left out", "")
    return Markup(
        '<a class="bj-out-tag" href="#{href}">{label}'
        '<span class="bj-out-why"><span class="bj-sr">: “{words}”. {said}</span>'
        '<span class="bj-out-why__lead">Why: </span>{reason}</span></a>'
    ).format(href=entry_anchor(place.entry), label=label, words=opening_words(place.quote), said=said, reason=place.reason)


def quoted_places(places: list[LeftOutPlace], used: list[tuple[int, int]], text: str) -> set[LeftOutPlace]:
    """The left-out places whose every word lies in a passage the data uses."""
    quoted = PassageUnion(used)
    return {p for p in places if next(quoted.words_outside(text, p.begin, p.stop), None) is None}


def not_taken_places(checked: Result, source_id: str) -> set[LeftOutPlace]:
    """The places of the source's left_out passages whose tags read "not taken"."""
    return quoted_places(left_out_places(checked, source_id), used_spans(checked, source_id), checked.texts[source_id].text)


def _paragraphs(text: str) -> list[int]:
    """The offset each paragraph (each line with words) begins at, as the page shows them."""
    begins, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            begins.append(at)
        at += len(line) + 1
    return begins


def render_left_out_passages(checked: Result) -> Markup:
    """Every left_out entry, in the order its passage first stands in the text: the passage,
    its reason, and a link to each place it stands. With several sources, under each source."""
    dataset = checked.dataset
    if not dataset.left_out:
        return Markup('<p class="bj-left-out-none">The data leaves no passage out.</p>')
    names = source_names(dataset)
    groups = []
    for source in dataset.sources:
        entries = [i for i, e in enumerate(dataset.left_out) if e.source == source.id]
        if not entries:
            continue
        # Only checked data is rendered, where every source has its text.
        places = left_out_places(checked, source.id)  # in the text's order
        nth, paragraphs = numbered(places), _paragraphs(checked.texts[source.id].text)
        where: dict[int, list[Markup]] = {}
        for place in places:
            where.setdefault(place.entry, []).append(Markup('<a href="#{}">paragraph {}</a>').format(
                place_anchor(place.entry, nth[(place.entry, place.begin, place.stop)]), _paragraph_of(paragraphs, place.begin)))
        ordered = [*where, *(i for i in entries if i not in where)]
        items = Markup("").join(_item(i, dataset.left_out[i].quote, dataset.left_out[i].reason, where.get(i, [])) for i in ordered)
        heading = Markup('<h3 class="bj-left-out-list__source">{}: <a href="#{}">{}</a></h3>').format(
            names[source.id], source.id, source.title) if len(dataset.sources) > 1 else Markup("")
        groups.append(heading + Markup('<ol class="bj-left-out-list">{}</ol>').format(items))
    return Markup("").join(groups)


def _paragraph_of(begins: list[int], offset: int) -> int:
    """The paragraph, counted from 1 as the page shows them, that holds `offset`."""
    return max(1, bisect.bisect_right(begins, offset))


def _item(entry: int, quote: str, reason: str, where: list[Markup]) -> Markup:
    if not where:
        located = Markup("")
    elif len(where) == 1:
        located = Markup(" See it in {}.").format(where[0])
    else:
        located = Markup(" See it in {} and {}.").format(Markup(", ").join(where[:-1]), where[-1])
    return Markup('<li id="{id}"><q>{quote}</q> <span class="bj-left-out-list__why">Why: {reason}</span>'
                  '<span class="bj-left-out-list__where">{located}</span></li>').format(
        id=entry_anchor(entry), quote=quote, reason=reason, located=located)
