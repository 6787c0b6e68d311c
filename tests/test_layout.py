"""Layout lookups on a hand-built Doc: sentences by token and by character."""

from __future__ import annotations

from quoteattr.core.layout import Layout
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
