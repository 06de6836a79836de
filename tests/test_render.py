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
