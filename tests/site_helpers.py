"""Build the site (the real one, or one from altered data) into a folder, as a test needs it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PROJECT_PARTS = ["mkdocs.yml", "docs", "scripts", "data"]
HOSTILE_TEXT = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'


def copy_project(into: Path) -> Path:
    """A copy of what the build reads, so a test can change its data without touching ours."""
    into.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, into / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, into / part)
    return into


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def make_hostile(project: Path) -> None:
    """Put script, event-handler and javascript: payloads into every free-text field of the data."""
    import yaml

    path = project / "data" / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for event in data["events"]:
        event["title"] = event["title"] + " " + HOSTILE_TEXT
        event["summary"] = HOSTILE_TEXT + " " + event["summary"]
    for figure in data["figures"]:
        figure["label"] = figure["label"] + " " + HOSTILE_TEXT
    for relation in data["relations"]:
        if "acknowledged" in relation:
            relation["acknowledged"]["note"] += " " + HOSTILE_TEXT
    for entry in data["left_out"]:
        entry["reason"] += " " + HOSTILE_TEXT
    data["sources"][0]["description"] += " " + HOSTILE_TEXT
    data["sources"][0]["publisher"] += " </script><script>alert(4)</script>"
    data["sources"][0]["published"]["inferred"]["reason"] += " " + HOSTILE_TEXT
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
