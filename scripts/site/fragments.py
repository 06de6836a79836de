"""Render the checked data as HTML fragments, by name: the one entry point for adapters.

A page asks for a fragment with a placeholder; only the fragments a page asks for are
rendered. The renderers know nothing of MkDocs, so another site generator can call them.
Each returns `markupsafe.Markup`: HTML whose every piece of text is already escaped.
"""
from __future__ import annotations

from typing import Callable, Iterable

from markupsafe import Markup

from ..check.result import Result
from ..check.schema import load_schema
from ..model.dataset import Dataset
from .common import Links
from .data_page import render_downloads, render_left_out
from .figures import render_disagreement_compact, render_figures_table, render_headline_figures, render_relations
from .home import render_source_card, render_sources_intro
from .left_out import render_left_out_passages
from .method import render_codes_table, render_field_reference, render_mistakes
from .picture.svg import render_time_picture
from .source import render_sources
from .timeline import render_json_ld, render_timeline, render_timeline_intro

FRAGMENTS: dict[str, Callable[[Result, Links], Markup]] = {
    "sources-intro": lambda checked, links: render_sources_intro(checked.dataset, links),
    "headline-figures": lambda checked, links: render_headline_figures(checked.dataset, links),
    "source-card": lambda checked, links: render_source_card(checked.dataset, links),
    "timeline-intro": lambda checked, links: render_timeline_intro(checked.dataset, links),
    "timeline": lambda checked, links: render_timeline(checked.dataset, links) + render_json_ld(checked.dataset, links.page),
    "time-picture": lambda checked, links: render_time_picture(checked.dataset, links),
    "time-picture-compact": lambda checked, links: render_time_picture(checked.dataset, links, compact=True),
    "figures-table": lambda checked, links: render_figures_table(checked.dataset, links),
    "relations": lambda checked, links: render_relations(checked.dataset, links),
    "disagreement-compact": lambda checked, links: render_disagreement_compact(checked.dataset, links),
    "source-text": render_sources,
    "left-out-passages": lambda checked, links: render_left_out_passages(checked),
    "codes": lambda checked, links: render_codes_table(),
    "fields": lambda checked, links: render_field_reference(load_schema()),
    "downloads": render_downloads,
    "left-out": lambda checked, links: render_left_out(checked.dataset),
    "mistakes": lambda checked, links: render_mistakes(checked.dataset),
}


def all_ids(dataset: Dataset) -> Iterable[str]:
    for entry in [*dataset.events, *dataset.figures]:
        yield entry.id
