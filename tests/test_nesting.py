"""Nesting: attributions inside another one's content, checked against the definition."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from quoteattr.core.cues import CueMatch
from quoteattr.core.findings import Finding
from quoteattr.core.nesting import held_in_mixed, outermost, prior_confidence
from quoteattr.model import CueCategory, QuoteKind, Rule, SpeakerKind

from .conftest import EN_VOCAB

_WORDS = 80
_DOC = Doc(EN_VOCAB, words=["w"] * _WORDS)  # token i starts at character 2 * i
_MARGIN = 0.25


def _nested_by_definition(findings: list[Finding]) -> list[Finding]:
    """The nesting rule as written down: a finding that is no direct quote, whose cue lies in
    a content part of a finding that is not a news agency's report and that is at most 0.25
    less sure, is dropped (every cue against every part)."""
    sure = [prior_confidence(f) for f in findings]
    parts = [
        (p, c)
        for f, c in zip(findings, sure, strict=True)
        if not (f.cue is not None and f.cue.lemma == "report")
        for p in f.parts
    ]

    def nested(f: Finding, c: float) -> bool:
        if f.kind == QuoteKind.DIRECT or f.cue is None:
            return False
        at = _DOC[f.cue.start].idx
        return any(s <= at < e and other >= c - _MARGIN for (s, e), other in parts)

    return [f for f, c in zip(findings, sure, strict=True) if not nested(f, c)]


@st.composite
def _finding(draw: st.DrawFn) -> Finding:
    kind = draw(st.sampled_from(list(QuoteKind)))
    rule = draw(st.sampled_from([Rule.CCOMP, Rule.NOUN, Rule.FRONTED, Rule.GOVERNOR]))
    cue_at = draw(st.integers(0, _WORDS - 1))
    lemma = draw(st.sampled_from(["say", "report", "claim"]))
    category = CueCategory.REPORT if lemma == "report" else CueCategory.SPEECH
    cue = CueMatch(cue_at, cue_at + 1, cue_at, lemma, category) if draw(st.booleans()) else None
    starts = sorted(draw(st.lists(st.integers(0, 2 * _WORDS - 2), min_size=1, max_size=3)))
    parts = [(s, s + draw(st.integers(1, 40))) for s in starts]
    speaker = (0, 1) if draw(st.booleans()) else None
    mention = draw(st.sampled_from(list(SpeakerKind)))
    return Finding(kind, parts, cue, speaker, rule, mention_kind=mention)


@settings(max_examples=300, deadline=None)
@given(st.lists(_finding(), max_size=25))
def test_outermost_drops_what_the_definition_drops(findings: list[Finding]) -> None:
    """The sweep keeps exactly the findings the every-cue-against-every-part rule keeps."""
    assert outermost(_DOC, findings) == _nested_by_definition(findings)


def test_a_surer_outer_part_hides_an_inner_cue_among_many_parts() -> None:
    """'Diplomats said Turkey fears ...': the cue of 'fears' inside the diplomats' clause is
    dropped, while an unrelated part that ended before it does not count."""
    say = CueMatch(0, 1, 0, "say", CueCategory.SPEECH)
    fear = CueMatch(10, 11, 10, "fear", CueCategory.BELIEF)
    early = Finding(QuoteKind.INDIRECT, [(0, 4)], None, None, Rule.CCOMP)
    outer = Finding(
        QuoteKind.INDIRECT, [(6, 60)], say, (0, 1), Rule.CCOMP, mention_kind=SpeakerKind.UNNAMED
    )
    inner = Finding(
        QuoteKind.INDIRECT, [(22, 60)], fear, (8, 9), Rule.CCOMP, mention_kind=SpeakerKind.PERSON
    )
    assert outermost(_DOC, [early, outer, inner]) == [early, outer]


def test_a_mixed_clause_after_its_cue_holds_the_quotation_of_that_cue() -> None:
    """'Ryan said that “we need data” about the FBI': one quote, the mixed clause; the
    quotation the same cue governs is dropped. Not a quotation of another cue, nor one a
    mixed content that runs over its own cue holds (a parse gone wrong)."""
    say = CueMatch(1, 2, 1, "say", CueCategory.SPEECH)  # token 1: character 2
    add = CueMatch(20, 21, 20, "add", CueCategory.SPEECH)
    clause = Finding(QuoteKind.MIXED, [(4, 40)], say, (0, 1), Rule.CCOMP)
    quotation = Finding(QuoteKind.DIRECT, [(10, 20)], say, (0, 1), Rule.GOVERNOR)
    other = Finding(QuoteKind.DIRECT, [(22, 30)], add, (0, 1), Rule.GOVERNOR)
    assert held_in_mixed(_DOC, [clause, quotation, other]) == [clause, other]
    over_cue = Finding(QuoteKind.MIXED, [(0, 40)], say, (0, 1), Rule.FRONTED)
    assert held_in_mixed(_DOC, [over_cue, quotation]) == [over_cue, quotation]
    before_cue = attrs.evolve(clause, parts=[(0, 40)])
    assert held_in_mixed(_DOC, [before_cue, quotation]) == [before_cue, quotation]
