"""The sources as the data names them: each stored text read, decoded and held to its SHA-256."""
from __future__ import annotations

import os
from typing import Optional

from ..diagnostics import Diagnostic, error
from ..load.source_files import Unreadable, read_source
from ..model.dataset import Dataset
from ..text.source_text import SourceText


def load_sources(dataset: Dataset, folder: Optional[str] = None) -> tuple[dict[str, SourceText], list[Diagnostic]]:
    """Read each source file relative to the YAML file's folder, and verify its SHA-256."""
    shown_folder = os.path.dirname(dataset.path)
    folder = shown_folder if folder is None else folder
    texts, problems = {}, []
    for source in dataset.sources:
        shown = os.path.normpath(os.path.join(shown_folder, source.file))
        at_file = dataset.document.pos(source.at + ("file",))
        try:
            data = read_source(folder, source.file)
        except Unreadable as why:
            problems.append(error(dataset.path, at_file, "H400", f"cannot read the source file {shown}: {why}"))
            continue
        try:
            text = SourceText.from_bytes(shown, data)
        except UnicodeDecodeError as exc:
            problems.append(error(dataset.path, at_file, "H402", f"the source file {shown} is not UTF-8 text (offset {exc.start})"))
            continue
        if text.sha256 != source.sha256:
            problems.append(error(dataset.path, dataset.document.pos(source.at + ("sha256",)), "H401",
                                  f"the source file {shown} has SHA-256 {text.sha256}, not the recorded one: the stored text has changed; restore it (sources are never edited)"))
            continue
        texts[source.id] = text
    return texts, problems
