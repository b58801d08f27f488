"""The wording of the helps for another tool's way of writing a line (``sla_dsl.lang.peer_words``:
Zendesk's ``first_reply_time``, ServiceNow's ``schedule`` and ``next business day``, Jira's per-team
``calendar`` and ``goal``) and for ``when priority = ...`` (``sla_dsl.lang.conditions``): keys
``diag.*``, merged into :data:`sla_dsl.i18n.diagnostics.DIAGNOSTICS`.

Design notes
------------
* Each help gives the line to write in one step (and the clock to declare where the tool had one built
  in); the tool is not named: the line is what the author needs.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["PEER_DIAGNOSTICS"]

PEER_DIAGNOSTICS: dict[str, Msg] = {
    # ServiceNow's `respond by 16:00 next business day`
    "diag.help.peer.next_day": Msg(
        "翌営業日は「1番目の営業日」として書きます：`{fix}`",
        "the next business day is written as the 1st: `{fix}`",
    ),
    # ServiceNow's `schedule NAME { ... }` as a declaration
    "diag.help.peer.schedule_decl": Msg(
        "営業時間の定義はカレンダーとして宣言します：`{fix}`",
        "business hours are declared as a calendar: write `{fix}`",
    ),
    # `schedule business` / `calendar tokyo` in a clock
    "diag.help.peer.calendar_clock": Msg(
        "クロックにはカレンダーを書きません。カレンダーは各目標の時間に書きます（例：`{example}`。"
        "カレンダー `{name}` の営業時間で数えます）",
        "a clock has no calendar: each target names it in its duration, e.g. `{example}` (counted in the "
        "open hours of calendar `{name}`)",
    ),
    # `schedule business` in a priority
    "diag.help.peer.calendar": Msg(
        "カレンダーは目標の時間に書きます：`{example}`（カレンダー `{name}` の営業時間で数えます）",
        "the calendar is written in the duration: `{example}` (counted in the open hours of calendar `{name}`)",
    ),
    # Jira's per-team `calendar tokyo` in a priority
    "diag.help.peer.calendar_team": Msg(
        "カレンダーは目標の時間に書きます：`{example}`（カレンダー `{name}` の営業時間で数えます）。"
        "チームごとの規則は、チームを属性として宣言し `{when}` で書き分けます",
        "write the calendar in the duration: `{example}` (counted in the open hours of calendar `{name}`); "
        "for each team's own rules, declare the team as an attribute and write them with `{when}`",
    ),
    # Zendesk's `next reply within 4 hours`, `next_reply_time 4 hours`
    "diag.help.peer.next_reply": Msg(
        "次回回答の時間は、お客様のメッセージのたびに計り直すクロック（`restarts at`）で測ります："
        "`{clock}` を宣言し、`{fix}` と書いてください",
        "a next reply is measured on a clock that starts again at each customer message (`restarts at`): "
        "declare `{clock}` and write `{fix}`",
    ),
    # Jira's `goal 4 hours on ttr`
    "diag.help.peer.goal": Msg(
        "クロックで測る目標は `{fix}` と書きます（応答の目標なら `respond within ... on ...`）",
        "a goal on a clock is a named target: write `{fix}` (a response goal: `respond within ... on ...`)",
    ),
    # Request Tracker's `IgnoreOnStatuses`: `ignore on incident.stalled` in a priority
    "diag.help.peer.ignore": Msg(
        "数えない時間は、目標を測るクロックの一時停止として書きます：そのクロックに `{fix}` と書いてください"
        "（`until` の後には、待ちを終えるイベントを書きます）",
        "time not counted is a pause of the clock the target is measured on: in that clock, write `{fix}` "
        "(after `until`, the events that end the wait)",
    ),
    # ServiceNow's `retroactive start` / `retroactive pause` in a clock or a priority
    "diag.help.peer.retroactive": Msg(
        "優先度が変わっても、目標はクロックの開始から数えます（変更の前の一時停止も数えません）："
        "この行は要りません。変更の時点から数えるには、クロックに "
        "`starts at incident.reprioritized, else incident.reported` と `resets at incident.reprioritized` "
        "を書きます",
        "after a change of priority the targets still count from the clock's start (its pauses before the "
        "change are left out): no line is needed; to count from the change instead, write "
        "`starts at incident.reprioritized, else incident.reported` and `resets at incident.reprioritized` "
        "in the clock",
    ),
    # ServiceNow's percentage timer `breach at 100%`
    "diag.help.peer.breach": Msg(
        "目標は、その時間を使い切った時点（100%）で未達になります：この行は要りません。"
        "その前の警告は、クロックに `{fix}` と書きます",
        "a target is breached when its time is used up (100%): no line is needed; warnings before that "
        "are written `{fix}` in the clock",
    ),
    # ServiceNow's percentage timers `warn at 50%, 75%`
    "diag.help.peer.warn": Msg(
        "目標の時間の一部が過ぎた時点の警告は、クロックに `{fix}` と書きます（小さい順に、100% 未満で）",
        "warnings when part of a target's time has passed are written `{fix}` in the clock (in increasing "
        "order, below 100%)",
    ),
    # JSM's or ServiceNow's pause condition on a status: `pause when status = "Waiting for customer"`
    "diag.help.peer.pause_status": Msg(
        "クロックはステータスではなくイベントで一時停止します。そのステータスにしたイベントで止め、"
        "それを終えるイベントで再開します：`{fix}`。ほかのステータスには、そのイベントを `event` で"
        "宣言します（例：`{declare}`）",
        "a clock pauses at events, not on a status: at the event that sets the status, until the event "
        "that ends it: `{fix}`; for a status of your own, declare its events with `event` (e.g. "
        "`{declare}`)",
    ),
    # ServiceNow's duration `1 Day` (capitalised as its duration field shows it) with no calendar
    "diag.help.peer.sn_day": Msg(
        "`{fix}` と書いてください（1日は経過時間の24時間です）。スケジュールの時間を24時間ずつ数える"
        "1日なら `{schedule}` と書きます（`{business}` はカレンダーの営業日で、1日はその営業時間です）",
        "write `{fix}` (a day of 24 elapsed hours); days of 24 hours counted on a schedule are `{schedule}` "
        "(`{business}` counts business days of that calendar, a day being its open hours)",
    ),
    # `when priority = highest`: the priority is the block's id
    "diag.E251.priority.help": Msg(
        "`priority` は属性ではなく、優先度ブロックの ID です：規則は `priority {value} {{ ... }}` ブロックに"
        "書いてください。イベントの項目のことなら `attribute priority {{ values {value}, ... }}` を宣言してください",
        "`priority` is no attribute but the id of a priority block: write the rules in a "
        "`priority {value} {{ ... }}` block; if it is a field of your events, declare "
        "`attribute priority {{ values {value}, ... }}`",
    ),
}
