"""Speaker resolution on hand-built Docs: canonical names, pronouns, roles, organisations."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from spacy.tokens import Doc

import quoteattr
from quoteattr.core.layout import Layout, Ranges
from quoteattr.core.lexicon import Lexicons
from quoteattr.core.mentions import person_names, person_surnames
from quoteattr.core.people import Entity, People
from quoteattr.core.run import resolve_mentions
from quoteattr.extract import extract_doc
from quoteattr.lexicons import bodies, demonyms, given_names, honorifics, parse_table, titles
from quoteattr.model import Gender, Quote, QuoteKind, Speaker, SpeakerEntity, SpeakerKind, TextSpan
from tests.conftest import build_doc

P = "PUNCT"


def speakers_of(doc: Doc) -> list[tuple[str, str, str, str | None, str | None]]:
    """(mention, name, kind, role, organization) of each quote's speaker, in text order."""
    out = []
    for q in extract_doc(doc):
        s = q.speaker
        assert s is not None and s.mention is not None
        out.append((s.mention.text, s.name, s.kind.value, s.role, s.organization))
    return out


def add_sentences(rows: list[tuple[Any, ...]], subject: str, verb: str, lemma: str, n: int) -> None:
    """Appends ``n`` sentences "<subject> <verb>." (a pronoun and its verb) to hand-built rows."""
    for _ in range(n):
        at = len(rows)
        rows += [
            (subject, at + 1, "nsubj", "PRON"),
            (verb, at + 1, "ROOT", "VERB", lemma),
            (".", at + 1, "punct", P),
        ]


def test_surname_takes_the_full_name() -> None:
    """ "Stoltenberg" after "Jens Stoltenberg" is Jens Stoltenberg."""
    doc = build_doc(
        "Jens Stoltenberg spoke. Stoltenberg said the mission would grow.",
        [
            ("Jens", 1, "compound", "PROPN", "Jens"),
            ("Stoltenberg", 2, "nsubj", "PROPN", "Stoltenberg"),
            ("spoke", 2, "ROOT", "VERB", "speak"),
            (".", 2, "punct", P),
            ("Stoltenberg", 5, "nsubj", "PROPN", "Stoltenberg"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("the", 7, "det", "DET"),
            ("mission", 9, "nsubj", "NOUN"),
            ("would", 9, "aux", "AUX"),
            ("grow", 5, "ccomp", "VERB"),
            (".", 5, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (4, 5, "ORG")],  # the model's own mistake: a surname as ORG
    )
    assert speakers_of(doc) == [("Stoltenberg", "Jens Stoltenberg", "person", None, None)]


def test_title_before_the_name_is_role_and_organization() -> None:
    """ "US Secretary of Defense Jim Mattis" -> role "Secretary of Defense", body "US"."""
    doc = build_doc(
        "US Secretary of Defense Jim Mattis said Iraq was safer.",
        [
            ("US", 1, "nmod", "PROPN", "US"),
            ("Secretary", 5, "nmod", "PROPN", "Secretary"),
            ("of", 1, "prep", "ADP"),
            ("Defense", 2, "pobj", "PROPN", "Defense"),
            ("Jim", 5, "compound", "PROPN", "Jim"),
            ("Mattis", 6, "nsubj", "PROPN", "Mattis"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("Iraq", 8, "nsubj", "PROPN", "Iraq"),
            ("was", 6, "ccomp", "AUX", "be"),
            ("safer", 8, "acomp", "ADJ", "safe"),
            (".", 6, "punct", P),
        ],
        ents=[(0, 1, "GPE"), (7, 8, "GPE")],
    )
    assert speakers_of(doc) == [
        (
            "US Secretary of Defense Jim Mattis",
            "Jim Mattis",
            "person",
            "Secretary of Defense",
            "US",
        )
    ]


def test_appositive_role_with_its_body_at_the_end() -> None:
    """ "Mark Toner, the head of the press office at the State Department, said"."""
    doc = build_doc(
        "Mark Toner, the head of the press office at the State Department, said talks would go on.",
        [
            ("Mark", 1, "compound", "PROPN", "Mark"),
            ("Toner", 14, "nsubj", "PROPN", "Toner"),
            (",", 1, "punct", P),
            ("the", 4, "det", "DET"),
            ("head", 1, "appos", "NOUN"),
            ("of", 4, "prep", "ADP"),
            ("the", 8, "det", "DET"),
            ("press", 8, "compound", "NOUN"),
            ("office", 5, "pobj", "NOUN"),
            ("at", 8, "prep", "ADP"),
            ("the", 12, "det", "DET"),
            ("State", 12, "compound", "PROPN", "State"),
            ("Department", 9, "pobj", "PROPN", "Department"),
            (",", 1, "punct", P),
            ("said", 14, "ROOT", "VERB", "say"),
            ("talks", 17, "nsubj", "NOUN", "talk"),
            ("would", 17, "aux", "AUX"),
            ("go", 14, "ccomp", "VERB"),
            ("on", 17, "prt", "ADP"),
            (".", 14, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (10, 13, "ORG")],
    )
    assert speakers_of(doc) == [
        ("Mark Toner", "Mark Toner", "person", "head of the press office", "State Department")
    ]


def test_a_relative_clause_ends_an_appositive_role() -> None:
    """ "Lisa Barrett, a lawyer who has run twice, said cases rose." -> the role "lawyer":
    what the relative clause says of her is no part of it (with it, the phrase was too long
    to be a role, and she had none)."""
    doc = build_doc(
        "Lisa Barrett, a lawyer who has run twice, said cases rose.",
        [
            ("Lisa", 1, "compound", "PROPN", "Lisa"),
            ("Barrett", 10, "nsubj", "PROPN", "Barrett"),
            (",", 1, "punct", P),
            ("a", 4, "det", "DET"),
            ("lawyer", 1, "appos", "NOUN"),
            ("who", 7, "nsubj", "PRON"),
            ("has", 7, "aux", "AUX", "have"),
            ("run", 4, "relcl", "VERB"),
            ("twice", 7, "advmod", "ADV"),
            (",", 1, "punct", P),
            ("said", 10, "ROOT", "VERB", "say"),
            ("cases", 12, "nsubj", "NOUN", "case"),
            ("rose", 10, "ccomp", "VERB", "rise"),
            (".", 10, "punct", P),
        ],
        ents=[(0, 2, "PERSON")],
    )
    assert speakers_of(doc) == [("Lisa Barrett", "Lisa Barrett", "person", "lawyer", None)]


def test_a_nationality_before_a_title_names_the_country_of_the_role() -> None:
    """ "Hungarian Prime Minister Viktor Orban said it rained." -> role "Prime Minister" of
    Hungary (demonyms.txt)."""
    doc = build_doc(
        "Hungarian Prime Minister Viktor Orban said it rained.",
        [
            ("Hungarian", 4, "amod", "ADJ"),
            ("Prime", 2, "compound", "PROPN"),
            ("Minister", 4, "compound", "PROPN"),
            ("Viktor", 4, "compound", "PROPN"),
            ("Orban", 5, "nsubj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(0, 1, "NORP"), (3, 5, "PERSON")],
    )
    assert speakers_of(doc) == [
        ("Viktor Orban", "Viktor Orban", "person", "Prime Minister", "Hungary")
    ]


@pytest.mark.parametrize(("noun", "role"), [("scientist", "political scientist"), ("idea", None)])
def test_a_person_noun_before_a_name_is_a_role(noun: str, role: str | None) -> None:
    """ "political scientist Lydia Miljan said it rained." -> role "political scientist"
    (person_nouns.txt), as a title would be; "political idea Lydia Miljan" names none."""
    doc = build_doc(
        f"political {noun} Lydia Miljan said it rained.",
        [
            ("political", 1, "amod", "ADJ"),
            (noun, 3, "compound", "NOUN"),
            ("Lydia", 3, "compound", "PROPN"),
            ("Miljan", 4, "nsubj", "PROPN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 4, "punct", P),
        ],
        ents=[(2, 4, "PERSON")],
    )
    assert speakers_of(doc) == [("Lydia Miljan", "Lydia Miljan", "person", role, None)]


def test_a_bodys_description_is_the_body_that_acts_before_one_only_named() -> None:
    """ "The Medical Association announced a strike at the NHS. The union said it rained.":
    "the union" is the association, the subject that acted, not the NHS, named after it in
    a prepositional phrase."""
    doc = build_doc(
        "The Medical Association announced a strike at the NHS. The union said it rained.",
        [
            ("The", 2, "det", "DET"),
            ("Medical", 2, "compound", "PROPN"),
            ("Association", 3, "nsubj", "PROPN"),
            ("announced", 3, "ROOT", "VERB", "announce"),
            ("a", 5, "det", "DET"),
            ("strike", 3, "dobj", "NOUN"),
            ("at", 5, "prep", "ADP"),
            ("the", 8, "det", "DET"),
            ("NHS", 6, "pobj", "PROPN"),
            (".", 3, "punct", P),
            ("The", 11, "det", "DET"),
            ("union", 12, "nsubj", "NOUN"),
            ("said", 12, "ROOT", "VERB", "say"),
            ("it", 14, "nsubj", "PRON"),
            ("rained", 12, "ccomp", "VERB", "rain"),
            (".", 12, "punct", P),
        ],
        ents=[(1, 3, "ORG"), (8, 9, "ORG")],
    )
    *_, (mention, name, kind, *_) = speakers_of(doc)
    assert (mention, name, kind) == ("The union", "Medical Association", "organization")


@pytest.mark.parametrize(("label", "org"), [("ORG", "Scotiabank"), ("GPE", None)])
def test_the_body_after_a_titled_name_is_the_roles(label: str, org: str | None) -> None:
    """ "Analyst Paul Steep of Scotiabank said it rained." -> role "Analyst" of Scotiabank;
    a place after the name ("of Ottawa") is where the person is from, not the body."""
    doc = build_doc(
        "Analyst Paul Steep of Scotiabank said it rained.",
        [
            ("Analyst", 2, "compound", "NOUN", "analyst"),
            ("Paul", 2, "compound", "PROPN"),
            ("Steep", 5, "nsubj", "PROPN"),
            ("of", 2, "prep", "ADP"),
            ("Scotiabank", 3, "pobj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(1, 3, "PERSON"), (4, 5, label)],
    )
    assert speakers_of(doc) == [("Paul Steep", "Paul Steep", "person", "Analyst", org)]


@pytest.mark.parametrize(
    ("body", "title", "role", "org"),
    [
        ("Labor", "Secretary", "Labor Secretary", None),
        ("FBI", "Director", "Director", "FBI"),
        ("Labor", "Director", "Director", "Labor"),
    ],
)
def test_a_portfolio_before_secretary_or_minister_is_part_of_the_role(
    body: str, title: str, role: str, org: str | None
) -> None:
    """ "Labor Secretary Tom Perez said it rained." with "Labor" labelled an organisation:
    the role is "Labor Secretary"; "FBI Director James Comey" is the FBI's director."""
    doc = build_doc(
        f"{body} {title} Tom Perez said it rained.",
        [
            (body, 3, "compound", "PROPN"),
            (title, 3, "compound", "PROPN"),
            ("Tom", 3, "compound", "PROPN"),
            ("Perez", 4, "nsubj", "PROPN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 4, "punct", P),
        ],
        ents=[(0, 1, "ORG"), (2, 4, "PERSON")],
    )
    assert speakers_of(doc) == [("Tom Perez", "Tom Perez", "person", role, org)]


@pytest.mark.parametrize(
    ("noun", "role"), [("host", "radio host"), ("husband", None), ("neighbour", None)]
)
def test_a_person_noun_a_name_stands_beside_is_a_role_but_not_a_kinship(
    noun: str, role: str | None
) -> None:
    """ "Her radio host, Charlie Sykes, said it rained." -> role "radio host"; "Her radio
    husband, ..." and "Her radio neighbour, ..." name whose he is, not what he does: no
    role."""
    doc = build_doc(
        f"Her radio {noun}, Charlie Sykes, said it rained.",
        [
            ("Her", 2, "poss", "PRON"),
            ("radio", 2, "compound", "NOUN"),
            (noun, 7, "nsubj", "NOUN"),
            (",", 2, "punct", P),
            ("Charlie", 5, "compound", "PROPN"),
            ("Sykes", 2, "appos", "PROPN"),
            (",", 2, "punct", P),
            ("said", 7, "ROOT", "VERB", "say"),
            ("it", 9, "nsubj", "PRON"),
            ("rained", 7, "ccomp", "VERB", "rain"),
            (".", 7, "punct", P),
        ],
        ents=[(4, 6, "PERSON")],
    )
    assert speakers_of(doc) == [("Charlie Sykes", "Charlie Sykes", "person", role, None)]


@pytest.mark.parametrize(("title", "kind"), [("officer", "person"), ("building", "organization")])
def test_a_name_labelled_a_body_after_a_title_is_a_person(title: str, kind: str) -> None:
    """ "Service information officer Karley Desrosiers said it rained." with the whole phrase
    labelled an organisation: after a title, the name is a person's; after "building" it
    stays a body's name."""
    doc = build_doc(
        f"Service information {title} Karley Desrosiers said it rained.",
        [
            ("Service", 4, "compound", "PROPN"),
            ("information", 2, "compound", "NOUN"),
            (title, 4, "compound", "NOUN"),
            ("Karley", 4, "compound", "PROPN"),
            ("Desrosiers", 5, "nsubj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(0, 1, "ORG"), (3, 5, "ORG")],
    )
    [(mention, _, found, *_)] = speakers_of(doc)
    assert (mention, found) == ("Karley Desrosiers", kind)


def _placed_doc(noun: str) -> Any:
    """ "Lisa Barrett, a <noun> at Dalhousie University, said cases rose." """
    return build_doc(
        f"Lisa Barrett, a {noun} at Dalhousie University, said cases rose.",
        [
            ("Lisa", 1, "compound", "PROPN", "Lisa"),
            ("Barrett", 9, "nsubj", "PROPN", "Barrett"),
            (",", 1, "punct", P),
            ("a", 4, "det", "DET"),
            (noun, 1, "appos", "NOUN"),
            ("at", 4, "prep", "ADP"),
            ("Dalhousie", 7, "compound", "PROPN", "Dalhousie"),
            ("University", 5, "pobj", "PROPN", "University"),
            (",", 1, "punct", P),
            ("said", 9, "ROOT", "VERB", "say"),
            ("cases", 11, "nsubj", "NOUN", "case"),
            ("rose", 9, "ccomp", "VERB", "rise"),
            (".", 9, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (6, 8, "ORG")],
    )


def test_appositive_placing_the_person_in_a_body_is_a_role_without_a_title_word() -> None:
    """ "Lisa Barrett, a specialist at Dalhousie University, said": "specialist" is no title
    word, but the phrase says what she is and where; a plural noun describes a group."""
    doc = _placed_doc("specialist")
    assert speakers_of(doc) == [
        ("Lisa Barrett", "Lisa Barrett", "person", "specialist", "Dalhousie University")
    ]
    group = _placed_doc("specialists")
    group[4].tag_ = "NNS"
    assert speakers_of(group) == [("Lisa Barrett", "Lisa Barrett", "person", None, None)]


def test_a_bodys_possessive_is_no_part_of_an_unnamed_role() -> None:
    """ "Ontario's housing minister said ..." -> role "housing minister" of "Ontario", not
    "'s housing minister"."""
    doc = build_doc(
        "Ontario's housing minister said it works.",
        [
            ("Ontario", 3, "poss", "PROPN", "Ontario"),
            ("'s", 0, "case", "PART"),
            ("housing", 3, "compound", "NOUN"),
            ("minister", 4, "nsubj", "NOUN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("works", 4, "ccomp", "VERB", "work"),
            (".", 4, "punct", P),
        ],
        ents=[(0, 1, "GPE")],
    )
    [(_, _, kind, role, organization)] = speakers_of(doc)
    assert (kind, role, organization) == ("unnamed", "housing minister", "Ontario")


def test_how_many_is_no_part_of_an_unnamed_role() -> None:
    """ "One senior official said it works." -> role "senior official", not "One senior
    official"."""
    doc = build_doc(
        "One senior official said it works.",
        [
            ("One", 2, "nummod", "NUM", "one"),
            ("senior", 2, "amod", "ADJ"),
            ("official", 3, "nsubj", "NOUN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("it", 5, "nsubj", "PRON"),
            ("works", 3, "ccomp", "VERB", "work"),
            (".", 3, "punct", P),
        ],
    )
    [(mention, _, kind, role, _)] = speakers_of(doc)
    assert (mention, kind, role) == ("One senior official", "unnamed", "senior official")


def test_a_surname_with_a_particle_alone_is_the_person_named_in_full() -> None:
    """ "Bill de Blasio said it rained. De Blasio said it works.": "De Blasio" is the
    surname of Bill de Blasio, not a given name "De" and a surname."""
    doc = build_doc(
        "Bill de Blasio said it rained. De Blasio said it works.",
        [
            ("Bill", 2, "compound", "PROPN"),
            ("de", 2, "compound", "PROPN"),
            ("Blasio", 3, "nsubj", "PROPN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("it", 5, "nsubj", "PRON"),
            ("rained", 3, "ccomp", "VERB", "rain"),
            (".", 3, "punct", P),
            ("De", 8, "compound", "PROPN"),
            ("Blasio", 9, "nsubj", "PROPN"),
            ("said", 9, "ROOT", "VERB", "say"),
            ("it", 11, "nsubj", "PRON"),
            ("works", 9, "ccomp", "VERB", "work"),
            (".", 9, "punct", P),
        ],
        ents=[(0, 3, "PERSON"), (7, 9, "PERSON")],
    )
    assert [name for _, name, *_ in speakers_of(doc)] == ["Bill de Blasio", "Bill de Blasio"]


def _kadri(relative: str) -> Any:
    """ "Nazem Kadri, <relative> scored, said it ended. Kadri said it hurt.", with the
    model's labels: the full name a facility, the surname an organisation."""
    return build_doc(
        f"Nazem Kadri, {relative} scored, said it ended. Kadri said it hurt.",
        [
            ("Nazem", 1, "compound", "PROPN", "Nazem"),
            ("Kadri", 6, "nsubj", "PROPN", "Kadri"),
            (",", 1, "punct", P),
            (relative, 4, "nsubj", "PRON"),
            ("scored", 1, "relcl", "VERB", "score"),
            (",", 1, "punct", P),
            ("said", 6, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON"),
            ("ended", 6, "ccomp", "VERB", "end"),
            (".", 6, "punct", P),
            ("Kadri", 11, "nsubj", "PROPN", "Kadri"),
            ("said", 11, "ROOT", "VERB", "say"),
            ("it", 13, "nsubj", "PRON"),
            ("hurt", 11, "ccomp", "VERB"),
            (".", 11, "punct", P),
        ],
        ents=[(0, 2, "FAC"), (10, 11, "ORG")],
    )


def test_a_name_that_who_describes_is_a_persons_whatever_its_label() -> None:
    """ "Nazem Kadri, who scored, said": "who" is said of people, so the name the model
    labelled a facility is a person's, and the later "Kadri" is that person; "which" says
    nothing of the kind."""
    assert [s[1:3] for s in speakers_of(_kadri("who"))] == [
        ("Nazem Kadri", "person"),
        ("Nazem Kadri", "person"),
    ]
    assert [s[1:3] for s in speakers_of(_kadri("which"))] == [
        ("Nazem Kadri", "organization"),
        ("Kadri", "organization"),
    ]


def _husbands(owner: str) -> Any:
    """ "Her husband, Dan Lee, left. <owner> husband said it rained." """
    return build_doc(
        f"Her husband, Dan Lee, left. {owner} husband said it rained.",
        [
            ("Her", 1, "poss", "PRON"),
            ("husband", 6, "nsubj", "NOUN"),
            (",", 1, "punct", P),
            ("Dan", 4, "compound", "PROPN"),
            ("Lee", 1, "appos", "PROPN"),
            (",", 1, "punct", P),
            ("left", 6, "ROOT", "VERB", "leave"),
            (".", 6, "punct", P),
            (owner, 9, "poss", "PRON"),
            ("husband", 10, "nsubj", "NOUN"),
            ("said", 10, "ROOT", "VERB", "say"),
            ("it", 12, "nsubj", "PRON"),
            ("rained", 10, "ccomp", "VERB", "rain"),
            (".", 10, "punct", P),
        ],
        ents=[(3, 5, "PERSON")],
    )


def test_a_possessed_description_is_whom_the_same_words_named_before() -> None:
    """ "Her husband, Dan Lee, left. Her husband said ..." -> Dan Lee; "His husband" is
    someone else's."""
    assert [s[:3] for s in speakers_of(_husbands("Her"))] == [("Her husband", "Dan Lee", "person")]
    assert [s[:2] for s in speakers_of(_husbands("His"))] == [("His husband", "His husband")]


def test_a_university_principal_is_a_role() -> None:
    """ "McGill University principal Deep Saini said ..." -> role "principal" of "McGill
    University" (a title of Canadian and British universities and of schools)."""
    doc = build_doc(
        "McGill University principal Deep Saini said it rained.",
        [
            ("McGill", 1, "compound", "PROPN", "McGill"),
            ("University", 4, "compound", "PROPN", "University"),
            ("principal", 4, "compound", "NOUN"),
            ("Deep", 4, "compound", "PROPN", "Deep"),
            ("Saini", 5, "nsubj", "PROPN", "Saini"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(0, 2, "ORG"), (3, 5, "PERSON")],
    )
    [(_, name, _, role, organization)] = speakers_of(doc)
    assert (name, role, organization) == ("Deep Saini", "principal", "McGill University")


TRUMPS = (
    "Ivanka Trump spoke. Donald Trump said he would win. Trump said it was over.",
    [
        ("Ivanka", 1, "compound", "PROPN", "Ivanka"),
        ("Trump", 2, "nsubj", "PROPN", "Trump"),
        ("spoke", 2, "ROOT", "VERB", "speak"),
        (".", 2, "punct", P),
        ("Donald", 5, "compound", "PROPN", "Donald"),
        ("Trump", 6, "nsubj", "PROPN", "Trump"),
        ("said", 6, "ROOT", "VERB", "say"),
        ("he", 9, "nsubj", "PRON"),
        ("would", 9, "aux", "AUX"),
        ("win", 6, "ccomp", "VERB"),
        (".", 6, "punct", P),
        ("Trump", 12, "nsubj", "PROPN", "Trump"),
        ("said", 12, "ROOT", "VERB", "say"),
        ("it", 14, "nsubj", "PRON"),
        ("was", 12, "ccomp", "AUX", "be"),
        ("over", 14, "advmod", "ADV"),
        (".", 12, "punct", P),
    ],
    [(0, 2, "PERSON"), (4, 6, "PERSON"), (11, 12, "PERSON")],
)


def test_shared_surname_goes_to_the_person_named_last() -> None:
    """Two Trumps: the bare "Trump" after "Donald Trump said" is Donald, not Ivanka."""
    doc = build_doc(*TRUMPS)
    names = [(m, n) for m, n, *_ in speakers_of(doc)]
    assert names == [("Donald Trump", "Donald Trump"), ("Trump", "Donald Trump")]


def test_shared_surname_follows_the_courtesy_title() -> None:
    """ "Ms. Trump" is the woman of the two Trumps, although Donald was named last."""
    text = "Ivanka Trump spoke. Donald Trump said he would win. Ms. Trump said it was over."
    _text, rows, _ents = TRUMPS
    rows = [
        *rows[:11],
        ("Ms.", 12, "compound", "PROPN", "Ms."),
        *[(w, h + 1 if h >= 11 else h, d, p, *rest) for w, h, d, p, *rest in rows[11:]],
    ]
    doc = build_doc(text, rows, [(0, 2, "PERSON"), (4, 6, "PERSON"), (12, 13, "PERSON")])
    names = [(m, n) for m, n, *_ in speakers_of(doc)]
    assert names == [("Donald Trump", "Donald Trump"), ("Trump", "Ivanka Trump")]


OBAMA_ROWS = [
    ("Mr.", 1, "compound", "PROPN", "Mr."),
    ("Obama", 2, "nsubj", "PROPN", "Obama"),
    ("was", 2, "ROOT", "AUX", "be"),
    ("at", 2, "prep", "ADP"),
    ("the", 5, "det", "DET"),
    ("summit", 3, "pobj", "NOUN"),
    (".", 2, "punct", P),
    ("He", 8, "nsubj", "PRON"),
    ("said", 8, "ROOT", "VERB", "say"),
    ("talks", 11, "nsubj", "NOUN", "talk"),
    ("would", 11, "aux", "AUX"),
    ("go", 8, "ccomp", "VERB"),
    ("on", 11, "prt", "ADP"),
    (".", 8, "punct", P),
]


def test_he_resolves_to_the_subject_before() -> None:
    """ "Mr. Obama was at the summit. He said ..." -> Obama."""
    doc = build_doc(
        "Mr. Obama was at the summit. He said talks would go on.", OBAMA_ROWS, [(1, 2, "PERSON")]
    )
    assert speakers_of(doc) == [("He", "Obama", "person", None, None)]


def test_she_skips_a_man() -> None:
    """ "Mr. Obama ... She said" has no antecedent: she stays unknown, not Obama."""
    rows = [("She", *OBAMA_ROWS[7][1:]), *OBAMA_ROWS[8:]]
    doc = build_doc(
        "Mr. Obama was at the summit. She said talks would go on.",
        [*OBAMA_ROWS[:7], *rows],
        [(1, 2, "PERSON")],
    )
    assert speakers_of(doc) == [("She", "She", "unknown", None, None)]


@pytest.mark.parametrize(
    ("det", "name", "kind"), [("A", "witness", "unnamed"), ("The", "Jane Smith", "person")]
)
def test_she_after_an_unnamed_speaker_is_that_speaker(det: str, name: str, kind: str) -> None:
    """ "Jane Smith spoke. A witness said it rained. “We ran,” she said.": "she" is the
    witness who spoke last, introduced unnamed, not the woman named before; "The witness"
    may be someone named before, and the pronoun looks back for a name as it did."""
    doc = build_doc(
        f"Jane Smith spoke. {det} witness said it rained. “We ran,” she said.",
        [
            ("Jane", 1, "compound", "PROPN"),
            ("Smith", 2, "nsubj", "PROPN"),
            ("spoke", 2, "ROOT", "VERB", "speak"),
            (".", 2, "punct", P),
            (det, 5, "det", "DET"),
            ("witness", 6, "nsubj", "NOUN"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON"),
            ("rained", 6, "ccomp", "VERB", "rain"),
            (".", 6, "punct", P),
            ("“", 16, "punct", P),
            ("We", 12, "nsubj", "PRON"),
            ("ran", 16, "ccomp", "VERB", "run"),
            (",", 16, "punct", P),
            ("”", 16, "punct", P),
            ("she", 16, "nsubj", "PRON"),
            ("said", 16, "ROOT", "VERB", "say"),
            (".", 16, "punct", P),
        ],
        ents=[(0, 2, "PERSON")],
    )
    *_, quote = speakers_of(doc)
    assert quote[:3] == ("she", name, kind)


def test_she_after_an_unnamed_speaker_with_a_relative_clause_is_that_speaker() -> None:
    """ "Jane Smith spoke. A neighbour, who asked not to be named, said it rained. “We ran,”
    she said.": the relative pronoun spoke last ("asked"), for the neighbour; "she" is the
    neighbour, a person noun introduced unnamed, not the woman named before."""
    doc = build_doc(
        "Jane Smith spoke. A neighbour, who asked not to be named, said it rained. "
        "“We ran,” she said.",
        [
            ("Jane", 1, "compound", "PROPN"),
            ("Smith", 2, "nsubj", "PROPN"),
            ("spoke", 2, "ROOT", "VERB", "speak"),
            (".", 2, "punct", P),
            ("A", 5, "det", "DET"),
            ("neighbour", 14, "nsubj", "NOUN"),
            (",", 5, "punct", P),
            ("who", 8, "nsubj", "PRON"),
            ("asked", 5, "relcl", "VERB", "ask"),
            ("not", 12, "neg", "PART"),
            ("to", 12, "aux", "PART"),
            ("be", 12, "auxpass", "AUX"),
            ("named", 8, "xcomp", "VERB", "name"),
            (",", 5, "punct", P),
            ("said", 14, "ROOT", "VERB", "say"),
            ("it", 16, "nsubj", "PRON"),
            ("rained", 14, "ccomp", "VERB", "rain"),
            (".", 14, "punct", P),
            ("“", 24, "punct", P),
            ("We", 20, "nsubj", "PRON"),
            ("ran", 24, "ccomp", "VERB", "run"),
            (",", 24, "punct", P),
            ("”", 24, "punct", P),
            ("she", 24, "nsubj", "PRON"),
            ("said", 24, "ROOT", "VERB", "say"),
            (".", 24, "punct", P),
        ],
        ents=[(0, 2, "PERSON")],
    )
    *_, quote = speakers_of(doc)
    assert quote[:3] == ("she", "neighbour", "unnamed")


@pytest.mark.parametrize(
    ("verb", "lemma", "name"), [("Speaking", "speak", "Ann Bell"), ("Sitting", "sit", "Jo Kerr")]
)
def test_she_is_not_the_person_spoken_with(verb: str, lemma: str, name: str) -> None:
    """ "Ann Bell left. Speaking with Jo Kerr, she said it rained.": "she" is not Jo Kerr,
    to whom she spoke, but Ann Bell; "Sitting with Jo Kerr, she said ..." is no conversation
    and the nearest name stays the antecedent."""
    doc = build_doc(
        f"Ann Bell left. {verb} with Jo Kerr, she said it rained.",
        [
            ("Ann", 1, "compound", "PROPN"),
            ("Bell", 2, "nsubj", "PROPN"),
            ("left", 2, "ROOT", "VERB", "leave"),
            (".", 2, "punct", P),
            (verb, 10, "advcl", "VERB", lemma),
            ("with", 4, "prep", "ADP"),
            ("Jo", 7, "compound", "PROPN"),
            ("Kerr", 5, "pobj", "PROPN"),
            (",", 10, "punct", P),
            ("she", 10, "nsubj", "PRON"),
            ("said", 10, "ROOT", "VERB", "say"),
            ("it", 12, "nsubj", "PRON"),
            ("rained", 10, "ccomp", "VERB", "rain"),
            (".", 10, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (6, 8, "PERSON")],
    )
    *_, (mention, resolved, *_) = speakers_of(doc)
    assert (mention, resolved) == ("she", name)


def test_pronoun_without_antecedent_stays_unknown() -> None:
    """A "He" that opens the text is not a guessed name."""
    doc = build_doc(
        "He said talks would go on.",
        [(w, h - 7, d, p, *rest) for w, h, d, p, *rest in OBAMA_ROWS[7:]],
    )
    assert speakers_of(doc) == [("He", "He", "unknown", None, None)]


def test_relative_who_is_its_antecedent() -> None:
    """ "Trump, who called NATO obsolete, said" -> the speaker of "said" is Trump."""
    doc = build_doc(
        "Donald Trump spoke. Trump, who called NATO obsolete, said it was fine.",
        [
            ("Donald", 1, "compound", "PROPN", "Donald"),
            ("Trump", 2, "nsubj", "PROPN", "Trump"),
            ("spoke", 2, "ROOT", "VERB", "speak"),
            (".", 2, "punct", P),
            ("Trump", 11, "nsubj", "PROPN", "Trump"),
            (",", 4, "punct", P),
            ("who", 7, "nsubj", "PRON"),
            ("called", 4, "relcl", "VERB", "call"),
            ("NATO", 7, "dobj", "PROPN", "NATO"),
            ("obsolete", 7, "oprd", "ADJ"),
            (",", 4, "punct", P),
            ("said", 11, "ROOT", "VERB", "say"),
            ("it", 13, "nsubj", "PRON"),
            ("was", 11, "ccomp", "AUX", "be"),
            ("fine", 13, "acomp", "ADJ"),
            (".", 11, "punct", P),
        ],
        [(0, 2, "PERSON"), (4, 5, "PERSON"), (8, 9, "ORG")],
    )
    found = speakers_of(doc)
    assert ("who", "Donald Trump", "person") in [(m, n, k) for m, n, k, *_ in found]
    assert {n for _, n, *_ in found} == {"Donald Trump"}


SENATOR_ROWS = [
    ("Sen.", 2, "compound", "PROPN", "Sen."),
    ("Ted", 2, "compound", "PROPN", "Ted"),
    ("Cruz", 3, "nsubj", "PROPN", "Cruz"),
    ("spoke", 3, "ROOT", "VERB", "speak"),
    (".", 3, "punct", P),
    ("The", 6, "det", "DET"),
    ("senator", 7, "nsubj", "NOUN"),
    ("said", 7, "ROOT", "VERB", "say"),
    ("the", 9, "det", "DET"),
    ("bill", 11, "nsubj", "NOUN"),
    ("would", 11, "aux", "AUX"),
    ("fail", 7, "ccomp", "VERB"),
    (".", 7, "punct", P),
]


def test_description_resolves_to_the_one_role_holder() -> None:
    """ "Sen. Ted Cruz ... The senator said" -> Ted Cruz, role "Sen."."""
    doc = build_doc(
        "Sen. Ted Cruz spoke. The senator said the bill would fail.",
        SENATOR_ROWS,
        [(1, 3, "PERSON")],
    )
    assert speakers_of(doc) == [("The senator", "Ted Cruz", "person", "Sen.", None)]


def test_description_without_a_holder_is_the_previous_subject() -> None:
    """ "Ted Cruz spoke. The senator said": nobody is called senator, so "the senator" refers
    back as news uses it, to the person the previous sentence was about (a decision: see
    docs/design.md)."""
    rows = [(w, h - 1, d, p, *rest) for w, h, d, p, *rest in SENATOR_ROWS[1:]]
    doc = build_doc(
        "Ted Cruz spoke. The senator said the bill would fail.", rows, [(0, 2, "PERSON")]
    )
    assert speakers_of(doc) == [("The senator", "Ted Cruz", "person", None, None)]


def test_body_description_resolves_to_the_named_body() -> None:
    """ "The State Department said no. The department said ..." -> State Department."""
    doc = build_doc(
        "The State Department said no. The department said talks would go on.",
        [
            ("The", 2, "det", "DET"),
            ("State", 2, "compound", "PROPN", "State"),
            ("Department", 3, "nsubj", "PROPN", "Department"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("no", 3, "intj", "INTJ"),
            (".", 3, "punct", P),
            ("The", 7, "det", "DET"),
            ("department", 8, "nsubj", "NOUN"),
            ("said", 8, "ROOT", "VERB", "say"),
            ("talks", 11, "nsubj", "NOUN", "talk"),
            ("would", 11, "aux", "AUX"),
            ("go", 8, "ccomp", "VERB"),
            ("on", 11, "prt", "ADP"),
            (".", 8, "punct", P),
        ],
        [(0, 3, "ORG")],
    )
    names = [(m, n, k) for m, n, k, *_ in speakers_of(doc)]
    assert names[-1] == ("The department", "State Department", "organization")


@pytest.mark.parametrize(
    ("appos", "name"), [("Hydro One", "Hydro One"), ("a subsidiary", "utility")]
)
def test_a_body_description_with_a_name_set_off_by_commas_is_that_name(
    appos: str, name: str
) -> None:
    """ "The utility, Hydro One, said rates would rise." -> Hydro One, the name set off
    beside it; "The utility, a subsidiary, said ..." is no name: the description stays."""
    first, second = appos.split()
    proper = first == "Hydro"
    doc = build_doc(
        f"The utility, {appos}, said rates would rise.",
        [
            ("The", 1, "det", "DET"),
            ("utility", 6, "nsubj", "NOUN"),
            (",", 1, "punct", P),
            (first, 4, "compound" if proper else "det", "PROPN" if proper else "DET"),
            (second, 1, "appos", "PROPN" if proper else "NOUN"),
            (",", 1, "punct", P),
            ("said", 6, "ROOT", "VERB", "say"),
            ("rates", 9, "nsubj", "NOUN", "rate"),
            ("would", 9, "aux", "AUX"),
            ("rise", 6, "ccomp", "VERB"),
            (".", 6, "punct", P),
        ],
        [(3, 5, "ORG")] if proper else [],
    )
    [(_, resolved, *_)] = speakers_of(doc)
    assert resolved == name


def test_a_name_with_surname_particles_split_by_the_model_is_one_person() -> None:
    """ "President Ursula von der Leyen said ... Von der Leyen added ...": the model labelled
    "Ursula von der" a person, "Leyen" a place and "Von der Leyen" an organisation; a name
    never ends in a particle, so the first is one name, and the second, a surname with its
    particles, is the person named before with that surname."""
    doc = build_doc(
        "President Ursula von der Leyen said talks went on. Von der Leyen added talks went on.",
        [
            ("President", 4, "compound", "PROPN"),
            ("Ursula", 4, "compound", "PROPN"),
            ("von", 4, "compound", "PROPN"),
            ("der", 4, "compound", "NOUN"),
            ("Leyen", 5, "nsubj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("talks", 7, "nsubj", "NOUN", "talk"),
            ("went", 5, "ccomp", "VERB", "go"),
            ("on", 7, "prt", "ADP"),
            (".", 5, "punct", P),
            ("Von", 12, "compound", "PROPN"),
            ("der", 12, "compound", "PROPN"),
            ("Leyen", 13, "nsubj", "PROPN"),
            ("added", 13, "ROOT", "VERB", "add"),
            ("talks", 15, "nsubj", "NOUN", "talk"),
            ("went", 13, "ccomp", "VERB", "go"),
            ("on", 15, "prt", "ADP"),
            (".", 13, "punct", P),
        ],
        [(1, 4, "PERSON"), (4, 5, "GPE"), (10, 13, "ORG")],
    )
    assert [(m, n, k) for m, n, k, *_ in speakers_of(doc)] == [
        ("Ursula von der Leyen", "Ursula von der Leyen", "person"),
        ("Von der Leyen", "Ursula von der Leyen", "person"),
    ]


@pytest.mark.parametrize(
    ("body", "label", "mention"),
    [(["Hydro"], "ORG", "Steve Orsini"), (["the", "mayor"], None, "A spokesperson")],
)
def test_a_name_hung_on_the_body_a_description_acts_for_is_its_person(
    body: list[str], label: str | None, mention: str
) -> None:
    """ "A spokesperson for Hydro, Steve Orsini, said ...", the name hung on "Hydro": beside
    an organisation the name is the spokesperson's, and "spokesperson" its role in that
    body; beside a person ("a spokesperson for the mayor, Steve Orsini") it names the mayor,
    and the description stays the speaker."""
    n = len(body)
    obj = 2 + n  # the body's head
    said = obj + 5
    rows: list[tuple[Any, ...]] = [
        ("A", 1, "det", "DET"),
        ("spokesperson", said, "nsubj", "NOUN"),
        ("for", 1, "prep", "ADP"),
        *[(w, obj, "det", "DET") for w in body[:-1]],
        (body[-1], 2, "pobj", "PROPN" if label else "NOUN"),
        (",", obj, "punct", P),
        ("Steve", obj + 3, "compound", "PROPN"),
        ("Orsini", obj, "appos", "PROPN"),
        (",", 1, "punct", P),
        ("said", said, "ROOT", "VERB", "say"),
        ("rates", said + 3, "nsubj", "NOUN", "rate"),
        ("would", said + 3, "aux", "AUX"),
        ("rise", said, "ccomp", "VERB"),
        (".", said, "punct", P),
    ]
    ents = [(obj + 2, obj + 4, "PERSON"), *([(obj, obj + 1, label)] if label else [])]
    text = f"A spokesperson for {' '.join(body)}, Steve Orsini, said rates would rise."
    [(said_by, _, _, role, org)] = speakers_of(build_doc(text, rows, sorted(ents)))
    assert said_by == mention
    if label:  # the description is the named person's role, in the body it acts for
        assert (role, org) == ("spokesperson", "Hydro")


@pytest.mark.parametrize("title", ["Minister", "Ministry"])
def test_the_name_after_a_portfolio_of_two_names_and_its_title_is_the_speaker(title: str) -> None:
    """ "Colleges and Universities Minister Jill Dunlop said ...", parsed with "Colleges" the
    subject and the rest its conjuncts: the speaker is the name after the title, whose role
    is the whole phrase; without a title word before the name ("Ministry") the subject
    stays the first word."""
    doc = build_doc(
        f"Colleges and Universities {title} Jill Dunlop said rates would rise.",
        [
            ("Colleges", 6, "nsubj", "PROPN"),
            ("and", 0, "cc", "CCONJ"),
            ("Universities", 3, "compound", "PROPN"),
            (title, 0, "conj", "PROPN"),
            ("Jill", 5, "compound", "PROPN"),
            ("Dunlop", 0, "conj", "PROPN"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("rates", 9, "nsubj", "NOUN", "rate"),
            ("would", 9, "aux", "AUX"),
            ("rise", 6, "ccomp", "VERB"),
            (".", 6, "punct", P),
        ],
        [(0, 1, "ORG"), (4, 6, "PERSON")],
    )
    [(mention, name, _, role, _)] = speakers_of(doc)
    if title == "Minister":
        assert (mention, name, role) == (
            "Jill Dunlop",
            "Jill Dunlop",
            "Colleges and Universities Minister",
        )
    else:  # the phrase the parser made the subject, not the name in it
        assert mention.startswith("Colleges")


@pytest.mark.parametrize(("suffix", "kind"), [("Inc", "organization"), ("Lutke", "person")])
def test_a_name_ending_in_a_company_suffix_is_an_organisation(suffix: str, kind: str) -> None:
    """ "Shopify Inc said profits rose.", the model's person: a company's legal name
    (company_suffixes.txt), not a person with the surname "Inc"; "Shopify Lutke" stays a
    person."""
    doc = build_doc(
        f"Shopify {suffix} said profits rose.",
        [
            ("Shopify", 1, "compound", "PROPN"),
            (suffix, 2, "nsubj", "PROPN"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("profits", 4, "nsubj", "NOUN", "profit"),
            ("rose", 2, "ccomp", "VERB", "rise"),
            (".", 2, "punct", P),
        ],
        [(0, 2, "PERSON")],
    )
    assert speakers_of(doc) == [(f"Shopify {suffix}", f"Shopify {suffix}", kind, None, None)]


@pytest.mark.parametrize(
    ("noun", "mention"), [("rival", "Hydro One"), ("president", "Its president")]
)
def test_a_body_named_beside_a_description_is_the_speaker(noun: str, mention: str) -> None:
    """ "Its rival, Hydro One, said ...": the organisation named beside a noun that is no
    person's role speaks; beside a role ("Its president, Hydro One,") the label is more
    likely a person's name the model took for a body, and the description stays."""
    doc = build_doc(
        f"Its {noun}, Hydro One, said rates would rise.",
        [
            ("Its", 1, "poss", "PRON"),
            (noun, 6, "nsubj", "NOUN"),
            (",", 1, "punct", P),
            ("Hydro", 4, "compound", "PROPN"),
            ("One", 1, "appos", "PROPN"),
            (",", 1, "punct", P),
            ("said", 6, "ROOT", "VERB", "say"),
            ("rates", 9, "nsubj", "NOUN", "rate"),
            ("would", 9, "aux", "AUX"),
            ("rise", 6, "ccomp", "VERB"),
            (".", 6, "punct", P),
        ],
        [(3, 5, "ORG")],
    )
    [(said_by, *_)] = speakers_of(doc)
    assert said_by == mention


@pytest.mark.parametrize(
    ("words", "name", "role"),
    [(["Nurse", "Jane", "Doe"], "Jane Doe", "Nurse"), (["Nurse", "Doe"], "Nurse Doe", None)],
)
def test_a_person_noun_opening_a_labelled_name_is_its_role(
    words: list[str], name: str, role: str | None
) -> None:
    """ "Nurse Jane Doe said ...", the model's person all three words: a person noun before a
    given name and a surname is what she is, not part of her name; before one word alone it
    may be a given name, and the name stays whole."""
    n = len(words)
    doc = build_doc(
        f"{' '.join(words)} said the ward was full.",
        [
            *[(w, n - 1, "compound", "PROPN") for w in words[:-1]],
            (words[-1], n, "nsubj", "PROPN"),
            ("said", n, "ROOT", "VERB", "say"),
            ("the", n + 2, "det", "DET"),
            ("ward", n + 3, "nsubj", "NOUN"),
            ("was", n, "ccomp", "AUX", "be"),
            ("full", n + 3, "acomp", "ADJ"),
            (".", n, "punct", P),
        ],
        [(0, n, "PERSON")],
    )
    [(_, resolved, _, said_role, _)] = speakers_of(doc)
    assert (resolved, said_role) == (name, role)


@pytest.mark.parametrize(
    ("noun", "obj", "label", "org"),
    [("spokesperson", "Hydro", "ORG", "Hydro"), ("secretary", "state", "ORG", None)],
)
def test_a_description_beside_a_name_names_the_body_it_acts_for(
    noun: str, obj: str, label: str, org: str | None
) -> None:
    """ "A spokesperson for Hydro, Steve Orsini, said ...": the body the description acts
    for is the organisation of the person's role; "a secretary of state, ..." names none
    (a title's own word, in lower case, whatever the model labels it)."""
    prep = "for" if noun == "spokesperson" else "of"
    doc = build_doc(
        f"A {noun} {prep} {obj}, Steve Orsini, said rates would rise.",
        [
            ("A", 1, "det", "DET"),
            (noun, 8, "nsubj", "NOUN"),
            (prep, 1, "prep", "ADP"),
            (obj, 2, "pobj", "PROPN"),
            (",", 1, "punct", P),
            ("Steve", 6, "compound", "PROPN"),
            ("Orsini", 1, "appos", "PROPN"),
            (",", 1, "punct", P),
            ("said", 8, "ROOT", "VERB", "say"),
            ("rates", 11, "nsubj", "NOUN", "rate"),
            ("would", 11, "aux", "AUX"),
            ("rise", 8, "ccomp", "VERB"),
            (".", 8, "punct", P),
        ],
        [(3, 4, label), (5, 7, "PERSON")],
    )
    [(_, name, _, role, said_org)] = speakers_of(doc)
    assert (name, role, said_org) == ("Steve Orsini", noun, org)


@pytest.mark.parametrize("noun", ["utility", "bank", "airline"])
def test_body_description_of_a_kind_of_company(noun: str) -> None:
    """ "Hydro One said no. The utility said ..." -> Hydro One: a utility, a bank or an
    airline is an organisation as "the company" is (``bodies.txt``)."""
    doc = build_doc(
        f"Hydro One said no. The {noun} said rates would rise.",
        [
            ("Hydro", 1, "compound", "PROPN"),
            ("One", 2, "nsubj", "PROPN"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("no", 2, "intj", "INTJ"),
            (".", 2, "punct", P),
            ("The", 6, "det", "DET"),
            (noun, 7, "nsubj", "NOUN"),
            ("said", 7, "ROOT", "VERB", "say"),
            ("rates", 10, "nsubj", "NOUN", "rate"),
            ("would", 10, "aux", "AUX"),
            ("rise", 7, "ccomp", "VERB"),
            (".", 7, "punct", P),
        ],
        [(0, 2, "ORG")],
    )
    names = [(m, n, k) for m, n, k, *_ in speakers_of(doc)]
    assert names[-1] == (f"The {noun}", "Hydro One", "organization")


def test_coreference_clusters_in_doc_spans_take_precedence() -> None:
    """A user's cluster linking "He" to "Mr. Obama" names the speaker, whatever the rules say."""
    doc = build_doc(
        "Mr. Obama was at the summit. He said talks would go on.", OBAMA_ROWS, [(1, 2, "PERSON")]
    )
    doc.spans["coref_clusters_1"] = [doc[0:2], doc[7:8]]
    # Without the cluster the rules also give Obama; a cluster pointing elsewhere wins.
    doc.spans["coref_clusters_2"] = [doc[4:6]]
    assert speakers_of(doc)[0][1] == "Obama"
    doc2 = build_doc(
        "Mr. Obama was at the summit. He said talks would go on.", OBAMA_ROWS, [(1, 2, "PERSON")]
    )
    doc2.spans["coref_clusters_1"] = [doc2[7:8]]  # a cluster with no name: rules decide
    assert speakers_of(doc2)[0][1] == "Obama"


def _quote(start: int, name: str, kind: SpeakerKind, mention: str) -> Quote:
    text = "x" * 10
    return Quote(
        kind=QuoteKind.DIRECT,
        text=text,
        start=start,
        end=start + 10,
        parts=((start, start + 10),),
        speaker=Speaker(name, kind, TextSpan(mention, start + 20, start + 20 + len(mention))),
    )


def test_speakers_lists_each_entity_once_with_its_quotes() -> None:
    """Two quotes of one person are one entity; mentions are distinct and in order."""
    a = _quote(0, "Jens Stoltenberg", SpeakerKind.PERSON, "Stoltenberg")
    b = _quote(100, "Jens Stoltenberg", SpeakerKind.PERSON, "he")
    c = _quote(200, "diplomats", SpeakerKind.UNNAMED, "diplomats")
    [jens, diplomats] = quoteattr.speakers([a, b, c])
    assert (jens.name, jens.kind, jens.quotes) == ("Jens Stoltenberg", SpeakerKind.PERSON, (a, b))
    assert [m.text for m in jens.mentions] == ["Stoltenberg", "he"]
    assert diplomats.quotes == (c,)


def test_speakers_never_merges_unknown_speakers() -> None:
    """Two unresolved "he" are two entries: nothing says they are one person."""
    a = _quote(0, "he", SpeakerKind.UNKNOWN, "he")
    b = _quote(100, "he", SpeakerKind.UNKNOWN, "he")
    assert [len(e.quotes) for e in quoteattr.speakers([a, b])] == [1, 1]


def test_speaker_entity_to_dict_is_plain_data() -> None:
    """``SpeakerEntity.to_dict`` gives JSON-safe values."""
    a = _quote(0, "Jens Stoltenberg", SpeakerKind.PERSON, "Stoltenberg")
    [entity] = quoteattr.speakers([a])
    data = entity.to_dict()
    assert isinstance(entity, SpeakerEntity)
    assert (data["name"], data["kind"], data["quotes"][0]) == (
        "Jens Stoltenberg",
        "person",
        a.to_dict(),
    )


def test_doc_speakers_extension() -> None:
    """The component's ``doc._.speakers`` lists the entities of ``doc._.quotes``."""
    import spacy

    from quoteattr import component  # noqa: F401

    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("quoteattr")
    doc = build_doc(*TRUMPS, vocab=nlp.vocab)
    doc = pipe(doc)
    assert [(e.name, len(e.quotes)) for e in doc._.speakers] == [("Donald Trump", 2)]


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        (titles, "sen.", ("senator", None)),
        (titles, "spokeswoman", ("spokesman", "female")),
        (honorifics, "mrs.", "female"),
        (honorifics, "dr.", None),
        (demonyms, "iraqi", "Iraq"),
        (demonyms, "hungarian", "Hungary"),
        (demonyms, "costa rican", "Costa Rica"),
        (bodies, "department", "org"),
        (bodies, "town", "place"),
        (given_names, "hillary", "female"),
        (given_names, "donald", "male"),
    ],
)
def test_resolution_lexicons(table: Any, key: str, value: Any) -> None:
    """The shipped word lists read as data: titles, courtesy titles, demonyms, bodies."""
    assert tuple(table()[key]) == value if isinstance(value, tuple) else table()[key] == value


def test_parse_table_names_the_bad_line() -> None:
    """A line with too many fields is an [E005] error naming the file and line."""
    with pytest.raises(quoteattr.QuoteattrError, match=r"E005.*titles.txt.*line 2"):
        parse_table(["a\tb", "a\tb\tc\td"], "titles.txt", 2, 3)


CLINTON_ROWS = [
    ("He", 1, "nsubj", "PRON"),
    ("lost", 1, "ROOT", "VERB", "lose"),
    ("to", 1, "prep", "ADP"),
    ("Hillary", 5, "compound", "PROPN", "Hillary"),
    ("Rodham", 5, "compound", "PROPN", "Rodham"),
    ("Clinton", 2, "pobj", "PROPN", "Clinton"),
    (".", 1, "punct", P),
    ("Clinton", 8, "nsubj", "PROPN", "Clinton"),
    ("said", 8, "ROOT", "VERB", "say"),
    ("it", 10, "nsubj", "PRON"),
    ("rained", 8, "ccomp", "VERB", "rain"),
    (".", 8, "punct", P),
]


def test_a_name_the_model_missed_takes_its_surname_from_a_subject() -> None:
    """ "He lost to Hillary Rodham Clinton. Clinton said ...": no PERSON entity at all, but
    "Clinton" is a proper-noun subject, so the earlier object "Hillary Rodham Clinton" is read
    as that person's full name."""
    doc = build_doc("He lost to Hillary Rodham Clinton. Clinton said it rained.", CLINTON_ROWS)
    assert speakers_of(doc) == [("Clinton", "Hillary Rodham Clinton", "person", None, None)]


def test_a_name_glued_to_punctuation_by_a_missing_space() -> None:
    """'Hillary Rodham Clinton:"We' (one token: no space after the colon) still names
    Hillary Rodham Clinton, whom the "Clinton" (an object, not a subject) of the next sentence
    is."""
    doc = build_doc(
        'Hillary Rodham Clinton:"We won. Clinton said it rained.',
        [
            ("Hillary", 2, "compound", "PROPN", "Hillary"),
            ("Rodham", 2, "compound", "PROPN", "Rodham"),
            ('Clinton:"We', 3, "nsubj", "NOUN", 'clinton:"we'),
            ("won", 3, "ROOT", "VERB", "win"),
            (".", 3, "punct", P),
            *[(w, h - 2, d, pos, *rest) for w, h, d, pos, *rest in CLINTON_ROWS[7:]],
        ],
        ents=[(0, 2, "PERSON")],
    )
    assert speakers_of(doc)[-1][:3] == ("Clinton", "Hillary Rodham Clinton", "person")


def test_a_quoted_nickname_is_inside_the_name() -> None:
    """'John “Tig” Tiegen spoke. Tiegen said ...': the model's PERSON span stops inside the
    nickname's quotation marks and labels the surname ORG; the name runs on to "Tiegen", and
    the nickname stays in the name as written but does not count as a first name."""
    doc = build_doc(
        "John “Tig” Tiegen spoke. Tiegen said it rained.",
        [
            ("John", 4, "nmod", "PROPN", "John"),
            ("“", 4, "punct", P),
            ("Tig", 4, "nmod", "PROPN", "Tig"),
            ("”", 4, "punct", P),
            ("Tiegen", 5, "nsubj", "PROPN", "Tiegen"),
            ("spoke", 5, "ROOT", "VERB", "speak"),
            (".", 5, "punct", P),
            ("Tiegen", 8, "nsubj", "PROPN", "Tiegen"),
            ("said", 8, "ROOT", "VERB", "say"),
            ("it", 10, "nsubj", "PRON"),
            ("rained", 8, "ccomp", "VERB", "rain"),
            (".", 8, "punct", P),
        ],
        ents=[(0, 3, "PERSON"), (4, 5, "ORG"), (7, 8, "ORG")],
    )
    assert speakers_of(doc) == [("Tiegen", "John “Tig” Tiegen", "person", None, None)]
    people = People(doc, Layout(doc), Ranges([]), Lexicons.default())
    people.build()
    (entity,) = people.entities
    assert entity.core == ("john", "tiegen")


def test_quoted_words_between_two_names_are_no_nickname() -> None:
    """'Obama “Won” Iowa' (a headline): the word after the closing mark is a place, so the
    quotation does not join the two into one name."""
    doc = build_doc(
        "Obama “Won” Iowa",
        [
            ("Obama", 4, "nsubj", "PROPN", "Obama"),
            ("“", 2, "punct", P),
            ("Won", 4, "compound", "PROPN", "Won"),
            ("”", 2, "punct", P),
            ("Iowa", 4, "ROOT", "PROPN", "Iowa"),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "GPE")],
    )
    assert person_names(doc) == [(0, 1)]
    assert person_surnames(doc) == {"obama"}


def test_the_he_after_a_long_quotation_looks_back_from_where_it_opens() -> None:
    """'Clinton spoke. "I won. [x5] I won," she said.': six quoted sentences do not carry
    Clinton out of the pronoun's reach; the search starts where the quotation opens."""
    text = 'Clinton spoke. "I won. I won. I won. I won. I won. I won," she said.'
    rows: list[tuple[Any, ...]] = [
        ("Clinton", 1, "nsubj", "PROPN", "Clinton"),
        ("spoke", 1, "ROOT", "VERB", "speak"),
        (".", 1, "punct", P),
    ]
    said = 3 + 1 + 5 * 3 + 5
    rows.append(('"', 5, "punct", P))
    add_sentences(rows, "I", "won", "win", 5)
    at = len(rows)
    rows += [
        ("I", at + 1, "nsubj", "PRON"),
        ("won", said, "ccomp", "VERB", "win"),
        (",", said, "punct", P),
        ('"', said, "punct", P),
        ("she", said, "nsubj", "PRON"),
        ("said", said, "ROOT", "VERB", "say"),
        (".", said, "punct", P),
    ]
    assert rows[said][0] == "said"
    doc = build_doc(text, rows, ents=[(0, 1, "PERSON")])
    [quote] = [q for q in extract_doc(doc) if q.kind == QuoteKind.DIRECT]
    assert quote.speaker is not None
    assert (quote.speaker.mention.text if quote.speaker.mention else None, quote.speaker.name) == (
        "she",
        "Clinton",
    )


def _quote_rows(said: int) -> list[tuple[Any, ...]]:
    """'"He was great," she said.' as hand-built rows, ``said`` the index of "said"."""
    return [
        ('"', said, "punct", P),
        ("He", said - 5, "nsubj", "PRON"),
        ("was", said, "ccomp", "AUX", "be"),
        ("great", said - 5, "acomp", "ADJ"),
        (",", said, "punct", P),
        ('"', said, "punct", P),
        ("she", said, "nsubj", "PRON"),
        ("said", said, "ROOT", "VERB", "say"),
        (".", said, "punct", P),
    ]


def _chain_doc(subordinate: bool) -> Doc:
    """'Jones met Ali. She saw the Frazier fight. "He was great," she said.', or with
    "When she saw the Frazier fight, Frazier won." in the middle."""
    rows: list[tuple[Any, ...]] = [
        ("Jones", 1, "nsubj", "PROPN", "Jones"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Ali", 1, "dobj", "PROPN", "Ali"),
        (".", 1, "punct", P),
    ]
    if subordinate:
        text = (
            'Jones met Ali. When she saw the Frazier fight, Frazier won. "He was great," she said.'
        )
        rows += [
            ("When", 6, "advmod", "SCONJ", "when"),
            ("she", 6, "nsubj", "PRON"),
            ("saw", 12, "advcl", "VERB", "see"),
            ("the", 9, "det", "DET"),
            ("Frazier", 9, "compound", "PROPN", "Frazier"),
            ("fight", 6, "dobj", "NOUN"),
            (",", 12, "punct", P),
            ("Frazier", 12, "nsubj", "PROPN", "Frazier"),
            ("won", 12, "ROOT", "VERB", "win"),
            (".", 12, "punct", P),
        ]
        ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (8, 9, "PERSON"), (11, 12, "PERSON")]
    else:
        text = 'Jones met Ali. She saw the Frazier fight. "He was great," she said.'
        rows += [
            ("She", 5, "nsubj", "PRON", "she"),
            ("saw", 5, "ROOT", "VERB", "see"),
            ("the", 8, "det", "DET"),
            ("Frazier", 8, "compound", "PROPN", "Frazier"),
            ("fight", 5, "dobj", "NOUN"),
            (".", 5, "punct", P),
        ]
        ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "PERSON")]
    rows += _quote_rows(len(rows) + 7)
    return build_doc(text, rows, ents=ents)


def test_a_she_between_the_name_and_the_quote_carries_the_name() -> None:
    """'Jones met Ali. She saw the Frazier fight. "He was great," she said.': the "she" of
    the sentence between is Jones, so the speaker is Jones, not the fight's Frazier."""
    assert speakers_of(_chain_doc(subordinate=False))[-1][:3] == ("she", "Jones", "person")


def test_a_she_in_a_clause_within_carries_no_name() -> None:
    """'When she saw the Frazier fight, Frazier won.': a "she" that is not the main clause's
    subject is passed over, and the sentence's subject Frazier stands."""
    assert speakers_of(_chain_doc(subordinate=True))[-1][:3] == ("she", "Frazier", "person")


def test_the_he_who_answers_a_question_is_the_one_asked() -> None:
    """'Conroy asked Sanders whether it was fair. "Sure it is," he said.': the answer is the
    person asked, not the subject who asked."""
    doc = build_doc(
        'Conroy asked Sanders whether it was fair. "Sure it is," he said.',
        [
            ("Conroy", 1, "nsubj", "PROPN", "Conroy"),
            ("asked", 1, "ROOT", "VERB", "ask"),
            ("Sanders", 1, "dobj", "PROPN", "Sanders"),
            ("whether", 5, "mark", "SCONJ"),
            ("it", 5, "nsubj", "PRON"),
            ("was", 1, "ccomp", "AUX", "be"),
            ("fair", 5, "acomp", "ADJ"),
            (".", 1, "punct", P),
            ('"', 15, "punct", P),
            ("Sure", 11, "advmod", "ADV"),
            ("it", 11, "nsubj", "PRON"),
            ("is", 15, "ccomp", "AUX", "be"),
            (",", 15, "punct", P),
            ('"', 15, "punct", P),
            ("he", 15, "nsubj", "PRON"),
            ("said", 15, "ROOT", "VERB", "say"),
            (".", 15, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
    )
    assert speakers_of(doc)[-1][:3] == ("he", "Sanders", "person")


def test_the_description_that_answers_a_question_is_not_the_one_who_asked() -> None:
    """'"We won," Sanders said. "You?" Borger asked. "Me," the senator said.': nobody is
    called senator; the last speaker asked the question, so the senator is the one before."""
    doc = build_doc(
        '"We won," Sanders said. "You?" Borger asked. "Me," the senator said.',
        [
            ('"', 6, "punct", P),
            ("We", 2, "nsubj", "PRON"),
            ("won", 6, "ccomp", "VERB", "win"),
            (",", 6, "punct", P),
            ('"', 6, "punct", P),
            ("Sanders", 6, "nsubj", "PROPN", "Sanders"),
            ("said", 6, "ROOT", "VERB", "say"),
            (".", 6, "punct", P),
            ('"', 12, "punct", P),
            ("You", 12, "npadvmod", "PRON", "you"),
            ("?", 12, "punct", P),
            ('"', 12, "punct", P),
            ("Borger", 13, "nsubj", "PROPN", "Borger"),
            ("asked", 13, "ROOT", "VERB", "ask"),
            (".", 13, "punct", P),
            ('"', 20, "punct", P),
            ("Me", 20, "npadvmod", "PRON", "me"),
            (",", 20, "punct", P),
            ('"', 20, "punct", P),
            ("the", 20, "det", "DET"),
            ("senator", 21, "nsubj", "NOUN"),
            ("said", 21, "ROOT", "VERB", "say"),
            (".", 21, "punct", P),
        ],
        ents=[(5, 6, "PERSON"), (12, 13, "PERSON")],
    )
    assert [s[:3] for s in speakers_of(doc)] == [
        ("Sanders", "Sanders", "person"),
        ("Borger", "Borger", "person"),
        ("the senator", "Sanders", "person"),
    ]


def test_a_gender_vote_needs_the_person_as_subject() -> None:
    """ "Clinton's victories came as his speech ran." names only Clinton, but as a possessor:
    no vote that Clinton is a man, so the "She" after "Clinton rested" is Clinton, not the
    Sanders named before."""
    doc = build_doc(
        "Clinton's victories came as his speech ran. Sanders spoke. Clinton rested. It rained. "
        "She said it poured.",
        [
            ("Clinton", 2, "poss", "PROPN", "Clinton"),
            ("'s", 0, "case", "PART"),
            ("victories", 3, "nsubj", "NOUN", "victory"),
            ("came", 3, "ROOT", "VERB", "come"),
            ("as", 7, "mark", "SCONJ"),
            ("his", 6, "poss", "PRON"),
            ("speech", 7, "nsubj", "NOUN"),
            ("ran", 3, "advcl", "VERB", "run"),
            (".", 3, "punct", P),
            ("Sanders", 10, "nsubj", "PROPN", "Sanders"),
            ("spoke", 10, "ROOT", "VERB", "speak"),
            (".", 10, "punct", P),
            ("Clinton", 13, "nsubj", "PROPN", "Clinton"),
            ("rested", 13, "ROOT", "VERB", "rest"),
            (".", 13, "punct", P),
            ("It", 16, "nsubj", "PRON"),
            ("rained", 16, "ROOT", "VERB", "rain"),
            (".", 16, "punct", P),
            ("She", 19, "nsubj", "PRON"),
            ("said", 19, "ROOT", "VERB", "say"),
            ("it", 21, "nsubj", "PRON"),
            ("poured", 19, "ccomp", "VERB", "pour"),
            (".", 19, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (9, 10, "PERSON"), (12, 13, "PERSON")],
    )
    assert speakers_of(doc) == [("She", "Clinton", "person", None, None)]


@pytest.mark.parametrize(
    ("verb", "pronoun_rows", "gender"),
    [
        # "Clinton called her.": the object of Clinton's own verb is someone else.
        ("called", [("her", 1, "dobj", "PRON")], Gender.UNKNOWN),
        # "Clinton talked with her.": so is the object of a preposition on that verb.
        ("talked", [("with", 1, "prep", "ADP"), ("her", 2, "pobj", "PRON")], Gender.UNKNOWN),
        # "Clinton defended herself.": a reflexive is the subject, a vote.
        ("defended", [("herself", 1, "dobj", "PRON")], Gender.FEMALE),
    ],
)
def test_a_pronoun_among_the_objects_of_the_subjects_verb_casts_no_gender_vote(
    verb: str, pronoun_rows: list[tuple[Any, ...]], gender: Gender
) -> None:
    """ "A woman who accused him said ... On Sunday, Bill Clinton called her.": "her" is not
    Clinton, so the sentence that names him alone, as its subject, votes nothing on his
    gender; the later "Clinton said it poured." speaks with no gender, not a woman's."""
    words = " ".join(str(r[0]) for r in pronoun_rows)
    said = 4 + len(pronoun_rows)  # the second sentence's verb
    doc = build_doc(
        f"Clinton {verb} {words}. Clinton said it poured.",
        [
            ("Clinton", 1, "nsubj", "PROPN", "Clinton"),
            (verb, 1, "ROOT", "VERB"),
            *pronoun_rows,
            (".", 1, "punct", P),
            ("Clinton", said, "nsubj", "PROPN", "Clinton"),
            ("said", said, "ROOT", "VERB", "say"),
            ("it", said + 2, "nsubj", "PRON"),
            ("poured", said, "ccomp", "VERB", "pour"),
            (".", said, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (said - 1, said, "PERSON")],
    )
    [quote] = extract_doc(doc)
    assert quote.speaker is not None and quote.speaker.name == "Clinton"
    assert quote.speaker.gender == gender


def test_the_final_gender_vote_overrules_one_cast_before_surnames_were_read() -> None:
    """ "Hillary Clinton beat Obama as he watched.": before the bare "Obama" is read, the
    sentence seems to name Clinton alone, and its "he" votes her a man. Once every name is
    read, that sentence names two people and "Clinton said she won." votes her a woman; the
    final vote decides, not a conflict of the two."""
    doc = build_doc(
        "Hillary Clinton beat Obama as he watched. Clinton said she won.",
        [
            ("Hillary", 1, "compound", "PROPN", "Hillary"),
            ("Clinton", 2, "nsubj", "PROPN", "Clinton"),
            ("beat", 2, "ROOT", "VERB", "beat"),
            ("Obama", 2, "dobj", "PROPN", "Obama"),
            ("as", 6, "mark", "SCONJ"),
            ("he", 6, "nsubj", "PRON"),
            ("watched", 2, "advcl", "VERB", "watch"),
            (".", 2, "punct", P),
            ("Clinton", 9, "nsubj", "PROPN", "Clinton"),
            ("said", 9, "ROOT", "VERB", "say"),
            ("she", 11, "nsubj", "PRON"),
            ("won", 9, "ccomp", "VERB", "win"),
            (".", 9, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (3, 4, "PERSON"), (8, 9, "PERSON")],
    )
    quotes = extract_doc(doc)
    assert len(quotes) == 1
    speaker = quotes[0].speaker
    assert speaker is not None and speaker.name == "Hillary Clinton"
    assert (speaker.gender, speaker.gender_evidence) == (Gender.FEMALE, "pronouns")


def test_a_pronoun_inside_a_quoted_fragment_casts_no_gender_vote() -> None:
    """'An aide said Clinton “had no video but he is used.”': the "he" is the aide's words
    (a mixed quote's fragment), not a vote that Clinton is a man; the later "She" is Clinton."""
    doc = build_doc(
        "An aide said Clinton “had no video but he is used.” It rained. She said it poured.",
        [
            ("An", 1, "det", "DET"),
            ("aide", 2, "nsubj", "NOUN"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("Clinton", 5, "nsubj", "PROPN", "Clinton"),
            ("“", 5, "punct", P),
            ("had", 2, "ccomp", "VERB", "have"),
            ("no", 7, "det", "DET"),
            ("video", 5, "dobj", "NOUN"),
            ("but", 5, "cc", "CCONJ"),
            ("he", 11, "nsubjpass", "PRON"),
            ("is", 11, "auxpass", "AUX", "be"),
            ("used", 5, "conj", "VERB", "use"),
            (".", 2, "punct", P),
            ("”", 2, "punct", P),
            ("It", 15, "nsubj", "PRON"),
            ("rained", 15, "ROOT", "VERB", "rain"),
            (".", 15, "punct", P),
            ("She", 18, "nsubj", "PRON"),
            ("said", 18, "ROOT", "VERB", "say"),
            ("it", 20, "nsubj", "PRON"),
            ("poured", 18, "ccomp", "VERB", "pour"),
            (".", 18, "punct", P),
        ],
        ents=[(3, 4, "PERSON")],
    )
    quotes = extract_doc(doc)
    assert [q.kind for q in quotes] == [QuoteKind.MIXED, QuoteKind.INDIRECT]
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Clinton"


def test_a_description_refers_back_and_else_to_the_last_speaker() -> None:
    """ "Sanders said ... The senator said ... Sen. McCaskill spoke.": McCaskill, the only
    senator, is named after "the senator" and so is not its referent; with no senator named
    before it, "the senator" is the last speaker, Sanders."""
    doc = build_doc(
        "Sanders said it rained. The senator said it poured. Sen. McCaskill spoke.",
        [
            ("Sanders", 1, "nsubj", "PROPN", "Sanders"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("it", 3, "nsubj", "PRON"),
            ("rained", 1, "ccomp", "VERB", "rain"),
            (".", 1, "punct", P),
            ("The", 6, "det", "DET"),
            ("senator", 7, "nsubj", "NOUN"),
            ("said", 7, "ROOT", "VERB", "say"),
            ("it", 9, "nsubj", "PRON"),
            ("poured", 7, "ccomp", "VERB", "pour"),
            (".", 7, "punct", P),
            ("Sen.", 12, "compound", "PROPN", "Sen."),
            ("McCaskill", 13, "nsubj", "PROPN", "McCaskill"),
            ("spoke", 13, "ROOT", "VERB", "speak"),
            (".", 13, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (12, 13, "PERSON")],
    )
    assert [s[:3] for s in speakers_of(doc)] == [
        ("Sanders", "Sanders", "person"),
        ("The senator", "Sanders", "person"),
    ]


def test_a_description_nobody_holds_is_the_previous_subject_or_stays_unnamed() -> None:
    """ "Paul Singer changed the race. The fund manager said ...": Singer. "A senior official
    said ... The official said ...": still the unnamed official, not the Trump named before;
    "Trump's manager" is someone else than Trump."""
    doc = build_doc(
        "Paul Singer changed the race. The manager said it rained.",
        [
            ("Paul", 1, "compound", "PROPN", "Paul"),
            ("Singer", 2, "nsubj", "PROPN", "Singer"),
            ("changed", 2, "ROOT", "VERB", "change"),
            ("the", 4, "det", "DET"),
            ("race", 2, "dobj", "NOUN"),
            (".", 2, "punct", P),
            ("The", 7, "det", "DET"),
            ("manager", 8, "nsubj", "NOUN"),
            ("said", 8, "ROOT", "VERB", "say"),
            ("it", 10, "nsubj", "PRON"),
            ("rained", 8, "ccomp", "VERB", "rain"),
            (".", 8, "punct", P),
        ],
        ents=[(0, 2, "PERSON")],
    )
    assert speakers_of(doc) == [("The manager", "Paul Singer", "person", None, None)]
    unnamed = build_doc(
        "Trump spoke. An official said it rained. The official said it poured. "
        "Trump's manager said it froze.",
        [
            ("Trump", 1, "nsubj", "PROPN", "Trump"),
            ("spoke", 1, "ROOT", "VERB", "speak"),
            (".", 1, "punct", P),
            ("An", 4, "det", "DET"),
            ("official", 5, "nsubj", "NOUN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
            ("The", 10, "det", "DET"),
            ("official", 11, "nsubj", "NOUN"),
            ("said", 11, "ROOT", "VERB", "say"),
            ("it", 13, "nsubj", "PRON"),
            ("poured", 11, "ccomp", "VERB", "pour"),
            (".", 11, "punct", P),
            ("Trump", 17, "poss", "PROPN", "Trump"),
            ("'s", 15, "case", "PART"),
            ("manager", 18, "nsubj", "NOUN"),
            ("said", 18, "ROOT", "VERB", "say"),
            ("it", 20, "nsubj", "PRON"),
            ("froze", 18, "ccomp", "VERB", "freeze"),
            (".", 18, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (15, 16, "PERSON")],
    )
    assert [s[1:3] for s in speakers_of(unnamed)] == [
        ("official", "unnamed"),
        ("official", "unnamed"),
        ("Trump's manager", "unnamed"),
    ]


def _body_doc(first: str, tag: str, fillers: int) -> Doc:
    """ "The Ethiopian <first> fell. It rained. [xN] The government said it poured." """
    text = (
        f"The Ethiopian {first} fell. " + "It rained. " * fillers + "The government said it poured."
    )
    rows: list[tuple[Any, ...]] = [
        ("The", 2, "det", "DET"),
        ("Ethiopian", 2, "amod", "ADJ", "ethiopian"),
        (first, 3, "nsubj", "NOUN", "government"),
        ("fell", 3, "ROOT", "VERB", "fall"),
        (".", 3, "punct", P),
    ]
    add_sentences(rows, "It", "rained", "rain", fillers)
    at = len(rows)
    rows += [
        ("The", at + 1, "det", "DET"),
        ("government", at + 2, "nsubj", "NOUN"),
        ("said", at + 2, "ROOT", "VERB", "say"),
        ("it", at + 4, "nsubj", "PRON"),
        ("poured", at + 2, "ccomp", "VERB", "pour"),
        (".", at + 2, "punct", P),
    ]
    doc = build_doc(text, rows, [(1, 2, "NORP")])
    doc[2].tag_ = tag
    return doc


def test_body_description_takes_a_named_phrase_with_its_noun_from_anywhere_before() -> None:
    """ "The Ethiopian government" eight sentences back still names "the government"; "The
    Ethiopian governments" (plural) does not."""
    [(mention, name, kind, *_)] = speakers_of(_body_doc("government", "NN", 8))
    assert (mention, name, kind) == ("The government", "Ethiopian government", "organization")
    [(_, name, kind, *_)] = speakers_of(_body_doc("governments", "NNS", 8))
    assert (name, kind) == ("government", "unnamed")


def _group_doc() -> Doc:
    """ "Bernie Sanders spoke. Unions backed Sanders. The group said ...": the model labels
    the "Sanders" next to "the group" ORG."""
    rows: list[tuple[Any, ...]] = [
        ("Bernie", 1, "compound", "PROPN", "Bernie"),
        ("Sanders", 2, "nsubj", "PROPN", "Sanders"),
        ("spoke", 2, "ROOT", "VERB", "speak"),
        (".", 2, "punct", P),
    ]
    ents = [(0, 2, "PERSON")]
    at = len(rows)
    rows += [
        ("Unions", at + 1, "nsubj", "NOUN", "union"),
        ("backed", at + 1, "ROOT", "VERB", "back"),
        ("Sanders", at + 1, "dobj", "PROPN", "Sanders"),
        (".", at + 1, "punct", P),
        ("The", at + 5, "det", "DET"),
        ("group", at + 6, "nsubj", "NOUN"),
        ("said", at + 6, "ROOT", "VERB", "say"),
        ("it", at + 8, "nsubj", "PRON"),
        ("rained", at + 6, "ccomp", "VERB", "rain"),
        (".", at + 6, "punct", P),
    ]
    ents.append((at + 2, at + 3, "ORG"))
    text = " ".join(str(r[0]) for r in rows).replace(" .", ".")
    return build_doc(text, rows, ents=ents)


def test_a_body_description_is_not_a_person_the_model_labelled_org() -> None:
    """ "Sanders" is labelled PERSON ("Bernie Sanders") as often as ORG: the group is not
    "Sanders", and stays unnamed; labelled ORG only, it is the nearest body named."""
    [*_, (mention, name, kind, *_)] = speakers_of(_group_doc())
    assert (mention, name, kind) == ("The group", "group", "unnamed")
    doc = _group_doc()
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]
    [*_, (mention, name, kind, *_)] = speakers_of(doc)
    assert (mention, name, kind) == ("The group", "Sanders", "organization")


def test_a_headline_word_before_a_name_is_not_part_of_it() -> None:
    """The model's PERSON "Asserting Clinton" in a title-case headline: "Asserting" (a verb) is
    no part of the name, so the later "Clinton" is plain Clinton."""
    doc = build_doc(
        "Asserting Clinton Wins. Clinton said it rained.",
        [
            ("Asserting", 1, "compound", "VERB", "assert"),
            ("Clinton", 2, "nsubj", "PROPN", "Clinton"),
            ("Wins", 2, "ROOT", "VERB", "win"),
            (".", 2, "punct", P),
            ("Clinton", 5, "nsubj", "PROPN", "Clinton"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (4, 5, "PERSON")],
    )
    assert speakers_of(doc) == [("Clinton", "Clinton", "person", None, None)]


@pytest.mark.parametrize(
    ("first", "name"), [("Team", "Trump"), ("Ivanka", "Ivanka Trump")], ids=["word", "name"]
)
def test_a_sentence_initial_word_the_text_also_writes_in_lower_case_is_no_name(
    first: str, name: str
) -> None:
    """'Team Trump said ...' (no PERSON entity): "team" is written in lower case later, so
    its capital only starts the sentence; "Ivanka" never is, and stays a first name."""
    doc = build_doc(
        f"{first} Trump said it rained. The team won.",
        [
            (first, 1, "compound", "PROPN", first),
            ("Trump", 2, "nsubj", "PROPN", "Trump"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("it", 4, "nsubj", "PRON"),
            ("rained", 2, "ccomp", "VERB", "rain"),
            (".", 2, "punct", P),
            ("The", 7, "det", "DET"),
            ("team", 8, "nsubj", "NOUN"),
            ("won", 8, "ROOT", "VERB", "win"),
            (".", 8, "punct", P),
        ],
    )
    assert speakers_of(doc)[0][1:3] == (name, "person")


def test_they_is_a_plural_subject_before_it() -> None:
    """ "The Teamsters and the Firefighters wait, though they said ...": the conjoined subject
    of its sentence, an organization; "Officials met. They said ...": the officials (unnamed);
    "Sanders spoke. They said ...": a name the model tags plural is still one person, so
    "They" stays unknown."""
    doc = build_doc(
        "The Teamsters and the Firefighters wait, though they said it rained.",
        [
            ("The", 1, "det", "DET"),
            ("Teamsters", 5, "nsubj", "PROPN", "Teamsters"),
            ("and", 1, "cc", "CCONJ"),
            ("the", 4, "det", "DET"),
            ("Firefighters", 1, "conj", "PROPN", "Firefighters"),
            ("wait", 5, "ROOT", "VERB"),
            (",", 5, "punct", P),
            ("though", 9, "mark", "SCONJ"),
            ("they", 9, "nsubj", "PRON"),
            ("said", 5, "advcl", "VERB", "say"),
            ("it", 11, "nsubj", "PRON"),
            ("rained", 9, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(1, 2, "ORG"), (4, 5, "ORG")],
    )
    doc[1].tag_ = doc[4].tag_ = "NNPS"
    assert speakers_of(doc) == [
        ("they", "Teamsters and the Firefighters", "organization", None, None)
    ]

    def follow(first: str, tag: str, ents: list[tuple[int, int, str]]) -> tuple[str, str]:
        doc = build_doc(
            f"{first} spoke. They said it rained.",
            [
                (first, 1, "nsubj", "NOUN" if tag == "NNS" else "PROPN", first.lower()),
                ("spoke", 1, "ROOT", "VERB", "speak"),
                (".", 1, "punct", P),
                ("They", 4, "nsubj", "PRON"),
                ("said", 4, "ROOT", "VERB", "say"),
                ("it", 6, "nsubj", "PRON"),
                ("rained", 4, "ccomp", "VERB", "rain"),
                (".", 4, "punct", P),
            ],
            ents=ents,
        )
        doc[0].tag_ = tag
        [(_, name, kind, *_)] = speakers_of(doc)
        return name, kind

    assert follow("Officials", "NNS", []) == ("Officials", "unnamed")
    assert follow("Sanders", "NNPS", [(0, 1, "PERSON")]) == ("They", "unknown")


def test_body_description_with_its_own_name() -> None:
    """ "The website fivethirtyeight noted ...": the name in apposition, not the party named in
    the sentence before."""
    doc = build_doc(
        "The Party met. The website fivethirtyeight noted it rained.",
        [
            ("The", 1, "det", "DET"),
            ("Party", 2, "nsubj", "PROPN", "Party"),
            ("met", 2, "ROOT", "VERB", "meet"),
            (".", 2, "punct", P),
            ("The", 5, "det", "DET"),
            ("website", 7, "nsubj", "NOUN"),
            ("fivethirtyeight", 5, "appos", "NOUN"),
            ("noted", 7, "ROOT", "VERB", "note"),
            ("it", 9, "nsubj", "PRON"),
            ("rained", 7, "ccomp", "VERB", "rain"),
            (".", 7, "punct", P),
        ],
        ents=[(1, 2, "ORG")],
    )
    assert [s[:3] for s in speakers_of(doc)] == [("The website", "fivethirtyeight", "organization")]


def test_a_name_with_a_role_is_a_person_whatever_its_entity_label() -> None:
    """ "Reince Priebus, the GOP chairman, spoke.": the model's ORG is a person, the "He"
    after it."""
    doc = build_doc(
        "Reince Priebus, the GOP chairman, spoke. He said it rained.",
        [
            ("Reince", 1, "compound", "PROPN", "Reince"),
            ("Priebus", 7, "nsubj", "PROPN", "Priebus"),
            (",", 1, "punct", P),
            ("the", 5, "det", "DET"),
            ("GOP", 5, "compound", "PROPN", "GOP"),
            ("chairman", 1, "appos", "NOUN"),
            (",", 1, "punct", P),
            ("spoke", 7, "ROOT", "VERB", "speak"),
            (".", 7, "punct", P),
            ("He", 10, "nsubj", "PRON"),
            ("said", 10, "ROOT", "VERB", "say"),
            ("it", 12, "nsubj", "PRON"),
            ("rained", 10, "ccomp", "VERB", "rain"),
            (".", 10, "punct", P),
        ],
        ents=[(0, 2, "ORG"), (4, 5, "ORG")],
    )
    assert [s[:3] for s in speakers_of(doc)] == [("He", "Reince Priebus", "person")]


def test_a_name_starts_after_the_last_role_word() -> None:
    """ "Hewlett-Packard CEO Carly Fiorina" -> "Carly Fiorina"."""
    ceo = build_doc(
        "Hewlett-Packard CEO Carly Fiorina said it rained.",
        [
            ("Hewlett-Packard", 2, "compound", "PROPN", "Hewlett-Packard"),
            ("CEO", 3, "compound", "PROPN", "CEO"),
            ("Carly", 3, "compound", "PROPN", "Carly"),
            ("Fiorina", 4, "nsubj", "PROPN", "Fiorina"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 4, "punct", P),
        ],
        ents=[(0, 4, "PERSON")],  # the model's span takes in the company and the role
    )
    assert [s[1] for s in speakers_of(ceo)] == ["Carly Fiorina"]


def test_a_shared_surname_alone_is_the_person_the_body_names_in_full_first() -> None:
    """A headline about Bill Clinton, a body that names Hillary Clinton first and Bill Clinton
    twice: a bare "Clinton" far from both is Hillary Clinton, the one the article is about."""
    text = (
        "Bill Clinton Speaks.\n\nHillary Clinton won. Bill Clinton cheered. "
        + "It rained. " * 4
        + "Clinton said it poured."
    )
    rows: list[tuple[Any, ...]] = [
        ("Bill", 1, "compound", "PROPN", "Bill"),
        ("Clinton", 2, "nsubj", "PROPN", "Clinton"),
        ("Speaks", 2, "ROOT", "VERB", "speak"),
        (".", 2, "punct", P),
        ("\n\n", 3, "dep", "SPACE"),
        ("Hillary", 6, "compound", "PROPN", "Hillary"),
        ("Clinton", 7, "nsubj", "PROPN", "Clinton"),
        ("won", 7, "ROOT", "VERB", "win"),
        (".", 7, "punct", P),
        ("Bill", 10, "compound", "PROPN", "Bill"),
        ("Clinton", 11, "nsubj", "PROPN", "Clinton"),
        ("cheered", 11, "ROOT", "VERB", "cheer"),
        (".", 11, "punct", P),
    ]
    add_sentences(rows, "It", "rained", "rain", 4)
    at = len(rows)
    rows += [
        ("Clinton", at + 1, "nsubj", "PROPN", "Clinton"),
        ("said", at + 1, "ROOT", "VERB", "say"),
        ("it", at + 3, "nsubj", "PRON"),
        ("poured", at + 1, "ccomp", "VERB", "pour"),
        (".", at + 1, "punct", P),
    ]
    doc = build_doc(text, rows, ents=[(0, 2, "PERSON"), (5, 7, "PERSON"), (9, 11, "PERSON")])
    assert speakers_of(doc) == [("Clinton", "Hillary Clinton", "person", None, None)]


def test_the_i_of_an_opinion_piece_is_the_person_its_contributor_line_names() -> None:
    """ "I said it rained.\\n\\nRick Scott is the governor.": the writer's "I" is Rick Scott;
    without that last line it stays unknown."""
    body = [
        ("I", 1, "nsubj", "PRON"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("it", 3, "nsubj", "PRON"),
        ("rained", 1, "ccomp", "VERB", "rain"),
        (".", 1, "punct", P),
    ]
    doc = build_doc(
        "I said it rained.\n\nRick Scott is the governor.",
        [
            *body,
            ("\n\n", 4, "dep", "SPACE"),
            ("Rick", 7, "compound", "PROPN", "Rick"),
            ("Scott", 8, "nsubj", "PROPN", "Scott"),
            ("is", 8, "ROOT", "AUX", "be"),
            ("the", 10, "det", "DET"),
            ("governor", 8, "attr", "NOUN"),
            (".", 8, "punct", P),
        ],
        ents=[(6, 8, "PERSON")],
    )
    assert [s[:3] for s in speakers_of(doc)] == [("I", "Rick Scott", "person")]
    alone = build_doc("I said it rained.", body)
    assert [s[:3] for s in speakers_of(alone)] == [("I", "I", "unknown")]


def _fronted_phrase_doc(words: list[tuple[object, ...]]) -> Doc:
    """'Tad Devine met John Kerry. Kerry spoke. <phrase>, Devine said no.', the phrase's
    ``words`` given as rows (their heads counted from the start of the document)."""
    phrase = " ".join(str(w[0]) for w in words)
    said = 9 + len(words) + 2
    return build_doc(
        f"Tad Devine met John Kerry. Kerry spoke. {phrase} , Devine said no .",
        [
            ("Tad", 1, "compound", "PROPN", "Tad"),
            ("Devine", 2, "nsubj", "PROPN", "Devine"),
            ("met", 2, "ROOT", "VERB", "meet"),
            ("John", 4, "compound", "PROPN", "John"),
            ("Kerry", 2, "dobj", "PROPN", "Kerry"),
            (".", 2, "punct", P),
            ("Kerry", 7, "nsubj", "PROPN", "Kerry"),
            ("spoke", 7, "ROOT", "VERB", "speak"),
            (".", 7, "punct", P),
            *words,
            (",", said, "punct", P),
            ("Devine", said, "nsubj", "PROPN", "Devine"),
            ("said", said, "ROOT", "VERB", "say"),
            ("no", said, "dobj", "INTJ"),
            (".", said, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "PERSON"), (said - 1, said, "PERSON")],
    )


def test_a_pronoun_in_a_clause_fronted_before_the_subject_is_that_subject() -> None:
    """ "Asked if he thought that it was fair, Devine said no": the "he" is Devine, not
    Kerry, the subject of the sentence before."""
    doc = _fronted_phrase_doc(
        [
            ("Asked", 19, "advcl", "VERB", "ask"),
            ("if", 12, "mark", "SCONJ"),
            ("he", 12, "nsubj", "PRON"),
            ("thought", 9, "advcl", "VERB", "think"),
            ("that", 15, "mark", "SCONJ"),
            ("it", 15, "nsubj", "PRON"),
            ("was", 12, "ccomp", "AUX", "be"),
            ("fair", 15, "acomp", "ADJ"),
        ]
    )
    assert doc[19].text == "said"
    assert ("he", "Tad Devine", "person") in [s[:3] for s in speakers_of(doc)]


def test_a_possessive_in_a_phrase_fronted_before_the_subject_is_that_subject() -> None:
    """ "During his speech, Devine said no": the "his" is Devine, whom the sentence goes on
    to name, not Kerry, the subject of the sentence before."""
    doc = _fronted_phrase_doc(
        [("During", 14, "prep", "ADP"), ("his", 11, "poss", "PRON"), ("speech", 9, "pobj", "NOUN")]
    )
    assert doc[14].text == "said"
    [found] = resolve_mentions(doc, [(doc[10].idx, doc[10].idx + 3)])
    assert (found.name, found.kind) == ("Tad Devine", SpeakerKind.PERSON)


def test_another_pronoun_in_a_fronted_phrase_is_not_the_subject() -> None:
    """ "To him, Devine said no" speaks to someone else: the "him" is not Devine."""
    doc = _fronted_phrase_doc([("To", 13, "prep", "ADP"), ("him", 9, "pobj", "PRON")])
    assert doc[13].text == "said"
    [found] = resolve_mentions(doc, [(doc[10].idx, doc[10].idx + 3)])
    assert found.name != "Tad Devine"


def test_an_i_inside_a_quote_is_its_speaker() -> None:
    """'“I think it rained,” Jim Smith said.': the "I" is Jim Smith, who says it; an "I"
    outside the quote is no one the text names."""
    doc = build_doc(
        "“ I think it rained , ” Jim Smith said . I left .",
        [
            ("“", 2, "punct", P),
            ("I", 2, "nsubj", "PRON"),
            ("think", 9, "ccomp", "VERB", "think"),
            ("it", 4, "nsubj", "PRON"),
            ("rained", 2, "ccomp", "VERB", "rain"),
            (",", 9, "punct", P),
            ("”", 9, "punct", P),
            ("Jim", 8, "compound", "PROPN", "Jim"),
            ("Smith", 9, "nsubj", "PROPN", "Smith"),
            ("said", 9, "ROOT", "VERB", "say"),
            (".", 9, "punct", P),
            ("I", 12, "nsubj", "PRON"),
            ("left", 12, "ROOT", "VERB", "leave"),
            (".", 12, "punct", P),
        ],
        ents=[(7, 9, "PERSON")],
    )
    inside, outside = doc[1].idx, doc[11].idx
    found = resolve_mentions(doc, [(inside, inside + 1), (outside, outside + 1)])
    assert [(r.name, r.kind) for r in found] == [
        ("Jim Smith", SpeakerKind.PERSON),
        ("I", SpeakerKind.UNKNOWN),
    ]


def _times_doc(label: str) -> Doc:
    """'The New York Times reported it. According to the Times, the deal is done.', the
    second "Times" labelled ``label``."""
    return build_doc(
        "The New York Times reported it. According to the Times, the deal is done.",
        [
            ("The", 3, "det", "DET"),
            ("New", 2, "compound", "PROPN", "New"),
            ("York", 3, "compound", "PROPN", "York"),
            ("Times", 4, "nsubj", "PROPN", "Times"),
            ("reported", 4, "ROOT", "VERB", "report"),
            ("it", 4, "dobj", "PRON"),
            (".", 4, "punct", P),
            ("According", 16, "prep", "VERB", "accord"),
            ("to", 7, "prep", "ADP"),
            ("the", 10, "det", "DET"),
            ("Times", 8, "pobj", "PROPN", "Times"),
            (",", 16, "punct", P),
            ("the", 13, "det", "DET"),
            ("deal", 16, "nsubjpass", "NOUN"),
            ("is", 16, "auxpass", "AUX", "be"),
            ("done", 16, "ROOT", "VERB", "do"),
            (".", 16, "punct", P),
        ],
        ents=[(1, 4, "ORG"), (10, 11, label)],
    )


def test_a_one_word_organisation_is_the_longer_one_named_before() -> None:
    """ "According to the Times", after "The New York Times": The New York Times."""
    names = [s[1] for s in speakers_of(_times_doc("ORG")) if s[0] == "Times"]
    assert names == ["New York Times"]


def test_a_one_word_place_is_not_an_organisation_it_ends() -> None:
    """The same word labelled a place keeps its own name."""
    names = [s[1] for s in speakers_of(_times_doc("GPE")) if s[0] == "Times"]
    assert names == ["Times"]


def test_a_surname_the_model_labels_an_organisation_is_the_person() -> None:
    """ "Mayor Greg Stanton wrote ... '...,' Stanton wrote", the second "Stanton" labelled
    an organisation: Greg Stanton."""
    doc = build_doc(
        'Mayor Greg Stanton wrote a letter. "It is unacceptable," Stanton wrote.',
        [
            ("Mayor", 2, "compound", "PROPN", "Mayor"),
            ("Greg", 2, "compound", "PROPN", "Greg"),
            ("Stanton", 3, "nsubj", "PROPN", "Stanton"),
            ("wrote", 3, "ROOT", "VERB", "write"),
            ("a", 5, "det", "DET"),
            ("letter", 3, "dobj", "NOUN"),
            (".", 3, "punct", P),
            ('"', 14, "punct", P),
            ("It", 9, "nsubj", "PRON"),
            ("is", 14, "ccomp", "AUX", "be"),
            ("unacceptable", 9, "acomp", "ADJ"),
            (",", 14, "punct", P),
            ('"', 14, "punct", P),
            ("Stanton", 14, "nsubj", "PROPN", "Stanton"),
            ("wrote", 14, "ROOT", "VERB", "write"),
            (".", 14, "punct", P),
        ],
        # the model's labels of the real sentence: a title, a name, and no PERSON
        ents=[(0, 3, "WORK_OF_ART"), (13, 14, "ORG")],
    )
    assert speakers_of(doc)[-1][:3] == ("Stanton", "Greg Stanton", "person")


def _businessman_doc(first: str) -> Doc:
    """'<first> spoke. When Mr. Clinton called, Mr. Trump laughed. "He is great," the
    businessman said.' with ``first`` "Ohio" (a place) or "A businessman"."""
    rows: list[tuple[Any, ...]] = (
        [("Ohio", 1, "nsubj", "PROPN", "Ohio")]
        if first == "Ohio"
        else [("A", 1, "det", "DET"), ("businessman", 2, "nsubj", "NOUN")]
    )
    n = len(rows)
    rows += [
        ("spoke", n, "ROOT", "VERB", "speak"),
        (".", n, "punct", P),
        ("When", n + 5, "advmod", "SCONJ", "when"),
        ("Mr.", n + 4, "compound", "PROPN", "Mr."),
        ("Clinton", n + 5, "nsubj", "PROPN", "Clinton"),
        ("called", n + 10, "advcl", "VERB", "call"),
        (",", n + 10, "punct", P),
        ("Mr.", n + 8, "compound", "PROPN", "Mr."),
        ("Trump", n + 9, "nsubj", "PROPN", "Trump"),
        ("laughed", n + 9, "ROOT", "VERB", "laugh"),
        (".", n + 9, "punct", P),
    ]
    said = len(rows) + 8
    rows += [
        ('"', said, "punct", P),
        ("He", said - 6, "nsubj", "PRON"),
        ("is", said, "ccomp", "AUX", "be"),
        ("great", said - 6, "acomp", "ADJ"),
        (",", said, "punct", P),
        ('"', said, "punct", P),
        ("the", said - 1, "det", "DET"),
        ("businessman", said, "nsubj", "NOUN"),
        ("said", said, "ROOT", "VERB", "say"),
        (".", said, "punct", P),
    ]
    text = (
        f"{first} spoke. When Mr. Clinton called, Mr. Trump laughed. "
        '"He is great," the businessman said.'
    )
    ents = [(n + 3, n + 5, "PERSON"), (n + 7, n + 9, "PERSON")]
    return build_doc(text, rows, ents=ents + ([(0, 1, "GPE")] if first == "Ohio" else []))


def test_the_businessman_is_the_main_subject_before_the_quote() -> None:
    """ "the businessman" (a person noun, no role) after '"...,"' is the subject of the main
    clause before the quotation, Mr. Trump, not Mr. Clinton of the clause within."""
    assert speakers_of(_businessman_doc("Ohio"))[-1][:3] == ("the businessman", "Trump", "person")


def test_the_businessman_after_an_unnamed_businessman_is_left_unnamed() -> None:
    """After "A businessman spoke", "the businessman" is that one, whom the text never names."""
    assert speakers_of(_businessman_doc("A businessman"))[-1][:3] == (
        "the businessman",
        "businessman",
        "unnamed",
    )


def test_a_description_takes_the_name_in_apposition() -> None:
    """ "The author of the book, Mitchell Zuckoff, said": the parser hangs the name on
    "book"; the speaker is Mitchell Zuckoff."""
    doc = build_doc(
        "The author of the book, Mitchell Zuckoff, said that it was accurate.",
        [
            ("The", 1, "det", "DET"),
            ("author", 9, "nsubj", "NOUN"),
            ("of", 1, "prep", "ADP"),
            ("the", 4, "det", "DET"),
            ("book", 2, "pobj", "NOUN"),
            (",", 4, "punct", P),
            ("Mitchell", 7, "compound", "PROPN", "Mitchell"),
            ("Zuckoff", 4, "appos", "PROPN", "Zuckoff"),
            (",", 1, "punct", P),
            ("said", 9, "ROOT", "VERB", "say"),
            ("that", 12, "mark", "SCONJ"),
            ("it", 12, "nsubj", "PRON"),
            ("was", 9, "ccomp", "AUX", "be"),
            ("accurate", 12, "acomp", "ADJ"),
            (".", 9, "punct", P),
        ],
        ents=[(6, 8, "PERSON")],
    )
    assert speakers_of(doc)[-1][1:3] == ("Mitchell Zuckoff", "person")


def test_the_businessman_after_an_unnamed_subject_is_left_unnamed() -> None:
    """'When Mr. Trump arrived, an official laughed. "...," the businessman said.': the main
    clause's subject before the quotation is a person the text does not name, so "the
    businessman" is not Mr. Trump of the clause within."""
    said = 17
    doc = build_doc(
        'When Mr. Trump arrived, an official laughed. "It is great," the businessman said.',
        [
            ("When", 3, "advmod", "SCONJ", "when"),
            ("Mr.", 2, "compound", "PROPN", "Mr."),
            ("Trump", 3, "nsubj", "PROPN", "Trump"),
            ("arrived", 7, "advcl", "VERB", "arrive"),
            (",", 7, "punct", P),
            ("an", 6, "det", "DET"),
            ("official", 7, "nsubj", "NOUN"),
            ("laughed", 7, "ROOT", "VERB", "laugh"),
            (".", 7, "punct", P),
            ('"', said, "punct", P),
            ("It", 11, "nsubj", "PRON"),
            ("is", said, "ccomp", "AUX", "be"),
            ("great", 11, "acomp", "ADJ"),
            (",", said, "punct", P),
            ('"', said, "punct", P),
            ("the", 16, "det", "DET"),
            ("businessman", said, "nsubj", "NOUN"),
            ("said", said, "ROOT", "VERB", "say"),
            (".", said, "punct", P),
        ],
        ents=[(1, 3, "PERSON")],
    )
    assert speakers_of(doc)[-1][:3] == ("the businessman", "businessman", "unnamed")


def _headline_then_named(
    described: list[tuple[str, str, str]], named: list[str], label: str, title: str = ""
) -> Doc:
    """ "<described> says rates will stay low.\\n\\n[<title>] <named> said the Fed would
    wait.": a headline's description, then a paragraph whose subject is a name."""
    rows: list[tuple[Any, ...]] = []
    head = len(described) - 1  # the description's noun, the last of its words
    for k, (word, dep, pos) in enumerate(described):
        rows.append((word, head if k < head else head + 1, dep, pos))
    verb = len(rows)
    rows += [
        ("says", verb, "ROOT", "VERB", "say"),
        ("rates", verb + 2, "nsubj", "NOUN", "rate"),
        ("will", verb + 2, "aux", "AUX"),
        ("stay", verb, "ccomp", "VERB"),
        ("low", verb + 2, "acomp", "ADJ"),
        (".", verb, "punct", P),
        ("\n\n", verb + 5, "dep", "SPACE"),
    ]
    first = len(rows)
    words = ([title] if title else []) + named
    subject = first + len(words) - 1
    said = subject + 1
    rows += [(w, subject, "compound", "PROPN", w) for w in words[:-1]]
    rows += [
        (words[-1], said, "nsubj", "PROPN", words[-1]),
        ("said", said, "ROOT", "VERB", "say"),
        ("the", said + 2, "det", "DET"),
        ("Fed", said + 3, "nsubj", "PROPN", "Fed"),
        ("would", said + 3, "aux", "AUX"),
        ("wait", said, "ccomp", "VERB"),
        (".", said, "punct", P),
    ]
    text = " ".join(w for w, *_ in described) + " says rates will stay low.\n\n"
    text += " ".join(words) + " said the Fed would wait."
    name_start = first + (1 if title else 0)
    return build_doc(text, rows, [(name_start, subject + 1, label)])


@pytest.mark.parametrize(
    ("described", "named", "label", "title", "expected"),
    [
        # "Fed governor says ...", then "Lael Brainard said ...": news names after it
        # describes, so the headline's description is the person the body names next.
        (
            [("Fed", "compound", "PROPN"), ("governor", "nsubj", "NOUN")],
            ["Lael", "Brainard"],
            "PERSON",
            "",
            [
                ("Fed governor", "Lael Brainard", "person"),
                ("Lael Brainard", "Lael Brainard", "person"),
            ],
        ),
        # "Indiana governor says ...", then "Sen. Ted Cruz said ...": a senator is not the
        # governor, who stays unnamed.
        (
            [("Indiana", "compound", "PROPN"), ("governor", "nsubj", "NOUN")],
            ["Ted", "Cruz"],
            "PERSON",
            "Sen.",
            [
                ("Indiana governor", "Indiana governor", "unnamed"),
                ("Ted Cruz", "Ted Cruz", "person"),
            ],
        ),
        # "A climate group says ...", then "NextGen Climate said ...": the organisation.
        (
            [("A", "det", "DET"), ("climate", "compound", "NOUN"), ("group", "nsubj", "NOUN")],
            ["NextGen", "Climate"],
            "ORG",
            "",
            [
                ("A climate group", "NextGen Climate", "organization"),
                ("NextGen Climate", "NextGen Climate", "organization"),
            ],
        ),
        # "A woman says ...", then "Juanita Broaddrick said ...": a person the lede gives
        # nothing but a sex is the one the next paragraph names.
        (
            [("A", "det", "DET"), ("woman", "nsubj", "NOUN")],
            ["Juanita", "Broaddrick"],
            "PERSON",
            "",
            [
                ("A woman", "Juanita Broaddrick", "person"),
                ("Juanita Broaddrick", "Juanita Broaddrick", "person"),
            ],
        ),
    ],
    ids=["role", "another-role", "body", "woman"],
)
def test_a_headlines_description_is_whom_the_next_paragraph_names(
    described: list[tuple[str, str, str]],
    named: list[str],
    label: str,
    title: str,
    expected: list[tuple[str, str, str]],
) -> None:
    """A headline's or a lede's description is the person or organisation the next
    paragraph makes the subject of its main clause, unless its stated role says otherwise."""
    doc = _headline_then_named(described, named, label, title=title)
    assert [(m, n, k) for m, n, k, _, _ in speakers_of(doc)] == expected


def test_the_one_told_is_not_the_he_of_what_was_told() -> None:
    """ "The president told Steve Inskeep that he believes ...": "he" is not Inskeep, the one
    told, but the person the text was about (Obama, the sentence before's subject)."""
    text = "Obama spoke. The president told Steve Inskeep that he believes change worries them."
    doc = build_doc(
        text,
        [
            ("Obama", 1, "nsubj", "PROPN", "Obama"),
            ("spoke", 1, "ROOT", "VERB", "speak"),
            (".", 1, "punct", P),
            ("The", 4, "det", "DET"),
            ("president", 5, "nsubj", "NOUN"),
            ("told", 5, "ROOT", "VERB", "tell"),
            ("Steve", 7, "compound", "PROPN", "Steve"),
            ("Inskeep", 5, "dobj", "PROPN", "Inskeep"),
            ("that", 10, "mark", "SCONJ"),
            ("he", 10, "nsubj", "PRON"),
            ("believes", 5, "ccomp", "VERB", "believe"),
            ("change", 12, "nsubj", "NOUN"),
            ("worries", 10, "ccomp", "VERB", "worry"),
            ("them", 12, "dobj", "PRON", "they"),
            (".", 5, "punct", P),
        ],
        [(0, 1, "PERSON"), (6, 8, "PERSON")],
    )
    he = text.index(" he ") + 1
    (found,) = resolve_mentions(doc, [(he, he + 2)])
    assert (found.name, found.kind) == ("Obama", SpeakerKind.PERSON)


def test_a_headlines_surname_tagged_a_noun_is_the_ledes_he() -> None:
    """ "Sanders faces a tough sell." (title case: the tagger made "Sanders" a common noun),
    then "He needs delegates.": the article names Bernie Sanders, so the headline's word is
    his surname and the lede's "He" is him."""
    text = "Sanders faces a tough sell.\n\nHe needs delegates. Bernie Sanders said so."
    doc = build_doc(
        text,
        [
            ("Sanders", 1, "nsubj", "NOUN", "sanders"),
            ("faces", 1, "ROOT", "VERB", "face"),
            ("a", 4, "det", "DET"),
            ("tough", 4, "amod", "ADJ"),
            ("sell", 1, "dobj", "NOUN"),
            (".", 1, "punct", P),
            ("\n\n", 5, "dep", "SPACE"),
            ("He", 8, "nsubj", "PRON"),
            ("needs", 8, "ROOT", "VERB", "need"),
            ("delegates", 8, "dobj", "NOUN", "delegate"),
            (".", 8, "punct", P),
            ("Bernie", 12, "compound", "PROPN", "Bernie"),
            ("Sanders", 13, "nsubj", "PROPN", "Sanders"),
            ("said", 13, "ROOT", "VERB", "say"),
            ("so", 13, "advmod", "ADV"),
            (".", 13, "punct", P),
        ],
        [(11, 13, "PERSON")],
    )
    he = text.index("He")
    (found,) = resolve_mentions(doc, [(he, he + 2)])
    assert (found.name, found.kind) == ("Bernie Sanders", SpeakerKind.PERSON)


def test_a_he_in_its_sentence_is_the_main_clauses_subject() -> None:
    """ "As Obama lectured the nation, Trump responded as he tweeted.": "he" is Trump, the
    subject of the main clause, not Obama, the subject of the clause fronted before it."""
    text = "As Obama lectured the nation, Trump responded as he tweeted."
    doc = build_doc(
        text,
        [
            ("As", 2, "mark", "SCONJ"),
            ("Obama", 2, "nsubj", "PROPN", "Obama"),
            ("lectured", 7, "advcl", "VERB", "lecture"),
            ("the", 4, "det", "DET"),
            ("nation", 2, "dobj", "NOUN"),
            (",", 7, "punct", P),
            ("Trump", 7, "nsubj", "PROPN", "Trump"),
            ("responded", 7, "ROOT", "VERB", "respond"),
            ("as", 10, "mark", "SCONJ"),
            ("he", 10, "nsubj", "PRON"),
            ("tweeted", 7, "advcl", "VERB", "tweet"),
            (".", 7, "punct", P),
        ],
        [(1, 2, "PERSON"), (6, 7, "PERSON")],
    )
    he = text.index(" he ") + 1
    (found,) = resolve_mentions(doc, [(he, he + 2)])
    assert (found.name, found.kind) == ("Trump", SpeakerKind.PERSON)


@pytest.mark.parametrize(
    ("noun", "speaker"),
    [
        ("analysis", ("A POLITICO analysis", "POLITICO", "organization")),
        ("poll", ("A POLITICO poll", "POLITICO poll", "organization")),  # a poll keeps its name
    ],
)
def test_a_document_is_the_organisation_named_before_its_noun(
    noun: str, speaker: tuple[str, str, str]
) -> None:
    """ "A POLITICO analysis found that ...": the analysis is POLITICO's; a poll is cited by
    its own name."""
    doc = build_doc(
        f"A POLITICO {noun} found that spending rose.",
        [
            ("A", 2, "det", "DET"),
            ("POLITICO", 2, "compound", "PROPN", "POLITICO"),
            (noun, 3, "nsubj", "NOUN"),
            ("found", 3, "ROOT", "VERB", "find"),
            ("that", 6, "mark", "SCONJ"),
            ("spending", 6, "nsubj", "NOUN"),
            ("rose", 3, "ccomp", "VERB", "rise"),
            (".", 3, "punct", P),
        ],
        [(1, 2, "ORG")],
    )
    assert [(m, n, k) for m, n, k, _, _ in speakers_of(doc)] == [speaker]


def test_a_persons_document_is_the_person() -> None:
    """ "Rubio's statement said ...": the statement is Marco Rubio's, named before."""
    doc = build_doc(
        "Marco Rubio spoke. Rubio's statement said taxes would fall.",
        [
            ("Marco", 1, "compound", "PROPN", "Marco"),
            ("Rubio", 2, "nsubj", "PROPN", "Rubio"),
            ("spoke", 2, "ROOT", "VERB", "speak"),
            (".", 2, "punct", P),
            ("Rubio", 6, "poss", "PROPN", "Rubio"),
            ("'s", 4, "case", "PART"),
            ("statement", 7, "nsubj", "NOUN"),
            ("said", 7, "ROOT", "VERB", "say"),
            ("taxes", 10, "nsubj", "NOUN", "tax"),
            ("would", 10, "aux", "AUX"),
            ("fall", 7, "ccomp", "VERB"),
            (".", 7, "punct", P),
        ],
        [(0, 2, "PERSON"), (4, 5, "PERSON")],
    )
    assert [(m, n, k) for m, n, k, _, _ in speakers_of(doc)] == [
        ("Rubio's statement", "Marco Rubio", "person")
    ]


def test_a_title_the_parser_made_a_second_subject_is_the_named_speakers_role() -> None:
    """ "District board chair Barbara Roden said it rained.", parsed with "chair" and "Roden"
    both subjects of "said": the speaker is the person named, the title phrase her role."""
    doc = build_doc(
        "District board chair Barbara Roden said it rained.",
        [
            ("District", 2, "compound", "PROPN"),
            ("board", 2, "compound", "NOUN"),
            ("chair", 5, "nsubj", "NOUN"),
            ("Barbara", 4, "compound", "PROPN"),
            ("Roden", 5, "nsubj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(0, 1, "ORG"), (3, 5, "PERSON")],
    )
    assert speakers_of(doc) == [
        ("Barbara Roden", "Barbara Roden", "person", "board chair", "District")
    ]


@pytest.mark.parametrize("pos", ["NOUN", "ADP"])
def test_a_surname_tagged_a_common_noun_is_still_the_persons_mention(pos: str) -> None:
    """ "Tremblay is tired.", with "Tremblay" tagged a noun (or, as "Pike" was, a
    preposition) because it opens the sentence, in an article that names Luc Tremblay and
    never writes "tremblay" in lower case: a mention of him, so the "he" after it is
    Tremblay, not the Bob Ross named before."""
    doc = build_doc(
        "Luc Tremblay bakes.\n\nBob Ross came. Tremblay is tired. “Go,” he said.",
        [
            ("Luc", 1, "compound", "PROPN"),
            ("Tremblay", 2, "nsubj", "PROPN"),
            ("bakes", 2, "ROOT", "VERB", "bake"),
            (".", 2, "punct", P),
            ("\n\n", 3, "dep", "SPACE"),
            ("Bob", 6, "compound", "PROPN"),
            ("Ross", 7, "nsubj", "PROPN"),
            ("came", 7, "ROOT", "VERB", "come"),
            (".", 7, "punct", P),
            ("Tremblay", 10, "nsubj", pos, "tremblay"),
            ("is", 10, "ROOT", "AUX", "be"),
            ("tired", 10, "acomp", "ADJ"),
            (".", 10, "punct", P),
            ("“", 18, "punct", P),
            ("Go", 18, "ccomp", "VERB", "go"),
            (",", 18, "punct", P),
            ("”", 18, "punct", P),
            ("he", 18, "nsubj", "PRON"),
            ("said", 18, "ROOT", "VERB", "say"),
            (".", 18, "punct", P),
        ],
        ents=[(0, 2, "PERSON"), (5, 7, "PERSON")],
    )
    assert speakers_of(doc) == [("he", "Luc Tremblay", "person", None, None)]


def test_a_bodys_name_keeps_the_proper_noun_phrase_after_its_noun() -> None:
    """ "The Department for Education said ...": the body's name goes on after its noun
    through a preposition and proper nouns; a person's does not ("Warren of
    Massachusetts")."""
    doc = build_doc(
        "The Department for Education said it rained. Warren of Massachusetts said it snowed.",
        [
            ("The", 1, "det", "DET"),
            ("Department", 4, "nsubj", "PROPN"),
            ("for", 1, "prep", "ADP"),
            ("Education", 2, "pobj", "PROPN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 4, "punct", P),
            ("Warren", 11, "nsubj", "PROPN"),
            ("of", 8, "prep", "ADP"),
            ("Massachusetts", 9, "pobj", "PROPN"),
            ("said", 11, "ROOT", "VERB", "say"),
            ("it", 13, "nsubj", "PRON"),
            ("snowed", 11, "ccomp", "VERB", "snow"),
            (".", 11, "punct", P),
        ],
        ents=[(8, 9, "PERSON"), (10, 11, "GPE")],
    )
    assert speakers_of(doc) == [
        ("The Department for Education", "Department for Education", "organization", None, None),
        ("Warren", "Warren", "person", None, None),
    ]


@pytest.mark.parametrize(
    ("title", "role"),
    [("coach", "Leafs coach"), ("critic", "Leafs critic"), ("MPP", "Leafs MPP")],
)
def test_roles_of_sport_and_of_canadian_legislatures_are_titles(title: str, role: str) -> None:
    """ "Leafs coach Craig Berube said ...", "NDP housing critic Jessica Bell", "Liberal MPP
    ...": the words before the name are the speaker's role."""
    doc = build_doc(
        f"Leafs {title} Craig Berube said it rained.",
        [
            ("Leafs", 1, "compound", "PROPN"),
            (title, 3, "compound", "NOUN"),
            ("Craig", 3, "compound", "PROPN"),
            ("Berube", 4, "nsubj", "PROPN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 4, "punct", P),
        ],
        ents=[(2, 4, "PERSON")],
    )
    assert speakers_of(doc) == [("Craig Berube", "Craig Berube", "person", role, None)]


def test_a_proper_noun_before_a_country_that_names_a_body_is_part_of_its_name() -> None:
    """ "Environment Canada said it rained.", with the entity "Canada" (a place): the
    department's name is both words, and it speaks as an organisation."""
    doc = build_doc(
        "Environment Canada said it rained.",
        [
            ("Environment", 1, "compound", "PROPN"),
            ("Canada", 2, "nsubj", "PROPN"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("it", 4, "nsubj", "PRON"),
            ("rained", 2, "ccomp", "VERB", "rain"),
            (".", 2, "punct", P),
        ],
        ents=[(1, 2, "GPE")],
    )
    assert speakers_of(doc) == [
        ("Environment Canada", "Environment Canada", "organization", None, None)
    ]


def test_a_proper_noun_the_model_left_out_of_an_organisation_is_part_of_its_name() -> None:
    """ "The Alzheimer Society of Canada said ...", with the entity "Society of Canada": the
    proper noun compounded onto it before is part of the body's name."""
    doc = build_doc(
        "The Alzheimer Society of Canada said it rained.",
        [
            ("The", 2, "det", "DET"),
            ("Alzheimer", 2, "compound", "PROPN"),
            ("Society", 5, "nsubj", "PROPN"),
            ("of", 2, "prep", "ADP"),
            ("Canada", 3, "pobj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
        ents=[(2, 5, "ORG")],
    )
    assert speakers_of(doc) == [
        (
            "Alzheimer Society of Canada",
            "Alzheimer Society of Canada",
            "organization",
            None,
            None,
        )
    ]


def test_a_pronoun_tagged_a_proper_noun_is_no_name() -> None:
    """ "I’m here. She said it rained.": with a curly apostrophe the tagger can take "I" for
    a proper noun and a subject; it is no person of the document, and no "she" after it
    refers to it."""
    doc = build_doc(
        "I ’m here . She said it rained .",
        [
            ("I", 1, "nsubj", "PROPN"),
            ("’m", 1, "ROOT", "AUX", "be"),
            ("here", 1, "advmod", "ADV"),
            (".", 1, "punct", P),
            ("She", 5, "nsubj", "PRON"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", P),
        ],
    )
    people = People(doc, Layout(doc), Ranges([]), Lexicons.default())
    people.build()
    assert people.entities == []
    assert speakers_of(doc) == [("She", "She", "unknown", None, None)]


def talks_go_on(
    at: int, subject: str, pos: str, verb: str = "said", lemma: str = "say"
) -> list[tuple[Any, ...]]:
    """The rows of "<subject> <verb> talks would go on ." from token ``at`` on: the one
    sentence of reported speech the tests of this part end with."""
    return [
        (subject, at + 1, "nsubj", pos),
        (verb, at + 1, "ROOT", "VERB", lemma),
        ("talks", at + 4, "nsubj", "NOUN", "talk"),
        ("would", at + 4, "aux", "AUX"),
        ("go", at + 1, "ccomp", "VERB"),
        ("on", at + 4, "prt", "ADP"),
        (".", at + 1, "punct", P),
    ]


def with_given_names(names: dict[str, str] | None) -> Lexicons:
    """The shipped lexicons, with ``names`` for given names unless None."""
    lexicons = Lexicons.default()
    return lexicons if names is None else attrs.evolve(lexicons, given_names=names)


# "Mary Jones met Tom Brown. He said talks would go on."
MET_ROWS = [
    ("Mary", 1, "compound", "PROPN"),
    ("Jones", 2, "nsubj", "PROPN"),
    ("met", 2, "ROOT", "VERB", "meet"),
    ("Tom", 4, "compound", "PROPN"),
    ("Brown", 2, "dobj", "PROPN"),
    (".", 2, "punct", P),
    *talks_go_on(6, "He", "PRON"),
]


@pytest.mark.parametrize(("names", "expected"), [(None, "Tom Brown"), ({}, "Mary Jones")])
def test_he_skips_a_woman_by_her_given_name(names: dict[str, str] | None, expected: str) -> None:
    """ "Mary Jones met Tom Brown. He said ...": the text never says Mary Jones is a
    woman, but her given name does, so "He" is Tom Brown, not the subject before him; with
    no given names known, the subject before comes first."""
    doc = build_doc(
        "Mary Jones met Tom Brown. He said talks would go on.",
        MET_ROWS,
        [(0, 2, "PERSON"), (3, 5, "PERSON")],
    )
    (quote,) = extract_doc(doc, with_given_names(names))
    assert quote.speaker is not None and quote.speaker.name == expected
    # The given name only keeps the pronoun away: the gender reported is the pronoun's.
    assert quote.speaker.gender_evidence == "pronoun"


@pytest.mark.parametrize(("names", "expected"), [(None, "Donald Trump"), ({}, "Ivanka Trump")])
def test_a_courtesy_title_skips_a_namesake_by_given_name(
    names: dict[str, str] | None, expected: str
) -> None:
    """ "Donald Trump arrived. Ivanka Trump spoke. Mr. Trump said ...": of two Trumps, "Mr."
    is the one whose given name is a man's, though the other was named last."""
    doc = build_doc(
        "Donald Trump arrived . Ivanka Trump spoke . Mr. Trump said talks would go on .",
        [
            ("Donald", 1, "compound", "PROPN"),
            ("Trump", 2, "nsubj", "PROPN"),
            ("arrived", 2, "ROOT", "VERB", "arrive"),
            (".", 2, "punct", P),
            ("Ivanka", 5, "compound", "PROPN"),
            ("Trump", 6, "nsubj", "PROPN"),
            ("spoke", 6, "ROOT", "VERB", "speak"),
            (".", 6, "punct", P),
            ("Mr.", 9, "compound", "PROPN"),
            *talks_go_on(9, "Trump", "PROPN"),
        ],
        [(0, 2, "PERSON"), (4, 6, "PERSON"), (9, 10, "PERSON")],
    )
    (quote,) = extract_doc(doc, with_given_names(names))
    assert quote.speaker is not None and quote.speaker.name == expected


@pytest.mark.parametrize(
    ("core", "given"),
    [
        (("anne", "marie", "murphy"), "female"),
        (("marine", "john", "tiegen"), None),  # a role word the name kept: no agreement
        (("murphy",), None),  # one word: a surname, or a first name alone
    ],
)
def test_given_names_that_disagree_carry_no_gender(
    core: tuple[str, ...], given: str | None
) -> None:
    """The given names before the surname say a gender only when they agree."""
    words = [w.capitalize() for w in core]
    rows = [(w, len(core) - 1, "compound", "PROPN") for w in words[:-1]]
    rows += [(words[-1], len(core), "nsubj", "PROPN"), ("spoke", len(core), "ROOT", "VERB")]
    doc = build_doc(" ".join([*words, "spoke"]), rows, [(0, len(core), "PERSON")])
    people = People(doc, Layout(doc), Ranges([]), Lexicons.default())
    people.build()
    (entity,) = people.entities
    assert entity.given == given


def test_the_texts_gender_overrules_the_given_names() -> None:
    """A "Lindsey" the text calls "Mr." is a "he": the given name counts only where the
    text says nothing."""
    entity = Entity(name="Lindsey Graham", core=("lindsey", "graham"), given="female")
    assert not entity.agrees("male") and entity.agrees("female") and entity.agrees(None)
    entity.gender = "male"
    assert entity.agrees("male") and not entity.agrees("female")


def opposed_then_it(
    words: list[str], label: str, verb: str = "said", lemma: str = "say"
) -> tuple[Doc, str]:
    """ "<words> opposed the plan . It <verb> talks would go on .", the words an entity
    labelled ``label``, and its text."""
    n = len(words)
    rows: list[tuple[Any, ...]] = [(w, n - 1, "compound", "PROPN") for w in words[:-1]]
    rows += [
        (words[-1], n, "nsubj", "PROPN"),
        ("opposed", n, "ROOT", "VERB", "oppose"),
        ("the", n + 2, "det", "DET"),
        ("plan", n, "dobj", "NOUN"),
        (".", n, "punct", P),
        *talks_go_on(n + 4, "It", "PRON", verb, lemma),
    ]
    text = " ".join(words) + f" opposed the plan . It {verb} talks would go on ."
    return build_doc(text, rows, [(0, n, label)]), text


@pytest.mark.parametrize(
    ("words", "label", "expected"),
    [
        (["Acme"], "ORG", ("Acme", "organization")),  # the organisation before it
        (["Tom", "Brown"], "PERSON", ("It", "unknown")),  # a person is no "it"
    ],
)
def test_it_that_speaks_is_the_organisation_before_it(
    words: list[str], label: str, expected: tuple[str, str]
) -> None:
    """ "Acme opposed the plan. It said talks would go on.": the "it" that says something
    is the subject of the sentence before when that is an organisation, a place or a
    document, never a person."""
    doc, _ = opposed_then_it(words, label)
    *_, quote = extract_doc(doc)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "It"
    assert (quote.speaker.name, quote.speaker.kind.value) == expected


@pytest.mark.parametrize(
    ("verb", "lemma", "expected"),
    [("said", "say", ("Acme", "organization")), ("means", "mean", ("It", "unknown"))],
)
def test_an_it_that_stands_for_nothing_is_no_one(
    verb: str, lemma: str, expected: tuple[str, str]
) -> None:
    """ "Acme opposed the plan. It means talks would go on.": an "it" of "means" (or of
    "is", "seems") stands for nothing, though an organisation comes before it; the "it" of
    "said" stands for the organisation."""
    doc, text = opposed_then_it(["Acme"], "ORG", verb, lemma)
    at = text.index("It")
    (found,) = resolve_mentions(doc, [(at, at + 2)])
    assert (found.name, found.kind.value) == expected


@pytest.mark.parametrize("pos", ["NOUN", "PROPN"])
def test_a_role_in_capitals_takes_the_name_in_apposition(pos: str) -> None:
    """ "The Environmental Commissioner, Dianne Saxe, said ...": a role written in capitals,
    which the tagger takes for a proper noun the model labels no one, is a description as
    the same role in lower case is: the speaker is Dianne Saxe, with the role."""
    word = "Commissioner" if pos == "PROPN" else "commissioner"
    adjective = (
        ("Environmental", "compound", "PROPN")
        if pos == "PROPN"
        else (
            "environmental",
            "amod",
            "ADJ",
        )
    )
    doc = build_doc(
        f"The {adjective[0]} {word} , Dianne Saxe , said the plan failed .",
        [
            ("The", 2, "det", "DET"),
            (adjective[0], 2, adjective[1], adjective[2]),
            (word, 7, "nsubj", pos),
            (",", 2, "punct", P),
            ("Dianne", 5, "compound", "PROPN"),
            ("Saxe", 2, "appos", "PROPN"),
            (",", 2, "punct", P),
            ("said", 7, "ROOT", "VERB", "say"),
            ("the", 9, "det", "DET"),
            ("plan", 10, "nsubj", "NOUN"),
            ("failed", 7, "ccomp", "VERB", "fail"),
            (".", 7, "punct", P),
        ],
        ents=[(4, 6, "PERSON")],
    )
    (quote,) = extract_doc(doc)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert (quote.speaker.name, quote.speaker.mention.text) == ("Dianne Saxe", "Dianne Saxe")
    assert quote.speaker.role is not None
    assert quote.speaker.role.lower() == "environmental commissioner"


@pytest.mark.parametrize("parse", ["name subject", "title subject"])
def test_a_portfolio_run_into_the_name_leaves_the_name(parse: str) -> None:
    """ "Minister of Health Adrian Dix said cases fell.": the model labels "Health Adrian
    Dix" one organisation; the name from its given name on is the minister, whether the
    parser makes the name the subject or the title ("Director of Planning Susan Denty")."""
    title_subject = parse == "title subject"
    doc = build_doc(
        "Minister of Health Adrian Dix said cases fell .",
        [
            ("Minister", 5 if title_subject else 4, "nsubj" if title_subject else "nmod", "PROPN"),
            ("of", 0, "prep", "ADP"),
            ("Health", 4, "compound", "PROPN") if title_subject else ("Health", 1, "pobj", "PROPN"),
            ("Adrian", 4, "compound", "PROPN"),
            ("Dix", 1, "pobj", "PROPN") if title_subject else ("Dix", 5, "nsubj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("cases", 7, "nsubj", "NOUN", "case"),
            ("fell", 5, "ccomp", "VERB", "fall"),
            (".", 5, "punct", P),
        ],
        [(2, 5, "ORG")],
    )
    (quote,) = extract_doc(doc)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert (quote.speaker.name, quote.speaker.kind.value, quote.speaker.mention.text) == (
        "Adrian Dix",
        "person",
        "Adrian Dix",
    )
