"""The header's cap on the total of service credits (``credit total at most 30% monthly``) in the authors' tools:
``sla diff`` words a cap added, changed or removed (a change customers are told about), ``sla fmt`` keeps the
line, hovers explain it and the docs site shows it among the policy's facts, each in Japanese and English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import hover_text
from sla_dsl.authoring.semdiff import change_text, diff_models, notice_words, render_json, render_text
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text
from sla_dsl.policy.load import load_policy

BASE = """sla "Desk" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

article 6 "サービスクレジット" / "Service credits"

calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}

service web "ウェブ" / "Web" [art 6] {
  hours always
  availability target 99.9% monthly
  credit below 99.9% 10%, below 99.0% 25%
}
"""
CAPPED = BASE.replace("  languages ja, en\n", "  languages ja, en\n  credit total at most 30% monthly [art 6]\n")


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.diagnostics, [d.header() for d in compiled.diagnostics]
    return compiled.model


def _lines(old: str, new: str, lang: str) -> list[str]:
    a, b = _model(old), _model(new)
    return render_text(a, b, diff_models(a, b), lang).splitlines()  # type: ignore[arg-type]


def test_diff_says_a_cap_added_changed_and_removed_in_words() -> None:
    raised = CAPPED.replace("at most 30%", "at most 40%")
    assert _lines(BASE, CAPPED, "ja") == ["~ 規定のサービスクレジットの合計の上限：なし → 月ごとの合計30%まで（第6条）"]
    assert _lines(BASE, CAPPED, "en") == [
        "~ policy cap on the total of service credits: none -> at most 30% in total, monthly (article 6)"
    ]
    assert _lines(CAPPED, raised, "ja") == [
        "~ 規定のサービスクレジットの合計の上限：月ごとの合計30%まで（第6条） → 月ごとの合計40%まで（第6条）"
    ]
    assert _lines(CAPPED, BASE, "en") == [
        "~ policy cap on the total of service credits: at most 30% in total, monthly (article 6) -> none"
    ]
    old, new = _model(CAPPED), _model(CAPPED.replace("30% monthly [art 6]", "30% monthly"))
    words = notice_words(old, new, "ja")
    (said,) = [change_text(c, words, old, new) for c in diff_models(old, new)]
    assert said == "規定のサービスクレジットの合計の上限：月ごとの合計30%まで（第6条） → 月ごとの合計30%まで"


def test_diff_json_carries_the_cap_by_meaning() -> None:
    a, b = _model(BASE), _model(CAPPED)
    (change,) = json.loads(render_json(a, b, diff_models(a, b), "en"))["changes"]
    assert (change["section"], change["field"], change["old"]) == ("header", "credit_total", None)
    assert change["new"] == {"percent": 30.0, "period": "month", "ref": {"parts": [6]}}


@pytest.mark.parametrize(
    "written", ["credit   total at most 30%  monthly   [art 6]", "credit total\n at most 30% monthly [art 6]"]
)
def test_fmt_writes_the_line_in_its_canonical_layout_and_keeps_it(written: str) -> None:
    text = CAPPED.replace("credit total at most 30% monthly [art 6]", written)
    assert format_text(text) == CAPPED
    assert format_text(CAPPED) == CAPPED


def test_the_hover_says_what_the_cap_sums() -> None:
    model = _model(CAPPED)
    line = CAPPED.splitlines().index("  credit total at most 30% monthly [art 6]")
    ja = hover_text(model, CAPPED, line, 5, "ja")
    en = hover_text(model, CAPPED, line, 5, "en")
    assert ja is not None and "サービスクレジットの合計の上限" in ja and "暦月" in ja and "30%" in ja
    assert en is not None and en.startswith("**Cap on the total of service credits**: per calendar month")


def test_the_docs_site_shows_the_cap_among_the_facts() -> None:
    policy = load_policy(CAPPED)
    facts = {}
    for lang in ("ja", "en"):
        page = render_policy(policy, PageContext(lang=lang, source_url=""))
        facts[lang] = dict(re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", page))
    assert facts["ja"]["クレジットの上限"] == "月ごとのサービスクレジットの合計は、料金の 30% まで（第6条）"
    assert facts["en"]["Credit cap"] == "service credits together at most 30% of the fee, monthly (Article 6)"
    plain = render_policy(load_policy(BASE), PageContext(lang="ja", source_url=""))
    assert "クレジットの上限" not in plain


def test_sla_test_checks_the_totals_by_the_first_day_of_their_period(tmp_path: Path) -> None:
    from sla_dsl.cli import main

    policy = tmp_path / "desk.sla"
    policy.write_text(
        CAPPED + '\npriority P1 "緊急" / "Urgent" [art 6] {\n  respond within 1 hour\n  credit 5% per breach\n}\n',
        "utf-8",
    )
    events = [
        {"event": "outage.started", "at": "2026-11-03T10:00:00+09:00", "id": "OUT-1", "service": "web"},
        {"event": "outage.ended", "at": "2026-11-03T20:00:00+09:00", "id": "OUT-1"},
        {"event": "incident.reported", "at": "2026-11-05T09:00:00+09:00", "id": "INC-1", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-05T12:00:00+09:00", "id": "INC-1"},
    ]
    (tmp_path / "ev.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    case = "  - name: {name}\n    events_file: ev.jsonl\n    period: {{from: 2026-11-01, to: 2026-12-01}}\n"
    tests = tmp_path / "desk.yaml"
    tests.write_text(
        "cases:\n"
        + case.format(name="owed")
        + '    expect: {credit_totals: {"2026-11-01": 30}}\n'
        + case.format(name="fields")
        + '    expect: {credit_totals: {"2026-11-01": {credits: 30, cap: 30, complete: true}}}\n',
        "utf-8",
    )
    assert main(["test", str(policy), str(tests), "--lang", "en"]) == 0
    tests.write_text("cases:\n" + case.format(name="wrong day") + '    expect: {credit_totals: {"2026-11-02": 30}}\n')
    assert main(["test", str(policy), str(tests), "--lang", "en"]) == 1


def test_replay_says_what_each_period_owes_after_the_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sla_dsl.cli import main

    rule = '\npriority P1 "緊急" / "Urgent" [art 6] {\n  respond within 1 hour\n  credit 5% per breach\n}\n'
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(BASE + rule, "utf-8")
    new.write_text(CAPPED.replace('version "1"', 'version "2"').replace("2026-04-01", "2026-05-01") + rule, "utf-8")
    events = [
        {"event": "outage.started", "at": "2026-11-03T10:00:00+09:00", "id": "OUT-1", "service": "web"},
        {"event": "outage.ended", "at": "2026-11-03T20:00:00+09:00", "id": "OUT-1"},
        *(
            e
            for n in (5, 6, 7)
            for e in (
                {"event": "incident.reported", "at": f"2026-11-0{n}T09:00:00+09:00", "id": f"I{n}", "priority": "P1"},
                {"event": "incident.responded", "at": f"2026-11-0{n}T12:00:00+09:00", "id": f"I{n}"},
            )
        ),
    ]
    log = tmp_path / "ev.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    period = ["--from", "2026-11-01", "--to", "2026-12-01"]
    assert main(["replay", str(old), str(new), str(log), *period, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "total of service credits, after the cap:\n" in out
    assert "  the month from Sun 1 Nov: no row (no cap, or no credit) -> 30% (40% before the cap of 30%)\n" in out
    assert main(["replay", str(old), str(new), str(log), *period, "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    ja = "  11月1日(日) からの測定期間（月次）：行なし（上限がないか、クレジットなし）"
    assert ja + " → 30%（上限適用前の合計 40%、上限 30%）\n" in out
    assert main(["replay", str(old), str(new), str(log), *period, "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["credit_totals"]
    assert (row["old_owed"], row["new_credits"], row["new_cap"], row["new_owed"]) == (None, 40.0, 30.0, 30.0)
