"""Small fixes of a QA pass on ``sla serve``: ``GET /timers?within=`` too large said as such, how late an alert
fired in the words a person reads, the log of a webhook no longer given says only what is posted, and a reload
refused for one file says that no file's new version was added.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

import pytest

from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings
from sla_dsl.serve.app import Service
from sla_dsl.serve.store import Store, Webhook
from sla_dsl.serve.timer_words import late
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo

NOW = tokyo(2026, 11, 30, 10)


@pytest.mark.parametrize("within", ["99999999d", "3654d", "1" * 5000 + "s"])
def test_a_within_too_large_is_said_too_large_with_the_limit(start: Starter, tmp_path: Path, within: str) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    r = c.get(f"/timers?within={within}")
    assert r.status_code == 422
    assert r.json()["error"] == f"`within` value `{within}` is too large: at most 3653d (10 years)"
    assert c.get("/timers?within=3653d").status_code == 200
    assert c.get("/timers?within=soon").json()["error"] == "`within` value `soon` is not a duration"


@pytest.mark.parametrize(
    ("seconds", "ja", "en"),
    [
        (0.0123, "0.012 秒", "0.012 s"),
        (1800.0, "30分", "30 minutes"),
        (759862.121, "8日19時間4分", "8 days 19 hours 4 minutes"),
        (90000.0, "1日1時間", "1 day 1 hour"),
    ],
)
def test_how_late_an_alert_fired_is_said_in_words(seconds: float, ja: str, en: str) -> None:
    assert (late(seconds, "ja"), late(seconds, "en")) == (ja, en)


def test_a_webhook_no_longer_given_says_only_what_is_posted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Alert 1 reached `kept` and not `gone`; alert 2 reached neither. With `gone` no longer given, alert 2 is
    posted to `kept`, alert 1 is not posted to it again: the log says so, not that both are."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    store = Store(db)
    store.migrate()
    gone, kept = Webhook.of("http://gone.invalid/hook"), Webhook.of("http://kept.invalid/hook")
    store.fire("k1", "incident.breached", "I-1", NOW, 0.0, "{}", [gone, kept])
    store.fire("k2", "incident.breached", "I-2", NOW, 0.0, "{}", [gone])
    (d,) = [d for d in store.claim(kept.hook, time.time(), 60.0)]
    store.delivered(d, time.time())
    store.close()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service = Service(
            load_policies([str(POLICY)]), Settings(db=db, webhooks=("http://kept.invalid/hook",)), FakeClock(NOW)
        )
    said = [r.getMessage() for r in caplog.records if "gone.invalid" in r.getMessage()]
    assert said == [
        "送信先 http://gone.invalid は指定されなくなりました。まだ届けていないアラート 1 件は、"
        "代わりに今回指定された送信先（http://kept.invalid）へ送ります",
        "送信先 http://gone.invalid は指定されなくなりました。まだ届けていないアラート 1 件は、今回指定された送信先"
        "（http://kept.invalid）にもすでに配信があるため（状態は `GET /alerts` にあります）、重ねては送りません",
    ]
    states = {(a["item"], x["url"], x["state"]) for a in service.store.alerts() for x in a["deliveries"]}
    assert states == {
        ("I-1", "http://gone.invalid", "dropped"),
        ("I-1", "http://kept.invalid", "delivered"),
        ("I-2", "http://gone.invalid", "dropped"),
        ("I-2", "http://kept.invalid", "pending"),
    }
    service.store.close()


def test_a_reload_refused_for_one_file_says_no_other_version_was_added(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    text = POLICY.read_text("utf-8")
    (folder / "clicksoko.sla").write_text(text, "utf-8")
    service = Service(
        load_policies([str(folder)]),
        Settings(db=f"sqlite:///{tmp_path / 'sla.db'}", policy_files=(str(folder),)),
        FakeClock(NOW),
    )
    later = (dt.date(2027, 4, 1)).isoformat()
    good = text.replace('version "2026.1"', 'version "2027.1"').replace("effective 2026-04-01", f"effective {later}")
    (folder / "good.sla").write_text(good, "utf-8")
    (folder / "bad.sla").write_text(good.replace('version "2027.1"', 'version "2027.2"') + "\n}}\n", "utf-8")
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    (said,) = [r.getMessage() for r in caplog.records]
    assert said.startswith("再読み込み：ポリシーのファイルを読み直せませんでした。使用中の版はそのままです：\n")
    assert f"{folder / 'bad.sla'}:" in said  # located
    assert said.endswith(
        "ヒント: 読み直しでは、ファイルの新しい版をすべて加えるか、一つも加えないかのどちらかです（起動も、"
        "すべての版を使って始めるか、始めないかのどちらかです）。ほかのファイルの新しい版も加えていません。"
        "このファイルを直してから、もう一度 `SIGHUP` を送ってください"
    )
    assert [p.version for p in service.tracker.policies] == ["2026.1"]  # good.sla's version not added either
    service.store.close()


def test_the_webhooks_named_in_a_japanese_line_are_joined_with_the_japanese_comma(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Two webhooks given: the line naming them joins them with 「、」, as every Japanese list of the log."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    store = Store(db)
    store.migrate()
    gone = Webhook.of("http://gone.invalid/hook")
    store.fire("k2", "incident.breached", "I-2", NOW, 0.0, "{}", [gone])
    store.close()
    given = ("http://a.invalid/hook", "http://b.invalid/hook")
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service = Service(load_policies([str(POLICY)]), Settings(db=db, webhooks=given), FakeClock(NOW))
    said = [r.getMessage() for r in caplog.records if "gone.invalid" in r.getMessage()]
    assert said == [
        "送信先 http://gone.invalid は指定されなくなりました。まだ届けていないアラート 1 件は、"
        "代わりに今回指定された送信先（http://a.invalid、http://b.invalid）へ送ります",
    ]
    service.store.close()
