"""Speaker names made comparable across documents: cleaning, keys, and how two names relate.

Rule 1 of :mod:`quoteattr.corpus` (one name written differently) is :func:`clean_name`; the
tests that rules 2 to 7 ask of two names (middle names and initials, spellings and familiar
forms of a given name, initials of an acronym) are the functions below, which
:mod:`quoteattr.corpus.merging` applies with what the corpus says of each name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import attrs

from ..lexicons import SURNAME_PARTICLES, honorifics, nicknames, titles

__all__ = [
    "CleanName",
    "Person",
    "capitalised",
    "clean_name",
    "compatible",
    "familiar_form",
    "initials",
    "is_acronym",
    "middles_fit",
    "one_person_by_role",
    "person_of",
    "proper_names",
    "role_key",
    "same_given_name",
]

# "Donald Trump Jr." is not "Donald Trump": these end a name and are kept apart from it.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words an acronym may or may not take a letter from: "Federal Bureau of Investigation" is
# FBI, "Department of Justice" is DOJ.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "to"})
# A spaced dash: "CLEVELAND - Donald Trump", "BOSTON — Hillary Clinton".
_SPACED_DASH = re.compile(r"\s(?:-{1,2}|[–—―])\s?|\s?(?:-{2}|[–—―])\s")
# "the Democratic Unionist Party (DUP)": a name that states its own acronym.
_DEFINITION = re.compile(r"(?P<long>.+?)\s*\(\s*(?P<acronym>[A-Z][A-Z.&-]{1,11})\s*\)")
# A nickname in quote marks inside a name: 'C.L. "Butch" Otter', 'John “Tig” Tiegen'.
_QUOTED_NICKNAME = re.compile(r"(?<!\w)[\"“‘'][^\"“”‘’']{1,30}[\"”’'](?!\w)")
_BRACKETS = re.compile(r"[()\[\]{}<>]")
_EDGE_PUNCT = " -–—―,;:\"“”‘’'*•·|/\\"
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")


@attrs.frozen
class CleanName:
    """A speaker name made comparable: its display form, its key and what it says."""

    display: str  # "Donald Trump" for "CLEVELAND - Donald Trump"
    key: str  # "donald trump": case-folded words, dots dropped
    capitals: bool  # written without a lower-case letter
    acronym: str | None  # "DUP" when the name was "Democratic Unionist Party (DUP)"


def is_acronym(word: str) -> bool:
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
    """Makes a speaker name comparable across documents (rule 1 of :mod:`quoteattr.corpus`).

    Args:
        name: a ``Speaker.name`` as a document gave it.

    Returns:
        its display form, key, whether it was in capitals and the acronym it states.
    """
    text = " ".join(name.split())
    text = _drop_dateline(text)
    acronym = None
    m = _DEFINITION.fullmatch(text)
    if m is not None and is_acronym(m["acronym"]):
        text, acronym = m["long"], m["acronym"].replace(".", "")
    text = _QUOTED_NICKNAME.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE_END.sub("", text).strip(_EDGE_PUNCT)
    words = text.split()
    while len(words) > 1 and words[0].lower() in honorifics():
        words = words[1:]
    text = " ".join(words)
    capitals = any(c.isalpha() for c in text) and not any(c.islower() for c in text)
    return CleanName(display=text, key=_name_key(text), capitals=capitals, acronym=acronym)


def _name_key(display: str) -> str:
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
class Person:
    """A key read as a person's name: "donald j trump" -> donald / (j,) / trump."""

    first: str | None  # None for a bare surname
    middles: tuple[str, ...]
    last: str
    suffix: str | None
    words: tuple[str, ...]  # first, middles and last: the name without its suffix


def person_of(key: str) -> Person | None:
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
        return Person(None, (), last, suffix, tuple(words))
    return Person(before[0], tuple(before[1:]), last, suffix, tuple(words))


def _fits(a: str, b: str) -> bool:
    """One given name fits another: the same, or one is the other's initial ("j", "john")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def middles_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
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


def compatible(a: Person, b: Person) -> bool:
    """Rule 2: two full names of one person, as far as the names can tell."""
    return (
        a.first is not None
        and b.first is not None
        and a.last == b.last
        and a.suffix == b.suffix
        and _fits(a.first, b.first)
        and middles_fit(a.middles, b.middles)
    )


def _short_form(a: str, b: str) -> bool:
    """Rule 5: a short form of a given name ("ed" of "edward", "joe" of "joseph"): the same
    first two letters and one the beginning of the other, allowing its last letter to
    differ ("joe" / "jos-eph")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2 or short == long or short[:2] != long[:2]:
        return False
    return long.startswith(short) or long.startswith(short[:-1])


def initials(words: Iterable[str], skip: bool) -> str:
    return "".join(w[0] for w in words if w and not (skip and w in _ACRONYM_SKIPS))


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


def one_person_by_role(a: Person, b: Person) -> bool:
    """Rule 5: names that are one person's if a shared role says so: a short form with its
    last letter changed ("joe", "joseph"), or one name with a generational suffix and one
    without ("Joseph R. Biden Jr.", "Joe Biden"; "Donald Trump Jr.", "Donald Trump")."""
    assert a.first is not None and b.first is not None
    if a.suffix == b.suffix:
        return _short_form(a.first, b.first)
    if a.suffix and b.suffix:
        return False
    return _fits(a.first, b.first) or _short_form(a.first, b.first)


def same_given_name(a: str, b: str) -> bool:
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


def familiar_form(a: str, b: str) -> bool:
    """Rule 5: one given name is a familiar form of the other ("chuck", "charles"; "bill",
    "william"), as ``lexicons/nicknames.txt`` lists them."""
    return b in nicknames().get(a, ()) or a in nicknames().get(b, ())


def capitalised(spellings: Iterable[str]) -> bool:
    """Written as a name somewhere, each word capitalised but particles ("Bill de Blasio"),
    not as a description the model took for a person ("the billionaire business mogul")."""
    for spelling in spellings:
        words = clean_name(spelling).display.split()
        if all(w[:1].isupper() or w[:1].isdigit() or w in SURNAME_PARTICLES for w in words):
            return True
    return False


def proper_names(spellings: Iterable[str]) -> list[list[str]]:
    """The spellings of a name whose every word but function words is capitalised, as
    lower-case words ("Associated Press", "Department of Justice"); not "ABC poll", a
    poll rather than an organisation called A. P."""
    out = []
    for spelling in spellings:
        words = clean_name(spelling).display.replace("-", " ").split()
        if all(w[:1].isupper() or w.lower() in _ACRONYM_SKIPS for w in words):
            out.append([w.lower() for w in words])
    return out
