"""The wording of syntax errors about characters and numbers an author could not see or could not write
there (``sla_dsl.lang.input_hints``, ``sla_dsl.lang.parser``), and of files saved in UTF-16 or UTF-32
(``sla_dsl.lang.source``): keys ``diag.*``, merged into :data:`sla_dsl.i18n.diagnostics.DIAGNOSTICS`.

Design notes
------------
* An invisible character is named by its code point and its name (``U+200B``, a zero-width space) in
  the reader's language, and the help says what to do with it: a space of another kind is replaced by a
  normal space, a character of no width is deleted.
* A name that still holds Japanese once its full-width characters are made half-width is no name: the
  help says how a name is written and where the Japanese goes (the quoted label after it).
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["INPUT_DIAGNOSTICS"]

INPUT_DIAGNOSTICS: dict[str, Msg] = {
    # a character an editor does not show (`sla_dsl.lang.input_hints`)
    "diag.E010.invisible": Msg(
        "見えない文字 {code}（{name}）があります", "an invisible character, {code} ({name}), is here"
    ),
    "diag.help.invisible.space": Msg(
        "この文字を普通の半角スペースに置き換えてください", "replace it with a normal space"
    ),
    "diag.help.invisible.delete": Msg(
        "この文字を削除してください（エディタでは見えないことがあります）",
        "delete it (an editor may not show it)",
    ),
    "diag.char.00a0": Msg("ノーブレークスペース", "no-break space"),
    "diag.char.00ad": Msg("ソフトハイフン", "soft hyphen"),
    "diag.char.2000": Msg("幅の決まったスペース", "a space of fixed width"),
    "diag.char.200b": Msg("ゼロ幅スペース", "zero-width space"),
    "diag.char.200c": Msg("ゼロ幅非接合子", "zero-width non-joiner"),
    "diag.char.200d": Msg("ゼロ幅接合子", "zero-width joiner"),
    "diag.char.202f": Msg("幅の狭いノーブレークスペース", "narrow no-break space"),
    "diag.char.205f": Msg("数式用の中くらいのスペース", "medium mathematical space"),
    "diag.char.2060": Msg("ワードジョイナー", "word joiner"),
    "diag.char.feff": Msg("ファイルの途中のバイト順マーク", "byte-order mark inside the file"),
    # a name that is not one once made half-width: `priority 優先度３`
    "diag.help.name_ascii": Msg(
        "名前は半角の英字・数字・`_` で書き、英字か `_` で始めます（例：`{name}`）。"
        "日本語はその後の引用符の中に書いてください：`{fix}`",
        "a name is written in ASCII letters, digits and `_`, beginning with a letter or `_` (e.g. `{name}`); "
        "the Japanese text goes in the quoted label after it: `{fix}`",
    ),
    # a duration with a decimal: `4.5 business hours`
    "diag.E010.decimal": Msg(
        "時間の長さに小数は書けません：`{word}`", "a duration is a whole number, not a decimal: `{word}`"
    ),
    "diag.help.decimal_duration": Msg(
        "小さい単位の整数で `{fix}` と書いてください", "write it as a whole number of a smaller unit: `{fix}`"
    ),
    "diag.help.decimal_duration.none": Msg(
        "単位の数は整数で書いてください（例：`{example}`）", "write a whole number of the unit, e.g. `{example}`"
    ),
    # a duration's amount written as arithmetic: `60*2 minutes`
    "diag.E010.arithmetic": Msg(
        "時間の長さに計算式は書けません：`{word}`", "there is no arithmetic in a duration's amount: `{word}`"
    ),
    "diag.help.arithmetic": Msg(
        "計算した値を一つの数で書き、その後に単位を書いてください",
        "write the computed value as one number, followed by the unit",
    ),
    # a duration's amount without its unit, with words after it on its line: the line to write
    "diag.E015.missing.line": Msg("単位を書いてください：`{fix}`", "write the unit: `{fix}`"),
    # dates on a calendar's `holidays` line, which takes countries (`sla_dsl.lang.line_hints`)
    "diag.help.holidays_date": Msg(
        "`{keyword}` の行は国の祝日を読み込みます。この日を休日にするなら `{holiday}` か `{closed}` と書いてください",
        "a `{keyword}` line takes a country's public holidays: to close this day, write `{holiday}` or `{closed}`",
    ),
    "diag.help.holidays_dates": Msg(
        "`{keyword}` の行は国の祝日を読み込みます。これらの日を休業にするなら `{closed}` と書いてください",
        "a `{keyword}` line takes a country's public holidays: to close these days, write `{closed}`",
    ),
    # a declaration keyword misspelt where a declaration begins: `calender always ... {`
    "diag.E016.misspelt": Msg("`{word}` は `{near}` の書き間違いのようです", "`{word}` looks like a misspelt `{near}`"),
    # `languages jp, en`: a language named another way than by its code
    "diag.E260.help_alias": Msg(
        "`{code}` は言語コードで `{lang}` と書きます：`{fix}`（最初の言語が主言語です）",
        "`{code}` is written as the language code `{lang}`: `{fix}` (the first is the primary language)",
    ),
    # a file saved as UTF-16 or UTF-32 (Windows Notepad's "Unicode")
    "diag.E001.wide": Msg(
        "ファイルが `{kw_utf8}` のテキストではありません（{encoding} で保存されているようです）",
        "the file is not {kw_utf8} text (it looks like {encoding})",
    ),
    "diag.E001.help.wide": Msg(
        "ポリシーを `{kw_utf8}` で保存し直してください"
        "（メモ帳では「名前を付けて保存」の文字コードで `{kw_utf8}` を選びます。コマンドでは `{command}`）",
        "save the policy again as {kw_utf8} (in Notepad: Save As, encoding {kw_utf8}; "
        "or on the command line: `{command}`)",
    ),
}
