"""No input, however broken or hostile, gives a traceback; the checker never runs what it reads."""
from __future__ import annotations

import os
from html.parser import HTMLParser

import pytest

from scripts.check.run import check_file, check_text
from tests.conftest import REAL_DATA, run_checker


def codes_for(tmp_path, content: bytes) -> list[str]:
    path = tmp_path / "input.yaml"
    path.write_bytes(content)
    result = run_checker(str(path))
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("FAILED: "), last
    return [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()[:-1]]


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "Y107"),
        (b"# only a comment\n", "Y107"),
        (b"- a\n- b\n", "S202"),
        (b"42\n", "S202"),
        (b"sources:\n\t- x\n", "Y100"),
        (bytes(range(256)) * 4, "Y101"),
        (b"\xff\xfe\x00junk", "Y101"),
        (b"a: \x07bell\n", "Y101"),
        (b"[" * 5000 + b"]" * 5000, "Y100"),
        (b"a:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 80)), "Y106"),
        (b"a: 1\n---\nb: 2\n", "Y100"),
        (b"!!python/object/apply:os.system ['touch PWNED']\n", "Y104"),
        (b"a: !!python/name:os.system\n", "Y104"),
        (b"a: !custom x\n", "Y104"),
        (b"? [a, b]\n: c\n", "Y104"),
    ],
    ids=["empty", "comment-only", "list", "scalar", "tab", "binary", "utf16", "control-char", "deep-flow", "deep-block", "two-documents", "python-apply", "python-name", "custom-tag", "list-key"],
)
def test_bad_input_gives_a_diagnostic_not_a_traceback(tmp_path, content, code):
    assert code in codes_for(tmp_path, content)


def test_python_tags_are_never_executed(tmp_path):
    codes_for(tmp_path, f"!!python/object/apply:os.system ['touch {tmp_path}/PWNED']\n".encode())
    assert not (tmp_path / "PWNED").exists()


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    result = check_text("\n".join(lines) + "\n", "bomb.yaml")
    assert [d.code for d in result.diagnostics] == ["Y103"]


def test_thirty_megabyte_file(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"junk: [" + b"x, " * (10 * 1024 * 1024) + b"\n")
    assert os.path.getsize(path) > 30 * 1024 * 1024
    result = run_checker(str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ": Y105 " in result.stdout


def test_file_over_the_limit_is_refused_without_parsing(tmp_path, monkeypatch):
    from scripts.load import yaml_document as yaml_loader

    monkeypatch.setattr(yaml_loader, "MAX_BYTES", 1024)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: b\n" * 1000)
    assert [d.code for d in check_file(str(path)).diagnostics] == ["Y105"]


def test_crlf_and_byte_order_mark_are_not_errors(data_copy):
    text = REAL_DATA.read_text(encoding="utf-8")
    data_copy.write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode())
    result = check_file(str(data_copy))
    assert result.ok, result.errors


def test_unreadable_file_is_a_diagnostic(tmp_path):
    folder = tmp_path / "a-folder.yaml"
    folder.mkdir()
    assert [d.code for d in check_file(str(folder)).diagnostics] == ["Y108"]


def test_source_that_is_not_text(data_copy):
    source = data_copy.parent / "sources" / "000_9c0400da760e69ac.txt"
    source.write_bytes(b"\xff\xfe junk")
    assert "H402" in [d.code for d in check_file(str(data_copy)).errors]


PANEL_TAGS = {"section", "h2", "p", "code", "ol", "li", "strong", "pre", "blockquote"}
HOSTILE_YAML = [
    b"'<script>alert(1)</script>': x\n",
    b"events:\n  - id: <img src=x onerror=alert(2)>\n",
    b"a: b: <script>alert(3)</script>\n",
    b"title \"<script>alert(4)</script>\n",
    "schema_version: 1\nsources: []\nevents: []\nfigures: []\nrelations: []\nleft_out:\n  - quote: \"</script><script>alert(5)</script>\"\n    source: x\n    reason: r\n".encode(),
]


class _Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def panel_inputs():
    from tests.conftest import FIXTURES

    for path in sorted(FIXTURES.glob("*.yaml")):
        if not path.read_text(encoding="utf-8").startswith("# expect: clean"):
            yield path.name, path.read_bytes()
    for index, content in enumerate(HOSTILE_YAML):
        yield f"hostile-{index}", content


@pytest.mark.parametrize("name, content", list(panel_inputs()), ids=[n for n, _ in panel_inputs()])
def test_the_serve_panel_escapes_what_the_yaml_says(tmp_path, name, content):
    from scripts.site.errors import render_error_panel
    from tests.conftest import FIXTURES

    path = tmp_path / "input.yaml"
    path.write_bytes(content)
    (tmp_path / "sources").symlink_to(FIXTURES / "sources")
    result = check_file(str(path))
    assert not result.ok
    html = render_error_panel(result.diagnostics)
    assert _Tags(html).tags <= PANEL_TAGS, name
    assert "<script" not in html and "<img" not in html
    assert html.count("<li>") == len(result.errors)
