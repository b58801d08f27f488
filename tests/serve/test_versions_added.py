"""Versions added to a running ``sla serve`` (a reload of the policy folder on SIGHUP, ``POST /policies``) and a
version's file removed from the folder (a QA pass). Each test failed before its fix.

1. A version taking effect on the day of a version in use (E304) was refused without its place, code or help:
   posted, ``version `2026.3` takes effect on 2026-12-08, the same day as version `2026.2```; at a reload
   beside a posted version, one bare line (``…版 2026.2と同じ日です``) while other files' versions were added.
   Now it is refused as ``sla check`` and the loader refuse it: at its ``effective`` line, ``[E304]``, the
   same words, its help; a reload is refused whole, as a start would refuse the set. Posted, it still gave
   the general help after the loader's said the line to write (``effective DAY`` or later, at the version
   numbered after the other): now it says that line too.
2. A posted version whose ``effective`` date has begun was refused without its place.
3. A version's file removed from the folder was ignored without a word at SIGHUP: the version stays served
   (it may already judge incidents), and nothing told the author who believed it gone; a start without the
   file served it again (added by a reload) or, read from a file at start, dropped it without a word. Now the
   reload and the start say so in the policy's language, with the statements that take an upcoming version
   back, and a version the database served stays served.
4. The warnings of a version added (W307, the policy's own) were never said: now the log says them as ``sla
   check`` prints them, and ``POST /policies`` answers them in ``warnings``.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
import sqlalchemy as sa

from sla_dsl.i18n import message
from sla_dsl.lang.diagnostics import words
from sla_dsl.policy import load_policies
from sla_dsl.policy.compiled import Policy
from sla_dsl.serve import Settings, app
from sla_dsl.serve.app import ApiError, Service
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, ROOT, Starter, tokyo

#: Mon 30 Nov 2026 10:00 in Tokyo: Click So-ko 2026.1 (2026-04-01) is in force.
NOW = tokyo(2026, 11, 30, 10)
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


def _version(version: str, effective: str, source: Path = POLICY) -> str:
    text = source.read_text("utf-8")
    old = "2026.1" if source == POLICY else "1.0"
    return text.replace(f'version "{old}"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )


def _folder(tmp_path: Path, source: Path = POLICY) -> Path:
    folder = tmp_path / "policies"
    folder.mkdir(exist_ok=True)
    (folder / "first.sla").write_text(source.read_text("utf-8"), "utf-8")
    return folder


def _service(folder: Path, db: str) -> Service:
    return Service(load_policies([str(folder)]), Settings(db=db, policy_files=(str(folder),)), FakeClock(NOW))


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sla.serve"]


def _versions(service: Service) -> list[str]:
    return [v["version"] for v in service.versions()]


# -- 1. the same effective date as a version in use ------------------------------------------------------------
def test_a_posted_version_of_the_same_day_is_refused_located_with_its_code_and_help(
    start: Starter, tmp_path: Path
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    assert c.post("/policies", content=_version("2026.2", "2026-12-08").encode()).status_code == 200
    r = c.post("/policies", content=_version("2026.3", "2026-12-08").encode())
    assert r.status_code == 422
    assert r.json() == {
        "error": "<request>:10:3: [E304] version 2026.3 takes effect on 2026-12-08, the same day as the policy in "
        "use (version 2026.2); no version was added",
        "help": "which version is in force from that day would depend on the order of the files: if version "
        "2026.3 is the new one, write `effective 2026-12-09` or a later date, or leave one of them out",
    }
    # (in the words of the other refusals of the endpoint: a time zone of its own, E305)
    other = c.post("/policies", content=_version("2026.4", "2027-01-08").replace("Asia/Tokyo", "UTC").encode())
    assert other.json()["error"].startswith("<request>:11:3: [E305] ")


def test_a_reloaded_version_of_the_day_of_a_posted_one_refuses_the_reload_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    service.add_policy(_version("2026.2", "2026-12-08"))  # posted: no file
    same_day = folder / "zz.sla"
    same_day.write_text(_version("2026.3", "2026-12-08"), "utf-8")
    (folder / "later.sla").write_text(_version("2027.1", "2027-02-01"), "utf-8")
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    assert _said(caplog) == [
        "再読み込み：ポリシーのファイルを読み直せませんでした。使用中の版はそのままです：\n"
        f"{same_day}:10:3：[E304] 版 2026.3 の適用開始日 2026年12月8日(火) は、"
        "使用中のポリシー（版 2026.2）と同じ日です\n"
        "ヒント: その日から適用される版がファイルの順で決まってしまいます。版 2026.3 が新しい版なら、"
        "`effective 2026-12-09` 以降の日付を書くか、どちらかの版を外してください\n"
        f"ヒント: {message('serve.reload.not_reloaded.help', 'ja')}"
    ]
    # all or none, as a start takes the files and the versions stored: the next start would refuse this set
    assert _versions(service) == ["2026.1", "2026.2"]
    service.store.close()


def test_a_reloaded_version_of_the_day_of_one_added_meanwhile_is_refused_located(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    service.add_policy(_version("2026.2", "2026-12-08"))
    path = folder / "zz.sla"
    text = _version("2026.3", "2026-12-08")
    with pytest.raises(ApiError) as refused:  # (a version posted between the reload's check and its adding)
        service.add_policy(text, str(path))
    assert refused.value.message == (
        f"{path}:10:3：[E304] 版 2026.3 の適用開始日 2026年12月8日(火) は、使用中のポリシー（版 2026.2）と同じ日です"
    )
    assert refused.value.help == (
        "その日から適用される版がファイルの順で決まってしまいます。版 2026.3 が新しい版なら、"
        "`effective 2026-12-09` 以降の日付を書くか、どちらかの版を外してください"
    )
    service.store.close()


# -- 2. a posted version that has begun --------------------------------------------------------------------------
def test_a_posted_version_that_has_begun_is_refused_at_its_effective_line(start: Starter, tmp_path: Path) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    r = c.post("/policies", content=_version("2026.2", "2026-11-01").encode())
    assert r.status_code == 422
    assert r.json() == {
        "error": "<request>:10:3: version `2026.2` would take effect on 2026-11-01, which has begun",
        "help": "a new version takes effect from a future date: write a future `effective` date (`effective "
        "2026-12-01` or later), so that open incidents keep the version their clock started under",
    }  # (QA: the help said a future date, not which: the service's day is Mon 30 Nov 2026)


# -- 3. a version's file removed -----------------------------------------------------------------------------------
def _take_back(version: str) -> str:
    return f"DELETE FROM policies WHERE version = '{version}'; DELETE FROM served_versions WHERE version = '{version}'"


def test_an_upcoming_versions_file_removed_is_said_and_the_version_stays_until_taken_back(
    tmp_path: Path, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    later = folder / "later.sla"
    later.write_text(_version("2026.2", "2026-12-08"), "utf-8")
    service = _service(folder, db_url)  # the first start serves both
    added = folder / "added.sla"
    added.write_text(_version("2026.3", "2026-12-20"), "utf-8")
    service.reload_files()  # (one added by a reload, as the QA pass did)
    later.unlink()
    added.unlink()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    said = _said(caplog)
    assert said == [
        f"再読み込み：{later}:9:3：版 2026.2（適用開始日 2026年12月8日(火)）のファイルが、ポリシーのファイルの中に"
        "もうありません。ファイルを外しても版は取り下げられないので、版 2026.2 は使い続けます\n"
        "ヒント: この版を取り下げるには、適用開始日より前に、このデータベースを使うサービスをすべて止め、"
        f"データベースで `{_take_back('2026.2')}` を実行してから、このファイルなしで起動してください。"
        "取り下げないなら、ファイルを元に戻してください",
        f"再読み込み：{added}:9:3：版 2026.3（適用開始日 2026年12月20日(日)）のファイルが、ポリシーのファイルの中に"
        "もうありません。ファイルを外しても版は取り下げられないので、版 2026.3 は使い続けます\n"
        "ヒント: この版を取り下げるには、適用開始日より前に、このデータベースを使うサービスをすべて止め、"
        f"データベースで `{_take_back('2026.3')}` を実行してから、このファイルなしで起動してください。"
        "取り下げないなら、ファイルを元に戻してください",
    ]
    assert _versions(service) == ["2026.1", "2026.2", "2026.3"]  # still served, as the line says
    service.store.close()
    # a start without the files serves both (the database served them), and says so
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service = _service(folder, db_url)
    assert _versions(service) == ["2026.1", "2026.2", "2026.3"]
    said = [s for s in _said(caplog) if s.startswith("<stored policy")]
    assert [s.split("：", 1)[0] for s in said] == ["<stored policy 2026.2>:9:3", "<stored policy 2026.3>:9:3"]
    assert said[0].startswith(
        "<stored policy 2026.2>:9:3：版 2026.2（適用開始日 2026年12月8日(火)）はどのポリシーのファイルにも"
        "ありませんが、このデータベースで使ってきた版なので、使い続けます"
    )
    assert f"`{_take_back('2026.2')}` を実行してから起動してください" in said[0]
    service.store.close()
    # taken back as the line says: the next start serves neither, and says nothing of them
    store = Store(db_url)
    with store.engine.begin() as conn:
        for version in ("2026.2", "2026.3"):
            for statement in _take_back(version).split("; "):
                conn.execute(sa.text(statement))
    store.close()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service = _service(folder, db_url)
    assert _versions(service) == ["2026.1"]
    assert not [s for s in _said(caplog) if "stored policy" in s]
    service.store.close()


def test_a_removed_file_is_said_in_english_for_an_english_policy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path, HELPDESK)
    later = folder / "later.sla"
    later.write_text(_version("1.1", "2026-12-08", HELPDESK), "utf-8")
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    service = _service(folder, db)
    later.unlink()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    assert _said(caplog) == [
        f"reload: {later}:10:3: the file of version 1.1 (effective 2026-12-08) is no longer among the policy files; "
        "removing a file does not take its version back, so version 1.1 is still served\n"
        "help: to take this version back, before its effective date stop every service on this database, run "
        f"`{_take_back('1.1')}` on the database, then start without this file; to keep it, put the file back"
    ]
    service.store.close()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service = _service(folder, db)
    assert _versions(service) == ["1.0", "1.1"]
    (said,) = [s for s in _said(caplog) if s.startswith("<stored policy")]
    assert said.startswith(
        "<stored policy 1.1>:10:3: version 1.1 (effective 2026-12-08) is in none of the policy files, and is still "
        "served, as every version this database has served"
    )
    assert (
        "help: to take this version back, before its effective date stop every service on this database, run "
        f"`{_take_back('1.1')}`" in said
    )
    service.store.close()


def test_a_version_in_force_whose_file_is_removed_stays_served_and_is_not_dropped_by_a_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    first = folder / "first.sla"
    (folder / "later.sla").write_text(_version("2026.2", "2026-12-08"), "utf-8")
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    service = _service(folder, db)
    first.unlink()  # 2026.1, in force since 2026-04-01: the incidents since are judged under it
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    (said,) = _said(caplog)
    assert said.startswith(f"再読み込み：{first}:9:3：版 2026.1（適用開始日 2026年4月1日(水)）のファイルが、")
    assert said.endswith(
        "ヒント: 版 2026.1 はすでに適用が始まっていて、その日からの案件はこの版で判定しているので、取り下げる方法は"
        "ありません。ファイルを元に戻してください。規則を変えるには、新しい `version` と将来の日付の `effective` を"
        "付けて、新しい版として加えてください"
    )
    service.store.close()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service = _service(folder, db)  # (it was dropped without a word: November judged under nothing)
    assert _versions(service) == ["2026.1", "2026.2"]
    # (served again from the text it was served with, and said at every start while no file gives it: its file
    # may have been removed while the service was stopped, with no reload to say it)
    (again,) = [s for s in _said(caplog) if "stored policy" in s]
    assert (
        "<stored policy 2026.1>:9:3：版 2026.1（適用開始日 2026年4月1日(水)）はどのポリシーのファイルにもありません"
        in again
    )
    assert "取り下げる方法はありません。ファイルを元に戻してください" in again
    service.store.close()


# -- 4. the warnings of a version added ----------------------------------------------------------------------------
#: the help of W307 below: 2026.1 (in use) taking effect before 2025.9 (posted, from 2027-01-08)
W307_HELP = {"version": "2026.1", "other_version": "2025.9", "day": "2027-01-09"}


def test_a_posted_version_answers_its_warnings_and_the_log_says_them(
    start: Starter, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    plain = c.post("/policies", content=_version("2026.2", "2026-12-08").encode())
    assert plain.json()["warnings"] == []
    # numbered before the version in force, taking effect after it (W307); `1 business days` (W201)
    text = _version("2025.9", "2027-01-08").replace("respond within 1 business day ", "respond within 1 business days ")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        r = c.post("/policies", content=text.encode())
    assert r.status_code == 200, r.text
    warnings = r.json()["warnings"]
    assert [w["code"] for w in warnings] == ["W307", "W307", "W201"]
    assert warnings[0]["text"] == (
        "<request>:10:3: warning: [W307] version 2026.1 takes effect on 2026-04-01, but `<request>` (version 2025.9), "
        "a lower version, takes effect later, on 2027-01-08: the version in force on a day is the last to take "
        "effect by then, so version 2026.1 is in force only until 2026-12-07\n"
        "10 |   effective 2027-01-08\n"
        "   |   ^^^^^^^^^^^^^^^^^^^^\n"
        f"  help: {words('diag.W307.help', **W307_HELP).text('en')}"
    )
    assert "is in force only until 2027-01-07" in warnings[1]["text"]  # (2026.2, from 2026-12-08)
    assert warnings[2]["text"].startswith("<request>:105:18: warning: [W201] `1 business days`: ")
    said = _said(caplog)
    assert said[0] == "版 `2025.9` を加えました（適用開始日 2027年1月8日(金)）"
    assert said[1].startswith(
        "<request>:10:3: warning: [W307] 版 2026.1 の適用開始日は 2026年4月1日(水) ですが、番号の小さい`<request>`"
        "（版 2025.9）の適用開始日はそれより後の 2027年1月8日(金) です。"
    )
    ja_help = words("diag.W307.help", **W307_HELP).text("ja")
    assert said[1].endswith(f"ヒント: {ja_help}") and "\n10 |   effective 2027-01-08\n" in said[1]
    assert said[3].startswith("<request>:105:18: warning: [W201] ") and len(said) == 4


def test_a_reloaded_version_s_warnings_are_logged_located_in_its_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    low = folder / "zz.sla"
    low.write_text(_version("2026.0", "2027-03-01"), "utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    said = _said(caplog)
    assert said[0] == "版 `2026.0` を加えました（適用開始日 2027年3月1日(月)）"
    assert len(said) == 2 and said[1].startswith(
        f"{low}:10:3: warning: [W307] 版 2026.1 の適用開始日は 2026年4月1日(水) ですが、"
        f"番号の小さい`{low}`（版 2026.0）"
    )
    assert "\n10 |   effective 2027-03-01\n" in said[1]
    service.store.close()


def test_a_reloaded_versions_w307_quotes_the_file_of_the_version_in_use_as_sla_check_does(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    in_use = folder / "later.sla"
    in_use.write_text(_version("2026.5", "2027-06-01"), "utf-8")
    service.reload_files()
    higher = folder / "zz.sla"
    higher.write_text(_version("2026.6", "2027-03-01"), "utf-8")  # (numbered after 2026.5, taking effect before)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    said = _said(caplog)
    # (before: `番号の小さい/tmp/.../later.sla（版 2026.5）`, the path running into the words around it)
    assert len(said) == 2 and said[1].startswith(
        f"{higher}:10:3: warning: [W307] 版 2026.6 の適用開始日は 2027年3月1日(月) ですが、"
        f"番号の小さい`{in_use}`（版 2026.5）の適用開始日はそれより後の 2027年6月1日(火) です。"
    ), said
    service.store.close()


# -- 4. a reloaded version's hash ----------------------------------------------------------------------------------
def test_a_reloaded_versions_hash_is_its_files_as_sla_evaluate_reports_it(tmp_path: Path) -> None:
    """A version added by a reload is named by the SHA-256 of its file's bytes (``sha256sum``, what
    ``sla evaluate`` reports for the file), a byte-order mark and CRLF line ends included."""
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    later = folder / "later.sla"
    later.write_bytes(b"\xef\xbb\xbf" + _version("2026.2", "2026-12-08").replace("\n", "\r\n").encode())
    service.reload_files()
    assert _versions(service) == ["2026.1", "2026.2"]
    added = next(p for p in service.tracker.policies if p.version == "2026.2")
    assert added.sha256 == hashlib.sha256(later.read_bytes()).hexdigest()
    assert added.sha256 == load_policies([str(later)])[0].sha256
    service.store.close()


def test_a_file_gone_after_a_reload_read_it_is_added_as_read_then_said_gone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload reads each file once: a file removed after the loader read it is added as read (as a start
    serves what its loader read), and the next reload says its file is gone, with the statements that take it
    back. (It used to read the file a second time to add it, and say it gone at once.)"""
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    later = folder / "later.sla"
    text = _version("2026.2", "2026-12-08")
    later.write_text(text, "utf-8")
    real = app.load_policies

    def load_then_remove(paths: list[str]) -> list[Policy]:
        loaded = real(paths)
        later.unlink()  # (removed after the loader read it, before the version is added)
        return loaded

    monkeypatch.setattr(app, "load_policies", load_then_remove)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    monkeypatch.undo()
    assert _versions(service) == ["2026.1", "2026.2"]
    assert service.store.served()["2026.2"].text == text
    assert [p.sha256 for p in service.tracker.policies if p.version == "2026.2"] == [
        hashlib.sha256(text.encode("utf-8")).hexdigest()
    ]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    said = _said(caplog)
    assert len(said) == 1 and said[0].startswith(
        f"再読み込み：{later}:9:3：版 2026.2（適用開始日 2026年12月8日(火)）のファイルが"
    )
    assert "DELETE FROM policies WHERE version = '2026.2'" in said[0], said
    service.store.close()
