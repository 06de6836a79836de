"""`mkdocs serve` (what `make serve` runs) serves the site and rebuilds it when the data changes."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.site_helpers import copy_project

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_the_data_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/timeline/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert wait_for(lambda: "The Karabakh issue flares up again" in fetch(url), 60), "the site was not served"
        data = project / "data" / "timeline.yaml"
        data.write_text(data.read_text(encoding="utf-8").replace("title: The Karabakh issue flares up again", "title: The Karabakh issue flares up once more"), encoding="utf-8")
        assert wait_for(lambda: "The Karabakh issue flares up once more" in fetch(url), 60), "the edit was not rebuilt"
        # A mistake stops the rebuild (the page is not made from unchecked data); fixing it resumes.
        good = data.read_text(encoding="utf-8")
        data.write_text(good.replace("value: 744", "value: 745"), encoding="utf-8")
        time.sleep(5)
        assert server.poll() is None, "the server stopped on bad data"
        data.write_text(good.replace("flares up once more", "flares up yet again"), encoding="utf-8")
        assert wait_for(lambda: "The Karabakh issue flares up yet again" in fetch(url), 60), "no rebuild after the fix"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output
    assert "data/timeline.yaml:" in output and ": F600 the value 745 is not written" in output
