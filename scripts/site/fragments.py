"""Render the checked data as HTML fragments, by name: the one entry point for adapters.

A page asks for a fragment with a placeholder; only the fragments a page asks for are
rendered. The renderers know nothing of MkDocs, so another site generator can call them.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..model import Dataset
from ..schema_check import load_schema
from .common import Links
from .data_page import render_downloads, render_left_out
from .figures import render_disagreement_compact, render_figures_table, render_headline_figures, render_relations, render_source_card
from .method import render_codes_table, render_field_reference, render_mistakes
from .source import Texts, render_sources
from .time_picture import render_time_picture
from .timeline import render_json_ld, render_timeline


def _field_reference() -> str:
    return render_field_reference(load_schema())


FRAGMENTS: dict[str, Callable[[Dataset, Texts, Links], str]] = {
    "headline-figures": lambda dataset, texts, links: render_headline_figures(dataset, links),
    "source-card": lambda dataset, texts, links: render_source_card(dataset, links),
    "timeline": lambda dataset, texts, links: render_timeline(dataset, links) + render_json_ld(dataset),
    "time-picture": lambda dataset, texts, links: render_time_picture(dataset, links),
    "time-picture-compact": lambda dataset, texts, links: render_time_picture(dataset, links, compact=True),
    "figures-table": lambda dataset, texts, links: render_figures_table(dataset, links),
    "relations": lambda dataset, texts, links: render_relations(dataset),
    "disagreement-compact": lambda dataset, texts, links: render_disagreement_compact(dataset, links),
    "source-text": render_sources,
    "codes": lambda dataset, texts, links: render_codes_table(),
    "fields": lambda dataset, texts, links: _field_reference(),
    "downloads": render_downloads,
    "left-out": lambda dataset, texts, links: render_left_out(dataset),
    "mistakes": lambda dataset, texts, links: render_mistakes(dataset),
}


def all_ids(dataset: Dataset) -> Iterable[str]:
    for entry in [*dataset.events, *dataset.figures]:
        yield entry.id
