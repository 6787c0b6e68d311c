"""The Quotes list and the value objects' reprs: filter(), to_dataframe(), one-line reprs."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

import quoteattr
from quoteattr import (
    Cue,
    CueCategory,
    Quote,
    QuoteattrError,
    QuoteKind,
    Quotes,
    Rule,
    Speaker,
    SpeakerEntity,
    SpeakerKind,
    TextSpan,
)

# A long article sentence: the repr of its quote must still fit on one line.
TEXT = (
    "“We have to win the peace,” Jens Stoltenberg told reporters. Diplomats said France and "
    "Germany were showing more openness to a bigger mission, after months in which they had "
    "refused to discuss it at all."
)
PEACE = Quote(
    kind=QuoteKind.DIRECT,
    text=TEXT[0:27],
    start=0,
    end=27,
    parts=((0, 27),),
    cue=Cue("told", 45, 49, "tell", CueCategory.SPEECH),
    speaker=Speaker(
        "Jens Stoltenberg",
        SpeakerKind.PERSON,
        TextSpan("Jens Stoltenberg", 28, 44),
        role="Secretary-General",
        organization="NATO",
    ),
    confidence=0.95,
    rule=Rule.GOVERNOR,
)
OPENNESS = Quote(
    kind=QuoteKind.INDIRECT,
    text=TEXT[75:],
    start=75,
    end=len(TEXT),
    parts=((75, len(TEXT)),),
    cue=Cue("said", 70, 74, "say", CueCategory.SPEECH),
    speaker=Speaker("Diplomats", SpeakerKind.UNNAMED, TextSpan("Diplomats", 60, 69)),
    confidence=0.6,
    rule=Rule.CCOMP,
)
BELIEF = Quote(
    kind=QuoteKind.MIXED,
    text=TEXT[75:110],
    start=75,
    end=110,
    parts=((75, 110),),
    cue=Cue("said", 70, 74, "say", CueCategory.BELIEF),
    speaker=Speaker("Diplomats", SpeakerKind.UNNAMED),
    confidence=0.3,
    rule=Rule.CCOMP,
)
BARE = Quote(kind=QuoteKind.DIRECT, text=TEXT[0:27], start=0, end=27, parts=((0, 27),))
ALL = Quotes([PEACE, OPENNESS, BELIEF, BARE])


# ---------------------------------------------------------------------------------------------
# filter


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [PEACE, OPENNESS, BELIEF, BARE]),
        ({"kinds": "direct"}, [PEACE, BARE]),
        ({"kinds": QuoteKind.MIXED}, [BELIEF]),
        ({"kinds": ["indirect", QuoteKind.MIXED]}, [OPENNESS, BELIEF]),
        ({"categories": "speech"}, [PEACE, OPENNESS]),
        ({"categories": {"belief", "writing"}}, [BELIEF]),
        ({"speaker_kinds": "unnamed"}, [OPENNESS, BELIEF]),
        ({"speaker_kinds": ("person", "unknown")}, [PEACE]),
        ({"min_confidence": 0.6}, [PEACE, OPENNESS, BARE]),
        ({"min_confidence": 1}, [BARE]),
        ({"rules": "ccomp"}, [OPENNESS, BELIEF]),
        ({"rules": [Rule.GOVERNOR]}, [PEACE]),
        ({"kinds": ("direct", "indirect"), "min_confidence": 0.9}, [PEACE, BARE]),
        ({"categories": "speech", "speaker_kinds": "unnamed"}, [OPENNESS]),
    ],
    ids=[
        "none",
        "kind-str",
        "kind-enum",
        "kinds-list",
        "category",
        "categories-set",
        "speaker-kind",
        "speaker-kinds-no-speaker-dropped",
        "min-confidence",
        "min-confidence-int",
        "rule",
        "rules-enum",
        "kinds-and-confidence",
        "category-and-speaker",
    ],
)
def test_filter_keeps_the_quotes_that_pass_every_filter(
    filters: dict[str, Any], expected: list[Quote]
) -> None:
    """Each filter takes a value or a collection; together they all must hold."""
    assert ALL.filter(**filters) == expected


def test_filter_returns_quotes() -> None:
    """filter() gives a new Quotes list (it shows as a table, it filters again) and leaves
    the original alone."""
    kept = ALL.filter(kinds="direct")
    assert (type(kept), len(ALL), kept.filter(min_confidence=0.5)) == (Quotes, 4, [PEACE, BARE])


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"kinds": "direkt"}, "kinds=...): 'direkt' is not one of 'direct', 'indirect', 'mixed'"),
        ({"kinds": ["direct", "quote"]}, "kinds=...): 'quote' is not one of"),
        ({"categories": "said"}, "categories=...): 'said' is not one of 'speech'"),
        ({"speaker_kinds": SpeakerKind.PERSON.value + "s"}, "speaker_kinds=...): 'persons'"),
        ({"speaker_kinds": "direct"}, "speaker_kinds=...): 'direct' is not one of 'person'"),
        ({"rules": "parse"}, "rules=...): 'parse' is not one of 'governor'"),
        ({"kinds": 3}, "kinds=...): got 3"),
        ({"min_confidence": 1.5}, "min_confidence=...): 1.5 is not a number in [0, 1]"),
        ({"min_confidence": "high"}, "min_confidence=...): 'high' is not a number in [0, 1]"),
        ({"min_confidence": True}, "min_confidence=...): True is not a number in [0, 1]"),
    ],
    ids=[
        "kind",
        "kind-in-list",
        "category",
        "speaker-kind",
        "other-enum",
        "rule",
        "not-a-value",
        "confidence-range",
        "confidence-type",
        "confidence-bool",
    ],
)
def test_filter_names_a_bad_value_with_e019(filters: dict[str, Any], message: str) -> None:
    """A value that is not one of its enum raises [E020] naming the argument and the value."""
    with pytest.raises(QuoteattrError, match=r"^\[E020\] Quotes\.filter\(" + re.escape(message)):
        ALL.filter(**filters)


def test_filter_arguments_are_keyword_only() -> None:
    """filter("direct") is refused: which filter a bare value means is not guessed."""
    with pytest.raises(TypeError):
        ALL.filter("direct")  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------
# to_dataframe


def test_to_dataframe_is_quoteattr_to_dataframe() -> None:
    """Quotes.to_dataframe(doc_id=...) gives the frame of quoteattr.to_dataframe."""
    pd.testing.assert_frame_equal(
        ALL.to_dataframe(doc_id="d"), quoteattr.to_dataframe(list(ALL), doc_id="d")
    )


def test_filter_then_to_dataframe() -> None:
    """The filtered quotes make the frame's rows."""
    frame = ALL.filter(kinds="direct").to_dataframe()
    assert (frame["speaker"].tolist(), frame["quote_index"].tolist()) == (
        ["Jens Stoltenberg", pd.NA],
        [0, 1],
    )


# ---------------------------------------------------------------------------------------------
# reprs


def test_quote_repr_is_one_short_line() -> None:
    """A Quote's repr gives kind, speaker, cue, text, offsets and confidence on one line."""
    assert repr(PEACE) == (
        "Quote(direct, 'Jens Stoltenberg' [told] “We have to win the peace,” 0-27, conf 0.95)"
    )


def test_long_quote_repr_is_cut() -> None:
    """A long quote's text is cut with "…", and its repr stays under 130 characters."""
    shown = repr(OPENNESS)
    assert (shown, len(shown) < 130) == (
        "Quote(indirect, 'Diplomats' [said] France and Germany were showing more openness to a "
        "bigger m… 75-203, conf 0.60)",
        True,
    )


def test_repr_without_speaker_or_cue() -> None:
    """A quote without speaker or cue says so."""
    assert repr(BARE) == "Quote(direct, no speaker “We have to win the peace,” 0-27, conf 1.00)"


def test_repr_of_a_multi_line_quote_is_one_line() -> None:
    """Line breaks inside the quote's text become spaces."""
    text = "“One.\n\n“Two.”"
    quote = Quote(kind=QuoteKind.DIRECT, text=text, start=0, end=len(text), parts=((0, 13),))
    assert "\n" not in repr(quote)


def test_speaker_cue_and_span_reprs() -> None:
    """Speaker, Cue and TextSpan have short one-line reprs, None fields left out."""
    assert [
        repr(PEACE.speaker),
        repr(BELIEF.speaker),
        repr(PEACE.cue),
        repr(TextSpan("he", 3, 5)),
    ] == [
        "Speaker('Jens Stoltenberg', person, mention 'Jens Stoltenberg' 28-44, "
        "role 'Secretary-General', org 'NATO')",
        "Speaker('Diplomats', unnamed)",
        "Cue('told', 45-49, tell, speech)",
        "TextSpan('he', 3-5)",
    ]


def test_speaker_entity_repr_counts_instead_of_listing() -> None:
    """A SpeakerEntity's repr counts its mentions and quotes rather than printing them."""
    entity = SpeakerEntity(
        "Jens Stoltenberg",
        SpeakerKind.PERSON,
        organization="NATO",
        mentions=(TextSpan("Jens Stoltenberg", 28, 44),),
        quotes=(PEACE, PEACE),
    )
    assert repr(entity) == (
        "SpeakerEntity('Jens Stoltenberg', person, org 'NATO', 1 mention, 2 quotes)"
    )


def test_quotes_repr_is_a_list_of_short_lines() -> None:
    """A Quotes list shows as a list of the quotes' short reprs."""
    assert repr(Quotes([PEACE, BARE])) == f"[{PEACE!r}, {BARE!r}]"
