"""How the checker's time grows with the data: synthetic data of N events (each with a
figure) and a source of matching size, checked end to end from the file.

    python benchmarks/check_speed.py [N ...]      # default: 100 1000 10000 100000

Every size is checked once, cold, in a fresh process (this script again, with --one), so
no size inherits another's warm caches or heap and the figures compare. Prints one line
per N: the YAML's size, the time to check it, the errors found (none: the data is sound),
the time per event, and that as a ratio of the time per event at 10,000 events, which
stays near 1 when the cost grows linearly.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if __name__ == "__main__":
    sys.path[0] = ROOT

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
SOURCE_FILE = "sources/synthetic.txt"  # where the data's folder keeps the synthetic source
REFERENCE = 10_000  # the size whose cost per event the others are compared with


def synthetic(n: int) -> tuple[str, bytes]:
    """YAML text and source bytes for n events, each dated and carrying one figure, whose count
    begins on its event's day, written in the figure's quote."""
    sentences, events, figures = [], [], []
    for i in range(n):
        # One day apart, so the events are in date order as the checker requires.
        when = datetime.date(1800, 1, 1) + datetime.timedelta(days=i)
        year, month, day = when.year, when.month, when.day
        sentences.append(f"Entry {_words(i)} happened on {MONTHS[month - 1]} {day}, {year}, in town {_words(i)}, where {i + 1000} people gathered.")
        events.append(
            f"  - id: event-{i}\n    date: {year:04d}-{month:02d}-{day:02d}\n    title: Event {i}\n"
            # The summary restates the figure and the date, as the checker holds it to them.
            f"    summary: According to the source, {i + 1000} people gathered in town {_words(i)} on {MONTHS[month - 1]} {day}, {year}.\n"
            "    source: synthetic\n"
            f"    quote: Entry {_words(i)} happened on {MONTHS[month - 1]} {day}, {year}, in town {_words(i)}\n"
        )
        figures.append(
            f"  - id: figure-{i}\n    label: Gathered at event {i}\n    kind: detained\n    unit: people\n"
            f"    value: {i + 1000}\n    event: event-{i}\n"
            # The figure's quote writes the day its count begins, so its start is written, not
            # inferred: the common case, the one measured here (the inferred start, from a named
            # passage, is covered by tests/test_figure_spans.py and the figure_span_* fixtures).
            # Its quote overlaps the event's, and the two cover every word of the sentence.
            f"    start:\n      date: {year:04d}-{month:02d}-{day:02d}\n    as_of: not stated\n"
            f"    source: synthetic\n    quote: on {MONTHS[month - 1]} {day}, {year}, in town {_words(i)}, where {i + 1000} people gathered\n"
        )
    source = ("Synthetic source, 2000\n" + "\n".join(sentences) + "\n").encode()
    head = (
        f"schema_version: 1\nsources:\n  - id: synthetic\n    file: {SOURCE_FILE}\n"
        f"    sha256: {hashlib.sha256(source).hexdigest()}\n    publisher: Benchmark\n    title: Synthetic source\n"
        "    published:\n      date: \"2000\"\n      inferred:\n        parts: [year]\n        from: Synthetic source, 2000\n        reason: none\n"
    )
    body = "events:\n" + "".join(events) + "figures:\n" + "".join(figures) + "relations: []\nleft_out: []\n"
    return head + body, source


def _words(i: int) -> str:
    # Letters, not digits, so the only numbers in a sentence are its date and its figure.
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = ""
    while True:
        i, r = divmod(i, 26)
        word = letters[r] + word
        if i == 0:
            return "alpha" + word


def write(n: int, folder: str) -> tuple[str, int]:
    """Write the data for n events and its source into `folder`: (the YAML's path, its bytes)."""
    text, source = synthetic(n)
    path = os.path.join(folder, f"n{n}.yaml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.makedirs(os.path.join(folder, os.path.dirname(SOURCE_FILE)), exist_ok=True)
    with open(os.path.join(folder, SOURCE_FILE), "wb") as handle:
        handle.write(source)
    return path, len(text.encode())


def check_once(path: str) -> dict:
    """In the fresh process: check the file once, end to end, and say how long it took."""
    from scripts.check.run import check_file
    from scripts.load import source_files, yaml_document

    # 100,000 synthetic events are some 40 MB of YAML, past the limit set for real files.
    yaml_document.MAX_BYTES = 1 << 30
    source_files.MAX_BYTES = 1 << 30
    start = time.perf_counter()
    result = check_file(path)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "errors": len(result.errors)}


def measure(n: int, folder: str) -> tuple[int, float, int]:
    path, size = write(n, folder)
    child = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", path], capture_output=True, text=True)
    if child.returncode != 0:
        raise SystemExit(f"checking {n:,} events failed:\n{child.stderr}")
    report = json.loads(child.stdout.splitlines()[-1])
    return size, report["seconds"], report["errors"]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(check_once(argv[1])))
        return 0
    sizes = [int(a) for a in argv] or [100, 1_000, 10_000, 100_000]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            print(f"checking {n:,} events in a fresh process...", file=sys.stderr, flush=True)
            rows.append((n, *measure(n, folder)))
    reference = next((seconds / n for n, _, seconds, _ in rows if n == REFERENCE), None)
    print(f"{'events':>8} {'YAML bytes':>12} {'check s':>9} {'µs/event':>9} {'errors':>6} {'ratio':>6}")
    for n, size, seconds, errors in rows:
        ratio = f"{seconds / n / reference:>6.2f}" if reference else f"{'-':>6}"
        print(f"{n:>8,} {size:>12,} {seconds:>9.3f} {seconds / n * 1e6:>9.1f} {errors:>6} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
