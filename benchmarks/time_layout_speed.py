"""How the picture of time's layout grows with the number of events.

    python benchmarks/time_layout_speed.py [N ...]     # default: 11 100 1000 10000 100000

Lays out N events (one a day, as in check_speed.py's synthetic data) across and down the
page, best of 3, and prints the time per event, which stays nearly flat for an
O(n log n) layout, and how far it had to group the events.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

from scripts.site.picture.layout import picture  # noqa: E402
from tests.test_time_layout import day_items  # noqa: E402


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [11, 100, 1_000, 10_000, 100_000]
    print(f"{'events':>8} {'orientation':<11} {'seconds':>8} {'µs/event':>9} {'marks':>6} grouped by")
    for n in sizes:
        items = day_items(n)
        for orientation in ("horizontal", "vertical"):
            best, made = float("inf"), None
            for _ in range(3):
                start = time.perf_counter()
                made = picture(items, orientation)
                best = min(best, time.perf_counter() - start)
            print(f"{n:>8,} {orientation:<11} {best:>8.4f} {best / n * 1e6:>9.1f} {len(made.marks):>6} {made.grouped_by}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
