"""The method page: every checker code, the numbers left out, and the guide's mistakes."""
from __future__ import annotations

import yaml

from ..codes import CODES
from ..model.dataset import Dataset
from .guide_examples import examples
from .common import esc


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


def render_mistakes(dataset: Dataset) -> str:
    """The editing guide's common mistakes, each with what the checker really prints for it."""
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


# --- the field reference, generated from the JSON Schema ---------------------------------

_DEF_WORDS = {"id": "An id", "date": "A date", "quote": "Words copied from the source", "text": "Text"}
_PATTERN_WORDS = {"^[0-9a-f]{64}$": "64 hexadecimal digits, lower-case", "^https://": "An https:// address"}
_TYPE_WORDS = {"string": "Text", "integer": "A whole number", "array": "A list", "object": "A mapping", "boolean": "True or false"}


def render_field_reference(schema: dict) -> str:
    """Every field an editor writes, section by section: type, allowed values, meaning, an example."""
    parts = []
    for section, spec in schema["properties"].items():
        items = spec.get("items")
        if items is None:
            parts.append(_field_list(section, f"The file's <code>{esc(section)}</code>", "", [_field(schema, section, spec, section in schema.get("required", []))]))
            continue
        entry = _resolve(schema, items)
        parts.append(_field_list(section, f"Each entry of <code>{esc(section)}</code>", entry.get("description", ""), list(_fields(schema, entry, ""))))
    return "".join(parts)


def _resolve(schema: dict, spec: dict) -> dict:
    """The property's schema with its $ref followed; the property's own words win."""
    if "$ref" not in spec:
        return spec
    target = _resolve(schema, schema["$defs"][spec["$ref"].rsplit("/", 1)[1]])
    return {**target, **{k: v for k, v in spec.items() if k != "$ref"}, "_def": spec["$ref"].rsplit("/", 1)[1]}


def _fields(schema: dict, entry: dict, prefix: str):
    required = set(entry.get("required", []))
    for name, spec in entry.get("properties", {}).items():
        resolved = _resolve(schema, spec)
        yield _field(schema, prefix + name, spec, name in required)
        if resolved.get("type") == "object" and "properties" in resolved:
            yield from _fields(schema, resolved, f"{prefix}{name}.")


def _field(schema: dict, name: str, spec: dict, required: bool) -> str:
    resolved = _resolve(schema, spec)
    examples = resolved.get("examples", [])
    example = f'<p class="bj-field__example">Example: <code>{esc(_as_yaml(examples[0]))}</code></p>' if examples else ""
    return (f'<dt><code>{esc(name)}</code> <span class="bj-field__need">{"required" if required else "optional"}</span></dt>'
            f'<dd><p><span class="bj-field__holds">{esc(_what(schema, resolved))}.</span> {esc(resolved.get("description", ""))}</p>{example}</dd>')


def _what(schema: dict, spec: dict) -> str:
    if "const" in spec:
        return f"Always {spec['const']}"
    if "enum" in spec:
        return "One of: " + ", ".join(str(v) for v in spec["enum"])
    if spec.get("type") == "array":
        items = _resolve(schema, spec.get("items", {}))
        if "enum" in items:
            return "A list of: " + ", ".join(items["enum"])
        return "A list of ids" if items.get("_def") == "id" else "A list"
    if spec.get("type") == "integer":
        return "A whole number" + (f", at least {spec['minimum']}" if "minimum" in spec else "")
    if spec.get("type") == "object":
        return "A mapping of the fields below"
    if spec.get("pattern") in _PATTERN_WORDS:
        return _PATTERN_WORDS[spec["pattern"]]
    return _DEF_WORDS.get(spec.get("_def", ""), _TYPE_WORDS.get(spec.get("type", ""), "A value"))


def _as_yaml(value) -> str:
    """An example as an editor writes it in the data file."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _field_list(section: str, title: str, description: str, fields: list[str]) -> str:
    anchor = f"fields-{section.replace('_', '-')}"
    about = f"<p>{esc(description)}</p>" if description else ""
    return (f'<section class="bj-fields" id="{esc(anchor)}" aria-labelledby="{esc(anchor)}-title"><h3 id="{esc(anchor)}-title">{title}</h3>'
            f"{about}<dl>{''.join(fields)}</dl></section>")
