"""The checker and the site's renderers, in the data's direction; each layer imports only
the layers below it (import-linter holds this: pyproject.toml, tests/test_architecture.py).

    check_data.py, mkdocs_hook.py   adapters: the command line and the MkDocs hook
    serve_mode.py                   the hook's memory of `mkdocs serve` across rebuilds
    site/        pages and pictures (picture/), HTML as Markup, knowing nothing of MkDocs
    export/      the downloads: JSON, CSV with a data package, web annotations
    check/       the whole check (run.py), the schema, one module per family of checks
    model/       the typed dataset, date values, relation arithmetic, the pages' ids
    text/        a source's words: quote search, numbers, date mentions
    load/        YAML with positions, its syntax errors in words, source files as bytes
    diagnostics.py, codes.py        what every layer reports with
"""
