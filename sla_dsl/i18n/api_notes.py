"""The Japanese of the Python API reference (``docs/engineers/api.ja.md``), keyed by the English docstrings.

Design notes
------------
* The reference blocks of the API page (``::: sla_dsl.evaluate``) are rendered by mkdocstrings from the
  code's docstrings, which are English and stay the source. On the Japanese site each docstring the page
  shows is replaced by its note here before mkdocstrings renders it (:mod:`sla_dsl.docs.api_notes`), so the
  Japanese goes through the same Markdown as the English: what is code there is code here.
* gettext-style: the key is the docstring exactly as griffe (mkdocstrings' reader) holds it, cleaned by
  :func:`inspect.cleandoc` (the source's indentation removed, its line breaks kept), and the value its
  Japanese. A docstring edited in the code is a new key, so the Japanese site is not built until its note is
  written again (the build stops naming the object); ``tests/docs/test_api_notes_ja.py`` lists the notes
  missing and the notes no docstring uses any more. Never edit a key by hand to make it match: translate the
  new English.
* Code stays code: what the English writes as ````code```` (or `` `code` ``, and the roles
  ``:func:`x``` and ``:meth:`x```, which the page would show as they are written: the docstrings the
  page shows use none) the Japanese writes the same,
  byte for byte. A half-open range or a value the English writes bare, ``[start, end)``, ``False``, is code
  here; a name the English writes as a plain word (``datetime``, ``pandas``) is code too.
* The words are the project's (``docs/engineers/api.ja.md``, ``docs/reference/language.ja.md``,
  :mod:`.site`): 案件 (an incident), 営業時間, 営業日, 営業カレンダー, 期限, 応答期限, 起算, クロック,
  定期メンテナンスの枠, 規定の版 (a version of the policy), 主言語, 診断. A description is a sentence of the
  page: です・ます.
"""

from __future__ import annotations

__all__ = ["API_NOTES", "LABELS"]

#: English docstring (as griffe holds it) -> its Japanese.
API_NOTES: dict[str, str] = {
    # -- sla_dsl -----------------------------------------------------------------------------------------------
    # load_policy
    (
        "Compile a policy; raise `PolicyError` listing every error if it has any. The path of an event log\n"
        "(named as one: ``events.jsonl``, ``logs.csv.gz``, ``logs.parquet``) is no policy: ``InputError``\n"
        "saying to give it to ``sla_dsl.evaluate``, as the commands that read policies refuse it."
    ): (
        "ポリシーをコンパイルします。エラーがあれば、そのすべてを挙げた `PolicyError` を送出します。"
        "イベントログのパス（``events.jsonl``、``logs.csv.gz``、``logs.parquet`` のような名前）はポリシーではなく、"
        "ポリシーを読むコマンドが拒否するのと同じく、``sla_dsl.evaluate`` に渡すように示す ``InputError`` を"
        "送出します。"
    ),
    # compile_policy
    (
        "Compile a policy file or text, returning the model and all diagnostics (never raises for bad\n"
        "input; another type than a path or text is a TypeError naming it)."
    ): (
        "ポリシーのファイルかテキストをコンパイルし、モデルとすべての診断を返します（正しくない入力で例外は"
        "送出しません。パスかテキスト以外の型は、その型を示す TypeError を送出します）。"
    ),
    # evaluate
    (
        "Judge ``events`` against ``policy`` (or several versions of it) over [start, end).\n"
        "\n"
        "``start``, ``end``, ``as_of``: datetimes with a UTC offset, dates (00:00 in the policy's time\n"
        'zone), or the same as text (``"2026-11-01"``, ``"2026-11-01T00:00:00+09:00"``), as the command takes '
        "them.\n"
        "``as_of``: the instant the report is as of (events dated after it are ignored: what could be known\n"
        "then); ``None`` is ``end``, as the command's ``--as-of`` defaults to ``--to``: a period not over yet is\n"
        "then judged as if nothing more happened before its end (a backup window still to come is missed, an open\n"
        "incident breached at its due time). Give the current time to judge a period that is still running.\n"
        "\n"
        "``events``: event models or dicts (any iterable of them), a log read by ``sla_dsl.reader.read_events``,\n"
        "a ``pyarrow.Table``, pandas or polars DataFrame, polars LazyFrame or other Arrow stream of the columnar\n"
        "event schema (one row per event; a bad row is named by row and column), or the path of a log file, read\n"
        "as ``sla evaluate`` reads it (JSON Lines, CSV, Parquet, Arrow, a directory).\n"
        "\n"
        "``skip_invalid``: leave every invalid event out, its line listed in ``report.input.skipped``, as\n"
        "``sla evaluate --skip-invalid`` does (the policy's checks too: an unknown priority), instead of\n"
        "raising ``EventInputError`` with all of them.\n"
        "\n"
        "A log given is left as it was: it can be judged again, over another period or as of another time,\n"
        "or by two threads at once. ``as_of`` before ``start`` raises ``InputError``, as the command refuses\n"
        "it; a policy that is not a ``Policy`` or an iterable of them (a list, a generator), ``TypeError``."
    ): (
        "期間 ``[start, end)`` について、``events`` を ``policy``（またはその複数の版）に照らして判定します。\n"
        "\n"
        "``start``、``end``、``as_of`` には、時差を持つ ``datetime``、日付（ポリシーのタイムゾーンの "
        '00:00）、またはそれらの文字列（``"2026-11-01"``、``"2026-11-01T00:00:00+09:00"``）を、'
        "コマンドと同じように渡します。"
        "``as_of`` は報告書の時点です（それより後の時刻のイベントは除きます。その時点で分かり得たことです）。"
        "``None`` なら ``end`` です。コマンドの ``--as-of`` を省くと ``--to`` になるのと同じです。"
        "まだ終わっていない期間は、その終わりまで何も起きなかったものとして判定します"
        "（これから来るバックアップの時間帯は取得なし、対応中の案件は期限の時点で未達）。"
        "進行中の期間を判定するには、現在の時刻を渡してください。\n"
        "\n"
        "``events`` には、イベントのモデルか辞書（そのイテラブル）、``sla_dsl.reader.read_events`` で読んだログ、"
        "列形式のイベントのスキーマに従う ``pyarrow.Table``、``pandas`` か ``polars`` の ``DataFrame``、"
        "``polars`` の ``LazyFrame`` やそのほかの Arrow のストリーム"
        "（1行が一つのイベントです。正しくない行は、その行と列を示します）、またはログファイルのパスを渡します。"
        "パスは ``sla evaluate`` と同じように読みます（``JSON Lines``、CSV、Parquet、Arrow、ディレクトリ）。\n"
        "\n"
        "``skip_invalid`` を真にすると、正しくないイベントをすべて除き、その行を ``report.input.skipped`` に挙げます。"
        "``sla evaluate --skip-invalid`` と同じです（ポリシーに照らした検査、たとえば知らない優先度も含みます）。"
        "偽なら、それらすべてを示す ``EventInputError`` を送出します。\n"
        "\n"
        "渡したログは元のままです。別の期間や別の時点でもう一度判定することも、二つのスレッドから同時に"
        "判定することもできます。``start`` より前の ``as_of`` は、コマンドが拒否するのと同じく ``InputError`` を"
        "送出します。``Policy`` でもそのイテラブル（リストやジェネレーター）でもないポリシーは ``TypeError`` です。"
    ),
    # -- sla_dsl.policy.Policy -----------------------------------------------------------------------------------
    "A compiled policy.": "コンパイルしたポリシーです。",
    (
        "The compiled business calendar ``name`` (default: the response clock's); KeyError naming the\n"
        "policy's calendars, in its primary language, if it has none of that name."
    ): (
        "コンパイルした営業カレンダー ``name`` を返します（既定は応答クロックのカレンダーです）。"
        "その名前のカレンダーがなければ、ポリシーのカレンダーを示す KeyError をポリシーの主な言語で送出します。"
    ),
    (
        "The response due time for an incident of ``priority`` (with ``attributes``) whose clock starts then\n"
        "(what it refuses, in ``lang``: default the policy's primary language)."
    ): (
        "優先度が ``priority``（属性が ``attributes``）の案件の、クロックが ``clock_start`` に起算するときの"
        "応答期限を返します（受け付けない値を伝えるメッセージは ``lang`` の言語で書きます。"
        "既定はポリシーの主言語です）。"
    ),
    "When ``target`` falls due for a clock that starts at ``start``.": (
        "``start`` に起算するクロックで、``target`` の期限が来る時刻を返します。"
    ),
    "The earliest instant at which ``delta`` of business time has passed since ``t``.": (
        "``t`` から営業時間で ``delta`` が経過する、最も早い時点を返します。"
    ),
    "Business time in [t1, t2) (negative when t2 < t1).": (
        "``[t1, t2)`` に含まれる営業時間の長さを返します（``t2 < t1`` のときは負の値です）。"
    ),
    "Whether ``t`` falls inside business hours (open instant included, close excluded).": (
        "``t`` が営業時間内かどうかを返します（始業の時刻は含み、終業の時刻は含みません）。"
    ),
    "The first business day strictly after the date ``d`` (a datetime or another type: TypeError).": (
        "日付 ``d`` より後の最初の営業日を返します"
        "（``d`` 自身は含みません。``datetime`` やほかの型は TypeError です）。"
    ),
    (
        "Every regular-maintenance window that starts in [start, end), in time order (each edge a\n"
        "datetime, a date, or either as text: a date means 00:00 in the policy's zone). An ``end`` not after\n"
        "``start`` is an empty or reversed range: ``InputError``, as ``sla_dsl.evaluate`` refuses an empty\n"
        "period and ``sla maintenance`` a ``--to`` not after ``--from`` (not an empty list)."
    ): (
        "``[start, end)`` に始まるすべての定期メンテナンスの枠を、時刻の順に返します（期間の両端には "
        "``datetime``、日付、またはそれらの文字列を渡します。日付はポリシーのタイムゾーンの 00:00 です）。"
        "``end`` が ``start`` より後でない空か逆向きの範囲は、空のリストを返すのではなく、``sla_dsl.evaluate`` が"
        "空の期間を、``sla maintenance`` が ``--from`` より後でない ``--to`` を拒否するのと同じく ``InputError`` です。"
    ),
    # -- sla_dsl.calendars.recurrence.Window ---------------------------------------------------------------------
    "One occurrence of a maintenance window.": "メンテナンスの枠の、1回の実施です。",
    # -- errors --------------------------------------------------------------------------------------------------
    (
        "A policy has errors; ``diagnostics`` lists every one found.\n"
        "\n"
        "``lang`` is the language of the policy's diagnostics (``policy_language`` of its model, given\n"
        "by whoever compiled it): ``render`` writes in it unless told otherwise. ``header_read`` is\n"
        "False when there was no header to take it from (a missing or empty file, no ``sla`` header, or one\n"
        "whose ``languages`` cannot be read): the ``sla`` command then writes in the language of its help\n"
        "(the locale's), not in ``lang``."
    ): (
        "ポリシーにエラーがあります。見つかったエラーのすべてを ``diagnostics`` が挙げます。\n"
        "\n"
        "``lang`` は、ポリシーの診断の言語です（モデルの ``policy_language`` で、ポリシーをコンパイルした側が"
        "与えます）。``render`` は、ほかの言語を指定されない限り、この言語で書きます。"
        "言語を読み取るヘッダーがなかったとき（ファイルがないか空のとき、``sla`` のヘッダーがないとき、"
        "ヘッダーの ``languages`` を読めないとき）は、``header_read`` が ``False`` です。"
        "そのとき ``sla`` コマンドは、``lang`` ではなく、ヘルプの言語（ロケールの言語）で書きます。"
    ),
    # PolicyError.render
    "Every diagnostic, rendered with its source line, in ``lang`` (default: the policy's language).": (
        "すべての診断を、それぞれのソースの行を添えて ``lang`` の言語で書いたテキストを返します"
        "（既定はポリシーの言語です）。"
    ),
    "Base of every error the package raises on purpose.": (
        "このパッケージが意図して送出するすべてのエラーの基底クラスです。"
    ),
    # -- the docs plugin and the lexer ---------------------------------------------------------------------------
    "Renders each configured policy as Japanese and English pages, with its highlighted source.": (
        "設定した各ポリシーを、日本語と英語のページと、ハイライトしたソースのページにします。"
    ),
    "Highlights ``.sla`` policy files.": "``.sla`` のポリシーファイルをハイライトします。",
}

#: The words mkdocstrings-python's templates write in English whatever the page's language (its own language
#: files translate the others): English -> Japanese.
LABELS: dict[str, str] = {
    "Bases:": "基底クラス：",
}
