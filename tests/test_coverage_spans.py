"""The left_out passages are looked up by bisection; the answers are those of asking every
passage in turn, which is what the checks did before and what they must still say."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.check.coverage_spans import NO_SPANS, Labelled, Spans

passages = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@settings(max_examples=400, deadline=None)
@given(passages, st.integers(0, 90), st.integers(0, 20))
def test_inside_is_any_passage_holding_the_stretch(spans, begin, length):
    stop = begin + length
    assert Spans(spans).inside(begin, stop) == any(b <= begin and stop <= e for b, e in spans)


@settings(max_examples=400, deadline=None)
@given(passages, st.integers(0, 90))
def test_holding_names_every_passage_over_the_offset_in_order(spans, offset):
    labelled = Labelled((b, e, label) for label, (b, e) in enumerate(spans))
    assert labelled.holding(offset) == [label for label, (b, e) in enumerate(spans) if b <= offset < e]


def test_no_spans_hold_nothing():
    assert not NO_SPANS.inside(0, 0) and list(NO_SPANS) == []
    assert Labelled([]).holding(5) == []
