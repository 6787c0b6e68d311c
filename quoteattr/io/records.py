"""Input documents: text files, JSONL files of ``{"id", "text"}`` records, directories of
them, standard input.

A JSONL record may also give its byline, as ``"author"`` or in a ``"meta"`` object's
``"author"``: a string ("By Jane Doe") or a list of names.

A file whose name ends in ``.gz``, ``.bz2`` or ``.xz`` is decompressed as it is read
(``a.txt.gz`` is a text file, ``b.jsonl.xz`` a JSONL file). A directory stands for its
``.txt`` and ``.jsonl`` files (compressed or not), in its subdirectories too, in the order of
their paths; hidden files and directories (``.git``) are left out, and the other files are
named in a [W005] warning, so that none is left out in silence.

Nothing is lost: a file or line that cannot be read becomes a record with an ``error`` that
names the file and line, and reading goes on with the rest. JSONL files are read a line at a
time, so memory does not grow with the file. Text is UTF-8 unless another encoding is named
(``encoding=``); a byte order mark at the start of a file (or of standard input) is not text
and is left out, in text files as in JSONL files.

:func:`read_done` reads back an output file of ``quoteattr extract --format jsonl`` so that a
killed run can be resumed: its records are the first inputs' results, in input order.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import json
import lzma
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import IO, cast

import attrs

from ..errors import Errors, QuoteattrError, QuoteattrWarning, Warnings, outside_stacklevel

__all__ = [
    "COMPRESSIONS",
    "Done",
    "Record",
    "check_encoding",
    "count_records",
    "expand_inputs",
    "read_done",
    "read_inputs",
]

#: The ends of the names of compressed files, which are decompressed as they are read.
COMPRESSIONS = (".gz", ".bz2", ".xz")
#: The files a directory stands for, by the end of their name (after a compression's).
_DOCUMENT_FILES = (".txt", ".jsonl")
#: How many left-out files a [W005] warning names before it only counts them.
_LEFT_OUT_NAMED = 5
#: What a corrupt compressed file raises: gzip's BadGzipFile and bz2 an OSError, a file cut
#: short EOFError, xz its own error.
_CORRUPT = (OSError, EOFError, lzma.LZMAError)

#: The white space of a blank line, which holds no record (Python's str.strip would also take
#: a line of U+2028 or a no-break space for blank, where bytes.strip does not).
_BLANK = " \t\n\r\x0b\x0c"

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
    # Imported here: the core imports spaCy, and the command line reads its options (and
    # draws its progress bar) before spaCy is imported (see quoteattr.io.job).
    from ..core.bylines import record_author

    author = data.get("author")
    meta = data.get("meta")
    if author is None and isinstance(meta, dict):
        author = meta.get("author")
    return record_author(author)


def check_encoding(encoding: str) -> str:
    """The encoding's name, checked.

    Raises:
        QuoteattrError: [E035] for an encoding Python does not know.
    """
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise QuoteattrError(Errors.E035.format(encoding=encoding)) from None


def _utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def _decode(raw: bytes, where: str, encoding: str = "utf-8") -> tuple[str | None, str | None]:
    if not _utf8(encoding):
        try:
            text = raw.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            return None, Errors.E007.format(
                path=where, reason=f"invalid {encoding} at byte {err.start}"
            )
        if "\x00" in text:
            return None, Errors.E007.format(path=where, reason="binary data (NUL), not text")
        return text, None
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


def _text_lines(fh: IO[bytes], encoding: str) -> Iterator[str | None]:
    """The lines of a file in another encoding than UTF-8, split at \\n, \\r\\n and \\r;
    None for the rest of the file when it cannot be decoded."""
    stream = io.TextIOWrapper(fh, encoding=encoding, newline=None)
    try:
        yield from stream
    except UnicodeDecodeError:
        yield None
    finally:
        stream.detach()


def _read_jsonl(path: str, fh: IO[bytes], encoding: str = "utf-8") -> Iterator[Record]:
    number = 0
    try:
        if not _utf8(encoding):
            for number, line in enumerate(_text_lines(fh, encoding), start=1):
                if line is None:
                    where = f"{path}:{number}"
                    reason = f"invalid {encoding}; the rest of the file is not read"
                    yield Record(where, error=Errors.E007.format(path=where, reason=reason))
                    return
                line = line.removeprefix("\ufeff")
                if line.strip(_BLANK):
                    yield from _jsonl_record(path, number, line, None)
            return
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
            text, error = _decode(raw, f"{path}:{number}")
            yield from _jsonl_record(path, number, text, error)
    except _CORRUPT as err:  # a compressed file that is corrupt or cut short
        where = f"{path}:{number + 1}" if number else path
        yield Record(where, error=Errors.E007.format(path=where, reason=_corrupt(err)))


def _corrupt(err: BaseException) -> str:
    return f"cannot be decompressed ({type(err).__name__}: {err})"


def _jsonl_record(path: str, number: int, text: str | None, error: str | None) -> Iterator[Record]:
    """The record of line ``number`` of a JSONL file: its text, or why it has none."""
    fallback = f"{path}:{number}"
    if error is not None or text is None:
        yield Record(fallback, error=error)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        reason = f"not JSON ({err.msg})"
        yield Record(fallback, error=Errors.E006.format(path=path, line=number, reason=reason))
        return
    if not isinstance(data, dict):
        reason = "expected a JSON object with 'id' and 'text'"
        yield Record(fallback, error=Errors.E006.format(path=path, line=number, reason=reason))
        return
    raw_id = data.get("id")
    doc_id = fallback if raw_id is None else str(raw_id)
    body = data.get("text")
    if not isinstance(body, str):
        reason = "no 'text' string" if body is None else "'text' is not a string"
        yield Record(doc_id, error=Errors.E006.format(path=path, line=number, reason=reason))
        return
    try:
        author = _author(data)
    except ValueError as err:
        yield Record(doc_id, error=Errors.E006.format(path=path, line=number, reason=err))
        return
    yield Record(doc_id, text=body, author=author)


def _compression(path: str) -> str | None:
    """The compression a file's name ends with (``.gz``, ``.bz2``, ``.xz``), or None."""
    lower = path.lower()
    return next((end for end in COMPRESSIONS if lower.endswith(end)), None)


def _name_without_compression(path: str) -> str:
    end = _compression(path)
    return (path[: -len(end)] if end else path).lower()


def _is_jsonl(path: str) -> bool:
    return _name_without_compression(path).endswith(".jsonl")


def _open(path: str) -> IO[bytes]:
    """The file, opened to read bytes, decompressed as it is read; the caller closes it."""
    end = _compression(path)
    if end == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    if end == ".bz2":
        return bz2.open(path, "rb")
    if end == ".xz":
        return lzma.open(path, "rb")
    return open(path, "rb")


def expand_inputs(inputs: Iterable[str], *, warn: bool = True) -> Iterator[tuple[str, str | None]]:
    """The files the inputs stand for: each input itself (``-`` too), or a directory's
    ``.txt`` and ``.jsonl`` files, each with the error that keeps it from being read (a
    directory that cannot be listed, or holds no such file).

    Args:
        inputs: paths, or ``-``.
        warn: warn [W005] about the files a directory holds that are not read.

    Yields:
        ``(path, None)``, or ``(path, error message)``.
    """
    for path in inputs:
        if path != "-" and os.path.isdir(path):
            yield from _directory(path, warn)
        else:
            yield path, None


def _directory(path: str, warn: bool) -> Iterator[tuple[str, str | None]]:
    """A directory's document files in path order, hidden ones left out."""
    files: list[str] = []
    others: list[str] = []
    failed: list[OSError] = []
    for root, dirs, names in os.walk(path, onerror=failed.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            kept = _name_without_compression(name).endswith(_DOCUMENT_FILES)
            (files if kept else others).append(full)
    for err in failed:
        where = str(err.filename or path)
        yield where, Errors.E007.format(path=where, reason=err.strerror or str(err))
    if others and warn:
        others.sort()
        named = ", ".join(others[:_LEFT_OUT_NAMED]) + (
            f" and {len(others) - _LEFT_OUT_NAMED:,} more" if len(others) > _LEFT_OUT_NAMED else ""
        )
        message = Warnings.W005.format(path=path, count=len(others), names=named)
        warnings.warn(message, QuoteattrWarning, stacklevel=outside_stacklevel())
    if not files and not failed:
        reason = "the directory holds no .txt or .jsonl file (compressed or not)"
        yield path, Errors.E007.format(path=path, reason=reason)
    for full in sorted(files):
        yield full, None


def read_inputs(
    inputs: list[str], stdin: IO[bytes] | None = None, *, encoding: str = "utf-8"
) -> Iterator[Record]:
    """Yields one Record per input document, in order.

    Args:
        inputs: paths; a ``.jsonl`` file holds one ``{"id", "text"}`` record a line (with
            an optional ``"author"``, also read from ``"meta"``), any other file is one
            document whose id is the path as given; a directory stands for its ``.txt``
            and ``.jsonl`` files (:func:`expand_inputs`); ``.gz``, ``.bz2`` and ``.xz``
            files are decompressed; ``-`` is standard input.
        stdin: the stream read for ``-`` (default: ``sys.stdin.buffer``).
        encoding: the text's encoding (:func:`check_encoding` checks a name first).

    Yields:
        Records; unreadable files and lines give records with ``error`` set.

    Warns:
        QuoteattrWarning: [W005] naming the files of a directory that are not read.
    """
    for path, problem in expand_inputs(inputs):
        if problem is not None:
            yield Record(path, error=problem)
            continue
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            text, error = _decode(stream.read(), "<stdin>", encoding)
            yield Record("-", text=text, error=error)
            continue
        try:
            if _is_jsonl(path):
                with _open(path) as fh:
                    yield from _read_jsonl(path, fh, encoding)
                continue
            with _open(path) as fh:
                raw = fh.read()
        except _CORRUPT as err:
            strerror = getattr(err, "strerror", None)
            reason = strerror or (_corrupt(err) if _compression(path) else str(err))
            yield Record(path, error=Errors.E007.format(path=path, reason=reason))
            continue
        text, error = _decode(raw, path, encoding)
        yield Record(path, text=text, error=error)


def count_records(inputs: list[str], *, encoding: str = "utf-8", limit: int = 2**30) -> int | None:
    """How many records :func:`read_inputs` will give, when that is cheap to know: a text
    file, standard input and a file that cannot be read are one each, and the lines of JSONL
    files are counted, up to ``limit`` bytes of them (decompressed) in all.

    Args:
        inputs: as :func:`read_inputs` takes them.
        encoding: as :func:`read_inputs` takes it (JSONL files in another encoding than
            UTF-8 are not counted).
        limit: the most bytes of JSONL read to count.

    Returns:
        the count, or None past ``limit`` or for a JSONL file that is not UTF-8.
    """
    total = 0
    left = limit
    for path, problem in expand_inputs(inputs, warn=False):
        if problem is not None or path == "-" or not _is_jsonl(path):
            total += 1
            continue
        if not _utf8(encoding):
            return None
        try:
            with _open(path) as fh:
                for raw in fh:
                    left -= len(raw)
                    if left < 0:
                        return None
                    total += sum(1 for piece in raw.splitlines() if piece.strip())
        except _CORRUPT:
            total += 1  # the file's error record
    return total


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
