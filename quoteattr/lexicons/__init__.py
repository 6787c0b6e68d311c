"""Read-only word lists, kept as data files beside this module.

``cue_verbs.txt`` maps reporting-verb lemmas to a :class:`~quoteattr.model.CueCategory`;
``cue_phrases.txt`` does the same for multiword cues ("according to", "told reporters").
``cue_frames.txt`` says which arguments of a verb are content besides its "that" clause
("urged them *to act*", "accused him *of lying*"), and adds verbs that are cues only in those
frames ("seems *to waver*", "responded *to the report*").
``cue_nouns.txt`` and ``cue_adjectives.txt`` list the nouns ("claim", "criticism") and
adjectives ("confident", "wary") that are cues.
``quotation_only.txt``, ``light_verbs.txt`` and ``not_sources.txt`` refine the cues: verbs
that introduce quotations only, verbs that make a noun cue their subject's act ("issued a
statement"), and paragraph labels that are no source ("Related:").
``titles.txt``, ``honorifics.txt``, ``demonyms.txt`` and ``bodies.txt`` serve speaker
resolution: the words that make a role, the courtesy titles dropped from names, the adjectives
that name a body, and the nouns that refer back to an organisation or a place;
``not_writers.txt`` the bylines that name a desk, not a writer; ``nicknames.txt`` the familiar
forms of given names ("chuck" for "charles") that the speakers table joins across documents;
``given_names.txt`` the gender most given names carry, which keeps a "she" from a man in
pronoun resolution and is never reported as a gender;
``object_control.txt`` the verbs whose object does what their infinitive says ("led her to
declare": she declares); ``surveys.txt`` the nouns of surveys, whose "in" phrase names the
source of a clause ("Clinton leads in a CNN poll"); ``authoring_verbs.txt`` the verbs whose
agent put out the document they describe ("a poll released by Abacus Data found");
``company_suffixes.txt`` the words that end a company's legal name ("Shopify Inc").
``english_words.txt`` lists the common English words whose share tells English text from
another language (:mod:`quoteattr.core.language`).
:class:`quoteattr.core.lexicon.Lexicons` carries them all, injectable, into a run.
Users extend them through the component config, never by mutating what is returned here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

import attrs

from ..errors import Errors, QuoteattrError
from ..model import CueCategory

__all__ = [
    "FRAME_KINDS",
    "SURNAME_PARTICLES",
    "NounCue",
    "Title",
    "abbreviations",
    "authoring_verbs",
    "bodies",
    "boilerplate",
    "company_suffixes",
    "confidence_model",
    "cue_adjectives",
    "cue_frames",
    "cue_nouns",
    "cue_phrases",
    "cue_verbs",
    "demonyms",
    "documents",
    "english_words",
    "given_names",
    "honorifics",
    "light_verbs",
    "nicknames",
    "not_sources",
    "not_writers",
    "object_control",
    "org_nouns",
    "parse_frames",
    "parse_lexicon",
    "parse_nouns",
    "parse_table",
    "person_nouns",
    "quotation_only",
    "sourceless",
    "surveys",
    "titles",
]


def _entries(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """The line number and tab-separated fields, stripped, of each line that is not empty once
    its ``#`` comment is cut off."""
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, [f.strip() for f in line.split("\t")]


def parse_lexicon(lines: list[str], source: str) -> dict[str, CueCategory]:
    """Parses ``entry<TAB>category`` lines; ``#`` starts a comment.

    Args:
        lines: the file's lines.
        source: the file name, for error messages.

    Returns:
        entry -> category, first occurrence winning.

    Raises:
        QuoteattrError: [E005] on a line without a category or with an unknown one.
    """
    out: dict[str, CueCategory] = {}
    for number, fields in _entries(lines):
        if len(fields) != 2:
            raise QuoteattrError(
                Errors.E005.format(path=source, line=number, reason="expected 'entry<TAB>category'")
            )
        out.setdefault(fields[0].lower(), _category(fields[1], source, number))
    return out


def _category(value: str, source: str, number: int) -> CueCategory:
    try:
        return CueCategory(value.strip())
    except ValueError:
        reason = f"unknown category {value.strip()!r}"
        raise QuoteattrError(Errors.E005.format(path=source, line=number, reason=reason)) from None


def _read(name: str) -> Mapping[str, CueCategory]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return MappingProxyType(parse_lexicon(text.splitlines(), name))


@functools.cache
def cue_verbs() -> Mapping[str, CueCategory]:
    """Reporting-verb lemma -> category (read-only)."""
    return _read("cue_verbs.txt")


@functools.cache
def cue_phrases() -> Mapping[str, CueCategory]:
    """Multiword cue (lower-case words joined by spaces) -> category (read-only)."""
    return _read("cue_phrases.txt")


# The argument frames a cue verb can have; "prep" is written "prep:of,about".
FRAME_KINDS = frozenset({"ccomp", "xcomp", "object", "prep"})

#: Words that begin a surname ("Bill de Blasio", "Chris van Hollen"): "De Blasio" alone is a
#: surname, and a name that opens with one has no given name. A closed class, kept in code.
SURNAME_PARTICLES = frozenset(
    {"de", "del", "della", "da", "di", "du", "van", "von", "der", "le", "la"}
)


def parse_frames(
    lines: list[str], source: str, verbs: Mapping[str, CueCategory]
) -> dict[str, dict[str, CueCategory]]:
    """Parses ``lemma<TAB>frame[<TAB>category]`` lines; ``#`` starts a comment.

    A frame is ``ccomp``, ``ccomp:W``, ``xcomp``, ``object`` or ``prep:P[,Q...]``; a ``prep``
    frame becomes one entry a preposition (``prep:of``); ``ccomp:W`` is the clause of a verb
    that reports only with the word W ("make" with "clear"). The category may be left out for
    a verb of ``verbs``, whose category it then takes.

    Args:
        lines: the file's lines.
        source: the file name, for error messages.
        verbs: the cue verbs (lemma -> category).

    Returns:
        lemma -> frame -> category.

    Raises:
        QuoteattrError: [E005] on a malformed line, an unknown frame or category, or a verb
            that is not a cue verb and has no category.
    """
    out: dict[str, dict[str, CueCategory]] = {}
    for number, fields in _entries(lines):
        if not 2 <= len(fields) <= 3 or not all(fields):
            reason = "expected 'lemma<TAB>frame' or 'lemma<TAB>frame<TAB>category'"
            raise QuoteattrError(Errors.E005.format(path=source, line=number, reason=reason))
        lemma, spec = fields[0].lower(), fields[1].lower()
        kind, _, args = spec.partition(":")
        preps = [a.strip() for a in args.split(",") if a.strip()]
        if (
            kind not in FRAME_KINDS
            or (kind in {"xcomp", "object"} and preps)
            or (kind == "prep" and not preps)
            or (kind == "ccomp" and len(preps) > 1)
        ):
            reason = f"unknown frame {spec!r}; use ccomp[:W], xcomp, object or prep:P[,Q]"
            raise QuoteattrError(Errors.E005.format(path=source, line=number, reason=reason))
        if len(fields) == 3:
            category = _category(fields[2], source, number)
        elif lemma in verbs:
            category = verbs[lemma]
        else:
            reason = f"{lemma!r} is not in the cue verbs, so its frame needs a category"
            raise QuoteattrError(Errors.E005.format(path=source, line=number, reason=reason))
        frames = out.setdefault(lemma, {})
        for frame in [f"{kind}:{p}" for p in preps] if preps else [kind]:
            frames.setdefault(frame, category)
    return out


@functools.cache
def cue_frames() -> Mapping[str, Mapping[str, CueCategory]]:
    """Verb lemma -> argument frame ("xcomp", "object", "prep:of", ...) -> category (read-only)."""
    text = resources.files(__package__).joinpath("cue_frames.txt").read_text(encoding="utf-8")
    frames = parse_frames(text.splitlines(), "cue_frames.txt", cue_verbs())
    return MappingProxyType({k: MappingProxyType(v) for k, v in frames.items()})


# An attrs class, not a NamedTuple: a NamedTuple's generated __new__ cannot resolve the
# string annotation "CueCategory", which breaks the API reference built from the docstrings.
@attrs.frozen
class NounCue:
    """A noun cue: its category, and the prepositions whose object is its content even when
    no possessor names the source ("support *for* the bill")."""

    category: CueCategory
    preps: frozenset[str]


def parse_nouns(lines: list[str], source: str) -> dict[str, NounCue]:
    """Parses ``noun<TAB>category[<TAB>prep:P,Q]`` lines; ``#`` starts a comment.

    Raises:
        QuoteattrError: [E005] on a malformed line or an unknown category.
    """
    out: dict[str, NounCue] = {}
    for number, fields in _entries(lines):
        kind, _, args = fields[-1].partition(":") if len(fields) == 3 else ("prep", "", "")
        preps = frozenset(a.strip().lower() for a in args.split(",") if a.strip())
        if not 2 <= len(fields) <= 3 or kind != "prep" or (len(fields) == 3 and not preps):
            reason = "expected 'noun<TAB>category' or 'noun<TAB>category<TAB>prep:P[,Q]'"
            raise QuoteattrError(Errors.E005.format(path=source, line=number, reason=reason))
        category = _category(fields[1], source, number)
        out.setdefault(fields[0].lower(), NounCue(category, preps))
    return out


@functools.cache
def cue_nouns() -> Mapping[str, NounCue]:
    """Noun cue lemma -> its category and free prepositions (read-only)."""
    text = resources.files(__package__).joinpath("cue_nouns.txt").read_text(encoding="utf-8")
    return MappingProxyType(parse_nouns(text.splitlines(), "cue_nouns.txt"))


@functools.cache
def cue_adjectives() -> Mapping[str, CueCategory]:
    """Adjective cue, lower case -> category (read-only)."""
    return _read("cue_adjectives.txt")


def _word_list(name: str) -> frozenset[str]:
    """The first field of each line of a word list, lower case."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(fields[0].lower() for _, fields in _entries(text.splitlines()))


@functools.cache
def quotation_only() -> frozenset[str]:
    """Verb lemmas that are cues of direct quotes only, never of reported clauses."""
    return _word_list("quotation_only.txt")


@functools.cache
def light_verbs() -> frozenset[str]:
    """Verbs that make a noun cue their subject's act ("issued a statement", "voiced concern")."""
    return _word_list("light_verbs.txt")


def confidence_model(profile: str) -> dict[str, object]:
    """The confidence model of a profile, as written by ``benchmarks/train_confidence.py``."""
    name = f"confidence-{profile}.json"
    data: dict[str, object] = json.loads(
        resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    )
    return data


@functools.cache
def documents() -> frozenset[str]:
    """Nouns of documents and utterances that speak for their author ("study", "letter")."""
    return _word_list("documents.txt")


@functools.cache
def company_suffixes() -> frozenset[str]:
    """The words that end a company's legal name, lower case ("inc", "ltd.")."""
    return _word_list("company_suffixes.txt")


@functools.cache
def authoring_verbs() -> frozenset[str]:
    """Verbs whose agent put out the document they describe ("a poll released by X")."""
    return _word_list("authoring_verbs.txt")


@functools.cache
def surveys() -> frozenset[str]:
    """Nouns of surveys, whose "in" phrase names the source of a clause ("in a CNN poll")."""
    return _word_list("surveys.txt")


@functools.cache
def object_control() -> frozenset[str]:
    """Verbs whose object does what their infinitive says ("led her to declare")."""
    return _word_list("object_control.txt")


@functools.cache
def sourceless() -> frozenset[str]:
    """Cue verbs whose subject is not the source ("seem", "appear")."""
    return _word_list("sourceless.txt")


@functools.cache
def not_sources() -> frozenset[str]:
    """Words of a paragraph label that is no source ("Related:", "UPDATE:", "Q:")."""
    return _word_list("not_sources.txt")


@functools.cache
def abbreviations() -> tuple[str, ...]:
    """Abbreviated titles the tokenizer is to keep whole, as written ("Const.", "Sgt.")."""
    text = resources.files(__package__).joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return tuple(fields[0] for _, fields in _entries(text.splitlines()))


@functools.cache
def boilerplate() -> tuple[str, ...]:
    """How paragraphs of boilerplate open, lower case ("read more:", "advertisement")."""
    text = resources.files(__package__).joinpath("boilerplate.txt").read_text(encoding="utf-8")
    return tuple(fields[0].lower() for _, fields in _entries(text.splitlines()))


@functools.cache
def not_writers() -> frozenset[str]:
    """Words of a byline that names a desk rather than a writer ("By Reuters Staff")."""
    return _word_list("not_writers.txt")


@functools.cache
def english_words() -> frozenset[str]:
    """Common English words that are rarely words of other languages ("the", "which")."""
    return _word_list("english_words.txt")


def parse_table(lines: list[str], source: str, min_fields: int, max_fields: int) -> list[list[str]]:
    """Parses lines of tab-separated fields; ``#`` starts a comment.

    Args:
        lines: the file's lines.
        source: the file name, for error messages.
        min_fields: the fewest fields a line may have.
        max_fields: the most fields a line may have.

    Returns:
        the fields of each non-empty line, stripped; the first lower-cased.

    Raises:
        QuoteattrError: [E005] on a line with too few or too many fields.
    """
    rows = []
    for number, fields in _entries(lines):
        if not min_fields <= len(fields) <= max_fields or not all(fields):
            reason = f"expected {min_fields} to {max_fields} tab-separated fields"
            raise QuoteattrError(Errors.E005.format(path=source, line=number, reason=reason))
        fields[0] = fields[0].lower()
        rows.append(fields)
    return rows


def _table_rows(name: str, min_fields: int, max_fields: int) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return parse_table(text.splitlines(), name, min_fields, max_fields)


class Title(NamedTuple):
    """A word that makes a phrase a role: the noun it stands for and, if it says, a gender."""

    noun: str
    gender: str | None


@functools.cache
def titles() -> Mapping[str, Title]:
    """Role word as written, lower case ("sen.") -> its noun ("senator") and gender (read-only)."""
    rows = _table_rows("titles.txt", 2, 3)
    return MappingProxyType(
        {r[0]: Title(r[1].lower(), r[2] if len(r) == 3 else None) for r in rows}
    )


@functools.cache
def honorifics() -> Mapping[str, str | None]:
    """Courtesy title, lower case ("mrs.") -> "male", "female" or None (read-only)."""
    return MappingProxyType(
        {r[0]: (None if r[1] == "none" else r[1]) for r in _table_rows("honorifics.txt", 2, 2)}
    )


@functools.cache
def person_nouns() -> Mapping[str, str | None]:
    """Common noun for a person that is no role, lower case ("businessman") -> "male",
    "female" or None (read-only)."""
    return MappingProxyType(
        {r[0]: (None if r[1] == "none" else r[1]) for r in _table_rows("person_nouns.txt", 2, 2)}
    )


@functools.cache
def nicknames() -> Mapping[str, frozenset[str]]:
    """Familiar form of a given name, lower case ("chuck") -> the given names it stands for
    ({"charles"}) (read-only)."""
    return MappingProxyType(
        {
            r[0]: frozenset(n.strip() for n in r[1].split(","))
            for r in _table_rows("nicknames.txt", 2, 2)
        }
    )


@functools.cache
def given_names() -> Mapping[str, str]:
    """Given name, lower case ("hillary") -> the gender it mostly carries, "male" or
    "female" (read-only; written by benchmarks/given_names.py)."""
    rows = _table_rows("given_names.txt", 2, 2)
    for number, row in enumerate(rows, start=1):
        if row[1] not in {"male", "female"}:
            reason = f"expected 'male' or 'female', got {row[1]!r}"
            raise QuoteattrError(
                Errors.E005.format(path="given_names.txt", line=number, reason=reason)
            )
    return MappingProxyType({r[0]: r[1] for r in rows})


@functools.cache
def demonyms() -> Mapping[str, str]:
    """Adjective of a nation or party, lower case ("iraqi") -> the body ("Iraq") (read-only)."""
    return MappingProxyType({r[0]: r[1] for r in _table_rows("demonyms.txt", 2, 2)})


@functools.cache
def bodies() -> Mapping[str, str]:
    """Noun for a body, lower case ("department") -> "org" or "place" (read-only)."""
    rows = _table_rows("bodies.txt", 2, 2)
    for number, row in enumerate(rows, start=1):
        if row[1] not in {"org", "place"}:
            reason = f"expected 'org' or 'place', got {row[1]!r}"
            raise QuoteattrError(Errors.E005.format(path="bodies.txt", line=number, reason=reason))
    return MappingProxyType({r[0]: r[1] for r in rows})


@functools.cache
def org_nouns() -> frozenset[str]:
    """The nouns of ``bodies.txt`` that head the name of an organisation ("campaign",
    "administration", "party"): "the Clinton campaign" is a body, not a person."""
    return frozenset(noun for noun, what in bodies().items() if what == "org")
