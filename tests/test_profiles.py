"""Profiles on hand-built Docs: what counts as a quote under ``claims`` and ``quotes``."""

from __future__ import annotations

from typing import Any

import pytest

import quoteattr
from quoteattr import Profile, QuoteattrError
from quoteattr.evaluate.views import quotes_view
from quoteattr.extract import extract_doc
from quoteattr.model import CueCategory, Quote
from tests.conftest import build_doc
from tests.test_direct import INTERRUPTED_ROWS

P = "PUNCT"


def texts(quotes: list[Quote]) -> list[str]:
    """The content of each quote."""
    return [q.content for q in quotes]


def test_claims_keep_one_speech_event_as_one_quote() -> None:
    """“We won,” he said. “We will.” is one claim with two parts."""
    doc = build_doc("“We won,” he said. “We will.”", INTERRUPTED_ROWS)
    [q] = extract_doc(doc)
    assert (q.part_texts, q.attribution) == (("“We won,”", "“We will.”"), 0)


def test_quotes_count_each_pair_of_marks_with_a_shared_attribution() -> None:
    """Under ``quotes`` the same text is two quotes of one attribution, one speaker."""
    doc = build_doc("“We won,” he said. “We will.”", INTERRUPTED_ROWS)
    quotes = extract_doc(doc, profile=Profile.QUOTES)
    assert texts(quotes) == ["“We won,”", "“We will.”"]
    assert [q.attribution for q in quotes] == [0, 0]
    assert [q.speaker == quotes[0].speaker for q in quotes] == [True, True]


def reported(verb: str, lemma: str, *, neg: bool = False, mark: str | None = None) -> Any:
    """ "He [did not] <verb> [whether] it rained." with its parse."""
    rows: list[tuple[Any, ...]] = [("He", 3 if neg else 1, "nsubj", "PRON")]
    text = "He "
    if neg:
        rows += [("did", 3, "aux", "AUX", "do"), ("not", 3, "neg", "PART")]
        text += "did not "
    v = len(rows)
    rows.append((verb, v, "ROOT", "VERB", lemma))
    text += verb + " "
    clause = v + (3 if mark else 2)
    if mark:
        rows.append((mark, clause, "mark", "SCONJ"))
        text += mark + " "
    rows += [("it", clause, "nsubj", "PRON"), ("rained", v, "ccomp", "VERB", "rain")]
    rows.append((".", v, "punct", P))
    text += "it rained."
    return build_doc(text, rows)


@pytest.mark.parametrize(
    ("doc", "claims", "quotes"),
    [
        (reported("said", "say"), ["it rained"], ["it rained"]),
        (reported("thinks", "think"), ["it rained"], []),
        (reported("say", "say", neg=True), ["it rained"], []),
        (reported("asked", "ask", mark="whether"), ["whether it rained"], []),
    ],
    ids=["speech", "belief", "negated", "question"],
)
def test_quotes_keep_only_said_clauses(doc: Any, claims: list[str], quotes: list[str]) -> None:
    """A belief, a negated cue and an indirect question are claims, not quotes."""
    assert texts(extract_doc(doc)) == claims
    assert texts(extract_doc(doc, profile="quotes")) == quotes


def test_quotes_leave_out_non_clausal_content() -> None:
    """ "He urged them to act." is a claim (xcomp), no quote."""
    doc = build_doc(
        "He urged them to act.",
        [
            ("He", 1, "nsubj", "PRON"),
            ("urged", 1, "ROOT", "VERB", "urge"),
            ("them", 4, "nsubj", "PRON"),
            ("to", 4, "aux", "PART"),
            ("act", 1, "xcomp", "VERB"),
            (".", 1, "punct", P),
        ],
    )
    assert texts(extract_doc(doc)) == ["them to act"]
    assert extract_doc(doc, profile=Profile.QUOTES) == []


def called(verb: str, lemma: str, *, neg: bool = False) -> Any:
    """ "Ford [did not] <verb> the plan “a disaster.”" with its parse: the quotation is the
    object's predicate, so the content is the object with it (a mixed quote)."""
    rows: list[tuple[Any, ...]] = [("Ford", 3 if neg else 1, "nsubj", "PROPN")]
    text = "Ford "
    if neg:
        rows += [("did", 3, "aux", "AUX", "do"), ("not", 3, "neg", "PART")]
        text += "did not "
    v = len(rows)
    rows += [
        (verb, v, "ROOT", "VERB", lemma),
        ("the", v + 2, "det", "DET"),
        ("plan", v, "dobj", "NOUN"),
        ("“", v + 5, "punct", P),
        ("a", v + 5, "det", "DET"),
        ("disaster", v, "oprd", "NOUN"),
        (".", v, "punct", P),
        ("”", v, "punct", P),
    ]
    text += f"{verb} the plan “a disaster.”"
    return build_doc(text, rows, ents=[(0, 1, "PERSON")])


def test_quotes_keep_the_speakers_words_in_non_clausal_content() -> None:
    """ "Ford called the plan “a disaster.”": the content is no clause, but the quotation
    is Ford's words, a quote to count; not when the cue is negated."""
    [claim] = extract_doc(called("called", "call"))
    [quote] = extract_doc(called("called", "call"), profile=Profile.QUOTES)
    assert (quote.kind, quote.content, quote.rule) == ("mixed", "the plan “a disaster.”", "object")
    assert (quote.start, quote.end, quote.speaker) == (claim.start, claim.end, claim.speaker)
    assert extract_doc(called("call", "call", neg=True), profile=Profile.QUOTES) == []


def test_unknown_profile_is_e019() -> None:
    """A profile that does not exist is named in a coded error."""
    with pytest.raises(QuoteattrError, match=r"\[E019\].*'quips'.*claims, quotes"):
        extract_doc(reported("said", "say"), profile="quips")


def test_attribution_round_trips() -> None:
    """Quote.attribution is written and read back; a bad one is [E003]."""
    [q] = extract_doc(reported("said", "say"))
    assert quoteattr.Quote.from_dict(q.to_dict()) == q
    d = q.to_dict()
    d["attribution"] = "first"
    with pytest.raises(QuoteattrError, match=r"\[E003\]"):
        quoteattr.Quote.from_dict(d)


@pytest.mark.model
def test_the_component_takes_a_profile(nlp: Any) -> None:
    """nlp.add_pipe("quoteattr", config={"profile": "quotes"}) and extract(profile=) agree."""
    text = "“We won,” he said. “We will.” She thinks it rained."
    own = quoteattr.pipelines.load_pipeline()
    own.add_pipe("quoteattr", config={"profile": "quotes"})
    got = texts(own(text)._.quotes)
    assert got == texts(quoteattr.extract(text, nlp=nlp, profile="quotes"))
    assert got == ["“We won,”", "“We will.”"]


# ---------------------------------------------------------------------------------------------
# The development view of ``quotes``

GOLD_TEXT = "“A,” she said. “B.” He thinks it rained. She urged them to act. He did not say so."


def gold_quote(kind: str, spans: list[tuple[int, int]], cue: tuple[int, int]) -> dict[str, Any]:
    """A gold attribution in the corpus schema."""
    return {
        "kind": kind,
        "content": [spans[0][0], spans[-1][1]],
        "content_spans": [list(s) for s in spans],
        "cue": list(cue),
    }


def test_the_view_keeps_said_clauses_and_splits_quotations() -> None:
    """The view splits “A,” she said. “B.” in two, and drops a belief, an infinitive and a
    negated cue."""
    t = GOLD_TEXT

    def at(s: str) -> tuple[int, int]:
        return (t.index(s), t.index(s) + len(s))

    doc = {
        "id": "d",
        "text": t,
        "quotes": [
            gold_quote("direct", [at("“A,”"), at("“B.”")], at("said")),
            gold_quote("indirect", [at("it rained")], at("thinks")),
            gold_quote("indirect", [at("them to act")], at("urged")),
            gold_quote("indirect", [at("so")], at("did not say")),
        ],
    }
    categories = {"said": CueCategory.SPEECH, "thinks": CueCategory.BELIEF}
    view = quotes_view(
        doc,
        lambda cue: categories.get(cue, CueCategory.SPEECH),
        lambda content: content != "them to act",
    )
    assert [t[q["content"][0] : q["content"][1]] for q in view["quotes"]] == ["“A,”", "“B.”"]


def test_context_holds_the_quote_its_cue_and_speaker() -> None:
    """A quote's context is the sentences holding it and its attribution, in its paragraph."""
    doc = build_doc("“We won,” he said. “We will.”", INTERRUPTED_ROWS)
    [q] = extract_doc(doc)
    assert q.context is not None and q.context.text == "“We won,” he said. “We will.”"
    first, second = extract_doc(doc, profile=Profile.QUOTES)
    assert first.context is not None and first.context.text == "“We won,” he said."
    assert second.context is not None and second.context.text == "“We won,” he said. “We will.”"
