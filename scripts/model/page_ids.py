"""The ids the site's pages give their elements, and so the ids the data may not take.

An entry's id is its permalink: events and figures on the timeline page, figures and
relations on the figures page, sources on the source page. The pages' own headings and
parts have ids too; an entry that took one would make two elements with one id, and
its permalink would lead to the wrong place. The checker refuses those ids (M303), and
the build tests crawl every page for duplicate ids, so this list cannot fall behind.
"""
from __future__ import annotations

# The source page marks every quoted passage with an anchor of this prefix; the site's
# own generated parts (pictures, panels) take ids of the other.
QUOTE_PREFIX = "q-"
SITE_PREFIX = "bj-"

# Ids of the pages' own headings, on the pages that show entries.
RESERVED = frozenset({
    # timeline page
    "timeline",
    # figures page
    "figures", "figures-table", "where-the-figures-disagree",
    # source page
    "source",
})


def quote_anchor(entry_id: str) -> str:
    """Where the source page marks the entry's quote."""
    return f"{QUOTE_PREFIX}{entry_id}"


def basis_anchor(entry_id: str) -> str:
    """Where the source page marks the passage an entry's date is inferred from.

    Ids never hold "--", so this cannot be the quote anchor of another entry."""
    return f"{QUOTE_PREFIX}{entry_id}--date"


def published_anchor(source_id: str) -> str:
    """Where the source page marks the passage that writes a source's publication date."""
    return f"{QUOTE_PREFIX}{source_id}--published"


def why_reserved(entry_id: str) -> str | None:
    """Why the pages cannot give this id to an entry, or None if they can."""
    if entry_id in RESERVED:
        return "a page of the site already uses it for its own heading or part"
    if entry_id.startswith(QUOTE_PREFIX):
        return f"ids beginning {QUOTE_PREFIX!r} mark quoted passages on the source page"
    if entry_id.startswith(SITE_PREFIX):
        return f"ids beginning {SITE_PREFIX!r} belong to the site's own pictures and panels"
    return None
