"""Lighthouse's four scores for every page of the site as published, performance included.

    python benchmarks/lighthouse_scores.py

The tests hold accessibility, best practices and SEO at 100 (tests/audit/); performance
is measured here rather than asserted there, since on a shared machine it measures the
machine as much as the pages. Builds the site with a public address, serves it under its
sub-path as GitHub Pages would, audits each page in one Chromium (Lighthouse from
tests/audit/node_modules, installed by `npm ci` there) and prints page by category.
Lighthouse's simulated throttling makes the performance score a model of a slow phone on a
slow network, not a timing of this machine.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from tests.audit import lighthouse as lh  # noqa: E402
from tests.audit.published import published  # noqa: E402
from tests.audit.tools import lighthouse  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        server = published(Path(folder) / "site", ROOT)
        try:
            found = lh.audit_all(lighthouse(), {name: server.url + path for name, path in lh.PAGES.items()},
                                 Path(folder) / "reports", lh.CATEGORIES)
        finally:
            server.close()
    for line in lh.table({name: lh.scores(result) for name, result in found.items()}):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
