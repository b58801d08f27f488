"""Render a :class:`~sla_dsl.report.Report`: JSON, terminal text, Markdown, HTML.

Design notes
------------
* JSON is ``model_dump(mode="json")``: the contract, nothing rewritten.
  :func:`write_json` writes the same text for a report whose incident rows
  come as dicts, one at a time (a year's log does not fit as one model):
  the rest of the report goes through ``model_dump`` as usual and the rows
  through ``orjson``, which writes the same JSON for the values a row holds
  (strings, booleans, null, datetimes with ``Z`` for UTC as pydantic does; no
  floats). A test checks that both paths give the same bytes.
* Text, Markdown and HTML are built from one list of sections (title, header
  row, rows), so the three always show the same facts; HTML adds an inline SVG
  timeline of the period (maintenance, noticed stops, excluded and counted
  outages). Words come from :data:`WORDS` in Japanese or English; rule names
  (priorities) come from the policy's own labels.
* Ids and other text from the event log are shown, never obeyed: every cell
  of the text report (and of ``sla explain``) goes through
  :func:`.escape.printable`, of Markdown through :func:`.escape.markdown_cell`,
  of HTML through :func:`.escape.html_text` (see :mod:`.escape`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import IO, Any, Protocol, TypeVar, cast

import orjson

from ..policy.compiled import Policy
from . import IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from .blocks import write_blocks
from .escape import html_text, markdown_cell, printable

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Service level report",
        "period": "Period",
        "as_of": "as of",
        "version": "policy version",
        "availability": "Availability",
        "measured": "measured",
        "downtime": "downtime",
        "ratio": "availability",
        "excused": "excused (maintenance, noticed stops)",
        "excluded": "excluded (Article 4)",
        "incidents": "Incidents: response targets",
        "priority": "priority",
        "total": "total",
        "met": "met",
        "breached": "breached",
        "open": "open",
        "at_risk": "at risk",
        "completed": "completed",
        "not_met": "Incidents not met",
        "id": "id",
        "due": "due",
        "responded": "responded",
        "status": "status",
        "outages": "Outages and recovery notices",
        "start": "start",
        "end": "end",
        "notice_due": "notice due",
        "notice": "notice",
        "minutes": "min",
        "stops": "Planned stops",
        "notice_at": "notice sent",
        "channel": "channel",
        "valid": "valid",
        "yes": "yes",
        "no": "no",
        "maintenance": "Regular maintenance",
        "moved": "moved",
        "backups": "Backups",
        "kind": "kind",
        "ok": "ok",
        "missed": "missed",
        "pending": "pending",
        "days_missed": "days missed",
        "violations": "Violations",
        "more": "… and {n:,} more (--limit 0 lists all; json, markdown and html always do)",
        "message": "message",
        "none": "none",
        "timeline": "Availability timeline",
        "still_open": "open",
        "legend": "maintenance · noticed stop · excluded · downtime",
        "excluded_n": "excluded",
        "not_applicable": "n/a",
        "clock_start": "clock start",
    },
    "ja": {
        "title": "サービスレベル報告書",
        "period": "対象期間",
        "as_of": "時点",
        "version": "規定バージョン",
        "availability": "稼働率",
        "measured": "測定時間",
        "downtime": "停止時間",
        "ratio": "稼働率",
        "excused": "除外時間（定期メンテナンス・通知済み計画停止）",
        "excluded": "適用外（第4条）",
        "incidents": "障害対応：応答目標",
        "priority": "優先度",
        "total": "件数",
        "met": "達成",
        "breached": "未達",
        "open": "対応中",
        "at_risk": "要注意",
        "completed": "完了",
        "not_met": "目標未達の案件",
        "id": "ID",
        "due": "期限",
        "responded": "応答",
        "status": "状態",
        "outages": "障害と復旧情報通知",
        "start": "開始",
        "end": "終了",
        "notice_due": "通知期限",
        "notice": "通知",
        "minutes": "分",
        "stops": "計画停止",
        "notice_at": "通知日時",
        "channel": "手段",
        "valid": "有効",
        "yes": "はい",
        "no": "いいえ",
        "maintenance": "定期メンテナンス",
        "moved": "延期",
        "backups": "バックアップ",
        "kind": "種類",
        "ok": "実施",
        "missed": "未実施",
        "pending": "未確定",
        "days_missed": "未実施日",
        "violations": "違反・要対応事項",
        "more": "… ほか {n:,} 件（--limit 0 で全件表示。json・markdown・html は常に全件）",
        "message": "内容",
        "none": "なし",
        "timeline": "稼働状況",
        "still_open": "継続中",
        "legend": "定期メンテナンス・計画停止・適用外・停止",
        "clock_start": "起算時刻",
        "excluded_n": "適用外",
        "not_applicable": "対象外",
    },
}

Section = tuple[str, list[str], list[list[str]]]
T = TypeVar("T")


class IncidentLike(Protocol):
    """What the tables read from an incident row (an IncidentRow or a compact verdict)."""

    @property
    def id(self) -> str: ...
    @property
    def priority(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def clock_start(self) -> dt.datetime: ...
    @property
    def response_due(self) -> dt.datetime | None: ...
    @property
    def responded_at(self) -> dt.datetime | None: ...
    @property
    def is_completed(self) -> bool: ...


def render(
    report: Report,
    fmt: str,
    *,
    lang: str = "en",
    policies: Sequence[Policy] = (),
    incidents: Sequence[IncidentLike] | None = None,
    violations: Sequence[Violation] | None = None,
    limit: int | None = None,
) -> str:
    """The report as ``json``, ``text``, ``markdown`` or ``html``.

    ``incidents`` stands in for ``report.incidents`` in the tables (compact verdicts
    whose explanations are never built), and ``violations`` for ``report.violations``;
    JSON always uses the report itself.
    ``limit`` caps the long lists of the text summary (incidents not met,
    violations) with a line saying how many more there are; the documents
    (markdown, html) and JSON always list every row.
    """
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    w = WORDS.get(lang, WORDS["en"])
    cap = limit if fmt == "text" and limit else None
    sections = _sections(
        report,
        w,
        lang,
        policies,
        report.incidents if incidents is None else incidents,
        report.violations if violations is None else violations,
        cap,
    )
    if fmt == "markdown":
        return _markdown(report, sections, w)
    if fmt == "html":
        return _html(report, sections, w, lang)
    return _text(report, sections, w)


def _t(t: dt.datetime | None) -> str:
    if t is None:
        return "-"
    if t.year < 1000:  # strftime's %Y, whatever the platform pads it to
        return f"{t:%Y-%m-%d %H:%M}"
    return f"{t.year}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"  # %Y-%m-%d %H:%M, faster


_JSON_ROW = orjson.OPT_INDENT_2 | orjson.OPT_UTC_Z


class RowSource(Protocol):
    """Rows of a long list, each built as its JSON value when asked for (a block at a time)."""

    def __len__(self) -> int: ...
    def json_rows(self, start: int, stop: int) -> Iterable[dict[str, Any]]: ...


def write_json(
    report: Report,
    rows: RowSource | Iterable[dict[str, Any]],
    out: IO[bytes],
    violations: RowSource | Iterable[dict[str, Any]] | None = None,
) -> None:
    """Write ``render(report, "json")`` with ``rows`` as its incident rows, row by row.

    ``report`` has no incident rows of its own; each row is the ``model_dump(mode="json")``
    of an IncidentRow, except that times may still be datetimes. The violations (as many
    as the breaches) are written the same way: ``violations`` when given, else the report's.
    Rows from a :class:`RowSource` are rendered in blocks, on two cores when there are
    many (:func:`.blocks.write_blocks`).
    """
    skeleton = report.model_copy(update={"violations": []})
    text = render(skeleton, "json")
    # Top-level keys: a string value cannot hold a raw newline, so these lines are the keys.
    inc_key, vio_key = '\n  "incidents": [],\n', '\n  "violations": [],\n'
    inc = text.index(inc_key)
    vio = text.index(vio_key, inc)
    out.write(text[:inc].encode())
    _write_list(out, "incidents", rows)
    out.write(text[inc + len(inc_key) : vio].encode())
    _write_list(out, "violations", (v.model_dump() for v in report.violations) if violations is None else violations)
    out.write(text[vio + len(vio_key) :].encode())


def _write_list(out: IO[bytes], key: str, rows: RowSource | Iterable[dict[str, Any]]) -> None:
    """``\n  "key": [...],\n`` as ``json.dumps(..., indent=2)`` writes it at the top level."""
    out.write(f'\n  "{key}": ['.encode())
    if hasattr(rows, "json_rows"):
        source = cast(RowSource, rows)
        n = len(source)
        write_blocks(out, n, lambda a, b: _json_block(source.json_rows(a, b), a == 0))
    else:
        n = 0
        chunk: list[dict[str, Any]] = []
        for r in rows:
            chunk.append(r)
            if len(chunk) >= 2000:
                out.write(_json_block(chunk, n == 0))
                n += len(chunk)
                chunk.clear()
        out.write(_json_block(chunk, n == 0))
        n += len(chunk)
    out.write(b"\n  ],\n" if n else b"],\n")


def _json_block(rows: Iterable[dict[str, Any]], first: bool) -> bytes:
    """Rows as the indented items of a top-level list (the first one without a comma before it)."""
    dumps = orjson.dumps
    parts = [b",\n    " + dumps(r, option=_JSON_ROW).replace(b"\n", b"\n    ") for r in rows]
    if first and parts:
        parts[0] = parts[0][1:]
    return b"".join(parts)


def _capped(rows: Sequence[T], limit: int | None) -> tuple[Sequence[T], int]:
    """The first ``limit`` rows (all when ``limit`` is None) and how many were left out."""
    if limit is None or len(rows) <= limit:
        return rows, 0
    return rows[:limit], len(rows) - limit


def _more(hidden: int, width: int, w: dict[str, str]) -> list[list[str]]:
    """The closing row of a capped table, or nothing."""
    return [[w["more"].format(n=hidden)] + [""] * (width - 1)] if hidden else []


def _sections(
    report: Report,
    w: dict[str, str],
    lang: str,
    policies: Sequence[Policy],
    incidents: Sequence[IncidentLike],
    violations: Sequence[Violation],
    limit: int | None = None,
) -> list[Section]:
    a = report.availability
    out: list[Section] = [
        (
            w["availability"],
            ["", w["minutes"]],
            [
                [w["measured"], f"{a.measured_minutes:,.1f}"],
                [w["downtime"], f"{a.downtime_minutes:,.1f}"],
                [w["excused"], f"{a.excused_minutes:,.1f}"],
                [w["excluded"], f"{a.excluded_minutes:,.1f}"],
                [w["ratio"], f"{a.ratio:.4%}"],
            ],
        )
    ]
    labels = {p.id: p.label.text(lang) for pol in policies for p in pol.model.priorities}
    by: dict[str, Counter[str]] = {}
    # One pass in Counter's C loop: a year's log has hundreds of thousands of incidents.
    for (pid, status, done), n in Counter((i.priority, i.status, i.is_completed) for i in incidents).items():
        c = by.setdefault(pid, Counter())
        c[status] += n
        c["total"] += n
        c["completed"] += n if done else 0
    cols = ["total", "met", "breached", "open", "at_risk", "excluded", "completed"]
    rows = [[f"{pid} {labels.get(pid, '')}".strip()] + [str(by[pid][k]) for k in cols] for pid in sorted(by)]
    names = {**w, "excluded": w["excluded_n"]}
    out.append((w["incidents"], [w["priority"]] + [names.get(k, k) for k in cols], rows))
    bad = [i for i in incidents if i.status in ("breached", "at_risk")]
    if bad:
        shown, hidden = _capped(bad, limit)
        out.append(
            (
                w["not_met"],
                [w["id"], w["priority"], w["clock_start"], w["due"], w["responded"], w["status"]],
                [
                    [i.id, i.priority, _t(i.clock_start), _t(i.response_due), _t(i.responded_at), w[i.status]]
                    for i in shown
                ]
                + _more(hidden, 6, w),
            )
        )
    out.append(
        (
            w["outages"],
            [w["id"], w["start"], w["end"], w["downtime"], w["notice_due"], w["notice"]],
            [
                [
                    o.id,
                    _t(o.start),
                    _t(o.end) if o.end else w["still_open"],
                    f"{o.downtime_minutes:,.1f}",
                    _t(o.notice_due),
                    w.get(o.notice_status, o.notice_status),
                ]
                for o in report.outages
            ],
        )
    )
    out.append(
        (
            w["stops"],
            [w["id"], w["start"], w["end"], w["notice_at"], w["channel"], w["valid"]],
            [
                [s.id, _t(s.start), _t(s.end), _t(s.notice_at), s.channel or "-", w["yes" if s.notice_ok else "no"]]
                for s in report.planned_stops
            ],
        )
    )
    out.append(
        (
            w["maintenance"],
            [w["start"], w["end"], w["moved"]],
            [
                [_t(mw.start), _t(mw.end), (f"{mw.scheduled} → {mw.start:%Y-%m-%d} ({mw.reason})" if mw.moved else "-")]
                for mw in report.maintenance
            ],
        )
    )
    kinds: dict[str, Counter[str]] = {}
    missed: dict[str, list[str]] = {}
    for b in report.backups:
        kinds.setdefault(b.kind, Counter())[b.status] += 1
        if b.status == "missed":
            missed.setdefault(b.kind, []).append(f"{b.day:%m-%d}")
    out.append(
        (
            w["backups"],
            [w["kind"], w["ok"], w["missed"], w["pending"], w["days_missed"]],
            [
                [k, str(c["ok"]), str(c["missed"]), str(c["pending"]), ", ".join(missed.get(k, [])) or "-"]
                for k, c in kinds.items()
            ],
        )
    )
    out.append(
        (
            f"{w['violations']} ({len(violations)})",
            ["kind", w["id"], w["message"]],
            [[v.kind, v.id, v.message] for v in _capped(violations, limit)[0]]
            + _more(_capped(violations, limit)[1], 3, w),
        )
    )
    return out


def _head(report: Report, w: dict[str, str]) -> list[str]:
    p = report.period
    return [
        f"{report.policy.name}: {w['title']}",
        f"{w['period']}: {_t(p.start)} → {_t(p.end)} ({w['as_of']} {_t(p.as_of)}, {report.timezone}); "
        f"{w['version']} {', '.join(v.version for v in report.versions)}",
    ]


def _width(s: str) -> int:
    if s.isascii():
        return len(s)
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _text(report: Report, sections: list[Section], w: dict[str, str]) -> str:
    lines = [printable(h) for h in _head(report, w)]
    for title, header, raw in sections:
        rows = [[printable(c) for c in r] for r in raw]
        lines += ["", printable(title)]
        if not rows:
            lines.append(f"  ({w['none']})")
            continue
        footer = [r[0] for r in rows if r and r[0].startswith("…") and not any(r[1:])]  # rows cut by --limit
        table = [header, *(r for r in rows if not (r and r[0].startswith("…") and not any(r[1:])))]
        # A column of ASCII text (most are: ids, times, numbers) is measured by len.
        plain = ["".join(r[i] for r in table).isascii() for i in range(len(header))]
        widths = [max(map(len if plain[i] else _width, (r[i] for r in table))) for i in range(len(header))]
        pads = list(zip(widths, plain, strict=True))
        for r in table:
            cells = [c.ljust(wd) if ok else c + " " * (wd - _width(c)) for c, (wd, ok) in zip(r, pads, strict=False)]
            lines.append(("  " + "  ".join(cells)).rstrip())
        lines += [f"  {note}" for note in footer]
    return "\n".join(lines) + "\n"


def _markdown(report: Report, sections: list[Section], w: dict[str, str]) -> str:
    head = [markdown_cell(h) for h in _head(report, w)]
    lines = [f"# {head[0]}", "", head[1]]
    for title, header, rows in sections:
        lines += ["", f"## {markdown_cell(title)}", ""]
        if not rows:
            lines.append(f"_{markdown_cell(w['none'])}_")
            continue
        lines.append("| " + " | ".join(markdown_cell(h) if h else " " for h in header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(markdown_cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _html(report: Report, sections: list[Section], w: dict[str, str], lang: str) -> str:
    e = html_text
    head = _head(report, w)
    parts = [
        f'<!doctype html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n<title>{e(head[0])}</title>',
        "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em}"
        "th{background:#f4f4f4}td{font-variant-numeric:tabular-nums}</style>\n</head>\n<body>",
        f"<h1>{e(head[0])}</h1>\n<p>{e(head[1])}</p>",
        f"<h2>{e(w['timeline'])}</h2>\n{timeline_svg(report)}\n<p><small>{e(w['legend'])}</small></p>",
    ]
    for title, header, rows in sections:
        parts.append(f"<h2>{e(title)}</h2>")
        if not rows:
            parts.append(f"<p>{e(w['none'])}</p>")
            continue
        parts.append("<table>\n<tr>" + "".join(f"<th>{e(h)}</th>" for h in header) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows]
        parts.append("</table>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


def timeline_svg(report: Report, width: int = 900) -> str:
    """An inline SVG bar of the period: maintenance, noticed stops, excluded and counted outages."""
    p0, p1 = report.period.start.timestamp(), report.period.end.timestamp()
    span = max(p1 - p0, 1.0)

    def x(t: float) -> float:
        return round(10 + (min(max(t, p0), p1) - p0) / span * (width - 20), 2)

    bars: list[str] = []

    def bar(a: float, b: float, y: int, h: int, color: str, title: str) -> None:
        x0, x1 = x(a), x(b)
        if x1 > x0 or b > a:
            bars.append(
                f'<rect x="{x0}" y="{y}" width="{max(x1 - x0, 1.0):.2f}" height="{h}" fill="{color}">'
                f"<title>{html_text(title)}</title></rect>"
            )

    for mw in report.maintenance:
        bar(mw.start.timestamp(), mw.end.timestamp(), 10, 30, "#9e9e9e", f"maintenance {_t(mw.start)}")
    for s in report.planned_stops:
        if s.notice_ok:
            bar(s.start.timestamp(), s.end.timestamp(), 10, 30, "#64b5f6", f"planned stop {s.id}")
    as_of = report.period.as_of.timestamp()
    for o in report.outages:
        end = o.end.timestamp() if o.end else as_of
        color = "#ffd54f" if o.notice_status == "excluded" else ("#e53935" if o.downtime_minutes else "#bdbdbd")
        bar(o.start.timestamp(), end, 15, 20, color, f"{o.id} {o.downtime_minutes:.1f} min")
    ticks = []
    day = report.period.start.date()
    tz = report.period.start.tzinfo
    while True:
        t = dt.datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()
        if t > p1:
            break
        if t >= p0:
            ticks.append(f'<line x1="{x(t)}" y1="40" x2="{x(t)}" y2="45" stroke="#555"/>')
            if day.day in (1, 8, 15, 22, 29):
                ticks.append(f'<text x="{x(t)}" y="58" font-size="10" text-anchor="middle">{day:%m-%d}</text>')
        day += dt.timedelta(days=1)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="64" role="img" '
        f'aria-label="availability timeline">'
        f'<rect x="10" y="10" width="{width - 20}" height="30" fill="#c8e6c9"/>'
        + "".join(bars)
        + "".join(ticks)
        + "</svg>"
    )


def render_explain(report: Report, rows: list[IncidentRow | OutageRow | StopRow | RetentionRow], fmt: str) -> str:
    """The explanation of the given rows (text: one step per line; json: the rows)."""
    if fmt == "json":
        return json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2) + "\n"
    out: list[str] = []
    for r in rows:
        out.append(printable(_summary(r)))
        for s in r.explain:
            at = f"{s.at:%Y-%m-%d %H:%M}  " if s.at else ""
            ref = f"  [{s.ref}]" if s.ref else ""
            out.append(printable(f"  - {at}{s.text}{ref}"))
    return "\n".join(out) + "\n"


def _summary(r: Any) -> str:
    if isinstance(r, IncidentRow):
        return f"incident {r.id} ({r.priority}, version {r.policy_version}): {r.status}"
    if isinstance(r, OutageRow):
        return (
            f"outage {r.id} (version {r.policy_version}): {r.downtime_minutes:.1f} min downtime, "
            f"notice {r.notice_status}"
        )
    if isinstance(r, StopRow):
        return f"planned stop {r.id} (version {r.policy_version}): notice {'valid' if r.notice_ok else 'not valid'}"
    return f"backup {r.id} ({r.kind}): retention {'ok' if r.ok else 'violated'}"
