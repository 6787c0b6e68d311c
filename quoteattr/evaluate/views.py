"""The development view of the ``quotes`` profile, derived from PolNeAR's gold.

PolNeAR annotates every attribution: beliefs, intentions, reports, objects of stance verbs.
A newsroom counting its sources wants quotes: what someone said or wrote. The view keeps a
gold attribution when

- its cue is a speech or writing cue (``categorize`` gives its category; quoteattr's
  shipped lexicon by default in ``benchmarks/quotes_view.py``), or it is a direct quote whose
  cue the lexicon does not know (quote marks make it a quotation whatever its verb);
- its content is quoted (direct, mixed) or a clause with a finite verb (``is_clause``):
  "said the plan failed", not "urged them to act" or "endorsed Cruz";
- its cue is not negated ("did not say", "never said") and its content is no indirect
  question ("asked whether ..."), which no reader counts as a quote;

and splits a direct quote at its quotation-mark pairs: “A,” she said, “B.” is two quotes.
A quote is direct when every piece of its content opens with a quote mark, whatever the
gold's ``kind`` says: the corpus derived its kinds from curly and straight marks only, so the
New York Times' doubled apostrophes (''We won,'' he said) came out "indirect".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..model import CueCategory

__all__ = ["quotes_view"]

_SAID = frozenset({CueCategory.SPEECH, CueCategory.WRITING})
_NEGATION = re.compile(r"\b(?:not|never|n['’]t)\b", re.IGNORECASE)
_OPENING = ("“", '"', "''", "‘", "«", "„", "‹")
_QUESTION_START = re.compile(
    r"^\W*(?:whether|if|who|whom|whose|what|when|where|why|how|which)\b", re.IGNORECASE
)


def quotes_view(
    doc: Mapping[str, Any],
    categorize: Callable[[str], CueCategory | None],
    is_clause: Callable[[str], bool],
) -> dict[str, Any]:
    """A gold document with only its quotes, as the ``quotes`` profile counts them.

    Args:
        doc: a gold document (``id``, ``text``, ``quotes`` in the corpus schema).
        categorize: the category of a cue's text ("said" -> speech), None when unknown.
        is_clause: whether a content's text is a clause with a finite verb.

    Returns:
        a copy of the document whose ``quotes`` are the view's.
    """
    text = doc["text"]
    kept = []
    for q in doc.get("quotes") or ():
        cue = q.get("cue")
        cue_text = text[cue[0] : cue[1]] if cue else ""
        spans = q.get("content_spans") or [q["content"]]
        if all(text[s:e].lstrip().startswith(_OPENING) for s, e in spans):
            kind = "direct"
        else:
            kind = q.get("kind")
        category = categorize(cue_text) if cue_text else None
        if category not in _SAID and not (kind == "direct" and category is None):
            continue
        if _NEGATION.search(cue_text):
            continue
        start, end = q["content"]
        content = text[start:end]
        if kind == "indirect" and (not is_clause(content) or _QUESTION_START.match(content)):
            continue
        if kind == "direct":
            for s, e in spans:
                kept.append({**q, "kind": kind, "content": [s, e], "content_spans": [[s, e]]})
            continue
        kept.append(dict(q))
    return {**doc, "quotes": kept}
