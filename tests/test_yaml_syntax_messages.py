"""A slip in the YAML is reported on the line the editor changed, in plain words, with that line."""
from __future__ import annotations

import pytest

from scripts.check.run import check_text
from tests.conftest import DATA, REAL_DATA, run_checker

LINES = REAL_DATA.read_text(encoding="utf-8").split("\n")


def line_of(start: str, after: int = 0) -> int:
    """The 1-based number of the first line (after line `after`) that starts with `start`."""
    return next(n for n, text in enumerate(LINES, 1) if n > after and text.startswith(start))


TITLE = line_of("    title: The Karabakh issue flares up again")
FOLDED = line_of("    summary: >-", TITLE) + 2  # the second line of that event's folded summary
FIRST_EVENT = line_of("  - id: karabakh-issue-reignited")
FLOW = line_of("      parts: [year, month, day]")

SLIPS = [
    # (what, line changed, its new text, words the message must hold)
    ("key without its colon", TITLE, "    title The Karabakh issue flares up again", "a key without ':' after it?"),
    ("folded line dedented", FOLDED, LINES[FOLDED - 1].replace("      ", "    ", 1), "indent it as far as that text"),
    ("field indented too far", TITLE, "      title: The Karabakh issue flares up again", "indented more than the line above it"),
    ("field indented too little", TITLE, "   title: The Karabakh issue flares up again", "indented less than the line above it"),
    ("colon inside a value", TITLE, "    title: The Karabakh issue: flares up again", "holds ': '"),
    ("quotation mark never closed", TITLE, '    title: "The Karabakh issue flares up again', "closes only at line"),
    ("text after the closing quote", TITLE, '    title: "The Karabakh" issue', "text follows the value's closing quotation mark"),
    ("apostrophe inside single quotes", TITLE, "    title: 'The Karabakh's issue'", "text follows the value's closing quotation mark"),
    ("reserved first character", TITLE, "    title: @Karabakh", "cannot begin with '@'"),
    ("asterisk first", TITLE, "    title: *Karabakh", "cannot begin with '*'"),
    ("list item without its dash", FIRST_EVENT, "    id: karabakh-issue-reignited", "is '- ' missing"),
    ("dash without a space", FIRST_EVENT, "  -id: karabakh-issue-reignited", "needs a space after '-'"),
    ("text after >-", TITLE + 1, "    summary: >- According", "nothing may follow on the same line"),
    ("list not closed", FLOW, "      parts: [year, month, day", "not closed with ']'"),
    ("backslash in double quotes", TITLE, '    title: "The \\q issue"', "backslash"),
    ("tab", TITLE, "\ttitle: x", "a tab cannot indent YAML"),
]


@pytest.mark.parametrize("what, line, new, words", SLIPS, ids=[s[0] for s in SLIPS])
def test_a_slip_is_reported_on_its_own_line(what, line, new, words):
    lines = list(LINES)
    lines[line - 1] = new
    result = check_text("\n".join(lines), "data/timeline.yaml", str(DATA))
    assert [(d.code, d.line) for d in result.diagnostics] == [("Y100", line)], [str(d) for d in result.diagnostics]
    diagnostic = result.diagnostics[0]
    assert words in diagnostic.message
    assert diagnostic.excerpt == new.rstrip()
    for parser_words in ("mapping values are not allowed", "could not find expected", "while scanning", "while parsing"):
        assert parser_words not in diagnostic.message


def test_the_command_shows_the_line(data_copy):
    lines = list(LINES)
    lines[TITLE - 1] = "    title The Karabakh issue flares up again"
    data_copy.write_text("\n".join(lines), encoding="utf-8")
    result = run_checker(str(data_copy))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.endswith(f":{TITLE}:5: Y100 YAML syntax: a key without ':' after it? (If this line continues the text above it, "
                          "indent it as far as that text); the line reads: «    title The Karabakh issue flares up again»")


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\x85", "\u2028", "\u2029"], ids=["CR", "CRLF", "NEL", "LS", "PS"])
def test_a_slip_in_a_file_with_other_line_breaks_is_reported_on_its_line(newline):
    """YAML ends a line at a lone carriage return and at NEL, LS and PS too, and numbers its
    lines so; the message names that line and shows it (a lone CR once raised IndexError)."""
    text = newline.join(["schema_version: 1", "sources:", "  - id: a", "    title: The issue: flares up", "events: []"])
    (diagnostic,) = check_text(text, "data/timeline.yaml", str(DATA)).errors
    assert (diagnostic.code, diagnostic.line, diagnostic.excerpt) == ("Y100", 4, "    title: The issue: flares up")
    assert "holds ': '" in diagnostic.message
