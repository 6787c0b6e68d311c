"""Layout lookups on a hand-built Doc: sentences by token and by character; paragraphs."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quoteattr.core.layout import (
    TABLE,
    TEXT_KEY,
    Layout,
    any_equal,
    doc_text,
    paragraph_bounds,
    span_of,
)
from tests.conftest import build_doc

P = "PUNCT"


def two_sentences() -> Layout:
    doc = build_doc(
        "Talks failed. Diplomats said so.",
        [
            ("Talks", 1, "nsubj", "NOUN", "talk"),
            ("failed", 1, "ROOT", "VERB", "fail"),
            (".", 1, "punct", P),
            ("Diplomats", 4, "nsubj", "NOUN", "diplomat"),
            ("said", 4, "ROOT", "VERB", "say"),
            ("so", 4, "advmod", "ADV"),
            (".", 4, "punct", P),
        ],
    )
    return Layout(doc)


def test_char_bounds_are_the_spans_offsets() -> None:
    """The character bounds of every run of tokens are its Span's start_char and end_char."""
    layout = two_sentences()
    doc = layout.doc
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert layout.char_bounds(start, end) == (span.start_char, span.end_char)


def test_sentence_token_starts() -> None:
    """The first token of each sentence, in order."""
    assert two_sentences().sentence_token_starts() == [0, 3]


def test_sentence_tokens_run_to_the_next_sentence_or_the_end() -> None:
    """Each sentence's tokens: up to the next sentence's first, the last one's to the end."""
    layout = two_sentences()
    assert (layout.sentence_tokens(0), layout.sentence_tokens(1)) == (range(0, 3), range(3, 7))


def test_sentence_index_and_start_by_token() -> None:
    """Each token knows its sentence's index and first token."""
    layout = two_sentences()
    assert [layout.sentence_index(i) for i in range(7)] == [0, 0, 0, 1, 1, 1, 1]
    assert [layout.sentence_start(i) for i in range(7)] == [0, 0, 0, 3, 3, 3, 3]


def test_sentence_of_character() -> None:
    """A character offset finds its sentence too."""
    layout = two_sentences()
    assert (layout.sentence_of(0), layout.sentence_of(14)) == (0, 1)


def test_paragraph_bounds_trim_each_line() -> None:
    """Paragraphs are the non-blank lines, without the whitespace at their edges."""
    text = "  Headline \r\n\n\u00a0Talks failed.\t\u2028 \u2029Diplomats said so.\n"
    assert [text[s:e] for s, e in paragraph_bounds(text)] == [
        "Headline",
        "Talks failed.",
        "Diplomats said so.",
    ]


# Letters, a space, the line breaks, and whitespace that is no line break here.
@given(st.text(alphabet="ab \t\n\r\u2028\u2029\u00a0\x85\x1c\v\u3000"))
def test_paragraph_bounds_split_at_breaks_then_strip(text: str) -> None:
    """Any text: the bounds of its pieces between line breaks, stripped, when not empty."""
    expected = []
    for m in re.finditer(r"[^\r\n\u2028\u2029]+", text):
        piece = m.group()
        start = m.start() + len(piece) - len(piece.lstrip())
        end = m.start() + len(piece.rstrip())
        if start < end:
            expected.append((start, end))
    assert paragraph_bounds(text) == expected


def test_heads_are_each_tokens_head() -> None:
    """Layout.heads gives each token's head index, heads before and after it alike."""
    layout = two_sentences()
    assert layout.heads == [t.head.i for t in layout.doc] == [1, 1, 1, 4, 4, 4, 4]


def test_a_kept_text_as_long_as_the_doc_is_read_instead_of_doc_text() -> None:
    """The text a caller kept under TEXT_KEY is used when it is as long as the Doc's tokens
    (the same object comes back); one of another length is not the Doc's, and doc.text is."""
    doc = Doc(Vocab(), words=["He", "said", "so", "."], spaces=[True, True, False, False])
    kept = "He said so."
    doc.user_data[TEXT_KEY] = kept
    same = doc_text(doc)
    doc.user_data[TEXT_KEY] = "He said so. And more."
    other = doc_text(doc)
    assert (same is kept, other, Layout(doc).text) == (True, "He said so.", "He said so.")


def test_an_empty_doc_reads_its_kept_empty_text() -> None:
    """An empty Doc's kept text is the empty string; a non-string under the key is ignored."""
    doc = Doc(Vocab(), words=[])
    doc.user_data[TEXT_KEY] = ""
    empty = doc_text(doc)
    doc.user_data[TEXT_KEY] = 42
    assert (empty, doc_text(doc)) == ("", "")


# Words as spaCy may hold them: any text without a space inside (a whitespace token such as
# "\n\n" included), repeated words among them.
_WORDS = st.lists(
    st.sampled_from(["He", "said", "“", "”", "\n\n", "\u00a0", "naïve", "🙂", "so", "."])
    | st.text(min_size=1, max_size=6).filter(lambda w: " " not in w),
    max_size=40,
)


@given(words=_WORDS, data=st.data())
def test_the_text_read_from_arrays_is_spacys(words: list[str], data: st.DataObject) -> None:
    """Without a kept text, the text is rebuilt from the token columns: exactly doc.text,
    for any words and spaces."""
    spaces = data.draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    doc = Doc(Vocab(), words=words, spaces=spaces)
    assert doc_text(doc) == doc.text


def test_any_equal_marks_the_rows_holding_one_of_the_ids() -> None:
    """One comparison per id, the same answer as numpy.isin."""
    column = np.array([5, 2**64 - 1, 7, 5, 0], dtype=np.uint64)
    ids = (5, 2**64 - 1)
    assert any_equal(column, ids).tolist() == [True, True, False, True, False]
    assert any_equal(column, ids).tolist() == np.isin(column, np.array(ids, np.uint64)).tolist()
    assert not any_equal(column, ()).any()


@given(start=st.integers(-8, 8), end=st.integers(-8, 8))
def test_span_of_is_the_slice(start: int, end: int) -> None:
    """The span of any bounds, in range or not, is the slice's: the same tokens and
    offsets (made without the slice's normalising where the bounds need none)."""
    doc = Doc(Vocab(), words=["Talks", "failed", ",", "he", "said", "."])
    made, sliced = span_of(doc, start, end), doc[start:end]
    assert (made.start, made.end) == (sliced.start, sliced.end)
    assert (made.start_char, made.end_char) == (sliced.start_char, sliced.end_char)


def test_table_columns_are_each_tokens_attributes() -> None:
    """Each column of the table holds every token's attribute, ids as spaCy gives them."""
    layout = two_sentences()
    doc = layout.doc
    assert layout.column(LOWER).tolist() == [t.lower for t in doc]
    assert layout.column(LEMMA).tolist() == [t.lemma for t in doc]
    assert layout.column(POS).tolist() == [t.pos for t in doc]
    assert layout.column(DEP).tolist() == [t.dep for t in doc]
    assert layout.column(ENT_TYPE).tolist() == [t.ent_type for t in doc]
    assert [h - 2**64 if h >= 2**63 else h for h in layout.column(HEAD).tolist()] == [
        t.head.i - t.i for t in doc
    ]


def test_the_name_scan_reads_the_first_table_columns_by_position() -> None:
    """People reads POS, DEP, ENT_TYPE and LOWER as the table's first four columns."""
    assert TABLE[:4] == (POS, DEP, ENT_TYPE, LOWER)
