"""The site as readers use it, in headless Chromium."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import SCREENSHOTS
from tests.conftest import REAL_DATA

pytestmark = pytest.mark.browser

PAGES = ["", "timeline/", "figures/", "source/", "method/", "data/"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
DATA = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's start-of-frame segment."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    at = 2
    while at < len(data):
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")
        at += 2 + length
    raise AssertionError("no frame in the JPEG")


def page_id(path: str) -> str:
    return path.strip("/") or "home"


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_loads_cleanly_and_only_from_this_host(real_site, open_page, path):
    watched = open_page()
    response = watched.page.goto(real_site + path, wait_until="networkidle")
    assert response.ok
    assert watched.errors == []
    assert watched.failed == []
    host = urlparse(real_site).netloc
    foreign = [u for u in watched.requests if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != host]
    assert foreign == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_no_accessibility_violations(real_site, open_page, path, scheme):
    watched = open_page(scheme=scheme)
    watched.page.goto(real_site + path, wait_until="load")
    expected = "slate" if scheme == "dark" else "default"
    assert watched.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    results = Axe().run(watched.page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


# What each page must show, as selectors and how many of each: the screenshot is taken
# only once these stand on the page, visible.
MUST_SHOW = {
    "": [("ul.bj-headline li", None), ("figure.bj-time--compact svg.bj-time__svg:visible", 1),
         ("figure.bj-bars--compact", len([r for r in DATA["relations"] if r["kind"] in ("sum", "equal") and "acknowledged" in r])),
         ("dl.bj-source-card", len(DATA["sources"]))],
    "timeline/": [("li.bj-event h2", len(DATA["events"])), ("li.bj-figure", len(DATA["figures"])), ("figure.bj-time:not(.bj-time--compact) svg.bj-time__svg:visible", 1)],
    "figures/": [("tr[id]", len(DATA["figures"])), ("li.bj-relation", len(DATA["relations"])), ("figure.bj-bars", len(DATA["relations"]))],
    "source/": [("a.bj-q mark", None), (".bj-source-text p", None)],
    "method/": [("pre.bj-output", 5), ("section.bj-fields", None)],
    "data/": [("ul.bj-downloads li", None), ("ul.bj-left-out li", len(DATA["left_out"]))],
}
LUMINANCE = """(element) => { const rgb = getComputedStyle(element).backgroundColor.match(/[\\d.]+/g).map(Number);
  const [r, g, b] = rgb.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; }"""


@pytest.mark.parametrize("path", PAGES, ids=page_id)
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_shows_the_page_in_its_palette(real_site, open_page, path, width, scheme):
    """Each page, as a reader sees it at this width and in this palette: its title first, in
    the palette asked for, what the page is for on it and visible, nothing wider than the
    screen. The picture is saved for a person to look at as well."""
    watched = open_page(width=width, scheme=scheme)
    page = watched.page
    page.goto(real_site + path, wait_until="load")
    title = page.locator("article h1").first
    assert title.is_visible() and title.bounding_box()["y"] < 300
    background = page.evaluate(LUMINANCE, page.locator("body").element_handle())
    assert (background < 0.05) if scheme == "dark" else (background > 0.9), background
    for selector, count in MUST_SHOW[path]:
        found = page.locator(selector)
        if count is None:
            assert found.count() > 0, selector
        else:
            assert found.count() == count, (selector, found.count())
        assert found.first.is_visible(), selector
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # JPEG: a whole page of the method is some 20,000 pixels tall, which PNG takes three times
    # as long to encode, and a person reading it sees no difference.
    target = SCREENSHOTS / f"{page_id(path)}-{'desktop' if width > 600 else 'phone'}-{scheme}.jpg"
    shot = page.screenshot(path=str(target), full_page=True, type="jpeg", quality=80)
    # The picture is the whole page, at the page's own width and height.
    assert jpeg_size(shot) == (width, page.evaluate("document.documentElement.scrollHeight"))


def test_without_javascript_every_entry_is_there(real_site, open_page):
    watched = open_page(javascript=False)
    page = watched.page
    page.goto(real_site + "timeline/")
    for event in DATA["events"]:
        item = page.locator(event_item(event["id"]))
        assert item.is_visible()
        assert event["title"] in item.locator("h2").inner_text()
        assert " ".join(event["quote"].split()) in item.locator("blockquote").inner_text()
    for figure in DATA["figures"]:
        assert page.locator(f"li#{figure['id']} data").get_attribute("value") == str(figure["value"])
        assert page.locator(f"li#{figure['id']}").is_visible()
    page.goto(real_site + "figures/")
    for figure in DATA["figures"]:
        row = page.locator(f"tr#{figure['id']}")
        assert row.is_visible() and f"{figure['value']:,}" in row.inner_text()
    page.goto(real_site + "source/")
    text = page.locator(".bj-source-text").inner_text()
    highlighted = " ".join(page.locator("a.bj-q mark").all_inner_texts())
    for entry in DATA["events"] + DATA["figures"]:
        quote = " ".join(entry["quote"].split())
        assert quote in text and page.locator(f"#q-{entry['id']}").count() == 1
        assert all(word in highlighted for word in quote.split()[:3])


def test_permalink_scrolls_to_its_entry(real_site, open_page):
    watched = open_page()
    page = watched.page
    last = DATA["events"][-1]["id"]
    page.goto(real_site + f"timeline/#{last}", wait_until="load")
    assert _in_view(page, f"h2#{last}")
    second = DATA["events"][1]["id"]
    page.locator(f"h2#{second} .bj-permalink").click()
    assert page.url.endswith(f"#{second}")
    assert _in_view(page, f"h2#{second}")


def test_highlight_leads_to_its_entry_and_back(real_site, open_page):
    watched = open_page()
    page = watched.page
    figure = next(f for f in DATA["figures"] if f["id"] == "killed-total")
    page.goto(real_site + "source/", wait_until="load")
    page.locator(f'a.bj-q[href$="#{figure["id"]}"]').first.click()
    page.wait_for_url("**/figures/#" + figure["id"])
    assert _in_view(page, f"tr#{figure['id']}")
    page.locator(f"tr#{figure['id']} a").first.click()
    page.wait_for_url(f"**/source/#q-{figure['id']}")
    assert _in_view(page, f'a.bj-q[href$="#{figure["id"]}"]')
    event = DATA["events"][0]
    page.goto(real_site + f"timeline/#{event['id']}", wait_until="load")
    page.locator(f"{event_item(event['id'])} blockquote a.bj-to-source").click()
    page.wait_for_url(f"**/source/#q-{event['id']}")
    page.locator(f'a.bj-q[href$="#{event["id"]}"]').first.click()
    page.wait_for_url(f"**/timeline/#{event['id']}")
    assert _in_view(page, f"h2#{event['id']}")


def _in_view(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0


def test_search_finds_an_event_by_a_word_of_its_title(real_site, open_page):
    watched = open_page()
    page = watched.page
    page.goto(real_site, wait_until="load")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Lankaran", delay=20)
    # Material lists the event as a section of the timeline page, linked to its heading.
    result = page.locator('.md-search-result a[href*="timeline/"][href$="#deaths-neftchala-lankaran"]')
    result.wait_for(timeout=10_000)
    assert "Deaths in Neftchala and Lankaran" in result.inner_text()


def test_hostile_data_runs_no_script(hostile_site, open_page):
    for path in PAGES:
        watched = open_page()
        page = watched.page
        page.goto(hostile_site + path, wait_until="networkidle")
        assert watched.dialogs == [], path
        assert page.locator("img[src='x']").count() == 0, path
        assert page.locator("a[href^='javascript:']").count() == 0, path
        # JSON-LD holds the payloads as data (a browser never runs it); any other script must not.
        runnable = "[...document.scripts].filter(s => s.type !== 'application/ld+json' && s.textContent.includes('alert('))"
        assert page.evaluate(runnable + ".length") == 0, path
        assert page.evaluate("[...document.scripts].filter(s => s.type === 'application/ld+json' && s.textContent.includes('<')).length") == 0
        assert watched.errors == [], (path, watched.errors)
    page.goto(hostile_site + "timeline/")
    assert "<script>alert(1)</script>" in page.locator("li.bj-event h2").first.inner_text()


def event_item(event_id: str) -> str:
    """The timeline's <li> of an event; its id is on the heading, where search finds it."""
    return f"li.bj-event:has(> h2#{event_id})"


@pytest.mark.parametrize("path", ["timeline/", "source/", "figures/", ""], ids=page_id)
def test_no_horizontal_scrolling_on_a_phone(real_site, open_page, path):
    watched = open_page(width=390)
    page = watched.page
    page.goto(real_site + path, wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
