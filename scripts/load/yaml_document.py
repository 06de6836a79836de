"""Load YAML into plain values, remembering the line and column of every key and value.

PyYAML's own constructors would lose positions, accept duplicate keys silently and
expand aliases; so the values are built here from libyaml's events, refusing what a data
file has no use for. Reading the events in one pass, rather than composing PyYAML's tree
of nodes first, keeps the time per event flat as files grow; it reads every text as
composing would, the same values, positions and diagnostics (tests/test_yaml_readings.py
holds it to that). Text without a mistake is read for its values alone, some 0.35 s for
10,000 events, and for its positions only as far as a message asks (Document.pos): a clean
run asks for almost none.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Optional

import yaml
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, DocumentEndEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent

from . import yaml_errors
from ..diagnostics import Diagnostic, Pos, error
from .yaml_silent_loss import silent_losses

# The real data is some 15 KB; a limit far above it keeps a huge file from tying up a commit hook.
MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = SafeConstructor()

Path = tuple  # keys and indexes from the document root

_SCALAR_TAG = "tag:yaml.org,2002:"


class Document:
    """A YAML document as plain values with the positions of its nodes.

    Read from text without a mistake (read_yaml), a document reads the positions only as far
    into the text as it is asked for them: a run that reports nothing asks for few or none,
    and recording them all took half the time of reading a large file."""

    def __init__(self, path: str, value: Any, positions: Optional[dict[Path, Pos]] = None, key_positions: Optional[dict[Path, Pos]] = None,
                 cut_by_comment: Optional[dict[Pos, str]] = None):
        self.path = path
        self.value = value
        self._positions: dict[Path, Pos] = {} if positions is None else positions
        self._key_positions: dict[Path, Pos] = {} if key_positions is None else key_positions
        # Where a plain value is followed by a comment on its line, and the comment: YAML keeps
        # the value without it, which the checker refuses in text that readers see.
        self.cut_by_comment: dict[Pos, str] = {} if cut_by_comment is None else cut_by_comment
        self._reading: Optional[Iterator[None]] = None  # records the positions, a node at a time, until it ends

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, value={self.value!r})"

    @property
    def positions(self) -> dict[Path, Pos]:
        """Where each value starts, by its path."""
        self._read_until(lambda: False)
        return self._positions

    @property
    def key_positions(self) -> dict[Path, Pos]:
        """Where each mapping entry's key starts, by the path of its value."""
        self._read_until(lambda: False)
        return self._key_positions

    def _read_until(self, found: Callable[[], bool]) -> None:
        """Record positions until `found` says so, or the text ends."""
        reading = self._reading
        while reading is not None and not found():
            if next(reading, _ENDED) is _ENDED:
                self._reading = reading = None

    def pos(self, path: Path) -> Pos:
        """Where the value at `path` starts, or the nearest enclosing value that exists."""
        path = tuple(path)
        positions = self._positions
        # A value is recorded after every value it lies in, so its enclosing values are recorded once it is.
        self._read_until(lambda: path in positions)
        while path not in positions and path:
            path = path[:-1]
        return positions.get(path, Pos(1, 1))

    def key_pos(self, path: Path) -> Pos:
        """Where the key of the mapping entry at `path` starts (its value if it has no key)."""
        path = tuple(path)
        self._read_until(lambda: path in self._key_positions or path in self._positions)
        return self._key_positions.get(path) or self.pos(path)


_ENDED = object()


def _positions_of(text: str, positions: dict[Path, Pos], key_positions: dict[Path, Pos]) -> Iterator[None]:
    """Record where each key and value of the text starts, node by node, as _read_document does
    for text without a mistake (no anchor, alias or key other than plain text: read_yaml reads
    any other text with its positions at once)."""
    loader = _Loader(text)
    try:
        get = loader.get_event
        get()  # the stream's start
        get()  # the document's
        open_: list[_Place] = []
        while True:
            event = get()
            kind = type(event)
            if kind is DocumentEndEvent:
                return
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                open_.pop()
                continue
            mark = event.start_mark
            pos = _new_tuple(Pos, (mark.line + 1, mark.column + 1))
            if not open_:
                path: Path = ()
            else:
                parent = open_[-1]
                if parent.is_mapping and parent.at is None:
                    parent.at = parent.path + (event.value,)
                    key_positions[parent.at] = pos
                    yield
                    continue
                if parent.is_mapping:
                    path, parent.at = parent.at, None
                else:
                    path = parent.path + (parent.count,)
                    parent.count += 1
            positions[path] = pos
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                open_.append(_Place(path, kind is MappingStartEvent))
            yield
    finally:
        loader.dispose()


class _Place:
    """A list or mapping whose positions are being recorded: its path, and in a mapping the
    path of the value whose key was read last, in a list the count of its items so far."""

    __slots__ = ("path", "is_mapping", "at", "count")

    def __init__(self, path: Path, is_mapping: bool):
        self.path, self.is_mapping = path, is_mapping
        self.at: Optional[Path] = None
        self.count = 0


class _Refused(Exception):
    def __init__(self, pos: Pos, code: str, message: str):
        super().__init__(message)
        self.pos, self.code, self.message = pos, code, message


def _mark_pos(mark) -> Pos:
    # Made for each of a file's keys and values: tuple.__new__ skips the Python-level
    # __new__ a NamedTuple adds, which took a tenth of the reading's time on a large file.
    return _new_tuple(Pos, (mark.line + 1, mark.column + 1))


_new_tuple = tuple.__new__


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
    """Parse YAML text; on any problem return None and diagnostics that name the place.
    What YAML would read otherwise than the text shows is refused or, for a comment after
    a plain value, noted for the checker (yaml_silent_loss.py)."""
    document, problems = read_yaml(text, path)
    if document is None:
        return None, problems
    refused = []
    for loss in silent_losses(text):
        if loss.kind == "comment":
            document.cut_by_comment[loss.pos] = loss.words
        elif loss.kind == "anchor":
            refused.append(error(path, loss.pos, "Y103", f"the anchor {loss.words} names a value for an alias (*) to repeat, and aliases are not allowed; remove {loss.words}"))
        else:
            refused.append(error(path, loss.pos, "Y104", f"the tag {loss.words} changes how YAML reads the value after it; remove it (put the value in quotes if it is text)"))
    if refused:
        return None, refused
    return document, []


def read_yaml(text: str, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """The values and positions YAML reads in the text, as composing would read them. The
    values are read first, alone, and the positions when first asked for; text with any
    mistake is read again at once, positions and all, for messages that name their places."""
    document = Document(path, None)
    loader = _Loader(text)
    try:
        found = _Reading(loader, document, with_positions=False).read()
    except (yaml.YAMLError, RecursionError, MemoryError, _Refused, _ReadWithPositions):
        found = False
    finally:
        loader.dispose()
    if not found:
        return _read_with_positions(text, path)
    document._reading = _positions_of(text, document._positions, document._key_positions)
    return document, []


def _read_with_positions(text: str, path: str) -> tuple[Document | None, list[Diagnostic]]:
    document = Document(path, None)
    loader = _Loader(text)
    try:
        found = _Reading(loader, document).read()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text, path)]
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [error(path, _offset_pos(text, exc.position), "Y101", f"character U+{character:04X} is not allowed in YAML ({exc.reason}); remove it")]
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        return None, [error(path, Pos(1, 1), "Y100", f"YAML cannot be read: {type(exc).__name__}")]
    except _Refused as refused:
        return None, [error(path, refused.pos, refused.code, refused.message)]
    finally:
        loader.dispose()
    if not found:
        return None, [error(path, Pos(1, 1), "Y107", "the file is empty; it should hold a mapping with sources, events and figures")]
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


class _Anchored:
    """A node that carries an anchor, as far as an alias to it needs to know."""

    __slots__ = ("mark", "scalar", "converted")

    def __init__(self, mark, scalar):
        self.mark = mark
        self.scalar = scalar  # its ScalarEvent, or None for a list or mapping
        self.converted = False  # made a value once: a second time is through an alias (Y103)


class _ReadWithPositions(Exception):
    """Something the reading of values alone leaves to the reading with positions, which words
    its message (or, for an anchor or an alias, reads it)."""


class _Open:
    """A list or mapping being filled: where it is, and (in a mapping) the key awaiting its value."""

    __slots__ = ("value", "path", "depth", "key")

    def __init__(self, value, path: Path, depth: int):
        self.value, self.path, self.depth = value, path, depth
        self.key = _NO_KEY


_NO_KEY = object()
_STR_TAG, _MAP_TAG, _SEQ_TAG, _TIMESTAMP_TAG, _INT_TAG = (_SCALAR_TAG + kind for kind in ("str", "map", "seq", "timestamp", "int"))


class _Reading:
    """One pass over libyaml's events that builds the values and their positions.

    It answers as composing PyYAML's nodes and then walking them would: the composer's own
    errors (an undefined or duplicate anchor, a second document) and every syntax error
    come before anything refused here, wherever they stand in the file; so after the first
    refusal the events are still read to the end, for those alone."""

    def __init__(self, loader, document: Document, with_positions: bool = True):
        self.loader, self.document = loader, document
        self.with_positions = with_positions
        self.anchors: dict[str, _Anchored] = {}
        self.refused: Optional[_Refused] = None
        # PyYAML's resolver gives a list or mapping its default tag and types a plain scalar by
        # its first character (one no implicit type starts with is text, as is a quoted one),
        # unless it also resolves by path or for any first character. When it does neither,
        # those answers are given here without asking it, once for each of a file's values.
        resolvers = loader.yaml_implicit_resolvers
        self.simple_resolver = not loader.yaml_path_resolvers and None not in resolvers
        self.typed_first = frozenset(resolvers)
        self.plain_tags: dict[str, tuple[re.Pattern, list[str]]] = {}

    def read(self) -> bool:
        """Read the stream; whether it held a document (raises what PyYAML would, or _Refused)."""
        get = self.loader.get_event
        get()  # the stream's start
        if type(get()) is StreamEndEvent:
            return False
        root_mark = self._read_document() if self.with_positions else self._read_values()
        event = get()
        if type(event) is not StreamEndEvent:
            raise ComposerError("expected a single document in the stream", root_mark, "but found another document", event.start_mark)
        if self.refused is not None:
            raise self.refused
        return True

    def _read_document(self):
        """The events up to the document's end; the root's mark."""
        get, document = self.loader.get_event, self.document
        key_positions = document.key_positions
        open_: list[_Open] = []
        event = get()
        root_mark = event.start_mark
        while True:
            kind = type(event)
            if kind is DocumentEndEvent:
                return root_mark
            if self.refused is not None:
                self._compose_only(event, kind)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                open_.pop()
            elif not open_:
                document.value = self._value(event, kind, (), 0, open_)
            else:
                parent = open_[-1]
                key = parent.key
                if key is _NO_KEY and type(parent.value) is dict:
                    if kind is ScalarEvent and event.anchor is None:
                        mark = event.start_mark
                        key = event.value
                        at = parent.path + (key,)
                        if key in parent.value:
                            self._duplicate_key(key, at, _mark_pos(mark))
                        else:
                            key_positions[at] = _mark_pos(mark)
                            parent.key = key
                    else:
                        self._unusual_key(event, kind, parent)
                elif key is _NO_KEY:
                    items = parent.value
                    value = self._value(event, kind, parent.path + (len(items),), parent.depth + 1, open_)
                    items.append(value)
                else:
                    parent.value[key] = self._value(event, kind, parent.path + (key,), parent.depth + 1, open_)
                    parent.key = _NO_KEY
            event = get()

    def _read_values(self):
        """_read_document without the positions, for the common case alone: plain keys, and
        values that are lists, mappings or plain or tagged scalars. Anything else (an anchor,
        an alias, a key that is not plain text, a duplicate key, a value refused or nested too
        deep) is left to _read_document."""
        get, scalar = self.loader.get_event, self._scalar
        plain_text, typed_first = self.simple_resolver, self.typed_first
        event = get()
        root_mark = event.start_mark
        kind = type(event)
        if (kind is not MappingStartEvent and kind is not SequenceStartEvent) or event.anchor is not None:
            raise _ReadWithPositions
        # The list or mapping being filled, whether it is a mapping, the key awaiting its value
        # and its depth; and those that hold it, outermost first.
        container, is_mapping, key, depth = self._opened(event, kind, 0), kind is MappingStartEvent, _NO_KEY, 0
        self.document.value = container
        holding: list[tuple[Any, bool, int]] = []
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent and event.anchor is None:
                if is_mapping and key is _NO_KEY:
                    key = event.value
                    if key in container:
                        raise _ReadWithPositions
                    continue
                if depth >= MAX_DEPTH:
                    raise _ReadWithPositions
                text, tag = event.value, event.tag
                if plain_text and (tag is None or tag == "!") and (not event.implicit[0] or (text and text[0] not in typed_first)):
                    value = text
                else:
                    value = scalar(event, None)
                    if self.refused is not None:
                        raise _ReadWithPositions
                if is_mapping:
                    container[key] = value
                    key = _NO_KEY
                else:
                    container.append(value)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                if holding:
                    container, is_mapping, depth = holding.pop()
                    key = _NO_KEY
            elif kind is DocumentEndEvent:
                return root_mark
            elif (kind is MappingStartEvent or kind is SequenceStartEvent) and event.anchor is None:
                if is_mapping and key is _NO_KEY:
                    raise _ReadWithPositions  # a list or mapping as a key
                inner = self._opened(event, kind, depth + 1)
                if is_mapping:
                    container[key] = inner
                else:
                    container.append(inner)
                holding.append((container, is_mapping, depth))
                container, is_mapping, key, depth = inner, kind is MappingStartEvent, _NO_KEY, depth + 1
            else:
                raise _ReadWithPositions

    def _opened(self, event, kind, depth: int) -> Any:
        """The list or mapping an event starts, as _value makes it, without its position."""
        if depth > MAX_DEPTH:
            raise _ReadWithPositions
        if kind is MappingStartEvent:
            value, expected, node_kind = {}, _MAP_TAG, yaml.MappingNode
        else:
            value, expected, node_kind = [], _SEQ_TAG, yaml.SequenceNode
        tag = event.tag
        if tag is None or tag == "!":
            tag = expected if self.simple_resolver else self.loader.resolve(node_kind, None, event.implicit)
        if tag != expected:
            raise _ReadWithPositions
        return value

    def _value(self, event, kind, path: Path, depth: int, open_: list) -> Any:
        """The value an event starts (a list or mapping is filled by the events after it)."""
        if kind is AliasEvent:
            return self._alias_value(event, path, depth)
        anchor = event.anchor
        if anchor is not None:
            self._anchor(event, kind)
        mark = event.start_mark
        pos = _mark_pos(mark)
        if depth > MAX_DEPTH:
            return self._refuse(pos, "Y106", f"the data is nested more than {MAX_DEPTH} levels deep")
        if anchor is not None:
            self.anchors[anchor].converted = True
        self.document.positions[path] = pos
        if kind is ScalarEvent:
            return self._scalar(event, pos)
        tag = event.tag
        if kind is MappingStartEvent:
            value, expected, node_kind = {}, _MAP_TAG, yaml.MappingNode
        else:
            value, expected, node_kind = [], _SEQ_TAG, yaml.SequenceNode
        if tag is None or tag == "!":
            tag = expected if self.simple_resolver else self.loader.resolve(node_kind, None, event.implicit)
        if tag != expected:
            return self._refuse(pos, "Y104", f"the tag {_short_tag(tag)} is not allowed here; remove it")
        open_.append(_Open(value, path, depth))
        return value

    def _scalar(self, event, pos: Pos) -> Any:
        tag, text = event.tag, event.value
        if tag is None or tag == "!":
            if not self.simple_resolver:
                tag = self.loader.resolve(yaml.ScalarNode, text, event.implicit)
            elif not event.implicit[0] or (text and text[0] not in self.typed_first):
                return text
            else:
                tag = self._plain_tag(text)
        if tag == _STR_TAG or tag == _TIMESTAMP_TAG:
            return text  # dates stay text, as _scalar_value keeps them
        if tag == _INT_TAG and text.isdecimal() and text.isascii() and (text[0] != "0" or text == "0"):
            return int(text)  # what construct_yaml_int makes of plain digits (a leading 0 is octal)
        try:
            return _convert_scalar(yaml.ScalarNode(tag, text), pos)
        except _Refused as refused:
            self.refused = refused
            return None

    def _plain_tag(self, text: str) -> str:
        """The tag the resolver gives a plain scalar whose first character some implicit type
        starts with: the first of its types whose pattern matches, tried as one pattern
        (an alternation tries them in order) rather than one by one."""
        first = text[:1]
        found = self.plain_tags.get(first)
        if found is None:
            resolvers = self.loader.yaml_implicit_resolvers[first]
            alternatives = "|".join(f"(?P<t{i}>(?{'x' if regexp.flags & re.X else ''}:{regexp.pattern}))" for i, (_, regexp) in enumerate(resolvers))
            found = self.plain_tags[first] = (re.compile(alternatives), [tag for tag, _ in resolvers])
        pattern, tags = found
        match = pattern.match(text)
        return tags[int(match.lastgroup[1:])] if match else _STR_TAG

    def _alias_value(self, event, path: Path, depth: int) -> Any:
        anchored = self._alias(event)
        pos = _mark_pos(anchored.mark)
        if anchored.converted or anchored.scalar is None:
            # An alias stands for the anchored node itself, so its own place is lost.
            return self._refuse(self.document.key_pos(path), "Y103", f"anchors and aliases (&, *) are not allowed; this value repeats the one at line {pos.line}: write it out")
        # Not yet a value, so a key's scalar: an alias may repeat it, once, as a value.
        if depth > MAX_DEPTH:
            return self._refuse(pos, "Y106", f"the data is nested more than {MAX_DEPTH} levels deep")
        anchored.converted = True
        self.document.positions[path] = pos
        return self._scalar(anchored.scalar, pos)

    def _unusual_key(self, event, kind, parent: _Open) -> None:
        """A key through an alias, with an anchor, or that is a list or mapping."""
        if kind is AliasEvent:
            anchored = self._alias(event)
            key_pos, scalar = _mark_pos(anchored.mark), anchored.scalar
        else:
            if event.anchor is not None:
                self._anchor(event, kind)
            key_pos, scalar = _mark_pos(event.start_mark), (event if kind is ScalarEvent else None)
        if scalar is None:
            self._refuse(key_pos, "Y104", "a key must be plain text, not a list or mapping")
            return
        key = scalar.value
        at = parent.path + (key,)
        if key in parent.value:
            self._duplicate_key(key, at, key_pos)
            return
        self.document.key_positions[at] = key_pos
        parent.key = key

    def _duplicate_key(self, key: str, at: Path, pos: Pos) -> None:
        first = self.document.key_positions[at]
        self._refuse(pos, "Y102", f"duplicate key {key!r}: it is already set at line {first.line}, column {first.column}; keep one")

    def _refuse(self, pos: Pos, code: str, message: str) -> None:
        self.refused = _Refused(pos, code, message)

    def _anchor(self, event, kind) -> None:
        """What the composer checks of a node's anchor."""
        anchor = event.anchor
        if anchor in self.anchors:
            raise ComposerError("found duplicate anchor; first occurrence", self.anchors[anchor].mark, "second occurrence", event.start_mark)
        self.anchors[anchor] = _Anchored(event.start_mark, event if kind is ScalarEvent else None)

    def _alias(self, event) -> _Anchored:
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            raise ComposerError(None, None, "found undefined alias", event.start_mark)
        return anchored

    def _compose_only(self, event, kind) -> None:
        """After a refusal: only what the composer would still find wrong."""
        if kind is AliasEvent:
            self._alias(event)
        elif (kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent) and event.anchor is not None:
            self._anchor(event, kind)


def _convert_scalar(node, pos: Pos) -> Any:
    tag = node.tag
    if not tag.startswith(_SCALAR_TAG):
        raise _Refused(pos, "Y104", f"the tag {_short_tag(tag)} is not allowed here; remove it")
    try:
        value = _scalar_value(node, tag[len(_SCALAR_TAG):])
    except (ValueError, KeyError, IndexError):  # "!!int twelve", "!!bool maybe", "!!int": PyYAML's constructors raise
        raise _Refused(pos, "Y104", f"the tag {_short_tag(tag)} does not fit the value {node.value!r}; remove it") from None
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
