"""Lighthouse 12 (pinned in package.json, installed by `npm ci`) on every page of the site
as published, the 404 page included: accessibility, best practices and SEO score 100.
Performance is reported in the run's summary and kept in test-artifacts/lighthouse/, not
asserted: on a shared two-core machine it measures the machine as much as the pages.
About ten seconds a page, one page after another."""
from __future__ import annotations

import json

import pytest

from tests.audit import lighthouse as lh
from tests.audit.tools import lighthouse
from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser

REPORTS = ROOT / "test-artifacts" / "lighthouse"
# The 404 page is audited at its own address: at a missing one, Lighthouse's SEO audit
# rightly marks the status 404 down, which is what that page must answer with.
PAGES = {"home": "", "timeline": "timeline/", "figures": "figures/", "source": "source/", "method": "method/", "data": "data/",
         "404": "404.html"}


@pytest.fixture(scope="module")
def command() -> list[str]:
    return lighthouse()


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores_the_page_100_for_accessibility_best_practices_and_seo(published_site, command, name):
    result = lh.audit(command, published_site.url + PAGES[name], REPORTS / f"{name}.json")
    found = lh.scores(result)
    lh.SCORES[name] = found
    (REPORTS / "scores.json").write_text(json.dumps(lh.SCORES, indent=1), encoding="utf-8")
    lost = {category: lh.lost_points(result, category) for category in lh.ASSERTED if found[category] != 100}
    assert not lost, f"{name}: {found}\n" + "\n".join(f"{c}: {line}" for c, lines in lost.items() for line in lines)
