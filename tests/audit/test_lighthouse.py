"""Lighthouse 12 (pinned in package.json, installed by `npm ci`) on every page of the site
as published, the 404 page included: accessibility, best practices and SEO score 100.
Performance is not audited here: on a shared two-core machine it measures the machine as
much as the pages; benchmarks/lighthouse_scores.py measures it with the other three.
All pages are audited in one test, one after another in one browser (about 2 s a page):
one test, so that the pages are audited once a run whichever worker runs it."""
from __future__ import annotations

import json

import pytest

from tests.audit import lighthouse as lh
from tests.audit.tools import lighthouse

pytestmark = pytest.mark.browser

PAGES = lh.PAGES


def test_lighthouse_scores_every_page_100_for_accessibility_best_practices_and_seo(published_site):
    found = lh.audit_all(lighthouse(), {name: published_site.url + path for name, path in PAGES.items()}, lh.REPORTS)
    scores = {name: lh.scores(result) for name, result in found.items()}
    lh.SCORES.write_text(json.dumps(scores, indent=1), encoding="utf-8")
    for name, result in found.items():
        assert result["requestedUrl"] == published_site.url + PAGES[name] and not result.get("runtimeError"), name
    short = [f"{name} {category} {score}: {'; '.join(lh.lost_points(found[name], category))}"
             for name, page in scores.items() for category, score in page.items() if category in lh.ASSERTED and score != 100]
    assert not short, "\n".join(short)
