"""The picture of time, the drawn disagreement and print, as a reader's Chromium shows them."""
from __future__ import annotations

import itertools

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_reading import DATA
from tests.test_time_layout import real_items

pytestmark = pytest.mark.browser

EVENT_IDS = [e["id"] for e in DATA["events"]]
# Everything written in the picture that is shown, as boxes on the screen.
TEXT_BOXES = """(svg) => [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
  return {x: r.left, y: r.top, right: r.right, bottom: r.bottom, text: t.textContent}; })"""
MARKS = """(svg) => [...svg.querySelectorAll('a.bj-time__mark')].map(a => {
  const s = a.querySelector('circle, polygon, rect.bj-time__group'); const r = s.getBoundingClientRect();
  return {href: a.getAttribute('href'), x: r.left + r.width / 2, y: r.top + r.height / 2}; })"""


def visible_picture(page):
    svgs = [s for s in page.locator("figure.bj-time:not(.bj-time--compact) svg.bj-time__svg").all() if s.is_visible()]
    assert len(svgs) == 1, "exactly one picture of time shows at a time"
    return svgs[0]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_picture_is_first_and_links_to_every_event_without_javascript(real_site, open_page, width):
    page = open_page(width=width, javascript=False).page
    page.goto(real_site + "timeline/")
    svg = visible_picture(page)
    box = svg.bounding_box()
    if width == 1280:
        assert box["y"] + box["height"] <= 900, box  # the whole picture in the first screen
    marks = svg.evaluate(MARKS)
    assert [m["href"] for m in marks] == [f"#{i}" for i in EVENT_IDS]
    # Each mark at its true date: in the order of the dates' middles, and one point for one date.
    along = [m["x"] if width == 1280 else m["y"] for m in marks]
    middles = [(i.start + i.stop) / 2 for i in real_items()]
    for (a, ta), (b, tb) in itertools.combinations(zip(along, middles), 2):
        assert (a < b) == (ta < tb) and (abs(a - b) < 0.5) == (ta == tb), (a, b, ta, tb)
    # On screen too, within a stretch (January 1990, the crowded one) position is linear in time.
    january = [(a, t) for a, t in zip(along, middles) if 726468 <= t < 726499]
    (a0, t0), (a1, t1) = min(january, key=lambda p: p[1]), max(january, key=lambda p: p[1])
    for a, t in january:
        assert abs(a - (a0 + (t - t0) / (t1 - t0) * (a1 - a0))) <= 1, (a, t)
    page.locator(f'svg.bj-time__svg:visible a[href="#{EVENT_IDS[3]}"] text').click()
    assert page.url.endswith(f"#{EVENT_IDS[3]}")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_two_labels_touch_and_none_leaves_the_picture(real_site, open_page, width, scheme):
    page = open_page(width=width, scheme=scheme).page
    page.goto(real_site + "timeline/", wait_until="load")
    svg = visible_picture(page)
    frame = svg.bounding_box()
    boxes = svg.evaluate(TEXT_BOXES)
    assert len(boxes) >= len(EVENT_IDS) + 5
    for a, b in itertools.combinations(boxes, 2):
        apart = a["right"] <= b["x"] or b["right"] <= a["x"] or a["bottom"] <= b["y"] or b["bottom"] <= a["y"]
        assert apart, (a, b)
    for b in boxes:
        assert frame["x"] - 0.5 <= b["x"] and b["right"] <= frame["x"] + frame["width"] + 0.5, b
        assert frame["y"] - 0.5 <= b["y"] and b["bottom"] <= frame["y"] + frame["height"] + 0.5, b
    sizes = svg.evaluate("(svg) => [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert min(sizes) >= 12
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    svg.screenshot(path=str(SCREENSHOTS / f"time-picture-{'desktop' if width > 600 else 'phone'}-{scheme}.png"))


def test_keyboard_users_reach_every_mark_and_can_skip_the_picture(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "timeline/", wait_until="load")
    skip = page.locator("a.bj-skip")
    skip.focus()
    assert skip.is_visible()  # shown once focused
    labels = page.locator("svg.bj-time__svg:visible a.bj-time__mark")
    assert labels.count() == len(EVENT_IDS)
    for index in range(labels.count()):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        assert focused == f"#{EVENT_IDS[index]}"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#bj-events")


@pytest.mark.parametrize("path, titles", [("timeline/", [e["title"] for e in DATA["events"]]), ("figures/", [f["label"] for f in DATA["figures"]])])
def test_printing_keeps_the_content_and_drops_the_navigation(real_site, open_page, path, titles):
    page = open_page().page
    page.goto(real_site + path, wait_until="load")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    text = page.locator(".md-content").inner_text()
    assert all(title in text for title in titles)
    printed = page.evaluate("getComputedStyle(document.querySelector('a.bj-to-source'), '::after').content")
    assert "/source/#q-" in printed  # the link's target, written on paper
    breaks = page.evaluate("getComputedStyle(document.querySelector('li.bj-event, li.bj-relation')).breakInside")
    assert breaks == "avoid"
    assert len(page.pdf(format="A4")) > 20_000
    page.screenshot(path=str(SCREENSHOTS / f"print-{path.strip('/')}.png"), full_page=True)
