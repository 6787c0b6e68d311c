"""From a cue to the phrase that names its speaker, and what kind of source that is.

Plain functions over spaCy tokens; they return token index ranges, never build value objects.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

import attrs
from spacy.tokens import Doc, Span, Token

from .. import lexicons
from ..model import SpeakerKind
from .cues import CueMatch
from .layout import inside

__all__ = [
    "ORG_LABELS",
    "PERSON_PRONOUNS",
    "SENT_END",
    "SpeakerWords",
    "after_comma",
    "author_of",
    "inverted_subjects",
    "label_names",
    "mention_bounds",
    "person_names",
    "person_surnames",
    "phrase_head",
    "portfolio_name",
    "relative_antecedent",
    "span_text",
    "speaker_kind",
    "speaker_of_cue",
    "strip_det",
    "subject_of",
    "titles_name",
    "unglued",
    "who_follows",
    "words_end",
]

#: Entity labels of organisations and places, speakers of kind ORGANIZATION.
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
#: Pronouns that refer to a person whenever they name a speaker ("he said").
PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her", "me"})

# Dependents that belong to the name phrase itself. Appositives, relative clauses and
# prepositional phrases do not: in "Katie Wheelbarger, principal US deputy assistant secretary
# of defense, said" the mention is "Katie Wheelbarger".
_ORG_NOUNS = lexicons.org_nouns()
_AUTHORING = lexicons.authoring_verbs()
_COMPANY_SUFFIXES = lexicons.company_suffixes()
_PERSON_NOUNS = frozenset(lexicons.person_nouns())
# Countries, the bodies demonyms.txt names: "Environment Canada" is a department's name.
_COUNTRIES = frozenset(lexicons.demonyms().values())
_HONORIFICS = frozenset(lexicons.honorifics())
_TITLE_WORDS = frozenset(lexicons.titles()) | _HONORIFICS
_NAME_DEPS = frozenset(
    {"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "flat", "case", "prt"}
)
_RELATIVE = frozenset({"who", "whom", "that", "which"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Edges along which a participle or complement shares its governor's subject:
# "Stoltenberg told reporters, saying he expected ..." -> the speaker of "saying" is Stoltenberg.
_SHARES_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "acomp", "oprd"})
#: Tokens that end a sentence.
SENT_END = frozenset({".", "!", "?"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@attrs.frozen
class SpeakerWords:
    """The word lists that pick a cue's speaker, by default the shipped ones (the
    :class:`~quoteattr.core.lexicon.Lexicons` bundle gives a run's own).

    ``documents`` speak for their author ("a study by the Senate committee found");
    ``titles`` make names joined by "and" one person ("Vice President and Managing Editor
    Bill Sammon"); ``object_control`` verbs hand their infinitive to their object ("forced
    the CEO to admit"); ``light_verbs`` make a noun cue their subject's act, so that "The
    DNC issued a statement." tells whose words the quotation after it gives.
    """

    documents: Collection[str] = attrs.field(factory=lexicons.documents)
    titles: Collection[str] = attrs.field(factory=lexicons.titles)
    object_control: Collection[str] = attrs.field(factory=lexicons.object_control)
    light_verbs: Collection[str] = attrs.field(factory=lexicons.light_verbs)


# Entity types no one speaks as: a time or an amount.
_NO_SOURCE_ENTITIES = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)


def subject_of(verb: Token, object_control: Collection[str] | None = None) -> Token | None:
    """Returns the head token of the subject of ``verb``, climbing to a governor if needed.

    ``"as saying"`` in "X was quoted as saying" and ``"saying"`` in "X told reporters, saying"
    have no subject of their own; theirs is their governor's. A passive agent
    ("was told by officials") counts as the subject.

    Args:
        verb: the cue verb.
        object_control: verbs whose object is the subject of their infinitive (default the
            shipped ``object_control.txt``).

    Returns:
        the subject's head token, or None.
    """
    token = verb
    for _ in range(4):
        inverted = inverted_subjects(token)
        if inverted is not None:
            return inverted[1]
        split = _subject_after_clause(token)
        if split is not None:
            return split
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS:
                return _second_subject(token, child) or child
        for child in token.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if token.dep_ in _SHARES_SUBJECT and token.head.i != token.i:
            via, below = token.dep_, token
            token = token.head
            if via == "xcomp":
                controller = _object_controller(token, below, object_control)
                if controller is not None:
                    return controller
            if token.dep_ == "prep" and token.head.i != token.i:  # "quoted as saying"
                token = token.head
            elif via == "acl" and token.dep_ in {"dobj", "dative"}:
                # "Mattis sent a letter calling for a mission": the letter's sender calls.
                token = token.head
            elif (
                via == "acl"
                and below.tag_ == "VBG"
                and token.pos_ in {"NOUN", "PROPN"}
                and token.ent_type_ not in _NO_SOURCE_ENTITIES
                and not (token.dep_ == "pobj" and token.head.lower_ == "to")
            ):
                # "despite new figures showing starts fell": the figures show it, not the
                # subject of the clause they stand in. Not a time ("50 years of talking"),
                # nor whom a message went to, where the parser hangs the message's words:
                # "sent an email to supporters saying ...".
                return token
            elif via == "advcl" and _fronted_report(token):
                # "Mattis sent a letter ..., Reuters reported, stressing X": the report
                # relays the subject of its fronted clause.
                clause = next(c for c in token.children if c.dep_ == "ccomp" and c.i < token.i)
                token = clause
            continue
        if token.dep_ == "prep" and token.head.i != token.i:
            token = token.head
            continue
        break
    return None


def inverted_subjects(verb: Token) -> tuple[Token, Token] | None:
    """The fronted clause the parser made a subject of an inverted cue, and the speaker.

    In 'The rejection of the treaty signals "the end" for the EU, said Geert Wilders' the
    parser read "signals" as a noun and hung the whole clause on "said" as a first subject;
    the subject after the cue, which a comma sets off from the one before it, speaks.

    Returns:
        (the subject before the cue, the subject after it), or None.
    """
    i = verb.i
    if i < 2 or not verb.doc[i - 1].is_punct or verb.doc[i - 1].text != ",":
        return None
    before = after = None
    for child in verb.children:
        if child.dep_ not in _SUBJECT_DEPS:
            continue
        if child.i < i and child.right_edge.i == i - 2:
            before = child
        elif child.i > i and after is None:
            after = child
    if before is None or after is None:
        return None
    return before, after


def _subject_after_clause(verb: Token) -> Token | None:
    """The subject between a verb and the clause it reports, where the parser gave the verb
    a second subject before that clause: in 'BOOM: “We will win,” Trump said.' both "BOOM"
    and "Trump" are subjects of "said", and the one after the quotation says it."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) < 2:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i:
            continue
        after = [s for s in subjects if clause.right_edge.i < s.i < verb.i]
        if after and any(s.i < clause.left_edge.i for s in subjects):
            return after[-1]
    return None


def _second_subject(verb: Token, first: Token) -> Token | None:
    """The name the parser made a second subject right after ``first``: "District board
    chair Barbara Roden urged ..." has "chair" and "Roden" both subjects of "urged", one
    phrase whose head is the person's name."""
    after = first.right_edge.i + 1
    if after >= verb.i:
        return None
    # the child of the verb whose phrase starts right after the first subject's
    tok = verb.doc[after]
    while tok.head.i != verb.i and tok.head.i != tok.i:
        tok = tok.head
    if (
        tok.head.i == verb.i
        and tok.dep_ in _SUBJECT_DEPS
        and tok.pos_ == "PROPN"
        and tok.left_edge.i == after
    ):
        return tok
    return None


def _object_controller(
    governor: Token, below: Token, object_control: Collection[str] | None
) -> Token | None:
    """The object of ``governor`` that is the subject of its infinitive: in "The
    announcement led some to speculate that ..." and "forced the CEO to admit ...", who
    speculates and admits is the object, not the governor's subject. Verbs of purpose keep
    their subject: "Ramos used his speech to call for ..." (``object_control``, default the
    shipped ``lexicons/object_control.txt``)."""
    if object_control is None:
        object_control = lexicons.object_control()
    if governor.lemma_.lower() not in object_control:
        return None
    for child in governor.children:
        if child.dep_ in {"dobj", "dative"} and child.i < below.i:
            return child
    return None


def _fronted_report(verb: Token) -> bool:
    """True for "X did Y, Reuters reported": a report verb after its clausal complement."""
    return verb.lemma_.lower() == "report" and any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children
    )


def mention_bounds(head: Token) -> tuple[int, int]:
    """Returns the token range ``[start, end)`` of the name phrase headed by ``head``.

    A named entity that contains the head is the mention ("Jens Stoltenberg"); otherwise the
    head with its determiners, modifiers and compounds ("the diplomats", "a senior official"),
    but not its appositive, relative clause or prepositional phrase.

    Args:
        head: the head token of the speaker phrase.

    Returns:
        token indices ``(start, end)``, end exclusive.
    """
    if head.ent_iob_ != "O" and head.ent_type_:
        doc = head.doc
        start = _entity_start(head)
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        # A proper noun the model left out before an organisation, part of its name: "The
        # Alzheimer Society of Canada" (entity "Society of Canada"), or before a country
        # that names a body ("Environment Canada", "Statistics Canada", entity "Canada"; not
        # a surname the model took for a place, "Jon Husted"). Not before a person's name,
        # where it is mostly a role ("Pastor Darrell Scott").
        body = head.ent_type_ == "ORG" or (
            head.ent_type_ == "GPE" and end - start == 1 and head.text in _COUNTRIES
        )
        # "Ursula von der Leyen", the model's person "Ursula von der" and place "Leyen": a
        # surname particle joins what it opens to the person's name before it (a name
        # never ends in "von" or "de").
        if start > 1 and doc[start - 1].lower_ in lexicons.SURNAME_PARTICLES:
            first = start - 1
            while first > 0 and doc[first - 1].lower_ in lexicons.SURNAME_PARTICLES:
                first -= 1
            if first > 0 and doc[first - 1].ent_type_ == "PERSON" and doc[first].ent_type_:
                return _entity_start(doc[first - 1]), end
        holder = _portfolio_holder(doc, start, end)
        if holder is not None and holder <= head.i:
            return holder, end
        while start > 0 and body:
            before = doc[start - 1]
            if not (
                before.dep_ == "compound"
                and before.pos_ == "PROPN"
                and not before.ent_type_
                and start <= before.head.i < end
                and before.text.istitle()
                and before.lower_ not in _TITLE_WORDS
            ):
                break
            start -= 1
        return start, _named_body_end(head, end - 1)
    start = end = head.i
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _NAME_DEPS and child.dep_ != "case":
                stack.append(child)
                start = min(start, child.i)
                end = max(end, child.i)
    # Keep the phrase contiguous: a modifier reached across a comma belongs to something else.
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].is_punct and doc[i].text not in {"-", "'", "’", "."}:
            start = i + 1
            break
    for i in range(head.i + 1, end + 1):
        if doc[i].is_punct and doc[i].text not in {"-", "'", "’", "."}:
            end = i - 1
            break
    # "a move supporters say will ...", "a fact sheet lawmakers released": an "a" cannot go
    # with a plural; the parser joined the noun that a relative clause without "that"
    # describes to that clause's subject.
    if (
        head.tag_ == "NNS"
        and start + 1 < head.i
        and doc[start].lower_ in {"a", "an"}
        and doc[start + 1].tag_ == "NN"
        and doc[start + 1].dep_ == "compound"
    ):
        start += 1
        while start < head.i and doc[start].tag_ == "NN" and doc[start].dep_ == "compound":
            start += 1
    return start, max(end + 1, _named_body_end(head, end))


# What may follow the noun of a body's name in it: "the Department for Education", "the Bank
# of England", "the Committee on Foreign Relations", "the Department of Health and Human
# Services".
_BODY_NAME_PREPS = frozenset({"of", "for", "on"})
_BODY_NAME_POS = frozenset({"PROPN", "DET", "ADP", "CCONJ"})


def _entity_start(tok: Token) -> int:
    """The first token of the entity ``tok`` is in."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _portfolio_holder(doc: Doc, start: int, end: int) -> int | None:
    """Where the person's name starts in an entity the model ran on from a portfolio: in
    "Minister of Health Adrian Dix said" the entity "Health Adrian Dix" is the portfolio
    and the minister's name, which starts at a given name (``given_names.txt``) and is two
    or three words in capitals to the entity's end; the entity follows "of" after a title
    word. None for any other entity."""
    if start < 2 or end - start < 3:
        return None
    if doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _TITLE_WORDS:
        return None
    # read here, on the rare entity that gets this far, not when the module is imported
    names = lexicons.given_names()
    for k in range(max(start + 1, end - 3), end - 1):
        words = doc[k:end]
        if doc[k].lower_ in names and all(t.is_alpha and t.text.istitle() for t in words):
            return k
    return None


def _named_body_end(head: Token, last: int) -> int:
    """Where the name of ``head``'s phrase, whose last token is ``last``, ends if that token
    is a body's noun: after the proper-noun phrase its preposition opens ("Department" + "for
    Education"), which the model often leaves out of the entity ("the Nova Scotia
    Federation" of "... of Labour") and the phrase rules leave out as a prepositional
    phrase. Not after a person's name ("Sen. Warren of Massachusetts"): only a noun of
    ``bodies.txt`` written with a capital."""
    doc = head.doc
    end = last + 1
    tail = head if last == head.i else doc[last]  # most often the head itself: no new Token
    if tail.pos_ != "PROPN" or tail.lower_ not in _ORG_NOUNS:
        return end
    if end >= len(doc):
        return end
    prep = doc[end]
    if prep.dep_ != "prep" or prep.head.i != last or prep.lower_ not in _BODY_NAME_PREPS:
        return end
    phrase = doc[prep.i + 1 : prep.right_edge.i + 1]
    if not any(t.dep_ == "pobj" and t.pos_ == "PROPN" for t in phrase) or not all(
        t.pos_ in _BODY_NAME_POS or t.text == "-" for t in phrase
    ):
        return end
    return prep.right_edge.i + 1


# A name that a missing space glued to the punctuation after it: 'Clinton:"We'.
_GLUED = re.compile(r"[A-Z][a-z]+(?=[:;,\"“”(])")


def unglued(word: str) -> str:
    """'Clinton:"We' -> "Clinton"; any other word unchanged."""
    glued = _GLUED.match(word)
    return glued.group() if glued else word


def _past_nickname(doc: Doc, start: int, end: int) -> int:
    """The end of a name that holds a quoted nickname: 'John “Tig” Tiegen', where the model's
    PERSON span stops inside or before the quotation marks. ``end`` when there is none."""
    # A plain loop, not next() over a generator: asked for every person's name, most of
    # which hold no quote mark, where the generator cost more than the scan.
    for opening in range(start + 1, min(end + 1, len(doc))):
        if doc[opening].is_quote:
            break
    else:
        return end
    close = opening + 1
    while close < len(doc) and close - opening <= 3 and doc[close].text.istitle():
        close += 1
    if not (
        opening + 1 < close < len(doc) - 1
        and doc[close].is_quote
        and doc[close + 1].pos_ == "PROPN"
        and doc[close + 1].text.istitle()
        and doc[close + 1].ent_type_ not in {"GPE", "LOC", "NORP"}
    ):
        return end
    return max(end, close + 2)


def words_end(doc: Doc, floor: int, end: int) -> int:
    """The end of a phrase ending at token ``end`` without the possessive and punctuation
    that close it ("Hillary Clinton’s," -> "Hillary Clinton"), never below ``floor``."""
    while end > floor:
        last = doc[end - 1]  # one Token object for both checks
        if last.tag_ != "POS" and not last.is_punct:
            break
        end -= 1
    return end


def person_names(doc: Doc, ents: Iterable[Span] | None = None) -> list[tuple[int, int]]:
    """Returns the token ranges ``[start, end)`` of the PERSON entities of ``doc``, mended.

    "Hillary Rodham| Clinton": the model's span can stop short of the name's head, or
    'Hillary Rodham| Clinton:"We' before a word that a missing space glued to what follows
    it; 'John “Tig| ” Tiegen' inside a quoted nickname. Each such span runs on to the end
    of the name.

    Args:
        doc: a Doc with entities.
        ents: ``doc.ents`` when the caller has read them already
            (:attr:`~quoteattr.core.layout.Layout.entities`).
    """
    names = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while (
            end < len(doc)
            and doc[end - 1].dep_ in {"compound", "flat"}
            and doc[end - 1].head.i == end
            and (doc[end].pos_ == "PROPN" or _GLUED.match(doc[end].text))
        ):
            end += 1
        end = _past_nickname(doc, ent.start, end)
        if doc[end - 1].lower_ in _COMPANY_SUFFIXES:
            continue  # "Shopify Inc", labelled a person: a company
        names.append((ent.start, end))
    return names


def person_surnames(doc: Doc, ents: Iterable[Span] | None = None) -> frozenset[str]:
    """Returns the last words of the PERSON entities of ``doc``, lower-cased; a span that
    stops inside a quoted nickname runs on to the surname ('John “Tig” Tiegen'), and one that
    ends in a possessive or punctuation ("Hillary Clinton’s") stops before it.

    The small English model labels a bare surname such as "Stoltenberg" ORG as often as not;
    when the document names "Jens Stoltenberg" elsewhere, the surname is a person.

    Args:
        doc: a Doc with entities.
        ents: ``doc.ents`` when the caller has read them already
            (:attr:`~quoteattr.core.layout.Layout.entities`).
    """
    surnames = set()
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != "PERSON":
            continue
        # Not mended to the name's head as person_names does: in a title-case headline that
        # would make "Campaign" of "Hillary Clinton Campaign" a surname.
        end = words_end(doc, ent.start + 1, _past_nickname(doc, ent.start, ent.end))
        if doc[end - 1].lower_ not in _COMPANY_SUFFIXES:  # "Inc" is no one's surname
            surnames.add(doc[end - 1].lower_)
    return frozenset(surnames)


def relative_antecedent(pronoun: Token) -> Token | None:
    """Returns the noun a relative pronoun that is a clause's subject stands for.

    "Trump, who as a candidate said ...": the head of the relative clause. Also through a
    coordinated verb ("who voted and said"), from a role in apposition to the name before it
    ("David Axelrod, Obama's former top adviser, who ..."), and for a second relative clause
    that the parser hung elsewhere but whose "and" it left on the noun ("Gregory W. Slayton,
    whom Bush appointed ..., and who is now supporting ...").

    Args:
        pronoun: a token.

    Returns:
        the antecedent's head token, or None when ``pronoun`` is no such relative pronoun.
    """
    if pronoun.lower_ not in _RELATIVE or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    doc = pronoun.doc
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl" and clause.head.i != pronoun.i:
        antecedent = clause.head
    else:
        before = doc[pronoun.i - 1] if pronoun.i > 0 else None
        if before is None or before.dep_ != "cc" or before.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        antecedent = before.head
        if not any(c.dep_ == "relcl" for c in antecedent.children):
            return None
    if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
        antecedent = antecedent.head
    return antecedent


def who_follows(tok: Token, bodies: Collection[str]) -> bool:
    """Whether ``tok`` heads a full name, labelled a place or a body, that a relative clause
    on "who" describes: "Calgary's Nazem Kadri, who scored twice, said" is a person's name,
    though the model labelled it a facility. Not a party's member ("a Republican who
    said"), nor a body's name ("the School of Public Service, who ...")."""
    if tok.ent_type_ not in {"ORG", "FAC", "GPE"} or tok.dep_ == "pobj":
        return False
    parts = [c for c in tok.children if c.dep_ in {"compound", "flat"}]
    if not parts or any(t.pos_ != "PROPN" or t.lower_ in bodies for t in [tok, *parts]):
        return False
    return any(
        c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ == "nsubj" for w in c.children)
        for c in tok.children
    )


def _after_title(root: Token, bodies: Collection[str]) -> bool:
    """Whether a proper name the model labelled a body or a place follows a title of its own
    phrase ("B.C. Wildfire Service fire information officer Karley Desrosiers said", the name
    labelled with the service): a person's name, as a title makes it. Not a body's noun
    ("the Attorney General's Office")."""
    return (
        root.pos_ == "PROPN"
        and root.lower_ not in bodies
        and any(
            c.dep_ == "compound" and c.lower_ in _TITLE_WORDS and c.i < root.i - 1
            for c in root.children
        )
        and root.nbor(-1).pos_ == "PROPN"
    )


def speaker_kind(
    mention: Span, surnames: Collection[str] = (), bodies: Collection[str] | None = None
) -> SpeakerKind:
    """Classifies a speaker mention.

    Args:
        mention: the mention span.
        surnames: lower-cased surnames known to be people in this document.
        bodies: nouns that name a body ("campaign", "department"; default: the shipped
            ``bodies.txt``).

    Returns:
        PERSON for person names and he/she/I; ORGANIZATION for organisations, places and
        institutions ("Reuters", "the White House", "Washington"); UNNAMED for common-noun
        sources ("diplomats", "a senior official"); UNKNOWN otherwise (they, it, who).
    """
    if bodies is None:
        bodies = lexicons.bodies()
    root = mention.root
    lower = root.lower_
    antecedent = relative_antecedent(root)
    if antecedent is not None:
        # "Trump, who as a candidate said ...": the relative pronoun is its antecedent.
        s, e = mention_bounds(antecedent)
        kind = speaker_kind(antecedent.doc[s:e], surnames, bodies)
        if lower == "which" and kind == SpeakerKind.PERSON:
            # "The Daily Beast, which reported": "which" is never a person; an unlabelled
            # proper name it stands for is a body.
            return SpeakerKind.ORGANIZATION
        return kind
    if root.pos_ == "PRON":
        return SpeakerKind.PERSON if lower in PERSON_PRONOUNS else SpeakerKind.UNKNOWN
    end = words_end(mention.doc, mention.start, mention.end)  # "Trump’s": "Trump"
    if end > mention.start and mention.doc[end - 1].lower_ in _COMPANY_SUFFIXES:
        return SpeakerKind.ORGANIZATION  # "Shopify Inc", whatever the model labels it
    if end > mention.start and mention.doc[end - 1].lower_ in surnames:
        return SpeakerKind.PERSON
    if root.pos_ == "NOUN" and root.lemma_.lower() not in bodies:
        # A common noun is an unnamed source whatever names modify it: "a New Mexico
        # delegate", "a State Department spokesman"; "the Clinton campaign" is a body.
        return SpeakerKind.UNNAMED
    # "Minister of Health Adrian Dix": a person's name cut from the entity the model ran on
    # from the portfolio (mention_bounds).
    first = mention.doc[mention.start]
    if (
        first.ent_iob_ == "I"
        and _portfolio_holder(mention.doc, _entity_start(first), mention.end) == mention.start
    ):
        return SpeakerKind.PERSON
    # The name itself decides, not its modifiers: "US Secretary of Defense Jim Mattis" is a
    # person although "US" is a GPE.
    name = [root, *(c for c in root.children if c.dep_ in {"compound", "flat"})]
    labels = {t.ent_type_ for t in name if t.ent_type_}
    if root.pos_ == "NOUN" and labels:
        # "The Clinton campaign", "the Obama administration": a body's noun that a name
        # modifies is that person's body, not the person.
        return SpeakerKind.ORGANIZATION
    if "PERSON" in labels:
        return SpeakerKind.PERSON
    if labels & ORG_LABELS:
        if who_follows(root, bodies) or _after_title(root, bodies):
            return SpeakerKind.PERSON
        return SpeakerKind.ORGANIZATION
    if root.pos_ == "PROPN":
        if lower in bodies:
            # "The Department for Education said", unlabelled: a body's noun heads it.
            return SpeakerKind.ORGANIZATION
        # An unlabelled proper name: a title-cased single word heading a subject is a
        # person far more often than not in news ("Carson said").
        return SpeakerKind.PERSON
    if root.pos_ == "NOUN":
        return SpeakerKind.UNNAMED
    return SpeakerKind.UNKNOWN


def speaker_of_cue(
    doc: Doc,
    cue: CueMatch,
    parts: list[tuple[int, int]],
    words: SpeakerWords | None = None,
) -> tuple[int, int] | None:
    """Returns the mention (token range) of the speaker of ``cue``.

    The speaker is the cue's subject, the object of "to" in "according to", or, where the
    parse gives none, a name next to the cue (see ``_nearby_nominal``); never a token inside
    the content ``parts`` (character ranges). A document's named author speaks for it
    ("a study by the Senate committee found"). ``words`` are the word lists this reads
    (default the shipped ones).
    """
    if words is None:
        words = SpeakerWords()
    head = doc[cue.head]
    subject: Token | None = None
    if cue.lemma in {"according to", "in"}:  # "in" names a survey: "in a CNN poll"
        subject = next((c for c in head.children if c.dep_ == "pobj"), None)
    elif cue.lemma == ":" and cue.start > 0:
        # "POLLEY: It means ...": a label line's name, however the parser tagged it
        subject = phrase_head(doc[cue.start - 1])
    elif head.pos_ == "NOUN":  # "Trump's criticism of ...": the possessor
        subject = next((c for c in head.children if c.dep_ == "poss"), None)
        if subject is None:  # "a call from US President Donald Trump for the alliance to ..."
            by = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}]
            subject = next((g for c in by for g in c.children if g.dep_ == "pobj"), None)
        if subject is None and head.dep_ == "dobj":  # "X expressed concern that ..."
            subject = subject_of(head.head, words.object_control)
    elif _addressed(head):
        # "Officials were told that ...", "Smith was asked whether ...": the passive subject
        # is who was told or asked, not who spoke; the speaker is the agent, if named.
        agents = [g for c in head.children if c.dep_ == "agent" for g in c.children]
        agent = next((g for g in agents if g.dep_ == "pobj"), None)
        if agent is None or inside(parts, agent.idx):
            return None
        return mention_bounds(agent)
    else:
        subject = subject_of(head, words.object_control)
        if subject is not None and _extraposed(subject, head):
            return None  # "it's safe to say he is ...": no one says it
    if subject is not None and inside(parts, subject.idx):
        subject = None
    if subject is not None and subject.ent_type_ in {"DATE", "TIME"}:
        # "Broaddrick Sunday night recounted ...", "Saturday at the convention Sen. Elizabeth
        # Warren said ...": the parser made the time the subject; the name by it speaks
        named = (
            t
            for t in doc[subject.left_edge.i : cue.start]
            if t.ent_type_ == "PERSON" and not inside(parts, t.idx)
        )
        subject = next((_name_head(t) for t in named), subject)
    if subject is None:
        subject = _nearby_nominal(doc, cue, parts)
    if subject is None:
        return None
    head = _titled_name(named_in_apposition(author_of(subject, words.documents)))
    start, end = mention_bounds(head)
    # "“We agree,” reply Burton and Nick": both speak, so the mention holds every conjunct.
    for conj in conjoined(head, words.titles):
        if not inside(parts, conj.idx):
            end = max(end, mention_bounds(conj)[1])
    return start, end


def _extraposed(subject: Token, cue: Token) -> bool:
    """Whether ``subject`` is the "it" of a clause that puts off its real subject, the cue's
    own clause: "it's safe to say ...", "it is worth remembering that ...", "it is wrong to
    attribute ...". The writer's comment, said by no one the sentence names."""
    if subject.lower_ != "it":
        return False
    be = subject.head
    if be.lemma_ != "be" or not any(c.dep_ in {"acomp", "attr"} for c in be.children):
        return False
    below = cue
    while below.head.i != below.i and below.head.i != be.i:
        below = below.head
    return below.head.i == be.i and below.i != be.i and below.dep_ in {"xcomp", "ccomp"}


def conjoined(head: Token, titles: Collection[str] | None = None) -> list[Token]:
    """The names joined to the name ``head`` by "and" ("Burton and Nick", "The New York Times
    and The Wall Street Journal"), in order. None for "or" ("Burton or Nick"), nor where a
    common noun or a title is one of them: "the businessman and reality star said" is one
    person, so is "Fox News Vice President and Managing Editor Bill Sammon" (``titles``,
    default the shipped ``titles.txt``), and "Bush and his rivals" is no list of names."""
    # A name with words to its right, one of them "and": most speakers have neither.
    if head.pos_ != "PROPN" or not head.n_rights:
        return []
    if not any(c.dep_ == "cc" and c.lower_ in {"and", "&"} for c in head.rights):
        return []
    if titles is None:
        titles = lexicons.titles()
    # "Margaret Chen and her husband, David Chen, say": a description beside a name is
    # that name
    after = [named_in_apposition(c) for c in head.conjuncts if c.i > head.i]
    if all(t.pos_ == "PROPN" and t.lower_ not in titles for t in [head, *after]):
        return after
    return []


# Passive cues whose subject is the speaker all the same: "Smith was quoted as saying".
_SPEAKER_PASSIVES = frozenset({"quote", "cite"})


# Questions put by someone the sentence does not name: "Asked whether he would run, Johnson
# demurred" (the reporter asked; Johnson is who was asked).
_ASKING = frozenset({"ask", "press", "question"})


# Verbs whose passive subject is the one told: "He's told that he must go" is "he is told".
_TELLING = frozenset({"tell", "ask", "inform", "warn", "advise", "assure", "remind", "notify"})


def _addressed(verb: Token) -> bool:
    """True for a passive cue verb whose subject is the addressee or the content ("was told",
    "was asked", "were informed", "it was reported"), and for a participle of asking that has
    no subject of its own ("Asked whether ..., Johnson demurred")."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _SPEAKER_PASSIVES:
        return False
    # The children's relations, read once for both tests; their words only for a passive,
    # which most cues are not.
    kids = list(verb.children)
    deps = [c.dep_ for c in kids]
    if "nsubjpass" in deps:
        children = list(zip(deps, [c.lower_ for c in kids], strict=True))
        # "He's said he gets his ideas from ...": the parser read "'s" as "is"; with a
        # clause or an object of its own the verb is active, "he has said". Not "It's been
        # reported", nor a verb of telling, whose clause the addressee gets ("He's told
        # that he must go"), unless it has an object ("He's told reporters ...").
        contracted = any(dep == "auxpass" and word in {"'s", "’s"} for dep, word in children)
        if not contracted or any(word == "been" for _, word in children):
            return True
        own = "dobj" if verb.lemma_.lower() in _TELLING else "ccomp"
        return not any(dep in {own, "dobj"} for dep, _ in children)
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _ASKING
        and not any(dep in _SUBJECT_DEPS for dep in deps)
    )


def author_of(head: Token, documents: Collection[str]) -> Token:
    """Who a document or an utterance is by, when the text names them: "a study by the
    Senate committee said" credits the committee, "a statement from the Clinton campaign
    said" the campaign. Anything else stays itself: "a strong showing from Rubio" is no
    document of his; "a poll released last week by Abacus Data" credits Abacus Data. The
    author is named: an entity, or after "by" a noun a proper name
    makes specific ("the Senate committee", "Harvard researchers"), not "a study by
    researchers", and not "exit polls from the New Hampshire primary"."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in documents:
        return head
    for prep in head.rights:
        # "a poll released last week by Abacus Data", "a report published by the Senate
        # committee": the agent of the participle that tells who put it out (a verb of
        # authoring_verbs.txt; not "remarks first reported by The New York Times")
        if prep.dep_ == "acl" and prep.tag_ == "VBN" and prep.lemma_.lower() in _AUTHORING:
            by = [c for c in prep.children if c.dep_ == "agent" and c.lower_ == "by"]
            prep = by[0] if by else prep
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"by", "from"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    obj.ent_type_ in _NAMED_SOURCES or (prep.lower_ == "by" and _named(obj))
                ):
                    return obj
        # "an editorial in The Des Moines Register": a piece a publication prints is the
        # publication's. Only such pieces and only an organisation: "a speech in Iowa", "a
        # ruling in the Supreme Court" are not by the place or the court.
        if prep.dep_ == "prep" and prep.lower_ == "in" and head.lemma_.lower() in _PRINTED:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                    return obj
    return head


# Documents a publication prints, whose author is the publication named after "in".
_PRINTED = frozenset({"article", "column", "editorial", "op-ed", "blog"})


def _named(tok: Token) -> bool:
    """Whether ``tok`` is a noun a proper name makes specific ("the Senate committee")."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
    )


# Entity labels of a document's named author.
_NAMED_SOURCES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def after_comma(tok: Token) -> bool:
    """Whether a comma comes just before the phrase of ``tok``: an appositive set off as in
    "The utility, Nova Scotia Power, said"."""
    i = tok.left_edge.i
    return i > 0 and tok.doc[i - 1].text == ","


def label_names(label: Sequence[Token], named: Collection[str], again: Collection[str]) -> bool:
    """Whether the words before a label's colon can name a source: a word in capitals alone
    ("TAPPER: ...", "AP: ...") does when the model labels it an entity, the document names
    someone by it (``named``: the words of its PERSON and ORG entities, as written) or it
    labels another line too (``again``: a transcript's speaker speaks again); a headline's
    kicker or a section's name ("BOOM: Trump just fired ...", "ENERGY: Premier Smith said
    ...") does not. Any other label is left to the callers' rules."""
    if len(label) != 1:
        return True
    word = label[0]
    if not (word.is_upper and word.is_alpha and len(word) > 1):
        return True
    text = word.text
    return bool(word.ent_type_) or text in named or text.title() in named or text in again


def named_in_apposition(head: Token) -> Token:
    """The name a description stands beside, if it has one: in "Her lawyer, Maria Chen,
    said" the speaker is Maria Chen, whom "her lawyer" describes; a name stays itself, and so
    does a description beside anything but a name ("Poll: Clinton leads"). "One of the
    victims, Doris Whelan, said" is Doris Whelan too, and so is a person's name the parser
    hung on the organisation the description acts for; a description that is no role or
    person noun stands for the organisation named beside it ("Shopify's rival, Amazon.com
    Inc,")."""
    one = head.lower_ == "one" and head.pos_ in {"NUM", "PRON"}
    # "Ontario's Environmental Commissioner, Dianne Saxe, said": a role in capitals is a
    # description too, not a name, when the model labels it no person
    titled = head.pos_ == "PROPN" and head.lower_ in _TITLE_WORDS and head.ent_type_ != "PERSON"
    if (head.pos_ != "NOUN" and not one and not titled) or head.tag_ in {"NNS", "NNPS"}:
        return head  # "Two objectors, Joyce and Lee": a group
    for child in head.rights:
        if child.dep_ == "appos" and _person_name(child):
            return phrase_head(child)
    # "Shopify's rival, Amazon.com Inc, declined": a body's name beside a noun that is no
    # person's role or person ("The group's president, Acme Corp" is left alone)
    if not titled and head.lower_ not in _TITLE_WORDS and head.lower_ not in _PERSON_NOUNS:
        for child in head.rights:
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and child.ent_type_ == "ORG"
                and child.left_edge.i == head.i + 2
                and after_comma(child)
            ):
                return phrase_head(child)
    # "A spokesperson for the Council of Ontario Universities, Steve Orsini, said": the
    # parser hung the name on the body the description acts for. Beside a body, a name is
    # the description's person; beside a person ("a spokesman for the mayor, Bill de
    # Blasio") it would name that person, so only after an organisation.
    for prep in head.rights:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ != "ORG":
                continue
            for child in obj.rights:
                if child.dep_ == "appos" and _person_name(child) and after_comma(child):
                    return phrase_head(child)
    return head


def named_group(head: Token) -> list[Token]:
    """The people a plural description names beside it, which :func:`named_in_apposition`
    leaves to the description: "Two objectors, Lawrence Joyce and William Graham, had
    challenged ..." are those two (at least two names, each a person's; "Two objectors,
    Joyce" is left alone)."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS":
        return []
    for child in head.rights:
        if child.dep_ == "appos" and _person_name(child):
            names = [child, *child.conjuncts]
            if len(names) > 1 and all(_person_name(t) for t in names):
                return names
    return []


def _person_name(tok: Token) -> bool:
    """Whether ``tok`` is a proper noun the model labels a person."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


def _titled_name(head: Token) -> Token:
    """The person a title names at the end of its own phrase: in "Deputy Director for
    Policy Jane Smith said" and "Vice President for news and talk Dave Gorab called", the
    parser made the title the subject and hung the name on its preposition or its "and";
    the speaker is the name that ends the phrase, not the title, where
    :func:`titles_name` finds the title names that person."""
    if head.ent_type_ == "PERSON":
        return head
    if head.lower_ not in _TITLE_WORDS:
        return portfolio_name(head)
    last = head.right_edge
    if last.i <= head.i:
        return head
    if last.ent_type_ != "PERSON":
        # "Director of Planning Kelly Denty said", the name run into an entity with the
        # portfolio: the name from its given name on
        holder = _portfolio_holder(head.doc, _entity_start(last), last.i + 1)
        if holder is None or not titles_name(head, holder):
            return head
        return last
    first = _ending_name_start(head, last)
    if first.ent_iob_ != "B" or not titles_name(head, first.i):
        return head  # "President Obama"; "a spokesman for (Mr.) Clinton" speaks for him
    return last


def _ending_name_start(head: Token, last: Token) -> Token:
    """The first word of the person's name that ends at ``last``, the end of ``head``'s
    phrase, going back no further than the word after ``head``: the name a title or a
    portfolio's phrase closes with ("... Jane Smith")."""
    first = last
    while first.ent_iob_ == "I" and first.i > head.i + 1:
        first = first.nbor(-1)
    return first


def portfolio_name(head: Token) -> Token:
    """The person a title after a portfolio of two names names: in "Colleges and
    Universities Minister Jill Dunlop announced" and "Health and Human Services Secretary
    Sylvia Burwell said", the parser made the portfolio's first word the subject and hung
    the rest on its "and"; the speaker is the name after the title word that ends the
    portfolio, with only capitalised words, "and" and "of" before it."""
    if head.pos_ != "PROPN":
        return head
    last = head.right_edge
    if last.i <= head.i + 2 or last.ent_type_ != "PERSON":
        return head
    first = _ending_name_start(head, last)
    doc = head.doc
    title = doc[first.i - 1]
    if first.ent_iob_ != "B" or title.lower_ not in _TITLE_WORDS or title.i <= head.i + 1:
        return head
    portfolio = doc[head.i + 1 : title.i]
    if not any(t.lower_ == "and" for t in portfolio) or not all(
        t.lower_ in {"and", "of", "&"} or (t.pos_ == "PROPN" and t.text[:1].isupper())
        for t in portfolio
    ):
        return head
    return last


def titles_name(title: Token, start: int) -> bool:
    """Whether the name starting at token ``start``, at the end of the phrase of ``title``,
    is the person the title names: right after it ("the district GOP Chairman Chuck
    Williams"), after a word of the title's phrase that its preposition opens ("Deputy
    Director for Policy Jane Smith"), or after a second title ("Vice President and Managing
    Editor Bill Sammon"). Not with punctuation between, nor "a spokesman for Mr. Clinton",
    "the top aide to President George W. Bush" (the person the preposition governs), "A
    spokesman for Democratic presidential candidate Hillary Clinton" (a title with an
    article describes someone unnamed), "the president and Mrs. Clinton" (two people)."""
    doc = title.doc
    between = doc[title.i + 1 : start]
    if not len(between):
        return True  # "the district GOP Chairman Chuck Williams", however it is parsed
    if any(t.is_punct for t in between):
        return False
    if any(t.dep_ == "prep" for t in between):
        if any(c.dep_ == "det" for c in title.children):
            return False
        k = start - 1
        while k > title.i and doc[k].lower_ in _TITLE_WORDS:
            k -= 1
        return doc[k].dep_ != "prep"
    joint = next((t for t in between if t.dep_ == "cc"), None)
    return (
        joint is not None
        and joint.lower_ == "and"
        and any(t.lower_ in _TITLE_WORDS for t in doc[joint.i + 1 : start])
        and doc[start - 1].lower_ not in _HONORIFICS
    )


def _name_head(tok: Token) -> Token:
    """The last word of the person's name ``tok`` is part of ("Elizabeth" -> "Warren"), not
    of a phrase the name modifies ("Broaddrick" of "Broaddrick Sunday night")."""
    while (
        tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i and tok.head.ent_type_ == "PERSON"
    ):
        tok = tok.head
    return tok


def phrase_head(tok: Token) -> Token:
    """Climbs from a compound or flat part of a name to its head ("Jens" -> "Stoltenberg")."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _nearby_nominal(doc: Doc, cue: CueMatch, parts: list[tuple[int, int]]) -> Token | None:
    """The speaker when the parse gives the cue no subject.

    A name between the quote and the cue is the speaker ("“No,” Ramos told AFP": Ramos, not
    the addressee AFP); with nothing there, the order is inverted ("“No,” said Ramos") and the
    first name after the cue is.

    Before the cue, a person's name comes first, and a phrase that sets the scene is no
    speaker: in "At a June campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson
    railed against ...", parsed with no subject, the speaker is Brenda Johnson, not the event;
    in "In October, he held a call to defend ..." it is "he", not the date.
    """
    i = cue.start - 1
    while i >= 0:
        tok = doc[i]  # one Token object for both checks
        if inside(parts, tok.idx) or tok.text in SENT_END:
            break
        i -= 1
    first = _after_fronted_phrase(doc, i + 1, cue.start)
    before = [t for t in map(doc.__getitem__, range(first, cue.start)) if _could_speak(t)]
    person = next((t for t in before if t.ent_type_ == "PERSON"), None)
    if person is not None:
        return phrase_head(person)
    if before:
        return phrase_head(before[0])
    for k in range(cue.end, min(len(doc), cue.end + 6)):
        tok = doc[k]
        if inside(parts, tok.idx) or tok.text in SENT_END:
            break
        if _could_speak(tok):
            return phrase_head(tok)
    return None


# Entity types of words that say when, which are never who: "Tuesday", "that morning".
_WHEN = frozenset({"DATE", "TIME"})


def _could_speak(tok: Token) -> bool:
    """Whether a token can head the mention of a speaker the parse left unattached: a noun, a
    name or a pronoun that does not say when."""
    return tok.pos_ in _NOMINAL and tok.ent_type_ not in _WHEN


def _after_fronted_phrase(doc: Doc, start: int, end: int) -> int:
    """The first token after a phrase that opens the clause at ``start`` with a preposition
    or a subordinator and closes with a comma ("At Boca West, ...", "As in Wyoming, ..."),
    else ``start``: what it names is where, when or why, not who speaks."""
    if start >= end or doc[start].pos_ not in {"ADP", "SCONJ"}:
        return start
    comma = next((k for k in range(start, end) if doc[k].text == ","), None)
    return start if comma is None else comma + 1


def strip_det(tokens: Sequence[Token]) -> Sequence[Token]:
    """``tokens`` without leading determiners and a closing possessive ("the diplomats'"),
    nor the space tokens they leave at the start ("a\u00a0poll": the no-break space is a
    token of its own)."""
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_space):
        tokens = tokens[1:]
    if tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    return tokens


def span_text(text: str, tokens: Sequence[Token]) -> str:
    """The original text from the first to the last of ``tokens``."""
    if not tokens:
        return ""
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
