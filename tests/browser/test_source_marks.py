"""The Source page's marks in headless Chromium: a left-out passage looks unlike a quoted one
(not by colour alone), its tag shows the reason on keyboard focus and on hover, with or
without JavaScript, in full and in the window; a screen reader gets the status in words; axe
finds nothing in either palette; on paper the reasons stand in the text. Screenshots at a
desktop's and a phone's width, light and dark, are saved for a person to look at."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

TAGS = ".bj-source-text a.bj-out-tag"
# Every point of the reason's box is the reason's own: nothing covers it, no box clips it.
UNCOVERED = """(why) => { const r = why.getBoundingClientRect(); const points = [];
  for (const fx of [0.05, 0.5, 0.95]) for (const fy of [0.1, 0.5, 0.9]) points.push([r.left + fx * r.width, r.top + fy * r.height]);
  return points.every(([x, y]) => { const hit = document.elementFromPoint(x, y); return hit !== null && why.contains(hit); }); }"""
FOCUS_BEFORE = """(target) => { const stops = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && e.getClientRects().length); stops[stops.indexOf(target) - 1].focus(); }"""


def reason_of(tag) -> str:
    return tag.evaluate("(a) => a.querySelector('.bj-out-why').lastChild.textContent")


def assert_reason_shown(page, tag) -> None:
    why = tag.locator(".bj-out-why")
    box, window = why.bounding_box(), page.viewport_size
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert box["width"] > 150 and box["height"] > 15, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= window["width"], box
    assert box["y"] >= header and box["y"] + box["height"] <= window["height"], (box, header)
    assert why.evaluate(UNCOVERED), "something covers or clips the reason"
    assert reason_of(tag) in why.inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [1280, 390])
def test_keyboard_focus_on_a_left_out_tag_shows_its_reason(real_site, open_page, width, javascript):
    page = open_page(width=width, javascript=javascript).page
    page.goto(real_site + "source/", wait_until="load")
    tags = page.locator(TAGS)
    count = tags.count()
    assert count > 0
    for index in sorted({0, count // 2, count - 1}):
        tag = tags.nth(index)
        assert not tag.locator(".bj-out-why").is_visible() or tag.locator(".bj-out-why").bounding_box()["width"] <= 1
        tag.evaluate(FOCUS_BEFORE)
        page.keyboard.press("Tab")
        assert tag.evaluate("(a) => a === document.activeElement")
        page.wait_for_timeout(50)
        assert_reason_shown(page, tag)
        box = tag.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.5.8's least target


def test_escape_dismisses_a_reason_without_moving_focus_and_it_shows_again_when_reached_anew(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "source/", wait_until="load")
    tags = page.locator(TAGS)
    tag = tags.nth(2)
    tag.evaluate(FOCUS_BEFORE)
    page.keyboard.press("Tab")
    assert_reason_shown(page, tag)
    page.keyboard.press("Escape")
    assert tag.evaluate("(a) => a === document.activeElement")  # the focus stays on the tag
    assert tag.locator(".bj-out-why").bounding_box()["width"] <= 1
    assert reason_of(tag) in tag.evaluate("(a) => a.textContent")  # a screen reader still has it
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert tag.evaluate("(a) => a === document.activeElement")
    assert_reason_shown(page, tag)
    # Pointed at and focused: dismissed, it stays hidden while either stays on the tag.
    tag.hover()
    page.keyboard.press("Escape")
    assert tag.locator(".bj-out-why").bounding_box()["width"] <= 1
    page.mouse.move(5, 200)
    assert tag.evaluate("(a) => a === document.activeElement")
    assert tag.locator(".bj-out-why").bounding_box()["width"] <= 1


def test_hovering_a_tag_shows_its_reason(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "source/", wait_until="load")
    tag = page.locator(TAGS).nth(3)
    tag.scroll_into_view_if_needed()
    page.mouse.wheel(0, 0)
    tag.hover()
    assert_reason_shown(page, tag)
    # The pointer can move from the tag onto its reason, which stays.
    box = tag.locator(".bj-out-why").bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2)
    assert tag.locator(".bj-out-why").bounding_box()["width"] > 150


def test_a_left_out_passage_is_marked_otherwise_than_a_quoted_one(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "source/", wait_until="load")
    out = page.locator(".bj-source-text > p > span.bj-out").first
    style = out.evaluate("(e) => { const s = getComputedStyle(e); return [s.textDecorationLine, s.textDecorationStyle, s.backgroundColor]; }")
    assert style[0] == "underline" and style[1] == "dotted" and style[2] == "rgba(0, 0, 0, 0)"
    quoted = page.locator("a.bj-q mark").first.evaluate("(e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e.parentElement).textDecorationLine]")
    assert quoted[0] != "rgba(0, 0, 0, 0)"
    # The tag is told by its word and its border, not by its colour.
    tag = page.locator(TAGS).filter(has_text=re.compile("^left out")).first
    assert tag.evaluate("(a) => parseFloat(getComputedStyle(a).borderTopWidth)") >= 1


def test_a_screen_reader_hears_left_out_the_passage_and_the_reason(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "source/", wait_until="load")
    # (Chromium spaces the hidden words off as their own box: "left out : “…”".)
    named = page.get_by_role("link", name=re.compile(r"^left out ?: “.+”\. Why: .+"))
    # A passage inside quoted words leaves out what they write, not the words: "not taken".
    not_taken = page.get_by_role("link", name=re.compile(r"^not taken ?: “.+”\. quoted, but not taken as an event, a figure or a date\. Why: .+"))
    assert named.count() > 0 and not_taken.count() > 0
    assert named.count() + not_taken.count() == page.locator(TAGS).count()
    first = page.locator(TAGS).first
    assert reason_of(first) in first.evaluate("(a) => a.textContent")
    # A quoted passage says, as its description, what quotes it.
    assert page.locator("a.bj-q[title^='Quoted in: ']").count() > 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_source_page(real_site, open_page, scheme):
    page = open_page(scheme=scheme).page
    page.goto(real_site + "source/", wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    results = Axe().run(page)  # every rule axe has, its best practices too (Lighthouse runs them)
    assert results.violations_count == 0, results.generate_report()
    # And with a reason open over the text (once Material's tabs, folded away as the page
    # scrolls to the tag, have faded: half-faded, their colour is between two).
    page.locator(TAGS).nth(2).focus()
    page.wait_for_timeout(600)
    results = Axe().run(page, context=".md-content")
    assert results.violations_count == 0, results.generate_report()


def test_on_paper_every_reason_stands_in_the_text(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "source/", wait_until="load")
    page.emulate_media(media="print")
    tags = page.locator(TAGS)
    for index in range(tags.count()):
        why = tags.nth(index).locator(".bj-out-why")
        assert why.evaluate("(e) => getComputedStyle(e).position") == "static"
        assert why.bounding_box()["width"] > 1 and reason_of(tags.nth(index)) in why.inner_text()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_marked_source(real_site, open_page, width, scheme):
    """The whole page, and the window with a reason open, saved for a person to look at."""
    page = open_page(width=width, scheme=scheme).page
    page.goto(real_site + "source/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = f"source-marks-{'desktop' if width > 600 else 'phone'}-{scheme}"
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    tag = page.locator(TAGS).nth(4)
    tag.evaluate(FOCUS_BEFORE)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)  # Material's header swaps the site's name for the page's as the page scrolls
    assert_reason_shown(page, tag)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-reason.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
