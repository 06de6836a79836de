"""The panel that every page shows while the data has errors (under `mkdocs serve` only).

The editor sees what the checker says in the browser they are looking at, instead of
a page that never loads; `mkdocs build` still stops on the same errors.
"""
from __future__ import annotations

from markupsafe import Markup

from ..diagnostics import Diagnostic


def render_error_panel(diagnostics: list[Diagnostic]) -> Markup:
    """The panel, for the top of every page while the data has errors."""
    errors = [d for d in diagnostics if d.is_error]
    items = Markup("").join(_item(d) for d in errors)
    count = f"{len(errors)} error" if len(errors) == 1 else f"{len(errors)} errors"
    return Markup(
        '<section class="bj-errors" role="alert" aria-labelledby="bj-errors-title">'
        '<h2 id="bj-errors-title">The data has {}; the pages are not drawn from it until they are fixed</h2>'
        "<p>This is what the checker prints (<code>make check</code>). Fix the file and save it: "
        "this page reloads by itself.</p>"
        '<ol class="bj-errors__list">{}</ol></section>'
    ).format(count, items)


def _item(diagnostic: Diagnostic) -> Markup:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    excerpt = Markup("")
    if diagnostic.excerpt and diagnostic.code.startswith("Y"):
        excerpt = Markup('<pre class="bj-errors__line"><code>{}</code></pre>').format(diagnostic.excerpt)
    elif diagnostic.excerpt:
        excerpt = Markup('<blockquote class="bj-errors__words"><p>{}</p></blockquote>').format(diagnostic.excerpt)
    return Markup('<li><p><code class="bj-errors__where">{}</code> <strong class="bj-errors__code">{}</strong> {}</p>{}</li>').format(
        where, diagnostic.code, diagnostic.message, excerpt)


def render_unavailable(name: str) -> Markup:
    """What stands where a part drawn from the data would be, while the data has errors."""
    return Markup('<p class="bj-unavailable" data-bj-part="{}">This part of the page is drawn from the data, which has errors (see above).</p>').format(name)
