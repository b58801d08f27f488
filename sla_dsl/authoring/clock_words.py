"""Clocks in words for the language server's hover (issue 12): start, pauses, stops, resets, restarts,
cancels, warning; and a target's out-of-hours time."""

from __future__ import annotations

from ..lang import model as m


def hover_clock(c: m.ClockRule, pm: m.PolicyModel) -> str:
    """Markdown for a hover on a clock's name: its life cycle and the targets measured on it."""
    lines = [f"**clock `{c.name}`** {c.label.text('en')}".rstrip()]
    lines.append("- starts at " + ", else ".join(f"`{e}`" for e in c.starts))
    lines += [f"- pauses at `{p.at}` until `{p.until}`" for p in c.pauses]
    if c.stops:
        lines.append("- stops at " + ", ".join(f"`{e}`" for e in c.stops))
    if c.resets:
        lines.append("- starts again from zero at " + ", ".join(f"`{e}`" for e in c.resets))
    if c.restarts:
        lines.append("- once stopped, starts again from zero at " + ", ".join(f"`{e}`" for e in c.restarts))
    if c.cancels:
        lines.append("- cancelled at " + ", ".join(f"`{e}`" for e in c.cancels) + ": its targets withdrawn, unjudged")
    if c.at_risk_percent is not None:
        lines.append(f"- at risk at {c.at_risk_percent:g}% of a target")
    used = [
        f"{p.id} {t.kind.replace('_', ' ')} {t.duration}"
        + (f" (+{t.out_of_hours.extra} out of hours)" if t.out_of_hours else "")
        for p in pm.priorities
        for t in p.targets
        if t.clock == c.name
    ]
    if used:
        lines.append("- measures: " + "; ".join(used))
    return "\n".join(lines)


def hover_out_of_hours(t: m.ClockTarget, ooh: m.OutOfHours) -> str:
    """Markdown for a hover on a target's out-of-hours tail (``, plus 24 hours if received outside business
    hours``): Request Tracker's ``OutOfHours``, per cycle of the clock."""
    total = f"{t.duration} + {ooh.extra}"
    return "\n".join(
        [
            f"**out of hours** `{t.kind.replace('_', ' ')}` on clock `{t.clock}`",
            f"- a cycle of the clock (its start, each reset or restart) that starts outside the open hours of "
            f"calendar `{ooh.calendar}` has {total} of running time",
            f"- one that starts in its open hours has {t.duration}",
        ]
    )
