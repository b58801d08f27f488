"""The original SLA text, split into its articles, for the contract text on the Japanese page.

Design notes
------------
* The Japanese page shows the contract in the original's own words, not as
  rebuilt from the policy: a sentence the policy does not encode (「下記の時間帯は
  サービスをご利用頂けません。」) or encodes elsewhere would otherwise be lost or
  moved. The policy header names the original (``source "clicksoko-sla-ja.txt"``);
  the plugin finds it in the docs folder and passes its text here.
* The text is a PDF extraction: a line that breaks mid-sentence has no trailing
  space, a real line end has one. Lines are joined on that rule, blank lines
  dropped, and each real line is kept as it is (spaces and all), so every
  sentence of the original appears once, in order.
* Lines before the first ``第 N条`` heading belong to article 0 (the title);
  heading lines themselves are left out (the page's own heading shows them).
* An article's ``text`` in the policy may say what the original does not (a
  later version's edit: 「変更の 30 日前までにお客様に通知します。」): such
  sentences are those the Japanese page shows beside the original's lines
  (:func:`added`). A sentence is compared without spaces and in its NFKC form,
  as the PDF extraction spaces and widens characters its own way (``第 4木曜日``,
  ``優先度１``); a sentence ends at 「。」, 「！」 or 「？」 not inside brackets
  (「当社」と呼称します。）が…: one sentence).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["added", "articles", "lines", "sentences"]

_HEADING = re.compile(r"^\s*第\s*(\d+)\s*条\s*（.*）\s*$")
#: the end of a Japanese sentence: 。！？ not followed by a closing bracket (a sentence quoted inside one)
_SENTENCE_END = re.compile(r"(?<=[。！？])(?![）」』】〕\)])")


def lines(text: str) -> list[str]:
    """The original's real lines: PDF line breaks inside a sentence joined, blank lines dropped."""
    out: list[str] = []
    pending = ""
    for raw in text.splitlines():
        if not raw.strip():
            continue
        pending += raw.lstrip() if pending else raw.strip() if raw.endswith(" ") else raw.lstrip()
        if raw.endswith((" ", "\u3000")):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        out.append(pending.strip())
    return out


def articles(text: str) -> dict[int, list[str]]:
    """The original's lines by article number (0 for the lines before article 1)."""
    out: dict[int, list[str]] = {0: []}
    current = 0
    for line in lines(text):
        match = _HEADING.match(line)
        if match:
            current = int(match.group(1))
            out.setdefault(current, [])
            continue
        out[current].append(line)
    return out


def sentences(text: str) -> list[str]:
    """The sentences of a Japanese text, each stripped, in order (the last one with or without its 。)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def _flat(text: str) -> str:
    """``text`` as compared with the original: NFKC, without spaces or line breaks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def added(text: str, lines: Sequence[str]) -> list[str]:
    """The sentences of ``text`` (an article's Japanese ``text`` in the policy) that are not in ``lines`` (the
    original's lines of that article), in order: what the policy's version says that the original does not."""
    said = _flat("".join(lines))
    return [s for s in sentences(text) if _flat(s) not in said]
