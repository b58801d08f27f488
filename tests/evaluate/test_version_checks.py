"""Versions put together through the API are refused as ``sla`` refuses them.

Two versions that take effect the same day (which one is in force would depend on the order of
the list) and a later version in another time zone (its incidents would be shown in the wrong
zone under a report that says every time is in the first one's) are refused wherever versions
meet: the command's loader, :func:`sla_dsl.evaluate`, replay and the Dask/Spark entries.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main
from sla_dsl.errors import InputError
from sla_dsl.policy.load import load_policies
from sla_dsl.scale import check_period, policy_texts

from .helpers import POLICY_PATH, TZ

EVENTS = [{"event": "incident.reported", "at": "2026-11-16T10:00:00+09:00", "id": "I", "priority": "P1"}]
START, END = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)


def _versions(tmp_path: Path, effective: str, zone: str = "Asia/Tokyo") -> tuple[Path, Path]:
    text = POLICY_PATH.read_text("utf-8")
    assert "timezone Asia/Tokyo" in text
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", f"effective {effective}")
    a, b = tmp_path / "a.sla", tmp_path / "b.sla"
    a.write_text(text, "utf-8")
    b.write_text(v2.replace("timezone Asia/Tokyo", f"timezone {zone}"), "utf-8")
    return a, b


def _refusal(call: object) -> str:
    with pytest.raises(InputError) as caught:
        call()  # type: ignore[operator]
    return str(caught.value)


def test_two_versions_of_one_day_are_refused_by_the_api_as_by_the_command(tmp_path: Path) -> None:
    a, b = _versions(tmp_path, "2026-04-01")
    said = _refusal(lambda: load_policies([str(a), str(b)]))
    assert "と同じ日です\nヒント: " in said
    v1, v2 = sla_dsl.load_policy(a), sla_dsl.load_policy(b)
    assert _refusal(lambda: sla_dsl.evaluate([v1, v2], EVENTS, START, END)) == said
    # at the later file's `effective` line, with its code and help (as E305 and E306 are refused)
    line = next(n for n, s in enumerate(b.read_text("utf-8").splitlines(), 1) if s.strip().startswith("effective"))
    assert _refusal(lambda: load_policies([str(a), str(b)], "en")) == (
        f"{b}:{line}:3: [E304] version 2026.2 takes effect on 2026-04-01, the same day as `{a}` (version 2026.1)\n"
        "help: which version is in force from that day would depend on the order of the files: if version 2026.2 "
        "is the new one, write `effective 2026-04-02` or a later date, or leave one of them out"
    )
    # the other order too is refused at the version numbered after the other, with its help; neither is judged
    assert _refusal(lambda: sla_dsl.evaluate([v2, v1], EVENTS, START, END)) == said
    assert _refusal(lambda: load_policies([str(b), str(a)], "en")).endswith(
        "write `effective 2026-04-02` or a later date, or leave one of them out"
    )
    assert _refusal(lambda: replay(v1, [v1, v2], EVENTS, START, END)) == said
    assert _refusal(lambda: check_period(policy_texts([a, b]), START, END, None)) == said


def test_a_later_version_in_another_zone_is_refused_at_its_timezone_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _versions(tmp_path, "2026-11-16", "UTC")
    line, column = next(
        (n, len(s) - len(s.lstrip()) + 1)
        for n, s in enumerate(b.read_text("utf-8").splitlines(), 1)
        if s.strip().startswith("timezone")
    )
    argv = ["evaluate", str(a), str(b), str(tmp_path / "none.jsonl"), "--from", "2026-11-01", "--to", "2026-12-01"]
    capsys.readouterr()
    assert main([*argv, "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        f"sla: error: {b}:{line}:{column}: [E305] version 2026.2 is in time zone `UTC`, "
        f"not `Asia/Tokyo` as `{a}` (version 2026.1) is\n"
        "help: keep the time zone of the earlier versions (`timezone Asia/Tokyo`): "
        "a report shows every time in one zone\n"
    )
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"sla: エラー: {b}:{line}:{column}：[E305] 版 2026.2 のタイムゾーン `UTC` は、"
        f"`{a}`（版 2026.1）の `Asia/Tokyo` と異なります\n"
        "ヒント: 前の版のタイムゾーンのまま（`timezone Asia/Tokyo`）にしてください。"
        "報告はすべての時刻を一つのタイムゾーンで示します\n"
    )
    v1, v2 = sla_dsl.load_policy(a), sla_dsl.load_policy(b)
    said = _refusal(lambda: load_policies([str(a), str(b)]))
    for versions in ([v1, v2], [v2, v1]):
        assert _refusal(lambda vs=versions: sla_dsl.evaluate(vs, EVENTS, START, END)) == said
    # compiled from text: named by the placeholder, at the same line
    text = sla_dsl.load_policy(b.read_text("utf-8"))
    assert _refusal(lambda: sla_dsl.evaluate([v1, text], EVENTS, START, END)).startswith(
        f"<policy>:{line}:{column}：[E305] 版 2026.2 の"
    )


def test_versions_of_one_zone_on_different_days_are_judged(tmp_path: Path) -> None:
    a, b = _versions(tmp_path, "2026-11-16")
    assert len(load_policies([str(a), str(b)])) == 2
    assert sla_dsl.evaluate([sla_dsl.load_policy(b), sla_dsl.load_policy(a)], EVENTS, START, END).incidents
