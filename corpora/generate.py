"""Generate labelled petitions (信访件) in Chinese for the project's own corpora.

Pure Python, seeded and deterministic: the same units file, seed, split and count give the same
lines, byte for byte. Phrase banks are data files in ``corpora/phrases/``; this module only combines
them and records, for every slot it fills, the gold label that follows from it (persons, amounts,
places, domains, kind) and the gold route computed from ROUTING.md's rules over those facts. The
route is computed here, independently of ``triage.routing``, so the two implementations check each
other.

    python -m corpora.generate --units triage/data/example_units.yaml --n 5000 --seed 1 \
        --split train --out corpora/train.jsonl

See corpora/README.md for what varies, the gold conventions and the limits.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from triage.errors import ConfigError

PHRASES_DIR = Path(__file__).resolve().parent / "phrases"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UNITS = REPO_ROOT / "triage" / "data" / "example_units.yaml"
TAXONOMY_FILE = REPO_ROOT / "triage" / "data" / "taxonomy.yaml"

LEVELS = ("village", "township", "county_dept", "county", "city_or_above")
KINDS = ("accusation", "appeal", "suggestion", "non_jurisdiction")
CHANNELS = ("letter", "visit", "web", "phone")
SPLITS = ("train", "dev", "test", "example", "other", "bench")
HELD_OUT_EVERY = 5  # list positions 4, 9, 14 … are reserved for the test split

KIND_WEIGHTS = {"accusation": 0.72, "appeal": 0.06, "suggestion": 0.08, "non_jurisdiction": 0.14}
CHANNEL_WEIGHTS = {
    "accusation": {"letter": 0.36, "web": 0.34, "phone": 0.18, "visit": 0.12},
    "appeal": {"letter": 0.6, "visit": 0.25, "web": 0.15},
    "suggestion": {"web": 0.55, "letter": 0.3, "phone": 0.15},
    "non_jurisdiction": {"phone": 0.35, "web": 0.3, "visit": 0.2, "letter": 0.15},
}
# How the petition's place is written: township and village, the village only, the township only,
# masked (A市B县), a place outside the office's area, or no place at all.
PLACE_MODE_WEIGHTS = {"full": 0.5, "village": 0.26, "township": 0.1, "masked": 0.04, "outside": 0.04, "none": 0.06}
UNKNOWN_LEVEL_RATE = 0.06  # accused named without any title (level unknown): routed by place, or fallback
TOWNSHIP_SUFFIXES = ("街道办事处", "街道", "镇", "乡")
SLOT_RE = re.compile(r"\{([A-Z_a-z0-9]+|乡镇)\}")

PHRASE_FILES = {
    "people.yaml": {
        "surnames", "given_chars", "name_forms", "roles", "yijiantiao", "department_short", "petitioner_intros",
        "anonymous_intros", "signatures", "anonymous_signatures", "relations", "bystanders",
    },
    "registers.yaml": {
        "letter", "web", "phone", "visit", "third_person", "connectors", "enders", "appeal", "suggestion",
        "non_jurisdiction", "topics", "appeal_reasons", "backgrounds", "typos", "traditional", "outside", "masked",
    },
}
DOMAIN_KEYS = {"levels", "township_roles", "departments", "money", "matters", "non_jurisdiction", "suggestions"}


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class County:
    """What the generator needs from a units file: geography and the unit ids its route rules use."""

    source: str
    office: str
    province: str
    city: str
    county: str
    townships: dict[str, tuple[str, ...]]
    departments: tuple[str, ...]
    unit_ids: frozenset[str]
    petition_office: str
    township_cdi: dict[str, str]
    county_office: dict[str, str]
    county_group: dict[str, str]
    city_cdi: str | None
    transfer: dict[str, str]
    unit_types: frozenset[str]


def load_county(path: str | Path = DEFAULT_UNITS) -> County:
    """Read a units file (ROUTING.md schema) into the facts the generator and its gold route need."""
    source = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{source}: cannot read units file: {exc}") from exc
    if not isinstance(raw, dict) or "townships" not in raw or "units" not in raw:
        raise ConfigError(f"{source}: a units file needs the keys townships and units")
    region = raw.get("region") or {}
    townships = {str(t): tuple(v or ()) for t, v in raw["townships"].items()}
    departments = tuple(raw.get("departments") or ())
    petition, city = None, None
    tcdi: dict[str, str] = {}
    office: dict[str, str] = {}
    group: dict[str, str] = {}
    transfer: dict[str, str] = {}
    ids, types = set(), set()
    for entry in raw["units"]:
        uid, utype = str(entry["id"]), str(entry["type"])
        ids.add(uid)
        types.add(utype)
        if utype == "county_petition_office":
            petition = uid
        elif utype == "city_cdi":
            city = uid
        elif utype == "township_cdi":
            for t in entry.get("townships") or ():
                tcdi.setdefault(t, uid)
        elif utype == "county_office":
            for t in entry.get("townships") or ():
                office.setdefault(t, uid)
        elif utype == "county_group":
            for d in entry.get("departments") or ():
                group.setdefault(d, uid)
        elif utype == "transfer":
            for d in entry.get("domains") or ():
                transfer.setdefault(d, uid)
        else:
            raise ConfigError(f"{source}: unit {uid}: unknown type {utype!r}")
    if petition is None:
        raise ConfigError(f"{source}: no unit of type county_petition_office")
    return County(
        source=source,
        office=str(raw.get("office") or "县纪委监委"),
        province=str(region.get("province") or "某省"),
        city=str(region.get("city") or "某市"),
        county=str(region.get("county") or "某县"),
        townships=townships,
        departments=departments,
        unit_ids=frozenset(ids),
        petition_office=petition,
        township_cdi=tcdi,
        county_office=office,
        county_group=group,
        city_cdi=city,
        transfer=transfer,
        unit_types=frozenset(types),
    )


def load_phrases(directory: str | Path = PHRASES_DIR) -> dict[str, Any]:
    """Load and check the phrase banks; every error names the file and the entry."""
    directory = Path(directory)
    phrases: dict[str, Any] = {}
    for name, keys in PHRASE_FILES.items():
        data = _read_yaml(directory / name)
        unknown = set(data) - keys
        missing = keys - set(data)
        if unknown or missing:
            raise ConfigError(
                f"{directory / name}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}; "
                f"valid keys: {sorted(keys)}"
            )
        phrases.update(data)
    domains = _read_yaml(directory / "domains.yaml")
    taxonomy = _read_yaml(TAXONOMY_FILE)
    codes = [d["code"] for d in taxonomy["domains"]]
    if sorted(domains) != sorted(codes):
        raise ConfigError(
            f"{directory / 'domains.yaml'}: domains {sorted(domains)} do not match the taxonomy's {sorted(codes)}"
        )
    for code, spec in domains.items():
        if set(spec) != DOMAIN_KEYS:
            raise ConfigError(
                f"{directory / 'domains.yaml'}: {code}: keys {sorted(spec)}; expected {sorted(DOMAIN_KEYS)}"
            )
        bad = set(spec["levels"]) - set(LEVELS)
        if bad:
            raise ConfigError(f"{directory / 'domains.yaml'}: {code}.levels: unknown {sorted(bad)}; valid: {LEVELS}")
        for key in ("matters", "non_jurisdiction", "suggestions"):
            for template in spec[key]:
                for slot in SLOT_RE.findall(template):
                    if slot not in KNOWN_SLOTS:
                        raise ConfigError(
                            f"{directory / 'domains.yaml'}: {code}.{key}: unknown slot {{{slot}}} in {template!r}"
                        )
    phrases["domains"] = domains
    phrases["domain_codes"] = codes
    return phrases


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot load phrase bank: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a phrase bank is a mapping")
    return data


KNOWN_SLOTS = {
    "A", "a", "B", "b", "M", "M2", "D", "D2", "V", "v", "T", "X", "Y", "MU", "HU", "REN", "JIAN", "REL",
}


# --------------------------------------------------------------------------------------------- numbers

CN_DIGITS = "零一二三四五六七八九"
CN_CAPITAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def write_chinese_number(n: int, liang: bool = True) -> str:
    """An integer below 10^8 in Chinese numerals: 1200 → 一千二百, 20000 → 两万, 15 → 十五."""
    if n == 0:
        return "零"

    def section(m: int) -> str:
        out, zero = "", False
        for pos, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
            d = m // 10**pos % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += CN_DIGITS[d] + unit
        return out

    high, low = divmod(n, 10000)
    text = ""
    if high:
        text = section(high) + "万"
        if low:
            if low < 1000:
                text += "零"
            text += section(low)
    else:
        text = section(low)
    if text.startswith("一十"):
        text = text[1:]
    if liang and text.startswith("二") and len(text) > 1 and text[1] in "千万百":
        text = "两" + text[1:]
    return text


def write_capital_number(n: int) -> str:
    """叁万伍仟 style (大写) numerals, as written on receipts."""
    text = write_chinese_number(n, liang=False)
    if text.startswith("十"):
        text = "一" + text
    return text.translate(CN_CAPITAL)


def _round_significant(value: float, digits: int) -> int:
    if value < 1:
        return 1
    magnitude = 10 ** max(0, int(math.floor(math.log10(value))) - digits + 1)
    return max(magnitude, int(round(value / magnitude)) * magnitude)


def _format_wan(value: int) -> str:
    wan = value / 10000
    return (f"{wan:.4f}".rstrip("0").rstrip(".")) + "万"


# --------------------------------------------------------------------------------------------- petition


@dataclass
class Person:
    name: str | None
    role: str | None
    level: str
    party: str
    township: str | None = None  # canonical township of the county, for village/township levels
    department: str | None = None  # canonical department, for county_dept
    short: str = ""  # later mentions
    mentioned: bool = False

    def gold(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "level": self.level, "party": self.party}


@dataclass
class Place:
    mode: str
    township: str | None  # canonical (county) or as written (outside); None when unknown
    village: str | None
    in_county: bool
    t_text: str  # the township as written ("" when none)
    v_text: str  # the village as written ("" when none)
    t_done: bool = False  # the township has been written in the text
    v_done: bool = False  # the village has been written in the text

    def gold(self) -> list[dict[str, Any]]:
        """The place as the text gives it; a village's township is filled from the units file."""
        if self.mode in ("none", "masked") or not (self.t_done or self.v_done):
            return []
        if self.in_county:
            return [{"township": self.township, "village": self.village if self.v_done else None}]
        return [{"township": self.township if self.t_done else None, "village": self.village if self.v_done else None}]


@dataclass
class Draft:
    """A petition being written: the text pieces and the gold facts their slots produced."""

    rng: random.Random
    split: str
    kind: str
    channel: str
    domains: list[str]
    received: date
    place: Place
    persons: list[Person] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)
    accused: list[Person] = field(default_factory=list)
    typo_rate: float = 0.0
    traditional: bool = False
    third_person: bool = False
    names_used: set[str] = field(default_factory=set)


class Generator:
    """Writes petitions for one units file. ``split`` selects the template pool (test sees held-out ones)."""

    def __init__(self, county: County, phrases: dict[str, Any], seed: int, split: str = "train"):
        if split not in SPLITS:
            raise ConfigError(f"split {split!r} is not one of {', '.join(SPLITS)}")
        self.county = county
        self.p = phrases
        self.split = split
        self.rng = random.Random(f"{seed}:{split}")
        self.domain_codes = phrases["domain_codes"]
        self.outside_townships, self.outside_villages = self._outside_names()
        self.villages = [(t, v) for t, vs in county.townships.items() for v in vs]
        self._pool_cache: dict[int, list[Any]] = {}

    # ---------------------------------------------------------------- helpers

    def pool(self, items: list[Any]) -> list[Any]:
        """The templates this split may use: test uses all, other splits skip the held-out positions."""
        if self.split in ("test", "bench") or len(items) < HELD_OUT_EVERY:
            return items
        key = id(items)
        cached = self._pool_cache.get(key)
        if cached is None:
            cached = [x for i, x in enumerate(items) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
            self._pool_cache[key] = cached
        return cached

    def pick(self, items: list[Any]) -> Any:
        return self.rng.choice(self.pool(items))

    def weighted(self, weights: dict[str, float]) -> str:
        keys = list(weights)
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def _outside_names(self) -> tuple[list[str], list[str]]:
        stems_in = {_strip(t, TOWNSHIP_SUFFIXES) for t in self.county.townships}
        villages_in = {v[:-1] if v.endswith("村") else v for vs in self.county.townships.values() for v in vs}
        towns = [s + suffix for s in self.p["outside"]["township_stems"] if s not in stems_in
                 for suffix in ("镇", "乡")]
        villages = [s + "村" for s in self.p["outside"]["village_stems"] if s not in villages_in]
        return towns, villages

    # ---------------------------------------------------------------- people

    def make_name(self, d: Draft, form: str | None = None) -> str:
        p = self.p
        for _ in range(50):
            surname = self.rng.choice(p["surnames"])
            form = form or self.weighted(p["name_forms"])
            if form == "mou":
                name = surname + "某"
            elif form == "moumou":
                name = surname + "某某"
            else:
                given = self.rng.choice(p["given_chars"])
                if self.rng.random() < 0.65:
                    given += self.rng.choice(p["given_chars"])
                name = surname + given
            if all(name not in other and other not in name for other in d.names_used):
                d.names_used.add(name)
                return name
            form = None
        raise RuntimeError("could not draw a distinct name")  # a bug: the name banks are large

    def make_accused(self, d: Draft, domain: str, level: str | None = None, role_only: bool | None = None) -> Person:
        """Draw an accused person (level, title, name); the text of the first mention is written later,
        when the person is first mentioned, so that the place it names is written only then."""
        spec = self.p["domains"][domain]
        if level is None:
            level = "unknown" if self.rng.random() < UNKNOWN_LEVEL_RATE else self.weighted(spec["levels"])
        if level == "unknown":
            person = Person(name=self.make_name(d), role=None, level="unknown", party="accused")
            d.accused.append(person)
            return person
        if level == "county_dept" and not self.county.departments:
            level = "township"
        if role_only is None:
            role_only = level in ("village", "township") and self.rng.random() < 0.12
        name = None if role_only else self.make_name(d)
        person = Person(name=name, role=None, level=level, party="accused")
        place = d.place
        if level == "village":
            community = (place.village or "").endswith("社区")
            role = self.rng.choice(self.p["roles"]["community" if community else "village"])
            if self.rng.random() < 0.04 and not community:
                role = self.rng.choice(self.p["yijiantiao"])
            taken: set[str] = set()
            for other in d.accused:
                if other.level == "village":
                    taken |= village_role_family(other.role)
            free = [r for r in self.p["roles"]["community" if community else "village"]
                    if not village_role_family(r) & taken]
            if village_role_family(role) & taken:
                role = self.rng.choice(free or ["村民小组长", "村报账员", "村委委员"])
            person.role = role
            person.township = place.township if place.in_county else None
        elif level == "township":
            roles = spec["township_roles"] if self.rng.random() < 0.75 else self.p["roles"]["township"]
            person.role = write_township_role(self.rng.choice(roles), place.township)
            person.township = place.township if place.in_county else None
        elif level == "county_dept":
            preferred = [x for x in spec["departments"] if x in self.county.departments]
            department = self.rng.choice(preferred or list(self.county.departments))
            written = self.write_department(department)
            role = self.rng.choice(self.p["roles"]["county_dept"])
            if written.endswith("办"):
                role = role.replace("局长", "主任")
            person.department = department
            person.role = written + role
        elif level == "county":
            person.role = self.rng.choice(self.p["roles"]["county"])
        else:
            person.role = self.rng.choice(self.p["roles"]["city_or_above"])
        d.accused.append(person)
        return person

    def mention_accused(self, d: Draft, person: Person) -> str:
        """The first mention of an accused person: place, title and name as this petition writes them."""
        role = person.role or ""
        level = person.level
        if level == "unknown":
            d.persons.append(person)
            person.short = person.name or ""
            style = self.rng.random()
            if style < 0.4 and d.place.mode not in ("none", "masked"):
                return self.write_place(d) + self.rng.choice(["的", "村民", "的"]) + (person.name or "")
            if style < 0.6:
                return self.rng.choice(["一个叫", "有个叫", "名叫"]) + (person.name or "") + "的人"
            return person.name or ""
        if level == "village":
            where = self.place_prefix(d, for_village=True)
            title = f"{where}的“一肩挑”" if role == "一肩挑" else where + role
        elif level == "township":
            where = self.place_prefix(d, for_village=False)
            if where[-1:] in ("镇", "乡") and role[:1] == where[-1] and role[1:2] != "长":
                where = where[:-1]  # 城关镇 + 镇纪委书记 → 城关镇纪委书记
            elif where.endswith("街道") and role.startswith("街道"):
                where = where[:-2]
            title = where + role
        elif level == "county_dept":
            title = role
            if self.rng.random() < 0.3:
                for suffix in ("党组副书记", "党组书记", "副局长", "局长", "副主任", "主任"):
                    if role.endswith(suffix):
                        title = role[: -len(suffix)] + "的" + suffix
                        break
        elif level == "county":
            county = self.county.county
            prefix = self.rng.choice([county, county, "", "我们县"])
            if prefix == county and role.startswith("县") and county.endswith("县"):
                prefix = county[:-1]
            title = prefix + role
        else:
            prefix = self.rng.choice([self.county.city, self.county.city, ""])
            if prefix.endswith("市") and role.startswith("市"):
                prefix = prefix[:-1]
            title = prefix + role
        name = person.name
        d.persons.append(person)
        if name is None:
            person.short = self.rng.choice(
                [title, "该" + role.lstrip("村社区") if len(role.lstrip("村社区")) > 1 else title])
            return title
        style = self.rng.random()
        person.short = self.rng.choice([name, name, "他", "此人", name])
        if style < 0.55:
            return title + name
        if style < 0.75:
            return f"{name}（{title}）"
        if style < 0.9 and level in ("village", "township") and not title.endswith("”"):
            return f"{title}的{name}"
        return f"{title}{name}"

    def place_prefix(self, d: Draft, for_village: bool) -> str:
        """The place written before a village or township title."""
        place = d.place
        if place.mode == "none":
            return "村里的" if for_village else "镇里的"
        if place.mode == "masked":
            return place.t_text + (place.v_text if for_village else "")
        if for_village:
            if place.v_done and self.rng.random() < 0.5:
                return "本村"
            if place.v_text:
                if place.mode == "full" and (place.t_done or self.rng.random() < 0.4):
                    return self.write_village(d)
                return self.write_place(d)
            return self.write_township(d)
        if place.t_done and self.rng.random() < 0.3:
            return "镇上的" if not (place.township or "").endswith("乡") else "乡里的"
        return self.write_township(d)

    def write_place(self, d: Draft) -> str:
        """Township and village as this petition writes them (东关镇柳树村, 东关柳树村, 柳树村 …)."""
        place = d.place
        if place.mode in ("none", "masked"):
            return place.t_text + place.v_text
        if place.mode == "village":
            return self.write_village(d)
        if place.mode == "township":
            return self.write_township(d)
        place.t_done = True
        place.v_done = bool(place.v_text)
        return place.t_text + place.v_text

    def write_village(self, d: Draft) -> str:
        place = d.place
        if place.mode == "outside" or not place.v_text:
            return self.write_place(d)
        place.v_done = True
        return place.v_text

    def write_township(self, d: Draft) -> str:
        place = d.place
        if place.mode in ("none", "masked"):
            return place.t_text or "镇里"
        if place.mode == "outside":
            place.t_done = True
            return place.t_text
        if not place.t_text:  # village-only mode and the township is needed: write it now
            place.t_text = place.township or ""
        place.t_done = True
        return place.t_text

    def write_department(self, department: str) -> str:
        forms = [department] + list(self.p["department_short"].get(department, []))
        base = self.rng.choice(forms)
        prefix = self.rng.choices(["县", self.county.county, ""], weights=[5, 2, 3])[0]
        return prefix + base

    def make_other(self, d: Draft, role: str | None = None, write_role: bool = True) -> str:
        name = self.make_name(d, form=self.rng.choice(["full", "full", "mou", "moumou"]))
        if role is None and self.rng.random() < 0.5:
            role = self.rng.choice(self.p["bystanders"])
        d.persons.append(Person(name=name, role=role, level="unknown", party="other"))
        return (role or "") + name if write_role else name

    def make_petitioner(self, d: Draft, role: str | None = None, level: str = "unknown") -> str:
        name = self.make_name(d, form=self.rng.choice(["full", "full", "full", "mou"]))
        d.persons.insert(0, Person(name=name, role=role, level=level, party="petitioner"))
        return name

    # ---------------------------------------------------------------- places and small values

    def make_place(self, mode: str) -> Place:
        rng = self.rng
        if mode == "outside" and self.outside_townships:
            county = rng.choice(self.p["outside"]["counties"])
            t = rng.choice(self.outside_townships)
            v = rng.choice(self.outside_villages) if self.outside_villages and rng.random() < 0.7 else None
            return Place("outside", t, v, False, county + t, v or "")
        if mode in ("outside", "masked"):
            text = rng.choice(self.p["masked"])
            cut = text.find("镇") + 1 or text.find("乡") + 1 or len(text)
            return Place("masked", None, None, False, text[:cut], text[cut:])
        if mode == "none":
            return Place("none", None, None, False, "", "")
        township, village = rng.choice(self.villages)
        t_text = township
        if rng.random() < 0.3 and township[-1:] in ("镇", "乡"):
            stem = _strip(township, TOWNSHIP_SUFFIXES)
            if stem != township:
                t_text = stem
        if mode == "township":
            return Place("township", township, None, True, t_text, "")
        if mode == "village":
            return Place("village", township, village, True, "", village)
        return Place("full", township, village, True, t_text, village)

    def place_text(self, d: Draft) -> str:
        """The petitioner's home as written in an introduction ({PLACE})."""
        if d.place.mode == "none":
            return self.rng.choice(["本县", "农村", "这里"])
        return self.write_place(d)

    def village_ref(self, d: Draft, short: bool) -> str:
        place = d.place
        if place.mode in ("none", "masked"):
            return "村里"
        if place.mode == "township":
            return "村里" if short else self.write_township(d) + "一个村"
        if short and (place.v_done or place.t_done):
            return self.rng.choice(["本村", "该村", "村里", "我们村"])
        if place.mode in ("full", "outside") and self.rng.random() < 0.5:
            return self.write_place(d)
        return self.write_village(d)

    def _town_write(self, d: Draft) -> str:
        return self.write_township(d)

    def make_amount(self, d: Draft, low: float, high: float) -> str:
        for _ in range(20):
            text, value, qualifier, currency = self._draw_amount(low, high)
            if all(text not in a["text"] and a["text"] not in text for a in d.amounts):
                break
        d.amounts.append({"text": text, "value": value, "currency": currency, "qualifier": qualifier})
        return text

    def _draw_amount(self, low: float, high: float) -> tuple[str, int | float, str, str]:
        rng = self.rng
        raw = math.exp(rng.uniform(math.log(low), math.log(high)))
        style = rng.choices(
            ["arabic", "wan", "kuai", "cn", "capital", "over", "about", "under", "range", "foreign", "precise"],
            weights=[22, 16, 8, 9, 3, 14, 10, 4, 6, 1, 3],
        )[0]
        if style == "precise":
            value = round(raw, 2) if raw < 10000 else round(raw / 100) * 100
            if raw >= 100000 and rng.random() < 0.5:
                value = round(raw / 100) * 100
                return _format_wan(int(value)) + "元", int(value), "exact", "CNY"
            value = round(raw, 2)
            text = f"{value:.2f}元"
            return text, value, "exact", "CNY"
        v = _round_significant(raw, rng.choice([1, 2, 2, 3]))
        if style == "arabic":
            if v >= 10000 and rng.random() < 0.15:
                return f"{v:,}元", v, "exact", "CNY"
            return rng.choice([f"{v}元", f"{v}元", f"人民币{v}元"]), v, "exact", "CNY"
        if style == "wan":
            if v < 10000:
                return f"{v}元", v, "exact", "CNY"
            return _format_wan(v) + "元", v, "exact", "CNY"
        if style == "kuai":
            v = _round_significant(raw, 2) if raw < 100000 else _round_significant(raw, 1)
            word = rng.choice(["块钱", "块", "块钱"])
            num = write_chinese_number(v) if rng.random() < 0.6 else str(v)
            return num + word, v, "exact", "CNY"
        if style == "cn":
            v = _round_significant(raw, rng.choice([1, 2]))
            return write_chinese_number(v) + rng.choice(["元", "元", "块钱"]), v, "exact", "CNY"
        if style == "capital":
            v = _round_significant(raw, 2)
            return rng.choice(["", "人民币"]) + write_capital_number(v) + rng.choice(["元整", "元"]), v, "exact", "CNY"
        if style == "over":
            v = _round_significant(raw, 1)
            if v >= 10000:
                forms = [write_chinese_number(v) + "多元", write_chinese_number(v) + "多", _format_wan(v) + "余元",
                         _format_wan(v)[:-1] + "多万元", _format_wan(v) + "元以上", write_chinese_number(v) + "多块钱"]
            else:
                forms = [f"{v}多元", f"{v}余元", write_chinese_number(v) + "多块钱", f"{v}元以上",
                         write_chinese_number(v) + "多元"]
            return rng.choice(forms), v, "over", "CNY"
        if style == "about":
            v = _round_significant(raw, rng.choice([1, 2]))
            base = _format_wan(v) + "元" if v >= 10000 and rng.random() < 0.7 else f"{v}元"
            if rng.random() < 0.25:
                base = write_chinese_number(v) + rng.choice(["元", "块钱"])
            text = rng.choice(["约" + base, "近" + base, base + "左右", "大约" + base, "将近" + base])
            return text, v, "about", "CNY"
        if style == "under":
            v = _round_significant(raw, 1)
            base = _format_wan(v) + "元" if v >= 10000 else f"{v}元"
            return rng.choice(["不到" + base, base + "以下", "不足" + base]), v, "under", "CNY"
        if style == "range":
            v = _round_significant(raw, 1)
            lead = int(str(v)[0])
            if lead >= 9:
                v, lead = v // 9 * 8, 8
            unit = v // lead
            lo, hi = v, v + unit
            if unit >= 10000 and rng.random() < 0.5:
                text = (write_chinese_number(lead) + write_chinese_number(lead + 1)
                        + write_chinese_number(unit)[1:] + "元")
                if not write_chinese_number(unit).startswith("一"):
                    text = f"{lo}~{hi}元"
            elif unit >= 10000:
                text = f"{lo // 10000}{rng.choice(['-', '至', '到'])}{hi // 10000}万元"
            else:
                lo2 = _round_significant(raw, 2)
                hi2 = lo2 + _round_significant(lo2 * rng.uniform(0.1, 0.4), 1)
                lo, hi = lo2, hi2
                text = f"{lo}{rng.choice(['~', '-', '～', '至'])}{hi}元"
            mid = (lo + hi) / 2
            return text, int(mid) if float(mid).is_integer() else mid, "range", "CNY"
        # foreign currency, rare
        currency, word = rng.choice([("USD", "美元"), ("EUR", "欧元"), ("HKD", "港元"), ("USD", "美金")])
        v = _round_significant(raw / 7, 2)
        if v >= 10000 and rng.random() < 0.6:
            return _format_wan(v) + word, v, "exact", currency
        return f"{v}{word}", v, "exact", currency

    def make_date(self, d: Draft) -> str:
        rng = self.rng
        year = d.received.year - rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 6])
        style = rng.random()
        if year == d.received.year and style < 0.5:
            return rng.choice(["今年", "今年春节前", f"今年{rng.randint(1, max(1, d.received.month))}月", "前段时间"])
        if year == d.received.year - 1 and style < 0.4:
            return rng.choice(["去年", "去年秋天", "去年年底", "去年下半年"])
        if year == d.received.year - 2 and style < 0.3:
            return "前年"
        if style < 0.55:
            return f"{year}年"
        if style < 0.8:
            return f"{year}年{rng.randint(1, 12)}月"
        if style < 0.9:
            return f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        return f"{year - rng.randint(1, 3)}年至{year}年"

    def make_count(self, kind: str) -> str:
        rng = self.rng
        if kind == "MU":
            return rng.choice([f"{rng.randint(2, 300)}亩", f"{rng.randint(1, 30)}.{rng.randint(1, 9)}亩",
                               write_chinese_number(rng.randint(2, 9)) + "十多亩", "十几亩", "好几亩"])
        if kind == "HU":
            return rng.choice([f"{rng.randint(2, 60)}户", "十多户", write_chinese_number(rng.randint(2, 9)) + "户",
                               "二十来户", f"{rng.randint(2, 30)}户人家"])
        if kind == "REN":
            return rng.choice([f"{rng.randint(2, 40)}人", write_chinese_number(rng.randint(2, 9)) + "个人",
                               "十几个人", f"{rng.randint(2, 9)}口人"])
        return rng.choice([f"{rng.randint(2, 6)}间",
                           write_chinese_number(rng.randint(2, 5)).replace("二", "两") + "间"])

    def make_phone(self) -> str:
        return "1" + self.rng.choice("3589") + "".join(self.rng.choice("0123456789") for _ in range(9))

    def make_id_number(self) -> str:
        rng = self.rng
        year = rng.randint(1950, 2000)
        body = (f"{rng.randint(110000, 659000)}{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                f"{rng.randint(0, 999):03d}")
        return body + rng.choice("0123456789X")

    # ---------------------------------------------------------------- templates

    def transform_literal(self, d: Draft, text: str) -> str:
        """Apply the petition's writing habits to template text (never to names, amounts or places)."""
        if d.third_person:
            for first, third in self.p["third_person"].items():
                if d.channel == "visit":
                    third = third.replace("来电人", "来访人")
                text = text.replace(first, third)
        if d.typo_rate:
            for right, wrong in self.p["typos"].items():
                if right in text and self.rng.random() < d.typo_rate:
                    text = text.replace(right, wrong, 1)
        if d.traditional:
            text = "".join(self.p["traditional"].get(ch, ch) for ch in text)
        return text

    def render(
        self, d: Draft, template: str, domain: str, extra: dict[str, Any] | None = None, offset: int = 0
    ) -> str:
        """Fill a template left to right; ``extra`` gives values (or callables, run only when used);
        ``offset`` makes {A}/{a} the accused at that index (a new one when there is none yet)."""
        parts = SLOT_RE.split(template)
        out: list[str] = []
        per_unit = "每" in template  # 每户收{M}, 每票给{M}: small sums
        for i, part in enumerate(parts):
            if i % 2 == 0:
                out.append(self.transform_literal(d, part))
            else:
                out.append(self.fill(d, part, domain, extra or {}, before=parts[i - 1], per_unit=per_unit,
                                     offset=offset))
        return "".join(out)

    def fill(
        self, d: Draft, slot: str, domain: str, extra: dict[str, Any], before: str = "", per_unit: bool = False,
        offset: int = 0,
    ) -> str:
        if slot in extra:
            value = extra[slot]
            return value() if callable(value) else value
        spec = self.p["domains"][domain]
        if slot in ("A", "a", "B", "b"):
            index = offset + (0 if slot in ("A", "a") else 1)
            while len(d.accused) <= index:
                self.make_accused(d, domain)
            person = d.accused[index]
            if not person.mentioned:
                person.mentioned = True
                return self.mention_accused(d, person)
            return person.short
        if slot in ("M", "M2"):
            low, high = spec["money"]
            if per_unit:
                low, high = min(low, 50), min(high, 3000)
            return self.make_amount(d, low, high)
        if slot in ("D", "D2"):
            return self.make_date(d)
        if slot == "V":
            return self.village_ref(d, short=False)
        if slot == "v":
            return self.village_ref(d, short=True)
        if slot == "T":
            return self._town_write(d)
        if slot in ("X", "Y"):
            said = next((w for w in self.p["bystanders"] if before.endswith(w)), None)
            if said:  # 村民{X}: the template already wrote the role
                return self.make_other(d, role=said, write_role=False)
            return self.make_other(d)
        if slot == "REL":
            relation = self.rng.choice(self.p["relations"])
            if self.rng.random() < 0.5:
                return self.make_other(d, role=relation)
            return relation
        if slot in ("MU", "HU", "REN", "JIAN"):
            return self.make_count(slot)
        raise ConfigError(f"unknown slot {{{slot}}} in a template of {domain}")

    # ---------------------------------------------------------------- petitions

    def new_draft(self, kind: str, primary: str | None = None) -> Draft:
        rng = self.rng
        codes = self.domain_codes
        weights = [0.55 if c == "other" else 1.0 for c in codes]
        primary = primary or rng.choices(codes, weights=weights)[0]
        domains = [primary]
        if kind == "accusation" and rng.random() < 0.22:
            for extra in rng.sample([c for c in codes if c not in (primary, "other")], rng.choice([1, 1, 1, 2])):
                domains.append(extra)
        channel = self.weighted(CHANNEL_WEIGHTS[kind])
        mode = self.weighted(PLACE_MODE_WEIGHTS)
        if kind != "accusation" and mode == "masked":
            mode = "full"
        received = date(2025, 1, 1) + timedelta(days=rng.randint(0, 670))
        d = Draft(rng=rng, split=self.split, kind=kind, channel=channel, domains=domains, received=received,
                  place=self.make_place(mode))
        roll = rng.random()
        if roll < 0.12:
            d.typo_rate = 0.5
        elif roll < 0.15:
            d.traditional = True
        d.third_person = channel in ("phone", "visit")
        return d

    def generate(self, index: int) -> dict[str, Any]:
        kind = self.weighted(KIND_WEIGHTS)
        primary = None
        if self.split == "example":  # the demo set: every domain in turn, every kind in every dozen
            codes = self.domain_codes
            primary = codes[(index - 1) % len(codes)]
            kind = KINDS[(index - 1) // len(codes) % len(KINDS)] if (index - 1) % 3 == 0 else "accusation"
        d = self.new_draft(kind, primary)
        if kind == "accusation":
            text = self.write_accusation(d)
        elif kind == "appeal":
            text = self.write_appeal(d)
        elif kind == "suggestion":
            text = self.write_suggestion(d)
        else:
            text = self.write_non_jurisdiction(d)
        text = text.strip()
        places = d.place.gold()
        accused = [p for p in d.accused if p.mentioned]
        route_unit, rule = compute_gold_route(self.county, kind, d.domains[0], accused, places)
        record = {
            "id": f"gen-{self.split}-{index:06d}",
            "text": text,
            "channel": d.channel,
            "received_at": d.received.isoformat(),
            "kind": kind,
            "domain": d.domains[0],
            "domains": d.domains,
            "gold": {
                "persons": [p.gold() for p in d.persons],
                "amounts": d.amounts,
                "places": places,
                "route": {"unit": route_unit, "rule": rule},
            },
        }
        check_record(record)
        return record

    def write_body(self, d: Draft) -> list[str]:
        """One sentence per matter: the primary domain (once or twice), then each secondary domain."""
        enders = self.p["enders"][d.channel]
        plan = [d.domains[0]]
        if self.rng.random() < 0.22:
            plan.append(d.domains[0])
        plan += d.domains[1:]
        sentences, used = [], set()
        for domain in plan:
            templates = [t for t in self.pool(self.p["domains"][domain]["matters"]) if t not in used]
            template = self.rng.choice(templates)
            used.add(template)
            offset = 0
            if domain != d.domains[0] and "{A}" in template and "{B}" not in template:
                roll = self.rng.random()
                if roll < 0.45:
                    template = template.replace("{A}", "{a}", 1)  # the same accused again
                elif roll < 0.75:
                    offset = len(d.accused)  # another accused for this matter
            sentences.append(self.render(d, template, domain, offset=offset) + self.rng.choice(enders))
        return sentences

    def hard_negative(self, d: Draft) -> str:
        if self.rng.random() >= 0.14:
            return ""
        choices = [c for c, lines in self.p["backgrounds"].items() if lines and c not in d.domains]
        if not choices:
            return ""
        return self.transform_literal(d, self.rng.choice(self.p["backgrounds"][self.rng.choice(choices)]))

    def write_accusation(self, d: Draft) -> str:
        rng = self.rng
        p = self.p
        primary = d.domains[0]
        # a second accused who works together with the first (村支书、村会计相互勾结)
        if rng.random() < 0.12:
            first = self.make_accused(d, primary, level="village")
            self.make_accused(d, primary, level="village", role_only=first.name is None)
        background = self.hard_negative(d)
        if d.channel == "web" and len(d.domains) == 1 and rng.random() < 0.45:
            return self.write_web_short(d, background)
        body = self.write_body(d)
        if len(d.accused) >= 2 and not d.accused[1].mentioned and rng.random() < 0.6:
            a, b = d.accused[0], d.accused[1]
            start = a.short if a.mentioned else self.mention_accused(d, a)
            a.mentioned = b.mentioned = True
            body.append(f"{start}与{self.mention_accused(d, b)}相互勾结，群众意见很大。")
        if len(body) > 1 and d.channel == "letter" and rng.random() < 0.4:
            numbers = rng.choice(p["letter"]["numbering"])
            body = [numbers[i] + s if i < len(numbers) else s for i, s in enumerate(body)]
            joined = "\n".join(body)
        else:
            joined = body[0] + "".join(rng.choice(p["connectors"]) + s for s in body[1:])
        joined = background + joined
        if d.channel == "letter":
            return self.wrap_letter(d, joined)
        if d.channel == "web":
            return self.wrap_web(d, joined)
        if d.channel == "phone":
            return self.wrap_phone(d, joined)
        return self.wrap_visit(d, joined)

    def write_web_short(self, d: Draft, background: str) -> str:
        """An angry one-line web message."""
        domain = d.domains[0]
        template = self.pick(self.p["domains"][domain]["matters"])
        sentence = self.render(d, template, domain)
        prefix = self.transform_literal(d, self.pick(self.p["web"]["prefixes"]))
        suffix = self.transform_literal(d, self.pick(self.p["web"]["suffixes"]))
        return prefix + background + sentence + self.rng.choice(["！", "！！", "！！！", "，", "。"]) + suffix

    def intro(self, d: Draft, named: float) -> str:
        if self.rng.random() < named:
            name = self.make_petitioner(d)
            return self.pick(self.p["petitioner_intros"]).replace("{P}", name).replace("{PLACE}", self.place_text(d))
        template = self.pick(self.p["anonymous_intros"])
        if "{PLACE}" in template:
            template = template.replace("{PLACE}", self.place_text(d))
        return template

    def petitioner_name(self, d: Draft) -> str | None:
        return next((p.name for p in d.persons if p.party == "petitioner"), None)

    def wrap_letter(self, d: Draft, body: str) -> str:
        rng, p = self.rng, self.p["letter"]
        head = self.pick(p["salutations"]).replace("{OFFICE}", self.county.office)
        intro = self.intro(d, named=0.35)
        openers = self.pool(p["openers"])
        if self.petitioner_name(d) is None:
            openers = [o for o in openers if "实名" not in o]
        opener = self.transform_literal(d, rng.choice(openers))
        demand = self.transform_literal(d, self.pick(p["demands"]))
        closing = self.pick(p["closings"])
        name = self.petitioner_name(d)
        if name:
            sign = self.pick(self.p["signatures"]).replace("{P}", name)
        else:
            sign = self.pick(self.p["anonymous_signatures"])
            if "{PLACE}" in sign:
                sign = sign.replace("{PLACE}", self.place_text(d))
        extra = ""
        if name and rng.random() < 0.3:
            extra = f"\n联系电话：{self.make_phone()}"
        dated = f"\n{d.received.year}年{d.received.month}月{d.received.day}日" if rng.random() < 0.6 else ""
        return f"{head}\n{intro}{opener}\n{body}\n{demand}\n{closing}\n{sign}{extra}{dated}"

    def wrap_web(self, d: Draft, body: str) -> str:
        rng, p = self.rng, self.p["web"]
        intro = self.intro(d, named=0.2)
        prefixes = self.pool(p["prefixes"])
        if self.petitioner_name(d) is None:
            prefixes = [x for x in prefixes if "实名" not in x]
        prefix = self.transform_literal(d, rng.choice(prefixes))
        suffix = self.transform_literal(d, self.pick(p["suffixes"]))
        contact = ""
        if rng.random() < 0.15:
            contact = self.pick(p["contact"]).replace("{PHONE}", self.make_phone())
        title = ""
        if rng.random() < 0.35:
            template = self.pick(p["titles"])
            topic = rng.choice(self.p["topics"][d.domains[0]])
            short = d.accused[0].name if d.accused and d.accused[0].mentioned and d.accused[0].name else topic
            if "{PLACE}" in template and not (d.place.t_done or d.place.v_done):
                template = "{TOPIC}问题"
            title = template.replace("{A_SHORT}", short if short not in ("他", "此人") else topic)
            title = title.replace("{TOPIC}", topic).replace("{PLACE}", self.place_text(d) if "{PLACE}" in title else "")
            title = "标题：" + title + "\n内容："
        return f"{title}{prefix}{intro}{body}{suffix}{contact}"

    def wrap_phone(self, d: Draft, body: str) -> str:
        p = self.p["phone"]
        template = self.pick(p["openers"])
        if "{P}" in template:
            template = template.replace("{P}", self.make_petitioner(d))
        head = self._fill_header(d, template)
        closer = self.pick(p["closers"])
        if "{T}" in closer:
            closer = closer.replace("{T}", self._town_write(d))
        return f"{head}{body}{closer}"

    def wrap_visit(self, d: Draft, body: str) -> str:
        p = self.p["visit"]
        template = self.pick(p["headers"])
        if "{P}" in template:
            template = template.replace("{P}", self.make_petitioner(d))
        head = self._fill_header(d, template)
        closer = self.pick(p["closers"])
        return f"{head}{body}{closer}"

    def _fill_header(self, d: Draft, template: str) -> str:
        received = d.received
        values = {
            "{PHONE}": self.make_phone(),
            "{IDNUM}": self.make_id_number(),
            "{DATE}": f"{received.year}年{received.month}月{received.day}日",
            "{OFFICE}": self.county.office,
            "{REN}": f"{self.rng.randint(2, 12)}人",
        }
        for key, value in values.items():
            if key in template:
                template = template.replace(key, value)
        if "{PLACE}" in template:
            template = template.replace("{PLACE}", self.place_text(d))
        return template

    def write_appeal(self, d: Draft) -> str:
        rng, p = self.rng, self.p["appeal"]
        domain = d.domains[0]
        if d.place.mode == "outside":
            d.place = self.make_place("full")
        level = rng.choice(["village", "village", "township"])
        if level == "village":
            role = rng.choice(self.p["roles"]["village"])
        else:
            role = write_township_role(rng.choice(self.p["roles"]["township"]), d.place.township)
        template = self.pick(p["templates"])
        says_role = "{ROLE_SELF}" in template
        name = None
        if "{P}" in template or rng.random() < 0.5:
            name = self.make_petitioner(d, role=role if says_role else None, level=level if says_role else "unknown")
        org = self.pick(p["orgs"]).replace("{OFFICE}", self.county.office)
        extra = {
            "ROLE_SELF": lambda: (
                self.village_ref(d, short=False) if level == "village" else self._town_write(d)) + role,
            "REASON": lambda: self.transform_literal(d, rng.choice(self.p["appeal_reasons"][domain])),
            "PUNISH": lambda: rng.choice(p["punishments"]),
            "OBJECTION": lambda: self.transform_literal(d, self.pick(p["objections"])),
            "P": name or "",
            "PLACE": lambda: self.place_text(d),
            "ORG": lambda: org.replace("{T}", self._town_write(d)) if "{T}" in org else org,
        }
        text = self.render(d, template, domain, extra)
        if name is not None and name not in text:
            text = f"申诉人：{name}\n" + text
        if name is None:  # the role still describes the writer, but no person is named: keep gold honest
            d.persons = [x for x in d.persons if x.party != "petitioner"]
        if d.channel == "letter" and rng.random() < 0.6:
            head = self.pick(self.p["letter"]["salutations"]).replace("{OFFICE}", self.county.office)
            text = f"{head}\n{text}\n{self.pick(self.p['letter']['closings'])}"
        elif d.channel == "visit":
            text = "来访人" + (name or "") + "反映：" + text
        return text

    def write_suggestion(self, d: Draft) -> str:
        rng = self.rng
        domain = d.domains[0]
        template = self.pick(self.p["suggestion"]["templates"])
        suggestion = self.render(d, self.pick(self.p["domains"][domain]["suggestions"]), domain)
        extra = {"SUGGESTION": suggestion, "TOPIC": rng.choice(self.p["topics"][domain]),
                 "OFFICE": self.county.office, "PLACE": ""}
        if "{PLACE}" in template:
            extra["PLACE"] = self.place_text(d)
        text = self.render(d, template, domain, extra)
        if rng.random() < 0.15:
            text = self.hard_negative(d) + text
        if d.channel == "phone":
            text = "来电人反映：" + text
        return text

    def write_non_jurisdiction(self, d: Draft) -> str:
        domain = d.domains[0]
        templates = self.pool(self.p["non_jurisdiction"]["templates"])
        if d.third_person:  # a clerk's record: the caller or visitor is named in the record's head
            templates = [t for t in templates if "{P}" not in t and "我" not in t]
        template = self.rng.choice(templates)
        matter = self.render(d, self.pick(self.p["domains"][domain]["non_jurisdiction"]), domain).rstrip("？?。")
        extra = {"MATTER": matter, "PLACE": "", "P": ""}
        if "{P}" in template:
            extra["P"] = self.make_petitioner(d)
        if "{PLACE}" in template:
            extra["PLACE"] = self.place_text(d)
        text = self.render(d, template, domain, extra)
        if d.channel == "phone":
            text = "来电人" + (self.make_petitioner(d) if self.rng.random() < 0.5 else "") + "咨询：" + text
        elif d.channel == "visit":
            text = "来访人" + (self.make_petitioner(d) if self.rng.random() < 0.5 else "") + "反映：" + text
        return text


# --------------------------------------------------------------------------------------------- gold route

LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}


def compute_gold_route(
    county: County, kind: str, primary: str, accused: list[Person], places: list[dict[str, Any]]
) -> tuple[str, str]:
    """ROUTING.md's rules over the gold facts (rule 2, `uncertain`, depends on a model and never fires here).

    Conventions where ROUTING.md leaves a choice open: a village or township cadre whose township the
    units file does not know (a place outside the county) goes to the petition office under
    `cadre_authority`; one whose township the text does not give at all (no place, a masked place)
    goes there under `fallback` (the cadre rule cannot apply, nor can the place rule).
    """
    if kind == "non_jurisdiction":
        return county.transfer.get(primary, county.petition_office), "not_accusation"
    if kind in ("appeal", "suggestion"):
        return county.petition_office, "not_accusation"
    known = [p for p in accused if p.level in LEVEL_ORDER]
    if known:
        top = max(known, key=lambda p: LEVEL_ORDER[p.level])
        if top.level in ("village", "township"):
            if top.township is None:
                return county.petition_office, "cadre_authority" if places else "fallback"
            table = county.township_cdi if top.level == "village" else county.county_office
            return table.get(top.township, county.petition_office), "cadre_authority"
        if top.level == "county_dept":
            unit = county.county_group.get(top.department or "")
        else:
            unit = county.city_cdi
        return unit or county.petition_office, "cadre_authority"
    if places:  # a place outside the county still decides: the petition office, under `place`
        return county.township_cdi.get(places[0]["township"] or "", county.petition_office), "place"
    return county.petition_office, "fallback"


# --------------------------------------------------------------------------------------------- checks, API


def check_record(record: dict[str, Any]) -> None:
    """Raise if a record breaks a gold invariant (a generator bug, never bad input)."""
    text = record["text"]
    for person in record["gold"]["persons"]:
        if person["name"] is not None and person["name"] not in text:
            raise AssertionError(f"{record['id']}: gold name {person['name']} not in text")
    for amount in record["gold"]["amounts"]:
        if amount["text"] not in text:
            raise AssertionError(f"{record['id']}: gold amount {amount['text']} not in text")
    if "{" in text or "}" in text:
        raise AssertionError(f"{record['id']}: unfilled slot in text")


def generate_petitions(
    n: int, seed: int, split: str = "train", units: str | Path = DEFAULT_UNITS, start: int = 1
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` gold-labelled petition records (the shared gold format), deterministic in all arguments."""
    generator = Generator(load_county(units), load_phrases(), seed, split)
    for i in range(start, start + n):
        yield generator.generate(i)


def village_role_family(role: str | None) -> set[str]:
    """What a village title holds (secretary, head or both), so that one letter does not accuse
    村支书 X and 村党支部书记 Y as if they were two people holding the same post."""
    role = role or ""
    if role == "一肩挑" or "兼" in role:
        return {"secretary", "head"}
    if "书记" in role or role.endswith("支书"):
        return {"secretary"}
    if role.endswith("主任") and not any(w in role for w in ("副", "妇女", "监委")):
        return {"head"}
    return {role}


def write_township_role(template: str, township: str | None) -> str:
    """A township title for this township's kind: 镇长 in a 镇, 乡长 in a 乡, 街道办事处主任 in a 街道."""
    township = township or ""
    if township.endswith("街道") or township.endswith("街道办事处"):
        return (template.replace("副{乡镇}长", "街道办事处副主任").replace("{乡镇}长", "街道办事处主任")
                .replace("{乡镇}党委", "街道党工委").replace("{乡镇}", "街道"))
    return template.replace("{乡镇}", "乡" if township.endswith("乡") else "镇")


def describe_corpora(files: dict[str, list[dict[str, Any]]]) -> str:
    """Markdown tables of label counts per file (what corpora/README.md shows)."""
    from collections import Counter

    names = list(files)
    lines: list[str] = []

    def table(title: str, key: Any) -> None:
        counts = {n: Counter(v for r in files[n] for v in key(r)) for n in names}
        values = sorted({v for c in counts.values() for v in c}, key=lambda v: -sum(c[v] for c in counts.values()))
        lines.append(f"| {title} | " + " | ".join(names) + " |")
        lines.append("|---" * (len(names) + 1) + "|")
        for v in values:
            lines.append(f"| {v} | " + " | ".join(str(counts[n][v]) for n in names) + " |")
        lines.append("")

    table("petitions", lambda r: ["all"])
    table("kind", lambda r: [r["kind"]])
    table("primary domain", lambda r: [r["domain"]])
    table("domains per petition", lambda r: [str(len(r["domains"]))])
    table("channel", lambda r: [r["channel"]])
    table("accused level", lambda r: [p["level"] for p in r["gold"]["persons"] if p["party"] == "accused"])
    table("person party", lambda r: [p["party"] for p in r["gold"]["persons"]])
    table("amount qualifier", lambda r: [a["qualifier"] for a in r["gold"]["amounts"]])
    table("route rule", lambda r: [r["gold"]["route"]["rule"]])
    table("route unit", lambda r: [r["gold"]["route"]["unit"]])
    return "\n".join(lines)


def _strip(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpora.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", default=str(DEFAULT_UNITS), help="units file (ROUTING.md schema)")
    parser.add_argument("--n", type=int, default=1000, help="number of petitions")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--split", default="train", choices=SPLITS,
                        help="id prefix and template pool (test sees held-out templates)")
    parser.add_argument("--start", type=int, default=1, help="number of the first id")
    parser.add_argument("--out", default="-", help="output JSON Lines file (default: standard output)")
    parser.add_argument("--stats", nargs="+", metavar="FILE", help="print label tables of these JSONL files and exit")
    args = parser.parse_args(argv)
    if args.stats:
        files = {}
        for name in args.stats:
            with open(name, encoding="utf-8") as f:
                files[Path(name).name] = [json.loads(line) for line in f if line.strip()]
        print(describe_corpora(files))
        return 0
    began = time.perf_counter()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        for record in generate_petitions(args.n, args.seed, args.split, args.units, args.start):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    elapsed = time.perf_counter() - began
    print(f"wrote {args.n} petitions in {elapsed:.1f} s ({args.n / max(elapsed, 1e-9):.0f}/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
