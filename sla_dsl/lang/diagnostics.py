"""Diagnostics: located, coded messages about a policy, and how they are printed.

A diagnostic follows Cedar's error style: lowercase message, no final period,
user input in backticks, always a span, and a separate ``help`` saying what to
write instead. Rendered form (what ``sla check`` prints)::

    policies/clicksoko.sla:42:22: error: [E011] unexpected `hurs`, expected a unit
       42 |   respond within 4 business hurs
          |                             ^^^^
       help: valid units are minutes, hours, days, weeks, months

The first line is the contract's ``file:line:col: error: message``, the message
led by its code in brackets. Codes are stable: tests and tools may match on them.
The source line and its caret are shown only when there is source text to show:
a file that could not be read (E001: missing, not UTF-8...) has none (its
source is empty), and neither has an empty file; a line past the end of the
source is not shown either. The source line, the message and the help never
write a control character from the policy raw (an escape sequence would act
on the reader's terminal, a carriage return rewrite the line): each is shown
as its escape (:func:`~sla_dsl.errors.printable`: ``\\x1b``), a tab of the
source line kept, and the caret counts the escaped line's columns, full-width
characters as two.

Languages (issue 16)
--------------------
A diagnostic is written in the policy's primary language. Its English
``message`` and ``help`` are plain fields (tools, goldens and the JSON of
``sla serve`` read them); where the wording comes from the message catalogue
(:mod:`sla_dsl.i18n.diagnostics`, keys ``diag.<code>[.<variant>]``), the
diagnostic also carries :class:`Words`: the catalogue key and its arguments,
so :meth:`Diagnostic.render` can write it in Japanese. The English fields are
then the catalogue's English text, built by :func:`diagnostic`, so the two
cannot drift apart. A diagnostic without words (a code not yet in the
catalogue) renders in English in every language, never fails.

Arguments are user input or policy syntax (names, keywords, dates: shown in
backticks and never translated), nested :class:`Words` (a phrase that is
itself translated, such as "a number"), a :class:`Listing` of either,
joined the language's way, or :class:`Both`: a value the data itself gives in
each language (a national holiday's name from the holiday tables).
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import lru_cache
from typing import Literal, NamedTuple, Self, Union

from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError, SlaError, place, printable
from ..i18n import CATALOGUE, message
from ..i18n.diagnostics import SYNTAX
from ..i18n.width import display_width
from .lines import source_lines
from .model import PolicyModel, Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


#: The languages a diagnostic can be written in (the first is the default of :meth:`Diagnostic.render`).
DiagLang = Literal["en", "ja"]


class Code(NamedTuple):
    """Policy syntax that English writes bare (``valid units are minutes, hours``): in backticks in Japanese."""

    syntax: str


class Listing(NamedTuple):
    """Several arguments shown as one list: ``a, b or c`` / ``a、b、c``."""

    items: tuple[str | Code | Words, ...]
    #: how the English list ends: `` or `` before the last item, or ``, `` throughout
    last: Literal[" or ", ", "] = " or "


class Both(NamedTuple):
    """A value the data gives in each language (a national holiday's name): each language writes its own."""

    ja: str
    en: str


#: One argument of a message: user input or syntax as it is, a translated phrase, a list, or a value per language.
Arg = Union[str, Code, "Words", Listing, Both]


class Words(NamedTuple):
    """A catalogue message (``diag.E207``) with its arguments, writable in every language."""

    key: str
    args: tuple[tuple[str, Arg], ...] = ()

    def text(self, lang: str) -> str:
        """The message in ``lang``; a key missing from the catalogue is a :class:`KeyError`."""
        params = {**_syntax(self.key), **{k: _arg(v, lang) for k, v in self.args}}
        if not params:  # `message` returns a template without fields as it is, `{{` still escaped
            return message(self.key, lang).format()
        return message(self.key, lang, **params)

    def covered(self) -> bool:
        """Whether this message and every phrase in its arguments is in the catalogue."""
        return self.key in CATALOGUE and all(_covered(v) for _, v in self.args)


@lru_cache(maxsize=1024)
def _syntax(key: str) -> dict[str, str]:
    """The quoted syntax (:data:`SYNTAX`) the entry ``key`` uses, looked up once per key."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return {}
    used = {f for text in entry for _, f, _, _ in string.Formatter().parse(text) if f}
    return {k: v for k, v in SYNTAX.items() if k in used}


class WordedInputError(InputError):
    """An input error worded from the catalogue by a stage that knows no command: English unless
    ``lang`` is given; the command writes it in its own language with :meth:`in_lang`
    (:func:`~sla_dsl.events.problems.event_problems_in`)."""

    def __init__(self, words: Words, lang: str | None = None) -> None:
        self.words = words
        super().__init__(words.text(lang or "en"), lang=lang)

    def in_lang(self, lang: str) -> Self:
        """The same error, written in ``lang``."""
        return type(self)(self.words, lang)

    def __reduce__(self) -> tuple[type[Self], tuple[Words, str | None]]:
        # (raised on a Dask or Spark worker, it is rebuilt on the client from its words, not its text)
        return type(self), (self.words, self.lang)


def words(key: str, /, **args: Arg) -> Words:
    """``Words(key, args)`` from keyword arguments: ``words("diag.E207", name="busness")``."""
    return Words(key, tuple(args.items()))


def listing(items: Iterable[str | Code | Words], last: Literal[" or ", ", "] = " or ") -> Listing:
    """A list argument (see :class:`Listing`)."""
    return Listing(tuple(items), last)


def _arg(value: Arg, lang: str) -> str:
    if isinstance(value, Words):
        if value.key not in CATALOGUE:  # a phrase built from a name (`diag.E200.kind.<kind>`) not worded yet
            return value.key.rsplit(".", 1)[-1]
        return value.text(lang)
    if isinstance(value, Listing):
        parts = [_arg(v, lang) for v in value.items]
        if lang == "ja":
            return "、".join(parts)
        if value.last == " or " and len(parts) > 1:
            return ", ".join(parts[:-1]) + " or " + parts[-1]
        return ", ".join(parts)
    if isinstance(value, Code):
        return f"`{value.syntax}`" if lang == "ja" else value.syntax
    if isinstance(value, Both):
        return value.ja if lang == "ja" else value.en
    return value


def _covered(value: Arg) -> bool:
    if isinstance(value, Words):
        return value.covered()
    if isinstance(value, Listing):
        return all(_covered(v) for v in value.items)
    return True


def _en(value: str | Words | None) -> str | None:
    return value.text("en") if isinstance(value, Words) else value


class Diagnostic(BaseModel):
    """One finding about a policy, with where it is and what to do."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    span: Span
    severity: Severity = Severity.ERROR
    help: str | None = None
    file: str = "<policy>"
    #: the message's catalogue entry and arguments, when it has one (for other languages than English)
    words: Words | None = Field(default=None, exclude=True, repr=False)
    #: the same for ``help``
    help_words: Words | None = Field(default=None, exclude=True, repr=False)
    #: for a file refused as not UTF-8 (E001): the languages its header declares, read from its bytes
    #: (:func:`~.source.bytes_languages`), the language to word the refusal in; ``None`` when unknown
    languages: tuple[str, ...] | None = Field(default=None, exclude=True, repr=False)
    #: whether the diagnostic has a place in the file: not for a file that was never read (E001: not there, a
    #: directory, one the system will not open), named without a line and column (``nope.sla: error: [E001]
    #: no such file``)
    located: bool = Field(default=True, exclude=True, repr=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``: English, or the catalogue's wording when it has one."""
        if lang != "en" and self.words is not None and self.words.covered():
            return self.words.text(lang)
        return self.message

    def help_text(self, lang: str = "en") -> str | None:
        """The ``help`` in ``lang``, as :meth:`text`."""
        if lang != "en" and self.help_words is not None and self.help_words.covered():
            return self.help_words.text(lang)
        return self.help

    def header(self, lang: str = "en") -> str:
        """The first line: ``file:line:col: error: [CODE] message`` (``file: error: ...`` where not located)."""
        said = printable(self.text(lang))
        return f"{self.where()}: {_severity(self.severity, lang)}: [{self.code}] {said}"

    def where(self) -> str:
        """``file:line:col``, or the file alone for a diagnostic with no place in it (:attr:`located`):
        :func:`~sla_dsl.errors.place`."""
        return place(self.file, self.span.line, self.span.column) if self.located else self.file

    def render(self, source: str | None = None, color: bool = False, lang: str = "en") -> str:
        """The full text in ``lang``: header, the source line with a caret under the span, and help.

        No source line nor caret without source text (``source`` ``None`` or empty: a file that could not
        be read, an empty one) or when the span's line is not in it."""
        red, yellow, blue, bold, reset = (
            ("\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[1m", "\x1b[0m") if color else ("",) * 5
        )
        sev_color = red if self.is_error else yellow
        s = self.span
        head = (
            f"{bold}{self.where()}:{reset} "
            f"{sev_color}{bold}{_severity(self.severity, lang)}:{reset} [{self.code}] {printable(self.text(lang))}"
        )
        lines = [head]
        text = _source_line(source, s.line) if source else None  # ("": nothing read, nothing to point at)
        if text is not None:
            gutter = " " * len(str(s.line))
            width = s.end_column - s.column if s.end_line == s.line else len(text) - s.column + 1
            width = max(1, min(width, max(1, len(text) - s.column + 1)))
            text, column, width = _excerpt(*_escaped(text, s.column, width))
            caret_pad, carets = _caret(text, column, width)
            lines.append(f"{blue}{s.line} |{reset} {text}")
            lines.append(f"{blue}{gutter} |{reset} {caret_pad}{sev_color}{carets}{reset}")
        help_text = self.help_text(lang)
        if help_text:
            lines.append(f"{blue}  {message('diag.word.help', lang)}:{reset} {printable(help_text)}")
        return "\n".join(lines)


def _escaped(text: str, column: int, width: int) -> tuple[str, int, int]:
    """A source line as an excerpt shows it: its control characters as their escapes (``\\x1b``, ``\\r``;
    a tab kept, that the caret's padding copies), with ``column`` and ``width`` moved to count the same
    characters in it, so the caret still points at what the span covers."""
    plain = text.replace("\t", " ")
    if printable(plain) == plain:
        return text, column, width
    parts = ["\t" if ch == "\t" else printable(ch) for ch in text]
    at = [0]  # where each character of `text` starts in the escaped line (and where the line ends)
    for part in parts:
        at.append(at[-1] + len(part))
    start = min(max(column - 1, 0), len(text))
    end = min(start + width, len(text))
    return "".join(parts), at[start] + 1, max(1, at[end] - at[start])


def _caret(text: str, column: int, width: int) -> tuple[str, str]:
    """The padding before the caret under ``text`` and the caret, for the characters
    ``text[column - 1 : column - 1 + width]``: measured in terminal columns, as the line above them is
    shown (a full-width character takes two, :func:`~sla_dsl.i18n.width.display_width`), a tab kept as a
    tab so that it lines up whatever its width."""
    pad = "".join("\t" if ch == "\t" else " " * display_width(ch) for ch in text[: column - 1])
    return pad, "^" * max(1, display_width(text[column - 1 : column - 1 + width]))


def _severity(severity: Severity, lang: str) -> str:
    """``error`` or ``warning`` in every language: the public contract fixes the diagnostic line as
    ``file:line:col: error: message``, and tools match that word; the message and help are in ``lang``."""
    return severity.value


def diagnostic(
    code: str,
    text: str | Words,
    span: Span,
    help: str | Words | None = None,
    severity: Severity = Severity.ERROR,
    file: str = "<policy>",
) -> Diagnostic:
    """A diagnostic whose message and ``help`` may be catalogue :class:`Words` (English fields filled from them)."""
    return Diagnostic(
        code=code,
        message=_en(text) or "",
        span=span,
        severity=severity,
        help=_en(help),
        file=file,
        words=text if isinstance(text, Words) else None,
        help_words=help if isinstance(help, Words) else None,
    )


def policy_language(model: PolicyModel | None) -> DiagLang:
    """The language to write a policy's diagnostics in: its declared primary one, else English.

    ``model`` is ``None`` when no header's ``languages`` could be read (a header wrong elsewhere
    still gives a model with its languages: :class:`~.compile.Compiled`): English then, as for a
    policy that declares no languages (see :mod:`.languages`).
    """
    declared = model.header.languages if model is not None else ()
    return "ja" if declared[:1] == ("ja",) else "en"


def refusal_language(diags: Sequence[Diagnostic]) -> DiagLang | None:
    """The language to word a file's refusal (E001) in: the primary language its header declares when it
    could be read from the bytes (``languages ja, en`` in a Shift_JIS file), else ``None``."""
    for d in diags:
        if d.languages:
            return "ja" if d.languages[0] == "ja" else "en"
    return None


def summary(n_errors: int, n_warnings: int, lang: str = "en") -> str:
    """``2 errors, 1 warning`` / ``エラー 2 件、警告 1 件``."""
    if lang == "en":
        return f"{n_errors} error{'s' if n_errors != 1 else ''}, {n_warnings} warning{'s' if n_warnings != 1 else ''}"
    return message("diag.word.summary", lang, errors=f"{n_errors:,}", warnings=f"{n_warnings:,}")


#: Source lines longer than this are shown as a window around the span.
EXCERPT_WIDTH = 160


def _excerpt(text: str, column: int, width: int) -> tuple[str, int, int]:
    """A long line cut to a window around ``column`` (``…`` where cut), with the column and width in it."""
    if len(text) <= EXCERPT_WIDTH:
        return text, column, width
    start = max(0, min(column - 1 - EXCERPT_WIDTH // 4, len(text) - EXCERPT_WIDTH))
    end = start + EXCERPT_WIDTH
    head = "…" if start > 0 else ""
    window = head + text[start:end] + ("…" if end < len(text) else "")
    column = column - start + len(head)
    return window, column, max(1, min(width, end - start + len(head) - column + 1))


def _source_line(source: str, line: int) -> str | None:
    """Line ``line`` of ``source`` as the parser counts lines (not ``str.splitlines``: see :mod:`.lines`)."""
    lines = _lines(source)
    if 1 <= line <= len(lines):
        return lines[line - 1]
    return None


@lru_cache(maxsize=4)
def _lines(source: str) -> tuple[str, ...]:
    """The lines of a source, split once for all the diagnostics rendered from it."""
    return tuple(source_lines(source))


class PolicyError(SlaError):
    """A policy has errors; ``diagnostics`` lists every one found.

    ``lang`` is the language of the policy's diagnostics (``policy_language`` of its model, given
    by whoever compiled it): ``render`` writes in it unless told otherwise. ``header_read`` is
    False when there was no header to take it from (a missing or empty file, no ``sla`` header, or one
    whose ``languages`` cannot be read): the ``sla`` command then writes in the language of its help
    (the locale's), not in ``lang``.
    """

    def __init__(
        self,
        diagnostics: Sequence[Diagnostic],
        source: str | None = None,
        lang: DiagLang = "en",
        *,
        header_read: bool = True,
    ) -> None:
        self.diagnostics = list(diagnostics)
        self.source = source
        self.lang: DiagLang = lang
        self.header_read = header_read
        # (in ``lang``, as ``render`` writes: one language for ``str()`` and ``lang``)
        first = self.diagnostics[0].header(lang) if self.diagnostics else message("diag.word.invalid_policy", lang)
        more = len(self.diagnostics) - 1
        super().__init__(message("diag.word.and_more", lang, first=first, more=more) if more > 0 else first)

    def render(self, color: bool = False, lang: str | None = None) -> str:
        """Every diagnostic, rendered with its source line, in ``lang`` (default: the policy's language)."""
        return render_all(self.diagnostics, self.source, color, lang or self.lang)


def render_all(diags: Iterable[Diagnostic], source: str | None, color: bool = False, lang: str = "en") -> str:
    """Render several diagnostics separated by blank lines, in ``lang``."""
    return "\n\n".join(d.render(source, color, lang) for d in diags)


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``word`` when one is close enough, else ``None``."""
    pool = list(dict.fromkeys(choices))
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A ``help`` text: ``write `x` `` when a close choice exists."""
    hit = suggest(word, choices)
    return f"did you mean `{hit}`?" if hit else None


def did_you_mean_words(word: str, choices: Iterable[str]) -> Words | None:
    """:func:`did_you_mean` as catalogue :class:`Words`, writable in every language."""
    hit = suggest(word, choices)
    return words("diag.help.did_you_mean", name=hit) if hit else None
