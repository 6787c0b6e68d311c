"""Reading inputs and writing outputs: plain data in, files or strings out.

The names below are imported from their modules on first use, so that a light module of this
package (:mod:`quoteattr.io.progress`) can be imported without the readers, which import
spaCy (see :mod:`quoteattr`).
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from .formats import FORMATS, quote_row, render_csv, render_json, render_jsonl, render_table
    from .records import Record, read_inputs

__all__ = [
    "FORMATS",
    "Record",
    "quote_row",
    "read_inputs",
    "render_csv",
    "render_json",
    "render_jsonl",
    "render_table",
]

_HOMES = {
    **dict.fromkeys(
        ["FORMATS", "quote_row", "render_csv", "render_json", "render_jsonl", "render_table"],
        "formats",
    ),
    "Record": "records",
    "read_inputs": "records",
}


def __getattr__(name: str) -> typing.Any:
    """A public name, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
