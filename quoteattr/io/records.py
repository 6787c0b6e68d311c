"""Input documents: text files, JSONL files of ``{"id", "text"}`` records, standard input.

Nothing is lost: a file or line that cannot be read becomes a record with an ``error`` that
names the file and line, and reading goes on with the rest.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import attrs

from ..errors import Errors

__all__ = ["Record", "read_inputs"]


@attrs.frozen
class Record:
    """One input document: its id and text, or the error that kept it from being read."""

    id: str
    text: str | None = None
    error: str | None = None


def _decode(raw: bytes, where: str) -> tuple[str | None, str | None]:
    if b"\x00" in raw:
        return None, Errors.E007.format(path=where, reason="binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        reason = f"invalid UTF-8 at byte {err.start}"
        return None, Errors.E007.format(path=where, reason=reason)


def _read_jsonl(path: str, lines: list[bytes]) -> Iterator[Record]:
    for number, raw in enumerate(lines, start=1):
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
        yield Record(doc_id, text=body)


def read_inputs(inputs: list[str], stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Yields one Record per input document, in order.

    Args:
        inputs: paths; a ``.jsonl`` file holds one ``{"id", "text"}`` record a line, any
            other file is one document whose id is the path as given; ``-`` is standard input.
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
            raw = Path(path).read_bytes()
        except OSError as err:
            reason = err.strerror or str(err)
            yield Record(path, error=Errors.E007.format(path=path, reason=reason))
            continue
        if path.endswith(".jsonl"):
            yield from _read_jsonl(path, raw.splitlines())
        else:
            text, error = _decode(raw, path)
            yield Record(path, text=text, error=error)
