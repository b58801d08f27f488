"""Daily backups per kind, retention of deleted backups, and the other-zone rule.

Design notes
------------
* A kind is daily when its rule has ``every`` and is not ``continuous``. Each
  calendar day (policy zone) whose first instant lies in [from, to) gets one
  row per daily kind: ``ok`` when a ``backup.completed`` of that kind falls in
  the ``every`` window ending that day (one day for ``every 1 day``),
  ``missed`` when none does and the day is over at ``as_of``, ``pending``
  otherwise. A day's first instant is its 00:00, or where the clock skips
  midnight (America/Santiago, 6 Sep 2026: 00:00 -> 01:00) the instant it jumps
  to: such a day is a day like any other (it was dropped when the period began
  on it, because the period's first instant was not at 00:00).
* A kind taken ``every N hours`` (N divides a day; ``sla check`` refuses the
  others) is judged in windows of N hours from each local midnight instead: one
  row per window (``window_start``, ``window_end``), ``ok`` when a completion
  falls in it. ``every 12 hours`` is two windows a day, not one every 12 days.
* The windows are read on the local wall clock, as a calendar's hours are: the
  bounds of a day's windows are its 00:00, N:00, 2N:00 ... and the next day's
  00:00, each the first instant whose clock reads that time or later (a time
  shown twice: its first occurrence; a time the clock skips: the instant it
  jumps to), and a window is the real instants from its bound to the next.
  Every instant of the day is in exactly one window, and a window across a
  daylight-saving change is as long as its clock makes it, as a calendar range
  is: across the spring gap an hour shorter (``every 1 hour``: 01:00-03:00 is
  one real hour), across the autumn repeat an hour longer (``every 1 hour``:
  01:00-02:00 holds both 01:xx hours). A window that holds no instant
  (02:00-03:00 on the spring day) is not judged: no row, no violation. So a day
  has the 24/N windows of its clock, less those the clock skips. Starting a
  window at each occurrence of a repeated bound instead would give ``every 1
  hour`` a 25th window but lengthen the window of ``every 2 hours``, and cut a
  one-hour window out of a day whose midnight is shown twice (America/Havana,
  1 Nov 2026) for ``every 24 hours``.
* ``window_start``/``window_end`` are those real instants, and a missed
  window's violation id is ``kind:`` and its ``window_start`` (the report
  finds the window's row by it), a time that exists. The windows were built by
  adding N wall-clock hours to 00:00, which judged the empty spring window,
  always missed, under an id naming 02:00, a time that does not exist.
* A ``continuous`` kind has no days or windows: the log has no event that says
  continuity broke, so only its ``in another zone`` and ``keep`` are judged.
  How many backups of each kind completed in the period (``Report.backups_taken``,
  the JSON's last key) tells the summary a continuous kind with none, where
  nothing was judged, from one whose backups were all in order; the trend
  counts them per month alike (:func:`.trend.first_completions`). Backups are
  judged where partitions meet (:mod:`.partition`), so a partitioned run counts
  what one run does.
* A backup id is one backup: only its first completion counts. A later one
  is bad data ("the first counts") and fills no day, so a repeated event
  cannot hide a missed day.
* Retention: a ``backup.deleted`` in the period before the ``backup.completed``
  of that id plus the rule's ``keep`` (months by calendar arithmetic, business
  time on its calendar) is a violation. A deletion of an unknown backup, or
  with another kind than its completion, is bad data.
* ``other zone``: each completed backup of such a kind in the period must state
  a ``zone`` different from its ``primary_zone``. One in its primary zone is a
  ``backup_zone`` violation; one that states no ``zone`` (or no
  ``primary_zone``) cannot be judged: a ``data`` violation (the log is
  incomplete), not a zone breach.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from typing import NamedTuple
from zoneinfo import ZoneInfo

from ..calendars.intervals import wall_to_epoch
from ..calendars.recurrence import window_start
from ..events.schema import CODE, Rec
from ..lang import model as m
from ..report import BackupRow, DataNote, RetentionRow, Step, Violation
from ..report.row_ids import backup_id
from .common import Ctx, Rules, art, step
from .id_forms import KnownIds, unknown_note

COMPLETED, DELETED = CODE["backup.completed"], CODE["backup.deleted"]


class JudgedBackups(NamedTuple):
    """The backups' verdicts: rows per daily kind and day (or window), retention rows for deletions in
    the period, and per kind how many backups completed in the period (each id's first completion)."""

    rows: list[BackupRow]
    retention: list[RetentionRow]
    taken: dict[str, int]


def judge_backups(ctx: Ctx, backups: dict[str, list[Rec]]) -> JudgedBackups:
    """Rows per daily kind and day, retention rows for deletions in the period, and what was taken in it."""
    tz = ctx.primary.tz
    done: dict[tuple[str, dt.date], int] = {}
    times: dict[str, list[float]] = {}  # first completions per kind, for windows of hours
    completed: dict[str, Rec] = {}
    taken: dict[str, int] = {}  # per kind, the first completions in the period
    for ident, recs in backups.items():
        for r in recs:
            if r[1] != COMPLETED:
                continue
            first = completed.get(ident)
            if first is None:
                # Only a backup's first completion counts, for its own day.
                completed[ident] = r
                day = dt.datetime.fromtimestamp(r[0], tz).date()
                done[(r[2][0], day)] = done.get((r[2][0], day), 0) + 1
                times.setdefault(r[2][0], []).append(r[0])
                if ctx.p0 <= r[0] < ctx.p1:
                    taken[r[2][0]] = taken.get(r[2][0], 0) + 1
                    _zone(ctx, ident, r)
            elif r[0] != first[0]:  # (one at the same instant that disagrees: see :mod:`.order`)
                ctx.bad_data(ident, DataNote(what="completed_again"), r[3], r[0])
    rows = _days(ctx, done, {k: sorted(v) for k, v in times.items()})
    retention = _retention(ctx, backups, completed)
    return JudgedBackups(rows, retention, dict(sorted(taken.items())))


def _first_instant(day: dt.date, hour: int, tz: ZoneInfo) -> float:
    """The first instant at which the clock of ``tz`` reads ``hour``:00 of ``day`` or later (``hour``
    24 is the next day's 00:00): a time shown twice at its first occurrence, one the clock skips at
    the instant the clock jumps to, as a calendar reads its hours
    (:func:`sla_dsl.calendars.intervals.wall_to_epoch`)."""
    return float(wall_to_epoch(day, hour * 60, tz))


def _days(ctx: Ctx, done: dict[tuple[str, dt.date], int], times: dict[str, list[float]]) -> list[BackupRow]:
    rows: list[BackupRow] = []
    tz = ctx.primary.tz
    day = dt.datetime.fromtimestamp(ctx.p0, tz).date()
    if _first_instant(day, 0, tz) < ctx.p0:  # the period begins after the day does
        day += dt.timedelta(days=1)
    one = dt.timedelta(days=1)
    while True:
        midnight = _first_instant(day, 0, tz)
        if midnight >= ctx.p1:
            break
        rules = ctx.versions.at(midnight)
        nxt = day + one
        day_end = _first_instant(nxt, 0, tz)
        for kind, rule in rules.backups.items():
            if rule.every is None or rule.continuous:
                continue
            if rule.every.unit is m.TimeUnit.HOUR:
                rows += _windows(ctx, rules, kind, rule, day, times.get(kind, []))
                continue
            lo = window_start(day, rule.every)
            count = sum(done.get((kind, lo + dt.timedelta(days=i)), 0) for i in range((day - lo).days + 1))
            ident = backup_id(kind, day, None)
            status = _status(ctx, rules, rule, count, day_end, ident, f"no {kind} backup on {day:%a %d %b %Y}")
            rows.append(BackupRow(kind=kind, day=day, status=status, backups=done.get((kind, day), 0), id=ident))
        day = nxt
    return rows


def _status(ctx: Ctx, rules: Rules, rule: m.Backup, count: int, end: float, ident: str, said: str) -> str:
    """ok when a backup was taken in the window, missed (with its violation) once the window ending at
    ``end`` is over with none, else pending."""
    if count:
        return "ok"
    if end > ctx.as_of:
        return "pending"
    ctx.violations.append(
        Violation(
            kind="backup_missed", id=ident, at=rules.dt(end), ref=art(rule.ref), message=f"{said} (every {rule.every})"
        )
    )
    return "missed"


def _windows(ctx: Ctx, rules: Rules, kind: str, rule: m.Backup, day: dt.date, times: list[float]) -> list[BackupRow]:
    """The rows of one day for a kind taken every N hours: one per window of N wall-clock hours from
    midnight that holds an instant (see the notes)."""
    assert rule.every is not None
    n = rule.every.amount
    bounds = [_first_instant(day, h, rules.tz) for h in range(0, 24 + n, n)]
    rows: list[BackupRow] = []
    for lo, hi in itertools.pairwise(bounds):
        if hi <= lo or lo >= ctx.p1 or lo < ctx.p0:
            continue  # holds no instant (in the spring gap), or outside the period
        count = bisect.bisect_left(times, hi) - bisect.bisect_left(times, lo)
        said = f"no {kind} backup from {ctx.fmt(lo, rules)} to {ctx.fmt(hi, rules)}"
        start = rules.dt(lo)
        ident = backup_id(kind, day, start)
        status = _status(ctx, rules, rule, count, hi, ident, said)
        rows.append(
            BackupRow(
                kind=kind, day=day, status=status, backups=count, window_start=start, window_end=rules.dt(hi), id=ident
            )
        )
    return rows


def _zone(ctx: Ctx, ident: str, r: Rec) -> None:
    rules = ctx.versions.at(r[0])
    kind, zone, primary = r[2]
    rule = rules.backups.get(kind)
    if rule is None or not rule.other_zone:
        return
    if zone is None or primary is None:
        # The log does not say where the backup is: the rule cannot be judged, which is a gap in the
        # events (``data``), not a breach of the rule (the contract's reading).
        missing = [f for f, v in (("zone", zone), ("primary_zone", primary)) if v is None]
        ctx.bad_data(ident, DataNote(what="zone_unstated", kind=kind, start=rules.dt(r[0]), fields=missing), r[3], r[0])
    elif zone == primary:
        ctx.violations.append(
            Violation(
                kind="backup_zone",
                id=ident,
                message=f"{kind} backup {ctx.fmt(r[0], rules)} is in zone `{zone}`, the primary zone itself",
                at=rules.dt(r[0]),
                ref=art(rule.ref),
                backup_kind=kind,
            )
        )


def _retention(ctx: Ctx, backups: dict[str, list[Rec]], completed: dict[str, Rec]) -> list[RetentionRow]:
    rows: list[RetentionRow] = []
    known = KnownIds((i, r[3]) for i, r in completed.items())  # (indexed only when an unknown id is met)
    for ident, recs in backups.items():
        for r in recs:
            if r[1] != DELETED or not ctx.p0 <= r[0] < ctx.p1:
                continue
            kind = r[2][0]
            comp = completed.get(ident)
            # a backup is judged under the version in force when it was taken (its start), as every item
            # is: a later version's retention is not applied back to it (nor its dropping a kind)
            rules = ctx.versions.at(comp[0] if comp is not None and comp[0] <= r[0] else r[0])
            steps: list[Step] = []
            keep_until: float | None = None
            ok = True
            if comp is None:
                ctx.bad_data(ident, unknown_note("unknown_backup", ident, known), r[3], r[0])
                steps.append(step(text="no backup.completed for this id: retention cannot be judged"))
            else:
                if comp[2][0] != kind:
                    ctx.bad_data(ident, DataNote(what="kind_differs", kind=kind, other_kind=comp[2][0]), r[3], r[0])
                if r[0] < comp[0]:
                    note = DataNote(what="before", event="backup.deleted", first="backup.completed")
                    ctx.bad_data(ident, note, r[3], r[0])
                ok, keep_until = _judge_keep(ctx, rules, ident, comp, r, steps)
            rows.append(
                RetentionRow(
                    id=ident,
                    kind=kind,
                    completed_at=rules.dt(comp[0]) if comp else None,
                    deleted_at=rules.dt(r[0]),
                    keep_until=rules.dt(keep_until) if keep_until is not None else None,
                    ok=ok,
                    policy_version=rules.version,
                    explain=steps,
                )
            )
    rows.sort(key=lambda x: (x.deleted_at, x.id))
    return rows


def _judge_keep(ctx: Ctx, rules: Rules, ident: str, comp: Rec, r: Rec, steps: list[Step]) -> tuple[bool, float | None]:
    """Whether deletion ``r`` kept the retention of completion ``comp``, and the end of that retention.

    The end is the completion plus ``keep`` added as a target's duration is (:meth:`Rules.add`):
    ``keep 5 business days`` counts five days of open time of its calendar, not five elapsed days
    (adding it as elapsed time dropped the calendar and let a backup go days early); elapsed amounts
    and months are added as before.
    """
    kind = comp[2][0]
    rule = rules.backups.get(kind)
    steps.append(step(text=f"{kind} backup completed {ctx.fmt(comp[0], rules)}", at=rules.dt(comp[0])))
    if rule is None or rule.keep is None:
        steps.append(step(text=f"no retention rule for `{kind}`"))
        return True, None
    ref = art(rule.ref)
    keep_until = rules.add(comp[0], rule.keep)
    ok = r[0] >= keep_until
    steps.append(
        step(
            text=f"keep {rule.keep}: until {ctx.fmt(keep_until, rules)}",
            at=rules.dt(keep_until),
            ref=ref,
        )
    )
    steps.append(
        step(
            text=f"deleted {ctx.fmt(r[0], rules)}: " + ("ok" if ok else "too early, retention violated"),
            at=rules.dt(r[0]),
            ref=ref,
        )
    )
    if not ok:
        ctx.violations.append(
            Violation(
                kind="backup_retention",
                id=ident,
                at=rules.dt(r[0]),
                ref=ref,
                message=f"{kind} backup of {ctx.fmt(comp[0], rules)} deleted "
                f"{ctx.fmt(r[0], rules)}, before {ctx.fmt(keep_until, rules)} "
                f"(keep {rule.keep})",
            )
        )
    return ok, keep_until
