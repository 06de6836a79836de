"""The Data page: every download with what it is for, and the numbers the data leaves out."""
from __future__ import annotations

import posixpath

from ..check.result import Result
from ..export.downloads import downloads
from ..model.dataset import Dataset
from .common import Links, esc


def render_downloads(checked: Result, links: Links = Links()) -> str:
    items = "".join(
        f'<li><a href="{esc(links.site + d.name)}">{esc(posixpath.basename(d.name))}</a>: {esc(d.what)}.</li>'
        for d in downloads(checked)
    )
    return f'<ul class="bj-downloads">{items}</ul>'


def render_left_out(dataset: Dataset) -> str:
    items = "".join(f"<li><q>{esc(e.quote)}</q>: {esc(e.reason)}</li>" for e in dataset.left_out)
    return f'<ul class="bj-left-out">{items}</ul>'
