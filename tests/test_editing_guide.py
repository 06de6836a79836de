"""The editing guide's mistakes, made in a copy of data/: the command prints what the page shows;
and almost-verbatim quotes get the source's exact words with their place."""
from __future__ import annotations

import html
import re
import shutil

import pytest

from scripts.mistakes import MISTAKES, make
from scripts.yaml_loader import load_file
from tests.conftest import DATA, run_checker
from tests.site_helpers import build, copy_project


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> dict[str, str]:
    project = copy_project(tmp_path_factory.mktemp("guide-project"))
    site = tmp_path_factory.mktemp("guide-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "method" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<section class="bj-mistake" id="mistake-([a-z-]+)">.*?<pre class="bj-output"><code>(.*?)</code></pre>', page, re.S)
    return {slug: html.unescape(text) for slug, text in blocks}


def test_the_guide_shows_five_mistakes(guide):
    assert sorted(guide) == sorted(m.slug for m in MISTAKES) and len(guide) == 5


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.slug for m in MISTAKES])
def test_the_command_prints_what_the_guide_shows(tmp_path, guide, mistake):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "timeline.yaml"
    document, _ = load_file(str(path))
    path.write_text(make(mistake, path.read_text(encoding="utf-8"), document), encoding="utf-8")
    result = run_checker("data/timeline.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.rstrip("\n") == guide[mistake.slug]


EXPECTED_CODE = {"quote-not-verbatim": "Q500", "value-not-in-quote": "F600", "date-disagrees": "T700", "misspelt-field": "S200", "duplicate-id": "M301"}


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.slug for m in MISTAKES])
def test_each_mistake_gives_its_own_code_first(guide, mistake):
    codes = re.findall(r"^data/timeline\.yaml:\d+:\d+: ([A-Z]\d{3}) ", guide[mistake.slug], re.M)
    assert EXPECTED_CODE[mistake.slug] in codes


@pytest.mark.parametrize(
    "wrong, right, line, column",
    [
        ("visited Azerbaijan's Permanent", "visited Azerbaijan’s Permanent", 11, 1),  # straight apostrophe for curly
        ("the  fabricated Karabakh issue", "the fabricated Karabakh issue", 3, 24),  # doubled space
        ("lives-on January 25 in Neftchala", "lives—on January 25 in Neftchala", 8, 427),  # hyphen for em dash
        ("lives – on January 25 in Neftchala", "lives—on January 25 in Neftchala", 8, 427),  # spaced en dash
    ],
)
def test_almost_verbatim_quote_shows_the_source_words_and_place(data_copy, wrong, right, line, column):
    text = data_copy.read_text(encoding="utf-8")
    original = {
        "visited Azerbaijan's Permanent": "visited Azerbaijan’s Permanent",
        "the  fabricated Karabakh issue": "the fabricated Karabakh issue",
    }.get(wrong)
    if original:
        assert original in text
        text = text.replace(original, wrong, 1)
    else:
        text = text.replace("quote: on January 25 in Neftchala and January 26 in Lankaran", f"quote: {wrong} and January 26 in Lankaran", 1)
    data_copy.write_text(text, encoding="utf-8")
    result = run_checker(str(data_copy))
    q500 = [l for l in result.stdout.splitlines() if ": Q500 " in l]
    assert len(q500) == 1, result.stdout
    assert f"000_9c0400da760e69ac.txt:{line}:" in q500[0]
    assert right in q500[0] and "paste the source's words" in q500[0]
    source_line = (DATA / "sources" / "000_9c0400da760e69ac.txt").read_text(encoding="utf-8").split("\n")[line - 1]
    shown = re.search(r"«(.*)»", q500[0]).group(1)
    assert source_line.find(shown) + 1 == int(re.search(r"txt:\d+:(\d+)", q500[0]).group(1))


def test_a_typo_shows_the_nearest_passage(data_copy):
    text = data_copy.read_text(encoding="utf-8").replace("quote: fired on 200 homes", "quote: fired on 200 hommes", 1)
    data_copy.write_text(text, encoding="utf-8")
    result = run_checker(str(data_copy))
    (line,) = [l for l in result.stdout.splitlines() if ": Q500 " in l]
    assert "nearest passage is at line 10, column" in line and "«fired on 200 homes»" in line
