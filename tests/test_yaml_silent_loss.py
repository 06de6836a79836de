"""Nothing an editor writes is lost silently: where YAML would drop the rest of a line (a
` #` after a plain value), or read a value otherwise than the text shows (an anchor, an
explicit tag), the checker refuses it on that line and says what to write instead."""
from __future__ import annotations

import re

import pytest

from scripts.check.cut_text import TEXT_FIELDS
from scripts.check.run import check_text
from scripts.load.yaml_silent_loss import silent_losses
from tests.conftest import DATA, REAL_DATA

LINES = REAL_DATA.read_text(encoding="utf-8").split("\n")
PLAIN = re.compile(r"^\s*(?:- )?([a-z_]+): ([^'\">|&!*\s].*)$")


def plain_text_lines():
    for number, line in enumerate(LINES, 1):
        match = PLAIN.match(line)
        if match and match.group(1) in TEXT_FIELDS:
            yield number, line


def test_every_plain_text_field_cut_by_a_comment_gives_one_message_on_its_line():
    cases = list(plain_text_lines())
    assert len(cases) > 30
    wrong = []
    for number, line in cases:
        lines = list(LINES)
        lines[number - 1] = line + " #2 in the town hall"
        errors = [d for d in check_text("\n".join(lines), "data/timeline.yaml", str(DATA)).errors]
        if [(d.code, d.line) for d in errors] != [("Y109", number)] or "«#2 in the town hall»" not in errors[0].message:
            wrong.append((number, [str(d) for d in errors]))
    assert wrong == []


@pytest.mark.parametrize("text", [
    "a: 'quoted #1 stays'\n",
    'a: "double #1 stays"\n',
    "a: >-\n  block #1 stays\n",
    "a: |\n  literal #1 stays\n",
    "# a comment on its own line\na: b\n",
    "a: b#c\n",  # no space before '#': part of the value
])
def test_what_keeps_its_words_is_not_reported(text):
    assert silent_losses(text) == []


def test_a_plain_value_over_several_lines_cut_on_its_last():
    (loss,) = silent_losses("summary: According to the report, the\n  resolution #1 was adopted\n")
    assert (loss.kind, loss.pos, loss.words) == ("comment", (1, 10), "#1 was adopted")


def test_a_comment_after_a_number_or_an_id_is_allowed():
    lines = [line + "  # checked" if re.match(r"^\s+(value|id|date|kind): ", line) else line for line in LINES]
    result = check_text("\n".join(lines), "data/timeline.yaml", str(DATA))
    assert result.ok, [str(d) for d in result.errors]


@pytest.mark.parametrize("written, code", [("&x The war of 2020", "Y103"), ("!!str The war of 2020", "Y104"), ("!custom The 2020 war", "Y104")])
def test_anchors_and_tags_are_refused_on_their_line(written, code):
    number = next(n for n, line in enumerate(LINES, 1) if line == "    title: The war of 2020")
    lines = list(LINES)
    lines[number - 1] = f"    title: {written}"
    result = check_text("\n".join(lines), "data/timeline.yaml", str(DATA))
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [(code, number, 12)]
