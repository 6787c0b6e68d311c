"""Bad and strange input: unreadable files, empty texts, pathological texts, arbitrary text.

Nothing here times anything: a case passes when it finishes without an exception and every
offset still indexes the text. The parse-backed cases are kept to tens of kilobytes (the
spaCy parse of 1 MB takes minutes on a small machine); the quote-mark stage, which is pure
Python over the raw string, is run at full size.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import Quote, QuoteattrError
from quoteattr.batch import extract_many
from quoteattr.core.marks import MarkedQuote, find_quotes
from quoteattr.io import Record, read_inputs
from quoteattr.texts import SURROGATE


def check_offsets(text: str, quotes: list[Quote]) -> None:
    """Every offset of every quote indexes ``text``: the envelope, parts, cue, speaker
    mention and fragments."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        for s, e in q.parts:
            assert q.start <= s <= e <= q.end
        if q.cue is not None:
            assert 0 <= q.cue.start <= q.cue.end <= len(text)
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text
        for f in q.fragments:
            assert text[f.start : f.end] == f.text


def check_pairs(text: str, pairs: list[MarkedQuote]) -> None:
    """Every pair of quote marks lies in the text, its parts inside it."""
    for p in pairs:
        assert 0 <= p.start < p.end <= len(text)
        for s, e in p.parts:
            assert p.start <= s < e <= p.end


# ---------------------------------------------------------------------------------------------
# unreadable input (what io/records.py and tests/test_io.py do not cover already)


def test_binary_file_named_jsonl_is_one_error(tmp_path: Path) -> None:
    """A binary file with a .jsonl name gives one [E007] record for the file, not one per
    “line” of the blob."""
    path = tmp_path / "blob.jsonl"
    path.write_bytes(bytes(range(256)) * 64)
    assert list(read_inputs([str(path)])) == [
        Record(str(path), error=f"[E007] {path}: binary data (NUL bytes), not text.")
    ]


@pytest.mark.parametrize("name", ["doc.txt", "docs.jsonl"])
def test_utf16_file_is_named_as_such(tmp_path: Path, name: str) -> None:
    """A UTF-16 file (byte order mark and NUL bytes) gives an [E007] that says UTF-16."""
    path = tmp_path / name
    path.write_bytes('{"id": "a", "text": "hi"}\n'.encode("utf-16"))
    reason = "UTF-16 text (a byte order mark and NUL bytes), not UTF-8"
    assert list(read_inputs([str(path)])) == [Record(str(path), error=f"[E007] {path}: {reason}.")]


def test_nul_byte_in_one_jsonl_line_spoils_that_line_only(tmp_path: Path) -> None:
    """A JSONL file that is JSON Lines, with a NUL byte in one line, loses only that line."""
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "A"}\n{"id": "b", "te\x00xt"}\n{"id": "c", "text": "C"}\n'
    )
    assert [(r.id, r.text, r.error) for r in read_inputs([str(path)])] == [
        ("a", "A", None),
        (f"{path}:2", None, f"[E007] {path}:2: binary data (NUL bytes), not text."),
        ("c", "C", None),
    ]


def test_directory_as_input_is_read_then_the_next_input(tmp_path: Path) -> None:
    """A directory named as an input stands for its documents; the next input is read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("B", encoding="utf-8")
    records = list(read_inputs([str(folder), str(good)]))
    assert records == [Record(str(folder / "a.txt"), text="A"), Record(str(good), text="B")]


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_jsonl_with_other_line_endings(tmp_path: Path, newline: bytes) -> None:
    """Windows (CRLF) and old Mac (CR) line endings separate records like LF."""
    path = tmp_path / "docs.jsonl"
    path.write_bytes(newline.join([b'{"id": "a", "text": "A"}', b'{"id": "b", "text": "B"}', b""]))
    assert list(read_inputs([str(path)])) == [Record("a", text="A"), Record("b", text="B")]


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n \t\u00a0\u2028 \n"])
def test_empty_or_whitespace_text_has_no_quotes(nlp: Any, text: str) -> None:
    """An empty or whitespace-only text gives no quotes and no error."""
    assert quoteattr.extract(text, nlp=nlp) == []


# ---------------------------------------------------------------------------------------------
# pathological text: the quote-mark stage at full size

WORDS = [
    "the", "minister", "said", "we", "will", "win", "the", "peace", "Smith", "told",
    "reporters", ",", ".", ":", "“", "”", '"', "'", "‘", "’", "«", "»", "„",
]  # fmt: skip


def one_mb_paragraph() -> str:
    """A single 1 MB paragraph of words and quote marks of every style, no line break."""
    rng = random.Random(5)
    out: list[str] = []
    size = 0
    while size < 1_000_000:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


CONTROL = "".join(chr(i) for i in range(32) if chr(i) not in "\n\r") + "\x7f\u200b\u202e\ufeff"
MIXED_SCRIPTS = (
    "「引用」と彼は言った。«Мы победим», — сказал он. „Wir gewinnen“, sagte er. "
    "«سننتصر» قال الوزير. “We will win,” he said. 😀“emoji”😀 ‹x› \u05f4שלום\u05f4"
)

MARK_CASES = {
    "10k-straight": '"' * 10_000,
    "10k-opening": "“" * 10_000,
    "10k-closing": "”" * 10_000,
    "10k-singles": "‘’" * 5_000,
    "10k-mixed-styles": '“a” ‘b’ "c" «d» „e“ ' * 1_000,
    "10k-nested": "“‘" * 2_500 + "’”" * 2_500,
    "10k-over-paragraphs": "“a\n\n" * 10_000,
    "1mb-paragraph": one_mb_paragraph(),
    "control-characters": (CONTROL + "“We will win,” he said. ") * 1_000,
    "mixed-scripts": MIXED_SCRIPTS * 1_000,
}


@pytest.mark.parametrize("text", list(MARK_CASES.values()), ids=list(MARK_CASES))
def test_quote_marks_of_pathological_text(text: str) -> None:
    """The quote-mark stage finishes on pathological text and its pairs lie in the text."""
    pairs, _problems = find_quotes(text)
    check_pairs(text, pairs)


# ---------------------------------------------------------------------------------------------
# pathological text: the whole pipeline, at tens of kilobytes

PARSE_CASES = {
    # 10,000 marks between words. A run of marks with no space between them costs spaCy's
    # tokenizer time quadratic in the run (10 s for 10,000 here), so the run case is shorter.
    "10k-marks-with-words": '“a” ‘b’ "c" «d» „e“ ' * 1_000,
    "2k-marks-in-a-run": "“" * 1_000 + "”" * 1_000,
    "50kb-paragraph": one_mb_paragraph()[:50_000],
    "control-characters": (CONTROL + "“We will win,” he said. ") * 20,
    "mixed-scripts": MIXED_SCRIPTS * 10,
}


@pytest.mark.model
@pytest.mark.parametrize("text", list(PARSE_CASES.values()), ids=list(PARSE_CASES))
def test_pipeline_on_pathological_text(nlp: Any, text: str) -> None:
    """extract finishes on pathological text, and every offset indexes the text."""
    check_offsets(text, quoteattr.extract(text, nlp=nlp))


@pytest.mark.model
def test_batch_of_pathological_texts(nlp: Any) -> None:
    """extract_many gives every pathological text a list of quotes, none an error."""
    texts = [PARSE_CASES["control-characters"], PARSE_CASES["mixed-scripts"], "", "“"]
    results = list(extract_many(texts, nlp=nlp))
    assert [isinstance(outcome, list) for _, outcome in results] == [True] * 4


# ---------------------------------------------------------------------------------------------
# arbitrary text (hypothesis)

PIECES = [
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "''", "\n", "\n\n", " ", ",", ".", ":", "—",
    "said", "told reporters", "according to", "he", "Smith", "the minister", "We will win",
    "no", "O'Brien", "players’", "\t", "\u00a0", "\u2028", "\x00", "é", "中",
]  # fmt: skip

TEXTS = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(alphabet=st.one_of(st.sampled_from("“”\"'‘’«»\n .,"), st.characters()), max_size=120),
)


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_extract_never_raises_and_offsets_hold(nlp: Any, text: str) -> None:
    """On any text, extract returns quotes whose every offset indexes the text; a text with a
    lone surrogate, which is not Unicode text, raises [E024] (not spaCy's UnicodeEncodeError)."""
    if SURROGATE.search(text):
        with pytest.raises(QuoteattrError, match=r"^\[E024\] "):
            quoteattr.extract(text, nlp=nlp)
        return
    check_offsets(text, quoteattr.extract(text, nlp=nlp))


@pytest.mark.model
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_chunked_extract_never_raises_and_offsets_hold(nlp: Any, text: str) -> None:
    """Parsed in chunks of at most 40 characters, any text still gives quotes whose offsets
    index the whole text (a text with a lone surrogate an [E024] result)."""
    saved = nlp.max_length
    nlp.max_length = 40
    try:
        ((_, quotes),) = list(extract_many([text], nlp=nlp))
    finally:
        nlp.max_length = saved
    if SURROGATE.search(text):
        assert str(quotes).startswith("[E024] ")
        return
    assert isinstance(quotes, list)
    check_offsets(text, quotes)
