"""The lexicons a run uses, in one injectable bundle: the cues and the word lists of speaker
resolution.

:meth:`Lexicons.default` is the shipped data (``quoteattr/lexicons/``). Extend it with
:meth:`Lexicons.extended` (the component does so from its config) or replace any list with
``attrs.evolve(lexicons, titles=...)``; pass the bundle to
:func:`quoteattr.core.run.extract_doc`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

import attrs

from .. import lexicons
from ..lexicons import Title
from ..model import Profile
from .confidence import ConfidenceModel, default_models
from .cues import CueLexicon
from .mentions import SpeakerWords

__all__ = ["Lexicons", "confidence_model", "default_lexicons"]


@attrs.frozen
class Lexicons:
    """Every word list of a run.

    ``cues`` are the verbs, phrases, frames, nouns and adjectives that mark an attribution;
    ``quotation_only`` verbs introduce quotations, and report only in their frames;
    ``light_verbs`` make a noun cue their subject's act ("issued a statement");
    ``not_sources`` are labels that name no source ("Related:"); ``sourceless`` cue verbs
    whose subject is no source ("seems to"); ``documents`` nouns that speak for their author
    ("a study by X"); ``object_control`` verbs whose object does what their infinitive says
    ("forced the CEO to admit"); ``surveys`` nouns whose "in" phrase names the source of its
    clause ("in a CNN poll");
    ``boilerplate`` how paragraphs that are no prose open ("read more:");
    ``titles``, ``honorifics``, ``demonyms``, ``bodies``, ``person_nouns`` and
    ``given_names`` (the gender a given name carries, for pronoun agreement) serve speaker
    resolution; ``not_writers`` are bylines' desk words ("Staff"); ``confidence`` the
    confidence model of each profile.
    """

    cues: CueLexicon
    quotation_only: frozenset[str]
    light_verbs: frozenset[str]
    not_sources: frozenset[str]
    sourceless: frozenset[str]
    documents: frozenset[str]
    boilerplate: tuple[str, ...]
    titles: Mapping[str, Title]
    honorifics: Mapping[str, str | None]
    demonyms: Mapping[str, str]
    bodies: Mapping[str, str]
    not_writers: frozenset[str]
    person_nouns: Mapping[str, str | None] = attrs.field(factory=lexicons.person_nouns)
    surveys: frozenset[str] = attrs.field(factory=lexicons.surveys)
    object_control: frozenset[str] = attrs.field(factory=lexicons.object_control)
    given_names: Mapping[str, str] = attrs.field(factory=lexicons.given_names)
    confidence: Mapping[Profile, ConfidenceModel] = attrs.field(factory=default_models)

    @classmethod
    def default(cls) -> Lexicons:
        """The lexicons shipped in ``quoteattr/lexicons``."""
        return cls(
            cues=CueLexicon.default(),
            quotation_only=lexicons.quotation_only(),
            light_verbs=lexicons.light_verbs(),
            not_sources=lexicons.not_sources(),
            sourceless=lexicons.sourceless(),
            documents=lexicons.documents(),
            boilerplate=lexicons.boilerplate(),
            titles=lexicons.titles(),
            honorifics=lexicons.honorifics(),
            demonyms=lexicons.demonyms(),
            bodies=lexicons.bodies(),
            not_writers=lexicons.not_writers(),
        )

    def speaker_words(self) -> SpeakerWords:
        """The lists that pick a cue's speaker, as the stages that find cues take them."""
        return SpeakerWords(self.documents, self.titles, self.object_control, self.light_verbs)

    def extended(
        self,
        extra: Mapping[str, str] | None = None,
        frames: Mapping[str, str | Iterable[str]] | None = None,
        nouns: Mapping[str, str] | None = None,
        adjectives: Mapping[str, str] | None = None,
    ) -> Lexicons:
        """A copy with more cues (see :meth:`quoteattr.core.cues.CueLexicon.extended`).

        Raises:
            QuoteattrError: [E010] on an unknown category; [E005] on a malformed frame.
        """
        return attrs.evolve(self, cues=self.cues.extended(extra, frames, nouns, adjectives))


@functools.cache
def default_lexicons() -> Lexicons:
    """The shipped lexicons, gathered once per process."""
    return Lexicons.default()


def confidence_model(lexicons: Lexicons | None, profile: Profile) -> ConfidenceModel:
    """The confidence model a run with ``lexicons`` (None: the shipped ones) scores the
    quotes of ``profile`` with: to score again quotes changed after extraction (a chunk's
    quotes joined, the byline's writer named)."""
    return (lexicons if lexicons is not None else default_lexicons()).confidence[profile]
