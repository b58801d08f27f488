"""What a log's help and warning say fit the log given: a compressed log's ``iconv`` command, a table's zero rows.

- A gzip log in Shift_JIS (``zsj.csv.gz``) got the help ``iconv -f CP932 -t UTF-8 zsj.csv > zsj-utf8.csv``: a
  file that is not there (or, named without ``.gz``, the compressed bytes fed to ``iconv``). The help now
  decompresses first: ``zcat zsj.csv.gz | iconv -f CP932 -t UTF-8 > zsj-utf8.csv`` (``bzcat``, ``xzcat``), told
  by the bytes read, not the name, as the log itself is read.
- A Parquet file of no rows was warned of in a text log's words ("blank lines, comments or a header").
"""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.events import EventInputError, read_events

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
SJIS_CSV = "event,at,id,priority,note\nincident.reported,2026-11-02T09:00:00+09:00,INC-1,P1,案件\n".encode("cp932")
SJIS_JSONL = '{"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "案件-1", "priority": "P1"}\n'


def helps(path: Path, lang: str = "en") -> list[str]:
    """The help lines of the problems reading ``path`` gives."""
    with pytest.raises(EventInputError) as info:
        read_events(path)
    return [p.help_text(lang) or "" for p in info.value.problems]


@pytest.mark.parametrize(
    ("name", "pack", "tool"),
    [
        ("zsj.csv.gz", gzip.compress, "zcat"),
        ("zsj.csv.bz2", bz2.compress, "bzcat"),
        ("zsj.csv.xz", lzma.compress, "xzcat"),
    ],
)
def test_a_compressed_log_not_utf8_is_decompressed_into_iconv(
    tmp_path: Path, name: str, pack: object, tool: str
) -> None:
    path = tmp_path / name
    path.write_bytes(pack(SJIS_CSV))  # type: ignore[operator]
    command = f"`{tool} {path} | iconv -f CP932 -t UTF-8 > {tmp_path / 'zsj-utf8.csv'}`"
    [en] = helps(path)
    assert command in en, en
    [ja] = helps(path, "ja")
    assert command in ja and "変換してください" in ja, ja


def test_by_its_bytes_not_its_name(tmp_path: Path) -> None:
    """A gzip log named `.csv` is decompressed in the command too; a plain one named `.gz` is not."""
    packed = tmp_path / "desk.csv"
    packed.write_bytes(gzip.compress(SJIS_CSV))
    assert f"`zcat {packed} | iconv -f CP932 -t UTF-8 > {tmp_path / 'desk-utf8.csv'}`" in helps(packed)[0]
    plain = tmp_path / "desk.jsonl.gz"
    plain.write_bytes(SJIS_JSONL.encode("cp932"))
    assert f"`iconv -f CP932 -t UTF-8 {plain} > {tmp_path / 'desk-utf8.jsonl'}`" in helps(plain)[0]


def test_a_gzip_json_lines_log_and_a_utf16_one(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl.gz"
    path.write_bytes(gzip.compress(SJIS_JSONL.encode("cp932")))
    assert f"`zcat {path} | iconv -f CP932 -t UTF-8 > {tmp_path / 'events-utf8.jsonl'}`" in helps(path)[0]
    wide = tmp_path / "wide.jsonl.gz"
    wide.write_bytes(gzip.compress(SJIS_JSONL.encode("utf-16")))
    assert f"`zcat {wide} | iconv -f UTF-16 -t UTF-8 > {tmp_path / 'wide-utf8.jsonl'}`" in helps(wide)[0]


def test_a_parquet_file_of_no_rows_is_warned_of_in_a_tables_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    pq.write_table(pa.table({n: pa.array([], pa.string()) for n in ("event", "at", "id")}), path)
    for lang, said in (
        ("en", f"sla: warning: the event log `{path}` holds no events (its table has no rows): there is nothing"),
        ("ja", f"sla: 警告: イベントログ `{path}` にイベントがありません（表に行が 1 行もありません）。"),
    ):
        capsys.readouterr()
        assert main(["evaluate", POLICY, str(path), *MONTH, "--lang", lang]) == 0
        err = capsys.readouterr().err
        assert err.startswith(said) and "comment" not in err and "コメント" not in err, err
