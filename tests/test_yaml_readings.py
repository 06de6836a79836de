"""The YAML reading, one pass over libyaml's events, reads every text exactly as composing
PyYAML's nodes and walking them does (the way the checker read YAML before): the same
values, the same positions of every key and value, and the same diagnostics, word for
word. The composed reading is kept here as the oracle, and a fuzz corpus holds the two
to each other: the real data and every fixture, hand-picked corners, documents PyYAML
dumps in every style, lines built from YAML's pieces, the real data with a slip typed
into it, and arbitrary text."""
from __future__ import annotations

import yaml
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.diagnostics import Pos, error
from scripts.load import yaml_document
from scripts.load.yaml_document import load_text, read_yaml
from tests.conftest import FIXTURES, REAL_DATA

SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def composed(text: str, path: str = "x.yaml"):
    """The reading the events reading replaced: PyYAML composes every node, then a walk
    turns them into values and positions."""
    try:
        node = yaml.compose(text, Loader=yaml_document._Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [yaml_document._syntax_error(exc, text, path)]
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [error(path, yaml_document._offset_pos(text, exc.position), "Y101", f"character U+{character:04X} is not allowed in YAML ({exc.reason}); remove it")]
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        return None, [error(path, Pos(1, 1), "Y100", f"YAML cannot be read: {type(exc).__name__}")]
    if node is None:
        return None, [error(path, Pos(1, 1), "Y107", "the file is empty; it should hold a mapping with sources, events and figures")]
    document = yaml_document.Document(path, None)
    try:
        document.value = _walk(node, (), document, set(), 0)
    except yaml_document._Refused as refused:
        return None, [error(path, refused.pos, refused.code, refused.message)]
    return document, []


def _walk(node, path, document, seen, depth):
    refused = yaml_document._Refused
    pos = yaml_document._mark_pos(node.start_mark)
    if id(node) in seen:
        # libyaml hands an alias back as the anchored node itself, so its own place is lost.
        raise refused(document.key_pos(path), "Y103", f"anchors and aliases (&, *) are not allowed; this value repeats the one at line {pos.line}: write it out")
    if depth > yaml_document.MAX_DEPTH:
        raise refused(pos, "Y106", f"the data is nested more than {yaml_document.MAX_DEPTH} levels deep")
    seen.add(id(node))
    document.positions[path] = pos
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        expected = "map" if isinstance(node, yaml.MappingNode) else "seq"
        if node.tag != yaml_document._SCALAR_TAG + expected:
            raise refused(pos, "Y104", f"the tag {yaml_document._short_tag(node.tag)} is not allowed here; remove it")
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, path + (index,), document, seen, depth + 1) for index, item in enumerate(node.value)]
    if not isinstance(node, yaml.MappingNode):
        return yaml_document._convert_scalar(node, pos)
    result = {}
    for key_node, value_node in node.value:
        key_pos = yaml_document._mark_pos(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            raise refused(key_pos, "Y104", "a key must be plain text, not a list or mapping")
        key = key_node.value
        if key in result:
            first = document.key_positions[path + (key,)]
            raise refused(key_pos, "Y102", f"duplicate key {key!r}: it is already set at line {first.line}, column {first.column}; keep one")
        document.key_positions[path + (key,)] = key_pos
        result[key] = _walk(value_node, path + (key,), document, seen, depth + 1)
    return result


def _outcome(read, text: str):
    try:
        document, problems = read(text, "x.yaml")
    except Exception as exc:  # noqa: BLE001 - a crash must at least be the same crash
        return ("raises", type(exc).__name__)
    shown = [(d.path, d.line, d.column, d.code, d.message, d.excerpt, d.severity) for d in problems]
    if document is None:
        return None, shown
    # repr as well: 1 and True, 1.0 and 1 compare equal; their reprs do not.
    return (document.value, repr(document.value), document.positions, document.key_positions), shown


def assert_read_alike(text: str) -> None:
    assert _outcome(read_yaml, text) == _outcome(composed, text), text


def test_the_real_data():
    assert_read_alike(REAL_DATA.read_text(encoding="utf-8"))


def test_every_fixture():
    for path in sorted(FIXTURES.glob("*.yaml")):
        assert_read_alike(path.read_text(encoding="utf-8"))


def test_a_large_file():
    from benchmarks.check_speed import synthetic

    text, _ = synthetic(500)
    assert_read_alike(text)
    document, _ = load_text(text, "x.yaml")
    assert document.pos(("events", 499, "quote")).line > 1


CORNERS = [
    "", "# only a comment\n", "---\n", "...\n", "~\n", "just text\n", "[a, b]\n", "\ufeffa: 1\n", "a: 1\r\nb: 2\r\n",
    "a: &x 1\nb: *x\n", "a: &x [1, 2]\nb: *x\n", "&k a: 1\nb: *k\n", "&k a: 1\nb: *k\nc: *k\n", "&k a: 1\n*k : 2\n",
    "a: &x 1\n*x : 2\n", "a: &m {b: 1}\n*m : 2\n", "&r [*r]\n", "&r {a: *r}\n", "a: *nowhere\n", "a: &x 1\nb: &x 2\n",
    "a: 1\n---\nb: 2\n", "a: 1\na: 2\n", "{a: 1, a: 2}\n", "? [a]\n: 1\n", "? {a: 1}\n: 1\n", "[a]: 1\n", "!!str 1: x\n",
    "a: !!python/name:os.system x\n", "a: !foo\n  b: 1\n", "a: !!map {b: 1}\n", "a: !!seq [1]\n", "a: !!set {b}\n", "a: !!int twelve\n",
    "a: !!int\n", "a: !!bool maybe\n", "a: !!float x\n", "a: !!binary aGk=\n", "a: !!timestamp 2020-01-01\n", "a: ! 12\n",
    "a: 1\nb: !!python/tuple [1]\nc: [\n", "a: 1\na: 2\nb: [\n", "a: &x 1\nb: *x\nc: *y\n", "a: [1, 1]\nb: {c: 2, c: 3}\n",
    "[" * 65 + "]" * 65, "[" * 70 + "]" * 70 + "\n---\n", "[" * 1001 + "]" * 1001, "".join("  " * i + "-\n" for i in range(70)),
    "a: >1\n   x\n", "a: |\n  block\n  text", "a: |+\n  x\n\n", "a: >-\n  folded\n  text\n", "a: 'it''s'\nb: \"\\x41\"\n",
    "a: 0x1F\nb: 0o17\nc: 1_000\nd: .inf\ne: -.5\nf: yes\ng: No\nh: ~\ni: null\nj: 1990-01-20\nk: '1'\nl: <<\nm: =\n",
]


@pytest.mark.parametrize("text", CORNERS)
def test_corners(text):
    assert_read_alike(text)


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
def test_dumped_documents(data, flow, style):
    try:
        text = yaml.safe_dump(data, default_flow_style=flow, default_style=style, allow_unicode=True)
    except yaml.YAMLError:
        return
    assert_read_alike(text)


KEYS = ["id", "quote", "a", "b c", "'q'", '"d"', "x-y", "é", "1", "true", "null", "a:b", "-x", "&k a", "*k", "!!str 1", "[a]", "{a: 1}", "? a"]
VALUES = [
    "plain text", "12", "1,200", "yes", "~", "'single'", '"double \\" q"', "[a, b]", "{a: 1}", "|\n    block\n    text", ">-\n    folded",
    "a: b", "a #c", "#c", "", "[a, [b]]", "'it''s'", "- x", '"multi\n    line"', "plain\n    continued", "&a x", "*a", "&a [1, *a]", "*k",
    "!!str 12", "!!int '12'", "!!int twelve", "!!map {a: 1}", "!!seq [a]", "!foo x", ">1\n     x", "|+\n    x\n\n", "1990-01-20", "0x1F",
    "Azerbaijan’s “words”", "\n    - a\n    - b", "\n    c: 1\n    d: 2", "\n  - a", "[a,]", "[,a]", "x: y: z", "@x", "`x", "%x", "a\tb",
]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["", "  ", "    "]), st.sampled_from(["", "- ", "- - "]), st.sampled_from(KEYS + [None]), st.sampled_from(VALUES)), min_size=1, max_size=6),
       st.sampled_from(["", "\n", "\n---\n", "\n...\n"]), st.booleans())
def test_lines_of_yaml(lines, end, crlf):
    text = "\n".join(f"{indent}{dash}{key + ': ' if key is not None else ''}{value}" for indent, dash, key, value in lines) + end
    assert_read_alike(text.replace("\n", "\r\n") if crlf else text)


REAL_LINES = REAL_DATA.read_text(encoding="utf-8").split("\n")
SLIPS = list("ab:-[]{}'\"#&*!|>, \n\t?0.~%@`\\") + [": ", "- ", "  ", "\n  ", "&a ", "*a", "!!int ", "---\n"]


@SETTINGS
@given(st.integers(0, len(REAL_LINES) - 1), st.integers(1, 25), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]), st.sampled_from(SLIPS)), min_size=1, max_size=3))
def test_the_real_data_with_a_slip(first, count, slips):
    text = "\n".join(REAL_LINES[first:first + count]) + "\n"
    for where, how, what in slips:
        at = int(where * len(text))
        text = text[:at] + (what if how != "delete" else "") + text[at + (how != "insert"):]
    assert_read_alike(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"#&*!|>, \n\t?0123456789.~%@`\\")), max_size=60))
def test_arbitrary_text(text):
    assert_read_alike(text)


@pytest.mark.parametrize("text, column", [("a: !!int twelve\n", 4), ("a: !!bool maybe\n", 4), ("a: [!!float x]\n", 5), ("a: !!int\n", 4)])
def test_a_tag_that_does_not_fit_its_value_is_a_message(text, column):
    # PyYAML's constructors raise on these; the checker stopped with a traceback.
    document, problems = load_text(text, "x.yaml")
    assert document is None and [(p.code, p.line, p.column) for p in problems] == [("Y104", 1, column)]
    assert "does not fit the value" in problems[0].message
