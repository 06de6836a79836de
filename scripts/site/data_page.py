"""The Data page: every download with what it is for, and the numbers the data leaves out."""
from __future__ import annotations

import posixpath

from markupsafe import Markup

from ..check.result import Result
from ..export.downloads import downloads
from ..model.dataset import Dataset
from .common import Links


def render_downloads(checked: Result, links: Links = Links()) -> Markup:
    items = Markup("").join(
        Markup('<li><a href="{}">{}</a>: {}.</li>').format(links.site + d.name, posixpath.basename(d.name), d.what)
        for d in downloads(checked)
    )
    return Markup('<ul class="bj-downloads">{}</ul>').format(items)


def render_left_out(dataset: Dataset) -> Markup:
    items = Markup("").join(Markup("<li><q>{}</q>: {}</li>").format(e.quote, e.reason) for e in dataset.left_out)
    return Markup('<ul class="bj-left-out">{}</ul>').format(items)
