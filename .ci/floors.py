"""Print pip constraints pinning every dependency of pyproject.toml to its declared minimum.

`make floors` installs veille with these constraints in a separate virtualenv and runs the tests, so a
floor that the code has outgrown (an API added later) shows as a failing test instead of a user's
broken install. `>=X` becomes `==X`; an exact pin (`==X`) stays; a requirement without a lower bound is
an error, since its floor cannot be tested. Transitive dependencies are left to pip.

    python .ci/floors.py [pyproject.toml] > constraints.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

# name, optional [extras], specifiers, optional "; marker"
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$")


def floor_pin(requirement: str) -> str:
    """`"dramatiq[redis]>=2.0,<3"` -> `"dramatiq==2.0"` (constraints files take no extras)."""
    match = REQUIREMENT.match(requirement)
    if not match:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name, specifiers, marker = match.group(1), match.group(2), match.group(3) or ""
    for spec in (part.strip() for part in specifiers.split(",")):
        for operator in ("==", ">="):
            if spec.startswith(operator) and "*" not in spec:
                return f"{name}=={spec[len(operator) :].strip()}{marker}"
    raise ValueError(f"{requirement!r} has no lower bound (>=X or ==X): its floor cannot be tested")


def declared_requirements(pyproject: Path) -> list[str]:
    """The run-time dependencies plus every optional group (dev tools are floored too)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for group in project.get("optional-dependencies", {}).values():
        requirements.extend(group)
    return requirements


def main(argv: list[str]) -> int:
    pyproject = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        pins = [floor_pin(requirement) for requirement in declared_requirements(pyproject)]
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        print(f"veille: floors: {exc}", file=sys.stderr)
        return 2
    print("\n".join(pins))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
