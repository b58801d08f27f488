"""A policy version edited under its own number, the reload's words, the dashboard's priorities, the log of a
failed delivery and the database file ``--db`` names (a QA pass of ``sla serve``). Each test failed before
its fix.

1. An edited version (same ``version``, other rules) was skipped at SIGHUP without a word, then applied to
   every stored event at the next start: due times moved and the alerts of the same incidents fired again.
   Now the reload says so in the log and applies nothing, and the start is refused (exit 1) until the text
   is restored, or the operator marks the version accepted in the record of what was served.
2. A reload's refusals were English for a Japanese-first policy, and a syntax error lost its source line.
3. The dashboard showed a priority by its id alone (``P1``), not as the report names it (``P1 優先度１``).
4. A failed delivery's log line did not name its alert: one identical line per alert.
5. ``--db sqlite:///var/lib/sla/sla.db`` is a path relative to the working directory; the error did not say
   which file it tried.
6. A new version whose ``effective`` date had begun, added while the service was stopped, was applied at the
   next start (SIGHUP refuses it): stored events from that date were judged again under it. Now the start
   refuses it (exit 1) unless nothing was served yet, or the operator accepts it with the statement the
   refusal gives. An edited version is accepted in one step (``UPDATE``; a deleted row would now be a new
   version that has begun). The reload's ``policy version ... added`` was English: now the policy's language.
7. The text recorded as served, and compared at start, was the policy file read once more after the loader
   had compiled it: a file saved between the two (an author saving while the service starts) left the
   database holding a text not served, so that the next start took an edited version or refused the text
   served. A reload added a new version from its file read again, not the text the loader had checked.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from sla_dsl.errors import InputError
from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings, app
from sla_dsl.serve.alerts import Sender
from sla_dsl.serve.app import ApiError, Service
from sla_dsl.serve.dashboard import rows
from sla_dsl.serve.store import Store, Webhook, digest
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, ROOT, Starter, _free_port, tokyo

#: Mon 30 Nov 2026 10:00 in Tokyo: after Click So-ko 2026.1 took effect.
NOW = tokyo(2026, 11, 30, 10)
FOUR, TWO = "respond within 4 business hours", "respond within 2 business hours"
CHANGE_JA = "~ P1 優先度１の応答目標時間：4営業時間以内 → 2営業時間以内"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


def _folder(tmp_path: Path, text: str | None = None) -> Path:
    folder = tmp_path / "policies"
    folder.mkdir(exist_ok=True)
    (folder / "clicksoko.sla").write_text(text if text is not None else POLICY.read_text("utf-8"), "utf-8")
    return folder


def _service(folder: Path, db: str) -> Service:
    settings = Settings(db=db, policy_files=(str(folder),))
    return Service(load_policies([str(folder)]), settings, FakeClock(NOW))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _version(text: str, version: str, effective: str) -> str:
    return text.replace('version "2026.1"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )


# -- 1. a version edited under its own number ------------------------------------------------------------------
def test_a_version_edited_under_its_number_is_refused_at_start(tmp_path: Path, db_url: str) -> None:
    folder = _folder(tmp_path)
    _service(folder, db_url).store.close()  # the first start: 2026.1 is served with the file's text
    policy = folder / "clicksoko.sla"
    _edit(policy, FOUR, TWO)
    with pytest.raises(InputError) as refused:
        _service(folder, db_url)
    said = str(refused.value)
    assert refused.value.lang == "ja"  # the policy's primary language
    assert said.startswith(f"{policy}:9:3：版 2026.1 の内容が、このデータベースで最初に使ったときから変わっています")
    assert f"\n  {CHANGE_JA}\n" in said  # what changed, as `sla diff` says it
    assert "ヒント: " in said and "`UPDATE served_versions SET text_digest = '' WHERE version = '2026.1'`" in said
    # restored, it starts; a change of layout or comments only is no change
    _edit(policy, TWO, FOUR)
    _service(folder, db_url).store.close()
    _edit(policy, FOUR, FOUR + "  # 第3条")
    service = _service(folder, db_url)
    assert service.store.served()["2026.1"].text == policy.read_text("utf-8")  # (kept: compared as text next time)
    service.store.close()
    # accepted on purpose, as the refusal says, the edited text is served from then on
    _edit(policy, FOUR, TWO)
    store = Store(db_url)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE served_versions SET text_digest = '' WHERE version = '2026.1'"))
    store.close()
    service = _service(folder, db_url)
    assert service.store.served()["2026.1"].text_digest == digest(policy.read_text("utf-8"))
    service.store.close()


def test_an_edited_version_is_accepted_in_one_step_beside_other_versions(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    (folder / "older.sla").write_text(_version(POLICY.read_text("utf-8"), "2025.1", "2025-04-01"), "utf-8")
    _service(folder, db).store.close()  # both served
    policy = folder / "clicksoko.sla"
    _edit(policy, FOUR, TWO)
    with pytest.raises(InputError) as refused:
        _service(folder, db)
    sql = str(refused.value).split("データベースで `", 1)[1].split("`", 1)[0]
    store = Store(db)
    with store.engine.begin() as conn:  # the statement the refusal gives, as an operator runs it
        conn.execute(sa.text(sql))
    store.close()
    service = _service(folder, db)  # (a deleted row would now be a new version that has begun: refused)
    assert service.store.served()["2026.1"].text_digest == digest(policy.read_text("utf-8"))
    service.store.close()


def _saved_after_compile(monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    """The loader saves each file it compiles again just after, ``old`` replaced by ``new`` (an author saving in
    an editor while the service starts or reloads)."""
    import sla_dsl.policy.load as load

    compiled = load.load_policy

    def saved(path: str | Path) -> Any:
        policy = compiled(path)
        if old in Path(path).read_text("utf-8"):
            _edit(Path(path), old, new)
        return policy

    monkeypatch.setattr(load, "load_policy", saved)


def test_a_file_saved_while_the_first_start_reads_it_is_recorded_as_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text recorded as served was the file read once more after the loader had compiled it: saved between
    the two (here with other rules under the same number), the database recorded the edited text while the
    service served the one compiled. The next start then took the edited version without a word, and refused
    the file once restored to the very text served."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    policy = folder / "clicksoko.sla"
    served = policy.read_text("utf-8")
    _saved_after_compile(monkeypatch, FOUR, TWO)
    service = _service(folder, db)
    monkeypatch.undo()
    assert TWO in policy.read_text("utf-8")  # (saved after the loader compiled it)
    assert service.store.served()["2026.1"].text == served  # (what is recorded)
    assert [p.source for p in service.tracker.policies] == [served]  # (what is served)
    service.store.close()
    with pytest.raises(InputError) as refused:  # the next start compares the file with what was served
        _service(folder, db)
    assert "版 2026.1 の内容が" in str(refused.value) and CHANGE_JA in str(refused.value)
    _edit(policy, TWO, FOUR)  # restored: the text served, taken
    _service(folder, db).store.close()


def test_a_file_saved_while_a_start_reads_it_is_compared_as_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start compared with the version served the file read once more after the loader had compiled it: a
    version edited while the service was stopped, its file restored between the two (an author undoing the
    edit as the service starts), was started without a word, serving the edited rules under the number served
    with the first ones. It is refused, as compiled."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    policy = folder / "clicksoko.sla"
    first = policy.read_text("utf-8")
    _service(folder, db).store.close()  # 2026.1 served
    _edit(policy, FOUR, TWO)
    _saved_after_compile(monkeypatch, TWO, FOUR)  # (restored after the loader compiled the edited text)
    with pytest.raises(InputError) as refused:
        _service(folder, db)
    monkeypatch.undo()
    assert policy.read_text("utf-8") == first
    assert "版 2026.1 の内容が" in str(refused.value) and CHANGE_JA in str(refused.value)
    assert _served_of(db)["2026.1"].text == first  # (a start refused writes nothing)
    service = _service(folder, db)  # (the file as served: taken)
    assert [p.source for p in service.tracker.policies] == [first]
    service.store.close()


def test_a_text_recorded_with_its_byte_order_mark_by_an_earlier_release_is_taken(tmp_path: Path) -> None:
    """An earlier release recorded a file's text read again as Python reads it, a byte-order mark kept; the
    text compiled has none. No change of meaning: the start takes it and keeps the text compiled."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    policy = folder / "clicksoko.sla"
    text = policy.read_text("utf-8")
    policy.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    store = Store(db)
    store.migrate()
    store.serve([("2026.1", dt.date(2026, 4, 1), "\ufeff" + text)], 1.0)  # (as the release before recorded it)
    store.close()
    service = _service(folder, db)
    assert service.store.served()["2026.1"].text == text
    service.store.close()


def test_a_version_accepted_while_its_file_is_saved_is_recorded_as_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited version accepted on purpose (``text_digest`` emptied) records the text the start compiled and
    serves, not the file saved again since: the next start compares the file with that text."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    policy = folder / "clicksoko.sla"
    _service(folder, db).store.close()
    _edit(policy, FOUR, TWO)
    accepted = policy.read_text("utf-8")
    store = Store(db)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE served_versions SET text_digest = '' WHERE version = '2026.1'"))
    store.close()
    _saved_after_compile(monkeypatch, TWO, FOUR)  # (saved back to the first text after the compile)
    service = _service(folder, db)
    monkeypatch.undo()
    assert service.store.served()["2026.1"].text == accepted
    service.store.close()
    with pytest.raises(InputError) as refused:  # (the file now holds the first text: a change from the accepted)
        _service(folder, db)
    assert "版 2026.1 の内容が" in str(refused.value) and "2営業時間以内 → 4営業時間以内" in str(refused.value)


def test_a_new_file_saved_while_a_reload_reads_it_is_added_as_compiled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload added a new version from its file read once more after the loader had compiled and checked it:
    saved between the two (here so that it no longer compiles), the reload said in English ``invalid policy; no
    version was added`` in the log of a Japanese policy, and added nothing. It adds the version the loader
    compiled, and the database records that text as served."""
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    service = _service(folder, db)
    later = folder / "later.sla"
    text = _version(POLICY.read_text("utf-8"), "2027.1", "2027-04-01")
    later.write_text(text, "utf-8")
    _saved_after_compile(monkeypatch, 'version "2027.1"', 'version "2027.1" {')  # (no longer compiles)
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    monkeypatch.undo()
    said = [r.getMessage() for r in caplog.records]
    assert "版 `2027.1` を加えました（適用開始日 2027年4月1日(木)）" in said, said
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], said
    assert service.store.served()["2027.1"].text == text
    assert service.store.policy_texts()[-1] == text
    service.store.close()


# -- a new version whose `effective` date has begun, added while the service was stopped -------------------------
def test_a_new_version_that_has_begun_is_refused_at_start(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    _service(folder, db).store.close()  # 2026.1 served
    later = folder / "later.sla"
    later.write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-10-01"), "utf-8")
    with pytest.raises(InputError) as refused:
        _service(folder, db)
    said = str(refused.value)
    assert refused.value.lang == "ja"
    assert said.startswith(
        f"{later}:9:3：版 2026.2 はこのデータベースでまだ使ったことのない新しい版ですが、"
        "適用開始日 2026年10月1日(木) はすでに始まっています。"
    )
    assert "\nヒント: " in said and "`effective 2026-12-01` 以降" in said  # (NOW is 30 Nov 2026)
    assert "2026.2" not in _served_of(db)  # nothing recorded
    # a future date is taken
    later.write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-12-01"), "utf-8")
    _service(folder, db).store.close()
    assert "2026.2" in _served_of(db)


def test_a_new_version_that_has_begun_is_taken_when_accepted(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    _service(folder, db).store.close()
    later = folder / "later.sla"
    later.write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-10-01"), "utf-8")
    with pytest.raises(InputError) as refused:
        _service(folder, db)
    sql = str(refused.value).split("データベースで `", 1)[1].split("`", 1)[0]
    assert sql.startswith("INSERT INTO served_versions ")
    store = Store(db)
    with store.engine.begin() as conn:  # the statement the refusal gives, as an operator runs it
        conn.execute(sa.text(sql))
    store.close()
    service = _service(folder, db)
    assert [p.version for p in service.tracker.policies] == ["2026.1", "2026.2"]
    assert service.store.served()["2026.2"].text_digest == digest(later.read_text("utf-8"))
    service.store.close()
    _service(folder, db).store.close()  # served now: the next start compares it as any other


def test_a_first_start_takes_every_version(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    (folder / "later.sla").write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-10-01"), "utf-8")
    _service(folder, db).store.close()
    assert {"2026.1", "2026.2"} <= set(_served_of(db))


def test_the_command_exits_1_on_a_new_version_that_has_begun(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    _service(folder, db).store.close()
    # (the command runs on the real clock: a date long past)
    (folder / "later.sla").write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-05-01"), "utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", "serve", str(folder), "--db", db, "--port", str(_free_port())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith(f"sla: エラー: {folder / 'later.sla'}:9:3：版 2026.2 は") and "Traceback" not in r.stderr


def test_a_reloaded_version_is_said_added_in_the_policys_language(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    (folder / "later.sla").write_text(_version(POLICY.read_text("utf-8"), "2027.1", "2027-04-01"), "utf-8")
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    said = [r.getMessage() for r in caplog.records]
    assert "版 `2027.1` を加えました（適用開始日 2027年4月1日(木)）" in said, said
    service.store.close()


def _served_of(db: str) -> dict[str, Any]:
    store = Store(db)
    try:
        return dict(store.served())
    finally:
        store.close()


def test_a_posted_version_then_edited_in_a_file_is_refused_at_start(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = _folder(tmp_path)
    service = _service(folder, db)
    later = _version(POLICY.read_text("utf-8"), "2027.1", "2027-04-01")
    service.add_policy(later)  # POST /policies
    service.store.close()
    (folder / "later.sla").write_text(later.replace(FOUR, TWO), "utf-8")  # the same version, other rules
    with pytest.raises(InputError) as refused:
        _service(folder, db)
    assert "版 2027.1 の内容が" in str(refused.value) and CHANGE_JA in str(refused.value)


def test_the_command_exits_1_on_an_edited_version(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    _service(folder, db).store.close()
    _edit(folder / "clicksoko.sla", FOUR, TWO)
    r = subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", "serve", str(folder), "--db", db, "--port", str(_free_port())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith("sla: エラー: ") and CHANGE_JA in r.stderr and "Traceback" not in r.stderr


def test_a_database_without_the_table_of_versions_served_still_opens(tmp_path: Path, db_url: str) -> None:
    folder = _folder(tmp_path)
    _service(folder, db_url).store.close()
    store = Store(db_url)
    with store.engine.begin() as conn:  # as the release before this one left it
        conn.execute(sa.text("DROP TABLE served_versions"))
        version = conn.execute(sa.text("SELECT version FROM schema_version")).scalar()
    store.close()
    service = _service(folder, db_url)
    assert service.store.served()["2026.1"].text_digest == digest(POLICY.read_text("utf-8"))
    with service.store.engine.connect() as conn:  # no step: the release before still opens it
        assert conn.execute(sa.text("SELECT version FROM schema_version")).scalar() == version
    service.store.close()


def test_sighup_says_a_version_changed_on_disk_and_applies_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    before = service.tracker.policies
    policy = folder / "clicksoko.sla"
    _edit(policy, FOUR, TWO)
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("再読み込み：")]
    assert len(said) == 1, said
    assert said[0].startswith(f"再読み込み：{policy}:9:3：版 2026.1 は使用中ですが、ファイルの内容が変わっています。")
    assert "この変更は適用していません" in said[0] and f"\n  {CHANGE_JA}\n" in said[0]
    assert "新しい `version` と将来の日付の `effective`" in said[0] and "次の起動は拒否されます" in said[0]
    assert service.tracker.policies == before  # the version in use is the one loaded
    service.store.close()


def test_what_a_reload_says_of_a_version_names_the_line_of_the_text_it_compiled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved again between the reload's compile and its words (an author saving in an editor while the
    service reloads): the line named was that of the file read once more, another line of the text compiled.
    So for the file of a version in use saved at start after the loader had read it, once that file is gone."""
    folder = _folder(tmp_path)
    policy = folder / "clicksoko.sla"
    later = folder / "later.sla"
    later.write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-12-08"), "utf-8")
    loaded = load_policies([str(folder)])
    later.write_text("# one\n# two\n# three\n" + later.read_text("utf-8"), "utf-8")  # (saved after the loader)
    service = Service(
        loaded, Settings(db=f"sqlite:///{tmp_path / 'sla.db'}", policy_files=(str(folder),)), FakeClock(NOW)
    )
    real = app.load_policies

    def load_then_save(paths: list[str]) -> Any:
        found = real(paths)
        policy.write_text("# saved again\n# with\n# three lines more\n" + policy.read_text("utf-8"), "utf-8")
        return found

    _edit(policy, FOUR, TWO)
    later.unlink()
    monkeypatch.setattr(app, "load_policies", load_then_save)
    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        service.reload_files()
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("再読み込み：")]
    assert len(said) == 2, said
    assert said[0].startswith(f"再読み込み：{later}:9:3：版 2026.2（適用開始日 2026年12月8日(火)）のファイルが")
    assert said[1].startswith(f"再読み込み：{policy}:9:3：版 2026.1 は使用中ですが、ファイルの内容が変わっています。")
    assert POLICY.read_text("utf-8").split("\n")[8] == '  version "2026.1"'  # (line 9 of the text compiled)
    service.store.close()


def test_sighup_says_how_to_correct_an_edited_version_that_has_not_taken_effect(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # QA: an author who found a mistake in the version added for next month was only told to restore the file
    # or make a new version; one not in force yet can be taken back and added again as corrected (the
    # operators' guide, "Removing a version's file"), and the help now says how
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    later = folder / "later.sla"
    later.write_text(_version(POLICY.read_text("utf-8"), "2027.1", "2027-04-01"), "utf-8")
    service.reload_files()
    _edit(later, FOUR, TWO)
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    (said,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("再読み込み：")]
    assert said.startswith(f"再読み込み：{later}:9:3：版 2027.1 は使用中ですが、ファイルの内容が変わっています。")
    assert f"\n  {CHANGE_JA}\n" in said
    sql = "DELETE FROM policies WHERE version = '2027.1'; DELETE FROM served_versions WHERE version = '2027.1'"
    assert said.endswith(
        "ヒント: 版 2027.1 はまだ適用が始まっていないので、この版のまま直すこともできます：適用開始日より前に、"
        f"このデータベースを使うサービスをすべて止め、データベースで `{sql}` を実行してから起動すると、"
        "このファイルの内容で版 2027.1 を加えます。そうしないなら、このファイルを元の内容に戻すか、"
        "変更に新しい `version` と将来の日付の `effective` を付けて、新しい版（別のファイル）として加えてください。"
        "使用中の版と内容が異なるままでは、次の起動は拒否されます"
    )
    assert [p.version for p in service.tracker.policies] == ["2026.1", "2027.1"]
    service.store.close()
    # what it says works: the statements run, the next start adds 2027.1 as the file now says
    with sa.create_engine(f"sqlite:///{tmp_path / 'sla.db'}").begin() as conn:
        for statement in sql.split("; "):
            conn.execute(sa.text(statement))
    again = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    assert again.store.served()["2027.1"].text_digest == digest(later.read_text("utf-8"))
    again.store.close()


# -- 2. a reload's words ---------------------------------------------------------------------------------------
def test_a_reloaded_file_with_a_syntax_error_is_said_as_at_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    later = folder / "later.sla"
    later.write_text(_version(POLICY.read_text("utf-8"), "2027.1", "2027-04-01").replace(FOUR, FOUR[:-2]), "utf-8")
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    (said,) = [r.getMessage() for r in caplog.records]
    first, located, excerpt, caret, *_ = said.split("\n")
    assert first == "再読み込み：ポリシーのファイルを読み直せませんでした。使用中の版はそのままです："
    assert located.startswith(f"{later}:95:29: error: [E011] `hou` はここには書けません")
    assert excerpt == "95 |   respond within 4 business hou" and caret.endswith("^^^")
    assert [p.version for p in service.tracker.policies] == ["2026.1"]
    service.store.close()


def test_a_reloaded_version_that_has_begun_is_refused_in_the_policys_language(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    later = folder / "later.sla"
    later.write_text(_version(POLICY.read_text("utf-8"), "2026.2", "2026-10-01"), "utf-8")
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    (said,) = [r.getMessage() for r in caplog.records]
    assert said == (
        f"再読み込み：{later}:9:3：版 `2026.2` の適用開始日 2026年10月1日(木) は、すでに始まっています\n"
        "ヒント: 新しい版は将来の日付から適用します。`effective` を将来の日付（`effective 2026-12-01` 以降）に"
        "してください（対応中の案件は、起算した時点の版のまま判定されます）"
    )
    # posted, the same version is refused in English, as every error body
    with pytest.raises(ApiError) as posted:
        service.add_policy(later.read_text("utf-8"))
    # (at its `effective` line of the request, as the other refusals of a posted version are located)
    assert posted.value.message == "<request>:10:3: version `2026.2` would take effect on 2026-10-01, which has begun"
    service.store.close()


def test_a_version_already_loaded_is_refused_in_the_policys_language(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    service = _service(folder, f"sqlite:///{tmp_path / 'sla.db'}")
    policy = folder / "clicksoko.sla"
    with pytest.raises(ApiError) as reloaded:
        service.add_policy(policy.read_text("utf-8"), str(policy))
    assert reloaded.value.message == f"{policy}:9:3：版 `2026.1` はすでに読み込まれています"
    assert reloaded.value.help == "新しい本文には新しい版の番号（`version`）を付けてください"
    with pytest.raises(ApiError) as posted:
        service.add_policy(policy.read_text("utf-8"))
    # (at its `version` line of the request, as the other refusals of a posted version are located)
    assert (posted.value.status, posted.value.message) == (409, "<request>:9:3: version `2026.1` is already loaded")
    assert "where" not in posted.value.more  # (the answer's body names no file of the server)
    service.store.close()


# -- 3. the dashboard's priorities -----------------------------------------------------------------------------
def _priorities(client: Any, lang: str) -> list[str]:
    return [r["priority"] for r in rows(client.get(f"/dashboard.json?lang={lang}").json())]


def test_the_dashboard_names_a_priority_as_the_report_does(start: Starter, tmp_path: Path) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    event = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "D-1", "priority": "P2"}
    assert c.post("/events", json=event).status_code == 200
    assert _priorities(c, "ja") == ["P2 優先度２"]
    assert _priorities(c, "en") == ["P2 Priority 2"]
    helpdesk = start(f"sqlite:///{tmp_path / 'h.db'}", pols=load_policies([str(HELPDESK)]))
    event = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "H-1", "priority": "P1"}
    assert helpdesk.post("/events", json=event).status_code == 200
    assert set(_priorities(helpdesk, "ja")) == {"P1 緊急"}
    assert set(_priorities(helpdesk, "en")) == {"P1 Urgent"}


# -- 4. a failed delivery names its alert ----------------------------------------------------------------------
def test_a_failed_delivery_names_its_alert_in_the_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    w = Webhook.of("http://gone.invalid/hook")
    first = store.fire("k1", "incident.at_risk", "I-1", NOW, 0.0, '{"alert": "k1"}', [w])
    second = store.fire("k2", "incident.breached", "I-2", NOW, 0.0, '{"alert": "k2"}', [w])  # (taken together)
    sender = Sender(store, [w], transport=httpx.MockTransport(lambda _request: httpx.Response(500)))

    async def post_each() -> None:
        async with httpx.AsyncClient(transport=sender.transport) as client:
            for d in store.claim(w.hook, NOW, 60.0):
                await sender._post(client, w, d)

    with caplog.at_level(logging.WARNING, logger="sla.serve"):
        asyncio.run(post_each())
    said = sorted(r.getMessage() for r in caplog.records)
    assert said == [
        f"webhook http://gone.invalid: alert {first}: attempt 1 failed: HTTP 500",
        f"webhook http://gone.invalid: alert {second}: attempt 1 failed: HTTP 500",
    ]
    store.close()


# -- 5. the database file --db names ---------------------------------------------------------------------------
def test_the_database_that_cannot_be_opened_is_named_by_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as relative:
        Store("sqlite:///var/lib/sla/sla.db").migrate()  # three slashes: under the working directory
    said = str(relative.value)
    assert said.startswith(f"cannot open the database file {tmp_path / 'var/lib/sla/sla.db'}: ")
    assert "relative to the working directory" in said and "`sqlite:////var/lib/sla/sla.db`" in said
    absolute = tmp_path / "no" / "such" / "dir" / "sla.db"
    with pytest.raises(InputError) as given:
        Store(f"sqlite:///{absolute}").migrate()
    assert str(given.value).startswith(f"cannot open the database file {absolute}: ")
    assert "relative" not in str(given.value)


def test_the_served_versions_keep_their_first_text(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    store.serve([("v", dt.date(2027, 4, 1), "first")], 1.0)
    store.serve([("v", dt.date(2027, 4, 1), "second")], 2.0)
    kept = store.served()["v"]
    assert (kept.text, kept.text_digest, kept.first_served) == ("first", digest("first"), 1.0)
    store.close()
