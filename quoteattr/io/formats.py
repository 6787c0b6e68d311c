"""Output formats: JSON Lines, JSON, CSV and a readable who-said-what table.

Every writer takes plain data, ``(doc_id, quotes or error)`` results, and yields strings, a
document at a time. The HTML page (``html``) lives in :mod:`quoteattr.io.html`, as it needs
each document's text too. :func:`quote_row` is the one flattening of a quote into columns: the
CSV output, the HTML table and :func:`quoteattr.to_dataframe` all use it.

Nothing a document holds can stop a writer (:mod:`quoteattr.io.sanitize`): a lone surrogate in
an id is written as JSON's ``\\ud800`` escape in JSON Lines and JSON (it reads back as the same
string) and as the text ``\\ud800`` in CSV and the table; CSV cells that a spreadsheet would
run as formulas start with an apostrophe; the table escapes control characters.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import Errors, QuoteattrError
from ..model import Quote
from ..texts import SURROGATE
from .sanitize import spreadsheet, terminal

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_TITLE",
    "EXTENSIONS",
    "FORMATS",
    "Result",
    "json_line",
    "output_format",
    "quote_row",
    "render_csv",
    "render_json",
    "render_jsonl",
    "render_table",
]

#: One input document's outcome: its id, and its quotes or an error message.
Result = tuple[str, Sequence[Quote] | str]


FORMATS = ("table", "jsonl", "json", "csv", "html")
#: The HTML page's title and heading unless one is given (:mod:`quoteattr.io.html`).
DEFAULT_TITLE = "quoteattr: who said what"

#: The format an output file's extension means (``-o out.csv`` writes CSV).
EXTENSIONS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html"}


def output_format(
    chosen: str | None,
    output: str | None,
    *,
    choices: Sequence[str] = FORMATS,
    default: str = "table",
) -> str:
    """The format to write: the one chosen, else the one the output's extension means
    (:data:`EXTENSIONS`, among ``choices``), else ``default``.

    Args:
        chosen: the format asked for (``--format``), or None.
        output: the output path (``--output``), or None for standard output.
        choices: the formats the command writes.
        default: the format without a choice or a known extension.

    Returns:
        the format.

    Raises:
        QuoteattrError: [E034] when the format chosen is not the one the extension means
            (``--format table -o out.csv`` would write a table into a .csv file).
    """
    inferred = None
    if output is not None:
        suffix = os.path.splitext(output)[1].lower()
        inferred = EXTENSIONS.get(suffix)
        if inferred not in choices:
            inferred = None
    if chosen is None:
        return inferred or default
    if inferred is not None and chosen != inferred:
        raise QuoteattrError(Errors.E034.format(format=chosen, output=output, inferred=inferred))
    return chosen


CSV_COLUMNS = (
    "doc_id",
    "quote_index",
    "attribution",
    "kind",
    "speaker",
    "speaker_kind",
    "speaker_gender",
    "gender_evidence",
    "role",
    "organization",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "cue_category",
    "cue_start",
    "cue_end",
    "start",
    "end",
    "text",
    "context",
    "confidence",
    "error",
)


def quote_row(doc_id: str | None, index: int, quote: Quote) -> dict[str, Any]:
    """Flattens one quote into the columns of :data:`CSV_COLUMNS` (``error`` is None).

    Args:
        doc_id: the document's id (None when it has none).
        index: the quote's 0-based position in its document.
        quote: the quote.
    """
    sp, cue = quote.speaker, quote.cue
    mention = sp.mention if sp is not None else None
    return {
        "doc_id": doc_id,
        "quote_index": index,
        "attribution": quote.attribution,
        "kind": quote.kind.value,
        "speaker": sp.name if sp else None,
        "speaker_kind": sp.kind.value if sp else None,
        "speaker_gender": sp.gender.value if sp else None,
        "gender_evidence": sp.gender_evidence if sp else None,
        "role": sp.role if sp else None,
        "organization": sp.organization if sp else None,
        "mention": mention.text if mention else None,
        "mention_start": mention.start if mention else None,
        "mention_end": mention.end if mention else None,
        "cue": cue.text if cue else None,
        "cue_category": cue.category.value if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "context": quote.context.text if quote.context is not None else None,
        "confidence": quote.confidence,
        "error": None,
    }


def _result_record(doc_id: str, outcome: Sequence[Quote] | str) -> dict[str, Any]:
    if isinstance(outcome, str):
        return {"id": doc_id, "error": outcome}
    return {"id": doc_id, "quotes": [q.to_dict() for q in outcome]}


def json_line(data: object, indent: int | None = None) -> str:
    """``data`` as JSON, non-ASCII text as it is, except a lone surrogate, which UTF-8 cannot
    encode: it is written as JSON's escape (``\\ud800``), which reads back as the same
    string."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if SURROGATE.search(text) is not None:
        # A raw surrogate can only be inside a JSON string, where its escape means the same.
        text = SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def render_jsonl(results: Iterable[Result]) -> Iterable[str]:
    """Yields one JSON line (with its newline) per document: ``{"id", "quotes"}`` or
    ``{"id", "error"}``."""
    for doc_id, outcome in results:
        yield json_line(_result_record(doc_id, outcome)) + "\n"


def render_json(results: Iterable[Result]) -> Iterable[str]:
    """Yields one JSON array of the records that :func:`render_jsonl` writes, a record at a
    time (the text of ``json.dumps(records, ensure_ascii=False, indent=2)``)."""
    first = True
    for doc_id, outcome in results:
        # A record nested one level down: every line of it indented by two more spaces
        # (JSON strings hold no raw newline, so only the layout's newlines are touched).
        record = json_line(_result_record(doc_id, outcome), indent=2).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + record
        first = False
    yield "[]\n" if first else "\n]\n"


def _cells(row: dict[str, Any]) -> dict[str, Any]:
    return {k: spreadsheet(v) if isinstance(v, str) else v for k, v in row.items()}


def render_csv(results: Iterable[Result]) -> Iterable[str]:
    """Yields CSV text: a header, then a row per quote, a row with only the id for a document
    without quotes, and a row with the id and the error for a failed document.

    Text cells that a spreadsheet would take for a formula start with an apostrophe, and
    lone surrogates are escaped (:func:`quoteattr.io.sanitize.spreadsheet`).
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc_id, outcome in results:
        if isinstance(outcome, str):
            writer.writerow(_cells({"doc_id": doc_id, "error": outcome}))
        elif not outcome:
            writer.writerow(_cells({"doc_id": doc_id}))
        else:
            for i, q in enumerate(outcome):
                writer.writerow(_cells(quote_row(doc_id, i, q)))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    rest = buf.getvalue()
    if rest:
        yield rest


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(results: Iterable[Result], width: int = 100) -> Iterable[str]:
    """Yields a readable who-said-what table, one block per document.

    It is meant for a terminal: control characters, direction overrides and lone surrogates
    in ids, names, cues, quotes and errors are shown escaped
    (:func:`quoteattr.io.sanitize.terminal`).
    """
    for doc_id, outcome in results:
        name = terminal(doc_id)
        if isinstance(outcome, str):
            yield f"{name}: ERROR {terminal(outcome)}\n\n"
            continue
        lines = [f"{name}: {len(outcome)} quote{'s' if len(outcome) != 1 else ''}"]
        for q in outcome:
            who = terminal(q.speaker.name) if q.speaker else "?"
            kind = q.speaker.kind.value if q.speaker else "-"
            cue = terminal(q.cue.text) if q.cue else "-"
            lines.append(
                f"  {who} ({kind}) [{cue}] {q.kind.value} {q.start}-{q.end} conf {q.confidence:.2f}"
            )
            lines.append(f"      {terminal(_clip(q.content, width))}")
        yield "\n".join(lines) + "\n\n"
