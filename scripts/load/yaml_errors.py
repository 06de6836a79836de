"""YAML syntax errors in an editor's words, on the line the editor got wrong.

PyYAML reports where its parser gave up, which is often a line or more after the slip
("could not find expected ':'" on the line *after* a key without its colon), and in the
parser's own terms. Its context mark, the tokens before the problem and the indentation
of the lines around it usually tell the real place and what was meant.
"""
from __future__ import annotations

import re
from typing import Optional

import yaml

from ..diagnostics import Pos

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_EXCERPT_LIMIT = 200
_KEY_BEFORE = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"][^:#]*?):(?:\s|$)")

LINE_UP = "the fields of one entry line up under each other"
# Where YAML ends a line, and so counts the lines its marks name: a lone carriage return,
# NEL and the Unicode line and paragraph separators too, as editors show them.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The text's lines as YAML numbers them."""
    return _LINE_BREAK.split(text)


class Explained:
    """Where a syntax error is, in words, with the line it names."""

    def __init__(self, text: str, pos: Pos, message: str):
        self.pos, self.message = pos, message
        lines = yaml_lines(text)
        line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
        self.excerpt = line if len(line) <= _EXCERPT_LIMIT else line[: _EXCERPT_LIMIT - 1] + "…"


def explain(exc: yaml.MarkedYAMLError, text: str) -> Explained:
    problem, context = exc.problem or "", exc.context or ""
    at = _pos(exc.problem_mark or exc.context_mark)
    lines = yaml_lines(text)
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        return Explained(text, _pos(exc.context_mark),
                         "a key without ':' after it? (If this line continues the text above it, indent it as far as that text)")
    if problem.startswith("mapping values are not allowed"):
        return _colon_where_not_allowed(text, lines, at)
    if "expected '-' indicator" in problem or problem.startswith("expected <block end>"):
        return _indentation(text, lines, at, "is indented less than the line above it")
    if problem == "did not find expected key":
        return _unexpected_after_value(text, lines, exc, at)
    if "found character that cannot start any token" in problem:
        return _reserved_character(text, lines, at)
    if problem == "found undefined alias":
        return Explained(text, at, "a value cannot begin with '*': YAML reads it as a reference to an anchor; put the value in quotes")
    if "while scanning a block scalar" in context:
        return Explained(text, at, "after '>-' or '|' nothing may follow on the same line; start the text on the next line, indented")
    if "quoted scalar" in context and exc.context_mark is not None:
        if "unknown escape" in problem:
            return Explained(text, at, "a backslash in text inside double quotes starts an escape such as \\n; put the text in single quotes, or leave it unquoted")
        return Explained(text, _pos(exc.context_mark), "the quotation mark that opens this value is never closed; close it at the end of the value")
    if context.startswith("while parsing a flow") and exc.context_mark is not None:
        closing = "]" if "sequence" in context else "}"
        return Explained(text, _pos(exc.context_mark), f"the list opened here is not closed with '{closing}', or a ',' is missing between its items")
    if "expected a single document" in context or "but found another document" in problem:
        return Explained(text, at, "the file holds a second YAML document after '---'; keep one document")
    return Explained(text, at, f"YAML cannot read this line ({' '.join(p for p in (context, problem) if p)})")


def _pos(mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(1, 1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _field_column(line: str) -> int:
    """Where a line's field starts: after the '- ' of a list item."""
    item = re.match(r"^(\s*-\s+)\S", line)
    return len(item.group(1)) if item else _indent(line)


def _content_above(lines: list[str], line: int) -> Optional[int]:
    """The nearest line above `line` (1-based) that holds more than a comment."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _indentation(text: str, lines: list[str], at: Pos, how: str) -> Explained:
    above = _content_above(lines, at.line)
    if above is None:
        return Explained(text, at, f"this line {how}; {LINE_UP}")
    mine, theirs = _indent(lines[at.line - 1]), _field_column(lines[above - 1])
    return Explained(text, Pos(at.line, mine + 1),
                     f"this line {how}: it starts at column {mine + 1}, line {above} at column {theirs + 1}; {LINE_UP}")


def _colon_where_not_allowed(text: str, lines: list[str], at: Pos) -> Explained:
    line = lines[at.line - 1]
    key = _KEY_BEFORE.match(line[: at.column - 1] + " ") if at.column > 1 else None
    if key and key.end() <= at.column - 1:
        return Explained(text, at, f"the value of '{key.group(1).strip()}' holds ': ', which YAML reads as the start of another field; "
                                   "put the whole value in quotes, or write it on the next lines after '>-'")
    above = _content_above(lines, at.line)
    if above is not None and re.match(r"^\s*-[^\s-]", lines[above - 1]):
        where = Pos(above, _indent(lines[above - 1]) + 1)
        return Explained(text, where, "a list item needs a space after '-': write '- ' before the entry's first field")
    return _indentation(text, lines, at, "is indented more than the line above it")


def _unexpected_after_value(text: str, lines: list[str], exc, at: Pos) -> Explained:
    before, token = _tokens_around(text, exc.problem_mark.index)
    if isinstance(before, yaml.ScalarToken) and before.style in ('"', "'"):
        opened = _pos(before.start_mark)
        if opened.line < at.line:
            return Explained(text, opened, f"the quotation mark that opens this value closes only at line {at.line}, and text follows it there: "
                                           "is a closing mark missing here, or is there a quotation mark inside the text?")
        return Explained(text, opened, "text follows the value's closing quotation mark: a quotation mark inside quoted text ends it early; "
                                       "quote the value with the other kind of mark, or leave it unquoted")
    if isinstance(token, (yaml.BlockEntryToken, yaml.BlockSequenceStartToken)):
        start = _block_start(lines, at.line, at.column - 1)
        if start is not None:
            return Explained(text, Pos(start, _indent(lines[start - 1]) + 1),
                             f"this entry is not marked as a list item, though the item on line {at.line} below it is: "
                             "is '- ' missing before its first field?")
    return _indentation(text, lines, at, "does not line up with the fields above it")


def _tokens_around(text: str, index: int):
    """The token before the one at `index`, and that one."""
    before = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= index and not isinstance(token, yaml.BlockEndToken):
                return before, token
            if not isinstance(token, (yaml.BlockEndToken, yaml.KeyToken, yaml.ValueToken)):
                before = token
    except yaml.YAMLError:
        pass
    return before, None


def _block_start(lines: list[str], line: int, indent: int) -> Optional[int]:
    """The first line of the run of lines, indented deeper than `indent`, just above `line`."""
    start = None
    number = _content_above(lines, line)
    while number is not None and _indent(lines[number - 1]) > indent:
        start = number
        number = _content_above(lines, number)
    if start is None or lines[start - 1].lstrip().startswith("-"):
        return None
    return start


def _reserved_character(text: str, lines: list[str], at: Pos) -> Explained:
    line = lines[at.line - 1]
    character = line[at.column - 1] if 0 < at.column <= len(line) else "?"
    return Explained(text, at, f"a value cannot begin with '{character}', which YAML reserves; put the value in quotes")
