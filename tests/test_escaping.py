"""Escaping holds by construction: a hostile string in any field of the data that reaches
a page or a download comes out as text, never as markup.

Every free-text field gets each payload of a build between markers of its own (`⟪ti` ...
`ti⟫` for an event's title and the first payload, `⟦ti` ... `ti⟧` for the second). The
scanner reads each built file as its reader would (an HTML parser that decodes entities, a
JSON parser, a CSV reader) and requires that whatever it finds between a field's markers is
that field's payload, character for character. A payload spliced in raw turns into
elements or attributes and is no longer there as text; one escaped twice reads as entities.
Each field's markers, for every payload, must reach every page and download that shows the
field, so the test cannot pass because a payload got lost on the way. Several payloads share
a build: a build takes far longer than scanning what it wrote.
"""
from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from scripts.check.run import check_file
from scripts.site import fragments
from scripts.site.common import Links, printable_links
from scripts.site.errors import render_error_panel, render_unavailable
from tests.conftest import REAL_DATA
from tests.site_helpers import build_in_process, copy_project

NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "' onmouseover='alert(3)",
    "</script><script>alert(4)</script>",
    "javascript:alert(5)",
    "&lt;b&gt; &amp;",  # escaped once, it must read as these entities, not as "<b> &"
    "{} {0} {{x}} {name}",  # a Markup template made from the data would fill these in, or fail
    "<",
]
ALL_AT_ONCE = "".join(NASTY)
# Each payload of a build has brackets of its own around the field's code, so the scanner
# knows which payload it must find between them. Brackets rather than a letter more: the
# short title has room for 32 characters, markers included.
BRACKETS = ("⟪⟫", "⟦⟧", "⦃⦄", "⦅⦆", "⦇⦈", "⦉⦊", "⦋⦌", "⦍⦎", "⦏⦐", "⦑⦒", "⦓⦔")
OPENING, CLOSING = "".join(b[0] for b in BRACKETS), "".join(b[1] for b in BRACKETS)


@dataclass(frozen=True)
class Field:
    code: str
    what: str
    shown_in: tuple[str, ...]  # the site's files that show it, each of which the markers must reach

    def start(self, n: int = 0) -> str:
        """The start marker of the build's payload `n`."""
        return f"{BRACKETS[n][0]}{self.code}"

    def end(self, n: int = 0) -> str:
        # It begins with a letter, so a lone "<" spliced in raw before it would open a tag.
        return f"{self.code}{BRACKETS[n][1]}"

    def marked(self, payload: str, n: int = 0) -> str:
        return f"{self.start(n)}{payload}{self.end(n)}"


TIMELINE, FIGURES, SOURCE, DATA, METHOD, HOME = "timeline/index.html", "figures/index.html", "source/index.html", "data/index.html", "method/index.html", "index.html"
JSON, EVENTS_CSV, FIGURES_CSV, PACKAGE, ANNOTATIONS = ("downloads/timeline.json", "downloads/events.csv", "downloads/figures.csv",
                                                       "downloads/datapackage.json", "downloads/annotations.jsonld")
FIELDS = [
    # The title is in the picture of time on the home page and the timeline (the narrow one's labels).
    Field("ti", "events[].title", (HOME, TIMELINE, FIGURES, SOURCE, JSON, EVENTS_CSV, ANNOTATIONS)),
    Field("st", "events[].short_title", (TIMELINE, JSON)),  # the wide picture's labels
    Field("su", "events[].summary", (TIMELINE, JSON, EVENTS_CSV)),
    Field("dr", "events[].inferred.reason", (TIMELINE,)),
    Field("pr", "events[].places[].inferred.reason", (TIMELINE,)),  # the timeline's "Where" line
    Field("fl", "figures[].label", (HOME, TIMELINE, FIGURES, SOURCE, METHOD, JSON, FIGURES_CSV, ANNOTATIONS)),
    Field("an", "relations[].acknowledged.note", (FIGURES, JSON)),
    Field("rr", "relations[].reason", (FIGURES, JSON)),  # the editors' reason, beside basis: editors
    Field("lo", "left_out[].reason", (DATA, SOURCE)),  # the Source page's marks and its list of what is left out
    Field("fs", "figures[].start.inferred.reason", (FIGURES, JSON)),  # the time a figure counts
    Field("fa", "figures[].as_of.inferred.reason", (FIGURES, JSON)),
    Field("pu", "sources[].publisher", (HOME, TIMELINE, FIGURES, SOURCE, DATA, JSON, PACKAGE)),
    Field("de", "sources[].description", (HOME,)),
    Field("ur", "sources[].url", (PACKAGE,)),
    Field("sr", "sources[].published.inferred.reason", (HOME,)),
]
BY_CODE = {f.code: f for f in FIELDS}
MARKER = re.compile(f"([{OPENING}])([a-z]{{2}})|([a-z]{{2}})[{CLOSING}]")
SHORT_TITLE_ROOM = 32  # the schema's maxLength

# A place inferred from another passage: this event's quote does not name Baku; the passage does.
PLACE_EVENT = "deaths-before-emergency-announced"
PLACE_PASSAGE = "deployed to Baku and several regions of Azerbaijan"


def hostile_data(data: dict, payloads: list[str]) -> dict[tuple[str, int], str]:
    """Put each of `payloads`, between its own markers, into every free-text field of `data`
    that reaches a page or a download; returns what each field holds between the markers of
    each payload, by (field's code, payload's number). The short title has room for one
    payload, cut to fit: the events take them in turn. Words the checker compares with the
    source (quotes, sources' titles, place names) are left alone: it would refuse others."""
    short = BY_CODE["st"]
    written = {}
    for n, payload in enumerate(payloads):
        written.update({(f.code, n): payload for f in FIELDS})
        written["st", n] = payload[: SHORT_TITLE_ROOM - len(short.start(n)) - len(short.end(n))]
        # A summary may write no number its entry's quotes do not (F603): its payload spells none.
        written["su", n] = payload.translate(str.maketrans("0123456789", "abcdefghij"))

    def marks(code: str) -> list[str]:
        return [BY_CODE[code].marked(written[code, n], n) for n in range(len(payloads))]

    def add(text: str, code: str) -> str:
        return " ".join([text, *marks(code)])

    assert len(payloads) <= min(len(BRACKETS), len(data["events"])), "each payload needs its brackets and an event's short title"
    assert PLACE_EVENT in [e["id"] for e in data["events"]], "the place inferred for this test needs its event"
    for index, event in enumerate(data["events"]):
        event["title"] = add(event["title"], "ti")
        n = index % len(payloads)
        event["short_title"] = short.marked(written["st", n], n)
        event["summary"] = add(event["summary"], "su")
        if "inferred" in event:
            event["inferred"]["reason"] = add(event["inferred"]["reason"], "dr")
        if event["id"] == PLACE_EVENT:
            assert "places" not in event and "Baku" not in event["quote"]
            event["places"] = [{"name": "Baku", "inferred": {"from": PLACE_PASSAGE, "reason": add("The deaths are told as part of that deployment.", "pr")}}]
    for figure in data["figures"]:
        figure["label"] = add(figure["label"], "fl")
        for span, code in (("start", "fs"), ("as_of", "fa")):
            if isinstance(figure[span], dict) and "inferred" in figure[span]:
                figure[span]["inferred"]["reason"] = add(figure[span]["inferred"]["reason"], code)
    for relation in data["relations"]:
        if "acknowledged" in relation:
            relation["acknowledged"]["note"] = add(relation["acknowledged"]["note"], "an")
        if "reason" in relation:
            relation["reason"] = add(relation["reason"], "rr")
    for entry in data["left_out"]:
        entry["reason"] = add(entry["reason"], "lo")
    for source in data["sources"]:
        source["publisher"] = add(source["publisher"], "pu")
        source["description"] = add(source.get("description", "About it."), "de")
        source["url"] = "https://example.org/" + "/".join(marks("ur"))
        if "inferred" in source["published"]:
            source["published"]["inferred"]["reason"] = add(source["published"]["inferred"]["reason"], "sr")
    return written


def hostile_project(into: Path, payloads: list[str]) -> tuple[Path, dict[tuple[str, int], str]]:
    project = copy_project(into)
    path = project / "data" / "timeline.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    written = hostile_data(data, payloads)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return project, written


# --- the scanner -------------------------------------------------------------------------------


def between_markers(text: str, written: dict[tuple[str, int], str], spaces: str = "exact") -> list[str]:
    """What is wrong in one piece of decoded text: each start marker must be followed by its
    field's payload and its end marker, and no marker may stand alone. `spaces`: "exact";
    "collapsed" where the picture of time breaks a label into lines at spaces; "dropped" in
    the search index, which joins those lines without one."""
    problems, at = [], 0
    while found := MARKER.search(text, at):
        opening, code = found.group(1, 2)
        key = (code, OPENING.index(opening)) if opening else None
        if key not in written:
            what = "an end marker without its start" if key is None else "a start marker of no payload written"
            problems.append(f"{what}: …{text[max(0, found.start() - 60):found.end()]!r}")
            at = found.end()
            continue
        field, n = BY_CODE[key[0]], key[1]
        end = text.find(field.end(n), found.end())
        if end < 0:
            problems.append(f"{field.what}: no end marker after {text[found.start():found.start() + 80]!r}…")
            break
        inside, expected = text[found.end():end], written[key]
        if spaces != "exact":
            joiner = " " if spaces == "collapsed" else ""
            inside, expected = joiner.join(inside.split()), joiner.join(expected.split())
        if inside != expected:
            problems.append(f"{field.what}, payload {n}: reads {inside!r} where the data has {expected!r}")
        at = end + len(field.end(n))
    return problems


class _Read(HTMLParser):
    """HTML as a browser reads it: the text (a space at each tag), the attributes' values and
    the scripts' contents, with entities decoded where a browser decodes them."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: tuple[dict, list[str]] | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.text.append(" ")
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_startendtag(self, tag, attrs):
        self.text.append(" ")
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag):
        self.text.append(" ")
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def handle_data(self, data):
        (self._script[1] if self._script is not None else self.text).append(data)


def scan_html(markup: str, written: dict[tuple[str, int], str], spaces: str = "collapsed") -> list[str]:
    read = _Read(markup)
    text = "".join(read.text)
    problems = between_markers(text, written, spaces)
    found = len(MARKER.findall(text))
    for tag, name, value in read.attributes:
        problems += [f"<{tag} {name}=…>: {p}" for p in between_markers(value, written)]
        found += len(MARKER.findall(value))
        if name in ("href", "src", "action", "formaction", "xlink:href") and value.strip().lower().startswith("javascript:"):
            problems.append(f"<{tag} {name}={value!r}>: a javascript: address")
    for attrs, content in read.scripts:
        found += len(MARKER.findall(content))
        if attrs.get("type") == "application/ld+json":
            if "<" in content:
                problems.append("the JSON-LD holds a '<', which could end its <script> element")
            try:
                problems += [f"JSON-LD: {p}" for p in scan_json(json.loads(content), written)]
            except json.JSONDecodeError as error:
                problems.append(f"the JSON-LD is not JSON ({error}): its element was cut short")
        elif MARKER.search(content):
            problems.append(f"a script holds the data: {content[:120]!r}")
    # A marker that the reader finds in no text, value or script has become part of a tag.
    if found != len(MARKER.findall(markup)):
        problems.append(f"{len(MARKER.findall(markup))} markers in the markup, {found} read as text")
    return problems


def strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def scan_json(value, written: dict[tuple[str, int], str]) -> list[str]:
    return [p for text in strings(value) for p in between_markers(text, written)]


def scan_csv(text: str, written: dict[tuple[str, int], str]) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    problems = [f"row {n} has {len(row)} cells, the header {len(rows[0])}" for n, row in enumerate(rows) if len(row) != len(rows[0])]
    return problems + [p for row in rows for cell in row for p in between_markers(cell, written)]


def scan_site(site: Path, data_file: Path, written: dict[tuple[str, int], str]) -> dict[str, list[str]]:
    """Every file of the built site that holds a marker, with what is wrong in it."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        raw = path.read_bytes()
        if not MARKER.search(raw.decode("utf-8", errors="replace")):
            continue
        text = raw.decode("utf-8")
        if name == "downloads/timeline.yaml":
            # The data file as the editors write it, offered byte for byte: YAML, not markup.
            found[name] = [] if raw == data_file.read_bytes() else ["differs from the data file"]
        elif name == "search/search_index.json":
            # The search plugin's copy of each page's text is HTML, which it shows as HTML.
            found[name] = [p for s in strings(json.loads(text)) for p in scan_html(s, written, spaces="dropped")]
        elif path.suffix == ".html":
            found[name] = scan_html(text, written)
        elif path.suffix in (".json", ".jsonld"):
            found[name] = scan_json(json.loads(text), written)
        elif path.suffix == ".csv":
            found[name] = scan_csv(text, written)
        else:
            found[name] = ["holds the data, in a form this test does not read"]
    return found


def build_and_scan(into: Path, payloads: list[str]) -> None:
    project, written = hostile_project(into / "project", payloads)
    data_file = project / "data" / "timeline.yaml"
    site = into / "site"
    # The build checks the data first (the checker's own check_file) and stops on any error.
    built = build_in_process(project, site)
    assert built.ok, built.log[-3000:]
    found = scan_site(site, data_file, written)
    problems = {name: p[:5] for name, p in found.items() if p}
    assert problems == {}, f"payloads {payloads!r}"
    shown = {name: (site / name).read_text(encoding="utf-8") for f in FIELDS for name in f.shown_in}
    for f in FIELDS:
        for name in f.shown_in:
            reached = {n for n in range(len(payloads)) if f.start(n) in shown[name]}
            assert reached, f"{f.what} does not reach {name}"
            # An event's short title holds one payload, and the wide picture labels few events
            # with their own: test_a_short_title_in_the_wide_picture_... draws it with each.
            if (f.code, name) != ("st", TIMELINE):
                assert reached == set(range(len(payloads))), f"{f.what}: payloads {set(range(len(payloads))) - reached} do not reach {name}"
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert {HOME, TIMELINE, FIGURES, SOURCE, DATA, METHOD} <= pages and {HOME, TIMELINE, FIGURES, SOURCE, DATA, METHOD} <= set(found)


# --- the site, built from hostile data -----------------------------------------------------------


@pytest.mark.build
def test_every_nasty_payload_in_every_field_comes_out_as_text(tmp_path):
    """All of them at once in one pair of markers, and each in its own: one build."""
    build_and_scan(tmp_path, [ALL_AT_ONCE, *NASTY])


# Characters that mean something to HTML, JSON, CSV, YAML or a format string, and some that do not.
PAYLOAD = st.text(st.sampled_from(list("<>&\"'/=;:{}[]()!?#%\\`,*|-_.@$ \t\n") + list("aXz0éə–’“")), min_size=1, max_size=26)


@pytest.mark.build
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payloads=st.lists(PAYLOAD, min_size=1, max_size=6))
def test_any_payloads_in_every_field_come_out_as_text(tmp_path_factory, payloads):
    build_and_scan(tmp_path_factory.mktemp("hostile"), payloads)


# --- the renderers, and the scanner itself -----------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    checked = check_file(str(REAL_DATA))
    assert checked.ok
    return checked


def wide_picture_scan(real, payload: str) -> list[str]:
    """What is wrong in the timeline page's picture drawn with `payload` as every event's short
    title (cut to fit): the label a build shows with one payload, shown with any."""
    short = BY_CODE["st"]
    written = {("st", 0): payload[: SHORT_TITLE_ROOM - len(short.start()) - len(short.end())]}
    events = [dataclasses.replace(e, short_title=short.marked(written["st", 0])) for e in real.dataset.events]
    checked = dataclasses.replace(real, dataset=dataclasses.replace(real.dataset, events=events))
    picture = fragments.FRAGMENTS["time-picture"](checked, Links())
    assert short.start() in picture, "no label shows a short title"
    return scan_html(f"<body>{picture}</body>", written)


@pytest.mark.parametrize("payload", [ALL_AT_ONCE, *NASTY], ids=["all-at-once", *(f"nasty-{n}" for n in range(len(NASTY)))])
def test_a_short_title_in_the_wide_picture_comes_out_as_text(real, payload):
    assert wide_picture_scan(real, payload) == []


@settings(max_examples=10, deadline=None)
@given(payload=PAYLOAD)
def test_any_short_title_in_the_wide_picture_comes_out_as_text(real, payload):
    assert wide_picture_scan(real, payload) == []


@pytest.mark.parametrize("name", list(fragments.FRAGMENTS))
def test_every_fragment_is_markup(real, name):
    assert isinstance(fragments.FRAGMENTS[name](real, Links()), Markup), name


def test_what_stands_in_for_a_fragment_is_markup():
    assert isinstance(render_unavailable('"><x>'), Markup) and '"><x>' not in render_unavailable('"><x>')


def test_the_error_panel_joins_the_page_without_escaping_it(tmp_path):
    """The hook writes the panel before the page's own HTML, which it marks as markup."""
    bad = tmp_path / "timeline.yaml"
    bad.write_text("events: [\n", encoding="utf-8")
    panel = render_error_panel(check_file(str(bad)).diagnostics)
    assert isinstance(panel, Markup) and 'class="bj-errors"' in panel
    assert (panel + Markup("<p>The page</p>")).endswith("<p>The page</p>")


@pytest.mark.parametrize("kind", [str, Markup])
def test_links_made_printable_keep_their_type(kind):
    page = kind('<p><a class="x" href="../figures/#a&amp;b">f</a> <a href="#here">h</a></p>')
    made = printable_links(page, "timeline/", 'https://example.org/"x')
    assert type(made) is kind
    assert made == '<p><a class="x" data-print="https://example.org/&#34;x/figures/#a&amp;b" href="../figures/#a&amp;b">f</a> <a href="#here">h</a></p>'


def test_a_str_that_meets_markup_is_escaped():
    """Why the renderers return Markup: joined to it, a plain str is escaped, never spliced in."""
    assert Markup("<p>{}</p>").format(NASTY[1]) == "<p>&#34;&gt;&lt;img src=x onerror=alert(2)&gt;</p>"
    assert Markup("<b>") + "<i>" == "<b>&lt;i&gt;"
    assert Markup("").join(["<", Markup("<br>")]) == "&lt;<br>"
    assert Markup("<p>{}</p>").format(NASTY[6]) == "<p>{} {0} {{x}} {name}</p>"


SPLICES = {
    "f-string in text": lambda marked: f"<p>{marked}</p>",
    "f-string in an attribute": lambda marked: f'<p title="{marked}">x</p>',
    "escaped twice": lambda marked: f"<p>{html.escape(html.escape(marked))}</p>",
    "JSON in a script, '<' left as it is": lambda marked: f'<script type="application/ld+json">{json.dumps({"name": marked}, ensure_ascii=False)}</script>',
}
# Which splice each payload breaks: "javascript:" only harms an address, "{}" only a template.
BROKEN_BY = {
    NASTY[0]: ("f-string in text", "escaped twice", "JSON in a script, '<' left as it is"),
    NASTY[1]: ("f-string in text", "f-string in an attribute", "escaped twice", "JSON in a script, '<' left as it is"),
    NASTY[2]: ("escaped twice",),  # the templates quote attributes with ", so ' cannot end one
    NASTY[3]: ("f-string in text", "escaped twice", "JSON in a script, '<' left as it is"),
    NASTY[4]: (),
    NASTY[5]: ("f-string in text", "f-string in an attribute", "escaped twice"),  # it would read as "<b> &"
    NASTY[6]: (),
    NASTY[7]: ("f-string in text", "escaped twice", "JSON in a script, '<' left as it is"),  # the JSON-LD holds no "<" at all
}


@pytest.mark.parametrize("payload", NASTY, ids=[f"nasty-{n}" for n in range(len(NASTY))])
def test_the_scanner_finds_a_payload_spliced_in_and_passes_it_escaped(payload):
    """The test can fail: each way the old f-strings could let a payload through is found,
    and the same payload through a Markup template is not."""
    written = {(f.code, 0): payload for f in FIELDS}
    marked = BY_CODE["ti"].marked(payload)
    escaped = Markup('<p title="{}">{}</p>').format(marked, marked)
    assert scan_html(f"<body>{escaped}</body>", written) == []
    for name, splice in SPLICES.items():
        found = scan_html(f"<body>{splice(marked)}</body>", written)
        assert bool(found) == (name in BROKEN_BY[payload]), (name, found)


def test_the_scanner_finds_an_address_a_template_and_a_broken_row():
    assert scan_html(f'<a href="{NASTY[4]}">x</a>', {}) != []
    marked = BY_CODE["ti"].marked("{{x}}")
    assert scan_html(Markup(f"<p>{marked}</p>").format(), {("ti", 0): "{{x}}"}) != []  # read as "{x}"
    assert scan_html(Markup("<p>{}</p>").format(marked), {("ti", 0): "{{x}}"}) == []
    assert scan_csv(f"a,b\n1,{BY_CODE['ti'].marked('x,y')}\n", {("ti", 0): "x,y"}) != []
    assert scan_csv(f'a,b\n1,"{BY_CODE["ti"].marked("x,y")}"\n', {("ti", 0): "x,y"}) == []


def test_the_scanner_tells_the_payloads_of_a_build_apart():
    """One payload's markers around another's, or around nothing the data wrote, are found."""
    title = BY_CODE["ti"]
    written = {("ti", 0): "<", ("ti", 1): "&lt;"}
    assert scan_html(f"<p>{title.marked('&lt;', 0)} {title.marked('&amp;lt;', 1)}</p>", written) == []
    assert scan_html(f"<p>{title.marked('&amp;lt;', 0)} {title.marked('&lt;', 1)}</p>", written) != []
    assert scan_html(f"<p>{title.marked('&lt;', 2)}</p>", written) != []
    assert scan_html(f"<p>{title.start(1)}&lt;{title.end(0)}</p>", written) != []


def test_the_hostile_copy_passes_the_checker_with_its_inferred_place(tmp_path):
    payloads = [ALL_AT_ONCE, *NASTY]
    project, written = hostile_project(tmp_path / "project", payloads)
    checked = check_file(str(project / "data" / "timeline.yaml"))
    assert checked.ok, [str(d) for d in checked.errors]
    event = next(e for e in checked.dataset.events if e.id == PLACE_EVENT)
    assert [(p.name, p.inferred.from_quote) for p in event.places] == [("Baku", PLACE_PASSAGE)]
    for n in range(len(payloads)):
        assert BY_CODE["pr"].marked(written["pr", n], n) in event.places[0].inferred.reason
