"""A figure may count several events together ("8 people killed" in Neftchala and in
Lankaran): it is shown under each, counted once, and the Figures page lists all its events."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_checker
from tests.crawl import crawl
from tests.site_helpers import build, copy_project

pytestmark = pytest.mark.build

SPLIT = ["deaths-neftchala", "deaths-lankaran"]


def split_regions(data: dict) -> dict:
    """The real data with "Deaths in Neftchala and Lankaran" told as two events, each
    summary giving its own day, and its figure, eight killed, on both."""
    index = next(i for i, e in enumerate(data["events"]) if e["id"] == "deaths-neftchala-lankaran")
    both = data["events"][index]
    inferred = {**both["inferred"], "reason": "The passage these dates close begins with the night of 19-20 January 1990."}
    neftchala = {**both, "id": SPLIT[0], "date": "1990-01-25", "title": "Deaths in Neftchala", "short_title": "Deaths in Neftchala",
                 "summary": "According to Caliber.Az, people were killed in Neftchala on 25 January, eight in all there and in Lankaran.",
                 "quote": "Additionally, in regions where no state of emergency was declared, eight individuals lost their lives—on January 25 in Neftchala", "places": [{"name": "Neftchala"}], "inferred": {**inferred, "parts": list(inferred["parts"])}}
    lankaran = {**both, "id": SPLIT[1], "date": "1990-01-26", "title": "Deaths in Lankaran", "short_title": "Deaths in Lankaran",
                "summary": "According to Caliber.Az, people were killed in Lankaran on 26 January, eight in all there and in Neftchala.",
                "quote": "and January 26 in Lankaran", "places": [{"name": "Lankaran"}], "inferred": {**inferred, "parts": list(inferred["parts"])}}
    data["events"][index:index + 1] = [neftchala, lankaran]
    for figure in data["figures"]:
        if figure["event"] == "deaths-neftchala-lankaran":
            figure["event"] = list(SPLIT)
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("several-events"))
    path = project / "data" / "timeline.yaml"
    path.write_text(yaml.safe_dump(split_regions(yaml.safe_load(path.read_text(encoding="utf-8"))), allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    checked = run_checker(str(path))
    assert checked.returncode == 0, checked.stdout
    folder = tmp_path_factory.mktemp("several-events-site")
    result = build(project, folder)
    assert result.returncode == 0, result.stderr
    return folder


def test_the_figure_stands_under_each_of_its_events_with_one_permalink(site):
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    items = {event: html[html.index(f'id="{event}"'):] for event in SPLIT}
    for event, rest in items.items():
        entry = rest[:rest.index('<li class="bj-event">') if '<li class="bj-event">' in rest else len(rest)]
        assert '<data value="8">8</data>' in entry and "eight individuals lost their lives" in entry, event
    assert html.count('id="killed-in-regions"') == 1
    first, second = (items[e][:items[e].index("</ul>")] for e in SPLIT)
    assert 'id="killed-in-regions"' in first and 'id="killed-in-regions"' not in second
    assert f'Counted once, with its permalink under <a href="#{SPLIT[0]}">Deaths in Neftchala</a>' in second
    assert crawl(site).duplicate_ids == []


def test_it_is_counted_once_and_the_figures_page_lists_both_events(site):
    figures = (site / "figures" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="killed-in-regions">.*?</tr>', figures, re.S).group(0)
    linked = re.findall(r'href="../timeline/#([a-z-]+)">([^<]+)</a>', row)
    assert linked == [(SPLIT[0], "Deaths in Neftchala"), (SPLIT[1], "Deaths in Lankaran")]
    assert "82 + 20 + 21 + 8 = 131, against 147" in figures  # the relation counts it once
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('href="figures/#killed-in-regions"') <= 1


def test_the_downloads_carry_every_event_of_it(site):
    exported = {f["id"]: f for f in json.loads((site / "downloads" / "timeline.json").read_text(encoding="utf-8"))["figures"]}
    assert exported["killed-in-regions"]["events"] == SPLIT
    rows = list(csv.DictReader(io.StringIO((site / "downloads" / "figure-events.csv").read_text(encoding="utf-8"))))
    assert [r["event"] for r in rows if r["figure"] == "killed-in-regions"] == SPLIT
    figures = list(csv.DictReader(io.StringIO((site / "downloads" / "figures.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in figures].count("killed-in-regions") == 1


def test_a_list_of_one_event_or_an_unknown_event_is_one_message(tmp_path):
    from tests.conftest import DATA
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "timeline.yaml"
    good = path.read_text(encoding="utf-8")
    for written, expected in (("[deaths-neftchala-lankaran]", "S203 'event' a list is not valid: write the id of one event"),
                              ("[deaths-neftchala-lankaran, deaths-in-ganja]", "M302 no event has the id 'deaths-in-ganja'")):
        path.write_text(good.replace("event: deaths-neftchala-lankaran", f"event: {written}", 1), encoding="utf-8")
        result = run_checker(str(path))
        errors = [line for line in result.stdout.splitlines()[:-1] if "warning" not in line]
        assert len(errors) == 1 and expected in errors[0], result.stdout
