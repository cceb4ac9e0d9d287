"""Docs that must not drift: every setting and every command-line option is documented; docs/cli.md is the
commands' --help text (regenerate with `UPDATE_DOCS=1 pytest tests/test_docs.py`)."""

import os
from pathlib import Path

import click
from click.testing import CliRunner

from triage.cli import cli
from triage.settings import SETTINGS_HELP

ROOT = Path(__file__).resolve().parents[1]


def walk(group: click.Group, prefix: str = "triage"):
    for name in sorted(group.commands):
        command = group.commands[name]
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from walk(command, path)


def render_cli_doc() -> str:
    runner = CliRunner()
    parts = ["# The command line\n", "Generated from `--help`; do not edit by hand "
             "(`UPDATE_DOCS=1 pytest tests/test_docs.py` rewrites it).\n"]
    for path, _ in [("triage", cli), *walk(cli)]:
        args = path.split()[1:] + ["--help"]
        out = runner.invoke(cli, args, prog_name="triage").output
        parts.append(f"## `{path}`\n\n```\n{out.rstrip()}\n```\n")
    return "\n".join(parts)


def test_cli_doc_is_current():
    doc = ROOT / "docs" / "cli.md"
    expected = render_cli_doc()
    if os.environ.get("UPDATE_DOCS"):
        doc.write_text(expected, encoding="utf-8")
    assert doc.read_text(encoding="utf-8") == expected, "docs/cli.md is stale: UPDATE_DOCS=1 pytest tests/test_docs.py"


def test_every_setting_documented():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in SETTINGS_HELP:
        assert f"`{name}`" in text and f"TRIAGE_{name.upper()}" in text, name


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```")[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
