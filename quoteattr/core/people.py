"""The people of a document: every name mention, joined into entities, with their genders.

News names a person in full once ("US Secretary of Defense Jim Mattis") and afterwards by
surname, pronoun or description ("Mattis", "he", "the secretary"). :class:`People` is the
per-Doc name table that the other resolution steps look names up in (citron keeps its name
table apart from its pronoun rules too): built once, on first use, from the PERSON entities
and the proper nouns the model left unlabelled.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy
import numpy.typing as npt
from spacy.attrs import ORTH
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..lexicons import SURNAME_PARTICLES, Title, company_suffixes
from .layout import TABLE, Layout, Ranges, any_equal
from .lexicon import Lexicons
from .mentions import ORG_LABELS, person_names, span_text, unglued, who_follows, words_end

__all__ = ["FEMALE", "MALE", "NAME_REACH", "Entity", "Mention", "Name", "People"]

#: Pronouns of each gender.
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE_IDS = frozenset(get_string_id(w) for w in MALE)
_SUBJECT_IDS = frozenset(get_string_id(w) for w in ("nsubj", "nsubjpass"))
_REFLEXIVE_IDS = frozenset(get_string_id(w) for w in ("himself", "herself"))
_POSS, _POBJ = get_string_id("poss"), get_string_id("pobj")
# The lower-case forms that end a company's legal name ("Shopify Inc"), as string ids
_COMPANY_SUFFIX_IDS = frozenset(get_string_id(w) for w in company_suffixes())
# Pronouns the tagger sometimes takes for proper nouns: the "I" of "I’m still here" with a
# curly apostrophe. No name.
_PRONOUN_IDS = frozenset(get_string_id(w) for w in ("i", "we", "you", "he", "she", "they"))
_GENDERED_IDS = tuple(sorted(get_string_id(w) for w in MALE | FEMALE))
_PROPN = _POS_IDS["PROPN"]
_NOUN = _POS_IDS["NOUN"]
_VERB = _POS_IDS["VERB"]
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NOT_NAME_POS = frozenset({"ADP", "ADV", "CCONJ", "DET", "PART", "SCONJ", "VERB"})
# The words of a name: "Haider al-Abadi" -> "haider", "al-abadi"; "Jr." -> "jr".
_NAME_PART = re.compile(r"\w[\w'’-]*")
# A possessive closing a token: "Trump‘s", "Trump's".
_POSSESSIVE_END = re.compile(r"(?<=\w)[’‘'`]s$")
_NICKNAME = re.compile(r"[\"“‘'][^\"“”‘’']{1,30}[\"”’']")
#: How far back (in sentences) a bare surname looks for the person last named with it.
NAME_REACH = 3


@attrs.frozen
class Name:
    """A person's name as written at tokens ``[start, end)``, titles dropped."""

    start: int
    end: int
    text: str  # whitespace made single spaces
    core: tuple[str, ...]  # lower-case words without "Jr." and the like
    suffix: tuple[str, ...]
    gender: str | None  # from a courtesy title: "Mr. Trump"


@attrs.define(eq=False)
class Entity:
    """A person of the document, built from its name mentions."""

    name: str
    core: tuple[str, ...]
    suffix: tuple[str, ...] = ()
    gender: str | None = None
    role: str | None = None
    organization: str | None = None
    role_at: int = -1  # the token where the role was stated (-1: none yet)
    # The gender the given name mostly carries ("hillary": "female"; lexicons/given_names.txt),
    # for agreement only: never reported, and the text's own evidence overrules it.
    given: str | None = None
    # What the text says of the person's gender: evidence -> genders it gave ("honorific",
    # "title", "pronouns"); it decides the gender a speaker is given (see reported_gender).
    evidence: dict[str, set[str]] = attrs.Factory(dict)
    role_nouns: set[str] = attrs.Factory(set)
    # Name mentions whose surroundings are not read for a role yet: (head, start, end).
    # Roles are read on demand, for the speakers and descriptions that need them.
    unread: list[tuple[int, int, int]] = attrs.Factory(list)

    def learn_role(
        self, at: int, role: str, organization: str | None, titles: Mapping[str, Title]
    ) -> None:
        """Keeps the first role stated in the text; every role adds its nouns (``titles``
        says which words are roles, and what noun and gender each gives)."""
        for word in role.lower().split():
            title = titles.get(word)
            if title is not None:
                self.role_nouns.add(title.noun)
                if title.gender:
                    self.evidence.setdefault("title", set()).add(title.gender)
                if title.gender and self.gender is None:
                    self.gender = title.gender
        if self.role_at < 0 or at < self.role_at:
            self.role, self.organization, self.role_at = role, organization, at

    def agrees(self, gender: str | None) -> bool:
        """Whether a pronoun or courtesy title of ``gender`` can refer to this person: the
        gender the text gives, else the one the given name carries, is none or the same.
        "Hillary Clinton" is no "he" though the text never calls her "she"; a "Lindsey"
        the text calls "Mr." is a "he"."""
        known = self.gender if self.gender is not None else self.given
        return gender is None or known in (None, gender)

    def reported_gender(self) -> tuple[str | None, str | None]:
        """The gender to report, and the evidence for it: a courtesy title or a gendered
        role first, else the pronouns the text uses after naming the person; none when the
        evidence disagrees ("Mr." once and "Mrs." once: a name two people share), which says
        so (evidence ``"conflicting"``), so that no later source (a first-name table) fills
        it in."""
        given = set().union(*self.evidence.values()) if self.evidence else set()
        if len(given) > 1:
            return None, "conflicting"
        if not given:
            return None, None
        for source in ("honorific", "title", "pronouns"):
            if source in self.evidence:
                return next(iter(given)), source
        return None, None


@attrs.frozen
class Mention:
    """A mention of a person entity in the text, for pronoun resolution."""

    at: int  # token index
    entity: Entity
    sentence: int
    subject: bool
    speaker: bool
    quoted: bool


def _titled(tok: Token, lexicons: Lexicons) -> bool:
    """ "Reince Priebus, the GOP chairman": a name with a role in apposition or before it, or
    with a relative clause on "who", is a person's, whatever entity label the model gave it."""
    if tok.lower_ in lexicons.bodies:
        return False
    for c in tok.children:
        if c.dep_ in {"appos", "compound"} and c.lower_ in lexicons.titles:
            return True
    return who_follows(tok, lexicons.bodies)


def _surname_key(core: tuple[str, ...]) -> str:
    """The key of a surname: "al-abadi" and "abadi" are one name."""
    return core[-1].rsplit("-", 1)[-1]


@functools.lru_cache(maxsize=4096)
def _name_words(written: str, last: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A name as :meth:`People.parse_name` gives it, from the text of its tokens
    (``written``) and of the last one (``last``): its text with single spaces and no
    possessive, its lower-case core words and its suffixes ("Jr."). A function of the two
    strings alone, kept for the names that recur from one article to the next: the same
    few people are most of a corpus's names."""
    text = " ".join(written.split())
    # 'Clinton:"We' glued, and "Trump‘s" with a possessive the tokenizer left on the name
    # (written with an opening quote mark it does not split off).
    kept = _POSSESSIVE_END.sub("", unglued(last))
    text = text[: len(text) - len(last) + len(kept)]
    # A quoted nickname is part of how the name is written, not of the name: the core of
    # 'John “Tig” Tiegen' is "john tiegen".
    words = tuple(_NAME_PART.findall(_NICKNAME.sub(" ", text).lower()))
    suffix = tuple(w for w in words if w in _NAME_SUFFIXES)
    core = tuple(w for w in words if w not in _NAME_SUFFIXES)
    # "De Blasio", "Van Hollen" after "Bill de Blasio": a name that opens with a surname
    # particle is a bare surname, not a given name and a surname
    while len(core) > 1 and core[0] in SURNAME_PARTICLES:
        core = core[1:]
    return text, core, suffix


def _co_argument(table: npt.NDArray[Any], heads: list[int], at: int, verbs: set[int]) -> bool:
    """Whether the pronoun at token ``at`` is an object of one of ``verbs`` (directly, or
    through a preposition: "strike up a date with her"), and so not their subject's: a
    pronoun that is not reflexive or possessive names someone other than the subject of its
    own verb ("Bill Clinton called her"). ``table`` is the layout's, DEP its second column
    and LOWER its fourth."""
    if not verbs or int(table[at, 3]) in _REFLEXIVE_IDS or int(table[at, 1]) == _POSS:
        return False
    head = heads[at]
    return head in verbs or (int(table[at, 1]) == _POBJ and heads[head] in verbs)


class People:
    """The per-Doc name table: person entities, their name mentions, genders and salience.

    Args:
        doc: a parsed Doc.
        layout: its :class:`~quoteattr.core.layout.Layout`.
        quotations: the document's quotations (names inside them are the speaker's words,
            not the reporter's, and weigh less as antecedents).
        lexicons: the word lists (titles and honorifics are no part of a name).
        outside: the ranges that are no running prose (a link line, a photo caption, a
            dateline): the names there are read as no one's (:meth:`build`).
    """

    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        quotations: Ranges,
        lexicons: Lexicons,
        outside: Ranges | None = None,
    ) -> None:
        self.doc = doc
        self.lexicons = lexicons
        self.layout = layout
        self.text = layout.text  # spaCy rebuilds doc.text on every access
        self.quotations = quotations
        self.outside = outside if outside is not None else Ranges([])
        self.entities: list[Entity] = []
        self._full: dict[str, list[Entity]] = {}  # last name word -> entities
        self._first: dict[str, list[Entity]] = {}  # first name word -> entities
        self.seen: dict[int, list[int]] = {}  # id(entity) -> token indices of its mentions
        self._seen_full: dict[int, list[int]] = {}  # the same, of its full-name mentions
        self.mentions: list[Mention] = []
        self.mention_at: list[int] = []
        self.name_of: dict[int, Entity] = {}  # name head token -> entity
        self._built = False
        self.table: numpy.ndarray = numpy.zeros((0, len(TABLE)), dtype="uint64")

    def in_quote(self, char: int) -> bool:
        """True when ``char`` lies inside a quotation."""
        return self.quotations.holds(char)

    def quotation_before(self, i: int) -> tuple[int, int] | None:
        """The quotation that token ``i`` follows with only punctuation and space between
        ('"...," he said'), as character offsets, or None."""
        doc = self.doc
        i -= 1
        while i >= 0 and (doc[i].is_punct or doc[i].is_space):
            i -= 1
            if self.in_quote(doc[i + 1].idx):
                break
        return self.quotations.at(doc[i].idx) if i >= 0 else None

    # -- building -------------------------------------------------------------------------

    def build(self) -> None:
        """Reads every name of the document into entities, once."""
        if self._built:
            return
        self._built = True
        doc = self.doc
        # Read by position here and in _vote_genders: POS, DEP, ENT_TYPE and LOWER are the
        # first columns of the layout's table (TABLE).
        self.table = self.layout.table
        # name head -> token range of the name phrase
        spans: dict[int, tuple[int, int]] = {
            e - 1: (s, e) for s, e in person_names(doc, self.layout.entities)
        }
        # Names the model left unlabelled: "Former secretary of state Hillary Rodham Clinton"
        # when "Clinton" is a person elsewhere, and proper-noun subjects ("Gray said").
        # The scan reads the token attributes as one array: Token objects cost too much here.
        strings = doc.vocab.strings
        table = self.table
        subjects = {strings["nsubj"], strings["nsubjpass"]}
        orgs = {strings[label] for label in ORG_LABELS}
        parts = {strings["compound"], strings["flat"]}
        heads = self.layout.heads
        at = numpy.flatnonzero(table[:, 0] == _PROPN)
        # (index, dep, entity type, lower) of each proper noun, as Python ints: indexing the
        # array for each one cost more than the rest of the scan. Read by column: a list per
        # row is an object the garbage collector tracks, and the 7,000 of a 48,000-word text
        # set off a full collection of the whole process (50 ms) while it was read.
        _, deps, ents, lows = table[at, :4].T.tolist()
        propn = list(zip(at.tolist(), deps, ents, lows, strict=True))
        surnames = {get_string_id(unglued(doc[e - 1].text).lower()) for _, e in spans.values()} | {
            low for _, dep, ent, low in propn if dep in subjects and ent not in orgs
        }
        for i, dep, ent, low in propn:
            if i in spans or low in _COMPANY_SUFFIX_IDS:  # "Shopify Inc said": a company
                continue
            if low in _PRONOUN_IDS:
                continue
            if low in surnames or (
                dep in subjects and (ent not in orgs or _titled(doc[i], self.lexicons))
            ):
                if dep in parts and heads[i] == i + 1:
                    continue
                start = i
                while (start > 0 and doc[start - 1].pos_ == "PROPN") or (
                    start > 1 and doc[start - 1].text == "-" and doc[start - 2].pos_ == "PROPN"
                ):
                    if doc[start - 1].dep_ not in {"compound", "flat", "punct"}:
                        break
                    start -= 1
                if start < i and doc[start].is_sent_start and int(table[start, 3]) in self._written:
                    # "Team Trump is ...": a word the text also writes in lower case, capital
                    # only because it starts the sentence
                    start += 1
                spans[i] = (start, i + 1)
        # A title-case headline's surname that the tagger took for a common noun: "Sanders
        # faces tough sell ..." when the article names Bernie Sanders, so that the lede's
        # "He needs to persuade ..." has him to refer to.
        full_names = {
            get_string_id(unglued(doc[e - 1].text).lower()) for s, e in spans.values() if e - s > 1
        }
        if self.layout.paragraphs:
            headline = self.layout.paragraph_tokens(0)
            # its common nouns, found over the POS column: indexing the table for each of
            # the headline's tokens cost more than the rest of the search
            nouns = numpy.flatnonzero(table[headline.start : headline.stop, 0] == _NOUN)
            nouns += headline.start
            for i, low in zip(nouns.tolist(), table[nouns, 3].tolist(), strict=True):
                if i not in spans and low in full_names and doc[i].text[:1].isupper():
                    spans[i] = (i, i + 1)
        # Elsewhere, a subject the tagger took for another part of speech, capital only
        # because it opens the sentence: "Tremblay is not worried." (a noun), "Pike himself
        # is less sentimental." (a preposition) of an article that names Luc Tremblay or
        # Gerald Pike, when the text never writes the word in lower case.
        subject_like = numpy.flatnonzero(
            (table[:, 0] != _PROPN) & any_equal(table[:, 1], tuple(subjects))
        )
        for i, low in zip(subject_like.tolist(), table[subject_like, 3].tolist(), strict=True):
            if (
                low in full_names
                and i not in spans
                and doc[i].text[:1].isupper()
                and low not in self._written
            ):
                spans[i] = (i, i + 1)
        names = []
        starts = self.layout.token_starts
        outside = self.outside
        for start, end in spans.values():
            # "READ MORE: Trump says ..." then "The mayor said": a name in a link line, a
            # caption or a dateline is no antecedent of the prose after it.
            if outside.holds(starts[start]):
                continue
            parsed = self.parse_name(start, end)
            if parsed is not None:
                names.append(parsed)
        # Full names first, longest first, so that "Stoltenberg" finds "Jens Stoltenberg".
        # Bare names wait for the genders the text gives ("Ms. Trump" of two Trumps).
        names.sort(key=lambda n: (-len(n.core), n.start))
        # The gendered pronouns, found once for both votes.
        pronouns = numpy.flatnonzero(any_equal(table[:, 3], _GENDERED_IDS)).tolist()
        for single in (False, True):
            for name in names:
                if (len(name.core) == 1) == single:
                    entity = self.entity_for(name, create=True)
                    assert entity is not None
                    self._note(entity, name)
            self._vote_genders(pronouns, final=single)

    @functools.cached_property
    def _written(self) -> frozenset[int]:
        """The ids of the tokens' texts as written, read when first needed: a word the text
        writes in lower case somewhere is one whose lower-case id is among them."""
        return frozenset(self.doc.to_array(ORTH).tolist())

    def parse_name(self, start: int, end: int) -> Name | None:
        """The name proper of a name phrase: courtesy titles, roles and "'s" dropped.

        Returns None for what cannot be a name: no capital letter, a word that is not a
        proper noun, or more than four words (a headline the model took for a name).
        """
        if start >= end:
            return None
        doc = self.doc
        honorifics, titles = self.lexicons.honorifics, self.lexicons.titles
        nouns = self.lexicons.person_nouns
        # The Token objects of the phrase and of the word before it, made once for all the
        # checks below (token k is made[k - first]): each doc[k] makes a new one, and the
        # checks read most words two or three times.
        first = max(start - 1, 0)
        made = [doc[k] for k in range(first, end)]
        gender = honorifics.get(made[0].lower_) if start > 0 else None
        while start < end:
            low = made[start - first].lower_
            if low in honorifics:
                gender = honorifics[low] or gender
            # "Nurse Jane Doe", the model's whole name: a person noun before a given name and
            # a surname says what she is, as a title does
            elif low not in titles and not (low in nouns and end - start > 2):
                break
            start += 1
        end = words_end(doc, start, end)
        # "Hewlett-Packard CEO Carly Fiorina": the name starts after the last role word
        # that only names follow.
        for k in range(end - 2, start, -1):
            if made[k - first].lower_ in titles and all(
                t.pos_ == "PROPN" for t in made[k + 1 - first : end - first]
            ):
                start = k + 1
                break
        # A headline's capitalised word that is no name: "Without Bloomberg", "Said Comey".
        while end - start > 1 and made[start - first].pos_ in _NOT_NAME_POS:
            start += 1
        if start >= end:
            return None
        tokens = made[start - first : end - first]
        # A surname particle inside a name is lower case and often tagged a noun: the "der"
        # of "Ursula von der Leyen".
        if any(
            not (t.is_punct or t.is_space or t.pos_ == "PROPN" or t.text[:1].isupper())
            and not (k and t.lower_ in SURNAME_PARTICLES)
            for k, t in enumerate(tokens)
        ):
            return None
        text, core, suffix = _name_words(span_text(self.text, tokens), tokens[-1].text)
        if not core or len(core) > 4 or not text[:1].isupper():
            return None
        return Name(start, end, text, core, suffix, gender)

    def entity_for(self, name: Name, *, create: bool) -> Entity | None:
        """The entity a name belongs to.

        A full name joins the entity with the same first and last names ("Hillary Clinton",
        "Hillary Rodham Clinton"). A bare surname takes, among the people of that surname,
        the one named in the last few sentences, else the one the article's body names in
        full first, so that "Clinton" in an article about Hillary Clinton is not her husband,
        and "Mr. Trump" a man.
        """
        core, suffix = name.core, name.suffix
        last = _surname_key(core)

        def same(e: Entity) -> bool:
            if len(core) == 1:  # "Trump": any Trump, but not "Donald Trump Jr." unless said
                return _surname_key(e.core) == last and (not suffix or e.suffix == suffix)
            return _surname_key(e.core) == last and e.core[0] == core[0] and e.suffix == suffix

        candidates = [e for e in self._full.get(last, []) if same(e)]
        if len(core) == 1:
            candidates = [e for e in candidates if not e.suffix] or candidates
            if not candidates:  # "Hillary", "Bernie": a first name used alone
                candidates = [e for e in self._first.get(last, []) if len(e.core) > 1]
        if name.gender is not None:
            candidates = [e for e in candidates if e.agrees(name.gender)] or candidates
        if len(candidates) > 1:
            return self._likeliest(candidates, name.start)
        if candidates:
            return candidates[0]
        if not create:
            return None
        bare = [e for e in self._full.get(last, []) if len(e.core) == 1]
        if len(core) > 1 and len(bare) == 1 and not suffix:
            # The full name comes after the surname was first seen alone ("Stoltenberg's
            # support ... Jens Stoltenberg told"): the surname's entity takes the full name.
            entity = bare[0]
            entity.name, entity.core = name.text, core
            entity.given = self._given(core)
            self._first.setdefault(core[0], []).append(entity)
            return entity
        entity = Entity(name=name.text, core=core, suffix=suffix, given=self._given(core))
        self.entities.append(entity)
        self._full.setdefault(last, []).append(entity)
        self._first.setdefault(core[0], []).append(entity)
        return entity

    def _given(self, core: tuple[str, ...]) -> str | None:
        """The gender the given names of a full name carry, when they agree: "Anne Marie
        Murphy" a woman's; "Marine John Tiegen", whose role word the name kept, none; a name
        of one word none (a surname, or a first name used alone)."""
        names = self.lexicons.given_names
        genders = {names.get(word) for word in core[:-1]} - {None}
        return genders.pop() if len(genders) == 1 else None

    def _likeliest(self, candidates: Sequence[Entity], at: int) -> Entity:
        """Of several people who share a name, the one named recently, else the one the body
        of the article named in full first (news gives the other one's first name each time),
        else the most named."""
        sentence = self.layout.sentence_index(at)
        recent = []
        for e in candidates:
            seen = self.seen.get(id(e), [])
            i = bisect.bisect_left(seen, at)
            if i > 0 and self.layout.sentence_index(seen[i - 1]) >= sentence - NAME_REACH:
                recent.append((seen[i - 1], e))
        if recent:
            at_, latest = max(recent, key=lambda r: r[0])
            if len(recent) == 1 or self.layout.sentence_index(at_) >= sentence - 1:
                return latest
        # The first token after the headline paragraph.
        body = (
            self.layout.tokens_in(0, self.layout.paragraphs[0][1]).stop
            if self.layout.paragraphs
            else 0
        )

        def first_in_body(e: Entity) -> int:
            full = self._seen_full.get(id(e), [])  # kept sorted
            k = bisect.bisect_left(full, body)
            return full[k] if k < len(full) else 1 << 30

        return min(
            candidates,
            key=lambda e: (first_in_body(e), -len(self.seen.get(id(e), [])), self.first_seen(e)),
        )

    def with_surname(self, word: str) -> list[Entity]:
        """The entities whose name ends in ``word`` (lower case), from the index the name
        lookup keeps, so that a caller need not scan every entity of a long text."""
        return [e for e in self._full.get(_surname_key((word,)), []) if e.core[-1] == word]

    def named_in_full_before(self, word: str, at: int) -> Entity | None:
        """The one person named in full before token ``at`` whose surname is ``word`` (lower
        case): whom a one-word name the model labels an organisation stands for ("Phoenix
        Mayor Greg Stanton wrote ... '...,' Stanton wrote"). None for none or several."""
        same = [e for e in self.with_surname(word) if len(e.core) > 1 and self.first_seen(e) < at]
        return same[0] if len(same) == 1 else None

    def first_seen(self, entity: Entity) -> int:
        """The token of the entity's first name mention (a large number when it has none)."""
        seen = self.seen.get(id(entity))
        return seen[0] if seen else 1 << 30

    def _note(self, entity: Entity, name: Name) -> None:
        """Records a mention of ``entity``, with the role stated around it if any."""
        bisect.insort(self.seen.setdefault(id(entity), []), name.start)
        if len(name.core) > 1:
            bisect.insort(self._seen_full.setdefault(id(entity), []), name.start)
        if name.gender:
            entity.evidence.setdefault("honorific", set()).add(name.gender)
        if name.gender and entity.gender is None:
            entity.gender = name.gender
        head = name.end - 1
        self.name_of[head] = entity
        entity.unread.append((head, name.start, name.end))
        mention = Mention(
            at=name.start,
            entity=entity,
            sentence=self.layout.sentence_index(name.start),
            # the relation from the layout's DEP column (TABLE[1]): no Token object made
            subject=int(self.layout.table[head, 1]) in _SUBJECT_IDS,
            speaker=False,
            quoted=self.in_quote(self.layout.token_starts[name.start]),
        )
        self._add_mention(mention)

    def _vote_genders(self, pronouns: list[int], final: bool) -> None:
        """Learns people's gender from the text: the pronouns that follow them.

        "Teachout decided to run. She said ..." makes Teachout a woman: a sentence that names
        one person, as its subject, and uses pronouns of one gender, or the sentence after it
        when that one opens with a pronoun and names nobody, counts as a vote.

        The first vote, on full names alone, may count a sentence whose other person is
        named by surname only: in "Hillary Clinton is more qualified than Obama was (he was
        a senator)", the "he" voted Clinton a man. The final vote, with every name read,
        overrules it where it decides otherwise. A pronoun among the objects of the person's
        own verb is someone else and casts no vote (:func:`_co_argument`).

        Args:
            pronouns: the tokens that are gendered pronouns ("he", "her", ...), in order.
            final: whether every name of the document is read into entities.
        """
        doc = self.doc
        starts = self.layout.sentence_token_starts()
        votes: dict[int, list[int]] = {}
        entities = {id(m.entity): m.entity for m in self.mentions}
        by_sentence: dict[int, set[int]] = {}
        subjects: set[tuple[int, int]] = set()
        firsts: dict[int, int] = {}
        for m in self.mentions:
            firsts.setdefault(m.sentence, m.at)
            if not m.quoted:
                by_sentence.setdefault(m.sentence, set()).add(id(m.entity))
                if m.subject:
                    subjects.add((m.sentence, id(m.entity)))
        table = self.table
        heads = self.layout.heads
        # The verbs each person's name is the subject of, by sentence: a pronoun among the
        # objects of such a verb is someone else ("Bill Clinton called her": "her" is not
        # him; "Clinton defended himself" takes the reflexive).
        verbs: dict[tuple[int, int], set[int]] = {}
        for head, entity in self.name_of.items():
            if int(table[head, 1]) in _SUBJECT_IDS:
                key = (self.layout.sentence_index(head), id(entity))
                verbs.setdefault(key, set()).add(heads[head])
        for k, people in by_sentence.items():
            if len(people) != 1:
                continue
            (who,) = people
            if (k, who) not in subjects:  # "As Clinton's victories rolled in, ... his"
                continue
            own = verbs.get((k, who), set())
            end = self.layout.sentence_tokens(k).stop
            if k + 1 not in by_sentence and k + 1 < len(starts):
                opener = doc[starts[k + 1]]
                if opener.lower_ in {"he", "she"}:
                    end = self.layout.sentence_tokens(k + 1).stop
            first = firsts[k]
            male = female = 0
            lo, hi = bisect.bisect_left(pronouns, first), bisect.bisect_left(pronouns, end)
            for at in pronouns[lo:hi]:
                if _co_argument(table, heads, at, own):
                    continue
                if not self.in_quote(self.layout.token_starts[at]):
                    if table[at, 3] in _MALE_IDS:
                        male += 1
                    else:
                        female += 1
            tally = votes.setdefault(who, [0, 0])
            if male and not female:
                tally[0] += 1
            elif female and not male:
                tally[1] += 1
        for who, (male, female) in votes.items():
            entity = entities[who]
            if male > 2 * female or female > 2 * male:
                voted = "male" if male > female else "female"
                earlier = entity.evidence.get("pronouns", set())
                if final and earlier and voted not in earlier:
                    entity.evidence["pronouns"] = {voted}
                    if not {"honorific", "title"} & entity.evidence.keys():
                        entity.gender = voted
                entity.evidence.setdefault("pronouns", set()).add(voted)
                if entity.gender is None:
                    entity.gender = voted

    def speaker_mention(self, root: Token, entity: Entity) -> None:
        """Records that ``entity`` speaks at ``root``: the likeliest antecedent from here on."""
        at = root.i
        sentence = self.layout.sentence_index(at)
        self._add_mention(Mention(at, entity, sentence, True, True, self.in_quote(root.idx)))

    def _add_mention(self, mention: Mention) -> None:
        i = bisect.bisect_right(self.mention_at, mention.at)
        self.mention_at.insert(i, mention.at)
        self.mentions.insert(i, mention)

    def person(self, span: Span) -> Entity | None:
        """The entity of a person-name mention, made if the name is new."""
        doc = self.doc
        root = span.root
        if root.i in self.name_of:
            return self.name_of[root.i]
        # The name proper is the run of name words at the end of the phrase, up to a
        # title: "US Secretary of Defense Jim Mattis" -> "Jim Mattis".
        end = words_end(doc, root.i + 1, span.end)
        start = end
        while start > span.start:
            tok = doc[start - 1]
            low = tok.lower_
            if low in self.lexicons.titles or low in self.lexicons.honorifics:
                break
            if tok.dep_ in {"det", "poss", "case"} and tok.i != root.i:
                break
            if not (
                tok.pos_ == "PROPN" or tok.text[:1].isupper() or tok.text in "-'’" or tok.is_space
            ):
                break
            start -= 1
        if start >= end:
            return None
        name = self.parse_name(start, end)
        if name is None:
            return None
        entity = self.entity_for(name, create=True)
        assert entity is not None
        self._note(entity, name)
        return entity
