"""Filters by profile in the API (Quotes.filter(profile=...)), extract_many(profile=...) and the
command line's filter options."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Profile, QuoteattrError, Quotes
from quoteattr.cli import main
from quoteattr.core import profiles
from quoteattr.extract import extract_doc
from quoteattr.model.quotes import _CLAUSAL, _QUESTION, _SAID
from tests.conftest import build_doc
from tests.test_direct import INTERRUPTED_ROWS
from tests.test_profiles import reported


def test_the_filter_reads_the_profiles_own_lists() -> None:
    """The rules, cue categories and question words filter(profile=) uses are the ones the
    quotes profile uses in the core."""
    assert (_CLAUSAL, _SAID, _QUESTION) == (
        profiles._CLAUSAL,
        profiles._SAID,
        profiles._QUESTION,
    )


@pytest.mark.parametrize(
    "doc",
    [
        build_doc("“We won,” he said. “We will.”", INTERRUPTED_ROWS),
        reported("said", "say"),
        reported("thinks", "think"),
        reported("asked", "ask", mark="whether"),
    ],
    ids=["interrupted", "speech", "belief", "question"],
)
def test_filtering_claims_gives_what_the_quotes_profile_finds(doc: Any) -> None:
    """filter(profile="quotes") of the claims gives the quotes profile's quotes: a direct
    quote split at its marks, a said clause kept, a belief and a question dropped."""
    claims = Quotes(extract_doc(doc))
    found = extract_doc(doc, profile="quotes")
    filtered = claims.filter(profile="quotes")
    assert [(q.text, q.start, q.parts, q.attribution) for q in filtered] == [
        (q.text, q.start, q.parts, q.attribution) for q in found
    ]


def test_a_negated_cue_is_the_filters_one_difference() -> None:
    """ "He did not say it rained" is no quote, but only the parse says the cue is negated:
    the filter keeps it."""
    doc = reported("say", "say", neg=True)
    assert extract_doc(doc, profile="quotes") == []
    assert [q.content for q in Quotes(extract_doc(doc)).filter(profile="quotes")] == ["it rained"]


def test_split_parts_keep_what_their_fields_tell() -> None:
    """A split part keeps the speaker, cue, rule and attribution; a later part has no
    sentence, and the paragraph counts the line breaks before it."""
    text = "“We won,” he said.\n\n“We will.”"
    q = quoteattr.Quote(
        kind=quoteattr.QuoteKind.DIRECT,
        text=text,
        start=0,
        end=len(text),
        parts=((0, 9), (20, 30)),
        sentence=0,
        paragraph=3,
        attribution=7,
        context=quoteattr.TextSpan(text[:18], 0, 18),
    )
    first, second = Quotes([q]).filter(profile=Profile.QUOTES)
    assert [(p.text, p.sentence, p.paragraph, p.attribution) for p in (first, second)] == [
        ("“We won,”", 0, 3, 7),
        ("“We will.”", None, 4, 7),
    ]
    assert (first.context, second.context) == (q.context, None)


def test_claims_profile_keeps_every_quote_and_a_bad_one_is_e020() -> None:
    """profile="claims" filters nothing; an unknown profile is [E020]."""
    quotes = Quotes(extract_doc(reported("thinks", "think")))
    assert quotes.filter(profile="claims") == quotes
    with pytest.raises(QuoteattrError, match=r"\[E020\] Quotes\.filter\(profile="):
        quotes.filter(profile="quips")


@pytest.mark.model
def test_extract_many_takes_a_profile(nlp: Any) -> None:
    """extract_many(profile="quotes") over a pipeline whose component extracts claims gives
    what extract(profile="quotes") gives."""
    text = "“We won,” he said. “We will.”\n\nShe thinks it rained."
    [(_, got)] = list(quoteattr.extract_many([("a", text)], nlp=nlp, profile="quotes"))
    [(_, claims)] = list(quoteattr.extract_many([("a", text)], nlp=nlp))
    assert isinstance(got, list) and isinstance(claims, list)
    assert got == quoteattr.extract(text, nlp=nlp, profile="quotes")
    assert ([q.content for q in got], len(claims)) == (["“We won,”", "“We will.”"], 2)


@pytest.mark.model
def test_extract_many_with_the_components_own_profile_uses_its_quotes() -> None:
    """A component configured for quotes gives extract_many its quotes (its profile is the
    default), and claims when asked for them."""
    own = quoteattr.pipelines.load_pipeline()
    own.add_pipe("quoteattr", config={"profile": "quotes"})
    text = "“We won,” he said. “We will.”\n\nShe thinks it rained."
    [(_, quotes)] = list(quoteattr.extract_many([("a", text)], nlp=own))
    [(_, claims)] = list(quoteattr.extract_many([("a", text)], nlp=own, profile="claims"))
    assert isinstance(quotes, list) and isinstance(claims, list)
    assert [len(quotes), len(claims)] == [2, 2]
    assert [q.content for q in claims] == ["“We won,” “We will.”", "it rained"]


def run_extract(tmp_path: Path, *options: str) -> list[dict[str, Any]]:
    """Runs ``quoteattr extract`` on a small text with the options; its JSONL records."""
    src = tmp_path / "a.txt"
    src.write_text(
        "“We won,” Ann Lee said. “We will.”\n\nOfficials think it rained.\n\n"
        "The agency said that taxes would fall.",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--format", "jsonl", "-o", str(out), *options]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.model
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), ["direct", "indirect", "indirect"]),
        (("--kinds", "direct"), ["direct"]),
        (("--categories", "belief"), ["indirect"]),
        (("--speaker-kinds", "unnamed"), ["indirect", "indirect"]),
        (("--min-confidence", "0.9"), ["direct"]),
        (("--profile", "quotes"), ["direct", "direct", "indirect"]),
        (("--profile", "quotes", "--kinds", "indirect"), ["indirect"]),
    ],
)
def test_extract_filters(tmp_path: Path, options: tuple[str, ...], expected: list[str]) -> None:
    """Each filter option keeps the quotes that pass it; --profile extracts with the
    profile."""
    [record] = run_extract(tmp_path, *options)
    assert [q["kind"] for q in record["quotes"]] == expected


@pytest.mark.model
def test_extract_first_names(tmp_path: Path) -> None:
    """--first-names gives the speaker the text says nothing of its first name's gender."""
    [plain] = run_extract(tmp_path)
    [named] = run_extract(tmp_path, "--first-names")
    first = named["quotes"][0]["speaker"]
    assert (first["gender"], first["gender_evidence"]) == ("female", "first name")
    assert plain["quotes"][0]["speaker"]["gender"] == "unknown"


def test_a_bad_filter_value_stops_before_any_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--kinds direkt is [E020] and exit status 2, with no output written."""
    out = tmp_path / "out.jsonl"
    assert main(["extract", "missing.txt", "--kinds", "direkt", "-o", str(out)]) == 2
    assert "[E020]" in capsys.readouterr().err
    assert not out.exists()
