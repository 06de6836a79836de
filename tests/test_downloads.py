"""The downloads speak their ecosystems' formats: W3C Web Annotations of every quote, and
a Frictionless data package that `frictionless validate` accepts, keys and types included."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REAL_DATA, ROOT
from tests.site_helpers import build, copy_project

pytestmark = pytest.mark.build

DATA = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))
SOURCE = (ROOT / "data" / "sources" / "000_9c0400da760e69ac.txt").read_text(encoding="utf-8")
FRICTIONLESS = Path(sys.executable).parent / "frictionless"


@pytest.fixture(scope="module")
def downloads(built_site) -> Path:
    return built_site / "downloads"


def annotations_of(folder: Path) -> list[dict]:
    collection = json.loads((folder / "annotations.jsonld").read_text(encoding="utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld" and collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items)
    return items


def selectors(annotation: dict) -> tuple[dict, dict]:
    quote, position = annotation["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    return quote, position


def test_every_quoted_passage_is_annotated(downloads):
    exact = [selectors(a)[0]["exact"] for a in annotations_of(downloads)]
    wanted = [" ".join(e["quote"].split()) for e in DATA["events"] + DATA["figures"]]
    wanted += [" ".join(e["inferred"]["from"].split()) for e in DATA["events"] if "inferred" in e]
    wanted += [s["published"]["inferred"]["from"] for s in DATA["sources"] if "inferred" in s["published"]]
    wanted += [r["basis"]["quote"] for r in DATA["relations"] if isinstance(r["basis"], dict)]  # the passages that state relations
    wanted += [f[key]["inferred"]["from"] for f in DATA["figures"] for key in ("start", "as_of")  # when a count begins and ends
               if isinstance(f[key], dict) and "inferred" in f[key]]
    assert sorted(exact) == sorted(wanted)


def test_each_annotation_points_at_its_words_in_the_stored_text(downloads):
    for annotation in annotations_of(downloads):
        quote, position = selectors(annotation)
        stored = (downloads / annotation["target"]["source"]).read_text(encoding="utf-8")
        assert stored == SOURCE
        start, end = position["start"], position["end"]
        assert stored[start:end] == quote["exact"]
        assert 0 < len(quote["prefix"]) <= 32 or start == 0
        assert stored[start - len(quote["prefix"]):start] == quote["prefix"]
        assert len(quote["suffix"]) <= 32 and stored[end:end + len(quote["suffix"])] == quote["suffix"]


def test_each_body_names_its_entry_and_links_to_it(downloads):
    site = downloads.parent
    for annotation in annotations_of(downloads):
        described, linked = annotation["body"]
        assert described["type"] == "TextualBody" and described["value"]
        page, _, fragment = linked["id"].partition("#")
        html = (downloads / page / "index.html").resolve().read_text(encoding="utf-8")
        assert f'id="{fragment}"' in html, linked["id"]
        assert (downloads / page).resolve().is_relative_to(site.resolve())


def found_by_quote(text: str, quote: dict) -> list[int]:
    """Where a TextQuoteSelector matches: its exact words, with its prefix before and suffix after."""
    places, at = [], text.find(quote["exact"])
    while at >= 0:
        end = at + len(quote["exact"])
        if text[:at].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"]):
            places.append(at)
        at = text.find(quote["exact"], at + 1)
    return places


def test_the_quote_selectors_still_find_their_passage_in_a_text_that_moved(downloads):
    moved = "An editor's note, added at the top of a copy of the article.\n\n" + SOURCE
    for annotation in annotations_of(downloads):
        quote, position = selectors(annotation)
        places = found_by_quote(moved, quote)
        assert places == [position["start"] + len(moved) - len(SOURCE)], quote["exact"]


def validate(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(FRICTIONLESS), "validate", "--json", "datapackage.json"], cwd=folder, capture_output=True, text=True, timeout=300)


def test_frictionless_accepts_the_data_package(downloads):
    result = validate(downloads)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["valid"] and [task["name"] for task in report["tasks"]] == ["events", "figures", "figure-events"]


def test_the_table_schema_is_the_csv_writer_s_own_columns(downloads):
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO((downloads / resource["path"]).read_text(encoding="utf-8"))))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    figures = package["resources"][1]["schema"]
    links = package["resources"][2]["schema"]
    assert links["foreignKeys"] == [{"fields": ["figure"], "reference": {"resource": "figures", "fields": ["id"]}},
                                    {"fields": ["event"], "reference": {"resource": "events", "fields": ["id"]}}]
    rows = list(csv.DictReader(io.StringIO((downloads / "figure-events.csv").read_text(encoding="utf-8"))))
    assert [(r["figure"], r["event"]) for r in rows] == [(f["id"], e) for f in DATA["figures"] for e in ([f["event"]] if isinstance(f["event"], str) else f["event"])]
    assert {f["name"]: f["type"] for f in figures["fields"]}["value"] == "integer"
    events = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert events["start"]["type"] == events["end"]["type"] == "date" and events["date"]["type"] == "string"


@pytest.mark.parametrize("table, before, after, error", [
    ("figure-events.csv", ",deaths-after-emergency\n", ",no-such-event\n", "foreign-key"),
    ("figure-events.csv", "killed-total,", "no-such-figure,", "foreign-key"),
    ("figures.csv", ",744,", ",744 people,", "type-error"),
    ("events.csv", "1994-03-29,,1994-03-29,1994-03-29", "29 March 1994,,1994-03-29,1994-03-29", "constraint-error"),
    ("events.csv", "1994-03-29,,1994-03-29,1994-03-29", "1994-03-29,,1994-03-29,1994-02-30", "type-error"),
])
def test_frictionless_would_catch_a_broken_table(downloads, tmp_path, table, before, after, error):
    """The package's keys and types are real checks: each of these breaks one."""
    shutil.copytree(downloads, tmp_path / "downloads")
    path = tmp_path / "downloads" / table
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    result = validate(tmp_path / "downloads")
    assert result.returncode != 0
    codes = {e["type"] for task in json.loads(result.stdout)["tasks"] for e in task["errors"]}
    assert error in codes, codes


def test_only_text_cells_get_the_spreadsheet_apostrophe(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: The war of 2020", "title: =HYPERLINK(\"x\")"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "site" / "downloads" / "events.csv").read_text(encoding="utf-8")))}
    assert rows["war-2020"]["title"] == "'=HYPERLINK(\"x\")" and rows["war-2020"]["start"] == "2020-01-01"
    figures = list(csv.DictReader(io.StringIO((tmp_path / "site" / "downloads" / "figures.csv").read_text(encoding="utf-8"))))
    assert all(r["value"].isdigit() for r in figures)
    assert validate(tmp_path / "site" / "downloads").returncode == 0


def test_the_data_page_says_what_each_download_is_for(downloads):
    page = (downloads.parent / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("timeline.json", "events.csv", "figures.csv", "figure-events.csv", "datapackage.json", "annotations.jsonld", "timeline.yaml", "caliber-2025.txt"):
        assert f">{name}</a>: " in page, name


def test_each_figure_carries_the_time_it_counts_in_the_json_and_the_csv(downloads):
    exported = {f["id"]: f for f in json.loads((downloads / "timeline.json").read_text(encoding="utf-8"))["figures"]}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((downloads / "figures.csv").read_text(encoding="utf-8")))}
    for figure in DATA["figures"]:
        start, as_of = figure["start"], figure["as_of"]
        made, row = exported[figure["id"]], rows[figure["id"]]
        assert made["start"]["date"] == row["start"] == str(start["date"])
        assert made["start"]["inferred_parts"] == start.get("inferred", {}).get("parts", [])
        assert row["start_inferred_parts"] == " ".join(start.get("inferred", {}).get("parts", []))
        if as_of == "not stated":  # the source gives no end: none is made up
            assert made["as_of"] is None and row["as_of"] == "not stated" and row["as_of_last_day"] == ""
            assert made["span_in_words"].endswith("gives no date for the end of the count")
        else:
            assert made["as_of"]["date"] == row["as_of"] == str(as_of["date"]) and row["as_of_last_day"] == made["as_of"]["last_day"]
            assert "end of the count" not in made["span_in_words"]
    assert exported["killed-total"]["span_in_words"] == "from 19–20 January 1990; Caliber.Az gives no date for the end of the count"
    assert exported["recognised-martyrs"]["span_in_words"] == "as of 20 January 2025"
    assert rows["killed-total"]["start_first_day"] == "1990-01-19"
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][1]["schema"]["fields"]}
    assert fields["start_first_day"]["type"] == fields["as_of_last_day"]["type"] == "date"
    assert fields["as_of"]["constraints"]["required"] and "not stated" in fields["as_of"]["constraints"]["pattern"]


def test_frictionless_would_catch_an_end_that_is_neither_a_date_nor_not_stated(downloads, tmp_path):
    shutil.copytree(downloads, tmp_path / "downloads")
    path = tmp_path / "downloads" / "figures.csv"
    text = path.read_text(encoding="utf-8")
    assert ",not stated," in text
    path.write_text(text.replace(",not stated,", ",not said,", 1), encoding="utf-8")
    result = validate(tmp_path / "downloads")
    assert result.returncode != 0
    assert "constraint-error" in {e["type"] for task in json.loads(result.stdout)["tasks"] for e in task["errors"]}
