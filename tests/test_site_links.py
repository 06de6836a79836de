"""Every internal link resolves and no page gives one id twice, for the real data and for
data with a second source (a small text written for the tests); and every source is shown."""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scripts.model.page_ids import QUOTE_PREFIX, RESERVED, SITE_PREFIX
from tests.conftest import FIXTURES, ROOT, run_checker
from tests.crawl import crawl
from tests.site_helpers import build, copy_project

pytestmark = pytest.mark.build

SECOND = FIXTURES / "second_source"




def add_second_source(project: Path) -> dict:
    """Merge the fixture's source, event and figure into the project's data; return the added entries."""
    path = project / "data" / "timeline.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    added = yaml.safe_load((SECOND / "entries.yaml").read_text(encoding="utf-8"))
    for section, entries in added.items():
        data[section].extend(entries)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    for text in SECOND.glob("*.txt"):
        shutil.copy2(text, project / "data" / "sources" / text.name)
    return added


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory) -> tuple[Path, dict]:
    project = copy_project(tmp_path_factory.mktemp("two-sources"))
    added = add_second_source(project)
    assert run_checker(str(project / "data" / "timeline.yaml")).returncode == 0
    site = tmp_path_factory.mktemp("two-sources-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site, added


def assert_sound(site: Path) -> None:
    report = crawl(site)
    assert report.pages >= 7 and report.links > 300
    assert report.dead == []
    assert report.duplicate_ids == []


def test_the_real_site_has_no_dead_link_and_no_id_twice(real_site):
    assert_sound(real_site)


def test_the_two_source_site_has_no_dead_link_and_no_id_twice(two_sources):
    assert_sound(two_sources[0])


def test_the_pages_own_ids_are_all_reserved_from_the_data(real_site):
    """An entry with one of these ids would clash with the page: the checker refuses them (M303)."""
    data = yaml.safe_load((ROOT / "data" / "timeline.yaml").read_text(encoding="utf-8"))
    entry_ids = {e["id"] for section in ("sources", "events", "figures", "relations") for e in data[section]}
    report = crawl(real_site)
    for page in ("timeline/index.html", "figures/index.html", "source/index.html"):
        own = {i for i in report.ids[page] if i not in entry_ids and not i.startswith(("__", QUOTE_PREFIX, SITE_PREFIX))}
        assert own <= RESERVED, (page, own - RESERVED)


def test_every_source_is_shown_and_linked_by_its_own_name(two_sources):
    site, added = two_sources
    source_page = (site / "source" / "index.html").read_text(encoding="utf-8")
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="caliber-2025">Caliber.Az: ' in source_page
    assert 'href="../source/#q-troops-enter-baku">see it in Caliber.Az’s text</a>' in timeline
    publishers = {s["id"]: s["publisher"] for s in added["sources"]}
    for source in added["sources"]:
        assert f'<h2 id="{source["id"]}">{html.escape(source["publisher"])}: {html.escape(source["title"], quote=False)}</h2>' in source_page
    for event in added["events"]:
        name = publishers[event["source"]]
        assert re.search(rf'<span class="bj-anchor" id="q-{event["id"]}"></span><a class="bj-q" [^>]*href="../timeline/#{event["id"]}"', source_page)
        assert f'href="../source/#q-{event["id"]}">see it in {name}’s text</a>' in timeline
    for figure in added["figures"]:
        name = publishers[figure["source"]]
        assert re.search(rf'<span class="bj-anchor" id="q-{figure["id"]}"></span><a class="bj-q" [^>]*href="../figures/#{figure["id"]}"', source_page)
        assert re.search(rf'href="../source/#q-{figure["id"]}" aria-label="[^"]*">in {re.escape(name)}’s text</a>', timeline)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('<dl class="bj-source-card">') == 1 + len(added["sources"])
    assert all(name in home for name in ["Caliber.Az", *publishers.values()])


def test_a_dateline_gives_the_publication_date_and_is_marked(two_sources):
    """The press release writes its date ("Baku, 15 January 2025"): no inferred is needed, and
    the Source page marks the passage and links to it from the date it gives."""
    site, added = two_sources
    (release,) = [s for s in added["sources"] if "inferred" not in s["published"]]
    source_page = (site / "source" / "index.html").read_text(encoding="utf-8")
    assert f'<span class="bj-anchor" id="q-{release["id"]}--published"></span>' in source_page
    assert f'as <a href="#q-{release["id"]}--published">its text writes</a>' in source_page


def test_every_stored_text_is_offered_for_download(two_sources):
    site, _ = two_sources
    stored = site / "downloads" / "sources" / "test-note.txt"
    assert stored.read_bytes() == (SECOND / "test-note.txt").read_bytes()
    assert (site / "downloads" / "sources" / "caliber-2025.txt").read_bytes() == (ROOT / "data" / "sources" / "000_9c0400da760e69ac.txt").read_bytes()
    data_page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/sources/test-note.txt">test-note.txt</a>: the stored text of Test Archive' in data_page


def test_the_crawler_finds_what_it_is_for(tmp_path):
    """A crawler that could not fail would prove nothing."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<p id="x"></p><p id="x"></p><a href="a/#here">ok</a><a href="a/#nowhere">bad</a>'
                                         '<a href="missing/">bad</a><a href="https://example.org/">out</a><a href="javascript:alert(1)">js</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">A</h2><a href="../#x">up</a><a href="../../x.html">out</a>')
    report = crawl(tmp_path)
    assert report.duplicate_ids == [("index.html", "x")]
    assert sorted((page, link) for page, link, _ in report.dead) == [
        ("a/index.html", "../../x.html"), ("index.html", "a/#nowhere"), ("index.html", "javascript:alert(1)"), ("index.html", "missing/")]
