"""The whole check of one data file: load, validate, build the model, load sources, run every check.

The command line and the site build both call `check_file`, so they can never disagree.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from .checks import CHECKS
from .diagnostics import Diagnostic, error, sort_key
from .model import Dataset, build
from .schema_check import validate
from .source_text import SourceText
from .yaml_loader import Document, load_file, load_text

DEFAULT_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "timeline.yaml")


@dataclass
class Result:
    path: str
    dataset: Optional[Dataset] = None
    texts: dict[str, SourceText] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def check_file(path: str) -> Result:
    document, problems = load_file(path)
    if document is None:
        return Result(path, diagnostics=sorted(problems, key=sort_key))
    return check_document(document)


def check_text(text: str, path: str, folder: Optional[str] = None) -> Result:
    """Check YAML text as if it were the file at `path`; sources resolve from `folder`
    (by default the folder of `path`), while diagnostics name them as seen from `path`."""
    document, problems = load_text(text, path)
    if document is None:
        return Result(path, diagnostics=sorted(problems, key=sort_key))
    return check_document(document, folder)


def check_document(document: Document, folder: Optional[str] = None) -> Result:
    result = Result(document.path)
    _check_document(result, document, folder)
    # The data file's own problems first: they are what an editor fixes.
    result.diagnostics.sort(key=lambda d: (d.path != document.path, sort_key(d)))
    return result


def _check_document(result: Result, document: Document, folder: Optional[str] = None) -> None:
    problems = validate(document)
    if problems:
        # Later checks assume the shape the schema promises; stop here rather than guess.
        result.diagnostics += problems
        return
    dataset, problems = build(document)
    result.diagnostics += problems
    result.dataset = dataset
    result.texts, problems = load_sources(dataset, folder)
    result.diagnostics += problems
    for check in CHECKS:
        result.diagnostics += check(dataset, result.texts)


def load_sources(dataset: Dataset, folder: Optional[str] = None) -> tuple[dict[str, SourceText], list[Diagnostic]]:
    """Read each source file relative to the YAML file's folder, and verify its SHA-256."""
    shown_folder = os.path.dirname(dataset.path)
    folder = shown_folder if folder is None else folder
    texts, problems = {}, []
    for source in dataset.sources:
        shown = os.path.normpath(os.path.join(shown_folder, source.file))
        at_file = source.at + ("file",)
        try:
            with open(os.path.join(folder, source.file), "rb") as handle:
                data = handle.read()
        except OSError as exc:
            problems.append(error(dataset.path, dataset.document.pos(at_file), "H400", f"cannot read the source file {shown}: {exc.strerror or exc}"))
            continue
        try:
            text = SourceText.from_bytes(shown, data)
        except UnicodeDecodeError as exc:
            problems.append(error(dataset.path, dataset.document.pos(at_file), "H402", f"the source file {shown} is not UTF-8 text (offset {exc.start})"))
            continue
        if text.sha256 != source.sha256:
            problems.append(error(dataset.path, dataset.document.pos(source.at + ("sha256",)), "H401",
                                  f"the source file {shown} has SHA-256 {text.sha256}, not the recorded one: the stored text has changed; restore it (sources are never edited)"))
            continue
        texts[source.id] = text
    return texts, problems
