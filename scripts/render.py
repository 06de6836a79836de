"""Render the checked data as HTML fragments, by name: the one entry point for adapters.

A page asks for a fragment with a placeholder; only the fragments a page asks for are
rendered. The renderers know nothing of MkDocs, so another site generator can call them.
"""
from __future__ import annotations

from typing import Callable, Iterable

from .model import Dataset
from .render_common import Links, esc  # noqa: F401 - part of this module's interface
from .render_figures import render_chart, render_figures_table, render_headline_figures, render_relations, render_source_card
from .render_method import render_codes_table, render_left_out, render_mistakes
from .render_source import Texts, render_first_source
from .render_timeline import render_json_ld, render_timeline

FRAGMENTS: dict[str, Callable[[Dataset, Texts, Links], str]] = {
    "headline-figures": lambda dataset, texts, links: render_headline_figures(dataset, links),
    "source-card": lambda dataset, texts, links: render_source_card(dataset),
    "timeline": lambda dataset, texts, links: render_timeline(dataset, links) + render_json_ld(dataset),
    "figures-table": lambda dataset, texts, links: render_figures_table(dataset, links),
    "relations": lambda dataset, texts, links: render_relations(dataset),
    "chart": lambda dataset, texts, links: render_chart(dataset),
    "source-text": render_first_source,
    "codes": lambda dataset, texts, links: render_codes_table(),
    "left-out": lambda dataset, texts, links: render_left_out(dataset),
    "mistakes": lambda dataset, texts, links: render_mistakes(dataset),
}


def all_ids(dataset: Dataset) -> Iterable[str]:
    for entry in [*dataset.events, *dataset.figures]:
        yield entry.id
