"""``sla explain`` tells the problems of a log's lines exactly as ``sla evaluate`` tells them.

It took the events of a time outside the supported years (E123) out of the log before the values were
checked, so a line of year 2300 with priority ``P9`` was told E123 only, where ``sla evaluate`` tells E123
and E120; and without ``--from``/``--to``, a log whose every line was set aside for its form (a time
without an offset) was settled before their values were checked: E105, not the E120 of the same line
(and so, too, before refusing an id every event of which is after ``--as-of``). Now every check that needs
no period runs before explain chooses its period or refuses anything: its stderr is ``sla evaluate``'s
(same problems, order, language, exit code 1). With ``--skip-invalid`` it says the lines left out as
``sla evaluate`` says them, its own refusal, if any, after them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "T" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages {languages}
}}
calendar always "24h" {{ days mon..sun  hours 00:00-24:00 }}
priority P1 "P1" {{
  respond within 4 hours
  complete on incident.resolved
}}
"""
GOOD = '{"event": "incident.reported", "at": "2026-11-02T09:00:00+00:00", "id": "A", "priority": "P1"}'
#: a time outside the supported years and a priority the policy does not know, on one line
FAR = '{"event": "incident.reported", "at": "2300-11-03T09:00:00+00:00", "id": "C", "priority": "P9"}'
#: a time without an offset (set aside for its form) and a priority the policy does not know
NAIVE = '{"event": "incident.reported", "at": "2026-11-20T09:00:00", "id": "B", "priority": "P9"}'
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
LANGUAGES = {"en": "en", "ja": "ja, en"}


def _files(tmp_path: Path, lang: str, lines: list[str]) -> tuple[str, str]:
    policy, log = tmp_path / f"{lang}.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY.format(languages=LANGUAGES[lang]), "utf-8")
    log.write_text("\n".join(lines) + "\n", "utf-8")
    return str(policy), str(log)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("period", [[], MONTH], ids=["month of the item", "period given"])
@pytest.mark.parametrize(
    ("lines", "ident"),
    [([GOOD, FAR], "A"), ([GOOD, NAIVE, FAR], "A"), ([NAIVE], "B"), ([NAIVE], "A")],
    ids=["out of range and unknown", "each kind", "every line set aside", "no event at all"],
)
def test_explain_tells_the_problems_evaluate_tells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, period: list[str], lines: list[str], ident: str
) -> None:
    policy, log = _files(tmp_path, lang, lines)
    code, evaluated = _run(["evaluate", policy, log, *MONTH], capsys)
    assert code == 1
    assert "E120" in evaluated and evaluated.count("[E") == 2 * (len(lines) - lines.count(GOOD))
    assert _run(["explain", policy, log, ident, *period], capsys) == (1, evaluated)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_id_not_judged_yet_is_refused_after_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    policy, log = _files(tmp_path, lang, [GOOD, NAIVE, FAR])
    as_of = ["--as-of", "2026-11-01T12:00:00+00:00"]
    _, evaluated = _run(["evaluate", policy, log, *MONTH, *as_of], capsys)
    assert evaluated.count("E120") == 3  # (two lines, and the summary's count)
    assert _run(["explain", policy, log, "A", *as_of], capsys) == (1, evaluated)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("period", [[], MONTH], ids=["month of the item", "period given"])
def test_skip_invalid_says_the_lines_evaluate_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, period: list[str]
) -> None:
    policy, log = _files(tmp_path, lang, [GOOD, NAIVE, FAR])
    code, skipped = _run(["evaluate", policy, log, *MONTH, "--skip-invalid", "--format", "json"], capsys)
    assert code == 0
    assert skipped.count("E120") == 2 and skipped.count("E123") == 1 and skipped.count("E105") == 1
    assert _run(["explain", policy, log, "A", *period, "--skip-invalid"], capsys) == (0, skipped)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    ("lines", "ident", "extra"),
    [([NAIVE], "B", []), ([GOOD, NAIVE, FAR], "A", ["--as-of", "2026-11-01T12:00:00+00:00"])],
    ids=["every line left out", "not judged yet"],
)
def test_a_refusal_after_skip_invalid_comes_after_the_lines_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, lines: list[str], ident: str, extra: list[str]
) -> None:
    policy, log = _files(tmp_path, lang, lines)
    _, skipped = _run(["evaluate", policy, log, *MONTH, *extra, "--skip-invalid", "--format", "json"], capsys)
    assert "E120" in skipped
    code, said = _run(["explain", policy, log, ident, *extra, "--skip-invalid"], capsys)
    assert code == 1
    assert said.startswith(skipped)
    refusal = said[len(skipped) :].rstrip("\n")
    assert "\n" not in refusal and refusal.startswith("sla: エラー: " if lang == "ja" else "sla: error: ")
