"""Policy text (names, versions, labels) in ``sla diff``, ``sla calendar``/``deadline``/``maintenance`` and hovers.

A QA pass wrote ``<img onerror=...>``, ``<script>``, ``|``, ``*b*``, a code span, ``[l](javascript:x)``,
``ESC [31m``, a right-to-left override and a newline into every text of a policy. The change notice
(``sla diff --format markdown``, sent to customers) carried the HTML and the link live and split a list
item at the newline; ``sla diff``'s text, ``sla calendar``'s heading and legend and the ``sla: note:`` of a
version sent ESC to the terminal and broke their lines; the language server's hover showed the label's
HTML and link. Now the notice and the hovers escape each policy text for Markdown (a newline shown as
``\\n``), the terminal shows a control character as its escape, and JSON keeps the exact text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.hover import hover_text, value_detail
from sla_dsl.authoring.semdiff import diff_models, render_json, render_markdown, render_text
from sla_dsl.cli.app import main
from sla_dsl.lang import model as m
from sla_dsl.lang.source import decode_policy
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
EXAMPLES = ROOT / "policies" / "examples"

#: what QA appended to every text, as the policy file writes it (``\\"`` a quote, ``\\n`` a newline) ...
WRITTEN = '\\"><img src=x onerror=alert(1)>|*b*`c`[l](javascript:x)\x1b[31mE\u202eRTL\\nNL=cmd|x #'
#: ... and as the policy holds it
HOSTILE = '"><img src=x onerror=alert(1)>|*b*`c`[l](javascript:x)\x1b[31mE\u202eRTL\nNL=cmd|x #'
#: a link that Markdown would make (``]`` not escaped, then ``(``)
LINK = re.compile(r"(?<!\\)\]\(")


def _hostile(text: str) -> str:
    """Every quoted text of a policy with :data:`WRITTEN` at its end (but the source file's name)."""

    def spoil(match: re.Match[str]) -> str:
        body = match.group(1)
        return match.group(0) if body.endswith(".txt") else f'"{body}{WRITTEN}"'

    return re.sub(r'"((?:[^"\\\n]|\\.)*)"', spoil, text)


def _next_version(text: str) -> str:
    """A hostile copy that follows the bundled policy (effective a month later): a change notice of the two."""
    return _hostile(text).replace("effective 2026-04-01", "effective 2026-05-01", 1)


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _unsafe_markdown(text: str) -> list[str]:
    """What in ``text`` Markdown would not show as written: HTML, a link, emphasis, a control character, a
    line split by a policy text's newline."""
    found = [s for s in ("<", "\x1b", "\u202e", "*b*", "`c`") if s in text]
    found += ["link"] if LINK.search(text) else []
    found += ["newline"] if "\nNL=cmd" in text else []
    return found


# ---- sla diff --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def versions() -> tuple[m.PolicyModel, m.PolicyModel]:
    text = CLICKSOKO.read_text("utf-8")
    return _model(text), _model(_next_version(text))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_change_notice_shows_policy_text_as_written(
    versions: tuple[m.PolicyModel, m.PolicyModel], lang: str
) -> None:
    old, new = versions
    changes = diff_models(old, new)
    notice = render_markdown(old, new, changes, lang)  # type: ignore[arg-type]
    assert _unsafe_markdown(notice) == []
    # one list item per change, the versions' two: a newline in a text splits none
    assert len([line for line in notice.splitlines() if line.startswith("- ")]) == len(changes) + 2
    escaped = (
        '"&gt;&lt;img src=x onerror=alert(1)&gt;\\|\\*b\\*\\`c\\`\\[l\\](javascript:x)'
        "\\\\x1b\\[31mE\\\\u202eRTL\\\\nNL=cmd\\|x \\#"
    )
    new_version = {"en": f"- New: version 2026.1{escaped} (**effective Fri 1 May 2026**)"}
    new_version["ja"] = f"- 変更後：2026.1{escaped}版（**2026年5月1日(金)適用**）"
    assert new_version[lang] in notice.splitlines()  # (the catalogue's own bold stays)


@pytest.mark.parametrize(
    ("lang", "label", "line"),
    [
        ("en", "- Company business hours", '- \\- Company business hours label: "Company business hours" -> '),
        ("en", "1. Company business hours", '- 1\\. Company business hours label: "Company business hours" -> '),
        ("ja", "+ 当社営業時間", "- \\+ 当社営業時間の名称：「当社営業時間」 → "),
        ("ja", "    当社営業時間", "- &#32;   当社営業時間の名称：「当社営業時間」 → "),
    ],
)
def test_a_label_at_the_start_of_a_notice_line_starts_no_block(lang: str, label: str, line: str) -> None:
    """A list marker or indentation a label begins with stays text: no nested list, no code block."""
    text = CLICKSOKO.read_text("utf-8")
    field = "ja" if lang == "ja" else "en"
    labels = {"ja": "当社営業時間", "en": "Company business hours"} | {field: label}
    before = '"当社営業時間" / "Company business hours" [art 2.1.2]'
    after = f'"{labels["ja"]}" / "{labels["en"]}" [art 2.1.2]'
    assert text.count(before) == 1
    old, new = _model(text), _model(text.replace(before, after))
    notice = render_markdown(old, new, diff_models(old, new), lang)  # type: ignore[arg-type]
    assert [x for x in notice.splitlines() if x.startswith(line)], notice


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_text_form_shows_control_characters_as_escapes(
    versions: tuple[m.PolicyModel, m.PolicyModel], lang: str
) -> None:
    old, new = versions
    changes = diff_models(old, new)
    said = render_text(old, new, changes, lang)  # type: ignore[arg-type]
    assert "\x1b" not in said and "\u202e" not in said
    assert len(said.splitlines()) == len(changes)  # one line per change
    assert "\\x1b[31mE\\u202eRTL\\nNL=cmd" in said


def test_json_keeps_the_exact_texts(versions: tuple[m.PolicyModel, m.PolicyModel]) -> None:
    old, new = versions
    doc = json.loads(render_json(old, new, diff_models(old, new), "en"))
    assert doc["new"]["version"] == "2026.1" + HOSTILE
    assert any(HOSTILE in row["text"] for row in doc["changes"])


def test_sla_diff_markdown_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "new.sla"
    new.write_text(_next_version(CLICKSOKO.read_text("utf-8")), "utf-8")
    assert main(["diff", str(CLICKSOKO), str(new), "--format", "markdown", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Change notice: ") and _unsafe_markdown(out) == []


# ---- sla calendar, deadline, maintenance ----------------------------------------------------------

#: the texts the calendar shows: the policy's name, the calendar's and the maintenance window's labels
NAMED = (
    ('sla "Click So-ko" {', f'sla "Click So-ko{WRITTEN}" {{'),
    (
        '"当社営業時間" / "Company business hours" [art 2.1.2]',
        f'"当社営業時間{WRITTEN}" / "Company business hours{WRITTEN}" [art 2.1.2]',
    ),
    (
        '"定期メンテナンス停止" / "Regular maintenance stop"',
        f'"定期メンテナンス停止{WRITTEN}" / "Regular maintenance stop{WRITTEN}"',
    ),
)


def _edited(*edits: tuple[str, str]) -> str:
    text = CLICKSOKO.read_text("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _two_versions(folder: Path) -> list[str]:
    """Two versions whose version names are hostile (2026.2 from 15 November 2026)."""
    paths = []
    for version, effective in (("2026.1", "2026-04-01"), ("2026.2", "2026-11-15")):
        head = (
            '  version "2026.1"\n  effective 2026-04-01\n',
            f'  version "{version}{WRITTEN}"\n  effective {effective}\n',
        )
        path = folder / f"{version}.sla"
        path.write_text(_edited(head), "utf-8")
        paths.append(str(path))
    return paths


def _terminal_safe(text: str) -> None:
    assert "\x1b" not in text and "\u202e" not in text
    assert not [line for line in text.splitlines() if line.startswith("NL=cmd")]  # no line split by a text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_calendar_heading_and_legend_escape_policy_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = tmp_path / "named.sla"
    path.write_text(_edited(*NAMED), "utf-8")
    assert main(["calendar", str(path), "--month", "2026-11", "--lang", lang]) == 0
    out = capsys.readouterr().out
    _terminal_safe(out)
    heading, legend = out.splitlines()[0], out.splitlines()[-1]
    assert heading.count("\\x1b[31mE\\u202eRTL\\nNL=cmd") == 2  # the policy's name and the calendar's label
    assert legend.startswith(" 26M ") and "\\x1b[31mE\\u202eRTL\\nNL=cmd|x # 22:00-24:00" in legend


@pytest.mark.parametrize(
    "command",
    [
        ["deadline", "--priority", "P1", "--from", "2026-11-27T17:30:00+09:00"],
        ["maintenance", "--from", "2026-10-01", "--to", "2026-12-01"],
        ["calendar", "--month", "2026-11"],
    ],
)
def test_the_note_of_a_version_escapes_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main([*command, *_two_versions(tmp_path), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    _terminal_safe(err)
    notes = err.splitlines()
    assert notes and all(line.startswith("sla: note: judged under version 2026.") for line in notes)
    assert "\\x1b[31mE\\u202eRTL\\nNL=cmd" in err


def test_the_json_notes_keep_the_exact_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    command = ["deadline", "--priority", "P1", "--from", "2026-11-27T17:30:00+09:00", "--format", "json"]
    assert main([*command, *_two_versions(tmp_path), "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["policy"]["version"] == "2026.2" + HOSTILE
    assert doc["notes"] == [f"judged under version 2026.2{HOSTILE} (effective 2026-11-15)"]


# ---- the language server's hover ---------------------------------------------------------------


def _hovers(text: str, lang: str) -> list[str]:
    """The hover at the start of every word of a document (its labels hostile)."""
    pm = _model(text)
    clean, _ = decode_policy(text)
    assert clean is not None
    said = []
    for row, line in enumerate(clean.split("\n")):
        for match in re.finditer(r"[\w.]+", line):
            hover = hover_text(pm, clean, row, match.start(), lang)
            said += [hover] if hover is not None else []
    return said


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_hover_on_a_calendar_shows_its_label_as_written(lang: str) -> None:
    text = _hostile(CLICKSOKO.read_text("utf-8"))
    row = next(i for i, line in enumerate(text.split("\n")) if line.startswith("calendar business "))
    hover = hover_text(_model(text), text, row, len("calendar b"), lang)
    assert hover is not None and _unsafe_markdown(hover) == []
    first = hover.split("\n")[0]
    assert "&gt;&lt;img src=x onerror=alert(1)&gt;\\|\\*b\\*\\`c\\`\\[l\\](javascript:x)" in first
    assert "\\\\x1b\\[31mE\\\\u202eRTL\\\\nNL=cmd" in first  # a newline shown as its escape, on the same line
    assert first.startswith("**カレンダー `business`** — " if lang == "ja" else "**calendar business** — ")


@pytest.mark.parametrize("source", ["helpdesk.sla", "plans.sla", "london_desk.sla"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_hover_carries_markup_from_a_label(source: str, lang: str) -> None:
    """Calendars, clocks, declared events, attribute values, durations on a labelled calendar: every hover."""
    hovers = _hovers(_hostile((EXAMPLES / source).read_text("utf-8")), lang)
    assert any("onerror" in h for h in hovers)  # (labels are shown)
    assert [h for h in hovers if _unsafe_markdown(h)] == []


def test_a_completion_detail_shows_control_characters_as_escapes() -> None:
    pm = _model(_hostile((EXAMPLES / "plans.sla").read_text("utf-8")))
    attr = pm.attributes[0]
    detail = value_detail(attr, attr.labels[0], "en")
    assert "\x1b" not in detail and "\n" not in detail and "\\x1b[31mE\\u202eRTL\\nNL=cmd" in detail


def test_a_declarations_completion_detail_shows_control_characters_as_escapes() -> None:
    from sla_dsl.authoring.lsp import _label_of

    pm = _model(_hostile((EXAMPLES / "plans.sla").read_text("utf-8")))
    details = [_label_of(c, lang) for c in pm.calendars for lang in ("en", "ja")]
    assert any(d and "\\x1b" in d for d in details)
    assert not any(d and ("\x1b" in d or "\n" in d) for d in details)
