"""The :class:`Quotes` list: a plain list of quotes that filters itself and shows as a table."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

import attrs

from ..errors import Errors, QuoteattrError
from .kinds import CueCategory, Profile, QuoteKind, Rule, SpeakerKind
from .values import Quote

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Quotes"]

_E = TypeVar("_E", bound=enum.Enum)

# What the quotes profile keeps of reported speech, as quoteattr.core.profiles selects it (a
# test checks that both say the same): content that is a clause (these rules), by a speech or
# writing cue, that is no indirect question (it opens with one of these words).
_CLAUSAL = frozenset({Rule.CCOMP, Rule.FRONTED, Rule.ACCORDING, Rule.LABEL})
_SAID = frozenset({CueCategory.SPEECH, CueCategory.WRITING})
_QUESTION = frozenset(
    {"whether", "if", "who", "whom", "whose", "what", "when", "where", "why", "how", "which"}
)
_FIRST_WORD = re.compile(r"[^\W_]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _as_quotes(q: Quote) -> bool:
    """A claim the quotes profile keeps, as far as a Quote's fields tell: a direct quote, or
    reported speech or writing whose content is a clause and no question. Whether its cue is
    negated ("has not said he would run") needs the parse, and is not checked."""
    if q.kind == QuoteKind.DIRECT:
        return True
    if q.rule not in _CLAUSAL or q.cue is None or q.cue.category not in _SAID:
        return False
    first = _FIRST_WORD.match(q.text)
    return first is None or first.group().lower() not in _QUESTION


def _split_at_marks(q: Quote) -> Iterator[Quote]:
    """A direct quote split at its quote marks, one Quote per part, as the quotes profile
    counts them (“A,” she said, “B.” is two quotes of one attribution)."""
    if q.kind != QuoteKind.DIRECT or len(q.parts) < 2:
        yield q
        return
    for k, (s, e) in enumerate(q.parts):
        before = q.text[: s - q.start]
        breaks = len(_PARAGRAPH_BREAK.findall(before))  # a paragraph ends at a line break
        context = q.context
        if context is not None and not (context.start <= s and e <= context.end):
            context = None  # a part in a later paragraph: its sentences are not known
        yield attrs.evolve(
            q,
            text=q.text[s - q.start : e - q.start],
            start=s,
            end=e,
            parts=((s, e),),
            fragments=tuple(f for f in q.fragments if s <= f.start and f.end <= e),
            sentence=q.sentence if k == 0 else None,  # needs the parse for later parts
            paragraph=q.paragraph + breaks if q.paragraph is not None else None,
            context=context,
        )


def _wanted(name: str, cls: type[_E], value: object) -> frozenset[_E] | None:
    """The enum members a filter argument asks for: a value or a collection of values
    (members or their strings); None for no filter.

    Raises:
        QuoteattrError: [E020] naming the first value that is not one of ``cls``.
    """
    if value is None:
        return None
    # A str is one value, not a collection of letters: kinds="direct".
    values = [value] if isinstance(value, str | enum.Enum) else value
    if not isinstance(values, Iterable):
        raise QuoteattrError(Errors.E020.format(name=name, reason=f"got {value!r}"))
    wanted = set()
    for v in values:
        try:
            wanted.add(cls(v))
        except ValueError:
            choices = ", ".join(repr(m.value) for m in cls)
            reason = f"{v!r} is not one of {choices}"
            raise QuoteattrError(Errors.E020.format(name=name, reason=reason)) from None
    return frozenset(wanted)


class Quotes(list[Quote]):
    """A list of quotes that a notebook shows as a who-said-what table.

    It is a plain ``list`` in every other way: it compares equal to a list of the same
    quotes, pickles and serializes as one.
    """

    __slots__ = ()

    def filter(
        self,
        *,
        kinds: QuoteKind | str | Iterable[QuoteKind | str] | None = None,
        categories: CueCategory | str | Iterable[CueCategory | str] | None = None,
        speaker_kinds: SpeakerKind | str | Iterable[SpeakerKind | str] | None = None,
        min_confidence: float | None = None,
        rules: Rule | str | Iterable[Rule | str] | None = None,
        profile: Profile | str | None = None,
    ) -> Quotes:
        """The quotes that pass every filter given, in their order.

        Each filter takes one value or a collection of values, as enum members or their
        strings (``kinds="direct"``, ``categories={"speech", "writing"}``); None (the default)
        lets every quote through.

        Args:
            kinds: the quote kinds to keep (:class:`QuoteKind`).
            categories: the cue categories to keep (:class:`CueCategory`); a quote without
                a cue has none and is dropped.
            speaker_kinds: the speaker kinds to keep (:class:`SpeakerKind`); a quote without
                a speaker is dropped.
            min_confidence: the lowest confidence kept, in [0, 1].
            rules: the rules to keep (:class:`Rule`); a quote without one is dropped.
            profile: ``"quotes"`` keeps what the ``quotes`` profile would have found, as
                far as a Quote's fields tell: direct quotes, split into one Quote per pair
                of quote marks, and reported speech or writing whose content is a clause
                (rules ``ccomp``, ``fronted``, ``according``, ``label``) and no question.
                Unlike extracting with ``profile="quotes"``, it keeps reported speech under
                a negated cue ("has not said he would run": the negation is in the parse),
                and a split part after the first has no ``sentence`` (nor a ``context`` when
                it lies in a later paragraph). ``"claims"`` keeps every quote.

        Returns:
            a new :class:`Quotes`.

        Raises:
            QuoteattrError: [E020] for a value that is not one of its enum, or a
                ``min_confidence`` outside [0, 1].
        """
        want_kinds = _wanted("kinds", QuoteKind, kinds)
        want_categories = _wanted("categories", CueCategory, categories)
        want_speakers = _wanted("speaker_kinds", SpeakerKind, speaker_kinds)
        want_rules = _wanted("rules", Rule, rules)
        want_profile = _wanted("profile", Profile, profile)
        if want_profile is not None and len(want_profile) != 1:
            reason = f"{profile!r} is not one profile"
            raise QuoteattrError(Errors.E020.format(name="profile", reason=reason))
        as_quotes = want_profile == frozenset({Profile.QUOTES})
        if min_confidence is not None and not (
            isinstance(min_confidence, int | float)
            and not isinstance(min_confidence, bool)
            and 0.0 <= min_confidence <= 1.0
        ):
            reason = f"{min_confidence!r} is not a number in [0, 1]"
            raise QuoteattrError(Errors.E020.format(name="min_confidence", reason=reason))

        def keep(q: Quote) -> bool:
            if want_kinds is not None and q.kind not in want_kinds:
                return False
            if want_categories is not None and (
                q.cue is None or q.cue.category not in want_categories
            ):
                return False
            if want_speakers is not None and (
                q.speaker is None or q.speaker.kind not in want_speakers
            ):
                return False
            if want_rules is not None and q.rule not in want_rules:
                return False
            return min_confidence is None or q.confidence >= min_confidence

        kept = (q for q in self if keep(q))
        if as_quotes:
            return Quotes(piece for q in kept if _as_quotes(q) for piece in _split_at_marks(q))
        return Quotes(kept)

    def to_dataframe(self, *, doc_id: str | None = None) -> pd.DataFrame:
        """The quotes as a DataFrame, one row per quote (:func:`quoteattr.to_dataframe`).

        Args:
            doc_id: the ``doc_id`` of every row (default: missing).

        Raises:
            ImportError: [E011] when pandas is not installed.
        """
        # An import that points up (io imports this module), run on the call only; the
        # import contracts list it as an exception.
        from ..io.dataframe import to_dataframe

        return to_dataframe(self, doc_id=doc_id)

    def _repr_html_(self) -> str:
        """The who-said-what table of the quotes (what Jupyter shows)."""
        # The one import that points up (io imports this module): a display hook, run only
        # when Jupyter shows the object; the import contracts list it as their exception.
        from ..io.html import quotes_html

        return quotes_html(self)
