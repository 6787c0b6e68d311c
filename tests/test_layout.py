"""Layout lookups on a hand-built Doc: sentences by token and by character; paragraphs."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quoteattr.core.layout import Layout, paragraph_bounds
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


def test_sentence_token_starts() -> None:
    """The first token of each sentence, in order."""
    assert two_sentences().sentence_token_starts() == [0, 3]


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
