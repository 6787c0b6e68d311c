"""The rows of a speakers table: one entity each, and the summary of what is not in them."""

from __future__ import annotations

from typing import Any

import attrs

from ..model import Gender, SpeakerKind

__all__ = ["ROW_COLUMNS", "SpeakerRow", "TableSummary"]

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
