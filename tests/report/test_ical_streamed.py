"""The maintenance feed is written a batch of windows at a time, with the bytes the library wrote.

``sla maintenance --format ics`` over ten years of 160 weekly windows (some 83,000 events, 20 MB) took
about 11 CPU seconds and 680 MB: the library built a ``VEVENT`` object graph per window, the whole
calendar at once, and the command wrote it in one piece. Each window's lines are now made from the
library's own forms (its lines per label and zone made once, its ``TEXT`` escaping and folding) and
streamed. These tests compare the bytes with the library writing every window (the old writer, kept
here as the reference) on random policies, windows and texts, and count the library objects made
and the writes: a constant number of the former, and more than one write for a long feed.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar, Event

from sla_dsl.calendars.recurrence import Window
from sla_dsl.cli.app import main
from sla_dsl.policy import load_policies
from sla_dsl.policy.compiled import Policy
from sla_dsl.report import ical
from sla_dsl.report.ical import _moment, _moved, maintenance_ics, text, write_maintenance_ics

ZONES = ["Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "UTC", "Etc/UTC", "Europe/London"]
#: characters the texts are drawn from: TEXT's specials, a line break, controls, wide and combining ones
ALPHABET = "abcXYZ 0189,;:\\\n\x1b\x07\u202e\u200bé\u0301😀^\"'"
JAPANESE = "定期メンテナンス停止週次保守"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _reference(policy: Policy, windows: Sequence[Window], lang: str, stamp: dt.datetime) -> bytes:
    """The feed as the library writes it with one ``Event`` per window (the writer before streaming)."""
    labels = {mt.name: mt.label.text(lang) or mt.name for mt in policy.model.maintenance}
    title = policy.model.header.title.text(lang) or policy.name
    cal = Calendar()
    cal.add("prodid", "-//sla-dsl//maintenance//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", text(f"{policy.name}: {', '.join(dict.fromkeys(labels.values()))}" if labels else title))
    cal.add("x-wr-timezone", policy.tz.key)
    domain = ical.uid_domain(policy)  # its own tests: tests/report/test_ical_uid_domain.py
    for w in windows:
        ev = Event()
        ev.add("uid", f"{w.name}-{w.scheduled.isoformat()}@{domain}")
        ev.add("dtstamp", stamp.astimezone(dt.UTC))
        ev.add("dtstart", _moment(w.start, policy.tz))
        ev.add("dtend", _moment(w.end, policy.tz))
        ev.add("summary", text(labels.get(w.name, w.name)))
        ev.add("transp", "OPAQUE")
        if w.moved:
            ev.add("description", text(_moved(w, lang)))
        cal.add_component(ev)
    # the zone of each TZID the events use, as the writer makes it (the library's put summer time's start an
    # hour late: tests/calendar/test_ics_zone_onsets.py), and that of the policy in a feed with no window
    zones = [(tzid, min(w.start.astimezone(policy.tz) for w in windows).year) for tzid in cal.get_used_tzids()]
    last = max((w.end.astimezone(policy.tz).year for w in windows), default=stamp.astimezone(policy.tz).year)
    if not windows:
        zones = [(policy.tz.key, last)]
    for k, (tzid, first) in enumerate(sorted(zones)):
        cal.subcomponents.insert(k, ical.vtimezone(policy.tz, tzid, first, last))
    return bytes(cal.to_ical())


def _sla(value: str) -> str:
    """``value`` as a string of the policy language."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _words(rng: random.Random, most: int, ja: bool = False) -> str:
    """Random text of up to ``most`` characters; ``ja``: mostly Japanese (the policy checks a label's sides)."""
    chars = [rng.choice(ALPHABET) for _ in range(rng.randint(1, most))]
    if ja:
        chars = [rng.choice(JAPANESE) if rng.random() < 0.7 else c for c in chars]
    return ("定期" if ja else "Main") + "".join(chars)


def _policy(tmp_path: Path, rng: random.Random, zone: str, rules: int) -> Policy:
    body = [
        f'sla {_sla(_words(rng, 30))} {{\n  format 1\n  version "1"\n  effective 2026-01-01\n'
        f"  timezone {zone}\n  languages en, ja\n}}\n",
        'calendar business "営業" / "Business" {\n  days mon..fri\n  hours 09:00-18:00\n  holidays JP\n}\n',
    ]
    for k in range(rules):
        h, mi = rng.randrange(24), rng.choice([0, 15, 30, 45])
        span = f"{h:02}:{mi:02}-{(h + rng.randint(1, 3)) % 24:02}:{mi:02}"
        roll = "  if not a business day: next business day\n  calendar business\n" if rng.random() < 0.6 else ""
        label = f"{_sla(_words(rng, 90, ja=True))} / {_sla(_words(rng, 90))}"
        body.append(f"maintenance m{k} {label} {{\n  every week on {rng.choice(DAYS)}, {span}\n{roll}}}\n")
    path = tmp_path / f"p{rng.random()}.sla"
    path.write_text("".join(body), "utf-8")
    return load_policies([str(path)])[0]


def _odd_windows(rng: random.Random, policy: Policy) -> list[Window]:
    """Windows as the API may hand them: at a repeated hour's second occurrence, in UTC or another zone,
    with seconds and microseconds, moved with any reason, named by no rule."""
    out = []
    for _ in range(12):
        start = dt.datetime(2026, 11, 1, 1, rng.randrange(60), rng.randrange(60), rng.randrange(10**6))
        start = start.replace(tzinfo=policy.tz, fold=rng.randint(0, 1))
        if rng.random() < 0.3:
            start = start.astimezone(rng.choice([dt.UTC, dt.timezone(dt.timedelta(hours=-3))]))
        end = start + dt.timedelta(minutes=rng.randint(1, 300))
        day = start.date()
        moved = rng.random() < 0.5
        out.append(
            Window(
                start=start,
                end=end,
                name=rng.choice(["m0", "unknown"]),
                scheduled=day - dt.timedelta(days=1) if moved else day,
                day=day,
                moved=moved,
                reason=_words(rng, 40) if moved and rng.random() < 0.8 else None,
                reason_ja=_words(rng, 40) if moved and rng.random() < 0.8 else None,
            )
        )
    return out


@pytest.mark.parametrize("seed", range(8))
def test_the_feed_is_the_bytes_the_library_writes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    zone = ZONES[seed % len(ZONES)]
    policy = _policy(tmp_path, rng, zone, rng.randint(1, 6))
    start = dt.date(2026, rng.randint(1, 12), 1)
    windows = policy.maintenance_windows(start, start + dt.timedelta(days=rng.randint(30, 400)))
    windows += _odd_windows(rng, policy)
    rng.shuffle(windows)
    stamp = dt.datetime(2026, 1, 1, tzinfo=policy.tz) + dt.timedelta(seconds=rng.randrange(10**8))
    for lang in ("en", "ja"):
        for some in (windows, windows[:1], []):
            assert maintenance_ics(policy, some, lang, stamp) == _reference(policy, some, lang, stamp)


def test_a_feed_all_in_utc_has_no_zone(tmp_path: Path) -> None:
    # (only the second occurrence of New York's 01:30: no time on its wall clock, no VTIMEZONE, as before)
    policy = _policy(tmp_path, random.Random(1), "America/New_York", 1)
    start = dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=policy.tz)
    day = start.date()
    end = (start.astimezone(dt.UTC) + dt.timedelta(minutes=20)).astimezone(policy.tz)  # (01:50, its second)
    windows = [Window(start=start, end=end, name="m0", scheduled=day, day=day)]
    ics = maintenance_ics(policy, windows, "en", start)
    assert b"VTIMEZONE" not in ics
    assert ics == _reference(policy, windows, "en", start)


class _Writes(io.BytesIO):
    """A byte stream that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data: Any) -> int:
        self.sizes.append(len(data))
        return super().write(data)


def _weekly(tmp_path: Path, rules: int) -> Policy:
    blocks = "".join(
        f'maintenance w{k} "週次{k}" / "Weekly {k}" {{\n  every week on sun, 01:00-02:00\n}}\n' for k in range(rules)
    )
    path = tmp_path / "weekly.sla"
    path.write_text(
        'sla "W" {\n  format 1\n  version "1"\n  effective 2026-01-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
        + blocks,
        "utf-8",
    )
    return load_policies([str(path)])[0]


def test_the_library_objects_made_do_not_grow_with_the_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []

    class Counted(Event):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made.append("event")
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ical, "Event", Counted)
    policy = _weekly(tmp_path, 3)
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    counts = []
    for years in (1, 8):
        windows = policy.maintenance_windows(dt.date(2026, 1, 1), dt.date(2026 + years, 1, 1))
        made.clear()
        maintenance_ics(policy, windows, "en", stamp)
        counts.append((len(windows), len(made)))
    (few, a), (many, b) = counts
    assert many > 1000 > few > 100
    assert a == b <= 10  # the lines every window shares, and one probe for the zone: never one per window


def test_the_feed_is_written_a_batch_at_a_time(tmp_path: Path) -> None:
    policy = _weekly(tmp_path, 4)
    windows = policy.maintenance_windows(dt.date(2026, 1, 1), dt.date(2036, 1, 1))
    out = _Writes()
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    write_maintenance_ics(policy, windows, "ja", stamp, out)
    assert out.getvalue() == _reference(policy, windows, "ja", stamp)
    assert len(out.sizes) == 1 + len(windows) // ical.BATCH + 1  # the header, each batch, the rest and the end
    assert max(out.sizes) < 200 * ical.BATCH  # (a batch of windows, never the whole feed)


def test_the_command_streams_the_feed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "weekly.sla"
    _weekly(tmp_path, 4)
    raw = _Writes()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8"))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    args = ["maintenance", str(policy), "--from", "2026-01-01", "--to", "2031-01-01", "--format", "ics"]
    assert main(args) == 0
    windows = load_policies([str(policy)])[0].maintenance_windows(dt.date(2026, 1, 1), dt.date(2031, 1, 1))
    assert len(windows) > 2 * ical.BATCH
    assert len(raw.sizes) > 2 and max(raw.sizes) < len(raw.getvalue()) // 2
    stamp = dt.datetime(2026, 1, 1, tzinfo=load_policies([str(policy)])[0].tz)
    assert raw.getvalue() == _reference(load_policies([str(policy)])[0], windows, "ja", stamp)
