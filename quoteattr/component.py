"""spaCy glue: the ``quoteattr`` pipeline component.

``nlp.add_pipe("quoteattr")`` works on any English pipeline with a parser (the factory is
also announced through the ``spacy_factories`` entry point). The component calls
:func:`quoteattr.extract.extract_doc` and stores the result as plain dicts in
``doc._.<extension>_data``, which DocBin and ``nlp.pipe(n_process=2)`` carry across;
``doc._.<extension>`` turns them back into :class:`~quoteattr.model.Quote` objects, and
``doc._.speakers`` (the ``speakers_extension``) lists each speaker entity once with its quotes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .core.cues import CueLexicon
from .core.lexicon import default_lexicons
from .core.run import extract_doc
from .entities import speakers
from .model import Quote, Quotes, SpeakerEntity

__all__ = [
    "QuoteAttributor",
    "make_quoteattr",
    "register_extensions",
    "register_speakers_extension",
]


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
    ) -> None:
        self.name = name
        self.extension = extension
        self.speakers_extension = speakers_extension
        self._config: dict[str, Any] = {
            "extension": extension,
            "speakers_extension": speakers_extension,
            "extra_cues": dict(extra_cues or {}),
            "extra_frames": dict(extra_frames or {}),
            "extra_nouns": dict(extra_nouns or {}),
            "extra_adjectives": dict(extra_adjectives or {}),
        }
        lexicons = default_lexicons()
        if extra_cues or extra_frames or extra_nouns or extra_adjectives:
            lexicons = lexicons.extended(extra_cues, extra_frames, extra_nouns, extra_adjectives)
        self.lexicons = lexicons
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
        quotes = extract_doc(doc, self.lexicons)
        doc._.set(f"{self.extension}_data", [q.to_dict() for q in quotes])
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
    )
