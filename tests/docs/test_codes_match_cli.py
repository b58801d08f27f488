"""The error-code page says what `sla check` says: for each diagnostic the checker prints for a policy
of the malformed corpus (and a few written here), the page's row of that code has the printed message
as a message and the printed hint as a hint, never the other way round, in English and in Japanese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.cli.app import main
from sla_dsl.docs.codes import codes_markdown, unresolved_calls

from .conftest import ROOT

CORPUS = sorted((ROOT / "tests" / "policy" / "malformed").glob("*.sla"))
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
#: Policies written here for codes the corpus does not raise (or for words of theirs it does not print):
#: the code, and an edit of the Click So-ko policy. The words reach the diagnostic through a variable, a
#: helper or a key built from a table (the Japanese-input hints, a zone's help, W301's help).
WRITTEN = [
    ("E010", "respond within 4 business hours", "respond within\u30004 business hours"),
    ("E015", "respond within 4 business hours", "respond within 4営業時間"),
    ("E010", "respond within 4 business hours", "respond within \uff14 business hours"),
    ("E010", "timezone Asia/Tokyo", "timezone \u300cAsia/Tokyo\u300d"),
    ("E205", "timezone Asia/Tokyo", "timezone JST"),
    ("E204", "holidays JP", "holidays JA"),
    ("E218", "rules priority P1, priority P2, priority P3", "rules priority P1, priority P2, priority P3, priority P9"),
    ("W301", "same day if received 4 hours before close", "same day if received 1 hours before close"),
]
_HEADER = re.compile(r"^\S.*?:\d+:\d+: (?:error|warning): \[([EW]\d{3})\] (.*)$")
_HELP = re.compile(r"^\s+(?:help|ヒント): (.*)$")
_NONE = {"—", "(built where it is raised)", "（発生箇所で組み立てます）"}


def _printed(path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, str]]:
    """(code, message, hint) of each diagnostic `sla check --lang LANG` prints for ``path``."""
    main(["check", "--lang", lang, str(path)])
    out: list[tuple[str, str, str]] = []
    for line in capsys.readouterr().err.splitlines():
        if hit := _HEADER.match(line):
            out.append((hit.group(1), " ".join(hit.group(2).split()), ""))
        elif (hint := _HELP.match(line)) and out and not out[-1][2]:
            code, message, _ = out[-1]
            out[-1] = (code, message, " ".join(hint.group(1).split()))
    return out


def _rows(lang: str) -> dict[str, list[tuple[list[str], list[str]]]]:
    """The page's rows by code: the message and hint templates of each (``…`` for a field)."""
    rows: dict[str, list[tuple[list[str], list[str]]]] = {}
    for line in codes_markdown(lang).splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        messages, hints = ([t for t in c.split("<br>") if t not in _NONE] for c in cells[2:4])
        rows.setdefault(cells[0].strip("`"), []).append((messages, hints))
    return rows


def _says(templates: list[str], text: str) -> bool:
    """Whether ``text`` is one of ``templates`` with its fields (``…``) filled in."""
    return any(re.fullmatch(".+".join(re.escape(p) for p in t.split("…")), text) for t in templates)


def _cases(tmp_path: Path) -> list[tuple[Path, str | None]]:
    cases: list[tuple[Path, str | None]] = [(p, None) for p in CORPUS]
    for n, (code, line, edited) in enumerate(WRITTEN):
        assert line in CLICKSOKO
        path = tmp_path / f"{n}-{code}.sla"
        path.write_text(CLICKSOKO.replace(line, edited, 1), "utf-8")
        cases.append((path, code))
    return cases


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_page_words_codes_as_the_checker_prints_them(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _rows(lang)
    agreed: set[str] = set()
    wrong: list[str] = []
    for path, wanted in _cases(tmp_path):
        printed = _printed(path, lang, capsys)
        assert wanted is None or wanted in {c for c, _, _ in printed}, (path.name, printed)
        for code, message, hint in printed:
            page = rows.get(code, [])
            said = [(m, h) for m, h in page if _says(m, message)]
            as_message = any(_says(m, hint) for m, _ in page) and not any(_says(h, hint) for _, h in page)
            as_hint = any(_says(h, message) for _, h in page) and not said
            if as_hint:
                wrong.append(f"{path.name}: [{code}] the message {message!r} is on the page as a hint")
            if hint and as_message:
                wrong.append(f"{path.name}: [{code}] the hint {hint!r} is on the page as a message")
            # (a message or hint built where it is raised is not on the page)
            hinted = not hint or any(_says(h, hint) for _, h in said)
            if said and hinted:
                agreed.add(code)
            elif code == wanted:
                wrong.append(f"{path.name}: [{code}] {message!r} / {hint!r} is not a row of the page")
    assert not wrong, "\n".join(wrong)
    assert {code for code, _, _ in WRITTEN} <= agreed
    assert len(agreed) >= 20, sorted(agreed)


def test_every_call_with_a_code_is_read_by_its_parameters() -> None:
    """Each call that words a code from the catalogue is matched to the function it calls, so its message
    and hint are told apart by parameter name, not guessed from the order of its arguments."""
    assert unresolved_calls() == []
