"""Whether the site is served to an editor (`mkdocs serve`) or built for readers.

MkDocs says which in on_startup, once; but it loads the hook file afresh for every
rebuild, so the hook's own globals forget it. This module is imported once and keeps it.
While serving, bad data is shown on every page instead of stopping the rebuild: a
stopped rebuild under `mkdocs serve` leaves the editor's browser waiting forever.
"""
from __future__ import annotations

serving = False
