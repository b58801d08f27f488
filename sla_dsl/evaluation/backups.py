"""Daily backups per kind, retention of deleted backups, and the other-zone rule.

Design notes
------------
* A kind is daily when its rule has ``every`` and is not ``continuous``. Each
  calendar day (policy zone) whose 00:00 lies in [from, to) gets one row per
  daily kind: ``ok`` when a ``backup.completed`` of that kind falls in the
  ``every`` window ending that day (one day for ``every 1 day``), ``missed``
  when none does and the day is over at ``as_of``, ``pending`` otherwise.
* A kind taken ``every N hours`` (N divides a day; ``sla check`` refuses the
  others) is judged in windows of N hours from each local midnight instead: one
  row per window (``window_start``, ``window_end``), ``ok`` when a completion
  falls in it. ``every 12 hours`` is two windows a day, not one every 12 days.
* A backup id is one backup: only its first completion counts. A later one
  is bad data ("the first counts") and fills no day, so a repeated event
  cannot hide a missed day.
* Retention: a ``backup.deleted`` in the period before the ``backup.completed``
  of that id plus the rule's ``keep`` (months by calendar arithmetic, business
  time on its calendar) is a violation. A deletion of an unknown backup, or
  with another kind than its completion, is bad data.
* ``other zone``: each completed backup of such a kind in the period must state
  a ``zone`` different from its ``primary_zone``; a missing one cannot be
  verified and is reported as a violation too.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Literal

from ..events.schema import CODE, Rec
from ..lang import model as m
from ..report import BackupRow, DataNote, RetentionRow, Step, Violation
from .common import Ctx, Rules, add_months, art, step

COMPLETED, DELETED = CODE["backup.completed"], CODE["backup.deleted"]


def _window_start(day: dt.date, every: m.Duration) -> dt.date:
    n = max(every.amount, 1)
    if every.unit is m.TimeUnit.MONTH:
        return add_months(day, -n) + dt.timedelta(days=1)
    days = {m.TimeUnit.WEEK: 7 * n}.get(every.unit, n)
    return day - dt.timedelta(days=days - 1)


def judge_backups(ctx: Ctx, backups: dict[str, list[Rec]]) -> tuple[list[BackupRow], list[RetentionRow]]:
    """Rows per daily kind and day, and retention rows for deletions in the period."""
    tz = ctx.primary.tz
    done: dict[tuple[str, dt.date], int] = {}
    times: dict[str, list[float]] = {}  # first completions per kind, for windows of hours
    completed: dict[str, Rec] = {}
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
                    _zone(ctx, ident, r)
            elif r[0] != first[0]:  # (one at the same instant that disagrees: see :mod:`.order`)
                ctx.bad_data(ident, DataNote(what="completed_again"), r[3], r[0])
    rows = _days(ctx, done, {k: sorted(v) for k, v in times.items()})
    retention = _retention(ctx, backups, completed)
    return rows, retention


def _days(ctx: Ctx, done: dict[tuple[str, dt.date], int], times: dict[str, list[float]]) -> list[BackupRow]:
    rows: list[BackupRow] = []
    tz = ctx.primary.tz
    first = dt.datetime.fromtimestamp(ctx.p0, tz)
    day = first.date() if first.time() == dt.time(0) else first.date() + dt.timedelta(days=1)
    one = dt.timedelta(days=1)
    while True:
        midnight = dt.datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()
        if midnight >= ctx.p1:
            break
        rules = ctx.versions.at(midnight)
        nxt = day + one
        day_end = dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz).timestamp()
        for kind, rule in rules.backups.items():
            if rule.every is None or rule.continuous:
                continue
            if rule.every.unit is m.TimeUnit.HOUR:
                rows += _windows(ctx, rules, kind, rule, day, times.get(kind, []))
                continue
            lo = _window_start(day, rule.every)
            count = sum(done.get((kind, lo + dt.timedelta(days=i)), 0) for i in range((day - lo).days + 1))
            status = _status(
                ctx, rules, rule, count, day_end, f"{kind}:{day.isoformat()}", f"no {kind} backup on {day:%a %d %b %Y}"
            )
            rows.append(BackupRow(kind=kind, day=day, status=status, backups=done.get((kind, day), 0)))
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
    """The rows of one day for a kind taken every N hours: one per window of N hours from midnight."""
    assert rule.every is not None
    n = rule.every.amount
    rows: list[BackupRow] = []
    for k in range(24 // n):
        ws = dt.datetime(day.year, day.month, day.day, k * n, tzinfo=rules.tz)
        we = (
            ws + dt.timedelta(hours=n)
            if (k + 1) * n < 24
            else dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), rules.tz)
        )
        lo, hi = ws.timestamp(), we.timestamp()
        if lo >= ctx.p1 or lo < ctx.p0:
            continue
        count = bisect.bisect_left(times, hi) - bisect.bisect_left(times, lo)
        said = f"no {kind} backup from {ctx.fmt(lo, rules)} to {ctx.fmt(hi, rules)}"
        status = _status(ctx, rules, rule, count, hi, f"{kind}:{ws.isoformat()}", said)
        rows.append(
            BackupRow(
                kind=kind, day=day, status=status, backups=count, window_start=rules.dt(lo), window_end=rules.dt(hi)
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
        missing = " and ".join(f"`{f}`" for f, v in (("zone", zone), ("primary_zone", primary)) if v is None)
        msg = f"{kind} backup {ctx.fmt(r[0], rules)} states no {missing}: the other-zone rule cannot be verified"
        fault: Literal["unstated", "primary"] = "unstated"
    elif zone == primary:
        msg = f"{kind} backup {ctx.fmt(r[0], rules)} is in zone `{zone}`, the primary zone itself"
        fault = "primary"
    else:
        return
    ctx.violations.append(
        Violation(
            kind="backup_zone",
            id=ident,
            message=msg,
            at=rules.dt(r[0]),
            ref=art(rule.ref),
            backup_kind=kind,
            zone_fault=fault,
        )
    )


def _retention(ctx: Ctx, backups: dict[str, list[Rec]], completed: dict[str, Rec]) -> list[RetentionRow]:
    rows: list[RetentionRow] = []
    for ident, recs in backups.items():
        for r in recs:
            if r[1] != DELETED or not ctx.p0 <= r[0] < ctx.p1:
                continue
            rules = ctx.versions.at(r[0])
            kind = r[2][0]
            comp = completed.get(ident)
            steps: list[Step] = []
            keep_until: float | None = None
            ok = True
            if comp is None:
                ctx.bad_data(ident, DataNote(what="unknown_backup"), r[3], r[0])
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
