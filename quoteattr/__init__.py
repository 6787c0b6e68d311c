"""quoteattr: who said what in English news.

>>> import quoteattr
>>> for q in quoteattr.extract("“We have to win the peace,” Jens Stoltenberg said."):
...     print(q.speaker.name, q.cue.text, q.text)
Jens Stoltenberg said “We have to win the peace,”
"""

from __future__ import annotations

import importlib
import sys
import types
import typing

if typing.TYPE_CHECKING:
    from .batch import Workers, extract_many
    from .corpus import SpeakerTable
    from .entities import speakers
    from .errors import QuoteattrError, QuoteattrWarning
    from .extract import extract
    from .io.dataframe import to_dataframe
    from .io.html import render
    from .model import (
        SCHEMA_VERSION,
        Cue,
        CueCategory,
        Gender,
        Profile,
        Quote,
        QuoteKind,
        Quotes,
        Rule,
        Speaker,
        SpeakerEntity,
        SpeakerKind,
        TextSpan,
    )
    from .pipelines import DEFAULT_MODEL, load

__version__ = "0.1.0"

__all__ = [
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

# Each public name is imported from its module on first use, not with the package: importing
# spaCy takes about a second, and the command line (``quoteattr --help``, the progress bar
# that says the model is loading) should not wait for it before it says anything.
_HOMES = {
    "extract_many": "batch",
    "Workers": "batch",
    "SpeakerTable": "corpus",
    "speakers": "entities",
    "QuoteattrError": "errors",
    "QuoteattrWarning": "errors",
    "extract": "extract",
    "to_dataframe": "io.dataframe",
    "render": "io.html",
    "DEFAULT_MODEL": "pipelines",
    "load": "pipelines",
    **dict.fromkeys(
        [
            "SCHEMA_VERSION",
            "Cue",
            "CueCategory",
            "Gender",
            "Profile",
            "Quote",
            "QuoteKind",
            "Quotes",
            "Rule",
            "Speaker",
            "SpeakerEntity",
            "SpeakerKind",
            "TextSpan",
        ],
        "model",
    ),
}


def __getattr__(name: str) -> typing.Any:
    """A public name, imported from its module on first use; or a submodule
    (``quoteattr.pipelines``), which importing the package used to import as well."""
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(f".{home}", __name__), name)
        globals()[name] = value
        return value
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as err:
        if err.name != f"{__name__}.{name}":
            raise  # the submodule exists, and something it imports does not
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """This package. The import system sets a submodule, when it is first imported, as an
    attribute of its package: the module ``quoteattr.extract`` would then hide the function
    ``quoteattr.extract`` (eager imports rebound the name after the module; lazy ones
    cannot), so a public name is never set to a module."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
