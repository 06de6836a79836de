"""The site by keyboard, on a phone and through search, in headless Chromium: landing on an
entry shows its date, the figures table fits a phone and stays a table, every Tab stop is
seen, and the pictures' links show where focus is."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_reading import DATA, PAGES, event_item, page_id

pytestmark = pytest.mark.browser

LANDING = "deaths-neftchala-lankaran"  # an event with a figure linked from the Figures page
FIGURE = "killed-in-regions"  # that figure


def settled(page) -> None:
    """Wait until the page stops scrolling (a link may scroll smoothly)."""
    last = None
    for _ in range(50):
        now = page.evaluate("[scrollX, scrollY]")
        if now == last:
            return
        last = now
        page.wait_for_timeout(100)


def header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def assert_entry_shows_its_date(page, event_id: str) -> None:
    """The entry's heading, date and place stand in the window, under the sticky header."""
    settled(page)
    entry = page.locator(event_item(event_id))
    height = page.viewport_size["height"]
    top = header_bottom(page)
    assert top == pytest.approx(48, abs=1)  # Material's header, 2.4rem
    for part in ("h2", ".bj-event__date", ".bj-event__where"):
        box = entry.locator(part).bounding_box()
        assert box["y"] >= top and box["y"] + box["height"] <= height, (event_id, part, box, top)


def search(page, words: str):
    """Type into Material's search (opened by its button where the field is folded away) and
    wait for its results."""
    field = page.locator("input.md-search__input")
    if page.viewport_size["width"] < 960:  # below 60em Material folds the field behind a button
        page.locator('label.md-header__button[for="__search"]').click()
    field.click()
    field.fill("")
    field.press_sequentially(words, delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the worker answers each key; let the last answer land


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("way", ["mark", "figures-link", "search-hit"])
def test_landing_on_an_entry_shows_its_date(real_site, open_page, width, way):
    page = open_page(width=width).page
    if way == "mark":
        page.goto(real_site + "timeline/", wait_until="load")
        page.locator(f'svg.bj-time__svg:visible a[href="#{LANDING}"]').locator("circle, polygon, rect.bj-time__group").first.click()
    elif way == "figures-link":
        page.goto(real_site + "figures/", wait_until="load")
        page.locator(f'tr#{FIGURE} a[href*="timeline/#{LANDING}"]').click()
    else:
        page.goto(real_site, wait_until="load")
        search(page, "Lenkoran")
        page.locator(f'.md-search-result a[href*="timeline/"][href$="#{LANDING}"]').click()
    page.wait_for_url(re.compile(rf"/timeline/[^#]*#{LANDING}$"))
    assert_entry_shows_its_date(page, LANDING)
    if way == "search-hit":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"landing-on-an-entry-{'desktop' if width > 600 else 'phone'}.png"))


def test_an_entry_s_heading_comes_before_its_date_and_is_read_once(real_site, open_page):
    page = open_page().page
    page.goto(real_site + "timeline/", wait_until="load")
    for event in DATA["events"]:
        entry = page.locator(event_item(event["id"]))
        first = entry.evaluate("li => [...li.children].map(c => c.tagName + '.' + c.className).slice(0, 3)")
        assert first == ["H2.bj-event__title", "P.bj-event__date", "P.bj-event__where"], first
        heading = entry.locator("h2")
        snapshot = heading.aria_snapshot()  # - heading "… Permalink" [level=2] …
        name = re.search(r'heading "(.*?)" \[level=2\]', snapshot).group(1)
        assert name.count(event["title"]) == 1 and name == f"{event['title']} Permalink", name
    # The permalink stays a link the keyboard reaches.
    permalink = page.locator(f"h2#{DATA['events'][2]['id']} a.bj-permalink")
    permalink.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith(f"#{DATA['events'][2]['id']}")
    assert_entry_shows_its_date(page, DATA["events"][2]["id"])


CELLS = "(table) => [...table.querySelectorAll('caption, th, td')].map(c => { const r = c.getBoundingClientRect(); return {text: c.textContent.trim().slice(0, 40), left: r.left, right: r.right, width: r.width, height: r.height}; })"
# Every box around the table, up to the page's article, that could scroll sideways.
SCROLLING = """(table) => { const out = []; for (let e = table; e && !e.matches('article'); e = e.parentElement)
  if (getComputedStyle(e).overflowX !== 'visible')
    out.push({what: e.tagName + '.' + e.className, scroll: e.scrollWidth, client: e.clientWidth, left: e.scrollLeft}); return out; }"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_figures_table_fits_a_phone_and_stays_a_table(real_site, open_page, javascript):
    """With JavaScript Material wraps the table in a scroll box of its own; without, it is bare."""
    page = open_page(width=390, javascript=javascript).page
    page.goto(real_site + "figures/", wait_until="load")
    table = page.locator("#figures-table table")
    for cell in table.evaluate(CELLS):
        assert cell["width"] > 0 and cell["height"] > 0, cell
        assert cell["left"] >= 0 and cell["right"] <= 390, cell
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert [box for box in table.evaluate(SCROLLING) if box["scroll"] > box["client"]] == []
    # Each cell shows the heading of its column, drawn before it; a screen reader hears the
    # column's heading instead, once, from the table itself.
    before = table.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert "Value" in before
    assert page.get_by_role("table").count() == 1
    assert page.get_by_role("rowheader").count() == len(DATA["figures"])
    assert page.get_by_role("columnheader").count() == 5  # the figure, its value, the source’s words, the time it counts, its event
    assert page.get_by_role("cell").count() == 4 * len(DATA["figures"])
    assert page.get_by_role("cell", name="82 people", exact=True).count() == 1  # not "Value: 82 people"
    if not javascript:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("scrollTo(0, document.querySelector('#figures-table').getBoundingClientRect().top + scrollY - 60)")
    settled(page)
    page.wait_for_timeout(400)  # the header's title fades to the page's
    page.screenshot(path=str(SCREENSHOTS / "figures-table-phone.png"))  # the caption and the first rows


def test_the_figures_table_does_not_move_sideways_on_a_wide_screen(real_site, open_page):
    page = open_page(width=1280).page
    page.goto(real_site + "figures/", wait_until="load")
    table = page.locator("#figures-table table")
    assert [box for box in table.evaluate(SCROLLING) if box["scroll"] > box["client"]] == []
    box = table.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, min(box["y"] + 40, 850))
    page.mouse.wheel(120, 0)  # a trackpad's sideways swipe
    page.wait_for_timeout(300)
    assert [b for b in table.evaluate(SCROLLING) if b["left"] != 0] == []
    assert table.bounding_box()["x"] == box["x"]
    # Five columns in a row: the headings stand side by side.
    tops = {round(h.bounding_box()["y"]) for h in page.locator("#figures-table thead th").all()}
    assert len(tops) == 1


def luminance(rgb) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(colour: list[float], background: list[float]) -> list[float]:
    """A translucent colour as painted over an opaque one."""
    alpha = colour[3] if len(colour) > 3 else 1
    return [c * alpha + b * (1 - alpha) for c, b in zip(colour[:3], background[:3])]


RGBA = "(s) => s.match(/[\\d.]+/g).map(Number)"
RING = """(mark) => [...mark.querySelectorAll('.bj-time__target, .bj-time__dot, .bj-time__inferred, .bj-time__group')].map(e => {
  const s = getComputedStyle(e); return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor}; })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["timeline/"], ids=page_id)
def test_a_focused_mark_shows_a_ring(real_site, open_page, path, scheme):
    """Each link in the pictures, focused by the keyboard, is ringed: at least 2 px, at least
    3:1 against the page behind it."""
    page = open_page(scheme=scheme).page
    page.goto(real_site + path, wait_until="load")
    background = page.evaluate(RGBA, page.evaluate("getComputedStyle(document.body).backgroundColor"))
    marks = page.locator("svg.bj-time__svg:visible a.bj-time__mark")
    assert marks.count() > 0
    marks.first.focus()
    # Focus from the keyboard: Tab onto the second mark.
    page.keyboard.press("Tab")
    focused = page.locator("svg.bj-time__svg:visible a.bj-time__mark:focus-visible")
    assert focused.count() == 1
    rings = focused.evaluate(RING)
    assert rings, "a ring around the mark"
    for ring in rings:
        assert ring["style"] == "solid" and ring["width"] >= 2, ring
        colour = over(page.evaluate(RGBA, ring["colour"]), background)
        assert contrast(colour, background) >= 3, (ring, background)
    # Unfocused, no ring.
    assert all(r["style"] == "none" for r in marks.first.evaluate(RING))
    if path == "timeline/":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("svg.bj-time__svg:visible").screenshot(path=str(SCREENSHOTS / f"focused-mark-{scheme}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_skip_link_shows_above_the_header(real_site, open_page, scheme):
    page = open_page(scheme=scheme).page
    page.goto(real_site + "timeline/", wait_until="load")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.wait_for_timeout(500)  # it slides and fades in
    box = skip.bounding_box()
    for x, y in ((0.1, 0.5), (0.5, 0.5), (0.9, 0.5), (0.5, 0.1), (0.5, 0.9)):
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a.md-skip') !== null",
                               [box["x"] + x * box["width"], box["y"] + y * box["height"]])
        assert on_top, (x, y)
    # Nothing drawn beneath it (the logo) shows through.
    assert page.evaluate(RGBA, skip.evaluate("a => getComputedStyle(a).backgroundColor"))[3:] in ([], [1])
    assert skip.evaluate("a => getComputedStyle(a).opacity") == "1"


VISIBLE = """() => { const e = document.activeElement;
  const seen = (el) => { const b = el.getBoundingClientRect();
    return b.width * b.height > 0 && b.right > 0 && b.left < innerWidth && b.bottom > 0 && b.top < innerHeight
      && el.checkVisibility({opacityProperty: true, visibilityProperty: true}); };
  if (seen(e)) return true;
  // Material's palette switch: a radio button, unseen, drawn as the label after it, which
  // shows the focus (its outline).
  const label = e.nextElementSibling;
  return e.matches('input.md-option') && label && label.tagName === 'LABEL' && seen(label); }"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_every_tab_stop_is_seen(real_site, open_page, path, width):
    page = open_page(width=width).page
    page.goto(real_site + path, wait_until="load")
    for stop in range(1, 13):
        page.keyboard.press("Tab")
        what = page.evaluate("document.activeElement.tagName + '.' + document.activeElement.className")
        assert "md-search__scrollwrap" not in what, (stop, what)
        # Material's skip link slides and fades in: seen within a moment.
        try:
            page.wait_for_function(VISIBLE, timeout=2_000)
        except TimeoutError as error:
            raise AssertionError(f"Tab stop {stop}, {what}, is not seen") from error


def test_the_navigation_drawer_is_reached_once_opened(real_site, open_page):
    """On a phone the navigation is hidden until its button opens it; then its links are Tab
    stops, seen."""
    page = open_page(width=390).page
    page.goto(real_site + "figures/", wait_until="load")
    link = page.locator('.md-sidebar--primary a.md-nav__link[href="../method/"]')
    assert not link.is_visible()
    page.locator('label.md-header__button[for="__drawer"]').click()
    link.wait_for(state="visible")
    link.focus()
    page.wait_for_function(VISIBLE, timeout=2_000)
    page.locator('label.md-overlay[for="__drawer"]').click(position={"x": 380, "y": 400})  # closed again
    link.wait_for(state="hidden")


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_no_empty_landmark(real_site, open_page, path):
    """The Timeline's entries are made after Markdown, so MkDocs lists no contents for it: the
    page has no "Table of contents" landmark rather than an empty one."""
    page = open_page().page
    page.goto(real_site + path, wait_until="load")
    empty = page.evaluate("[...document.querySelectorAll('nav, aside, [role=navigation], [role=complementary]')]"
                          ".filter(n => !n.querySelector('a, button, input')).map(n => n.outerHTML.slice(0, 120))")
    assert empty == []
    if path == "timeline/":
        assert page.locator("nav.md-nav--secondary").count() == 0


@pytest.mark.parametrize("words", ["killed", "martyrs"])
def test_search_ranks_the_events_above_the_method_pages(real_site, open_page, words):
    page = open_page().page
    page.goto(real_site, wait_until="load")
    search(page, words)
    hits = [re.sub(r"^https?://[^/]+/", "", h).split("?")[0] for h in
            page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")]
    ranked = [h for h in hits if h.startswith(("timeline/", "figures/", "method/"))]
    assert ranked and not ranked[0].startswith("method/"), hits
    assert ranked.index(next(h for h in ranked if h.startswith("timeline/"))) < ranked.index(next(h for h in ranked if h.startswith("method/"))), hits


@pytest.mark.parametrize("spelling", ["Lənkəran", "Lenkoran"])
def test_search_finds_a_place_by_its_other_spellings(real_site, open_page, spelling):
    page = open_page().page
    page.goto(real_site, wait_until="load")
    search(page, spelling)
    page.locator(f'.md-search-result a[href*="timeline/"][href$="#{LANDING}"]').wait_for(timeout=10_000)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_home_picture_names_and_dates_every_event_without_hover(real_site, open_page, width):
    """The home page's small picture dates its first and last marks; its list, not its marks
    (too small and close for a finger), shows each event's date and name and carries the
    links, each a target at least 24 px high (WCAG 2.5.8)."""
    page = open_page(width=width).page
    page.goto(real_site, wait_until="load")
    figure = page.locator("figure.bj-time--compact")
    svg = figure.locator("svg.bj-time__svg:visible")
    assert svg.count() == 1 and svg.locator("a").count() == 0
    ticks = svg.locator(".bj-time__tick-text").evaluate_all("texts => texts.map(t => t.textContent)")  # SVG has no innerText
    first, last = DATA["events"][0]["date"], DATA["events"][-1]["date"]
    assert ticks[0] == str(first)[:4] and ticks[-1].endswith(str(last)[:4]), ticks
    links = figure.locator("ol.bj-time__list a")
    assert links.count() == len(DATA["events"])
    for k, event in enumerate(DATA["events"]):
        link = links.nth(k)
        assert link.is_visible() and event["title"] in link.inner_text() and link.locator("time").first.is_visible()
        assert link.get_attribute("href").endswith(f"timeline/#{event['id']}")
        box = link.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, (event["id"], box)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figure.screenshot(path=str(SCREENSHOTS / f"home-picture-{'desktop' if width > 600 else 'phone'}.png"))
