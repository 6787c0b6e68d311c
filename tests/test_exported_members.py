"""The public names of the ``quoteattr`` package (after httpx's tests/test_exported_members.py)."""

from __future__ import annotations
import __future__

import types

import pytest

import quoteattr

EXPECTED_ALL = [
    "DEFAULT_MODEL",
    "SCHEMA_VERSION",
    "Cue",
    "CueCategory",
    "Gender",
    "Profile",
    "Quote",
    "QuoteKind",
    "QuoteattrError",
    "QuoteattrWarning",
    "Quotes",
    "Rule",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "SpeakerTable",
    "TextSpan",
    "Workers",
    "__version__",
    "extract",
    "extract_many",
    "load",
    "render",
    "speakers",
    "to_dataframe",
]


def test_all_is_pinned() -> None:
    """``quoteattr.__all__`` is exactly the agreed list, in this order."""
    assert quoteattr.__all__ == EXPECTED_ALL


@pytest.mark.parametrize("name", EXPECTED_ALL)
def test_exported_name_exists(name: str) -> None:
    """Every name in ``__all__`` is an attribute of the package."""
    assert hasattr(quoteattr, name)


def test_star_import_gives_exactly_all() -> None:
    """``from quoteattr import *`` binds the names of ``__all__`` and nothing else."""
    namespace: dict[str, object] = {}
    exec("from quoteattr import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(EXPECTED_ALL) == sorted(namespace)


def test_no_public_name_outside_all() -> None:
    """Every public name of the package that is not a submodule is listed in ``__all__``.

    ``annotations`` bound by ``from __future__ import annotations`` is a compiler directive,
    not an export, and is left out.
    """
    public = {
        name
        for name, value in vars(quoteattr).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and not isinstance(value, type(__future__.annotations))
    }
    assert set() == public - set(quoteattr.__all__)


def test_version_is_the_distribution_version() -> None:
    """``quoteattr.__version__`` agrees with the installed distribution's metadata."""
    from importlib.metadata import version

    assert version("quoteattr") == quoteattr.__version__
