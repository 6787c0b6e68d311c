"""Speaker gender from the text: courtesy titles, gendered role words, pronouns."""

from __future__ import annotations

from typing import Any

import pytest

import quoteattr
from quoteattr import Gender, Speaker, SpeakerKind
from quoteattr.core.people import Entity
from quoteattr.extract import extract_doc
from tests.conftest import build_doc

P = "PUNCT"


def said(text: str, title: str, name: str) -> Any:
    """ "<title> <name> said it rained." with its parse (name labelled PERSON)."""
    return build_doc(
        text,
        [
            (title, 1, "compound", "PROPN"),
            (name, 2, "nsubj", "PROPN"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("it", 4, "nsubj", "PRON"),
            ("rained", 2, "ccomp", "VERB", "rain"),
            (".", 2, "punct", P),
        ],
        ents=[(1, 2, "PERSON")],
    )


@pytest.mark.parametrize(
    ("title", "gender"), [("Ms.", Gender.FEMALE), ("Mr.", Gender.MALE), ("Dr.", Gender.UNKNOWN)]
)
def test_a_courtesy_title_gives_the_gender(title: str, gender: Gender) -> None:
    """ "Ms. Chen said ..." is a woman by her honorific; "Dr." says nothing."""
    [q] = extract_doc(said(f"{title} Chen said it rained.", title, "Chen"))
    assert q.speaker is not None
    assert (q.speaker.gender, q.speaker.gender_evidence) == (
        gender,
        "honorific" if gender != Gender.UNKNOWN else None,
    )


def test_conflicting_evidence_gives_no_gender() -> None:
    """A person the text calls both Mr. and Mrs. (two people of one name) has none."""
    entity = Entity("Pat Chen", ("pat", "chen"))
    entity.evidence = {"honorific": {"male", "female"}}
    assert entity.reported_gender() == (None, "conflicting")
    entity.evidence = {"honorific": {"female"}, "pronouns": {"female"}}
    assert entity.reported_gender() == ("female", "honorific")


def test_gender_round_trips_and_old_dicts_read() -> None:
    """A Speaker's gender is written and read back; a dict without one is unknown."""
    s = Speaker("Jane Doe", SpeakerKind.PERSON, gender=Gender.FEMALE, gender_evidence="title")
    assert Speaker.from_dict(s.to_dict()) == s
    d = s.to_dict()
    del d["gender"], d["gender_evidence"]
    assert Speaker.from_dict(d).gender == Gender.UNKNOWN


@pytest.mark.model
def test_pronouns_after_a_name_give_the_gender(nlp: Any) -> None:
    """ "Teachout decided to run. She said ..." makes Teachout a woman, by pronouns; an
    organisation never gets a gender."""
    text = (
        "Zephyr Teachout decided to run. She said the race was open. "
        "The Teamsters said they would wait."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    got = [(q.speaker.name, q.speaker.gender) for q in quotes if q.speaker is not None]
    assert ("Zephyr Teachout", Gender.FEMALE) in got
    assert all(g == Gender.UNKNOWN for name, g in got if "Teamsters" in name)
