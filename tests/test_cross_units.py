"""The pieces of the cross-report pass: organ keys, sketches and their index, records, tallies."""

from __future__ import annotations

import pickle
import random

import pytest
from cross_reports import report, unique_text

from gaudit.cross.config import CrossConfigError, find_cycle, parse_hierarchy, parse_organs
from gaudit.cross.organs import merge_short_names, organ_key
from gaudit.cross.setup import cross_rules, record_spec
from gaudit.cross.sketch import MAX_SKETCHED, boilerplate_matcher, candidate_pairs, clean_text, estimate, signature
from gaudit.cross.tally import OrganTally
from gaudit.document import read_document
from gaudit.findings import KINDS, Severity
from gaudit.i18n import Bilingual
from gaudit.model import AuditedFile, Finding, Hit, InputFormat, Position, ReportFacts
from gaudit.rules import load_rules


@pytest.mark.parametrize(("a", "b"), [
    ("石桥镇人民政府", "石桥镇"),
    ("石橋鎮人民政府", "石桥镇"),
    ("柳溪街道办事处", "柳溪街道"),
    ("云岭县人民政府办公室", "云岭县政府办"),
    ("云岭县卫生健康委员会", "云岭县卫生健康委"),
    (" 石桥镇人民政府 ", "石桥镇"),
])
def test_forms_of_one_name_are_one_key(a: str, b: str) -> None:
    assert organ_key(a) == organ_key(b)


@pytest.mark.parametrize(("a", "b"), [("石桥镇", "石桥县"), ("石桥镇", "石侨镇"), ("临川县石桥镇", "江州县石桥镇")])
def test_different_organs_stay_apart(a: str, b: str) -> None:
    assert organ_key(a) != organ_key(b)


def test_a_short_name_joins_the_one_organ_naming_its_county() -> None:
    keys = ["石桥镇", "临川县石桥镇", "江州市临川县石桥镇", "桂山镇", "临川县桂山镇", "江州县桂山镇"]
    merged = merge_short_names(keys)
    assert merged["石桥镇"] == merged["临川县石桥镇"] == "江州市临川县石桥镇"
    assert merged["桂山镇"] == "桂山镇"  # two counties have one: ambiguous, left alone
    assert merged["临川县桂山镇"] != merged["江州县桂山镇"]


def test_hierarchy_cycles_are_found_through_name_forms() -> None:
    cycle = find_cycle({"临川县人民政府": ["石桥镇"], "石桥镇人民政府": ["临川县"]})
    assert cycle == ["临川县人民政府", "石桥镇", "临川县人民政府"]
    assert find_cycle({"江州市": ["临川县"], "临川县": ["石桥镇", "桂山镇"]}) == []
    with pytest.raises(CrossConfigError):
        parse_hierarchy({"a县": ["b镇"], "b镇": ["c乡"], "c乡": ["a县"]}, None)
    with pytest.raises(CrossConfigError):
        parse_hierarchy(["not", "a", "mapping"], None)


def test_organ_mapping_entries() -> None:
    entries = parse_organs({"scans/*.txt": {"organ": "石桥镇", "year": 2023}, "old/*": "桂山镇"})
    assert entries[0].matches("reports/scans/a.txt") and not entries[0].matches("reports/a.txt")
    assert (entries[1].organ, entries[1].year) == ("桂山镇", None)
    with pytest.raises(CrossConfigError):
        parse_organs({"*.txt": {"organ": "x", "year": "2023"}})


def test_sketches_see_copies_through_new_numbers_and_not_through_boilerplate() -> None:
    nothing = boilerplate_matcher([])
    text = clean_text(unique_text(1, sentences=20), nothing)
    renumbered = clean_text(unique_text(1, sentences=20).replace("1", "7"), nothing)
    assert estimate(signature(text), signature(renumbered)) == 1.0
    assert estimate(signature(text), signature(clean_text(unique_text(2, sentences=20), nothing))) < 0.3
    boiler = boilerplate_matcher(["条例", "^无其他需要报告的事项$"])
    assert clean_text("本报告依据《条例》编制。全年公开信息12条。无其他需要报告的事项。", boiler) == "全年公开信息0条"
    # A pattern that refers back to its own group is searched on its own, not joined.
    assert clean_text("哈哈。全年12条。", boilerplate_matcher([r"(哈)\1", "条例"])) == "全年0条"


def test_a_sketch_takes_a_long_section_only_up_to_its_bound() -> None:
    long_text = unique_text(3, sentences=400)
    cleaned = clean_text(long_text, boilerplate_matcher([]))
    assert MAX_SKETCHED <= len(cleaned) < MAX_SKETCHED + 200
    assert signature(cleaned) == signature(clean_text(long_text + "另有一段不同的文字。" * 50, boilerplate_matcher([])))


def test_the_index_finds_near_copies_without_comparing_every_pair() -> None:
    rng = random.Random(5)
    texts = [unique_text(k, sentences=10) for k in range(600)]
    for k in range(0, 600, 60):  # ten planted copies, one sentence in ten changed
        sentences = texts[k].split("。")
        sentences[rng.randrange(len(sentences) - 1)] = "改写的一句话内容完全不同"
        texts[k + 1] = "。".join(sentences)
    sigs = [(k, signature(clean_text(t, boilerplate_matcher([])))) for k, t in enumerate(texts)]
    pairs = list(candidate_pairs(sigs))
    close = {(a, b) for a, b in pairs if estimate(sigs[a][1], sigs[b][1]) >= 0.6}
    assert close == {(k, k + 1) for k in range(0, 600, 60)}
    assert len(pairs) < 600 * 599 // 2 // 20


def test_a_record_is_small_and_holds_what_the_rules_compare() -> None:
    spec = record_spec(cross_rules(load_rules()))
    doc = read_document(report("石桥镇人民政府", 2023, forward=(2, 1, 0, 0, 0, 0, 3), section1=unique_text(3, 40))
                        .encode("utf-8"), "a.txt")
    record = spec.make(doc)
    assert len(pickle.dumps(record)) < 4096
    assert (record.organ, record.year, record.template) == ("石桥镇人民政府", 2023, "2021")
    assert spec.values(record, "applications", "carried_forward") == {
        "natural_person": 2, "commercial": 1, "research": 0, "nonprofit": 0, "legal_services": 0,
        "other_org": 0, "total": 3}
    assert {s.section for s in record.sketches} >= {1, 5}


def test_every_cross_kind_is_catalogued_and_has_a_builtin_rule() -> None:
    kinds = {"carryover-mismatch", "stock-mismatch", "copied-text", "duplicate-report", "aggregate-mismatch"}
    assert kinds <= set(KINDS)
    assert {r.kind for r in cross_rules(load_rules())} == kinds


def _file(organ: str | None, year: int, severities: list[Severity]) -> AuditedFile:
    findings = tuple(Finding("r", "blank-cell", s, Bilingual("x", "x"), Hit(1, 1), Position(1, 1)) for s in severities)
    return AuditedFile(f"{organ}{year}.txt", InputFormat.TEXT, "utf-8", None, "simplified",
                       ReportFacts(organ=organ, year=year), (), {}, findings)


def test_per_organ_lines_put_the_worst_first() -> None:
    tally = OrganTally()
    tally.add(_file("桂山镇", 2023, [Severity.WARNING]))
    tally.add(_file("石桥镇", 2022, [Severity.ERROR, Severity.INFO]))
    tally.add(_file("石桥镇", 2023, []))
    tally.add(_file(None, 2023, [Severity.WARNING, Severity.WARNING]))
    assert tally.lines("en") == [
        "By organ and year:",
        "  石桥镇 2022: 1 errors, 0 warnings, 1 infos",
        "  (organ unknown) 2023: 0 errors, 2 warnings, 0 infos",
        "  桂山镇 2023: 0 errors, 1 warnings, 0 infos",
    ]
