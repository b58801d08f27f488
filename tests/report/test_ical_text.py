"""Text from the policy in the maintenance feed: RFC 5545 ``TEXT`` everywhere, never a broken feed.

A line break in a maintenance label or the policy's name stopped ``sla maintenance --format ics`` (and the
site's build, which writes the feed) with an internal error; the calendar's name (``X-WR-CALNAME``) went out
with ``,``, ``;`` and ``\\`` unescaped, and control characters reached the summary and the name raw
(TEXT allows none). A line break is now TEXT's ``\\n``; any other control character is shown as its
escape (``\\x1b``), as everywhere the project shows text from its input.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from sla_dsl.docs import ical as site_ical
from sla_dsl.errors import printable
from sla_dsl.policy import load_policies
from sla_dsl.report.ical import text

from .helpers import sla

#: what the policy's texts hold: a line break, TEXT's specials, a terminal escape, a bell, a right-to-left override
HOSTILE = "Regular\nmaint, x;\\y \x1b[2J\x07\u202e"


def _sla(value: str) -> str:
    """``value`` as a string of the policy language (which writes a line break as ``\\n``)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _policy(tmp_path: Path, name: str, label: str, version: str = "1", effective: str = "2026-01-01") -> Path:
    path = tmp_path / f"p{version}.sla"
    path.write_text(
        f"sla {_sla(name)} {{\n  format 1\n  version {_sla(version)}\n  effective {effective}\n"
        "  timezone Asia/Tokyo\n  languages en, ja\n}\n"
        f"maintenance m {_sla('定期' + label)} / {_sla(label)} {{\n  every month on 4th thu, 22:00-24:00\n}}\n",
        "utf-8",
    )
    return path


def _feed(policy: Path, lang: str) -> bytes:
    code, out, err = sla(
        "maintenance", policy, "--from", "2026-11-01", "--to", "2027-01-01", "--format", "ics", "--lang", lang
    )
    assert code == 0, err
    return out.encode("utf-8")


def _unescape(value: str) -> str:
    """An RFC 5545 TEXT value as the text it says."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _clean(raw: bytes) -> None:
    """No control character in the feed but the CRLF ending each line (and no bare CR or LF)."""
    body = raw.replace(b"\r\n", b"")
    assert not re.search(rb"[\x00-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80\xae", body), body


def test_the_text_value_keeps_line_breaks_and_shows_control_characters() -> None:
    assert text("a\nb") == "a\nb"  # written as TEXT's \n by the library
    assert text("a\x1bb\u202e") == "a\\x1bb\\u202e"
    assert text("plain 定期メンテナンス") == "plain 定期メンテナンス"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_line_break_in_a_label_or_the_name_is_text(tmp_path: Path, lang: str) -> None:
    name = "Click\nSo-ko, a;b\\c \x1b]0;x\x07"
    raw = _feed(_policy(tmp_path, name, HOSTILE), lang)
    _clean(raw)
    label = HOSTILE if lang == "en" else "定期" + HOSTILE
    shown = "\n".join(printable(line) for line in label.split("\n"))
    cal = Calendar.from_ical(raw)
    summaries = [str(ev["summary"]) for ev in cal.walk("VEVENT")]
    assert summaries and set(summaries) == {shown}
    calname = "\n".join(printable(line) for line in name.split("\n")) + ": " + shown
    assert _unescape(str(cal["x-wr-calname"])) == calname  # (the library reads an X- property back as it is)
    # the name's specials are escaped on the wire, as the summary's
    lines = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")  # (unfolded)
    line = next(x for x in lines if x.startswith("X-WR-CALNAME:"))
    assert line.startswith("X-WR-CALNAME:Click\\nSo-ko\\, a\\;b\\\\c \\\\x1b]0\\;x\\\\x07: ")
    assert line.endswith("Regular\\nmaint\\, x\\;\\\\y \\\\x1b[2J\\\\x07\\\\u202e")


def test_the_site_feed_names_an_earlier_versions_window_as_text(tmp_path: Path) -> None:
    old = _policy(tmp_path, "P", HOSTILE, version="1", effective="2026-01-01")
    new = _policy(tmp_path, "P", "Maintenance", version="2", effective="2027-06-01")
    feed = site_ical.maintenance_ics(load_policies([str(old), str(new)]), dt.date(2026, 11, 1), "en")
    _clean(feed.encode("utf-8"))
    summaries = {str(ev["summary"]) for ev in Calendar.from_ical(feed).walk("VEVENT")}
    assert "\n".join(printable(line) for line in HOSTILE.split("\n")) in summaries
    assert "Maintenance" in summaries
