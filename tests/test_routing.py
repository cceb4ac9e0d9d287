"""The rule engine of ROUTING.md, case by case, on the shipped example county (and one built here)."""

from datetime import date

import pytest

from triage.petition import Classification, DomainScore, Extraction, Organisation, Person, Place
from triage.routing import load_office, parse_office, route_petition
from triage.taxonomy import default_taxonomy

TEXT = "反映某村干部侵吞扶贫资金的问题，请领导调查处理。"


def accused(level, role="村支书", name="袁某", place=None):
    return Person(name=name, role=role, level=level, party="accused", mentions=((0, 2),), place=place)


def petitioner(level="unknown"):
    return Person(name="李四", role="村民", level=level, party="petitioner", mentions=((0, 2),))


def place(township=None, village=None, county=None, text=None):
    return Place(text=text or f"{township or ''}{village or ''}", province=None, city=None, county=county,
                 township=township, village=village, start=0, end=2)


def org(department):
    return Organisation(text="县" + department, department=department, start=0, end=4)


# (case, kind, primary domain, score, persons, places, organisations, expected unit, expected rule, review)
CASES = [
    ("village cadre, village named", "accusation", "poverty_alleviation", 0.9,
     [accused("village")], [place(village="柳树村")], [], "qs.tc.dongguan", "cadre_authority", False),
    ("village cadre, township and village", "accusation", "housing", 0.9,
     [accused("village")], [place(township="白石镇", village="杨庄村")], [], "qs.tc.baishi", "cadre_authority", False),
    ("village cadre, township without suffix", "accusation", "housing", 0.9,
     [accused("village")], [place(township="枫林")], [], "qs.tc.fenglin", "cadre_authority", False),
    ("village cadre, village without suffix", "accusation", "housing", 0.9,
     [accused("village")], [place(village="桃园")], [], "qs.tc.chengguan", "cadre_authority", False),
    ("village cadre, place on the person", "accusation", "housing", 0.9,
     [accused("village", place="竹园村")], [place(township="城关镇")], [], "qs.tc.yunxi", "cadre_authority", False),
    ("township official", "accusation", "agri_subsidy", 0.8,
     [accused("township", role="副镇长")], [place(township="南岭镇")], [], "qs.office2", "cadre_authority", False),
    ("township official in the other office", "accusation", "agri_subsidy", 0.8,
     [accused("township", role="财政所所长")], [place(township="城关镇")], [], "qs.office1", "cadre_authority",
     False),
    ("county department, prefix in role", "accusation", "social_assistance", 0.8,
     [accused("county_dept", role="县民政局副局长")], [], [], "qs.group1", "cadre_authority", False),
    ("county department, county name in role", "accusation", "social_assistance", 0.8,
     [accused("county_dept", role="青石县自然资源局局长")], [], [], "qs.group2", "cadre_authority", False),
    ("county department, short form", "accusation", "housing", 0.8,
     [accused("county_dept", role="住建局股长")], [], [], "qs.group2", "cadre_authority", False),
    ("county department from organisations", "accusation", "education_medical", 0.8,
     [accused("county_dept", role="局长")], [], [org("医疗保障局")], "qs.group1", "cadre_authority", False),
    ("county department unknown to the office", "accusation", "education_medical", 0.8,
     [accused("county_dept", role="县体育局局长")], [], [], "qs.petition", "cadre_authority", True),
    ("county leader escalated", "accusation", "frugality_rules", 0.8,
     [accused("county", role="副县长")], [], [], "qs.city", "cadre_authority", False),
    ("city leader escalated", "accusation", "frugality_rules", 0.8,
     [accused("city_or_above", role="市委书记")], [], [], "qs.city", "cadre_authority", False),
    ("two accused: the highest level wins", "accusation", "land_compensation", 0.8,
     [accused("village", name="王某"), accused("township", role="镇长", name="赵某")],
     [place(township="东关镇", village="马家村")], [], "qs.office1", "cadre_authority", False),
    ("petitioner never counts", "accusation", "land_compensation", 0.8,
     [accused("village"), petitioner(level="county")], [place(village="上坪村")], [], "qs.tc.fenglin",
     "cadre_authority", False),
    ("outside the area (cadre)", "accusation", "land_compensation", 0.8,
     [accused("village")], [place(township="河口镇", village="张庄村", county="北山县")], [], "qs.petition",
     "cadre_authority", True),
    ("place only", "accusation", "collective_assets", 0.8,
     [], [place(township="云溪乡")], [], "qs.tc.yunxi", "place", False),
    ("place only, unknown level", "accusation", "collective_assets", 0.8,
     [accused("unknown", role=None)], [place(village="黄泥村")], [], "qs.tc.yunxi", "place", False),
    ("place only, outside the area", "accusation", "collective_assets", 0.8,
     [], [place(township="河口镇")], [], "qs.petition", "place", True),
    ("level without a place falls back", "accusation", "housing", 0.9,
     [accused("village")], [], [], "qs.petition", "fallback", True),
    ("nothing known", "accusation", "other", 0.9, [], [], [], "qs.petition", "fallback", True),
    ("uncertain domain", "accusation", "housing", 0.2,
     [accused("village")], [place(village="柳树村")], [], "qs.petition", "uncertain", True),
    ("non-jurisdiction to transfer unit", "non_jurisdiction", "social_assistance", 0.9,
     [], [place(village="柳树村")], [], "qs.tr.civil", "not_accusation", False),
    ("non-jurisdiction land to natural resources", "non_jurisdiction", "land_compensation", 0.9,
     [], [], [], "qs.tr.land", "not_accusation", False),
    ("appeal to the petition office", "appeal", "work_style", 0.9,
     [accused("village")], [place(village="柳树村")], [], "qs.petition", "not_accusation", False),
    ("suggestion to the petition office", "suggestion", "other", 0.9, [], [], [], "qs.petition",
     "not_accusation", False),
]


def classification(kind, domain, score):
    others = [DomainScore(c, 0.01) for c in default_taxonomy().domain_codes if c != domain]
    return Classification(kind=kind, primary_domain=domain, domains=(DomainScore(domain, score), *others))


@pytest.fixture(scope="module")
def office():
    return load_office()


@pytest.mark.parametrize(
    "case,kind,domain,score,persons,places,orgs,unit,rule,review", CASES, ids=[c[0] for c in CASES]
)
def test_rules(office, case, kind, domain, score, persons, places, orgs, unit, rule, review):
    extraction = Extraction(persons=tuple(persons), places=tuple(places), organisations=tuple(orgs))
    route = route_petition(classification(kind, domain, score), extraction, office, TEXT, date(2026, 3, 2))
    assert (route.unit, route.rule, route.review) == (unit, rule, review)
    assert route.reason and "→" in route.reason
    assert route.deadline_accept == date(2026, 3, 17)
    assert route.deadline_conclude == date(2026, 5, 1)


def test_reason_names_the_facts(office):
    extraction = Extraction(
        persons=(accused("village", role="村党支部书记", name="袁某"),), places=(place(township="东关镇"),)
    )
    route = route_petition(classification("accusation", "housing", 0.9), extraction, office, TEXT, date(2026, 3, 2))
    assert route.reason == "被反映人袁某为村党支部书记(村干部)，所在地东关镇 → 东关镇纪委"


def test_a_township_written_without_its_suffix_routes_by_cadre_authority(office):
    from triage.nlp import Analyzer

    analyzer = Analyzer(office.gazetteer)
    # 白石 for 白石镇 (a township of the second office), 东关 for 东关镇 (the first)
    for text, unit in (("举报白石农经站站长柯定邦虚报种粮面积，冒领耕地地力保护补贴。", "qs.office2"),
                       ("举报东关民政所所长柯定邦态度蛮横，辱骂前来办事的群众。", "qs.office1")):
        extraction = analyzer.extract(text)
        route = route_petition(classification("accusation", "agri_subsidy", 0.9), extraction, office, text,
                               date(2026, 3, 2))
        assert (route.unit, route.rule) == (unit, "cadre_authority"), route.reason


def test_escalation_is_flagged(office):
    extraction = Extraction(persons=(accused("county", role="副县长"),))
    route = route_petition(classification("accusation", "housing", 0.9), extraction, office, TEXT, date(2026, 3, 2))
    assert route.escalate and route.unit == "qs.city"


def test_too_short_text_goes_to_review(office):
    route = route_petition(classification("accusation", "housing", 0.9), Extraction(), office, "有人贪污", None)
    assert route.rule == "uncertain" and route.review and route.unit == "qs.petition"


def test_unreadable_text_goes_to_review(office):
    junk = "\ufffd\ufffd\ufffd\ufffd##@@!!%%^^&&**" * 5 + "村支书贪污"
    route = route_petition(classification("accusation", "housing", 0.9), Extraction(), office, junk, None)
    assert route.rule == "uncertain"


MINIMAL_OFFICE = """
office: 测试县纪委监委
region: {province: 甲省, city: 乙市, county: 丙县}
deadlines: {accept_days: 10, conclude_days: 30}
review_threshold: 0.5
townships:
  河口镇: [张庄村]
departments: [教育局]
units:
  - {id: t.desk, name: 信访室, type: county_petition_office}
  - {id: t.hk, name: 河口镇纪委, type: township_cdi, townships: [河口镇]}
  - {id: t.o1, name: 第一监督检查室, type: county_office, townships: [河口镇]}
  - {id: t.g1, name: 派驻组, type: county_group, departments: [教育局]}
"""


def test_other_office_rules_and_settings():
    office = parse_office(MINIMAL_OFFICE, "test.yaml")
    extraction = Extraction(persons=(accused("village"),), places=(place(village="张庄村"),))
    route = route_petition(classification("accusation", "housing", 0.9), extraction, office, TEXT, date(2026, 1, 1))
    assert (route.unit, route.deadline_accept, route.deadline_conclude) == ("t.hk", date(2026, 1, 11),
                                                                          date(2026, 1, 31))
    # a threshold of 0.5 sends a 0.45 score to review
    route = route_petition(classification("accusation", "housing", 0.45), extraction, office, TEXT, None)
    assert route.rule == "uncertain"
    # no city CDI: a county leader goes to the desk, flagged
    extraction = Extraction(persons=(accused("county", role="县长"),))
    route = route_petition(classification("accusation", "housing", 0.9), extraction, office, TEXT, None)
    assert (route.unit, route.review, route.escalate) == ("t.desk", True, True)
    # no transfer units: a non-jurisdiction petition goes to the desk
    route = route_petition(classification("non_jurisdiction", "housing", 0.9), Extraction(), office, TEXT, None)
    assert (route.unit, route.rule) == ("t.desk", "not_accusation")
