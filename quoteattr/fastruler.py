"""An exact, faster stand-in for spaCy's ``attribute_ruler``, computed with numpy.

spaCy's :class:`~spacy.pipeline.AttributeRuler` runs a Matcher over every Doc and sets token
attributes one match at a time; in the default pipeline its 179 rules cost about a tenth of the
parse. Nearly all of them are lookups: "a token tagged ``PRP`` whose lower form is ``she`` gets
the lemma ``she`` and the morphology ``Case=Nom|...``". :class:`FastAttributeRuler` compiles
the same rules into array operations over ``doc.to_array`` and writes the result back with
``doc.from_array``, giving the same attributes on every token (a development-set test asserts
it, token by token).

It compiles only what it can reproduce exactly: token patterns without operators whose
conditions are ``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE``, each a value, ``IN``, ``NOT_IN``
or (on a string attribute) ``REGEX``, and rules that set ``POS``, ``MORPH``, ``LEMMA``,
``TAG`` or ``DEP``. Anything else raises [E039], and :func:`use_fast_ruler` then leaves the
stock component in place.

What the stock ruler does, and this one reproduces: every rule is matched once, on the Doc as
the earlier components left it (a rule's output is never another rule's input), and the rules'
attributes are applied in rule order, so for one token and one attribute the last matching
rule wins, while the attributes it does not set keep an earlier rule's value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, IDS, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Pipe
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.util import SimpleFrozenList
from spacy.vocab import Vocab

from .errors import Errors, QuoteattrError

__all__ = [
    "FACTORY",
    "CompiledRules",
    "FastAttributeRuler",
    "compile_rules",
    "make_fast_ruler",
    "use_fast_ruler",
]

#: The factory name of :class:`FastAttributeRuler`.
FACTORY = "quoteattr_attribute_ruler"

# The token attributes a pattern may test, in the column order of doc.to_array.
_READ = (TAG, LOWER, DEP, IS_SPACE)
# Of those, the ones whose values are strings (hashes); IS_SPACE is a 0/1 flag.
_READ_IDS: list[int | str] = list(_READ)
_STRING_READ = frozenset({TAG, LOWER, DEP})
# The token attributes a rule may set, in the column order of doc.from_array.
_WRITE = (POS, TAG, MORPH, LEMMA, DEP)
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
# A regex's answers are kept per string hash; past this many the cache starts over.
_REGEX_CACHE_SIZE = 100_000

Array = npt.NDArray[Any]
# A token condition: (column of _READ, kind, value): ("eq", int), ("in"/"not_in", tuple of
# ints), ("regex", pattern string). Hashable, so that one Doc computes each condition once.
Condition = tuple[int, str, Any]


class _Rule:
    """One compiled rule: its alternatives (each a token pattern of conditions, with the
    position of the token it changes) and the attributes it sets."""

    __slots__ = ("alternatives", "number", "values")

    def __init__(
        self,
        number: int,
        alternatives: tuple[tuple[tuple[tuple[Condition, ...], ...], int], ...],
        values: dict[int, int],
    ) -> None:
        self.number = number
        self.alternatives = alternatives
        self.values = values


class _Lookup:
    """The one-token alternatives that test the same columns for equality, as one sorted
    table: a token matches an entry when its values in those columns are the entry's.

    Args:
        columns: the columns tested (indices into ``_READ``).
        entries: values in those columns -> per written column, the last rule that sets it
            for such a token (-1: none).
        mix: one odd multiplier per column; a token's key is the sum of its values times
            them (modulo 2**64), and a found key is checked column by column, so a clash of
            keys never makes a match.
    """

    __slots__ = ("columns", "keys", "mix", "values", "winners")

    def __init__(self, columns: tuple[int, ...], entries: dict[tuple[int, ...], list[int]]) -> None:
        self.columns = list(columns)
        self.mix = np.array(_MIX[: len(columns)], dtype=np.uint64)
        keyed = sorted((_key(values), values) for values in entries)
        self.keys = np.array([k for k, _ in keyed], dtype=np.uint64)
        self.values = np.array([v for _, v in keyed], dtype=np.uint64).reshape(
            len(keyed), len(columns)
        )
        self.winners = np.array([entries[v] for _, v in keyed], dtype=np.int64)

    def apply(self, columns: Array, best: Array) -> None:
        """Raises ``best`` (written column x token) to the rules these entries match."""
        values = columns[:, self.columns]
        keys = values[:, 0] if len(self.columns) == 1 else (values * self.mix).sum(axis=1)
        at = np.searchsorted(self.keys, keys).clip(0, len(self.keys) - 1)
        found = np.flatnonzero((self.values[at] == values).all(axis=1))
        if len(found):
            chosen = best[:, found]
            np.maximum(chosen, self.winners[at[found]].T, out=chosen)
            best[:, found] = chosen


# Odd 64-bit multipliers (from the golden ratio and its neighbours) that spread the key of a
# token over the columns a lookup tests.
_MIX = (1, 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
# A one-token alternative with IN lists is expanded into one entry per combination of values;
# past this many it stays a mask.
_MAX_ENTRIES = 4096


def _key(values: tuple[int, ...]) -> int:
    """A lookup key: the values times _MIX, modulo 2**64 (as numpy's uint64 arithmetic)."""
    if len(values) == 1:
        return values[0]
    return sum(v * m for v, m in zip(values, _MIX, strict=False)) % 2**64


def _entries(
    pattern: tuple[tuple[Condition, ...], ...],
) -> tuple[tuple[int, ...], list[tuple[int, ...]]] | None:
    """A one-token alternative as lookup entries: the columns it tests and the combinations
    of values it accepts, or None when it is no plain lookup (two tokens, NOT_IN, REGEX, a
    column tested twice, no condition, too many combinations)."""
    if len(pattern) != 1 or not pattern[0] or len(pattern[0]) > len(_MIX):
        return None
    conditions = sorted(pattern[0])
    columns = tuple(c for c, _, _ in conditions)
    if len(set(columns)) != len(columns):
        return None
    choices: list[tuple[int, ...]] = []
    size = 1
    for _, kind, value in conditions:
        if kind == "eq":
            choices.append((value,))
        elif kind == "in":
            choices.append(value)
        else:
            return None
        size *= len(choices[-1])
    if size > _MAX_ENTRIES:
        return None
    return columns, list(itertools.product(*choices))


class CompiledRules:
    """An attribute ruler's patterns as arrays: lookup tables for the one-token alternatives
    that test values for equality (or membership), and masks for the others.

    Args:
        rules: the compiled rules, in rule order.
    """

    def __init__(self, rules: Sequence[_Rule]) -> None:
        # The columns this ruler writes, and per column the value of each rule.
        written = sorted({a for r in rules for a in r.values}, key=_WRITE.index)
        self.written = written
        self.table = np.zeros((len(written), len(rules)), dtype=np.uint64)
        for r in rules:
            for k, attr in enumerate(written):
                if attr in r.values:
                    self.table[k, r.number] = r.values[attr]
        groups: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
        masked: list[_Rule] = []
        for r in rules:
            rest = []
            for alternative in r.alternatives:
                found = _entries(alternative[0])
                if found is None:
                    rest.append(alternative)
                    continue
                columns, combinations = found
                group = groups.setdefault(columns, {})
                for values in combinations:
                    row = group.setdefault(values, [-1] * len(written))
                    for k, attr in enumerate(written):
                        if attr in r.values:
                            row[k] = max(row[k], r.number)
            if rest:
                masked.append(_Rule(r.number, tuple(rest), r.values))
        self.lookups = []
        for columns, entries in groups.items():
            if len({_key(v) for v in entries}) == len(entries):
                self.lookups.append(_Lookup(columns, entries))
                continue
            # Two entries with one key (never seen, but possible): these alternatives are
            # matched with masks instead.
            for values, row in entries.items():
                pattern = (tuple((c, "eq", v) for c, v in zip(columns, values, strict=True)),)
                for k, number in enumerate(row):
                    if number >= 0:
                        attr = written[k]
                        masked.append(
                            _Rule(number, ((pattern, 0),), {attr: rules[number].values[attr]})
                        )
        self.rules = sorted(masked, key=lambda r: r.number)
        self.regex_cache: dict[str, dict[int, bool]] = {}

    def winners(self, doc: Doc, columns: Array) -> Array:
        """Per written column and token, the number of the last rule that sets it, or -1.

        Args:
            doc: the Doc (for the strings a regex reads).
            columns: ``doc.to_array(_READ)``.

        Returns:
            an int64 array of shape (columns written, tokens).
        """
        n = columns.shape[0]
        best = np.full((len(self.written), n), -1, dtype=np.int64)
        for lookup in self.lookups:
            lookup.apply(columns, best)
        masks: dict[Condition, Array] = {}
        for rule in self.rules:
            target = self._target(rule, doc, columns, masks)
            if target is None:
                continue
            for k, attr in enumerate(self.written):
                if attr in rule.values:
                    row = best[k]
                    row[target & (row < rule.number)] = rule.number
        return best

    def _target(
        self, rule: _Rule, doc: Doc, columns: Array, masks: dict[Condition, Array]
    ) -> Array | None:
        """The tokens a rule changes, as a boolean mask, or None when it matches nowhere."""
        n = columns.shape[0]
        target: Array | None = None
        for pattern, index in rule.alternatives:
            width = len(pattern)
            if width > n:
                continue
            # Starts of the matches: token k of the pattern at start + k, for every k.
            starts = np.ones(n - width + 1, dtype=bool)
            for k, token in enumerate(pattern):
                for condition in token:
                    mask = masks.get(condition)
                    if mask is None:
                        mask = masks[condition] = self._mask(condition, doc, columns)
                    starts &= mask[k : n - width + 1 + k]
            if not starts.any():
                continue
            if target is None:
                target = np.zeros(n, dtype=bool)
            target[index : n - width + 1 + index] |= starts
        return target

    def _mask(self, condition: Condition, doc: Doc, columns: Array) -> Array:
        """The tokens that meet one condition."""
        column, kind, value = condition
        values = columns[:, column]
        if kind == "eq":
            return np.asarray(values == np.uint64(value))
        if kind == "in":
            return np.isin(values, np.array(value, dtype=np.uint64))
        if kind == "not_in":
            return ~np.isin(values, np.array(value, dtype=np.uint64))
        # "regex": the Matcher runs re.search on the attribute's string; each distinct string
        # of the Doc is searched once, and its answer kept for the next Doc.
        cache = self.regex_cache.setdefault(value, {})
        if len(cache) > _REGEX_CACHE_SIZE:
            cache.clear()
        search = re.compile(value).search
        unique, inverse = np.unique(values, return_inverse=True)
        strings = doc.vocab.strings
        answers = np.empty(len(unique), dtype=bool)
        for i, key in enumerate(unique.tolist()):
            answer = cache.get(key)
            if answer is None:
                answer = cache[key] = search(strings[key]) is not None
            answers[i] = answer
        return np.asarray(answers[inverse.reshape(-1)])


def _refuse(number: int, reason: str) -> QuoteattrError:
    return QuoteattrError(Errors.E039.format(number=number, reason=reason))


def _attr_id(key: object, number: int) -> int:
    """The attribute id of a pattern key ("TAG", "lower", or an id) that a pattern may test."""
    attr = IDS.get(key.upper()) if isinstance(key, str) else key
    if not isinstance(attr, int) or isinstance(attr, bool) or attr not in _READ:
        raise _refuse(number, f"the pattern key {key!r} is none of TAG, LOWER, DEP, IS_SPACE")
    return attr


def _scalar(vocab: Vocab, attr: int, value: object, number: int) -> int:
    """A condition's value as the Matcher compares it: a string's hash, a flag's 0/1."""
    if attr in _STRING_READ and isinstance(value, str):
        return int(vocab.strings.add(value))
    if attr in _STRING_READ and isinstance(value, int) and not isinstance(value, bool):
        return value
    if attr == IS_SPACE and isinstance(value, int):
        return int(value)
    raise _refuse(number, f"the value {value!r} of {vocab.strings[attr]}")


def _conditions(vocab: Vocab, token: Mapping[Any, Any], number: int) -> tuple[Condition, ...]:
    """One token's pattern as conditions."""
    out: list[Condition] = []
    for key, value in token.items():
        attr = _attr_id(key, number)
        column = _READ.index(attr)
        if not isinstance(value, Mapping):
            out.append((column, "eq", _scalar(vocab, attr, value, number)))
            continue
        if not value or not set(value) <= _PREDICATES:
            raise _refuse(number, f"the predicates {sorted(value)!r} (only IN, NOT_IN, REGEX)")
        for predicate, argument in value.items():
            if predicate == "REGEX":
                if attr not in _STRING_READ or not isinstance(argument, str):
                    raise _refuse(number, f"REGEX {argument!r} on {key!r}")
                re.compile(argument)
                out.append((column, "regex", argument))
                continue
            if isinstance(argument, str | Mapping) or not isinstance(argument, Iterable):
                raise _refuse(number, f"{predicate} {argument!r} is not a list")
            members = []
            for item in argument:
                if isinstance(item, str):
                    # The Matcher's get_string_id: the empty string is 0, an unset value.
                    members.append(0 if item == "" else int(vocab.strings.add(item)))
                elif isinstance(item, int) and not isinstance(item, bool):
                    members.append(item)
                else:
                    raise _refuse(number, f"{predicate} member {item!r}")
            kind = "in" if predicate == "IN" else "not_in"
            out.append((column, kind, tuple(sorted(set(members)))))
    return tuple(out)


def compile_rules(vocab: Vocab, patterns: Iterable[Mapping[str, Any]]) -> CompiledRules:
    """Compiles an attribute ruler's patterns, or refuses what it could not reproduce exactly.

    Args:
        vocab: the pipeline's vocab (the patterns' strings go into its string store, their
            morphologies into its morphology table, as the stock ruler's do).
        patterns: ``AttributeRuler.patterns``: dicts of ``patterns`` (alternative Matcher
            patterns), ``attrs`` and ``index``.

    Returns:
        the compiled rules.

    Raises:
        QuoteattrError: [E039] for an operator (``OP``), an attribute other than TAG, LOWER,
            DEP, IS_SPACE, a predicate other than IN, NOT_IN, REGEX, an extension attribute,
            an attribute set other than POS, TAG, MORPH, LEMMA, DEP, or an index outside a
            pattern.
    """
    rules = []
    for number, entry in enumerate(patterns):
        index = entry.get("index", 0)
        if not isinstance(index, int) or isinstance(index, bool):
            raise _refuse(number, f"the index {index!r}")
        alternatives = []
        for pattern in entry["patterns"]:
            if not pattern:
                raise _refuse(number, "an empty pattern")
            tokens = tuple(_conditions(vocab, token, number) for token in pattern)
            at = index if index >= 0 else len(tokens) + index
            if not 0 <= at < len(tokens):
                raise _refuse(number, f"the index {index} is outside a {len(tokens)}-token pattern")
            alternatives.append((tokens, at))
        if not alternatives:
            raise _refuse(number, "no pattern")
        attrs = entry["attrs"]
        if "_" in attrs:
            raise _refuse(number, "an extension attribute")
        values = {}
        for attr, value in normalize_token_attrs(vocab, dict(attrs)).items():
            if attr not in _WRITE:
                raise _refuse(number, f"it sets {vocab.strings[attr]}, not POS/TAG/MORPH/LEMMA/DEP")
            values[int(attr)] = int(value)
        rules.append(_Rule(number, tuple(alternatives), values))
    return CompiledRules(rules)


class FastAttributeRuler(Pipe):
    """The attribute ruler's rules, applied with numpy (same results, a fraction of the time).

    Its patterns come from a stock ruler (:func:`use_fast_ruler`), :meth:`add_patterns`,
    :meth:`from_bytes` or :meth:`from_disk`, and it serializes them as the stock ruler does,
    so ``nlp.to_bytes()``/``from_bytes()`` and ``to_disk``/``spacy.load`` keep it. It pickles
    as its vocab, name and patterns.

    Args:
        vocab: the pipeline's vocab.
        name: the component's name.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self._patterns: list[dict[str, Any]] = []
        self.compiled = compile_rules(vocab, [])

    def __reduce__(self) -> tuple[Callable[..., FastAttributeRuler], tuple[Any, ...]]:
        return _unpickle, (self.vocab, self.name, self._patterns)

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """The rules, as ``AttributeRuler.patterns`` gives them."""
        return [dict(p) for p in self._patterns]

    def add_patterns(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        """Adds rules after the present ones.

        Args:
            patterns: dicts of ``patterns``, ``attrs`` and ``index`` (``AttributeRuler``'s).

        Raises:
            QuoteattrError: [E039] when a rule is outside what it reproduces; the ruler is
                then unchanged.
        """
        added = [
            {"patterns": p["patterns"], "attrs": p["attrs"], "index": p.get("index", 0)}
            for p in patterns
        ]
        compiled = compile_rules(self.vocab, self._patterns + added)
        self._patterns += added
        self.compiled = compiled

    def __call__(self, doc: Doc) -> Doc:
        """Sets the rules' attributes on the Doc's tokens, in place.

        Args:
            doc: the Doc, tagged and parsed as the stock ruler would receive it.

        Returns:
            the same Doc.
        """
        compiled = self.compiled
        if not len(doc) or not compiled.written:
            return doc
        columns = doc.to_array(_READ_IDS)
        best = compiled.winners(doc, columns)
        changed = best >= 0
        touched = changed.any(axis=1)
        if not touched.any():
            return doc
        # Only the columns some rule set are written back: from_array registers every MORPH
        # value it writes, so leaving a column out saves work, not just memory.
        rows = np.flatnonzero(touched)
        attrs: list[int | str] = [compiled.written[k] for k in rows]
        old = doc.to_array(attrs).reshape(len(doc), len(attrs))
        new = old.copy()
        for j, k in enumerate(rows):
            hit = changed[k]
            new[hit, j] = compiled.table[k, best[k, hit]]
        doc.from_array(attrs, new)  # type: ignore[arg-type]
        return doc

    def _stock(self) -> AttributeRuler:
        """spaCy's ruler with these rules, which reads and writes them in its own format."""
        stock = AttributeRuler(self.vocab, self.name)
        stock.add_patterns(self._patterns)
        return stock

    def _take(self, read: Callable[[AttributeRuler], object]) -> FastAttributeRuler:
        """Takes the rules that ``read`` loads into a stock ruler (spaCy's own format).

        Raises:
            QuoteattrError: [E039] when the rules cannot be compiled.
        """
        stock = AttributeRuler(self.vocab, self.name)
        read(stock)
        self._patterns = []
        self.add_patterns(stock.patterns)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The ruler as bytes: its vocab and patterns, as the stock ruler writes them."""
        return bytes(self._stock().to_bytes(exclude=exclude))

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> FastAttributeRuler:
        """Loads the ruler from :meth:`to_bytes` (or a stock ruler's), replacing its rules.

        Raises:
            QuoteattrError: [E039] when the rules cannot be compiled.
        """
        return self._take(lambda stock: stock.from_bytes(bytes_data, exclude=exclude))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Writes the ruler to a directory, as the stock ruler does."""
        self._stock().to_disk(path, exclude=exclude)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> FastAttributeRuler:
        """Loads the ruler from a directory (its own, or a stock ruler's), replacing its rules.

        Raises:
            QuoteattrError: [E039] when the rules cannot be compiled.
        """
        return self._take(lambda stock: stock.from_disk(path, exclude=exclude))


def _unpickle(vocab: Vocab, name: str, patterns: list[dict[str, Any]]) -> FastAttributeRuler:
    """A ruler from its pickled vocab, name and patterns (see ``__reduce__``)."""
    ruler = FastAttributeRuler(vocab, name)
    ruler.add_patterns(patterns)
    return ruler


@Language.factory(
    FACTORY,
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep"],
)
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Builds an empty :class:`FastAttributeRuler` (spaCy factory); its rules come from
    :func:`use_fast_ruler`, ``add_patterns`` or the pipeline's saved data."""
    return FastAttributeRuler(nlp.vocab, name)


def use_fast_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replaces a pipeline's stock attribute ruler by a :class:`FastAttributeRuler` with the
    same rules, under the same name and at the same place, when its rules compile.

    Args:
        nlp: the pipeline, changed in place.
        name: the stock ruler's component name.

    Returns:
        True when the fast ruler took its place; False when there is no stock ruler of that
        name, or its rules use something :func:`compile_rules` refuses (the stock ruler then
        stays, and the parse is the stock one).
    """
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, AttributeRuler):
        return False
    patterns = stock.patterns
    try:
        compile_rules(nlp.vocab, patterns)
    except QuoteattrError:
        return False
    fast = nlp.replace_pipe(name, FACTORY)
    assert isinstance(fast, FastAttributeRuler)
    fast.add_patterns(patterns)
    return True
