"""The writer's "I": bylines (author_name), with_author, and the author of input records."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from spacy.language import Language
from spacy.tokens import Doc

import quoteattr
from quoteattr import QuoteattrError, QuoteKind, Speaker, SpeakerKind, TextSpan
from quoteattr.batch import extract_many
from quoteattr.core.bylines import author_name, with_author
from quoteattr.io import read_inputs
from quoteattr.model import Quote


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("BY ANDREW ROSS SORKIN", "Andrew Ross Sorkin"),
        ("JAMES B. STEWART", "James B. Stewart"),
        ("By Jane Doe", "Jane Doe"),
        ("by: Jane Doe", "Jane Doe"),
        ("Heidi M. Przybyla, USA TODAY", "Heidi M. Przybyla"),
        ("Gregory Korte, @gregorykorte, USA TODAY", "Gregory Korte"),
        ("By EDUARDO PORTER. Email: eporter@nytimes.com,Twitter: @portereduardo", "Eduardo Porter"),
        (["Jane Doe"], "Jane Doe"),
        (("Jane Doe",), "Jane Doe"),
        ("Jane Doe and John Roe", None),
        ("ASHLEY PARKER and MAGGIE HABERMAN", None),
        ("Anne Gearan,Dan Balz", None),
        (["Jane Doe", "John Roe"], None),
        ("AP", None),
        ("Breitbart News", None),
        ("By Reuters Staff", None),
        ("", None),
        ([], None),
        (None, None),
    ],
)
def test_author_name(byline: Any, name: str | None) -> None:
    assert author_name(byline) == name


@pytest.mark.parametrize(
    ("author", "got"), [(3, "not int"), (["Jane Doe", 3], "not a list holding a int")]
)
def test_author_of_another_type_is_e018(author: Any, got: str) -> None:
    with pytest.raises(QuoteattrError, match=rf"\[E018\] .*{got}"):
        author_name(author)


def _said(text: str, mention: str, nth: int = 0, kind: SpeakerKind = SpeakerKind.UNKNOWN) -> Quote:
    """An indirect quote, "it", whose speaker is the ``nth`` ``mention`` of ``text``."""
    at = [m.start() for m in re.finditer(rf"\b{mention}\b", text)][nth]
    content = text.index("it", at)
    name = "Ann Lee" if kind == SpeakerKind.PERSON else mention
    speaker = Speaker(name, kind, TextSpan(mention, at, at + len(mention)))
    return Quote(
        QuoteKind.INDIRECT, "it", content, content + 2, ((content, content + 2),), None, speaker
    )


def _names(text: str, quotes: list[Quote], author: Any) -> list[tuple[str, str]]:
    out = []
    for q in with_author(text, quotes, author):
        assert q.speaker is not None
        out.append((q.speaker.name, q.speaker.kind.value))
    return out


COLUMN = "Why we lose.\n\nI said it. She told me “I knew it.” Then I wrote it."


def test_the_i_outside_quotations_is_the_writer() -> None:
    quotes = [_said(COLUMN, "I", 0), _said(COLUMN, "I", 1), _said(COLUMN, "I", 2)]
    assert _names(COLUMN, quotes, "BY JANE DOE") == [
        ("Jane Doe", "person"),
        ("I", "unknown"),  # inside quote marks: the quoted speaker's
        ("Jane Doe", "person"),
    ]
    writer = with_author(COLUMN, quotes, "Jane Doe")[0].speaker
    assert writer is not None and writer.mention == quotes[0].speaker.mention  # type: ignore[union-attr]


def test_with_author_leaves_resolved_speakers_and_bylines_of_no_one_writer() -> None:
    resolved = [_said(COLUMN, "I", 0, SpeakerKind.PERSON)]
    assert _names(COLUMN, resolved, "Jane Doe") == [("Ann Lee", "person")]
    unresolved = [_said(COLUMN, "I", 0)]
    assert _names(COLUMN, unresolved, None) == [("I", "unknown")]
    assert _names(COLUMN, unresolved, "Jane Doe and John Roe") == [("I", "unknown")]


def test_the_i_of_a_headline_is_the_person_it_is_about() -> None:
    text = "Lee: I said it\n\nLee spoke on Monday."
    assert _names(text, [_said(text, "I")], "Jane Doe") == [("I", "unknown")]


@pytest.mark.parametrize(
    "text",
    [
        "Talks.\n\n“We won, and I said it many times.\n\nThen we left.",  # never closed
        "Talks.\n\nWe won, and I said it.” Then we left.",  # never opened
    ],
    ids=["unclosed", "unopened"],
)
def test_an_i_inside_a_quotation_missing_a_mark_is_not_the_writer(text: str) -> None:
    assert _names(text, [_said(text, "I")], "Jane Doe") == [("I", "unknown")]


@pytest.mark.parametrize(
    "text",
    [
        "Interview.\n\nQ: What did you do?\n\nA: I said it.",
        "Transcript.\n\nTAPPER: What did you do?\n\nFALLIN: Well, I said it.",
    ],
    ids=["q-and-a", "transcript"],
)
def test_the_i_of_an_interview_is_whoever_speaks(text: str) -> None:
    assert _names(text, [_said(text, "I")], "Jane Doe") == [("I", "unknown")]


def test_section_labels_are_no_transcript() -> None:
    text = "Roasts.\n\nABSTRACT.\n\nRoasts.\n\nFULL TEXT.\n\nI said it."
    assert _names(text, [_said(text, "I")], "Jane Doe") == [("Jane Doe", "person")]


def test_jsonl_author_is_read_from_the_record_or_its_meta(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows: list[dict[str, Any]] = [
        {"id": "a", "text": "x", "author": "By Jane Doe"},
        {"id": "b", "text": "x", "meta": {"author": ["Jane Doe"]}},
        {"id": "c", "text": "x", "meta": "not an object"},
        {"id": "d", "text": "x", "author": 3},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    a, b, c, d = read_inputs([str(path)])
    assert (a.author, b.author, c.author) == ("By Jane Doe", ["Jane Doe"], None)
    assert d.text is None and d.error is not None
    assert d.error.startswith("[E006]") and "line 4" in d.error and "'author' is a int" in d.error


TEXT = "Editors met on Monday.\n\nThe plan will fail, I told the board on Monday."


@pytest.mark.model
def test_extract_takes_the_author(nlp: Any) -> None:
    [quote] = quoteattr.extract(TEXT, nlp=nlp, author="By JANE DOE")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert (quote.speaker.name, quote.speaker.mention.text) == ("Jane Doe", "I")
    [quote] = quoteattr.extract(TEXT, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "I"


@pytest.mark.model
def test_extract_many_takes_each_records_author(nlp: Any) -> None:
    records: list[Any] = [
        {"id": "a", "text": TEXT, "author": "Jane Doe"},
        {"id": "b", "text": TEXT},
        {"id": "c", "text": TEXT, "author": {"name": "Jane Doe"}},
    ]
    (_, a), (_, b), (_, c) = extract_many(records, nlp=nlp)
    assert not isinstance(a, Exception) and not isinstance(b, Exception)
    assert [q.speaker.name for q in a] == ["Jane Doe"]  # type: ignore[union-attr]
    assert [q.speaker.name for q in b] == ["I"]  # type: ignore[union-attr]
    assert isinstance(c, QuoteattrError)
    assert "[E014] Record c: 'author' is a dict" in str(c)


def test_with_author_scores_a_named_quote_again() -> None:
    """A quote whose "I" the byline names is scored again with the model given, as
    extract_doc scores it after naming the writer; the others keep their confidence."""
    quotes = [_said(COLUMN, "I", 0), _said(COLUMN, "I", 1)]
    quotes = [attrs.evolve(q, confidence=0.3) for q in quotes]

    def rescore(quote: Quote) -> float:
        assert quote.speaker is not None
        return 0.8 if quote.speaker.kind == SpeakerKind.PERSON else 0.1

    named, quoted = with_author(COLUMN, quotes, "Jane Doe", rescore)
    assert (named.confidence, quoted.confidence) == (0.8, 0.3)
    assert with_author(COLUMN, quotes, "Jane Doe")[0].confidence == 0.3


@Language.component("test_author_after_quoteattr")
def _after_quoteattr(doc: Doc) -> Doc:
    return doc


@pytest.mark.model
def test_extract_many_scores_the_writers_quotes_as_extract_does(nlp: Any) -> None:
    """extract_many's quotes are extract's, confidence included, for a record with a
    byline: with the component last (its quotes found with the byline), with a component
    after it (its quotes named after it ran), and for a text read in chunks."""
    expected = [q.to_dict() for q in quoteattr.extract(TEXT, nlp=nlp, author="Jane Doe")]
    assert expected[0]["speaker"]["name"] == "Jane Doe"
    (_, got), *_ = extract_many([{"id": "a", "text": TEXT, "author": "Jane Doe"}], nlp=nlp)
    assert not isinstance(got, Exception)
    assert [q.to_dict() for q in got] == expected
    other = pickle.loads(pickle.dumps(nlp))
    other.add_pipe("test_author_after_quoteattr", last=True)
    (_, got), *_ = extract_many([{"id": "a", "text": TEXT, "author": "Jane Doe"}], nlp=other)
    assert not isinstance(got, Exception)
    assert [q.to_dict() for q in got] == expected


@pytest.mark.model
def test_a_chunked_record_gives_the_quotes_of_the_whole_one(
    nlp: Any, small_max_length: Any
) -> None:
    """A record read in chunks gives the quotes it gives read whole, every field alike: its
    "I" named once the chunks are joined, and scored again; each quote scored on its place in
    the whole text (a chunk's first paragraph is no headline); contexts at offsets into the
    whole text; speech events numbered on over the chunks, not from 0 in each."""
    text = "\n\n".join([TEXT, *["Editors met again on a later day to talk it over."] * 12])
    assert len(text) > 400  # the premise: the fixture's max_length makes it chunks
    ((_, many),) = extract_many([{"id": "a", "text": text, "author": "Jane Doe"}], nlp=nlp)
    assert not isinstance(many, Exception)
    chunked = quoteattr.extract(text, nlp=nlp, author="Jane Doe")
    saved, nlp.max_length = nlp.max_length, 10**6
    try:
        whole = [q.to_dict() for q in quoteattr.extract(text, nlp=nlp, author="Jane Doe")]
    finally:
        nlp.max_length = saved
    assert whole[0]["speaker"]["name"] == "Jane Doe" and len(whole) > 8
    assert len({q["attribution"] for q in whole}) == len(whole)
    assert [q.to_dict() for q in many] == whole
    assert [q.to_dict() for q in chunked] == whole
