"""The CLI as a user meets it: every command has help with an example and is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from crawler import settings as crawler_settings
from veille import __version__
from veille.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: str = "veille"):
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from all_commands(command, path)


COMMANDS = list(all_commands(main))


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_cli_has_the_commands_the_readme_promises():
    names = {path for path, _ in COMMANDS}
    for expected in (
        "veille crawl",
        "veille demo",
        "veille serve",
        "veille extract",
        "veille eval",
        "veille export",
        "veille status",
        "veille reprocess",
    ):
        assert expected in names


@pytest.mark.parametrize("path,command", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path, command):
    args = path.split()[1:] + ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert command.help and len(command.help.strip()) > 20
    assert "Example" in command.help or isinstance(command, click.Group)


@pytest.mark.parametrize("path,command", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_is_documented_in_the_readme(path, command):
    assert f"`{path}" in README, f"{path} is not documented in README.md"


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["nope"])
    assert result.exit_code == 2


def _veille_names_read_by_the_code() -> set[str]:
    names = set()
    for package in ("crawler", "db", "nlp", "pipelines", "veille"):
        for path in (ROOT / package).rglob("*.py"):
            names |= set(re.findall(r"VEILLE_[A-Z_]+", path.read_text(encoding="utf-8")))
    return names


def test_every_veille_setting_the_code_reads_is_in_the_readme_settings_table():
    table = README.split("### Settings and environment variables", 1)[1].split("\n#", 1)[0]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `(VEILLE_[A-Z_]+)` \| ([^|]+) \|", table, re.M)}
    names = _veille_names_read_by_the_code()
    assert {"VEILLE_DB_PATH", "VEILLE_MAX_LINKS_PER_FEED", "VEILLE_SPACY_MODEL"} <= names  # the scan works
    assert sorted(names - set(rows)) == []
    assert all(default.strip() for default in rows.values())  # each row gives a default
    for name in names & set(vars(crawler_settings)):  # the defaults said are the defaults set
        value = getattr(crawler_settings, name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            assert rows[name].split()[0] == f"{value:g}", name
        elif isinstance(value, str) and value:
            assert f"`{value}`" in rows[name], name
