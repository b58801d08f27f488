"""The report on paper: each printed page's header and footer, and the PDF printed by headless Chromium.

Design notes
------------
* The HTML report is the one printed document. Its print stylesheet
  (``@media print`` in :mod:`.render`) lays it out on A4 portrait: small
  print type, tables that wrap to the page a pixel inside its edges (so no
  border is cut at the margin), headers repeated on every page, no row (nor
  the lines of one outage) split across pages, the chart scaled to the page.
  This module adds
  the page's margin boxes (CSS ``@page`` ``@top-left`` and ``@bottom-right``,
  drawn by Chromium since version 131): the report's title with its month at
  the top of every page and the page number ("1 / 4 ページ", "Page 1 of 4") at
  the bottom. A page printed from a browser and the PDF carry the same
  header and footer, and the words come from the catalogue
  (``report.print.page``). The title is the report's heading written as a CSS
  string (:func:`css_string`): a policy name may hold a quote, a backslash or
  ``</style>``.
* The PDF is Chromium's own print of that page (``--headless
  --print-to-pdf``, with Chromium's header and footer off so only the margin
  boxes show): no second layout engine and no PDF library, and what a reader
  prints from the browser is what the PDF shows. Chromium is
  ``SLA_CHROMIUM`` (a path or a command name) if set, else the first of
  :data:`CHROMIUMS` on ``PATH``. Without one, or when it fails or does not
  finish within the timeout, :class:`~sla_dsl.lang.diagnostics.WordedInputError`
  says so and what to set, in the run's language (the catalogue's ``cli.evaluate.pdf.*``), and ``sla``
  exits 1 with nothing written.
* Chromium runs in a private temporary folder (the page, the PDF and a
  throwaway profile), with background networking off: the report has no
  external resources.
* The same report printed by the same Chromium is the same bytes, on any day:
  Chromium dates the PDF's document information (``/CreationDate``,
  ``/ModDate``) by its wall clock, and :func:`stamp_pdf` overwrites both with
  :func:`pdf_date` instead: ``SOURCE_DATE_EPOCH`` when set (the
  reproducible-builds convention: a build that sets it dates everything it
  makes by it; a value that is not whole seconds in years 1970 to 9999 is an
  error, as that convention asks), else the date the caller gives (``dated=``:
  the report's ``as_of``, as ``sla evaluate`` gives it), else none (both entries
  are blanked). The date is
  written in UTC in Chromium's own form, ``D:YYYYMMDDHHmmSS+00'00'``, over the
  same bytes (padded with spaces after the string when Chromium wrote a shorter
  form), so every offset of the cross-reference table still holds: no PDF
  library, no second write. ``/Creator`` and ``/Producer`` stay Chromium's
  (its user agent, ``Skia/PDF m156``): they say truthfully what printed the
  page, and another Chromium version lays the page out in other bytes anyway,
  so the bytes are the same only for the same Chromium.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile

from ..events.problems import os_reason
from ..i18n import message
from ..lang.diagnostics import Code, WordedInputError, Words, listing, words
from .escape import printable

__all__ = [
    "CHROMIUMS",
    "ENV",
    "EPOCH_ENV",
    "css_string",
    "find_chromium",
    "html_to_pdf",
    "page_css",
    "pdf_date",
    "require_chromium",
    "stamp_pdf",
]

#: The environment variable naming the Chromium to print with (a path or a command name).
ENV = "SLA_CHROMIUM"
#: The environment variable that dates the PDF (seconds since 1970-01-01 UTC), as reproducible builds set it.
EPOCH_ENV = "SOURCE_DATE_EPOCH"
#: Programs tried, in order, on ``PATH`` when :data:`ENV` is not set.
CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-pdf-header-footer",
)
_EPOCH = re.compile(r"[0-9]{1,12}")
_LAST_EPOCH = 253402300799  # 9999-12-31 23:59:59 UTC: a PDF date has four digits of year
#: The trailer's reference to the document information dictionary; then the last cross-reference table's
#: offset, the head of each of its subsections, an entry in use, and the head of an object.
_INFO_REF = re.compile(rb"/Info\s+([0-9]+)\s+([0-9]+)\s+R")
_STARTXREF = re.compile(rb"startxref\s+([0-9]+)\s+%%EOF")
_SUBSECTION = re.compile(rb"[ \t\r\n]*([0-9]+) ([0-9]+)[ \t]*(?:\r\n|\r|\n)")
_ENTRY = re.compile(rb"([0-9]{10}) ([0-9]{5}) n")
_OBJ = re.compile(rb"([0-9]+)\s+([0-9]+)\s+obj\b")
#: A date entry of that dictionary, its value a literal string without parentheses or escapes.
_DATE_ENTRY = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:[^()\\]*\)")
_FIELD = re.compile(r"(\{pages\}|\{page\})")
_COUNTER = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
_FONTS = 'system-ui,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif'
_MARGIN_BOX = f"font-size:7.5pt;color:#555;font-family:{_FONTS}"


def css_string(text: str) -> str:
    """``text`` as a double-quoted CSS string that cannot end the string, the rule or the ``<style>``."""
    out = []
    for ch in printable(text):
        if ch.isalnum() or ch in " .,:;/()（）-_'" or ord(ch) > 0x7F:
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def page_css(title: str, lang: str) -> str:
    """The printed page's margin boxes: ``title`` at the top, the page number at the bottom, in ``lang``."""
    words = message("report.print.page", lang, page="{page}", pages="{pages}")
    footer = " ".join(_COUNTER.get(p) or css_string(p) for p in _FIELD.split(words) if p)
    return (
        f"@media print{{@page{{@top-left{{content:{css_string(title)};{_MARGIN_BOX}}}"
        f"@bottom-right{{content:{footer};{_MARGIN_BOX}}}}}}}"
    )


def find_chromium() -> str | None:
    """The path of the Chromium to print with (``SLA_CHROMIUM`` first, else one on ``PATH``), or None."""
    env = os.environ.get(ENV)
    if env:
        return shutil.which(env) or (env if os.path.isfile(env) and os.access(env, os.X_OK) else None)
    return next((p for p in map(shutil.which, CHROMIUMS) if p), None)


def _missing() -> Words:
    env = os.environ.get(ENV)
    if env:
        return words("cli.evaluate.pdf.env_not_program", env=Code(ENV), value=printable(env))
    return words("cli.evaluate.pdf.not_on_path", names=listing([f"`{c}`" for c in CHROMIUMS], ", "))


def require_chromium(lang: str | None = None) -> str:
    """The Chromium to print with; :class:`~sla_dsl.lang.diagnostics.WordedInputError` saying what to set
    when there is none, in ``lang`` (English when None)."""
    browser = find_chromium()
    if browser is None:
        said = words("cli.evaluate.pdf.no_chromium", why=_missing(), help=words("diag.word.help"), env=Code(ENV))
        raise WordedInputError(said, lang)
    return browser


def pdf_date(dated: dt.datetime | None = None, lang: str | None = None) -> dt.datetime | None:
    """The instant the PDF is dated, in UTC: ``SOURCE_DATE_EPOCH`` when set, else ``dated``, else None.

    Raises :class:`~sla_dsl.lang.diagnostics.WordedInputError` (in ``lang``) when ``SOURCE_DATE_EPOCH``
    is set to anything but whole seconds from 1970 to the end of 9999.
    """
    value = os.environ.get(EPOCH_ENV)
    if value is not None:
        if not _EPOCH.fullmatch(value) or int(value) > _LAST_EPOCH:
            said = words(
                "cli.evaluate.pdf.bad_epoch", env=Code(EPOCH_ENV), value=printable(value), help=words("diag.word.help")
            )
            raise WordedInputError(said, lang)
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    if dated is None:
        return None
    if dated.tzinfo is None:  # taken as UTC, not as this machine's time
        return dated.replace(tzinfo=dt.UTC, microsecond=0)
    return dated.astimezone(dt.UTC).replace(microsecond=0)


def stamp_pdf(pdf: bytes, when: dt.datetime | None) -> bytes:
    """``pdf`` with its document information's ``/CreationDate`` and ``/ModDate`` set to ``when`` (written in
    UTC), or blanked when None, over the same bytes: every byte offset stays where it was.

    Only the dictionary the trailer names (``/Info``) is touched, found by the cross-reference table; a
    PDF without them (a cross-reference stream), or whose dates are not a plain literal string there, is
    returned as it is.
    """
    start = _info_object(pdf)
    if start is None:
        return pdf
    end = pdf.find(b"endobj", start)
    if end < 0:
        return pdf

    def dated(entry: re.Match[bytes]) -> bytes:
        old = entry.group()
        if when is None:
            return b" " * len(old)
        key = old[: old.index(b"(")]
        room = len(old) - len(key) - 2
        value = next((f for f in _date_forms(when) if len(f) <= room), None)
        if value is None:
            return b" " * len(old)
        return key + b"(" + value + b")" + b" " * (room - len(value))

    return pdf[:start] + _DATE_ENTRY.sub(dated, pdf[start:end]) + pdf[end:]


def _date_forms(when: dt.datetime) -> tuple[bytes, ...]:
    """``when`` (UTC) as a PDF date, longest form first (Chromium's own, then shorter ones that still say UTC)."""
    digits = f"{when.year:04d}{when.month:02d}{when.day:02d}{when.hour:02d}{when.minute:02d}{when.second:02d}"
    return tuple(
        f.encode("ascii") for f in (f"D:{digits}+00'00'", f"D:{digits}Z", f"D:{digits[:8]}", f"D:{digits[:4]}")
    )


def _info_object(pdf: bytes) -> int | None:
    """The offset of the body of the document information dictionary, by the last ``xref`` table and its
    trailer's ``/Info`` (None when the PDF has no such table, or it does not list that object)."""
    last = _STARTXREF.search(pdf, max(0, len(pdf) - 1024))
    if last is None:
        return None
    at = int(last.group(1))
    if not pdf.startswith(b"xref", at):
        return None
    sections, pos = [], at + 4
    while (head := _SUBSECTION.match(pdf, pos)) is not None:
        first, count = int(head.group(1)), int(head.group(2))
        sections.append((first, count, head.end()))
        pos = head.end() + 20 * count  # each entry is 20 bytes: "oooooooooo ggggg n" and its end of line
    trailer = pdf.find(b"trailer", pos, last.start())
    info = _INFO_REF.search(pdf, trailer, last.start()) if trailer >= 0 and not pdf[pos:trailer].strip() else None
    if info is None:
        return None
    number, generation = int(info.group(1)), int(info.group(2))
    for first, count, entries in sections:
        if first <= number < first + count:
            entry = _ENTRY.match(pdf, entries + 20 * (number - first))
            if entry is None or int(entry.group(2)) != generation:
                return None
            head = _OBJ.match(pdf, int(entry.group(1)))
            if head is None or (int(head.group(1)), int(head.group(2))) != (number, generation):
                return None
            return head.end()
    return None


def html_to_pdf(
    html: str,
    browser: str | None = None,
    timeout: float = 120.0,
    lang: str | None = None,
    *,
    dated: dt.datetime | None = None,
) -> bytes:
    """The HTML report printed to PDF (A4, its print stylesheet) by headless Chromium (``browser``, else found),
    dated :func:`pdf_date` (``SOURCE_DATE_EPOCH``, else ``dated``, else undated), not by the wall clock.

    Raises :class:`~sla_dsl.lang.diagnostics.WordedInputError` (in ``lang``, English when None) when no
    Chromium is found, or it fails, or ``SOURCE_DATE_EPOCH`` is not a date.
    """
    when = pdf_date(dated, lang)
    browser = browser or require_chromium(lang)
    shown = printable(browser)
    with tempfile.TemporaryDirectory(prefix="sla-pdf-") as tmp:
        src = os.path.join(tmp, "report.html")
        dst = os.path.join(tmp, "report.pdf")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html)
        cmd = [browser, *_FLAGS, f"--user-data-dir={os.path.join(tmp, 'profile')}", f"--print-to-pdf={dst}"]
        try:
            done = subprocess.run(
                [*cmd, "file://" + src], stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            said = words("cli.evaluate.pdf.timeout", browser=shown, seconds=f"{timeout:g}")
            raise WordedInputError(said, lang) from None
        except OSError as exc:
            said = words("cli.evaluate.pdf.cannot_run", browser=shown, reason=os_reason(exc))
            raise WordedInputError(said, lang) from None
        if not os.path.exists(dst) or os.path.getsize(dst) == 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            last = printable(lines[-1]) if lines else ""
            code = str(done.returncode)
            if last:
                said = words("cli.evaluate.pdf.failed_said", browser=shown, code=code, said=Code(last))
            else:
                said = words("cli.evaluate.pdf.failed", browser=shown, code=code)
            raise WordedInputError(said, lang)
        with open(dst, "rb") as f:
            return stamp_pdf(f.read(), when)
