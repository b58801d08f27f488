"""The PDF is the same bytes whenever it is printed: its dates are not Chromium's wall clock (QA, 2026-12).

Chromium dates the document information (``/CreationDate``, ``/ModDate``) by the clock, so two prints
of the same report differed in four bytes and ``SOURCE_DATE_EPOCH`` changed nothing. The PDF is now
dated ``SOURCE_DATE_EPOCH`` when set, else the date ``html_to_pdf`` is given (``dated=``), else not at
all; the date is written over the same bytes, so the cross-reference table still points at every
object (checked here entry by entry, and by ``pypdf`` where it is installed). A stand-in Chromium that
dates its PDF by a counter shows it without a browser; with Debian's ``chromium`` two real prints are
compared byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from sla_dsl.lang.diagnostics import WordedInputError
from sla_dsl.report.pdf import pdf_date, stamp_pdf

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, sla

#: A one-page PDF as Chromium writes one (classic cross-reference table, the dates in object 1);
#: ``{created}`` and ``{modified}`` are the dates' literal strings.
_OBJECTS = (
    b"<</Title (report)\n/Creator (HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n"
    b"/CreationDate ({created})\n/ModDate ({modified})>>",
    b"<</Type /Catalog /Pages 3 0 R>>",
    b"<</Type /Pages /Kids [4 0 R] /Count 1>>",
    b"<</Type /Page /Parent 3 0 R /MediaBox [0 0 595.28 841.89]>>",
)


def a_pdf(
    created: bytes = b"D:20261207111724+00'00'", modified: bytes | None = None, objects: tuple[bytes, ...] = _OBJECTS
) -> bytes:
    """A small valid PDF whose document information holds these dates."""
    out = bytearray(b"%PDF-1.4\n%\xd3\xeb\xe9\xe1\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        body = body.replace(b"{created}", created).replace(b"{modified}", modified or created)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF" % (len(offsets) + 1, xref)
    return bytes(out)


def dates(pdf: bytes) -> list[bytes]:
    """The values of the ``/CreationDate`` and ``/ModDate`` entries, in the order written."""
    return re.findall(rb"/(?:CreationDate|ModDate)\s*\(([^)]*)\)", pdf)


def assert_xref_holds(pdf: bytes) -> None:
    """Every object the last cross-reference table lists starts where it says (``N G obj``)."""
    at = int(re.findall(rb"startxref\s+([0-9]+)", pdf)[-1])
    assert pdf[at : at + 4] == b"xref"
    pos, listed = at + 4, 0
    while (head := re.compile(rb"\s*([0-9]+) ([0-9]+)\s*?\n").match(pdf, pos)) is not None:
        first, count = int(head.group(1)), int(head.group(2))
        for k in range(count):
            entry = pdf[head.end() + 20 * k : head.end() + 20 * k + 20]
            offset, generation, kind = int(entry[:10]), int(entry[11:16]), entry[17:18]
            if kind == b"n":
                assert re.match(rb"%d\s+%d\s+obj\b" % (first + k, generation), pdf[offset:]), (first + k, offset)
                listed += 1
        pos = head.end() + 20 * count
    assert listed and pdf[pos:].lstrip().startswith(b"trailer")


def read_dates(path: Path) -> tuple[dt.datetime | None, dt.datetime | None] | None:
    """The dates as ``pypdf`` reads them from the file (None without ``pypdf``)."""
    try:
        import pypdf
    except ImportError:
        return None
    meta = pypdf.PdfReader(path, strict=True).metadata
    assert meta is not None
    return meta.creation_date, meta.modification_date


NOV_30_UTC = dt.datetime(2026, 11, 30, 15, 0, tzinfo=dt.UTC)  # 2026-12-01 00:00 in Tokyo, the example's as_of


def test_the_dates_are_written_over_the_same_bytes(tmp_path: Path) -> None:
    old = a_pdf()
    new = stamp_pdf(old, NOV_30_UTC)
    assert len(new) == len(old)
    assert dates(new) == [b"D:20261130150000+00'00'"] * 2
    assert new.replace(b"20261130150000", b"20261207111724") == old  # nothing else moved
    assert_xref_holds(new)
    (tmp_path / "r.pdf").write_bytes(new)
    assert read_dates(tmp_path / "r.pdf") in (None, (NOV_30_UTC, NOV_30_UTC))


def test_without_a_date_both_entries_are_blanked_in_place(tmp_path: Path) -> None:
    old = a_pdf()
    new = stamp_pdf(old, None)
    assert len(new) == len(old) and dates(new) == [] and b"/Producer (Skia/PDF m156)" in new
    assert_xref_holds(new)
    (tmp_path / "r.pdf").write_bytes(new)
    assert read_dates(tmp_path / "r.pdf") in (None, (None, None))


def test_a_shorter_date_form_gets_a_form_that_fits_and_still_says_utc() -> None:
    old = a_pdf(b"D:20261207111724Z", b"D:20261207")
    new = stamp_pdf(old, NOV_30_UTC)
    assert len(new) == len(old)
    assert dates(new) == [b"D:20261130150000Z", b"D:20261130"]
    assert_xref_holds(new)


def test_only_the_document_information_is_touched() -> None:
    # the same date in another object (not the one the trailer names as /Info) stays as it is
    catalog = b"<</Type /Catalog /Pages 3 0 R /CreationDate (D:20261207111724+00'00')>>"
    other = a_pdf(objects=(_OBJECTS[0], catalog, *_OBJECTS[2:]))
    assert_xref_holds(other)
    new = stamp_pdf(other, NOV_30_UTC)
    assert dates(new) == [b"D:20261130150000+00'00'"] * 2 + [b"D:20261207111724+00'00'"]
    for odd in (b"%PDF-1.4", b"", a_pdf().replace(b"xref\n", b"xrof\n")):  # no table: returned as it is
        assert stamp_pdf(odd, NOV_30_UTC) == odd


def test_the_date_is_source_date_epoch_else_the_given_one_else_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert pdf_date() is None
    tokyo = dt.datetime(2026, 12, 1, 0, 0, 0, 700000, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert pdf_date(tokyo) == NOV_30_UTC  # in UTC, whole seconds
    assert pdf_date(dt.datetime(2026, 11, 30, 15, 0)) == NOV_30_UTC  # a naive one is UTC, not this machine's time
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    assert pdf_date(tokyo) == pdf_date() == dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert pdf_date() == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5", " 1", "253402300800", "99999999999999999999"])
def test_a_source_date_epoch_that_is_not_a_date_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(WordedInputError) as caught:
        pdf_date(NOV_30_UTC)
    assert f"SOURCE_DATE_EPOCH is `{value}`, which is not a number of seconds since 1970-01-01" in str(caught.value)


def _counting_chromium(tmp_path: Path) -> Path:
    """A stand-in Chromium whose PDF is dated by a counter: each print another second, as the clock does."""
    program, count, template = tmp_path / "chromium", tmp_path / "count", tmp_path / "printed.pdf"
    template.write_bytes(a_pdf(b"D:20261207111700+00'00'"))
    program.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        f"count, template = pathlib.Path({str(count)!r}), pathlib.Path({str(template)!r})\n"
        "n = int(count.read_text()) + 1 if count.exists() else 0\n"
        "count.write_text(str(n))\n"
        "out = next(a.split('=', 1)[1] for a in sys.argv if a.startswith('--print-to-pdf='))\n"
        "pathlib.Path(out).write_bytes(template.read_bytes().replace(b'20261207111700', b'202612071117%02d' % n))\n"
    )
    program.chmod(0o755)
    return program


#: The report's as_of (``--to 2026-12-01``, 00:00 in Tokyo) as the command dates its PDF by it.
AS_OF = b"D:20261130150000+00'00'"


def test_two_prints_of_the_report_are_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLA_CHROMIUM", str(_counting_chromium(tmp_path)))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    printed = []
    for name in ("r1.pdf", "r2.pdf"):
        code, _, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", tmp_path / name)
        assert code == 0, err
        printed.append((tmp_path / name).read_bytes())
    assert printed[0] == printed[1] and dates(printed[0]) == [AS_OF] * 2  # the report's as_of, not the clock's
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    code, _, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", tmp_path / "r3.pdf")
    assert code == 0, err
    assert dates((tmp_path / "r3.pdf").read_bytes()) == [b"D:20251201000000+00'00'"] * 2


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "sla: error: SOURCE_DATE_EPOCH is `next week`, which is not a number of seconds since 1970-01-01"),
        ("ja", "sla: エラー: `SOURCE_DATE_EPOCH` の `next week` は 1970年1月1日 00:00（協定世界時）からの秒数では"),
    ],
)
def test_the_command_refuses_a_source_date_epoch_that_is_not_a_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.setenv("SLA_CHROMIUM", str(_counting_chromium(tmp_path)))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "next week")
    out = tmp_path / "r.pdf"
    code, stdout, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", out, "--lang", lang)
    assert (code, stdout) == (1, "") and not out.exists() and not (tmp_path / "count").exists(), err
    assert err.startswith(said) and "Traceback" not in err and len(err.splitlines()) == 2, err


@needs_chromium
def test_two_chromium_prints_are_the_same_bytes_and_dated_as_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("SLA_CHROMIUM", raising=False)
    printed = []
    for name in ("r1.pdf", "r2.pdf"):
        code, _, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", tmp_path / name)
        assert code == 0, err
        printed.append((tmp_path / name).read_bytes())
    assert printed[0] == printed[1]
    assert dates(printed[0]) == [AS_OF] * 2 and b"/Producer (" in printed[0]
    assert_xref_holds(printed[0])
    as_of = dt.datetime(2026, 11, 30, 15, tzinfo=dt.UTC)  # (--to 2026-12-01, 00:00 in Tokyo)
    assert read_dates(tmp_path / "r1.pdf") in (None, (as_of, as_of))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    code, _, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", tmp_path / "r3.pdf")
    assert code == 0, err
    dated = (tmp_path / "r3.pdf").read_bytes()
    assert dates(dated) == [b"D:20251201000000+00'00'"] * 2 and len(dated) == len(printed[0])
    assert_xref_holds(dated)
    at = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    assert read_dates(tmp_path / "r3.pdf") in (None, (at, at))
