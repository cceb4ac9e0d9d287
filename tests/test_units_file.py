"""Units-file validation: each error names the file, the entry and the valid choices."""

import pytest

from triage.errors import ConfigError
from triage.routing import UNIT_TYPES, load_office, parse_office

BASE = """
office: 测试县纪委监委
region: {province: 甲省, city: 乙市, county: 丙县}
townships:
  河口镇: [张庄村]
departments: [教育局]
units:
  - {id: t.desk, name: 信访室, type: county_petition_office}
  - {id: t.hk, name: 河口镇纪委, type: township_cdi, townships: [河口镇]}
  - {id: t.o1, name: 第一监督检查室, type: county_office, townships: [河口镇]}
  - {id: t.g1, name: 派驻组, type: county_group, departments: [教育局]}
"""

# (case, text appended or replaced, substrings the message must contain)
ERRORS = [
    ("unknown top-level key", BASE + "colour: red\n", ["bad.yaml", "'colour'", "valid: office"]),
    ("unknown unit type", BASE + "  - {id: t.x, name: X, type: county_bureau}\n",
     ["bad.yaml", "units[4] (t.x)", "'county_bureau'", "valid: " + ", ".join(UNIT_TYPES)]),
    ("unknown unit key", BASE + "  - {id: t.x, name: X, type: city_cdi, colour: red}\n",
     ["units[4] (t.x)", "'colour'", "valid: id, name, type"]),
    ("duplicate id", BASE + "  - {id: t.hk, name: X, type: city_cdi}\n", ["units[4] (t.hk)", "duplicate unit id"]),
    ("unknown township", BASE + "  - {id: t.x, name: X, type: township_cdi, townships: [无名镇]}\n",
     ["units[4] (t.x)", "'无名镇'", "valid: 河口镇"]),
    ("unknown department", BASE + "  - {id: t.x, name: X, type: county_group, departments: [体育局]}\n",
     ["units[4] (t.x)", "'体育局'", "valid: 教育局"]),
    ("unknown domain", BASE + "  - {id: t.x, name: X, type: transfer, domains: [traffic]}\n",
     ["units[4] (t.x)", "'traffic'", "poverty_alleviation"]),
    ("list on the wrong type", BASE + "  - {id: t.x, name: X, type: city_cdi, townships: [河口镇]}\n",
     ["units[4] (t.x)", "city_cdi", "'townships'"]),
    ("two city CDIs", BASE + "  - {id: t.c1, name: A, type: city_cdi}\n  - {id: t.c2, name: B, type: city_cdi}\n",
     ["at most one city_cdi"]),
    ("second petition office", BASE + "  - {id: t.d2, name: D, type: county_petition_office}\n",
     ["exactly one county_petition_office"]),
    ("uncovered township", BASE.replace("河口镇: [张庄村]", "河口镇: [张庄村]\n  石桥乡: []"),
     ["'石桥乡'", "no township_cdi"]),
    ("uncovered department", BASE.replace("[教育局]\nunits", "[教育局, 民政局]\nunits"),
     ["'民政局'", "no county_group"]),
    ("bad threshold", BASE + "review_threshold: 2\n", ["review_threshold"]),
    ("bad deadline", BASE + "deadlines: {accept_days: -1}\n", ["deadlines.accept_days"]),
    ("unknown deadline key", BASE + "deadlines: {reply_days: 3}\n", ["'reply_days'", "accept_days"]),
    ("not YAML", "office: [unclosed", ["bad.yaml", "not valid YAML"]),
    ("missing units", "office: X\ntownships: {A镇: []}\n", ["missing required key 'units'"]),
]


@pytest.mark.parametrize("case,text,needles", ERRORS, ids=[e[0] for e in ERRORS])
def test_load_errors(case, text, needles):
    with pytest.raises(ConfigError) as err:
        parse_office(text, "bad.yaml")
    for needle in needles:
        assert needle in str(err.value)


def test_base_loads():
    office = parse_office(BASE, "ok.yaml")
    assert office.petition_office.id == "t.desk"
    assert office.gazetteer.township_of_village("张庄村") == "河口镇"


def test_example_county_has_every_unit_type():
    office = load_office()
    assert {u.type for u in office.units} == set(UNIT_TYPES)
    assert len(office.gazetteer.townships) >= 5


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read units file"):
        load_office(tmp_path / "nope.yaml")


def test_gbk_file_loads(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(BASE.encode("gbk"))
    assert load_office(path).name == "测试县纪委监委"


GAZETTEER_CASES = [
    ("城关镇", "城关镇"), ("城关", "城关镇"), ("枫林乡", "枫林乡"), ("枫林", "枫林乡"), ("河口镇", None), (None, None),
]


@pytest.mark.parametrize("name,expected", GAZETTEER_CASES)
def test_township_suffix_variants(name, expected):
    assert load_office().gazetteer.match_township(name) == expected


DEPARTMENT_CASES = [
    ("民政局", "民政局"), ("县民政局", "民政局"), ("青石县民政局", "民政局"), ("住建局", "住房和城乡建设局"),
    ("县医保局", "医疗保障局"), ("体育局", None),
]


@pytest.mark.parametrize("name,expected", DEPARTMENT_CASES)
def test_department_prefix_variants(name, expected):
    assert load_office().gazetteer.match_department(name) == expected
