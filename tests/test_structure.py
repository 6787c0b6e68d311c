"""Text structure: paragraph and dateline sentence starts, and what is not prose."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

import quoteattr
from quoteattr.component import mark_sentences
from quoteattr.core.structure import DATELINE, _Tokens, non_prose, sentence_marks
from quoteattr.extract import extract_doc
from quoteattr.lexicons import boilerplate
from quoteattr.pipelines import keep_abbreviations
from tests.conftest import build_doc

BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("CLEVELAND - Donald Trump said", "CLEVELAND - "),
        ("MANCHESTER, N.H. (AP) — The senator", "MANCHESTER, N.H. (AP) — "),
        ("WASHINGTON (Reuters) - U.S. officials", "WASHINGTON (Reuters) - "),
        ("NEW YORK, Nov. 3 — The", "NEW YORK, Nov. 3 — "),
        (
            "SANDERS HAS ADVANTAGE IN NEW HAMPSHIRE - Sanders",
            "SANDERS HAS ADVANTAGE IN NEW HAMPSHIRE - ",
        ),
        ("OK — fine, he said.", None),
        ("U.S. officials said so.", None),
        ("KATE BOULDUAN: Why not debate?", None),
    ],
)
def test_dateline(text: str, dateline: str | None) -> None:
    """Capitals, a state or date, an agency, a dash: a dateline; "OK —" and "U.S." are prose."""
    m = DATELINE.match(text)
    assert (m.group() if m else None) == dateline


def test_sentences_start_at_paragraphs_and_after_datelines() -> None:
    """A heading's paragraph, the next paragraph, and the prose after a dateline each start a
    sentence (the first token needs no mark); after a dateline none starts again before the
    first full stop."""
    doc = BLANK("MORE NEWS\n\nCLEVELAND - Donald Trump said it. Then\nHe left.")
    marks = {doc[i].text: starts for i, starts in sentence_marks(doc).items()}
    assert marks == {
        "CLEVELAND": True,
        "Donald": True,
        "Trump": False,
        "said": False,
        "it": False,
        ".": False,
        "He": True,
    }


def test_no_sentence_starts_at_the_name_after_an_abbreviated_title() -> None:
    """ "Const. Mark Fraser said": the name goes on the sentence of its title. Not so after
    a word no title list holds ("Ltd. Next"), nor before a word in lower case."""
    blank = spacy.blank("en")
    keep_abbreviations(blank)  # as quoteattr.load() does: "Const." stays one token
    doc = blank("Police left. Const. Mark Fraser said so. Ltd. Next came Sgt. and then")
    assert (doc[3].text, doc[9].text, doc[12].text) == ("Const.", "Ltd.", "Sgt.")
    marks = {doc[i].text: starts for i, starts in sentence_marks(doc).items()}
    assert marks == {"Mark": False}
    assert sentence_marks(doc, ["ltd."]) == {10: False}


def test_token_lookup_agrees_with_char_span_on_every_character() -> None:
    """The binary search over token offsets finds, for every character (spaces, line breaks
    and one past the end included), the first token of char_span's "expand" span."""
    doc = BLANK("MORE NEWS\n\nCLEVELAND -  Donald Trump said it.Then\n He left. ")
    tokens = _Tokens(doc)
    for char in range(-1, len(doc.text) + 2):
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        assert tokens.at(char) == (span.start if span is not None else None), char


def test_mark_sentences_sets_the_marks_in_one_write() -> None:
    """mark_sentences gives each marked token its start (True: 1, False: -1) and leaves
    every other token unset (0), as one assignment per token would."""
    doc = mark_sentences(BLANK("MORE NEWS\n\nCLEVELAND - Donald Trump said it. Then\nHe left."))
    marks = sentence_marks(doc)
    starts = {True: 1, False: -1}
    assert [t.sent_start for t in doc] == [starts[marks[t.i]] if t.i in marks else 0 for t in doc]
    assert sorted(set(marks.values())) == [False, True]


def test_non_prose_is_datelines_and_boilerplate_paragraphs() -> None:
    """A dateline before its dash, and a paragraph opening with a boilerplate label."""
    text = "WASHINGTON (AP) — Trump said so.\n\nREAD MORE: Trump's plan\n\nHe left."
    ranges = non_prose(text, ["read more:"])
    assert [text[s:e] for s, e in ranges] == ["WASHINGTON (AP) — ", "READ MORE: Trump's plan"]


def test_the_shipped_boilerplate_knows_credit_lines() -> None:
    """A photograph's or an illustration's credit line is no prose, whatever its names."""
    text = "Teachers voted.\n\nPhotograph: Jacob King/PA\n\nIllustration by Ann Lee\n\nHe left."
    ranges = non_prose(text, boilerplate())
    assert [text[s:e] for s, e in ranges] == [
        "Photograph: Jacob King/PA",
        "Illustration by Ann Lee",
    ]


def test_a_byline_is_no_prose_and_a_sentence_opening_with_by_is() -> None:
    """ "By Priya Sharma" names the writer, no one the prose goes on about; "By Tuesday,
    officials said ..." is prose."""
    text = "By Priya Sharma\n\nBy Tuesday, officials said the bridge would reopen.\n\nShe left."
    assert [text[s:e] for s, e in non_prose(text)] == ["By Priya Sharma"]


@pytest.mark.model
def test_load_puts_the_sentence_marks_before_the_parser(nlp: Any) -> None:
    """quoteattr.load() runs quoteattr_sentences before the parser."""
    names = nlp.pipe_names
    assert names.index("quoteattr_sentences") < names.index("parser")


@pytest.mark.model
def test_a_heading_is_no_speaker(nlp: Any) -> None:
    """A heading without final punctuation is its own sentence, not the subject of the next."""
    [q] = quoteattr.extract("MORE NEWS\n\nThe senator said the bill would pass.", nlp=nlp)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "The senator"


@pytest.mark.model
def test_a_dateline_is_no_speaker(nlp: Any) -> None:
    """'CLEVELAND - Donald Trump said ...': the speaker is Donald Trump, not the city."""
    [q] = quoteattr.extract("CLEVELAND - Donald Trump said the wall would be built.", nlp=nlp)
    assert q.speaker is not None and q.speaker.name == "Donald Trump"


def test_a_photo_caption_and_markup_are_no_prose() -> None:
    """A paragraph ending with a photo credit is a caption; tags of scraped markup are no
    text."""
    text = 'Trump speaks. (AP Photo/John Minchillo)\n\nHe said <tweet author="x">hi</tweet> so.'
    assert [text[s:e] for s, e in non_prose(text)] == [
        "Trump speaks. (AP Photo/John Minchillo)",
        '<tweet author="x">',
        "</tweet>",
    ]


@pytest.mark.model
def test_a_link_line_gives_no_quote(nlp: Any) -> None:
    """'READ MORE: Trump says ...' is a link to another story, not an attribution."""
    text = "READ MORE: Trump says the wall will be built\n\nThe senator said it would pass."
    assert [q.text for q in quoteattr.extract(text, nlp=nlp)] == ["it would pass"]


def test_a_cue_in_a_link_line_is_dropped() -> None:
    """On a hand-built parse: the attribution of a 'READ MORE:' line is no quote, and a
    dateline is no speaker (the finding keeps its content, without one)."""
    text = "READ MORE: Trump said it rained.\nCLEVELAND - Smith said it snowed."
    doc = build_doc(
        text,
        [
            ("READ", 1, "compound", "PROPN"),
            ("MORE", 4, "npadvmod", "PROPN"),
            (":", 4, "punct", "PUNCT"),
            ("Trump", 4, "nsubj", "PROPN"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("it", 6, "nsubj", "PRON"),
            ("rained", 4, "ccomp", "VERB", "rain"),
            (".", 4, "punct", "PUNCT"),
            ("\n", 7, "dep", "SPACE"),
            ("CLEVELAND", 12, "nsubj", "PROPN"),
            ("-", 9, "punct", "PUNCT"),
            ("Smith", 9, "appos", "PROPN"),
            ("said", 12, "ROOT", "VERB", "say"),
            ("it", 14, "nsubj", "PRON"),
            ("snowed", 12, "ccomp", "VERB", "snow"),
            (".", 12, "punct", "PUNCT"),
        ],
    )
    [q] = extract_doc(doc)
    assert (q.text, q.speaker) == ("it snowed", None)


@pytest.mark.model
def test_a_floating_quotation_continues_the_last_speaker(nlp: Any) -> None:
    """A quotation with no attribution of its own, after a long one, is more of the same
    speaker's words: one claim with two parts."""
    text = (
        "Sanders praised the pope.\n\n"
        '"He is a man of peace," Sanders said of the pope, who he met on Saturday at the '
        'Vatican after a conference on inequality. "When you meet him, you see it."'
    )
    [q] = [q for q in quoteattr.extract(text, nlp=nlp) if q.kind == "direct"]
    assert q.part_texts == ('"He is a man of peace,"', '"When you meet him, you see it."')
    assert q.speaker is not None and q.speaker.name == "Sanders"


def test_a_quote_continued_into_a_link_line_loses_that_part() -> None:
    """'“We won,” Smith said. “It was close.”' then a video link quoting its own title: the
    link is nobody's words, so Smith's quote keeps its two quotations and not the third."""
    text = "“We won,” Smith said. “It was close.”\n\nClick to play video: “Smith wins the race”"
    doc = build_doc(
        text,
        [
            ("“", 2, "punct", "PUNCT"),
            ("We", 2, "nsubj", "PRON"),
            ("won", 7, "ccomp", "VERB", "win"),
            (",", 2, "punct", "PUNCT"),
            ("”", 2, "punct", "PUNCT"),
            ("Smith", 7, "nsubj", "PROPN"),
            ("said", 7, "ROOT", "VERB", "say"),
            (".", 7, "punct", "PUNCT"),
            ("“", 10, "punct", "PUNCT"),
            ("It", 10, "nsubj", "PRON"),
            ("was", 10, "ROOT", "AUX", "be"),
            ("close", 10, "acomp", "ADJ"),
            (".", 10, "punct", "PUNCT"),
            ("”", 10, "punct", "PUNCT"),
            ("\n\n", 13, "dep", "SPACE"),
            ("Click", 15, "ROOT", "VERB", "click"),
            ("to", 17, "aux", "PART"),
            ("play", 15, "advcl", "VERB", "play"),
            ("video", 17, "dobj", "NOUN"),
            (":", 15, "punct", "PUNCT"),
            ("“", 22, "punct", "PUNCT"),
            ("Smith", 22, "nsubj", "PROPN"),
            ("wins", 15, "parataxis", "VERB", "win"),
            ("the", 24, "det", "DET"),
            ("race", 22, "dobj", "NOUN"),
            ("”", 22, "punct", "PUNCT"),
        ],
        ents=[(5, 6, "PERSON"), (21, 22, "PERSON")],
    )
    quotes = extract_doc(doc)
    assert [q.part_texts for q in quotes] == [("“We won,”", "“It was close.”")]


@pytest.mark.model
def test_an_abbreviated_title_is_kept_whole_as_the_names_role(nlp: Any) -> None:
    """ "Const. Dani McKinnon said ...": the default tokenizer split "Const." and began a
    sentence after it; quoteattr's pipeline keeps it whole, the speaker's role, and the
    text and offsets as they are."""
    text = "Const. Dani McKinnon said the two men knew each other."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ["Const.", "Dani", "McKinnon"]
    [q] = doc._.quotes
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == ("Dani McKinnon", "Const.")


def test_keeping_abbreviations_leaves_a_tokenizer_without_special_cases_alone() -> None:
    """A pipeline whose tokenizer is a plain function (no special cases) loads as it is."""
    from quoteattr.pipelines import keep_abbreviations

    nlp = spacy.blank("en")
    keep_abbreviations(nlp)
    assert [t.text for t in nlp("Const. Dana spoke.")][:1] == ["Const."]

    def split(text: str) -> Any:
        return spacy.tokens.Doc(nlp.vocab, words=text.split())

    nlp.tokenizer = split
    keep_abbreviations(nlp)
    assert nlp.tokenizer is split
