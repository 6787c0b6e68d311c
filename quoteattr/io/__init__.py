"""Reading inputs and writing outputs: plain data in, files or strings out."""

from __future__ import annotations

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
