"""Speaker gender outside the core: per document, across documents, and from first names.

The core gives each person speaker the gender its own article shows (``Speaker.gender``,
``Speaker.gender_evidence``: a courtesy title, a gendered role word, the pronouns used of the
person, or the "she"/"he" that is the speaker). This module adds three things:

- :func:`document_genders`: the gender one document gives each speaker name, from its quotes'
  speakers (a speaker's quotes can disagree: "he" resolved to the wrong person);
- :func:`combine_documents`: the gender of an entity over many documents, which is how
  :class:`quoteattr.SpeakerTable` fills its ``gender`` column;
- :class:`FirstNames` and :func:`with_first_names`: an opt-in first-name table, from the
  ``gender`` extra (``pip install "quoteattr[gender]"``, which brings the MIT-licensed
  nomquamgender package), for the person speakers the text says nothing about. It is never
  used unless asked for: ``with_first_names(quotes)``, ``SpeakerTable.rows(first_names=True)``
  or the command line's ``--first-names``.

What any of this can tell is limited; docs/analysis.md says how far (a gender inferred from a
text or a name is not a person's identity, and two labels do not cover everyone).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from .errors import Errors, QuoteattrError
from .lexicons import SURNAME_PARTICLES, honorifics, org_nouns, titles
from .model import Gender, Quote, Quotes, Speaker, SpeakerKind

__all__ = [
    "CONFLICTING",
    "DEFAULT_MIN_COUNT",
    "DEFAULT_THRESHOLD",
    "FIRST_NAME",
    "TEXT_EVIDENCE",
    "DocumentGender",
    "FirstNames",
    "check_speaker",
    "checked",
    "combine_documents",
    "document_genders",
    "first_names",
    "given_name",
    "speakers_gender",
    "with_first_names",
]

#: ``gender_evidence`` of a gender that the first-name table gave.
FIRST_NAME = "first name"
#: ``gender_evidence`` of an unknown gender because the text and the first-name table disagree.
CONFLICTING = "conflicting"
#: The evidence the core reads in the text, surest first.
TEXT_EVIDENCE = ("honorific", "title", "pronouns", "pronoun")
#: How sure the table must be: a name is used when its share of women (or of men) among the
#: people the table's sources counted is at least ``1 - DEFAULT_THRESHOLD``
#: (nomquamgender's own measure, ``0.5 - |0.5 - p(female)|``, at most this). Chosen on the
#: development set's speakers whose articles give an honorific or a role word, not on the
#: hand-labelled ones it is measured on (docs/analysis.md).
DEFAULT_THRESHOLD = 0.1
#: The fewest people the table's sources must have counted with the name: nomquamgender's own
#: line between its "low" and "high coverage" names.
DEFAULT_MIN_COUNT = 10
# An entity's documents decide its gender when one gender has at least this share of the
# documents that give one: Hillary Clinton's 328 against 52 ("he" resolved to her in a
# document about Bill Clinton) is female, Ivanka Trump's 2 against 2 unknown.
_MAJORITY = 2 / 3

_GENDERS = {"female": Gender.FEMALE, "male": Gender.MALE}


# ---------------------------------------------------------------------------------------------
# one document, many documents


@attrs.frozen
class DocumentGender:
    """The gender one document gives a speaker name, and the evidence it rests on."""

    gender: Gender
    evidence: str | None


def _strength(evidence: str | None) -> int:
    order = (*TEXT_EVIDENCE, FIRST_NAME)
    return order.index(evidence) if evidence in order else len(order)


def document_genders(quotes: Iterable[Quote]) -> dict[str, DocumentGender]:
    """The gender one document gives each of its person speakers, by speaker name.

    A speaker's quotes carry the gender of their own speaker: the name's (a courtesy title,
    a role word, the pronouns used of the person, a first name) or, for a "she" or "he"
    resolved to the person, that pronoun's. When the quotes that give one agree, that is the
    document's; when they disagree ("he" resolved to Hillary Clinton in one quote, her
    pronouns in the others), the name's own evidence wins over a single pronoun's, and two
    genders from the name's own evidence give none.

    Args:
        quotes: the quotes of one document.

    Returns:
        ``Speaker.name`` -> its gender and the surest evidence for it, for every person
        speaker (unknown, evidence None, when nothing or only conflicting evidence gives one).
    """
    seen: dict[str, list[Speaker]] = {}
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.kind == SpeakerKind.PERSON:
            seen.setdefault(sp.name, []).append(sp)
    return {name: speakers_gender(speakers) for name, speakers in seen.items()}


def speakers_gender(speakers: Iterable[Speaker]) -> DocumentGender:
    """The gender the speakers of one name in one document give it (:func:`document_genders`).

    Args:
        speakers: the speakers of the quotes of one name, in one document.

    Returns:
        the gender and the surest evidence for it, or unknown and None.
    """
    given = [s for s in speakers if s.gender != Gender.UNKNOWN]
    # The name's own evidence first: a pronoun resolved to the wrong person ("he" for
    # Hillary Clinton) says more about that quote than about her.
    named = [s for s in given if s.gender_evidence != "pronoun"] or given
    genders = {s.gender for s in named}
    if len(genders) != 1:
        return DocumentGender(Gender.UNKNOWN, None)
    best = min((s.gender_evidence for s in named), key=_strength)
    return DocumentGender(genders.pop(), best)


def combine_documents(votes: Mapping[tuple[str, str], int]) -> DocumentGender:
    """The gender of an entity from the documents that give it one.

    Documents whose text gives a gender vote first; only when none does, the documents
    whose quotes got one from a first name. A gender needs at least two thirds of the
    votes: Hillary Clinton's 328 documents against 52 make her female, Ivanka Trump's 2
    against 2 leave her unknown (the text resolved "he" and "she" wrongly somewhere; which
    documents did cannot be told).

    Args:
        votes: ``(gender, evidence)`` -> the number of documents that give it.

    Returns:
        the gender and the evidence of the most documents that give it (unknown and None
        when no gender has two thirds).
    """
    text = {k: n for k, n in votes.items() if k[1] in TEXT_EVIDENCE and k[0] in _GENDERS}
    chosen = text or {k: n for k, n in votes.items() if k[1] == FIRST_NAME and k[0] in _GENDERS}
    by_gender: Counter[str] = Counter()
    for (gender, _evidence), n in chosen.items():
        by_gender[gender] += n
    total = sum(by_gender.values())
    if not total:
        return DocumentGender(Gender.UNKNOWN, None)
    gender, n = by_gender.most_common(1)[0]
    if n < _MAJORITY * total:
        return DocumentGender(Gender.UNKNOWN, None)
    evidence = min(
        (e for g, e in chosen if g == gender),
        key=lambda e: (-chosen[(gender, e)], _strength(e)),
    )
    return DocumentGender(_GENDERS[gender], evidence)


# ---------------------------------------------------------------------------------------------
# first names

_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]$")  # "J.", "J.J.", "J"


def _fold(word: str) -> str:
    """ "José" -> "jose", as nomquamgender keys its names (ASCII, lower case)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def given_name(name: str) -> str | None:
    """The given name of a person's name, folded as the first-name table keys it.

    Courtesy titles and role words before it are skipped ("Sen. Ted Cruz" -> "ted"), and so
    are words in capitals (a dateline: "CLEVELAND - Donald Trump" -> "donald"). A name of one
    word ("Obama"), one whose first word is an initial ("J.J. Goldberg") or a surname
    particle ("De Blasio"), and a name that ends with a body's noun ("the Clinton
    campaign", ``lexicons/bodies.txt``) have none.

    Args:
        name: a speaker's canonical name.

    Returns:
        the given name in lower case without accents, or None.
    """
    words = [w.strip(",;:()[]\"'“”‘’") for w in name.split()]
    words = [w for w in words if w]
    if words and _fold(words[-1]) in org_nouns():
        return None  # "Muhammad Ali Center", "the Clinton campaign"
    while words:
        w = words[0]
        low = w.casefold()
        if (
            low in honorifics()
            or low in titles()
            or f"{low}." in titles()
            or not any(c.isalpha() for c in w)
            or (len(w) > 1 and w.isupper())
        ):
            words = words[1:]
            continue
        break
    if len(words) < 2:
        return None  # a surname alone
    first = words[0]
    if _INITIAL.match(first) or first.casefold() in SURNAME_PARTICLES:
        return None  # "J.J. Goldberg", "De Blasio"
    folded = _fold(first)
    return folded if folded.replace("-", "").replace("'", "").isalpha() else None


# An entry of nomquamgender's name_data.json: "name": [sources, counts, p(gf), ...], for
# names in ASCII lower case (nomquamgender folds its input so) whose count has at least
# {digits} digits: a regular expression skips the 540,000 rarer names faster than JSON reads
# them all (0.4 s and 80 MB at the peak against about 2 s and 230 MB).
_ENTRY = r'"([a-z][a-z\' -]*)": \[\d+, (\d{{{digits},}}), ([\d.]+)'


@attrs.frozen
class FirstNames:
    """A first-name table: given name -> the share of women among the people who bear it.

    Built from nomquamgender's data (:meth:`load`) or from any mapping (for tests and for
    tables of one's own). ``threshold`` is how sure the table must be: a name whose share
    of women is within ``threshold`` of 0 or 1 gives a gender, any other none.
    """

    shares: Mapping[str, float]
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def load(
        cls, threshold: float = DEFAULT_THRESHOLD, min_count: int = DEFAULT_MIN_COUNT
    ) -> FirstNames:
        """The table of the installed nomquamgender package (the ``gender`` extra).

        Its data file is read directly (0.4 s, 180,000 names kept): the package's own module
        imports pandas and loads every name on import (about 2 s, 230 MB at its peak).

        Args:
            threshold: how sure a name must be (``0.5 - |0.5 - p(female)|`` at most this).
            min_count: the fewest people nomquamgender's sources counted with the name.

        Raises:
            QuoteattrError: [E021] when nomquamgender is not installed.
        """
        return cls(_shares(min_count), threshold)

    def gender(self, given: str) -> Gender:
        """The gender a given name (as :func:`given_name` folds it) says, or unknown."""
        share = self.shares.get(given)
        if share is None and "-" in given:
            share = self.shares.get(given.split("-")[0])  # "jean-marie": "jean"
        if share is None or 0.5 - abs(0.5 - share) > self.threshold:
            return Gender.UNKNOWN
        return Gender.FEMALE if share > 0.5 else Gender.MALE

    def gender_of(self, name: str) -> Gender:
        """The gender the given name of a person's name says, or unknown."""
        given = given_name(name)
        return self.gender(given) if given is not None else Gender.UNKNOWN


def _data_file() -> Path:
    try:
        spec = importlib.util.find_spec("nomquamgender")
    except (ImportError, ValueError):
        spec = None
    where = list(spec.submodule_search_locations or ()) if spec is not None else []
    path = Path(where[0]) / "name_data.json" if where else None
    if path is None or not path.is_file():
        raise QuoteattrError(Errors.E021)
    return path


@functools.cache
def _shares(min_count: int) -> Mapping[str, float]:
    text = _data_file().read_text(encoding="utf-8")
    entry = re.compile(_ENTRY.format(digits=len(str(max(min_count, 1)))))
    return {n: float(p) for n, count, p in entry.findall(text) if int(count) >= min_count}


def first_names(names: FirstNames | None = None) -> FirstNames:
    """``names``, or the default table of the ``gender`` extra (loaded once per process).

    Raises:
        QuoteattrError: [E021] when ``names`` is None and nomquamgender is not installed.
    """
    return names if names is not None else _default_table()


@functools.cache
def _default_table() -> FirstNames:
    return FirstNames.load()


def checked(
    name: str, kind: SpeakerKind, gender: Gender, evidence: str | None, names: FirstNames
) -> tuple[Gender, str | None]:
    """A gender and its evidence, completed and checked by the first name of ``name``.

    A person with no gender and no evidence gets its given name's (``"first name"``); one
    whose gender the given name contradicts gets none (``"conflicting"``); anything else,
    and every speaker but a person, is left as it is.

    Args:
        name: the person's canonical name.
        kind: the speaker's kind: only a person's gender is touched.
        gender: the gender the text gave.
        evidence: the evidence it rests on (None when the text gave none).
        names: the first-name table.

    Returns:
        the gender and its evidence.
    """
    if kind != SpeakerKind.PERSON or evidence in (FIRST_NAME, CONFLICTING):
        return gender, evidence
    by_name = names.gender_of(name)
    if by_name == Gender.UNKNOWN:
        return gender, evidence
    if gender == Gender.UNKNOWN:
        return (by_name, FIRST_NAME) if evidence is None else (gender, evidence)
    if gender != by_name:
        return Gender.UNKNOWN, CONFLICTING
    return gender, evidence


def check_speaker(speaker: Speaker, names: FirstNames) -> Speaker:
    """A speaker with the first-name table applied (:func:`checked`); the same object when
    nothing changes."""
    gender, evidence = checked(
        speaker.name, speaker.kind, speaker.gender, speaker.gender_evidence, names
    )
    if (gender, evidence) == (speaker.gender, speaker.gender_evidence):
        return speaker
    return attrs.evolve(speaker, gender=gender, gender_evidence=evidence)


def with_first_names(quotes: Iterable[Quote], names: FirstNames | None = None) -> Quotes:
    """The quotes, their person speakers' genders completed and checked by first name.

    A person speaker the text gives no gender gets its given name's (evidence
    ``"first name"``) when the table is sure of it; one whose text-based gender the table
    contradicts gets none (gender unknown, evidence ``"conflicting"``: "Jennifer Palmieri"
    to whom "he" was resolved). Organisations, unnamed sources, unresolved pronouns and
    names without a given name ("Obama", "J.J. Goldberg") are left as they are.

    Args:
        quotes: the quotes of one document (or of many).
        names: the table (default: nomquamgender's, :meth:`FirstNames.load`).

    Returns:
        new quotes, in the same order.

    Raises:
        QuoteattrError: [E021] when ``names`` is None and nomquamgender is not installed.
    """
    table = first_names(names)
    out = Quotes()
    for q in quotes:
        if q.speaker is not None and q.speaker.kind == SpeakerKind.PERSON:
            checked = check_speaker(q.speaker, table)
            if checked is not q.speaker:
                q = attrs.evolve(q, speaker=checked)
        out.append(q)
    return out
