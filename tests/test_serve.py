"""`make serve`, the README's command, never hangs: bad data is shown on every page, in
the browser the editor is looking at, and fixing it brings the site back without a restart."""
from __future__ import annotations

import pytest

from tests.site_helpers import HOSTILE_TEXT, ServedCopy

pytestmark = pytest.mark.build

TITLE = "title: The Karabakh issue flares up again"


def line_holding(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


def test_serve_answers_with_the_errors_and_recovers(tmp_path):
    served = ServedCopy(tmp_path)
    good = served.data.read_text(encoding="utf-8")
    # It starts on data that is already bad: a key without its colon.
    served.data.write_text(good.replace(TITLE, TITLE.replace(":", "", 1)), encoding="utf-8")
    bad_line = line_holding(good, TITLE)
    served.start()
    try:
        served.wait_for(lambda html: f"data/timeline.yaml:{bad_line}:5" in html and "Y100" in html, 60, "timeline/")
        assert 'class="bj-errors"' in served.fetch("figures/") and 'class="bj-errors"' in served.fetch("")
        # The page below the panel is still the page, not its markup shown as text.
        figures = served.fetch("figures/")
        assert '<h1 id="figures">Figures' in figures and "&lt;h1" not in figures and 'class="bj-unavailable"' in figures

        served.data.write_text(good, encoding="utf-8")
        served.wait_for(lambda html: "The Karabakh issue flares up again" in html and "bj-errors" not in html, 10, "timeline/")

        served.data.write_text(good.replace("value: 744", "value: 745"), encoding="utf-8")
        served.wait_for(lambda html: f"data/timeline.yaml:{line_holding(good, 'value: 744')}:12" in html and "F600" in html, 10, "figures/")
        for path in ("", "timeline/", "source/", "method/", "data/"):
            assert "bj-errors__list" in served.fetch(path), path  # every page, each within 3 s

        served.data.write_text(good.replace("flares up again", "flares up once more"), encoding="utf-8")
        served.wait_for(lambda html: "The Karabakh issue flares up once more" in html and "bj-errors" not in html, 10, "timeline/")
        assert served.process.poll() is None
    finally:
        served.stop()
    output = served.output()
    assert "Traceback" not in output and "Aborted" not in output and "WARNING" not in output.split("Serving on")[-1]


def test_serve_takes_its_address_from_dev_addr(tmp_path):
    served = ServedCopy(tmp_path).start()
    try:
        served.wait_for(lambda html: "Black January" in html, 60)
    finally:
        served.stop()
    assert f"Serving on http://127.0.0.1:{served.port}/" in served.output()


def test_hostile_yaml_is_escaped_in_the_panel(tmp_path):
    served = ServedCopy(tmp_path)
    good = served.data.read_text(encoding="utf-8")
    served.data.write_text(good.replace("  - id: troops-enter-baku\n", f"  - id: troops-enter-baku\n    '{HOSTILE_TEXT}': x\n", 1), encoding="utf-8")
    served.start()
    try:
        served.wait_for(lambda html: "bj-errors__list" in html, 60, "timeline/")
        html = served.fetch("timeline/")
        assert "S200" in html and "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    finally:
        served.stop()

