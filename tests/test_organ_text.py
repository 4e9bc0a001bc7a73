"""Where a report names its organ when no title does, and the name as the report writes it."""

from __future__ import annotations

import pytest

from gaudit.organ_text import as_written, organ_as_subject, organ_in_page_header


@pytest.mark.parametrize(("head", "organ"), [
    ("Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告\nP. 8\n", "威海市文登区信访局"),
    ("Page 9 - 2020年报_审计局\nP. 9\n", "审计局"),
    ("一、总体情况\n2022年,我局……\n", None),
])
def test_organ_in_a_crawled_page_header(head: str, organ: str | None) -> None:
    assert organ_in_page_header(head) == organ


@pytest.mark.parametrize(("text", "organ"), [
    ("2023年,区投资促进局认真贯彻执行《条例》", "区投资促进局"),
    ("2023年,在区委、区政府的统一部署下,区统计局紧紧围绕中心工作", "区统计局"),
    ("市政府办公厅代表市政府共受理政府信息公开申请859件", "市政府办公厅"),
    # Not a subject: a clause about information, or one opening with 根据/按照.
    ("2023年,根据区政府办公室的通知,严格执行", None),
    ("信息公开办公室", None),
])
def test_a_department_naming_itself_as_a_subject(text: str, organ: str | None) -> None:
    assert organ_as_subject(text, 0, len(text)) == organ


def test_a_name_is_shown_as_written() -> None:
    title = "2020年上海市人民政府辦公廳政府信息公開工作年度報告"
    assert as_written("上海市人民政府办公厅", title) == "上海市人民政府辦公廳"
    assert as_written("某局", "无关的文字") == "某局"
