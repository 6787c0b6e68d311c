"""Shared fixtures: hand-built Docs (no model), the default pipeline, the development data."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear-train.jsonl"
SEED_TEXT = ROOT / "seeds" / "nato-iraq-reuters.txt"
SEED_GOLD = SHARED / "seeds" / "nato-iraq-reuters.gold.jsonl"

_TAGS = {"VERB": "VBD", "AUX": "VBD", "NOUN": "NN", "PROPN": "NNP", "PRON": "PRP"}

# A row: (word, head index, dep, pos) or (word, head index, dep, pos, lemma).
Row = tuple[Any, ...]

# An English vocab: its lexical attributes (lower, is_punct ...) are the ones rules read.
EN_VOCAB = spacy.blank("en").vocab


def build_doc(
    text: str,
    rows: Sequence[Row],
    ents: Sequence[tuple[int, int, str]] = (),
    vocab: Vocab | None = None,
) -> Doc:
    """Builds a parsed Doc by hand, the way spaCy's own tests do.

    Args:
        text: the text; each row's word must occur in it, in order, so that the Doc's text
            (and every offset) is exactly ``text``.
        rows: one per token: word, absolute head index, dependency label, coarse POS, and
            optionally the lemma (default: the lower-cased word). The fine tag is derived
            from the POS (VERB -> VBD ...).
        ents: ``(start_token, end_token, label)`` entity spans.
        vocab: the vocab (default: a new one).

    Returns:
        the Doc, with sentence boundaries from the parse.
    """
    words = [str(r[0]) for r in rows]
    spaces = []
    pos = 0
    for i, word in enumerate(words):
        at = text.index(word, pos)
        assert not text[pos:at].strip(), f"unexpected text before {word!r}: {text[pos:at]!r}"
        pos = at + len(word)
        nxt = text.index(words[i + 1], pos) if i + 1 < len(words) else len(text)
        gap = text[pos:nxt]
        assert gap in ("", " "), f"gap {gap!r} after {word!r}: use one space or none"
        spaces.append(gap == " ")
    iob = ["O"] * len(words)
    for s, e, label in ents:
        iob[s] = f"B-{label}"
        for k in range(s + 1, e):
            iob[k] = f"I-{label}"
    doc = Doc(
        vocab or EN_VOCAB,
        words=words,
        spaces=spaces,
        heads=[int(r[1]) for r in rows],
        deps=[str(r[2]) for r in rows],
        pos=[str(r[3]) for r in rows],
        tags=[_TAGS.get(str(r[3]), str(r[3])) for r in rows],
        lemmas=[str(r[4]) if len(r) > 4 else str(r[0]).lower() for r in rows],
        ents=iob,
    )
    assert doc.text == text, (doc.text, text)
    return doc


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The default pipeline with the quoteattr component."""
    import quoteattr

    return quoteattr.load()


@pytest.fixture
def small_max_length(nlp: Any) -> Iterator[Any]:
    """The session pipeline with max_length 400 for the test, restored after, so that longer
    texts are chunked."""
    saved = nlp.max_length
    nlp.max_length = 400
    try:
        yield nlp
    finally:
        nlp.max_length = saved


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, as shipped in seeds/."""
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def polnear_docs() -> list[dict[str, Any]]:
    """The development set, when ../shared/data is there."""
    if not POLNEAR.exists():
        pytest.skip("../shared/data/polnear-train.jsonl is absent")
    with POLNEAR.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
