"""The record of one catalogue entry."""

from __future__ import annotations

from typing import NamedTuple


class Msg(NamedTuple):
    """One message: its ``str.format`` template in Japanese and in English."""

    ja: str
    en: str
