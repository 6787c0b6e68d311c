"""Speaker resolution: from a speaker mention to the entity it names.

:class:`Resolver` dispatches each mention to the step that knows its sort: a coreference
cluster the user's pipeline made, a relative pronoun's antecedent, a pronoun
(:mod:`~quoteattr.core.anaphora`), a person's name (:mod:`~quoteattr.core.people`), an
organisation, a description (:mod:`~quoteattr.core.descriptions`), or an unnamed source with
its role (:mod:`~quoteattr.core.roles`). It works on the Doc alone: no coreference model is
needed, but clusters that a user's pipeline puts in ``doc.spans`` (groups whose name starts with
``coref_clusters``) take precedence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import SURNAME_PARTICLES
from ..model import QuoteKind, SpeakerKind
from .anaphora import Anaphora
from .descriptions import Descriptions
from .findings import Finding, Resolution
from .layout import Layout, Ranges, span_of
from .lexicon import Lexicons
from .mentions import (
    conjoined,
    mention_bounds,
    named_group,
    person_surnames,
    relative_antecedent,
    span_text,
    speaker_kind,
    strip_det,
)
from .people import Entity, People
from .roles import Roles

__all__ = ["COREF_PREFIX", "Resolver", "quotations", "resolve_findings"]

#: Span groups whose name starts with this are read as coreference clusters.
COREF_PREFIX = "coref_clusters"

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "&"})


def _initials(tokens: Iterable[Token]) -> str:
    return "".join(
        t.text[0] for t in tokens if t.lower_ not in _FUNCTION_WORDS and t.text[:1].isupper()
    )


class Resolver:
    """Resolves the speaker mentions of one Doc to entities.

    Build it once per document; person names, their entities and roles are gathered on the
    first call and reused.

    Args:
        doc: a parsed Doc.
        layout: its :class:`~quoteattr.core.layout.Layout`.
        quoted: character ranges of the document's quotations (names inside them are the
            speaker's words, not the reporter's, and weigh less as antecedents).
        lexicons: the word lists.
        coref_prefix: span groups whose name starts with this are coreference clusters.
        outside: the character ranges that are no running prose; names there are no one's
            antecedent.
        surnames: the document's :func:`~quoteattr.core.mentions.person_surnames`, when the
            caller has read them already.
        findings: the document's findings: an "I" inside a direct quote is its speaker.
    """

    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        quoted: Sequence[tuple[int, int]],
        lexicons: Lexicons,
        coref_prefix: str = COREF_PREFIX,
        *,
        outside: Sequence[tuple[int, int]] = (),
        surnames: frozenset[str] | None = None,
        findings: Sequence[Finding] = (),
    ) -> None:
        self.doc = doc
        # the direct quotes that have a speaker, by the start of each part
        self._quotes = sorted(
            (s, e, f)
            for f in findings
            if f.kind == QuoteKind.DIRECT and f.speaker is not None
            for s, e in f.parts
        )
        self._surnames = surnames
        self.layout = layout
        self.text = layout.text  # spaCy rebuilds doc.text on every access
        self._coref_prefix = coref_prefix
        self.people = People(doc, layout, Ranges(quoted), lexicons, Ranges(outside))
        self.roles = Roles(doc, self.text, lexicons)
        # Every speaker resolved so far, named or not: token of the mention -> entity or None.
        self.spoken: dict[int, Entity | None] = {}
        self._anaphora = Anaphora(doc, layout, self.people, self.spoken, self.roles)
        self._descriptions = Descriptions(
            doc, layout, self.people, self.spoken, self.roles, lexicons
        )
        self._orgs: dict[str, str] | None = None
        self._org_index: dict[str, list[Span]] | None = None

    def resolve(
        self, start: int, end: int, kind: SpeakerKind, *, speaker: bool = True
    ) -> Resolution:
        """Resolves the mention at tokens ``[start, end)``.

        Args:
            start: first token of the mention.
            end: token after the mention.
            kind: the kind the mention has on its own
                (:func:`quoteattr.core.mentions.speaker_kind`).
            speaker: record the mention as a speaker, a salient antecedent for later pronouns.

        Returns:
            the resolution; an unresolvable pronoun keeps its own text and kind UNKNOWN.
        """
        found = self._resolve(start, end, kind, speaker)
        if speaker:
            self.spoken[start] = self._by_name(found)
        return found

    def _by_name(self, found: Resolution) -> Entity | None:
        """The person entity a resolution names, if it names one."""
        if found.kind != SpeakerKind.PERSON:
            return None
        return next((e for e in self.people.entities if e.name == found.name), None)

    def _resolve(self, start: int, end: int, kind: SpeakerKind, speaker: bool) -> Resolution:
        self.people.build()
        doc = self.doc
        span = span_of(doc, start, end)
        own = self.text[span.start_char : span.end_char]  # the Span has read its offsets
        clustered = self._from_clusters(span)
        if clustered is not None:
            return clustered
        root = span.root
        # "A and B": three tokens or more
        joined = conjoined(root, self.people.lexicons.titles) if end - start > 2 else []
        if joined:
            own_end = mention_bounds(root)[1]
            members = [t for t in joined if own_end <= t.i < end]
            if members:
                return self._group(start, [root, *members])
        beside = named_group(root)
        if beside:
            return self._group(mention_bounds(beside[0])[0], beside)
        antecedent = relative_antecedent(root)
        if antecedent is not None:
            s, e = mention_bounds(antecedent)
            if not (s <= root.i < e):
                return self._resolve(s, e, kind, False)
        if root.pos_ == "PRON" and root.lower_ == "i" and end - start == 1:
            said = self._quote_speaker(root.idx)
            if said is not None:
                return said
        if root.pos_ == "PRON":
            thing = self._anaphora.thing(root) if root.lower_ == "it" else None
            if thing is not None:
                s, e = mention_bounds(thing)
                group = doc[s:e]
                found = self._resolve(
                    s, e, speaker_kind(group, (), self.people.lexicons.bodies), False
                )
                if found.kind != SpeakerKind.PERSON:
                    return found
            return self._anaphora.pronoun(root, own, speaker)
        if kind == SpeakerKind.PERSON:
            entity = self.people.person(span)
            if entity is not None:
                if speaker:
                    self.people.speaker_mention(root, entity)
                return self.roles.resolution_of(entity)
            return Resolution(own, kind)
        if kind == SpeakerKind.ORGANIZATION:
            person = self._surname_of_person(span)
            if person is not None:
                if speaker:
                    self.people.speaker_mention(root, person)
                return self.roles.resolution_of(person)
            return Resolution(self._org(span), kind)
        described = self._descriptions.person(span)
        if described is not None:
            return self.roles.resolution_of(described)
        body = self._descriptions.body(span)
        if body is not None:
            return Resolution(body, SpeakerKind.ORGANIZATION)
        author = self._descriptions.author(span)
        if isinstance(author, Entity):
            return self.roles.resolution_of(author)
        if author is not None:
            return Resolution(author, SpeakerKind.ORGANIZATION)
        named = self._descriptions.named_after(span)
        if isinstance(named, Entity):
            # Not recorded as a speaker mention: the name comes after the description, and
            # the pronouns and descriptions between refer back to whom the text named there.
            return self.roles.resolution_of(named)
        if named is not None:
            return Resolution(self._org(named), SpeakerKind.ORGANIZATION)
        name = span_text(self.text, strip_det(list(span))) or own
        role, org = self.roles.unnamed_role(span)
        return Resolution(name, kind, role, org)

    @functools.cached_property
    def _person_surnames(self) -> frozenset[str]:
        if self._surnames is not None:
            return self._surnames
        return person_surnames(self.doc, self.layout.entities)

    def _quote_speaker(self, char: int) -> Resolution | None:
        """The person who speaks the direct quote that holds the "I" at ``char``: in
        '“Realistically, and I think Republicans are realists, ...,” said Gov. Phil Bryant',
        the "I" is Bryant. None outside direct quotes, and for a speaker who is no person."""
        for s, e, f in self._quotes:
            if s > char:
                break
            if char < e and f.speaker is not None and f.mention_kind is not None:
                if s <= self.doc[f.speaker[0]].idx < e:
                    return None  # a speaker inside the quote itself: no one to ask
                # resolved already when its mention comes first; else resolved here, and
                # again as a speaker when resolve_findings reaches it
                found = f.resolution
                if found is None:
                    found = self._resolve(*f.speaker, f.mention_kind, False)
                return found if found.kind == SpeakerKind.PERSON else None
        return None

    def _group(self, start: int, members: Sequence[Token]) -> Resolution:
        """ "Burton and Nick Smith": each member resolved, their names joined ("Ann Burton
        and Nick Smith"). People are unnamed, as a "they" of several people is: no one
        person said it; bodies keep their kind ("the Teamsters and the Firefighters")."""
        names = []
        kinds = set()
        surnames = self._person_surnames
        for k, member in enumerate(members):
            s, e = mention_bounds(member)
            s = start if k == 0 else s
            span = self.doc[s:e]
            kind = speaker_kind(span, surnames, self.people.lexicons.bodies)
            found = self._resolve(s, e, kind, False)
            names.append(found.name)
            kinds.add(found.kind)
        name = ", ".join(names[:-1]) + " and " + names[-1]
        bodies = kinds == {SpeakerKind.ORGANIZATION}
        return Resolution(name, SpeakerKind.ORGANIZATION if bodies else SpeakerKind.UNNAMED)

    def _surname_of_person(self, span: Span) -> Entity | None:
        """ "Phoenix Mayor Greg Stanton wrote ... '...,' Stanton wrote": a one-word name the
        model labels an organisation is the one person named before it with that surname;
        so is a surname with its particles ("Von der Leyen added" after "Ursula von der
        Leyen")."""
        last = span[-1]
        if any(t.lower_ not in SURNAME_PARTICLES for t in span[:-1]):
            return None
        if last.pos_ != "PROPN" or last.text.isupper():
            return None  # "PAC" is no one's surname
        return self.people.named_in_full_before(last.lower_, span.start)

    def _org(self, span: Span) -> str:
        """The canonical name of an organisation: an acronym takes its spelled-out form."""
        name = self.roles.org_name(list(span))
        if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
            if self._orgs is None:
                self._orgs = {}
                for ent in self.layout.entities:
                    if ent.label_ == "ORG" and len(ent) > 1:
                        self._orgs.setdefault(_initials(ent), self.roles.org_name(list(ent)))
            return self._orgs.get(name, name)
        if len(span) == 1 and span[0].ent_type_ == "ORG" and name[:1].isupper():
            # "the New York Times reported ... According to the Times": a one-word
            # organisation is the one organisation named before it that ends or begins with
            # that word ("State" for "the State Department"); a place is not ("Germany" is
            # no "National Democratic Party of Germany").
            longer = {
                self.roles.org_name(list(ent)).split(" (")[0]  # "... (Caltrans"
                for ent in self._org_words().get(name, ())
                if ent.end <= span.start
            }
            if len(longer) == 1:
                return longer.pop()
        return name

    def _org_words(self) -> dict[str, list[Span]]:
        """First or last word of each organisation of two words or more -> those
        organisations, read once per Doc."""
        if self._org_index is None:
            self._org_index = {}
            for ent in self.layout.entities:
                if ent.label_ != "ORG" or len(ent) < 2:
                    continue
                first = ent[1] if ent[0].lower_ == "the" else ent[0]
                if first.i == ent[-1].i:
                    continue
                for word in {first.text, ent[-1].text}:
                    self._org_index.setdefault(word, []).append(ent)
        return self._org_index

    def _from_clusters(self, span: Span) -> Resolution | None:
        """The mention's name from a coreference cluster in ``doc.spans``, if any holds it."""
        doc = self.doc
        for key, group in doc.spans.items():
            if not key.startswith(self._coref_prefix):
                continue
            if not any(s.start < span.end and span.start < s.end for s in group):
                continue
            named = [s for s in group if s.root.pos_ == "PROPN"]
            if not named:
                continue
            best = max(named, key=lambda s: (len(s), -s.start))
            if best.start == span.start and best.end == span.end:
                return None  # the mention is its cluster's best name: resolve it as usual
            person = best.root.ent_type_ in {"PERSON", ""}
            kind = SpeakerKind.PERSON if person else SpeakerKind.ORGANIZATION
            return self.resolve(best.start, best.end, kind, speaker=False)
        return None


def resolve_findings(
    doc: Doc,
    layout: Layout,
    findings: Sequence[Finding],
    lexicons: Lexicons,
    coref_prefix: str = COREF_PREFIX,
    *,
    outside: Sequence[tuple[int, int]] = (),
    surnames: frozenset[str] | None = None,
) -> Resolver:
    """Gives each finding with a speaker mention its :class:`Resolution`, in the order the
    mentions appear (an earlier speaker is the likeliest antecedent of a later pronoun).

    Args:
        doc: the parsed Doc the findings come from.
        layout: its layout.
        findings: the findings, their mention kinds set.
        lexicons: the word lists.
        coref_prefix: span groups of ``doc.spans`` whose name starts with this are read as
            coreference clusters and take precedence over quoteattr's own rules.
        outside: the character ranges that are no running prose
            (:func:`~quoteattr.core.structure.non_prose`): the names there are no one's
            antecedent ("READ MORE: Trump says ..." then "The mayor said ...").
        surnames: the document's :func:`~quoteattr.core.mentions.person_surnames`, when the
            caller has read them already.

    Returns:
        the resolver, which can resolve more mentions in the same context.
    """
    resolver = Resolver(
        doc,
        layout,
        quotations(findings),
        lexicons,
        coref_prefix,
        outside=outside,
        surnames=surnames,
        findings=findings,
    )
    mentioned = sorted(
        (doc[f.speaker[0]].idx, i) for i, f in enumerate(findings) if f.speaker is not None
    )
    done: dict[tuple[int, int], Resolution] = {}
    for _, i in mentioned:
        f = findings[i]
        assert f.speaker is not None and f.mention_kind is not None
        if f.speaker not in done:
            done[f.speaker] = resolver.resolve(*f.speaker, f.mention_kind)
        f.resolution = done[f.speaker]
    return resolver


def quotations(findings: Sequence[Finding]) -> list[tuple[int, int]]:
    """The character ranges of the quotations among ``findings``: the parts of the direct
    quotes and the quote-marked fragments of mixed ones, sorted."""
    quoted = [p for f in findings if f.kind == QuoteKind.DIRECT for p in f.parts]
    quoted += [fragment for f in findings for fragment in f.fragments]
    return sorted(quoted)
