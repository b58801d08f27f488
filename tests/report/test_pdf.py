"""``sla evaluate --format pdf``: the HTML report printed on A4 by headless Chromium (issue 16).

The PDF of the example month is read back (``pypdf``, else poppler's ``pdftotext``): its pages
carry the report's title with the month at the top and the page number at the bottom, in the
report's language. Without a Chromium the command says what to set and exits 1 before judging
anything, with no traceback and no file. The tests that print need Debian's ``chromium`` and skip
with the reason where it is not installed; the page's header and footer are also checked as CSS.
"""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.report.pdf import css_string, page_css

from .conftest import needs_chromium
from .helpers import EXAMPLE, MONTH, POLICY, sla

TITLE = {
    "ja": "Click So-ko サービスレベル報告書（2026年11月度）",
    "en": "Click So-ko: service level report, November 2026",
}
FOOTER = {"ja": "{page} / {pages} ページ", "en": "Page {page} of {pages}"}


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF (pypdf, else pdftotext); the test skips without either."""
    try:
        import pypdf
    except ImportError:
        if shutil.which("pdftotext") is None:
            pytest.skip("cannot read a PDF's text: neither pypdf (pip) nor pdftotext (apt-get install poppler-utils)")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        return text.stdout.decode("utf-8").split("\f")[:-1]
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_pdf_has_the_title_and_page_numbers_on_every_a4_page(tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"report-{lang}.pdf"
    code, stdout, err = sla(
        "evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--lang", lang, "--output", out, "--quiet"
    )
    assert (code, stdout) == (0, ""), err
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    print(f"pdf: {out}")
    # A4 portrait: 595 x 842 points
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", data))
    assert sizes and all(abs(float(w) - 595.28) < 1 and abs(float(h) - 841.89) < 1 for w, h in sizes), sizes
    pages = pdf_pages(out)
    assert 3 <= len(pages) <= 6, len(pages)
    if lang == "ja":
        assert "2026年11月度" in _compact(pages[0])
    for n, text in enumerate(pages, 1):
        flat = _compact(text)
        assert _compact(TITLE[lang]) in flat, (n, text[:300])
        assert _compact(FOOTER[lang].format(page=n, pages=len(pages))) in flat, (n, text[-300:])
    everything = _compact("".join(pages))
    for words in (
        ("障害と通知（復旧情報通知時間）", "OUT-09", "INC-054", "第3条の(1)項番4")
        if lang == "ja"
        else ("OUT-09", "INC-054")
    ):
        assert words in everything, words


def test_a_pdf_is_not_written_onto_a_terminal() -> None:
    leader, follower = pty.openpty()
    try:
        res = subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY), str(EXAMPLE), *MONTH, "--format", "pdf"],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=180,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert res.returncode == 2, res.stderr
    assert "`--output FILE` で指定するか" in res.stderr.decode()  # in the policy's language


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("/nonexistent/chromium", "SLA_CHROMIUM is `/nonexistent/chromium`, which is not a program that can be run"),
        ("", "no Chromium found: none of `chromium`"),
    ],
)
def test_without_chromium_the_command_says_what_to_set_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, said: str
) -> None:
    monkeypatch.setenv("SLA_CHROMIUM", setting)
    if not setting:
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "report.pdf"
    code, stdout, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", out, "--lang", "en")
    assert code == 1 and stdout == "" and not out.exists()
    assert said in err and "set SLA_CHROMIUM to the path of a Chromium" in err, err
    assert "Traceback" not in err and len(err.splitlines()) == 2, err


def test_a_chromium_that_fails_is_reported_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("SLA_CHROMIUM", str(broken))
    out = tmp_path / "report.pdf"
    code, stdout, err = sla(
        "evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", out, "--quiet", "--lang", "en"
    )
    assert code == 1 and stdout == "" and not out.exists()
    assert "did not print the report (exit code 3): cannot open display" in err and "Traceback" not in err, err
    # in the policy's language (Japanese) as every other error of the run; Chromium's own line quoted as it is
    code, stdout, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", out, "--quiet")
    assert code == 1 and stdout == "" and not out.exists()
    assert err.startswith("sla: エラー: `Chromium`（"), err
    assert "がレポートを印刷しませんでした（終了コード 3）：`cannot open display`" in err, err


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("/nonexistent/chromium", "`SLA_CHROMIUM` の `/nonexistent/chromium` は実行できるプログラムではありません"),
        ("", "`Chromium` が見つかりません（`chromium`、`chromium-browser`、"),
    ],
)
def test_without_chromium_the_command_says_so_in_the_policy_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, said: str
) -> None:
    """The refusal is in the run's language (here the policy's, Japanese), its ``help`` line too."""
    monkeypatch.setenv("SLA_CHROMIUM", setting)
    if not setting:
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "report.pdf"
    code, stdout, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", out)
    assert code == 1 and stdout == "" and not out.exists()
    first, help_line = err.splitlines()
    assert first.startswith("sla: エラー: `--format pdf` には `Chromium` が必要です：") and said in first, err
    assert help_line.startswith("ヒント: `Chromium` をインストールするか、`SLA_CHROMIUM` に"), err
    assert "Chromium found" not in err and "install" not in err, err


def test_html_output_file_holds_what_stdout_gets(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY), str(EXAMPLE), *MONTH, "--format", "html"]
    shown = subprocess.run(argv, capture_output=True, timeout=180, check=True).stdout
    res = subprocess.run([*argv, "--output", str(tmp_path / "r.html")], capture_output=True, timeout=180)
    assert res.returncode == 0 and res.stdout == b"", res.stderr
    assert (tmp_path / "r.html").read_bytes() == shown


def test_an_unwritable_output_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "chromium"  # writes a one-page PDF where --print-to-pdf says
    fake.write_text(
        '#!/bin/sh\nfor a in "$@"; do case "$a" in --print-to-pdf=*) printf "%%PDF-1.4" > "${a#*=}";; esac; done\n'
    )
    fake.chmod(0o755)
    monkeypatch.setenv("SLA_CHROMIUM", str(fake))
    target = tmp_path / "no-such-folder" / "report.pdf"
    code, _, err = sla(
        "evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", target, "--quiet", "--lang", "en"
    )
    assert code == 2, err  # the flag's value: wrong usage
    assert f"--output `{target}`: there is no directory `{target.parent}`" in err, err
    good = tmp_path / "report.pdf"
    code, _, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "pdf", "--output", good, "--quiet")
    assert code == 0 and good.read_bytes() == b"%PDF-1.4", err
    mask = os.umask(0)
    os.umask(mask)
    assert good.stat().st_mode & 0o777 == 0o666 & ~mask  # a new file as any other (not the temporary file's 0600)


def test_the_page_header_and_footer_are_css_margin_boxes_in_the_report_language() -> None:
    ja = page_css(TITLE["ja"], "ja")
    assert f'@top-left{{content:"{TITLE["ja"]}";' in ja
    assert '@bottom-right{content:counter(page) " / " counter(pages) " ページ";' in ja
    en = page_css(TITLE["en"], "en")
    assert '@bottom-right{content:"Page " counter(page) " of " counter(pages);' in en
    code, html, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--lang", "ja")
    assert code == 0, err
    assert ja in html.split("</style>")[0]


def test_a_title_cannot_end_the_css_string_or_the_style_element() -> None:
    hostile = 'a"b\\c</style><script>x</script>\n}@page{'
    quoted = css_string(hostile)
    inner = quoted[1:-1]
    assert quoted.startswith('"') and quoted.endswith('"')
    assert '"' not in inner and "<" not in inner and "\n" not in inner and "{" not in inner and "}" not in inner
    assert inner.count("\\") == len(re.findall(r"\\[0-9a-f]+ ", inner))  # every backslash starts an escape
    assert "</style" not in page_css(hostile, "en")
