"""``GET /incidents/{id}``'s notes saying why an incident is not judged are in the language of the service's
answers, as the dashboard's: ``?lang=ja|en``, else the policy's primary language.

They were English on a Japanese policy (``policies/clicksoko.sla``, ``languages ja, en``) whatever was asked:
an incident reported a little after the service's clock (``not judged yet: ...``), events of an id never
reported (``event for unknown incident ...``), a priority the version judging it does not define and a
reprioritisation not applied (``priority `P0` is not defined in version 2026.1``). ``lang=en`` gives the
English as before (the engine's, as ``GET /report``'s JSON); a language the service does not write is refused
as ``GET /report`` refuses it. Its error bodies stay English, as every error body of the service.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sla_dsl.serve.tracking import FakeClock, _unseen_note

from .conftest import Starter, tokyo
from .test_unjudged_incidents import LATE_P0, NOW, _versions

#: Latin letters outside code spans and data (the notes quote the ids and the log's values as data, 「P0」;
#: the service's own words put a request in backticks, `GET /report`)
_LATIN = re.compile(r"[A-Za-z]+")
_CODE = re.compile(r"`[^`]*`|「[^」]*」")


def japanese_only(text: str) -> bool:
    return not _LATIN.findall(_CODE.sub("", text)) and re.search("[\u3040-\u30ff\u4e00-\u9fff]", text) is not None


def lines(events: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


def notes(c: Any, path: str) -> list[str]:
    r = c.get(path)
    assert r.status_code == 200, r.text
    return [n["message"] for n in r.json()["data"]]


def test_the_notes_of_incidents_stored_but_not_in_the_live_view(start: Starter, tmp_path: Path) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(tokyo(2026, 11, 30, 10)))
    orphan = {"event": "incident.responded", "at": "2026-11-30T09:00:00+09:00", "id": "ORPHAN"}
    soon = {"event": "incident.reported", "at": "2026-11-30T10:02:00+09:00", "id": "SOON", "priority": "P1"}
    assert c.post("/events", content=lines([orphan, soon])).status_code == 200

    for path in ("/incidents/ORPHAN", "/incidents/ORPHAN?lang=ja"):
        (said,) = notes(c, path)
        assert said == (
            "案件「ORPHAN」のイベントがありますが、その障害の報告を受けた時点の記録がありません。"
            "`GET /report` は違反のデータの項目に挙げます"
        )
        assert japanese_only(said), said
    for path in ("/incidents/SOON", "/incidents/SOON?lang=ja"):
        (said,) = notes(c, path)
        assert said.startswith(
            "まだ判定していません。この案件の `incident.reported` イベントの時刻がサービスの時計より後です"
        )
        assert japanese_only(said), said
    # English when asked for, as before
    assert notes(c, "/incidents/ORPHAN?lang=en") == [
        "event for unknown incident `ORPHAN` (no incident.reported): a data violation, which GET /report lists"
    ]
    assert notes(c, "/incidents/SOON?lang=en") == [
        "not judged yet: its incident.reported event is dated after the service's clock (stored within the clock "
        "skew allowed); it is judged from that instant on"
    ]
    # a language the service does not write is refused as GET /report refuses it; no incident is still 404
    r = c.get("/incidents/SOON?lang=fr")
    assert r.status_code == 422 and "unknown language `fr`" in r.text
    assert c.get("/incidents/NEVER-SENT?lang=ja").status_code == 404


def test_a_priority_the_version_does_not_define_is_noted_in_japanese(start: Starter, db_url: str) -> None:
    c = start(db_url, clock=FakeClock(NOW), pols=_versions())
    assert c.post("/events", json=LATE_P0).json()["stored"] == 1
    body = c.get("/incidents/H").json()
    assert body["judged"] is False
    assert [n["message"] for n in body["data"]] == ["優先度「P0」は規定の版 2026.1 に定められていません"]
    assert japanese_only(body["data"][0]["message"])
    assert notes(c, "/incidents/H?lang=en") == ["priority `P0` is not defined in version 2026.1"]
    # a reprioritisation not applied: the note of an incident judged
    reported = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "J", "priority": "P1"}
    moved = {"event": "incident.reprioritized", "at": "2026-11-30T10:00:00+09:00", "id": "J", "priority": "P0"}
    assert c.post("/events", content=lines([reported, moved])).status_code == 200
    body = c.get("/incidents/J").json()
    assert body["judged"] is True
    assert [n["message"] for n in body["data"]] == ["優先度「P0」は規定の版 2026.1 に定められていません"]
    assert notes(c, "/incidents/J?lang=en") == ["priority `P0` is not defined in version 2026.1"]


def test_an_incident_the_report_does_not_judge_for_another_reason_is_noted_in_each_language() -> None:
    """The third note (a report event stored, none ahead of the clock, yet not judged): worded the same way."""

    class Rules:
        def dt(self, at: float) -> Any:
            import datetime as dt

            return dt.datetime.fromtimestamp(at, dt.timezone(dt.timedelta(hours=9)))

    stored = [(tokyo(2026, 11, 30, 9), 1, "{}")]
    events = [{"event": "incident.reported", "id": "X", "priority": "P1"}]
    now = tokyo(2026, 11, 30, 10)
    ja = _unseen_note(stored, events, now, Rules(), "ja")  # type: ignore[arg-type]
    assert ja["message"] == "判定していません。理由は `GET /report` が示します（違反のデータの項目と `input.skipped`）"
    assert japanese_only(ja["message"])
    en = _unseen_note(stored, events, now, Rules(), "en")  # type: ignore[arg-type]
    assert en["message"] == "not judged: GET /report says why (its data violations and input.skipped)"
