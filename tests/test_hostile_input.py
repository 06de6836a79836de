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


# --- a source's file: only a regular file under sources/, never a device, a pipe or a giant --

def _with_source(data_copy, make) -> list:
    """The real data, its source swapped for what `make` puts at sources/swapped.txt."""
    folder = data_copy.parent / "sources"
    make(folder / "swapped.txt")
    text = data_copy.read_text(encoding="utf-8").replace("file: sources/000_9c0400da760e69ac.txt", "file: sources/swapped.txt")
    data_copy.write_text(text, encoding="utf-8")
    result = run_checker(str(data_copy))
    assert "Traceback" not in result.stdout + result.stderr and result.returncode == 1, result.stdout + result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("make, words", [
    (lambda path: path.symlink_to("/dev/zero"), "it is not a regular file"),
    (lambda path: os.mkfifo(path), "it is not a regular file"),  # open() on a FIFO would wait for a writer forever
    (lambda path: path.mkdir(), "it is not a regular file"),
    (lambda path: path.write_bytes(b"x" * (5 * 1024 * 1024 + 1)), "a source may be at most 5,242,880"),
    (lambda path: path.symlink_to(path.parent / "nowhere.txt"), "No such file or directory"),
], ids=["device", "fifo", "folder", "too-large", "dangling-link"])
def test_a_source_that_is_not_a_regular_text_file_is_a_message(data_copy, make, words):
    lines = _with_source(data_copy, make)
    (h400,) = [line for line in lines if ": H400 " in line]
    assert "cannot read the source file" in h400 and words in h400, h400


@pytest.mark.parametrize("path", ["/dev/zero", "/etc/hostname", "sources/../../etc/hostname", "sources/a\\0b.txt", "sources/.hidden", "sources/sub/dir.txt"])
def test_a_source_outside_sources_is_refused_by_name(data_copy, path):
    text = data_copy.read_text(encoding="utf-8").replace("file: sources/000_9c0400da760e69ac.txt", f'file: "{path}"')
    data_copy.write_text(text, encoding="utf-8")
    result = run_checker(str(data_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()[:-1]
    assert ": S203 'file' " in line and "write sources/ and the file's name" in line
    assert "SHA-256" not in result.stdout  # nothing outside sources/ is read, let alone hashed


@pytest.mark.parametrize("before, after", [("value: 147", "value: 147.0"), ("value: 744", "value: 744.0"), ("difference: 16", "difference: 16.0"), ("schema_version: 1", "schema_version: 1.0")])
def test_a_whole_number_written_with_a_decimal_point_is_refused(data_copy, before, after):
    """JSON Schema counts 147.0 as an integer; the model, the arithmetic and the CSV need an int."""
    text = data_copy.read_text(encoding="utf-8")
    assert before in text
    data_copy.write_text(text.replace(before, after, 1), encoding="utf-8")
    result = run_checker(str(data_copy))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    (line,) = result.stdout.splitlines()[:-1]
    assert ": S202 " in line and "must be a whole number" in line and f"write it without a decimal point: {before.split()[-1]}" in line
