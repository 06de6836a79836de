"""Tests written for mutants that survived the mutation run (mutmut, over scripts/text and
scripts/check): each holds a behaviour no other test pinned down."""
from __future__ import annotations

from scripts.check.result import Result
from scripts.check.run import check_file
from tests.conftest import FIXTURES


def test_a_quote_found_in_several_places_has_no_single_place():
    result = Result("x.yaml", places={("s", "once"): (4,), ("s", "twice"): (1, 9), ("s", "nowhere"): ()})
    assert result.place("s", "once") == 4
    assert result.place("s", "twice") is None and result.place("s", "nowhere") is None and result.place("t", "once") is None


def test_a_quote_that_does_not_end_on_a_word_says_what_to_write():
    (diagnostic,) = check_file(str(FIXTURES / "quote_edges_not_words.yaml")).errors
    assert diagnostic.code == "Q502"
    assert diagnostic.message == "a quote starts and ends with a letter or digit, so it can be pinned to whole words; write"
    assert diagnostic.excerpt == "seven people detained"
