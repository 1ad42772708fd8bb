"""CLI commands of this area; registered by veille.cli."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
