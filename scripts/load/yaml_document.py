"""Load YAML into plain values, remembering the line and column of every key and value.

PyYAML's own constructors would lose positions, accept duplicate keys silently and
expand aliases; so the file is composed into nodes (libyaml where present) and the
nodes are turned into values here, refusing what a data file has no use for. That
reference reading costs about 2.5 s for 10,000 events, so a plain, well-formed file
is first read by rapidyaml (fast_yaml.py) with PyYAML's own scalar rules, and the
positions are worked out by the reference reading only when a diagnostic needs one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import yaml
from yaml.constructor import SafeConstructor

from . import fast_yaml, yaml_errors
from ..diagnostics import Diagnostic, Pos, error

# The real data is some 15 KB; a limit far above it keeps a huge file from tying up a commit hook.
MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = SafeConstructor()
_resolver = yaml.resolver.Resolver()
# PyYAML looks up implicit types (int, bool, null, ...) by a scalar's first character.
_IMPLICIT_FIRST_CHARACTERS = frozenset(k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k)

Path = tuple  # keys and indexes from the document root

_SCALAR_TAG = "tag:yaml.org,2002:"


@dataclass
class Document:
    """A YAML document as plain values with the positions of its nodes."""

    path: str
    value: Any
    positions: dict[Path, Pos] = field(default_factory=dict)
    key_positions: dict[Path, Pos] = field(default_factory=dict)
    text: Optional[str] = None  # kept where positions are still to be worked out

    def pos(self, path: Path) -> Pos:
        """Where the value at `path` starts, or the nearest enclosing value that exists."""
        self._locate()
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, Pos(1, 1))

    def key_pos(self, path: Path) -> Pos:
        """Where the key of the mapping entry at `path` starts (its value if it has no key)."""
        self._locate()
        path = tuple(path)
        return self.key_positions.get(path) or self.pos(path)

    def _locate(self) -> None:
        if self.text is not None:
            text, self.text = self.text, None
            reference, _ = _load_reference(text, self.path)
            if reference is not None:
                self.positions, self.key_positions = reference.positions, reference.key_positions


class _Refused(Exception):
    def __init__(self, pos: Pos, code: str, message: str):
        super().__init__(message)
        self.pos, self.code, self.message = pos, code, message


def _mark_pos(mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        explained = yaml_errors.Explained(text, _mark_pos(mark), "a tab cannot indent YAML; indent with spaces")
    else:
        explained = yaml_errors.explain(exc, text)
    return error(path, explained.pos, "Y100", f"YAML syntax: {explained.message}; the line reads:", explained.excerpt)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_SCALAR_TAG):] if tag.startswith(_SCALAR_TAG) else tag


def _offset_pos(text: str, offset: int) -> Pos:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Pos(line, column)


def read_text(path: str, data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Decode a file's bytes as UTF-8 (a byte-order mark is allowed)."""
    if len(data) > MAX_BYTES:
        return None, [error(path, Pos(1, 1), "Y105", f"the file is {len(data):,} bytes; the checker reads at most {MAX_BYTES:,}")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8-sig", errors="replace")
        return None, [error(path, _offset_pos(good, len(good)), "Y101", f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8")]


def load_text(text: str, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text; on any problem return None and diagnostics that name the place."""
    fast = fast_yaml.read(text, _convert_plain_scalar)
    if fast is not fast_yaml.DECLINED:
        return Document(path, fast, text=text), []
    return _load_reference(text, path)


def _load_reference(text: str, path: str) -> tuple[Document | None, list[Diagnostic]]:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text, path)]
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [error(path, _offset_pos(text, exc.position), "Y101", f"character U+{character:04X} is not allowed in YAML ({exc.reason}); remove it")]
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        return None, [error(path, Pos(1, 1), "Y100", f"YAML cannot be read: {type(exc).__name__}")]
    if node is None:
        return None, [error(path, Pos(1, 1), "Y107", "the file is empty; it should hold a mapping with sources, events and figures")]
    document = Document(path, None)
    try:
        document.value = _convert(node, (), document, set(), 0)
    except _Refused as refused:
        return None, [error(path, refused.pos, refused.code, refused.message)]
    return document, []


def load_file(path: str) -> tuple[Document | None, list[Diagnostic]]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [error(path, Pos(1, 1), "Y108", f"cannot read the file: {exc.strerror or exc}")]
    text, problems = read_text(path, data)
    if text is None:
        return None, problems
    return load_text(text, path)


def _convert(node, path: Path, document: Document, seen: set[int], depth: int) -> Any:
    pos = _mark_pos(node.start_mark)
    if id(node) in seen:
        # libyaml hands an alias back as the anchored node itself, so its own place is lost.
        raise _Refused(document.key_pos(path), "Y103", f"anchors and aliases (&, *) are not allowed; this value repeats the one at line {pos.line}: write it out")
    if depth > MAX_DEPTH:
        raise _Refused(pos, "Y106", f"the data is nested more than {MAX_DEPTH} levels deep")
    seen.add(id(node))
    document.positions[path] = pos
    if isinstance(node, yaml.MappingNode):
        _require_tag(node, "map", pos)
        return _convert_mapping(node, path, document, seen, depth)
    if isinstance(node, yaml.SequenceNode):
        _require_tag(node, "seq", pos)
        return [_convert(item, path + (index,), document, seen, depth + 1) for index, item in enumerate(node.value)]
    return _convert_scalar(node, pos)


def _convert_mapping(node, path: Path, document: Document, seen: set[int], depth: int) -> dict:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_pos = _mark_pos(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(key_pos, "Y104", "a key must be plain text, not a list or mapping")
        key = key_node.value
        if key in result:
            first = document.key_positions[path + (key,)]
            raise _Refused(key_pos, "Y102", f"duplicate key {key!r}: it is already set at line {first.line}, column {first.column}; keep one")
        document.key_positions[path + (key,)] = key_pos
        result[key] = _convert(value_node, path + (key,), document, seen, depth + 1)
    return result


def _require_tag(node, expected: str, pos: Pos) -> None:
    if node.tag != _SCALAR_TAG + expected:
        raise _Refused(pos, "Y104", f"the tag {_short_tag(node.tag)} is not allowed here; remove it")


def _convert_plain_scalar(value: str) -> Any:
    """A plain (unquoted) scalar's value by PyYAML's own rules, for the fast reading."""
    if value and value[0] not in _IMPLICIT_FIRST_CHARACTERS:
        return value  # what PyYAML's resolver would decide, without asking it
    tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
    result = _scalar_value(yaml.ScalarNode(tag, value), tag[len(_SCALAR_TAG):])
    if result is _NOT_A_SCALAR:
        raise fast_yaml.Decline
    return result


def _convert_scalar(node, pos: Pos) -> Any:
    tag = node.tag
    if not tag.startswith(_SCALAR_TAG):
        raise _Refused(pos, "Y104", f"the tag {_short_tag(tag)} is not allowed here; remove it")
    value = _scalar_value(node, tag[len(_SCALAR_TAG):])
    if value is _NOT_A_SCALAR:
        raise _Refused(pos, "Y104", f"the tag {_short_tag(tag)} is not allowed here; remove it")
    return value


_NOT_A_SCALAR = object()


def _scalar_value(node, kind: str) -> Any:
    if kind in ("str", "timestamp"):
        # Dates stay text: the data's own date syntax is checked later, with its own messages.
        return node.value
    if kind == "null":
        return None
    if kind == "bool":
        return _constructor.construct_yaml_bool(node)
    if kind == "int":
        return _constructor.construct_yaml_int(node)
    if kind == "float":
        return _constructor.construct_yaml_float(node)
    return _NOT_A_SCALAR
