"""The site's version history lists every change in meaning that ``sla diff`` finds.

Conditional rules of one priority are told apart by their ``when``, attributes
(values, defaults, labels) and declared event types are compared, and no section
of :class:`PolicyModel` is skipped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.diff_changes import diff_models
from sla_dsl.docs import history
from sla_dsl.lang import model as m
from sla_dsl.policy.load import compile_path

from .conftest import ROOT, mkdocs_build
from .htmltables import tables

PLANS = ROOT / "policies/examples/plans.sla"
HELPDESK = ROOT / "policies/examples/helpdesk.sla"


def _model(tmp: Path, text: str, name: str) -> m.PolicyModel:
    path = tmp / name
    path.write_text(text, "utf-8")
    compiled = compile_path(str(path))
    assert compiled.model is not None and not compiled.errors, compiled.errors
    return compiled.model


def _versions(tmp: Path, source: Path, old: str, new: str) -> tuple[m.PolicyModel, m.PolicyModel]:
    """The policy ``source`` and a second version with ``old`` replaced by ``new`` (once)."""
    text = source.read_text("utf-8")
    assert text.count(old) == 1, old
    edited = text.replace(old, new).replace('version "1.0"', 'version "1.1"')
    return _model(tmp, text, "v1.sla"), _model(tmp, edited, "v2.sla")


def _lines(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    """The history's lines without the header's version and effective date, as a reader reads them."""
    return [html.unescape(c.describe(lang)) for c in history.diff(old, new) if c.kind != "header"]


def _latin(line: str) -> list[str]:
    """Latin words of a Japanese line but a priority's id (``P1``), which customers see on tickets."""
    return re.findall(r"[A-Za-z]+", re.sub(r"\bP\d+\b", "", line))


# ---- the reviewer's cases ----------------------------------------------------------------------


def test_a_conditional_rule_of_a_priority_is_told_apart_by_its_when(tmp_path: Path) -> None:
    """s18: the premium customers' P1 target from 1 hour to 30 minutes."""
    old, new = _versions(
        tmp_path,
        PLANS,
        "  when plan = premium\n  respond within 1 hour",
        "  when plan = premium\n  respond within 30 minutes",
    )
    assert _lines(old, new, "en") == [
        "P1 Urgent (premium) (when Plan is Premium) response target: within 1 hour -> within 30 minutes"
    ]
    assert _lines(old, new, "ja") == [
        "P1 緊急（プレミアム）（契約プランがプレミアムの場合）の応答目標時間：1時間以内 → 30分以内"
    ]
    for c in history.diff(old, new):
        assert not _latin(c.describe("ja")), c.describe("ja")


def test_an_attribute_default_is_a_change(tmp_path: Path) -> None:
    """s18b: ``attribute plan`` defaults to premium."""
    old, new = _versions(tmp_path, PLANS, "  default standard\n", "  default premium\n")
    assert _lines(old, new, "en") == ["Plan default value: Standard -> Premium"]
    assert _lines(old, new, "ja") == ["契約プランの既定値：スタンダード → プレミアム"]
    for c in history.diff(old, new):
        assert not _latin(c.describe("ja")), c.describe("ja")


def test_the_site_shows_the_conditional_rule_change(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Test site\n", "utf-8")
    text = PLANS.read_text("utf-8")
    v1, v2 = tmp_path / "v1.sla", tmp_path / "v2.sla"
    v1.write_text(text, "utf-8")
    v2.write_text(
        text.replace('version "1.0"', 'version "1.1"')
        .replace("effective 2026-04-01", "effective 2026-11-16")
        .replace("respond within 1 hour", "respond within 30 minutes"),
        "utf-8",
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nplugins:\n  - sla:\n      policies:\n        - {v1}\n        - {v2}\n"
        "      languages: [en]\n      path: sla\n      today: 2026-04-01\n",
        "utf-8",
    )
    build = mkdocs_build(config, tmp_path / "site")
    page = next(p for p in (build.site / "sla").rglob("index.html") if "version-history" in p.read_text("utf-8"))
    rows = tables(page.read_text("utf-8"))["versions"][1:]
    assert [r.cells[0] for r in rows] == ["1.0", "1.1"]
    said = "P1 Urgent (premium) (when Plan is Premium) response target: within 1 hour -> within 30 minutes"
    assert said in rows[1].cells[2]


# ---- one case per section added ----------------------------------------------------------------


def test_a_conditional_rule_removed_is_reported(tmp_path: Path) -> None:
    rule = (
        'priority P2 "高（英語窓口）" / "High (English line)" [art 3] {\n'
        "  when channel = en\n  respond within 7 desk_en hours\n}\n"
    )
    old, new = _versions(tmp_path, PLANS, rule, "")
    assert _lines(old, new, "en") == [
        "Priority: P2 High (English line) (when Support line is English) removed "
        "(respond within 7 business hours (English desk hours))"
    ]
    assert _lines(old, new, "ja") == [
        "優先度「P2 高（英語窓口）」（受付窓口が英語の場合）を削除（応答目標時間：7営業時間以内（英語窓口の受付時間））"
    ]


def test_an_attribute_value_added_is_reported(tmp_path: Path) -> None:
    old, new = _versions(
        tmp_path,
        PLANS,
        '  value premium "プレミアム" / "Premium"\n',
        '  value premium "プレミアム" / "Premium"\n  value gold "ゴールド" / "Gold"\n',
    )
    assert _lines(old, new, "en") == ["Plan values: Standard, Premium -> Standard, Premium, Gold"]
    assert _lines(old, new, "ja") == ["契約プランの値：スタンダード、プレミアム → スタンダード、プレミアム、ゴールド"]


def test_an_attribute_value_label_is_reported(tmp_path: Path) -> None:
    old, new = _versions(tmp_path, PLANS, '"プレミアム" / "Premium"', '"特上" / "Top"')
    assert _lines(old, new, "en") == ['Plan value label: "Premium" -> "Top"']
    assert _lines(old, new, "ja") == ["契約プランの値の名称：「プレミアム」 → 「特上」"]


def test_an_attribute_label_is_reported(tmp_path: Path) -> None:
    old, new = _versions(tmp_path, PLANS, '"契約プラン" / "Plan"', '"ご契約" / "Contract"')
    assert _lines(old, new, "en") == ['Contract label: "Plan" -> "Contract"']
    assert _lines(old, new, "ja") == ["ご契約の名称：「契約プラン」 → 「ご契約」"]


def test_an_attribute_added_is_reported(tmp_path: Path) -> None:
    added = 'attribute region "地域" / "Region" {\n  value east "東" / "East"\n  default east\n}\n\n'
    old, new = _versions(tmp_path, PLANS, "calendar business ", added + "calendar business ")
    assert _lines(old, new, "en") == ["New attribute: Region"]
    assert _lines(old, new, "ja") == ["属性「地域」を追加"]


def test_a_declared_event_type_is_reported(tmp_path: Path) -> None:
    old, new = _versions(tmp_path, HELPDESK, '"チャット開始" / "Chat started"', '"チャット受付" / "Chat opened"')
    assert _lines(old, new, "en") == ['Chat opened label: "Chat started" -> "Chat opened"']
    assert _lines(old, new, "ja") == ["チャット受付の名称：「チャット開始」 → 「チャット受付」"]


# ---- no section of the model is skipped --------------------------------------------------------


@pytest.mark.parametrize("source", [PLANS, HELPDESK, ROOT / "policies/clicksoko.sla"], ids=lambda p: p.stem)
def test_every_declaration_removed_is_in_the_history(source: Path) -> None:
    """Dropping any one declaration of any section of the model shows in the history as ``sla diff`` says it."""
    compiled = compile_path(str(source))
    assert compiled.model is not None
    model = compiled.model
    sections = [f for f in m.PolicyModel.model_fields if f not in ("span", "header")]
    seen = set()
    for field in sections:
        declarations = getattr(model, field)
        for k in range(len(declarations)):
            smaller = model.model_copy(update={field: declarations[:k] + declarations[k + 1 :]})
            expected = [(c.op, c.key) for c in diff_models(model, smaller)]
            got = [(c.status, c.name) for c in history.diff(model, smaller)]
            assert got == expected, (field, k)
            assert [c.kind for c in history.diff(model, smaller)] == [field], (field, k)
            seen.add(field)
    assert "priorities" in seen
    if source == PLANS:
        assert {"attributes", "notifications", "services"} <= seen
    if source == HELPDESK:
        assert "event_types" in seen


def test_history_and_sla_diff_agree_on_which_declarations_changed(tmp_path: Path) -> None:
    """Both reviewer's changes and an attribute removed, in one pair of versions."""
    old, new = _versions(
        tmp_path,
        PLANS,
        "  default standard\n}",
        "  default premium\n}",
    )
    new = new.model_copy(update={"attributes": new.attributes[:1]})
    expected = {(c.op, c.key) for c in diff_models(old, new)}
    assert expected == {("changed", ""), ("changed", "plan"), ("removed", "channel")}
    # the version's number is the table's own column, not repeated in its list of changes
    assert {(c.status, c.name) for c in history.diff(old, new)} == expected - {("changed", "")}
