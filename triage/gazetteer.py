"""The office's geography as read from its units file: townships, their villages, county departments.

Extraction uses it to fill the place hierarchy and to find department names; routing uses it to find
the township of a village. Pure data and lookups, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

# Suffixes a township or village name may carry or drop in text (城关镇 / 城关, 枫林乡 / 枫林).
TOWNSHIP_SUFFIXES = ("街道办事处", "街道", "镇", "乡")
VILLAGE_SUFFIXES = ("社区", "村委会", "居委会", "村")
COUNTY_PREFIXES = ("县", "市", "区")


def strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class Gazetteer:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    townships: dict[str, tuple[str, ...]] = field(default_factory=dict)  # township -> villages
    departments: tuple[str, ...] = ()

    def township_names(self) -> list[str]:
        return list(self.townships)

    def village_names(self) -> list[str]:
        return [v for villages in self.townships.values() for v in villages]

    @cached_property
    def village_set(self) -> frozenset[str]:
        """The village names, for membership tests on every token (computed once)."""
        return frozenset(self.village_names())

    @cached_property
    def township_stems(self) -> dict[str, str]:
        """Each township's name without its 镇/乡/街道 (白石 for 白石镇), as letters often write it, when two
        characters or more are left."""
        stems = {}
        for township in self.townships:
            stem = strip_suffix(township, TOWNSHIP_SUFFIXES)
            if stem != township and len(stem) >= 2:
                stems[stem] = township
        return stems

    def match_township(self, name: str | None) -> str | None:
        """The township of this office called ``name`` (with or without its 镇/乡 suffix), or None."""
        if not name:
            return None
        if name in self.townships:
            return name
        stem = strip_suffix(name, TOWNSHIP_SUFFIXES)
        for township in self.townships:
            if strip_suffix(township, TOWNSHIP_SUFFIXES) == stem:
                return township
        return None

    def match_village(self, name: str | None) -> tuple[str, str] | None:
        """(township, village) for a village of this office called ``name``, or None."""
        if not name:
            return None
        stem = strip_suffix(name, VILLAGE_SUFFIXES)
        for township, villages in self.townships.items():
            for village in villages:
                if village == name or strip_suffix(village, VILLAGE_SUFFIXES) == stem:
                    return township, village
        return None

    def township_of_village(self, name: str | None) -> str | None:
        found = self.match_village(name)
        return found[0] if found else None

    def match_department(self, name: str | None) -> str | None:
        """The county department called ``name``, written with or without the county prefix
        (县民政局, 青石县民政局 and 民政局 all match 民政局)."""
        if not name:
            return None
        candidates = [name]
        if self.county and name.startswith(self.county):
            candidates.append(name[len(self.county):])
        for prefix in COUNTY_PREFIXES:
            if name.startswith(prefix):
                candidates.append(name[len(prefix):])
        for candidate in candidates:
            if candidate in self.departments:
                return candidate
        for department in self.departments:  # 县住建局 for 住房和城乡建设局 and other short forms
            if any(_is_short_form(c, department) for c in candidates):
                return department
        return None


_SHORT_FORMS = {
    "住建局": "住房和城乡建设局",
    "住房城乡建设局": "住房和城乡建设局",
    "医保局": "医疗保障局",
    "自然资源和规划局": "自然资源局",
    "国土局": "自然资源局",
    "国土资源局": "自然资源局",
    "农业局": "农业农村局",
    "农业农村和水利局": "农业农村局",
    "扶贫办": "乡村振兴局",
    "扶贫开发办公室": "乡村振兴局",
    "交通局": "交通运输局",
}


def _is_short_form(name: str, department: str) -> bool:
    return _SHORT_FORMS.get(name) == department
