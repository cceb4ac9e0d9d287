"""The units file (ROUTING.md): an office's geography, departments and units, validated on load.

Every load error names the file, the entry and the valid choices. Pure: reads YAML, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from triage.errors import ConfigError
from triage.gazetteer import Gazetteer
from triage.taxonomy import Taxonomy, default_taxonomy

UNIT_TYPES = ("county_petition_office", "township_cdi", "county_office", "county_group", "city_cdi", "transfer")
TOP_KEYS = ("office", "region", "deadlines", "review_threshold", "townships", "departments", "units")
REGION_KEYS = ("province", "city", "county")
DEADLINE_KEYS = ("accept_days", "conclude_days")
# Which list each unit type carries; every other list key is an error for that type.
UNIT_LIST_KEY = {
    "county_petition_office": None,
    "township_cdi": "townships",
    "county_office": "townships",
    "county_group": "departments",
    "city_cdi": None,
    "transfer": "domains",
}
UNIT_KEYS = ("id", "name", "type", "townships", "departments", "domains")


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    type: str
    townships: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    """A loaded, validated units file."""

    name: str
    gazetteer: Gazetteer
    units: tuple[Unit, ...]
    accept_days: int = 15
    conclude_days: int = 60
    review_threshold: float = 0.4
    source: str = "units.yaml"
    _by_id: dict[str, Unit] = field(default_factory=dict, repr=False, compare=False)

    def unit(self, unit_id: str) -> Unit:
        return self._by_id[unit_id]

    def has_unit(self, unit_id: str) -> bool:
        return unit_id in self._by_id

    def units_of_type(self, unit_type: str) -> list[Unit]:
        return [u for u in self.units if u.type == unit_type]

    @property
    def petition_office(self) -> Unit:
        return self.units_of_type("county_petition_office")[0]

    @property
    def city_cdi(self) -> Unit | None:
        found = self.units_of_type("city_cdi")
        return found[0] if found else None

    def township_cdi(self, township: str) -> Unit | None:
        return next((u for u in self.units_of_type("township_cdi") if township in u.townships), None)

    def county_office(self, township: str) -> Unit | None:
        return next((u for u in self.units_of_type("county_office") if township in u.townships), None)

    def county_group(self, department: str) -> Unit | None:
        return next((u for u in self.units_of_type("county_group") if department in u.departments), None)

    def transfer_unit(self, domain: str) -> Unit | None:
        return next((u for u in self.units_of_type("transfer") if domain in u.domains), None)


def load_office(path: str | Path | None = None, taxonomy: Taxonomy | None = None) -> Office:
    """Load and validate a units file; the shipped example county when ``path`` is None."""
    if path is None:
        text = resources.files("triage.data").joinpath("example_units.yaml").read_text(encoding="utf-8")
        return parse_office(text, "triage/data/example_units.yaml", taxonomy)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read units file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: units file is neither UTF-8 nor GB18030 text") from exc
    return parse_office(text, str(path), taxonomy)


def parse_office(text: str, source: str, taxonomy: Taxonomy | None = None) -> Office:
    taxonomy = taxonomy or default_taxonomy()
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: a units file is a mapping with keys {', '.join(TOP_KEYS)}")
    _check_keys(raw, TOP_KEYS, source, "top level")
    for key in ("office", "townships", "units"):
        if key not in raw:
            raise ConfigError(f"{source}: missing required key '{key}'")

    region = raw.get("region") or {}
    if not isinstance(region, dict):
        raise ConfigError(f"{source}: region must be a mapping with {', '.join(REGION_KEYS)}")
    _check_keys(region, REGION_KEYS, source, "region")
    deadlines = raw.get("deadlines") or {}
    if not isinstance(deadlines, dict):
        raise ConfigError(f"{source}: deadlines must be a mapping with {', '.join(DEADLINE_KEYS)}")
    _check_keys(deadlines, DEADLINE_KEYS, source, "deadlines")
    accept_days = _positive_int(deadlines.get("accept_days", 15), source, "deadlines.accept_days")
    conclude_days = _positive_int(deadlines.get("conclude_days", 60), source, "deadlines.conclude_days")
    threshold = raw.get("review_threshold", 0.4)
    if not isinstance(threshold, int | float) or isinstance(threshold, bool) or not 0 <= threshold <= 1:
        raise ConfigError(f"{source}: review_threshold must be a number between 0 and 1, got {threshold!r}")

    townships = _parse_townships(raw["townships"], source)
    departments = raw.get("departments") or []
    if not isinstance(departments, list) or not all(isinstance(d, str) and d for d in departments):
        raise ConfigError(f"{source}: departments must be a list of department names")
    if len(set(departments)) != len(departments):
        raise ConfigError(f"{source}: departments: duplicate names {_duplicates(departments)}")

    units = _parse_units(raw["units"], source, townships, departments, taxonomy)
    _check_coverage(units, townships, departments, source)

    gazetteer = Gazetteer(
        province=region.get("province"),
        city=region.get("city"),
        county=region.get("county"),
        townships={t: tuple(v) for t, v in townships.items()},
        departments=tuple(departments),
    )
    return Office(
        name=str(raw["office"]),
        gazetteer=gazetteer,
        units=tuple(units),
        accept_days=accept_days,
        conclude_days=conclude_days,
        review_threshold=float(threshold),
        source=source,
        _by_id={u.id: u for u in units},
    )


def _parse_townships(raw: Any, source: str) -> dict[str, list[str]]:
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{source}: townships must map each township to the list of its villages")
    townships: dict[str, list[str]] = {}
    seen_villages: dict[str, str] = {}
    for name, villages in raw.items():
        if villages is None:
            villages = []
        if not isinstance(villages, list) or not all(isinstance(v, str) and v for v in villages):
            raise ConfigError(f"{source}: townships.{name}: must be a list of village names")
        for village in villages:
            if village in seen_villages and seen_villages[village] == name:
                raise ConfigError(f"{source}: townships.{name}: duplicate village {village!r}")
            seen_villages[village] = str(name)
        townships[str(name)] = list(villages)
    return townships


def _parse_units(
    raw: Any, source: str, townships: dict[str, list[str]], departments: list[str], taxonomy: Taxonomy
) -> list[Unit]:
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{source}: units must be a non-empty list")
    units: list[Unit] = []
    ids: set[str] = set()
    for i, entry in enumerate(raw):
        where = f"units[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{source}: {where}: each unit is a mapping with {', '.join(UNIT_KEYS)}")
        if "id" in entry:
            where = f"units[{i}] ({entry['id']})"
        _check_keys(entry, UNIT_KEYS, source, where)
        for key in ("id", "name", "type"):
            if not entry.get(key):
                raise ConfigError(f"{source}: {where}: missing '{key}'")
        unit_id, unit_type = str(entry["id"]), str(entry["type"])
        if unit_type not in UNIT_TYPES:
            raise ConfigError(
                f"{source}: {where}: unknown unit type {unit_type!r}; valid: {', '.join(UNIT_TYPES)}"
            )
        if unit_id in ids:
            raise ConfigError(f"{source}: {where}: duplicate unit id {unit_id!r}")
        ids.add(unit_id)
        list_key = UNIT_LIST_KEY[unit_type]
        for key in ("townships", "departments", "domains"):
            if key in entry and key != list_key:
                allowed = f"'{list_key}'" if list_key else "no list"
                raise ConfigError(
                    f"{source}: {where}: a {unit_type} unit takes {allowed}, not '{key}'"
                )
        values: list[str] = []
        if list_key:
            values = entry.get(list_key) or []
            if not isinstance(values, list) or not values:
                raise ConfigError(f"{source}: {where}: a {unit_type} unit needs a non-empty '{list_key}' list")
            valid = {
                "townships": list(townships),
                "departments": departments,
                "domains": taxonomy.domain_codes,
            }[list_key]
            for value in values:
                if value not in valid:
                    raise ConfigError(
                        f"{source}: {where}: unknown {list_key[:-1]} {value!r}; valid: {', '.join(valid)}"
                    )
        units.append(
            Unit(
                id=unit_id,
                name=str(entry["name"]),
                type=unit_type,
                townships=tuple(values) if list_key == "townships" else (),
                departments=tuple(values) if list_key == "departments" else (),
                domains=tuple(values) if list_key == "domains" else (),
            )
        )
    counts = {t: sum(1 for u in units if u.type == t) for t in UNIT_TYPES}
    if counts["county_petition_office"] != 1:
        raise ConfigError(
            f"{source}: units: exactly one county_petition_office is required, found "
            f"{counts['county_petition_office']}"
        )
    if counts["city_cdi"] > 1:
        raise ConfigError(f"{source}: units: at most one city_cdi is allowed, found {counts['city_cdi']}")
    return units


def _check_coverage(units: list[Unit], townships: dict[str, list[str]], departments: list[str], source: str) -> None:
    for township in townships:
        if not any(township in u.townships for u in units if u.type == "township_cdi"):
            raise ConfigError(f"{source}: township {township!r} is covered by no township_cdi unit")
        if not any(township in u.townships for u in units if u.type == "county_office"):
            raise ConfigError(f"{source}: township {township!r} is covered by no county_office unit")
    for department in departments:
        if not any(department in u.departments for u in units if u.type == "county_group"):
            raise ConfigError(f"{source}: department {department!r} is covered by no county_group unit")


def _check_keys(mapping: dict, valid: tuple[str, ...], source: str, where: str) -> None:
    unknown = [k for k in mapping if k not in valid]
    if unknown:
        raise ConfigError(
            f"{source}: {where}: unknown key{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(k) for k in unknown)}; valid: {', '.join(valid)}"
        )


def _positive_int(value: Any, source: str, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"{source}: {where} must be a positive whole number of days, got {value!r}")
    return value


def _duplicates(values: list[str]) -> list[str]:
    return sorted({v for v in values if values.count(v) > 1})
