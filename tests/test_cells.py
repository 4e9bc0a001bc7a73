"""One cell as written -> its value: a number, None for a blank, the raw text otherwise."""

from __future__ import annotations

import pytest

from gaudit.cells import is_number_text, parse_cell


@pytest.mark.parametrize(("raw", "value"), [
    ("0", 0),
    ("17", 17),
    (" 0", 0),
    ("0\u00a0", 0),  # a no-break space after the zero, as in seed 002
    ("+98", 98),
    ("-3", -3),
    ("\u22123", -3),  # a minus sign from a word processor
    ("１２", 12),  # full-width digits
    ("＋５", 5),
    ("1,234", 1234),
    ("１，２３４", 1234),
    ("12.85", 12.85),
    ("258463.87元", 258463.87),
    ("258463.87 元", 258463.87),
    ("3.5万元", 3.5),
    ("12件", 12),
    ("0.00", 0.0),
])
def test_numbers(raw: str, value: int | float) -> None:
    got = parse_cell(raw)
    assert got == value
    assert type(got) is type(value)  # 12 is a count, 12.0 an amount written with a decimal point
    assert is_number_text(raw)


@pytest.mark.parametrize("raw", ["", " ", "\u3000", "\t"])
def test_blank_is_none_not_zero(raw: str) -> None:
    assert parse_cell(raw) is None
    assert not is_number_text(raw)


@pytest.mark.parametrize("raw", ["无", "/", "—", "-", "若干", "l0", "O", "x", "1,23", "12.3.4", "约5"])
def test_anything_else_is_kept_as_text_for_the_rules(raw: str) -> None:
    assert parse_cell(raw) == raw.strip()
    assert not is_number_text(raw)


def test_text_is_returned_stripped_and_width_folded() -> None:
    assert parse_cell("  无 ") == "无"
    assert parse_cell("ｌ０") == "l0"
