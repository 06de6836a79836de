"""Headless Chromium (Debian's package, driven by Playwright from PyPI) against the built
site served on 127.0.0.1. With CI set, a missing browser fails the run; without it, the
browser tests are skipped and pytest's summary says why. Only CI=true counts as CI."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT
from tests.site_helpers import build, copy_project, make_hostile

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def on_ci(environ=os.environ) -> bool:
    """CI sets CI=true (GitHub Actions and .ci/run alike); CI=false or CI=0 is a person's shell."""
    return environ.get("CI") == "true"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Served:
    """A folder served on 127.0.0.1 on a free port, in a thread of this process."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "no Chromium found (install Debian's chromium: apt-get install chromium)"
        if on_ci():
            pytest.fail(f"browser tests cannot run on CI: {message}")
        pytest.skip(f"browser tests skipped: {message}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - the lock file installs it
        pytest.fail(f"playwright is not installed: {exc}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _build_and_serve(project: Path, folder: Path):
    result = build(project, folder)
    assert result.returncode == 0, result.stderr
    served = Served(folder)
    yield served.url
    served.close()


@pytest.fixture(scope="session")
def real_site(built_site):
    served = Served(built_site)
    yield served.url
    served.close()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-project"))
    make_hostile(project)
    yield from _build_and_serve(project, tmp_path_factory.mktemp("hostile-site"))


class Watched:
    """A page that records console errors, failed requests and every URL it asks for."""

    def __init__(self, context, page):
        self.context = context
        self.page = page
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def origins(self) -> set[str]:
        return {f"{u.scheme}://{u.netloc}" for u in map(urlparse, [*self.requests, self.page.url]) if u.scheme in ("http", "https")}


class Pages:
    """A new page for each test, in one browser context for each JavaScript setting, kept
    for the whole session. A new context starts a new renderer process for its first page,
    about 0.4 s of CPU, as much as loading the page; a page opened beside another of the
    same site is cheaper. So the last page a test used stays open, emptied, and what a context keeps
    between pages is cleared after each test: the storage and cookies of every address the
    test's pages asked for, and the HTTP cache. Each page gets its width and palette as a
    context of its own would (viewport, prefers-color-scheme). What a renderer process keeps
    in memory for pages of one site may outlive a test; nothing the tests read depends on it."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts: dict[bool, object] = {}
        self.kept: dict[bool, object] = {}  # the last page used, still open, so its process lives on

    def open(self, width: int, scheme: str, javascript: bool) -> Watched:
        context = self.contexts.get(javascript)
        if context is None:
            context = self.contexts[javascript] = self.browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=scheme)
        return Watched(context, page)

    def done(self, used: list[Watched]) -> None:
        """After a test: its pages closed but the last, which is emptied (about:blank, so none
        of its scripts runs on), and what they left in their contexts cleared."""
        for javascript, context in self.contexts.items():
            mine = [w for w in used if w.context is context]
            if not mine:
                continue
            origins = set().union(*(w.origins() for w in mine if not w.page.is_closed()))
            previous, self.kept[javascript] = self.kept.get(javascript), None
            for page in [previous, *(w.page for w in mine[:-1])]:
                if page is not None and not page.is_closed():
                    page.close()
            last = mine[-1].page
            if last.is_closed():
                continue
            last.goto("about:blank")
            session = context.new_cdp_session(last)
            try:
                for origin in origins:
                    session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
                session.send("Network.clearBrowserCache")
            finally:
                session.detach()
            context.clear_cookies()
            self.kept[javascript] = last

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def pages(browser):
    kept = Pages(browser)
    yield kept
    kept.close()


@pytest.fixture
def open_page(pages):
    used: list[Watched] = []

    def opener(width: int = 1280, scheme: str = "light", javascript: bool = True) -> Watched:
        used.append(pages.open(width, scheme, javascript))
        return used[-1]

    yield opener
    pages.done(used)
