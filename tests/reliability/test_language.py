"""Issue 17, the language family: what a policy text may hold, and how every way in reads it.

Items 9 (host time zones), 11 (numbers past Python's int limit), 12 (huge
durations), 15 (reading at most the size cap), 17 (error recovery stays
linear), 22 and 30 (one reader of text for files, stdin, the language server
and the API), 24 (excerpts agree with the parser's lines), 25 (a capped list
says how much is left out) and 31 (the language and its documentation agree).
The language server over stdio is ``test_lsp_stdio.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sla_dsl.cli.app import main
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_path, compile_text, load_policy

ROOT = Path(__file__).resolve().parents[2]

HEADER = 'sla "Test" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}\n'
CALENDAR = "calendar business {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  holidays JP\n}\n"
PRIORITY = "priority P1 {\n  respond within 4 business hours\n}\n"
CLEAN = HEADER + "\n" + CALENDAR + "\n" + PRIORITY


def errors(text: str) -> list[Diagnostic]:
    return compile_text(text, "t.sla").errors


def located(d: Diagnostic, line: int, column: int) -> None:
    assert (d.span.line, d.span.column) == (line, column), d
    assert d.help, d


def sla(*args: str, input: bytes | None = None, timeout: float = 60, memory: int | None = None) -> tuple[int, str]:
    """Run ``sla`` in a subprocess (a hang guard and, with ``memory``, an address-space cap); exit code and stderr."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
        preexec_fn=limit,
        check=False,
    )
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(path)])
    return code, capsys.readouterr().err


# ---- item 9: only real IANA zones ---------------------------------------------------------------


@pytest.mark.parametrize(
    "zone",
    ["localtime", "Factory", "posixrules", '"localtime"', '"../../etc/localtime"', '"/etc/localtime"', '"posix/UTC"'],
)
def test_item09_host_dependent_zones_are_refused(zone: str) -> None:
    text = CLEAN.replace("timezone Asia/Tokyo", f"timezone {zone}")
    (d,) = errors(text)
    assert d.code == "E205"
    located(d, 5, 12)
    assert "Asia/Tokyo" in (d.help or "")


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "UTC", "Etc/GMT-9", "America/Argentina/Buenos_Aires", '"Europe/Paris"'])
def test_item09_iana_zones_are_accepted(zone: str) -> None:
    assert errors(CLEAN.replace("timezone Asia/Tokyo", f"timezone {zone}")) == []


# ---- item 11: numbers longer than Python's int-string limit ---------------------------------------

BIG = "9" * 5000


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("respond within 4 business hours", f"respond within {BIG} business hours"),
        ("respond within 4 business hours", f"respond by end of {BIG}th business day"),
        ("format 1", f"format {BIG}"),
        ("priority P1 {", f"priority P1 [art {BIG}.1] {{"),
        ("priority P1 {", f"priority P1 [art 3.{BIG}] {{"),
        ("calendar business {", f'article {BIG} "x"\ncalendar business {{'),
        ("calendar business {", f'item {BIG} "x" {{ rules calendar business }}\ncalendar business {{'),
        ("calendar business {", f"service s {{ hours business\n availability target {BIG}% }}\ncalendar business {{"),
        ("calendar business {", f"maintenance m {{ every month on day {BIG}, 22:00-24:00 }}\ncalendar business {{"),
        ("calendar business {", f"maintenance m {{ every month on {BIG}th thu, 22:00-24:00 }}\ncalendar business {{"),
    ],
)
def test_item11_a_5000_digit_number_is_a_located_error(old: str, new: str) -> None:
    text = CLEAN.replace(old, new, 1)
    found = errors(text)
    assert found, "a 5,000-digit number must be refused"
    d = found[0]
    line = next(i for i, ln in enumerate(text.split("\n"), 1) if BIG in ln)
    assert d.span.line == line
    assert len(d.message) < 200 and len(d.help or "") < 300, "user input is shortened in messages"


def test_item11_the_cli_exits_1_not_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.sla"
    path.write_text(CLEAN.replace("within 4 business", f"within {BIG} business"), "utf-8")
    code, err = check(path, capsys)
    assert code == 1 and "internal error" not in err
    assert err.startswith(f"{path}:15:18: error: [E215] ")


# ---- item 12: documented maximum amounts per unit --------------------------------------------------

#: Ten years' worth in each unit (documented in docs/reference/language.en.md).
MAXIMA = {"minutes": 5_256_000, "hours": 87_600, "days": 3_650, "weeks": 520, "months": 120}


@pytest.mark.parametrize(("unit", "most"), MAXIMA.items())
def test_item12_durations_up_to_ten_years_in_their_unit(unit: str, most: int) -> None:
    text = CLEAN + f"backup db {{\n  every 1 day\n  keep {most} {unit}\n}}\n"
    assert errors(text) == []
    (d,) = errors(text.replace(f"keep {most} {unit}", f"keep {most + 1} {unit}"))
    assert d.code == "E215"
    located(d, 19, 8)
    assert f"{most:,} {unit}" in d.message + (d.help or "")


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("respond within 4 business hours", "respond within 99999999999999999999 business hours", 18),
        ("respond within 4 business hours", "respond within 87601 business hours", 18),
        ("respond within 4 business hours", "respond by end of 3651st business day", 21),
    ],
)
def test_item12_huge_amounts_are_located_errors(old: str, new: str, column: int) -> None:
    (d,) = errors(CLEAN.replace(old, new))
    located(d, 15, column)


def test_item12_huge_retention_is_refused_by_sla_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "keep.sla"
    path.write_text(CLEAN + "backup db {\n  every 1 day\n  keep 99999999999999 days\n}\n", "utf-8")
    code, err = check(path, capsys)
    assert code == 1
    assert err.startswith(f"{path}:19:8: error: [E215] ")
    assert "help: " in err


# ---- item 15: at most the cap is read -----------------------------------------------------------------

#: Enough address space for `sla check`, far too little to hold a 3 GB file or an endless stream.
MEMORY = 1536 << 20


def test_item15_dev_zero_is_refused_after_the_cap() -> None:
    code, err = sla("check", "/dev/zero", memory=MEMORY)
    assert code == 1, err
    assert err.startswith("/dev/zero:1:1: error: [E001] ") and "at most 1,048,576" in err


def test_item15_a_sparse_3gb_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "sparse.sla"
    with path.open("wb") as fh:
        fh.truncate(3 << 30)
    code, err = sla("check", str(path), memory=MEMORY)
    assert code == 1, err
    assert "the file is 3,221,225,472 bytes; a policy may be at most 1,048,576" in err


def test_item15_a_fifo_is_read_as_a_stream_with_the_same_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "policy.sla"
    os.mkfifo(fifo)

    def write_forever() -> None:
        try:
            with fifo.open("wb") as fh:
                while True:
                    fh.write(b"# " + b"x" * 65_534 + b"\n")
        except OSError:  # the reader went away: what we want
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    code, err = sla("check", str(fifo), memory=MEMORY)
    writer.join(timeout=30)
    assert code == 1, err
    assert "at most 1,048,576" in err


def test_item15_small_special_files_are_read_as_streams(tmp_path: Path) -> None:
    fifo = tmp_path / "policy.sla"
    os.mkfifo(fifo)

    def write_once() -> None:
        with fifo.open("wb") as fh:
            fh.write(CLEAN.encode("utf-8"))

    writer = threading.Thread(target=write_once, daemon=True)
    writer.start()
    compiled = compile_path(fifo)
    writer.join(timeout=30)
    assert compiled.diagnostics == [] and compiled.model is not None


# ---- item 17: many unclosed blocks --------------------------------------------------------------------


def test_item17_recovery_from_many_unclosed_blocks_is_linear(tmp_path: Path) -> None:
    # 60,000 blocks took 156 s when each one looked back over all the others; a hang guard, not a timing
    n = 60_000
    path = tmp_path / "open.sla"
    path.write_text("calendar c {\n" * n, "utf-8")
    code, err = sla("check", str(path), timeout=60)
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"{path}:1:1: error: [E013] this block is not closed"
    assert lines[-1].startswith("100 errors, 0 warnings")
    assert f"{n - 1 - 100:,} more not shown" in lines[-1]


# ---- items 22 and 30: one reader of text --------------------------------------------------------------

NUL = CLEAN.replace("days mon..fri", "days mon..fri\x00")
CR_ONLY = CLEAN.replace("\n", "\r")
CRLF = CLEAN.replace("\n", "\r\n")


def _lsp_codes(text: str) -> list[tuple[str, int, int]]:
    pytest.importorskip("pygls")
    from sla_dsl.authoring.lsp import Documents

    return [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in Documents().check("file:///t", text)]


def _cli_codes(data: bytes, tmp_path: Path) -> list[tuple[str, int, int]]:
    path = tmp_path / "t.sla"
    path.write_bytes(data)
    return [(d.code, d.span.line, d.span.column) for d in compile_path(path).diagnostics]


def _api_codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in compile_text(text).diagnostics]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("nul", NUL, [("E001", 9, 16)]),
        ("cr-only", CR_ONLY, []),
        ("crlf", CRLF, []),
        ("bom", "\ufeff" + CLEAN, []),
        ("cr-only error", CR_ONLY.replace("fri", "fry"), [("E210", 9, 13)]),
        ("oversized", CLEAN + "#" * (1 << 20), [("E001", 1, 1)]),
    ],
)
def test_item22_the_cli_the_api_and_the_language_server_read_alike(
    name: str, text: str, expected: list[tuple[str, int, int]], tmp_path: Path
) -> None:
    assert _cli_codes(text.encode("utf-8"), tmp_path) == expected
    assert _api_codes(text) == expected
    assert _lsp_codes(text) == expected


def test_item22_invalid_unicode_in_a_text_is_refused_like_invalid_utf8(tmp_path: Path) -> None:
    bad = CLEAN.replace("days mon..fri", "days mon..fri \ud800")
    assert _api_codes(bad) == [("E001", 9, 17)]
    assert _cli_codes(bad.encode("utf-8", "surrogatepass"), tmp_path) == [("E001", 9, 17)]


@pytest.mark.parametrize(
    ("name", "data", "code", "message"),
    [
        ("bom", b"\xef\xbb\xbf" + CLEAN.encode(), 0, ""),
        ("nul", NUL.encode(), 1, "<stdin>:9:16: error: [E001] the file contains a NUL byte"),
        ("invalid utf-8", CLEAN.encode().replace(b"mon..fri", b"mon..fri \xff"), 1, "<stdin>:9:17: error: [E001] "),
        ("cr-only", CR_ONLY.encode(), 0, ""),
        ("oversized", CLEAN.encode() + b"#" * (1 << 20), 1, "<stdin>:1:1: error: [E001] "),
    ],
)
def test_item30_fmt_reads_stdin_like_a_file(
    name: str, data: bytes, code: int, message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict"))
    assert main(["fmt", "-"]) == code
    out, err = capsys.readouterr()
    assert err.startswith(message)
    if code == 0:  # (written in the input's own line ends and with its byte-order mark, as a file is)
        want = CLEAN.replace("\n", "\r") if name == "cr-only" else CLEAN
        assert out == ("\ufeff" + want if name == "bom" else want)


# ---- item 24: excerpts show the line the parser counted -----------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0c", "\x0b", "\x1c", "\u2029"])
def test_item24_excerpt_lines_agree_with_the_parser(separator: str, tmp_path: Path) -> None:
    text = CLEAN.replace("holidays JP", f"holidays JP  # a{separator}b").replace("business hours", "business hurs")
    compiled = compile_text(text, "t.sla")
    (d,) = compiled.errors
    assert (d.code, d.span.line, d.span.column) == ("E011", 15, 29)
    rendered = d.render(compiled.source).split("\n")
    assert rendered[1] == "15 |   respond within 4 business hurs"
    assert rendered[2] == "   | " + " " * 28 + "^^^^"


# ---- item 25: a capped list says how much is left out ------------------------------------------------


def test_item25_the_summary_counts_what_is_not_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dups.sla"
    path.write_text(CLEAN + "".join("exclude again\n" for _ in range(8000)), "utf-8")
    code, err = check(path, capsys)
    assert code == 1
    assert err.count("error: [E200]") == 100
    assert err.rstrip().split("\n")[-1] == "100 errors, 0 warnings; 7,899 more not shown"


def test_item25_the_api_says_how_many_were_left_out() -> None:
    compiled = compile_text(CLEAN + "exclude again\n" * 8000)
    assert len(compiled.diagnostics) == 100
    assert compiled.omitted == 7899


# ---- item 31: the language does what its documentation says ------------------------------------------


def test_item31_a_country_subdivision_names_its_holidays() -> None:
    policy = load_policy(CLEAN.replace("holidays JP", "holidays US-NY"))
    cal = policy.calendar("business")
    assert not cal.is_business_day(dt.date(2026, 2, 12))  # Lincoln's Birthday: New York, not federal
    assert cal.is_business_day(dt.date(2026, 2, 13))
    federal = load_policy(CLEAN.replace("holidays JP", "holidays US")).calendar("business")
    assert federal.is_business_day(dt.date(2026, 2, 12))


def test_item31_an_unknown_subdivision_is_a_located_error() -> None:
    (d,) = errors(CLEAN.replace("holidays JP", "holidays JP, US-XX"))
    assert d.code == "E204"
    located(d, 11, 16)
    assert "`US-XX`" in d.message
    assert "subdivisions of `US` are AK, AL, " in (d.help or "") and ", NY, " in (d.help or "")
    (d,) = errors(CLEAN.replace("holidays JP", "holidays us-ny"))
    located(d, 11, 12)
    assert "`US-NY`" in (d.help or "")


def test_item31_a_zero_length_range_says_what_to_write(tmp_path: Path) -> None:
    # An end before the start is an overnight range (issue 11); only a range of no length is refused.
    (d,) = errors(CLEAN.replace("13:00-18:00", "23:00-23:00"))
    assert d.code == "E230"
    located(d, 10, 22)
    assert "24:00" in (d.help or "") and "overnight" in (d.help or "")
    reference = " ".join((ROOT / "docs" / "reference" / "language.en.md").read_text("utf-8").split())
    assert "22:00-06:00" in reference and "zero length" in reference


def test_item31_the_zeroth_business_day_is_refused() -> None:
    (d,) = errors(CLEAN.replace("respond within 4 business hours", "respond by end of 0th business day"))
    assert d.code == "E213"
    located(d, 15, 21)
    assert "`1st`" in (d.help or "")


def test_item31_with_no_priorities_the_help_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "p.sla"
    policy.write_text(HEADER + "\n" + CALENDAR, "utf-8")
    events = tmp_path / "e.jsonl"
    events.write_text(
        json.dumps({"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I1", "priority": "P1"})
        + "\n",
        "utf-8",
    )
    code = main(["evaluate", str(policy), str(events), "--from", "2026-11-01", "--to", "2026-12-01"])
    err = capsys.readouterr().err
    assert code == 1
    assert "the policy defines no priorities" in err
    assert "the policy knows \n" not in err + "\n"
