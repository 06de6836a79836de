"""Rendering on small inputs: golden HTML fragments, and the rules every fragment keeps.

To accept a deliberate change of output: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.check.run import check_file
from scripts.model.dates import parse_date
from scripts.site import fragments
from scripts.site.common import Links, render_date
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def small():
    result = check_file(str(FIXTURES / "valid.yaml"))
    assert result.ok
    return result


@pytest.mark.parametrize("name", ["timeline-intro", "sources-intro", "timeline", "figures-table", "relations", "time-picture", "time-picture-compact", "disagreement-compact", "source-text", "headline-figures"])
def test_fragment_matches_its_golden_file(small, name):
    made = fragments.FRAGMENTS[name](small, Links()) + "\n"
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(made, encoding="utf-8")
    assert made == golden.read_text(encoding="utf-8")


def test_dates_become_time_elements():
    assert render_date(parse_date("1990-01-19/1990-01-20")[0]) == '<time datetime="1990-01-19">19</time>–<time datetime="1990-01-20">20 January 1990</time>'
    assert render_date(parse_date("1987", "end")[0]) == '<time datetime="1987">end of 1987</time>'


def test_every_string_from_the_data_is_escaped(small):
    event = small.dataset.events[0]
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    small.dataset.events[0] = type(event)(event.id, event.date, hostile, hostile, event.source, event.quote, event.at)
    try:
        made = fragments.FRAGMENTS["timeline"](small, Links())
    finally:
        small.dataset.events[0] = event
    assert "<script>alert" not in made and "<img" not in made
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in made


def test_every_fragment_a_page_asks_for_exists():
    import re

    asked = set()
    for page in (Path(__file__).resolve().parent.parent / "docs").glob("*.md"):
        asked |= set(re.findall(r'<div data-bj="([a-z-]+)"></div>', page.read_text(encoding="utf-8")))
    assert asked <= set(fragments.FRAGMENTS) and asked == set(fragments.FRAGMENTS)


def test_an_entry_opens_with_its_heading_then_its_date_and_place(small):
    """A link to an entry scrolls its heading to the top: the date and the place come after
    it, where they are seen, read after the title, and indexed with the entry."""
    import re

    made = str(fragments.FRAGMENTS["timeline"](small, Links()))
    entries = re.findall(r'<li class="bj-event">\n(.*?)\n</li>', made, re.S)
    assert len(entries) == len(small.dataset.events)
    for entry, event in zip(entries, small.dataset.events):
        lines = entry.split("\n")
        assert lines[0].startswith(f'<h2 class="bj-event__title" id="{event.id}">')
        assert lines[1].startswith('<p class="bj-event__date">') and lines[2].startswith('<p class="bj-event__where">')


def test_a_heading_says_its_title_once_and_keeps_its_permalink(small):
    """A screen reader reads a heading with its link's name: the permalink is "Permalink",
    not the title again; it stays a link, and out of the search index ("… ¶")."""
    import re

    made = str(fragments.FRAGMENTS["timeline"](small, Links()))
    for event in small.dataset.events:
        heading = re.search(rf'<h2 class="bj-event__title" id="{event.id}">(.*?)</h2>', made).group(1)
        assert heading.count(event.title) == 1
        assert f'<a class="bj-permalink" href="#{event.id}" aria-label="Permalink" data-search-exclude>¶</a>' in heading


def _with_places(small, places):
    from dataclasses import replace

    event = small.dataset.events[0]
    small.dataset.events[0] = replace(event, places=places)
    try:
        return str(fragments.FRAGMENTS["timeline"](small, Links()))
    finally:
        small.dataset.events[0] = event


def test_other_spellings_of_a_place_are_shown_once_as_the_editors(small):
    from scripts.model.dataset import Place

    made = _with_places(small, (Place("Neftchala", None, ()), Place("Lankaran", None, (), ("Lənkəran", "Lenkoran"))))
    assert ('<p class="bj-event__where">Where: Neftchala; Lankaran <span class="bj-event__also-written">'
            "(also written Lənkəran, Lenkoran: the editors’ addition, not Test’s words)</span>.</p>") in made
    assert made.count("Lenkoran") == 1 and made.count("also written") == 1


def test_other_spellings_are_escaped(small):
    from scripts.model.dataset import Place

    made = _with_places(small, (Place("Baku", None, (), ('<script>alert(1)</script>', '"><img src=x>')),))
    assert "<script>alert" not in made and "<img" not in made
    assert "(also written &lt;script&gt;alert(1)&lt;/script&gt;, &#34;&gt;&lt;img src=x&gt;:" in made


def test_the_model_reads_other_spellings_and_the_checker_does_not_look_for_them():
    """also_written is the editors' addition: the real data gives Lankaran two spellings that
    its quote does not write, and is still clean."""
    from tests.conftest import REAL_DATA

    result = check_file(str(REAL_DATA))
    places = {p.name: p for e in result.dataset.events for p in e.places}
    assert places["Lankaran"].also_written == ("Lənkəran", "Lenkoran")
    assert places["Neftchala"].also_written == ()
    line = next(n for n, text in enumerate(REAL_DATA.read_text(encoding="utf-8").splitlines(), 1) if "also_written:" in text)
    assert [d for d in result.diagnostics if line - 1 <= d.line <= line] == []
    assert result.ok, [d for d in result.diagnostics if d.is_error]


def test_every_cell_of_the_figures_table_names_its_column(small):
    """On a phone the rows stand as cards, and each cell shows the heading of its column."""
    import re

    made = str(fragments.FRAGMENTS["figures-table"](small, Links()))
    headings = re.findall(r'<th scope="col">(.*?)</th>', made)
    rows = re.findall(r"<tr id=.*?</tr>", made)
    assert len(rows) == len(small.dataset.figures)
    for row in rows:
        assert re.findall(r'<td[^>]* data-label="([^"]*)"', row) == headings[1:]
    assert "bj-table-wrap" not in made  # no scroll box of our own around Material's
