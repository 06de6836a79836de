"""MkDocs adapter: check the data before anything is built, then put the rendered
fragments where the pages ask for them (`<div data-bj="timeline"></div>`).

The site's public address is `site_url` (mkdocs.yml takes it from SITE_URL), or none:
downloads, printed links, the JSON-LD's ids and the shared links' tags use it where it is
set. `mkdocs build` stops on bad data. `mkdocs serve` never does: a rebuild that fails, or
that merely logs a warning under `strict: true`, leaves the browser waiting until the
data is fixed. While serving, every page shows the checker's messages instead, and the
hook logs below WARNING. All the work is in check/, export/ and site/, which know
nothing of MkDocs.
"""
from __future__ import annotations

import logging
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from markupsafe import Markup  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from scripts import serve_mode  # noqa: E402
from scripts.check.result import Result  # noqa: E402
from scripts.check.run import check_file  # noqa: E402
from scripts.diagnostics import format_text  # noqa: E402
from scripts.export.downloads import downloads  # noqa: E402
from scripts.site import fragments  # noqa: E402
from scripts.site.common import Links, printable_links  # noqa: E402
from scripts.site.errors import render_error_panel, render_unavailable  # noqa: E402
from scripts.site.page_meta import PREVIEW, document_title, page_meta, render_head, render_title  # noqa: E402
from scripts.site.preview_card import preview_png  # noqa: E402

log = logging.getLogger("mkdocs.hooks.black_january")
PLACEHOLDER = re.compile(r'<div data-bj="([a-z-]+)"></div>')
PAGES = {"timeline": "timeline.md", "figures": "figures.md", "source": "source.md"}
_state: dict[str, object] = {}


def on_startup(command, dirty):
    serve_mode.serving = command == "serve"


def on_config(config):
    data = os.path.relpath(os.path.join(os.path.dirname(config.config_file_path), "data", "timeline.yaml"))
    result = check_file(data)
    for diagnostic in result.diagnostics:
        # Acknowledged differences are reported, not warned about: strict mode fails on warnings.
        loud = diagnostic.is_error and not serve_mode.serving
        (log.error if loud else log.info)(format_text(diagnostic))
    if not result.ok and not serve_mode.serving:
        raise Abort(f"{data}: {len(result.errors)} error(s) in the data; the site is not built from unchecked data")
    _state["result"] = result
    return config


def on_files(files, config):
    result: Result = _state["result"]
    if result.ok:
        for download in downloads(result, config.site_url or None):
            files.append(File.generated(config, download.name, content=download.make()))
        files.append(File.generated(config, PREVIEW, content=preview_png(result.dataset, config.site_name)))
    _state["urls"] = {key: files.get_file_from_path(path).url for key, path in PAGES.items() if files.get_file_from_path(path)}
    return files


def on_page_content(html, page, config, files):
    result: Result = _state["result"]
    if not result.ok:  # only while serving: the build has stopped in on_config
        # The page's own HTML comes from its Markdown, as written: it is markup already.
        page_html = Markup(PLACEHOLDER.sub(lambda m: render_unavailable(m.group(1)), html))
        return str(render_error_panel(result.diagnostics) + page_html)
    urls = {key: get_relative_url(url, page.url) for key, url in _state["urls"].items()}
    links = Links(**urls, site=get_relative_url(".", page.url).rstrip("/") + "/", page=page.canonical_url)

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in fragments.FRAGMENTS:
            raise Abort(f"{page.file.src_uri}: no generated fragment is called {name!r}; known: {', '.join(fragments.FRAGMENTS)}")
        return fragments.FRAGMENTS[name](result, links)

    html = PLACEHOLDER.sub(fill, html)
    if page.file.src_uri == PAGES["timeline"]:
        _require_every_entry(html, result)
    return printable_links(html, page.url, config.site_url or None)


def on_page_context(context, page, config, nav):
    title = page.meta.get("title") or page.title
    description = page.meta.get("description") or config.site_description
    meta = page_meta(page.url, title, description, config.site_name, config.site_url or None, page.is_homepage)
    context["bj_head"] = render_head(meta, config.site_name)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        context["bj_head"] = render_title(document_title("Page not found", config.site_name))
    return context


def _require_every_entry(html: str, result: Result) -> None:
    """Nothing in the data is dropped silently: every event and figure has its element."""
    present = set(re.findall(r' id="([^"]*)"', html))
    missing = [i for i in fragments.all_ids(result.dataset) if i not in present]
    if missing:
        raise Abort(f"the timeline page lacks {len(missing)} entr(ies) of the data: {', '.join(missing)}")
