"""What a reader's browser fetches on a first visit, and how soon it paints.

    python benchmarks/page_weight.py

Builds the site, serves it on 127.0.0.1, opens each page in headless Chromium with an
empty cache, and prints the bytes transferred (the document and every resource, from
the browser's own performance entries), the number of requests, and the time to first
contentful paint. Loopback makes the times a floor, not what a reader on a network sees.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from tests.browser.conftest import CHROMIUM_ARGS, Served, chromium_path  # noqa: E402
from tests.site_helpers import build  # noqa: E402

PAGES = ["", "timeline/", "figures/", "source/", "method/", "data/"]
MEASURE = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    requests: 1 + resources.length,
    fcp: paint ? paint.startTime : null,
  };
}"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    browser_path = chromium_path()
    if browser_path is None:
        print("no Chromium found: apt-get install chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        result = build(ROOT, Path(folder))
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        served = Served(Path(folder))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, headless=True, args=CHROMIUM_ARGS)
            print(f"{'page':<12} {'bytes':>10} {'requests':>9} {'FCP ms':>8}")
            for path in PAGES:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(served.url + path, wait_until="networkidle")
                figures = page.evaluate(MEASURE)
                print(f"{path or '/':<12} {figures['bytes']:>10,} {figures['requests']:>9} {figures['fcp'] or float('nan'):>8.0f}")
                context.close()
            browser.close()
        served.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
