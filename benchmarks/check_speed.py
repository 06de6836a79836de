"""How the checker's time grows with the data: synthetic data of N events (each with a
figure) and a source of matching size, checked end to end from the file.

    python benchmarks/check_speed.py [N ...]      # default: 100 1000 10000 100000

Prints one line per N: the YAML's size, the time to check it (best of 3), and the time
per event, which stays flat when the cost grows linearly.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import sys
import tempfile
import time

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from scripts.load import source_files, yaml_document as yaml_loader  # noqa: E402
from scripts.check.run import check_file  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def synthetic(n: int) -> tuple[str, bytes]:
    """YAML text and source bytes for n events, each dated and carrying one figure."""
    sentences, events, figures = [], [], []
    for i in range(n):
        # One day apart, so the events are in date order as the checker requires.
        when = datetime.date(1800, 1, 1) + datetime.timedelta(days=i)
        year, month, day = when.year, when.month, when.day
        sentences.append(f"Entry {_words(i)} happened on {MONTHS[month - 1]} {day}, {year}, in town {_words(i)}, where {i + 1000} people gathered.")
        events.append(
            f"  - id: event-{i}\n    date: {year:04d}-{month:02d}-{day:02d}\n    title: Event {i}\n"
            f"    summary: According to the source, event {i} happened.\n    source: synthetic\n"
            f"    quote: Entry {_words(i)} happened on {MONTHS[month - 1]} {day}, {year}, in town {_words(i)}\n"
        )
        figures.append(
            f"  - id: figure-{i}\n    label: Gathered at event {i}\n    kind: detained\n    unit: people\n"
            f"    value: {i + 1000}\n    event: event-{i}\n    source: synthetic\n    quote: where {i + 1000} people gathered\n"
        )
    source = ("Synthetic source, 2000\n" + "\n".join(sentences) + "\n").encode()
    head = (
        "schema_version: 1\nsources:\n  - id: synthetic\n    file: source.txt\n"
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


def measure(n: int, folder: str) -> tuple[int, float, int]:
    text, source = synthetic(n)
    path = os.path.join(folder, f"n{n}.yaml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    with open(os.path.join(folder, "source.txt"), "wb") as handle:
        handle.write(source)
    best = float("inf")
    for _ in range(3 if n <= 10_000 else 1):
        start = time.perf_counter()
        result = check_file(path)
        best = min(best, time.perf_counter() - start)
    return len(text.encode()), best, len(result.errors)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [100, 1_000, 10_000, 100_000]
    # 100,000 synthetic events are some 40 MB of YAML, past the limit set for real files.
    yaml_loader.MAX_BYTES = 1 << 30
    source_files.MAX_BYTES = 1 << 30
    print(f"{'events':>8} {'YAML bytes':>12} {'check s':>9} {'µs/event':>9} errors")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            size, seconds, errors = measure(n, folder)
            print(f"{n:>8,} {size:>12,} {seconds:>9.3f} {seconds / n * 1e6:>9.1f} {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
