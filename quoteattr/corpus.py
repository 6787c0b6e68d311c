"""Speakers across documents: one table of entities over a corpus, name variants merged.

``quoteattr.speakers`` lists the speakers of one article. Over many articles one person is
written several ways ("Donald Trump", "Donald J. Trump", "CLEVELAND - Donald Trump"), and a
count per name string splits them. :class:`SpeakerTable` takes the quotes of any number of
documents, one document at a time, and gives one row per entity with a stable id, the name
variants it was seen under, and its quote counts.

Only named speakers are entities: a speaker of kind ``person`` or ``organization``. Unresolved
pronouns ("he", "I", "they": kind ``unknown``) and unnamed sources ("officials", "a
spokesman": kind ``unnamed``) are counted in the table's summary, never as rows, so that they
never rank in "most quoted".

Memory grows with the number of distinct speaker names, not with the number of quotes: the
table keeps a tally per name (counts, the roles stated, the spellings seen) and merges the
variants only when :meth:`SpeakerTable.rows` is asked, because whether "Obama" is "Barack
Obama" depends on the whole corpus (on whether it names another Obama). Two tables built on
two halves of a corpus combine with :meth:`SpeakerTable.update` into the table of the whole,
which is how :func:`speaker_table_of_bag` runs as a dask reduction.

The merging rules, from the surest to the most guarded (docs/speakers.md has their figures):

1. **One name, written differently**: case ("DONALD TRUMP"), a dateline ("CLEVELAND -
   Donald Trump"), a leading "the", a possessive, honorifics, dots ("F.B.I."), accents,
   brackets, a quoted nickname ('John "Tig" Tiegen'), "Department of Justice" for "Justice
   Department", "Team Clinton" for "Clinton team".
2. **Middle names and initials**: "Donald J. Trump" is "Donald Trump", and "Hillary Rodham
   Clinton" is "Hillary Clinton", unless the shorter name fits two longer ones that do not
   fit each other ("George Bush" and both "George W. Bush" and "George P. Bush").
3. **A word before a full name**: "Billionaire Donald Trump" is "Donald Trump" when every
   name of the corpus that "Billionaire" begins is a full name after it; "Wasserman Schultz"
   is the surname of "Debbie Wasserman Schultz" when "Wasserman" begins no other name and a
   document quotes both.
4. **A bare surname** joins the one person of the corpus with that surname ("Rubio"); when
   the corpus names several (Barack and Michelle Obama), the one whose role it shares
   ("Obama", stated as president), else the one the bare surname's own documents quote by
   full name, else none. A given name alone ("Hillary") is not a surname.
5. **Spellings of a given name**: a short form ("Ed", "Edward") or a one-letter slip in a
   name of five letters or more ("Hilary", "Hillary") joins the one full name it fits,
   unless their roles clash; a familiar form (``lexicons/nicknames.txt``: "Chuck",
   "Charles") does too, when both are stated with one role or quoted in one document; a
   generational suffix on one name only, or a short form with its last letter changed
   ("Joe Biden", "Joseph R. Biden Jr."), joins only when both are stated with the same
   role: the names alone cannot tell "Donald Trump Jr." from "Donald Trump".
6. **Acronyms**: "the Democratic Unionist Party (DUP)" defines "DUP" wherever it is used;
   otherwise an acronym joins the one organisation of the corpus whose initials it is
   ("RNC" and "Republican National Committee"), never a person nor a description ("ABC
   poll").
7. **Bodies named after a person** ("Hillary Clinton campaign", "the Clinton campaign")
   are compared as the person's names are, among bodies of the same noun.

Rules 2 to 5 share a guard: two names each quoted in one article only join if one of them
is named in several articles, a document quotes both, or both are stated with one role
("Rafael Cruz", Ted Cruz's father, and "Rafael Edward Cruz", Ted Cruz's legal name, stay
apart).

A name written only in capitals that is not an acronym ("WASHINGTON", "HUFFPOLLSTER") is a
dateline or a heading the parser took for a speaker: it is not an entity and is counted in
the summary.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .errors import QuoteattrError
from .gender import FirstNames, checked, combine_documents, speakers_gender
from .gender import first_names as first_names_table
from .lexicons import SURNAME_PARTICLES, honorifics, nicknames, org_nouns, titles
from .model import CueCategory, Gender, Quote, QuoteKind, Speaker, SpeakerKind

if TYPE_CHECKING:
    import dask.bag
    import pandas as pd

__all__ = [
    "ROW_COLUMNS",
    "CleanName",
    "SpeakerRow",
    "SpeakerTable",
    "TableSummary",
    "clean_name",
    "role_key",
    "speaker_table_of_bag",
    "table_of_records",
]

#: The columns of a row, in order (the CSV header).
ROW_COLUMNS = (
    "id",
    "name",
    "kind",
    "quotes",
    "documents",
    "direct",
    "indirect",
    "mixed",
    "speech",
    "writing",
    "report",
    "belief",
    "role",
    "organization",
    "gender",
    "gender_evidence",
    "variants",
)

# "Donald Trump Jr." is not "Donald Trump": these end a name and are kept apart from it.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words an acronym may or may not take a letter from: "Federal Bureau of Investigation" is
# FBI, "Department of Justice" is DOJ.
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "to"})
# A spaced dash: "CLEVELAND - Donald Trump", "BOSTON — Hillary Clinton".
_SPACED_DASH = re.compile(r"\s(?:-{1,2}|[–—―])\s?|\s?(?:-{2}|[–—―])\s")
# "the Democratic Unionist Party (DUP)": a name that states its own acronym.
_DEFINITION = re.compile(r"(?P<long>.+?)\s*\(\s*(?P<acronym>[A-Z][A-Z.&-]{1,11})\s*\)")
# A nickname in quote marks inside a name: 'C.L. "Butch" Otter', 'John “Tig” Tiegen'.
_NICKNAME = re.compile(r"(?<!\w)[\"“‘'][^\"“”‘’']{1,30}[\"”’'](?!\w)")
_BRACKETS = re.compile(r"[()\[\]{}<>]")
_EDGE_PUNCT = " -–—―,;:\"“”‘’'*•·|/\\"
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


# ---------------------------------------------------------------------------------------------
# the rows


@attrs.frozen
class SpeakerRow:
    """One entity of a corpus: who it is, how it was written, how often it was quoted.

    ``id`` is the canonical name's normalised form ("donald-trump"): the same corpus gives
    the same ids whatever the order of its documents or how it was partitioned.
    ``variants`` are the speaker names as the documents gave them, most quoted first.
    ``quotes`` counts every quote; ``direct``/``indirect``/``mixed`` split them by quote kind
    and ``speech``/``writing``/``report``/``belief`` by cue category (a quote without a cue
    has none). ``role`` and ``organization`` are the ones stated in the most documents
    (ties: in the most quotes, then the alphabetically first). ``gender`` is a person's as
    two thirds or more of the documents that give one give it
    (:func:`quoteattr.gender.combine_documents`), ``gender_evidence`` the evidence of most of
    them (``"honorific"``, ``"title"``, ``"pronouns"``, ``"pronoun"``), or ``"first name"``
    and ``"conflicting"`` when the first-name table was asked for
    (:meth:`SpeakerTable.rows`).
    """

    id: str
    name: str
    kind: SpeakerKind
    quotes: int
    documents: int
    direct: int = 0
    indirect: int = 0
    mixed: int = 0
    speech: int = 0
    writing: int = 0
    report: int = 0
    belief: int = 0
    role: str | None = None
    organization: str | None = None
    gender: Gender = Gender.UNKNOWN
    gender_evidence: str | None = None
    variants: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Returns the row as JSON-safe data, keys in :data:`ROW_COLUMNS` order."""
        data: dict[str, Any] = {c: getattr(self, c) for c in ROW_COLUMNS}
        data["kind"] = self.kind.value
        data["gender"] = self.gender.value
        data["variants"] = list(self.variants)
        return data


@attrs.frozen
class TableSummary:
    """What a table was built from, and the quotes that are not in its rows.

    ``unknown_quotes`` are quotes of unresolved pronouns ("he", "I", "they"),
    ``unnamed_quotes`` of unnamed sources ("officials"), ``no_speaker_quotes`` of quotes whose
    speaker was not found, ``heading_quotes`` of names written in capitals that are no
    acronym ("WASHINGTON": a dateline); ``entity_quotes`` are the quotes in the rows.
    """

    documents: int
    failed_documents: int
    quotes: int
    entity_quotes: int
    entities: int
    unknown_quotes: int
    unnamed_quotes: int
    no_speaker_quotes: int
    heading_quotes: int

    def to_dict(self) -> dict[str, int]:
        """Returns the figures as a dict."""
        return attrs.asdict(self)


# ---------------------------------------------------------------------------------------------
# names


@attrs.frozen
class CleanName:
    """A speaker name made comparable: its display form, its key and what it says."""

    display: str  # "Donald Trump" for "CLEVELAND - Donald Trump"
    key: str  # "donald trump": case-folded words, dots dropped
    capitals: bool  # written without a lower-case letter
    acronym: str | None  # "DUP" when the name was "Democratic Unionist Party (DUP)"


def _is_acronym(word: str) -> bool:
    """ "FBI", "F.B.I.", "AFL-CIO", "AT&T": capitals, 2-5 letters a part, one word."""
    if " " in word or not word or any(c.islower() for c in word):
        return False
    parts = [p.replace(".", "").replace("&", "") for p in word.split("-")]
    return all(p.isalpha() and 2 <= len(p) <= 5 for p in parts)


def _drop_dateline(name: str) -> str:
    """The name after a dateline: "CLEVELAND - Donald Trump", "Pa. - Hillary Clinton"."""
    parts = _SPACED_DASH.split(name)
    if len(parts) < 2:
        return name
    head = " ".join(parts[:-1]).replace(",", " ").split()
    # A dateline is a place in capitals and state abbreviations; "Kingson - Deacon" is not.
    if head and all(w.isupper() or w.endswith(".") for w in head):
        return parts[-1]
    return name


def clean_name(name: str) -> CleanName:
    """Makes a speaker name comparable across documents (rule 1 of the module docstring).

    Args:
        name: a ``Speaker.name`` as a document gave it.

    Returns:
        its display form, key, whether it was in capitals and the acronym it states.
    """
    text = " ".join(name.split())
    text = _drop_dateline(text)
    acronym = None
    m = _DEFINITION.fullmatch(text)
    if m is not None and _is_acronym(m["acronym"]):
        text, acronym = m["long"], m["acronym"].replace(".", "")
    text = _NICKNAME.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip(_EDGE_PUNCT)
    words = text.split()
    while len(words) > 1 and words[0].lower() in honorifics():
        words = words[1:]
    text = " ".join(words)
    capitals = any(c.isalpha() for c in text) and not any(c.islower() for c in text)
    return CleanName(display=text, key=_key(text), capitals=capitals, acronym=acronym)


def _key(display: str) -> str:
    """ "F.B.I." -> "fbi", "Donald J. Trump" -> "donald j trump", "Department of Justice" ->
    "justice department" (the two ways US agencies are named)."""
    folded = unicodedata.normalize("NFKD", display.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))  # "françois"
    words = [w.replace(".", "").replace("’", "'").strip(",") for w in folded.split()]
    words = [w for w in words if w]
    if len(words) >= 3 and words[:2] == ["department", "of"]:
        words = [*words[2:], "department"]
    elif len(words) == 2 and words[0] == "team":  # "Team Clinton", "the Clinton team"
        words = [words[1], "team"]
    return " ".join(words)


@attrs.frozen
class _Person:
    """A key read as a person's name: "donald j trump" -> donald / (j,) / trump."""

    first: str | None  # None for a bare surname
    middles: tuple[str, ...]
    last: str
    suffix: str | None
    words: tuple[str, ...]  # first, middles and last: the name without its suffix


def _person(key: str) -> _Person | None:
    words = key.split()
    suffix = None
    if len(words) > 1 and words[-1] in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if not words:
        return None
    # "bill de blasio": the surname starts at the particle; "de blasio" is a bare surname.
    cut = len(words) - 1
    for i, w in enumerate(words[:-1]):
        if w in SURNAME_PARTICLES:
            cut = i
            break
    last = " ".join(words[cut:])
    before = words[:cut]
    if not before:
        return _Person(None, (), last, suffix, tuple(words))
    return _Person(before[0], tuple(before[1:]), last, suffix, tuple(words))


def _fits(a: str, b: str) -> bool:
    """One given name fits another: the same, or one is the other's initial ("j", "john")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _middles_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The shorter list of middle names fits, in order, into the longer one."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for name in short:
        while i < len(long) and not _fits(name, long[i]):
            i += 1
        if i == len(long):
            return False
        i += 1
    return True


def _compatible(a: _Person, b: _Person) -> bool:
    """Rule 2: two full names of one person, as far as the names can tell."""
    return (
        a.first is not None
        and b.first is not None
        and a.last == b.last
        and a.suffix == b.suffix
        and _fits(a.first, b.first)
        and _middles_fit(a.middles, b.middles)
    )


def _short_form(a: str, b: str) -> bool:
    """Rule 5: a short form of a given name ("ed" of "edward", "joe" of "joseph"): the same
    first two letters and one the beginning of the other, allowing its last letter to
    differ ("joe" / "jos-eph")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2 or short == long or short[:2] != long[:2]:
        return False
    return long.startswith(short) or long.startswith(short[:-1])


def _initials(words: Iterable[str], skip: bool) -> str:
    return "".join(w[0] for w in words if w and not (skip and w in _FUNCTION_WORDS))


def role_key(role: str | None) -> str | None:
    """The title a role names, by its last title word: "former Florida Gov." -> "governor",
    "Then-Sen." -> "senator", "Vice President" -> "president"; None when it names none."""
    if not role:
        return None
    found = None
    for word in re.split(r"[\s-]+", role.casefold()):
        title = titles().get(word) or titles().get(word.rstrip(".,"))
        if title is not None:
            found = title.noun
    return found


# ---------------------------------------------------------------------------------------------
# the tally of one name


@attrs.define
class _Tally:
    """Everything the table keeps about one name key; two tallies add up."""

    spellings: Counter[str] = attrs.Factory(Counter)  # Speaker.name as given -> quotes
    kinds: Counter[str] = attrs.Factory(Counter)  # speaker kind -> quotes
    counts: Counter[str] = attrs.Factory(Counter)  # quote kind and cue category -> quotes
    documents: int = 0
    roles: Counter[str] = attrs.Factory(Counter)  # role -> documents
    role_quotes: Counter[str] = attrs.Factory(Counter)  # role -> quotes
    orgs: Counter[str] = attrs.Factory(Counter)  # organisation -> documents
    org_quotes: Counter[str] = attrs.Factory(Counter)
    role_keys: Counter[str] = attrs.Factory(Counter)  # title of the role -> documents
    acronyms: Counter[str] = attrs.Factory(Counter)  # acronyms it was stated with
    # (gender, evidence) -> the documents that give the name that gender
    genders: Counter[tuple[str, str]] = attrs.Factory(Counter)
    all_capitals: bool = True  # no spelling has a lower-case letter

    def add(self, other: _Tally) -> None:
        for name in ("spellings", "kinds", "counts", "roles", "role_quotes", "orgs"):
            getattr(self, name).update(getattr(other, name))
        self.genders.update(other.genders)
        self.org_quotes.update(other.org_quotes)
        self.role_keys.update(other.role_keys)
        self.acronyms.update(other.acronyms)
        self.documents += other.documents
        self.all_capitals = self.all_capitals and other.all_capitals

    @property
    def quotes(self) -> int:
        return sum(self.spellings.values())


def _main(counter: Counter[str]) -> str | None:
    """The one entry with the highest count, None for a tie or nothing."""
    top = counter.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


# ---------------------------------------------------------------------------------------------
# the table


@attrs.define(eq=False, repr=False)
class SpeakerTable:
    """Speakers across documents: add the quotes of each document, then ask for the rows.

    >>> table = SpeakerTable()
    >>> for doc_id, quotes in quoteattr.extract_many(records):   # doctest: +SKIP
    ...     table.add(quotes)
    >>> rows = table.rows()                                      # doctest: +SKIP

    The table can be asked for its rows at any time and fed more documents afterwards;
    :meth:`update` adds another table's documents (a partial table of another process).
    """

    _tallies: dict[str, _Tally] = attrs.Factory(dict)
    # Per blocking key, the sets of name keys that shared it in one document, with how many
    # documents: what makes the documents of a merged entity exact (a document that names
    # "Fiorina" and "Carly Fiorina" counts once).
    _together: Counter[tuple[str, frozenset[str]]] = attrs.Factory(Counter)
    _documents: int = 0
    _failed: int = 0
    _quotes: int = 0
    _unknown: int = 0
    _unnamed: int = 0
    _no_speaker: int = 0
    # Speaker.name -> row id, built on the first id_of() after a change.
    _ids: dict[str, str] | None = None

    def __repr__(self) -> str:
        return (
            f"SpeakerTable(documents={self._documents + self._failed}, "
            f"quotes={self._quotes}, names={len(self._tallies)})"
        )

    # -- feeding ----------------------------------------------------------------------------

    def add(self, quotes: Iterable[Quote] | QuoteattrError) -> None:
        """Adds one document's quotes (what ``quoteattr.extract`` returns for it).

        Args:
            quotes: the quotes of one document; its named speakers are counted once per
                document for ``documents``. A ``QuoteattrError`` (the result of a document
                that ``extract_many`` could not process) counts a failed document.
        """
        if isinstance(quotes, QuoteattrError):
            self.add_failed()
            return
        self._ids = None
        here: dict[str, _Tally] = {}
        cleaned: dict[str, CleanName] = {}
        people: dict[str, list[Speaker]] = {}
        for q in quotes:
            self._quotes += 1
            sp = q.speaker
            if sp is None:
                self._no_speaker += 1
                continue
            if sp.kind == SpeakerKind.UNKNOWN:
                self._unknown += 1
                continue
            if sp.kind == SpeakerKind.UNNAMED:
                self._unnamed += 1
                continue
            clean = cleaned.get(sp.name) or cleaned.setdefault(sp.name, clean_name(sp.name))
            if not clean.key:
                self._no_speaker += 1
                continue
            tally = here.get(clean.key)
            if tally is None:
                tally = here[clean.key] = _Tally(documents=1)
            tally.spellings[sp.name] += 1
            tally.kinds[sp.kind.value] += 1
            tally.counts[q.kind.value] += 1
            if q.cue is not None:
                tally.counts[q.cue.category.value] += 1
            if sp.role:
                tally.roles[sp.role] = 1  # once per document
                tally.role_quotes[sp.role] += 1
                rk = role_key(sp.role)
                if rk is not None:
                    tally.role_keys[rk] = 1
            if sp.organization:
                tally.orgs[sp.organization] = 1
                tally.org_quotes[sp.organization] += 1
            if clean.acronym:
                tally.acronyms[clean.acronym] = 1
            if not clean.capitals:
                tally.all_capitals = False
            if sp.kind == SpeakerKind.PERSON:
                people.setdefault(clean.key, []).append(sp)
        for key, speakers in people.items():
            said = speakers_gender(speakers)  # what this document says, once per document
            if said.gender != Gender.UNKNOWN and said.evidence is not None:
                here[key].genders[(said.gender.value, said.evidence)] = 1
        self._documents += 1
        for key, tally in here.items():
            mine = self._tallies.get(key)
            if mine is None:
                self._tallies[key] = tally
            else:
                mine.add(tally)
        self._note_together(here)

    def add_failed(self) -> None:
        """Counts a document that could not be processed (an ``{"id", "error"}`` record)."""
        self._failed += 1

    def add_record(self, record: Mapping[str, Any]) -> None:
        """Adds one record of ``quoteattr extract --format jsonl`` output.

        Args:
            record: ``{"id", "quotes": [Quote.to_dict(), ...]}`` or ``{"id", "error"}``.

        Raises:
            QuoteattrError: [E003] or [E004] for a quote that ``Quote.from_dict`` rejects.
        """
        if "error" in record and "quotes" not in record:
            self.add_failed()
        else:
            self.add(Quote.from_dict(q) for q in record.get("quotes") or ())

    def _note_together(self, here: Iterable[str]) -> None:
        by_block: dict[str, set[str]] = {}
        for key in here:
            for block in _blocks(key):
                by_block.setdefault(block, set()).add(key)
        for block, keys in by_block.items():
            if len(keys) > 1:
                self._together[(block, frozenset(keys))] += 1

    def update(self, other: SpeakerTable) -> SpeakerTable:
        """Adds another table's documents to this one (as if they had been added here).

        Args:
            other: a table built on other documents.

        Returns:
            this table.
        """
        self._ids = None
        for key, tally in other._tallies.items():
            mine = self._tallies.get(key)
            if mine is None:
                self._tallies[key] = _Tally()
                mine = self._tallies[key]
            mine.add(tally)
        self._together.update(other._together)
        self._documents += other._documents
        self._failed += other._failed
        self._quotes += other._quotes
        self._unknown += other._unknown
        self._unnamed += other._unnamed
        self._no_speaker += other._no_speaker
        return self

    # -- reading ----------------------------------------------------------------------------

    @property
    def names(self) -> int:
        """How many distinct name keys the table holds (what its memory grows with)."""
        return len(self._tallies)

    def summary(self) -> TableSummary:
        """The figures of the whole table: documents, quotes, and the quotes not in rows."""
        groups, headings = self._groups()
        heading_quotes = sum(self._tallies[k].quotes for k in headings)
        entity_quotes = sum(self._tallies[k].quotes for g in groups for k in g)
        return TableSummary(
            documents=self._documents + self._failed,
            failed_documents=self._failed,
            quotes=self._quotes,
            entity_quotes=entity_quotes,
            entities=len(groups),
            unknown_quotes=self._unknown,
            unnamed_quotes=self._unnamed,
            no_speaker_quotes=self._no_speaker,
            heading_quotes=heading_quotes,
        )

    def rows(
        self, min_quotes: int = 1, *, first_names: bool | FirstNames = False
    ) -> list[SpeakerRow]:
        """The entities, most quoted first (ties by id).

        Args:
            min_quotes: leave out entities with fewer quotes.
            first_names: complete and check the genders of people by their given names
                (:func:`quoteattr.gender.checked`): True for the ``gender`` extra's table,
                or a :class:`~quoteattr.gender.FirstNames`. The default uses the text only.

        Returns:
            one row per entity.

        Raises:
            QuoteattrError: [E021] when ``first_names`` is True and nomquamgender is not
                installed.
        """
        groups, _ = self._groups()
        out = [self._row(g) for g in groups]
        _unique_ids(out)
        self._ids = {spelling: r.id for r in out for spelling in r.variants}
        out = [r for r in out if r.quotes >= min_quotes]
        if first_names is not False:
            names = first_names if isinstance(first_names, FirstNames) else None
            out = [_with_first_name(r, first_names_table(names)) for r in out]
        out.sort(key=lambda r: (-r.quotes, r.id))
        return out

    def id_of(self, name: str) -> str | None:
        """The id of the row that holds a speaker name, None when no row does.

        Args:
            name: a ``Speaker.name`` as a document gave it ("Donald J. Trump").

        Returns:
            the id of its entity's row ("donald-trump"), as :meth:`rows` gives it; None for
            a name the table has not seen or holds in no row (a pronoun, an unnamed source,
            a dateline).
        """
        if self._ids is None:
            self.rows()
        assert self._ids is not None
        return self._ids.get(name)

    def to_dataframe(
        self, min_quotes: int = 1, *, first_names: bool | FirstNames = False
    ) -> pd.DataFrame:
        """The rows as a pandas DataFrame (:func:`quoteattr.io.dataframe.speakers_dataframe`).

        Args:
            min_quotes: leave out entities with fewer quotes.
            first_names: as for :meth:`rows`.

        Raises:
            ImportError: [E011] when pandas is not installed.
        """
        # An import that points up (io imports this module), run on the call only; the
        # import contracts list it as an exception, as they do Quotes.to_dataframe's.
        from .io.dataframe import speakers_dataframe

        return speakers_dataframe(self.rows(min_quotes, first_names=first_names))

    def groups(self) -> list[list[str]]:
        """The name keys of each entity (what :meth:`rows` merges), for inspection."""
        return self._groups()[0]

    # -- merging ----------------------------------------------------------------------------

    def _groups(self) -> tuple[list[list[str]], list[str]]:
        """The keys of each entity, and the keys dropped as datelines or headings."""
        dropped = {k for k, t in self._tallies.items() if _heading(k, t)}
        keys = sorted(k for k in self._tallies if k not in dropped)
        merger = _Merger(keys, self._tallies, self._beside(), self._documents_of)
        return merger.groups(), sorted(dropped)

    def _beside(self) -> dict[str, list[frozenset[str]]]:
        """For each name key, the sets of surname-sharing names quoted in one document
        with it."""
        out: dict[str, list[frozenset[str]]] = {}
        for (block, keys), _n in sorted(self._together.items(), key=lambda kv: sorted(kv[0][1])):
            if block.startswith("s:"):
                for k in keys:
                    out.setdefault(k, []).append(keys)
        return out

    def _documents_of(self, group: list[str]) -> int:
        total = sum(self._tallies[k].documents for k in group)
        if len(group) == 1:
            return total
        members = set(group)
        common = set.intersection(*(set(_blocks(k)) for k in group))
        if not common:
            return total
        block = min(common)
        for (b, keys), n in self._together.items():
            if b == block:
                shared = len(keys & members)
                if shared > 1:
                    total -= n * (shared - 1)
        return total

    def _row(self, group: list[str]) -> SpeakerRow:
        tallies = [self._tallies[k] for k in group]
        total = _Tally()
        for t in tallies:
            total.add(t)
        canonical = _canonical(group, self._tallies)
        # The kind of the name that names it: "Fiorina", labelled an organisation in most
        # of its quotes, does not make Carly Fiorina one.
        kind = (
            SpeakerKind.PERSON
            if _is_person(canonical, self._tallies[canonical])
            else SpeakerKind.ORGANIZATION
        )
        variants = sorted(total.spellings, key=lambda s: (-total.spellings[s], s))
        gender = combine_documents(total.genders) if kind == SpeakerKind.PERSON else None
        return SpeakerRow(
            id=_slug(canonical),
            name=_display(self._tallies[canonical]),
            kind=kind,
            quotes=total.quotes,
            documents=self._documents_of(group),
            direct=total.counts[QuoteKind.DIRECT.value],
            indirect=total.counts[QuoteKind.INDIRECT.value],
            mixed=total.counts[QuoteKind.MIXED.value],
            speech=total.counts[CueCategory.SPEECH.value],
            writing=total.counts[CueCategory.WRITING.value],
            report=total.counts[CueCategory.REPORT.value],
            belief=total.counts[CueCategory.BELIEF.value],
            role=_most_stated(total.roles, total.role_quotes),
            organization=_most_stated(total.orgs, total.org_quotes),
            gender=gender.gender if gender is not None else Gender.UNKNOWN,
            gender_evidence=gender.evidence if gender is not None else None,
            variants=tuple(variants),
        )


def _with_first_name(row: SpeakerRow, names: FirstNames) -> SpeakerRow:
    """A row with its gender completed and checked by its name's given name."""
    gender, evidence = checked(row.name, row.kind, row.gender, row.gender_evidence, names)
    if (gender, evidence) == (row.gender, row.gender_evidence):
        return row
    return attrs.evolve(row, gender=gender, gender_evidence=evidence)


def _heading(key: str, tally: _Tally) -> bool:
    """A name only ever written in capitals that is no acronym: "WASHINGTON", "LOS ANGELES",
    "HUFFPOLLSTER" (a dateline or a heading), while "DONALD TRUMP" shares its key with
    "Donald Trump" and "FBI" is an acronym."""
    if not tally.all_capitals:
        return False
    return not (" " not in key and _is_acronym(key.upper()))


def _is_person(key: str, tally: _Tally) -> bool:
    """Mostly quoted as a person, and not named as a body ("The Clinton campaign", which
    the documents give as a person 13 times out of 22)."""
    words = key.split()
    if len(words) > 1 and words[-1] in org_nouns():
        return False
    return tally.kinds["person"] >= tally.kinds["organization"]


def _blocks(key: str) -> list[str]:
    """What two names must share to be merged by any rule: the surname (or last word) or
    the initials. Every rule but an acronym stated in brackets whose letters are not the
    name's initials ("Islamic State (ISIS)") keeps to it, which is what makes the document
    counts of merged names exact."""
    words = key.split()
    person = _person(key)
    out = {"s:" + (person.last if person else words[-1])}
    out.add("a:" + _initials(words, skip=True))
    out.add("a:" + _initials(words, skip=False))
    if len(words) == 1:
        out.add("a:" + key)
    if len(words) > 1 and words[-1] == "department":  # "Department of Justice": DOJ
        out.add("a:" + _initials(["department", "of", *words[:-1]], skip=False))
    return sorted(out)


def _canonical(group: list[str], tallies: Mapping[str, _Tally]) -> str:
    """The key that names the entity: the most quoted name of several words, so a person's
    full name before a bare surname ("Barack Obama", not "Obama"; "Bill de Blasio", not
    "De Blasio", whatever their counts) and an organisation's name before its acronym
    ("Republican National Committee")."""

    def bare(key: str) -> bool:
        person = _person(key)
        return person is None or person.first is None

    return min(group, key=lambda k: (bare(k), -tallies[k].quotes, k))


def _display(tally: _Tally) -> str:
    """The most quoted spelling of a key, cleaned; one with lower-case letters first."""
    ordered = sorted(tally.spellings, key=lambda s: (-tally.spellings[s], s))
    cleaned = [clean_name(s) for s in ordered]
    for c in cleaned:
        if not c.capitals or _is_acronym(c.display):
            return c.display
    return cleaned[0].display.title()


def _most_stated(documents: Counter[str], quotes: Counter[str]) -> str | None:
    if not documents:
        return None
    return min(documents, key=lambda r: (-documents[r], -quotes[r], r))


def _slug(key: str) -> str:
    slug = re.sub(r"[^\w]+", "-", key).strip("-")
    return slug or "x" + hashlib.sha1(key.encode()).hexdigest()[:8]


def _unique_ids(rows: list[SpeakerRow]) -> None:
    """Gives rows whose slugs collide ("at&t" and "at t") an id with a hash of the name."""
    seen: Counter[str] = Counter(r.id for r in rows)
    for i, r in enumerate(rows):
        if seen[r.id] > 1:
            digest = hashlib.sha1(f"{r.id}|{r.name}".encode()).hexdigest()[:6]
            rows[i] = attrs.evolve(r, id=f"{r.id}-{digest}")


# ---------------------------------------------------------------------------------------------
# the rules


class _Merger:
    """Applies the merging rules to the name keys of a table (union-find over keys)."""

    def __init__(
        self,
        keys: list[str],
        tallies: Mapping[str, _Tally],
        together: Mapping[str, list[frozenset[str]]],
        documents_of: Callable[[list[str]], int],
    ) -> None:
        self.keys = keys
        self.tallies = tallies
        self.together = together
        self.documents_of = documents_of
        self.parent = {k: k for k in keys}
        self.members = {k: {k} for k in keys}
        # Only names that the documents mostly give as people's are read as people's names:
        # "Israel" (a country) is not the surname of "Steve Israel", nor is "Ohio Democratic
        # Party" a person.
        self.persons: dict[str, _Person] = {}
        for k in keys:
            p = _person(k)
            if (
                p is not None
                and _is_person(k, tallies[k])
                and _capitalised(tallies[k])
                and not _is_acronym_key(k, tallies[k])
            ):
                self.persons[k] = p
        # Quotes of the full names that start / end with a word: "hillary" starts names
        # quoted a thousand times ("Hillary Clinton"), so "Hillary" alone is a given name,
        # while "obama" ends names far more often than junk like "Obama White House"
        # starts one.
        self.firsts: Counter[str] = Counter()
        self.lasts: Counter[str] = Counter()
        self.by_surname: dict[str, list[str]] = {}
        for k, p in sorted(self.persons.items()):
            if p.first is not None:
                self.firsts[p.first] += tallies[k].quotes
                self.lasts[p.last] += tallies[k].quotes
                self.by_surname.setdefault(p.last, []).append(k)
        self._full_names()
        self._descriptors()
        self._first_name_forms()
        self._bare_surnames()
        self._bodies()
        self._acronyms()

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)

    def groups(self) -> list[list[str]]:
        return [sorted(m) for _, m in sorted(self.members.items())]

    def main_role(self, k: str) -> str | None:
        """The title stated in the most documents of k's entity (so far), None for a tie."""
        total: Counter[str] = Counter()
        for m in self.members[self.find(k)]:
            total.update(self.tallies[m].role_keys)
        return _main(total)

    def _roles_agree(self, a: str, b: str) -> bool:
        role = self.main_role(a)
        return role is not None and role == self.main_role(b)

    def _established(self, k: str) -> bool:
        """k's entity is named in full (a name with a given name) in more than one document."""
        full = [m for m in self.members[self.find(k)] if m in self.persons]
        full = [m for m in full if self.persons[m].first is not None]
        return self.documents_of(full) > 1 if full else False

    def _beside(self, a: str, b: str) -> bool:
        """a and b are quoted in one document."""
        return any(b in keys for keys in self.together.get(a, ()))

    def _vouched(self, a: str, b: str) -> bool:
        """Something besides the names says a and b are one person: one of them is named in
        more than one article, or both are quoted in one, or stated with the same role.
        "Rafael Cruz" (Ted Cruz's father) and "Rafael Edward Cruz" (Ted Cruz's legal name, in
        an article about it), each in one article with no role, stay apart; "Alan Grayson"
        and "Alan Mark Grayson", each in one article, are both stated as representative."""
        return (
            self._established(a)
            or self._established(b)
            or self._beside(a, b)
            or self._roles_agree(a, b)
        )

    def _roles_clash(self, a: str, b: str) -> bool:
        ra, rb = self.main_role(a), self.main_role(b)
        return ra is not None and rb is not None and ra != rb

    # rule 2
    def _full_names(self) -> None:
        for keys in self.by_surname.values():
            fits = {
                a: [b for b in keys if b != a and _compatible(self.persons[a], self.persons[b])]
                for a in keys
            }
            # "George Bush" fits "George W. Bush" and "George P. Bush", which do not fit each
            # other: it is no one's for sure, and joins neither.
            clear = {
                a: all(
                    _compatible(self.persons[x], self.persons[y])
                    for i, x in enumerate(fits[a])
                    for y in fits[a][i + 1 :]
                )
                for a in keys
            }
            for a in keys:
                for b in fits[a]:
                    if clear[a] and clear[b] and self._vouched(a, b):
                        self.union(a, b)

    # rule 3
    def _descriptors(self) -> None:
        def full(p: _Person) -> tuple[str, ...]:
            return p.words + ((p.suffix,) if p.suffix else ())

        by_words = {full(p): k for k, p in self.persons.items() if p.first is not None}
        tails: dict[str, list[str | None]] = {}
        for p in self.persons.values():
            if p.first is not None:
                tail = by_words.get(full(p)[1:]) if p.middles else None
                tails.setdefault(p.first, []).append(tail)
        for k, p in sorted(self.persons.items()):
            if p.first is None or not p.middles:
                continue
            other = by_words.get(full(p)[1:])
            if other is None:
                continue
            rest = self.persons[other]
            assert rest.first is not None
            # "Billionaire Donald Trump": every name that "billionaire" begins is a full name
            # after it, so it is a description. "Debbie Wasserman Schultz": "wasserman"
            # begins no name but "Wasserman Schultz", which a document quotes beside
            # "Debbie Wasserman Schultz", so it is her double surname ("Anne Marie Smith"
            # and "Marie Smith" in two articles may be two people).
            descriptor = None not in tails[p.first]
            surname = self.firsts[rest.first] == self.tallies[other].quotes and self._beside(
                k, other
            )
            if descriptor or surname:
                self.union(k, other)

    # rule 5
    def _first_name_forms(self) -> None:
        for keys in self.by_surname.values():
            near: dict[str, set[str]] = {k: set() for k in keys}
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    pa, pb = self.persons[a], self.persons[b]
                    assert pa.first is not None and pb.first is not None
                    if self.find(a) == self.find(b) or not _middles_fit(pa.middles, pb.middles):
                        continue
                    if pa.suffix == pb.suffix and _spelling(pa.first, pb.first):
                        near[a].add(b)
                        near[b].add(a)
                    elif (
                        pa.suffix == pb.suffix
                        and _nickname(pa.first, pb.first)
                        and (self._beside(a, b) or self._roles_agree(a, b))
                    ):
                        # "Chuck Grassley" and "Charles Grassley", both stated as senator. A
                        # familiar form is shared by many: "Bob Mason", a retired letter
                        # carrier, is not "Robert Mason", a professor quoted in two articles.
                        near[a].add(b)
                        near[b].add(a)
                    elif _one_person_by_role(pa, pb) and self._roles_agree(a, b):
                        # "Joe Biden" and "Joseph R. Biden Jr.", both stated vice president;
                        # "Donald Trump Jr." is stated with no role and stays apart.
                        self.union(a, b)
            for a in keys:
                roots = {self.find(b) for b in near[a]}
                # "Ed" of "Edward" when there is one Edward of that surname, and one of the
                # two is named in more than one article or both in one: "Matt Morrison" of
                # a labour group and "Matthew Morrison" the actor, each in one article, are
                # two people.
                if len(roots) == 1:
                    b = next(iter(near[a]))
                    if (
                        len({self.find(x) for x in near[b]}) == 1
                        and not self._roles_clash(a, b)
                        and self._vouched(a, b)
                    ):
                        self.union(a, b)

    # rule 4
    def _bare_surnames(self) -> None:
        for k in self.keys:
            p = self.persons.get(k)
            if (p is not None and p.first is not None) or _is_acronym_key(k, self.tallies[k]):
                continue
            if p is None and " " in k:
                continue
            # "Hillary" or "Bob" alone is a given name, not a surname; "President" a title.
            if self.firsts[k] > self.lasts[k] or k in titles():
                continue
            roots = sorted({self.find(c) for c in self.by_surname.get(k, ())})
            if not roots:
                continue
            # What the documents that quote the bare name say: the people of that surname
            # they also quote by full name ("Carly Fiorina" beside "Fiorina").
            beside = {
                self.find(c)
                for keys in self.together.get(k, ())
                for c in keys
                if c in self.persons
                and self.persons[c].last == k
                and self.persons[c].first is not None
            }
            if p is not None:
                # (a) The one person of that surname, if the corpus names them in full in
                # more than one article: "Rubio". A surname alone in one article and a full
                # name in another ("Fisher" on a court case, "Ada Fisher" of the RNC) may be
                # two people, and only (c) joins them.
                if len(roots) == 1 and self._established(roots[0]):
                    self.union(k, roots[0])
                    continue
                # (b) The one whose role it shares: "Obama", stated as president.
                role = self.main_role(k)
                sharing = [r for r in roots if role is not None and self.main_role(r) == role]
                if len(sharing) == 1:
                    self.union(k, sharing[0])
                    continue
            # (c) The one its own documents quote by full name, also for a surname the model
            # labels an organisation ("Fiorina" beside "Carly Fiorina").
            if len(beside) == 1:
                self.union(k, beside.pop())

    # rule 7
    def _bodies(self) -> None:
        """ "Hillary Clinton campaign" and "Clinton campaign": a body named after a person is
        compared as the person's names are, among bodies of the same noun."""
        groups: dict[tuple[str, str], list[tuple[str, _Person]]] = {}
        for k in self.keys:
            words = k.split()
            if len(words) < 2 or words[-1] not in org_nouns():
                continue
            owner = " ".join(words[:-1])
            p = _person(owner)
            if p is None or not (owner in self.persons or p.last in self.by_surname):
                continue
            groups.setdefault((words[-1], p.last), []).append((k, p))
        for members in groups.values():
            full = [(k, p) for k, p in members if p.first is not None]
            for k, p in members:
                if p.first is None:
                    roots = {self.find(f) for f, _ in full}
                    if len(roots) == 1:
                        self.union(k, roots.pop())
                else:
                    fits = [f for f, q in full if f != k and _compatible(p, q)]
                    if len({self.find(f) for f in fits}) == 1:
                        self.union(k, fits[0])

    # rule 6
    def _acronyms(self) -> None:
        defined: dict[str, set[str]] = {}
        for k in self.keys:
            for a in self.tallies[k].acronyms:
                defined.setdefault(a.lower(), set()).add(k)
        by_initials: dict[str, set[str]] = {}
        for k in self.keys:
            if " " not in k or _is_person(k, self.tallies[k]):
                continue
            for words in _proper_names(self.tallies[k]):
                for skip in (True, False):
                    by_initials.setdefault(_initials(words, skip), set()).add(k)
        for k in self.keys:
            if not _is_acronym_key(k, self.tallies[k]):
                continue
            named = defined.get(k) or by_initials.get(k) or set()
            roots = {self.find(x) for x in named}
            if len(roots) == 1:
                self.union(k, roots.pop())


def _one_person_by_role(a: _Person, b: _Person) -> bool:
    """Rule 5: names that are one person's if a shared role says so: a short form with its
    last letter changed ("joe", "joseph"), or one name with a generational suffix and one
    without ("Joseph R. Biden Jr.", "Joe Biden"; "Donald Trump Jr.", "Donald Trump")."""
    assert a.first is not None and b.first is not None
    if a.suffix == b.suffix:
        return _short_form(a.first, b.first)
    if a.suffix and b.suffix:
        return False
    return _fits(a.first, b.first) or _short_form(a.first, b.first)


def _spelling(a: str, b: str) -> bool:
    """Rule 5: two spellings of one given name: a short form that begins the long one and
    is two letters shorter or more ("ed", "edward"; "geoff", "geoffrey"; not "carl",
    "carla"), or one letter more or less in a name of five letters or more ("hilary",
    "hillary"; "rence", "reince")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and len(long) >= len(short) + 2 and long.startswith(short):
        return True
    if len(short) < 5 or len(long) != len(short) + 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _nickname(a: str, b: str) -> bool:
    """Rule 5: one given name is a familiar form of the other ("chuck", "charles"; "bill",
    "william"), as ``lexicons/nicknames.txt`` lists them."""
    return b in nicknames().get(a, ()) or a in nicknames().get(b, ())


def _capitalised(tally: _Tally) -> bool:
    """Written as a name somewhere, each word capitalised but particles ("Bill de Blasio"),
    not as a description the model took for a person ("the billionaire business mogul")."""
    for spelling in tally.spellings:
        words = clean_name(spelling).display.split()
        if all(w[:1].isupper() or w[:1].isdigit() or w in SURNAME_PARTICLES for w in words):
            return True
    return False


def _proper_names(tally: _Tally) -> list[list[str]]:
    """The spellings of a name whose every word but function words is capitalised, as
    lower-case words ("Associated Press", "Department of Justice"); not "ABC poll", a
    poll rather than an organisation called A. P."""
    out = []
    for spelling in tally.spellings:
        words = clean_name(spelling).display.replace("-", " ").split()
        if all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words):
            out.append([w.lower() for w in words])
    return out


def _is_acronym_key(key: str, tally: _Tally) -> bool:
    """A key only ever written as an acronym: "fbi" (from "FBI" or "F.B.I."), not "obama"
    (written "OBAMA" in a transcript and "Obama" elsewhere)."""
    return " " not in key and tally.all_capitals and _is_acronym(key.upper())


# ---------------------------------------------------------------------------------------------
# streams and dask


def table_of_records(records: Iterable[Mapping[str, Any]]) -> SpeakerTable:
    """Builds a table from records of ``quoteattr extract --format jsonl`` output.

    Args:
        records: ``{"id", "quotes"}`` or ``{"id", "error"}`` mappings, one per document.

    Returns:
        the table of their speakers.

    Raises:
        QuoteattrError: [E003] or [E004] for a quote that ``Quote.from_dict`` rejects.
    """
    table = SpeakerTable()
    for record in records:
        table.add_record(record)
    return table


def _combine(tables: Iterable[SpeakerTable]) -> SpeakerTable:
    out = SpeakerTable()
    for t in tables:
        out.update(t)
    return out


def speaker_table_of_bag(bag: dask.bag.Bag, *, split_every: int | None = None) -> Any:
    """The speakers table of a dask bag of extraction records, as a dask reduction.

    Each partition is tallied where it lies (its records never travel); only the partial
    tables, whose size is the number of distinct speaker names, are combined, in a tree.

    Args:
        bag: records as :func:`quoteattr.dask.extract_bag` returns them (``{"id",
            "quotes"}`` or ``{"id", "error"}``), or as read from its JSONL output.
        split_every: how many partial tables one task combines (dask's default: 8).

    Returns:
        a dask Item; ``.compute()`` gives the :class:`SpeakerTable`.
    """
    return bag.reduction(  # type: ignore[no-untyped-call]
        table_of_records, _combine, split_every=split_every
    )
