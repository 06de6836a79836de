"""The panel that every page shows while the data has errors (under `mkdocs serve` only).

The editor sees what the checker says in the browser they are looking at, instead of
a page that never loads; `mkdocs build` still stops on the same errors.
"""
from __future__ import annotations

from ..diagnostics import Diagnostic
from .common import esc


def render_error_panel(diagnostics: list[Diagnostic]) -> str:
    errors = [d for d in diagnostics if d.is_error]
    items = "".join(_item(d) for d in errors)
    count = f"{len(errors)} error" if len(errors) == 1 else f"{len(errors)} errors"
    return (
        '<section class="bj-errors" role="alert" aria-labelledby="bj-errors-title">'
        f'<h2 id="bj-errors-title">The data has {count}; the pages are not drawn from it until they are fixed</h2>'
        "<p>This is what the checker prints (<code>make check</code>). Fix the file and save it: "
        "this page reloads by itself.</p>"
        f'<ol class="bj-errors__list">{items}</ol></section>'
    )


def _item(diagnostic: Diagnostic) -> str:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    excerpt = ""
    if diagnostic.excerpt and diagnostic.code.startswith("Y"):
        excerpt = f'<pre class="bj-errors__line"><code>{esc(diagnostic.excerpt)}</code></pre>'
    elif diagnostic.excerpt:
        excerpt = f'<blockquote class="bj-errors__words"><p>{esc(diagnostic.excerpt)}</p></blockquote>'
    return (f'<li><p><code class="bj-errors__where">{esc(where)}</code> <strong class="bj-errors__code">{esc(diagnostic.code)}</strong> '
            f"{esc(diagnostic.message)}</p>{excerpt}</li>")


def render_unavailable(name: str) -> str:
    """What stands where a part drawn from the data would be, while the data has errors."""
    return f'<p class="bj-unavailable" data-bj-part="{esc(name)}">This part of the page is drawn from the data, which has errors (see above).</p>'
