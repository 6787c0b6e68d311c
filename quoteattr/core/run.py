"""The stages wired in order: a parsed Doc in, its quotes out.

1. quote marks are paired on the raw text (:mod:`~quoteattr.core.marks`);
2. 3. 4. direct quotes and reported speech become findings (:mod:`~quoteattr.core.content`,
   :mod:`~quoteattr.core.direct`, :mod:`~quoteattr.core.reported`), each with its cue
   (:mod:`~quoteattr.core.cues`);
5. each speaker mention gets its kind (:mod:`~quoteattr.core.mentions`), and attributions
   nested in another one's content are dropped (:mod:`~quoteattr.core.nesting`);
6. the mentions are resolved to entities (:mod:`~quoteattr.core.resolve`), and the writer's
   "I" to the byline's writer (:mod:`~quoteattr.core.bylines`);
7. 8. each finding becomes its Quote, with its confidence (:mod:`~quoteattr.core.assemble`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import attrs
from spacy.tokens import Doc

from ..errors import (
    Errors,
    QuoteattrError,
    QuoteattrWarning,
    Warnings,
    of_document,
    outside_stacklevel,
)
from ..model import Profile, Quote, SpeakerKind
from . import marks
from .assemble import assemble
from .bylines import Probe, author_name, writers_i
from .content import direct_candidates
from .direct import attribute_direct
from .findings import Finding, Resolution
from .layout import Layout, Ranges, span_of
from .lexicon import Lexicons, default_lexicons
from .marks import MarkedQuote, MarkProblem
from .mentions import person_surnames, speaker_kind
from .nesting import held_in_mixed, outermost
from .profiles import select
from .reported import reported_findings
from .resolve import Resolver, quotations, resolve_findings
from .structure import non_prose

__all__ = ["Found", "extract_doc", "find", "profile_of", "resolve", "resolve_mentions"]


@attrs.frozen
class Found:
    """What stages 1 to 5 found in a Doc: its layout, its quote marks and its findings
    (nested ones dropped, in text order), speakers not yet resolved."""

    layout: Layout
    pairs: list[MarkedQuote]
    problems: list[MarkProblem]
    findings: list[Finding]
    # The character ranges that are no running prose (datelines, link lines, captions):
    # no speaker and no antecedent is found there.
    outside: list[tuple[int, int]] = attrs.field(factory=list)
    # The surnames of the document's PERSON entities (:func:`person_surnames`), read once
    # for the mention kinds here and for the resolver's groups of names.
    surnames: frozenset[str] = frozenset()


def find(doc: Doc, lexicons: Lexicons, *, doc_id: str | None = None, start: int = 0) -> Found:
    """Runs stages 1 to 5 on a parsed, non-empty Doc.

    Warns [W001] and [W002] (:class:`~quoteattr.errors.QuoteattrWarning`) for quote marks
    that cannot be paired, at the first line outside quoteattr and spaCy (the user's call),
    naming ``doc_id`` when given and the offset in the whole document (``start`` plus the
    offset in the Doc).
    """
    layout = Layout(doc)  # reads doc.text once: spaCy rebuilds it on every access
    pairs, problems = marks.find_quotes(layout.text)
    for p in problems:
        template = Warnings.W001 if p.code == "W001" else Warnings.W002
        message = template.format(
            mark=p.mark, offset=start + p.offset, context=p.context, doc=of_document(doc_id)
        )
        warnings.warn(message, QuoteattrWarning, stacklevel=outside_stacklevel())
    top = [p for p in pairs if p.depth == 0]
    outside = non_prose(layout.text, lexicons.boilerplate, layout.paragraphs)
    no_prose = Ranges(outside)
    candidates, _fragments = direct_candidates(layout, top, lexicons.cues)
    findings = attribute_direct(
        doc,
        layout,
        candidates,
        lexicons.cues,
        lexicons.not_sources,
        lexicons.speaker_words(),
        no_prose,
    )
    findings += reported_findings(doc, layout, lexicons, findings, top)
    findings = held_in_mixed(doc, findings)
    findings = _in_prose(layout.token_starts, findings, no_prose)
    surnames = person_surnames(doc, layout.entities)
    for f in findings:
        if f.speaker is not None:
            mention = span_of(doc, *f.speaker)
            f.mention_kind = speaker_kind(mention, surnames, lexicons.bodies)
    findings = outermost(doc, findings)
    findings.sort(key=lambda f: (f.start, f.end))
    for number, f in enumerate(findings):
        f.attribution = number
    return Found(layout, pairs, problems, findings, outside, surnames)


def _in_prose(starts: list[int], findings: list[Finding], outside: Ranges) -> list[Finding]:
    """The findings whose cue and content are prose, their speakers too: "READ MORE: Trump
    says ..." is a link, and "WASHINGTON" of a dateline no speaker (:mod:`.structure`).
    A quote continued into a line that is no prose loses that part: after '“This is about
    keeping them in their homes.”', the video link "Click to play video: 'Tenants rally'"
    is nobody's words. ``starts`` are the tokens' character offsets
    (:attr:`~quoteattr.core.layout.Layout.token_starts`)."""
    kept = []
    for f in findings:
        if f.cue is not None and outside.holds(starts[f.cue.start]):
            continue
        parts = [(s, e) for s, e in f.parts if not outside.holds(s)]
        if not parts:
            continue
        f.parts = parts
        if f.speaker is not None and outside.holds(starts[f.speaker[0]]):
            f.speaker = None
        kept.append(f)
    return kept


def extract_doc(
    doc: Doc,
    lexicons: Lexicons | None = None,
    *,
    author: str | Sequence[str] | None = None,
    profile: Profile | str = Profile.CLAIMS,
    doc_id: str | None = None,
    start: int = 0,
) -> list[Quote]:
    """Finds the quotes of a parsed Doc.

    Args:
        doc: a Doc with a dependency parse.
        lexicons: the cues and word lists (default: the shipped ones,
            :meth:`~quoteattr.core.lexicon.Lexicons.default`).
        profile: what counts as a quote (:class:`~quoteattr.model.Profile`): ``claims``
            (every attributed statement, belief and report) or ``quotes`` (what someone said
            or wrote, a quote per pair of quote marks).
        author: the article's byline or list of authors: with one writer, the "I" of the
            text outside quotations is that writer (:func:`quoteattr.core.bylines.with_author`).
        doc_id: the document's id, named in the quote-mark warnings ([W001], [W002]).
        start: where the Doc's text starts in the document (a chunk of a longer one), added
            to the offsets the warnings give; the quotes' offsets are the Doc's.

    Returns:
        the quotes in text order.

    Raises:
        QuoteattrError: [E008] when the Doc has no dependency parse; [E018] when ``author``
            is neither a str nor a list of str; [E019] for an unknown profile.
    """
    lex = lexicons if lexicons is not None else default_lexicons()
    chosen = profile_of(profile)
    writer = author_name(author, lex.not_writers)  # a bad byline is an error for any Doc
    if len(doc) == 0:
        return []
    if not doc.has_annotation("DEP"):
        raise QuoteattrError(Errors.E008)
    found = find(doc, lex, doc_id=doc_id, start=start)
    resolve(doc, found, lex)
    if writer is not None:
        _name_writer(doc, found, writer)
    model = lex.confidence[chosen]
    return [assemble(doc, found.layout, f, model) for f in select(doc, found.findings, chosen)]


def profile_of(value: Profile | str) -> Profile:
    """The :class:`~quoteattr.model.Profile` a value names.

    Raises:
        QuoteattrError: [E019] naming the value and the profiles there are.
    """
    try:
        return Profile(value)
    except ValueError:
        choices = ", ".join(p.value for p in Profile)
        raise QuoteattrError(Errors.E019.format(profile=value, choices=choices)) from None


def resolve(doc: Doc, found: Found, lexicons: Lexicons) -> Resolver | None:
    """Stage 6: resolves the findings' speakers (None when none has a speaker)."""
    if not any(f.speaker is not None for f in found.findings):
        return None
    return resolve_findings(
        doc,
        found.layout,
        found.findings,
        lexicons,
        outside=found.outside,
        surnames=found.surnames,
    )


def _name_writer(doc: Doc, found: Found, writer: str) -> None:
    """Names the writer's "I" after the byline (:func:`~quoteattr.core.bylines.writers_i`)."""
    text = found.layout.text
    probes: list[Probe] = []
    for f in found.findings:
        if f.speaker is None or f.resolution is None:
            probes.append(None)
            continue
        span = doc[f.speaker[0] : f.speaker[1]]
        probes.append((span.start_char, text[span.start_char : span.end_char], f.resolution.kind))
    quoted = quotations(found.findings)
    for i in writers_i(text, probes, writer, quoted, (found.pairs, found.problems)):
        found.findings[i].resolution = Resolution(writer, SpeakerKind.PERSON)


def resolve_mentions(
    doc: Doc,
    mentions: Sequence[tuple[int, int]],
    author: str | Sequence[str] | None = None,
    lexicons: Lexicons | None = None,
) -> list[Resolution]:
    """Resolves mentions given by character offsets, as quoteattr resolves its speakers.

    The document's quotes are extracted and their speakers resolved first, so that the
    mentions see the same antecedents a speaker would. Used to score resolution on mentions
    chosen by hand.

    Args:
        doc: a parsed Doc.
        mentions: ``(start, end)`` character offsets of each mention.
        author: the document's byline, as for :func:`extract_doc`.
        lexicons: the cues and word lists (default: the shipped ones).

    Returns:
        one resolution per mention, in order.
    """
    lex = lexicons if lexicons is not None else default_lexicons()
    found = find(doc, lex)
    layout = found.layout
    resolver = resolve(doc, found, lex) or Resolver(
        doc, layout, quotations(found.findings), lex, outside=found.outside, surnames=found.surnames
    )
    surnames = found.surnames
    out = []
    for start, end in mentions:
        toks = layout.tokens_in(start, end)
        kind = speaker_kind(doc[toks.start : toks.stop], surnames, lex.bodies)
        out.append(resolver.resolve(toks.start, toks.stop, kind, speaker=False))
    if author is not None:  # the writer's "I", as for a quote's speaker
        probes: list[Probe] = [
            (s, layout.text[s:e], r.kind) for (s, e), r in zip(mentions, out, strict=True)
        ]
        quoted = quotations(found.findings)
        writer = author_name(author, lex.not_writers)
        for i in writers_i(layout.text, probes, writer, quoted, (found.pairs, found.problems)):
            assert writer is not None
            out[i] = Resolution(writer, SpeakerKind.PERSON)
    return out
