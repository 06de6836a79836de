"""The editing guide's five common mistakes, made on the real data.

The method page shows what the checker prints for each, computed at build time by the
same check the command line runs, so the guide cannot drift from the checker; a test
makes each mistake in a copy of data/ and compares the command's output with the page.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .yaml_loader import Document


@dataclass(frozen=True)
class Mistake:
    slug: str
    title: str
    what: str  # what the editor did, in words
    section: str  # "events" or "figures"
    entry_id: str
    field: str
    old: str  # text on the field's line ...
    new: str  # ... and what the editor wrote instead


MISTAKES = [
    Mistake("quote-not-verbatim", "A quote that is not verbatim", "wrote “persons” where the article writes “people”",
            "figures", "killed-total", "quote", "147 people", "147 persons"),
    Mistake("value-not-in-quote", "A value that is not in its quote", "typed 174 for the article’s 147",
            "figures", "killed-total", "value", "147", "174"),
    Mistake("date-disagrees", "A date that disagrees with its quote", "dated the decree the 15th; the quote says “January 5, 1994”",
            "events", "presidential-decree-1994", "date", "1994-01-05", "1994-01-15"),
    Mistake("misspelt-field", "A misspelt field", "wrote “sumary” for “summary”",
            "events", "war-2020", "summary", "summary:", "sumary:"),
    Mistake("duplicate-id", "Two entries with one id", "gave the homes figure the id of another figure",
            "figures", "homes-fired-on", "id", "homes-fired-on", "detained"),
]


class MistakeDoesNotApply(Exception):
    pass


def make(mistake: Mistake, text: str, document: Document) -> str:
    """`text` with the mistake made on the line where the entry's field is written."""
    entries = document.value.get(mistake.section, [])
    index = next((i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("id") == mistake.entry_id), None)
    if index is None:
        raise MistakeDoesNotApply(f"no entry in {mistake.section} has the id {mistake.entry_id!r}")
    line = document.key_pos((mistake.section, index, mistake.field)).line
    lines = text.split("\n")
    if mistake.old not in lines[line - 1]:
        raise MistakeDoesNotApply(f"line {line} does not hold {mistake.old!r}")
    lines[line - 1] = lines[line - 1].replace(mistake.old, mistake.new, 1)
    return "\n".join(lines)


SHOWN_PATH = "data/timeline.yaml"  # as the command line names it, run from the project's folder


def outputs(yaml_path: str) -> list[tuple[Mistake, list[str], str]]:
    """Each mistake with the lines `python scripts/check_data.py data/timeline.yaml` prints
    for it, or, where the data no longer has what the mistake needs, why not."""
    from .checker import check_text
    from .diagnostics import format_text, summary
    from .yaml_loader import load_text

    with open(yaml_path, encoding="utf-8-sig") as handle:
        text = handle.read()
    document, _ = load_text(text, yaml_path)
    if document is None:
        raise MistakeDoesNotApply(f"{yaml_path} cannot be read")
    folder = os.path.dirname(os.path.abspath(yaml_path))
    shown = []
    for mistake in MISTAKES:
        try:
            mistaken = make(mistake, text, document)
        except MistakeDoesNotApply as reason:
            shown.append((mistake, [], str(reason)))
            continue
        result = check_text(mistaken, SHOWN_PATH, folder)
        shown.append((mistake, [format_text(d) for d in result.diagnostics] + [summary(result.diagnostics, SHOWN_PATH)], ""))
    return shown
