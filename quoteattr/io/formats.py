"""Output formats: JSON Lines, JSON, CSV and a readable who-said-what table.

Every writer takes plain data, ``(doc_id, quotes or error)`` results, and returns a string.
The HTML page (``html``) lives in :mod:`quoteattr.io.html`, as it needs each document's text
too. :func:`quote_row` is the one flattening of a quote into columns: the CSV output, the HTML
table and :func:`quoteattr.to_dataframe` all use it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Quote

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "Result",
    "quote_row",
    "render_csv",
    "render_json",
    "render_jsonl",
    "render_table",
]

#: One input document's outcome: its id, and its quotes or an error message.
Result = tuple[str, Sequence[Quote] | str]

FORMATS = ("table", "jsonl", "json", "csv", "html")

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


def _record(doc_id: str, outcome: Sequence[Quote] | str) -> dict[str, Any]:
    if isinstance(outcome, str):
        return {"id": doc_id, "error": outcome}
    return {"id": doc_id, "quotes": [q.to_dict() for q in outcome]}


def render_jsonl(results: Iterable[Result]) -> Iterable[str]:
    """Yields one JSON line (with its newline) per document: ``{"id", "quotes"}`` or
    ``{"id", "error"}``."""
    for doc_id, outcome in results:
        yield json.dumps(_record(doc_id, outcome), ensure_ascii=False) + "\n"


def render_json(results: Iterable[Result]) -> str:
    """Returns one JSON array of the records that :func:`render_jsonl` writes."""
    records = [_record(doc_id, outcome) for doc_id, outcome in results]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def render_csv(results: Iterable[Result]) -> Iterable[str]:
    """Yields CSV text: a header, then a row per quote, and a row per failed document."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc_id, outcome in results:
        if isinstance(outcome, str):
            writer.writerow({"doc_id": doc_id, "error": outcome})
        else:
            for i, q in enumerate(outcome):
                writer.writerow(quote_row(doc_id, i, q))
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
    """Yields a readable who-said-what table, one block per document."""
    for doc_id, outcome in results:
        if isinstance(outcome, str):
            yield f"{doc_id}: ERROR {outcome}\n\n"
            continue
        lines = [f"{doc_id}: {len(outcome)} quote{'s' if len(outcome) != 1 else ''}"]
        for q in outcome:
            who = q.speaker.name if q.speaker else "?"
            kind = q.speaker.kind.value if q.speaker else "-"
            cue = q.cue.text if q.cue else "-"
            lines.append(
                f"  {who} ({kind}) [{cue}] {q.kind.value} {q.start}-{q.end} conf {q.confidence:.2f}"
            )
            lines.append(f"      {_clip(q.content, width)}")
        yield "\n".join(lines) + "\n\n"
