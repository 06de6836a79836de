"""The fast reading (rapidyaml) and the reference reading (PyYAML) agree: wherever the fast
one answers, it gives exactly the values the reference gives; anything else it declines."""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.load import fast_yaml
from scripts.load.yaml_document import _convert_plain_scalar, _load_reference, load_text
from tests.conftest import FIXTURES, REAL_DATA

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference(text: str):
    document, problems = _load_reference(text, "x.yaml")
    return None if document is None else document.value


def assert_agree(text: str, well_formed: bool = True) -> None:
    fast = fast_yaml.read(text, _convert_plain_scalar, fast_from=0)
    if fast is fast_yaml.DECLINED:
        return
    expected = reference(text)
    if expected is None and not well_formed:
        return  # a known limit: rapidyaml reads a few malformed texts PyYAML refuses (fast_yaml.py)
    assert expected is not None, f"the fast reading accepted what the reference refuses: {text!r}"
    assert fast == expected and type(fast) is type(expected)
    assert repr(fast) == repr(expected)  # 1 and True, 1.0 and 1 compare equal; their reprs do not


def test_the_real_data_is_read_the_reference_way():
    document, _ = load_text(REAL_DATA.read_text(encoding="utf-8"), "x.yaml")
    assert document.text is None and document.positions  # positions known from the start


def test_a_large_file_is_read_the_fast_way_with_the_same_values():
    from benchmarks.check_speed import synthetic

    text, _ = synthetic(3000)
    assert len(text) > fast_yaml.FAST_FROM
    document, _ = load_text(text, "x.yaml")
    assert document.text is not None  # fast: positions are not worked out until needed
    assert document.value == reference(text)
    assert document.pos(("events", 2999, "quote")).line > 1  # and then they are


def test_the_real_data_agrees():
    assert_agree(REAL_DATA.read_text(encoding="utf-8"))


def test_every_fixture_agrees():
    for path in FIXTURES.glob("*.yaml"):
        assert_agree(path.read_text(encoding="utf-8"))


scalars = st.one_of(
    st.text(max_size=20),
    st.integers(-10**12, 10**12),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.sampled_from(["yes", "No", "on", "~", "null", "0x1F", "0o17", "1_000", "1:20", "1990-01-20", "2025-01-20T10:00:00", ".inf", "-.5", "<<", "=", "'", '"', "#", "- x", "a: b", "%", "@", "`"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4), max_leaves=20)


@SETTINGS
@given(st.dictionaries(st.text(min_size=1, max_size=8), values, min_size=1, max_size=5), st.sampled_from([None, True, False]), st.sampled_from([None, '"', "'", "|", ">"]))
def test_dumped_documents_agree(data, flow, style):
    try:
        text = yaml.safe_dump(data, default_flow_style=flow, default_style=style, allow_unicode=True)
    except yaml.YAMLError:
        return
    assert_agree(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"#&*!|>, \n\t?0123456789.~%@`\\")), max_size=60))
def test_arbitrary_text_agrees_where_both_read_it(text):
    assert_agree(text, well_formed=False)
