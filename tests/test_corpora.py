"""The generated corpora: deterministic, complete, and their gold labels agree with their text."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import cn2an
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # corpora/ is data plus a script, not an installed package
    sys.path.insert(0, str(ROOT))

from corpora.generate import (  # noqa: E402
    DEFAULT_UNITS,
    KINDS,
    Generator,
    compute_gold_route,
    generate_petitions,
    load_county,
    load_phrases,
    main,
    write_capital_number,
    write_chinese_number,
)

CORPORA = ROOT / "corpora"
OTHER_UNITS = CORPORA / "other_county_units.yaml"
# committed file → (units file, expected size)
COMMITTED = {
    "train.jsonl": (DEFAULT_UNITS, 6000),
    "dev.jsonl": (DEFAULT_UNITS, 1000),
    "test.jsonl": (DEFAULT_UNITS, 1000),
    "example.jsonl": (DEFAULT_UNITS, 60),
    "other_county.jsonl": (OTHER_UNITS, 300),
}
UNIT_TYPES = {"county_petition_office", "township_cdi", "county_office", "county_group", "city_cdi", "transfer"}
DOMAINS = [d["code"] for d in yaml.safe_load((ROOT / "triage/data/taxonomy.yaml").read_text("utf-8"))["domains"]]
LEVELS = {"village", "township", "county_dept", "county", "city_or_above", "unknown"}
PARTIES = {"accused", "petitioner", "other"}
QUALIFIERS = {"exact", "about", "over", "under", "range"}
RULES = {"not_accusation", "cadre_authority", "place", "fallback"}

CHINESE_NUMBERS = [
    (1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (105, "一百零五"), (1200, "一千二百"), (1020, "一千零二十"),
    (2000, "两千"), (20000, "两万"), (35000, "三万五千"), (100000, "十万"), (105000, "十万五千"),
    (100500, "十万零五百"), (1000000, "一百万"), (23000000, "两千三百万"),
]
CAPITAL_NUMBERS = [(35000, "叁万伍仟"), (15, "壹拾伍"), (2000, "贰仟"), (120000, "壹拾贰万")]
# (kind, primary domain, accused as (level, township, department), places) → (unit, rule) in the example county
ROUTE_CASES = [
    ("non_jurisdiction", "social_assistance", [], [], ("qs.tr.civil", "not_accusation")),
    ("non_jurisdiction", "land_compensation", [], [], ("qs.tr.land", "not_accusation")),
    ("appeal", "housing", [], [], ("qs.petition", "not_accusation")),
    ("suggestion", "other", [], [], ("qs.petition", "not_accusation")),
    ("accusation", "housing", [("village", "东关镇", None)], [], ("qs.tc.dongguan", "cadre_authority")),
    ("accusation", "housing", [("village", "东关镇", None), ("township", "白石镇", None)], [],
     ("qs.office2", "cadre_authority")),
    ("accusation", "social_assistance", [("county_dept", None, "民政局")], [], ("qs.group1", "cadre_authority")),
    ("accusation", "other", [("county", None, None)], [], ("qs.city", "cadre_authority")),
    ("accusation", "other", [("city_or_above", None, None), ("village", "东关镇", None)], [],
     ("qs.city", "cadre_authority")),
    ("accusation", "housing", [("village", None, None)], [], ("qs.petition", "fallback")),
    ("accusation", "housing", [("township", None, None)], [{"township": "河口镇", "village": "石桥村"}],
     ("qs.petition", "cadre_authority")),
    ("accusation", "housing", [("unknown", None, None)], [{"township": "云溪乡", "village": None}],
     ("qs.tc.yunxi", "place")),
    ("accusation", "housing", [("unknown", None, None)], [{"township": "河口镇", "village": None}],
     ("qs.petition", "place")),
    ("accusation", "housing", [("unknown", None, None)], [], ("qs.petition", "fallback")),
]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def committed() -> dict[str, list[dict]]:
    return {name: read_jsonl(CORPORA / name) for name in COMMITTED}


@pytest.fixture(scope="module")
def sample() -> list[dict]:
    return list(generate_petitions(3000, seed=11, split="train"))


def test_same_seed_same_petitions_and_other_seed_other_petitions():
    first = list(generate_petitions(300, seed=7, split="dev"))
    again = list(generate_petitions(300, seed=7, split="dev"))
    other = list(generate_petitions(300, seed=8, split="dev"))
    assert first == again
    assert [r["text"] for r in first] != [r["text"] for r in other]


def test_command_line_writes_the_same_file_twice(tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        assert main(["--n", "50", "--seed", "3", "--split", "test", "--out", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert len(read_jsonl(tmp_path / "a.jsonl")) == 50


@pytest.mark.parametrize("name", list(COMMITTED))
def test_committed_file_has_its_size_and_unique_ids(committed, name):
    records = committed[name]
    assert len(records) == COMMITTED[name][1]
    assert len({r["id"] for r in records}) == len(records)


def test_every_domain_and_kind_is_present(committed, sample):
    for records in (committed["train.jsonl"], committed["test.jsonl"], sample):
        assert set(Counter(r["domain"] for r in records)) == set(DOMAINS)
        assert set(Counter(r["kind"] for r in records)) == set(KINDS)
        assert {r["channel"] for r in records} == {"letter", "visit", "web", "phone"}
    for code in DOMAINS:  # every domain also appears as a secondary domain somewhere, except maybe other
        if code != "other":
            assert any(code in r["domains"][1:] for r in committed["train.jsonl"]), code


@pytest.mark.parametrize("name", list(COMMITTED))
def test_gold_labels_agree_with_text_and_units(committed, name):
    county = load_county(COMMITTED[name][0])
    for r in committed[name]:
        text, gold = r["text"], r["gold"]
        assert r["domain"] == r["domains"][0] and len(set(r["domains"])) == len(r["domains"])
        assert set(r["domains"]) <= set(DOMAINS) and r["kind"] in KINDS
        names = [p["name"] for p in gold["persons"] if p["name"] is not None]
        assert len(names) == len(set(names)), r["id"]
        for person in gold["persons"]:
            assert person["level"] in LEVELS and person["party"] in PARTIES
            assert person["name"] is None or person["name"] in text, (r["id"], person)
            assert person["name"] is not None or person["role"], (r["id"], person)
        for amount in gold["amounts"]:
            assert amount["text"] in text, (r["id"], amount)
            assert amount["qualifier"] in QUALIFIERS and amount["value"] > 0
        for place in gold["places"]:
            if place["township"] in county.townships and place["village"] is not None:
                assert place["village"] in county.townships[place["township"]]
        assert gold["route"]["unit"] in county.unit_ids, r["id"]
        assert gold["route"]["rule"] in RULES
        if r["kind"] != "accusation":
            assert not any(p["party"] == "accused" for p in gold["persons"]), r["id"]
        if r["kind"] == "suggestion":
            assert gold["route"]["unit"] == county.petition_office


def test_accused_exist_at_every_level_and_role_only_persons_occur(committed):
    accused = [p for r in committed["train.jsonl"] for p in r["gold"]["persons"] if p["party"] == "accused"]
    assert {p["level"] for p in accused} == LEVELS
    assert any(p["name"] is None for p in accused)
    assert any(p["name"] and p["name"].endswith("某") for p in accused)
    assert any(p["name"] and p["name"].endswith("某某") for p in accused)
    parties = Counter(p["party"] for r in committed["train.jsonl"] for p in r["gold"]["persons"])
    assert parties["petitioner"] > 300 and parties["other"] > 300


def test_register_and_distractor_variety(committed):
    texts = [r["text"] for r in committed["train.jsonl"]]
    for marker in ("此致", "来电人", "来访", "标题：", "A市B县", "亩", "户", "身份证号", "年至", "去年"):
        assert any(marker in t for t in texts), marker
    qualifiers = Counter(a["qualifier"] for r in committed["train.jsonl"] for a in r["gold"]["amounts"])
    assert set(qualifiers) == QUALIFIERS
    currencies = Counter(a["currency"] for r in committed["train.jsonl"] for a in r["gold"]["amounts"])
    assert currencies["CNY"] > 20 * (sum(currencies.values()) - currencies["CNY"]) > 0
    assert any(re.search("[壹贰叁肆伍陆柒捌玖][拾佰仟万]", a["text"]) for r in committed["train.jsonl"]
               for a in r["gold"]["amounts"])


def test_rules_other_than_cadre_authority_fire(committed):
    rules = Counter(r["gold"]["route"]["rule"] for r in committed["train.jsonl"])
    assert set(rules) == RULES
    assert rules["cadre_authority"] > rules["not_accusation"] > max(rules["place"], rules["fallback"])
    assert min(rules["place"], rules["fallback"]) > 50


def test_arabic_and_chinese_amount_values_parse_back(committed):
    """An independent reading (regex and cn2an) of the plainest amount texts gives the gold value."""
    checked = 0
    for r in committed["train.jsonl"]:
        for a in r["gold"]["amounts"]:
            if a["qualifier"] != "exact" or a["currency"] != "CNY":
                continue
            m = re.fullmatch(r"(?:人民币)?([\d,]+(?:\.\d+)?)(万)?(?:元|块钱|块)", a["text"])
            if m:
                value = float(m.group(1).replace(",", "")) * (10000 if m.group(2) else 1)
            else:
                m = re.fullmatch(r"(?:人民币)?([零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)"
                                 r"(?:元整|元|块钱|块)", a["text"])
                if not m:
                    continue
                value = cn2an.cn2an(m.group(1).replace("两", "二"), "smart")
            assert abs(value - a["value"]) < 0.01, (r["id"], a)
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize(("number", "text"), CHINESE_NUMBERS)
def test_chinese_numerals(number, text):
    assert write_chinese_number(number) == text
    assert cn2an.cn2an(text.replace("两", "二"), "smart") == number


@pytest.mark.parametrize(("number", "text"), CAPITAL_NUMBERS)
def test_capital_numerals(number, text):
    assert write_capital_number(number) == text


@pytest.mark.parametrize(("kind", "domain", "accused", "places", "expected"), ROUTE_CASES)
def test_gold_route_rules(kind, domain, accused, places, expected):
    from corpora.generate import Person

    county = load_county(DEFAULT_UNITS)
    persons = [Person(name=None, role="x", level=lv, party="accused", township=t, department=dep)
               for lv, t, dep in accused]
    assert compute_gold_route(county, kind, domain, persons, places) == expected


def test_test_split_uses_held_out_templates_that_train_never_sees():
    phrases = load_phrases()
    county = load_county(DEFAULT_UNITS)
    train = Generator(county, phrases, seed=1, split="train")
    test = Generator(county, phrases, seed=1, split="test")
    matters = phrases["domains"]["housing"]["matters"]
    assert matters[4] not in train.pool(matters) and matters[4] in test.pool(matters)
    assert len(test.pool(matters)) > len(train.pool(matters))
    held_out = [t for d in phrases["domains"].values() for i, t in enumerate(d["matters"]) if i % 5 == 4]
    assert len(held_out) >= 24


def test_other_county_units_file_has_every_unit_type_and_other_ids():
    raw = yaml.safe_load(OTHER_UNITS.read_text(encoding="utf-8"))
    assert {u["type"] for u in raw["units"]} == UNIT_TYPES
    example = yaml.safe_load(DEFAULT_UNITS.read_text(encoding="utf-8"))
    assert not {u["id"] for u in raw["units"]} & {u["id"] for u in example["units"]}
    assert not set(raw["townships"]) & set(example["townships"])
    units = pytest.importorskip("triage.routing.units")
    office = units.load_office(OTHER_UNITS)  # the project's own validating loader accepts it
    assert {u.type for u in office.units} == UNIT_TYPES


def test_other_county_petitions_use_its_places(committed):
    county = load_county(OTHER_UNITS)
    in_county = [p["township"] for r in committed["other_county.jsonl"] for p in r["gold"]["places"]
                 if p["township"] in county.townships]
    assert len(set(in_county)) == len(county.townships)


@pytest.mark.slow
def test_generation_is_fast():
    began = time.perf_counter()
    records = list(generate_petitions(5000, seed=1, split="bench"))
    elapsed = time.perf_counter() - began
    assert len(records) == 5000
    assert elapsed < 5.0  # ≥ 1,000/s even on a loaded shared machine; ~5,000-10,000/s when idle


@pytest.mark.parametrize("name", ["train.jsonl", "other_county.jsonl"])
def test_gold_route_agrees_with_the_project_router_on_gold_facts(committed, name):
    """Two independent implementations of ROUTING.md: the generator's gold route and triage.routing, fed
    the gold facts (kind, primary domain, persons, places), must pick the same unit by the same rule."""
    from datetime import date

    rules = pytest.importorskip("triage.routing.rules")
    units = pytest.importorskip("triage.routing.units")
    from triage.petition import Classification, DomainScore, Extraction, Person, Place

    office = units.load_office(COMMITTED[name][0])
    disagreements = []
    for r in committed[name]:
        gold = r["gold"]
        persons = tuple(Person(name=p["name"], role=p["role"], level=p["level"], party=p["party"])
                        for p in gold["persons"])
        places = tuple(Place(text=(p["township"] or "") + (p["village"] or ""), province=None, city=None,
                             county=None, township=p["township"], village=p["village"], start=0, end=0)
                       for p in gold["places"])
        classification = Classification(kind=r["kind"], primary_domain=r["domain"],
                                         domains=(DomainScore(r["domain"], 1.0),))
        route = rules.route_petition(classification, Extraction(persons=persons, places=places), office,
                                     r["text"], date.fromisoformat(r["received_at"]))
        if (route.unit, route.rule) != (gold["route"]["unit"], gold["route"]["rule"]):
            disagreements.append((r["id"], gold["route"], route.unit, route.rule))
    assert disagreements == []
