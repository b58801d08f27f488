"""The languages a policy declares (``languages ja, en`` in the header) and their checks (E260-E264, W260-W262).

Design notes
------------
* ``languages ja, en`` lists every language the policy's texts are written
  in; the first is the primary one, the language every output a person reads
  (reports, ``sla explain``, the CLI's words about the policy) uses when none is
  asked for. A policy that declares none is read as ``en, ja`` (English
  primary), the behaviour before the declaration existed.
* The product writes Japanese and English (:data:`SUPPORTED`): another code is
  E260, whose help names the codes there are and the line to write, the author's own with that code left
  out (``languages en, de``: ``languages en``; the primary language stays the one written first); a
  code listed twice is E261. A language named another way than by its code (``jp``, ``JP``,
  ``jpn``, ``japanese``, ``日本語``; ``eng``, ``english``, ``英語``: :data:`ALIASES`) is E260 too, with
  the line to write (``languages ja, en``), and is read as the language meant: the policy's messages
  are then in Japanese, as its author expects, not in English for want of a readable header.
* When a policy declares its languages, each text must exist in each of them:
  an empty side of a pair is E262; a single text (or the same text twice) with Japanese in it, where
  ``en`` is declared, has no English (E263); a pair whose English side is
  Japanese and whose Japanese side is not was written the wrong way round
  (E264). Texts are read from every :class:`~.model.Label` of the model.
* Where ``ja`` is declared, alone or with ``en``, a Japanese text with no
  Japanese script but with a word in Latin letters (``"Priority 1"``, a single
  English text) is warning W262: a Japanese report would print it as it is
  (``P1 Priority 1の応答``). It is a warning, not an error as E264 is: E264
  has two texts that show they were swapped, while one text in Latin letters
  can be what a Japanese reader is meant to see (a product's name). Codes,
  abbreviations and numbers (``P1``, ``SLA``, ``AMI``) are no English words
  and pass.
* An attribute's values are names that events carry (``premium``), shown to
  people by their labels (``value premium "プレミアム" / "Premium"``, issue 16).
  Where Japanese is declared, a value without a label would appear as
  written on a Japanese page: W260, with the line to write. Two values of one
  attribute with the same label cannot be told apart by a reader: W261.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedInput

from . import model as m
from .diagnostics import Diagnostic, Severity, diagnostic, did_you_mean_words, suggest, words
from .parser import parse_tree
from .plain import UNDECLARED as UNDECLARED
from .plain import policy_languages as policy_languages

#: Languages the product writes, in the order an undeclared policy uses them.
SUPPORTED = ("ja", "en")
#: Other names of the supported languages (by their lower case), read as the code meant (E260 all the same).
ALIASES = {"jp": "ja", "jpn": "ja", "japanese": "ja", "日本語": "ja", "eng": "en", "english": "en", "英語": "en"}
#: The aliases that are no names (`日本語`): written as the code before the header's statement is parsed.
_NATIVE_ALIASES = re.compile("|".join(k for k in ALIASES if not k.isascii()))

_JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
#: A word in Latin letters with a small letter (``Priority``, ``hours``): no code or abbreviation (``P1``, ``SLA``).
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z]*[a-z])[A-Za-z]{2,}(?![A-Za-z0-9])")

Report = Callable[..., None]


def read_languages(stmt: Tree[Token], error: Report) -> tuple[str, ...]:
    """The codes of an ``h_languages`` statement, reporting unknown (E260) and repeated (E261) ones."""
    out: list[str] = []
    codes = [str(tok) for tok in stmt.children if isinstance(tok, Token)]
    fix = written_languages(codes)
    for tok in stmt.children:
        if not isinstance(tok, Token):
            continue
        code = str(tok)
        meant = ALIASES.get(code.lower())
        if meant is not None:  # `jp`: Japanese, named another way
            help = words("diag.E260.help_alias", code=code, lang=meant, fix=fix)
            error("E260", words("diag.E260", code=code), tok, help=help)
            if meant not in out:
                out.append(meant)
        elif code not in SUPPORTED:
            hint = did_you_mean_words(code.lower(), SUPPORTED)
            error(
                "E260",
                words("diag.E260", code=code),
                tok,
                help=words("diag.E260.help_near", hint=hint, fix=fix) if hint else words("diag.E260.help", fix=fix),
            )
        elif code in out:
            error("E261", words("diag.E261", code=code), tok, help=words("diag.E261.help"))
        else:
            out.append(code)
    return tuple(out)


def written_languages(codes: list[str]) -> str:
    """The ``languages`` line to write for ``codes`` as the author wrote them, in their order: each code as the
    code meant (``jp``: ``ja``; ``EN``: ``en``), once, without those of no supported language (``de``), so that
    the primary language stays the one written first; ``languages ja, en`` when none is left."""
    kept: list[str] = []
    for code in codes:
        meant = ALIASES.get(code.lower()) or (code if code in SUPPORTED else suggest(code.lower(), SUPPORTED))
        if meant is not None and meant not in kept:
            kept.append(meant)
    return "languages " + ", ".join(kept or SUPPORTED)


#: The statements of a header, and what ends one: a brace (texts and comments are passed over).
_HEADER_SCAN = re.compile(
    r'"(?:\\.|[^"\\\n])*"?|#[^\n]*|[{}]'
    r"|\b(?:format|version|effective|timezone|provider|title|source|languages)\b"
)


def header_languages(text: str) -> tuple[str, ...] | None:
    """The languages a header that does not parse declares, from its ``languages`` statement alone.

    ``text`` is the header's declaration (``sla "..." { ... }``, however broken elsewhere). ``()``
    when it has no ``languages`` statement (it declares none); ``None`` when that statement cannot be
    read either. Its unknown or repeated codes are left out unreported, as the header is not checked.
    """
    found: str | None = None
    start = -1  # where the `languages` statement being read begins
    opened = False
    for hit in _HEADER_SCAN.finditer(text):
        tok = hit.group()
        if tok.startswith(('"', "#")):
            continue
        if start >= 0:  # a statement ends where the next keyword or a brace begins
            found, start = text[start : hit.start()], -1
        if tok == "}":
            break
        if tok == "{":
            opened = True
        elif tok == "languages" and opened:
            start = hit.start()
    if start >= 0:
        found = text[start:]
    if found is None:
        return ()
    found = _NATIVE_ALIASES.sub(lambda hit: ALIASES[hit.group()], found)  # (`languages 日本語`: Japanese meant)
    # a word after a whole statement (`languages ja, en` then `bogus 3` in a header left open) is an
    # error of its own: the statement is read without it
    head = 'sla "" {\n'
    for _ in range(2):
        try:
            tree = parse_tree(head + found + "\n}")
        except UnexpectedInput as exc:
            at = exc.pos_in_stream
            if at is None or at <= len(head) + len("languages"):
                return None
            found = found[: at - len(head)]
            continue
        except LarkError:
            return None
        stmt = next(tree.find_data("h_languages"), None)
        return read_languages(stmt, lambda *_, **__: None) if stmt is not None else None
    return None


def check_languages(model: m.PolicyModel) -> list[Diagnostic]:
    """Texts missing in a declared language (E262, E263), written the wrong way round (E264), or with no
    Japanese where Japanese is declared (W262)."""
    declared = model.header.languages
    if not declared:
        return []
    out: list[Diagnostic] = []
    for label in (n for n in m.walk(model) if isinstance(n, m.Label)):
        if label.span == m.NO_SPAN or (label.ja is None and label.en is None):
            continue
        ja, en = label.ja or "", label.en or ""
        for lang, text in (("ja", ja), ("en", en)):
            if lang in declared and not text.strip():
                out.append(diagnostic("E262", words("diag.E262", lang=lang), label.span, help=words("diag.E262.help")))
        if "en" in declared and ja == en and _JAPANESE.search(en):
            out.append(diagnostic("E263", words("diag.E263"), label.span, help=words("diag.E263.help")))
        elif "ja" in declared and _JAPANESE.search(en) and not _JAPANESE.search(ja):
            swapped = f"{_quoted(en)} / {_quoted(ja)}"
            out.append(diagnostic("E264", words("diag.E264"), label.span, help=words("diag.E264.help", fix=swapped)))
        elif "ja" in declared and not _JAPANESE.search(ja) and _LATIN_WORD.search(ja):
            help = words("diag.W262.help.pair" if "en" in declared else "diag.W262.help")
            out.append(diagnostic("W262", words("diag.W262"), label.span, help=help, severity=Severity.WARNING))
    return out


def _quoted(text: str) -> str:
    """``text`` as a policy writes it, in quotes (a quote or backslash in it escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check_value_labels(model: m.PolicyModel) -> list[Diagnostic]:
    """Values without a label where Japanese is declared (W260) and two values with one label (W261)."""
    declared = model.header.languages
    pair = " / ".join(f'"{"日本語" if lang == "ja" else "English"}"' for lang in declared)
    out: list[Diagnostic] = []
    for attr in model.attributes:
        for i, v in enumerate(attr.labels):
            if v.label.ja is None and v.label.en is None:
                if "ja" in declared:
                    out.append(
                        diagnostic(
                            "W260",
                            words("diag.W260", value=v.name, name=attr.name),
                            v.span,
                            help=words("diag.W260.help", example=f"value {v.name} {pair}"),
                            severity=Severity.WARNING,
                        )
                    )
                continue
            same = next((e for e in attr.labels[:i] if _same_label(e.label, v.label)), None)
            if same is not None:
                text = v.label.ja if v.label.ja and v.label.ja == same.label.ja else v.label.en or ""
                out.append(
                    diagnostic(
                        "W261",
                        words("diag.W261", first=same.name, value=v.name, name=attr.name, text=text),
                        v.label.span,
                        help=words("diag.W261.help"),
                        severity=Severity.WARNING,
                    )
                )
    return out


def _same_label(a: m.Label, b: m.Label) -> bool:
    """Whether two labels read the same in Japanese or in English."""
    return bool(a.ja and a.ja == b.ja) or bool(a.en and a.en == b.en)
