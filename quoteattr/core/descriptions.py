"""Descriptions: "the senator", "the fund manager", "the department": who or what they are.

A definite singular description whose head is a role word refers back to the one person named
before it whom the document gives that role; one whose head is a person noun that is no role
("the businessman", ``lexicons/person_nouns.txt``), and a role no one named holds, to the
subject of the main clause before it or the last speaker, unless an unnamed person of that
noun came between ("A businessman spoke ... the businessman said" is no one named). A name in
apposition is the description's person ("The author of the book, Mitchell Zuckoff"). A
definite description of a body ("the department", "the group") refers to the organisation
named with it or before it. A headline's or a lede's description with no article or with "a"
is named after it: "Fed governor says ..." is the "Lael Brainard" the body's next paragraphs
make the subject of a main clause. A document whose author the phrase names is the author's
("Rubio's statement", "a POLITICO analysis"), and "the statement" the author of the one
mentioned before ("Amnesty issued a statement").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping

import numpy
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.tokens import Doc, Span, Token

from ..lexicons import Title
from .anaphora import PRONOUN_REACH, question
from .layout import Layout, any_equal
from .lexicon import Lexicons
from .mentions import (
    ORG_LABELS,
    after_comma,
    author_of,
    conjoined,
    mention_bounds,
    phrase_head,
    span_text,
    subject_of,
)
from .people import NAME_REACH, Entity, People
from .roles import Roles

__all__ = ["NAMED_AFTER", "Descriptions"]

_NOUN_IDS = (_POS_IDS["NOUN"], _POS_IDS["PROPN"])
# Documents whose name before them is not their author: a poll is cited by its own name
# ("a CNN national poll"), and a video, post or tweet named by where it is ("a YouTube video").
_NOT_AUTHORED = frozenset({"poll", "survey", "video", "post", "tweet"})
# "A woman who has accused ... said": a lede's person with nothing but a sex, whom the next
# paragraphs name. Not person nouns for the descriptions that refer back: "the man" of a
# story is as often someone never named as the person named before.
_GENERIC_PEOPLE = {"man": "male", "woman": "female"}
#: How many paragraphs after a headline's or a lede's description its name may come.
NAMED_AFTER = 5
# Determiners of a phrase that refers back: "the statement", "that report".
_DEFINITE = frozenset({"the", "this", "that"})
_POSSESSIVE = re.compile(r"\s*['’]s\b")
# What closes a quotation: its marks and the space before them.
_CLOSING = " \t\n\"'”’»"


def _acts(entity: Span) -> bool:
    """Whether a body's name is the subject of its clause ("the union has announced")."""
    return entity.root.dep_ in {"nsubj", "nsubjpass"}


class Descriptions:
    """Resolves the descriptions of one Doc against its people and its organisations.

    Args:
        doc: the parsed Doc.
        layout: its layout.
        people: its name table.
        spoken: every speaker resolved so far: token of the mention -> entity or None
            (shared with the resolver, which fills it).
        roles: the document's roles.
        lexicons: the word lists (role words, body nouns).
    """

    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        people: People,
        spoken: Mapping[int, Entity | None],
        roles: Roles,
        lexicons: Lexicons,
    ) -> None:
        self.doc = doc
        self.roles = roles
        self.lexicons = lexicons
        self.layout = layout
        self.text = layout.text
        self.people = people
        self.spoken = spoken
        self._noun_index: dict[str, list[int]] | None = None
        # entity text, lower-cased -> [times labelled PERSON, times labelled otherwise]
        self._labels: dict[str, list[int]] | None = None

    def person(self, span: Span) -> Entity | None:
        """ "the senator" -> the one person the document gives that role."""
        root = span.root
        if root.tag_ not in {"NN", "NNP"}:
            return None
        definite = (
            c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in root.children
        )
        if not any(definite):
            return None
        title = self.lexicons.titles.get(root.lower_)
        noun = root.lower_ in self.lexicons.person_nouns  # "the businessman": no role
        if title is None and not noun:
            return None
        people = self.people
        # "The author of the book, Mitchell Zuckoff, said": the name in apposition, which
        # the parser may hang on the noun of the "of" phrase.
        objects = [o for p in root.rights if p.dep_ == "prep" for o in p.children]
        for c in [*root.rights, *(c for o in objects if o.dep_ == "pobj" for c in o.rights)]:
            named = people.name_of.get(c.i) if c.dep_ == "appos" else None
            if named is not None:
                return named
        named = self._described_before(root, span.start)
        if named is not None:
            return named
        sentence = self.layout.sentence_index(self._attributing(span))
        first = self.layout.sentence_token_starts()[max(0, sentence - NAME_REACH)]
        if title is None:
            title = Title(root.lower_, self.lexicons.person_nouns[root.lower_])
        having: list[Entity] = []
        if not noun:  # a person noun is no role anyone holds
            for e in people.entities:
                self.roles.read(e)
            # A description refers back: to a holder of the role named before it.
            having = [
                e
                for e in people.entities
                if title.noun in e.role_nouns and people.first_seen(e) < span.start
            ]
        if len(having) > 1:
            # Several people hold the role: the one named in the last few sentences, if one is.
            having = [
                e
                for e in having
                if any(first <= at < span.start for at in people.seen.get(id(e), []))
            ]
        anaphoric = any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) and not any(
            c.dep_ == "poss" for c in root.children
        )
        if not having and anaphoric and not self._introduced(root, first, span.start, noun):
            # Nobody named before was given the role: "Paul Singer changed ... The fund
            # manager wrote" is the previous sentence's subject; "Sanders responded. ... the
            # Vermont senator said" the last speaker of the last few sentences, when that was
            # a named person and not an unnamed source ("a senior official ... the official").
            # Not "Rubio's campaign manager": a possessor makes it someone else.
            spoken = sorted(at for at in self.spoken if first <= at < span.start)
            asker = None
            if spoken and question(self.doc, people, spoken[-1]) is not None:
                # '"That would be you?" Borger asked. "That would be me," the senator said':
                # the one who asked is not the one who answers, who spoke before the question.
                asker = self.spoken[spoken[-1]]
                earlier = self.layout.sentence_token_starts()[max(0, sentence - PRONOUN_REACH)]
                spoken = sorted(
                    at
                    for at, e in self.spoken.items()
                    if earlier <= at < span.start and e is not asker
                )
            subjects = [
                m
                for m in people.mentions
                if m.sentence == sentence - 1
                and m.subject
                and not m.quoted
                and m.entity is not asker
                and m.entity.agrees(title.gender)
            ]
            # Its main clause's subject first, then its speaker: in "Donald Trump plans to
            # empower ..., Ben Carson said Monday. '...,' the retired neurosurgeon told"
            # and "When Mr. Clinton had trouble ..., Mr. Trump boasted", not the first name;
            # and none when that subject is a person left unnamed ("As Ivanka Trump spoke,
            # a fashion designer watched from her home. The employee ... said").
            if self._unnamed_subject(sentence - 1):
                subjects = []
            subjects.sort(key=lambda m: (not self._main_subject(m.at), not m.speaker))
            having = [m.entity for m in subjects[:1]]
            if not having and spoken:
                last = self.spoken[spoken[-1]]
                if last is not None and last.agrees(title.gender):
                    having = [last]
        return having[0] if len(having) == 1 else None

    def _described_before(self, root: Token, start: int) -> Entity | None:
        """The person an earlier appositive gave the same possessed description: in
        "Margaret Chen and her husband, David Chen, ... Her husband added ...", David Chen.
        The noun and its possessor must be the same words ("her husband", "Smith's lawyer").
        """
        owner = [c.lower_ for c in root.children if c.dep_ == "poss"]
        if not owner:
            return None
        doc, people = self.doc, self.people
        found: dict[int, Entity] = {}
        for i in self._nouns().get(root.lemma_.lower(), ()):
            if i >= start:
                continue
            tok = doc[i]
            if tok.lower_ != root.lower_:
                continue
            if [c.lower_ for c in tok.children if c.dep_ == "poss"] != owner:
                continue
            for c in tok.rights:
                named = people.name_of.get(c.i) if c.dep_ == "appos" else None
                if named is not None:
                    found[id(named)] = named
        return next(iter(found.values())) if len(found) == 1 else None

    def author(self, span: Span) -> Entity | str | None:
        """ "a POLITICO analysis found ...", "Mr. Trump's comments drew ...": a document
        whose author the phrase names before its noun is that author's: the person, or the
        organisation the model labels so (its whole name: "One Club for Growth ad" is the
        Club for Growth's). Polls and surveys keep their own name ("a CNN national poll"):
        a poll's name is how news cites it; a video, post or tweet is named by where it is.

        "The statement said ...", naming no author, is the document mentioned before with
        the same noun (see :meth:`_earlier_author`). None for any other phrase.
        """
        root = span.root
        lemma = root.lemma_.lower()
        if root.pos_ != "NOUN" or lemma not in self.lexicons.documents or lemma in _NOT_AUTHORED:
            return None
        named = self._named_author(root, span.start)
        if named is not None:
            return named
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in root.children)
        if definite and not any(c.dep_ == "poss" for c in root.children):
            return self._earlier_author(root)
        return None

    def _named_author(self, root: Token, start: int) -> Entity | str | None:
        """The author a document's phrase names before its noun (``start``: where the
        phrase starts), if it names one."""
        named = [
            c for c in root.lefts if c.dep_ in {"compound", "nmod", "poss"} and c.pos_ == "PROPN"
        ]
        for c in named:
            if c.ent_type_ == "PERSON":
                s, e = mention_bounds(phrase_head(c))
                return self.people.person(self.doc[s:e])
        for c in named:
            if c.ent_type_ == "ORG":
                entity = next((x for x in self.layout.entities if x.start <= c.i < x.end), None)
                if entity is None or entity.end > root.i:
                    continue
                return self._body_or_surname(entity, start)  # "Hoff's letter"
        return None

    def _body_or_surname(self, name: Span, before: int) -> Entity | str:
        """A name the model labels an organisation: the one person named in full before
        token ``before`` with that surname, when the name is one word and there is one
        ("Hoff's letter", "Goodlatte"), else the organisation it names."""
        person = (
            self.people.named_in_full_before(name[0].lower_, before) if len(name) == 1 else None
        )
        return person if person is not None else self.roles.org_name(list(name))

    def _earlier_author(self, root: Token) -> Entity | str | None:
        """ "The museum issued a statement on Tuesday. ... The statement said": a document
        named by its noun alone is the nearest one mentioned before with that noun (in the
        same number), and its author is who that mention names: before its noun ("Trump's
        letter"), after "by" or "from" ("a report by the Senate committee"), or as the
        subject of a verb that issues it (``light_verbs``: "issued", "released", "sent"),
        when that is a name. None when the nearest such mention names no one: a document of
        someone else may come between."""
        plural = root.tag_ == "NNS"
        earlier = [i for i in self._nouns().get(root.lemma_.lower(), ()) if i < root.i]
        doc = self.doc
        for i in reversed(earlier):
            tok = doc[i]
            if tok.pos_ != "NOUN" or (tok.tag_ == "NNS") != plural:
                continue
            named = self._named_author(tok, mention_bounds(tok)[0])
            if named is not None:
                return named
            author = author_of(tok, self.lexicons.documents)
            if author is tok and tok.dep_ == "dobj":
                verb = tok.head
                if verb.lemma_.lower() in self.lexicons.light_verbs:
                    author = subject_of(verb, self.lexicons.object_control) or tok
            if author is tok or author.pos_ != "PROPN":
                return None  # "his campaign", "the coalition": no name to give
            if conjoined(author, self.lexicons.titles):
                return None  # "Trump and Ryan issued a statement": no one person's
            s, e = mention_bounds(phrase_head(author))
            if author.ent_type_ in ORG_LABELS:
                return self._body_or_surname(doc[s:e], s)
            return self.people.person(doc[s:e])
        return None

    def named_after(self, span: Span) -> Entity | Span | None:
        """ "A major climate group is demanding ... NextGen Climate, founded by ..., will
        air an ad": a headline's or a lede's description that the next paragraphs name.

        News opens on a description and names it after: the headline's "Fed governor" is
        the "Lael Brainard is poised ..." of the body, the lede's "A lawmaker in the
        Philippines" the "Joey Salceda said" of the next paragraph. A description with no
        determiner or with "a"/"an", in the first two paragraphs, whose noun is a role or a
        person noun, is the first person named as the subject of a main clause in the
        :data:`NAMED_AFTER` paragraphs after its own ("calling for Donald Trump to be banned"
        names no subject of one), who is named nowhere before it and whose gender and role do
        not contradict the noun's ("A woman"; "Indiana governor" is not "Sen. Ted Cruz"); one
        whose noun is a body ("group", "agency") is the first organisation named so. None
        when there is no such name.
        """
        root = span.root
        if root.tag_ != "NN" or any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in {"a", "an"})
            for c in root.children
        ):
            return None
        layout = self.layout
        para = layout.paragraph_of(span.start_char)
        if para > 1:
            return None
        last = min(len(layout.paragraphs) - 1, para + NAMED_AFTER)
        stop = layout.paragraph_tokens(last).stop
        start = layout.paragraph_tokens(para + 1).start if para < last else stop
        lexicons = self.lexicons
        low = root.lower_
        title = lexicons.titles.get(low)
        person_nouns = lexicons.person_nouns if low in lexicons.person_nouns else _GENERIC_PEOPLE
        if title is not None or low in person_nouns:
            gender = title.gender if title is not None else person_nouns[low]
            people = self.people
            for m in people.mentions:
                if m.at < start or m.speaker or m.quoted or not self._main_subject(m.at):
                    continue
                if m.at >= stop:
                    break
                if people.first_seen(m.entity) < span.start:
                    continue  # named before the description: someone else
                if not m.entity.agrees(gender):
                    continue
                self.roles.read(m.entity)
                if (
                    title is not None
                    and m.entity.role_nouns
                    and title.noun not in m.entity.role_nouns
                ):
                    continue  # "Indiana governor" is not the "Sen. Ted Cruz" after it
                return m.entity
            return None
        if lexicons.bodies.get(root.lemma_.lower()) != "org":
            return None
        before = {ent.text.lower() for ent in layout.entities if ent.end <= span.start}
        for ent in layout.entities:
            if ent.start < start or ent.label_ != "ORG":
                continue
            if ent.start >= stop:
                break
            if self._main_subject(ent.root.i) and ent.text.lower() not in before:
                return ent
        return None

    def _attributing(self, span: Span) -> int:
        """Where a description looks back from: for the "the candidate" of '"...," the
        candidate said' (a quotation that ends in a comma, "?" or "!"), the quotation's start,
        since the parser often makes the quotation a sentence of its own; else the
        description itself ('"... campaign." The aide declined' is a new sentence)."""
        quote = self.people.quotation_before(span.start)
        if quote is None or not self.text[quote[0] : quote[1]].rstrip(_CLOSING).endswith(
            (",", "?", "!")
        ):
            return span.start
        return self.layout.token_at(quote[0])

    def _unnamed_subject(self, sentence: int) -> bool:
        """True when the main clause of sentence ``sentence`` has for subject a person
        noun with no name ("a fashion designer watched")."""
        if sentence < 0:
            return False
        tokens = self.layout.sentence_tokens(sentence)
        lexicons = self.lexicons
        return any(
            tok.dep_ in {"nsubj", "nsubjpass"}
            and tok.head.dep_ == "ROOT"
            and tok.pos_ == "NOUN"
            and (tok.lower_ in lexicons.titles or tok.lower_ in lexicons.person_nouns)
            and not any(c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" for c in tok.children)
            for tok in self.doc[tokens.start : tokens.stop]
        )

    def _main_subject(self, at: int) -> bool:
        """True when the name at token ``at`` is the subject of its sentence's main clause."""
        head = phrase_head(self.doc[at])
        return head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ == "ROOT"

    def _introduced(self, root: Token, lo: int, hi: int, any_det: bool) -> bool:
        """True when a phrase with ``root``'s noun and no name comes between tokens ``lo``
        and ``hi``: "A senior official said ... the official said" and "The Platte River
        employee told agents ... The employee said" are that unnamed person, not the last
        person named. "Ben Carson, a retired neurosurgeon," names its person. For a role
        (``any_det`` false) only an indefinite phrase counts: an earlier "the senator" is
        most often the senator named before it."""
        lemma = root.lemma_.lower()
        for tok in self.doc[lo:hi]:
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            if not any_det and not any(
                c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in tok.children
            ):
                continue
            named = (tok.dep_ == "appos" and tok.head.pos_ == "PROPN") or any(
                c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" and c.i > tok.i
                for c in tok.children
            )
            if not named and tok.dep_ != "compound":
                return True
        return False

    @functools.cached_property
    def _entity_starts(self) -> list[int]:
        """The first token of each entity, in order."""
        return sorted({ent.start for ent in self.layout.entities})

    def _nouns(self) -> dict[str, list[int]]:
        """Lemma -> positions of the nouns and proper nouns with it, read once per Doc."""
        if self._noun_index is None:
            # the layout's columns, read once per Doc for the stages that scan them
            pos, lemmas = self.layout.column(POS), self.layout.column(LEMMA)
            nouns = numpy.flatnonzero(any_equal(pos, _NOUN_IDS))
            strings = self.doc.vocab.strings
            lower: dict[int, str] = {}
            index: dict[str, list[int]] = {}
            for i, lemma in zip(nouns.tolist(), lemmas[nouns].tolist(), strict=True):
                if lemma not in lower:
                    lower[lemma] = strings[lemma].lower()
                index.setdefault(lower[lemma], []).append(i)
            self._noun_index = index
        return self._noun_index

    def body(self, span: Span) -> str | None:
        """ "the department" -> "State Department", named in the sentences before.

        A name given with the noun is the name ("the website fivethirtyeight"). Else the
        antecedent is the nearest earlier phrase with the same noun and a name in it
        ("a new Washington Post-ABC News poll", "the abortion rights group NARAL"; anywhere
        before), or an entity that ends in the noun (in the last few sentences); failing both,
        the nearest organisation (for "the agency", "the group") or place (for "the town")
        named in the last two sentences, unless the model mostly labels that name a person.
        """
        doc = self.doc
        root = span.root
        sort = self.lexicons.bodies.get(root.lemma_.lower())
        if sort is None or root.pos_ != "NOUN":
            return None
        # "the website fivethirtyeight", "The utility, Nova Scotia Power, said": the name
        # given with the noun, right after it or set off by a comma (a name, not a
        # description: "The company, a subsidiary of ...")
        named = [
            c
            for c in root.rights
            if c.dep_ == "appos"
            and (
                c.i == root.i + 1
                or (c.left_edge.i == root.i + 2 and after_comma(c) and c.pos_ == "PROPN")
            )
        ]
        if named:
            return self.roles.org_name(list(named[0].subtree))
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in root.children):
            return None
        starts = self.layout.sentence_token_starts()
        sentence = self.layout.sentence_index(span.start)
        lo = starts[max(0, sentence - PRONOUN_REACH)]
        near = starts[max(0, sentence - 1)]
        fallback = subject = None
        labels = {"ORG"} if sort == "org" else {"GPE"}
        named_types = labels | {"ORG", "GPE", "FAC"}
        # Beyond the last few sentences, only a phrase with the same noun.
        lemma = root.lemma_.lower()
        root_plural = root.tag_ == "NNS"
        same = self._nouns().get(lemma, ())
        farther = [i for i in same if i < lo]
        # Of the tokens since ``lo``, only those the two rules below can take, nearest
        # first: a noun with the root's lemma, and the first token of an entity. The others,
        # most of the hundred or so looked back over, took a Token object and its strings.
        ents = self._entity_starts
        takable = {i for i in same if lo <= i < span.start}
        takable.update(ents[bisect.bisect_left(ents, lo) : bisect.bisect_left(ents, span.start)])
        for i in [*sorted(takable, reverse=True), *reversed(farther)]:
            tok = doc[i]
            plural = tok.tag_ in {"NNS", "NNPS"}
            if (
                tok.lemma_.lower() == lemma
                and tok.pos_ in {"NOUN", "PROPN"}
                and plural == root_plural  # "the poll" is not "two Quinnipiac polls"
            ):
                if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > i:
                    s, e = mention_bounds(tok.head)  # "the abortion rights group NARAL"
                    return self.roles.org_name([t for t in doc[s:e] if t.i > i])
                proper = [
                    c
                    for c in tok.lefts
                    if c.dep_ in {"compound", "amod", "nmod", "poss"}
                    and (c.pos_ == "PROPN" or c.ent_type_)
                ]
                if proper:  # "a new Washington Post-ABC News poll", "Clinton's campaign"
                    first = min(c.left_edge.i for c in proper)
                    return _POSSESSIVE.sub("", span_text(self.text, list(doc[first : i + 1])))
            if tok.ent_iob_ == "B" and tok.ent_type_ in named_types:
                entity = doc[slice(*mention_bounds(tok))]  # the whole entity that starts here
                if entity[-1].lemma_.lower() == lemma:
                    return self.roles.org_name(list(entity))
                # the nearest body in the last two sentences, and the nearest that acts
                # there (once one acts, nothing farther is taken)
                if subject is None and tok.ent_type_ in labels and i >= near:
                    acts = _acts(entity)
                    # "support for Sanders": a person's name the model labelled ORG here
                    if (fallback is None or acts) and not self._mostly_person(entity.text):
                        name = self.roles.org_name(list(entity))
                        fallback = fallback or name
                        if acts:
                            subject = name
        # "the British Medical Association has announced, in the longest strike in the
        # history of the NHS. The union said": the body that acts, before one only named
        return subject or fallback

    def _mostly_person(self, name: str) -> bool:
        """True when the model labels ``name`` PERSON at least as often as anything else in the
        document, a full name counting for its surname: "Sanders" labelled ORG twice, and
        "Sanders" and "Bernie Sanders" labelled PERSON, is a person."""
        if self._labels is None:
            self._labels = {}
            for ent in self.layout.entities:
                votes = self._labels.setdefault(ent.text.lower(), [0, 0])
                votes[ent.label_ != "PERSON"] += 1
                if ent.label_ == "PERSON" and len(ent) > 1:  # "Bernie Sanders" is a Sanders
                    self._labels.setdefault(ent[-1].lower_, [0, 0])[0] += 1
        person, other = self._labels.get(name.lower(), (0, 0))
        return person >= other and person > 0
