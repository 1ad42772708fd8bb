"""The CLI as a user meets it: every command has help with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from veille import __version__
from veille.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


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
