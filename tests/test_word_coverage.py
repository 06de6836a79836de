"""Every word of a source is accounted for: it lies in a passage the data uses or in a
left_out passage with its reason (C903), and every left_out entry leaves something out
(C904). Taking away any one passage is one message."""
from __future__ import annotations

import copy

import pytest

from scripts.check.run import check_document, check_file
from scripts.diagnostics import format_text
from scripts.text.passage_union import PassageUnion as Covered
from scripts.text.sentences import Sentences, sentence_spans
from tests.conftest import DATA, FIXTURES
from tests.test_properties import real_document


def errors_after(change) -> list[str]:
    document = copy.copy(real_document())
    document.value = copy.deepcopy(document.value)
    change(document.value)
    return [format_text(d) for d in check_document(document).errors]


def deleting(section: str, index: int):
    def change(value):
        del value[section][index]
    return change


def one_error(lines: list[str], codes: tuple[str, ...]) -> bool:
    return len(lines) == 1 and any(f" {code} " in lines[0] for code in codes)


def test_every_left_out_entry_deleted_gives_one_error():
    left_out = real_document().value["left_out"]
    wrong = [(entry["quote"], lines) for index, entry in enumerate(left_out)
             if not one_error(lines := errors_after(deleting("left_out", index)), ("C900", "C903", "T700"))]
    assert len(left_out) >= 20 and wrong == []


def test_every_quote_no_other_entry_names_deleted_gives_one_error():
    value = real_document().value
    named = {event_id for f in value["figures"] for event_id in ([f["event"]] if isinstance(f["event"], str) else f["event"])}
    in_relations = {figure_id for r in value["relations"] for figure_id in (*r["parts"], r["total"])}
    deletions = [("events", i, e["id"]) for i, e in enumerate(value["events"]) if e["id"] not in named]
    deletions += [("figures", i, f["id"]) for i, f in enumerate(value["figures"]) if f["id"] not in in_relations]
    wrong = [(section, entry_id, lines) for section, index, entry_id in deletions
             if not one_error(lines := errors_after(deleting(section, index)), ("C900", "C903"))]
    assert len(deletions) >= 8 and wrong == []


def test_every_figure_a_relation_names_deleted_gives_one_error_naming_it():
    """The relation's broken name is the message; the summary that restated the figure's
    count is held to its quotes again once the name is mended."""
    value = real_document().value
    in_relations = {figure_id for r in value["relations"] for figure_id in (*r["parts"], r["total"])}
    deletions = [(i, f["id"]) for i, f in enumerate(value["figures"]) if f["id"] in in_relations]
    wrong = [(figure_id, lines) for index, figure_id in deletions
             if not (one_error(lines := errors_after(deleting("figures", index)), ("M302",)) and repr(figure_id) in lines[0])]
    assert len(deletions) >= 4 and wrong == []


def test_every_relation_whose_basis_no_other_entry_quotes_deleted_gives_one_error():
    relations = real_document().value["relations"]
    quoted = [(i, r["id"]) for i, r in enumerate(relations) if isinstance(r["basis"], dict)]
    wrong = [(relation_id, lines) for index, relation_id in quoted
             if not one_error(lines := errors_after(deleting("relations", index)), ("C903",))]
    assert len(quoted) == 2 and wrong == []


def test_a_relation_of_the_editors_reading_uncovers_nothing_when_deleted():
    relations = real_document().value["relations"]
    (index,) = [i for i, r in enumerate(relations) if r["basis"] == "editors"]
    assert errors_after(deleting("relations", index)) == []


def test_the_message_names_the_words_the_sentence_and_both_fixes():
    (line,) = [format_text(d) for d in check_file(str(FIXTURES / "words_not_accounted.yaml")).errors]
    assert line.endswith(
        "harbour.txt:2:38: C903 the words «Fishermen said the sea had never looked so grey» are in no passage the data uses "
        "and not under left_out: quote them in an entry, or list them under left_out with the reason they are left out. "
        "The sentence: «Fishermen said the sea had never looked so grey.»"), line


def test_a_stretch_running_into_the_next_sentence_is_one_message():
    document = copy.copy(check_file(str(FIXTURES / "every_word_accounted.yaml")).dataset.document)
    document.value = copy.deepcopy(document.value)
    del document.value["events"][1]  # "The mayor resigned on June 1, 1990", next to the left-out hearsay
    del document.value["left_out"][1]
    (line,) = [format_text(d) for d in check_document(document, str(FIXTURES)).errors]
    assert " C900 the numbers '1' and '1990' are neither captured" in line, line
    assert "«Fishermen said the sea had never looked so grey» … «The mayor resigned on June»" not in line
    assert "The sentences: «Fishermen said the sea had never looked so grey.» «The mayor resigned on June 1, 1990.»" in line, line


def test_words_between_passages_are_found_and_spacing_is_not():
    text = "Alpha beta, gamma. Delta epsilon"
    covered = Covered([(0, 10), (12, 17), (19, 24)])  # "Alpha beta", "gamma", "Delta"
    assert [text[b:s] for b, s in covered.words_outside(text)] == ["epsilon"]
    assert list(Covered([(0, 10), (5, 32)]).words_outside(text)) == []
    assert [text[b:s] for b, s in Covered([]).words_outside(text, 6, 17)] == ["beta", "gamma"]


def test_the_article_reads_as_29_sentences_with_the_headline_apart():
    text = (DATA / "sources" / "000_9c0400da760e69ac.txt").read_text(encoding="utf-8")
    sentences = Sentences(text)
    assert len(sentences) == 29
    assert sentences[0] == "Azerbaijan marks 35th anniversary of the January 20 tragedy A turning point in National Liberation Movement"
    assert sentences[1].startswith("Today marks the 35th anniversary") and sentences[1].endswith("Bloody January Tragedy.")
    # "Caliber.Az" and "19th and 20th" end no sentence.
    assert sentences[2].startswith("As Caliber.Az recalls") and sentences[3].endswith("against the Azerbaijani people.")


def test_each_offset_lies_in_the_sentence_that_holds_it_and_in_none_between_or_after():
    sentences = Sentences("Ab cd. Ef gh.  ")
    assert sentences.spans == [(0, 6), (7, 13)]
    assert [sentences.index_at(at) for at in range(16)] == [0] * 6 + [None] + [1] * 6 + [None] * 3


def test_the_gaps_between_passages_are_never_empty_and_words_are_read_from_the_text_s_start():
    assert list(Covered([(3, 5), (5, 8)]).gaps(0, 10)) == [(0, 3), (8, 10)]
    assert list(Covered([(0, 4)]).gaps(0, 10)) == [(4, 10)]  # a passage from the start leaves no empty gap before it
    assert list(Covered([(6, 10)]).gaps(0, 10)) == [(0, 6)]  # nor one to the end
    assert list(Covered([]).words_outside("ab cd")) == [(0, 2), (3, 5)]


@pytest.mark.parametrize("text, expected", [
    ("Headline without a stop\nFirst sentence. Second one.", ["Headline without a stop", "First sentence.", "Second one."]),
    ("Dr. Smith arrived on Jan. 5. He left.\r\n", ["Dr. Smith arrived on Jan. 5.", "He left."]),
    ("\n\n   \nOnly this.", ["Only this."]),
])
def test_a_line_break_always_ends_a_sentence(text, expected):
    assert [text[b:s].strip() for b, s in sentence_spans(text)] == expected


def test_a_relation_naming_a_figure_by_a_typo_leaves_the_other_summaries_checked():
    def change(value):
        (relation,) = [r for r in value["relations"] if r["id"] == "killed-parts-versus-total"]
        relation["total"] = "killed-totals"
        (event,) = [e for e in value["events"] if e["id"] == "deaths-before-emergency-announced"]
        event["summary"] += " Some 23 more were hurt."
    lines = errors_after(change)
    assert sorted(line.split(": ")[1].split(" ")[0] for line in lines) == ["F603", "M302"], lines


# --- A left_out entry needed for a number or a date alone: its words quoted by an event, its
# number no figure's, or its date one the event's quote must not be read with. Made from the
# harbour fixture, whose source and event quote are changed alike.

def harbour_changed(folder, source_change: tuple[str, str], quote_change: tuple[str, str], left_out: list[str]) -> tuple[str, list]:
    import hashlib

    source = (FIXTURES / "sources" / "harbour.txt").read_text(encoding="utf-8").replace(*source_change)
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "harbour.txt").write_text(source, encoding="utf-8")
    data = (FIXTURES / "left_out_leaving_nothing_out.yaml").read_text(encoding="utf-8")
    data = data.replace("926126fd894e625029829ed8ed62aa778a4bd5acc1f88b1eddbb1f0425068c50", hashlib.sha256(source.encode()).hexdigest())
    data = data.replace(*quote_change)
    entries = "".join(f"  - quote: {quote}\n    source: harbour\n    reason: Not for the timeline.\n" for quote in left_out)
    data = data[:data.index("  - quote: the harbour flooded\n")] + entries
    (folder / "data.yaml").write_text(data, encoding="utf-8")
    return data, check_file(str(folder / "data.yaml")).errors


def harbour_with_sunk_boats(folder, left_out: list[str]) -> tuple[str, list]:
    """The flood sinks 30 boats, which the event's quote writes and no figure captures."""
    return harbour_changed(folder, ("the harbour flooded.", "the harbour flooded and 30 boats sank."),
                           ("quote: On May 4, 1990, the harbour flooded\n", "quote: On May 4, 1990, the harbour flooded and 30 boats sank\n"), left_out)


def harbour_with_a_second_date(folder, left_out: list[str]) -> tuple[str, list]:
    """The mayor resigns "a month after May 4", which the event's quote writes and must not be
    read as the event's date."""
    return harbour_changed(folder, ("June 1, 1990.", "June 1, 1990, a month after May 4."),
                           ("quote: The mayor resigned on June 1, 1990\n", "quote: The mayor resigned on June 1, 1990, a month after May 4\n"), left_out)


@pytest.mark.parametrize("left_out", [["30 boats sank"], ["the harbour flooded and 30"]])
def test_a_left_out_entry_whose_words_are_quoted_leaves_out_the_number_no_figure_captures(tmp_path, left_out):
    assert [d.code for d in harbour_with_sunk_boats(tmp_path, [])[1]] == ["C900"]
    assert harbour_with_sunk_boats(tmp_path, left_out)[1] == []


@pytest.mark.parametrize("made, entries", [
    (harbour_with_sunk_boats, ["30 boats sank", "the harbour flooded and 30"]),
    (harbour_with_a_second_date, ["after May 4", "May 4"]),
    (harbour_with_a_second_date, ["May 4", "after May 4"]),
    (harbour_with_a_second_date, ["a month after May 4", "after May 4", "May 4"]),
])
def test_of_left_out_entries_that_leave_out_the_same_number_or_date_only_the_later_are_to_remove(tmp_path, made, entries):
    """Told to remove them all, an editor would leave the number unaccounted for, or the date
    read as the event's."""
    assert [d.code for d in made(tmp_path, [])[1]] in (["C900"], ["T700"])
    data, errors = made(tmp_path, entries)
    lines = data.split("\n")
    later = [lines.index(f"  - quote: {quote}") + 1 for quote in entries[1:]]
    assert [(d.code, d.line) for d in errors] == [("C904", line) for line in later]
    assert made(tmp_path, entries[:1])[1] == []
