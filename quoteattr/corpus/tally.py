"""What a speakers table keeps about one name key, and what that says of the name."""

from __future__ import annotations

from collections import Counter

import attrs

from ..lexicons import org_nouns
from .names import is_acronym

__all__ = ["NameTally", "is_acronym_key", "is_person"]


@attrs.define
class NameTally:
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

    def add(self, other: NameTally) -> None:
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


def is_person(key: str, tally: NameTally) -> bool:
    """Mostly quoted as a person, and not named as a body ("The Clinton campaign", which
    the documents give as a person 13 times out of 22)."""
    words = key.split()
    if len(words) > 1 and words[-1] in org_nouns():
        return False
    return tally.kinds["person"] >= tally.kinds["organization"]


def is_acronym_key(key: str, tally: NameTally) -> bool:
    """A key only ever written as an acronym: "fbi" (from "FBI" or "F.B.I."), not "obama"
    (written "OBAMA" in a transcript and "Obama" elsewhere)."""
    return " " not in key and tally.all_capitals and is_acronym(key.upper())
