"""How long the site takes to build, and the hook's share of it.

    python benchmarks/build_speed.py [N]     # N synthetic events besides the real data (default 10000)

Builds the real site and a site from N synthetic events, each twice: with the timeline
rendered, and with render_timeline replaced by a stub, so the difference is the cost of
the timeline page (our rendering, and Material's search indexing of it). Also times the
hook's check alone. Best of 3 runs for the real site, one run for the synthetic one.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)
os.environ["NO_MKDOCS_2_WARNING"] = "1"

from markupsafe import Markup  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from benchmarks.check_speed import synthetic  # noqa: E402
from scripts.site import fragments  # noqa: E402
from scripts.check.run import check_file  # noqa: E402
from tests.site_helpers import copy_project  # noqa: E402


def project_with(data: tuple[str, bytes] | None, into: Path) -> Path:
    copy_project(into)
    if data is not None:
        text, source_bytes = data
        (into / "data" / "timeline.yaml").write_text(text.replace("file: source.txt", "file: sources/synthetic.txt"), encoding="utf-8")
        (into / "data" / "sources" / "synthetic.txt").write_bytes(source_bytes)
    return into


def timed_build(project: Path, site: Path, stub: bool, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        start = time.perf_counter()
        if stub:
            with mock.patch.object(fragments, "render_timeline", lambda *a, **k: Markup("<ol></ol>")):
                # The stub drops every entry; the hook would rightly refuse to build it.
                with mock.patch.object(fragments, "all_ids", lambda dataset: []):
                    build(config)
        else:
            build(config)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 10_000
    logging.basicConfig(level=logging.ERROR)
    print(f"{'site':<22} {'build s':>8} {'timeline stubbed s':>19} {'timeline share':>15} {'check alone s':>14} {'timeline page bytes':>20}")
    with tempfile.TemporaryDirectory() as folder:
        for name, data in (("real data", None), (f"{n:,} synthetic events", synthetic(n))):
            project = project_with(data, Path(folder) / name.replace(" ", "-"))
            site = project / "site"
            runs = 3 if data is None else 1
            full = timed_build(project, site, stub=False, runs=runs)
            page_bytes = (site / "timeline" / "index.html").stat().st_size
            stubbed = timed_build(project, site, stub=True, runs=runs)
            start = time.perf_counter()
            check_file(str(project / "data" / "timeline.yaml"))
            check = time.perf_counter() - start
            share = (full - stubbed) / full
            print(f"{name:<22} {full:>8.2f} {stubbed:>19.2f} {share:>14.0%} {check:>14.2f} {page_bytes:>20,}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
