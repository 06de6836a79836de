"""Every page attributes each fact to its own source, and no page assumes one article.

The site is built with the real data and with the second source of tests/fixtures/second_source
merged in. On the two-source site no event or figure stands under a heading, or in a line,
that names another source than its own: the home page's counts, the Figures page's table and
relations, and on the timeline each entry's quote, "Where" line, inferred date and figures.
With the real data alone the pages still name Caliber.Az, as they always have. And no
hand-written page names a source: every such sentence is generated from the data.

The assertions read the sources, events and figures from the data, so they hold for any
number of sources and entries.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Optional

import pytest
import yaml

from scripts.check.result import Result
from scripts.check.run import check_file
from scripts.model.dataset import Basis, Relation
from scripts.site import fragments
from scripts.site.attribution import whose_figures
from scripts.site.common import Links
from tests.conftest import REAL_DATA, ROOT
from tests.site_helpers import build, copy_project
from tests.test_site_links import SECOND, add_second_source

DOCS = ROOT / "docs"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- a small tree of a page's elements ---------------------------------------------------

@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict
    parent: Optional["Node"] = None
    children: list = field(default_factory=list)  # Nodes and str

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def text(self, skip=lambda node: False) -> str:
        """The element's text, whitespace folded, leaving out the elements `skip` picks."""
        def words(node: Node) -> Iterator[str]:
            for child in node.children:
                if isinstance(child, str):
                    yield child
                elif not skip(child):
                    yield from words(child)
        return " ".join("".join(words(self)).split())

    def find(self, tag: str = "", cls: str = "") -> list["Node"]:
        return [n for n in self.walk() if (not tag or n.tag == tag) and (not cls or cls in n.classes)]


class _Tree(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def tree(site: Path, page: str) -> Node:
    path = site / page / "index.html" if page else site / "index.html"
    return _Tree(path.read_text(encoding="utf-8")).root


def data_words(node: Node) -> bool:
    """Text that is the data's or the source's, not the page's own words about whose it is:
    quotes, summaries, the editors' notes and reasons on relations, links to entries by their titles."""
    return (node.tag in ("q", "script", "svg") or (node.tag == "p" and node.parent is not None and node.parent.tag == "blockquote")
            or {"bj-event__summary", "bj-relation__note", "bj-relation__reason", "bj-bars"} & set(node.classes)
            or (node.tag == "a" and "timeline/#" in node.attrs.get("href", "")))


def attributing_line(root: Node, target: Node) -> str:
    """The nearest heading, or line that says whose the figures below it are, before `target`."""
    last = ""
    for node in root.walk():
        if node is target:
            return last
        if node.tag in HEADINGS or any(c.endswith("__whose") for c in node.classes):
            last = node.text()
    raise AssertionError("target not in the page")


# --- the data ----------------------------------------------------------------------------

class Voices:
    """Which sources a text names, by their publishers."""

    def __init__(self, checked: Result):
        self.dataset = checked.dataset
        self.publisher = {s.id: s.publisher for s in self.dataset.sources}
        self.figures = {f.id: f for f in self.dataset.figures}

    def named(self, text: str) -> set[str]:
        return {sid for sid, name in self.publisher.items() if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)}




@dataclass
class Built:
    site: Path
    data: Path  # the data folder it was built from
    voices: Voices
    added: dict  # the entries the second source brought


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> Built:
    """The site built with a second source, and what the checker made of its data."""
    project = copy_project(tmp_path_factory.mktemp("two-sources"))
    added = add_second_source(project)
    checked = check_file(str(project / "data" / "timeline.yaml"))
    assert checked.ok, [str(d) for d in checked.errors]
    assert len(checked.dataset.sources) >= 2
    site = tmp_path_factory.mktemp("two-sources-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return Built(site, project / "data", Voices(checked), added)


def assert_names_only(voices: Voices, text: str, expected: set[str], where: str) -> None:
    named = voices.named(text)
    assert named == expected, f"{where}: names {sorted(named)}, should name {sorted(expected)}: {text!r}"


# --- the two-source site -----------------------------------------------------------------

@pytest.mark.build
def test_each_headline_figure_on_the_home_page_stands_under_its_own_source(two):
    site, voices = two.site, two.voices
    home = tree(site, "")
    shown = [a for a in home.find("a") if re.search(r"figures/#", a.attrs.get("href", "")) and a.parent.parent in home.find("ul", "bj-headline")]
    parts = {p for r in voices.dataset.relations if r.kind in ("sum", "at-most") for p in r.parts}
    assert [a.attrs["href"].split("#")[1] for a in shown] == [
        f.id for s in voices.dataset.sources for f in voices.dataset.figures if f.source == s.id and f.id not in parts]
    for link in shown:
        figure = voices.figures[link.attrs["href"].split("#")[1]]
        assert_names_only(voices, attributing_line(home, link), {figure.source}, f"the line above {figure.id} on the home page")
        assert_names_only(voices, link.text(data_words), set(), f"{figure.id} on the home page")


@pytest.mark.build
def test_each_difference_on_the_home_page_names_whose_figures_differ(two):
    site, voices = two.site, two.voices
    home = tree(site, "")
    leads = home.find("p", "bj-disagreement__whose")
    assert leads
    for lead in leads:
        relation_id = lead.find("a")[0].attrs["href"].split("#")[1]
        relation = next(r for r in voices.dataset.relations if r.id == relation_id)
        whose = {voices.figures[i].source for i in (*relation.parts, relation.total)}
        assert_names_only(voices, lead.text(), whose, f"the difference of {relation_id} on the home page")


@pytest.mark.build
def test_each_figure_on_the_figures_page_names_its_own_source(two):
    site, voices = two.site, two.voices
    page = tree(site, "figures")
    rows = {n.attrs["id"]: n for n in page.find("tr") if n.attrs.get("id")}
    assert set(rows) == set(voices.figures)
    for figure_id, row in rows.items():
        assert_names_only(voices, row.text(data_words), {voices.figures[figure_id].source}, f"the table's row of {figure_id}")
    relations = page.find("li", "bj-relation")
    assert [r.attrs["id"] for r in relations] == [r.id for r in voices.dataset.relations]
    for item in relations:
        relation = next(r for r in voices.dataset.relations if r.id == item.attrs["id"])
        whose = {voices.figures[i].source for i in (*relation.parts, relation.total)}
        words = attributing_line(page, item) + " " + item.text(data_words)
        assert_names_only(voices, words, whose, f"the relation {relation.id} with the heading above it")


@pytest.mark.build
def test_each_event_on_the_timeline_names_its_own_source(two):
    site, voices = two.site, two.voices
    page = tree(site, "timeline")
    events = {e.id: e for e in voices.dataset.events}
    items = page.find("li", "bj-event")
    assert len(items) == len(events)
    for item in items:
        event = events[item.find(cls="bj-event__title")[0].attrs["id"]]
        own = {event.source}
        assert_names_only(voices, item.find("footer")[0].text(), own, f"the quote of {event.id}")
        where = item.find("p", "bj-event__where")[0]
        if not event.places:
            assert_names_only(voices, where.text(), own, f"the 'Where' line of {event.id}")
            assert "the article" not in where.text()
        for note in item.find("p", "bj-inferred"):
            assert_names_only(voices, note.text(data_words), own, f"the inferred date of {event.id}")
        for figure_item in item.find("li", "bj-figure"):
            figure = voices.figures[figure_item.attrs["id"]]
            assert_names_only(voices, figure_item.text(data_words), {figure.source}, f"the figure {figure.id} on the timeline")


@pytest.mark.build
def test_the_opening_words_name_every_source_with_its_share(two):
    site, dataset = two.site, two.voices.dataset
    intro = tree(site, "timeline").find("article")[0].find("p")[0].text()
    for source in dataset.sources:
        count = sum(1 for e in dataset.events if e.source == source.id)
        if count:
            assert f"{source.publisher} ({count} event{'' if count == 1 else 's'})" in intro, intro
    assert "the article" not in intro
    home = tree(site, "")
    home_text = home.text()
    assert "as one source tells them" not in home_text
    for source in dataset.sources:
        assert f"“{source.title}” by {source.publisher}" in home_text
    for entry in two.added["sources"]:
        assert f'<h2 id="{entry["id"]}">' in (site / "source" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_the_site_s_own_words_never_say_the_article_when_there_are_several_sources(two):
    """What the data and the sources write may say "article"; the pages' own words may not."""
    theirs = _strings(yaml.safe_load((two.data / "timeline.yaml").read_text(encoding="utf-8")))
    for source in two.voices.dataset.sources:
        theirs += (two.data / source.file).read_text(encoding="utf-8").splitlines()
    theirs = sorted({" ".join(t.split()) for t in theirs if len(t.strip()) > 3}, key=len, reverse=True)
    for page in ("", "timeline", "figures", "source", "method", "data"):
        root = tree(two.site, page)
        text = root.find("article")[0].text(lambda n: n.tag in ("script", "pre", "code"))
        for string in theirs:
            text = text.replace(string, "")
        assert not re.search(r"\barticle", text, re.I), (page, re.findall(r".{60}\barticle.{60}", text, re.I))


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# --- the real site, one source -------------------------------------------------------------

@pytest.mark.build
def test_with_one_source_the_pages_still_name_it(real_site):
    data = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))
    assert len(data["sources"]) == 1, "this test is about the one-source site"
    publisher = data["sources"][0]["publisher"]
    assert publisher == "Caliber.Az"
    home = tree(real_site, "")
    intro = home.find("article")[0].find("p")[0].text()
    assert "as one source tells them" in intro and f"by {publisher}" in intro, intro
    assert f"sets out {len(data['events'])} events, dated from the end of 1987 to 20 January 2025 (inferred)," in intro, intro
    headline = home.find("ul", "bj-headline")[0]
    assert attributing_line(home, headline) == f"According to {publisher}:"
    timeline = tree(real_site, "timeline").find("article")[0]
    assert timeline.find("p")[0].text().startswith(f"The events in date order, as {publisher} tells them.")
    figures = tree(real_site, "figures")
    assert any(v.text().startswith(f"{publisher}’s figures differ by") for v in figures.find("p", "bj-relation__verdict"))


# --- rendering, where a relation or an event spans two sources -------------------------------

@pytest.fixture(scope="module")
def two_project(tmp_path_factory) -> Path:
    """The data with a second source, for rendering without a build."""
    project = tmp_path_factory.mktemp("two-sources-data")
    shutil.copytree(ROOT / "data", project / "data")
    add_second_source(project)
    return project / "data" / "timeline.yaml"


def _checked(path: Path) -> tuple[Result, Voices]:
    checked = check_file(str(path))
    assert checked.ok, [str(d) for d in checked.errors]
    return checked, Voices(checked)


def test_a_relation_across_sources_names_each_side(two_project):
    checked, voices = _checked(two_project)
    dataset = checked.dataset
    first, other = dataset.sources[0], dataset.sources[1]
    theirs = next(f for f in dataset.figures if f.source == other.id)
    ours = next(f for f in dataset.figures if f.source == first.id and f.value != theirs.value)
    stated = Basis(ours.source, ours.quote, None, ("relations", 99, "basis"))  # any passage of the source will do here
    dataset.relations.append(Relation("bj-test-across", "equal", (ours.id,), theirs.id, None, stated, ("relations", 99)))
    difference = abs(theirs.value - ours.value)
    relations = str(fragments.FRAGMENTS["relations"](checked, Links()))
    item = re.search(r'<h3 id="bj-relations-across-sources">Figures from more than one source</h3><ul class="bj-relations">'
                     r'<li class="bj-relation" id="bj-test-across">(.*?)</li></ul>', relations, re.S)
    assert item, relations[-2000:]
    assert f"{first.publisher}’s {ours.value:,} and {other.publisher}’s {theirs.value:,} differ by" in item.group(1)
    assert f"({ours.value:,}, {first.publisher})" in item.group(1) and f"({theirs.value:,}, {other.publisher})" in item.group(1)
    assert f"{ours.label} ({first.publisher}): {ours.value:,}" in item.group(1)  # the drawing's rows say whose too
    compact = str(fragments.FRAGMENTS["disagreement-compact"](checked, Links()))
    lead = re.search(r'<p class="bj-disagreement__whose"><a href="../figures/#bj-test-across">(.*?)</a>', compact)
    assert lead and re.sub("<[^>]+>", "", lead.group(1)) == (
        f"{first.publisher}’s {ours.value:,} and {other.publisher}’s {theirs.value:,} differ by {difference:,}")


def test_a_sum_across_sources_names_each_part_and_the_total(two_project):
    checked, _ = _checked(two_project)
    dataset = checked.dataset
    first, other = dataset.sources[0], dataset.sources[1]
    theirs = next(f for f in dataset.figures if f.source == other.id)
    ours = [f for f in dataset.figures if f.source == first.id][:2]
    names = {first.id: first.publisher, other.id: other.publisher}
    assert whose_figures([theirs, ours[0]], ours[1], names) == (
        f"{first.publisher}’s {ours[1].value:,} and the sum of {other.publisher}’s {theirs.value:,} + {first.publisher}’s {ours[0].value:,}")
    assert whose_figures(ours, theirs, names) == (
        f"{other.publisher}’s {theirs.value:,} and the sum of {first.publisher}’s {ours[0].value:,} + {ours[1].value:,}")
    assert whose_figures(ours[:1], ours[1], names) == f"{first.publisher}’s figures"


def test_a_figure_names_its_own_source_on_another_source_s_event(two_project):
    checked, voices = _checked(two_project)
    dataset = checked.dataset
    first, other = dataset.sources[0], dataset.sources[1]
    index, theirs = next((i, f) for i, f in enumerate(dataset.figures) if f.source == other.id)
    event = next(e for e in dataset.events if e.source == first.id)
    dataset.figures[index] = replace(theirs, events=(event.id,))
    dataset._figures_by_event = None
    timeline = str(fragments.FRAGMENTS["timeline"](checked, Links()))
    item = re.search(rf'<li class="bj-figure" id="{theirs.id}">(.*?)</li>', timeline, re.S).group(1)
    assert f"in {other.publisher}’s text" in item and first.publisher not in item


# --- the hand-written pages ------------------------------------------------------------------

def _publishers() -> set[str]:
    names = set()
    for path in [REAL_DATA, *SECOND.glob("*.yaml")]:
        names |= {s["publisher"] for s in yaml.safe_load(path.read_text(encoding="utf-8")).get("sources", [])}
    return names


def hand_written_sources(docs: Path) -> list[tuple[str, str]]:
    """(page, sentence) for each sentence written into a page that says "article" or names a
    publisher of the real data or of the second-source fixture; the placeholders of
    generated fragments hold no sentence."""
    words = [r"\barticle", *(rf"(?<!\w){re.escape(name)}(?!\w)" for name in _publishers())]
    found = []
    for page in sorted(docs.glob("*.md")):
        text = re.sub(r'<div data-bj="[a-z-]+"></div>', "", page.read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=[.!?:;])\s+|\n\s*\n", text):
            if any(re.search(w, sentence, re.I) for w in words):
                found.append((page.name, " ".join(sentence.split())))
    return found


def test_no_hand_written_page_names_a_source():
    """A sentence that says "the article" or names a publisher is generated from the data,
    never written into a page: adding a source needs no page edited by hand."""
    assert hand_written_sources(DOCS) == []


def test_the_page_check_finds_a_hand_written_source(tmp_path):
    """A check that could not fail would prove nothing."""
    (tmp_path / "page.md").write_text('# Page\n\nThe events as Caliber.Az tells them.\n\n<div data-bj="timeline"></div>\n'
                                      "Each entry gives the article's words.\n", encoding="utf-8")
    assert [s for _, s in hand_written_sources(tmp_path)] == ["The events as Caliber.Az tells them.", "Each entry gives the article's words."]
