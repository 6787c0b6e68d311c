"""The package's data files (lexicons, style sheets, pins) are declared, so a wheel ships them."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> dict[Path, list[str]]:
    """Package directory -> the package-data globs pyproject.toml gives it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    return {ROOT.joinpath(*package.split(".")): globs for package, globs in package_data.items()}


def _ships(path: Path, declared: dict[Path, list[str]]) -> bool:
    """Whether a glob of the package that holds ``path`` matches it."""
    for directory, globs in declared.items():
        if directory in path.parents:
            inside = path.relative_to(directory).as_posix()
            if any(fnmatch.fnmatch(inside, glob) for glob in globs):
                return True
    return False


def test_every_data_file_is_package_data() -> None:
    """Every file of quoteattr/ that is not Python source matches a package-data glob."""
    declared = _declared()
    data = [
        p
        for p in (ROOT / "quoteattr").rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert data
    assert [p.relative_to(ROOT).as_posix() for p in data if not _ships(p, declared)] == []
