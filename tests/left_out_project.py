"""A small checked data file whose source has every kind of sentence the Source page marks:
quoted, left out (one passage in two places), partly each (a left-out passage that runs into
a quote), and a reason that carries markup. Written into a folder by a test, so that it does
not depend on the shared fixtures."""
from __future__ import annotations

import hashlib
from pathlib import Path

TEXT = (
    "Harbour notes\n"
    "On May 4, 1990, the harbour flooded. Fishermen said the sea had never looked so grey.\n"
    "The mayor resigned on June 1, 1990, said the notes. Fishermen said the sea had never looked so grey.\n"
)
HOSTILE_REASON = 'The notes naming themselves <script>alert(1)</script> & "more".'

YAML = """\
schema_version: 1
sources:
  - id: notes
    file: sources/notes.txt
    sha256: {sha256}
    publisher: Test
    title: Harbour notes
    published:
      date: "1990"
      inferred:
        parts: [year]
        from: On May 4, 1990
        reason: The notes' first date.
events:
  - id: flood
    date: 1990-05-04
    title: The harbour floods
    summary: According to the notes, the harbour flooded.
    source: notes
    quote: On May 4, 1990, the harbour flooded
  - id: mayor-resigns
    date: 1990-06-01
    title: The mayor resigns
    summary: According to the notes, the mayor resigned.
    source: notes
    quote: The mayor resigned on June 1, 1990
figures: []
relations: []
left_out:
  - quote: Fishermen said the sea had never looked so grey
    source: notes
    reason: Hearsay, without a date.
  - quote: 1990, said the notes
    source: notes
    reason: '{reason}'
"""

# A second source, for the list's grouping by source: its title, its date's passage and one
# passage left out hold all its words.
MEMO = "Memo\nThe memo was filed in 1990.\n"
MEMO_YAML = """\
  - id: memo
    file: sources/memo.txt
    sha256: {sha256}
    publisher: Second
    title: Memo
    published:
      date: "1990"
      inferred:
        parts: [year]
        from: in 1990
        reason: The memo's only date.
"""
MEMO_LEFT_OUT = """\
  - quote: The memo was filed
    source: memo
    reason: Not an event of its own.
"""

FISHERMEN = "Fishermen said the sea had never looked so grey"
NOTES = {
    "sentences": ["Harbour notes", "On May 4, 1990, the harbour flooded.", f"{FISHERMEN}.",
                  "The mayor resigned on June 1, 1990, said the notes.", f"{FISHERMEN}."],
    "statuses": ["quoted", "quoted", "left-out", "partly", "left-out"],
    "left_out_places": [(0, FISHERMEN), (1, "1990, said the notes"), (0, FISHERMEN)],
}


def write_notes(folder: Path, memo: bool = False) -> Path:
    """The notes' source and data file in `folder`, with the memo as a second source if asked;
    returns the data file."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "notes.txt").write_text(TEXT, encoding="utf-8")
    data = YAML.format(sha256=_sha256(TEXT), reason=HOSTILE_REASON.replace("'", "''"))
    if memo:
        (folder / "sources" / "memo.txt").write_text(MEMO, encoding="utf-8")
        data = data.replace("events:\n", MEMO_YAML.format(sha256=_sha256(MEMO)) + "events:\n") + MEMO_LEFT_OUT
    path = folder / "timeline.yaml"
    path.write_text(data, encoding="utf-8")
    return path


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
