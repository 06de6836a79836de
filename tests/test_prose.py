"""The pages' hand-written words state no fact of their own: every number and date in the
published Markdown (docs/*.md, their descriptions, and the site's name and description in
mkdocs.yml) is in the data, or is a number of the method itself, listed below with its
reason. Code (the guide's examples of what an editor writes) is left aside: it quotes the
data's format, not the events. The words the data gives rise to are generated, and
attributed, by scripts/site/."""
from __future__ import annotations

import html.parser
import re

import markdown
import pytest
import yaml

from scripts.check.run import check_file
from scripts.model.dates import DateValue
from scripts.text.date_mentions import mentions
from scripts.text.numbers import COUNT, DECADE, DECIMAL, ORDINAL, TIME, numbers
from tests.conftest import REAL_DATA, ROOT

DOCS = ROOT / "docs"
EXTENSIONS = ["toc", "attr_list", "admonition", "tables"]  # mkdocs.yml's

# The numbers the pages' own words use that are not the events', by page, each written as
# on the page, with why it is there. Nowhere else is such a word allowed.
METHOD_NUMBERS = {
    "method.md": {
        "one": "one message for one mistake, one place for a quote: how the checker counts, not the events",
        "two": "the method's own counts: two commands, two of an editor's choices",
        "eight": "the guide's example of a number written in words",
        "first": "the first passage, the first error: the order the checker works in",
        "256": "SHA-256, the name of the hash that pins each source",
        "0": "the checker's exit status when the data is clean",
        "1": "the checker's exit status when the data has errors",
        "2": "the checker's exit status when the command is wrong",
        "32": "the most characters a short title may have (the schema's maxLength; tested below)",
        "five": "the guide's common mistakes, each shown with what the checker says",
    },
    "figures.md": {
        "two": "two counts of the same thing: what an equal relation is",
    },
}


class _Text(html.parser.HTMLParser):
    """The text a reader sees, without code: <pre> and <code> hold examples of the format."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("pre", "code"):
            self._in_code += 1

    def handle_endtag(self, tag):
        if tag in ("pre", "code"):
            self._in_code -= 1
        elif tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "div", "tr"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._in_code:
            self.parts.append(data)


def reader_text(markdown_text: str) -> str:
    parser = _Text()
    parser.feed(markdown.markdown(markdown_text, extensions=EXTENSIONS))
    return "".join(parser.parts)


def published_prose() -> dict[str, str]:
    """Each page's prose as a reader sees it (its description included), and the site's own."""
    prose = {}
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        front, body = {}, text
        if text.startswith("---\n"):
            head, _, body = text[4:].partition("\n---\n")
            front = yaml.safe_load(head) or {}
        prose[page.name] = "\n".join([front.get("description", ""), reader_text(body)])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoringTags)
    prose["mkdocs.yml"] = "\n".join([config["site_name"], config["site_description"]])
    return prose


class _IgnoringTags(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name) stand for values this test does not need."""


_IgnoringTags.add_multi_constructor("", lambda loader, suffix, node: None)


def data_dates(dataset) -> set[tuple]:
    spans = {(e.date.value.earliest(), e.date.value.latest()) for e in dataset.events}
    return spans | {(s.published.value.earliest(), s.published.value.latest()) for s in dataset.sources}


def unsupported(text: str, dataset, page: str = "") -> list[str]:
    """Each number or date of `text` the data does not hold and `page`'s list does not name."""
    dates, values = data_dates(dataset), {f.value for f in dataset.figures}
    found, in_dates = [], set()
    for mention in mentions(text):
        in_dates.update(range(mention.begin, mention.stop))
        value = DateValue(mention.start, mention.end)
        if (value.earliest(), value.latest()) not in dates:
            found.append(f"the date {text[mention.begin:mention.stop]!r}")
    for number in numbers(text):
        written = text[number.begin:number.stop]
        if number.begin in in_dates or written.lower() in METHOD_NUMBERS.get(page, {}):
            continue
        if number.kind != COUNT or number.value not in values:
            found.append(f"the {number.kind} {written!r}")
    return found


@pytest.fixture(scope="module")
def real():
    result = check_file(str(REAL_DATA))
    assert result.ok, result.errors
    return result.dataset


@pytest.mark.parametrize("page", published_prose())
def test_the_page_states_no_number_or_date_the_data_lacks(real, page):
    assert unsupported(published_prose()[page], real, page) == []


def test_the_short_title_limit_the_guide_names_is_the_schema_s():
    schema = yaml.safe_load((ROOT / "data" / "timeline.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["event"]["properties"]["short_title"]["maxLength"] == 32
    assert "most 32 characters" in (DOCS / "method.md").read_text(encoding="utf-8")


def test_a_date_or_a_count_the_data_lacks_is_named(real):
    text = reader_text("On **22 January 1990** some *300* people; in code, `999` and `2 March 1991` are examples.")
    assert unsupported(text, real) == ["the date '22 January 1990'", "the count '300'"]
    assert unsupported(reader_text("On 19–20 January 1990, 147 people."), real) == []
    assert unsupported(reader_text("The troops killed two people."), real, "method.md") == []
    assert unsupported(reader_text("The troops killed two people."), real, "index.md") == ["the count 'two'"]


def _guide_section(start: str, stop: str) -> str:
    text = (DOCS / "method.md").read_text(encoding="utf-8")
    return text[text.index(start):text.index(stop)]


def test_every_date_form_the_guide_lists_is_read_as_one_date():
    table = _guide_section("| Form | Example | Writes |", "A slashed date")
    examples = [example for row in table.strip().split("\n")[2:] for example in re.findall(r"`([^`]+)`", row.split("|")[2])]
    assert len(examples) == 17
    for example in examples:
        (mention,) = mentions(example)
        digits = [i for i, character in enumerate(example) if character.isdigit()]
        assert mention.begin <= digits[0] and digits[-1] < mention.stop, example


def test_every_number_form_the_guide_lists_is_read_as_its_kind():
    paragraph = _guide_section("A figure's value is a count", "Where a quote runs over")
    listed = re.findall(r"(digits|words|ordinal|decimal|decade|time) \(([^)]*)\)", paragraph.replace("\n", " "))
    kinds = {"digits": COUNT, "words": COUNT, "ordinal": ORDINAL, "decimal": DECIMAL, "decade": DECADE, "time": TIME}
    assert [name for name, _ in listed] == ["digits", "words", "ordinal", "decimal", "decade", "time"]
    for name, examples in listed:
        for example in re.findall(r"`([^`]+)`", examples):
            (number,) = numbers(example)
            assert number.kind == kinds[name] and example.endswith(example[number.begin:number.stop]), example
