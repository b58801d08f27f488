"""The versions beside a policy open in ``sla lsp``, compared as ``sla check DIR`` compares them.

Design notes
------------
* A policy's versions are the ``*.sla`` files of one directory (the authors' guide, sections 2 and 3),
  and ``sla check DIR`` refuses two that cannot be judged together: E304 (one effective date), E307
  (another name), E306 (one ``version``), E305 (another time zone), and warns of W307
  (:func:`~sla_dsl.policy.load.compare_versions`). Each file alone is clean, so an editor checking
  one file at a time would show the pair clean. When an open document (a ``file:`` URI) has been
  checked, :meth:`Versions.beside` compares it with the files of its directory that ``sla check
  DIR`` reads (``*.sla``, hidden files left out, in name order): an open one as the editor has it,
  the others as they are on the disk. A document whose file is not on the disk (deleted, or not
  saved yet) is compared with nothing: ``sla check DIR`` would not read it.
* A finding is shown on the open document it is about, in the words ``sla check`` writes when run
  in that directory (the other file by its name); a finding about a file that is not open is shown
  on the open document it names, at the same statement there, quoting it with its place
  (``b.sla:3:3``: ``author.lsp.other_version``). One between two files that are not open is shown
  on neither: it is about no document being edited.
* Kept cheap, since it runs after every check (on the checks' worker thread): only the document's
  own directory; none of it when the directory has more than :data:`MAX_FILES` policies; a file
  over the size cap is left out (refused on its own, it takes part in no comparison); and each
  file's compile is kept with its text, and a file on the disk with its size and time of change
  too, so that an unchanged file is neither read nor compiled again (the document's own compile is
  the check's, not a second one).
* No pygls and no LSP types here: :mod:`.lsp` turns what is found (:class:`Shown`) into diagnostics.
"""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse
from urllib.request import url2pathname

from ..errors import place
from ..i18n import message
from ..lang import model as m
from ..lang.compile import Compiled
from ..lang.diagnostics import Diagnostic, policy_language
from ..lang.source import MAX_POLICY_BYTES, read_policy_file
from ..policy.load import compare_versions, compile_text, same_file_key

#: The most policies a directory may hold to be compared (a larger one is not: each check would read it).
MAX_FILES = 50


class Place(NamedTuple):
    """A statement of a version: its document (the client's URI when open, else the file's), its text,
    where it stands and the file's name."""

    uri: str
    text: str
    span: m.Span
    name: str


class Shown(NamedTuple):
    """A finding to show on an open document: where in its text, in what words (its language's), the
    finding itself (its code, severity and help) and the statement of the other version it names."""

    span: m.Span
    text: str
    lang: str
    diagnostic: Diagnostic
    related: Place


@dataclass(frozen=True)
class Beside:
    """What comparing a document with the versions beside it found."""

    #: the text of each open document compared (the checked one's too): a finding about a text changed
    #: since is not shown
    texts: dict[str, str] = field(default_factory=dict)
    #: the findings to show on each open document compared (none: it has none)
    found: dict[str, list[Shown]] = field(default_factory=dict)


class _Member(NamedTuple):
    """A version of the directory: its file, the URI of its open document (``None``: not open), its text
    and its compile."""

    path: Path
    uri: str | None
    text: str
    compiled: Compiled


class _Kept(NamedTuple):
    """A file's compile, with the text it came from and, for a file read from the disk, its size and time
    of change."""

    text: str
    stamp: tuple[int, int] | None
    compiled: Compiled


def file_path(uri: str) -> Path | None:
    """The local file a ``file:`` URI names (``None`` for another scheme, or a file on another host)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return None
    return Path(url2pathname(parsed.path))


def is_listed(path: Path) -> bool:
    """Whether ``sla check DIR`` reads this file of its directory: a ``*.sla`` file, not hidden."""
    return path.match("*.sla") and not path.name.startswith(".")


def same_directory(uri: str, uris: Mapping[str, object]) -> list[str]:
    """The open documents of ``uris`` that are versions in the directory of ``uri`` (``uri`` left out)."""
    path = file_path(uri)
    if path is None or not is_listed(path):
        return []
    folder = same_file_key(path.parent)
    found = []
    for other in uris:
        p = file_path(other)
        if other != uri and p is not None and is_listed(p) and same_file_key(p.parent) == folder:
            found.append(other)
    return found


class Versions:
    """The compiles of the versions beside the open documents, kept between checks (by file; one text
    each). Used by one thread at a time: the checks' worker."""

    def __init__(self) -> None:
        self._kept: dict[str, _Kept] = {}

    def beside(self, uri: str, text: str, compiled: Compiled, open_texts: Mapping[str, str]) -> Beside:
        """The findings of comparing an open document (``text``, just ``compiled``) with the versions of its
        directory, by the open document each is shown on (``open_texts``: the text of every open document)."""
        me = file_path(uri)
        if me is None or not is_listed(me):
            return Beside({uri: text})
        members = self._members(me, uri, text, compiled, open_texts)
        texts = {x.uri: x.text for x in members if x.uri is not None}
        texts[uri] = text
        if len(members) < 2:
            return Beside(texts)
        found: dict[str, list[Shown]] = {}
        for finding in compare_versions([x.compiled for x in members]):
            at, other = members[finding.at], members[finding.other]
            d = finding.diagnostic
            if at.uri is not None:
                lang = policy_language(at.compiled.model)
                shown = Shown(d.span, d.text(lang), lang, d, _place(other, finding.other_span))
                found.setdefault(at.uri, []).append(shown)
            elif other.uri is not None:  # about a file that is not open: on the open one it names
                lang = policy_language(other.compiled.model)
                where = place(at.path.name, d.span.line, d.span.column)
                said = message("author.lsp.other_version", lang, place=where, message=d.text(lang))
                found.setdefault(other.uri, []).append(Shown(finding.other_span, said, lang, d, _place(at, d.span)))
        return Beside(texts, found)

    def _members(
        self, me: Path, uri: str, text: str, compiled: Compiled, open_texts: Mapping[str, str]
    ) -> list[_Member]:
        """The versions of ``me``'s directory in name order, each compiled: the files ``sla check DIR`` reads
        (none when there are too many, or ``me`` is not one of them: not on the disk), an open one as the
        editor has it; a file that cannot be read, or is over the size cap, is left out."""
        folder = me.parent
        try:
            listed = list(itertools.islice((f for f in folder.glob("*.sla") if is_listed(f)), MAX_FILES + 1))
        except OSError:
            listed = []
        files = {same_file_key(f): f for f in listed}
        if len(files) > MAX_FILES or same_file_key(me) not in files:
            return []
        opened: dict[str, tuple[str, str]] = {same_file_key(me): (uri, text)}
        for other, other_text in open_texts.items():
            p = file_path(other)
            if other != uri and p is not None and is_listed(p) and (key := same_file_key(p)) in files:
                opened.setdefault(key, (other, other_text))
        members: list[_Member] = []
        for key, path in sorted(files.items(), key=lambda kp: kp[1].name):
            name = path.name
            if key in opened:
                open_uri, open_text = opened[key]
                if open_uri == uri:
                    mine = Compiled(
                        compiled.source, name, compiled.model, compiled.diagnostics, compiled.omitted,
                        compiled.unchecked, compiled.spots,
                    )  # fmt: skip
                    self._kept[key] = _Kept(text, None, mine)
                    members.append(_Member(path, uri, text, mine))
                elif (c := self._compiled(key, name, open_text, None)) is not None:
                    members.append(_Member(path, open_uri, open_text, c))
                continue
            found = self._on_disk(key, path)
            if found is not None:
                members.append(_Member(path, None, found.text, found.compiled))
        if len(self._kept) > 4 * MAX_FILES:  # (documents of other directories, closed since)
            keep = {same_file_key(x.path) for x in members}
            self._kept = {k: v for k, v in self._kept.items() if k in keep}
        return members

    def _on_disk(self, key: str, path: Path) -> _Kept | None:
        """A file's text and compile, read again only when its size or time of change moved."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_POLICY_BYTES:
            return None  # (refused on its own by `sla check`: no part in the comparison)
        stamp = (info.st_mtime_ns, info.st_size)
        kept = self._kept.get(key)
        if kept is not None and kept.stamp == stamp and kept.compiled.file == path.name:
            return kept
        text, _ = read_policy_file(path)
        if text is None:
            return None
        compiled = self._compiled(key, path.name, text, stamp)
        return self._kept[key] if compiled is not None else None

    def _compiled(self, key: str, name: str, text: str, stamp: tuple[int, int] | None) -> Compiled | None:
        """``text`` compiled as the file ``name``: the compile kept for it when its text is the same;
        ``None`` if compiling raised (a bug of ours, shown on the document's own check)."""
        kept = self._kept.get(key)
        if kept is not None and kept.text == text and kept.compiled.file == name:
            self._kept[key] = kept._replace(stamp=stamp)
            return kept.compiled
        try:
            compiled = compile_text(text, name)
        except Exception:
            return None
        self._kept[key] = _Kept(text, stamp, compiled)
        return compiled


def _place(member: _Member, span: m.Span) -> Place:
    """A statement of ``member``, named by its open document's URI, else its file's."""
    return Place(member.uri or member.path.as_uri(), member.text, span, member.path.name)
