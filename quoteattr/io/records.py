"""Input documents: text files, JSONL files of ``{"id", "text"}`` records, standard input.

A JSONL record may also give its byline, as ``"author"`` or in a ``"meta"`` object's
``"author"``: a string ("By Jane Doe") or a list of names.

Nothing is lost: a file or line that cannot be read becomes a record with an ``error`` that
names the file and line, and reading goes on with the rest. JSONL files are read a line at a
time, so memory does not grow with the file. A UTF-8 byte order mark at the start of a file
(or of standard input) is not text and is left out, in text files as in JSONL files.

:func:`read_done` reads back an output file of ``quoteattr extract --format jsonl`` so that a
killed run can be resumed: its records are the first inputs' results, in input order.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import attrs

from ..core.bylines import record_author
from ..errors import Errors, QuoteattrError

__all__ = ["Done", "Record", "read_done", "read_inputs"]

# How much of a .jsonl file is looked at to tell a binary file from text: one error record
# for the file, not one per "line" of a binary blob.
_SNIFF = 8192


@attrs.frozen
class Record:
    """One input document: its id, text and author (its byline, if the record gives one),
    or the error that kept it from being read."""

    id: str
    text: str | None = None
    error: str | None = None
    author: str | list[str] | None = None


def _author(data: dict[str, object]) -> str | list[str] | None:
    """The record's ``author``, or its ``meta`` object's; raises ValueError for one that is
    neither a str nor a list of str."""
    author = data.get("author")
    meta = data.get("meta")
    if author is None and isinstance(meta, dict):
        author = meta.get("author")
    return record_author(author)


def _decode(raw: bytes, where: str) -> tuple[str | None, str | None]:
    if b"\x00" in raw:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            reason = "UTF-16 text (a byte order mark and NUL bytes), not UTF-8"
        else:
            reason = "binary data (NUL bytes), not text"
        return None, Errors.E007.format(path=where, reason=reason)
    try:
        # A byte order mark is an encoding's signature, not the text's first character.
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as err:
        reason = f"invalid UTF-8 at byte {err.start}"
        return None, Errors.E007.format(path=where, reason=reason)


def _lines(fh: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a binary file, split at \\n, \\r\\n and a lone \\r (as bytes.splitlines)."""
    for raw in fh:
        yield from raw.splitlines() or [b""]


def _read_jsonl(path: str, fh: IO[bytes]) -> Iterator[Record]:
    head = fh.peek(_SNIFF)[:_SNIFF] if hasattr(fh, "peek") else b""
    if b"\x00" in head and not head.lstrip().startswith(b"{"):  # not JSON Lines at all
        _, error = _decode(head, path)
        yield Record(path, error=error)
        return
    for number, raw in enumerate(_lines(fh), start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark
        if not raw.strip():
            continue
        fallback = f"{path}:{number}"
        text, error = _decode(raw, fallback)
        if error is not None or text is None:
            yield Record(fallback, error=error)
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            reason = f"not JSON ({err.msg})"
            yield Record(fallback, error=Errors.E006.format(path=path, line=number, reason=reason))
            continue
        if not isinstance(data, dict):
            reason = "expected a JSON object with 'id' and 'text'"
            yield Record(fallback, error=Errors.E006.format(path=path, line=number, reason=reason))
            continue
        raw_id = data.get("id")
        doc_id = fallback if raw_id is None else str(raw_id)
        body = data.get("text")
        if not isinstance(body, str):
            reason = "no 'text' string" if body is None else "'text' is not a string"
            yield Record(doc_id, error=Errors.E006.format(path=path, line=number, reason=reason))
            continue
        try:
            author = _author(data)
        except ValueError as err:
            yield Record(doc_id, error=Errors.E006.format(path=path, line=number, reason=err))
            continue
        yield Record(doc_id, text=body, author=author)


def read_inputs(inputs: list[str], stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Yields one Record per input document, in order.

    Args:
        inputs: paths; a ``.jsonl`` file holds one ``{"id", "text"}`` record a line (with
            an optional ``"author"``, also read from ``"meta"``), any other file is one
            document whose id is the path as given; ``-`` is standard input.
        stdin: the stream read for ``-`` (default: ``sys.stdin.buffer``).

    Yields:
        Records; unreadable files and lines give records with ``error`` set.
    """
    for path in inputs:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            text, error = _decode(stream.read(), "<stdin>")
            yield Record("-", text=text, error=error)
            continue
        try:
            if path.endswith(".jsonl"):
                with open(path, "rb") as fh:
                    yield from _read_jsonl(path, fh)
                continue
            raw = Path(path).read_bytes()
        except OSError as err:
            reason = err.strerror or str(err)
            yield Record(path, error=Errors.E007.format(path=path, reason=reason))
            continue
        text, error = _decode(raw, path)
        yield Record(path, text=text, error=error)


@attrs.frozen
class Done:
    """What an output file of an earlier run holds: its first ``count`` records are the
    results of the first ``count`` inputs, in order."""

    path: str
    count: int = 0  # whole records
    failed: int = 0  # error records among them

    def ids(self) -> Iterator[str]:
        """The ids of the file's records, in order (read again from the file)."""
        if not self.count:
            return
        with open(self.path, "rb") as fh:
            seen = 0
            for raw in fh:
                if not raw.strip():
                    continue
                record, _ = _done_record(raw)
                if record is None:
                    return
                yield str(record["id"])
                seen += 1
                if seen == self.count:
                    return


def read_done(path: str) -> Done:
    """Reads an output file of an earlier run, to resume it.

    A last line cut short by the kill (no newline and not a whole record) is removed from the
    file, so that the resumed run writes that document again; a whole record that only lacks
    its newline gets one. A missing file is an empty one.

    Args:
        path: a file written by ``quoteattr extract --format jsonl``.

    Returns:
        how many records it holds and how many of them are errors; :meth:`Done.ids` reads
        their ids.

    Raises:
        QuoteattrError: [E017] when a line before the last is not such a record.
        OSError: when the file cannot be read or repaired.
    """
    count = failed = 0
    if not os.path.exists(path):
        return Done(path)
    good_end = 0  # the end of the last whole line
    with open(path, "rb+") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                good_end += len(raw)
                continue
            record, reason = _done_record(raw)
            if not raw.endswith(b"\n"):  # the last line, written in part or not ended
                if record is None:
                    fh.truncate(good_end)
                else:
                    fh.write(b"\n")
            elif record is None:
                raise QuoteattrError(Errors.E017.format(path=path, line=number, reason=reason))
            if record is not None:
                count += 1
                failed += "error" in record
            good_end += len(raw)
    return Done(path, count, failed)


def _done_record(raw: bytes) -> tuple[dict[str, object] | None, str]:
    """A line of an output file as a record with an id, or None and why not."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except json.JSONDecodeError as err:
        return None, f"not JSON: {err.msg}"
    if not isinstance(data, dict) or "id" not in data:
        return None, "not an object with an 'id'"
    if "quotes" not in data and "error" not in data:
        return None, "neither 'quotes' nor 'error'"
    return data, ""
