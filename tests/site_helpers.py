"""Build the site (the real one, or one from altered data) into a folder, as a test needs it."""
from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

PROJECT_PARTS = ["mkdocs.yml", "docs", "scripts", "data", "overrides"]
# What `make` reads to find the environment it made (its stamp holds both locks' checksum).
MAKE_PARTS = ["Makefile", "requirements-installer.txt", "requirements.txt"]
HOSTILE_TEXT = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
# A summary may write no number its entry's quotes do not (F603): its payload spells none.
HOSTILE_SUMMARY = HOSTILE_TEXT.translate(str.maketrans("0123456789", "abcdefghij"))


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
    # An address exported in a shell would move the build under its path: tests build at the root.
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


@dataclass
class Built:
    ok: bool
    log: str  # what the build logged at WARNING and above, and why it stopped


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


def build_in_process(project: Path, site: Path) -> Built:
    """What `build` runs (`mkdocs build --strict`, as the command line calls it), in this
    process: without a new interpreter and MkDocs' imports, a build takes half the time.

    Only for a copy whose scripts/ are ours (copy_project) and whose data the test changes:
    the hook imports `scripts` from this process, where this tree's are loaded already."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logged = _Logged()
    logger = logging.getLogger("mkdocs")
    saved, level = {key: os.environ.get(key) for key in ("SITE_URL", "NO_MKDOCS_2_WARNING")}, logger.level
    os.environ.pop("SITE_URL", None)  # as `build`: at the root, whatever the shell exports
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logger.setLevel(logging.INFO)  # as the command sets it: strict counts every warning
    logger.addHandler(logged)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        return Built(True, "\n".join(logged.lines))
    except MkDocsException as stopped:
        return Built(False, "\n".join([*logged.lines, str(stopped)]))
    finally:
        logger.removeHandler(logged)
        logger.setLevel(level)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def make_hostile(project: Path) -> None:
    """Put script, event-handler and javascript: payloads into every free-text field of the data."""
    import yaml

    path = project / "data" / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for event in data["events"]:
        event["title"] = event["title"] + " " + HOSTILE_TEXT
        event["summary"] = HOSTILE_SUMMARY + " " + event["summary"]
    for figure in data["figures"]:
        figure["label"] = figure["label"] + " " + HOSTILE_TEXT
    for relation in data["relations"]:
        if "acknowledged" in relation:
            relation["acknowledged"]["note"] += " " + HOSTILE_TEXT
        if "reason" in relation:
            relation["reason"] += " " + HOSTILE_TEXT
    for entry in data["left_out"]:
        entry["reason"] += " " + HOSTILE_TEXT
    data["sources"][0]["description"] += " " + HOSTILE_TEXT
    data["sources"][0]["publisher"] += " </script><script>alert(4)</script>"
    data["sources"][0]["published"]["inferred"]["reason"] += " " + HOSTILE_TEXT
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


class ServedCopy:
    """A copy of the project served by the README's command, `make serve DEV_ADDR=...`, on a
    free port; it shares the environment the tests run in instead of making its own."""

    def __init__(self, into: Path):
        self.project = copy_project(into)
        for part in MAKE_PARTS:
            shutil.copy2(ROOT / part, self.project / part)
        stamps = list(Path(sys.prefix).glob(".installed-*"))
        assert stamps, f"{sys.prefix} was not made by make; run the suite with `make test`"
        (self.project / ".venv").symlink_to(sys.prefix)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.data = self.project / "data" / "timeline.yaml"
        self.log = into / "serve.log"
        self.process = None

    def start(self) -> "ServedCopy":
        with open(self.log, "wb") as log:
            env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}  # serve at the root, as an editor does
            self.process = subprocess.Popen(["make", "serve", f"DEV_ADDR=127.0.0.1:{self.port}"], cwd=self.project, env=env,
                                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        return self

    def fetch(self, path: str = "", timeout: float = 3) -> str:
        """The page's HTML; a request that takes longer than `timeout` raises (a hung server)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=timeout) as response:
            return response.read().decode("utf-8")

    def wait_for(self, predicate, seconds: float, path: str = "") -> float:
        """Seconds until the page at `path` satisfies `predicate`; raises after `seconds`."""
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            try:
                if predicate(self.fetch(path)):
                    return time.monotonic() - started
            except (ConnectionError, urllib.error.URLError):
                pass  # not listening yet
            time.sleep(0.02)
        raise AssertionError(f"the page {path!r} did not change within {seconds} s; server log:\n{self.output()[-3000:]}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
