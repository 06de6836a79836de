"""MkDocs adapter: check the data before anything is built, then put the rendered
fragments where the pages ask for them (`<div data-bj="timeline"></div>`).

All the work is in checker.py, render.py and exports.py, which know nothing of MkDocs.
"""
from __future__ import annotations

import logging
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from scripts import exports, render  # noqa: E402
from scripts.checker import Result, check_file  # noqa: E402
from scripts.diagnostics import format_text  # noqa: E402

log = logging.getLogger("mkdocs.hooks.black_january")
PLACEHOLDER = re.compile(r'<div data-bj="([a-z-]+)"></div>')
PAGES = {"timeline": "timeline.md", "figures": "figures.md", "source": "source.md"}
_state: dict[str, object] = {}


def on_config(config):
    data = os.path.relpath(os.path.join(os.path.dirname(config.config_file_path), "data", "timeline.yaml"))
    result = check_file(data)
    for diagnostic in result.diagnostics:
        # Acknowledged differences are reported, not warned about: --strict fails on warnings.
        (log.error if diagnostic.is_error else log.info)(format_text(diagnostic))
    if not result.ok:
        raise Abort(f"{data}: {len(result.errors)} error(s) in the data; the site is not built from unchecked data")
    _state["result"] = result
    return config


def on_files(files, config):
    result: Result = _state["result"]
    for name, make in exports.DOWNLOADS.items():
        files.append(File.generated(config, name, content=make(result.dataset)))
    with open(result.path, "rb") as handle:
        files.append(File.generated(config, "downloads/timeline.yaml", content=handle.read()))
    for source in result.dataset.sources:
        text = result.texts[source.id]
        files.append(File.generated(config, f"downloads/{os.path.basename(source.file)}", content=text.text.encode("utf-8")))
    _state["urls"] = {key: files.get_file_from_path(path).url for key, path in PAGES.items() if files.get_file_from_path(path)}
    return files


def on_page_content(html, page, config, files):
    result: Result = _state["result"]
    urls = _state["urls"]
    links = render.Links(**{key: get_relative_url(url, page.url) for key, url in urls.items()})

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in render.FRAGMENTS:
            raise Abort(f"{page.file.src_uri}: no generated fragment is called {name!r}; known: {', '.join(render.FRAGMENTS)}")
        return render.FRAGMENTS[name](result.dataset, result.texts, links)

    html = PLACEHOLDER.sub(fill, html)
    if 'class="bj-mistake bj-stale"' in html:
        log.warning(f"{page.file.src_uri}: an example of the editing guide no longer fits the data; see scripts/mistakes.py")
    if page.file.src_uri == PAGES["timeline"]:
        _require_every_entry(html, result)
    return html


def _require_every_entry(html: str, result: Result) -> None:
    """Nothing in the data is dropped silently: every event and figure has its element."""
    present = set(re.findall(r' id="([^"]*)"', html))
    missing = [i for i in render.all_ids(result.dataset) if render.esc(i) not in present]
    if missing:
        raise Abort(f"the timeline page lacks {len(missing)} entr(ies) of the data: {', '.join(missing)}")
