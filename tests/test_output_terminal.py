"""The terminal format: exact text at width 100 without colour, in Chinese and English.

The carets are checked twice: in the snapshots, and by measuring where the
caret lands under the quoted line (CJK characters are two cells wide, tabs
are drawn as four spaces).
"""

from __future__ import annotations

from typing import Any

import pytest
import writers
from rich.cells import cell_len
from writers import failed_file, finding, ok_file

from gaudit.labels import column_label, row_label
from gaudit.model import FileResult
from gaudit.output import Format, OutputOptions
from gaudit.output.terminal import quote_window

LONG = "二、" + "统计数据说明" * 12 + "|合计|7|" + "其他" * 20

RESULTS = (
    ok_file(
        "县局/2022.txt", "gb18030", None, "simplified", 2022, "2021",
        (
            finding("applications-column-total", "total-mismatch", "error",
                    "(七)总计 自然人 为 5,但各办理结果之和为 4", 88, 7, 3, "applications", "results_total",
                    "natural_person", 4, 5),
            finding("fee-statement", "missing-fee-statement", "info", "未说明是否收取信息处理费", 120, 1, section=6),
            finding("reviews-blank", "blank-cell", "warning", "「结果纠正」栏为空", 9, 3, 4, "reviews", "review",
                    "corrected"),
            finding("long-line", "implausible-value", "warning", "数值不合常理", 15, LONG.index("7") + 1,
                    actual=7.0),
        ),
        quoted_lines={88: "（七）总计\t5\t0\t1", 9: "\t行政复议\t0\t\t0", 15: LONG},
    ),
    failed_file("县局/broken.txt", "unreadable", "无法解码: 第 3 字节"),
    ok_file("县局/clean.txt", "utf-8", None, "traditional", 2023, "2021"),
)

ZH = """\
县局/2022.txt  gb18030 · 简体 · 2022年度 · 2021版模板
  警告  9:3    reviews-blank  「结果纠正」栏为空
          9 │     行政复议    0        0
            │       ^
        行 行政复议 · 列 结果纠正
  警告  15:79  long-line  数值不合常理
         15 │ …计数据说明统计数据说明|合计|7|其他其他其他其他其他其他其他其他其他其他其他其他其他其…
            │                              ^
        实为 7
  错误  88:7   applications-column-total  (七)总计 自然人 为 5,但各办理结果之和为 4
         88 │ （七）总计    5    0    1
            │               ^
        行 (七)总计 · 列 自然人 · 应为 4,实为 5
  提示  120:1  fee-statement  未说明是否收取信息处理费

县局/broken.txt  无法读取:无法解码: 第 3 字节

审查文件 3 个:无问题 1 个,有错误 1 个,仅有警告 0 个,无法读取 1 个
发现问题 4 个:错误 1 个,警告 2 个,提示 1 个
  表格空白单元格            1
  数值不合常理              1
  未说明信息处理费收取情况  1
  合计与分项之和不符        1
"""

EN = """\
县局/2022.txt  gb18030 · Simplified · year 2022 · 2021 template
  warning  9:3    reviews-blank  「结果纠正」栏为空
             9 │     行政复议    0        0
               │       ^
           row administrative review · column corrected
  warning  15:79  long-line  数值不合常理
            15 │ …数据说明统计数据说明|合计|7|其他其他其他其他其他其他其他其他其他其他其他其他其他…
               │                            ^
           found 7
  error    88:7   applications-column-total  (七)总计 自然人 为 5,但各办理结果之和为 4
            88 │ （七）总计    5    0    1
               │               ^
           row results total · column natural persons · expected 4, found 5
  info     120:1  fee-statement  未说明是否收取信息处理费

县局/broken.txt  unreadable: 无法解码: 第 3 字节

3 files audited: 1 clean, 1 with errors, 0 with warnings only, 1 unreadable
4 problems: 1 error, 2 warnings, 1 info
  blank table cell                           1
  implausible value                          1
  no statement on processing fees            1
  total does not equal the sum of its parts  1
"""


def render(results: tuple[FileResult, ...] = RESULTS, **changes: Any) -> str:
    settings: dict[str, Any] = {"tool_version": "1", "width": 100, "color": False, **changes}
    return writers.render(Format.TERMINAL, results, OutputOptions(**settings))


@pytest.mark.parametrize(("lang", "expected"), [("zh", ZH), ("en", EN)])
def test_terminal_snapshot(lang: str, expected: str) -> None:
    text = render(lang=lang)
    assert text == expected
    assert "\x1b" not in text
    assert all(cell_len(line) <= 100 for line in text.splitlines())


def _caret_points_at(text: str, line_number: int, char: str) -> bool:
    """In the output, does the caret under quoted line ``line_number`` stand under ``char``?"""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        gutter, sep, quoted = line.partition(" │ ")
        if sep and gutter.strip() == str(line_number):
            caret_line = lines[i + 1].partition(" │ ")[2]
            caret = cell_len(caret_line) - 1
            # The character whose cells start at the caret's column.
            cells = 0
            for c in quoted:
                if cells == caret:
                    return c == char
                cells += cell_len(c)
            return False
    raise AssertionError(f"line {line_number} not quoted")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_terminal_caret_stands_under_the_column_with_wide_characters_and_tabs(lang: str) -> None:
    text = render(lang=lang)
    assert _caret_points_at(text, 88, "5")  # after five full-width characters and a tab
    assert _caret_points_at(text, 9, "政")  # after a tab and one CJK character
    assert _caret_points_at(text, 15, "7")  # inside the window cut out of a long line


def test_quote_window_keeps_short_lines_whole_and_cuts_long_ones_around_the_column() -> None:
    assert quote_window("（七）总计\t5", 7, 80) == ("（七）总计    5", 14)
    assert quote_window("abc", 9, 80) == ("abc", 3)  # a column past the end points after it
    shown, caret = quote_window("x" * 50 + "Y" + "z" * 50, 51, 30)
    assert cell_len(shown) <= 30 and shown.startswith("…") and shown.endswith("…")
    assert shown[caret] == "Y"
    wide, caret = quote_window("甲" * 60 + "乙" + "丙" * 60, 61, 40)
    assert cell_len(wide) <= 40
    assert cell_len(wide[: wide.index("乙")]) == caret


def test_terminal_quiet_prints_only_the_summary_and_statistics_adds_rules() -> None:
    text = render(quiet=True, statistics=True)
    assert text == (
        "审查文件 3 个:无问题 1 个,有错误 1 个,仅有警告 0 个,无法读取 1 个\n"
        "发现问题 4 个:错误 1 个,警告 2 个,提示 1 个\n"
        "  表格空白单元格            1\n"
        "  数值不合常理              1\n"
        "  未说明信息处理费收取情况  1\n"
        "  合计与分项之和不符        1\n"
        "\n"
        "按规则统计:\n"
        "次数  规则                       类别\n"
        "   1  applications-column-total  合计与分项之和不符\n"
        "   1  fee-statement              未说明信息处理费收取情况\n"
        "   1  long-line                  数值不合常理\n"
        "   1  reviews-blank              表格空白单元格\n"
        "\n"
        "按机关和年度:\n"
        "  (机关未知) 2022年: 1 个错误, 2 个警告, 1 个提示\n"
    )
    english = render(quiet=True, statistics=True, lang="en").splitlines()
    assert english[0] == "3 files audited: 1 clean, 1 with errors, 0 with warnings only, 1 unreadable"
    assert english[-2:] == ["By organ and year:", "  (organ unknown) 2022: 1 errors, 2 warnings, 1 infos"]
    assert english[-8:-3] == [
        "count  rule                       kind",
        "    1  applications-column-total  total does not equal the sum of its parts",
        "    1  fee-statement              no statement on processing fees",
        "    1  long-line                  implausible value",
        "    1  reviews-blank              blank table cell",
    ]


def test_terminal_all_clean() -> None:
    assert render(RESULTS[2:]) == "审查文件 1 个:无问题 1 个,有错误 0 个,仅有警告 0 个,无法读取 0 个\n未发现问题\n"
    assert render(RESULTS[2:], lang="en") == (
        "1 file audited: 1 clean, 0 with errors, 0 with warnings only, 0 unreadable\nNo problems found\n")


def test_terminal_colour_forced_on_auto_off_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    coloured = render(color=True)
    assert "\x1b[" in coloured
    assert "\x1b[" not in render(color=None)  # a StringIO is not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" not in render(color=False)  # --no-color wins over the environment


def test_cell_labels_from_the_template_in_both_languages() -> None:
    def labels(table: str, fmt: str | None, row: str, column: str, lang: str) -> tuple[str, str]:
        return row_label(table, fmt, row).get(lang), column_label(table, fmt, row, column).get(lang)

    assert labels("applications", "2021", "withheld_state_secret", "commercial", "zh") == (
        "(三)不予公开 1.属于国家秘密", "商业企业")
    assert labels("applications", "2021", "withheld_state_secret", "commercial", "en") == (
        "withheld: state secret", "businesses")
    # A row only the 2019 format has, in a file whose format is unknown.
    assert labels("active", None, "procurement", "projects", "zh") == ("政府集中采购", "采购项目数量")
    # Unknown keys are shown as they are.
    assert labels("reviews", "2021", "no_such_row", "total", "en") == ("no_such_row", "total")


def test_terminal_does_not_call_a_run_with_unreadable_files_problem_free() -> None:
    assert render(RESULTS[1:2], lang="en") == (
        "县局/broken.txt  unreadable: 无法解码: 第 3 字节\n\n"
        "1 file audited: 0 clean, 0 with errors, 0 with warnings only, 1 unreadable\n")


def test_long_message_wraps_under_the_rule_with_the_findings_indent() -> None:
    message = "「(三)不予公开 2.其他法律行政法规禁止公开」自然人至总计共7个单元格为空(应填写数字,没有的填0)"
    result = ok_file("a.txt", "utf-8", None, "simplified", 2022, "2021",
                        (finding("cell-blank", "blank-cell", "error", message, 41, 1, 3, "applications",
                                 "withheld_prohibited_by_law", "natural_person"),),
                        quoted_lines={41: "2.其他法律行政法规禁止公开 | |||||||||"})
    out = render((result,), width=60)
    lines = out.splitlines()
    assert lines[1] == "  错误  41:1  cell-blank"
    wrapped = lines[2:lines.index("        41 │ 2.其他法律行政法规禁止公开 | |||||||||")]
    assert len(wrapped) == 2
    assert all(line.startswith("        ") and line == line.rstrip() for line in wrapped)
    assert "".join(line.removeprefix("        ") for line in wrapped) == message
    assert all(cell_len(line) <= 60 for line in lines)


def test_english_message_wraps_at_spaces() -> None:
    message = "section 6 (other matters to report) says nothing about information-processing fees (required from 2021)"
    result = ok_file("a.txt", "utf-8", None, "simplified", 2022, "2021",
                        (finding("fee-statement-missing", "missing-fee-statement", "error", message, 70, 1,
                                 section=6),), quoted_lines={70: "六、其他需要报告的事项"})
    lines = render((result,), width=80, lang="en").splitlines()
    wrapped = lines[2:4]
    assert " ".join(line.strip() for line in wrapped) == message
    assert all(cell_len(line) <= 80 and not line.endswith(" ") for line in wrapped)
