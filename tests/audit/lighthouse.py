"""Lighthouse on one page of the published site: its four scores, and what cost points."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.browser.conftest import chromium_path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ASSERTED = ("accessibility", "best-practices", "seo")  # performance on a shared machine is reported, not asserted
SCORES: dict[str, dict[str, int | None]] = {}  # page -> category -> score, for the run's summary


def audit(command: list[str], url: str, report: Path) -> dict:
    """Lighthouse's report on `url`, as JSON, written to `report` as well."""
    report.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    done = subprocess.run(
        [*command, url, "--quiet", "--output=json", f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox"],
        env=env, capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0 and report.is_file(), f"Lighthouse failed on {url}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return json.loads(report.read_text(encoding="utf-8"))


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
