"""Cross-report rules end to end: given these reports, these findings on these files, naming these others."""

from __future__ import annotations

import json
from pathlib import Path

from cross_reports import check, cross, report, traditional, unique_text, write

ORGAN = "石桥镇人民政府"


def _line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(k for k, line in enumerate(lines, start=1) if line.startswith(start))


def test_carryover_mismatch_goes_to_the_later_report_and_names_the_earlier(tmp_path: Path) -> None:
    write(tmp_path, "r/a.txt", report(ORGAN, 2022, forward=(2, 1, 0, 0, 0, 0, 3), section1=unique_text(1)))
    write(tmp_path, "r/b.txt", report("石桥镇", 2023, carried_over=(4, 1, 0, 0, 0, 0, 5), section1=unique_text(2)))
    files, _ = check("r", cwd=tmp_path)
    assert cross(files) == [("r/b.txt", "carryover-mismatch", ["r/a.txt"])]
    finding = next(f for f in files["r/b.txt"]["findings"] if f["kind"] == "carryover-mismatch")
    assert finding["expected"] == 2 and finding["actual"] == 4 and finding["column"] == "natural_person"
    assert finding["line"] == _line_of(tmp_path / "r/b.txt", "二、上年结转")
    assert finding["related"][0]["line"] == _line_of(tmp_path / "r/a.txt", "四、结转下年度")


def test_carryover_is_compared_across_the_2021_format_change(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", report(ORGAN, 2020, forward=(1, 0, 0, 0, 0, 0, 1), section1=unique_text(3)))
    write(tmp_path, "b.txt", report(ORGAN, 2021, carried_over=(2, 0, 0, 0, 0, 0, 2), section1=unique_text(4)))
    files, _ = check(".", cwd=tmp_path)
    assert [(p, k) for p, k, _ in cross(files)] == [("b.txt", "carryover-mismatch")]


def test_years_two_apart_and_similar_names_are_not_paired(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", report(ORGAN, 2021, forward=(9, 9, 0, 0, 0, 0, 18), section1=unique_text(5)))
    write(tmp_path, "b.txt", report(ORGAN, 2023, carried_over=(1, 0, 0, 0, 0, 0, 1), section1=unique_text(6)))
    write(tmp_path, "c.txt", report("石侨镇人民政府", 2022, carried_over=(1, 0, 0, 0, 0, 0, 1),
                                    section1=unique_text(7)))
    write(tmp_path, "d.txt", report("石桥县人民政府", 2022, carried_over=(1, 0, 0, 0, 0, 0, 1),
                                    section1=unique_text(8)))
    files, _ = check(".", cwd=tmp_path)
    assert cross(files) == []


def test_same_town_name_in_two_counties_stays_two_organs(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", report("临川县石桥镇", 2022, forward=(9, 0, 0, 0, 0, 0, 9), section1=unique_text(9)))
    write(tmp_path, "b.txt", report("江州县石桥镇", 2023, carried_over=(1, 0, 0, 0, 0, 0, 1), section1=unique_text(10)))
    files, _ = check(".", cwd=tmp_path)
    assert cross(files) == []


def test_stock_mismatch(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", report(ORGAN, 2022, in_force=12, section1=unique_text(11)))
    write(tmp_path, "b.txt", report(ORGAN, 2023, in_force=20, issued=3, repealed=1, section1=unique_text(12)))
    write(tmp_path, "c.txt", report(ORGAN, 2024, in_force=22, issued=3, repealed=1, section1=unique_text(13)))
    files, _ = check(".", cwd=tmp_path)
    assert cross(files) == [("b.txt", "stock-mismatch", ["a.txt"])]
    finding = next(f for f in files["b.txt"]["findings"] if f["kind"] == "stock-mismatch")
    assert (finding["expected"], finding["actual"]) == (14, 20)


def test_duplicate_in_two_encodings_and_forms_of_the_name(tmp_path: Path) -> None:
    text = report(ORGAN, 2023, section1=unique_text(14), section5=unique_text(140))
    write(tmp_path, "a.txt", text)
    big5 = traditional(text.replace(ORGAN, "石桥镇")).encode("big5hkscs", errors="replace")
    (tmp_path / "b.txt").write_bytes(big5)
    files, _ = check(".", cwd=tmp_path)
    assert cross(files) == [("b.txt", "duplicate-report", ["a.txt"])]


def test_copied_text_from_last_year_and_from_another_organ(tmp_path: Path) -> None:
    copied = unique_text(15, sentences=20)
    write(tmp_path, "a.txt", report(ORGAN, 2022, section1=copied))
    write(tmp_path, "b.txt", report(ORGAN, 2023, section1=copied.replace("条。", "件。", 2)))
    write(tmp_path, "c.txt", report("桂山镇人民政府", 2021, section1=unique_text(16, sentences=20)))
    write(tmp_path, "d.txt", report("白沙镇人民政府", 2023, section1=unique_text(16, sentences=20)))
    files, _ = check(".", cwd=tmp_path)
    found = {(p, k, tuple(r)) for p, k, r in cross(files)}
    assert ("b.txt", "copied-text", ("a.txt",)) in found
    assert ("d.txt", "copied-text", ("c.txt",)) in found
    # Sections 5 and 6 are the sample's own in every file, but the same organ's
    # 2022 and 2023 copies are one pair only, and nothing else is a copy.
    assert {p for p, _, _ in found} == {"b.txt", "d.txt"}


def test_shared_boilerplate_alone_is_no_copy(tmp_path: Path) -> None:
    for k, organ in enumerate(("桂山镇人民政府", "白沙镇人民政府", "青石乡人民政府")):
        text = report(organ, 2023, section1=unique_text(20 + k))
        start = text.index("五、存在的主要问题")
        text = text[:start] + f"五、存在的主要问题及改进情况\n{unique_text(30 + k)}\n\n六、其他需要报告的事项\n" \
            "本报告依据《条例》编制。本年度未收取信息处理费。本年度无其他需要报告的事项。\n"
        write(tmp_path, f"{k}.txt", text)
    files, _ = check(".", cwd=tmp_path)
    assert cross(files) == []


def test_aggregate_mismatch_with_a_hierarchy_file(tmp_path: Path) -> None:
    write(tmp_path, "county.txt", report("临川县人民政府", 2023, new_total=30, section1=unique_text(40)))
    write(tmp_path, "t1.txt", report("临川县石桥镇人民政府", 2023, new_total=12, section1=unique_text(41)))
    write(tmp_path, "t2.txt", report("临川县桂山镇人民政府", 2023, new_total=17, section1=unique_text(42)))
    write(tmp_path, "tree.yaml", "hierarchy:\n  临川县人民政府: [临川县石桥镇, 临川县桂山镇人民政府]\n")
    files, _ = check("county.txt", "t1.txt", "t2.txt", "--hierarchy", "tree.yaml", "--select", "aggregate-mismatch",
                     cwd=tmp_path)
    hits = [f for f in files["county.txt"]["findings"] if f["kind"] == "aggregate-mismatch"]
    new = [f for f in hits if f["row"] == "new"]
    assert [(f["column"], f["expected"], f["actual"]) for f in new] == [("natural_person", 29, 30), ("total", 29, 30)]
    assert [r["path"] for r in new[0]["related"]] == ["t1.txt", "t2.txt"]
    assert all(f["kind"] != "aggregate-mismatch" for p in ("t1.txt", "t2.txt") for f in files[p]["findings"])


def test_hierarchy_naming_an_absent_organ_warns(tmp_path: Path) -> None:
    write(tmp_path, "county.txt", report("临川县人民政府", 2023, section1=unique_text(43)))
    write(tmp_path, ".gaudit.yaml", "hierarchy:\n  临川县人民政府: [不存在镇]\n")
    files, proc = check("county.txt", cwd=tmp_path)
    assert proc.returncode == 0 and files
    assert "不存在镇" in proc.stderr.decode("utf-8")


def test_hierarchy_cycle_is_a_configuration_error(tmp_path: Path) -> None:
    write(tmp_path, "county.txt", report("临川县人民政府", 2023))
    write(tmp_path, "tree.yaml", "临川县人民政府: [石桥镇]\n石桥镇人民政府: [临川县]\n")
    _, proc = check("county.txt", "--hierarchy", "tree.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "循环" in proc.stderr.decode("utf-8")


def test_no_cross_and_ignore_turn_the_pass_off(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", report(ORGAN, 2023, section1=unique_text(44)))
    write(tmp_path, "b.txt", report(ORGAN, 2023, section1=unique_text(44), section5=unique_text(440)))
    files, _ = check(".", "--no-cross", cwd=tmp_path)
    assert cross(files) == []
    files, _ = check(".", "--ignore", "duplicate-report,copied-text", cwd=tmp_path)
    assert cross(files) == []
    write(tmp_path, ".gaudit.yaml", "cross: false\n")
    files, _ = check(".", cwd=tmp_path)
    assert cross(files) == []


def test_previous_reports_are_compared_but_not_reported(tmp_path: Path) -> None:
    write(tmp_path, "old/a.txt", report(ORGAN, 2022, forward=(2, 1, 0, 0, 0, 0, 3), section1=unique_text(45))
          .replace("| 0 | 0 | 3\n", "| 0 | 0 | 4\n", 1))  # a defect of its own
    write(tmp_path, "new/b.txt", report(ORGAN, 2023, carried_over=(5, 1, 0, 0, 0, 0, 6), section1=unique_text(46)))
    files, _ = check("new", "--previous", "old", cwd=tmp_path)
    assert list(files) == ["new/b.txt"]
    assert cross(files) == [("new/b.txt", "carryover-mismatch", ["old/a.txt"])]


def test_organ_and_year_from_configuration(tmp_path: Path) -> None:
    text_a = report(ORGAN, 2022, forward=(2, 1, 0, 0, 0, 0, 3), section1=unique_text(47))
    text_b = report(ORGAN, 2023, carried_over=(4, 1, 0, 0, 0, 0, 5), section1=unique_text(48))
    write(tmp_path, "a.txt", text_a)
    write(tmp_path, "scans/b.txt", text_b.replace("石桥镇人民政府2023年", "", 1).replace("2023", "二〇二三"))
    write(tmp_path, ".gaudit.yaml", "organs:\n  'scans/*.txt': {organ: 石桥镇, year: 2023}\n")
    files, _ = check(".", cwd=tmp_path)
    assert files["scans/b.txt"]["organ"] == "石桥镇" and files["scans/b.txt"]["year"] == 2023
    assert [(p, k) for p, k, _ in cross(files)] == [("scans/b.txt", "carryover-mismatch")]


def test_output_is_identical_for_any_number_of_workers(tmp_path: Path) -> None:
    for year in range(2019, 2025):
        write(tmp_path, f"{year}.txt", report(ORGAN, year, carried_over=(year % 3, 0, 0, 0, 0, 0, year % 3),
                                              section1=unique_text(50, sentences=16)))
    one, _ = check(".", "--jobs", "1", cwd=tmp_path)
    two, _ = check(".", "--jobs", "2", cwd=tmp_path)
    assert one == two
    assert {k for _, k, _ in cross(one)} == {"carryover-mismatch", "copied-text"}


def test_cross_findings_keep_the_json_contract(tmp_path: Path) -> None:
    import json

    import jsonschema

    write(tmp_path, "a.txt", report(ORGAN, 2022, forward=(2, 1, 0, 0, 0, 0, 3), section1=unique_text(60)))
    write(tmp_path, "b.txt", report(ORGAN, 2023, carried_over=(4, 1, 0, 0, 0, 0, 5), section1=unique_text(61)))
    _, proc = check(".", cwd=tmp_path)
    doc = json.loads(proc.stdout.decode("utf-8"))
    schema = json.loads((Path(__file__).parent / "schemas" / "check.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["summary"]["by_kind"]["carryover-mismatch"] == 1


def test_files_that_are_no_report_take_no_part_in_the_cross_pass(tmp_path: Path) -> None:
    """Two self-inspections of the same township and year are not two copies of its report."""
    import shutil
    import subprocess
    import sys

    sample = Path(__file__).resolve().parents[1] / "samples" / "self-inspection-pinyin.txt"
    for name in ("a.txt", "b.txt"):
        shutil.copy(sample, tmp_path / name)
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", str(tmp_path), "--format", "json",
                           "--fail-on", "never"], capture_output=True, check=False)
    kinds = [f["kind"] for file in json.loads(proc.stdout)["files"] for f in file["findings"]]
    assert kinds == ["not-a-report", "not-a-report"]
