"""Policy diagnostics in the policy's primary language (issue 16): Japanese for a ``languages ja, en`` policy.

Which codes have Japanese wording is read from the catalogue (``diag.<code>`` and
``diag.<code>.<variant>`` keys); the codes the checker can emit are read from the source of
the language and policy stages. Every covered code is rendered from real policies (the
malformed corpus and the snippets below) and its Japanese must hold no English word outside
backticks, with every place that raises it worded from the catalogue. Every code the checker
emits is covered; each situation of the codes worded last has a policy of its own (``VARIANTS``),
and E001 (a file that cannot be read) is read from files.
"""

from __future__ import annotations

import errno
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_not_judged import CASES as NOT_JUDGED  # a sibling module: tests/policy is no package

from sla_dsl.i18n import CATALOGUE
from sla_dsl.lang import model as m
from sla_dsl.lang import source
from sla_dsl.lang.diagnostics import Diagnostic, Severity, diagnostic, policy_language, summary, words
from sla_dsl.policy import compile_path
from sla_dsl.policy.load import compile_policy, compile_text, successor_findings, version_findings

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
STAGES = (ROOT / "sla_dsl" / "lang", ROOT / "sla_dsl" / "policy")
CORPUS_DIR = Path(__file__).parent / "malformed"
CORPUS = sorted(CORPUS_DIR.glob("*.sla"))

HEADER = 'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}\n'
CALENDAR = "calendar business {\n  days mon..fri\n  hours 10:00-18:00\n  holidays JP\n}\n"

#: Policies that raise covered codes the malformed corpus does not reach.
SNIPPETS: dict[str, str] = {
    "E206-days": HEADER + "calendar late {\n  hours 10:00-18:00\n}\npriority P1 {\n  respond within 4 late hours\n}\n",
    "E207-none": HEADER + "priority P1 {\n  respond within 4 business hours\n}\n",
    "E017-W017-texts": HEADER + 'article 1 "C:\\data \\q" / "\u202eright to left"\n',
    "E218-planned": HEADER + CALENDAR + 'item 1 "x" {\n  rules planned stop\n}\n',
    "clocks": HEADER
    + CALENDAR
    + "clock response {\n  starts at incident.reported\n}\n"
    + "clock res {\n  starts at incident.reported\n"
    + "  pauses at incident.info_provided until incident.info_provided\n  stops at outage.ended\n}\n"
    + "clock nostop {\n  starts at incident.reported\n}\n"
    + "clock idle {\n  starts at incident.reported\n  stops at incident.resolved\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n"
    + "  resolve within 2 business days on nostop\n  resolve within 3 business days on nostop\n"
    + "  first reply within 1 month on res\n  first reply within 1 day on nosuch\n"
    + "  update every 4 business hours on res by outage.notified\n}\n",
    "E242": HEADER
    + CALENDAR
    + "clock response {\n  starts at incident.reported\n  stops at incident.resolved\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n}\n",
    # the first clock measures the plain `respond within` for want of a `response` clock: declare one
    "E242-first-clock": HEADER
    + CALENDAR
    + "clock ttr {\n  starts at incident.reported\n"
    + "  pauses at incident.info_provided until incident.customer_replied\n  stops at incident.resolved\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n  resolve within 2 business days on ttr\n}\n",
    "E218-none-near": HEADER + CALENDAR + 'item 4 "x" / "x" {\n  rules notify recovery\n}\n',
    # syntax errors, one per declaration: each help (what the author meant, else the form being written)
    "E011-helps": HEADER
    + CALENDAR
    + "clock a {\n  starts at incident.reported\n  stops at incident.resolved or incident.closed\n}\n"
    + "clock b {\n  starts at incident.reported\n"
    + "  pauses at incident.info_provided until incident.customer_replied, incident.responded\n}\n"
    + "attribute plan {\n  values gold, std\n}\n"
    + "attribute channel {\n  values ja, en\n}\n"
    + "priority P1 {\n  when plan = gold or plan = std\n  respond within 1 hour\n}\n"
    + "priority P1 {\n  when plan = gold or channel = en\n  respond within 1 hour\n}\n"
    + "notify n {\n  when plan = gold or channel = en\n  within 1 hour after outage.started\n}\n"
    + "priority P2 {\n  respond within 1 hour\n  resolve within 2 business days\n}\n"
    + 'priority P3 "三" "Three" {\n  respond within 1 hour\n}\n'
    + "clock c {\n  starts at incident.reported\n  stops at\n}\n"
    + "calendar d {\n  days mon..fri\n  2026-04-01\n}\n"
    + 'article  "条" / "Article"\n'
    + "priority P4 [art\n}\n"
    + "}\n",
    "E011-policy-name": HEADER.replace('sla "T" {', 'sla "移行" / "Migration" {') + CALENDAR,
    "E012-head": HEADER + CALENDAR + "priority P1 [art",
    **{
        f"languages-{i}": HEADER.replace("}\n", f"  {line}\n}}\n", 1)
        for i, line in enumerate(
            [
                "languages fr, en",
                "languages JA, en",
                "languages ja, ja",
                'languages ja, en\n  provider "会社" / ""',
                'languages ja, en\n  provider "会社"',
                'languages ja, en\n  provider "Company" / "会社"',
            ]
        )
    },
    **{f"E220-{name}": CLICKSOKO.rstrip("\n") + "\n\n" + block for name, (block, _) in NOT_JUDGED.items()},
    "E220-notice": CLICKSOKO.replace("notice 1 week before start date", "notice 3 business days before start date"),
    "E220-notify-event": CLICKSOKO.rstrip("\n")
    + '\n\nnotify ack "受付" / "Ack" {\n  within 1 hours after stop.announced\n  met by stop.announced\n}\n',
    **{
        f"calendar-{i}": HEADER
        + "calendar business {\n"
        + body
        + "}\npriority P1 {\n  respond within 4 business hours\n}\n"
        for i, body in enumerate(
            [
                "  hours mon..fri 10:00-12:00, 11:00-18:00\n",
                "  hours mon 10:00-12:00, 20:00-11:00\n  hours tue 10:00-18:00\n",
                "  days mon..fri\n  hours 10:00-18:00\n  hours sat 10:00-13:00\n",
                "  days mon..sat\n  hours mon..fri 10:00-18:00\n",
                "  hours mon..fri 10:00-18:00\n  open 2026-11-29\n",
                "  days mon..fri\n  hours 10:00-18:00\n  hours 2026-12-28 10:00-12:00\n"
                "  hours 2026-12-27..2026-12-28 13:00-14:00\n",
                "  days mon..fri\n  hours 10:00-18:00\n  closed 2026-11-29 10:00-12:00\n",
                "  hours 10:00-18:00\n  hours mon..fri 09:00-17:00\n",
                '  days mon..fri\n  hours 10:00-18:00\n  holiday 2026-12-24 "a" / "a"\n'
                '  holiday 2026-12-24 "b" / "b"\n',
            ]
        )
    },
    "events-attributes": HEADER
    + CALENDAR
    + 'event incident.reported "報告" / "Reported"\n'
    + 'event incident.chat_started "チャット" / "Chat"\n'
    + 'event incident.chat_started "チャット" / "Chat"\n'
    + "attribute plan {\n  values standard, premium, standard\n  default gold\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n}\n",
    "E250-empty": HEADER + CALENDAR + "attribute plan {\n  default gold\n}\n",
    "E200-attribute-E251": HEADER
    + CALENDAR
    + "attribute plan {\n  values standard, premium\n  default standard\n}\n"
    + "attribute plan {\n  values standard\n}\n"
    + "priority P1 {\n  when plan = premum\n  respond within 1 hour\n}\n"
    + "priority P1 {\n  when plann = premium\n  respond within 1 hour\n}\n"
    + "priority P1 {\n  when tier = gold\n  respond within 1 hour\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n}\n",
}


def _calendar(body: str, extra: str = "") -> str:
    """A policy with one calendar ``business`` of ``body`` and a P1 target on it."""
    return HEADER + "calendar business {\n" + body + "}\npriority P1 {\n  respond within 4 business hours\n}\n" + extra


#: The head of a policy with attributes (one line per declaration), for the checks of conditions.
PLANS = (
    'sla "T" { format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo }\n'
    "attribute plan { values standard, premium default standard }\n"
    "attribute channel { values ja, en default ja }\n"
    "calendar business { days mon..fri hours 10:00-12:00, 13:00-18:00 holidays JP }\n"
)
_NOTIFY = "notify {n} {{ when {c} within 1 hour after outage.started met by outage.notified }}\n"
_SERVICE = "calendar always {{ days mon..sun hours 00:00-24:00 }}\nservice s {{ hours always {body} }}\n"
_MONTHLY = "maintenance m {{\n  every {every}, 22:00-24:00\n}}\n"

#: Policies that raise each variant of the codes worded last (E001 is read from files: see its own test).
VARIANTS: dict[str, str] = {
    "E201-days": _calendar("  days fri..mon\n  hours 10:00-18:00\n"),
    "E201-dates": _calendar("  days mon..fri\n  hours 10:00-18:00\n  closed 2026-12-31..2026-12-01\n"),
    "E204-country": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays JQ\n"),
    "E204-upper": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays us-ny\n"),
    "E204-unknown": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays QQ\n"),
    "E204-subdivision": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays US-NQ\n"),
    "E204-subdivision-far": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays US-QQQQ\n"),
    "E204-subdivisions-many": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays IT-QQQQ\n"),
    "E204-no-subdivisions": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays IS-QQ\n"),
    "E205-unknown": HEADER.replace("Asia/Tokyo", "Asia/Tokio"),
    "E205-far": HEADER.replace("Asia/Tokyo", "Qqqq/Qqqq"),
    "E205-localtime": HEADER.replace("Asia/Tokyo", "localtime"),
    "E205-factory": HEADER.replace("Asia/Tokyo", "Factory"),
    "E205-posixrules": HEADER.replace("Asia/Tokyo", "posixrules"),
    "E205-path": HEADER.replace("Asia/Tokyo", '"../Asia/Tokyo"'),
    "E205-folder": HEADER.replace("Asia/Tokyo", '"posix/Asia/Tokyo"'),
    "E205-abbreviation": HEADER.replace("Asia/Tokyo", "JST"),
    "E205-abbreviations": HEADER.replace("Asia/Tokyo", "CST"),
    "E205-offset": HEADER.replace("Asia/Tokyo", '"UTC+9"'),
    "E205-offset-half": HEADER.replace("Asia/Tokyo", '"UTC+5:30"'),
    "E204-language": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays EN\n"),
    "W204": HEADER.replace("Asia/Tokyo", "MST") + CALENDAR,
    "W204-calendar": _calendar("  timezone CET\n  days mon..fri\n  hours 10:00-18:00\n"),
    "W241": HEADER
    + CALENDAR
    + "clock response {\n  starts at incident.reported, else incident.product_suspected\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n}\n",
    "W258-maintenance": PLANS + _SERVICE.format(body="except maintenance"),
    "W258-planned": PLANS
    + _SERVICE.format(body="except maintenance, planned stops")
    + "maintenance m { every month on 3rd wed, 22:00-24:00 }\n",
    # a priority's credit per breached target: with no target line above it, a second one, a cap below it
    "E266": HEADER + CALENDAR + "priority P1 {\n  credit 5% per breach\n  respond within 1 hour\n}\n",
    "E212-breach-credit": HEADER
    + CALENDAR
    + "priority P1 {\n  respond within 1 hour\n  credit 5% per breach\n  credit 2% per breach\n}\n",
    "W263": HEADER + CALENDAR + "priority P1 {\n  respond within 1 hour\n  credit 30% per breach, at most 10%\n}\n",
    # the header's cap on the sum of every credit of a period
    "E267": HEADER.replace("}\n", "  credit total at most 30% monthly\n}\n", 1)
    + CALENDAR
    + "priority P1 {\n  respond within 1 hour\n  credit 5% per breach quarterly\n}\n",
    "E268": HEADER.replace("}\n", "  credit total at most 30% monthly\n}\n", 1)
    + CALENDAR
    + "attribute plan { values standard, premium default standard }\n"
    + "priority P1 {\n  when plan = premium\n  respond within 1 hour\n  credit 5% per breach\n}\n"
    + "priority P1 {\n  respond within 4 hours\n}\n",
    "W265": HEADER.replace("}\n", "  credit total at most 30% monthly\n}\n", 1)
    + CALENDAR
    + "priority P1 {\n  respond within 1 hour\n  credit 5% per breach, at most 50%\n}\n",
    "W241-twice": HEADER
    + CALENDAR
    + "clock response {\n  starts at incident.reported, else incident.reported\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n}\n",
    "W262": HEADER.replace("}", "  languages ja\n}", 1)
    + CALENDAR
    + 'priority P1 "Priority 1" {\n  respond within 1 hour\n}\n',
    "W262-pair": HEADER.replace("}", "  languages ja, en\n}", 1)
    + CALENDAR
    + 'priority P1 "Priority 1" {\n  respond within 1 hour\n}\n',
    "E213-business-day": HEADER + CALENDAR + "priority P1 {\n  respond by end of 0th business day\n}\n",
    "E213-weekday": _calendar("  days mon..fri\n  hours 10:00-18:00\n", _MONTHLY.format(every="month on 6th thu")),
    "E214": HEADER.replace("format 1", "format 2"),
    "E215-too-long": HEADER + CALENDAR + "priority P1 {\n  respond within 99999999 hours\n}\n",
    "E215-zero": HEADER + CALENDAR + "priority P1 {\n  respond within 0 hours\n}\n",
    "E215-percent": HEADER + CALENDAR + "service s {\n  hours business\n  availability target 150%\n}\n",
    "E215-channel": CLICKSOKO.replace("before start date by email", "before start date by fax"),
    "E215-channel-near": CLICKSOKO.replace("before start date by email", "before start date by emial"),
    "E215-condition": CLICKSOKO.rstrip("\n")
    + '\n\nnotify n "n" / "n" {\n  within 1 hours after outage.recognized\n'
    + "  only if outage.started during business hours\n  met by outage.notified\n}\n",
    "E215-backup": HEADER + CALENDAR + "backup files {\n  every 1 day\n  continuous\n}\n",
    "E216": HEADER + CALENDAR + "priority P1 {\n  respond within 2 business weeks\n}\n",
    "E219": HEADER + 'article 1234567890 "条" / "Article"\n',
    "E230-zero": _calendar("  days mon..fri\n  hours 10:00-10:00\n"),
    "E230-end-of-day": _calendar("  days mon..fri\n  hours 24:00-02:00\n"),
    "E232-closed": _calendar(
        "  days mon..fri\n  hours 10:00-18:00\n  closed 2026-12-29..2027-01-03\n  hours 2026-12-30 10:00-12:00\n"
    ),
    "E232-holiday": _calendar(
        '  days mon..fri\n  hours 10:00-18:00\n  holiday 2026-12-24 "休" / "Off"\n  closed 2026-12-24 13:00-18:00\n'
    ),
    "E232-yearly": _calendar(
        "  days mon..fri\n  hours 10:00-18:00\n  closed yearly 12-29..01-03\n  hours 2026-12-30 10:00-12:00\n"
    ),
    "E234-step": _calendar(
        "  days mon..fri\n  hours 10:00-18:00\n", _MONTHLY.format(every="0 months from 2026-03 on last day")
    ),
    "E234-since": _calendar(
        "  days mon..fri\n  hours 10:00-18:00\n", _MONTHLY.format(every="3 months from 2026-13 on last day")
    ),
    "E234-twice": _calendar("  days mon..fri\n  hours 10:00-18:00\n", _MONTHLY.format(every="month on 2nd, 2nd thu")),
    "E235-unknown": _calendar("  timezone Europe/Lodnon\n  hours mon..fri 10:00-18:00\n"),
    "E235-localtime": _calendar("  timezone localtime\n  hours mon..fri 10:00-18:00\n"),
    "E249-fixed": HEADER + CALENDAR + 'event outage.rebooted "再起動" / "Rebooted"\n',
    "E249-family": HEADER + CALENDAR + 'event widget.moved "移動" / "Moved"\n',
    "E252": PLANS + "priority P1 { when plan = premium respond within 1 hour }\n",
    "E252-many": PLANS + "priority P1 { when plan = premium and channel = en respond within 1 hour }\n",
    "E253-no-target": PLANS
    + "calendar always { days mon..sun hours 00:00-24:00 }\n"
    + "service s { hours always\n credit below 99% 10% }\n",
    "E253-W252-W253": PLANS
    + _SERVICE.format(
        body="availability target 99.5% credit below 99.9% 10%, below 99% 25%, below 99% 30%, below 98% 20%"
    ),
    "W201": HEADER + CALENDAR + "priority P1 {\n  respond within 4 business hour\n}\n",
    "W202": _calendar("  days mon, mon..fri\n  hours 10:00-18:00\n"),
    "W203": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays JP, GB\n  holidays JP\n"),
    "W248": HEADER
    + CALENDAR
    + "clock c {\n  starts at incident.reported\n  stops at incident.resolved\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n  same day if received 4 hours before close of business\n"
    + "  first reply within 1 business day on c\n}\n",
    "W250-taken": PLANS
    + "priority P1 { respond within 4 hours }\npriority P1 { when plan = premium respond within 1 hour }\n",
    "W250-none": PLANS
    + "priority P1 { when plan = premium and plan != premium respond within 1 hour }\n"
    + "priority P1 { respond within 4 hours }\n",
    "W251": PLANS
    + "priority P1 { when plan = premium respond within 1 hour }\n"
    + "priority P1 { when channel = en respond within 2 hours }\npriority P1 { respond within 4 hours }\n",
    "W254": PLANS + _NOTIFY.format(n="a", c="plan = premium and plan != premium"),
    "W255": PLANS + _NOTIFY.format(n="a", c="plan = premium") + _NOTIFY.format(n="b", c="plan in (premium, standard)"),
    "W256-fallback": PLANS
    + _SERVICE.format(body="availability target 99.5% availability target 99.9% when plan = premium"),
    "W256-taken": PLANS
    + _SERVICE.format(
        body="availability target 99.9% when plan = premium availability target 99.8% when plan = premium "
        "availability target 99.5%"
    ),
    "W256-none": PLANS
    + _SERVICE.format(
        body="availability target 99.9% when plan = premium and plan != premium availability target 99.5%"
    ),
    "W257": PLANS
    + _SERVICE.format(
        body="availability target 99.9% when plan = premium availability target 99.8% when channel = en "
        "availability target 99.5%"
    ),
    "W302": HEADER + CALENDAR + "maintenance m {\n  every month on 4th thu, 12:00-14:00\n  calendar business\n}\n",
    "W303": HEADER + CALENDAR + "backup files {\n  every 1 day\n  keep 12 hours\n}\n",
    "W304": HEADER
    + CALENDAR
    + 'article 1 "条" / "Article"\nexclude force_majeure "不可抗力" / "Force majeure" [art 9]\n',
    "E302-no-hours": HEADER + "calendar business {\n  days mon..fri\n}\n",
    "E303-elapsed": HEADER.replace("2026-04-01", "2200-06-01")
    + CALENDAR
    + "priority P1 {\n  respond within 3650 days\n  same day if received 4 hours before close of business\n}\n",
    "E303-by-end": HEADER.replace("2026-04-01", "2200-06-01")
    + CALENDAR
    + "priority P1 {\n  respond by end of 3650th business day\n"
    + "  same day if received 4 hours before close of business\n}\n",
    "W305": _calendar("  days mon..fri\n  hours 10:00-18:00\n  holidays JP\n  hours 2026-11-23 10:00-12:00\n"),
    "W306": _calendar("  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  closed 2026-11-24 09:00-19:00\n"),
    # an attribute that changes during an incident (`changes at`): E254's three cases, and W259 (no `when` reads it)
    "E254-W259": HEADER
    + CALENDAR
    + "attribute plan {\n  values standard, premium\n"
    + "  changes at outage.started, incident.reported, incident.reprioritized, incident.reprioritized\n}\n"
    + "priority P1 {\n  respond within 4 business hours\n}\n",
}
SNIPPETS.update(VARIANTS)


def _codes_emitted() -> set[str]:
    """Every diagnostic code written in the language and policy stages (E: errors, W: warnings)."""
    found: set[str] = set()
    for folder in STAGES:
        for path in folder.glob("*.py"):
            found |= set(re.findall(r'"([EW]\d{3})"', path.read_text("utf-8")))
    return found


def _covered() -> set[str]:
    return {key.split(".")[1] for key in CATALOGUE if re.fullmatch(r"diag\.[EW]\d{3}(\..+)?", key)}


def _english_words(text: str) -> set[str]:
    """Latin words outside backticks (policy syntax, names and numbers in backticks are allowed)."""
    return set(re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", text)))


#: Versions of one policy checked together (``sla check a.sla b.sla``): each pair raises a finding about the
#: second one. Their files are named without Latin letters: the message names the other one.
VERSIONS: dict[str, tuple[str, str]] = {
    "E304": (HEADER, HEADER.replace('version "1"', 'version "2"')),
    "E305": (
        HEADER,
        HEADER.replace('version "1"', 'version "2"')
        .replace("2026-04-01", "2026-10-01")
        .replace("Asia/Tokyo", "Asia/Seoul"),
    ),
    "W307": (HEADER, HEADER.replace('version "1"', 'version "2"').replace("2026-04-01", "2026-01-01")),
    "E306": (HEADER, HEADER.replace("2026-04-01", "2026-10-01")),
    "E307": (
        HEADER,
        HEADER.replace('version "1"', 'version "2"').replace("2026-04-01", "2026-10-01").replace('sla "T"', 'sla "U"'),
    ),
}


def _versions() -> list[tuple[str, Diagnostic]]:
    out = []
    for name, texts in VERSIONS.items():
        compiled = [compile_text(t + CALENDAR, f"版{i}") for i, t in enumerate(texts, 1)]
        out += [(name, d) for c in version_findings(compiled) for d in c.diagnostics]
    # `sla diff OLD NEW` of a NEW that takes effect before OLD (W308)
    old, new = (compile_text(t + CALENDAR, f"版{i}") for i, t in enumerate(VERSIONS["W307"], 1))
    return out + [("W308", d) for d in successor_findings(old, new)]


def _diagnostics() -> list[tuple[str, Diagnostic]]:
    out = [(p.stem, d) for p in CORPUS for d in compile_path(p).diagnostics]
    out += [(name, d) for name, text in SNIPPETS.items() for d in compile_policy(text).diagnostics]
    return out + _versions()


def test_the_click_soko_typo_is_japanese_by_default_and_english_with_lang_en(tmp_path: Path, policy_text: str) -> None:
    bad = tmp_path / "clicksoko.sla"
    bad.write_text(policy_text.replace("respond within 4 business hours", "respond within 4 busness hours"), "utf-8")
    line = next(i for i, ln in enumerate(policy_text.splitlines(), 1) if "within 4 business hours" in ln)

    def check(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", "check", *args, str(bad)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
        )
        assert (proc.returncode, proc.stdout) == (1, "")
        return proc.stderr

    source = f"{line} |   respond within 4 busness hours\n{' ' * len(str(line))} |                  {'^' * 15}\n"
    assert (
        check()
        == check("--lang", "ja")
        == (
            f"{bad}:{line}:18: error: [E207] `busness` という名前のカレンダーはありません\n"
            + source
            + "  ヒント: `business` の誤りではありませんか？\n\nエラー1件、警告0件\n"
        )
    )
    assert check("--lang", "en") == (
        f"{bad}:{line}:18: error: [E207] no calendar is called `busness`\n"
        + source
        + "  help: did you mean `business`?\n\n1 error, 0 warnings\n"
    )


def test_the_language_is_the_declared_primary_one_else_english(policy_path: Path) -> None:
    model = compile_path(policy_path).model
    assert model is not None and model.header.languages == ("ja", "en")
    assert policy_language(model) == "ja"
    assert policy_language(None) == "en"  # the header could not be read
    undeclared = model.model_copy(update={"header": model.header.model_copy(update={"languages": ()})})
    assert policy_language(undeclared) == "en"
    english_first = model.model_copy(update={"header": model.header.model_copy(update={"languages": ("en", "ja")})})
    assert policy_language(english_first) == "en"


def test_coverage_of_the_codes_the_checker_emits() -> None:
    """Which codes have Japanese wording; a covered code must be one the checker emits."""
    emitted, covered = _codes_emitted(), _covered()
    assert covered <= emitted, sorted(covered - emitted)
    print(f"\nJapanese wording for {len(covered)} of {len(emitted)} codes")
    print("covered:", " ".join(sorted(covered)))
    print("English only:", " ".join(sorted(emitted - covered)))
    assert len(emitted) >= 80
    assert len(covered) >= 80  # lowering it means a code lost its Japanese
    assert covered == emitted, f"codes without Japanese wording: {sorted(emitted - covered)}"


def test_every_covered_code_renders_in_japanese_wherever_it_is_raised() -> None:
    covered = _covered()
    seen: set[str] = set()
    for name, d in _diagnostics():
        if d.code not in covered:
            continue
        seen.add(d.code)
        assert d.words is not None, f"{name}: {d.code} `{d.message}` is not worded from the catalogue"
        assert d.help is None or d.help_words is not None, f"{name}: {d.code} help `{d.help}` is not from it"
        ja = f"{d.text('ja')}\n{d.help_text('ja') or ''}"
        assert not _english_words(ja), f"{name}: English in {ja!r}"
        assert d.text("en") == d.message and d.help_text("en") == d.help  # English exactly as before
    assert seen == covered, f"covered codes no test policy raises: {sorted(covered - seen)}"


def test_the_english_check_can_fail() -> None:
    assert _english_words("`busness` という名前のカレンダーはありません") == set()
    assert _english_words("no calendar is called `busness`") == {"no", "calendar", "is", "called"}


def test_a_code_without_japanese_renders_in_english_and_never_fails() -> None:
    span = m.Span(line=3, column=5, end_line=3, end_column=9)
    plain = Diagnostic(code="W999", message="something odd", span=span, severity=Severity.WARNING, help="look")
    assert plain.render("a\nb\nc   text\n", lang="ja").splitlines() == [
        "<policy>:3:5: warning: [W999] something odd",
        "3 | c   text",
        "  |     ^^^^",
        "  ヒント: look",
    ]
    unknown = Diagnostic(code="E999", message="odd", span=span, words=words("diag.E999.nope"))
    assert unknown.text("ja") == "odd"


def test_the_count_at_the_end() -> None:
    assert summary(1, 0, "en") == "1 error, 0 warnings"
    assert summary(2, 1, "en") == "2 errors, 1 warning"
    assert summary(1200, 1, "ja") == "エラー1,200件、警告1件"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_parse_error_lists_what_was_expected_in_the_language(tmp_path: Path, policy_text: str, lang: str) -> None:
    bad = tmp_path / "bad.sla"
    bad.write_text(policy_text.replace("respond within 4 business hours", "respond within 4 business hurs"), "utf-8")
    (d,) = compile_path(bad).diagnostics
    expected = {
        "ja": "`hurs` はここには書けません。ここに書けるのは単位（`seconds`、`minutes`、`hours`、`days`、"
        "`weeks`、`months`）です",
        "en": "unexpected `hurs`, expected a unit (seconds, minutes, hours, days, weeks, months)",
    }
    helps = {
        "ja": "`4 business hours` と書いてください",
        "en": "write `4 business hours`",
    }
    assert (d.code, d.text(lang), d.help_text(lang)) == ("E011", expected[lang], helps[lang])


def test_a_kind_without_a_phrase_keeps_its_english_name_and_the_message_falls_back() -> None:
    """A declaration kind added later without a catalogue phrase never breaks the checker."""
    span = m.Span(line=1, column=1, end_line=1, end_column=2)
    d = diagnostic("E200", words("diag.E200", kind=words("diag.E200.kind.gadget"), name="x"), span)
    assert d.message == "gadget `x` is defined twice"
    assert d.text("ja") == d.message  # not all of it is in the catalogue: English, whole


def _e001(data: bytes | str | None = None, path: Path | None = None) -> Diagnostic:
    """The one E001 diagnostic of reading ``data`` (or the file ``path``)."""
    if path is not None:
        text, diags = source.read_policy_file(path)
    else:
        assert data is not None
        text, diags = source.decode_policy(data, "p.sla")
    (d,) = diags
    assert text is None and d.code == "E001"
    return d


def test_every_reason_a_policy_file_cannot_be_read_is_worded_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = source.MAX_POLICY_BYTES + 1
    (tmp_path / "big.sla").write_bytes(b"#" * big)
    found = {
        "missing": _e001(path=tmp_path / "nothing.sla"),
        "directory": _e001(path=tmp_path),
        "not_utf8": _e001(b"sla \xff"),
        "nul": _e001("sla\x00"),
        "surrogate": _e001("sla \udc80"),
        "too_big_file": _e001(path=tmp_path / "big.sla"),
        "too_big_bytes": _e001(b"#" * big),
        "too_big_text": _e001("#" * big),
    }
    found["too_big_input"] = source.read_policy_stream(io.BytesIO(b"#" * big), "-")[1][0]
    for number in (errno.EACCES, errno.ESTALE):

        def refuse(*args: object, number: int = number, **kwargs: object) -> object:
            raise OSError(number, os.strerror(number))

        monkeypatch.setattr("builtins.open", refuse)
        found[errno.errorcode[number]] = _e001(path=tmp_path / "p.sla")
        monkeypatch.undo()
    assert found["too_big_file"].message == (
        f"the file is {big:,} bytes; a policy may be at most {source.MAX_POLICY_BYTES:,}"
    )
    assert found["too_big_input"].message == (
        f"the input is more than {big - 1:,} bytes; a policy may be at most {big - 1:,}"
    )
    assert found["EACCES"].message == "cannot read the file: Permission denied"
    assert found["EACCES"].text("ja") == "ファイルを読み取れません：アクセスが許可されていません"
    # an errno without a phrase of its own is quoted as the system gives it
    assert found["ESTALE"].text("ja") == f"ファイルを読み取れません：`{os.strerror(errno.ESTALE)}`"
    for name, d in found.items():
        assert d.words is not None and (d.help is None or d.help_words is not None), name
        ja = f"{d.text('ja')}\n{d.help_text('ja') or ''}"
        assert not _english_words(ja), f"{name}: English in {ja!r}"
        assert d.text("en") == d.message and d.help_text("en") == d.help


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_variant_of_the_codes_worded_last_is_japanese(name: str) -> None:
    """Each situation of the 36 codes worded last, one policy each: the code is raised, worded from the catalogue."""
    code = name.split("-")[0]
    found = [d for d in compile_policy(VARIANTS[name]).diagnostics if d.code in name.split("-")]
    assert any(d.code == code for d in found), (name, [d.code for d in compile_policy(VARIANTS[name]).diagnostics])
    for d in found:
        assert d.words is not None and (d.help is None or d.help_words is not None), (name, d.message)
        ja = f"{d.text('ja')}\n{d.help_text('ja') or ''}"
        assert not _english_words(ja), f"{name}: English in {ja!r}"


def test_times_and_holidays_are_written_the_language_way() -> None:
    """W301's times and W305's holiday name: each language writes its own, no English weekday in Japanese."""
    w301 = next(d for d in compile_path(CORPUS_DIR / "058-same-day-contradicts-target.sla").diagnostics)
    assert "a clock starting Thu 2026-04-02 14:00 is due Fri 2026-04-03 11:00" in w301.message
    assert "2026-04-02(木) 14:00に始まるクロックの期限は2026-04-03(金) 11:00" in w301.text("ja")
    (w305,) = compile_policy(VARIANTS["W305"]).diagnostics
    assert "(Labor Thanksgiving Day)" in w305.message and "祝日（勤労感謝の日）" in w305.text("ja")
