"""Speaker gender outside the core: per document, across documents, from first names."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

import quoteattr
from quoteattr import Gender, Quote, QuoteKind, Speaker, SpeakerKind
from quoteattr.corpus import SpeakerTable
from quoteattr.errors import QuoteattrError
from quoteattr.gender import (
    CONFLICTING,
    FIRST_NAME,
    DocumentGender,
    FirstNames,
    combine_documents,
    document_genders,
    given_name,
    with_first_names,
)
from quoteattr.io.dataframe import SPEAKER_DTYPES, speakers_dataframe

# A table of one's own: the shares of women among the people who bear each name.
NAMES = FirstNames({"jennifer": 0.99, "donald": 0.0, "kim": 0.66, "jean": 0.93, "sam": 0.07})


def q(
    name: str,
    kind: SpeakerKind = SpeakerKind.PERSON,
    gender: Gender = Gender.UNKNOWN,
    evidence: str | None = None,
) -> Quote:
    """A quote of ``name`` with the gender and evidence given."""
    return Quote(
        kind=QuoteKind.DIRECT,
        text="“x”",
        start=0,
        end=3,
        parts=((0, 3),),
        speaker=Speaker(name, kind, gender=gender, gender_evidence=evidence),
    )


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Donald J. Trump", "donald"),
        ("Sen. Ted Cruz", "ted"),
        ("Mr. Sam Lee", "sam"),
        ("CLEVELAND - Donald Trump", "donald"),
        ("José Vargas", "jose"),
        ("Obama", None),
        ("J.J. Goldberg", None),
        ("De Blasio", None),
        ("Kim Lee Campaign", None),
        ("the Clinton campaign", None),
        ("Oct. 23", None),
    ],
)
def test_given_name(name: str, given: str | None) -> None:
    """The given name skips titles and datelines; a surname alone, an initial, a particle
    and a body have none."""
    assert given_name(name) == given


def test_the_table_says_only_what_it_is_sure_of() -> None:
    """A name within the threshold of 0 or 1 gives a gender; "kim" (0.66) gives none, and
    a tighter threshold drops "jean" (0.93) too."""
    assert [NAMES.gender(n) for n in ("jennifer", "donald", "kim", "jean", "zelda")] == [
        Gender.FEMALE,
        Gender.MALE,
        Gender.UNKNOWN,
        Gender.FEMALE,
        Gender.UNKNOWN,
    ]
    assert FirstNames(NAMES.shares, threshold=0.05).gender("jean") == Gender.UNKNOWN


def test_first_names_fill_the_people_the_text_says_nothing_of() -> None:
    """A person without evidence gets the first name's gender; organisations, unnamed
    sources, pronouns and bare surnames keep none."""
    quotes = [
        q("Sam Lee"),
        q("Donald Trump", SpeakerKind.ORGANIZATION),
        q("Jennifer", SpeakerKind.UNNAMED),
        q("she", SpeakerKind.UNKNOWN),
        q("Trump"),
    ]
    got = with_first_names(quotes, NAMES)
    assert [(x.speaker.gender, x.speaker.gender_evidence) for x in got if x.speaker] == [
        (Gender.MALE, FIRST_NAME),
        (Gender.UNKNOWN, None),
        (Gender.UNKNOWN, None),
        (Gender.UNKNOWN, None),
        (Gender.UNKNOWN, None),
    ]
    assert isinstance(got, quoteattr.Quotes)


def test_a_first_name_that_contradicts_the_text_leaves_no_gender() -> None:
    """ "he" resolved to Jennifer Palmieri: the text and the name disagree, so neither
    wins; where they agree, the text's evidence stays."""
    got = with_first_names(
        [
            q("Jennifer Palmieri", gender=Gender.MALE, evidence="pronouns"),
            q("Donald Trump", gender=Gender.MALE, evidence="honorific"),
        ],
        NAMES,
    )
    assert [(x.speaker.gender, x.speaker.gender_evidence) for x in got if x.speaker] == [
        (Gender.UNKNOWN, CONFLICTING),
        (Gender.MALE, "honorific"),
    ]


def test_a_documents_gender_prefers_the_names_evidence_to_one_pronoun() -> None:
    """One "he" wrongly resolved to a woman the text otherwise calls "she" does not make
    her a man; two pronouns of different genders alone give none."""
    genders = document_genders(
        [
            q("Hillary Clinton", gender=Gender.FEMALE, evidence="pronouns"),
            q("Hillary Clinton", gender=Gender.MALE, evidence="pronoun"),
            q("Chuck Grassley", gender=Gender.FEMALE, evidence="pronoun"),
            q("Chuck Grassley", gender=Gender.MALE, evidence="pronoun"),
            q("Ann Lee"),
        ]
    )
    assert genders == {
        "Hillary Clinton": DocumentGender(Gender.FEMALE, "pronouns"),
        "Chuck Grassley": DocumentGender(Gender.UNKNOWN, None),
        "Ann Lee": DocumentGender(Gender.UNKNOWN, None),
    }


@pytest.mark.parametrize(
    ("votes", "expected"),
    [
        ({("female", "pronouns"): 328, ("male", "pronoun"): 52}, (Gender.FEMALE, "pronouns")),
        ({("female", "pronouns"): 2, ("male", "honorific"): 2}, (Gender.UNKNOWN, None)),
        ({("male", "honorific"): 3, ("male", "pronouns"): 5}, (Gender.MALE, "pronouns")),
        ({("male", FIRST_NAME): 4}, (Gender.MALE, FIRST_NAME)),
        ({("male", FIRST_NAME): 4, ("female", "title"): 1}, (Gender.FEMALE, "title")),
        ({}, (Gender.UNKNOWN, None)),
    ],
)
def test_documents_combine_by_two_thirds(
    votes: dict[tuple[str, str], int], expected: tuple[Gender, str | None]
) -> None:
    """A gender needs two thirds of the documents whose text gives one; first names count
    only where no text does."""
    got = combine_documents(votes)
    assert (got.gender, got.evidence) == expected


def table_of(*documents: list[Quote]) -> SpeakerTable:
    """A speakers table of the documents given."""
    table = SpeakerTable()
    for quotes in documents:
        table.add(quotes)
    return table


def test_the_table_gives_each_person_the_gender_of_its_documents() -> None:
    """Two documents of three say she is a woman: the row is female, by their evidence;
    an organisation has none."""
    table = table_of(
        [q("Ann Lee", gender=Gender.FEMALE, evidence="honorific")],
        [
            q("Ann Lee", gender=Gender.FEMALE, evidence="honorific"),
            q("NATO", SpeakerKind.ORGANIZATION),
        ],
        [q("Ann Lee", gender=Gender.MALE, evidence="pronoun")],
    )
    got = {r.name: (r.gender, r.gender_evidence) for r in table.rows()}
    assert got == {"Ann Lee": (Gender.FEMALE, "honorific"), "NATO": (Gender.UNKNOWN, None)}


def test_the_table_counts_a_document_once_and_adds_up_across_tables() -> None:
    """Ten quotes of one document are one vote: one document against two is outvoted, and
    a table of two halves gives the gender of the whole."""
    first = table_of([q("Ann Lee", gender=Gender.MALE, evidence="pronouns")] * 10)
    second = table_of(
        [q("Ann Lee", gender=Gender.FEMALE, evidence="honorific")],
        [q("Ann Lee", gender=Gender.FEMALE, evidence="honorific")],
    )
    [row] = first.update(second).rows()
    assert (row.gender, row.gender_evidence) == (Gender.FEMALE, "honorific")


def test_rows_with_first_names() -> None:
    """Asked for, the table's rows get the first name's gender where the text gave none
    and lose it where the name contradicts it."""
    table = table_of(
        [q("Sam Lee")],
        [q("Jennifer Palmieri", gender=Gender.MALE, evidence="pronouns")],
    )
    plain = {r.name: r.gender for r in table.rows()}
    named = {r.name: (r.gender, r.gender_evidence) for r in table.rows(first_names=NAMES)}
    assert (plain, named) == (
        {"Sam Lee": Gender.UNKNOWN, "Jennifer Palmieri": Gender.MALE},
        {"Sam Lee": (Gender.MALE, FIRST_NAME), "Jennifer Palmieri": (Gender.UNKNOWN, CONFLICTING)},
    )


def test_id_of_names_the_row_of_a_speaker() -> None:
    """id_of gives the row id of every name the table merged, None for the others."""
    table = table_of([q("Donald J. Trump")], [q("Donald Trump")], [q("Donald Trump")])
    assert [table.id_of(n) for n in ("Donald J. Trump", "Donald Trump", "he", "Obama")] == [
        "donald-trump",
        "donald-trump",
        None,
        None,
    ]


def test_to_dataframe_gives_the_speakers_corpus_id() -> None:
    """to_dataframe(results, speakers=table) fills speaker_id from the table's rows."""
    docs = [
        ("a", [q("Donald J. Trump")]),
        ("b", [q("Donald Trump"), q("he", SpeakerKind.UNKNOWN)]),
        ("c", [q("Donald Trump")]),
    ]
    table = table_of(*(quotes for _, quotes in docs))
    frame = quoteattr.to_dataframe(docs, speakers=table)
    assert frame["speaker_id"].tolist()[:2] == ["donald-trump", "donald-trump"]
    assert frame["speaker_id"].isna().tolist() == [False, False, True, False]


def test_the_speakers_frame_has_one_schema() -> None:
    """The speakers frame has the row columns with SPEAKER_DTYPES, empty or not, from a table
    or from its rows."""
    table = table_of([q("Ann Lee", gender=Gender.FEMALE, evidence="title")], [q("Ann Lee")])
    frame = table.to_dataframe()
    empty = speakers_dataframe([])
    assert {c: str(t) for c, t in frame.dtypes.items()} == SPEAKER_DTYPES
    assert {c: str(t) for c, t in empty.dtypes.items()} == SPEAKER_DTYPES
    assert speakers_dataframe(table).equals(frame)
    assert frame.loc[0, ["name", "quotes", "documents", "gender", "variants"]].tolist() == [
        "Ann Lee",
        2,
        2,
        "female",
        "Ann Lee",
    ]


def test_without_nomquamgender_first_names_raise_e021(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking for the default table without the gender extra is [E021], which says what to
    install."""
    import quoteattr.gender as gender

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    gender._shares.cache_clear()
    try:
        with pytest.raises(QuoteattrError, match=r"\[E021\].*quoteattr\[gender\]"):
            FirstNames.load()
    finally:
        gender._shares.cache_clear()


def test_the_gender_extra_table() -> None:
    """nomquamgender's table: common names are sure, "Kim" and "Jean" are not, and names
    seen too seldom are left out."""
    table = FirstNames.load()
    got = {n: table.gender(n) for n in ("hillary", "donald", "bernie", "kim", "jean", "reince")}
    assert got == {
        "hillary": Gender.FEMALE,
        "donald": Gender.MALE,
        "bernie": Gender.UNKNOWN,
        "kim": Gender.UNKNOWN,
        "jean": Gender.UNKNOWN,
        "reince": Gender.UNKNOWN,
    }


@pytest.mark.model
def test_extracted_quotes_with_first_names(nlp: Any) -> None:
    """On a parsed text: a speaker the text says nothing of gets a gender from the extra's
    table, one it names with "Ms." keeps hers."""
    text = "“We will win,” Michael Okafor said. “We will see,” Ms. Ruiz said."
    quotes = with_first_names(quoteattr.extract(text, nlp=nlp))
    got = [
        (x.speaker.name, x.speaker.gender, x.speaker.gender_evidence) for x in quotes if x.speaker
    ]
    assert got == [
        ("Michael Okafor", Gender.MALE, FIRST_NAME),
        ("Ruiz", Gender.FEMALE, "honorific"),
    ]
