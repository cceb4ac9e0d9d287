"""Places (河北省某县某乡张庄村, 东关镇柳树村, A市, X县) and organisations (县民政局, 财政所, 村委会).

Places are found on the segmentation: a name followed by an administrative suffix (省 市 县 区 镇 乡 村 …),
a word the dictionary knows as a place, a gazetteer name (a township also without its 镇/乡: 东关 for 东关镇),
or a masked form (A市, A3区, X县, 某乡).
Adjacent parts make one place with its hierarchy; a village or township of the gazetteer gets the levels
above it from the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.gazetteer import Gazetteer
from triage.petition import Organisation, Place

# suffix -> field of Place
SUFFIX_FIELD = {
    "省": "province", "自治区": "province", "特别行政区": "province",
    "市": "city", "自治州": "city", "州": "city", "地区": "city", "盟": "city",
    "县": "county", "自治县": "county", "区": "county", "旗": "county", "县级市": "county",
    "镇": "township", "乡": "township", "街道": "township", "民族乡": "township", "苏木": "township",
    "村": "village", "社区": "village", "村委会": "village", "嘎查": "village", "居委会": "village",
}
_SUFFIXES = sorted(SUFFIX_FIELD, key=len, reverse=True)
# words before a suffix that do not name a place (本村, 全县, 该镇, 城市 …)
_NOT_PLACE_NAME = set(
    "本 我 该 全 各 每 此 这 那 其 外 邻 同 上 下 原 新 老 大 小 城 乡 农 市 县 区 镇 村 省 回 到 在 进 出 整 "
    "个 两 几 多 跨 本地 我们 他们 当地 农村 城乡 乡村 城镇 乡镇 县城 县市 市县 省市 市区 城区 郊区 景区 园区 "
    "社区 辖区 片区 山区 街区 小区 地区 校区 开发区 示范区 保护区 全市 全县 全区 全省 全镇 全乡 全村 其他 相关 "
    "周边 附近 所在 所属 当时 我县 我市 我镇 我乡 我村 贫困 偏远 落后".split()
)
_MASKED = re.compile(
    r"(?:[A-Z][0-9]{0,2}|[xX×＊*]{1,3}|某{1,2})(省|自治区|市|自治州|州|县|区|旗|镇|乡|街道|村|社区)"
)
_BAD_TAGS = {"v", "vd", "vn", "p", "c", "d", "r", "u", "uj", "ul", "uz", "ug", "ud", "uv", "m", "q", "a", "ad",
             "f", "t", "e", "y", "o", "zg", "mq", "b", "l", "i"}


@dataclass
class PlacePart:
    text: str
    field: str
    start: int
    end: int
    masked: bool = False


def _part_for_token(word: str, tag: str | None, gazetteer: Gazetteer | None, provinces: frozenset[str]) -> str | None:
    """The Place field of a whole token that is itself a place name (河北省, 东关镇, 青石县), else None."""
    if word in provinces:
        return "province"
    if gazetteer is not None:
        if word in gazetteer.townships or word in gazetteer.township_stems:
            return "township"  # 东关镇, and 东关 alone (东关民政所所长, 白石的村民)
        if word in gazetteer.village_set:
            return "village"
        if word in (gazetteer.county, gazetteer.city, gazetteer.province):
            return {gazetteer.county: "county", gazetteer.city: "city", gazetteer.province: "province"}[word]
    if tag in ("ns",) and len(word) >= 3:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                return SUFFIX_FIELD[suffix]
    return None


def find_place_parts(
    text: str,
    tokens: list[tuple[str, int, int]],
    tags: dict[str, str],
    gazetteer: Gazetteer | None,
    provinces: frozenset[str],
    blocked: list[tuple[int, int]],
) -> list[PlacePart]:
    parts: list[PlacePart] = []

    def free(s: int, e: int) -> bool:
        return not any(bs < e and s < be for bs, be in blocked)

    n = len(tokens)
    i = 0
    while i < n:
        word, s, e = tokens[i]
        field = _part_for_token(word, tags.get(word), gazetteer, provinces)
        if field and free(s, e):
            parts.append(PlacePart(word, field, s, e))
            i += 1
            continue
        # name token(s) + suffix token: 东关 镇, 张庄 村, 青石 县
        if i + 1 < n and tokens[i + 1][0] in SUFFIX_FIELD and tokens[i + 1][1] == e:
            suffix = tokens[i + 1][0]
            if _plausible_name(word, tags.get(word)) and free(s, tokens[i + 1][2]):
                end = tokens[i + 1][2]
                if suffix in ("村委会", "居委会"):
                    parts.append(PlacePart(word + ("村" if suffix == "村委会" else "社区"), "village", s, end))
                else:
                    parts.append(PlacePart(text[s:end], SUFFIX_FIELD[suffix], s, end))
                i += 2
                continue
        i += 1
    for m in _MASKED.finditer(text):
        if m.start() > 0 and re.match(r"[A-Za-z0-9]", text[m.start() - 1]):
            continue
        if any(p.start < m.end() and m.start() < p.end for p in parts) or not free(m.start(), m.end()):
            continue
        parts.append(PlacePart(m.group(0), SUFFIX_FIELD[m.group(1)], m.start(), m.end(), masked=True))
    parts.sort(key=lambda p: p.start)
    return parts


def _plausible_name(word: str, tag: str | None) -> bool:
    if not (1 <= len(word) <= 5) or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return False
    if word in _NOT_PLACE_NAME or "某" in word:
        return False
    if tag in _BAD_TAGS:
        return False
    if len(word) == 1 and tag is not None and tag not in ("ns", "nr", "n", "nz"):
        return False
    return True


_ORDER = ("province", "city", "county", "township", "village")


def group_places(parts: list[PlacePart], text: str, gazetteer: Gazetteer | None) -> list[Place]:
    """Adjacent parts in descending order (省 市 县 乡 村) make one place."""
    places: list[Place] = []
    group: list[PlacePart] = []

    def flush() -> None:
        if not group:
            return
        fields: dict[str, str | None] = dict.fromkeys(_ORDER)
        for part in group:
            fields[part.field] = None if part.masked and part.text.startswith("某") else part.text
        _fill_from_gazetteer(fields, gazetteer)
        start, end = group[0].start, group[-1].end
        places.append(Place(text[start:end], fields["province"], fields["city"], fields["county"],
                            fields["township"], fields["village"], start, end))
        group.clear()

    for part in parts:
        if group:
            prev = group[-1]
            gap = text[prev.end:part.start]
            if gap.strip() or _ORDER.index(part.field) <= _ORDER.index(prev.field):
                flush()
        group.append(part)
    flush()
    return places


def _fill_from_gazetteer(fields: dict[str, str | None], gazetteer: Gazetteer | None) -> None:
    if gazetteer is None:
        return
    known = False
    if fields["village"]:
        found = gazetteer.match_village(fields["village"])
        township_given = gazetteer.match_township(fields["township"]) if fields["township"] else None
        if found and (fields["township"] is None or township_given == found[0]):
            fields["township"] = found[0]
            known = True
    if fields["township"] and gazetteer.match_township(fields["township"]):
        fields["township"] = gazetteer.match_township(fields["township"])
        known = True
    if known and fields["county"] in (None, gazetteer.county):
        for name in ("county", "city", "province"):
            if fields[name] is None:
                fields[name] = getattr(gazetteer, name)


_ORG_PREFIX = r"(?:[\u4e00-\u9fff]{2,4}?[省市县区]|[省市县区])?"


def build_organisation_regex(names: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(n) for n in set(names)), key=len, reverse=True))
    return re.compile(f"(?P<prefix>{_ORG_PREFIX})(?P<name>{alternatives})")


def find_organisations(
    text: str, org_re: re.Pattern[str], gazetteer: Gazetteer | None, token_starts: set[int],
    tags: dict[str, str] | None = None,
) -> list[Organisation]:
    out = []
    for m in org_re.finditer(text):
        start = m.start()
        prefix = m.group("prefix")
        if prefix and len(prefix) > 1:
            stem = prefix[:-1]
            known = gazetteer is not None and prefix in (gazetteer.county, gazetteer.city, gazetteer.province)
            if not known and (start not in token_starts or not _plausible_name(stem, (tags or {}).get(stem))
                              or any(k in token_starts for k in range(start + 1, start + len(stem)))
                              or (start + len(stem) not in token_starts and (tags or {}).get(prefix) != "ns")):
                start = m.start("name") - 1 if text[m.start("name") - 1] in "省市县区" else m.start("name")
        if start not in token_starts and m.start("name") not in token_starts:
            continue
        org_text = text[start:m.end()]
        name = m.group("name")
        department = None
        if gazetteer is not None:
            department = gazetteer.match_department(org_text) or gazetteer.match_department(name)
        elif (name.endswith(("局", "委", "办", "院"))
              and name not in ("纪委", "检察院", "法院", "人民法院", "人民检察院")):
            department = name
        out.append(Organisation(org_text, department, start, m.end()))
    return out
