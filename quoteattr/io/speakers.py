"""The speakers table in and out: extraction records read a line at a time, rows written as
CSV or JSON Lines.

:func:`read_results` reads the output of ``quoteattr extract --format jsonl`` (one
``{"id", "quotes"}`` or ``{"id", "error"}`` record a line) without holding the file in
memory; :func:`speaker_table` feeds it to a :class:`~quoteattr.corpus.SpeakerTable`. The
writers take rows and return text, as the other writers of ``quoteattr.io`` do.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..corpus import ROW_COLUMNS, SpeakerRow, SpeakerTable
from ..errors import Errors, QuoteattrError

__all__ = [
    "SPEAKER_FORMATS",
    "read_results",
    "render_speakers_csv",
    "render_speakers_jsonl",
    "speaker_table",
]

SPEAKER_FORMATS = ("csv", "jsonl")


def read_results(path: str) -> Iterator[dict[str, Any]]:
    """Yields the records of an extraction output file, one line at a time.

    Args:
        path: a file written by ``quoteattr extract --format jsonl`` (or the records of
            ``quoteattr.dask.extract_bag`` written as JSON Lines).

    Yields:
        ``{"id", "quotes"}`` and ``{"id", "error"}`` records, in file order.

    Raises:
        QuoteattrError: [E006] naming the line, for a line that is not such a record.
        OSError: when the file cannot be read.
    """
    for _number, record in _numbered(path):
        yield record


def _numbered(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as err:
                reason = f"invalid UTF-8 at byte {err.start}"
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=reason)
                ) from None
            except json.JSONDecodeError as err:
                reason = f"not JSON ({err.msg})"
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=reason)
                ) from None
            if not isinstance(record, dict) or not (
                isinstance(record.get("quotes"), list) or "error" in record
            ):
                reason = "not an extraction record: expected 'quotes' (a list) or 'error'"
                raise QuoteattrError(Errors.E006.format(path=path, line=number, reason=reason))
            yield number, record


def speaker_table(paths: Iterable[str], table: SpeakerTable | None = None) -> SpeakerTable:
    """Builds the speakers table of extraction output files, a record at a time.

    Args:
        paths: files written by ``quoteattr extract --format jsonl``.
        table: a table to add to (default: a new one).

    Returns:
        the table; ``.rows()`` gives the entities, ``.summary()`` the figures.

    Raises:
        QuoteattrError: [E006] for a line that is not an extraction record, [E003] or
            [E004] for a quote that ``Quote.from_dict`` rejects (the error names the line).
        OSError: when a file cannot be read.
    """
    table = SpeakerTable() if table is None else table
    for path in paths:
        for number, record in _numbered(path):
            try:
                table.add_record(record)
            except QuoteattrError as err:
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=err)
                ) from None
    return table


def _speaker_cells(row: SpeakerRow) -> dict[str, Any]:
    data = row.to_dict()
    data["variants"] = " | ".join(row.variants)
    return data


def render_speakers_csv(rows: Iterable[SpeakerRow]) -> Iterator[str]:
    """Yields CSV text: a header of :data:`~quoteattr.corpus.ROW_COLUMNS`, then a row per
    entity; the variants are joined with " | "."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ROW_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(_speaker_cells(row))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    rest = buf.getvalue()
    if rest:
        yield rest


def render_speakers_jsonl(rows: Iterable[SpeakerRow]) -> Iterator[str]:
    """Yields one JSON line (with its newline) per entity: ``SpeakerRow.to_dict()``."""
    for row in rows:
        yield json.dumps(row.to_dict(), ensure_ascii=False) + "\n"
