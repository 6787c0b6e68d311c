"""Profiles: which findings count as quotes, and how they split (:class:`~quoteattr.model.Profile`).

``claims`` keeps every finding. ``quotes`` keeps what someone said or wrote: quote-marked
quotations, each pair of marks a quote of its own ("“A,” she said. “B.”" is two quotes of one
attribution), and reported speech whose content is a clause ("said that ...", "..., she
said", "according to X, ..."), by a speech or writing cue, not negated ("has not said he
would run") and not a question ("asked whether he would run"). Content that is no clause
counts when it quotes the speaker's words (a mixed quote: 'Ford called the plan “a
disaster”'). Beliefs, intentions, reports and stances ("thinks", "plans to", "the study
found", "endorsed Cruz") are claims, not quotes.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc

from ..model import Profile, QuoteKind
from ..model.kinds import CLAUSAL_RULES, QUESTION_WORDS, SAID_CATEGORIES
from .findings import Finding

__all__ = ["select"]


def select(doc: Doc, findings: list[Finding], profile: Profile) -> list[Finding]:
    """The findings that are quotes under ``profile``, split as it counts them.

    Args:
        doc: the Doc the findings come from.
        findings: the findings in text order, their attributions numbered.
        profile: what counts as a quote.

    Returns:
        the findings to assemble, in text order.
    """
    if profile == Profile.CLAIMS:
        return findings
    out: list[Finding] = []
    for f in findings:
        if f.kind == QuoteKind.DIRECT:
            # One quote per pair of quote marks; the pieces keep their attribution.
            out.extend(attrs.evolve(f, parts=[part]) for part in f.parts)
        elif _said_clause(doc, f) or (f.kind == QuoteKind.MIXED and _said(doc, f)):
            out.append(f)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _said_clause(doc: Doc, f: Finding) -> bool:
    """True for reported speech or writing whose content is a clause: not negated, not a
    question."""
    if f.rule not in CLAUSAL_RULES or not _said(doc, f):
        return False
    first = doc.char_span(f.start, f.end, alignment_mode="expand")
    return first is None or not len(first) or first[0].lower_ not in QUESTION_WORDS


def _said(doc: Doc, f: Finding) -> bool:
    """True for a speech or writing cue that is not negated: "has not said he would run"
    states nothing."""
    if f.cue is None or f.cue.category not in SAID_CATEGORIES:
        return False
    return not any(c.dep_ == "neg" for c in doc[f.cue.head].children)
