"""The panel that `make serve` shows on every page while the data has errors, in Chromium."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_reading import WCAG
from tests.site_helpers import ServedCopy

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_with_errors(tmp_path_factory):
    """Two mistakes: a quote with a typo (its message shows the source's words) and a wrong value."""
    served = ServedCopy(tmp_path_factory.mktemp("served-errors"))
    good = served.data.read_text(encoding="utf-8")
    bad = good.replace("quote: fired on 200 homes", "quote: fired on 200 hommes").replace("value: 744", "value: 745")
    served.data.write_text(bad, encoding="utf-8")
    served.start()
    served.wait_for(lambda html: html.count("<li><p><code class=\"bj-errors__where\">") == 2, 60, "timeline/")
    yield served
    served.stop()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_panel_is_in_the_first_screen_and_accessible(served_with_errors, open_page, scheme):
    watched = open_page(scheme=scheme)
    page = watched.page
    # Not "networkidle": the live-reload script keeps a request open.
    page.goto(f"http://127.0.0.1:{served_with_errors.port}/timeline/", wait_until="load")
    panel = page.locator("section.bj-errors")
    assert panel.is_visible()
    assert panel.bounding_box()["y"] < 900
    items = panel.locator("ol > li")
    assert items.count() == 2
    # Sorted by line, as the checker prints them: the injured figure comes before the homes.
    assert "F600" in items.nth(0).inner_text() and ":12" in items.nth(0).locator(".bj-errors__where").inner_text()
    assert "Q500" in items.nth(1).inner_text() and "fired on 200 homes" in items.nth(1).locator("blockquote").inner_text()
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"error-panel-desktop-{scheme}.png"))


def test_the_panel_fits_a_phone(served_with_errors, open_page):
    watched = open_page(width=390)
    page = watched.page
    page.goto(f"http://127.0.0.1:{served_with_errors.port}/figures/", wait_until="load")
    assert page.locator("section.bj-errors").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SCREENSHOTS / "error-panel-phone-light.png"), full_page=True)


def test_a_syntax_error_shows_the_line_as_written(served_with_errors, open_page):
    served = served_with_errors
    good = served.data.read_text(encoding="utf-8")
    served.data.write_text(good.replace("    title: The Karabakh issue flares up again", "    title The Karabakh issue flares up again"), encoding="utf-8")
    try:
        served.wait_for(lambda html: "Y100" in html, 10, "timeline/")
        watched = open_page(scheme="dark")
        page = watched.page
        page.goto(f"http://127.0.0.1:{served.port}/timeline/", wait_until="load")
        assert page.locator("pre.bj-errors__line").inner_text() == "    title The Karabakh issue flares up again"
        page.screenshot(path=str(SCREENSHOTS / "error-panel-syntax-dark.png"))
    finally:
        served.data.write_text(good, encoding="utf-8")
