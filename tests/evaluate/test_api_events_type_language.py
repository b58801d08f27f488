"""``sla_dsl.evaluate``'s ``TypeError`` for ``events`` of a type it does not take follows the policy's primary
language, as its other refusals do (a period edge of a wrong type, a naive datetime): it was English even
for a Japanese policy."""

from __future__ import annotations

from typing import Any

import pytest

import sla_dsl
from sla_dsl.evaluation import judge

from .helpers import english_policy, policy

MONTH = ("2026-11-01", "2026-12-01")
ONE = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}


@pytest.mark.parametrize(
    ("events", "ja", "en"),
    [
        (
            42,
            "`events` にはイベントのモデルか `dict`、`pyarrow` の `Table` か `DataFrame`、またはイベントログのファイル"
            "のパスを渡してください（`int` が渡されました）",
            "events: expected event models or dicts, a pyarrow Table or a DataFrame, or a log file's path; found int",
        ),
        (
            b"{}",
            "（`bytes` が渡されました）",
            "events: expected event models or dicts, a pyarrow Table or a DataFrame, or a log file's path; found bytes",
        ),
        (
            ONE,
            "`events` にはイベントのモデルか `dict` の並び（リスト）、`pyarrow` の `Table` か `DataFrame`、または"
            "イベントログのファイルのパスを渡してください（`dict` が渡されました。イベントが一つなら `[event]` として"
            "渡してください）",
            "events: expected an iterable of event models or dicts (a list of them), a pyarrow Table or a DataFrame, "
            "or a log file's path; found dict (one event? pass [event])",
        ),
    ],
)
def test_events_refused_in_the_primary_language(events: Any, ja: str, en: str) -> None:
    with pytest.raises(TypeError) as said:
        sla_dsl.evaluate(policy(), events, *MONTH)
    assert ja in str(said.value), said.value
    assert "expected" not in str(said.value), said.value
    with pytest.raises(TypeError) as said_en:
        sla_dsl.evaluate(english_policy(), events, *MONTH)
    assert str(said_en.value) == en
    with pytest.raises(TypeError) as judged:  # (judge, which evaluate calls, alike)
        judge(policy(), events, *MONTH)
    assert str(judged.value) == str(said.value)


def test_a_column_refused_in_the_primary_language() -> None:
    """A pandas Series (a column, not a table of events), refused by the table reader."""
    pd = pytest.importorskip("pandas")
    column = pd.Series([1, 2])
    with pytest.raises(TypeError, match="（`Series` が渡されました）"):
        sla_dsl.evaluate(policy(), column, *MONTH)
    with pytest.raises(TypeError, match=r"found Series$"):
        sla_dsl.evaluate(english_policy(), column, *MONTH)
