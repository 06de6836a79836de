"""Text that YAML cut short: a ` #` after a plain value starts a comment, so the rest of
the line is not part of the value ("Resolution #1 of the Milli Majlis" reads as
"Resolution"). Nothing an editor writes in text that readers see may be lost that way."""
from __future__ import annotations

from typing import Any, Iterator

from ..diagnostics import Diagnostic, error
from ..load.yaml_document import Document

# Fields whose words readers see, or that are matched against a source's words.
TEXT_FIELDS = frozenset({"title", "short_title", "summary", "label", "reason", "note", "description", "publisher", "name", "quote", "from"})


def check_text_cut_by_comments(document: Document) -> list[Diagnostic]:
    if not document.cut_by_comment:
        return []
    found = []
    for path, value in _strings(document.value, ()):
        if path and path[-1] in TEXT_FIELDS:
            pos = document.pos(path)
            comment = document.cut_by_comment.get(pos)
            if comment is not None:
                found.append(error(document.path, pos, "Y109",
                                   f"the rest of this line, «{comment}», is a YAML comment, so the {path[-1]} reads only {value!r}; "
                                   "put the whole value in quotes, or write it on the next lines after '>-'"))
    return found


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, path + (index,))
    elif isinstance(value, str):
        yield path, value
