"""The extraction lexicons: data files under ``triage/data/`` read and validated once per process.

- ``lexicon_surnames.txt``   Chinese surnames (compound and single, single ones by frequency);
- ``titles.yaml``            title → level, bodies → level, cue words for a person's part;
- ``lexicon_domain.txt``     jieba user dictionary: schemes, funds, misconduct verbs;
- ``lexicon_currencies.txt`` currency words → ISO codes;
- ``lexicon_nonnames.txt``   words that look like names but are not;
- ``lexicon_proper_nouns.txt`` foreign places, landmarks, organisations, clubs and brands that read like names
  (merged into the non-names);
- ``lexicon_known_persons.txt`` names of well-known persons as the press writes them (名人: 聂耳, 比尔·盖茨), taken as
  names wherever the segmenter leaves them whole;
- ``lexicon_departments.txt`` county bodies; ``lexicon_provinces.txt`` provinces.

A file that does not load raises :class:`triage.errors.ConfigError` naming the file, the entry and the
valid choices.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from triage.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEVELS = ("village", "township", "county_dept", "county", "city_or_above", "unknown")
BODY_KINDS = ("admin", "department", "subunit")
COMMON_SURNAMES = 150  # the first N single surnames of the file count as common


@dataclass(frozen=True)
class Body:
    level: str
    kind: str


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    common_surnames: frozenset[str]
    titles: dict[str, str]  # title -> level
    weak_titles: frozenset[str]
    subunit_titles: frozenset[str]
    bodies: dict[str, Body]
    petitioner_cues: tuple[str, ...]
    accused_cues: tuple[str, ...]
    other_cues: tuple[str, ...]
    currencies: dict[str, str]  # word -> ISO code
    nonnames: frozenset[str]
    known_persons: frozenset[str]
    domain_words: tuple[tuple[str, int, str], ...]  # jieba user-dict entries
    departments: tuple[str, ...]  # county bodies (民政局, 财政所 …)
    provinces: tuple[str, ...]  # full names (河北省, 西藏自治区 …)

    def jieba_entries(self) -> list[tuple[str, int, str]]:
        """Every word the segmenter must keep whole: domain words, titles, bodies."""
        entries = list(self.domain_words)
        entries += [(t, 50000, "title") for t in self.titles]
        entries += [(b, 30000, "body") for b in self.bodies if len(b) > 1]
        entries += [(d, 30000, "nt") for d in self.departments]
        entries += [(p, 30000, "ns") for p in self.provinces]
        return entries


def _read_lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read lexicon file ({exc.strerror})") from exc
    rows = []
    for number, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append((number, line))
    return rows


_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def load_surnames(path: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    single: list[str] = []
    compound: list[str] = []
    for number, line in _read_lines(path):
        if not _HAN.match(line) or len(line) > 2:
            raise ConfigError(f"{path}:{number}: {line!r} is not a surname (one or two Chinese characters)")
        (compound if len(line) == 2 else single).append(line)
    return frozenset(single), frozenset(compound), frozenset(single[:COMMON_SURNAMES]) | frozenset(compound)


def load_titles(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot load titles table ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with keys titles, bodies, …")
    required = ("titles", "bodies", "weak_titles", "subunit_titles", "petitioner_cues", "accused_cues",
                "other_cues")
    for key in required:
        if key not in data:
            raise ConfigError(f"{path}: missing key {key!r} (required: {', '.join(required)})")
    for title, level in data["titles"].items():
        if level not in LEVELS:
            raise ConfigError(f"{path}: title {title!r} has level {level!r}; valid: {', '.join(LEVELS)}")
    for body, spec in data["bodies"].items():
        if not isinstance(spec, dict) or spec.get("level") not in LEVELS or spec.get("kind") not in BODY_KINDS:
            raise ConfigError(
                f"{path}: body {body!r} must be {{level: one of {', '.join(LEVELS)}, "
                f"kind: one of {', '.join(BODY_KINDS)}}}, got {spec!r}"
            )
    for key in ("weak_titles", "subunit_titles"):
        for title in data[key]:
            if title not in data["titles"]:
                raise ConfigError(f"{path}: {key} entry {title!r} is not in titles")
    return data


def load_currencies(path: Path) -> dict[str, str]:
    out = {}
    for number, line in _read_lines(path):
        parts = line.split()
        if len(parts) != 2 or not re.fullmatch(r"[A-Z]{3}", parts[1]):
            raise ConfigError(f"{path}:{number}: expected 'word ISO-code', got {line!r}")
        out[parts[0]] = parts[1]
    return out


def load_domain_words(path: Path) -> tuple[tuple[str, int, str], ...]:
    out = []
    for number, line in _read_lines(path):
        parts = line.split()
        if not 1 <= len(parts) <= 3 or (len(parts) > 1 and not parts[1].isdigit()):
            raise ConfigError(f"{path}:{number}: expected 'word [frequency] [tag]', got {line!r}")
        out.append((parts[0], int(parts[1]) if len(parts) > 1 else 20000, parts[2] if len(parts) > 2 else "n"))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    single, compound, common = load_surnames(data_dir / "lexicon_surnames.txt")
    titles = load_titles(data_dir / "titles.yaml")
    return Lexicon(
        surnames=single,
        compound_surnames=compound,
        common_surnames=common,
        titles=dict(titles["titles"]),
        weak_titles=frozenset(titles["weak_titles"]),
        subunit_titles=frozenset(titles["subunit_titles"]),
        bodies={k: Body(v["level"], v["kind"]) for k, v in titles["bodies"].items()},
        petitioner_cues=tuple(titles["petitioner_cues"]),
        accused_cues=tuple(titles["accused_cues"]),
        other_cues=tuple(titles["other_cues"]),
        currencies=load_currencies(data_dir / "lexicon_currencies.txt"),
        nonnames=frozenset(line for _, line in _read_lines(data_dir / "lexicon_nonnames.txt"))
        | frozenset(_load_names(data_dir / "lexicon_proper_nouns.txt", dotted=True)),
        known_persons=frozenset(_load_names(data_dir / "lexicon_known_persons.txt", dotted=True)),
        domain_words=load_domain_words(data_dir / "lexicon_domain.txt"),
        departments=_load_names(data_dir / "lexicon_departments.txt"),
        provinces=_load_names(data_dir / "lexicon_provinces.txt"),
    )


_HAN_DOTTED = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+(?:·[\u3400-\u4dbf\u4e00-\u9fff]+)*$")  # 奕䜣: extension A too


def _load_names(path: Path, dotted: bool = False) -> tuple[str, ...]:
    """Names in Chinese characters, one a line; with ``dotted``, parts joined by a middle dot (比尔·盖茨) too."""
    names = []
    pattern = _HAN_DOTTED if dotted else _HAN
    for number, line in _read_lines(path):
        if not pattern.match(line) or len(line) < 2:
            what = "a name in Chinese characters" + (" (parts joined by ·)" if dotted else "")
            raise ConfigError(f"{path}:{number}: {line!r} is not {what}")
        names.append(line)
    return tuple(names)


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, without overlaps (str.find: no pattern compiled per word)."""
    out, k = [], text.find(word)
    while k >= 0 and word:
        out.append(k)
        k = text.find(word, k + len(word))
    return out
