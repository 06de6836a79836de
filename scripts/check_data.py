"""Check the timeline data against its sources.

    python scripts/check_data.py [PATH] [--format text|github|json]

Exit status: 0 clean (warnings allowed), 1 data errors, 2 usage errors.
"""
from __future__ import annotations

import argparse
import os
import sys

if __package__ in (None, ""):
    # Run as a file, Python puts scripts/ first on the path, where our modules would shadow
    # the standard library's; import them as the `scripts` package from the root instead.
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

try:
    from scripts.checker import DEFAULT_DATA, check_file
    from scripts.diagnostics import format_github, format_json, format_text, summary
except ImportError as missing:  # run with a Python that lacks the project's packages
    sys.exit(f"check_data.py: error: {missing}; run it with the project's environment: "
             "`make check`, or .venv/bin/python scripts/check_data.py after `make test`")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors too; keep its wording short
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="check_data.py", description="Check the timeline data against its sources.")
    parser.add_argument("path", nargs="?", default=os.path.relpath(DEFAULT_DATA), help="the YAML file (default: data/timeline.yaml)")
    parser.add_argument("--format", choices=["text", "github", "json"], default="text", help="how to print diagnostics")
    args = parser.parse_args(argv)
    if not os.path.isfile(args.path):
        print(f"check_data.py: error: no such file: {args.path}", file=sys.stderr)
        return 2
    result = check_file(args.path)
    if args.format == "json":
        print(format_json(result.diagnostics))
    else:
        show = format_github if args.format == "github" else format_text
        for diagnostic in result.diagnostics:
            print(show(diagnostic))
        print(summary(result.diagnostics, args.path))
    return 0 if result.ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
