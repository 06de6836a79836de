"""Where a check's diagnostics point, and how they show a passage."""
from __future__ import annotations

from ..diagnostics import Pos
from ..model.dataset import Dataset


def at(dataset: Dataset, path: tuple, key: str | None = None) -> Pos:
    return dataset.document.pos(path + ((key,) if key else ()))


def key_at(dataset: Dataset, path: tuple, key: str) -> Pos:
    return dataset.document.key_pos(path + (key,))


def shown(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
