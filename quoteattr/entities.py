"""From a speaker mention to the entity it names: canonical names, pronouns, roles.

News names a person in full once ("US Secretary of Defense Jim Mattis") and afterwards by
surname, pronoun or description ("Mattis", "he", "the secretary"). :func:`resolve_speakers`
gives every quote's speaker the canonical name of its entity (the fullest name the document
uses for it), the entity's kind, and the role and organisation stated anywhere in the document.

It works on the Doc alone: no coreference model is needed, but clusters that a user's pipeline
puts in ``doc.spans`` (groups whose name starts with ``coref_clusters``) take precedence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs
import numpy
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .core import marks
from .core.layout import Layout, paragraph_bounds
from .core.mentions import (
    ORG_LABELS,
    mention_bounds,
    person_names,
    person_surnames,
    phrase_head,
    relative_antecedent,
    speaker_kind,
    unglued,
    words_end,
)
from .errors import Errors, QuoteattrError
from .lexicons import bodies, demonyms, honorifics, titles
from .model import Quote, QuoteKind, Speaker, SpeakerEntity, SpeakerKind, TextSpan

__all__ = [
    "COREF_PREFIX",
    "Resolution",
    "Resolver",
    "author_name",
    "resolve_mentions",
    "resolve_speakers",
    "speakers",
    "with_author",
]

#: Span groups whose name starts with this are read as coreference clusters.
COREF_PREFIX = "coref_clusters"

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE_IDS = frozenset(get_string_id(w) for w in _MALE)
_GENDERED_IDS = numpy.array(sorted(get_string_id(w) for w in _MALE | _FEMALE), dtype="uint64")
_PROPN = _POS_IDS["PROPN"]
_NOUN_IDS = numpy.array([_POS_IDS["NOUN"], _PROPN], dtype="uint64")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NOT_NAME_POS = frozenset({"ADP", "ADV", "CCONJ", "DET", "PART", "SCONJ", "VERB"})
# The words of a name: "Haider al-Abadi" -> "haider", "al-abadi"; "Jr." -> "jr".
_WORD = re.compile(r"\w[\w'’-]*")
_NICKNAME = re.compile(r"[\"“‘'][^\"“”‘’']{1,30}[\"”’']")
_POSSESSIVE = re.compile(r"\s*['’]s\b")
# How far back (in sentences) a bare surname looks for the person last named with it.
_NAME_REACH = 3
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "&"})
_ORG_PREPS = frozenset({"of", "for", "at", "with", "from"})
# How far back (in sentences) a personal pronoun looks for its antecedent.
_PRONOUN_REACH = 5
# The longest role phrase taken from an appositive, in tokens; longer ones are clauses.
_MAX_ROLE = 14


@attrs.frozen
class Resolution:
    """What a mention refers to: the canonical name, the kind, role and organisation."""

    name: str
    kind: SpeakerKind
    role: str | None = None
    organization: str | None = None


@attrs.frozen
class _Name:
    """A person's name as written at tokens ``[start, end)``, titles dropped."""

    start: int
    end: int
    text: str  # whitespace made single spaces
    core: tuple[str, ...]  # lower-case words without "Jr." and the like
    suffix: tuple[str, ...]
    gender: str | None  # from a courtesy title: "Mr. Trump"


@attrs.define(eq=False)
class _Entity:
    """A person of the document, built from its name mentions."""

    name: str
    core: tuple[str, ...]
    suffix: tuple[str, ...] = ()
    gender: str | None = None
    role: str | None = None
    organization: str | None = None
    role_at: int = -1  # the token where the role was stated (-1: none yet)
    role_nouns: set[str] = attrs.Factory(set)
    # Name mentions whose surroundings are not read for a role yet: (head, start, end).
    # Roles are read on demand, for the speakers and descriptions that need them.
    unread: list[tuple[int, int, int]] = attrs.Factory(list)

    def learn_role(self, at: int, role: str, organization: str | None) -> None:
        """Keeps the first role stated in the text; every role adds its nouns."""
        for word in role.lower().split():
            title = titles().get(word)
            if title is not None:
                self.role_nouns.add(title.noun)
                if title.gender and self.gender is None:
                    self.gender = title.gender
        if self.role_at < 0 or at < self.role_at:
            self.role, self.organization, self.role_at = role, organization, at


@attrs.frozen
class _Mention:
    """A mention of a person entity in the text, for pronoun resolution."""

    at: int  # token index
    entity: _Entity
    sentence: int
    subject: bool
    speaker: bool
    quoted: bool


def _strip_det(tokens: Sequence[Token]) -> Sequence[Token]:
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    if tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    return tokens


def _titled(tok: Token) -> bool:
    """ "Reince Priebus, the GOP chairman": a name with a role in apposition or before it is
    a person's, whatever entity label the model gave it."""
    return tok.lower_ not in bodies() and any(
        c.dep_ in {"appos", "compound"} and c.lower_ in titles() for c in tok.children
    )


def _text(text: str, tokens: Sequence[Token]) -> str:
    """The original text from the first to the last of ``tokens``."""
    if not tokens:
        return ""
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _org_name(text: str, tokens: Sequence[Token]) -> str:
    """ "the State Department" -> "State Department"; "Iraqi" -> "Iraq"."""
    name = " ".join(_text(text, _strip_det(tokens)).split())
    return demonyms().get(name.lower(), name)


def _surname(core: tuple[str, ...]) -> str:
    """The key of a surname: "al-abadi" and "abadi" are one name."""
    return core[-1].rsplit("-", 1)[-1]


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
        layout: its :class:`~quoteattr.layout.Layout`.
        quoted: character ranges of the document's direct quotes (names inside them are the
            speaker's words, not the reporter's, and weigh less as antecedents).
        coref_prefix: span groups whose name starts with this are coreference clusters.
    """

    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        quoted: Sequence[tuple[int, int]] = (),
        coref_prefix: str = COREF_PREFIX,
    ) -> None:
        self.doc = doc
        self.layout = layout
        self.text = layout.text  # spaCy rebuilds doc.text on every access
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        self._coref_prefix = coref_prefix
        self._entities: list[_Entity] = []
        self._full: dict[str, list[_Entity]] = {}  # last name word -> entities
        self._first: dict[str, list[_Entity]] = {}  # first name word -> entities
        self._seen: dict[int, list[int]] = {}  # id(entity) -> token indices of its mentions
        self._seen_full: dict[int, list[int]] = {}  # the same, of its full-name mentions
        self._mentions: list[_Mention] = []
        self._mention_at: list[int] = []
        # Every speaker resolved so far, named or not: token of the mention -> entity or None.
        self._spoken: dict[int, _Entity | None] = {}
        self._name_of: dict[int, _Entity] = {}  # name head token -> entity
        self._orgs: dict[str, str] | None = None
        self._noun_index: dict[str, list[int]] | None = None
        # entity text, lower-cased -> [times labelled PERSON, times labelled otherwise]
        self._labels: dict[str, list[int]] | None = None
        self._built = False
        self._table: numpy.ndarray = numpy.zeros((0, 4), dtype="uint64")

    @classmethod
    def for_quotes(
        cls, doc: Doc, layout: Layout, quotes: Sequence[Quote], coref_prefix: str = COREF_PREFIX
    ) -> Resolver:
        """A resolver for ``doc`` that knows where its quotations are: the direct quotes and
        the quote-marked fragments of mixed ones."""
        return cls(doc, layout, _quoted(quotes), coref_prefix)

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        doc = self.doc
        self._table = doc.to_array([POS, DEP, ENT_TYPE, LOWER])
        # name head -> token range of the name phrase
        spans: dict[int, tuple[int, int]] = {e - 1: (s, e) for s, e in person_names(doc)}
        # Names the model left unlabelled: "Former secretary of state Hillary Rodham Clinton"
        # when "Clinton" is a person elsewhere, and proper-noun subjects ("Gray said").
        # The scan reads the token attributes as one array: Token objects cost too much here.
        strings = doc.vocab.strings
        table = self._table
        subjects = {strings["nsubj"], strings["nsubjpass"]}
        orgs = {strings[label] for label in ORG_LABELS}
        propn = numpy.flatnonzero(table[:, 0] == _PROPN).tolist()
        surnames = {get_string_id(unglued(doc[e - 1].text).lower()) for _, e in spans.values()} | {
            int(table[i, 3])
            for i in propn
            if table[i, 1] in subjects
            and table[i, 2] not in orgs
            and doc[i].dep_ not in {"compound", "flat"}
        }
        # The words the text writes in lower case somewhere.
        lowered = set(table[:, 3][table[:, 3] == doc.to_array(ORTH)].tolist())
        for i in propn:
            if i in spans:
                continue
            _, dep, ent, low = table[i].tolist()
            if low in surnames or (dep in subjects and (ent not in orgs or _titled(doc[i]))):
                tok = doc[i]
                if tok.dep_ in {"compound", "flat"} and tok.head.i == i + 1:
                    continue
                start = i
                while (start > 0 and doc[start - 1].pos_ == "PROPN") or (
                    start > 1 and doc[start - 1].text == "-" and doc[start - 2].pos_ == "PROPN"
                ):
                    if doc[start - 1].dep_ not in {"compound", "flat", "punct"}:
                        break
                    start -= 1
                if start < i and doc[start].is_sent_start and table[start, 3] in lowered:
                    # "Team Trump is ...": a word the text also writes in lower case, capital
                    # only because it starts the sentence
                    start += 1
                spans[i] = (start, i + 1)
        names = []
        for start, end in spans.values():
            parsed = self._parse_name(start, end)
            if parsed is not None:
                names.append(parsed)
        # Full names first, longest first, so that "Stoltenberg" finds "Jens Stoltenberg".
        # Bare names wait for the genders the text gives ("Ms. Trump" of two Trumps).
        names.sort(key=lambda n: (-len(n.core), n.start))
        for single in (False, True):
            for name in names:
                if (len(name.core) == 1) == single:
                    entity = self._entity_for(name, create=True)
                    assert entity is not None
                    self._note(entity, name)
            self._vote_genders()

    def _parse_name(self, start: int, end: int) -> _Name | None:
        """The name proper of a name phrase: courtesy titles, roles and "'s" dropped.

        Returns None for what cannot be a name: no capital letter, a word that is not a
        proper noun, or more than four words (a headline the model took for a name).
        """
        doc = self.doc
        gender = honorifics().get(doc[start - 1].lower_) if start > 0 else None
        while start < end:
            low = doc[start].lower_
            if low in honorifics():
                gender = honorifics()[low] or gender
            elif low not in titles():
                break
            start += 1
        end = words_end(doc, start, end)
        # "Hewlett-Packard CEO Carly Fiorina": the name starts after the last role word
        # that only names follow.
        for k in range(end - 2, start, -1):
            if doc[k].lower_ in titles() and all(t.pos_ == "PROPN" for t in doc[k + 1 : end]):
                start = k + 1
                break
        # A headline's capitalised word that is no name: "Without Bloomberg", "Said Comey".
        while end - start > 1 and doc[start].pos_ in _NOT_NAME_POS:
            start += 1
        if start >= end:
            return None
        tokens = doc[start:end]
        if any(
            not (t.is_punct or t.is_space or t.pos_ == "PROPN" or t.text[:1].isupper())
            for t in tokens
        ):
            return None
        text = " ".join(_text(self.text, list(tokens)).split())
        text = text[: len(text) - len(tokens[-1].text) + len(unglued(tokens[-1].text))]
        # A quoted nickname is part of how the name is written, not of the name: the core of
        # 'John “Tig” Tiegen' is "john tiegen".
        words = tuple(_WORD.findall(_NICKNAME.sub(" ", text).lower()))
        suffix = tuple(w for w in words if w in _SUFFIXES)
        core = tuple(w for w in words if w not in _SUFFIXES)
        if not core or len(core) > 4 or not text[:1].isupper():
            return None
        return _Name(start, end, text, core, suffix, gender)

    def _entity_for(self, name: _Name, *, create: bool) -> _Entity | None:
        """The entity a name belongs to.

        A full name joins the entity with the same first and last names ("Hillary Clinton",
        "Hillary Rodham Clinton"). A bare surname takes, among the people of that surname,
        the one named in the last few sentences, else the one the article's body names in
        full first, so that "Clinton" in an article about Hillary Clinton is not her husband,
        and "Mr. Trump" a man.
        """
        core, suffix = name.core, name.suffix
        last = _surname(core)

        def same(e: _Entity) -> bool:
            if len(core) == 1:  # "Trump": any Trump, but not "Donald Trump Jr." unless said
                return _surname(e.core) == last and (not suffix or e.suffix == suffix)
            return _surname(e.core) == last and e.core[0] == core[0] and e.suffix == suffix

        candidates = [e for e in self._full.get(last, []) if same(e)]
        if len(core) == 1:
            candidates = [e for e in candidates if not e.suffix] or candidates
            if not candidates:  # "Hillary", "Bernie": a first name used alone
                candidates = [e for e in self._first.get(last, []) if len(e.core) > 1]
        if name.gender is not None:
            candidates = [e for e in candidates if e.gender in (None, name.gender)] or candidates
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
            self._first.setdefault(core[0], []).append(entity)
            return entity
        entity = _Entity(name=name.text, core=core, suffix=suffix)
        self._entities.append(entity)
        self._full.setdefault(last, []).append(entity)
        self._first.setdefault(core[0], []).append(entity)
        return entity

    def _likeliest(self, candidates: Sequence[_Entity], at: int) -> _Entity:
        """Of several people who share a name, the one named recently, else the one the body
        of the article named in full first (news gives the other one's first name each time),
        else the most named."""
        sentence = self.layout.sentence_index(at)
        recent = []
        for e in candidates:
            seen = self._seen.get(id(e), [])
            i = bisect.bisect_left(seen, at)
            if i > 0 and self.layout.sentence_index(seen[i - 1]) >= sentence - _NAME_REACH:
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

        def first_in_body(e: _Entity) -> int:
            full = self._seen_full.get(id(e), [])  # kept sorted
            k = bisect.bisect_left(full, body)
            return full[k] if k < len(full) else 1 << 30

        return min(
            candidates,
            key=lambda e: (first_in_body(e), -len(self._seen.get(id(e), [])), self._first_seen(e)),
        )

    def _first_seen(self, entity: _Entity) -> int:
        seen = self._seen.get(id(entity))
        return seen[0] if seen else 1 << 30

    def _note(self, entity: _Entity, name: _Name) -> None:
        """Records a mention of ``entity``, with the role stated around it if any."""
        doc = self.doc
        bisect.insort(self._seen.setdefault(id(entity), []), name.start)
        if len(name.core) > 1:
            bisect.insort(self._seen_full.setdefault(id(entity), []), name.start)
        if name.gender and entity.gender is None:
            entity.gender = name.gender
        head = doc[name.end - 1]
        self._name_of[head.i] = entity
        entity.unread.append((head.i, name.start, name.end))
        mention = _Mention(
            at=name.start,
            entity=entity,
            sentence=self.layout.sentence_index(name.start),
            subject=head.dep_ in {"nsubj", "nsubjpass"},
            speaker=False,
            quoted=self._in_quote(doc[name.start].idx),
        )
        self._add_mention(mention)

    def _vote_genders(self) -> None:
        """Learns people's gender from the text: the pronouns that follow them.

        "Teachout decided to run. She said ..." makes Teachout a woman: a sentence that names
        one person, as its subject, and uses pronouns of one gender, or the sentence after it
        when that one opens with a pronoun and names nobody, counts as a vote.
        """
        doc = self.doc
        starts = self.layout.sentence_token_starts()
        votes: dict[int, list[int]] = {}
        entities = {id(m.entity): m.entity for m in self._mentions}
        by_sentence: dict[int, set[int]] = {}
        subjects: set[tuple[int, int]] = set()
        firsts: dict[int, int] = {}
        for m in self._mentions:
            firsts.setdefault(m.sentence, m.at)
            if not m.quoted:
                by_sentence.setdefault(m.sentence, set()).add(id(m.entity))
                if m.subject:
                    subjects.add((m.sentence, id(m.entity)))
        table = self._table
        pronouns = numpy.flatnonzero(numpy.isin(table[:, 3], _GENDERED_IDS)).tolist()
        for k, people in by_sentence.items():
            if len(people) != 1:
                continue
            (who,) = people
            if (k, who) not in subjects:  # "As Clinton's victories rolled in, ... his"
                continue
            end = starts[k + 1] if k + 1 < len(starts) else len(doc)
            if k + 1 not in by_sentence and k + 1 < len(starts):
                opener = doc[starts[k + 1]]
                if opener.lower_ in {"he", "she"}:
                    end = starts[k + 2] if k + 2 < len(starts) else len(doc)
            first = firsts[k]
            male = female = 0
            lo, hi = bisect.bisect_left(pronouns, first), bisect.bisect_left(pronouns, end)
            for at in pronouns[lo:hi]:
                if not self._in_quote(doc[at].idx):
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
            if entity.gender is None and (male > 2 * female or female > 2 * male):
                entity.gender = "male" if male > female else "female"

    def _speaker_mention(self, root: Token, entity: _Entity) -> None:
        """Records that ``entity`` speaks at ``root``: the likeliest antecedent from here on."""
        at = root.i
        sentence = self.layout.sentence_index(at)
        self._add_mention(_Mention(at, entity, sentence, True, True, self._in_quote(root.idx)))

    def _add_mention(self, mention: _Mention) -> None:
        i = bisect.bisect_right(self._mention_at, mention.at)
        self._mention_at.insert(i, mention.at)
        self._mentions.insert(i, mention)

    def _quote_at(self, char: int) -> tuple[int, int] | None:
        """The quotation (character range) that holds ``char``, if one does."""
        return _range_at(self._quoted, self._quoted_starts, char)

    def _in_quote(self, char: int) -> bool:
        return self._quote_at(char) is not None

    # -- roles ----------------------------------------------------------------------------

    def _resolution(self, entity: _Entity) -> Resolution:
        self._read_roles(entity)
        return Resolution(entity.name, SpeakerKind.PERSON, entity.role, entity.organization)

    def _read_roles(self, entity: _Entity) -> None:
        for head, start, end in entity.unread:
            found = self._role_of(self.doc[head], start, end)
            if found is not None:
                entity.learn_role(start, *found)
        entity.unread.clear()

    def _role_of(self, head: Token, start: int, end: int) -> tuple[str, str | None] | None:
        """The role of the name at ``[start, end)`` with head ``head``, and its organisation.

        "US Secretary of Defense Jim Mattis" -> ("Secretary of Defense", "US");
        "Katie Wheelbarger, principal US deputy assistant secretary of defense ..." -> the
        appositive, with the first organisation or country in it; "Trump's campaign
        manager, Kellyanne Conway" -> ("campaign manager", None).
        """
        doc = self.doc
        # Before the name: titles that modify it.
        left = head.left_edge.i
        j = start
        while j > left:
            tok = doc[j - 1]
            if tok.dep_ in {"det", "predet", "case", "poss"} or (tok.is_punct and tok.text != "-"):
                break
            if tok.lower_ in honorifics():
                break
            j -= 1
        prefix = [t for t in doc[j:start] if t.lower_ not in honorifics()]
        found = self._split_role(prefix)
        if found is not None:
            return found
        # After the name: an appositive ("Mark Toner, the head of the press office at ...").
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                return self._appositive(child)
        # The name is the appositive: "Trump's campaign manager, Kellyanne Conway, said".
        if head.dep_ == "appos" and head.head.i < start and head.head.pos_ == "NOUN":
            governor = head.head
            tokens = [t for t in doc[governor.left_edge.i : governor.i + 1]]
            org = None
            poss = [t for t in tokens if t.dep_ == "poss" and t.ent_type_ in ORG_LABELS]
            tokens = [
                t for t in tokens if t.dep_ not in {"det", "poss", "case"} and t.head.dep_ != "poss"
            ]
            if poss:
                s, e = mention_bounds(poss[0])
                org = _org_name(self.text, list(doc[s:e]))
            if any(t.lower_ in titles() for t in tokens):
                return _text(self.text, tokens), org
        return None

    def _split_role(self, tokens: Sequence[Token]) -> tuple[str, str | None] | None:
        """Splits a title phrase into role and organisation: "Iraqi Prime Minister"."""
        tokens = _strip_det(tokens)
        if not tokens or not any(t.lower_ in titles() for t in tokens):
            return None
        org = None
        k = 0
        while k < len(tokens) and tokens[k].ent_type_ in ORG_LABELS:
            k += 1
        if 0 < k < len(tokens):
            org = _org_name(self.text, tokens[:k])
            tokens = tokens[k:]
        if not any(t.lower_ in titles() for t in tokens):
            return None
        return _text(self.text, tokens), org

    def _appositive(self, head: Token) -> tuple[str, str | None] | None:
        doc = self.doc
        tokens = list(_strip_det(list(doc[head.left_edge.i : head.right_edge.i + 1])))
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not tokens or len(tokens) > _MAX_ROLE:
            return None
        chain = [head, *(c for c in head.children if c.dep_ in {"compound", "amod", "nmod"})]
        if not any(t.lower_ in titles() for t in chain):
            return None
        # "the head of the press office at the State Department": the body ends the phrase.
        last = tokens[-1]
        if last.ent_type_ in {"ORG", "GPE"}:
            begin = last.i
            while begin > tokens[0].i and doc[begin].ent_iob_ == "I":
                begin -= 1
            k = begin - tokens[0].i
            if k > 1 and tokens[k - 1].lower_ in _ORG_PREPS:
                return _text(self.text, tokens[: k - 1]), _org_name(self.text, tokens[k:])
        org = None
        for k, t in enumerate(tokens):
            if t.ent_type_ in ORG_LABELS and t.ent_iob_ == "B":
                e = k + 1
                while e < len(tokens) and tokens[e].ent_iob_ == "I":
                    e += 1
                org = _org_name(self.text, tokens[k:e])
                break
        return _text(self.text, tokens), org

    # -- resolving ------------------------------------------------------------------------

    def resolve(
        self, start: int, end: int, kind: SpeakerKind, *, speaker: bool = True
    ) -> Resolution:
        """Resolves the mention at tokens ``[start, end)``.

        Args:
            start: first token of the mention.
            end: token after the mention.
            kind: the kind the mention has on its own (:func:`quoteattr.speakers.speaker_kind`).
            speaker: record the mention as a speaker, a salient antecedent for later pronouns.

        Returns:
            the resolution; an unresolvable pronoun keeps its own text and kind UNKNOWN.
        """
        found = self._resolve(start, end, kind, speaker)
        if speaker:
            self._spoken[start] = self._by_name(found)
        return found

    def _by_name(self, found: Resolution) -> _Entity | None:
        """The person entity a resolution names, if it names one."""
        if found.kind != SpeakerKind.PERSON:
            return None
        return next((e for e in self._entities if e.name == found.name), None)

    def _resolve(self, start: int, end: int, kind: SpeakerKind, speaker: bool) -> Resolution:
        self._build()
        doc = self.doc
        span = doc[start:end]
        own = _text(self.text, list(span))
        clustered = self._from_clusters(span)
        if clustered is not None:
            return clustered
        root = span.root
        antecedent = relative_antecedent(root)
        if antecedent is not None:
            s, e = mention_bounds(antecedent)
            if not (s <= root.i < e):
                return self._resolve(s, e, kind, False)
        if root.pos_ == "PRON":
            return self._pronoun(root, own, speaker)
        if kind == SpeakerKind.PERSON:
            entity = self._person(span)
            if entity is not None:
                if speaker:
                    self._speaker_mention(root, entity)
                return self._resolution(entity)
            return Resolution(own, kind)
        if kind == SpeakerKind.ORGANIZATION:
            return Resolution(self._org(span), kind)
        described = self._described(span)
        if described is not None:
            return self._resolution(described)
        body = self._described_body(span)
        if body is not None:
            return Resolution(body, SpeakerKind.ORGANIZATION)
        name = _text(self.text, _strip_det(list(span))) or own
        role, org = self._unnamed_role(span)
        return Resolution(name, kind, role, org)

    def resolve_quotes(self, quotes: Sequence[Quote]) -> list[Quote]:
        """Resolves the speakers of ``quotes``, in the order their mentions appear.

        Returns:
            the quotes in the given order, speakers resolved.
        """
        layout = self.layout
        mentioned = [
            (q.speaker.mention.start, i)
            for i, q in enumerate(quotes)
            if q.speaker is not None and q.speaker.mention is not None
        ]
        out = list(quotes)
        done: dict[tuple[int, int], Resolution] = {}
        for _, i in sorted(mentioned):
            speaker = quotes[i].speaker
            assert speaker is not None and speaker.mention is not None
            m = speaker.mention
            toks = layout.tokens_in(m.start, m.end)
            if not toks:
                continue
            key = (toks.start, toks.stop)
            if key not in done:
                done[key] = self.resolve(toks.start, toks.stop, speaker.kind)
            r = done[key]
            resolved = Speaker(r.name, r.kind, m, r.role, r.organization)
            out[i] = attrs.evolve(quotes[i], speaker=resolved)
        return out

    def _person(self, span: Span) -> _Entity | None:
        """The entity of a person-name mention, made if the name is new."""
        doc = self.doc
        root = span.root
        if root.i in self._name_of:
            return self._name_of[root.i]
        # The name proper is the run of name words at the end of the phrase, up to a
        # title: "US Secretary of Defense Jim Mattis" -> "Jim Mattis".
        end = words_end(doc, root.i + 1, span.end)
        start = end
        while start > span.start:
            tok = doc[start - 1]
            low = tok.lower_
            if low in titles() or low in honorifics():
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
        name = self._parse_name(start, end)
        if name is None:
            return None
        entity = self._entity_for(name, create=True)
        assert entity is not None
        self._note(entity, name)
        return entity

    def _org(self, span: Span) -> str:
        """The canonical name of an organisation: an acronym takes its spelled-out form."""
        doc = self.doc
        name = _org_name(self.text, list(span))
        if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
            if self._orgs is None:
                self._orgs = {}
                for ent in doc.ents:
                    if ent.label_ == "ORG" and len(ent) > 1:
                        self._orgs.setdefault(_initials(ent), _org_name(self.text, list(ent)))
            return self._orgs.get(name, name)
        return name

    def _described(self, span: Span) -> _Entity | None:
        """ "the senator" -> the one person the document gives that role."""
        root = span.root
        if root.tag_ not in {"NN", "NNP"}:
            return None
        definite = (
            c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in root.children
        )
        if not any(definite):
            return None
        title = titles().get(root.lower_)
        if title is None:
            return None
        for e in self._entities:
            self._read_roles(e)
        # A description refers back: to a holder of the role named before it.
        having = [
            e
            for e in self._entities
            if title.noun in e.role_nouns and self._first_seen(e) < span.start
        ]
        sentence = self.layout.sentence_index(span.start)
        first = self.layout.sentence_token_starts()[max(0, sentence - _NAME_REACH)]
        if len(having) > 1:
            # Several people hold the role: the one named in the last few sentences, if one is.
            having = [
                e
                for e in having
                if any(first <= at < span.start for at in self._seen.get(id(e), []))
            ]
        anaphoric = any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) and not any(
            c.dep_ == "poss" for c in root.children
        )
        if not having and anaphoric:
            # Nobody named before was given the role: "Paul Singer changed ... The fund
            # manager wrote" is the previous sentence's subject; "Sanders responded. ... the
            # Vermont senator said" the last speaker of the last few sentences, when that was
            # a named person and not an unnamed source ("a senior official ... the official").
            # Not "Rubio's campaign manager": a possessor makes it someone else.
            spoken = sorted(at for at in self._spoken if first <= at < span.start)
            asker = None
            if spoken and self._question(spoken[-1]) is not None:
                # '"That would be you?" Borger asked. "That would be me," the senator said':
                # the one who asked is not the one who answers, who spoke before the question.
                asker = self._spoken[spoken[-1]]
                earlier = self.layout.sentence_token_starts()[max(0, sentence - _PRONOUN_REACH)]
                spoken = sorted(
                    at
                    for at, e in self._spoken.items()
                    if earlier <= at < span.start and e is not asker
                )
            having = [
                m.entity
                for m in self._mentions
                if m.sentence == sentence - 1
                and m.subject
                and not m.quoted
                and m.entity is not asker
                and title.gender in (None, m.entity.gender)
            ][:1]
            if not having and spoken:
                last = self._spoken[spoken[-1]]
                if last is not None and title.gender in (None, last.gender):
                    having = [last]
        return having[0] if len(having) == 1 else None

    def _nouns(self) -> dict[str, list[int]]:
        """Lemma -> positions of the nouns and proper nouns with it, read once per Doc."""
        if self._noun_index is None:
            table = self.doc.to_array([POS, LEMMA])
            nouns = numpy.flatnonzero(numpy.isin(table[:, 0], _NOUN_IDS))
            strings = self.doc.vocab.strings
            lower: dict[int, str] = {}
            index: dict[str, list[int]] = {}
            for i, lemma in zip(nouns.tolist(), table[nouns, 1].tolist(), strict=True):
                if lemma not in lower:
                    lower[lemma] = strings[lemma].lower()
                index.setdefault(lower[lemma], []).append(i)
            self._noun_index = index
        return self._noun_index

    def _described_body(self, span: Span) -> str | None:
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
        sort = bodies().get(root.lemma_.lower())
        if sort is None or root.pos_ != "NOUN":
            return None
        named = [c for c in root.rights if c.dep_ == "appos" and c.i == root.i + 1]
        if named:  # "the website fivethirtyeight": the name is given with the noun
            return _org_name(self.text, list(named[0].subtree))
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in root.children):
            return None
        starts = self.layout.sentence_token_starts()
        sentence = self.layout.sentence_index(span.start)
        lo = starts[max(0, sentence - _PRONOUN_REACH)]
        near = starts[max(0, sentence - 1)]
        fallback = None
        labels = {"ORG"} if sort == "org" else {"GPE"}
        # Beyond the last few sentences, only a phrase with the same noun.
        lemma = root.lemma_.lower()
        farther = [i for i in self._nouns().get(lemma, ()) if i < lo]
        for i in [*range(span.start - 1, lo - 1, -1), *reversed(farther)]:
            tok = doc[i]
            plural = tok.tag_ in {"NNS", "NNPS"}
            if (
                tok.lemma_.lower() == root.lemma_.lower()
                and tok.pos_ in {"NOUN", "PROPN"}
                and plural == (root.tag_ == "NNS")  # "the poll" is not "two Quinnipiac polls"
            ):
                if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > i:
                    s, e = mention_bounds(tok.head)  # "the abortion rights group NARAL"
                    return _org_name(self.text, [t for t in doc[s:e] if t.i > i])
                proper = [
                    c
                    for c in tok.lefts
                    if c.dep_ in {"compound", "amod", "nmod", "poss"}
                    and (c.pos_ == "PROPN" or c.ent_type_)
                ]
                if proper:  # "a new Washington Post-ABC News poll", "Clinton's campaign"
                    first = min(c.left_edge.i for c in proper)
                    return _POSSESSIVE.sub("", _text(self.text, list(doc[first : i + 1])))
            if tok.ent_iob_ == "B" and tok.ent_type_ in labels | {"ORG", "GPE", "FAC"}:
                entity = doc[slice(*mention_bounds(tok))]  # the whole entity that starts here
                if entity[-1].lemma_.lower() == root.lemma_.lower():
                    return _org_name(self.text, list(entity))
                if (
                    fallback is None
                    and tok.ent_type_ in labels
                    and i >= near
                    # "support for Sanders": a person's name the model labelled ORG here
                    and not self._mostly_person(entity.text)
                ):
                    fallback = _org_name(self.text, list(entity))
        return fallback

    def _mostly_person(self, name: str) -> bool:
        """True when the model labels ``name`` PERSON at least as often as anything else in the
        document, a full name counting for its surname: "Sanders" labelled ORG twice, and
        "Sanders" and "Bernie Sanders" labelled PERSON, is a person."""
        if self._labels is None:
            self._labels = {}
            for ent in self.doc.ents:
                votes = self._labels.setdefault(ent.text.lower(), [0, 0])
                votes[ent.label_ != "PERSON"] += 1
                if ent.label_ == "PERSON" and len(ent) > 1:  # "Bernie Sanders" is a Sanders
                    self._labels.setdefault(ent[-1].lower_, [0, 0])[0] += 1
        person, other = self._labels.get(name.lower(), (0, 0))
        return person >= other and person > 0

    def _unnamed_role(self, span: Span) -> tuple[str | None, str | None]:
        """ "a spokesman for the State Department" -> ("spokesman", "State Department")."""
        root = span.root
        tokens = list(_strip_det(list(span)))
        if not any(t.lower_ in titles() for t in tokens):
            return None, None
        org = None
        for prep in root.rights:
            if prep.dep_ == "prep" and prep.lower_ in _ORG_PREPS:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in {"ORG", "GPE"}:
                    s, e = mention_bounds(obj)
                    org = _org_name(self.text, list(self.doc[s:e]))
                    break
        if org is None:
            for t in tokens:
                if t.ent_type_ in ORG_LABELS:
                    s, e = mention_bounds(t)
                    inner = self.doc[max(s, span.start) : min(e, span.end)]
                    org = _org_name(self.text, list(inner))
                    tokens = [x for x in tokens if not (s <= x.i < e)]
                    break
        return _text(self.text, tokens) or None, org

    def _pronoun(self, root: Token, own: str, speaker: bool) -> Resolution:
        low = root.lower_
        gender = "male" if low in _MALE else "female" if low in _FEMALE else None
        if gender is None:
            if low == "they":
                return self._they(root, own)
            if low == "i" and not self._in_quote(root.idx):
                author = self._author()
                if author is not None:
                    return self._resolution(author)
            return Resolution(own, SpeakerKind.UNKNOWN)
        at = self._before_quote(root)
        entity = self._antecedent(at, gender, after_quote=at != root.i)
        if entity is None:
            return Resolution(own, SpeakerKind.UNKNOWN)
        if speaker:
            self._speaker_mention(root, entity)
        return self._resolution(entity)

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
                and not self._in_quote(t.idx)
            ]

        found = plural_subjects(starts[sentence], at)[:1]
        for back in (1, 2):
            if found or sentence - back < 0:
                break
            lo, hi = starts[sentence - back], starts[sentence - back + 1]
            spoken = [
                doc[i]
                for i in sorted(self._spoken)
                if lo <= i < hi and doc[i].tag_ in {"NNS", "NNPS"} and doc[i].ent_type_ != "PERSON"
            ]
            found = spoken[-1:] or plural_subjects(lo, hi)[:1]
        if not found:
            return Resolution(own, SpeakerKind.UNKNOWN)
        s, e = mention_bounds(found[0])
        for conj in found[0].conjuncts:  # "The Teamsters, the Firefighters and UNITE HERE"
            e = max(e, mention_bounds(conj)[1])
        group = doc[s:e]
        kind = speaker_kind(group)
        if kind == SpeakerKind.PERSON:  # "Obama and Xi": people, but no one person
            kind = SpeakerKind.UNNAMED
        return Resolution(_text(self.text, _strip_det(list(group))), kind)

    def _author(self) -> _Entity | None:
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
        return self._name_of.get(subject.i)

    def _before_quote(self, root: Token) -> int:
        """Where to look back from for a pronoun: the pronoun itself, or for the "he" of
        '"...," he said' the start of the quotation it follows, so that a quotation of
        several sentences does not carry the antecedent out of reach, and the names inside it
        (the speaker's own words) do not come first."""
        i = root.i - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i -= 1
            if self._in_quote(self.doc[i + 1].idx):
                break
        quote = self._quote_at(self.doc[i].idx) if i >= 0 else None
        return root.i if quote is None else self.layout.token_at(quote[0])

    def _antecedent(self, at: int, gender: str, *, after_quote: bool = False) -> _Entity | None:
        """The person a "he" or "she" at token ``at`` refers to.

        News keeps to the person it is quoting: the antecedent is, going back sentence by
        sentence, the last speaker, else the subject, else the first person named; in the
        pronoun's own sentence, the nearest subject before it. Names inside quotes are the
        speaker's words and come last. A person whose gender the text gives otherwise is
        skipped. A pronoun after a quotation that answers a question asked in the sentence
        before is the person asked, when the text names them ("Conroy asked Sanders whether
        ...").
        """
        sentence = self.layout.sentence_index(at)
        hi = bisect.bisect_left(self._mention_at, at)
        lo = hi
        while lo > 0 and self._mentions[lo - 1].sentence >= sentence - _PRONOUN_REACH:
            lo -= 1
        window = [m for m in self._mentions[lo:hi] if m.entity.gender in (None, gender)]
        found = self._salient(window, sentence)
        if found is None:
            return None
        verb = self._question(found.at) if after_quote else None
        if verb is not None and found.sentence >= sentence - 1:
            # "Conroy asked Sanders whether ... '...,' he said": the one who answers a
            # question is the one asked.
            asked = next((self._name_of.get(c.i) for c in verb.children if c.dep_ == "dobj"), None)
            if asked is not None and asked is not found.entity and asked.gender in (None, gender):
                return asked
        return found.entity

    def _question(self, at: int) -> Token | None:
        """The "asked" of which the name at token ``at`` is the subject ("Borger asked"), if
        it is one."""
        head = phrase_head(self.doc[at])
        verb = head.head
        if head.dep_ == "nsubj" and verb.lemma_ == "ask" and not self._in_quote(verb.idx):
            return verb
        return None

    def _salient(self, window: Sequence[_Mention], sentence: int) -> _Mention | None:
        """The most salient of the mentions before a pronoun in sentence ``sentence``."""
        for quoted in (False, True):
            pool = [m for m in window if m.quoted == quoted]
            same = [m for m in pool if m.sentence == sentence and m.subject]
            if same:
                return same[0]
            for s in range(sentence, sentence - _PRONOUN_REACH - 1, -1):
                here = [m for m in pool if m.sentence == s]
                if not here:
                    continue
                speakers = [m for m in here if m.speaker]
                if speakers:
                    return speakers[-1]
                subjects = [m for m in here if m.subject]
                return (subjects or here)[0]
        return None

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


def resolve_speakers(
    doc: Doc, layout: Layout, quotes: Sequence[Quote], coref_prefix: str = COREF_PREFIX
) -> list[Quote]:
    """Gives each quote's speaker its entity's canonical name, kind, role and organisation.

    Args:
        doc: the parsed Doc the quotes come from.
        layout: its layout.
        quotes: the quotes, in any order.
        coref_prefix: span groups of ``doc.spans`` whose name starts with this are read as
            coreference clusters and take precedence over quoteattr's own rules.

    Returns:
        the quotes in the same order, speakers resolved.
    """
    if not any(q.speaker is not None and q.speaker.mention is not None for q in quotes):
        return list(quotes)
    return Resolver.for_quotes(doc, layout, quotes, coref_prefix).resolve_quotes(quotes)


def _quoted(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The character ranges of the quotations among ``quotes``: the parts of the direct
    quotes and the quote-marked fragments of mixed ones, sorted."""
    quoted = [p for q in quotes if q.kind == QuoteKind.DIRECT for p in q.parts]
    quoted += [(f.start, f.end) for q in quotes for f in q.fragments]
    return sorted(quoted)


def _range_at(
    ranges: Sequence[tuple[int, int]], starts: Sequence[int], char: int
) -> tuple[int, int] | None:
    """The range of the sorted ``ranges`` (whose starts are ``starts``) that holds ``char``."""
    i = bisect.bisect_right(starts, char) - 1
    return ranges[i] if i >= 0 and ranges[i][1] > char else None


_BY = re.compile(r"^\s*by\b[\s:]*", re.IGNORECASE)
_CONTACT = re.compile(r"[.,]?\s*\b(?:e-?mail|twitter|follow)\b.*$", re.IGNORECASE | re.DOTALL)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,;&|/]|\band\b)\s*", re.IGNORECASE)
# Bylines that name a desk or an agency rather than a writer.
_NOT_WRITER = frozenset(
    {"staff", "press", "news", "wire", "wires", "desk", "editors", "editorial", "board", "reports"}
)


def author_name(author: str | Sequence[str] | None) -> str | None:
    """The one writer a byline names, written as a name.

    "BY ANDREW ROSS SORKIN" -> "Andrew Ross Sorkin"; "Heidi M. Przybyla, @hmpzyb, USA TODAY"
    -> "Heidi M. Przybyla". A byline in capitals is put in title case; handles, e-mail and
    Twitter notes, and a paper's name in capitals beside a name in mixed case are dropped.

    Args:
        author: a byline, or a list of author names.

    Returns:
        the name, or None when there is no byline, when it names several writers ("By Jane
        Doe and John Roe": whose "I" would it be?), or when it is no person's name (one word,
        more than five, digits, or a desk: "By Reuters Staff").

    Raises:
        QuoteattrError: [E018] when ``author`` is neither a str nor a list of str.
    """
    if author is None:
        return None
    parts = [author] if isinstance(author, str) else author
    if not isinstance(parts, list | tuple):
        raise QuoteattrError(Errors.E018.format(got=type(author).__name__))
    for part in parts:
        if not isinstance(part, str):
            got = f"a {type(author).__name__} holding a {type(part).__name__}"
            raise QuoteattrError(Errors.E018.format(got=got))
    names = [
        " ".join(name.split())
        for part in parts
        for name in _AUTHOR_SEPARATORS.split(_CONTACT.sub("", _BY.sub("", part)))
        if name.strip() and "@" not in name  # "@gregorykorte": a handle
    ]
    if any(not n.isupper() for n in names):
        # "Heidi M. Przybyla, USA TODAY": beside a name in mixed case, capitals are the paper
        names = [n for n in names if not n.isupper()]
    if len(names) != 1:
        return None
    words = names[0].split()
    if not 2 <= len(words) <= 5 or any(
        not w[:1].isalpha() or any(c.isdigit() for c in w) or w.lower() in _NOT_WRITER
        for w in words
    ):
        return None
    if names[0].isupper():
        return " ".join(w if len(w.rstrip(".")) == 1 else w.title() for w in words)
    return names[0]


# A transcript or an interview printed as questions and answers: its "I" is whoever speaks
# ("Q:", "A:", "FALLIN:").
_SPEAKER_LABEL = re.compile(
    r"^[^\S\n]*(?:[QA][:.]|[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)?:)[^\S\n]+\S", re.MULTILINE
)


def _writer_is_i(text: str) -> bool:
    """False for a transcript or an interview: two paragraphs or more open with a speaker's
    label."""
    return len(_SPEAKER_LABEL.findall(text, 0, len(text))) < 2


def _quotations(
    text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[Quote]
) -> list[tuple[int, int]]:
    """Where the text quotes someone, a paragraph at a time: the quotations of ``quotes``,
    every top-level pair of quote marks, and the reach of a mark left without its partner (a
    quotation still open at the end of its paragraph, or closed with no opening mark).
    ``paragraphs`` are the text's (:func:`~quoteattr.layout.paragraph_bounds`)."""
    pairs, problems = marks.find_quotes(text)
    ranges = {part for pair in pairs if pair.depth == 0 for part in pair.parts}
    ranges.update(_quoted(quotes))
    starts = [s for s, _ in paragraphs]
    for problem in problems:
        at = problem.offset
        k = bisect.bisect_right(starts, at) - 1
        if k < 0:
            continue
        start, end = paragraphs[k]
        after = text[at + len(problem.mark) : at + len(problem.mark) + 1]
        closing = problem.mark in "”»’" or (
            problem.mark not in "“«‘„" and (not after or after.isspace() or after in ",.;:!?")
        )
        ranges.add((start, at + len(problem.mark)) if closing else (at, end))
    merged: list[tuple[int, int]] = []  # as one set of ranges that do not overlap
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _writers_i(
    text: str,
    quotes: Sequence[Quote],
    speakers: Sequence[Speaker | None],
    author: str | Sequence[str] | None,
) -> tuple[str, list[int]]:
    """The writer's name from the byline, and which of ``speakers`` are the writer's "I"."""
    name = author_name(author)
    if name is None:
        return "", []
    unresolved = [
        (i, s.mention.start)
        for i, s in enumerate(speakers)
        if s is not None
        and s.kind == SpeakerKind.UNKNOWN
        and s.mention is not None
        and s.mention.text == "I"
    ]
    if not unresolved or not _writer_is_i(text):
        return "", []
    paragraphs = paragraph_bounds(text)
    quoted = _quotations(text, paragraphs, quotes)
    quoted_starts = [s for s, _ in quoted]
    # The headline's "I" is the person it is about ("Blumenthal: 'No Idea' If I Would Have
    # Told Hillary"): the writer's starts with the second paragraph.
    body = paragraphs[1][0] if len(paragraphs) > 1 else len(text)
    return name, [
        i for i, at in unresolved if at >= body and _range_at(quoted, quoted_starts, at) is None
    ]


def with_author(
    text: str, quotes: Sequence[Quote], author: str | Sequence[str] | None
) -> list[Quote]:
    """Gives the "I" of a piece with one writer to that writer.

    An "I" outside every quotation that no rule resolved (no contributor line names the
    writer) is the author's own voice: "when I asked him how she'd mount a defense" in a
    report by Glenn Thrush. Left alone are an "I" inside quote marks (the quoted speaker's,
    also where a quotation's opening or closing mark is missing), in the headline (the
    person it is about), and in a transcript or an interview printed as "Q:" and "A:"
    paragraphs (whoever speaks).

    Args:
        text: the document's text.
        quotes: the document's quotes.
        author: the document's byline (:func:`author_name` reads it); None leaves the quotes
            as they are.

    Returns:
        the quotes in the same order, such speakers named.
    """
    name, mine = _writers_i(text, quotes, [q.speaker for q in quotes], author)
    out = list(quotes)
    for i in mine:
        speaker = quotes[i].speaker
        assert speaker is not None
        out[i] = attrs.evolve(quotes[i], speaker=Speaker(name, SpeakerKind.PERSON, speaker.mention))
    return out


def resolve_mentions(
    doc: Doc, mentions: Sequence[tuple[int, int]], author: str | Sequence[str] | None = None
) -> list[Resolution]:
    """Resolves mentions given by character offsets, as quoteattr resolves its speakers.

    The document's quotes are extracted and their speakers resolved first, so that the
    mentions see the same antecedents a speaker would. Used to score resolution on mentions
    chosen by hand.

    Args:
        doc: a parsed Doc.
        mentions: ``(start, end)`` character offsets of each mention.
        author: the document's byline, as for :func:`with_author`.

    Returns:
        one resolution per mention, in order.
    """
    from .extract import extract_doc  # extract imports this module: import on use

    layout = Layout(doc)
    quotes = extract_doc(doc)
    resolver = Resolver.for_quotes(doc, layout, quotes)
    resolver.resolve_quotes(quotes)
    surnames = person_surnames(doc)
    out = []
    for start, end in mentions:
        toks = layout.tokens_in(start, end)
        kind = speaker_kind(doc[toks.start : toks.stop], surnames)
        out.append(resolver.resolve(toks.start, toks.stop, kind, speaker=False))
    if author is not None:  # the writer's "I", as for a quote's speaker
        probes = [
            Speaker(r.name, r.kind, TextSpan(layout.text[s:e], s, e))
            for (s, e), r in zip(mentions, out, strict=True)
        ]
        name, mine = _writers_i(layout.text, quotes, probes, author)
        for i in mine:
            out[i] = Resolution(name, SpeakerKind.PERSON)
    return out


def speakers(quotes: Iterable[Quote]) -> list[SpeakerEntity]:
    """Lists each speaker once, with its quotes: the entity-level view of a document.

    Speakers are the same entity when they have the same name and kind, so the view also
    works across documents ("Donald Trump" in two articles is one entry). Speakers of kind
    UNKNOWN (an unresolved "he" or "they") are never merged: each mention is its own entry.

    Args:
        quotes: quotes, typically of one document (:func:`quoteattr.extract`).

    Returns:
        the entities in order of their first quote, each with its name, kind, role and
        organisation (the first stated), its distinct mentions and its quotes.
    """
    groups: dict[object, list[Quote]] = {}
    for q in quotes:
        s = q.speaker
        if s is None:
            continue
        # An unresolved "he" is its own entry: two of them need not be one person.
        key: object = (s.name, s.kind) if s.kind != SpeakerKind.UNKNOWN else id(q)
        groups.setdefault(key, []).append(q)
    out = []
    for group in groups.values():
        first = group[0].speaker
        assert first is not None
        role = next((q.speaker.role for q in group if q.speaker and q.speaker.role), None)
        org = next(
            (q.speaker.organization for q in group if q.speaker and q.speaker.organization), None
        )
        mentions: dict[TextSpan, None] = {}
        for q in group:
            if q.speaker is not None and q.speaker.mention is not None:
                mentions.setdefault(q.speaker.mention, None)
        ordered = sorted(mentions, key=lambda m: (m.start, m.end))
        out.append(
            SpeakerEntity(
                name=first.name,
                kind=first.kind,
                role=role,
                organization=org,
                mentions=tuple(ordered),
                quotes=tuple(group),
            )
        )
    return out
