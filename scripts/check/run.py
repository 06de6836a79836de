"""The whole check of one data file: load, validate, build the model, load sources, run every check.

The command line and the site build both call `check_file`, so they can never disagree.
"""
from __future__ import annotations

import contextlib
import gc
import os
from typing import Iterator, Optional

from ..diagnostics import sort_key
from ..load.yaml_document import Document, load_file, load_text
from ..model.dataset import build
from .quotes import quote_places
from .readings import Readings
from .cut_text import check_text_cut_by_comments
from .dates import published_passages
from .passages import used_passages
from .registry import CHECKS, COVERAGE_CHECKS
from .result import Result
from .schema import validate
from .sources import load_sources

DEFAULT_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "data", "timeline.yaml")


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A run builds hundreds of thousands of small objects that live until it ends (the YAML's
    values and their positions, the model, the readings) and form no cycles. CPython's cycle
    collector would walk that growing heap again and again, a fifth of the time to check 10,000
    events and more as files grow; reference counting frees it all, and collection resumes
    when the run ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_without_cycle_collection()
def check_file(path: str) -> Result:
    document, problems = load_file(path)
    if document is None:
        return Result(path, diagnostics=sorted(problems, key=sort_key))
    return check_document(document)


@_without_cycle_collection()
def check_text(text: str, path: str, folder: Optional[str] = None) -> Result:
    """Check YAML text as if it were the file at `path`; sources resolve from `folder`
    (by default the folder of `path`), while diagnostics name them as seen from `path`."""
    document, problems = load_text(text, path)
    if document is None:
        return Result(path, diagnostics=sorted(problems, key=sort_key))
    return check_document(document, folder)


@_without_cycle_collection()
def check_document(document: Document, folder: Optional[str] = None) -> Result:
    result = Result(document.path)
    _check_document(result, document, folder)
    # The data file's own problems first: they are what an editor fixes.
    result.diagnostics.sort(key=lambda d: (d.path != document.path, sort_key(d)))
    return result


def _check_document(result: Result, document: Document, folder: Optional[str] = None) -> None:
    problems = validate(document) or check_text_cut_by_comments(document)
    if problems:
        # Later checks assume the shape the schema promises, and the words the editor wrote;
        # stop here rather than report what follows from a value YAML has cut short.
        result.diagnostics += problems
        return
    dataset, problems = build(document)
    result.diagnostics += problems
    result.dataset = dataset
    result.texts, problems = load_sources(dataset, folder)
    result.diagnostics += problems
    readings = Readings(dataset, result.texts)  # each quote read once, for this run alone
    for check in CHECKS:
        result.diagnostics += check(dataset, readings)
    if not any(d.is_error for d in result.diagnostics):
        for check in COVERAGE_CHECKS:
            result.diagnostics += check(dataset, readings)
    result.places = quote_places(dataset, readings)
    result.published = published_passages(dataset, readings)
    result.used = used_passages(dataset, readings).placed
