"""Speaker rules on hand-built Docs: subject of a cue, mention bounds, speaker kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from spacy.tokens import Doc

from quoteattr.core.lexicon import Lexicons
from quoteattr.core.mentions import (
    mention_bounds,
    person_surnames,
    relative_antecedent,
    span_text,
    speaker_kind,
    strip_det,
    subject_of,
)
from quoteattr.extract import extract_doc
from quoteattr.model import SpeakerKind
from tests.conftest import build_doc

WHEELBARGER = build_doc(
    "Katie Wheelbarger, principal deputy, said Mattis was right.",
    [
        ("Katie", 1, "compound", "PROPN"),
        ("Wheelbarger", 6, "nsubj", "PROPN"),
        (",", 1, "punct", "PUNCT"),
        ("principal", 4, "amod", "ADJ"),
        ("deputy", 1, "appos", "NOUN"),
        (",", 1, "punct", "PUNCT"),
        ("said", 6, "ROOT", "VERB", "say"),
        ("Mattis", 8, "nsubj", "PROPN"),
        ("was", 6, "ccomp", "AUX", "be"),
        ("right", 8, "acomp", "ADJ"),
        (".", 6, "punct", "PUNCT"),
    ],
    ents=[(0, 2, "PERSON")],
)

TOLD = build_doc(
    "Jens Stoltenberg told reporters, saying he expected more.",
    [
        ("Jens", 1, "compound", "PROPN"),
        ("Stoltenberg", 2, "nsubj", "PROPN"),
        ("told", 2, "ROOT", "VERB", "tell"),
        ("reporters", 2, "dobj", "NOUN"),
        (",", 2, "punct", "PUNCT"),
        ("saying", 2, "advcl", "VERB", "say"),
        ("he", 7, "nsubj", "PRON"),
        ("expected", 5, "ccomp", "VERB", "expect"),
        ("more", 7, "dobj", "ADJ"),
        (".", 2, "punct", "PUNCT"),
    ],
    ents=[(0, 2, "PERSON")],
)

QUOTED_AS = build_doc(
    "The senior senator was quoted as saying no.",
    [
        ("The", 2, "det", "DET"),
        ("senior", 2, "amod", "ADJ"),
        ("senator", 4, "nsubjpass", "NOUN"),
        ("was", 4, "auxpass", "AUX", "be"),
        ("quoted", 4, "ROOT", "VERB", "quote"),
        ("as", 4, "prep", "ADP"),
        ("saying", 5, "pcomp", "VERB", "say"),
        ("no", 6, "dobj", "INTJ"),
        (".", 4, "punct", "PUNCT"),
    ],
)


def _i(token: object) -> int | None:
    return None if token is None else token.i  # type: ignore[attr-defined]


BY_AGENT = build_doc(
    "He was told by officials.",
    [
        ("He", 2, "nsubjpass", "PRON"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("told", 2, "ROOT", "VERB", "tell"),
        ("by", 2, "agent", "ADP"),
        ("officials", 3, "pobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ],
)


def test_subject_of_finite_verb() -> None:
    """The nsubj of the cue verb is its speaker."""
    assert _i(subject_of(TOLD[2])) == 1


def test_subject_of_participle_climbs_to_governor() -> None:
    """ "told reporters, saying ...": the participle shares the subject of "told"."""
    assert _i(subject_of(TOLD[5])) == 1


def test_subject_of_quoted_as_saying() -> None:
    """ "was quoted as saying": the passive subject of "quoted" is the speaker."""
    assert _i(subject_of(QUOTED_AS[6])) == 2


def test_subject_of_prefers_subject_over_agent() -> None:
    """A passive subject comes before the agent: "He was told by officials" names He."""
    assert _i(subject_of(BY_AGENT[2])) == 0


def _infinitive_after_object(verb: str, lemma: str) -> Doc:
    # "The win <verb> her to declare victory ."
    return build_doc(
        f"The win {verb} her to declare victory.",
        [
            ("The", 1, "det", "DET"),
            ("win", 2, "nsubj", "NOUN"),
            (verb, 2, "ROOT", "VERB", lemma),
            ("her", 2, "dobj", "PRON"),
            ("to", 5, "aux", "PART"),
            ("declare", 2, "xcomp", "VERB"),
            ("victory", 5, "dobj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )


@pytest.mark.parametrize(
    ("verb", "lemma", "speaker"),
    [
        ("led", "lead", 3),  # "The win led her to declare": she declares
        ("forced", "force", 3),
        ("used", "use", 1),  # a verb of purpose: "used her to declare" is the win's act
    ],
)
def test_subject_of_an_infinitive_after_an_object(verb: str, lemma: str, speaker: int) -> None:
    """An object-control verb's object is who does what the infinitive says; any other
    verb's infinitive shares its subject."""
    doc = _infinitive_after_object(verb, lemma)
    assert _i(subject_of(doc[5])) == speaker


def test_subject_of_none_without_subject() -> None:
    """A verb with no subject anywhere up its chain gives None."""
    doc = build_doc(
        "Said no.",
        [("Said", 0, "ROOT", "VERB", "say"), ("no", 0, "dobj", "INTJ"), (".", 0, "punct", "PUNCT")],
    )
    assert subject_of(doc[0]) is None


@pytest.mark.parametrize(
    ("doc", "head", "expected"),
    [
        (WHEELBARGER, 1, "Katie Wheelbarger"),
        (TOLD, 1, "Jens Stoltenberg"),
        (QUOTED_AS, 2, "The senior senator"),
        (TOLD, 6, "he"),
    ],
)
def test_mention_bounds(doc: object, head: int, expected: str) -> None:
    """The mention is the name phrase, without appositive or relative clause."""
    s, e = mention_bounds(doc[head])  # type: ignore[index]
    assert doc[s:e].text == expected  # type: ignore[index]


@pytest.mark.parametrize(("det", "expected"), [("a", "supporters"), ("the", "the move supporters")])
def test_mention_bounds_leaves_out_the_noun_a_bare_relative_clause_describes(
    det: str, expected: str
) -> None:
    """ "a move supporters say will help", parsed as one noun phrase: an "a" cannot go with a
    plural, so the speaker is "supporters", the relative clause's subject; with "the" the
    phrase may be one ("the move supporters" stays as parsed)."""
    doc = build_doc(
        f"{det} move supporters say",
        [
            (det, 2, "det", "DET"),
            ("move", 2, "compound", "NOUN"),
            ("supporters", 3, "nsubj", "NOUN", "supporter"),
            ("say", 3, "ROOT", "VERB"),
        ],
    )
    doc[1].tag_ = "NN"
    doc[2].tag_ = "NNS"
    s, e = mention_bounds(doc[2])
    assert doc[s:e].text == expected


def test_mention_bounds_stops_at_comma() -> None:
    """A modifier reached across a comma is not part of the mention."""
    doc = build_doc(
        "Officials, senior ones, said.",
        [
            ("Officials", 5, "nsubj", "NOUN"),
            (",", 0, "punct", "PUNCT"),
            ("senior", 3, "amod", "ADJ"),
            ("ones", 0, "amod", "NOUN"),
            (",", 0, "punct", "PUNCT"),
            ("said", 5, "ROOT", "VERB", "say"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    s, e = mention_bounds(doc[0])
    assert doc[s:e].text == "Officials"


@pytest.mark.parametrize(
    ("doc", "span", "surnames", "expected"),
    [
        (WHEELBARGER, (0, 2), (), SpeakerKind.PERSON),
        (TOLD, (6, 7), (), SpeakerKind.PERSON),
        (QUOTED_AS, (0, 3), (), SpeakerKind.UNNAMED),
        (BY_AGENT, (4, 5), (), SpeakerKind.UNNAMED),
    ],
)
def test_speaker_kind(
    doc: object, span: tuple[int, int], surnames: tuple[str, ...], expected: SpeakerKind
) -> None:
    """Names and he/she are people; common nouns are unnamed sources."""
    assert speaker_kind(doc[span[0] : span[1]], surnames) == expected  # type: ignore[index]


def test_speaker_kind_org_entity() -> None:
    """An ORG or GPE entity is an organization."""
    doc = build_doc(
        "Reuters reported.",
        [
            ("Reuters", 1, "nsubj", "PROPN"),
            ("reported", 1, "ROOT", "VERB", "report"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "ORG")],
    )
    assert speaker_kind(doc[0:1]) == SpeakerKind.ORGANIZATION


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("campaign", SpeakerKind.ORGANIZATION), ("spokesman", SpeakerKind.UNNAMED)],
)
def test_a_body_a_person_names_is_an_organisation(noun: str, expected: SpeakerKind) -> None:
    """ "The Clinton campaign said it rained.": the campaign is Clinton's body, not Clinton,
    and is named so ("Clinton campaign"); "The Clinton spokesman" is an unnamed person."""
    doc = build_doc(
        f"The Clinton {noun} said it rained.",
        [
            ("The", 2, "det", "DET"),
            ("Clinton", 2, "compound", "PROPN"),
            (noun, 3, "nsubj", "NOUN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("it", 5, "nsubj", "PRON"),
            ("rained", 3, "ccomp", "VERB", "rain"),
            (".", 3, "punct", "PUNCT"),
        ],
        ents=[(1, 2, "PERSON")],
    )
    assert speaker_kind(doc[0:3]) == expected
    [q] = extract_doc(doc)
    assert q.speaker is not None
    assert q.speaker.kind == expected
    if expected == SpeakerKind.ORGANIZATION:
        assert q.speaker.name == "Clinton campaign"


def test_speaker_kind_surname_known_as_person_wins_over_org_label() -> None:
    """A surname the document names as a PERSON elsewhere is a person despite an ORG label."""
    doc = build_doc(
        "Stoltenberg said.",
        [
            ("Stoltenberg", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "ORG")],
    )
    assert speaker_kind(doc[0:1], {"stoltenberg"}) == SpeakerKind.PERSON


@pytest.mark.parametrize(
    ("pronoun", "expected"),
    [("they", SpeakerKind.UNKNOWN), ("it", SpeakerKind.UNKNOWN), ("she", SpeakerKind.PERSON)],
)
def test_speaker_kind_pronouns(pronoun: str, expected: SpeakerKind) -> None:
    """he/she/I are people; they/it/who stay unknown until resolved."""
    doc = build_doc(
        f"{pronoun} said.",
        [
            (pronoun, 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB", "say"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert speaker_kind(doc[0:1]) == expected


def test_person_surnames() -> None:
    """The last word of each PERSON entity, lower-cased."""
    assert person_surnames(WHEELBARGER) == frozenset({"wheelbarger"})


def test_a_possessive_is_no_surname() -> None:
    """The model's PERSON "Hillary Clinton’s" gives the surname "clinton", not "’s"; so "the
    campaign’s" is no person, and "Clinton’s" is one."""
    doc = build_doc(
        "Hillary Clinton’s aide said Clinton’s and the campaign’s views differ.",
        [
            ("Hillary", 1, "compound", "PROPN", "Hillary"),
            ("Clinton", 3, "poss", "PROPN", "Clinton"),
            ("’s", 1, "case", "PART", "’s"),
            ("aide", 4, "nsubj", "NOUN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("Clinton", 12, "poss", "PROPN", "Clinton"),
            ("’s", 5, "case", "PART", "’s"),
            ("and", 5, "cc", "CCONJ"),
            ("the", 9, "det", "DET"),
            ("campaign", 5, "conj", "NOUN"),
            ("’s", 9, "case", "PART", "’s"),
            ("views", 12, "nsubj", "NOUN", "view"),
            ("differ", 4, "ccomp", "VERB"),
            (".", 4, "punct", "PUNCT"),
        ],
        ents=[(0, 3, "PERSON"), (5, 6, "ORG")],
    )
    for t in doc:
        if t.text == "’s":
            t.tag_ = "POS"
    surnames = person_surnames(doc)
    assert surnames == frozenset({"clinton"})
    assert speaker_kind(doc[5:7], surnames) == SpeakerKind.PERSON
    assert speaker_kind(doc[8:11], surnames) == SpeakerKind.UNNAMED


def _relatives_doc() -> Doc:
    """ "Slayton, whom Bush appointed, and who backs Rubio, said no." with the parser's own
    mistake: the second relative clause hangs on "said", only its "and" on "Slayton"."""
    return build_doc(
        "Slayton, whom Bush appointed, and who backs Rubio, said no.",
        [
            ("Slayton", 11, "nsubj", "PROPN", "Slayton"),
            (",", 0, "punct", "PUNCT"),
            ("whom", 4, "dobj", "PRON"),
            ("Bush", 4, "nsubj", "PROPN", "Bush"),
            ("appointed", 0, "relcl", "VERB", "appoint"),
            (",", 0, "punct", "PUNCT"),
            ("and", 0, "cc", "CCONJ"),
            ("who", 8, "nsubj", "PRON"),
            ("backs", 11, "ccomp", "VERB", "back"),
            ("Rubio", 8, "dobj", "PROPN", "Rubio"),
            (",", 11, "punct", "PUNCT"),
            ("said", 11, "ROOT", "VERB", "say"),
            ("no", 11, "dobj", "DET"),
            (".", 11, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON"), (3, 4, "PERSON"), (9, 10, "PERSON")],
    )


def test_relative_antecedent_of_a_second_relative_clause_the_parser_hung_elsewhere() -> None:
    doc = _relatives_doc()
    antecedent = relative_antecedent(doc[7])
    assert antecedent is not None and antecedent.text == "Slayton"
    assert speaker_kind(doc[7:8]) == SpeakerKind.PERSON
    # "whom" is the object of its clause, not a speaker; a subject that is no relative
    # pronoun has no antecedent.
    assert relative_antecedent(doc[2]) is None
    assert relative_antecedent(doc[3]) is None


def test_relative_antecedent_needs_a_relative_clause_on_the_noun() -> None:
    """Without the first relative clause, "Slayton, and who backs Rubio" is no coordination
    of relative clauses: the "who" stays without antecedent."""
    doc = _relatives_doc()
    doc[4].dep_ = "ccomp"
    doc[4].head = doc[11]
    assert relative_antecedent(doc[7]) is None
    assert speaker_kind(doc[7:8]) == SpeakerKind.UNKNOWN


def test_which_never_stands_for_a_person() -> None:
    """ "Politifact, which said": an unlabelled proper name is a body behind "which"."""
    doc = build_doc(
        "Politifact, which checked it, said no.",
        [
            ("Politifact", 6, "nsubj", "PROPN", "Politifact"),
            (",", 0, "punct", "PUNCT"),
            ("which", 3, "nsubj", "PRON"),
            ("checked", 0, "relcl", "VERB", "check"),
            ("it", 3, "dobj", "PRON"),
            (",", 0, "punct", "PUNCT"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("no", 6, "dobj", "DET"),
            (".", 6, "punct", "PUNCT"),
        ],
    )
    assert speaker_kind(doc[0:1]) == SpeakerKind.PERSON
    assert speaker_kind(doc[2:3]) == SpeakerKind.ORGANIZATION


def test_the_name_in_apposition_is_the_speaker() -> None:
    """ "Her lawyer, Maria Chen, said it rained.": the speaker is the name the description
    stands beside, not the description."""
    doc = build_doc(
        "Her lawyer, Maria Chen, said it rained.",
        [
            ("Her", 1, "poss", "PRON"),
            ("lawyer", 6, "nsubj", "NOUN"),
            (",", 1, "punct", "PUNCT"),
            ("Maria", 4, "compound", "PROPN"),
            ("Chen", 1, "appos", "PROPN"),
            (",", 1, "punct", "PUNCT"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON"),
            ("rained", 6, "ccomp", "VERB", "rain"),
            (".", 6, "punct", "PUNCT"),
        ],
        ents=[(3, 5, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Maria Chen", "Maria Chen")


@pytest.mark.parametrize(
    ("words", "speaker", "role"),
    [
        # the parser hangs the name on the title's preposition: the name speaks, with the
        # whole phrase before it as the role
        (["Director", "for", "Policy"], "Jane Smith", "Director for Policy"),
        # the name is the person the title speaks for, not the speaker
        (["A", "spokesman", "for"], "A spokesman", "spokesman"),
    ],
)
def test_a_title_whose_phrase_ends_in_a_name_is_that_persons(
    words: list[str], speaker: str, role: str
) -> None:
    """ "Director for Policy Jane Smith said it rained." -> Jane Smith, "Director for
    Policy"; "A spokesman for Jane Smith said it rained." -> the spokesman."""
    det = words[0] == "A"
    title = 1 if det else 0
    prep = title + 1
    # either way "said" is token 5 and "Jane Smith" tokens 3-4
    rows: list[tuple[Any, ...]] = [
        *([("A", 1, "det", "DET")] if det else []),
        (words[title], 5, "nsubj", "NOUN" if det else "PROPN"),
        ("for", title, "prep", "ADP"),
        *([] if det else [("Policy", 4, "compound", "PROPN")]),
        ("Jane", 4, "compound", "PROPN"),
        ("Smith", prep, "pobj", "PROPN"),
        ("said", 5, "ROOT", "VERB", "say"),
        ("it", 7, "nsubj", "PRON"),
        ("rained", 5, "ccomp", "VERB", "rain"),
        (".", 5, "punct", "PUNCT"),
    ]
    doc = build_doc(" ".join(w for w, *_ in rows[:-1]) + ".", rows, ents=[(3, 5, "PERSON")])
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.role) == (speaker, role)


@pytest.mark.parametrize(("second", "speaker"), [("CEO", "Jane Smith"), ("Mrs.", "The chairman")])
def test_a_name_after_a_second_title_is_the_titles_person(second: str, speaker: str) -> None:
    """ "The chairman and CEO Jane Smith said it rained." -> Jane Smith, whom both titles
    name; "The chairman and Mrs. Jane Smith said ..." is two people."""
    doc = build_doc(
        f"The chairman and {second} Jane Smith said it rained.",
        [
            ("The", 1, "det", "DET"),
            ("chairman", 6, "nsubj", "NOUN"),
            ("and", 1, "cc", "CCONJ"),
            (second, 5, "compound", "PROPN"),
            ("Jane", 5, "compound", "PROPN"),
            ("Smith", 1, "conj", "PROPN"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON"),
            ("rained", 6, "ccomp", "VERB", "rain"),
            (".", 6, "punct", "PUNCT"),
        ],
        ents=[(4, 6, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("verb", "lemma", "speaker"),
    [("released", "release", "Abacus Data"), ("reviewed", "review", "A poll")],
)
def test_the_agent_that_put_out_a_document_is_its_author(
    verb: str, lemma: str, speaker: str
) -> None:
    """ "A poll released by Abacus Data found that taxes rose." -> Abacus Data, who put the
    poll out (authoring_verbs.txt); "A poll reviewed by Abacus Data found ..." stays the
    poll: whoever looks at a document did not write it."""
    doc = build_doc(
        f"A poll {verb} by Abacus Data found that taxes rose.",
        [
            ("A", 1, "det", "DET"),
            ("poll", 6, "nsubj", "NOUN"),
            (verb, 1, "acl", "VERB", lemma),
            ("by", 2, "agent", "ADP"),
            ("Abacus", 5, "compound", "PROPN"),
            ("Data", 3, "pobj", "PROPN"),
            ("found", 6, "ROOT", "VERB", "find"),
            ("that", 9, "mark", "SCONJ"),
            ("taxes", 9, "nsubj", "NOUN", "tax"),
            ("rose", 6, "ccomp", "VERB", "rise"),
            (".", 6, "punct", "PUNCT"),
        ],
        ents=[(4, 6, "ORG")],
    )
    doc[2].tag_ = "VBN"
    [q] = [q for q in extract_doc(doc) if q.content == "that taxes rose"]
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker


def test_the_noun_a_participle_cue_modifies_is_the_speaker() -> None:
    """ "Ford stood firm despite new figures showing sales fell.": the figures show it; Ford,
    the subject of the clause they stand in, does not."""
    doc = build_doc(
        "Ford stood firm despite new figures showing sales fell.",
        [
            ("Ford", 1, "nsubj", "PROPN"),
            ("stood", 1, "ROOT", "VERB", "stand"),
            ("firm", 1, "acomp", "ADJ"),
            ("despite", 1, "prep", "ADP"),
            ("new", 5, "amod", "ADJ"),
            ("figures", 3, "pobj", "NOUN", "figure"),
            ("showing", 5, "acl", "VERB", "show"),
            ("sales", 8, "nsubj", "NOUN", "sale"),
            ("fell", 6, "ccomp", "VERB", "fall"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    doc[6].tag_ = "VBG"
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.content, q.speaker.mention.text) == ("sales fell", "new figures")


def test_the_name_beside_one_of_a_group_is_the_speaker() -> None:
    """ "One of the victims, Doris Whelan, said it hurt.": Doris Whelan, not "One"."""
    doc = build_doc(
        "One of the victims, Doris Whelan, said it hurt.",
        [
            ("One", 8, "nsubj", "NUM"),
            ("of", 0, "prep", "ADP"),
            ("the", 3, "det", "DET"),
            ("victims", 1, "pobj", "NOUN", "victim"),
            (",", 0, "punct", "PUNCT"),
            ("Doris", 6, "compound", "PROPN"),
            ("Whelan", 0, "appos", "PROPN"),
            (",", 0, "punct", "PUNCT"),
            ("said", 8, "ROOT", "VERB", "say"),
            ("it", 10, "nsubj", "PRON"),
            ("hurt", 8, "ccomp", "VERB"),
            (".", 8, "punct", "PUNCT"),
        ],
        ents=[(5, 7, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Doris Whelan", "Doris Whelan")


@pytest.mark.parametrize(
    ("agent", "speaker"), [(False, None), (True, "the officials")], ids=["no agent", "agent"]
)
def test_a_passive_cue_names_the_addressee_not_the_speaker(
    agent: bool, speaker: str | None
) -> None:
    """ "Smith was told [by the officials] that it rained.": Smith was told; the speaker is
    the agent when the sentence names one, else nobody."""
    rows: list[tuple[object, ...]] = [
        ("Smith", 2, "nsubjpass", "PROPN"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("told", 2, "ROOT", "VERB", "tell"),
    ]
    text = "Smith was told "
    if agent:
        rows += [
            ("by", 2, "agent", "ADP"),
            ("the", 5, "det", "DET"),
            ("officials", 3, "pobj", "NOUN"),
        ]
        text += "by the officials "
    n = len(rows)
    rows += [
        ("that", n + 2, "mark", "SCONJ"),
        ("it", n + 2, "nsubj", "PRON"),
        ("rained", 2, "ccomp", "VERB", "rain"),
        (".", 2, "punct", "PUNCT"),
    ]
    text += "that it rained."
    [q] = extract_doc(build_doc(text, rows))
    got = q.speaker.mention.text if q.speaker and q.speaker.mention else None
    assert (q.content, got) == ("that it rained", speaker)


def test_a_raising_verb_names_no_source() -> None:
    """ "The tensions seem to grow.": an attribution with no source (the tensions are what
    it is about)."""
    doc = build_doc(
        "The tensions seem to grow.",
        [
            ("The", 1, "det", "DET"),
            ("tensions", 2, "nsubj", "NOUN"),
            ("seem", 2, "ROOT", "VERB", "seem"),
            ("to", 4, "aux", "PART"),
            ("grow", 2, "xcomp", "VERB", "grow"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    [q] = extract_doc(doc)
    assert (q.content, q.speaker) == ("to grow", None)


def test_asked_without_a_subject_names_no_asker() -> None:
    """ "Asked whether he would run, Johnson demurred.": the reporter asked; Johnson was asked."""
    doc = build_doc(
        "Asked whether he would run, Johnson demurred.",
        [
            ("Asked", 7, "advcl", "VERB", "ask"),
            ("whether", 4, "mark", "SCONJ"),
            ("he", 4, "nsubj", "PRON"),
            ("would", 4, "aux", "AUX"),
            ("run", 0, "ccomp", "VERB", "run"),
            (",", 7, "punct", "PUNCT"),
            ("Johnson", 7, "nsubj", "PROPN"),
            ("demurred", 7, "ROOT", "VERB", "demur"),
            (".", 7, "punct", "PUNCT"),
        ],
    )
    doc[0].tag_ = "VBN"
    [q] = extract_doc(doc)
    assert (q.content, q.speaker) == ("whether he would run", None)


@pytest.mark.parametrize(
    ("noun", "speaker"), [("study", "Media Matters"), ("showing", "A strong showing")]
)
def test_a_documents_named_author_speaks_for_it(noun: str, speaker: str) -> None:
    """ "A study by Media Matters found it rained.": the author the text names is the source;
    "A strong showing by Media Matters" is no document of theirs."""
    text = (
        f"A {noun} by Media Matters found it rained."
        if noun == "study"
        else ("A strong showing by Media Matters found it rained.")
    )
    rows: list[tuple[object, ...]] = [("A", 1 if noun == "study" else 2, "det", "DET")]
    if noun != "study":
        rows.append(("strong", 2, "amod", "ADJ"))
    h = len(rows)
    rows += [
        (noun, h + 4, "nsubj", "NOUN"),
        ("by", h, "prep", "ADP"),
        ("Media", h + 3, "compound", "PROPN"),
        ("Matters", h + 1, "pobj", "PROPN"),
        ("found", h + 4, "ROOT", "VERB", "find"),
        ("it", h + 6, "nsubj", "PRON"),
        ("rained", h + 4, "ccomp", "VERB", "rain"),
        (".", h + 4, "punct", "PUNCT"),
    ]
    doc = build_doc(text, rows, ents=[(h + 2, h + 4, "ORG")])
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("noun", "label", "speaker"),
    [
        ("editorial", "ORG", "the Register"),
        ("speech", "ORG", "A speech"),
        ("editorial", "GPE", "An editorial"),
    ],
)
def test_a_piece_a_publication_prints_is_the_publications(
    noun: str, label: str, speaker: str
) -> None:
    """ "An editorial in the Register said it rained.": the newspaper that prints it is its
    source; not "a speech in the Register", which no paper writes, nor a piece "in" a place."""
    article = "An" if noun == "editorial" else "A"
    doc = build_doc(
        f"{article} {noun} in the Register said it rained.",
        [
            (article, 1, "det", "DET"),
            (noun, 5, "nsubj", "NOUN"),
            ("in", 1, "prep", "ADP"),
            ("the", 4, "det", "DET"),
            ("Register", 2, "pobj", "PROPN"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("rained", 5, "ccomp", "VERB", "rain"),
            (".", 5, "punct", "PUNCT"),
        ],
        ents=[(3, 5, label)],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker


def _study(prep: str, noun: str) -> Doc:
    """ "A study PREP the Senate NOUN found it rained.", with no entity: the small model often
    labels none."""
    return build_doc(
        f"A study {prep} the Senate {noun} found it rained.",
        [
            ("A", 1, "det", "DET"),
            ("study", 6, "nsubj", "NOUN"),
            (prep, 1, "prep", "ADP"),
            ("the", 5, "det", "DET"),
            ("Senate", 5, "compound", "PROPN"),
            (noun, 2, "pobj", "NOUN"),
            ("found", 6, "ROOT", "VERB", "find"),
            ("it", 8, "nsubj", "PRON"),
            ("rained", 6, "ccomp", "VERB", "rain"),
            (".", 6, "punct", "PUNCT"),
        ],
    )


@pytest.mark.parametrize(
    ("prep", "noun", "speaker", "why"),
    [
        ("by", "committee", "the Senate committee", "a body a proper name makes specific"),
        ("from", "primary", "A study", "after 'from', only an entity is an author"),
    ],
)
def test_a_documents_author_named_by_a_proper_noun(
    prep: str, noun: str, speaker: str, why: str
) -> None:
    """ "A study by the Senate committee found ...": the committee, though no entity."""
    [q] = extract_doc(_study(prep, noun))
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker, why


def test_strip_det_drops_the_space_token_after_the_determiner() -> None:
    """ "a\u00a0poll": the no-break space after "a" is a token of its own, and no part of the
    name."""
    text = "A\u00a0poll said so."
    doc = build_doc(
        text,
        [
            ("A", 2, "det", "DET"),
            ("\u00a0", 0, "dep", "SPACE"),
            ("poll", 3, "nsubj", "NOUN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("so", 3, "advmod", "ADV"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert span_text(text, strip_det(list(doc[0:3]))) == "poll"


def _joined(first: str, cc: str, second: str, first_pos: str = "PROPN") -> Doc:
    """ "FIRST CC SECOND said it rained.", both names, SECOND a conjunct of FIRST."""
    return build_doc(
        f"{first} {cc} {second} said it rained.",
        [
            (first, 3, "nsubj", first_pos),
            (cc, 0, "cc", "CCONJ"),
            (second, 0, "conj", "PROPN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("it", 5, "nsubj", "PRON"),
            ("rained", 3, "ccomp", "VERB", "rain"),
            (".", 3, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")] if first_pos == "PROPN" else [(2, 3, "PERSON")],
    )


@pytest.mark.parametrize(
    ("names", "speaker"),
    [(["Joyce", "and", "Graham"], "Joyce and Graham"), (["Joyce"], "Two objectors")],
)
def test_a_plural_description_is_the_people_named_beside_it(names: list[str], speaker: str) -> None:
    """ "Two objectors, Joyce and Graham, said it rained.": the objectors are the two people
    named, though the mention is the description; with one name beside it, the description
    stays what it says."""
    rows: list[tuple[object, ...]] = [
        ("Two", 1, "nummod", "NUM"),
        ("objectors", 4 + len(names), "nsubj", "NOUN", "objector"),
        (",", 1, "punct", "PUNCT"),
        (names[0], 1, "appos", "PROPN"),
    ]
    ents = [(3, 4, "PERSON")]
    if len(names) > 1:
        rows += [("and", 3, "cc", "CCONJ"), (names[2], 3, "conj", "PROPN")]
        ents.append((5, 6, "PERSON"))
    said = len(rows) + 1
    rows += [
        (",", 1, "punct", "PUNCT"),
        ("said", said, "ROOT", "VERB", "say"),
        ("it", said + 2, "nsubj", "PRON"),
        ("rained", said, "ccomp", "VERB", "rain"),
        (".", said, "punct", "PUNCT"),
    ]
    doc = build_doc(f"Two objectors , {' '.join(names)} , said it rained .", rows, ents=ents)
    doc[1].tag_ = "NNS"
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Two objectors", speaker)


def test_conjoined_speakers_are_all_the_speaker() -> None:
    """Burton and Nick said it rained. -> both speak: the mention holds both names, and the
    speaker is no one person."""
    [q] = extract_doc(_joined("Burton", "and", "Nick"))
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Burton and Nick", "Burton and Nick")
    assert q.speaker.kind == SpeakerKind.UNNAMED


def test_a_name_the_parser_hung_on_a_time_speaks() -> None:
    """ "Lee Sunday night said it rained.": the parser made "night" the subject and "Lee"
    its modifier; Lee speaks, not the night."""
    doc = build_doc(
        "Lee Sunday night said it rained.",
        [
            ("Lee", 2, "compound", "PROPN"),
            ("Sunday", 2, "compound", "PROPN"),
            ("night", 3, "nsubj", "NOUN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("it", 5, "nsubj", "PRON"),
            ("rained", 3, "ccomp", "VERB", "rain"),
            (".", 3, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON"), (1, 3, "TIME")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Lee", "Lee")


def test_a_name_after_a_time_the_parser_made_the_subject_speaks() -> None:
    """ "Saturday at the rally Ann Lee said it rained.": Ann Lee, not "Saturday"."""
    doc = build_doc(
        "Saturday at the rally Ann Lee said it rained.",
        [
            ("Saturday", 6, "nsubj", "PROPN"),
            ("at", 0, "prep", "ADP"),
            ("the", 3, "det", "DET"),
            ("rally", 1, "pobj", "NOUN"),
            ("Ann", 5, "compound", "PROPN"),
            ("Lee", 6, "npadvmod", "PROPN"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON"),
            ("rained", 6, "ccomp", "VERB", "rain"),
            (".", 6, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "DATE"), (4, 6, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Ann Lee", "Ann Lee")


@pytest.mark.parametrize(
    ("verb", "lemma", "speaker"), [("said", "say", "He"), ("told", "tell", None)]
)
def test_a_contracted_has_the_parser_read_as_passive(
    verb: str, lemma: str, speaker: str | None
) -> None:
    """ "He's said it rained.": the parser read "'s" as the passive "is", but "said" with a
    clause of its own is "has said", so "He" speaks; "He's told it rained." is "he is told",
    and the one told does not speak."""
    doc = build_doc(
        f"He's {verb} it rained.",
        [
            ("He", 2, "nsubjpass", "PRON"),
            ("'s", 2, "auxpass", "AUX", "be"),
            (verb, 2, "ROOT", "VERB", lemma),
            ("it", 4, "nsubj", "PRON"),
            ("rained", 2, "ccomp", "VERB", "rain"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    doc[2].tag_ = "VBN"
    [q] = extract_doc(doc)
    mention = q.speaker.mention.text if q.speaker and q.speaker.mention else None
    assert mention == speaker


def test_a_conjunct_description_beside_a_name_is_that_name() -> None:
    """ "Ann Chen and her husband, Dan Chen, said it rained." -> both speak; "her husband"
    is Dan Chen, so the list is one of names ("Bush and his rivals" is not)."""
    doc = build_doc(
        "Ann Chen and her husband, Dan Chen, said it rained.",
        [
            ("Ann", 1, "compound", "PROPN"),
            ("Chen", 9, "nsubj", "PROPN"),
            ("and", 1, "cc", "CCONJ"),
            ("her", 4, "poss", "PRON"),
            ("husband", 1, "conj", "NOUN"),
            (",", 4, "punct", "PUNCT"),
            ("Dan", 7, "compound", "PROPN"),
            ("Chen", 4, "appos", "PROPN"),
            (",", 4, "punct", "PUNCT"),
            ("said", 9, "ROOT", "VERB", "say"),
            ("it", 11, "nsubj", "PRON"),
            ("rained", 9, "ccomp", "VERB", "rain"),
            (".", 9, "punct", "PUNCT"),
        ],
        ents=[(0, 2, "PERSON"), (6, 8, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == (
        "Ann Chen and her husband, Dan Chen",
        "Ann Chen and Dan Chen",
    )


@pytest.mark.parametrize(
    ("first", "cc", "first_pos", "speaker", "why"),
    [
        ("Burton", "or", "PROPN", "Burton", "one of them said it, not both"),
        ("President", "and", "PROPN", "President", "two titles of one person, a title first"),
        ("businessman", "and", "NOUN", "businessman", "a common noun and a name"),
    ],
)
def test_joined_words_that_are_not_a_list_of_names(
    first: str, cc: str, first_pos: str, speaker: str, why: str
) -> None:
    """Only names joined by "and" make a group of speakers."""
    [q] = extract_doc(_joined(first, cc, "Nick", first_pos))
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker, why


def _forced_to_admit() -> Doc:
    """ "The loss forced her to admit that she erred.": "her" admits, if "force" is an
    object-control verb."""
    return build_doc(
        "The loss forced her to admit that she erred.",
        [
            ("The", 1, "det", "DET"),
            ("loss", 2, "nsubj", "NOUN"),
            ("forced", 2, "ROOT", "VERB", "force"),
            ("her", 2, "dobj", "PRON"),
            ("to", 5, "aux", "PART"),
            ("admit", 2, "xcomp", "VERB", "admit"),
            ("that", 8, "mark", "SCONJ"),
            ("she", 8, "nsubj", "PRON"),
            ("erred", 5, "ccomp", "VERB", "err"),
            (".", 2, "punct", "PUNCT"),
        ],
    )


@pytest.mark.parametrize(
    ("doc", "change", "shipped", "injected"),
    [
        (_forced_to_admit, {"object_control": frozenset()}, "her", "The loss"),
        (
            lambda: _study("by", "committee"),
            {"documents": frozenset()},
            "the Senate committee",
            "A study",
        ),
        (
            lambda: _joined("President", "and", "Nick"),
            {"titles": {}},
            "President",
            "President and Nick",
        ),
    ],
)
def test_the_speaker_rules_read_the_run_s_lexicons(
    doc: Callable[[], Doc], change: dict[str, Any], shipped: str, injected: str
) -> None:
    """The object-control verbs, the documents and the titles that pick a cue's speaker come
    from the run's Lexicons, as every other list does: emptied there, the rule that reads
    each is off."""
    lexicons = attrs.evolve(Lexicons.default(), **change)
    for given, speaker in ((None, shipped), (lexicons, injected)):
        [q] = extract_doc(doc(), given)
        assert q.speaker is not None and q.speaker.mention is not None
        assert q.speaker.mention.text == speaker


def _statement_issued(issuers: list[str]) -> Doc:
    """ "ISSUERS issued a statement. The statement said it rained." """
    rows: list[tuple[Any, ...]] = []
    ents = []
    verb = 2 * len(issuers) - 1
    for k, name in enumerate(issuers):
        if k:
            rows.append(("and", 0, "cc", "CCONJ"))
        ents.append((len(rows), len(rows) + 1, "ORG"))
        rows.append((name, verb if k == 0 else 0, "nsubj" if k == 0 else "conj", "PROPN"))
    n = len(rows)
    rows += [
        ("issued", n, "ROOT", "VERB", "issue"),
        ("a", n + 2, "det", "DET"),
        ("statement", n, "dobj", "NOUN"),
        (".", n, "punct", "PUNCT"),
        ("The", n + 5, "det", "DET"),
        ("statement", n + 6, "nsubj", "NOUN"),
        ("said", n + 6, "ROOT", "VERB", "say"),
        ("it", n + 8, "nsubj", "PRON"),
        ("rained", n + 6, "ccomp", "VERB", "rain"),
        (".", n + 6, "punct", "PUNCT"),
    ]
    text = " and ".join(issuers) + " issued a statement. The statement said it rained."
    return build_doc(text, rows, ents=ents)


@pytest.mark.parametrize(
    ("issuers", "name", "kind"),
    [
        (["Amnesty"], "Amnesty", SpeakerKind.ORGANIZATION),
        # Two issuers: no one body's statement; the description stays itself.
        (["Amnesty", "Oxfam"], "statement", SpeakerKind.UNNAMED),
    ],
)
def test_the_statement_is_its_issuers(issuers: list[str], name: str, kind: SpeakerKind) -> None:
    """ "Amnesty issued a statement. The statement said ...": the statement mentioned before
    with the same noun, and its author the subject of the verb that issued it."""
    q = extract_doc(_statement_issued(issuers))[-1]  # the first: "issued a statement"
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "The statement"
    assert (q.speaker.name, q.speaker.kind) == (name, kind)


@pytest.mark.parametrize("mark", ["‘", "'"])
def test_a_possessive_left_on_a_name_is_no_part_of_it(mark: str) -> None:
    """ "Donald Trump‘s plan failed. Trump said it rained.": the tokenizer leaves "‘s" on
    the name when an opening quote mark stands for the apostrophe; the name is Donald Trump,
    whom the later "Trump" is."""
    doc = build_doc(
        f"Donald Trump{mark}s plan failed. Trump said it rained.",
        [
            ("Donald", 1, "compound", "PROPN"),
            (f"Trump{mark}s", 2, "poss", "PROPN"),
            ("plan", 3, "nsubj", "NOUN"),
            ("failed", 3, "ROOT", "VERB", "fail"),
            (".", 3, "punct", "PUNCT"),
            ("Trump", 6, "nsubj", "PROPN"),
            ("said", 6, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON"),
            ("rained", 6, "ccomp", "VERB", "rain"),
            (".", 6, "punct", "PUNCT"),
        ],
        ents=[(0, 2, "PERSON"), (5, 6, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.speaker is not None
    assert (q.speaker.mention.text if q.speaker.mention else None, q.speaker.name) == (
        "Trump",
        "Donald Trump",
    )


_READ_MORE: list[tuple[Any, ...]] = [
    ("READ", 1, "compound", "PROPN"),
    ("MORE", 4, "dep", "PROPN"),
    (":", 4, "punct", "PUNCT"),
    ("Trump", 4, "nsubj", "PROPN"),
    ("wins", 4, "ROOT", "VERB", "win"),
]
_MAYOR_TRUMP: list[tuple[Any, ...]] = [
    ("Mayor", 1, "compound", "PROPN"),
    ("Trump", 2, "nsubj", "PROPN"),
    ("wins", 2, "ROOT", "VERB", "win"),
]


@pytest.mark.parametrize(
    ("lead", "rows", "name"),
    [
        ("READ MORE: Trump wins", _READ_MORE, "mayor"),  # a link line: no antecedent
        ("Mayor Trump wins", _MAYOR_TRUMP, "Trump"),  # prose: the mayor it names
    ],
)
def test_a_link_line_names_no_ones_antecedent(
    lead: str, rows: list[tuple[Any, ...]], name: str
) -> None:
    """ "READ MORE: Trump wins" then "The mayor said it rained.": the link line is no prose,
    and the person it names is not the one the next paragraph's description refers to."""
    n, trump = len(rows), len(rows) - 2
    doc = build_doc(
        f"{lead}\n\nThe mayor said it rained.",
        [
            *rows,
            ("\n\n", n - 1, "dep", "SPACE"),
            ("The", n + 2, "det", "DET"),
            ("mayor", n + 3, "nsubj", "NOUN"),
            ("said", n + 3, "ROOT", "VERB", "say"),
            ("it", n + 5, "nsubj", "PRON"),
            ("rained", n + 3, "ccomp", "VERB", "rain"),
            (".", n + 3, "punct", "PUNCT"),
        ],
        ents=[(trump, trump + 1, "PERSON")],
    )
    quotes = [q for q in extract_doc(doc) if q.text == "it rained"]
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.name == name


@pytest.mark.parametrize(
    ("subject", "predicate", "speaker"),
    [
        ("it", "safe", None),  # "it's safe to say ...": the writer's comment, no one's claim
        ("Lee", "eager", "Lee"),  # a person eager to say: Lee says
    ],
)
def test_the_it_that_puts_off_its_subject_says_nothing(
    subject: str, predicate: str, speaker: str | None
) -> None:
    """ "It is safe to say it rained.": "it" stands for the clause after it, no speaker."""
    doc = build_doc(
        f"{subject} is {predicate} to say it rained.",
        [
            (subject, 1, "nsubj", "PRON" if subject == "it" else "PROPN"),
            ("is", 1, "ROOT", "AUX", "be"),
            (predicate, 1, "acomp", "ADJ"),
            ("to", 4, "aux", "PART"),
            ("say", 1, "xcomp", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[] if subject == "it" else [(0, 1, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert q.content == "it rained"
    assert (q.speaker.mention.text if q.speaker and q.speaker.mention else None) == speaker
