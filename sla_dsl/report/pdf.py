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
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from ..events.problems import os_reason
from ..i18n import message
from ..lang.diagnostics import Code, WordedInputError, Words, listing, words
from .escape import printable

__all__ = ["CHROMIUMS", "ENV", "css_string", "find_chromium", "html_to_pdf", "page_css", "require_chromium"]

#: The environment variable naming the Chromium to print with (a path or a command name).
ENV = "SLA_CHROMIUM"
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


def html_to_pdf(html: str, browser: str | None = None, timeout: float = 120.0, lang: str | None = None) -> bytes:
    """The HTML report printed to PDF (A4, its print stylesheet) by headless Chromium (``browser``, else found).

    Raises :class:`~sla_dsl.lang.diagnostics.WordedInputError` (in ``lang``, English when None) when no
    Chromium is found, or it fails.
    """
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
            return f.read()
