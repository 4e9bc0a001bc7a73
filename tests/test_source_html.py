"""The HTML source: a web page's markup becomes lines and pipe rows, offsets point into the page."""

from __future__ import annotations

from gaudit.sources.html import html_to_text
from gaudit.sources.text import read_text


def rows(page: str) -> list[str]:
    return [line for line in html_to_text(page)[0].split("\n") if line]


def test_entity_without_semicolon_keeps_the_rest_of_the_row() -> None:
    # Browsers accept &nbsp without its ";": the cells after it are still cells.
    assert rows("<table><tr><td>规章&nbsp</td><td>1</td><td>2</td></tr></table>") == ["|规章\u00a0|1|2|"]


def test_unknown_entity_stays_as_written() -> None:
    assert rows("<p>A&unknownthing;B &amp C</p>") == ["A&unknownthing;B & C"]


def test_a_broken_tag_is_text_and_the_next_tag_still_counts() -> None:
    assert rows("<p>数量<5且 <b>加粗</b></p><p>二、</p>") == ["数量<5且 加粗", "二、"]


def test_every_character_maps_to_its_place_in_the_page() -> None:
    page = "<p>一、总体情况</p>\n<table><tr><td>规章</td><td>&#49;2</td></tr></table>"
    text, offsets, saw_table = html_to_text(page)
    assert saw_table
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(page)
    assert page[offsets[text.index("一、")]:].startswith("一、总体情况")
    assert page[offsets[text.index("规章")]:].startswith("规章")
    # The decoded entity maps to the entity itself, the digit after it to itself.
    one = text.index("12")
    assert page[offsets[one]:].startswith("&#49;")
    assert page[offsets[one + 1]:].startswith("2</td>")


def test_scripts_styles_and_comments_are_dropped() -> None:
    page = "<style>td{}</style><script>if (a<b) {x('<td>')}</script><!-- 一、不是 --><p>正文</p>"
    assert rows(page) == ["正文"]


def test_html_in_a_text_file_is_read_as_html_and_plain_text_is_left_alone() -> None:
    assert read_text("<p>一、总体情况</p>".encode()).format.value == "html"
    plain = read_text("数量<5且>3 &nbsp; A&B".encode())
    assert plain.format.value == "text" and plain.text == "数量<5且>3 &nbsp; A&B"
