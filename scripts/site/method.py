"""The method page: every checker code, the numbers left out, and the guide's mistakes."""
from __future__ import annotations

import yaml
from markupsafe import Markup

from ..codes import CODES
from ..model.dataset import Dataset
from .guide_examples import examples


def render_codes_table() -> Markup:
    rows = Markup("").join(
        Markup('<tr id="code-{}"><th scope="row"><code>{}</code></th><td>{}</td><td>{}</td></tr>').format(code.lower(), code, title, meaning)
        for code, (title, meaning) in CODES.items()
    )
    return Markup(
        '<div class="bj-table-wrap"><table><caption>Every message code the checker prints</caption>'
        '<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">What it means, what to do</th></tr></thead>'
        "<tbody>{}</tbody></table></div>"
    ).format(rows)


def render_mistakes(dataset: Dataset) -> Markup:
    """The editing guide's common mistakes, each with what the checker really prints for it."""
    parts = []
    for example in examples(dataset):
        mistake, edit = example.mistake, example.edit
        heading = Markup('<section class="bj-mistake" id="mistake-{}"><h3>{}</h3>').format(mistake.slug, mistake.title)
        if edit is None:
            parts.append(Markup('{}<p class="bj-left-out-example">This example is left out: it needs {}, '
                                "and the data has none just now.</p></section>").format(heading, mistake.needs))
            continue
        parts.append(Markup(
            "{heading}<p>The editor {what}: in <code>{section}</code>, the entry "
            "<code>{entry_id}</code>, its <code>{field}</code> line now reads "
            "<code>{new}</code> where it read <code>{old}</code>. The checker prints:</p>"
            '<pre class="bj-output"><code>{output}</code></pre></section>'
        ).format(heading=heading, what=edit.what, section=edit.section, entry_id=edit.entry_id, field=edit.field,
                 new=edit.new, old=edit.old, output="\n".join(example.output)))
    return Markup("").join(parts)


# --- the field reference, generated from the JSON Schema ---------------------------------

_DEF_WORDS = {"id": "An id", "date": "A date", "quote": "Words copied from the source", "text": "Text"}
_PATTERN_WORDS = {"^[0-9a-f]{64}$": "64 hexadecimal digits, lower-case", "^https://": "An https:// address"}
_TYPE_WORDS = {"string": "Text", "integer": "A whole number", "array": "A list", "object": "A mapping", "boolean": "True or false"}


def render_field_reference(schema: dict) -> Markup:
    """Every field an editor writes, section by section: type, allowed values, meaning, an example."""
    parts = []
    for section, spec in schema["properties"].items():
        items = spec.get("items")
        if items is None:
            title = Markup("The file's <code>{}</code>").format(section)
            parts.append(_field_list(section, title, "", [_field(schema, section, spec, section in schema.get("required", []))]))
            continue
        entry = _resolve(schema, items)
        title = Markup("Each entry of <code>{}</code>").format(section)
        parts.append(_field_list(section, title, entry.get("description", ""), list(_fields(schema, entry, ""))))
    return Markup("").join(parts)


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
        if "object" in _types(resolved) and "properties" in resolved:
            yield from _fields(schema, resolved, f"{prefix}{name}.")


def _types(spec: dict) -> list[str]:
    """The JSON types a field takes: one, or several (basis is a word or a mapping)."""
    kind = spec.get("type", [])
    return kind if isinstance(kind, list) else [kind]


def _field(schema: dict, name: str, spec: dict, required: bool) -> Markup:
    resolved = _resolve(schema, spec)
    examples = resolved.get("examples", [])
    example = Markup('<p class="bj-field__example">Example: <code>{}</code></p>').format(_as_yaml(examples[0])) if examples else Markup("")
    return Markup(
        '<dt><code>{name}</code> <span class="bj-field__need">{need}</span></dt>'
        '<dd><p><span class="bj-field__holds">{holds}.</span> {description}</p>{example}</dd>'
    ).format(name=name, need="required" if required else "optional", holds=_what(schema, resolved),
             description=resolved.get("description", ""), example=example)


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
    if _types(spec) == ["string", "object"] and "const" in spec.get("then", {}):
        return f"The word {spec['then']['const']}, or a mapping of the fields below"
    if spec.get("pattern") in _PATTERN_WORDS:
        return _PATTERN_WORDS[spec["pattern"]]
    return _DEF_WORDS.get(spec.get("_def", ""), _TYPE_WORDS.get(spec.get("type", ""), "A value"))


def _as_yaml(value) -> str:
    """An example as an editor writes it in the data file."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _field_list(section: str, title: Markup, description: str, fields: list[Markup]) -> Markup:
    anchor = f"fields-{section.replace('_', '-')}"
    about = Markup("<p>{}</p>").format(description) if description else Markup("")
    return Markup(
        '<section class="bj-fields" id="{anchor}" aria-labelledby="{anchor}-title"><h3 id="{anchor}-title">{title}</h3>'
        "{about}<dl>{fields}</dl></section>"
    ).format(anchor=anchor, title=title, about=about, fields=Markup("").join(fields))
