"""spaCy glue: the ``quoteattr`` pipeline component.

``nlp.add_pipe("quoteattr")`` works on any English pipeline with a parser (the factory is
also announced through the ``spacy_factories`` entry point). The component calls
:func:`quoteattr.extract.extract_doc` and stores the result as plain dicts in
``doc._.<extension>_data``, which DocBin and ``nlp.pipe(n_process=2)`` carry across;
``doc._.<extension>`` turns them back into :class:`~quoteattr.model.Quote` objects, and
``doc._.speakers`` (the ``speakers_extension``) lists each speaker entity once with its quotes.

With ``spans_key`` set, the component also writes the quotes as labelled spans into
``doc.spans[spans_key]``, which displaCy's span view draws::

    nlp.add_pipe("quoteattr", config={"spans_key": "quotes"})
    displacy.render(nlp(text), style="span", options={"spans_key": "quotes"})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, SpanGroup

from .core.cues import CueLexicon
from .core.lexicon import default_lexicons
from .core.run import extract_doc, profile_of
from .core.structure import sentence_marks
from .entities import speakers
from .model import Quote, Quotes, SpeakerEntity

__all__ = [
    "CUE_LABEL",
    "DOCUMENT_KEY",
    "SPEAKER_LABEL",
    "QuoteAttributor",
    "make_quoteattr",
    "mark_sentences",
    "quote_spans",
    "register_extensions",
    "register_speakers_extension",
]

#: The label of a cue's span in ``doc.spans``; a content part's label is its quote's kind in
#: capitals (``DIRECT``, ``INDIRECT``, ``MIXED``).
CUE_LABEL = "CUE"
#: The label of a speaker mention's span in ``doc.spans``.
SPEAKER_LABEL = "SPEAKER"
# Token.sent_start -1 (must not start a sentence) as the uint64 of doc.to_array.
_NOT_START = np.uint64(2**64 - 1)
#: The ``doc.user_data`` key under which a caller that knows them puts the document's id and
#: where the Doc's text starts in it (a chunk of a longer document), ``(doc_id, start)``, so
#: that the component's quote-mark warnings name the document and give offsets into it
#: (:func:`quoteattr.extract_many` does).
DOCUMENT_KEY = "quoteattr.document"


def document_of(doc: Doc) -> tuple[str | None, int]:
    """The ``(doc_id, start)`` a caller put under :data:`DOCUMENT_KEY`, or ``(None, 0)``."""
    found = doc.user_data.get(DOCUMENT_KEY)
    if isinstance(found, tuple) and len(found) == 2:
        return (None if found[0] is None else str(found[0])), int(found[1])
    return None, 0


def register_extensions(name: str) -> None:
    """Registers ``Doc._.<name>`` (Quote objects) and ``Doc._.<name>_data`` (plain dicts).

    Registration is polite: an extension that already exists is left alone, so two pipelines
    in one process share it.
    """
    data = f"{name}_data"
    if not Doc.has_extension(data):
        Doc.set_extension(data, default=None)
    if not Doc.has_extension(name):

        def getter(doc: Doc) -> Quotes | None:
            raw = doc._.get(data)
            return None if raw is None else Quotes(Quote.from_dict(d) for d in raw)

        Doc.set_extension(name, getter=getter)


def register_speakers_extension(name: str, quotes: str) -> None:
    """Registers ``Doc._.<name>``: the speaker entities of ``Doc._.<quotes>``, computed on read."""
    if not Doc.has_extension(name):

        def getter(doc: Doc) -> list[SpeakerEntity] | None:
            found = doc._.get(quotes)
            return None if found is None else speakers(found)

        Doc.set_extension(name, getter=getter)


def quote_spans(doc: Doc, quotes: Sequence[Quote], name: str = "quotes") -> SpanGroup:
    """The quotes as labelled spans of ``doc``: each content part, each cue and each speaker
    mention, in text order.

    A content part's label is its quote's kind in capitals (``DIRECT``), a cue's
    :data:`CUE_LABEL`, a mention's :data:`SPEAKER_LABEL`. Every span's ``id_`` is the
    number of its quote (``"0"``, ``"1"``, ...), so the pieces of one quote can be told
    apart from another's; a mention's ``kb_id_`` is the speaker's canonical name. Character
    offsets that cut a token take the whole token. A cue or mention that two quotes share
    is one span, with the first quote's number.

    Args:
        doc: the Doc the quotes were found in.
        quotes: its quotes.
        name: the group's name (its key in ``doc.spans``).

    Returns:
        the span group, ready for ``doc.spans[name]``.
    """
    spans: dict[tuple[int, int, str], Span] = {}

    def add(start: int, end: int, label: str, number: int, kb_id: str = "") -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (span.start, span.end, label) in spans:
            return
        spans[(span.start, span.end, label)] = Span(
            doc, span.start, span.end, label=label, kb_id=kb_id, span_id=str(number)
        )

    for number, quote in enumerate(quotes):
        for start, end in quote.parts:
            add(start, end, quote.kind.value.upper(), number)
        if quote.cue is not None:
            add(quote.cue.start, quote.cue.end, CUE_LABEL, number)
        speaker = quote.speaker
        if speaker is not None and speaker.mention is not None:
            mention = speaker.mention
            add(mention.start, mention.end, SPEAKER_LABEL, number, speaker.name)
    ordered = sorted(spans.values(), key=lambda s: (s.start, s.end, s.label_))
    return SpanGroup(doc, name=name, spans=ordered)


class QuoteAttributor(Pipe):
    """Finds the quotes of each Doc and stores them on it.

    Args:
        nlp: the pipeline.
        name: the component's name.
        extension: the Doc extension to fill (``doc._.quotes`` by default).
        speakers_extension: the Doc extension that lists the speaker entities
            (``doc._.speakers`` by default).
        extra_cues: more cues, cue -> category ("speech", "writing", "report", "belief");
            single words are verb lemmas, several words a phrase.
        extra_frames: more argument frames of cue verbs, lemma -> frame or list of frames,
            written as in ``lexicons/cue_frames.txt`` (``{"liken": "prep:to belief"}``).
        extra_nouns: more noun cues, noun -> category and optional prepositions, as in
            ``lexicons/cue_nouns.txt`` (``{"rebuttal": "speech prep:of"}``).
        extra_adjectives: more adjective cues, adjective -> category.
        profile: what counts as a quote, ``"claims"`` (the default) or ``"quotes"``
            (:class:`~quoteattr.model.Profile`).
        spans_key: when set, the quotes also go into ``doc.spans[spans_key]`` as labelled
            spans (:func:`quote_spans`), which displaCy's span view draws; None (the
            default) writes no spans.

    It pickles as its name and config (the lexicons are rebuilt from them), so a pipeline
    holding it can be sent to worker processes.
    """

    def __init__(
        self,
        nlp: Language | None,
        name: str = "quoteattr",
        *,
        extension: str = "quotes",
        speakers_extension: str = "speakers",
        extra_cues: Mapping[str, str] | None = None,
        extra_frames: Mapping[str, str | list[str]] | None = None,
        extra_nouns: Mapping[str, str] | None = None,
        extra_adjectives: Mapping[str, str] | None = None,
        profile: str = "claims",
        spans_key: str | None = None,
    ) -> None:
        self.name = name
        self.extension = extension
        self.speakers_extension = speakers_extension
        self.spans_key = spans_key
        self._config: dict[str, Any] = {
            "extension": extension,
            "speakers_extension": speakers_extension,
            "extra_cues": dict(extra_cues or {}),
            "extra_frames": dict(extra_frames or {}),
            "extra_nouns": dict(extra_nouns or {}),
            "extra_adjectives": dict(extra_adjectives or {}),
            "profile": str(profile),
            "spans_key": spans_key,
        }
        lexicons = default_lexicons()
        if extra_cues or extra_frames or extra_nouns or extra_adjectives:
            lexicons = lexicons.extended(extra_cues, extra_frames, extra_nouns, extra_adjectives)
        self.lexicons = lexicons
        self.profile = profile_of(profile)
        register_extensions(extension)
        register_speakers_extension(speakers_extension, extension)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles as the name and config the component is rebuilt from."""
        return (_rebuild, (self.name, self._config))

    @property
    def lexicon(self) -> CueLexicon:
        """The cues this component uses (its ``lexicons.cues``)."""
        return self.lexicons.cues

    def __call__(self, doc: Doc) -> Doc:
        """Finds the quotes of ``doc`` and sets ``doc._.<extension>_data``."""
        register_extensions(self.extension)  # a worker process may not have them yet
        register_speakers_extension(self.speakers_extension, self.extension)
        doc_id, start = document_of(doc)
        quotes = extract_doc(doc, self.lexicons, profile=self.profile, doc_id=doc_id, start=start)
        doc._.set(f"{self.extension}_data", [q.to_dict() for q in quotes])
        if self.spans_key is not None:
            # doc.spans, not a custom attribute: DocBin and nlp.pipe(n_process=2) carry it.
            doc.spans[self.spans_key] = quote_spans(doc, quotes, self.spans_key)
        return doc


def _rebuild(name: str, config: dict[str, Any]) -> QuoteAttributor:
    """A component from its pickled name and config (see ``QuoteAttributor.__reduce__``)."""
    return QuoteAttributor(None, name, **config)


@Language.factory(
    "quoteattr",
    default_config={
        "extension": "quotes",
        "speakers_extension": "speakers",
        "extra_cues": {},
        "extra_frames": {},
        "extra_nouns": {},
        "extra_adjectives": {},
        "profile": "claims",
        "spans_key": None,
    },
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.quotes", "doc._.speakers"],
)
def make_quoteattr(
    nlp: Language,
    name: str,
    extension: str,
    speakers_extension: str,
    extra_cues: dict[str, Any],
    extra_frames: dict[str, Any],
    extra_nouns: dict[str, str],
    extra_adjectives: dict[str, str],
    profile: str,
    spans_key: str | None,
) -> QuoteAttributor:
    """Builds the ``quoteattr`` component (spaCy factory)."""
    return QuoteAttributor(
        nlp,
        name,
        extension=extension,
        speakers_extension=speakers_extension,
        extra_cues=extra_cues,
        extra_frames=extra_frames,
        extra_nouns=extra_nouns,
        extra_adjectives=extra_adjectives,
        profile=profile,
        spans_key=spans_key,
    )


@Language.component("quoteattr_sentences", assigns=["token.is_sent_start"])
def mark_sentences(doc: Doc) -> Doc:
    """Starts a sentence at every paragraph and after a dateline, before the parser runs.

    A heading with no final punctuation ("MORE NEWS") or a dateline ("CLEVELAND -") would
    otherwise be parsed into the sentence after it, where its noun becomes a speaker or part
    of a name. :func:`quoteattr.load` puts this component before the parser; add it to your
    own pipeline with ``nlp.add_pipe("quoteattr_sentences", before="parser")``.
    """
    marks = sentence_marks(doc)
    if not marks:
        return doc
    if doc.has_annotation("DEP"):
        for i, starts in marks.items():
            doc[i].is_sent_start = starts  # spaCy's error [E043]: it must run before the parser
        return doc
    # One array write: each Token.is_sent_start assignment scans the whole Doc for a parse
    # first, which made this component quadratic in the length of a text.
    column = doc.to_array([SENT_START])
    for i, starts in marks.items():
        column[i] = 1 if starts else _NOT_START
    # spaCy's stub types to_array's result as float64; it is the uint64 that from_array takes.
    doc.from_array([SENT_START], column)  # type: ignore[arg-type]
    return doc
