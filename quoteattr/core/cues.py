"""Cues: the words that mark an attribution ("said", "told reporters", "according to").

A cue is a reporting verb from the lexicon (matched on its lemma, so "says", "said" and
"saying" all match "say") or a multiword phrase ("according to", "in a statement").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Token

from .. import lexicons
from ..errors import Errors, QuoteattrError
from ..model import CueCategory

__all__ = ["NOUN_LEMMA", "VERB_LEMMA", "CueLexicon", "CueMatch", "verb_lemma"]

#: What :meth:`CueLexicon.lemma_kinds` says of a lemma, as bits: a verb with that lemma may be
#: a cue; a noun with that lemma may be.
VERB_LEMMA = 1
NOUN_LEMMA = 2
# How many lemmas a lexicon keeps its answer for before it drops them all: a bound on the
# memory of a long run, far above the few thousand lemmas of the verbs and nouns of news.
_KEPT_LEMMAS = 100_000

# Dashes that introduce a trailing attribution: “We will win.” — Bernie Sanders
DASHES = frozenset({"—", "–", "-", "--", "―"})


@attrs.frozen
class CueMatch:
    """A cue found in a Doc: token range ``[start, end)``, its lexicon entry and category.

    ``head`` is the token the speaker hangs from: the verb for a verb cue, "to" for
    "according to", the verb inside a phrase ("told" in "told reporters").
    """

    start: int
    end: int
    head: int
    lemma: str
    category: CueCategory


def verb_lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the small model's known slips mended."""
    lemma: str = token.lemma_.lower()
    # en_core_web_sm lemmatizes "hoped"/"hoping" as "hop".
    if lemma == "hop" and token.lower_.startswith(("hope", "hoping")):
        return "hope"
    return lemma


def _phrase_index(
    phrases: Mapping[str, CueCategory],
) -> dict[str, list[tuple[tuple[str, ...], CueCategory]]]:
    index: dict[str, list[tuple[tuple[str, ...], CueCategory]]] = {}
    for phrase, cat in phrases.items():
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, cat))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest first
    return index


def _file_lines(entries: Mapping[str, str | Iterable[str]]) -> list[str]:
    """Config entries as the lines of a lexicon file: ``{"liken": "prep:to belief"}`` ->
    ``["liken\tprep:to\tbelief"]``; a list of specs gives a line each."""
    return [
        "\t".join([word, *spec.split(None, 1)])
        for word, specs in entries.items()
        for spec in ([specs] if isinstance(specs, str) else specs)
    ]


@attrs.frozen
class CueLexicon:
    """The reporting verbs, phrases and verb frames that count as cues.

    ``frames`` maps a verb lemma to the arguments that are its content besides a ``that``
    clause ("xcomp", "object", "prep:of", "ccomp"), each with a category; a verb that is in
    ``frames`` but not in ``verbs`` is a cue in those frames only. ``nouns`` and
    ``adjectives`` are the noun cues ("criticism") and adjective cues ("wary").

    Build the default with :meth:`default`, and extend it with :meth:`extended` (the component
    does so from its ``extra_cues`` and ``extra_frames`` config).
    """

    verbs: Mapping[str, CueCategory]
    phrases: Mapping[str, CueCategory]
    frames: Mapping[str, Mapping[str, CueCategory]] = attrs.field(factory=dict)
    nouns: Mapping[str, lexicons.NounCue] = attrs.field(factory=dict)
    adjectives: Mapping[str, CueCategory] = attrs.field(factory=dict)
    _index: dict[str, list[tuple[tuple[str, ...], CueCategory]]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _adjective_ids: frozenset[int] = attrs.field(init=False, eq=False, repr=False)
    _longest: int = attrs.field(init=False, eq=False, repr=False)
    # lemma id -> lemma_kinds' answer, kept across documents
    _kinds: dict[int, int] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _phrase_index(self.phrases))
        ids = frozenset(get_string_id(a) for a in self.adjectives)
        object.__setattr__(self, "_adjective_ids", ids)
        longest = max((len(w) for entries in self._index.values() for w, _ in entries), default=0)
        object.__setattr__(self, "_longest", longest)

    @property
    def adjective_ids(self) -> frozenset[int]:
        """spaCy's string ids (hashes) of the adjective cues, which a scan over
        ``doc.to_array(LOWER)`` compares without reading each token's string."""
        return self._adjective_ids

    def lemma_kinds(self, lemmas: Iterable[int], strings: StringStore) -> list[int]:
        """For each lemma id (spaCy's hash of the lemma), whether a word with that lemma may
        be a cue, as bits: :data:`VERB_LEMMA` for a cue verb's or a framed verb's lemma (or
        "hop", which :func:`verb_lemma` mends to "hope"), :data:`NOUN_LEMMA` for a noun
        cue's; the lemma is compared lower-cased.

        Each lemma's string is read once and the answer kept (an id is the hash of its
        string, the same in every vocab), so that a document's scan compares integers:
        reading its verbs' and nouns' lemma strings again for every document was a third of
        the time of the reported-speech stage's scan for cue candidates.
        """
        kinds = self._kinds
        if len(kinds) > _KEPT_LEMMAS:
            kinds.clear()
        out = []
        for lemma in lemmas:
            kind = kinds.get(lemma)
            if kind is None:
                word = strings[lemma].lower()
                verb = word in self.verbs or word in self.frames or word == "hop"
                kind = (VERB_LEMMA if verb else 0) | (NOUN_LEMMA if word in self.nouns else 0)
                kinds[lemma] = kind
            out.append(kind)
        return out

    @classmethod
    def default(cls) -> CueLexicon:
        """The lexicon shipped in ``quoteattr/lexicons``."""
        return cls(
            verbs=lexicons.cue_verbs(),
            phrases=lexicons.cue_phrases(),
            frames=lexicons.cue_frames(),
            nouns=lexicons.cue_nouns(),
            adjectives=lexicons.cue_adjectives(),
        )

    def extended(
        self,
        extra: Mapping[str, str | CueCategory] | None = None,
        frames: Mapping[str, str | Iterable[str]] | None = None,
        nouns: Mapping[str, str] | None = None,
        adjectives: Mapping[str, str] | None = None,
    ) -> CueLexicon:
        """Returns a copy with more cues: single words are verb lemmas, several words phrases.

        Args:
            extra: cue -> category ("speech", "writing", "report", "belief").
            frames: verb lemma -> frames, each written as in ``cue_frames.txt``: the frame and,
                for a verb that is not a cue verb, its category after a space
                (``{"liken": "prep:to belief", "urge": ["xcomp", "object"]}``).
            nouns: noun -> category, and optionally the prepositions whose object is content
                without a possessor, as in ``cue_nouns.txt`` (``{"rebuttal": "speech prep:of"}``).
            adjectives: adjective -> category (``{"incensed": "belief"}``).

        Raises:
            QuoteattrError: [E010] on an unknown category; [E005] on a malformed frame.
        """
        verbs = dict(self.verbs)
        phrases = dict(self.phrases)
        for cue, category in (extra or {}).items():
            key = " ".join(cue.lower().split())
            try:
                cat = CueCategory(category)
            except ValueError:
                choices = ", ".join(c.value for c in CueCategory)
                raise QuoteattrError(
                    Errors.E010.format(cue=cue, category=category, choices=choices)
                ) from None
            (phrases if " " in key else verbs)[key] = cat
        merged = {lemma: dict(f) for lemma, f in self.frames.items()}
        if frames:
            lines = _file_lines(frames)
            for lemma, added in lexicons.parse_frames(lines, "extra_frames", verbs).items():
                merged.setdefault(lemma, {}).update(added)
        more_nouns = lexicons.parse_nouns(_file_lines(nouns or {}), "extra_nouns")
        more_adjectives = lexicons.parse_lexicon(
            [f"{adj}\t{category}" for adj, category in (adjectives or {}).items()],
            "extra_adjectives",
        )
        return CueLexicon(
            verbs=verbs,
            phrases=phrases,
            frames=merged,
            nouns={**self.nouns, **more_nouns},
            adjectives={**self.adjectives, **more_adjectives},
        )

    def verb_category(self, token: Token) -> CueCategory | None:
        """Returns the category of ``token`` when it is a reporting verb, else None."""
        if not token.tag_.startswith("VB"):
            return None
        return self.verbs.get(verb_lemma(token))

    def phrase_at(self, doc: Doc, i: int) -> CueMatch | None:
        """Returns the longest multiword cue starting at token ``i``, or None."""
        return self._phrase_at(doc, i, doc[i].lower_)

    def _phrase_at(self, doc: Doc, i: int, first: str) -> CueMatch | None:
        """:meth:`phrase_at`, given the lower-case form of token ``i``."""
        entries = self._index.get(first)
        if not entries:
            return None
        # The words after i, read once: "in" starts 25 phrases ("in a statement", ...).
        following = tuple(doc[k].lower_ for k in range(i, min(i + self._longest, len(doc))))
        for words, cat in entries:
            end = i + len(words)
            if following[: len(words)] == words:
                head = i
                if words[0] == "according":
                    head = i + 1  # "according to X": X is the object of "to"
                else:
                    for k in range(i, end):
                        if doc[k].tag_.startswith("VB"):
                            head = k
                            break
                return CueMatch(i, end, head, " ".join(words), cat)
        return None

    def match(self, doc: Doc, i: int) -> CueMatch | None:
        """Returns the cue starting at token ``i``: a phrase if one starts there, else a verb."""
        token = doc[i]  # one Token object, and the lemma read once, for the checks below
        phrase = self._phrase_at(doc, i, token.lower_)
        if phrase is not None:
            return phrase
        if not token.tag_.startswith("VB"):  # as verb_category
            return None
        lemma = verb_lemma(token)
        cat = self.verbs.get(lemma)
        if cat is None:
            return None
        return CueMatch(i, i + 1, i, lemma, cat)
