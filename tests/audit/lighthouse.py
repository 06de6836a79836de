"""Lighthouse on the pages of the published site: their scores, and what cost points."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.browser.conftest import ROOT, chromium_path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# What the tests hold at 100. Performance on a shared machine measures the machine as much
# as the pages: benchmarks/lighthouse_scores.py measures and prints it, outside the suite.
ASSERTED = ("accessibility", "best-practices", "seo")
# The 404 page is audited at its own address: at a missing one, Lighthouse's SEO audit
# rightly marks the status 404 down, which is what that page must answer with.
PAGES = {"home": "", "timeline": "timeline/", "figures": "figures/", "source": "source/", "method": "method/", "data": "data/",
         "404": "404.html"}
REPORTS = ROOT / "test-artifacts" / "lighthouse"
SCORES = REPORTS / "scores.json"  # page -> category -> score, for the run's summary


def summary(since: float) -> list[str]:
    """The scores of the audits run since `since` (a time.time()), as lines of a table; the
    tests run in workers, so the summary reads what they wrote rather than their memory."""
    if not SCORES.is_file() or SCORES.stat().st_mtime < since:
        return []
    return table(json.loads(SCORES.read_text(encoding="utf-8")))


def table(found: dict[str, dict[str, int | None]]) -> list[str]:
    """Page by category, as lines of text; only the categories audited."""
    categories = [c for c in CATEGORIES if any(c in scores for scores in found.values())]
    return [f"{'page':<10}" + "".join(f"{c:>16}" for c in categories),
            *(f"{page:<10}" + "".join(f"{'-' if scores.get(c) is None else scores[c]:>16}" for c in categories) for page, scores in found.items())]


def audit_all(command: list[str], urls: dict[str, str], reports: Path, categories=ASSERTED) -> dict[str, dict]:
    """Lighthouse's report on each page of `urls` (name -> address) in `categories`, as JSON,
    each written to `reports`/name.json as well; one browser for all (run_lighthouse.mjs)."""
    for name in urls:
        (reports / f"{name}.json").unlink(missing_ok=True)
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    done = subprocess.run([*command, ",".join(categories), str(reports), *(f"{name}={url}" for name, url in urls.items())],
                          env=env, capture_output=True, text=True, timeout=120 + 60 * len(urls))
    missing = [name for name in urls if not (reports / f"{name}.json").is_file()]
    assert done.returncode == 0 and not missing, f"Lighthouse failed on {missing}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return {name: json.loads((reports / f"{name}.json").read_text(encoding="utf-8")) for name in urls}


def scores(result: dict) -> dict[str, int | None]:
    return {name: None if c["score"] is None else round(c["score"] * 100) for name, c in result["categories"].items()}


def lost_points(result: dict, category: str) -> list[str]:
    """Each audit that costs `category` points: its id, title, and the first elements it names."""
    lost = []
    for reference in result["categories"][category]["auditRefs"]:
        found = result["audits"][reference["id"]]
        if reference["weight"] and found["score"] is not None and found["score"] < 1:
            items = (found.get("details") or {}).get("items") or []
            where = [str((item.get("node") or {}).get("snippet") or item.get("url") or "")[:160] for item in items[:3]]
            lost.append(f"{found['id']}: {found['title']} {where}")
    return lost
