"""The language reference says what a change of priority does in bullets one can read.

Found by a QA pass as a Zendesk administrator: the reference's bullet on a target's row, where it says that
a priority change judges again a target already met (unlike Zendesk), was one paragraph of some 1,300
characters in Japanese, the Zendesk difference in its middle. It is now a run of bullets, the same in both
languages, each of one matter (the Zendesk difference one of them), every fact kept.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT

#: The first words of the run's first bullet, and of its last line.
FIRST = {
    "ja": "- 各目標は、レポートの案件の `targets` の一行です",
    "en": "- Each target is a row of the incident's `targets`",
}
#: Facts the run says, each in one bullet, in both languages (a phrase of each page).
FACTS = {
    "ja": [
        "期間内の未達は `target_breached` の違反です",
        "有効な優先度は最後の優先度の変更によるもの",
        "版は応答クロックの開始時点のものです",
        "変更前に達成した指標をそのまま残す Zendesk とは異なります",
        "14:00 に P1（`within 1 hour`）に上がると未達になり",
        "その版が定めていない優先度（後の版だけが定めるもの）への変更は適用しません",
        "報告時の優先度をその版が定めていない案件は判定しません",
        "リセットはクロックをゼロから始め直しますが、未達を元に戻しはしません",
        "案件の完了はすべてのクロックを完全に停止するため",
        "`ID:TARGET@CLOCK`",
    ],
    "en": [
        "a breach in the period is a `target_breached` violation",
        "The priority in force is the last reprioritisation's",
        "The version is the one at the response clock start",
        "unlike Zendesk, which keeps a metric achieved before the change",
        "raised to P1 (`within 1 hour`) at 14:00",
        "A reprioritisation to a priority that version does not define",
        "An incident reported with a priority its version does not define is not judged",
        "A reset starts the clock again from zero; it does not undo a breach",
        "The incident's completion stops every clock for good",
        "`ID:TARGET@CLOCK`",
    ],
}


def _bullets(lang: str) -> list[str]:
    text = (ROOT / f"docs/reference/language.{lang}.md").read_text("utf-8")
    start = text.index(FIRST[lang])
    run = text[start : text.index("\n\n", start)]
    return [" ".join(b.split()) for b in ("\n" + run).split("\n- ")[1:]]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_fact_is_a_bullet_of_its_own(lang: str) -> None:
    bullets = _bullets(lang)
    where = [[i for i, b in enumerate(bullets) if fact in b] for fact in FACTS[lang]]
    assert all(len(w) == 1 for w in where), where
    assert len({w[0] for w in where}) >= 8, where  # (the version's start and the priority's rule apart)
    zendesk = [b for b in bullets if "Zendesk" in b]
    assert len(zendesk) == 1 and len(zendesk[0]) < (200 if lang == "ja" else 400), zendesk
    assert max(len(b) for b in bullets) < (400 if lang == "ja" else 700), bullets


def test_both_languages_have_the_same_bullets() -> None:
    assert len(_bullets("ja")) == len(_bullets("en"))
