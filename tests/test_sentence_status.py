"""Each sentence's status, from where the used and the left-out passages stand: quoted,
left out, partly each, or (on data the checker would refuse) with words in neither."""
from __future__ import annotations

import pytest

from scripts.check.run import check_file
from scripts.site.sentence_status import (
    LEFT_OUT, NEITHER, PARTLY, QUOTED, STATUS_WORDS, STATUSES, UNACCOUNTED, LeftOutPlace, Stretch, counts, left_out_places,
    sentence_statuses, statuses, used_spans,
)
from scripts.text.sentences import sentence_spans
from tests.conftest import REAL_DATA
from tests.left_out_project import NOTES, write_notes

TEXT = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda mu."


def span_of(words: str) -> tuple[int, int]:
    begin = TEXT.index(words)
    return begin, begin + len(words)


def left(words: str, entry: int = 0, reason: str = "Why not.") -> LeftOutPlace:
    return LeftOutPlace(entry, *span_of(words), words, reason)


def status_of(used=(), left_out=()):
    return statuses(TEXT, sentence_spans(TEXT), [span_of(w) for w in used], list(left_out))


def test_a_sentence_is_quoted_left_out_partly_each_or_unaccounted():
    found = status_of(used=["Alpha beta gamma", "Delta epsilon"], left_out=[left("zeta"), left("Eta theta iota", 1)])
    assert [s.status for s in found] == [QUOTED, PARTLY, LEFT_OUT, UNACCOUNTED]
    assert [s.words for s in found] == [STATUS_WORDS[QUOTED], STATUS_WORDS[PARTLY], STATUS_WORDS[LEFT_OUT], STATUS_WORDS[UNACCOUNTED]]


def test_stretches_gather_consecutive_words_of_one_kind_and_leave_out_spacing():
    (_, second, _, last) = status_of(used=["Delta"], left_out=[left("epsilon zeta")])
    assert second.stretches == (Stretch(*span_of("Delta"), QUOTED), Stretch(*span_of("epsilon zeta"), LEFT_OUT))
    assert last.stretches == (Stretch(*span_of("Kappa lambda mu"), NEITHER),)


def test_a_word_both_used_and_left_out_counts_as_quoted_and_the_passage_is_still_named():
    passage = left("Alpha beta gamma")
    (first, *_) = status_of(used=["Alpha beta gamma"], left_out=[passage])
    assert first.status == QUOTED and first.left_out == (passage,)


def test_a_left_out_passage_over_two_sentences_is_named_by_both():
    passage = left("Eta theta iota. Kappa lambda mu")
    found = status_of(used=["Alpha beta gamma. Delta epsilon zeta"], left_out=[passage])
    assert [s.status for s in found] == [QUOTED, QUOTED, LEFT_OUT, LEFT_OUT]
    assert [s.left_out for s in found] == [(), (), (passage,), (passage,)]


def test_counts_name_every_status():
    found = status_of(used=["Alpha beta gamma"], left_out=[left("Delta epsilon zeta")])
    assert counts(found) == {QUOTED: 1, LEFT_OUT: 1, PARTLY: 0, UNACCOUNTED: 2}
    assert list(counts([])) == list(STATUSES)


@pytest.fixture(scope="module")
def notes(tmp_path_factory):
    result = check_file(str(write_notes(tmp_path_factory.mktemp("notes"))))
    assert result.ok, [str(d) for d in result.errors]
    return result


def test_the_checked_notes_have_a_status_for_every_sentence(notes):
    found = sentence_statuses(notes, "notes")
    assert [notes.texts["notes"].text[s.begin:s.stop] for s in found] == NOTES["sentences"]
    assert [s.status for s in found] == NOTES["statuses"]


def test_each_place_of_a_left_out_passage_is_one_place_with_its_entry_and_reason(notes):
    places = left_out_places(notes, "notes")
    text = notes.texts["notes"].text
    assert [(p.entry, text[p.begin:p.stop]) for p in places] == NOTES["left_out_places"]
    assert all(p.reason == notes.dataset.left_out[p.entry].reason for p in places)


def placed_but_left_out(checked, source_id: str) -> list[tuple[int, int]]:
    """Where the checker placed every quote of the source that must point to one place (not
    the left_out ones, which may stand in several), and the dateline."""
    from scripts.check.quotes import anchored_quotes

    anchored = {quote for source, quote, _ in anchored_quotes(checked.dataset) if source == source_id}
    spans = {(o, o + len(q)) for (s, q), offsets in checked.places.items() if s == source_id and q in anchored for o in offsets}
    return sorted(spans | ({checked.published[source_id]} if source_id in checked.published else set()))


def test_the_passages_used_are_the_checker_s_the_title_and_dateline_among_them(notes):
    text = notes.texts["notes"].text
    used = [text[b:e] for b, e in used_spans(notes, "notes")]
    assert "Harbour notes" in used and "On May 4, 1990" in used
    assert not any(entry.quote in used for entry in notes.dataset.left_out)
    assert used_spans(notes, "notes") == placed_but_left_out(notes, "notes")


def test_the_real_data_gives_every_sentence_a_status():
    checked = check_file(str(REAL_DATA))
    assert checked.ok
    for source in checked.dataset.sources:
        found = sentence_statuses(checked, source.id)
        assert found and all(s.status in STATUSES for s in found)
        # The passages the data uses are the quotes the checker placed but the left_out
        # passages, and the dateline.
        assert used_spans(checked, source.id) == placed_but_left_out(checked, source.id)
