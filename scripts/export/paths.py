"""Where each download lives on the site, relative to its root."""
from __future__ import annotations

from ..model.dataset import Source

ANNOTATIONS = "downloads/annotations.jsonld"


def source_download(source: Source) -> str:
    return f"downloads/sources/{source.id}.txt"
