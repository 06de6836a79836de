"""The method page: every checker code, the numbers left out, and the guide's mistakes."""
from __future__ import annotations

from .codes import CODES
from .model import Dataset
from .render_common import esc


def render_codes_table() -> str:
    rows = "".join(
        f'<tr id="code-{esc(code.lower())}"><th scope="row"><code>{esc(code)}</code></th><td>{esc(title)}</td><td>{esc(meaning)}</td></tr>'
        for code, (title, meaning) in CODES.items()
    )
    return (
        '<div class="bj-table-wrap"><table><caption>Every message code the checker prints</caption>'
        '<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">What it means, what to do</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def render_left_out(dataset: Dataset) -> str:
    items = "".join(f"<li><q>{esc(e.quote)}</q>: {esc(e.reason)}</li>" for e in dataset.left_out)
    return f'<ul class="bj-left-out">{items}</ul>'


def render_mistakes(dataset: Dataset) -> str:
    """The editing guide's common mistakes, each with what the checker really prints for it."""
    from .mistakes import outputs

    parts = []
    for mistake, lines, stale in outputs(dataset.path):
        if stale:
            # The hook turns this mark into a build warning, which --strict makes an error.
            parts.append(f'<section class="bj-mistake bj-stale" id="mistake-{esc(mistake.slug)}"><h3>{esc(mistake.title)}</h3>'
                         f"<p>This example cannot be shown: {esc(stale)}. Update it in <code>scripts/mistakes.py</code>.</p></section>")
            continue
        parts.append(
            f'<section class="bj-mistake" id="mistake-{esc(mistake.slug)}"><h3>{esc(mistake.title)}</h3>'
            f"<p>The editor {esc(mistake.what)}: in <code>{esc(mistake.section)}</code>, the entry "
            f"<code>{esc(mistake.entry_id)}</code>, its <code>{esc(mistake.field)}</code> line now reads "
            f"<code>{esc(mistake.new)}</code> where it read <code>{esc(mistake.old)}</code>. The checker prints:</p>"
            f'<pre class="bj-output"><code>{esc(chr(10).join(lines))}</code></pre></section>'
        )
    return "".join(parts)
