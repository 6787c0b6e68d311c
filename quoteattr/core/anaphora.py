"""Pronouns: who "he", "she", "they", "who" and the writer's "I" stand for.

"he" and "she" look back up to five sentences for a person of their gender: in their own
sentence the main clause's subject before them, else the first subject, never the one told
("X told Y that he ...") nor the one spoken with; a person introduced unnamed who spoke last,
in that sentence or the one before ("A witness said ... '...,' she said"), is that person;
before that, sentence by sentence, the last speaker, else the
first subject, else the first person named; names inside quotes last. A "he" or
"she" that is the subject of a main clause on the way back, before that person, passes on its
own antecedent ("King remembered Ali. She saw the Frazier fight. '...,' she said": King).
A "he" in an adverbial clause fronted before its sentence's subject is that subject ("Asked
if he agreed, Devine said"), and so is a "his" in a phrase fronted so ("During his speech,
Mr. Trump said"). "they" is a plural or conjoined subject, an "it" that speaks an
organisation, place or document subject (:meth:`Anaphora.thing`). The "I" of an opinion
piece is its writer when the last paragraph is a contributor line that names a person.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

import attrs
from spacy.tokens import Doc, Token

from ..model import Gender, SpeakerKind
from ..model.kinds import SAID_CATEGORIES
from .findings import Resolution
from .layout import Layout
from .mentions import (
    mention_bounds,
    named_in_apposition,
    phrase_head,
    relative_antecedent,
    span_text,
    speaker_kind,
    strip_det,
)
from .people import FEMALE, MALE, Entity, Mention, People
from .roles import Roles

__all__ = ["PRONOUN_REACH", "Anaphora", "question"]

#: How far back (in sentences) a personal pronoun looks for its antecedent.
PRONOUN_REACH = 5


# Verbs of telling: "The president told NPR correspondent Steve Inskeep that he believes
# ..." - the one told is not who "he" is.
_TELLING = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "brief"})


# Verbs an "it" is the subject of when it stands for nothing: "It is unusual", "It means
# admitting ...", "It took him a day", "it seems".
_IDLE = frozenset({"be", "mean", "take", "seem", "appear", "make", "remain", "look", "matter"})


# Conversations: "Speaking with Laura Kuenssberg, she said ...", "in an interview with
# CNN's Jake Tapper, he said ..." - the one spoken with is not who "she" is.
_CONVERSING = frozenset({"speak", "talk", "chat", "interview"})


def _addressee(name: Token) -> bool:
    """True when the name at ``name`` is the one told, in a clause that reports what was
    told: the object of a verb of telling that has a clausal complement; or the one spoken
    with or to in a conversation ("Speaking with Laura Kuenssberg, she said")."""
    head = phrase_head(name)
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ in {"with", "to"}:
        return verb.head.lemma_.lower() in _CONVERSING
    return (
        head.dep_ in {"dobj", "dative"}
        and verb.lemma_.lower() in _TELLING
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def question(doc: Doc, people: People, at: int) -> Token | None:
    """The "asked" of which the name at token ``at`` is the subject ("Borger asked"), if it
    is one."""
    head = phrase_head(doc[at])
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_ == "ask" and not people.in_quote(verb.idx):
        return verb
    return None


# The determiners of a person introduced unnamed: "a spokeswoman", "one senior official".
_INDEFINITE = frozenset({"a", "an", "one", "another"})


class Anaphora:
    """Resolves the pronouns of one Doc against its :class:`~quoteattr.core.people.People`.

    Args:
        doc: the parsed Doc.
        layout: its layout.
        people: its name table.
        spoken: every speaker resolved so far: token of the mention -> entity or None
            (shared with the resolver, which fills it).
        roles: the document's roles.
    """

    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        people: People,
        spoken: Mapping[int, Entity | None],
        roles: Roles,
    ) -> None:
        self.doc = doc
        self.roles = roles
        self.layout = layout
        self.text = layout.text
        self.people = people
        self.spoken = spoken

    def pronoun(self, root: Token, own: str, speaker: bool) -> Resolution:
        """Resolves the personal pronoun ``root`` (its text ``own``)."""
        low = root.lower_
        gender = "male" if low in MALE else "female" if low in FEMALE else None
        if gender is None:
            if low == "they":
                return self._they(root, own)
            if low == "i" and not self.people.in_quote(root.idx):
                author = self._author()
                if author is not None:
                    return self.roles.resolution_of(author)
            return Resolution(own, SpeakerKind.UNKNOWN)
        at = self._before_quote(root)
        entity = self._fronted_clause_subject(root, gender)
        if entity is None:
            unnamed = self._unnamed_speaker(at, gender)
            if unnamed is not None:
                return unnamed
            entity = self._antecedent(at, gender, after_quote=at != root.i)
        if entity is None:
            return Resolution(own, SpeakerKind.UNKNOWN)
        if speaker:
            self.people.speaker_mention(root, entity)
        found = self.roles.resolution_of(entity)
        if found.gender == Gender.UNKNOWN and not entity.evidence:
            # "she said" of a person the text gives no other evidence for: the pronoun is.
            found = attrs.evolve(found, gender=Gender(gender), gender_evidence="pronoun")
        return found

    def _unnamed_speaker(self, at: int, gender: str) -> Resolution | None:
        """The unnamed person who spoke last, for a "he" or "she" at token ``at``: in "A
        neighbour said she heard screaming. “I've never seen anything like it,” she said."
        the "she" is the neighbour, not a woman named paragraphs before. The speaker is the
        subject of a verb of speech (not "asked"), a singular role or person noun introduced
        with "a", "an", "one" or "another" ("a spokeswoman", "one official"), of the
        pronoun's gender or of none, in the pronoun's sentence or the one before, and no one
        has spoken since; a name in apposition to it is the person."""
        doc = self.doc
        sentence = self.layout.sentence_index(at)
        lo = self.layout.sentence_token_starts()[max(0, sentence - 1)]
        # the last speaker's mention in those two sentences, read back from the pronoun (not
        # every speaker of the document, which grows with it)
        last = next((i for i in range(at - 1, lo - 1, -1) if i in self.spoken), None)
        if last is None or self.spoken[last] is not None:
            return None
        # "A neighbour, who asked not to be named, said ...": the relative pronoun that
        # spoke last stands for the noun it follows
        if doc[last].lower_ in {"who", "that"}:
            antecedent = relative_antecedent(doc[last])
            if antecedent is not None:
                last = mention_bounds(antecedent)[0]
        noun = next((t for t in doc[last : min(last + 6, at)] if t.pos_ == "NOUN"), None)
        if noun is None or noun.tag_ != "NN" or noun.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        # Introduced unnamed ("a spokeswoman", "one official"): "the actor", "the candidate"
        # are most often someone named before. The speaker of a verb of speech, not the
        # one who asks ("A reporter asked Sanders ... He replied").
        if not any(c.dep_ in {"det", "nummod"} and c.lower_ in _INDEFINITE for c in noun.children):
            return None
        lexicons = self.people.lexicons
        if (
            lexicons.cues.verb_category(noun.head) not in SAID_CATEGORIES
            or noun.head.lemma_ == "ask"
        ):
            return None
        title = lexicons.titles.get(noun.lower_)
        if title is not None:
            stated = title.gender
        elif noun.lower_ in lexicons.person_nouns:
            stated = lexicons.person_nouns[noun.lower_]
        else:
            return None
        if stated not in (None, gender):
            return None
        named = named_in_apposition(noun)
        if named.i != noun.i:
            # "One pastor supporting Mr. Cruz, Darran Whiting of ..., said": the person named
            entity = self.people.name_of.get(named.i)
            return None if entity is None else self.roles.resolution_of(entity)
        span = doc[slice(*mention_bounds(noun))]
        role, org = self.roles.unnamed_role(span)
        name = span_text(self.text, strip_det(list(span)))
        return Resolution(name, SpeakerKind.UNNAMED, role, org, Gender(gender), "pronoun")

    def _they(self, root: Token, own: str) -> Resolution:
        """ "The Teamsters and the Firefighters remain on the sidelines, though they may
        endorse": a plural subject before "they" in its sentence, else the last plural speaker
        or plural subject of the two sentences before. A body ("Republicans", "the Teamsters
        and the Firefighters") keeps its kind; people ("officials", "Obama and Xi") are
        unnamed, since no one person said it."""
        doc = self.doc
        at = self._before_quote(root)
        sentence = self.layout.sentence_index(at)
        starts = self.layout.sentence_token_starts()

        def plural_subjects(lo: int, hi: int) -> list[Token]:
            return [
                t
                for t in doc[lo:hi]
                if t.dep_ in {"nsubj", "nsubjpass"}
                and t.pos_ in {"NOUN", "PROPN"}
                and (
                    any(c.dep_ == "conj" for c in t.children)
                    # "Sanders" is tagged plural: a person's name is one person
                    or (t.tag_ in {"NNS", "NNPS"} and t.ent_type_ != "PERSON")
                )
                and not self.people.in_quote(t.idx)
            ]

        found = plural_subjects(starts[sentence], at)[:1]
        for back in (1, 2):
            if found or sentence - back < 0:
                break
            lo, hi = starts[sentence - back], starts[sentence - back + 1]
            spoken = [
                doc[i]
                for i in sorted(self.spoken)
                if lo <= i < hi and doc[i].tag_ in {"NNS", "NNPS"} and doc[i].ent_type_ != "PERSON"
            ]
            found = spoken[-1:] or plural_subjects(lo, hi)[:1]
        if not found:
            return Resolution(own, SpeakerKind.UNKNOWN)
        s, e = mention_bounds(found[0])
        for conj in found[0].conjuncts:  # "The Teamsters, the Firefighters and UNITE HERE"
            e = max(e, mention_bounds(conj)[1])
        group = doc[s:e]
        kind = speaker_kind(group, (), self.people.lexicons.bodies)
        if kind == SpeakerKind.PERSON:  # "Obama and Xi": people, but no one person
            kind = SpeakerKind.UNNAMED
        return Resolution(span_text(self.text, strip_det(list(group))), kind)

    def thing(self, root: Token) -> Token | None:
        """The organisation, place or document an "it" that says something stands for: a
        subject before it in its sentence ("the company said on Friday that it had
        suspended ..."), else the subject of the sentence before, its main clause's first
        ("Still, the Business Council of British Columbia opposed an increase. '...,' it
        recommended."). The subject is a singular noun the model labels an organisation
        or a place, or a body's or a document's noun (``bodies.txt``, ``documents.txt``:
        "the bank", "the letter"); a person never is. None for an "it" that says nothing of
        its own ("It is unusual for a justice to weigh in", "it means admitting").
        """
        head = root.head
        if root.dep_ not in {"nsubj", "nsubjpass"} or head.pos_ != "VERB" or head.lemma_ in _IDLE:
            return None
        at = self._before_quote(root)
        sentence = self.layout.sentence_index(at)
        starts = self.layout.sentence_token_starts()
        lexicons = self.people.lexicons

        def things(lo: int, hi: int) -> list[Token]:
            return [
                t
                for t in self.doc[lo:hi]
                if t.dep_ in {"nsubj", "nsubjpass"}
                and t.tag_ in {"NN", "NNP"}
                and t.ent_type_ != "PERSON"
                and (
                    t.ent_type_ in {"ORG", "GPE"}
                    or t.lower_ in lexicons.bodies
                    or t.lower_ in lexicons.documents
                )
                and not self.people.in_quote(t.idx)
            ]

        found = things(starts[sentence], at)
        if not found and sentence > 0:
            before = things(starts[sentence - 1], starts[sentence])
            # its main clause's subject first: "As the bank ..., the board said"
            found = sorted(before, key=lambda t: t.head.dep_ != "ROOT")
        return found[0] if found else None

    def _author(self) -> Entity | None:
        """The writer of an opinion piece, from its contributor line: a last paragraph of one
        short sentence that says who a person is ("Rick Scott is the Republican governor of
        Florida."). The "I" of the text outside quotes is that person."""
        if not self.layout.paragraphs:
            return None
        start, end = self.layout.paragraphs[-1]
        tokens = self.layout.tokens_in(start, end)
        if not 3 <= len(tokens) <= 40:
            return None
        layout = self.layout
        if layout.sentence_index(tokens.start) != layout.sentence_index(tokens.stop - 1):
            return None
        root = self.doc[tokens.start : tokens.stop].root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_ != "be" or subject is None or subject.pos_ != "PROPN":
            return None
        return self.people.name_of.get(subject.i)

    def _fronted_clause_subject(self, root: Token, gender: str) -> Entity | None:
        """ "Asked if he thought the email went too far, Devine responded": a pronoun in an
        adverbial clause fronted before its sentence's subject is that subject, when the
        subject is a named person of the pronoun's gender. So is a possessive in a phrase
        fronted so ("During his speech in Arizona, Mr. Trump said"), but not another pronoun
        there: "To him, Trump said" speaks to someone else."""
        if self.people.in_quote(root.idx):
            return None
        tok = root
        while tok.head.i != tok.i:
            fronted = tok.dep_ == "advcl" or (tok.dep_ == "prep" and root.dep_ == "poss")
            if fronted and tok.i < tok.head.i:
                subject = next(
                    (c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None
                )
                if subject is None or subject.i < root.i:
                    return None
                entity = self.people.name_of.get(subject.i)
                return entity if entity is not None and entity.agrees(gender) else None
            tok = tok.head
        return None

    def _before_quote(self, root: Token) -> int:
        """Where to look back from for a pronoun: the pronoun itself, or for the "he" of
        '"...," he said' the start of the quotation it follows, so that a quotation of
        several sentences does not carry the antecedent out of reach, and the names inside it
        (the speaker's own words) do not come first."""
        quote = self.people.quotation_before(root.i)
        return root.i if quote is None else self.layout.token_at(quote[0])

    def _antecedent(
        self, at: int, gender: str, *, after_quote: bool = False, hops: int = 0
    ) -> Entity | None:
        """The person a "he" or "she" at token ``at`` refers to.

        News keeps to the person it is quoting: the antecedent is, going back sentence by
        sentence, the last speaker, else the subject, else the first person named; in the
        pronoun's own sentence, the main clause's subject before it, else the first subject
        before it, and never the one told in "X told Y that he ...". Names inside quotes are
        the speaker's words and come last. A person whose gender the text gives otherwise is
        skipped. A pronoun after a quotation that answers a question asked in the sentence
        before is the person asked, when the text names them ("Conroy asked Sanders whether
        ...").
        """
        people = self.people
        sentence = self.layout.sentence_index(at)
        hi = bisect_left(people.mention_at, at)
        lo = hi
        while lo > 0 and people.mentions[lo - 1].sentence >= sentence - PRONOUN_REACH:
            lo -= 1
        window = [
            m
            for m in people.mentions[lo:hi]
            if m.entity.agrees(gender)
            and not (m.sentence == sentence and _addressee(self.doc[m.at]))
        ]
        found = self._salient(window, sentence)
        follow = (
            self._pronoun_subject(at, sentence, found, gender) if hops < PRONOUN_REACH else None
        )
        if follow is not None:
            # "Tennis great Billie Jean King remembered Ali. She witnessed the Muhammad
            # Ali-Joe Frazier fight in 1971. '...,' she said": the "she" of the sentence
            # between is King, and so is the speaker's, not the fight's name.
            chained = self._antecedent(follow, gender, hops=hops + 1)
            if chained is not None:
                return chained
        if found is None:
            return None
        verb = question(self.doc, people, found.at) if after_quote else None
        if verb is not None and found.sentence >= sentence - 1:
            # "Conroy asked Sanders whether ... '...,' he said": the one who answers a
            # question is the one asked.
            asked = next((people.name_of.get(c.i) for c in verb.children if c.dep_ == "dobj"), None)
            if asked is not None and asked is not found.entity and asked.agrees(gender):
                return asked
        return found.entity

    def _pronoun_subject(
        self, at: int, sentence: int, found: Mention | None, gender: str
    ) -> int | None:
        """The "he" or "she" subject, of the pronoun's gender and outside quotes, that is a
        likelier antecedent than the named mention ``found``: the subject of a main clause
        in a sentence after ``found``'s (which names no one), or before ``found`` in its
        sentence, unless ``found`` speaks there. Its token index, or None."""
        starts = self.layout.sentence_token_starts()
        if found is None or found.quoted:
            last, stop = max(sentence - PRONOUN_REACH, 0), None
        elif found.speaker:
            last, stop = found.sentence + 1, None
        else:
            last, stop = found.sentence, found.at
        nominative = "he" if gender == "male" else "she"
        for s in range(sentence, last - 1, -1):
            hi = at if s == sentence else starts[s + 1]
            if s == last and stop is not None:
                hi = min(hi, stop)
            for tok in self.doc[starts[s] : hi]:
                if (
                    tok.lower_ == nominative
                    and tok.dep_ in {"nsubj", "nsubjpass"}
                    # the main clause's: in "As for the notion that people vote for Clinton
                    # because she would be the first woman, Fiorina offered ...", the "she"
                    # of a clause within is someone else
                    and tok.head.dep_ == "ROOT"
                    and not self.people.in_quote(tok.idx)
                ):
                    return tok.i
        return None

    def _salient(self, window: Sequence[Mention], sentence: int) -> Mention | None:
        """The most salient of the mentions before a pronoun in sentence ``sentence``: in
        that sentence, its main clause's subject before the subject of a clause within ("As
        President Barack Obama lectured the nation, Donald Trump responded as he
        live-tweeted": Trump)."""
        for quoted in (False, True):
            pool = [m for m in window if m.quoted == quoted]
            same = [m for m in pool if m.sentence == sentence and m.subject]
            if same:
                main = [m for m in same if phrase_head(self.doc[m.at]).head.dep_ == "ROOT"]
                return (main or same)[0]
            for s in range(sentence, sentence - PRONOUN_REACH - 1, -1):
                here = [m for m in pool if m.sentence == s]
                if not here:
                    continue
                speakers = [m for m in here if m.speaker]
                if speakers:
                    return speakers[-1]
                subjects = [m for m in here if m.subject]
                return (subjects or here)[0]
        return None
