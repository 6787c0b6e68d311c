"""How attributions sit inside quote marks and inside each other.

Reported content is widened so that a pair of quote marks is never cut in two
(:func:`snap`); reported content that is mostly a direct quote is that quote's attribution
already (:func:`mostly_quoted`); an attribution nested in another one's content is part of
what the outer source said (:func:`outermost`); a quotation a mixed quote of the same cue
holds is part of that quote (:func:`held_in_mixed`).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import CueCategory, QuoteKind, Rule, SpeakerKind
from .confidence import confidence
from .findings import Finding
from .layout import Ranges
from .marks import MarkedQuote

__all__ = ["held_in_mixed", "marked_ranges", "mostly_quoted", "outermost", "snap"]

# How much less sure an outer attribution may be and still hide one nested in its content.
_NESTING_MARGIN = 0.25


def _is_report(f: Finding) -> bool:
    return f.cue is not None and f.cue.category == CueCategory.REPORT and f.cue.lemma == "report"


def prior_confidence(f: Finding) -> float:
    """The confidence of a finding from its rule and its mention's own kind, before
    resolution: what nesting weighs one attribution against another with. An attribution
    with a cue but no source ("it was revealed that ...", "the tensions seem to ...") weighs
    as one whose source is unknown: its content is still what it reports."""
    if f.speaker is None and f.cue is not None:
        return confidence(f.kind, f.rule, SpeakerKind.UNKNOWN)
    return confidence(f.kind, f.rule, f.mention_kind if f.speaker is not None else None)


def outermost(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """Drops attributions nested in the content of another one.

    "Diplomats said Turkey fears the mission will grow" is one attribution (the diplomats'),
    not two: what Turkey fears is part of what the diplomats said. News annotation (PolNeAR)
    marks the outer one only, and so does quoteattr.

    Args:
        doc: the Doc the findings come from.
        findings: the findings, with their mention kinds.
    """
    # A weak outer attribution (a noun cue at 0.49) does not hide a surer inner one (a
    # complement clause at 0.84): the tolerance was chosen on the development set.
    # A news report of what someone said keeps both: "Mattis sent a letter calling for a
    # mission, Reuters reported" attributes the report to Reuters and the call to Mattis.
    sure = [prior_confidence(f) for f in findings]
    parts = sorted(
        (s, e, c)
        for f, c in zip(findings, sure, strict=True)
        if not _is_report(f)
        for s, e in f.parts
    )
    cues = sorted(
        (doc[f.cue.start].idx, k)
        for k, f in enumerate(findings)
        if f.kind != QuoteKind.DIRECT and f.cue is not None
    )
    # One sweep over the cues in text order: the surest content part that holds each cue,
    # from a heap of the parts begun so far (a part is dropped once it ends before a cue),
    # instead of every cue against every part, which took a 48,000-word text 11 times
    # longer per word than 64 articles.
    nested = set()
    begun: list[tuple[float, int]] = []  # (-confidence, end) of the parts begun
    p = 0
    for at, k in cues:
        while p < len(parts) and parts[p][0] <= at:
            heapq.heappush(begun, (-parts[p][2], parts[p][1]))
            p += 1
        while begun and begun[0][1] <= at:
            heapq.heappop(begun)
        if begun and -begun[0][0] >= sure[k] - _NESTING_MARGIN:
            nested.add(k)
    return [f for k, f in enumerate(findings) if k not in nested]


def marked_ranges(top: Sequence[MarkedQuote]) -> Ranges:
    """The character ranges of the top-level quote-mark pairs, for :func:`snap`: built once
    per document, not once per finding."""
    return Ranges((q.start, q.end) for q in top)


def snap(parts: list[tuple[int, int]], marked: Ranges) -> list[tuple[int, int]]:
    """Widens content parts so that a quote mark pair is never cut in two.

    The parse leaves the closing mark of "called it “a disaster.”" outside the object's
    subtree; the content is 'it “a disaster.”', marks and all.

    Args:
        parts: character ranges of the content.
        marked: the document's top-level quote-mark pairs (they never overlap), from
            :func:`marked_ranges`.
    """
    snapped = []
    for s, e in parts:
        q = _strictly_inside(marked, s)
        if q is not None and q[1] <= e:
            s = q[0]
        q = _strictly_inside(marked, e)
        if q is not None and q[0] >= s:
            e = q[1]
        snapped.append((s, e))
    out: list[tuple[int, int]] = []
    for s, e in sorted(snapped):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _strictly_inside(marked: Ranges, x: int) -> tuple[int, int] | None:
    """The pair with ``start < x < end``: a cut at ``x`` would split it."""
    q = marked.at(x)
    return q if q is not None and q[0] < x else None


def mostly_quoted(
    parts: list[tuple[int, int]], quoted: list[tuple[int, int]], ends: list[int]
) -> bool:
    """True when direct-quote parts (sorted, disjoint; ``ends`` their ends) cover over half."""
    size = sum(e - s for s, e in parts)
    covered = 0
    for s, e in parts:
        i = bisect.bisect_right(ends, s)
        while i < len(quoted) and quoted[i][0] < e:
            covered += max(0, min(e, quoted[i][1]) - max(s, quoted[i][0]))
            i += 1
    return size == 0 or covered > 0.5 * size


def held_in_mixed(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """Drops each direct quote that a mixed complement clause of the same cue holds whole.

    In 'Ryan said that “we need more information” about how the FBI came to it', Ryan said
    one thing: the that-clause after the cue with the quotation mixed into it, not the clause
    and then the quotation again. Only a clause after its cue: a content that runs over the
    cue is a parse gone wrong, and the quotation is surer.
    """
    mixed: dict[int, list[Finding]] = {}
    for f in findings:
        cue = f.cue
        clause = f.kind == QuoteKind.MIXED and f.rule == Rule.CCOMP
        if clause and cue is not None and doc[cue.start].idx < f.start:  # after its cue
            mixed.setdefault(cue.start, []).append(f)
    if not mixed:
        return findings
    return [
        f
        for f in findings
        if f.kind != QuoteKind.DIRECT
        or f.cue is None
        or not any(m.start <= f.start and f.end <= m.end for m in mixed.get(f.cue.start, ()))
    ]
