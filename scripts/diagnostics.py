"""Diagnostics as values: where, a stable code, a message; printing is separate."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple


class Pos(NamedTuple):
    """A 1-based line and column in some file."""

    line: int
    column: int


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = field(default="error", compare=False)
    # Words shown apart from the message: the source's own words, or the YAML line at fault.
    excerpt: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(path: str, pos: Pos, code: str, message: str, excerpt: str = "") -> Diagnostic:
    return Diagnostic(path, pos.line, pos.column, code, message, "error", excerpt)


def warning(path: str, pos: Pos, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, pos.line, pos.column, code, message, "warning")


def full_message(diagnostic: Diagnostic) -> str:
    """The message with its excerpt, as one line of text."""
    return f"{diagnostic.message} «{diagnostic.excerpt}»" if diagnostic.excerpt else diagnostic.message


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code, diagnostic.message)


def format_text(diagnostic: Diagnostic) -> str:
    label = "" if diagnostic.is_error else "warning: "
    return f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} {label}{full_message(diagnostic)}"


def _escape_github_data(text: str) -> str:
    # GitHub's workflow-command syntax reserves %, CR and LF in messages.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostic: Diagnostic) -> str:
    kind = "error" if diagnostic.is_error else "warning"
    props = ",".join(
        [
            f"file={_escape_github_property(diagnostic.path)}",
            f"line={diagnostic.line}",
            f"col={diagnostic.column}",
            f"title={_escape_github_property(diagnostic.code)}",
        ]
    )
    return f"::{kind} {props}::{_escape_github_data(full_message(diagnostic))}"


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps(
        [
            {
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "excerpt": d.excerpt,
            }
            for d in diagnostics
        ],
        ensure_ascii=False,
        indent=2,
    )


def summary(diagnostics: list[Diagnostic], checked: str) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if errors:
        verdict = "FAILED"
    else:
        verdict = "OK"
    return f"{verdict}: {checked}: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
