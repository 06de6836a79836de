"""The search index the build writes (search/search_index.json, read by Material's search):
each entry is a section of its own under its heading, found by every spelling of its
places, ranked above the method pages, and free of the drawings' labels run together."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import REAL_DATA

pytestmark = pytest.mark.build

DATA = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def words(text: str, separator: str) -> set[str]:
    """The words of an index entry as Material's search reads them: the markup dropped, split
    at its separator, lower-cased, without the punctuation around each word."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return {w.strip(".,:;!?()“”\"'‘’«»").lower() for w in re.split(separator, plain) if w}


def found(index: dict, word: str) -> list[str]:
    separator = index["config"]["separator"]
    return [d["location"] for d in index["docs"] if word.lower() in words(d["title"] + " " + d["text"], separator)]


def test_each_entry_is_a_section_under_its_own_heading(index):
    by_location = {d["location"]: d for d in index["docs"]}
    for event in DATA["events"]:
        entry = by_location[f"timeline/#{event['id']}"]
        assert entry["title"] == event["title"]  # no "¶" from the permalink
        # Its date and place follow its heading, so they are found with it.
        assert entry["text"].startswith("<p>") and "Where:" in entry["text"]


@pytest.mark.parametrize("spelling", ["Lankaran", "Lənkəran", "Lenkoran"])
def test_every_spelling_of_a_place_finds_its_event(index, spelling):
    assert "timeline/#deaths-neftchala-lankaran" in found(index, spelling)


def test_other_spellings_are_marked_as_the_editors_and_written_once(index):
    entry = next(d for d in index["docs"] if d["location"] == "timeline/#deaths-neftchala-lankaran")
    assert "Lankaran (also written Lənkəran, Lenkoran: the editors’ addition, not Caliber.Az’s words)" in entry["text"]
    assert entry["text"].count("Lenkoran") == 1


class SvgTexts(HTMLParser):
    """The words of each <svg> on a page, a list of its <text> and <title> contents each."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.drawings: list[list[str]] = []
        self._depth = 0
        self._in_text = 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self._depth += 1
            if self._depth == 1:
                self.drawings.append([])
        elif self._depth and tag in ("text", "title"):
            self._in_text += 1
            self.drawings[-1].append("")

    def handle_endtag(self, tag):
        if tag == "svg":
            self._depth -= 1
        elif self._depth and tag in ("text", "title"):
            self._in_text -= 1

    def handle_data(self, data):
        if self._in_text:
            self.drawings[-1][-1] += data


def test_no_drawing_s_labels_are_run_together_in_the_index(site, index):
    everything = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    # What the index read before the drawings were left out of it.
    for glued in ("8220218", "147Drawn", "a difference of 16", "Picture of time", "1988–1989Feb 1990–1993"):
        assert glued not in everything, glued
    drawings = [d for page in site.rglob("*.html") for d in SvgTexts(page.read_text(encoding="utf-8")).drawings]
    labels = [texts for texts in drawings if len(texts) > 1]
    assert labels, "the site draws labelled pictures"
    for texts in labels:
        for first, second in zip(texts, texts[1:]):
            if len(first + second) >= 8:  # shorter, such as "21" and "8", occur in any text
                assert first + second not in everything, (first, second)


def test_the_events_rank_above_the_method_pages(index):
    """Material multiplies a section's score by its page's boost (front matter `search: boost`)."""
    def boost(doc: dict) -> float:
        return doc.get("boost", 1)

    timeline = [boost(d) for d in index["docs"] if d["location"].startswith("timeline/")]
    figures = [boost(d) for d in index["docs"] if d["location"].startswith("figures/")]
    method = [boost(d) for d in index["docs"] if d["location"].startswith("method/")]
    assert len(timeline) == len(DATA["events"]) + 1 and method
    assert min(timeline) > max(method) and min(figures) > max(method)
    # The event words are there to be found in the entries themselves.
    assert any(loc.startswith("timeline/#") for loc in found(index, "killed"))
    assert any(loc.startswith("timeline/#") for loc in found(index, "martyrs"))
