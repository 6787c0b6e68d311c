"""The merging rules of :mod:`quoteattr.corpus`: which name keys of a table are one entity.

:class:`Merger` applies rules 2 to 7 of the package docstring, each a method, from the surest
to the most guarded, as a union-find over the name keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from ..lexicons import org_nouns, titles
from .names import (
    Person,
    capitalised,
    compatible,
    familiar_form,
    initials,
    middles_fit,
    one_person_by_role,
    person_of,
    proper_names,
    same_given_name,
)
from .tally import NameTally, is_acronym_key, is_person

__all__ = ["Merger"]

# Rule 4 (d): how many times more articles name a person in full than name every other person
# of that surname together, for a bare surname no article explains to join that person.
_DOMINANT = 10


class Merger:
    """Applies the merging rules to the name keys of a table (union-find over keys)."""

    def __init__(
        self,
        keys: list[str],
        tallies: Mapping[str, NameTally],
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
        self.persons: dict[str, Person] = {}
        for k in keys:
            p = person_of(k)
            if (
                p is not None
                and is_person(k, tallies[k])
                and capitalised(tallies[k].spellings)
                and not is_acronym_key(k, tallies[k])
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
        return self._full_documents(k) > 1

    def _full_documents(self, k: str) -> int:
        """The articles that name k's entity in full (with a given name)."""
        full = [m for m in self.members[self.find(k)] if m in self.persons]
        full = [m for m in full if self.persons[m].first is not None]
        return self.documents_of(full) if full else 0

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
                a: [b for b in keys if b != a and compatible(self.persons[a], self.persons[b])]
                for a in keys
            }
            # "George Bush" fits "George W. Bush" and "George P. Bush", which do not fit each
            # other: it is no one's for sure, and joins neither.
            clear = {
                a: all(
                    compatible(self.persons[x], self.persons[y])
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
        def full(p: Person) -> tuple[str, ...]:
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
                    if self.find(a) == self.find(b) or not middles_fit(pa.middles, pb.middles):
                        continue
                    if pa.suffix == pb.suffix and same_given_name(pa.first, pb.first):
                        near[a].add(b)
                        near[b].add(a)
                    elif (
                        pa.suffix == pb.suffix
                        and familiar_form(pa.first, pb.first)
                        and (self._beside(a, b) or self._roles_agree(a, b))
                    ):
                        # "Chuck Grassley" and "Charles Grassley", both stated as senator. A
                        # familiar form is shared by many: "Bob Mason", a retired letter
                        # carrier, is not "Robert Mason", a professor quoted in two articles.
                        near[a].add(b)
                        near[b].add(a)
                    elif one_person_by_role(pa, pb) and self._roles_agree(a, b):
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
            if (p is not None and p.first is not None) or is_acronym_key(k, self.tallies[k]):
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
                continue
            # (d) The one the corpus is about: a bare "Cruz" in articles that name no Cruz in
            # full, in a corpus that names Ted Cruz in 69 articles and Carla Cruz in one. A
            # writer drops the given name only of someone the readers know; a person named
            # in full in ten times as many articles as every other of that surname together
            # is that one. "Bush", with Jeb Bush in 40 articles and George W. Bush in 12,
            # joins neither.
            if p is not None and not beside:
                top = max(roots, key=self._full_documents)
                rest = sum(self._full_documents(r) for r in roots if r != top)
                if self._established(top) and self._full_documents(top) >= _DOMINANT * rest:
                    self.union(k, top)

    # rule 7
    def _bodies(self) -> None:
        """ "Hillary Clinton campaign" and "Clinton campaign": a body named after a person is
        compared as the person's names are, among bodies of the same noun."""
        groups: dict[tuple[str, str], list[tuple[str, Person]]] = {}
        for k in self.keys:
            words = k.split()
            if len(words) < 2 or words[-1] not in org_nouns():
                continue
            owner = " ".join(words[:-1])
            p = person_of(owner)
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
                    fits = [f for f, q in full if f != k and compatible(p, q)]
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
            if " " not in k or is_person(k, self.tallies[k]):
                continue
            for words in proper_names(self.tallies[k].spellings):
                for skip in (True, False):
                    by_initials.setdefault(initials(words, skip), set()).add(k)
        for k in self.keys:
            if not is_acronym_key(k, self.tallies[k]):
                continue
            named = defined.get(k) or by_initials.get(k) or set()
            roots = {self.find(x) for x in named}
            if len(roots) == 1:
                self.union(k, roots.pop())


def _main(counter: Counter[str]) -> str | None:
    """The one entry with the highest count, None for a tie or nothing."""
    top = counter.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]
