"""``sla_dsl.evaluate`` given a policy's path instead of the policy says so in the language of the policy the path
names, from the catalogue, as the API's other refusals of ``policy`` follow the policy's language.

The refusal was an English text written in ``sla_dsl/__init__.py``, outside the catalogue: a Japanese
policy's user read ``evaluate() takes a Policy, not a path`` where every other refusal of the API was in
Japanese. ``judge`` (``sla_dsl.evaluation``) refused a path in English always, for want of a policy to
take a language from, though the path names one.
"""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.evaluation import judge
from sla_dsl.i18n import message

from .helpers import POLICY_PATH

MONTH = ("2026-11-01", "2026-12-01")
#: a regular file that is no policy: it declares no languages
ROOT_LOG = POLICY_PATH.parents[1] / "examples" / "events-2026-11.jsonl"


def latin_outside_code(text: str) -> set[str]:
    """The Latin words of a Japanese text outside its code spans (`...`)."""
    text = re.sub(r"`[^`]*`", "", text)
    text = "".join(literal for literal, _, _, _ in string.Formatter().parse(text))
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_\-]*", text))


@pytest.fixture
def english_path(tmp_path: Path) -> Path:
    text = POLICY_PATH.read_text("utf-8")
    assert "  languages ja, en " in text
    path = tmp_path / "english.sla"
    path.write_text(text.replace("  languages ja, en ", "  languages en, ja ", 1), "utf-8")
    return path


@pytest.mark.parametrize("given", [str(POLICY_PATH), POLICY_PATH])
def test_a_japanese_policy_s_path_is_refused_in_japanese(given: str | Path) -> None:
    with pytest.raises(TypeError) as info:
        sla_dsl.evaluate(given, [], *MONTH)  # type: ignore[arg-type]
    said = str(info.value)
    assert said == message("author.api.policy_path.evaluate", "ja", path=repr(str(POLICY_PATH)))
    assert said == (
        f"`evaluate()` にはパスではなく `Policy` を渡してください（`sla_dsl.load_policy({str(POLICY_PATH)!r})` "
        "で読み込めます）"
    )
    assert latin_outside_code(said) == set(), said


def test_an_english_policy_s_path_is_refused_in_english_as_before(english_path: Path) -> None:
    with pytest.raises(TypeError) as info:
        sla_dsl.evaluate(english_path, [], *MONTH)
    assert (
        str(info.value)
        == f"evaluate() takes a Policy, not a path: load it with sla_dsl.load_policy({str(english_path)!r})"
    )


def test_a_path_that_names_no_policy_is_refused_in_english(tmp_path: Path) -> None:
    for given in (tmp_path / "missing.sla", tmp_path, ROOT_LOG):
        with pytest.raises(TypeError, match=r"^evaluate\(\) takes a Policy, not a path: load it with "):
            sla_dsl.evaluate(given, [], *MONTH)


def test_a_policy_s_text_is_refused_in_its_language() -> None:
    text = POLICY_PATH.read_text("utf-8")
    with pytest.raises(TypeError) as ja:
        sla_dsl.evaluate(text, [], *MONTH)
    assert str(ja.value).startswith("`evaluate()` にはパスではなく `Policy` を渡してください")
    english = text.replace("  languages ja, en ", "  languages en, ja ", 1)
    with pytest.raises(TypeError, match=r"^evaluate\(\) takes a Policy, not a path"):
        sla_dsl.evaluate(english, [], *MONTH)


def test_judge_refuses_a_path_in_the_language_of_the_policy_it_names(english_path: Path) -> None:
    with pytest.raises(TypeError) as ja:
        judge(str(POLICY_PATH), [], *MONTH)  # type: ignore[arg-type]
    assert str(ja.value) == message("author.api.policy_path", "ja", path=repr(str(POLICY_PATH)))
    assert "パスではなく" in str(ja.value)
    with pytest.raises(TypeError) as en:
        judge(str(english_path), [], *MONTH)  # type: ignore[arg-type]
    assert (
        str(en.value)
        == f"policy: expected a Policy, not a path: load it with sla_dsl.load_policy({str(english_path)!r})"
    )


def test_the_language_is_read_from_a_regular_file_only(tmp_path: Path) -> None:
    """A FIFO is never opened (reading it would wait for a writer); a NUL in the path is no error of its own."""
    from sla_dsl.evaluation import named_lang

    assert named_lang(POLICY_PATH) == "ja"
    fifo = tmp_path / "policy.sla"
    os.mkfifo(fifo)
    assert named_lang(fifo) == "en"
    assert named_lang("bad\0path.sla") == "en"
