"""Made-up articles in the styles of outlets the development set does not have
(``tests/data/styles``): what quoteattr once got wrong in such news, on the default pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Quote

STYLES = Path(__file__).parent / "data" / "styles"

pytestmark = pytest.mark.model


def quotes_of(name: str, nlp: Any, profile: str = "quotes") -> list[Quote]:
    return quoteattr.extract((STYLES / name).read_text(encoding="utf-8"), nlp=nlp, profile=profile)


def speaker_of(quotes: list[Quote], words: str) -> tuple[str | None, str | None]:
    """(name, role) of the speaker of the one quote whose text holds ``words``."""
    [q] = [q for q in quotes if words in q.text]
    return (q.speaker.name, q.speaker.role) if q.speaker is not None else (None, None)


def test_a_video_link_and_an_advertisement_between_quotes(nlp: Any) -> None:
    """Global News style: "Click to play video: '...'" after a quote is no part of it, and
    "Story continues below advertisement" no cue; each quotation is its speaker's."""
    quotes = quotes_of("canadian-housing.txt", nlp)
    assert not [q for q in quotes if "Tenants rally" in q.text]
    assert speaker_of(quotes, "This is about keeping") == ("Paula Kaminski", "Housing Minister")
    assert speaker_of(quotes, "Ottawa needs to step up") == ("Don Fairfield", "Premier")
    assert speaker_of(quotes, "rent control on units") == ("Jessie Bellamy", "housing critic")


def test_abbreviated_police_and_council_titles(nlp: Any) -> None:
    """ "Const. Dana McKenzie", "Coun. Cindy Gill": the title is the speaker's role, and the
    sentence does not break after it."""
    quotes = quotes_of("canadian-police.txt", nlp)
    assert speaker_of(quotes, "not a random attack") == ("Dana McKenzie", "Const.")
    assert speaker_of(quotes, "deserve to feel safe") == ("Cindy Gill", "Coun.")


def test_paragraphs_of_quotation_after_a_speaker_with_a_description(nlp: Any) -> None:
    """Guardian style: "The NTU's general secretary, Daniel Kerr, said ..." then two
    paragraphs of quotation (the first left open) are his; a photograph credit is no quote;
    the Department for Schools is named in full."""
    quotes = quotes_of("british-strike.txt", nlp)
    assert speaker_of(quotes, "Our members have been patient")[0] == "Daniel Kerr"
    assert speaker_of(quotes, "Ministers now have a choice")[0] == "Daniel Kerr"
    assert not [q for q in quotes if "Kingsley" in q.text]
    assert speaker_of(quotes, '"disappointed"')[0] == "Department for Schools"


def test_a_bylines_writer_is_no_antecedent(nlp: Any) -> None:
    """ "By Priya Sharma" opens the column: the mayor's "she said" is not the writer's."""
    quotes = quotes_of("column-transit.txt", nlp)
    assert speaker_of(quotes, "We are building the transit system")[0] != "Priya Sharma"
    assert "Priya Sharma" not in {q.speaker.name for q in quotes if q.speaker is not None}
