"""A fast first reading of plain, well-formed YAML with rapidyaml.

It yields the values only, with scalars resolved by the caller (PyYAML's rules), and
declines anything unusual (a tag, an anchor, a duplicate key, more than one document,
a parse error, a character YAML forbids) so that the reference reading in
yaml_document.py can say exactly what is wrong and where.

It serves only files of 1 MiB and more; smaller ones, the real data among them, are
always read the reference way. Where both readers accept a text they give the same
values (tests/test_yaml_readings.py). A known limit: rapidyaml accepts a few malformed
texts that PyYAML refuses (a block scalar indicator with text after it on the same line,
">1:"), so a file over 1 MiB with such a slip is judged by its values, not its syntax.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any, Callable

try:
    import ryml
except ImportError:  # the reference reading alone still gives the same results, more slowly
    ryml = None

DECLINED = object()
MAX_DEPTH = 64

# What PyYAML's reader refuses; rapidyaml would let it through.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# YAML reserves these at the start of a plain scalar; rapidyaml reads "@x" where PyYAML
# stops with an error, so such a scalar is left to the reference.
_RESERVED_STARTS = frozenset("@`%!&*|>{}[],#'\"")


# Text the two readers treat differently goes to the reference: YAML 1.1 line breaks that
# PyYAML honours and rapidyaml (YAML 1.2) does not, tabs, a byte-order mark, directives
# and document markers at the start of a line.
_LEFT_TO_REFERENCE = re.compile("[\t\x85\u2028\u2029\ufeff]|^(?:%|---|\\.\\.\\.)", re.M)
# Below this size the reference reading is quick (15 KB: about 10 ms) and is always used,
# so the fast one serves only files too large to read the reference way at commit time.
FAST_FROM = 1 << 20


class Decline(Exception):
    """Leave this text to the reference reading."""


def read(text: str, convert_plain: Callable[[str], Any], fast_from: int = FAST_FROM) -> Any:
    """The document's value, or DECLINED."""
    if ryml is None or len(text) < fast_from or not text.strip() or _NOT_PRINTABLE.search(text) or _LEFT_TO_REFERENCE.search(text):
        return DECLINED
    buffer = bytearray(text.encode("utf-8"))
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_place(buffer)
        root = tree.root_id()
        if not tree.is_map(root) or tree.is_stream(root):
            return DECLINED
        return _Reader(tree, convert_plain).container(root, tree.type(root), 0)
    except (Decline, Exception):  # noqa: B014 - any failure of the fast reading means "ask the reference"
        return DECLINED


class _Reader:
    """Walks the tree by node-type bits: one call into rapidyaml per node where it can."""

    def __init__(self, tree, convert_plain: Callable[[str], Any]):
        self.tree, self.convert_plain = tree, convert_plain
        self.refused = ryml.KEYTAG | ryml.VALTAG | ryml.KEYANCH | ryml.VALANCH | ryml.KEYREF | ryml.VALREF

    def container(self, node: int, flags: int, depth: int) -> Any:
        tree = self.tree
        if depth > MAX_DEPTH or flags & self.refused:
            raise Decline
        children = []
        child = tree.first_child(node)
        while child != ryml.NONE:
            children.append(child)
            child = tree.next_sibling(child)
        if flags & ryml.MAP:
            result: dict[str, Any] = {}
            for child in children:
                child_flags = tree.type(child)
                key = self.key(child, child_flags)
                if key in result:
                    raise Decline
                result[key] = self.value(child, child_flags, depth + 1)
            return result
        if flags & ryml.SEQ:
            return [self.value(child, tree.type(child), depth + 1) for child in children]
        raise Decline

    def key(self, node: int, flags: int) -> str:
        if not flags & ryml.KEY:
            raise Decline
        key = self.tree.key(node)
        text = "" if key is None else bytes(key).decode("utf-8")
        if (flags & ryml.KEYQUO) == 0 and (not text or text[0] in _RESERVED_STARTS):
            raise Decline
        return text

    def value(self, node: int, flags: int, depth: int) -> Any:
        if flags & (ryml.MAP | ryml.SEQ):
            return self.container(node, flags, depth)
        if flags & self.refused:
            raise Decline
        raw = self.tree.val(node)
        text = "" if raw is None else bytes(raw).decode("utf-8")
        if flags & ryml.VALQUO:
            return text
        if text[:1] in _RESERVED_STARTS:
            raise Decline
        return self.convert_plain(text)


@contextlib.contextmanager
def _quiet_stderr():
    """rapidyaml prints its parse errors to the process's stderr; the reference reading reports them."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
