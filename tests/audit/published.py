"""The site as it is published: built with a public address and served under its sub-path,
as GitHub Pages serves a project's site (https://owner.github.io/project/), a missing
address answered with 404.html and the status 404.

The build takes its address from SITE_URL, as the workflow gives it; any SITE_URL in the
shell running the tests is left out, so a build without an address is one at the root."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

PREFIX = "/project/"
PAGES = ["", "timeline/", "figures/", "source/", "method/", "data/"]  # from the site's root


def build_at(project: Path, site: Path, site_url: str | None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site`, published at `site_url` (None: no address)."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        route = path.split("?", 1)[0].split("#", 1)[0]
        if not route.startswith(self.prefix):
            return os.path.join(self.directory, ".outside-the-prefix")  # no such file: not found
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class PagesServer:
    """A folder served on 127.0.0.1 under `prefix`, on a port chosen before the site is built
    (its address goes into the build), in a thread of this process."""

    def __init__(self, prefix: str = PREFIX):
        self.prefix = prefix
        self.folder: Path | None = None
        handler = type("Handler", (_PagesHandler,), {"prefix": prefix})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(self._handle, handler))
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.root + prefix
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def _handle(self, handler, *args, **kwargs):
        return handler(*args, directory=str(self.folder), **kwargs)

    def serve(self, folder: Path) -> "PagesServer":
        self.folder = folder
        return self

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def published(folder: Path, project: Path, prefix: str = PREFIX, address: bool = True) -> PagesServer:
    """`project` built into `folder` at a local public address (or, `address` False, with
    none) and served under `prefix`; raises with mkdocs's messages if the build fails."""
    server = PagesServer(prefix)
    result = build_at(project, folder, server.url if address else None)
    if result.returncode != 0:
        server.close()
        raise AssertionError(result.stderr)
    return server.serve(folder)
