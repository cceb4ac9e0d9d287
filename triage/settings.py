"""One frozen settings object: defaults, then a config file (TOML), then TRIAGE_* environment variables.

Each field has a default and a help line (``SETTINGS_HELP``); docs/settings.md is checked against it by a
test. Settings are passed in, never read from a global.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from triage.errors import ConfigError

DEFAULT_DATA_DIR = "var"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default=Path(DEFAULT_DATA_DIR), metadata={
        "help": "folder of the store of record (triage.sqlite3), original files and the embedded index"})
    units_file: Path | None = field(default=None, metadata={
        "help": "the office's units file (ROUTING.md); the shipped example county when unset"})
    model_dir: Path | None = field(default=None, metadata={
        "help": "classifier model directory; the default model shipped in models/default when unset"})
    name_tagger: Path | None = field(default=None, metadata={
        "help": "directory of a trained person-name tagger (python -m models.name_tagger train); none when unset"})
    search_url: str | None = field(default=None, metadata={
        "help": "Elasticsearch URL; the embedded index under data_dir when unset"})
    index_prefix: str = field(default="triage", metadata={
        "help": "prefix of Elasticsearch index and alias names"})
    max_text_chars: int = field(default=200_000, metadata={
        "help": "petitions with a longer text are refused with an error record"})
    secret_key: str | None = field(default=None, metadata={
        "help": "web session signing key; a random key kept in data_dir when unset"})
    host: str = field(default="127.0.0.1", metadata={"help": "address the web app listens on"})
    port: int = field(default=8000, metadata={"help": "port the web app listens on"})
    cookie_secure: bool = field(default=False, metadata={
        "help": "send the session cookie only over HTTPS (set it when the app is behind an HTTPS proxy)"})

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given fields replaced, skipping those passed as None."""
        changes = {k: v for k, v in values.items() if v is not None}
        return dataclasses.replace(self, **_coerce(changes, "command line"))

    @property
    def db_path(self) -> Path:
        return Path(self.data_dir) / "triage.sqlite3"

    @property
    def index_dir(self) -> Path:
        return Path(self.data_dir) / "index"

    @property
    def files_dir(self) -> Path:
        return Path(self.data_dir) / "files"


SETTINGS_HELP = {f.name: f.metadata["help"] for f in fields(Settings)}


def load_settings(config_file: str | Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Defaults, then ``config_file`` (TOML, keys as the field names), then TRIAGE_<FIELD> variables."""
    environ = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    config_file = config_file or environ.get("TRIAGE_CONFIG")
    if config_file:
        try:
            raw = tomllib.loads(Path(config_file).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{config_file}: cannot read settings: {exc}") from exc
        unknown = set(raw) - set(SETTINGS_HELP)
        if unknown:
            raise ConfigError(
                f"{config_file}: unknown settings {sorted(unknown)}; valid: {', '.join(SETTINGS_HELP)}"
            )
        values.update(_coerce(raw, str(config_file)))
    for name in SETTINGS_HELP:
        env = environ.get("TRIAGE_" + name.upper())
        if env not in (None, ""):
            values.update(_coerce({name: env}, "TRIAGE_" + name.upper()))
    return Settings(**values)


def _coerce(raw: dict[str, Any], source: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    types = {f.name: f.type for f in fields(Settings)}
    for name, value in raw.items():
        kind = str(types[name])
        try:
            if "Path" in kind:
                out[name] = Path(value)
            elif kind == "int":
                out[name] = int(value)
            elif kind == "bool":
                out[name] = _boolean(value)
            else:
                out[name] = str(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: setting {name}: {value!r} is not a valid {kind}") from exc
    return out


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"not a boolean: {value!r}")
