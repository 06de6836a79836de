"""Relations as the source states them: each relation says who states it (the source, in a
passage checked like every quote, or the editors, with their reason), a comparison claims
no agreement, and the site's words are only as strong as the basis.

The checker's side runs on small fixtures named after what they provoke; the site's side
renders the Figures page's relations directly, on the real data and on copies of its
relations given every kind and basis, without building the site."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from scripts.check.run import check_file, check_text
from scripts.diagnostics import format_text
from scripts.export.downloads import to_json
from scripts.model.dataset import Basis
from scripts.site import fragments
from scripts.site.attribution import source_names
from scripts.site.common import Links
from scripts.site.figures import render_relation
from scripts.site.source import render_source_text
from tests.conftest import FIXTURES, REAL_DATA

STATED_WORDS = ("should add up to", "should equal", "should be no larger")


def messages(name: str) -> list[str]:
    """Every line the checker prints for the fixture, warnings included."""
    return [format_text(d) for d in check_file(str(FIXTURES / f"{name}.yaml")).diagnostics]


# --- the checker ----------------------------------------------------------------------------

def test_a_basis_quote_not_in_the_source_is_one_quote_error_at_its_line_and_column():
    path = FIXTURES / "relation_basis_not_in_source.yaml"
    assert messages("relation_basis_not_in_source") == [
        f"{path}:83:14: Q500 the quote is not in {FIXTURES / 'sources' / 'mini.txt'}; the nearest passage is at line 2, column 53: "
        "«It counted 12 people injured and seven people detained»"]


def test_a_relation_without_basis_is_one_schema_error_that_says_what_to_write():
    (line,) = messages("relation_without_basis")
    assert line.endswith(":78:5: S201 item 1 of 'relations' is missing the field 'basis'; write basis: with the quote and source "
                         "of the passage that states the relation, or basis: editors with the editors' reason"), line


def test_the_editors_basis_without_a_reason_is_one_error_naming_reason():
    (line,) = messages("relation_editors_without_reason")
    assert line.endswith(":78:5: S201 item 1 of 'relations' is missing the field 'reason'; "
                         "a relation whose basis is editors says why, in words, under reason:"), line


def test_a_comparison_whose_numbers_differ_gives_no_error_and_no_warning():
    checked = check_file(str(FIXTURES / "relation_comparison.yaml"))
    figures = {f.id: f.value for f in checked.dataset.figures}
    (relation,) = checked.dataset.relations
    assert relation.kind == "comparison" and figures[relation.parts[0]] != figures[relation.total]
    assert checked.ok and checked.diagnostics == []


def test_the_same_figures_as_an_equality_would_be_an_error():
    """The comparison fixture is quiet because of its kind, not because its figures agree."""
    text = (FIXTURES / "relation_comparison.yaml").read_text(encoding="utf-8").replace("kind: comparison", "kind: equal")
    assert [d.code for d in check_text(text, str(FIXTURES / "changed.yaml")).errors] == ["R801"]


@pytest.mark.parametrize("name, expected", [
    ("relation_reason_beside_quoted_basis", ":85:5: S204 'reason' belongs to a relation whose basis is editors; where the basis is the "
                                            "source's passage, that passage is the reason: remove 'reason', or write basis: editors"),
    ("relation_comparison_acknowledged", ":84:5: S204 'acknowledged' is not for a comparison: a comparison does not claim that its "
                                         "figures agree, so a difference is shown to readers, never acknowledged; remove 'acknowledged', "
                                         "or choose the kind the source states"),
])
def test_a_field_that_does_not_belong_with_the_basis_or_kind_is_one_message_at_its_key(name, expected):
    (line,) = messages(name)
    assert line.endswith(expected), line


@pytest.mark.parametrize("written, expected", [
    ("basis: editor", "S203 'basis' cannot be 'editor': write editors (with the editors' reason under reason:), or, where the source "
                      "states the relation, a mapping of the passage's quote and source; did you mean 'editors'?"),
    ("basis: 5", "S202 'basis' must be text or a mapping, not 5"),
])
def test_a_mistyped_basis_is_one_message_that_says_what_to_write(written, expected):
    text = (FIXTURES / "relation_comparison.yaml").read_text(encoding="utf-8").replace("basis: editors", written)
    lines = [format_text(d) for d in check_text(text, str(FIXTURES / "changed.yaml")).errors]
    assert len(lines) == 1 and lines[0].split(": ", 1)[1] == expected, lines


def test_a_misspelt_field_of_a_quoted_basis_is_one_message():
    text = (FIXTURES / "relation_basis_not_in_source.yaml").read_text(encoding="utf-8").replace("      quote:", "      qoute:")
    (line,) = [format_text(d) for d in check_text(text, str(FIXTURES / "changed.yaml")).errors]
    assert line.endswith(":83:7: S200 unknown field 'qoute'; did you mean 'quote'?"), line


def test_a_basis_of_an_unknown_source_is_one_reference_error():
    text = (FIXTURES / "relation_basis_not_in_source.yaml").read_text(encoding="utf-8").replace("      source: mini", "      source: minl")
    (line,) = [format_text(d) for d in check_text(text, str(FIXTURES / "changed.yaml")).errors]
    assert ":84:15: M302 no source has the id 'minl'; did you mean 'mini'?" in line


@pytest.mark.parametrize("basis, speaks", [
    ("people were recognised as victims", True),  # over the total's quote, "Officially, 20 people were recognised"
    ("Officially, 20", True),  # its value, and over its quote
    ("recognised as victims", True),  # its quote's last word
    ("as victims by the end of 1991", False),  # the words right after its quote
])
def test_a_basis_speaks_of_its_total_where_it_lies_over_the_total_s_quote(basis, speaks):
    text = (FIXTURES / "relation_basis_not_about_the_relation.yaml").read_text(encoding="utf-8")
    changed = text.replace("quote: the council met in the town hall", f"quote: {basis}")
    assert changed != text
    codes = [d.code for d in check_text(changed, str(FIXTURES / "changed.yaml")).errors]
    assert ("R805" not in codes) == speaks, codes


# --- the site's words -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    checked = check_file(str(REAL_DATA))
    assert checked.ok
    return checked


def relation_item(checked, relation) -> str:
    dataset = checked.dataset
    figures = {f.id: f for f in dataset.figures}
    return str(render_relation(relation, figures, source_names(dataset), sources={s.id: s for s in dataset.sources}, links=Links()))


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_real_comparison_sets_the_two_counts_side_by_side_in_neutral_words(real):
    relation = next(r for r in real.dataset.relations if r.id == "killed-total-versus-recognised")
    assert relation.kind == "comparison" and relation.basis.by_editors
    text = words(relation_item(real, relation)).replace(" ,", ",").replace(" ;", ";").replace(" .", ".")
    assert "Caliber.Az gives Killed in all (147) and, separately, Officially recognised as martyrs of 20 January (150); " \
           "it does not say how the two counts relate." in text
    assert "Side by side: 147 and 150, a difference of 3." in text
    assert not any(w in text for w in STATED_WORDS) and "differ by" not in text


def test_the_figures_page_says_should_only_beside_the_source_s_own_passage(real):
    page = str(fragments.FRAGMENTS["relations"](real, Links()))
    items = dict(re.findall(r'<li class="bj-relation" id="([a-z0-9-]+)">(.*?)</li>', page, re.S))
    assert set(items) == {r.id for r in real.dataset.relations}
    for relation in real.dataset.relations:
        said = any(w in items[relation.id] for w in STATED_WORDS)
        assert said == (relation.kind != "comparison" and not relation.basis.by_editors), relation.id
        if not relation.basis.by_editors:
            assert f"<q>{relation.basis.quote}</q>" in items[relation.id]
            assert f'href="../source/#q-{relation.id}"' in items[relation.id]
    assert "In total, the unlawful deployment of troops in Baku and other regions claimed the lives of 147 people" in items["killed-parts-versus-total"]


KINDS = ["sum", "equal", "at-most", "comparison"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_stated_by_the_source_quotes_its_passage(real, kind):
    base = next(r for r in real.dataset.relations if r.id == "killed-parts-versus-total")
    item = relation_item(real, replace(base, kind=kind))
    assert "In total, the unlawful deployment" in item and "Caliber.Az " in item
    stated = {"sum": "should add up to", "equal": "should equal", "at-most": "should be no larger"}.get(kind)
    if stated:
        assert stated in item and "Caliber.Az states it:" in item
        assert not any(w in item for w in STATED_WORDS if w != stated)
    else:
        assert not any(w in item for w in STATED_WORDS) and "Caliber.Az writes them together:" in item
    assert "editors" not in item


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_read_by_the_editors_says_so_and_shows_the_reason(real, kind):
    base = next(r for r in real.dataset.relations if r.id == "killed-parts-versus-total")
    reason = "A reason <of the editors> & theirs alone."
    relation = replace(base, kind=kind, basis=Basis(None, None, reason, base.basis.at), acknowledged=None if kind == "comparison" else base.acknowledged)
    item = relation_item(real, relation)
    assert not any(w in item for w in STATED_WORDS)
    assert '<span class="bj-relation__reason">A reason &lt;of the editors&gt; &amp; theirs alone.</span>' in item
    if kind == "comparison":
        assert "The editors set them side by side:" in item and "it does not say how the two counts relate" in item
    else:
        assert "The editors read " in item and "Caliber.Az does not say so." in item and "The editors’ reason:" in item
    if kind in ("sum", "equal"):  # the 131 differ from the 147
        assert "In the editors’ reading, Caliber.Az’s figures differ by" in item


def test_the_small_fixture_s_editors_reading_is_shown_as_theirs():
    checked = check_file(str(FIXTURES / "valid.yaml"))
    page = words(str(fragments.FRAGMENTS["relations"](checked, Links())))
    assert "The editors read Injured (12) and Detained (7) as the parts of Recognised (20); Test does not say so." in page
    assert "The editors’ reason: The report gives the counts apart" in page
    assert "should" not in page


def test_the_home_page_leaves_a_comparison_out_of_the_disagreements(real):
    compact = str(fragments.FRAGMENTS["disagreement-compact"](real, Links()))
    assert re.findall(r'<p class="bj-disagreement__whose"><a href="\.\./figures/#([a-z0-9-]+)">', compact) == ["killed-parts-versus-total"]


def test_the_json_download_says_who_states_each_relation(real):
    relations = {r["id"]: r for r in json.loads(to_json(real.dataset))["relations"]}
    assert relations["killed-total-versus-recognised"]["stated_by"] == "editors"
    assert relations["killed-total-versus-recognised"]["holds"] is None  # a comparison claims nothing
    assert relations["killed-total-versus-recognised"]["difference"] == 3
    assert relations["killed-total-versus-recognised"]["reason"].startswith("The article gives both:")
    assert relations["prisons-within-detained"] == {**relations["prisons-within-detained"], "stated_by": "source", "holds": True,
                                                    "basis_quote": "In Baku and other regions of the republic, 841 people were unlawfully detained, 112 of whom were sent to prisons in various cities across the USSR"}


def test_the_source_page_marks_each_basis_passage_and_links_it_to_its_relation(real):
    html = str(render_source_text(real, "caliber-2025", Links()))
    for relation in real.dataset.relations:
        if not relation.basis.by_editors:
            assert f'<span class="bj-anchor" id="q-{relation.id}"></span>' in html
            assert f'href="../figures/#{relation.id}"' in html


# --- the editing guide ----------------------------------------------------------------------

def guide_relations() -> list[dict]:
    """The relations the editing guide shows, as an editor would paste them."""
    import yaml

    from tests.conftest import ROOT

    text = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    section = text[text.index("## Relations between figures"):text.index("## Adding a kind of figure")]
    blocks = re.findall(r"\n\n((?:    .*\n|\n)+)", section)
    return [entry for block in blocks for entry in yaml.safe_load("\n".join(line[4:] for line in block.split("\n")))]


def test_the_guide_shows_each_kind_in_a_relation_the_schema_accepts(real):
    import jsonschema

    from scripts.check.schema import load_schema

    schema = load_schema()
    shown = guide_relations()
    assert sorted(r["kind"] for r in shown) == sorted(KINDS)
    source = real.texts["caliber-2025"].text
    for relation in shown:
        jsonschema.validate(relation, {**schema["$defs"]["relation"], "$defs": schema["$defs"]})
        if isinstance(relation["basis"], dict):  # the guide quotes the stored text, verbatim
            assert relation["basis"]["quote"] in source
