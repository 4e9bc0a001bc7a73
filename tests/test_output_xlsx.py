"""``--format xlsx`` (check and extract) read back with openpyxl, and CSV made for Excel.

A reviewer opens these in Excel: the sheets are named in their language, headers are frozen
and filtered, numbers are numbers, no cell is ever a formula, and a binary workbook is never
sent to a terminal or a pipe.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from htmlpage import audited
from writers import failed_file, finding, ok_file

from gaudit.model import FileResult
from gaudit.output import ExtractFormat, Format, OutputOptions, OutputRefused, make_extract_writer, make_writer
from gaudit.output.csv_writer import BOM, spreadsheet_text
from gaudit.summary import Summary


def write(tmp_path: Path, results: tuple[FileResult, ...], lang: str = "zh", extract: bool = False) -> Path:
    """Drive the writer as the CLI does with ``-o``: over a text stream opened on the file."""
    path = tmp_path / "out.xlsx"
    options = OutputOptions(lang=lang, tool_version="1", to_file=True, output_path=str(path))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = (make_extract_writer(ExtractFormat.XLSX, stream, options) if extract
                  else make_writer(Format.XLSX, stream, options))
        summary = Summary()
        writer.start()
        for result in results:
            summary.add(result)
            writer.add(result)
        writer.finish(summary)
    return path


def rows(sheet: Any) -> list[list[Any]]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def samples() -> tuple[FileResult, ...]:
    return (audited("clean-2019.txt"), audited("gbk-2021-defects.txt"),
            failed_file("reports/broken.pdf", "encrypted", "文件已加密", "the file is encrypted"))


def test_check_workbook_has_findings_files_and_organs(tmp_path: Path, samples: tuple[FileResult, ...]) -> None:
    book = openpyxl.load_workbook(write(tmp_path, samples))
    assert book.sheetnames == ["问题", "文件", "机关"]
    findings, files, organs = (book[n] for n in book.sheetnames)
    for sheet in (findings, files, organs):
        assert sheet.freeze_panes == "B2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    table = rows(findings)
    assert table[0][:7] == ["文件", "页", "行", "列", "严重程度", "规则", "类别"]
    row_total = next(r for r in table if r[5] == "applications-cell-breaks-totals")
    assert row_total[0] == "samples/gbk-2021-defects.txt" and row_total[2] == 36 and row_total[4] == "错误"
    assert (row_total[9], row_total[12], row_total[13]) == ("收到和处理政府信息公开申请情况", 2, 1)
    assert table[-1][:7] == ["reports/broken.pdf", None, None, None, "错误", "gaudit", "unreadable"]
    assert table[-1][-1] == "文件已加密"
    listed = rows(files)
    assert [r[0] for r in listed[1:]] == ["samples/clean-2019.txt", "samples/gbk-2021-defects.txt",
                                         "reports/broken.pdf"]
    gbk = listed[2]
    assert gbk[2] == "东湖区枫林街道办事处" and gbk[4] == 2021 and gbk[8:11] == [3, 1, 0]
    assert listed[3][1] == "无法读取" and listed[3][-1] == "文件已加密"
    assert ["东湖区枫林街道办事处", "乡镇级", 1, "2021", 3, 1, 0] in rows(organs)
    assert findings.column_dimensions["A"].width >= 20  # a path is readable without resizing


def test_check_workbook_in_english(tmp_path: Path, samples: tuple[FileResult, ...]) -> None:
    book = openpyxl.load_workbook(write(tmp_path, samples, lang="en"))
    assert book.sheetnames == ["findings", "files", "organs"]
    assert rows(book["findings"])[0][4] == "severity"
    assert rows(book["files"])[3][-1] == "the file is encrypted"


def test_no_cell_is_a_formula(tmp_path: Path) -> None:
    hostile = finding("=rule", "blank-cell", "error", "=HYPERLINK(\"x\",\"y\")", 1, 1)
    results = (ok_file("+cmd.txt", findings=(hostile,), organ="@SUM(A1)"), failed_file("-x.txt", "binary", "-1+2"))
    book = openpyxl.load_workbook(write(tmp_path, results))
    table = rows(book["问题"])
    assert table[1][0] == "'+cmd.txt" and table[1][5] == "'=rule" and table[1][-1] == "'=HYPERLINK(\"x\",\"y\")"
    assert table[2][0] == "'-x.txt" and table[2][-1] == "'-1+2"
    assert rows(book["机关"])[1][0] == "'@SUM(A1)"
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_extract_workbook_lays_the_tables_across_reports(tmp_path: Path,
                                                         samples: tuple[FileResult, ...]) -> None:
    book = openpyxl.load_workbook(write(tmp_path, samples, extract=True))
    assert book.sheetnames == ["主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                               "政府信息公开行政复议、行政诉讼情况"]
    sheet = book["收到和处理政府信息公开申请情况"]
    assert sheet.freeze_panes == "E3" and sheet.auto_filter.ref.startswith("A2:")
    titles, labels, clean, gbk = rows(sheet)
    assert labels[:5] == ["文件", "机关", "年度", "模板", "自然人"]
    column = titles.index("(一)予以公开") + 6  # the row's title is merged over its seven columns
    assert labels[column] == "总计" and titles[column + 1] is not None
    assert gbk[column] == 8 and gbk[:4] == ["samples/gbk-2021-defects.txt", "东湖区枫林街道办事处", 2021, "2021"]
    other_2019 = [i for i, c in enumerate(labels) if c and c.endswith("(2019版)")]
    assert other_2019 and clean[3] == "2019"
    assert all(gbk[i] is None for i in other_2019)  # a 2021 report has no 2019-only cell
    assert any(clean[i] is not None for i in other_2019)
    active = rows(book["主动公开政府信息情况"])
    assert active[1][4] == "本年制发件数" and active[0][4] == "规章"


def test_xlsx_refuses_stdout_and_a_pipe(tmp_path: Path) -> None:
    options = OutputOptions(tool_version="1")
    for stream in (io.StringIO(), sys.stdout):
        with pytest.raises(OutputRefused) as refused:
            make_writer(Format.XLSX, stream, options)
        assert "-o" in refused.value.message.zh and "-o" in refused.value.message.en
        with pytest.raises(OutputRefused):
            make_extract_writer(ExtractFormat.XLSX, stream, options)
    # A stream that is no file, with the path named by -o: the workbook goes to the path.
    target = tmp_path / "named.xlsx"
    writer = make_writer(Format.XLSX, io.StringIO(), OutputOptions(tool_version="1", output_path=str(target)))
    writer.start()
    writer.finish(Summary())
    assert openpyxl.load_workbook(target).sheetnames == ["问题", "文件", "机关"]


# ------------------------------------------------------------------ CSV for Excel
def _csv(results: tuple[FileResult, ...], to_file: bool | None) -> str:
    stream = io.StringIO()
    writer = make_writer(Format.CSV, stream, OutputOptions(tool_version="1", to_file=to_file))
    writer.start()
    for result in results:
        writer.add(result)
    writer.finish(Summary())
    return stream.getvalue()


def test_csv_has_a_byte_order_mark_only_in_a_file() -> None:
    results = (ok_file("a.txt", findings=(finding("r", "blank-cell", "error", "空", 1, 1),)),)
    assert _csv(results, to_file=True).startswith(BOM + "path,line")
    assert _csv(results, to_file=False).startswith("path,line")


def test_csv_cells_are_never_formulas_and_never_split_a_row() -> None:
    messages = ["=1+1", "+SUM(A1)", "-cmd", "@x", "-3", "+98", "1.5", "a\nb", "c\r\nd", "e\rf"]
    results = (ok_file("=a.txt", findings=tuple(finding("r", "blank-cell", "error", m, 1, 1) for m in messages)),)
    table = list(csv.reader(io.StringIO(_csv(results, to_file=True).removeprefix(BOM), newline="")))
    assert len(table) == 1 + len(messages)
    assert [r[-1] for r in table[1:]] == ["'=1+1", "'+SUM(A1)", "'-cmd", "'@x", "-3", "+98", "1.5",
                                          "a\nb", "c\nd", "e\nf"]
    assert {r[0] for r in table[1:]} == {"'=a.txt"}


@pytest.mark.parametrize(("text", "safe"), [("=x", "'=x"), ("- 3", "'- 3"), ("-3.5", "-3.5"), ("", ""),
                                            ("\t=x", "'\t=x"), ("正文", "正文")])
def test_spreadsheet_text(text: str, safe: str) -> None:
    assert spreadsheet_text(text) == safe


def test_csv_judges_a_file_from_the_stream_when_not_told(tmp_path: Path) -> None:
    results = (ok_file("a.txt", findings=(finding("r", "blank-cell", "error", "空", 1, 1),)),)
    assert not _csv(results, to_file=None).startswith(BOM)  # an in-memory buffer is no file
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = make_writer(Format.CSV, stream, OutputOptions(tool_version="1"))
        writer.start()
        writer.finish(Summary())
    assert path.read_text(encoding="utf-8").startswith(BOM + "path,")


@pytest.mark.parametrize(("args", "bom"), [(("-o", "out.csv"), True), ((), False)])
def test_cli_csv_byte_order_mark(tmp_path: Path, args: tuple[str, ...], bom: bool) -> None:
    import subprocess

    sample = Path(__file__).resolve().parents[1] / "samples" / "gbk-2021-defects.txt"
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", str(sample), "--format", "csv", *args],
                          capture_output=True, cwd=tmp_path, timeout=120, check=False)
    data = (tmp_path / "out.csv").read_bytes() if args else proc.stdout
    assert data.startswith(b"\xef\xbb\xbf") is bom and b"path,line" in data[:20]


def test_cli_writes_xlsx_through_its_temporary_output_file(tmp_path: Path) -> None:
    """-o goes through a temporary file renamed at the end: the workbook lands at the name asked."""
    import subprocess
    import sys

    target = tmp_path / "findings.xlsx"
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", "samples/gbk-2021-defects.txt",
                           "--format", "xlsx", "-o", str(target)], capture_output=True, check=False,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 1, proc.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["问题", "文件", "机关"] and book["问题"].max_row == 5
    assert [p.name for p in tmp_path.iterdir()] == ["findings.xlsx"]  # no temporary file left
