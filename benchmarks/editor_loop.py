"""How long an editor waits: the check, and under `make serve` the time from saving the
YAML to the updated page, and to the error panel, polled over HTTP as a browser would.

    python benchmarks/editor_loop.py [ROUNDS]     # default 5 rounds of each

Serves a copy of the project with the README's command on a free port. Each round saves
a change and polls the page every 20 ms until it shows it; prints the median and the
worst round. The poll interval bounds the resolution.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from tests.site_helpers import ServedCopy  # noqa: E402

TITLE = "title: The Karabakh issue flares up again"


def check_seconds(runs: int) -> list[float]:
    """The whole command, as an editor or pre-commit runs it: process start included."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "scripts" / "check_data.py")], cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def save_and_wait(served: ServedCopy, text: str, shows) -> float:
    served.data.write_text(text, encoding="utf-8")
    start = time.monotonic()
    served.wait_for(shows, 30, "timeline/")
    return time.monotonic() - start


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else 5
    updated, panel = [], []
    with tempfile.TemporaryDirectory() as folder:
        served = ServedCopy(Path(folder)).start()
        try:
            good = served.data.read_text(encoding="utf-8")
            served.wait_for(lambda html: "flares up again" in html, 60, "timeline/")
            for n in range(rounds):
                title = f"flares up again, take {n}"
                updated.append(save_and_wait(served, good.replace("flares up again", title), lambda html, t=title: t in html))
                broken = good.replace("value: 744", f"value: {745 + n}")
                panel.append(save_and_wait(served, broken, lambda html, v=745 + n: f"the value {v} is not written" in html))
            served.data.write_text(good, encoding="utf-8")
        finally:
            served.stop()
    checks = check_seconds(rounds)
    print(f"{'step':<44} {'median s':>9} {'worst s':>8}")
    for name, times in (("check_data.py on the real data (whole process)", checks),
                        ("save -> updated page under make serve", updated),
                        ("save -> error panel under make serve", panel)):
        print(f"{name:<44} {statistics.median(times):>9.2f} {max(times):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
