"""The value objects: TextSpan, Cue, Speaker, Quote and SpeakerEntity, with their dicts.

They hold character offsets into the original text and copies of the text, never spaCy tokens
or spans; ``to_dict`` and ``from_dict`` round-trip exactly, and ``from_dict`` checks every
field it reads ([E003], [E004]).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import Errors, QuoteattrError, bad_data
from .kinds import CueCategory, Gender, QuoteKind, Rule, SpeakerKind

__all__ = ["SCHEMA_VERSION", "Cue", "Quote", "Speaker", "SpeakerEntity", "TextSpan"]

#: Version of the dict layout written by ``Quote.to_dict`` (2 added ``"rule"`` and
#: ``"attribution"``).
SCHEMA_VERSION = 2
# The versions from_dict reads.
_READABLE = (1, 2)


def _check_span(inst: Any, _attr: Any, _value: Any) -> None:
    if not (0 <= inst.start <= inst.end):
        raise bad_data(
            f"offsets must satisfy 0 <= start <= end, got {inst.start}, {inst.end}", inst
        )
    if len(inst.text) != inst.end - inst.start:
        raise bad_data(
            f"text has {len(inst.text)} characters but the offsets span {inst.end - inst.start}",
            inst,
        )


def _need(data: Mapping[str, Any], key: str) -> Any:
    if not isinstance(data, Mapping):
        raise bad_data("expected a mapping", data)
    try:
        return data[key]
    except KeyError:
        raise bad_data(f"missing key {key!r}", data) from None


def _one_line(text: str, width: int = 60) -> str:
    """``text`` on one line (runs of white space as one space), cut to ``width`` with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _int(data: Mapping[str, Any], key: str) -> int:
    """A required integer (not a bool, not a float: an offset is a whole number)."""
    value = _need(data, key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_data(f"{key!r} must be an integer, not {value!r}", data)
    return value


def _optional_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    return _int(data, key)


def _str(data: Mapping[str, Any], key: str) -> str:
    value = _need(data, key)
    if not isinstance(value, str):
        raise bad_data(f"{key!r} must be a string, not {value!r}", data)
    return value


def _optional_str(data: Mapping[str, Any], key: str, default: str | None = None) -> str | None:
    value = data.get(key, default)
    if value is None or isinstance(value, str):
        return value
    raise bad_data(f"{key!r} must be a string or null, not {value!r}", data)


def _mapping(value: object, what: str, data: object) -> Mapping[str, Any] | None:
    if value is None or isinstance(value, Mapping):
        return value
    raise bad_data(f"{what!r} must be an object or null, not {value!r}", data)


def _enum(cls: type[enum.Enum], value: object, data: object) -> Any:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise bad_data(f"{value!r} is not one of {choices}", data) from None


@attrs.frozen(repr=False)
class TextSpan:
    """A piece of the original text: ``text == original[start:end]``."""

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int

    def __repr__(self) -> str:
        """One line: ``TextSpan('Stoltenberg', 700-711)``, long text cut."""
        return f"TextSpan({_one_line(self.text)!r}, {self.start}-{self.end})"

    def to_dict(self) -> dict[str, Any]:
        """Returns ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextSpan:
        """Builds a TextSpan from ``to_dict`` output.

        Raises:
            QuoteattrError: [E003] when a key is missing or the offsets do not fit the text.
        """
        return cls(text=_str(data, "text"), start=_int(data, "start"), end=_int(data, "end"))


@attrs.frozen(repr=False)
class Cue:
    """The words that mark an attribution: "said", "told reporters", "according to".

    ``lemma`` is the lexicon entry that matched (``"say"``, ``"according to"``) and
    ``category`` what sort of act it reports.
    """

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int
    lemma: str = ""
    category: CueCategory = CueCategory.SPEECH

    def __repr__(self) -> str:
        """One line: ``Cue('told', 480-484, tell, speech)``."""
        lemma = f", {self.lemma}" if self.lemma else ""
        return f"Cue({_one_line(self.text)!r}, {self.start}-{self.end}{lemma}, {self.category})"

    def to_dict(self) -> dict[str, Any]:
        """Returns ``{"text", "start", "end", "lemma", "category"}``."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lemma": self.lemma,
            "category": self.category.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cue:
        """Builds a Cue from ``to_dict`` output.

        Raises:
            QuoteattrError: [E003] on a missing key, a bad category or offsets that do not fit.
        """
        return cls(
            text=_str(data, "text"),
            start=_int(data, "start"),
            end=_int(data, "end"),
            lemma=_optional_str(data, "lemma", "") or "",
            category=_enum(CueCategory, data.get("category", "speech"), data),
        )


@attrs.frozen(repr=False)
class Speaker:
    """Who the content is attributed to.

    ``mention`` is the phrase in the text that names the speaker ("Stoltenberg", "he",
    "the diplomats"); ``name`` is the canonical name of the entity it refers to, the fullest
    name the document uses for it ("Jens Stoltenberg"), or the mention itself without its
    article ("diplomats") for unnamed sources and unresolved pronouns. ``role`` and
    ``organization`` are the entity's, wherever the document states them ("Secretary of
    Defense" / "US"). ``gender`` is a person's as the text shows it, and
    ``gender_evidence`` what shows it: ``"honorific"`` ("Ms. Chen"), ``"title"``
    ("congresswoman", "spokesman"), ``"pronouns"`` (the pronouns the text uses for the person
    after naming them), ``"pronoun"`` (the speaker is a "she" or "he" resolved to the person),
    ``"first name"`` (the optional first-name table, never the text), or ``"conflicting"``
    (the evidence disagrees, and the gender is unknown).
    """

    name: str
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    mention: TextSpan | None = None
    role: str | None = None
    organization: str | None = None
    gender: Gender = Gender.UNKNOWN
    gender_evidence: str | None = None

    def __repr__(self) -> str:
        """One line: ``Speaker('Jens Stoltenberg', person, mention 'Stoltenberg' 700-711,
        role 'Secretary-General', org 'NATO')``, the fields that are None left out."""
        fields = [repr(_one_line(self.name)), str(self.kind)]
        if self.mention is not None:
            m = self.mention
            fields.append(f"mention {_one_line(m.text)!r} {m.start}-{m.end}")
        fields += _named(("role", self.role), ("org", self.organization))
        if self.gender != Gender.UNKNOWN:
            fields.append(str(self.gender))
        return f"Speaker({', '.join(fields)})"

    def to_dict(self) -> dict[str, Any]:
        """Returns ``{"name", "kind", "role", "organization", "mention", "gender",
        "gender_evidence"}``."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "role": self.role,
            "organization": self.organization,
            "mention": self.mention.to_dict() if self.mention is not None else None,
            "gender": self.gender.value,
            "gender_evidence": self.gender_evidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Builds a Speaker from ``to_dict`` output.

        Raises:
            QuoteattrError: [E003] on a missing key or a bad kind.
        """
        name = _str(data, "name")
        mention = _mapping(data.get("mention"), "mention", data)
        return cls(
            name=name,
            kind=_enum(SpeakerKind, data.get("kind", "unknown"), data),
            mention=TextSpan.from_dict(mention) if mention is not None else None,
            role=_optional_str(data, "role"),
            organization=_optional_str(data, "organization"),
            gender=_enum(Gender, data.get("gender", "unknown"), data),
            gender_evidence=_optional_str(data, "gender_evidence"),
        )


def _count(n: int, noun: str) -> str:
    """``1 quote``, ``2 quotes``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _named(*fields: tuple[str, str | None]) -> list[str]:
    """``label 'value'`` for each field that is not None."""
    return [f"{label} {_one_line(value)!r}" for label, value in fields if value is not None]


def _to_parts(value: Iterable[Iterable[int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for part in value:
        s, e = (int(x) for x in part)
        out.append((s, e))
    return tuple(out)


def _read_parts(value: object) -> tuple[tuple[int, int], ...]:
    """``parts`` as ``to_dict`` writes them: a list of [start, end] pairs of integers."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"parts {value!r} is not a list")
    out = []
    for part in value:
        s, e = part
        if any(isinstance(x, bool) or not isinstance(x, int) for x in (s, e)):
            raise TypeError(f"part {part!r} is not a pair of integers")
        out.append((s, e))
    return tuple(out)


def _to_spans(value: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    return tuple(value)


def _check_quote(inst: Quote, _attr: Any, _value: Any) -> None:
    _check_span(inst, _attr, _value)
    if not inst.parts:
        raise bad_data("a quote needs at least one part", inst)
    for s, e in inst.parts:
        if not (inst.start <= s <= e <= inst.end):
            raise bad_data(
                f"part ({s}, {e}) lies outside the quote ({inst.start}, {inst.end})", inst
            )
    if list(inst.parts) != sorted(inst.parts):
        raise bad_data("parts must be in text order", inst)
    if not (0.0 <= inst.confidence <= 1.0):
        raise bad_data(f"confidence {inst.confidence} is not in [0, 1]", inst)


@attrs.frozen(repr=False)
class Quote:
    """One attribution: content, the cue that introduces it and the speaker it belongs to.

    ``start``/``end``/``text`` are the envelope of the content, quote marks included where the
    text has them; ``parts`` are the content pieces, more than one when the attribution
    interrupts the quote (“A,” he said, “B.”). ``fragments`` are the verbatim, quote-marked
    pieces inside a mixed quote. ``sentence`` and ``paragraph`` are 0-based indices of where
    the content starts. ``rule`` says how the quote was found (:class:`Rule`; None for a
    quote made by hand or read from a version 1 dict). ``attribution`` numbers the speech
    events of a document from 0, in text order: the quotes of one event (the pieces of
    “A,” she said. “B.” under the ``quotes`` profile) share it, so that a user can regroup
    them either way. ``context`` is the sentence or sentences that hold the quote, its cue
    and its speaker mention, within the quote's paragraph: what a reader checking the quote
    reads.
    """

    kind: QuoteKind
    text: str
    start: int = attrs.field(validator=_check_quote)
    end: int
    parts: tuple[tuple[int, int], ...] = attrs.field(converter=_to_parts)
    cue: Cue | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0
    sentence: int | None = None
    paragraph: int | None = None
    fragments: tuple[TextSpan, ...] = attrs.field(default=(), converter=_to_spans)
    rule: Rule | None = None
    attribution: int | None = None
    context: TextSpan | None = None

    def __repr__(self) -> str:
        """One line: ``Quote(direct, 'Jens Stoltenberg' [told] “We have to win the peace,”
        485-512, conf 0.95)``; long text cut, "no speaker" when there is none."""
        speaker = repr(_one_line(self.speaker.name, 40)) if self.speaker else "no speaker"
        cue = f" [{_one_line(self.cue.text, 30)}]" if self.cue else ""
        return (
            f"Quote({self.kind}, {speaker}{cue} {_one_line(self.text)} "
            f"{self.start}-{self.end}, conf {self.confidence:.2f})"
        )

    @property
    def part_texts(self) -> tuple[str, ...]:
        """The text of each part, in order."""
        return tuple(self.text[s - self.start : e - self.start] for s, e in self.parts)

    @property
    def content(self) -> str:
        """The content without the interrupting attribution: the parts joined by a space."""
        return " ".join(self.part_texts)

    def _repr_html_(self) -> str:
        """The quote as a one-row who-said-what table (what Jupyter shows)."""
        # The one import that points up (io imports this module): a display hook, run only
        # when Jupyter shows the object; the import contracts list it as their exception.
        from ..io.html import quotes_html

        return quotes_html([self])

    def to_dict(self) -> dict[str, Any]:
        """Returns a JSON-safe dict; ``Quote.from_dict(q.to_dict()) == q``."""
        return {
            "schema": SCHEMA_VERSION,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": [[s, e] for s, e in self.parts],
            "cue": self.cue.to_dict() if self.cue is not None else None,
            "speaker": self.speaker.to_dict() if self.speaker is not None else None,
            "confidence": self.confidence,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
            "fragments": [f.to_dict() for f in self.fragments],
            "rule": self.rule.value if self.rule is not None else None,
            "attribution": self.attribution,
            "context": self.context.to_dict() if self.context is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Builds a Quote from ``to_dict`` output.

        Args:
            data: a mapping as written by ``to_dict`` (of this version or version 1);
                ``schema`` may be absent (taken as the current version).

        Raises:
            QuoteattrError: [E004] for another schema version, [E003] for anything else that
                is not what ``to_dict`` writes: not a mapping, a missing key, a value of the
                wrong type (``text`` None, a float offset, ``sentence`` "x"), a bad kind, or
                offsets that do not fit the text.
        """
        if not isinstance(data, Mapping):
            raise bad_data("expected a mapping", data)
        version = data.get("schema", SCHEMA_VERSION)
        if version not in _READABLE:
            supported = " and ".join(str(v) for v in _READABLE)
            raise QuoteattrError(Errors.E004.format(version=version, supported=supported))
        cue = _mapping(data.get("cue"), "cue", data)
        speaker = _mapping(data.get("speaker"), "speaker", data)
        rule = data.get("rule")
        context = data.get("context")
        start = _int(data, "start")
        end = _int(data, "end")
        try:
            parts = _read_parts(data.get("parts") or [[start, end]])
        except (TypeError, ValueError):
            raise bad_data("parts must be a list of [start, end] pairs of integers", data) from None
        confidence = data.get("confidence", 1.0)
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise bad_data(f"'confidence' must be a number, not {confidence!r}", data)
        fragments = data.get("fragments") or ()
        if not isinstance(fragments, list | tuple):
            raise bad_data(f"'fragments' must be a list, not {fragments!r}", data)
        return cls(
            kind=_enum(QuoteKind, _need(data, "kind"), data),
            text=_str(data, "text"),
            start=start,
            end=end,
            parts=parts,
            cue=Cue.from_dict(cue) if cue is not None else None,
            speaker=Speaker.from_dict(speaker) if speaker is not None else None,
            confidence=float(confidence),
            sentence=_optional_int(data, "sentence"),
            paragraph=_optional_int(data, "paragraph"),
            fragments=tuple(
                TextSpan.from_dict(_mapping(f, "fragment", data) or {}) for f in fragments
            ),
            rule=_enum(Rule, rule, data) if rule is not None else None,
            attribution=_optional_int(data, "attribution"),
            context=TextSpan.from_dict(_mapping(context, "context", data) or {})
            if context is not None
            else None,
        )


def _to_quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


@attrs.frozen(repr=False)
class SpeakerEntity:
    """One speaker of a document, with every quote attributed to it.

    ``mentions`` are the distinct phrases that name it as a speaker ("Jens Stoltenberg",
    "Stoltenberg", "he"), in text order; ``quotes`` its quotes in text order.
    """

    name: str
    kind: SpeakerKind
    role: str | None = None
    organization: str | None = None
    mentions: tuple[TextSpan, ...] = attrs.field(default=(), converter=_to_spans)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_to_quotes)

    def __repr__(self) -> str:
        """One line: ``SpeakerEntity('Jens Stoltenberg', person, org 'NATO', 3 mentions,
        5 quotes)``."""
        fields = [repr(_one_line(self.name)), str(self.kind)]
        fields += _named(("role", self.role), ("org", self.organization))
        fields += [_count(len(self.mentions), "mention"), _count(len(self.quotes), "quote")]
        return f"SpeakerEntity({', '.join(fields)})"

    def to_dict(self) -> dict[str, Any]:
        """Returns a JSON-safe dict: name, kind, role, organization, mentions and quotes."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "role": self.role,
            "organization": self.organization,
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
        }
