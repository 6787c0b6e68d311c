"""Cue lexicon: data files, verb and phrase matching on hand-built Docs, extension."""

from __future__ import annotations

import pytest
from spacy.strings import StringStore

from quoteattr import lexicons
from quoteattr.core.cues import NOUN_LEMMA, VERB_LEMMA, CueLexicon
from quoteattr.errors import QuoteattrError
from quoteattr.model import CueCategory
from tests.conftest import build_doc

LEX = CueLexicon.default()

DOC = build_doc(
    "He insisted, according to aides, and tweeted in a statement.",
    [
        ("He", 1, "nsubj", "PRON"),
        ("insisted", 1, "ROOT", "VERB", "insist"),
        (",", 1, "punct", "PUNCT"),
        ("according", 1, "prep", "VERB", "accord"),
        ("to", 3, "prep", "ADP"),
        ("aides", 4, "pobj", "NOUN"),
        (",", 1, "punct", "PUNCT"),
        ("and", 1, "cc", "CCONJ"),
        ("tweeted", 1, "conj", "VERB", "tweet"),
        ("in", 8, "prep", "ADP"),
        ("a", 11, "det", "DET"),
        ("statement", 9, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ],
)


def test_lexicon_is_large_and_categorised() -> None:
    """The shipped verb list goes well beyond textacy's 55 lemmas, in four categories."""
    verbs = lexicons.cue_verbs()
    assert len(verbs) > 200
    for lemma in ("say", "tweet", "quip", "insist", "concede", "warn", "add", "write"):
        assert lemma in verbs
    assert set(verbs.values()) == set(CueCategory)


def test_lexicon_is_read_only() -> None:
    """Callers cannot mutate the shared lexicon."""
    with pytest.raises(TypeError):
        lexicons.cue_verbs()["say"] = CueCategory.BELIEF  # type: ignore[index]


@pytest.mark.parametrize(
    ("i", "lemma", "category", "end"),
    [
        (1, "insist", CueCategory.SPEECH, 2),
        (3, "according to", CueCategory.SPEECH, 5),
        (8, "tweet", CueCategory.WRITING, 9),
        (9, "in a statement", CueCategory.WRITING, 12),
    ],
)
def test_match(i: int, lemma: str, category: CueCategory, end: int) -> None:
    """Verbs match on their lemma, phrases on their words, longest first."""
    m = LEX.match(DOC, i)
    assert m is not None
    assert (m.lemma, m.category, m.end) == (lemma, category, end)


def test_according_to_hangs_on_to() -> None:
    """The speaker of "according to X" is the object of "to", so the head is "to"."""
    m = LEX.match(DOC, 3)
    assert m is not None and DOC[m.head].text == "to"


@pytest.mark.parametrize("i", [0, 2, 5, 11])
def test_no_match(i: int) -> None:
    """Pronouns, punctuation and plain nouns are not cues."""
    assert LEX.match(DOC, i) is None


def test_a_noun_with_a_cue_lemma_is_not_a_verb_cue() -> None:
    """ "a quote" is a noun: only verbs (VB* tags) match the verb list."""
    doc = build_doc("a quote", [("a", 1, "det", "DET"), ("quote", 1, "ROOT", "NOUN")])
    assert LEX.match(doc, 1) is None


def test_extended() -> None:
    """extra cues add verbs and phrases without touching the default lexicon."""
    lex = LEX.extended({"harrumph": "speech", "let it be known": "speech"})
    doc = build_doc("harrumphed", [("harrumphed", 0, "ROOT", "VERB", "harrumph")])
    assert lex.match(doc, 0) is not None
    assert LEX.match(doc, 0) is None
    assert "let it be known" in lex.phrases


def test_parse_lexicon_errors() -> None:
    """A malformed lexicon line is reported with its file and line number."""
    with pytest.raises(QuoteattrError, match=r"\[E005\].*x\.txt.*line 2"):
        lexicons.parse_lexicon(["say\tspeech", "shout"], "x.txt")
    with pytest.raises(QuoteattrError, match="unknown category"):
        lexicons.parse_lexicon(["say\tgossip"], "x.txt")


def test_extended_unknown_category() -> None:
    """An extra cue with an unknown category names the cue and the choices."""
    with pytest.raises(QuoteattrError, match=r"\[E010\].*'mumble'.*'gossip'.*speech"):
        LEX.extended({"mumble": "gossip"})


def test_frames_file_takes_the_category_of_the_cue_verb() -> None:
    """cue_frames.txt lines without a category take the verb's category from cue_verbs.txt."""
    frames = lexicons.cue_frames()
    assert frames["accuse"]["prep:of"] == lexicons.cue_verbs()["accuse"]
    assert frames["urge"]["xcomp"] == CueCategory.SPEECH
    for lemma, by_frame in frames.items():
        for frame in by_frame:
            kind = frame.partition(":")[0]
            assert kind in lexicons.FRAME_KINDS, (lemma, frame)


def test_parse_frames_expands_prepositions_and_reads_categories() -> None:
    """ "prep:of,about" is one entry a preposition; a third field sets the category."""
    verbs = {"warn": CueCategory.SPEECH}
    frames = lexicons.parse_frames(
        ["# comment", "warn\tprep:of, about", "Zorble\txcomp\tbelief"], "f.txt", verbs
    )
    assert frames == {
        "warn": {"prep:of": CueCategory.SPEECH, "prep:about": CueCategory.SPEECH},
        "zorble": {"xcomp": CueCategory.BELIEF},
    }


def test_parse_frames_reads_a_clause_with_its_word() -> None:
    """ "make ccomp:clear speech": the clause of a verb that reports only with its word."""
    frames = lexicons.parse_frames(["make\tccomp:Clear\tspeech"], "f.txt", {})
    assert frames == {"make": {"ccomp:clear": CueCategory.SPEECH}}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("warn", "expected 'lemma<TAB>frame'"),
        ("warn\tsubject", "unknown frame 'subject'"),
        ("warn\tprep", "unknown frame 'prep'"),
        ("warn\txcomp:to", "unknown frame 'xcomp:to'"),
        ("warn\tobject:it", "unknown frame 'object:it'"),
        ("warn\tccomp:clear,plain", "unknown frame 'ccomp:clear,plain'"),
        ("warn\txcomp\tgossip", "unknown category 'gossip'"),
        ("zorble\txcomp", "'zorble' is not in the cue verbs"),
    ],
)
def test_parse_frames_errors(line: str, message: str) -> None:
    """A bad frames line names the file, the line and what is wrong with it."""
    with pytest.raises(QuoteattrError, match=rf"\[E005\].*f\.txt.*line 2: {message}"):
        lexicons.parse_frames(["", line], "f.txt", {"warn": CueCategory.SPEECH})


def test_extended_frames() -> None:
    """extra frames add to a verb's frames, or make a new verb a cue in them alone."""
    lex = LEX.extended(frames={"zorble": "prep:at belief", "urge": ["object", "prep:on"]})
    assert lex.frames["zorble"] == {"prep:at": CueCategory.BELIEF}
    assert lex.frames["urge"]["object"] == CueCategory.SPEECH
    assert lex.frames["urge"]["xcomp"] == CueCategory.SPEECH  # kept from the file
    assert "zorble" not in lex.verbs and "zorble" not in LEX.frames
    assert "prep:on" not in LEX.frames["urge"]
    with pytest.raises(QuoteattrError, match=r"\[E005\].*extra_frames.*'blorp'"):
        LEX.extended(frames={"blorp": "xcomp"})


def test_noun_and_adjective_files() -> None:
    """cue_nouns.txt and cue_adjectives.txt load with their categories."""
    nouns = lexicons.cue_nouns()
    assert nouns["claim"] == lexicons.NounCue(CueCategory.SPEECH, frozenset())
    assert nouns["belief"].category == CueCategory.BELIEF
    assert lexicons.cue_adjectives()["wary"] == CueCategory.BELIEF
    assert LEX.nouns is nouns and LEX.adjectives is lexicons.cue_adjectives()


def test_parse_nouns() -> None:
    """A third field lists the prepositions whose object is content without a possessor."""
    nouns = lexicons.parse_nouns(["Claim\tspeech", "support\tbelief\tprep:for, of"], "n.txt")
    assert nouns == {
        "claim": lexicons.NounCue(CueCategory.SPEECH, frozenset()),
        "support": lexicons.NounCue(CueCategory.BELIEF, frozenset({"for", "of"})),
    }
    for line, message in [
        ("claim\tgossip", "unknown category 'gossip'"),
        ("claim\tspeech\tfor", "expected 'noun<TAB>category'"),
        ("claim\tspeech\tprep:", "expected 'noun<TAB>category'"),
        ("claim", "expected 'noun<TAB>category'"),
    ]:
        with pytest.raises(QuoteattrError, match=rf"\[E005\].*n\.txt.*line 2: {message}"):
            lexicons.parse_nouns(["# header", line], "n.txt")


def test_extended_nouns_and_adjectives() -> None:
    """extra nouns and adjectives add cues without touching the default lexicon."""
    lex = LEX.extended(nouns={"rebuttal": "speech prep:of"}, adjectives={"incensed": "belief"})
    assert lex.nouns["rebuttal"] == lexicons.NounCue(CueCategory.SPEECH, frozenset({"of"}))
    assert lex.adjectives["incensed"] == CueCategory.BELIEF
    assert lex.nouns["claim"] == LEX.nouns["claim"]
    assert "rebuttal" not in LEX.nouns and "incensed" not in LEX.adjectives
    with pytest.raises(QuoteattrError, match=r"\[E005\].*extra_adjectives.*'gossip'"):
        LEX.extended(adjectives={"incensed": "gossip"})


def test_lemma_kinds_say_which_verbs_and_nouns_may_be_cues() -> None:
    """A cue verb's lemma, a framed verb's ("seem" has frames only) and "hop" are verb
    lemmas, a noun cue's a noun lemma, "claim" both; compared lower-cased; the answers,
    kept across calls, stay the same."""
    strings = StringStore()
    words = ["say", "Say", "seem", "hop", "criticism", "claim", "table"]
    ids = [strings.add(w) for w in words]
    lexicon = CueLexicon.default()
    expected = [VERB_LEMMA, VERB_LEMMA, VERB_LEMMA, VERB_LEMMA, NOUN_LEMMA]
    expected += [VERB_LEMMA | NOUN_LEMMA, 0]
    assert lexicon.lemma_kinds(ids, strings) == expected
    assert lexicon.lemma_kinds(ids[::-1], strings) == expected[::-1]
    assert lexicon.lemma_kinds(ids, StringStore()) == expected  # kept: no string read again
