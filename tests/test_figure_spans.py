"""Figures carry the time they count: a start, and an end where the source gives one, each
checked like an event's date; every event a figure names lies in that time (T706), and a
figure moved to an event of another time is one error. The pages and the downloads say the
span in words that claim no more than the source."""
from __future__ import annotations

import copy
import hashlib
import re

import pytest
import yaml

from scripts.check.run import check_document, check_file, check_text
from scripts.diagnostics import format_text
from scripts.model.spans import span_text, span_words
from scripts.site.common import Links
from scripts.site.figures import render_figures_table, render_relations
from scripts.site.span_words import spans_differ
from scripts.site.timeline import render_timeline
from tests.conftest import DATA, FIXTURES, REAL_DATA, ROOT
from tests.test_properties import _neighbours, put, real_document


@pytest.fixture(scope="module")
def real():
    result = check_file(str(REAL_DATA))
    assert not result.errors, result.errors
    return result


def errors_after(change) -> list[str]:
    document = copy.copy(real_document())
    document.value = copy.deepcopy(document.value)
    change(document.value)
    return [format_text(d) for d in check_document(document).errors]


def test_every_figure_moved_to_an_event_outside_its_span_gives_exactly_one_error_t706(real):
    dataset = real.dataset
    wrong, moves = [], 0
    for index, figure in enumerate(dataset.figures):
        outside = [e for e in dataset.events if not figure.admits(e.date.value)]
        assert outside, figure.id  # the real data has events of other times for every figure
        for event in outside:
            moves += 1
            lines = errors_after(lambda value, index=index, event=event: put(value, ("figures", index, "event"), event.id))
            if len(lines) != 1 or " T706 " not in lines[0]:
                wrong.append((figure.id, event.id, lines))
    assert moves >= 60 and wrong == []


def test_a_move_between_events_of_the_same_days_cannot_be_caught(real):
    """The limit of the check, kept in view: six figures sit on events of 19–20 January 1990,
    and a figure moved between events its span admits passes T706 (another check may still
    notice, such as the summary that restated it)."""
    dataset = real.dataset
    dates = {e.id: e.date.text for e in dataset.events}
    night = [f for f in dataset.figures if all(dates[i] == "1990-01-19/1990-01-20" for i in f.events)]
    assert len(night) == 6
    events = [e for e in dataset.events if e.date.text == "1990-01-19/1990-01-20"]
    for figure in night:
        index = dataset.figures.index(figure)
        for event in events:
            lines = errors_after(lambda value, index=index, event=event: put(value, ("figures", index, "event"), event.id))
            assert not any(" T706 " in line for line in lines), (figure.id, event.id)


def test_the_message_is_at_the_event_line_and_names_the_start_and_the_event_s_date(real):
    dataset = real.dataset
    index = next(i for i, f in enumerate(dataset.figures) if f.id == "killed-total")
    (line,) = errors_after(lambda value: put(value, ("figures", index, "event"), "karabakh-issue-reignited"))
    document = dataset.document
    event_line = document.pos(("figures", index, "event")).line
    start_line = document.pos(("figures", index, "start", "date")).line
    karabakh = next(e for e in dataset.events if e.id == "karabakh-issue-reignited")
    assert line.startswith(f"data/timeline.yaml:{event_line}:") or f"timeline.yaml:{event_line}:" in line
    assert f"(its start, line {start_line})" in line and f"(line {document.pos(karabakh.date.at).line})" in line
    assert "from 19–20 January 1990" in line and "end of 1987" in line


def test_a_moved_figure_s_old_summary_is_not_reported_again(real):
    """The summary of the event the 82 left restates it; the mistake is the move (T706), once."""
    dataset = real.dataset
    index = next(i for i, f in enumerate(dataset.figures) if f.value == 82)
    lines = errors_after(lambda value: put(value, ("figures", index, "event"), "war-2020"))
    assert len(lines) == 1 and " T706 " in lines[0]


def test_an_event_whose_date_is_reported_is_not_compared_with_its_figures_spans(real):
    index = next(i for i, e in enumerate(real.dataset.events) if e.id == "troops-enter-baku")
    # 1989 keeps the events in date order, lies outside every span of its figures, and is not its quote's year.
    lines = errors_after(lambda value: put(value, ("events", index, "date"), "1989"))
    assert len(lines) == 1 and " T700 " in lines[0]


def test_a_span_inferred_through_an_event_whose_date_is_reported_is_one_error(real):
    """The eight's days come from a passage within an event's quote whose entry infers their
    year; a wrong year there is that event's mistake, reported at it alone."""
    index = next(i for i, e in enumerate(real.dataset.events) if e.id == "deaths-neftchala-lankaran")
    lines = errors_after(lambda value: put(value, ("events", index, "date"), "1991-01-25/1991-01-26"))
    assert len(lines) == 1 and " T70" in lines[0] and "T706" not in lines[0]


def test_any_change_to_a_figure_s_start_or_end_is_caught(real):
    value = real_document().value
    missed, tried = [], 0
    for index, figure in enumerate(value["figures"]):
        for key in ("start", "as_of"):
            if not isinstance(figure[key], dict):
                continue
            for new in _neighbours(str(figure[key]["date"])):
                tried += 1
                if not errors_after(lambda data, index=index, key=key, new=new: put(data, ("figures", index, key, "date"), new)):
                    missed.append((figure["id"], key, new))
    assert tried > 50 and missed == []


@pytest.mark.parametrize("old, new, expected", [
    ("    as_of: not stated\n", "    as_of: not said\n", "S203 'as_of' cannot be 'not said': write not stated where the source does not say when the count ends"),
    ("    as_of: not stated\n", "    as_of: 1990-01-20\n", "date: 1990-01-20"),
    ("    as_of: not stated\n", "    as_of: 1990\n", "S202 'as_of' must be text or a mapping, not 1990"),
])
def test_a_malformed_span_is_one_message_naming_the_line(tmp_path, old, new, expected):
    text = REAL_DATA.read_text(encoding="utf-8")
    assert old in text
    result = check_text(text.replace(old, new, 1), str(REAL_DATA))
    (error,) = result.errors
    assert expected in format_text(error)
    assert error.line == text[:text.index(old)].count("\n") + 1 and error.column > 1


def test_a_start_that_is_not_a_mapping_or_not_inferred_says_what_to_write():
    text = REAL_DATA.read_text(encoding="utf-8")
    value = yaml.safe_load(text)
    first = value["figures"][0]
    block = re.search(r"(?m)^    start:\n(?:      .*\n)+", text[text.index(f"- id: {first['id']}"):]).group(0)
    (error,) = check_text(text.replace(block, "    start: 1990\n", 1), str(REAL_DATA)).errors
    assert error.code == "S202" and 'date: "1990"' in error.message
    bare = "    start:\n      date: 1990-01-19/1990-01-20\n"
    (error,) = check_text(text.replace(block, bare, 1), str(REAL_DATA)).errors
    assert error.code == "T701" and "list 'year', 'month', 'day' under inferred.parts" in error.message


# --- what readers see ----------------------------------------------------------------------


def row(table: str, figure_id: str) -> str:
    found = re.search(rf'<tr id="{figure_id}">.*?</tr>', table, re.S).group(0)
    return re.sub(r"<[^>]+>", "", found)


def test_the_figures_page_says_each_span_and_claims_no_end_the_source_lacks(real):
    table = str(render_figures_table(real.dataset))
    killed = row(table, "killed-total")
    assert "From 19–20 January 1990; Caliber.Az gives no date for the end of the count." in killed
    assert "The date is inferred from Caliber.Az’s words “On the night of January 19-20, 1990”." in killed
    martyrs = row(table, "recognised-martyrs")
    assert "As of 20 January 2025." in martyrs and "end of the count" not in martyrs
    assert "counted from the anniversary it names" in martyrs
    eight = row(table, "killed-in-regions")
    assert "From 25 January 1990 to 26 January 1990." in eight and "Both dates are inferred" in eight
    for figure in real.dataset.figures:  # every span is on the page, as its words say it
        text = row(table, figure.id)
        assert span_words(figure)[1:] in text, figure.id
        assert ("gives no date for the end of the count" in text) == (figure.as_of is None)


def test_a_relation_of_figures_of_different_times_says_which_counts_which(real):
    html = re.sub(r"<[^>]+>", "", str(render_relations(real.dataset)))
    assert "They count different times: the 147 from 19–20 January 1990; the 150 as of 20 January 2025." in html
    assert ("They count different times: the 82, the 20 and the 147 from 19–20 January 1990; the 21 from January 1990; "
            "the 8 from 25 January 1990 to 26 January 1990.") in html
    figures = {f.id: f for f in real.dataset.figures}
    assert spans_differ([figures["detained"], figures["sent-to-prisons"]]) is None  # one time: nothing to say
    assert html.count("They count different times") == 2


def test_each_figure_line_on_the_timeline_says_its_span(real):
    html = str(render_timeline(real.dataset, Links()))
    spans = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r'<span class="bj-figure__span">(.*?)</span>(?=<br>|</p>)', html)]
    assert len(spans) == sum(len(f.events) for f in real.dataset.figures)
    assert "Counted from 19–20 January 1990, inferred; Caliber.Az gives no date for the end of the count" in spans
    assert "As of 20 January 2025, inferred" in spans


def test_the_plain_words_are_the_downloads_and_claim_no_end(real):
    figures = {f.id: f for f in real.dataset.figures}
    assert span_text(figures["killed-total"], "Caliber.Az") == "from 19–20 January 1990; Caliber.Az gives no date for the end of the count"
    assert span_text(figures["recognised-martyrs"], "Caliber.Az") == "as of 20 January 2025"


def test_the_guide_s_example_is_a_figure_of_the_data_as_the_schema_accepts_it():
    import jsonschema

    from scripts.check.schema import load_schema

    text = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    section = text[text.index("## The time a figure counts"):text.index("## A figure that counts several events")]
    block = re.search(r"\n\n((?:    .*\n)+)", section).group(1)
    (shown,) = yaml.safe_load("\n".join(line[4:] for line in block.split("\n")))
    schema = load_schema()
    jsonschema.validate(shown, {**schema["$defs"]["figure"], "$defs": schema["$defs"]})
    data = yaml.safe_load((DATA / "timeline.yaml").read_text(encoding="utf-8"))
    (real_entry,) = [f for f in data["figures"] if f["id"] == shown["id"]]
    # The figure of the data, but for the reason's words, which a page of the site may not
    # give as an article's (tests/test_attribution.py).
    start = {**real_entry["start"], "date": str(real_entry["start"]["date"])}
    start["inferred"] = {**start["inferred"], "reason": shown["start"]["inferred"]["reason"]}
    assert {**real_entry, "start": start} == shown


# --- a span written in the figure's quote ---------------------------------------------------


def one_figure(folder, sentence: str, value: int, start: str, qualifier: str = "", event_date: str = "") -> list[str]:
    """The codes of a source of one sentence, quoted whole by a figure of `value` whose count
    starts on `start`, written in its quote, and up to "detained" by an event of that date or `event_date`
    (whose quote, like every event's, would read "1900 people" as a year)."""
    return [d.code for d in figure_diagnostics(folder, sentence, value, start, qualifier, event_date)]


def figure_diagnostics(folder, sentence: str, value: int, start: str, qualifier: str = "", event_date: str = "", as_of: str = ""):
    """The errors of one_figure's data, whose count ends on `as_of` where one is given."""
    source = f"Report, 1990\n{sentence}.\n".encode()
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "report.txt").write_bytes(source)
    qualified = f"\n    qualifier: {qualifier}" if qualifier else ""
    text = f"""schema_version: 1
sources:
  - id: report
    file: sources/report.txt
    sha256: {hashlib.sha256(source).hexdigest()}
    publisher: Test
    title: Report
    published:
      date: "1990"
      inferred:
        parts: [year]
        from: Report, 1990
        reason: The heading.
events:
  - id: arrests
    date: "{event_date or start}"{qualified}
    title: Arrests
    summary: According to the report, the police detained people.
    source: report
    quote: {sentence[:sentence.index(" detained")]} detained
figures:
  - id: detained
    label: Detained
    kind: detained
    unit: people
    value: {value}
    event: arrests
    start:
      date: "{start}"{qualified.replace(chr(10), chr(10) + "  ")}
    as_of:{f'{chr(10)}      date: "{as_of}"' if as_of else " not stated"}
    source: report
    quote: {sentence}
relations: []
left_out: []
"""
    path = folder / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return check_file(str(path)).errors


@pytest.mark.parametrize("sentence, value, start, expected", [
    ("On 2 May 1990 the police detained 1900 people", 1900, "1990-05-02", []),
    ("In 1990 the police detained 300 people", 300, "1990", []),
    # A bare year that is the value's count is the count; the qualified year is the date.
    ("By the end of 1987 the police had detained 1987 people", 1987, "1987|end", []),
    ("On 2 May 1990 the police detained 1900 people", 1900, "1990-05-03>1990-05-02", ["T700"]),
    ("In 1990 the police detained 300 people", 300, "1989>1990", ["T700"]),
    # A value swapped for a number of the date is not written as a count: the date's numbers are the date's.
    ("On 2 May 1990 the police detained 1900 people", 1990, "1990-05-02", ["F600"]),
    ("On 2 May 1990 the police detained 1900 people", 2, "1990-05-02", ["F600"]),
    ("By the end of 1987 the police had detained 1900 people", 1987, "1987|end", ["F600"]),
    ("On 2 May 1990 the police detained 1900 people and 12 horses", 1900, "1990-05-02", ["F602"]),
])
def test_a_span_written_in_the_figure_s_quote_is_held_to_it_and_the_value_to_its_count(tmp_path, sentence, value, start, expected):
    start, _, event_date = start.partition(">")  # the event's date, where it is not the start
    date, _, qualifier = start.partition("|")
    assert one_figure(tmp_path, sentence, value, date, qualifier, event_date) == expected


@pytest.mark.parametrize("sentence", ["Between 2 May and 9 May 1990 the police detained 1900 people", "From 2 to 9 May 1990 the police detained 1900 people"])
@pytest.mark.parametrize("start, as_of, wrong, written", [
    ("1990-05-02", "1990-05-09", None, None),
    ("1990-05-02", "1990-05-10", "as_of", "9 May 1990"),
    ("1990-05-03", "1990-05-09", "start", "2 May 1990"),
])
def test_a_quote_that_writes_the_start_and_the_end_holds_each_to_its_own_day(tmp_path, sentence, start, as_of, wrong, written):
    """A quote's range from the count's first day to its last writes both: a wrong start or
    end is the one error, on its own line, naming the day the quote writes for it."""
    errors = figure_diagnostics(tmp_path, sentence, 1900, start, event_date="1990-05-02/1990-05-09", as_of=as_of)
    if wrong is None:
        assert errors == []
        return
    (error,) = errors
    lines = (tmp_path / "data.yaml").read_text(encoding="utf-8").split("\n")
    own_date = lines.index(f"    {wrong}:") + 2  # the date's line, under "start:" or "as_of:" (lines count from 1)
    assert error.code == "T700" and error.line == own_date, (error.line, error.message)
    assert f"writes {written} (" in error.message


def test_a_value_swapped_for_a_number_of_the_date_says_the_number_is_the_date_s():
    path = FIXTURES / "figure_span_written_in_its_quote.yaml"
    text = path.read_text(encoding="utf-8")
    for swapped in (14, 1990):
        (error,) = check_text(text.replace("value: 30", f"value: {swapped}"), str(path)).errors
        assert error.code == "F600" and f"{swapped} (in the date '14 April 1990')" in error.message, error.message
