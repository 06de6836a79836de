"""Check the timeline data against its sources.

    python scripts/check_data.py [PATH] [--format text|github|json]

Exit status: 0 clean (warnings allowed), 1 data errors, 2 usage errors.
"""
from __future__ import annotations

import argparse
import os
import shlex
import sys

if __package__ in (None, ""):
    # Run as a file, Python puts scripts/ first on the path, where our modules would shadow
    # the standard library's; import them as the `scripts` package from the root instead.
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _instead(argv: list[str]) -> str:
    """The command that runs this check with the project's environment, from here."""
    venv_python = os.path.join(ROOT, ".venv", "bin", "python")
    if os.path.exists(venv_python):
        words = [os.path.relpath(venv_python), os.path.relpath(os.path.abspath(__file__)), *argv]
        return shlex.join(words)
    words = ["make"] + (["-C", os.path.relpath(ROOT)] if os.path.abspath(os.getcwd()) != ROOT else []) + ["check"]
    paths = [a for a in argv if not a.startswith("-")]
    if paths:
        words.append(f"DATA={os.path.abspath(paths[0])}")
    return shlex.join(words) + "\n(make sets up the project's environment, .venv, the first time: about a minute)"


try:
    from scripts.check.run import DEFAULT_DATA, check_file
    from scripts.diagnostics import format_github, format_json, format_text, summary
except ImportError as missing:  # a Python without the project's packages: not a data error
    print(f"check_data.py: error: this Python lacks the project's packages (no module named {missing.name!r}).\n"
          f"Run instead: {_instead(sys.argv[1:])}", file=sys.stderr)
    sys.exit(2)


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
    try:
        if args.format == "json":
            print(format_json(result.diagnostics))
        else:
            show = format_github if args.format == "github" else format_text
            for diagnostic in result.diagnostics:
                print(show(diagnostic))
            print(summary(result.diagnostics, args.path))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (`| head`) has gone: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if result.ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
