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
    from .mistakes import examples

    parts = []
    for example in examples(dataset):
        mistake, edit = example.mistake, example.edit
        heading = f'<section class="bj-mistake" id="mistake-{esc(mistake.slug)}"><h3>{esc(mistake.title)}</h3>'
        if edit is None:
            parts.append(f'{heading}<p class="bj-left-out-example">This example is left out: it needs {esc(mistake.needs)}, '
                         "and the data has none just now.</p></section>")
            continue
        parts.append(
            f"{heading}<p>The editor {esc(edit.what)}: in <code>{esc(edit.section)}</code>, the entry "
            f"<code>{esc(edit.entry_id)}</code>, its <code>{esc(edit.field)}</code> line now reads "
            f"<code>{esc(edit.new)}</code> where it read <code>{esc(edit.old)}</code>. The checker prints:</p>"
            f'<pre class="bj-output"><code>{esc(chr(10).join(example.output))}</code></pre></section>'
        )
    return "".join(parts)
