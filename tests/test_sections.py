"""The sections stage: the six statutory sections, numbered headings and the report's facts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaudit.model import DecodedText, Heading, NormalizedText, Position, PositionMap, ReportFacts, Section, SourceText
from gaudit.normalize import normalize
from gaudit.sections import find_sections, organ_kind, organ_level, report_facts
from gaudit.sources.text import from_decoded

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@dataclass(frozen=True)
class Result:
    source: SourceText
    norm: NormalizedText
    sections: tuple[Section, ...]
    headings: tuple[Heading, ...]
    facts: ReportFacts

    def numbers(self) -> list[int]:
        return [s.number for s in self.sections]

    def lines(self) -> list[int]:
        return [s.position.line for s in self.sections]

    def body(self, number: int) -> str:
        (s,) = [s for s in self.sections if s.number == number]
        return self.norm.text[s.body_start:s.body_end]


def analyse(text: str) -> Result:
    extracted = from_decoded(DecodedText(text, "utf-8", None))
    source = SourceText.of(extracted.display)
    norm = normalize(extracted.text, extracted.offsets, pipe_rows=extracted.html_table)
    positions = PositionMap(source, norm.offsets)
    sections, headings = find_sections(positions, norm)
    return Result(source, norm, sections, headings, report_facts(positions, norm, sections))


def seed(prefix: str) -> Result:
    if not SEEDS.is_dir():
        pytest.skip("seed reports not available")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return analyse(path.read_text(encoding="utf-8"))


REPORT = """\
临江县交通运输局2021年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》编制,包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。
一、总体情况
2021年,我局认真落实政府信息公开各项要求。
二、主动公开政府信息情况
全年主动公开政府信息120条。
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请3件。
四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
公开内容还不够全面。
六、其他需要报告的事项
本年度未收取信息处理费。
"""

CANONICAL = [
    (1, "一、总体情况", 3),
    (2, "二、主动公开政府信息情况", 5),
    (3, "三、收到和处理政府信息公开申请情况", 7),
    (4, "四、政府信息公开行政复议、行政诉讼情况", 9),
    (5, "五、存在的主要问题及改进情况", 11),
    (6, "六、其他需要报告的事项", 13),
]


def test_canonical_sections_numbers_headings_lines() -> None:
    r = analyse(REPORT)
    assert [(s.number, s.heading, s.position.line) for s in r.sections] == CANONICAL
    assert all(s.position.col == 1 for s in r.sections)


def test_preface_naming_the_sections_is_not_a_heading() -> None:
    r = analyse(REPORT)
    assert 2 not in r.lines()
    assert all(h.position.line != 2 for h in r.headings)
    assert [(h.numeral, h.position.line, h.section) for h in r.headings] == [
        (n, line, n) for n, _, line in CANONICAL
    ]


def test_section_end_lines_and_bodies() -> None:
    r = analyse(REPORT)
    assert [s.end_line for s in r.sections] == [4, 6, 8, 10, 12, 14]
    assert r.body(3) == "全年共收到政府信息公开申请3件。\n"
    assert r.body(6).startswith("本年度未收取信息处理费。")


def with_first_heading(line: str) -> str:
    return REPORT.replace("一、总体情况", line, 1)


@pytest.mark.parametrize(
    "written",
    [
        "一.总体情况",
        "一．总体情况",
        "一,总体情况",
        "一，总体情况",
        "一 总体情况",
        "一 、总 体 情 况",
        "一、总体情况:",
        "一、总体情况：",
        "**一、总体情况**",
        "【一、总体情况】",
        "  一、总体情况",
        "总体情况",
        "⼀、总体情况",
        "一、概述",
        "一、基本情况",
        "一、总体工作情况",
        "一、2021年政府信息公开工作总体情况",
    ],
)
def test_section_one_heading_variants(written: str) -> None:
    r = analyse(with_first_heading(written))
    assert r.numbers() == [1, 2, 3, 4, 5, 6]
    first = r.sections[0]
    assert first.heading == written.strip()
    assert first.position == Position(3, written.index(written.strip()) + 1)


@pytest.mark.parametrize(
    ("number", "canonical", "variant"),
    [
        (2, "二、主动公开政府信息情况", "二、主动公开政府信息的情况"),
        (3, "三、收到和处理政府信息公开申请情况", "三、依申请公开政府信息情况"),
        (3, "三、收到和处理政府信息公开申请情况", "三、依申请公开政府信息办理情况"),
        (4, "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
        (4, "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开申请被申请行政复议、提起行政诉讼的情况"),
        (5, "五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
        (5, "五、存在的主要问题及改进情况", "五、存在的主要不足及改进措施"),
        (5, "五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要不足及改进措施"),
    ],
)
def test_other_heading_variants(number: int, canonical: str, variant: str) -> None:
    r = analyse(REPORT.replace(canonical, variant))
    assert r.numbers() == [1, 2, 3, 4, 5, 6]
    (s,) = [s for s in r.sections if s.number == number]
    assert (s.heading, s.position.line) == (variant, CANONICAL[number - 1][2])


def test_traditional_headings_are_reported_as_written() -> None:
    trad = (
        "一、總體情況\n本年度我鎮認真落實政府信息公開工作。\n"
        "二、主動公開政府信息情況\n主動公開信息十條。\n"
        "三、收到和處理政府信息公開申請情況\n未收到申請。\n"
        "四、政府信息公開行政復議、行政訴訟情況\n無。\n"
        "五、存在的主要問題及改進情況\n公開內容還不夠全面。\n"
        "六、其他需要報告的事項\n無。\n"
    )
    r = analyse(trad)
    assert r.norm.script == "traditional"
    assert [(s.number, s.heading, s.position.line) for s in r.sections] == [
        (1, "一、總體情況", 1),
        (2, "二、主動公開政府信息情況", 3),
        (3, "三、收到和處理政府信息公開申請情況", 5),
        (4, "四、政府信息公開行政復議、行政訴訟情況", 7),
        (5, "五、存在的主要問題及改進情況", 9),
        (6, "六、其他需要報告的事項", 11),
    ]


def test_html_paragraph_headings() -> None:
    html = "<html><body>\n" + "".join(
        f"<p><strong>{heading}</strong></p>\n<p>正文内容第{n}段。</p>\n" for n, heading, _ in CANONICAL
    ) + "</body></html>\n"
    r = analyse(html)
    assert [(s.number, s.position.line) for s in r.sections] == [(n, 2 * n) for n in range(1, 7)]
    assert r.sections[0].heading == "一、总体情况"
    assert r.sections[0].position.col == len("<p><strong>") + 1


@pytest.mark.parametrize("joint", [" ", "。", ":", "\u3000", "："])
def test_heading_and_its_first_sentence_on_one_line(joint: str) -> None:
    # Scraped pages and careless editing run a heading into its section's first sentence;
    # a reviewer still sees the heading, so the section is there.
    text = REPORT.replace(
        "一、总体情况\n2021年",
        f"一、总体情况{joint}2021年,我局按照县委、县政府部署,扎实推进政务公开各项工作,取得了明显成效;全年",
        1,
    )
    r = analyse(text)
    assert r.numbers() == [1, 2, 3, 4, 5, 6]
    assert r.sections[0].position.line == 3
    assert r.headings[0].position.line == 3


@pytest.mark.parametrize("line", [
    "一、总体情况良好,我局按照县委、县政府部署,扎实推进政务公开各项工作;全年",  # no break after the words
    "一、加强组织领导。局党组高度重视政府信息公开工作,将其列入年度重点工作。",  # not a statutory heading
])
def test_numbered_sentence_is_not_a_heading(line: str) -> None:
    text = REPORT.replace("2021年,我局认真落实政府信息公开各项要求。\n",
                          f"2021年,我局认真落实政府信息公开各项要求。\n{line}\n", 1)
    r = analyse(text)
    assert r.numbers() == [1, 2, 3, 4, 5, 6]
    assert [h.numeral for h in r.headings] == [1, 2, 3, 4, 5, 6]


def test_table_of_contents_with_leaders_is_not_the_outline() -> None:
    toc = "目录\n" + "".join(f"{n}……………………{i + 1}\n" for i, n in enumerate(
        ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]))
    lines = REPORT.split("\n")
    text = "\n".join([lines[0], toc, *lines[1:]])
    r = analyse(text)
    assert r.numbers() == [1, 2, 3, 4, 5, 6]
    assert min(s.position.line for s in r.sections) > 8
    assert all(h.position.line > 8 for h in r.headings)


def test_sub_list_restart_is_a_heading_not_a_section() -> None:
    text = REPORT.replace(
        "2021年,我局认真落实政府信息公开各项要求。\n",
        "2021年,我局认真落实政府信息公开各项要求。\n一、本局政务公开工作基本情况\n加强组织领导。\n二、经验做法\n完善工作制度。\n",
    )
    r = analyse(text)
    assert [(s.number, s.position.line) for s in r.sections] == [(1, 3), (2, 9), (3, 11), (4, 13), (5, 15), (6, 17)]
    assert [(h.numeral, h.position.line, h.section) for h in r.headings] == [
        (1, 3, 1), (1, 5, None), (2, 7, None), (2, 9, 2), (3, 11, 3), (4, 13, 4), (5, 15, 5), (6, 17, 6),
    ]
    assert r.headings[1].text == "一、本局政务公开工作基本情况"
    assert r.sections[0].end_line == 8


def test_headings_repeated_at_the_end_with_pointer_to_the_body() -> None:
    text = REPORT.rstrip("\n").replace("六、其他需要报告的事项\n本年度未收取信息处理费。", "") + (
        "二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "五、存在的主要问题及改进情况\n"
        "(详情见正文)\n"
        "六、其他需要报告的事项\n"
        "（详情见正文）\n"
    )
    r = analyse(text)
    # The body headings are the sections; section 6 exists only in the tail.
    assert [(s.number, s.position.line) for s in r.sections] == [(1, 3), (2, 5), (3, 7), (4, 9), (5, 11), (6, 18)]
    assert r.sections[4].end_line == 17
    # The repeats are recorded with their section, for a section-order check.
    assert [(h.position.line, h.section) for h in r.headings][5:] == [(13, 2), (14, 3), (15, 4), (16, 5), (18, 6)]


def test_table_of_contents_loses_against_the_body() -> None:
    toc = "".join(f"{heading}\n" for _, heading, _ in CANONICAL)
    r = analyse(toc + REPORT)
    assert r.lines() == [line + 6 for _, _, line in CANONICAL]
    assert r.numbers() == [1, 2, 3, 4, 5, 6]


def test_out_of_order_sections_are_all_accepted_in_file_order() -> None:
    swapped = REPORT.replace("四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n", "").replace(
        "六、其他需要报告的事项", "四、政府信息公开行政复议、行政诉讼情况\n无。\n六、其他需要报告的事项"
    )
    r = analyse(swapped)
    assert r.numbers() == [1, 2, 3, 5, 4, 6]
    assert r.lines() == [3, 5, 7, 9, 11, 13]


def test_empty_sections_still_count() -> None:
    text = (
        "一、总体情况\n2021年,本镇扎实推进政务公开。\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        "五、存在的主要问题及改进情况\n问题若干。\n六、其他需要报告的事项\n无。\n"
    )
    r = analyse(text)
    assert r.lines() == [1, 3, 4, 5, 6, 8]
    assert [s.end_line for s in r.sections] == [2, 3, 4, 5, 7, 9]
    assert r.body(2) == r.body(3) == r.body(4) == ""


def test_numbered_table_rows_are_not_headings() -> None:
    text = REPORT.replace(
        "全年共收到政府信息公开申请3件。\n",
        "全年共收到政府信息公开申请3件。\n\t一、本年新收政府信息公开申请数量\n\t3\n"
        "二、上年结转政府信息公开申请数量 | 0 | 0 |\n\t四、结转下年度继续办理\n\t0\n"
        "一、本年新收政府信息公开申请数量 6 3 0 0 0 0 9\n",  # PDF text: the cells follow the label
    )
    r = analyse(text)
    assert r.numbers() == [1, 2, 3, 4, 5, 6]
    assert [h.numeral for h in r.headings] == [1, 2, 3, 4, 5, 6]


def test_obsolete_fee_section_is_not_statutory() -> None:
    fee_section = "四、政府信息公开的收费及减免情况\n无。\n五、政府信息公开行政复议"
    r = analyse(REPORT.replace("四、政府信息公开行政复议", fee_section))
    fee = [h for h in r.headings if "收费" in h.text]
    assert [(h.numeral, h.section) for h in fee] == [(4, None)]
    assert r.numbers() == [1, 2, 3, 4, 5, 6]


def test_no_sections_in_plain_prose() -> None:
    r = analyse("关于开展政务公开自查的通知\n各村、各单位:现将有关事项通知如下。\n")
    assert r.sections == ()
    assert r.headings == ()


_PIECES = [line for _, line, _ in CANONICAL] + [
    "一、基本情况", "(详情见正文)", "正文。", "", "\t一、本年新收政府信息公开申请数量", "x|y",
]


@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=30))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_consistent_sections(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    r = analyse(text)
    numbers = r.numbers()
    assert len(numbers) == len(set(numbers)) and set(numbers) <= set(range(1, 7))
    lines = r.lines()
    assert lines == sorted(lines)
    for s in r.sections:
        assert s.position.line <= s.end_line <= len(r.source.line_starts)
        assert 0 <= s.body_start <= s.body_end <= len(r.norm.text)
    assert [h.position.line for h in r.headings] == sorted(h.position.line for h in r.headings)


# ---------------------------------------------------------------- facts


def test_report_facts_of_a_county_department() -> None:
    f = analyse(REPORT).facts
    assert f.title == "临江县交通运输局2021年政府信息公开工作年度报告"
    assert (f.year, f.title_year, f.period_year) == (2021, 2021, 2021)
    line2 = REPORT.splitlines()[1]
    assert f.period_position == Position(2, line2.index("2021年1月1日") + 1)
    assert (f.organ, f.organ_level, f.organ_kind) == ("临江县交通运输局", "county", "department")
    assert f.template is None


def test_title_broken_over_lines_is_joined_as_written() -> None:
    text = "城南镇人民政府2020年政府信息公开工作\n\n年度报告\n\n" + REPORT.split("\n", 1)[1]
    f = analyse(text).facts
    assert f.title == "城南镇人民政府2020年政府信息公开工作年度报告"
    assert (f.title_year, f.period_year, f.year) == (2020, 2021, 2020)
    assert f.period_position is not None and f.period_position.line == 5
    assert (f.organ, f.organ_level) == ("城南镇人民政府", "township")


@pytest.mark.parametrize(
    ("title", "organ", "level", "year"),
    [
        ("关于青河街道办事处2021年政府信息公开工作年度报告", "青河街道办事处", "township", 2021),
        ("平安县人民政府二〇二二年政府信息公开工作年度报告", "平安县人民政府", "county", 2022),
        ("东山区人民政府二○二一年度政府信息公开工作年度报告", "东山区人民政府", "county", 2021),
        ("江州市人民政府2021年政府信息公开工作年度报告", "江州市人民政府", "city", 2021),
        ("2021年江州市生态环境局政府信息公开工作年度报告", "江州市生态环境局", "city", 2021),
    ],
)
def test_title_organ_and_level(title: str, organ: str, level: str, year: int) -> None:
    f = analyse(title + "\n" + REPORT.split("\n", 1)[1]).facts
    assert f.title == title
    assert (f.organ, f.organ_level, f.title_year) == (organ, level, year)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。", 2022),
        ("数据统计期限:2020年1月1日至2020年12月31日。", 2020),
        ("统计期限自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止。", 2019),
        ("本报告统计数据的时间范围为2022年1月1日—2022年12月31日。", 2022),
        ("本报告所列数据时间为2021年1月1日至2021年12月\n31日。", 2021),  # a range broken over lines
    ],
)
def test_period_sentence_variants(sentence: str, year: int) -> None:
    text = f"某镇政府信息公开工作年度报告\n前言。{sentence}\n一、总体情况\n略。\n"
    f = analyse(text).facts
    assert f.period_year == year
    assert f.period_position == Position(2, len("前言。") + sentence.index(str(year)) + 1)
    assert f.year == year  # the title has no year


def test_breadcrumb_above_the_title_is_not_the_title() -> None:
    text = "当前位置:首页>>信息公开>>年度报告\n" + REPORT
    f = analyse(text).facts
    assert f.title == "临江县交通运输局2021年政府信息公开工作年度报告"
    assert (f.title_year, f.organ_level) == (2021, "county")
    f = analyse("首页 / 政府信息公开 / 政府信息公开年报\n" + REPORT).facts
    assert f.title_year == 2021


def test_no_title_year_and_organ_from_section_one() -> None:
    text = "一、总体情况\n2021年,青石街道办事处认真贯彻落实条例。\n二、主动公开政府信息情况\n略。\n"
    f = analyse(text).facts
    assert f.title is None and f.title_year is None and f.period_year is None
    assert f.year == 2021
    assert (f.organ, f.organ_level) == ("青石街道办事处", "township")


@pytest.mark.parametrize(
    ("organ", "level", "kind"),
    [
        ("红旗镇", "township", "government"),
        ("红旗乡人民政府", "township", "government"),
        ("白云街道", "township", "government"),
        ("白云街道办事处", "township", "government"),
        ("乌兰苏木", "township", "government"),
        ("长宁县人民政府", "county", "government"),
        ("察右前旗人民政府", "county", "government"),
        ("西湖区人民政府", "county", "government"),
        ("长宁县交通运输局", "county", "department"),
        ("长宁县人民政府办公室", "county", "department"),
        # Department words holding a place character are not places.
        ("长宁县住房和城乡建设局", "county", "department"),
        ("长宁县乡村振兴局", "county", "department"),
        ("长宁县市场监督管理局", "county", "department"),
        ("东湖区社区服务中心", "county", "department"),
        ("江州市城市管理综合执法局", "city", "department"),
        # A department belongs to the last place its name names.
        ("江州市东山区教育局", "county", "department"),
        ("江州市卫生健康委员会", "city", "department"),
        ("江州市人民政府", "city", "government"),
        ("某某自治州人民政府", "city", "government"),
        ("某某省人民政府", "province", "government"),
        ("某某自治区人民政府", "province", "government"),
        ("某某省交通运输厅", "province", "department"),
        # A government is named by its place whatever it is called: 东城乡 is a 乡, 丰林区 a district.
        ("东城乡人民政府", "township", "government"),
        ("丰林区人民政府", "county", "government"),
        ("丰林区教育局", "county", "department"),
        ("国家统计局", "national", "department"),
        ("教育部", "national", "department"),
        ("某某", None, None),
        (None, None, None),
    ],
)
def test_organ_level(organ: str | None, level: str | None, kind: str | None) -> None:
    assert organ_level(organ) == level
    assert organ_kind(organ) == kind


# ---------------------------------------------------------------- seeds


def test_seed_000_all_six_sections_despite_old_format() -> None:
    r = seed("000")
    assert [(s.number, s.position.line) for s in r.sections] == [(1, 3), (2, 12), (3, 18), (4, 22), (5, 24), (6, 32)]
    assert r.sections[0].heading == "一、概述"
    assert r.sections[5].heading == "六、其他需要報告的事項"
    # 四、…收费及减免情况 (a pre-2019 section) is a heading but no statutory section.
    assert [(h.numeral, h.position.line, h.section) for h in r.headings][3] == (4, 20, None)
    f = r.facts
    assert f.title == "城月鎮人民政府2020年度政府信息公開工作年度報告"
    assert (f.year, f.title_year, f.period_year) == (2020, 2020, 2020)
    assert f.period_position is not None and f.period_position.line == 2
    assert r.source.line(2)[f.period_position.col - 1:].startswith("2020年1月1日")
    assert (f.organ, f.organ_level) == ("城月鎮人民政府", "township")  # as the title writes it


def test_seed_001_empty_sections_2_to_4() -> None:
    r = seed("001")
    assert [(s.number, s.position.line) for s in r.sections] == [(1, 1), (2, 12), (3, 13), (4, 14), (5, 15), (6, 18)]
    assert r.body(2) == r.body(3) == r.body(4) == ""
    f = r.facts
    assert f.title is None and f.year == 2021
    assert (f.organ, f.organ_level) == ("沙溪镇", "township")


def test_seed_002_title_joined() -> None:
    r = seed("002")
    assert [(s.number, s.position.line) for s in r.sections] == [
        (1, 5), (2, 18), (3, 94), (4, 358), (5, 404), (6, 418)
    ]
    assert [h.position.line for h in r.headings] == [5, 18, 94, 358, 404, 418]  # table rows excluded
    f = r.facts
    assert f.title == "棉洋镇人民政府2020年政府信息公开工作年度报告"
    assert (f.year, f.title_year) == (2020, 2020)
    assert (f.organ, f.organ_level) == ("棉洋镇人民政府", "township")


def test_seed_003_is_not_a_report() -> None:
    r = seed("003")
    assert r.sections == ()
    assert r.headings == ()


def test_seed_004_numbering_restarts_inside_section_one() -> None:
    r = seed("004")
    assert [(s.number, s.position.line) for s in r.sections] == [(1, 1), (2, 13), (3, 32), (4, 59), (5, 64), (6, 72)]
    assert [(h.numeral, h.position.line, h.section) for h in r.headings] == [
        (1, 1, 1), (1, 3, None), (2, 7, None), (2, 13, 2), (3, 32, 3), (4, 59, 4), (5, 64, 5), (6, 72, 6),
    ]
    f = r.facts
    assert (f.organ, f.organ_level) == ("水泊街道", "township")


def test_organ_on_its_own_line_above_the_title() -> None:
    body = REPORT.split("\n", 1)[1]
    f = analyse("高桥区农业农村局\n\n2023年政府信息公开工作年度报告\n" + body).facts
    assert (f.title, f.title_year) == ("2023年政府信息公开工作年度报告", 2023)
    assert (f.organ, f.organ_level, f.organ_kind) == ("高桥区农业农村局", "county", "department")


def test_no_title_organ_from_the_preface_wrapped_over_lines() -> None:
    preface = ("    根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信\n"
               "息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》\n"
               "要求,现公布青河镇人民政府2023年度政府信息公开工作年\n度报告。\n")
    f = analyse(preface + "\n".join(REPORT.split("\n")[2:])).facts
    assert f.title is None  # a wrapped line of the preface is no title
    assert (f.organ, f.organ_level) == ("青河镇人民政府", "township")
    assert (f.title_year, f.period_year, f.year) == (None, None, 2023)  # the report the preface names


def test_organ_and_year_told_only_where_the_counts_are() -> None:
    text = ("政府信息公开工作年度报告\n一、总体情况\n今年以来,本街道把政府信息公开工作作为重要抓手。\n"
            "二、主动公开政府信息情况\n略。\n三、收到和处理政府信息公开申请情况\n"
            "2019年,柳溪街道共收到政府信息公开申请1件。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
            "五、存在的主要问题及改进情况\n略。\n六、其他需要报告的事项\n无。\n")
    f = analyse(text).facts
    assert (f.organ, f.organ_level, f.year) == ("柳溪街道", "township", 2019)


def test_numbered_sub_item_does_not_stand_for_a_section_its_heading_names_later() -> None:
    # Sections 2 and 3 swapped, and a sub-item "2.主动公开情况" in section 1: the real
    # 二、 heading is section 2, out of order, not the sub-item.
    text = REPORT.replace("2021年,我局认真落实政府信息公开各项要求。\n",
                          "2021年,我局认真落实政府信息公开各项要求。\n2.主动公开情况\n全年公开信息。\n")
    lines = text.split("\n")
    i2 = lines.index("二、主动公开政府信息情况")
    i3 = lines.index("三、收到和处理政府信息公开申请情况")
    lines[i2:i2 + 2], lines[i3:i3 + 2] = lines[i3:i3 + 2], lines[i2:i2 + 2]
    r = analyse("\n".join(lines))
    assert [s.number for s in r.sections] == [1, 3, 2, 4, 5, 6]
    assert r.sections[2].heading == "二、主动公开政府信息情况"


def test_contents_list_without_leaders_loses_against_a_body_with_a_heading_astray() -> None:
    toc = "\n".join(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                     "六、其他需要报告的事项"])
    lines = REPORT.split("\n")
    # In the body, 五、 comes before 四、 (which lost its text).
    i4 = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    lines[i4:i4 + 3] = ["五、存在的主要问题及改进情况", "四、政府信息公开行政复议、行政诉讼情况",
                        "公开内容还不够全面。"]
    text = "\n".join([lines[0], lines[1], "目录", toc, *lines[2:]])
    r = analyse(text)
    assert all(s.position.line > 9 for s in r.sections), [(s.number, s.position.line) for s in r.sections]
    assert [s.number for s in r.sections] == [1, 2, 3, 5, 4, 6]
