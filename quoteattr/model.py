"""Value objects: what quoteattr hands to other programs.

They hold character offsets into the original text and copies of the text, never spaCy tokens
or spans, so they pickle, compare, hash and serialize as plain data. Offsets are code-point
offsets (Python ``str`` indices), end exclusive.

``Quote.to_dict()`` and ``Quote.from_dict()`` round-trip exactly; the dict carries
``"schema": SCHEMA_VERSION``. Version 2 added ``"rule"``; dicts of version 1 are still read
(their rule is None).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .errors import Errors, QuoteattrError

__all__ = [
    "SCHEMA_VERSION",
    "Cue",
    "CueCategory",
    "Quote",
    "QuoteKind",
    "Quotes",
    "Rule",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "TextSpan",
]

#: Version of the dict layout written by ``Quote.to_dict`` (2 added ``"rule"``).
SCHEMA_VERSION = 2
# The versions from_dict reads.
_READABLE = (1, 2)


class QuoteKind(enum.StrEnum):
    """How the content is given: verbatim, paraphrased, or paraphrased with verbatim pieces."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Rule(enum.StrEnum):
    """How a quote was found: the rule that linked its content to its cue and speaker.

    Direct quotes, from the surest evidence to the least: ``governor`` (the cue verb the
    parse attaches the quote to), ``inner`` (a cue between the quote's parts), ``trailing``
    and ``leading`` (a cue after or before it in its sentence), ``dash`` ("“…” — Bernie
    Sanders"), ``colon`` ("He declared:" before it), ``previous-subject`` (the previous
    sentence's subject), ``none`` (no attribution found). Reported speech: ``ccomp``,
    ``fronted``, ``according``, ``xcomp``, ``prep``, ``object``, ``noun``, ``adjective`` and
    ``label`` (see docs/design.md).
    """

    GOVERNOR = "governor"
    INNER = "inner"
    TRAILING = "trailing"
    LEADING = "leading"
    DASH = "dash"
    COLON = "colon"
    PREVIOUS_SUBJECT = "previous-subject"
    NONE = "none"
    CCOMP = "ccomp"
    FRONTED = "fronted"
    ACCORDING = "according"
    XCOMP = "xcomp"
    PREP = "prep"
    OBJECT = "object"
    NOUN = "noun"
    ADJECTIVE = "adjective"
    LABEL = "label"


class SpeakerKind(enum.StrEnum):
    """What sort of source the speaker is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    UNNAMED = "unnamed"
    UNKNOWN = "unknown"


class CueCategory(enum.StrEnum):
    """What sort of act the cue reports: speech, writing, a report, or a belief."""

    SPEECH = "speech"
    WRITING = "writing"
    REPORT = "report"
    BELIEF = "belief"


def _bad(reason: str, data: object) -> QuoteattrError:
    return QuoteattrError(Errors.E003.format(reason=reason, data=data))


def _check_span(inst: Any, _attr: Any, _value: Any) -> None:
    if not (0 <= inst.start <= inst.end):
        raise _bad(f"offsets must satisfy 0 <= start <= end, got {inst.start}, {inst.end}", inst)
    if len(inst.text) != inst.end - inst.start:
        raise _bad(
            f"text has {len(inst.text)} characters but the offsets span {inst.end - inst.start}",
            inst,
        )


def _need(data: Mapping[str, Any], key: str) -> Any:
    if not isinstance(data, Mapping):
        raise _bad("expected a mapping", data)
    try:
        return data[key]
    except KeyError:
        raise _bad(f"missing key {key!r}", data) from None


def _int(data: Mapping[str, Any], key: str) -> int:
    """A required integer (not a bool, not a float: an offset is a whole number)."""
    value = _need(data, key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f"{key!r} must be an integer, not {value!r}", data)
    return value


def _optional_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    return _int(data, key)


def _str(data: Mapping[str, Any], key: str) -> str:
    value = _need(data, key)
    if not isinstance(value, str):
        raise _bad(f"{key!r} must be a string, not {value!r}", data)
    return value


def _optional_str(data: Mapping[str, Any], key: str, default: str | None = None) -> str | None:
    value = data.get(key, default)
    if value is None or isinstance(value, str):
        return value
    raise _bad(f"{key!r} must be a string or null, not {value!r}", data)


def _mapping(value: object, what: str, data: object) -> Mapping[str, Any] | None:
    if value is None or isinstance(value, Mapping):
        return value
    raise _bad(f"{what!r} must be an object or null, not {value!r}", data)


def _enum(cls: type[enum.Enum], value: object, data: object) -> Any:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise _bad(f"{value!r} is not one of {choices}", data) from None


@attrs.frozen
class TextSpan:
    """A piece of the original text: ``text == original[start:end]``."""

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int

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


@attrs.frozen
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


@attrs.frozen
class Speaker:
    """Who the content is attributed to.

    ``mention`` is the phrase in the text that names the speaker ("Stoltenberg", "he",
    "the diplomats"); ``name`` is the canonical name of the entity it refers to, the fullest
    name the document uses for it ("Jens Stoltenberg"), or the mention itself without its
    article ("diplomats") for unnamed sources and unresolved pronouns. ``role`` and
    ``organization`` are the entity's, wherever the document states them ("Secretary of
    Defense" / "US").
    """

    name: str
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    mention: TextSpan | None = None
    role: str | None = None
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Returns ``{"name", "kind", "role", "organization", "mention"}``."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "role": self.role,
            "organization": self.organization,
            "mention": self.mention.to_dict() if self.mention is not None else None,
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
        )


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
        raise _bad("a quote needs at least one part", inst)
    for s, e in inst.parts:
        if not (inst.start <= s <= e <= inst.end):
            raise _bad(f"part ({s}, {e}) lies outside the quote ({inst.start}, {inst.end})", inst)
    if list(inst.parts) != sorted(inst.parts):
        raise _bad("parts must be in text order", inst)
    if not (0.0 <= inst.confidence <= 1.0):
        raise _bad(f"confidence {inst.confidence} is not in [0, 1]", inst)


@attrs.frozen
class Quote:
    """One attribution: content, the cue that introduces it and the speaker it belongs to.

    ``start``/``end``/``text`` are the envelope of the content, quote marks included where the
    text has them; ``parts`` are the content pieces, more than one when the attribution
    interrupts the quote (“A,” he said, “B.”). ``fragments`` are the verbatim, quote-marked
    pieces inside a mixed quote. ``sentence`` and ``paragraph`` are 0-based indices of where
    the content starts. ``rule`` says how the quote was found (:class:`Rule`; None for a
    quote made by hand or read from a version 1 dict).
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
        from .io.html import quotes_html

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
            raise _bad("expected a mapping", data)
        version = data.get("schema", SCHEMA_VERSION)
        if version not in _READABLE:
            supported = " and ".join(str(v) for v in _READABLE)
            raise QuoteattrError(Errors.E004.format(version=version, supported=supported))
        cue = _mapping(data.get("cue"), "cue", data)
        speaker = _mapping(data.get("speaker"), "speaker", data)
        rule = data.get("rule")
        start = _int(data, "start")
        end = _int(data, "end")
        try:
            parts = _read_parts(data.get("parts") or [[start, end]])
        except (TypeError, ValueError):
            raise _bad("parts must be a list of [start, end] pairs of integers", data) from None
        confidence = data.get("confidence", 1.0)
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise _bad(f"'confidence' must be a number, not {confidence!r}", data)
        fragments = data.get("fragments") or ()
        if not isinstance(fragments, list | tuple):
            raise _bad(f"'fragments' must be a list, not {fragments!r}", data)
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
        )


def _to_quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


@attrs.frozen
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


class Quotes(list[Quote]):
    """A list of quotes that a notebook shows as a who-said-what table.

    It is a plain ``list`` in every other way: it compares equal to a list of the same
    quotes, pickles and serializes as one.
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The who-said-what table of the quotes (what Jupyter shows)."""
        # The one import that points up (io imports this module): a display hook, run only
        # when Jupyter shows the object; the import contracts list it as their exception.
        from .io.html import quotes_html

        return quotes_html(self)
