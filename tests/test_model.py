"""Value objects: validation, round trips, immutability."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

from quoteattr import (
    SCHEMA_VERSION,
    Cue,
    CueCategory,
    Quote,
    QuoteattrError,
    QuoteKind,
    Rule,
    Speaker,
    SpeakerKind,
    TextSpan,
)

TEXT = "“A,” he said, “B.”"


def make_quote(**changes: object) -> Quote:
    fields: dict[str, object] = {
        "kind": QuoteKind.DIRECT,
        "text": TEXT,
        "start": 0,
        "end": len(TEXT),
        "parts": ((0, 4), (14, 18)),
        "cue": Cue("said", 8, 12, "say", CueCategory.SPEECH),
        "speaker": Speaker("he", SpeakerKind.PERSON, TextSpan("he", 5, 7)),
        "confidence": 0.9,
        "sentence": 0,
        "paragraph": 0,
        "fragments": (),
    }
    fields.update(changes)
    return Quote(**fields)  # type: ignore[arg-type]


def test_round_trip_is_exact() -> None:
    """from_dict(to_dict(q)) == q."""
    q = make_quote(fragments=(TextSpan("“B.”", 14, 18),))
    assert Quote.from_dict(q.to_dict()) == q


def test_dict_has_schema_and_documented_keys() -> None:
    """The dict carries the schema version and the keys other programs rely on."""
    d = make_quote().to_dict()
    assert d["schema"] == SCHEMA_VERSION
    assert d["parts"] == [[0, 4], [14, 18]]
    assert d["cue"] == {"text": "said", "start": 8, "end": 12, "lemma": "say", "category": "speech"}
    assert d["speaker"] == {
        "name": "he",
        "kind": "person",
        "role": None,
        "organization": None,
        "mention": {"text": "he", "start": 5, "end": 7},
        "gender": "unknown",
        "gender_evidence": None,
    }


def test_rule_is_serialized_and_read_back() -> None:
    """A quote's rule is written as its value under "rule" and read back as the enum."""
    q = make_quote(rule=Rule.GOVERNOR)
    d = q.to_dict()
    assert (d["schema"], d["rule"], Quote.from_dict(d)) == (2, "governor", q)


def test_version_1_dict_is_read_without_a_rule() -> None:
    """A dict written before "rule" existed (schema 1) still reads, with no rule."""
    d = make_quote(rule=Rule.CCOMP).to_dict()
    del d["rule"]
    d["schema"] = 1
    assert Quote.from_dict(d) == make_quote(rule=None)


def test_unknown_rule_is_e003() -> None:
    """A rule that is not a Rule value is bad quote data, named in the message."""
    d = make_quote().to_dict()
    d["rule"] = "guesswork"
    with pytest.raises(QuoteattrError, match=r"\[E003\].*'guesswork'"):
        Quote.from_dict(d)


def test_round_trip_without_cue_and_speaker() -> None:
    """A quote with no cue and no speaker serializes them as null and reads them back."""
    q = make_quote(cue=None, speaker=None)
    assert q.to_dict()["cue"] is None
    assert Quote.from_dict(q.to_dict()) == q


def test_part_texts_and_content() -> None:
    """part_texts slices the envelope; content joins the parts."""
    q = make_quote()
    assert q.part_texts == ("“A,”", "“B.”")
    assert q.content == "“A,” “B.”"


def test_frozen() -> None:
    """Quotes cannot be changed in place."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        make_quote().start = 3  # type: ignore[misc]


def test_pickle_and_hash() -> None:
    """Quotes pickle and hash as plain values."""
    q = make_quote()
    assert pickle.loads(pickle.dumps(q)) == q
    assert hash(copy.deepcopy(q)) == hash(q)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"parts": ((0, 40),)}, "outside the quote"),
        ({"parts": ()}, "at least one part"),
        ({"parts": ((14, 18), (0, 4))}, "text order"),
        ({"confidence": 1.5}, "not in [0, 1]"),
        ({"end": 5}, "offsets span"),
    ],
)
def test_validation(changes: dict[str, object], message: str) -> None:
    """Inconsistent offsets, parts or confidence raise a coded error."""
    with pytest.raises(QuoteattrError, match=r"\[E003\].*" + message.replace("[", r"\[")):
        make_quote(**changes)


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda d: d.pop("kind"), "E003"),
        (lambda d: d.update(kind="quoted"), "E003"),
        (lambda d: d.update(schema=99), "E004"),
        (lambda d: d["speaker"].update(kind="alien"), "E003"),
        (lambda d: d.update(parts=[[0]]), "E003"),
    ],
)
def test_from_dict_bad_data(mutate: object, code: str) -> None:
    """Bad dicts name what is wrong with a coded error."""
    d = make_quote().to_dict()
    mutate(d)  # type: ignore[operator]
    with pytest.raises(QuoteattrError, match=rf"\[{code}\]"):
        Quote.from_dict(d)


def test_text_span_checks_text_length() -> None:
    """A TextSpan whose text does not fit its offsets is refused."""
    with pytest.raises(QuoteattrError, match="E003"):
        TextSpan("abc", 0, 2)
