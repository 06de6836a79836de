"""Checker OK means the site builds: ids renamed consistently (the entry and every
reference to it) either pass the checker and build, or are refused by the checker."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.check.run import check_file
from scripts.diagnostics import format_text
from tests.conftest import REAL_DATA
from tests.site_helpers import build_in_process, copy_project

pytestmark = pytest.mark.build

DATA = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))
ENTRY_IDS = [e["id"] for section in ("sources", "events", "figures", "relations") for e in DATA[section]]
NEW_ID = st.from_regex(r"\A[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}\Z")


def renamed(data: dict, names: dict[str, str]) -> dict:
    """The data with each id in `names` renamed where the entry has it and wherever it is named."""
    def new(old: str) -> str:
        return names.get(old, old)

    for section in ("sources", "events", "figures", "relations"):
        for entry in data[section]:
            entry["id"] = new(entry["id"])
    for section in ("events", "figures", "left_out"):
        for entry in data[section]:
            entry["source"] = new(entry["source"])
    for figure in data["figures"]:
        figure["event"] = new(figure["event"]) if isinstance(figure["event"], str) else [new(e) for e in figure["event"]]
    for relation in data["relations"]:
        relation["parts"] = [new(p) for p in relation["parts"]]
        relation["total"] = new(relation["total"])
        if isinstance(relation["basis"], dict):
            relation["basis"]["source"] = new(relation["basis"]["source"])
    return data


def rename_and_build(tmp_path: Path, names: dict[str, str]) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "timeline.yaml"
    path.write_text(yaml.safe_dump(renamed(yaml.safe_load(path.read_text(encoding="utf-8")), names), allow_unicode=True, sort_keys=False), encoding="utf-8")
    checked = check_file(str(path))  # what the command line and the build's hook run
    site = tmp_path / "site"
    built = build_in_process(project, site)
    if checked.ok:
        assert built.ok, (names, built.log[-2000:])
        timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
        for old in names:
            if old not in [s["id"] for s in DATA["sources"]] + [r["id"] for r in DATA["relations"]]:
                assert f'id="{names[old]}"' in timeline
    else:
        # Only the renaming can be at fault: two entries given one id, or an id a page uses.
        assert {d.code for d in checked.errors} <= {"M301", "M303"}, [format_text(d) for d in checked.errors]
        assert not built.ok


def test_renaming_the_total_of_the_dead_everywhere_keeps_the_site_building(tmp_path):
    """The case from the issue: the guide's examples once named this figure."""
    rename_and_build(tmp_path, {"killed-total": "deaths-all"})


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(ENTRY_IDS), NEW_ID, min_size=1, max_size=len(ENTRY_IDS)))
@example({i: f"renamed-{n}" for n, i in enumerate(ENTRY_IDS)})
@example({"killed-total": "figures-table"})
def test_any_consistent_renaming_passes_the_checker_and_builds_or_is_refused(tmp_path_factory, names):
    rename_and_build(tmp_path_factory.mktemp("renamed"), names)
