"""The public address, from where the site is published, and links that share well.

mkdocs.yml takes `site_url` from SITE_URL, which the workflow sets to the Pages address.
With it: canonical links, a sitemap of every page, absolute og:url, og:image, JSON-LD ids,
printed link targets and annotation links, and a 404 page whose every address starts at
the site's sub-path. Without it (unset or empty, as on a pull request, or `make serve`):
the site at the root, nothing absolute. Every page has its own description and the same
sharing tags, and one preview image, a PNG of 1200×630 drawn from the data."""
from __future__ import annotations

import json
import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from markupsafe import Markup

from scripts.check.run import check_file
from scripts.site import page_meta, preview_card
from tests.audit.published import PAGES, build_at
from tests.conftest import FIXTURES, REAL_DATA, ROOT

pytestmark = pytest.mark.build

ADDRESS = "https://example.org/black-january/"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SITE_NAME = "Black January, 1990: a checked timeline"


@pytest.fixture(scope="module")
def addressed(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("addressed")
    result = build_at(ROOT, site, ADDRESS)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def unaddressed(tmp_path_factory) -> Path:
    """Built as the workflow builds a pull request: SITE_URL set, and empty."""
    site = tmp_path_factory.mktemp("unaddressed")
    result = build_at(ROOT, site, "")
    assert result.returncode == 0, result.stderr
    return site


class Head(HTMLParser):
    """A page's <title>, <meta> and <link> elements, its JSON-LD, its links' print targets."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.prints: list[str] = []
        self.hrefs: list[tuple[str, str]] = []  # (tag, address) of every link, stylesheet, script and form
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title" and not self.title:
            self._in = "title"
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(attrs.get("content", ""))
        elif tag == "link" and "rel" in attrs:
            self.links[attrs["rel"]] = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json-ld"
            self.json_ld.append("")
        if "data-print" in attrs:
            self.prints.append(attrs["data-print"])
        for name in ("href", "src", "action"):
            if name in attrs:
                self.hrefs.append((tag, attrs[name]))

    def handle_endtag(self, tag):
        if tag in ("title", "script"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json-ld":
            self.json_ld[-1] += data

    def one(self, name: str) -> str:
        values = self.meta.get(name, [])
        assert len(values) == 1, f"{name}: {values}"
        return values[0]


def head(site: Path, page: str) -> Head:
    return Head((site / page / "index.html").read_text(encoding="utf-8"))


# --- with the public address ------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_each_page_names_its_own_address_in_full(addressed, page):
    found = head(addressed, page)
    assert found.links["canonical"] == ADDRESS + page
    assert found.one("og:url") == ADDRESS + page
    assert found.one("og:image") == ADDRESS + "assets/preview.png"


def test_the_sitemap_lists_every_page_and_only_pages(addressed):
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ElementTree.parse(addressed / "sitemap.xml").getroot().findall("s:url/s:loc", names)]
    assert sorted(locations) == sorted(ADDRESS + page for page in PAGES)
    built = sorted(str(p.parent.relative_to(addressed)).replace(".", "") for p in addressed.glob("**/index.html") if p.parent.name != "search")
    assert [p.rstrip("/") for p in sorted(PAGES)] == built, "a page is missing from PAGES, so from these tests"


def test_the_json_ld_ids_are_entries_on_the_timeline_page_in_full(addressed):
    found = head(addressed, "timeline/")
    (text,) = found.json_ld
    items = [entry["item"] for entry in json.loads(text)["itemListElement"]]
    ids = set(re.findall(r' id="([^"]+)"', (addressed / "timeline" / "index.html").read_text(encoding="utf-8")))
    assert items and all(item["@id"].startswith(ADDRESS + "timeline/#") for item in items)
    assert {item["@id"].partition("#")[2] for item in items} <= ids


def test_printed_links_and_the_annotations_are_written_in_full(addressed):
    for page in PAGES:
        prints = head(addressed, page).prints
        assert all(p.startswith(ADDRESS) for p in prints), [p for p in prints if not p.startswith(ADDRESS)]
    assert head(addressed, "").prints and head(addressed, "timeline/").prints
    annotations = json.loads((addressed / "downloads" / "annotations.jsonld").read_text(encoding="utf-8"))
    items = annotations.get("first", {}).get("items") or annotations.get("items") or []
    assert items
    for annotation in items:
        assert annotation["id"].startswith(ADDRESS + "downloads/annotations.jsonld#")
        assert annotation["target"]["source"].startswith(ADDRESS + "downloads/sources/")
        assert annotation["body"][1]["id"].startswith(ADDRESS)


def test_the_404_page_writes_every_address_from_the_sub_path(addressed):
    page = Head((addressed / "404.html").read_text(encoding="utf-8"))
    local = [(tag, href) for tag, href in page.hrefs if not re.match(r"[a-z]+:", href) and not href.startswith("#")]
    assert local and all(href.startswith("/black-january/") for _, href in local), local
    targets = {href for tag, href in local if tag in ("a", "form")}
    assert {"/black-january/", "/black-january/timeline/"} <= targets
    assert ("link", "/black-january/assets/stylesheets/" + next(
        p.name for p in (addressed / "assets" / "stylesheets").glob("main.*.min.css"))) in page.hrefs
    assert page.title == f"Page not found - {SITE_NAME}"


# --- without one -------------------------------------------------------------------------

def test_without_an_address_nothing_is_absolute_and_the_site_is_at_the_root(unaddressed):
    for page in PAGES:
        found = head(unaddressed, page)
        assert "canonical" not in found.links and "og:url" not in found.meta
        image = found.one("og:image")
        assert not image.startswith(("http:", "https:", "/")) and (unaddressed / page / image).resolve() == (unaddressed / "assets" / "preview.png")
        assert all(p.startswith("/") for p in found.prints)
    items = json.loads(head(unaddressed, "timeline/").json_ld[0])["itemListElement"]
    assert all(entry["item"]["@id"].startswith("#") for entry in items)
    assert "<url>" not in (unaddressed / "sitemap.xml").read_text(encoding="utf-8")
    not_found = Head((unaddressed / "404.html").read_text(encoding="utf-8"))
    assert ("a", "/timeline/") in not_found.hrefs and ("form", "/") in not_found.hrefs
    assert all(href.startswith("/") for tag, href in not_found.hrefs if tag == "link" and not href.startswith("http"))


# --- links that share well ---------------------------------------------------------------

def test_every_page_has_its_tags_and_its_own_description(addressed):
    descriptions = {}
    for page in PAGES:
        found = head(addressed, page)
        description = found.one("description")
        assert found.one("og:description") == description and len(description) >= 50
        assert found.one("og:title") == found.title
        assert found.one("og:type") == "website" and found.one("og:site_name") == SITE_NAME
        assert found.one("twitter:card") == "summary_large_image"
        assert (found.one("og:image:width"), found.one("og:image:height"), found.one("og:image:type")) == ("1200", "630", "image/png")
        assert found.one("og:image:alt")
        descriptions[page] = description
    assert len(set(descriptions.values())) == len(PAGES), descriptions


def test_titles_use_one_separator(addressed):
    titles = [head(addressed, page).title for page in PAGES] + [Head((addressed / "404.html").read_text(encoding="utf-8")).title]
    assert titles[0] == SITE_NAME
    for title in titles[1:]:
        name, separator, site = title.partition(" - ")
        assert separator and site == SITE_NAME and name and "—" not in title, title


def test_the_front_matter_gives_each_page_a_description_in_plain_words():
    import yaml

    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\n"), page.name
        meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
        description = meta["description"]
        # Plain: no markup, no Markdown, and no number of the data's (a count, a figure, a
        # date), which the page's own words would then state, and which would go stale;
        # the home page names the days the site is about, as the site's description does.
        assert isinstance(description, str) and 50 <= len(description) <= 220, page.name
        assert not re.search(r"[<>*_`\[\]]", description), (page.name, description)
        assert not re.search(r"\b\d", description.replace("19–20 January 1990", "")), (page.name, description)


def png_size_after_decoding(data: bytes) -> tuple[int, int]:
    """The PNG's width and height, after reading every chunk (each CRC checked) and
    inflating its pixels: an image that does not decode raises."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, chunks = 8, []
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        assert struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0] == zlib.crc32(kind + body), kind
        chunks.append((kind, body))
        at += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    pixels = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    assert len(pixels) == height * (1 + (width * channels * depth + 7) // 8)
    return width, height


def test_the_preview_image_decodes_at_1200_by_630(addressed, unaddressed):
    for site in (addressed, unaddressed):
        assert png_size_after_decoding((site / "assets" / "preview.png").read_bytes()) == (1200, 630)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # to look at: CI keeps this folder
    (SCREENSHOTS / "preview-card.png").write_bytes((addressed / "assets" / "preview.png").read_bytes())


def test_the_card_is_drawn_from_the_data_in_concrete_colours():
    dataset = check_file(str(REAL_DATA)).dataset
    svg = str(preview_card.card_svg(dataset, SITE_NAME))
    assert "var(" not in svg and "class=" not in svg  # resvg reads neither the site's CSS nor its custom properties
    assert f"{len(dataset.events)} events" in svg
    # Every mark of the picture of time, one shape an event (no event is grouped here).
    assert svg.count("<circle") + svg.count("<polygon") == len(dataset.events)
    assert svg.count("Black January, 1990") == 1 and "a checked timeline" in svg


def test_the_card_s_words_stay_inside_it():
    dataset = check_file(str(REAL_DATA)).dataset
    for name in (SITE_NAME, "A much longer name for a site, which the card must wrap: and a subtitle that runs on and on past one line"):
        svg = str(preview_card.card_svg(dataset, name))
        for x, size, bold, words in re.findall(r'<text x="([\d.]+)" y="[\d.]+" font-size="(\d+)"( font-weight="bold")?[^>]*>([^<]*)</text>', svg):
            if float(size) > 12:  # the picture's own ticks are placed by its layout and scaled with it
                assert float(x) + preview_card.measured_width(Markup(words).unescape(), float(size), bool(bold)) <= 1200 - 40, words


def test_the_card_renders_the_same_bytes_twice():
    dataset = check_file(str(FIXTURES / "valid.yaml")).dataset
    first = preview_card.preview_png(dataset, SITE_NAME)
    assert first == preview_card.preview_png(dataset, SITE_NAME)
    assert png_size_after_decoding(first) == (1200, 630)


def test_share_tags_escape_what_they_are_given():
    meta = page_meta.page_meta("timeline/", 'A "quoted" <b>title</b>', "Words & <i>more</i>", SITE_NAME, None)
    made = str(page_meta.render_head(meta, SITE_NAME))
    assert "<b>" not in made and "<i>" not in made and "&#34;quoted&#34;" in made and "Words &amp; &lt;i&gt;" in made
    assert 'content="../assets/preview.png"' in made and "og:url" not in made


@pytest.mark.parametrize("path, address, image, url", [
    ("", None, "assets/preview.png", None),
    ("timeline/", None, "../assets/preview.png", None),
    ("timeline/", "https://example.org/x", "https://example.org/x/assets/preview.png", "https://example.org/x/timeline/"),
    ("", "https://example.org/x/", "https://example.org/x/assets/preview.png", "https://example.org/x/"),
])
def test_page_meta_gives_addresses_in_full_only_with_the_site_s(path, address, image, url):
    meta = page_meta.page_meta(path, "Page", "Words", SITE_NAME, address)
    assert (meta.image, meta.url) == (image, url)
    assert page_meta.page_meta(path, "Home", "Words", SITE_NAME, address, is_home=True).title == SITE_NAME
    assert meta.title == f"Page - {SITE_NAME}"
