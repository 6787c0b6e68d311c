"""The ``evaluate`` command as a function: a gold and a predictions file in, the scores out.

Documents are paired by id, as they are written. ``quoteattr extract`` names a text file's
document by its path as typed, so predictions made from another folder (``../articles/a.txt``
against a gold id ``articles/a.txt``) pair with nothing; rather than print zeros, the command
refuses ([E036]) and, when the file names agree, says to pair by them (``match_names``:
:func:`file_name`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import Errors, QuoteattrError
from ..evaluate import format_table, score
from .sanitize import terminal

__all__ = ["by_file_name", "file_name", "read_jsonl", "run_evaluate"]

# A document's file name: the last part of a path (either slash), without the endings of the
# files quoteattr extract reads as one document: ".txt", and a compression's.
_LAST_PART = re.compile(r"[^/\\]*$")
_ENDINGS = re.compile(r"(\.txt)?(\.(gz|bz2|xz))?$", re.IGNORECASE)
#: How many gold ids without a prediction the warning names.
_MISSING_NAMED = 3


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Reads a JSONL file of objects.

    Raises:
        QuoteattrError: [E006] for a line that is not JSON or not UTF-8.
        OSError: when the file cannot be read.
    """
    out = []
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                reason = f"invalid UTF-8 at byte {err.start}"
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=reason)
                ) from None
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                reason = f"not JSON ({err.msg})"
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=reason)
                ) from None
    return out


def file_name(doc_id: str) -> str:
    """The file name a document id holds: its last path part, without ``.txt`` or a
    compression's ending (``../articles/AP-1.txt.gz`` and ``polnear/AP-1`` are both
    ``AP-1``)."""
    match = _LAST_PART.search(doc_id)
    last = match.group() if match else doc_id
    return _ENDINGS.sub("", last, count=1) or last


def by_file_name(docs: Iterable[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The documents with their ids replaced by their :func:`file_name`.

    Args:
        docs: gold or predicted documents (a document without an id is left as it is, for
            the scorer to refuse).
        which: "gold" or "predictions", for the error.

    Raises:
        QuoteattrError: [E038] when two documents have the same file name.
    """
    seen: dict[str, str] = {}
    out = []
    for doc in docs:
        if not isinstance(doc, dict) or "id" not in doc:
            out.append(doc)
            continue
        doc_id = str(doc["id"])
        name = file_name(doc_id)
        if name in seen:
            raise QuoteattrError(
                Errors.E038.format(first=seen[name], second=doc_id, which=which, name=name)
            )
        seen[name] = doc_id
        out.append({**doc, "id": name})
    return out


def _ids(docs: list[dict[str, Any]]) -> list[str]:
    return [str(d["id"]) for d in docs if isinstance(d, dict) and "id" in d]


def _some(ids: list[str], which: str) -> str:
    """``"840 gold ids, such as 'polnear/a'"``, or ``"no gold document"``."""
    if not ids:
        return f"no {which} document"
    return f"{len(ids):,} {which} ids, such as {ids[0]!r}"


def run_evaluate(
    gold_path: str,
    pred_path: str,
    *,
    kinds: list[str] | None = None,
    match_names: bool = False,
    as_json: bool = False,
    stdout: IO[str],
    stderr: IO[str],
) -> int:
    """Runs ``quoteattr evaluate``: prints the scores, returns the exit status (0).

    Args:
        gold_path: gold JSONL (``id``, ``text``, ``quotes``).
        pred_path: predictions JSONL as ``quoteattr extract --format jsonl`` writes it.
        kinds: score only these quote kinds.
        match_names: pair documents by :func:`file_name` rather than by id.
        as_json: print the summary as JSON rather than the table.
        stdout: where the scores go.
        stderr: where a note about gold documents without a prediction goes.

    Returns:
        0.

    Raises:
        QuoteattrError: [E006] for a line that is not JSON; [E003] for a malformed document;
            [E036] when no gold document has a prediction; [E037] for an unknown kind;
            [E038] for two documents of one file with the same file name.
        OSError: when a file cannot be read.
    """
    gold = read_jsonl(gold_path)
    pred = read_jsonl(pred_path)
    if match_names:
        gold, pred = by_file_name(gold, "gold"), by_file_name(pred, "predictions")
    scores = score(gold, pred, kinds=kinds)  # [E037] for an unknown kind, first
    if scores.docs_missing == scores.docs:
        gold_ids, pred_ids = _ids(gold), _ids(pred)
        if not match_names and {file_name(i) for i in gold_ids} & {file_name(i) for i in pred_ids}:
            hint = (
                "Their file names agree: pair them by file name with --match-names (ids are "
                "the paths as typed, so a run from another folder gives other ids)."
            )
        else:
            hint = "Are both files about the same documents?"
        raise QuoteattrError(
            Errors.E036.format(
                gold=_some(gold_ids, "gold"), pred=_some(pred_ids, "predicted"), hint=hint
            )
        )
    if scores.docs_missing:
        named = ", ".join(repr(i) for i in scores.missing_ids[:_MISSING_NAMED])
        more = ", ..." if scores.docs_missing > _MISSING_NAMED else ""
        stderr.write(
            terminal(
                f"quoteattr: warning: {scores.docs_missing:,} of {scores.docs:,} gold documents "
                f"have no prediction and count as predicting no quote: {named}{more}"
            )
            + "\n"
        )
    if as_json:
        stdout.write(json.dumps(scores.to_dict(), indent=1) + "\n")
    else:
        stdout.write(format_table(scores) + "\n")
    return 0
