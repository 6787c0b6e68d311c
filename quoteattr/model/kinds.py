"""The kinds of things a quote, its cue and its speaker can be: string enums."""

from __future__ import annotations

import enum

__all__ = ["CueCategory", "Gender", "Profile", "QuoteKind", "Rule", "SpeakerKind"]


class QuoteKind(enum.StrEnum):
    """How the content is given: verbatim, paraphrased, or paraphrased with verbatim pieces."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Profile(enum.StrEnum):
    """What counts as a quote.

    ``claims`` (the default): every attributed statement, belief, intention and report, as a
    fact-checker wants them; the parts of one speech event are one Quote (“A,” he said, “B.”
    has two parts). ``quotes``: what someone said or wrote, as a newsroom counting its
    sources wants it: quote-marked quotations and reported speech whose content is a clause,
    by a speech or writing cue, not negated, not a question; each pair of quote marks is a
    Quote of its own, and the quotes of one speech event share their ``attribution``.
    """

    CLAIMS = "claims"
    QUOTES = "quotes"


class Rule(enum.StrEnum):
    """How a quote was found: the rule that linked its content to its cue and speaker.

    Direct quotes, from the surest evidence to the least: ``governor`` (the cue verb the
    parse attaches the quote to), ``inner`` (a cue between the quote's parts), ``trailing``
    and ``leading`` (a cue after or before it in its sentence), ``dash`` ("“…” — Bernie
    Sanders"), ``colon`` ("He declared:" before it), ``introduced`` (a clause and a colon
    before it with no cue: "Sanders delivered a snappy retort: “…”"), ``label`` (a name and
    a colon: "Trump: ‘We will win.’"), ``previous-subject`` (the previous
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
    INTRODUCED = "introduced"
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


class Gender(enum.StrEnum):
    """A speaker's gender as the evidence shows it; ``unknown`` when it is weak, conflicting
    or absent, and always for organisations, unnamed sources and unresolved pronouns."""

    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class CueCategory(enum.StrEnum):
    """What sort of act the cue reports: speech, writing, a report, or a belief."""

    SPEECH = "speech"
    WRITING = "writing"
    REPORT = "report"
    BELIEF = "belief"
