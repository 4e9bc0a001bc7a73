"""The HTML report opened in headless Chromium, as a reviewer opens it.

Through the browser: the overview's counts, a wrong cell marked with its expected value and a
finding's line of original text are on the page once its script has run; a report's text
runs no code; the page asks for nothing: a probe script put first in the page counts every
request its Content-Security-Policy refuses (``securitypolicyviolation``), every resource the
browser fetched and every script error (a page with one image from the network added shows
the probe works); a screenshot is kept for the test log.
Chromium is Debian's ``chromium`` package, which ``.ci/run`` installs.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from htmlpage import Page, audited, page
from writers import failed_file, finding, ok_file

from gaudit.output.html_data import anchor

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium (.ci/run installs Debian's chromium)")

_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
          "--disable-extensions", "--enable-logging=stderr", "--v=0")


def browse(html_file: Path, tmp_path: Path, *extra: str) -> tuple[str, str]:
    """Chromium's DOM after the page's scripts ran (or what ``extra`` asks), and its log."""
    assert BROWSER is not None
    proc = subprocess.run([BROWSER, *_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra,
                           html_file.as_uri()], capture_output=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


#: Put first in <head> by the tests: counts what the page asked for (every request the policy
#: refused, every resource fetched) and every script error, on the root element for --dump-dom.
PROBE = """<script>(function () {
  var root = document.documentElement, refused = 0, errors = 0;
  function note() {
    root.setAttribute("data-refused", refused); root.setAttribute("data-errors", errors);
    root.setAttribute("data-fetched", performance.getEntriesByType("resource").length);
  }
  document.addEventListener("securitypolicyviolation", function () { refused++; note(); });
  window.addEventListener("error", function () { errors++; note(); }, true);
  window.addEventListener("load", note); note();
}());</script>"""


def probed(html_file: Path) -> Path:
    """A copy of the page with :data:`PROBE` first in its head."""
    text = html_file.read_text(encoding="utf-8")
    copy = html_file.with_name("probed-" + html_file.name)
    copy.write_text(text.replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")
    return copy


def requests_and_errors(dom: str) -> tuple[int, int, int]:
    root = re.search(r"<html[^>]*>", dom)
    assert root is not None
    found = dict(re.findall(r'data-(refused|fetched|errors)="(\d+)"', root.group()))
    assert set(found) == {"refused", "fetched", "errors"}, root.group()
    return int(found["refused"]), int(found["fetched"]), int(found["errors"])


HOSTILE = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hostile = ok_file("evil <script>.txt", organ=HOSTILE, findings=(
        finding("r", "invalid-value", "error", HOSTILE, 1, 1),), quoted_lines={1: HOSTILE + "\u202e"})
    results = (audited("gbk-2021-defects.txt"), audited("pipe-blank-cells.txt"), hostile,
               failed_file("reports/broken.pdf", "encrypted", "文件已加密"))
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page(results), encoding="utf-8")
    return path


def test_the_browser_shows_counts_marks_and_excerpts(report: Path, tmp_path: Path) -> None:
    dom, _ = browse(probed(report), tmp_path, "--dump-dom")
    assert requests_and_errors(dom) == (0, 0, 0)  # nothing asked for, no script error
    parsed = Page(dom)
    assert "<title>政府信息公开工作年度报告审查结果</title>" in dom  # no report's script renamed the page
    text = parsed.text
    assert "4审查文件" in text and "1无法读取" in text
    gbk = dom[dom.index(f'id="{anchor("samples/gbk-2021-defects.txt")}"'):]
    # The wrong cell, drawn by the page's script, with the expected value beside it.
    assert re.search(r'<td class="m-wrong" title="[^"]+">1<span class="note">应为 2</span></td>', gbk)
    assert re.search(r'<td class="m-blank" title="[^"]+"></td>', dom)
    # A finding's original line, as the report writes it.
    assert re.search(r'<div class="hit"><span class="ln">36</span>三、本年度办理结果\s+（一）予以公开', gbk)
    # The hostile report's text is on the page as text, not as elements.
    assert "onerror" not in "".join(str(a) for t, a in parsed.tags if t == "img")
    assert not any(t == "img" for t, _ in parsed.tags)
    assert "[U+202E]" in text and "evil <script>.txt" in text
    assert "http" not in "".join(a.get("src", "") + a.get("href", "") for _, a in parsed.tags)


def test_the_probe_sees_a_request(report: Path, tmp_path: Path) -> None:
    """The same page with one image from the network added: the policy refuses it, the probe counts it."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text(report.read_text(encoding="utf-8").replace(
        "</body>", '<img src="http://127.0.0.1:9/pixel.png"></body>'), encoding="utf-8")
    dom, _ = browse(probed(leaky), tmp_path, "--dump-dom")
    refused, _, _ = requests_and_errors(dom)  # (the refused image also counts as an error event)
    assert refused >= 1


#: Put last in <body> by the tests: a reviewer's choices in the file list's filters and a click on
#: a header, and what stays visible after each, on the root element for --dump-dom.
CHOICES = """<script>(function () {
  function visible(selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (e) { return !e.hidden; })
      .map(function (e) { return e.getAttribute("data-path") || e.id; }).join("|");
  }
  function choose(id, value) {
    var e = document.getElementById(id); e.value = value; e.dispatchEvent(new Event("change"));
  }
  var seen = [];
  choose("f-sev", "failed"); seen.push(visible("#files tbody tr"));
  choose("f-sev", ""); choose("f-kind", "total-mismatch"); seen.push(visible("#files tbody tr"));
  seen.push(String(document.querySelectorAll("section.report:not([hidden])").length));
  choose("f-kind", ""); choose("f-organ", "青石街道"); seen.push(visible("#files tbody tr"));
  choose("f-organ", "");
  var errors = document.querySelectorAll("#files thead th")[5];
  errors.click(); errors.click(); seen.push(visible("#files tbody tr"));
  document.documentElement.setAttribute("data-seen", JSON.stringify(seen));
}());</script>"""


def test_the_file_list_filters_and_sorts_in_the_browser(report: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.html"
    chosen.write_text(report.read_text(encoding="utf-8").replace("</body>", CHOICES + "</body>"),
                      encoding="utf-8")
    dom, _ = browse(chosen, tmp_path, "--dump-dom")
    found = re.search(r'data-seen="([^"]*)"', dom)
    assert found is not None
    seen = json.loads(html.unescape(found.group(1)))
    gbk, pipe = "samples/gbk-2021-defects.txt", "samples/pipe-blank-cells.txt"
    assert seen[0] == "reports/broken.pdf"  # unreadable files only
    assert seen[1:3] == [gbk, "1"]  # one kind: its file, and only its report below
    assert seen[3] == pipe  # one organ
    assert seen[4].split("|")[:2] == [pipe, gbk]  # errors, descending after two clicks


def test_a_report_with_ten_thousand_findings_draws_them_by_pages(tmp_path: Path) -> None:
    many = tuple(finding("r", "blank-cell", "warning", f"第{i}处", i, 1) for i in range(1, 10_001))
    path = tmp_path / "big.html"
    path.write_text(page((ok_file("big.txt", findings=many),)), encoding="utf-8")
    dom, _ = browse(probed(path), tmp_path, "--dump-dom")
    assert requests_and_errors(dom) == (0, 0, 0)
    assert dom.count('<td class="where">') == 200
    assert "再显示 200 条(共 10000 条)" in dom


def test_screenshot_for_the_test_log(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    browse(report, tmp_path, f"--screenshot={shot}", "--window-size=1280,900")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"screenshot of the HTML report: {shot}")
