"""The speakers table: the quotes of many documents in, one row per entity out.

How its names are read is :mod:`quoteattr.corpus.names`, which of them merge is
:mod:`quoteattr.corpus.merging`; this module keeps the tallies, counts the documents of
merged names exactly and builds the rows.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import QuoteattrError
from ..gender import FirstNames, checked, combine_documents, speakers_gender
from ..gender import first_names as first_names_table
from ..model import CueCategory, Gender, Quote, QuoteKind, Speaker, SpeakerKind
from .merging import Merger
from .names import CleanName, clean_name, initials, is_acronym, person_of, role_key
from .rows import SpeakerRow, TableSummary
from .tally import NameTally, is_person

if TYPE_CHECKING:
    import dask.bag
    import pandas as pd

__all__ = ["SpeakerTable", "speaker_table_of_bag", "table_of_records"]


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

    _tallies: dict[str, NameTally] = attrs.Factory(dict)
    # Per blocking key, the sets of name keys that shared it in one document, with how many
    # documents: what makes the documents of a merged entity exact (a document that names
    # "Fiorina" and "Carly Fiorina" counts once).
    _together: Counter[tuple[str, frozenset[str]]] = attrs.Factory(Counter)
    # The same, with the names of people quoted together ("Bernie Sanders and Hillary
    # Clinton", an unnamed group): evidence of who a bare "Sanders" of that document is, not
    # documents of theirs.
    _jointly: Counter[tuple[str, frozenset[str]]] = attrs.Factory(Counter)
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
        here: dict[str, NameTally] = {}
        joint: set[str] = set()  # the names of people quoted together in this document
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
                joint.update(k for k in map(_key, _group_members(sp.name)) if k)
                continue
            clean = cleaned.get(sp.name) or cleaned.setdefault(sp.name, clean_name(sp.name))
            if not clean.key:
                self._no_speaker += 1
                continue
            tally = here.get(clean.key)
            if tally is None:
                tally = here[clean.key] = NameTally(documents=1)
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
        self._note_together(here, self._together)
        if joint - here.keys():
            self._note_together(here.keys() | joint, self._jointly)

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

    @staticmethod
    def _note_together(here: Iterable[str], into: Counter[tuple[str, frozenset[str]]]) -> None:
        by_block: dict[str, set[str]] = {}
        for key in here:
            for block in _blocks(key):
                by_block.setdefault(block, set()).add(key)
        for block, keys in by_block.items():
            if len(keys) > 1:
                into[(block, frozenset(keys))] += 1

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
                self._tallies[key] = NameTally()
                mine = self._tallies[key]
            mine.add(tally)
        self._together.update(other._together)
        self._jointly.update(other._jointly)
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
        from ..io.dataframe import speakers_dataframe

        return speakers_dataframe(self.rows(min_quotes, first_names=first_names))

    def groups(self) -> list[list[str]]:
        """The name keys of each entity (what :meth:`rows` merges), for inspection."""
        return self._groups()[0]

    # -- merging ----------------------------------------------------------------------------

    def _groups(self) -> tuple[list[list[str]], list[str]]:
        """The keys of each entity, and the keys dropped as datelines or headings."""
        dropped = {k for k, t in self._tallies.items() if _heading(k, t)}
        keys = sorted(k for k in self._tallies if k not in dropped)
        merger = Merger(keys, self._tallies, self._beside(), self._documents_of)
        return merger.groups(), sorted(dropped)

    def _beside(self) -> dict[str, list[frozenset[str]]]:
        """For each name key, the sets of surname-sharing names quoted in one document
        with it."""
        out: dict[str, list[frozenset[str]]] = {}
        seen = self._together + self._jointly
        for (block, keys), _n in sorted(seen.items(), key=lambda kv: sorted(kv[0][1])):
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
        total = NameTally()
        for t in tallies:
            total.add(t)
        canonical = _canonical(group, self._tallies)
        # The kind of the name that names it: "Fiorina", labelled an organisation in most
        # of its quotes, does not make Carly Fiorina one.
        kind = (
            SpeakerKind.PERSON
            if is_person(canonical, self._tallies[canonical])
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


def _heading(key: str, tally: NameTally) -> bool:
    """A name only ever written in capitals that is no acronym: "WASHINGTON", "LOS ANGELES",
    "HUFFPOLLSTER" (a dateline or a heading), while "DONALD TRUMP" shares its key with
    "Donald Trump" and "FBI" is an acronym."""
    if not tally.all_capitals:
        return False
    return not (" " not in key and is_acronym(key.upper()))


def _blocks(key: str) -> list[str]:
    """What two names must share to be merged by any rule: the surname (or last word) or
    the initials. Every rule but an acronym stated in brackets whose letters are not the
    name's initials ("Islamic State (ISIS)") keeps to it, which is what makes the document
    counts of merged names exact."""
    words = key.split()
    person = person_of(key)
    out = {"s:" + (person.last if person else words[-1])}
    out.add("a:" + initials(words, skip=True))
    out.add("a:" + initials(words, skip=False))
    if len(words) == 1:
        out.add("a:" + key)
    if len(words) > 1 and words[-1] == "department":  # "Department of Justice": DOJ
        out.add("a:" + initials(["department", "of", *words[:-1]], skip=False))
    return sorted(out)


def _canonical(group: list[str], tallies: Mapping[str, NameTally]) -> str:
    """The key that names the entity: the most quoted name of several words, so a person's
    full name before a bare surname ("Barack Obama", not "Obama"; "Bill de Blasio", not
    "De Blasio", whatever their counts) and an organisation's name before its acronym
    ("Republican National Committee")."""

    def bare(key: str) -> bool:
        person = person_of(key)
        return person is None or person.first is None

    return min(group, key=lambda k: (bare(k), -tallies[k].quotes, k))


def _display(tally: NameTally) -> str:
    """The most quoted spelling of a key, cleaned; one with lower-case letters first."""
    ordered = sorted(tally.spellings, key=lambda s: (-tally.spellings[s], s))
    cleaned = [clean_name(s) for s in ordered]
    for c in cleaned:
        if not c.capitals or is_acronym(c.display):
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


def _group_members(name: str) -> list[str]:
    """The names of a group speaker ("Bernie Sanders and Hillary Clinton", "A, B and C"),
    or none for a name that joins nothing."""
    if " and " not in name:
        return []
    return [part for part in re.split(r",\s*|\s+and\s+", name) if part]


def _key(name: str) -> str:
    return clean_name(name).key
