"""The routing rules of ROUTING.md: five rules in order, the first that applies decides.

``route_petition`` is a pure function of the classification, the extraction, the office's units file and
the received date. Every decision carries the code of the rule that fired and one sentence in Chinese
naming the facts used, so that a clerk can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from triage.petition import Classification, Extraction, Person, Route
from triage.routing.units import Office, Unit
from triage.taxonomy import LEVEL_ORDER

RULES_VERSION = "routing-1"
RULE_CODES = ("not_accusation", "uncertain", "cadre_authority", "place", "fallback")
LEVEL_LABELS = {
    "village": "村干部",
    "township": "乡科级干部",
    "county_dept": "县直部门干部",
    "county": "县处级干部",
    "city_or_above": "市管及以上干部",
}
KIND_LABELS = {
    "accusation": "检举控告",
    "appeal": "申诉",
    "suggestion": "批评建议",
    "non_jurisdiction": "不属于受理范围",
}
MIN_READABLE_CHARS = 8
_READABLE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


@dataclass(frozen=True)
class _Decision:
    unit: Unit
    rule: str
    reason: str
    review: bool = False
    escalate: bool = False


def route_petition(
    classification: Classification,
    extraction: Extraction,
    office: Office,
    text: str,
    received_at: date | None = None,
    domain_label: dict[str, str] | None = None,
) -> Route:
    """Apply ROUTING.md's rules in order and return the route with its reason and deadlines."""
    decision = (
        _rule_not_accusation(classification, office, domain_label or {})
        or _rule_uncertain(classification, office, text)
        or _rule_cadre_authority(extraction, office)
        or _rule_place(extraction, office)
        or _rule_fallback(extraction, office)
    )
    start = received_at or date.today()
    return Route(
        unit=decision.unit.id,
        rule=decision.rule,
        reason=decision.reason,
        review=decision.review,
        deadline_accept=start + timedelta(days=office.accept_days),
        deadline_conclude=start + timedelta(days=office.conclude_days),
        escalate=decision.escalate,
    )


def _rule_not_accusation(c: Classification, office: Office, labels: dict[str, str]) -> _Decision | None:
    if c.kind == "accusation":
        return None
    kind = KIND_LABELS.get(c.kind, c.kind)
    desk = office.petition_office
    if c.kind == "non_jurisdiction":
        domain = labels.get(c.primary_domain, c.primary_domain)
        unit = office.transfer_unit(c.primary_domain)
        if unit is not None:
            return _Decision(unit, "not_accusation", f"件类为{kind}，主要领域为{domain} → 转{unit.name}办理")
        return _Decision(
            desk, "not_accusation", f"件类为{kind}，主要领域为{domain}，无对应转办单位 → {desk.name}处理"
        )
    return _Decision(desk, "not_accusation", f"件类为{kind}，非检举控告 → {desk.name}处理")


def _rule_uncertain(c: Classification, office: Office, text: str) -> _Decision | None:
    desk = office.petition_office
    readable = len(_READABLE.findall(text))
    if readable < MIN_READABLE_CHARS:
        return _Decision(
            desk, "uncertain", f"正文有效字符仅{readable}个，过短或无法识别 → {desk.name}人工审核", review=True
        )
    stripped = "".join(text.split())
    if stripped and readable / len(stripped) < 0.5:
        return _Decision(desk, "uncertain", f"正文多为无法识别的字符 → {desk.name}人工审核", review=True)
    score = c.primary_score
    if score < office.review_threshold:
        return _Decision(
            desk,
            "uncertain",
            f"主要领域判断置信度{score:.2f}，低于阈值{office.review_threshold:.2f} → {desk.name}人工审核",
            review=True,
        )
    return None


def _rule_cadre_authority(e: Extraction, office: Office) -> _Decision | None:
    ranked = [p for p in e.persons if p.party == "accused" and p.level in LEVEL_ORDER]
    if not ranked:
        return None
    top_rank = max(LEVEL_ORDER.index(p.level) for p in ranked)
    level = LEVEL_ORDER[top_rank]
    person = next(p for p in ranked if p.level == level)
    who = f"被反映人{_describe(person)}({LEVEL_LABELS[level]})"
    desk = office.petition_office

    if level in ("county", "city_or_above"):
        city = office.city_cdi
        if city is None:
            return _Decision(
                desk, "cadre_authority", f"{who}，按干部管理权限应报上级纪委监委，未配置市纪委监委 → {desk.name}",
                review=True, escalate=True,
            )
        return _Decision(city, "cadre_authority", f"{who}，按干部管理权限报送 → {city.name}", escalate=True)

    if level == "county_dept":
        department = _department_of(person, e, office)
        if department is None:
            return _Decision(
                desk, "cadre_authority", f"{who}，未能确定所在县直部门或该部门不在本县 → {desk.name}人工处理",
                review=True,
            )
        group = office.county_group(department)
        assert group is not None  # every department is covered (checked on load)
        return _Decision(group, "cadre_authority", f"{who}，所在部门{department} → {group.name}")

    township, outside = _township_of(person, e, office)
    if township is None:
        if outside:
            return _Decision(
                desk, "cadre_authority", f"{who}，所在地{outside}不在本辖区 → {desk.name}处理", review=True
            )
        return None  # a level without a place: the place rule cannot apply either, the fallback explains
    if level == "village":
        unit = office.township_cdi(township)
    else:
        unit = office.county_office(township)
    assert unit is not None  # every township is covered (checked on load)
    return _Decision(unit, "cadre_authority", f"{who}，所在地{township} → {unit.name}")


def _rule_place(e: Extraction, office: Office) -> _Decision | None:
    if any(p.party == "accused" and p.level in LEVEL_ORDER for p in e.persons):
        return None  # a level was known; the cadre rule did not find its township
    township, outside = _township_of(None, e, office)
    if township is not None:
        unit = office.township_cdi(township)
        assert unit is not None
        return _Decision(unit, "place", f"未能确定被反映人级别，反映地点为{township} → {unit.name}")
    if outside:
        desk = office.petition_office
        return _Decision(
            desk, "place", f"未能确定被反映人级别，反映地点{outside}不在本辖区 → {desk.name}处理", review=True
        )
    return None


def _rule_fallback(e: Extraction, office: Office) -> _Decision:
    desk = office.petition_office
    accused = [p for p in e.persons if p.party == "accused" and p.level in LEVEL_ORDER]
    if accused:
        p = accused[0]
        reason = f"被反映人{_describe(p)}({LEVEL_LABELS[p.level]})，未能确定所在乡镇 → {desk.name}人工处理"
    else:
        reason = f"未能确定被反映人级别和所在地 → {desk.name}人工处理"
    return _Decision(desk, "fallback", reason, review=True)


def _describe(person: Person) -> str:
    if person.name and person.role:
        return f"{person.name}为{person.role}"
    return person.name or person.role or "（未具名）"


def _township_of(person: Person | None, e: Extraction, office: Office) -> tuple[str | None, str | None]:
    """The office township tied to the person (or to the petition), and a place outside the area if
    that is all the text names."""
    gaz = office.gazetteer
    if person is not None and person.place:
        found = gaz.match_township(person.place) or gaz.township_of_village(person.place)
        if found:
            return found, None
    outside: str | None = None
    for place in e.places:
        found = gaz.match_township(place.township) or gaz.township_of_village(place.village)
        if found:
            return found, None
        if outside is None and (place.township or place.village) and _outside_area(place, office):
            outside = place.text
    if person is not None and person.place and outside is None and not _is_county_name(person.place, office):
        outside = person.place
    return None, outside


def _outside_area(place, office: Office) -> bool:
    gaz = office.gazetteer
    if place.county and gaz.county and place.county != gaz.county:
        return True
    return not (gaz.match_township(place.township) or gaz.township_of_village(place.village))


def _is_county_name(name: str, office: Office) -> bool:
    g = office.gazetteer
    return name in {g.province, g.city, g.county}


def _department_of(person: Person, e: Extraction, office: Office) -> str | None:
    gaz = office.gazetteer
    if person.role:
        for match in re.finditer(r"[\u4e00-\u9fff]{1,12}?(?:局|办公室|办|委员会|委)", person.role):
            for start in range(match.start(), match.end() - 1):
                found = gaz.match_department(person.role[start:match.end()])
                if found:
                    return found
    for org in e.organisations:
        if org.department and org.department in gaz.departments:
            return org.department
    return None
