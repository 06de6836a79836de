"""The Source page marks what the timeline leaves out: each left-out passage dimmed and
underlined, a "left out" tag after it whose name gives the reason in words, the list "What
this timeline leaves out" with every left_out entry, and links to that list from the
Timeline, home and Data pages."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from scripts.check.run import check_file
from scripts.site.common import Links
from scripts.site.left_out import SECTION, entry_anchor, place_anchor, render_left_out_passages
from scripts.site.sentence_status import left_out_places
from scripts.site.source import render_legend, render_sources
from tests.conftest import REAL_DATA, ROOT
from tests.left_out_project import FISHERMEN, HOSTILE_REASON, TEXT, write_notes

TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def notes(tmp_path_factory):
    result = check_file(str(write_notes(tmp_path_factory.mktemp("notes"))))
    assert result.ok, [str(d) for d in result.errors]
    return result


@pytest.fixture(scope="module")
def page(notes) -> str:
    return str(render_sources(notes, Links())) + str(render_left_out_passages(notes))


def tree(html: str) -> ET.Element:
    """The fragment as a tree: it is well-formed, every text escaped, no void element."""
    return ET.fromstring(f"<root>{html}</root>")


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def words(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_each_place_of_a_left_out_passage_is_marked_and_tagged_with_its_reason(notes, page):
    text_part = page[page.index('<div class="bj-source-text">'):page.index("</div>", page.index('<div class="bj-source-text">'))]
    nth: dict[int, int] = {}
    for place in left_out_places(notes, "notes"):
        k = nth[place.entry] = nth.get(place.entry, -1) + 1
        anchor = f'<span class="bj-anchor" id="{place_anchor(place.entry, k)}"></span>'
        tag = f'<a class="bj-out-tag" href="#{entry_anchor(place.entry)}">'
        begin = text_part.index(anchor) + len(anchor)
        stop = text_part.index(tag, begin)
        # Between the passage's anchor and its tag stand its words, and nothing else.
        assert TAG.sub("", text_part[begin:stop]).replace("&#34;", '"') == place.quote
        shown = tree(text_part[stop:text_part.index("</a>", stop) + 4])
        assert words(shown).startswith("left out: “") and "Why: " in words(shown)
        assert words(shown).endswith(notes.dataset.left_out[place.entry].reason)


def test_left_out_words_are_dimmed_and_quoted_ones_linked_with_no_link_inside_another(page):
    root = tree(page)
    links = root.iter("a")
    assert all(inner is link or inner.tag != "a" for link in links for inner in link.iter())
    out = " ".join(words(e) for e in root.iter("span") if "bj-out" in classes(e))
    assert out.count(FISHERMEN) == 2 and "said the notes" in out
    # Where a left-out passage runs into a quote, its words there are shown quoted, not dimmed:
    # the data uses them.
    dimmed_links = [a for a in root.iter("a") if "bj-q" in classes(a) and any("bj-out" in classes(s) for s in a.iter("span"))]
    assert dimmed_links == []
    assert "../timeline/#mayor-resigns" in [a.get("href") for a in root.iter("a") if "bj-q" in classes(a) and words(a) == "1990"]


def test_the_text_reads_as_its_source_once_the_tags_are_taken_away(page):
    root = tree(page)
    (text,) = [d for d in root.iter("div") if "bj-source-text" in classes(d)]
    for tag in [a for a in text.iter("a") if "bj-out-tag" in classes(a)]:
        tail = tag.tail
        tag.clear()
        tag.tail = tail
    lines = [words(p) for p in text.iter("p")]
    assert lines == [line for line in TEXT.split("\n") if line]


def test_the_title_and_the_passage_a_date_is_read_from_are_marked_as_used(page):
    root = tree(page)
    read = {words(a): a for a in root.iter("a") if classes(a) == {"bj-q", "bj-q--read"}}
    assert read["Harbour notes"].get("href") == "#notes" and read["Harbour notes"].get("title") == "The source’s title"


def test_every_left_out_entry_is_listed_with_its_reason_and_links_to_where_it_stands(notes, page):
    root = tree(page)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    items = [li for li in root.iter("li") if (li.get("id") or "").startswith("bj-left-out-")]
    assert [li.get("id") for li in items] == [entry_anchor(i) for i in range(len(notes.dataset.left_out))]
    for li, entry in zip(items, notes.dataset.left_out, strict=True):
        assert words(li.find("q")) == entry.quote
        assert f"Why: {entry.reason}" in words(li)
        targets = [a.get("href") for a in li.iter("a")]
        assert targets and all(t.startswith("#") and t[1:] in ids for t in targets)
    assert "See it in paragraph 2 and paragraph 3." in words(items[0])
    # Every tag leads to an item of the list.
    assert all(a.get("href")[1:] in ids for a in root.iter("a") if "bj-out-tag" in classes(a))


def test_a_reason_with_markup_is_shown_as_text(page):
    assert "<script>" not in page
    assert HOSTILE_REASON.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in page
    assert words(tree(page)).count(HOSTILE_REASON) == 2  # the tag's reason and the list's


def test_the_legend_explains_the_marks_and_names_plain_words_only_where_there_are_some(page):
    legend = render_legend(plain=False)
    assert '<a href="#bj-left-out">what this timeline leaves out</a>' in legend and "Plain words" not in legend
    assert "Plain words" in render_legend(plain=True)
    assert page.startswith(str(legend))


def test_each_source_says_how_many_of_its_sentences_are_used(page):
    assert "Of its 5 sentences, 2 are quoted in full; 2 are left out in full; 1 is partly quoted, partly left out." in page


def test_with_several_sources_each_lists_its_own_under_its_name(tmp_path):
    checked = check_file(str(write_notes(tmp_path, memo=True)))
    assert checked.ok, [str(d) for d in checked.errors]
    root = tree(str(render_left_out_passages(checked)))
    headings = [words(h) for h in root.iter("h3")]
    assert headings == ["Test: Harbour notes", "Second: Memo"]
    lists = [[li.get("id") for li in ol.iter("li")] for ol in root.iter("ol")]
    assert lists == [[entry_anchor(0), entry_anchor(1)], [entry_anchor(2)]]
    text = str(render_sources(checked, Links()))
    assert f'<span class="bj-anchor" id="{place_anchor(2, 0)}"></span><span class="bj-out">The memo was filed</span>' in text
    assert "Of its 2 sentences, 1 is quoted in full; 1 is partly quoted, partly left out." in text


def test_the_list_says_so_when_nothing_is_left_out(notes):
    kept = list(notes.dataset.left_out)
    notes.dataset.left_out.clear()
    try:
        assert "leaves no passage out" in render_left_out_passages(notes)
    finally:
        notes.dataset.left_out.extend(kept)


# --- the links to the section ------------------------------------------------------------------

LINK = f"[what this timeline leaves out](source.md#{SECTION})"


def test_the_section_s_heading_has_the_id_the_pages_link_to():
    assert f"## What this timeline leaves out {{#{SECTION}}}" in (ROOT / "docs" / "source.md").read_text(encoding="utf-8")
    assert '<div data-bj="left-out-passages"></div>' in (ROOT / "docs" / "source.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page_name", ["timeline.md", "index.md", "data.md"])
def test_the_timeline_home_and_data_pages_link_to_it_by_its_words(page_name):
    text = (ROOT / "docs" / page_name).read_text(encoding="utf-8")
    assert LINK in " ".join(text.split())


@pytest.mark.build
def test_the_built_pages_link_to_the_section_and_it_lists_every_entry(built_site):
    source = (built_site / "source" / "index.html").read_text(encoding="utf-8")
    assert f'id="{SECTION}"' in source
    for page_path, href in (("timeline/index.html", "../source/"), ("index.html", "source/"), ("data/index.html", "../source/")):
        html = (built_site / page_path).read_text(encoding="utf-8")
        assert re.search(rf'<a [^>]*href="{re.escape(href)}#{SECTION}"[^>]*>what this timeline leaves out</a>', html), page_path
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    # Near the top: before the picture of time and the first entry.
    assert timeline.index(f"#{SECTION}") < timeline.index('class="bj-time') < timeline.index('class="bj-event"')
    checked = check_file(str(REAL_DATA))
    for index, entry in enumerate(checked.dataset.left_out):
        assert f'<li id="{entry_anchor(index)}">' in source
    places = sum(len(left_out_places(checked, s.id)) for s in checked.dataset.sources)
    assert source.count('<a class="bj-out-tag"') == places


def test_a_tag_never_splits_a_quote_it_goes_after_the_quoted_words():
    from scripts.site.source import _after_quotes

    after = _after_quotes([(0, 10), (10, 20), (30, 40)])
    assert [after(offset) for offset in (0, 5, 10, 20, 25, 35, 40)] == [0, 20, 20, 20, 25, 40, 40]


def test_a_left_out_passage_inside_quoted_words_is_not_taken_and_one_running_outside_is_left_out():
    from scripts.site.left_out import quoted_places, render_mark
    from scripts.site.sentence_status import LeftOutPlace

    text = "Alpha beta gamma delta."
    inside, across = LeftOutPlace(0, 6, 10, "beta", "Why one."), LeftOutPlace(1, 11, 22, "gamma delta", "Why two.")
    assert quoted_places([inside, across], [(0, 16)], text) == {inside}
    assert str(render_mark(inside, quoted=True)).startswith('<a class="bj-out-tag" href="#bj-left-out-1">not taken<')
    assert "quoted, but not taken as an event, a figure or a date." in render_mark(inside, quoted=True)
    assert str(render_mark(across)).startswith('<a class="bj-out-tag" href="#bj-left-out-2">left out<')
