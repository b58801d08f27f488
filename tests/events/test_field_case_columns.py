"""A field's column named in another case (``Cause``) is refused in a table (E115) and a CSV header (E110).

The contract's names are lower case. ``AT``, ``Event`` and ``ID`` were refused with the name to write;
``Cause``, ``Priority`` or ``Zone`` were columns of no field, passed over: every cause left unread in
silence (a customer-caused outage judged as the provider's), every priority missing. A column of the
field's own name beside it makes it an extra column, as before (a ticket system's own ``Priority``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.events import EventInputError, log_from, read_events
from sla_dsl.events.csv_columns import csv_by_columns

AT = "2026-11-02T10:00:00+09:00"


def test_a_table_refuses_a_field_in_another_case() -> None:
    import pyarrow as pa

    table = pa.table({"event": ["outage.started"], "at": [AT], "id": ["OUT-1"], "Cause": ["customer"]})
    for given in (table, table.to_pandas()):
        with pytest.raises(EventInputError) as caught:
            log_from(given)
        (said,) = [p.render("en") for p in caught.value.problems]
        assert "[E115] table lacks column `cause`" in said and "write `Cause` as `cause`" in said, said
    assert log_from(table.append_column("cause", pa.array(["customer"]))).count == 1


def test_a_csv_header_refuses_a_field_in_another_case(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(f"event,at,id,Cause\noutage.started,{AT},OUT-1,customer\n", "utf-8")
    with pytest.raises(EventInputError) as caught:
        read_events(path)
    (said,) = [p.render("en") for p in caught.value.problems]
    assert f"{path}:1: error: [E110] CSV header lacks column `cause`" in said, said
    assert "column names are lower case: write `Cause` as `cause`" in said, said
    assert csv_by_columns(path, str(path)) is None  # (the columns leave it to the line reader, which refuses it)
    path.write_text(f"event,at,id,cause,Cause\noutage.started,{AT},OUT-1,customer,x\n", "utf-8")
    assert read_events(path).count == 1
