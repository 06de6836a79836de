"""The site as published, in a reader's Chromium: built with its public address and served
under a sub-path as GitHub Pages serves a project (http://127.0.0.1:PORT/project/), and at
the root without an address, as `make serve` and a local build are. A missing address gets
the 404 page, styled, with working ways on; what a shared link points to answers."""
from __future__ import annotations

import pytest

from tests.audit.published import PAGES, PagesServer
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_reading import DATA

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def project_site(published_site):
    return published_site


@pytest.fixture(scope="module")
def root_site(built_site):
    """The site without an address, served at the root: the session's real build."""
    server = PagesServer("/").serve(built_site)
    yield server
    server.close()


def _own_404(message: str) -> bool:
    # Chromium logs the document's own status 404 as a console error: that is the point here.
    return "status of 404" in message


@pytest.mark.parametrize("where", ["project_site", "root_site"])
def test_a_missing_address_shows_the_404_page_styled_with_ways_on(request, open_page, where):
    server = request.getfixturevalue(where)
    watched = open_page()
    page = watched.page
    response = page.goto(server.url + "no/such/page/", wait_until="load")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    # Styled: every stylesheet and script came from under the site's own path, and applied.
    assert [e for e in watched.errors if not _own_404(e)] == [] and watched.failed == []
    assert watched.requests and all(url.startswith(server.url) for url in watched.requests), watched.requests
    assert page.evaluate("[...document.styleSheets].filter(s => s.href && s.cssRules.length).length") >= 3
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"404-{'sub-path' if where == 'project_site' else 'root'}.png"), full_page=True)
    # The ways on: the home page, the timeline, and every tab of the header.
    article = page.locator("article")
    article.get_by_role("link", name="The timeline").click()
    page.wait_for_load_state()
    assert page.url == server.url + "timeline/" and page.locator("h1").first.inner_text().startswith("Timeline")
    page.go_back()
    article.get_by_role("link", name="The home page").click()
    page.wait_for_load_state()
    assert page.url == server.url
    page.goto(server.url + "no/such/page/")
    tabs = page.locator("nav.md-tabs a.md-tabs__link")
    hrefs = tabs.evaluate_all("links => links.map(a => a.href)")
    assert sorted(hrefs) == sorted(server.url + p for p in PAGES)


def test_the_404_page_s_search_opens_the_site_s_search_with_its_words(project_site, open_page):
    page = open_page().page
    page.goto(project_site.url + "timeline/no-such-entry/", wait_until="load")
    field = page.get_by_role("searchbox", name="Search for")
    field.fill("Baku")
    field.press("Enter")
    page.wait_for_url(project_site.url + "?q=Baku")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    assert page.locator("input.md-search__input").input_value() == "Baku"
    assert results.count() >= 1


def test_what_a_shared_link_names_answers(project_site, open_page):
    page = open_page().page
    for path in PAGES:
        page.goto(project_site.url + path)
        tags = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], link[rel=canonical]')]
            .map(e => [e.getAttribute('property') || 'canonical', e.content || e.href]))""")
        assert tags["og:url"] == tags["canonical"] == project_site.url + path == page.url
        image = page.request.get(tags["og:image"])
        assert image.status == 200 and image.headers["content-type"] == "image/png"
        assert image.body()[16:24] == (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")


def test_the_picture_of_time_s_links_are_in_the_accessibility_tree(project_site, open_page):
    """The picture is no image to a screen reader (an image's insides are one picture to it,
    not links): each mark is a named link, and nothing above it is an image."""
    page = open_page().page
    page.goto(project_site.url + "timeline/", wait_until="load")
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}

    def role(node) -> str:
        return node.get("role", {}).get("value", "")

    marks = {}
    for node in nodes:
        name = node.get("name", {}).get("value") or ""
        if role(node) == "link" and not node.get("ignored") and ": " in name:
            above, parent = [], node
            while parent.get("parentId"):
                parent = by_id[parent["parentId"]]
                above.append(role(parent))
            if "figure" in above:
                marks[name] = above
    titles = [e["title"] for e in DATA["events"]]
    assert [t for t in titles if any(t in name for name in marks)] == titles
    assert all("image" not in above and "img" not in above for above in marks.values()), marks
