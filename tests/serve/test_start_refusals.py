"""An operator's QA of ``sla serve``'s start: a ``--db`` that names no file or has query parameters, a
``--webhook`` with a ``[`` not closed or a port outside 1..65535, are wrong usage (exit 2, one line); every
refusal of the start is in the policy's language (``--lang`` aside), in the product's own words; a ``--host``
refused is said without the warning of a start that serves. Each test failed before its fix."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.cli.serve import check_webhook
from sla_dsl.errors import UsageError
from sla_dsl.i18n import message
from sla_dsl.serve.store import engine_url, redact

from .conftest import POLICY

ROOT = Path(__file__).resolve().parents[2]
#: a locale that says English: the help's language, so a refusal in Japanese is the (Japanese) policy's
ENGLISH_LOCALE = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LC_MESSAGES": ""}


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=ENGLISH_LOCALE,
    )


@pytest.fixture
def held_port() -> object:
    """A port another process listens on: a start these tests expect refused, were it taken, stops there (exit 1)
    instead of serving."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock.getsockname()[1]
    sock.close()


# -- 2. --db: an SQLite URL that names no file, or with query parameters -------------------------------------------
@pytest.mark.parametrize("url", ["sqlite:///", "sqlite://", "sqlite:///:memory:"])
def test_an_sqlite_url_naming_no_file_is_wrong_usage(url: str, held_port: int) -> None:
    # (before: accepted; every request then answered 503, `no such table: events`, for ever)
    with pytest.raises(UsageError) as refused:
        engine_url(url, "en")
    assert str(refused.value) == (
        f"--db `{url}` names no file: a database in memory cannot be shared by the service's connections (each "
        "would have its own, empty one), so give a file, as `sqlite:///sla.db` (an absolute path takes four "
        "slashes: `sqlite:////var/lib/sla/sla.db`)"
    )
    r = sla("serve", str(POLICY), "--db", url, "--port", str(held_port))
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip() == f"sla: エラー: {message('serve.db.no_file', 'ja', url=url)}"
    assert "`sqlite:///sla.db`" in r.stderr


def test_an_empty_db_is_shown_a_url_that_works() -> None:
    # (before: "an SQLite file is written `sqlite:///`", the value refused just above)
    r = sla("serve", str(POLICY), "--db", "", "--lang", "en")
    assert r.returncode == 2
    assert "an SQLite file is written `sqlite:///sla.db`" in r.stderr and "`sqlite:///`" not in r.stderr


def test_an_sqlite_url_with_query_parameters_is_wrong_usage(tmp_path: Path, held_port: int) -> None:
    # (before: a raw SAWarning naming the source's line, then `mode=ro` ignored: the file opened to write)
    db = tmp_path / "a.db"
    r = sla("serve", str(POLICY), "--db", f"sqlite:///{db}?mode=ro", "--port", str(held_port), "--lang", "en")
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip() == (
        f"sla: error: --db `sqlite:///{db}?mode=ro` has query parameters (`mode`) the service does not take: it "
        f"opens the file itself, to read and write, so an SQLite file is given by its path alone, as "
        f"`sqlite:///{db}`"
    )
    assert not db.exists()
    # a PostgreSQL URL's parameters are libpq's (`sslmode=require`): taken
    assert engine_url("postgresql://sla@db/sla?sslmode=require") == "postgresql+psycopg://sla@db/sla?sslmode=require"


# -- 3, 4. --webhook: a `[` not closed, a port outside 1..65535 ----------------------------------------------------
@pytest.mark.parametrize(
    ("url", "shown", "why"),
    [
        (
            "http://[::1/x",
            "http://[::1",
            "the host's `[` is not closed by `]` (an IPv6 address is written as `http://[::1]:8080/`)",
        ),
        (
            "http://u:pw@[::1/secret?k=v",
            "http://[::1",
            "the host's `[` is not closed by `]` (an IPv6 address is written as `http://[::1]:8080/`)",
        ),
        ("http://[zz]/x", "http://[zz]", "`[zz]` in brackets is not an IPv6 address"),
        ("http://h:99999/x", "http://h", "the port `99999` is not a number from 1 to 65535"),
        ("http://h:0/x", "http://h:0", "the port `0` is not a number from 1 to 65535"),
        ("https://h:-1/x", "https://h", "the port `-1` is not a number from 1 to 65535"),
        ("http://h:abc/x", "http://h", "the port `abc` is not a number from 1 to 65535"),
        ("http://1.2.3.999/x", "http://1.2.3.999", "the host name `1.2.3.999` cannot be read"),
    ],
)
def test_a_webhook_host_or_port_that_cannot_be_is_refused_in_our_words(url: str, shown: str, why: str) -> None:
    with pytest.raises(UsageError) as refused:
        check_webhook(url, "en")
    assert str(refused.value) == f"--webhook `{shown}` is not a valid URL: {why}"
    with pytest.raises(UsageError) as japanese:
        check_webhook(url, "ja")
    said = str(japanese.value)
    assert said.startswith(f"`--webhook` の `{shown}` は正しい `URL` ではありません：") and "Invalid" not in said
    assert not re.search(r"\b(the|is|not|port|host|closed)\b", said), said


def test_a_webhook_with_a_bracket_not_closed_is_one_line_exit_2(held_port: int) -> None:
    # (before: `sla: internal error: ValueError: Invalid IPv6 URL`, exit 3)
    r = sla("serve", str(POLICY), "--webhook", "http://[::1/x", "--port", str(held_port), "--lang", "en")
    assert r.returncode == 2 and "internal error" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("url", ["http://h:99999/x", "http://h:0/x"])
def test_a_webhook_port_outside_the_range_is_wrong_usage(url: str, held_port: int) -> None:
    # (before: taken, and tried for ever)
    r = sla("serve", str(POLICY), "--webhook", url, "--port", str(held_port), "--lang", "en")
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip().endswith("is not a number from 1 to 65535")


def test_redact_shows_a_url_it_cannot_read() -> None:
    assert redact("http://u:pw@[::1/secret?k=v") == "http://[::1"
    assert redact("http://u:pw@h:abc/secret") == "http://h"


# -- 6. the start's refusals in the policy's language ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("flags", "japanese"),
    [
        (["--webhook", "http://h:abc/x"], "`--webhook` の `http://h` は正しい `URL` ではありません：ポート `abc` は"),
        (
            ["--webhook", "ftp://x"],
            "`--webhook` の `ftp://x` は `http://` か `https://` で始まるアドレスではありません",
        ),
        (["--token-file", "/nonexistent/token"], "/nonexistent/token: トークンのファイルを読めません："),
    ],
)
def test_a_start_refused_for_a_flag_speaks_the_policys_language(flags: list[str], japanese: str) -> None:
    # (before: in the help's language, English here, and with the HTTP client's words: `Invalid port: 'abc'`)
    r = sla("serve", str(POLICY), *flags)
    assert r.returncode in (1, 2) and r.stderr.startswith(f"sla: エラー: {japanese}"), r.stderr
    assert "Invalid" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    english = sla("serve", str(POLICY), *flags, "--lang", "en")
    assert english.returncode == r.returncode and english.stderr.startswith("sla: error: ")


# -- 8. the port in use, a --host refused ---------------------------------------------------------------------------
def test_the_port_in_use_says_the_same_in_both_languages() -> None:
    ja, en = (message("serve.start.cannot_listen.in_use", lang) for lang in ("ja", "en"))
    assert "このポートで `sla serve` がもう動いていないか" in ja and "同じデータベース" not in ja
    assert "check that no `sla serve` is running on it" in en


def test_a_host_refused_is_said_without_the_warning_of_a_start_that_serves(tmp_path: Path) -> None:
    # (before: "listening on nosuch.invalid without --token-file: anyone who can reach ..." first)
    r = sla("serve", str(POLICY), "--host", "nosuch.invalid", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--lang", "en")
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        "sla: error: cannot listen on nosuch.invalid port 8080: --host nosuch.invalid is not an address of this "
        "machine, or its name cannot be resolved"
    ]
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("ftp://user:pw@files.example.com/hook?token=s3cret", "ftp://files.example.com"),
        ("chat.example.com/hooks/s3cret", "chat.example.com"),
    ],
)
def test_a_webhook_of_another_scheme_is_refused_without_its_secrets(url: str, shown: str) -> None:
    # (before: the whole URL, its password and path, in the refusal an operator's terminal or log keeps)
    for lang in ("en", "ja"):
        with pytest.raises(UsageError) as refused:
            check_webhook(url, lang)
        said = str(refused.value)
        assert f"`{shown}`" in said and "pw" not in said and "s3cret" not in said, said


def test_a_token_file_that_cannot_be_read_is_said_in_the_policys_words(tmp_path: Path) -> None:
    # (before: the system's English, `No such file or directory`, inside the Japanese line)
    from sla_dsl.cli.serve import read_token
    from sla_dsl.errors import InputError

    with pytest.raises(InputError) as refused:
        read_token(str(tmp_path / "missing"), "ja")
    assert str(refused.value).endswith("トークンのファイルを読めません：ファイルがありません"), str(refused.value)
    with pytest.raises(InputError) as english:
        read_token(str(tmp_path / "missing"), "en")
    assert "No such file or directory" in str(english.value)
