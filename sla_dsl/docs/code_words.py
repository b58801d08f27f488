"""Which catalogue entries each diagnostic code can print: read from the package's source, without importing it.

Design notes
------------
* The error-code page (:mod:`.codes`) lists, for every code, every message and help an author can see.
  Most of them are not written in the call that raises the code: they arrive through a variable
  (``said = words("diag.W301.help", ...)``, then ``help=said``), a helper that returns them
  (``help=form_help(...)``), a key built from a table or a loop (``words(f"diag.W258.{word}")``,
  ``f"diag.{code}.expected"``), or a :class:`~sla_dsl.lang.input_hints.Hint` the parser raises later.
  So the words of a call are followed: a name to the values assigned to it in its function (or module),
  a name assigned from a tuple (``message, help = yaml_words(...)``) to the item at its place in each
  tuple that value can be (one a package function returns, one written out), a call of a package
  function to what that function returns, an f-string key to every catalogue key it can spell (a field
  ``{code}`` is the code raised, a field assigned only string constants is one of them, any other field
  is one dotted segment).
* Whether a text is a message or a help is read from the parameter it is passed to (``message``,
  ``help``, ...: the called function's own parameter names), and a key with a ``help`` segment
  (``diag.E012.help``, ``diag.help.fullwidth``) is always a help.
* A catalogue entry filled into another entry's field (``words("diag.E218", kind=words("diag.E218.kind.
  clock"))``) is a fragment, not a text of its own: the page shows its field as ``…``.
* A key named for a code (``diag.E218.planned_stop``) is that code's, whether or not the source is seen
  to raise it; a key named for another code than the one raised (a helper shared by E205 and E235) is
  left to that other code.
* :data:`RAISED_AS` names the codes a record raises when it says none itself: a :class:`Hint` without
  a code is raised by the parser as E010 (a character the lexer cannot read) or E011 (a token the parser
  cannot take there) (:func:`sla_dsl.lang.parser._hinted`). Which of the two depends on where the parser
  stopped, not on the hint: most hints come with either (``２０２６/04/01`` stops at a character no token
  starts with, E010; ``2026/04/01`` at the token ``2026``, E011). :data:`RAISED_ONLY_AS` names the hints
  that come with one only, each for a reason the hint itself gives (``tests/docs/test_hint_codes.py``
  checks the table against the parser on examples of every hint).
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..i18n import CATALOGUE

__all__ = ["RAISED_AS", "RAISED_ONLY_AS", "KeyUse", "Read", "read"]

_CODE = re.compile(r"^[EW]\d{3}$")
_NAMED = re.compile(r"^(?:diag|events)\.([EW]\d{3})(?:$|\.|_)")
#: The codes a record raises when it names none (see the design notes).
RAISED_AS: dict[str, tuple[str, ...]] = {"Hint": ("E010", "E011")}
#: The hints (by their help's key) a record of :data:`RAISED_AS` raises with one of its codes only.
RAISED_ONLY_AS: dict[str, tuple[str, ...]] = {
    # given where the parser stopped at a character no token starts with (a Japanese weekday, a country's
    # Japanese name, a Japanese opening quote): the lexer stops there, E010
    "diag.help.weekdays": ("E010",),
    "diag.help.country": ("E010",),
    "diag.help.quotes": ("E010",),
    # given where the parser stopped at ASCII digits (`on 4 thu`): always a token, E011
    "diag.help.ordinal": ("E011",),
    # given where the parser stopped at a token of a line (`..` of `holiday yearly 12-29..01-03`, `and` of
    # `at risk at 50% and 75% of target`: `sla_dsl.lang.line_hints`), E011
    "diag.help.holiday_range": ("E011",),
    "diag.help.list_and": ("E011",),
}
#: Parameter names of a message and of its help in the functions that raise a code.
MESSAGE_PARAMS = frozenset({"message", "text", "words", "msg"})
HELP_PARAMS = frozenset({"help", "help_text", "fallback"})
#: How deep helpers are followed (a helper calling a helper ...).
_DEPTH = 4
_SEGMENT = r"[^.]+"


class KeyUse(NamedTuple):
    """A catalogue key a code can print, as its message or its help, and the module that raises it."""

    code: str
    module: str
    key: str
    role: str  # "message" or "help"


class _Scope(NamedTuple):
    """Where a name is looked up: the values assigned to it in a function, then in the enclosing ones."""

    module: str
    envs: tuple[dict[str, list[ast.expr]], ...]
    #: the function's name and its parameters ("" and none at a module's top)
    function: str = ""
    params: frozenset[str] = frozenset()


class _Def(NamedTuple):
    module: str
    node: ast.FunctionDef | ast.AsyncFunctionDef
    scope: _Scope


def _assignments(body: Iterable[ast.stmt]) -> dict[str, list[ast.expr]]:
    """The values assigned to each name in ``body`` (nested functions and classes left out)."""
    env: dict[str, list[ast.expr]] = {}
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    env.setdefault(target.id, []).append(node.value)
                elif isinstance(target, ast.Tuple | ast.List):  # `message, help = ...`: each its item
                    for i, item in enumerate(target.elts):
                        if isinstance(item, ast.Name):
                            env.setdefault(item.id, []).append(_item(node.value, i))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            env.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            env.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.For | ast.comprehension):
            # (a loop's name: its values are among the constants of what it runs over)
            targets = [t for t in ast.walk(node.target) if isinstance(t, ast.Name)]
            for t in targets:
                env.setdefault(t.id, []).append(node.iter)
        stack.extend(ast.iter_child_nodes(node))
    return env


def _item(value: ast.expr, index: int) -> ast.Subscript:
    """``value[index]``: the item at ``index`` of the tuple ``value`` is (a name assigned from a tuple)."""
    return ast.copy_location(ast.Subscript(value=value, slice=ast.Constant(index), ctx=ast.Load()), value)


class _Index:
    """The package's functions by name, and the scope of each."""

    def __init__(self, trees: dict[str, ast.Module]) -> None:
        self.defs: dict[str, list[_Def]] = {}
        self.scopes: dict[int, _Scope] = {}  # id(function node) -> its scope
        self.codes: dict[str, dict[str, str]] = {}  # module -> constant name -> the code it holds
        self.code_defaults: dict[str, str] = {}  # function name -> the default of its `code` parameter
        for module, tree in trees.items():
            top = _Scope(module, (_assignments(tree.body),))
            self.codes[module] = {
                name: v.value
                for name, values in top.envs[0].items()
                for v in values
                if isinstance(v, ast.Constant) and isinstance(v.value, str) and _CODE.match(v.value)
            }
            self._walk(module, tree, top)

    def _walk(self, module: str, node: ast.AST, scope: _Scope) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                a = child.args
                params = frozenset(p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs))
                inner = _Scope(module, (_assignments(child.body), *scope.envs), child.name, params)
                self.scopes[id(child)] = inner
                self.defs.setdefault(child.name, []).append(_Def(module, child, inner))
                default = _code_default(child)
                if default:
                    self.code_defaults[child.name] = default
                self._walk(module, child, inner)
            else:
                self._walk(module, child, scope)

    def functions(self, name: str, module: str) -> list[_Def]:
        """The definitions a call of ``name`` in ``module`` may run: the module's own, else the package's
        (a name defined in many places is too common to follow)."""
        found = self.defs.get(name, [])
        own = [d for d in found if d.module == module]
        return own or (found if len(found) <= 3 else [])


def _code_default(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The default of a parameter ``code`` when it is a code (``code: str = "E011"``)."""
    a = node.args
    positional = [*a.posonlyargs, *a.args]
    pairs = list(zip(positional[len(positional) - len(a.defaults) :], a.defaults, strict=True))
    pairs += [(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is not None]
    for param, default in pairs:
        if param.arg == "code" and isinstance(default, ast.Constant) and isinstance(default.value, str):
            return default.value if _CODE.match(default.value) else None
    return None


class _Reader:
    """Reads the catalogue keys an expression can word (see the design notes)."""

    def __init__(self, index: _Index) -> None:
        self.index = index
        self._matched: dict[tuple[str, ...], set[str]] = {}
        self._returns: dict[tuple[int, str], set[str]] = {}
        self._items: dict[tuple[int, str, int], set[str]] = {}

    def patterns(self, node: ast.expr, scope: _Scope, code: str, seen: frozenset[int] = frozenset()) -> list[str]:
        """Regular expressions of the strings ``node`` can be (none when not a string it can tell)."""
        if id(node) in seen:
            return []
        seen = seen | {id(node)}
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [re.escape(node.value)]
        if isinstance(node, ast.JoinedStr):
            parts: list[list[str]] = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append([re.escape(str(v.value))])
                elif isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name) and v.value.id == "code":
                    parts.append([re.escape(code)])
                else:
                    inner = self.patterns(v.value, scope, code, seen) if isinstance(v, ast.FormattedValue) else []
                    parts.append([p for p in inner if p] or [_SEGMENT])
            if parts and parts[0] == [_SEGMENT]:  # (no literal start: it could be any key at all)
                return []
            return ["".join(p) for p in itertools.islice(itertools.product(*parts), 64)]
        if isinstance(node, ast.Name):
            return [p for v in self._values(node.id, scope) for p in self.patterns(v, scope, code, seen)]
        if isinstance(node, ast.IfExp):
            return [*self.patterns(node.body, scope, code, seen), *self.patterns(node.orelse, scope, code, seen)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.patterns(node.left, scope, code, seen), self.patterns(node.right, scope, code, seen)
            return [a + b for a, b in itertools.islice(itertools.product(left, right), 64)]
        if isinstance(node, ast.Tuple | ast.List | ast.Set):  # (a loop over constants)
            return [p for e in node.elts for p in self.patterns(e, scope, code, seen)]
        return []

    def _returned(self, d: _Def, code: str, depth: int) -> set[str]:
        """The keys a function returns (remembered: a helper is called from many places)."""
        memo = (id(d.node), code)
        if memo not in self._returns:
            self._returns[memo] = set()  # (a function calling itself adds nothing)
            self._returns[memo] = {
                k
                for ret in ast.walk(d.node)
                if isinstance(ret, ast.Return) and ret.value is not None
                for k in self.keys(ret.value, d.scope, code, depth + 1)
            }
        return self._returns[memo]

    def _returned_item(self, d: _Def, code: str, depth: int, index: int) -> set[str]:
        """The keys the item at ``index`` of the tuples a function returns can word (remembered)."""
        memo = (id(d.node), code, index)
        if memo not in self._items:
            self._items[memo] = set()  # (a function calling itself adds nothing)
            self._items[memo] = {
                k
                for ret in ast.walk(d.node)
                if isinstance(ret, ast.Return) and ret.value is not None
                for k in self.item_keys(ret.value, index, d.scope, code, depth + 1, frozenset()) or ()
            }
        return self._items[memo]

    def item_keys(
        self, node: ast.expr, index: int, scope: _Scope, code: str, depth: int, seen: frozenset[int]
    ) -> set[str] | None:
        """The keys the item at ``index`` of the tuple ``node`` is can word; None when it cannot tell which tuple
        ``node`` is (a tuple written out, a name assigned one, a package function's call, either branch)."""
        if isinstance(node, ast.Tuple | ast.List):
            return self.keys(node.elts[index], scope, code, depth, seen) if len(node.elts) > index else set()
        if isinstance(node, ast.IfExp):
            body = self.item_keys(node.body, index, scope, code, depth, seen)
            orelse = self.item_keys(node.orelse, index, scope, code, depth, seen)
            return None if body is None or orelse is None else body | orelse
        if isinstance(node, ast.Name):
            found: set[str] = set()
            for v in self._values(node.id, scope):
                if id(v) in seen:
                    continue
                got = self.item_keys(v, index, scope, code, depth, seen | {id(v)})
                if got is None:
                    return None
                found |= got
            return found
        if isinstance(node, ast.Call):
            name = _callee(node)
            defs = self.index.functions(name, scope.module) if name else []
            if not defs:
                return None
            return {k for d in defs for k in self._returned_item(d, code, depth, index)}
        return None

    def _values(self, name: str, scope: _Scope) -> list[ast.expr]:
        for env in scope.envs:
            if name in env:
                return env[name]
        return []

    def _matching(self, patterns: list[str]) -> set[str]:
        if not patterns:
            return set()
        found = self._matched.get(tuple(patterns))
        if found is None:
            rx = re.compile("|".join(f"(?:{p})" for p in patterns))
            found = self._matched[tuple(patterns)] = {k for k in CATALOGUE if rx.fullmatch(k)}
        return found

    def key_call(self, node: ast.Call, scope: _Scope, code: str) -> set[str]:
        """The keys a call whose first argument names a catalogue entry words (``words("diag.E207")``)."""
        if not node.args or isinstance(node.args[0], ast.Starred):
            return set()
        return self._matching(self.patterns(node.args[0], scope, code))

    def keys(
        self, node: ast.AST, scope: _Scope, code: str, depth: int = 0, seen: frozenset[int] = frozenset()
    ) -> set[str]:
        """The catalogue keys ``node`` can word as a text of its own (fields filled into them left out)."""
        if id(node) in seen or depth > _DEPTH:
            return set()
        seen = seen | {id(node)}
        if isinstance(node, ast.Constant):
            return {node.value} if isinstance(node.value, str) and node.value in CATALOGUE else set()
        if isinstance(node, ast.Name):
            return {k for v in self._values(node.id, scope) for k in self.keys(v, scope, code, depth, seen)}
        if isinstance(node, ast.Call):
            worded = self.key_call(node, scope, code)
            if worded:
                return worded
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if isinstance(node.func, ast.Attribute):
                name = node.func.attr
            found: set[str] = set()
            defs = self.index.functions(name, scope.module) if name else []
            for d in defs:
                found |= self._returned(d, code, depth)
            if isinstance(node.func, ast.Attribute):
                found |= self.keys(node.func.value, scope, code, depth, seen)
            if not defs:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    found |= self.keys(arg, scope, code, depth, seen)
            return found
        if isinstance(node, ast.JoinedStr):
            worded = self._matching(self.patterns(node, scope, code))
            if worded:
                return worded
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and type(node.slice.value) is int
            and depth <= _DEPTH
        ):  # the item of a tuple (a name assigned from one): that item's words, when the tuple is known
            found_item = self.item_keys(node.value, node.slice.value, scope, code, depth, seen)
            if found_item is not None:
                return found_item
        if isinstance(node, ast.Attribute | ast.Lambda):  # (a record's field, a function: no words of its own)
            return set()
        if isinstance(node, ast.expr):
            return {k for child in ast.iter_child_nodes(node) for k in self.keys(child, scope, code, depth, seen)}
        return set()


def _callee(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else None


def _params(d: ast.FunctionDef | ast.AsyncFunctionDef | None, fields: list[str] | None) -> list[str]:
    if d is None:
        return fields or []
    names = [p.arg for p in (*d.args.posonlyargs, *d.args.args)]
    return names[1:] if names and names[0] in ("self", "cls") else names


def _roles(node: ast.Call, params: list[str]) -> tuple[list[ast.expr], list[ast.expr]]:
    """The call's message and help arguments by the parameters they are passed to."""
    bound = dict(zip(params, node.args, strict=False))
    bound |= {k.arg: k.value for k in node.keywords if k.arg}
    said = [a for p, a in bound.items() if p in MESSAGE_PARAMS]
    helped = [a for p, a in bound.items() if p in HELP_PARAMS]
    return said, helped


def _classes(trees: dict[str, ast.Module]) -> dict[str, list[str]]:
    """The fields of each class declared by its annotated fields (a dataclass, a NamedTuple)."""
    out: dict[str, list[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                fields = [
                    i.target.id
                    for i in node.body
                    if isinstance(i, ast.AnnAssign) and isinstance(i.target, ast.Name) and i.simple
                ]
                if fields:
                    out.setdefault(node.name, fields)
    return out


def _calls(node: ast.AST, scope: _Scope, index: _Index) -> Iterator[tuple[ast.Call, _Scope]]:
    for child in ast.iter_child_nodes(node):
        inner = index.scopes.get(id(child), scope)
        if isinstance(child, ast.Call):
            yield child, scope
        yield from _calls(child, inner, index)


def _code_params(index: _Index) -> dict[str, int]:
    """The functions with a parameter ``code``, and its position."""
    out: dict[str, int] = {}
    for name, defs in index.defs.items():
        for d in defs:
            params = _params(d.node, None)
            if "code" in params:
                out[name] = params.index("code")
                break
    return out


def _fits(d: ast.FunctionDef | ast.AsyncFunctionDef, node: ast.Call) -> bool:
    """Whether ``d`` takes the call's arguments, its code at a parameter ``code``."""
    a = d.args
    params = _params(d, None)
    named = {*params, *(p.arg for p in a.kwonlyargs)}
    if len(node.args) > len(params) and a.vararg is None:
        return False
    if any(k.arg and k.arg not in named for k in node.keywords) and a.kwarg is None:
        return False
    return "code" in named


class _Calls:
    """Every call of the package with its scope, and the codes each function with a ``code`` parameter is
    called with (its default, the codes its callers pass, and theirs when they pass their own on)."""

    def __init__(self, trees: dict[str, ast.Module], index: _Index) -> None:
        self.index = index
        self.all = [
            (node, scope)
            for module, tree in trees.items()
            for node, scope in _calls(tree, _Scope(module, (_assignments(tree.body),)), index)
        ]
        self.positions = _code_params(index)
        self.callers: dict[str, set[str]] = {
            name: {index.code_defaults[name]} if name in index.code_defaults else set() for name in self.positions
        }
        for _ in range(6):
            grown = False
            for node, scope in self.all:
                name = _callee(node) or ""
                if name not in self.positions:
                    continue
                found = self._passed(node, scope, name)
                if not found <= self.callers[name]:
                    self.callers[name] |= found
                    grown = True
            if not grown:
                break

    def _arg(self, node: ast.Call, name: str) -> ast.expr | None:
        """The argument a call of ``name`` passes to its parameter ``code``."""
        given = [k.value for k in node.keywords if k.arg == "code"]
        at = self.positions.get(name)
        if not given and at is not None and at < len(node.args):
            given = [node.args[at]]
        return given[0] if given else None

    def _passed(self, node: ast.Call, scope: _Scope, name: str) -> set[str]:
        arg = self._arg(node, name)
        return self.resolve(arg, scope) if arg is not None else set()

    def resolve(self, arg: ast.expr, scope: _Scope) -> set[str]:
        """The codes an argument can be: a code, a constant holding one, a name assigned codes, or the
        enclosing function's own ``code`` parameter (the codes that function is called with)."""
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _CODE.match(arg.value):
            return {arg.value}
        if not isinstance(arg, ast.Name):
            return set()
        if arg.id in self.index.codes.get(scope.module, {}):
            return {self.index.codes[scope.module][arg.id]}
        if arg.id in scope.params:
            return set(self.callers.get(scope.function, ())) if arg.id == "code" else set()
        values = next((env[arg.id] for env in scope.envs if arg.id in env), [])
        return {
            c.value
            for v in values
            for c in ast.walk(v)
            if isinstance(c, ast.Constant) and isinstance(c.value, str) and _CODE.match(c.value)
        }

    def codes(self, node: ast.Call, scope: _Scope) -> set[str]:
        """The codes a call raises: those it passes, else its function's default, else :data:`RAISED_AS`."""
        name = _callee(node) or ""
        if name in self.positions:
            arg = self._arg(node, name)
            if arg is not None:
                return self.resolve(arg, scope)
            return {self.index.code_defaults[name]} if name in self.index.code_defaults else set()
        found = {c for a in [*node.args, *(k.value for k in node.keywords)] for c in self.literal(a, scope)}
        return found or set(RAISED_AS.get(name, ()))

    def literal(self, arg: ast.expr, scope: _Scope) -> set[str]:
        """The code an argument gives as it is: a code, or a module's constant holding one."""
        if isinstance(arg, ast.Constant) or (
            isinstance(arg, ast.Name) and arg.id in self.index.codes.get(scope.module, {})
        ):
            return self.resolve(arg, scope)
        return set()


class Read(NamedTuple):
    """What the package's source says of its catalogue words: the keys each code prints, and the keys
    filled into another entry's field."""

    uses: list[KeyUse]
    fragments: set[str]


def read(trees: dict[str, ast.Module]) -> Read:
    """Every catalogue key a call in the package prints with a code (as a message or as a help), and the
    fragments (see the design notes). A function that raises a code with the message and help it is given
    (``_refused(file, message, help)``) is read as raising it at each of its calls."""
    index = _Index(trees)
    reader = _Reader(index)
    calls = _Calls(trees, index)
    classes = _classes(trees)
    out: set[KeyUse] = set()
    fragments: set[str] = set()
    #: function -> the codes it raises with its parameters' words, and those parameters (message, help)
    wrappers: dict[str, tuple[set[str], str, str]] = {}
    for round_ in range(3):
        for node, scope in calls.all:
            if round_ == 0 and node.keywords and reader.key_call(node, scope, ""):
                for k in node.keywords:
                    fragments |= reader.keys(k.value, scope, "")
            name = _callee(node) or ""
            codes = calls.codes(node, scope)
            if name in wrappers:
                codes |= wrappers[name][0]
            if not codes:
                continue
            defs = [d for d in index.functions(name, scope.module) or index.defs.get(name, []) if _fits(d.node, node)]
            params = _params(defs[0].node if defs else None, classes.get(name))
            if name in wrappers:
                defs = index.functions(name, scope.module) or index.defs.get(name, [])
                params = _params(defs[0].node, None)
            said, helped = _roles(node, params) if params else ([], [])
            if name in wrappers:
                said, helped = _roles_by(node, params, wrappers[name][1:])
            if not said:  # (no definition fits: the first text the message, the next the help)
                rest = [a for a in node.args if not calls.resolve(a, scope)]
                said = rest[:1]
                helped = helped or [k.value for k in node.keywords if k.arg == "help"] or rest[1:2]
            passed = [a.id for a in [*said, *helped] if isinstance(a, ast.Name) and a.id in scope.params]
            if passed and scope.function and "code" not in scope.params:
                message = next((a.id for a in said if isinstance(a, ast.Name)), "")
                help_ = next((a.id for a in helped if isinstance(a, ast.Name)), "")
                known = wrappers.get(scope.function, (set(), message, help_))
                wrappers[scope.function] = (known[0] | codes, message, help_)
            # (a record that names no code: raised as :data:`RAISED_AS` says, a hint perhaps as one code only)
            recorded = name in RAISED_AS and not any(
                calls.literal(a, scope) for a in [*node.args, *(k.value for k in node.keywords)]
            )
            for code in sorted(codes):
                for role, exprs in (("message", said), ("help", helped)):
                    for expr in exprs:
                        for key in reader.keys(expr, scope, code):
                            named = _NAMED.match(key)
                            if key.startswith("diag.word.") or (named and named.group(1) != code):
                                continue
                            if recorded and code not in RAISED_ONLY_AS.get(key, (code,)):
                                continue  # (a hint the parser gives with the other code only)
                            out.add(KeyUse(code, scope.module, key, "help" if _is_help(key) else role))
    return Read(sorted(out), fragments)


def _roles_by(node: ast.Call, params: list[str], names: tuple[str, str]) -> tuple[list[ast.expr], list[ast.expr]]:
    """A wrapper's message and help arguments: those passed to its parameters ``names``."""
    bound = dict(zip(params, node.args, strict=False))
    bound |= {k.arg: k.value for k in node.keywords if k.arg}
    message, help_ = names
    return [bound[message]] if message in bound else [], [bound[help_]] if help_ in bound else []


def _is_help(key: str) -> bool:
    return "help" in key.split(".")[1:]
