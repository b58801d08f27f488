"""The Parquet tables replace an earlier run's all or nothing, with the modes and links of any other output.

:func:`sla_dsl.report.tables.write_parquet` renames the new tables into place one by one. A rename
that fails (an immutable table, another user's table in a sticky directory: here ``os.replace``
made to refuse one table) must leave every table of the earlier run as it was, with no temporary
or backup file left. The tables replaced keep their mode, a new one gets 0666 less the umask (as
``--output`` files of the other formats, :func:`sla_dsl.files.atomic_file` with ``plain_new``),
and a table that is a symbolic link stays one, the file it points to holding the new table.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sla_dsl.errors import InputError
from sla_dsl.report.tables import TABLE_NAMES

from .test_parquet_files import expected, write

FIRST, MIDDLE, LAST = TABLE_NAMES[0], TABLE_NAMES[len(TABLE_NAMES) // 2], TABLE_NAMES[-1]


def _earlier_run(directory: Path) -> dict[str, bytes]:
    """Files of an earlier run in ``directory`` (not Parquet: any change to them shows)."""
    directory.mkdir(exist_ok=True)
    for name in TABLE_NAMES:
        (directory / f"{name}.parquet").write_bytes(f"earlier {name}".encode())
    return _contents(directory)


def _contents(directory: Path) -> dict[str, bytes]:
    """Every entry of ``directory`` (hidden ones too) and its bytes."""
    return {p.name: p.read_bytes() for p in directory.iterdir()}


def _refuse(monkeypatch: pytest.MonkeyPatch, table: str, *, restore: str | None = None) -> None:
    """``os.replace`` (as the tables module calls it) refuses to put a new ``table`` in its place, as
    for an immutable file; with ``restore``, it also refuses to put the earlier ``restore`` back."""
    real: Callable[..., None] = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str], **kwargs: object) -> None:
        source, name = Path(src).name, Path(dst).name
        if name == f"{table}.parquet" and source.endswith(".tmp"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        if restore is not None and name == f"{restore}.parquet" and source.endswith(".bak"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        real(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("table", [FIRST, MIDDLE, LAST])
def test_a_table_that_cannot_be_renamed_into_place_leaves_the_earlier_run_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    """The tables before ``table`` were already renamed in: they are put back. (``FIRST`` fails
    before any rename, the case the old one-by-one renames got right too.)"""
    before = _earlier_run(tmp_path)
    _refuse(monkeypatch, table)
    with pytest.raises(InputError, match=rf"{table}\.parquet: cannot write the table: Operation not permitted"):
        write(tmp_path)
    assert _contents(tmp_path) == before  # and no temporary or backup file


def test_a_failed_rename_with_no_earlier_run_leaves_no_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse(monkeypatch, LAST)
    with pytest.raises(InputError, match=rf"{LAST}\.parquet: cannot write the table"):
        write(tmp_path / "out")
    assert not (tmp_path / "out").exists()  # the directory the run made is gone with its tables


def test_the_earlier_run_is_put_back_from_copies_where_hard_links_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _earlier_run(tmp_path)

    def no_links(src: object, dst: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    _refuse(monkeypatch, LAST)
    with pytest.raises(InputError, match=rf"{LAST}\.parquet: cannot write the table"):
        write(tmp_path)
    assert _contents(tmp_path) == before


def test_a_table_that_cannot_be_put_back_keeps_its_earlier_copy_and_the_first_error_is_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _earlier_run(tmp_path)
    _refuse(monkeypatch, LAST, restore=FIRST)
    with pytest.raises(InputError, match=rf"{LAST}\.parquet: cannot write the table"):
        write(tmp_path)
    after = _contents(tmp_path)
    # every other table is the earlier run's; the first one's earlier bytes are kept aside, hidden
    assert {k: v for k, v in after.items() if k != f"{FIRST}.parquet" and not k.startswith(".")} == {
        k: v for k, v in before.items() if k != f"{FIRST}.parquet"
    }
    hidden = {k: v for k, v in after.items() if k.startswith(".")}
    assert list(hidden.values()) == [before[f"{FIRST}.parquet"]]
    assert all(k.startswith(f".{FIRST}.parquet.") and k.endswith(".bak") for k in hidden)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_022")
def test_new_tables_get_the_mode_of_a_plain_new_file(tmp_path: Path) -> None:
    paths = write(tmp_path / "out")
    assert {p.name: _mode(p) for p in paths} == {f"{n}.parquet": 0o644 for n in TABLE_NAMES}


@pytest.mark.usefixtures("umask_022")
def test_a_replaced_table_keeps_its_mode(tmp_path: Path) -> None:
    _earlier_run(tmp_path)
    (tmp_path / f"{LAST}.parquet").chmod(0o640)
    write(tmp_path)
    assert _mode(tmp_path / f"{LAST}.parquet") == 0o640
    assert _mode(tmp_path / f"{FIRST}.parquet") == 0o644  # written by write_bytes under umask 022


def _linked(tmp_path: Path, table: str, earlier: bytes) -> tuple[Path, Path, Path, Path]:
    """An earlier run's tables in ``out``, ``table`` among them a link to a file in another directory
    holding ``earlier``: (out, the other directory, the link, its target)."""
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    _earlier_run(out)
    elsewhere.mkdir()
    target = elsewhere / f"{table}-of-record.parquet"
    target.write_bytes(earlier)
    link = out / f"{table}.parquet"
    link.unlink()
    link.symlink_to(target)
    return out, elsewhere, link, target


def test_a_table_that_is_a_symbolic_link_stays_one_and_its_target_holds_the_new_table(tmp_path: Path) -> None:
    out, elsewhere, link, target = _linked(tmp_path, LAST, b"earlier steps")
    write(out)
    assert link.is_symlink() and link.resolve() == target
    assert pq.read_table(target).equals(expected()[LAST])
    assert [p.name for p in elsewhere.iterdir()] == [target.name]  # no temporary or backup file left there


def test_a_failed_run_leaves_a_linked_table_and_its_target_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, elsewhere, link, target = _linked(tmp_path, FIRST, b"earlier incidents")
    _refuse(monkeypatch, LAST)
    with pytest.raises(InputError, match=rf"{LAST}\.parquet: cannot write the table"):
        write(out)
    assert link.is_symlink() and link.resolve() == target
    assert _contents(elsewhere) == {target.name: b"earlier incidents"}


def test_a_table_whose_first_row_group_the_thread_has_not_begun_gets_no_empty_group(tmp_path: Path) -> None:
    """``close`` asked whether the thread had made the file's writer yet: when it had not, an empty row
    group was queued after the rows handed over."""
    import concurrent.futures as cf
    import threading

    import pyarrow as pa

    from sla_dsl.report.table_files import GROUP, TableFile

    release = threading.Event()
    thread = cf.ThreadPoolExecutor(1)
    try:
        thread.submit(release.wait)  # the thread is busy: the file's first group waits behind this
        file = TableFile(tmp_path / "t.parquet", thread, 0o644)
        schema = pa.schema([pa.field("n", pa.int64())])
        file.add(pa.table({"n": pa.array(range(GROUP), pa.int64())}, schema=schema))
        threading.Timer(0.2, release.set).start()  # after close has looked, and while it waits
        file.close(schema)
        assert pq.ParquetFile(file.tmp).metadata.num_row_groups == 1
        file.drop()
    finally:
        release.set()
        thread.shutdown()
