"""The taxonomy (TAXONOMY.md) as data: loaded from ``triage/data/taxonomy.yaml`` or an office's own file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from triage.errors import ConfigError

DEFAULT_KINDS = ("accusation", "appeal", "suggestion", "non_jurisdiction")
LEVEL_ORDER = ("village", "township", "county_dept", "county", "city_or_above")


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Taxonomy:
    domains: tuple[Code, ...]
    kinds: tuple[Code, ...]
    levels: tuple[Code, ...] = ()
    parties: tuple[Code, ...] = ()
    channels: tuple[Code, ...] = ()
    source: str = "taxonomy.yaml"

    @property
    def domain_codes(self) -> list[str]:
        return [d.code for d in self.domains]

    @property
    def kind_codes(self) -> list[str]:
        return [k.code for k in self.kinds]

    def label(self, code: str) -> str:
        for group in (self.domains, self.kinds, self.levels, self.parties, self.channels):
            for item in group:
                if item.code == code:
                    return item.label
        return code

    def domain_code(self, code_or_label: str) -> str:
        """The domain code for a code or a Chinese label; ConfigError naming the valid choices if neither."""
        value = code_or_label.strip()
        for d in self.domains:
            if value in (d.code, d.label):
                return d.code
        raise ConfigError(
            f"{self.source}: unknown domain {value!r}; valid: {', '.join(self.domain_codes)}"
        )

    def kind_code(self, code_or_label: str) -> str:
        value = code_or_label.strip()
        for k in self.kinds:
            if value in (k.code, k.label):
                return k.code
        raise ConfigError(f"{self.source}: unknown kind {value!r}; valid: {', '.join(self.kind_codes)}")


def _codes(raw: object, source: str, key: str) -> tuple[Code, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ConfigError(f"{source}: '{key}' must be a list of {{code, label}} entries")
    out: list[Code] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict) or "code" not in entry:
            raise ConfigError(f"{source}: {key}[{i}] must be a mapping with 'code' and 'label'")
        unknown = set(entry) - {"code", "label", "description"}
        if unknown:
            raise ConfigError(
                f"{source}: {key}[{i}] ({entry['code']}): unknown keys {sorted(unknown)}; "
                "valid: code, label, description"
            )
        code = str(entry["code"])
        if code in seen:
            raise ConfigError(f"{source}: {key}: duplicate code {code!r}")
        seen.add(code)
        out.append(Code(code, str(entry.get("label", code)), str(entry.get("description", "") or "")))
    return tuple(out)


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The shipped taxonomy, or an office's file (CONTRACT.md: `domains`, optional `kinds`)."""
    if path is None:
        return default_taxonomy()
    source = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{source}: cannot read taxonomy: {exc}") from exc
    return _parse(raw, source)


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    text = resources.files("triage.data").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    return _parse(yaml.safe_load(text), "triage/data/taxonomy.yaml")


def _parse(raw: object, source: str) -> Taxonomy:
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: a taxonomy file is a mapping with a 'domains' list")
    unknown = set(raw) - {"domains", "kinds", "levels", "parties", "channels"}
    if unknown:
        raise ConfigError(
            f"{source}: unknown keys {sorted(unknown)}; valid: domains, kinds, levels, parties, channels"
        )
    domains = _codes(raw.get("domains"), source, "domains")
    if not domains:
        raise ConfigError(f"{source}: 'domains' must list at least one domain")
    kinds = _codes(raw.get("kinds"), source, "kinds")
    if not kinds:
        kinds = default_taxonomy().kinds if source != "triage/data/taxonomy.yaml" else ()
    base = None if source == "triage/data/taxonomy.yaml" else default_taxonomy()
    return Taxonomy(
        domains=domains,
        kinds=kinds,
        levels=_codes(raw.get("levels"), source, "levels") or (base.levels if base else ()),
        parties=_codes(raw.get("parties"), source, "parties") or (base.parties if base else ()),
        channels=_codes(raw.get("channels"), source, "channels") or (base.channels if base else ()),
        source=source,
    )
