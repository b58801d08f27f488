"""The error-code reference, generated from the code that raises each code.

Design notes
------------
* The package has no central table of diagnostic codes: each stage writes its
  codes where it finds the problem (``_err("E302", f"calendar ... is never
  open", ..., help=...)``). So the reference is read from the source: every
  call in ``sla_dsl`` with a string argument ``Ennn`` is one use of code
  ``Ennn``; the call's other string arguments are its message and ``help``
  (an f-string's fields shown as ``…``). A code used in several places lists
  each, so a code reused for two different problems is visible on the page.
* The scan is static (:mod:`ast`, no import of the modules), so it sees codes
  on every path, including ones no test reaches.
* Where a code is written as data (a tuple of rules, a constant) rather than
  in a call with its message, the page names the module only.
* Warnings (``W2xx``, ``W3xx``) are diagnostics authors see too: they are
  read the same way and listed after the errors, one table per hundred.
* Where the call words its message from the catalogue (``words("diag.E207",
  name=...)``, issue 16), the page shows the catalogue's English, and its
  Japanese in a column of its own (fields shown as ``…``, quoted syntax as
  written).
* Which argument is the message and which the ``help`` is read from the
  called function's parameters (``def _err(code, message, span, help)``,
  a dataclass's fields: ``Hint(start, end, help, word, message, code)``),
  found by name in the package: the one whose parameters take the call's
  arguments with the code's at ``code``. Only a call no definition fits is
  read by position (the first words the message, the next the help).
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..i18n import CATALOGUE
from ..i18n.diagnostics import SYNTAX
from . import code_words

__all__ = ["CodeUse", "codes_markdown", "scan"]

_CODE = re.compile(r"^[EW]\d{3}$")
#: The modules that read the codes for this page (``docs.codes``, ``docs.code_words``): they raise none.
_READERS = (["docs", "codes"], ["docs", "code_words"])
_PACKAGE = Path(__file__).resolve().parents[1]

#: What a hundred of codes is about (by its letter and first digit), in English and in Japanese.
_RANGES = {
    "E0": ("The policy file, its syntax and the language server", "ポリシーのファイル、その構文と言語サーバー"),
    "E1": ("Event logs and policy tests", "イベントログとポリシーのテスト"),
    "E2": ("The policy language: checks of the model", "ポリシー言語：モデルの検査"),
    "E3": ("Calendars and compiled-policy checks", "カレンダーとコンパイルしたポリシーの検査"),
    "W0": ("Warnings: the policy file and its texts", "警告：ポリシーのファイルとその文"),
    "W2": ("Warnings: the policy language", "警告：ポリシー言語"),
    "W3": ("Warnings: calendars and compiled-policy checks", "警告：カレンダーとコンパイルしたポリシーの検査"),
}
#: The table's head in each language (the Japanese page shows the Japanese words only).
_HEAD = {
    "en": "| Code | Raised in | Message (… is filled in) | `help:` | Japanese (message and help) |\n"
    "|---|---|---|---|---|",
    "ja": "| コード | 発生箇所 | メッセージ（… には値が入ります） | ヒント |\n|---|---|---|---|",
}
#: A use whose words are built where it is raised (no string to show), in each language.
_BUILT = {"en": "(built where it is raised)", "ja": "（発生箇所で組み立てます）"}


class CodeUse(NamedTuple):
    """One place that raises a code: the module, the line, and the words it uses."""

    code: str
    module: str
    line: int
    message: str
    help: str
    #: the Japanese message and help, where the call words them from the catalogue
    message_ja: str = ""
    help_ja: str = ""


def _template(key: str, lang: str) -> str:
    """A catalogue entry with its fields shown as ``…`` and its quoted syntax filled in."""
    entry = CATALOGUE[key]
    text = entry.ja if lang == "ja" else entry.en
    parts = []
    for literal, field, _, _ in string.Formatter().parse(text):
        parts.append(literal)
        if field is not None:
            parts.append(SYNTAX.get(field, "…"))
    return "".join(parts)


def _catalogue_key(node: ast.expr) -> str | None:
    """The first ``words("diag....")`` key in ``node``, if it names a catalogue entry."""
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Name)
            and sub.func.id in ("words", "did_you_mean_words")
            and sub.args
        ):
            first = sub.args[0]
            if sub.func.id == "did_you_mean_words":
                return "diag.help.did_you_mean"
            if isinstance(first, ast.IfExp):  # words("diag.E202.next_day" if next_day else "diag.E202")
                first = first.body
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value in CATALOGUE:
                return first.value
    return None


def _catalogue_keys(node: ast.expr) -> list[str]:
    """The catalogue keys ``node`` may word: each branch's of a ``words("a" if x else "b")``."""
    key = _catalogue_key(node)
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "words" and sub.args:
            first = sub.args[0]
            if isinstance(first, ast.IfExp):
                branches = [b.value for b in (first.body, first.orelse) if isinstance(b, ast.Constant)]
                return [b for b in branches if isinstance(b, str) and b in CATALOGUE]
            break
    return [key] if key else []


#: The parameter names of a message and of its help, in the functions that raise a code.
_MESSAGE_PARAMS = frozenset({"message", "text", "words", "msg"})
_HELP_PARAMS = frozenset({"help", "help_text"})


class _Signature(NamedTuple):
    """The parameters of a function (``self`` left out) or of a dataclass or NamedTuple (its fields)."""

    positional: tuple[str, ...]
    named: frozenset[str]
    star: bool
    double_star: bool


def _signature_of_function(node: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> _Signature:
    a = node.args
    positional = [p.arg for p in (*a.posonlyargs, *a.args)]
    if method and positional and positional[0] in ("self", "cls"):
        positional = positional[1:]
    named = frozenset((*positional, *(p.arg for p in a.kwonlyargs)))
    return _Signature(tuple(positional), named, a.vararg is not None, a.kwarg is not None)


def _signatures(trees: Iterable[ast.Module]) -> dict[str, list[_Signature]]:
    """Every function, method and field-declared class of the package by its name (a class with an
    ``__init__`` by that one's parameters)."""
    found: dict[str, list[_Signature]] = {}
    for tree in trees:
        for parent in ast.walk(tree):
            method = isinstance(parent, ast.ClassDef)
            for node in ast.iter_child_nodes(parent):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    found.setdefault(node.name, []).append(_signature_of_function(node, method))
            if isinstance(parent, ast.ClassDef):
                init = [i for i in parent.body if isinstance(i, ast.FunctionDef) and i.name == "__init__"]
                fields = [
                    i.target.id
                    for i in parent.body
                    if isinstance(i, ast.AnnAssign) and isinstance(i.target, ast.Name) and i.simple
                ]
                if init:
                    found.setdefault(parent.name, []).append(_signature_of_function(init[0], True))
                elif fields:
                    found.setdefault(parent.name, []).append(_Signature(tuple(fields), frozenset(fields), False, False))
    return found


def _callee(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _bound(node: ast.Call, sig: _Signature) -> dict[str, ast.expr] | None:
    """The call's arguments by parameter name, if ``sig`` takes them and its code goes to ``code``."""
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    if len(node.args) > len(sig.positional) and not sig.star:
        return None
    bound = dict(zip(sig.positional, node.args, strict=False))
    for k in node.keywords:
        assert k.arg is not None
        if k.arg in bound or (k.arg not in sig.named and not sig.double_star):
            return None
        bound[k.arg] = k.value
    codes = [name for name, a in bound.items() if _is_code(a)]
    if codes != ["code"]:
        return None
    return bound


def _roles(node: ast.Call, signatures: dict[str, list[_Signature]]) -> tuple[ast.expr, ast.expr | None] | None:
    """The call's message and help arguments, by the called function's parameter names; None when no
    definition in the package fits the call, or the ones that fit disagree."""
    name = _callee(node)
    readings: set[tuple[ast.expr | None, ast.expr | None]] = set()
    for sig in signatures.get(name or "", []):
        bound = _bound(node, sig)
        if bound is None:
            continue
        message = next((a for p, a in bound.items() if p in _MESSAGE_PARAMS), None)
        help_ = next((a for p, a in bound.items() if p in _HELP_PARAMS), None)
        readings.add((message, help_))
    if len(readings) != 1:
        return None
    message, help_ = readings.pop()
    return (message, help_) if message is not None else None


def _worded_by_role(message: ast.expr, help_: ast.expr | None) -> list[tuple[str, str, str, str]]:
    """English and Japanese message and help, where the message argument is catalogue words (one for
    each message it may be)."""
    help_key = _catalogue_key(help_) if help_ is not None else None
    return [
        (
            _template(key, "en"),
            _template(help_key, "en") if help_key else "",
            _template(key, "ja"),
            _template(help_key, "ja") if help_key else "",
        )
        for key in _catalogue_keys(message)
    ]


def _worded(node: ast.Call) -> tuple[str, str, str, str] | None:
    """English and Japanese message and help of a call no definition in the package fits, whose message
    is catalogue words: read by position (the first words the message, the ``help`` keyword or the
    next words its help)."""
    rest = [a for a in node.args if not _is_code(a)]
    keyed = [(i, k) for i, a in enumerate(rest) if (k := _catalogue_key(a))]
    if not keyed:
        return None
    first, message = keyed[0]
    helps = [k.value for k in node.keywords if k.arg == "help"] or rest[first + 2 : first + 3] or rest[first + 1 :]
    help_key = next((k for h in helps if (k := _catalogue_key(h))), None)
    return (
        _template(message, "en"),
        _template(help_key, "en") if help_key else "",
        _template(message, "ja"),
        _template(help_key, "ja") if help_key else "",
    )


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [v.value if isinstance(v, ast.Constant) else "…" for v in node.values]
        return "".join(str(p) for p in parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return None if left is None or right is None else left + right
    return None


def _is_code(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(_CODE.match(node.value))


def _uses(tree: ast.Module, module: str, signatures: dict[str, list[_Signature]]) -> Iterator[CodeUse]:
    seen: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple):  # ("E107", f"field `{field}` is empty", hint)
            parts = node.elts
            codes = [
                a for a in parts if isinstance(a, ast.Constant) and isinstance(a.value, str) and _CODE.match(a.value)
            ]
            texts = [t for a in parts if a not in codes and (t := _text(a)) is not None and len(t) > 3]
            keys = [k for a in parts if (k := _catalogue_key(a))]
            if len(codes) == 1 and keys:  # ("E107", words("events.E107", field=field), None)
                seen.add(id(codes[0]))
                help_keys = keys[1:2]
                yield CodeUse(
                    str(codes[0].value),
                    module,
                    node.lineno,
                    _template(keys[0], "en"),
                    "".join(_template(k, "en") for k in help_keys),
                    _template(keys[0], "ja"),
                    "".join(_template(k, "ja") for k in help_keys),
                )
            elif len(codes) == 1 and texts:
                seen.add(id(codes[0]))
                yield CodeUse(str(codes[0].value), module, node.lineno, texts[0], texts[1] if len(texts) > 1 else "")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            args = [*node.args, *(k.value for k in node.keywords if k.arg != "help")]
            codes = [
                a for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str) and _CODE.match(a.value)
            ]
            if not codes:
                continue
            roles = _roles(node, signatures)
            if roles is not None:  # the message and help by the parameters they are passed to
                said, helped = roles
                worded = _worded_by_role(said, helped) or None
                texts = [t] if (t := _text(said)) is not None else []
                help_text = (_text(helped) or "") if helped is not None else ""
            else:
                positional = _worded(node)
                worded = [positional] if positional else None
                texts = [t for a in args if a not in codes and (t := _text(a)) is not None and len(t) > 3]
                helps = [_text(k.value) for k in node.keywords if k.arg == "help"]
                help_text = next((h for h in helps if h), texts[1] if len(texts) > 1 else "")
            for c in codes:
                if id(c) in seen:
                    continue
                seen.add(id(c))
                if worded is not None:
                    for each in worded:
                        yield CodeUse(str(c.value), module, node.lineno, *each)
                else:
                    yield CodeUse(str(c.value), module, node.lineno, texts[0] if texts else "", help_text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CODE.match(node.value):
            if id(node) not in seen:
                yield CodeUse(node.value, module, node.lineno, "", "")


@cache
def _trees(package: Path) -> dict[str, ast.Module]:
    """The package's modules by dotted name, parsed once (one that cannot be read left out); read only."""
    trees: dict[str, ast.Module] = {}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package.parent).with_suffix("")
        try:
            trees[".".join(rel.parts)] = ast.parse(path.read_text("utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
    return trees


def scan(package: Path = _PACKAGE) -> list[CodeUse]:
    """Every use of a diagnostic code in ``package``, ordered by code, module and line."""
    trees = _trees(package)
    signatures = _signatures(trees.values())
    out: list[CodeUse] = []
    for module, tree in trees.items():
        if module.split(".")[1:] in _READERS:
            continue  # this page's own modules raise no code (their tables name some)
        out.extend(_uses(tree, module, signatures))
    return sorted(set(out), key=lambda u: (u.code, u.module, u.line))


def unresolved_calls(package: Path = _PACKAGE) -> list[str]:
    """Calls that pass a code with catalogue words but that no definition in the package fits (read by
    position): ``module:line``. None is expected; a test keeps it so."""
    trees = _trees(package)
    signatures = _signatures(trees.values())
    out = []
    for module, tree in trees.items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and any(_is_code(a) for a in [*node.args, *(k.value for k in node.keywords)])
                and any(_catalogue_key(a) for a in [*node.args, *(k.value for k in node.keywords)])
                and _roles(node, signatures) is None
            ):
                out.append(f"{module}:{node.lineno}")
    return out


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text or "—"


#: Codes worded by another code's catalogue entries (the evaluator's check of a value against the policies).
_WORDS_OF = {"E121": "E120", "E122": "E120", "E130": "E120"}


def _event_words(code: str) -> tuple[list[str], list[str], list[str], list[str]] | None:
    """An event log's problem ``code`` from its catalogue entries (``events.E1xx[.variant]`` and their
    ``.help``): every message and help in English and in Japanese; None for a code without entries."""
    base = f"events.{_WORDS_OF.get(code, code)}"
    keys = [k for k in CATALOGUE if k == base or k.startswith(base + ".")]
    if not keys:
        return None
    messages = [k for k in keys if ".help" not in k[len(base) :]]
    helps = [k for k in keys if ".help" in k[len(base) :]]
    return (
        [_template(k, "en") for k in messages],
        [_template(k, "en") for k in helps],
        [_template(k, "ja") for k in messages],
        [_template(k, "ja") for k in helps],
    )


def _header(out: list[str], hundred: str, lang: str) -> None:
    en, ja = _RANGES.get(hundred, (f"{hundred}xx", f"{hundred}xx"))
    out += ["", f"## {ja if lang == 'ja' else en} ({hundred}xx) {{#{hundred.lower()}xx}}", ""]
    out += _HEAD[lang].split("\n")


def _joined(texts: Iterable[str], empty: str = "—") -> str:
    return "<br>".join(dict.fromkeys(_cell(t) for t in texts if t)) or empty


def _ja(text: str) -> str:
    return f'<span lang="ja">{text}</span>' if text != "—" else text


#: The catalogue entries the page accounts for, by the start of their keys: the policy's diagnostics, and the
#: words of ``sla test``'s errors about its test files (E160-E163: :mod:`sla_dsl.authoring.testyaml`,
#: :mod:`sla_dsl.authoring.policytest`), which are worded from ``author.test.*`` as the policy's are from
#: ``diag.*``. Each is on the page, filled into another entry's field, or left out in :data:`NOT_SHOWN`.
ACCOUNTED = ("diag.", "author.test.")

#: Catalogue entries that are no message or help of their own, by the pattern of their keys: why each is
#: not on the page (a test checks that every other entry of :data:`ACCOUNTED` is).
NOT_SHOWN: dict[str, str] = {
    r"diag\.word\..*": "the frame around every diagnostic (error, warning, help, the counts), no code's words",
    r"diag\.expected\..*": "a phrase of what the parser expected, filled into the `…` of E010, E011 and E012",
    r"diag\.[EW]\d{3}\.(?:what|why|kind|missing)\..*": "a word filled into the `…` of its code's message",
    r"diag\.E244\.(?:update|clock)": "what names the event, filled into the `…` of E244's message",
    r"diag\.E204\.candidate": "a country a language code may mean, filled into the `…` of E204's help",
}
_NOT_SHOWN = re.compile("|".join(f"(?:{p})" for p in NOT_SHOWN))
_NAMED = re.compile(r"^diag\.([EW]\d{3})(?:$|[._])")


class Worded(NamedTuple):
    """A code's row: the modules that raise it, and the catalogue keys of its messages and of its helps."""

    modules: tuple[str, ...]
    messages: tuple[str, ...]
    helps: tuple[str, ...]


@cache
def worded() -> dict[str, Worded]:
    """Every code the package raises, with the catalogue keys it can print (:mod:`.code_words`: followed
    through variables, helpers and keys built from tables; a ``diag.<code>...`` key is its code's even where
    the source does not show it raised), its modules, in catalogue order."""
    trees = _trees(_PACKAGE)
    read = code_words.read({m: t for m, t in trees.items() if m.split(".")[1:] not in _READERS})
    found: dict[str, tuple[set[str], dict[str, str]]] = {}
    for u in scan():
        found.setdefault(u.code, (set(), {}))[0].add(u.module)
    for k in read.uses:
        modules, keys = found.setdefault(k.code, (set(), {}))
        modules.add(k.module)
        keys.setdefault(k.key, k.role)
    for key in CATALOGUE:
        named = _NAMED.match(key)
        if named and named.group(1) in found and key not in read.fragments and not _NOT_SHOWN.fullmatch(key):
            found[named.group(1)][1].setdefault(key, "help" if "help" in key.split(".")[1:] else "message")
    order = {k: i for i, k in enumerate(CATALOGUE)}
    out = {}
    for code, (modules, keys) in sorted(found.items()):
        ranked = sorted(keys, key=order.__getitem__)
        out[code] = Worded(
            tuple(sorted(modules)),
            tuple(k for k in ranked if keys[k] == "message"),
            tuple(k for k in ranked if keys[k] == "help"),
        )
    return out


def not_on_page() -> list[str]:
    """The entries of :data:`ACCOUNTED` (``diag.*``, ``author.test.*``) neither on the page (a message or help of
    a code) nor filled into another entry's field nor explicitly left out (:data:`NOT_SHOWN`). None is
    expected; a test keeps it so."""
    shown = {k for w in worded().values() for k in (*w.messages, *w.helps)}
    fragments = code_words.read(
        {m: t for m, t in _trees(_PACKAGE).items() if m.split(".")[1:] not in _READERS}
    ).fragments
    return [
        k
        for k in CATALOGUE
        if k.startswith(ACCOUNTED) and k not in shown and k not in fragments and not _NOT_SHOWN.fullmatch(k)
    ]


def codes_markdown(lang: str = "en") -> str:
    """Markdown: one table per hundred of codes (errors, then warnings), a row per code with the modules that
    raise it and every message and help it can print (an event log's problem worded from the catalogue's
    ``events.*``). In English with the Japanese beside it, or (``lang`` ``ja``) in Japanese only."""
    literal: dict[str, list[CodeUse]] = {}
    for u in scan():
        literal.setdefault(u.code, []).append(u)
    out: list[str] = []
    current = ""
    for code, row in worded().items():
        hundred = code[:2]
        if hundred != current:
            current = hundred
            _header(out, hundred, lang)
        modules = "<br>".join(f"`{m}`" for m in row.modules)
        events = _event_words(code)
        if events is not None:
            en, en_help, ja, ja_help = events
        else:
            # (a text written in the source, not in the catalogue, is English only)
            plain = [u for u in literal.get(code, []) if u.message and not u.message_ja]
            en = [*(_template(k, "en") for k in row.messages), *(u.message for u in plain)]
            en_help = [*(_template(k, "en") for k in row.helps), *(u.help for u in plain)]
            ja = [_template(k, "ja") for k in row.messages]
            ja_help = [_template(k, "ja") for k in row.helps]
        if lang == "ja":
            out.append(f"| `{code}` | {modules} | {_joined(ja, _BUILT['ja'])} | {_joined(ja_help)} |")
            continue
        japanese = _joined([*ja, *(f"ヒント：{h}" for h in ja_help)])
        out.append(f"| `{code}` | {modules} | {_joined(en, _BUILT['en'])} | {_joined(en_help)} | {_ja(japanese)} |")
    return "\n".join(out).strip() + "\n"
