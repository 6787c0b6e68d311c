"""The text of a document as HTML, its quotes highlighted and labelled by speaker.

Highlights never break the markup, however they overlap: the text is cut at every boundary
of every highlighted range (content parts, cues, speaker mentions) and each piece becomes one
flat ``<span>`` whose classes name all the ranges covering it. A cue inside a quote's envelope
(“A,” he *said*, “B.”) or a mention inside a content part thus needs no overlapping tags.

Each speaker has a colour (:data:`PALETTE`, given out by :class:`Cast`), but every quote
starts with a label that names its speaker in text: what a reader is told never rests on
colour alone. :mod:`quoteattr.io.html` builds the page around it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from itertools import pairwise

from ..core.layout import paragraph_bounds
from ..entities import speakers
from ..errors import Errors, QuoteattrError
from ..model import CueCategory, Quote, SpeakerEntity, SpeakerKind
from .sanitize import printable

__all__ = [
    "LOW_CONFIDENCE",
    "PALETTE",
    "Cast",
    "esc",
    "headline",
    "highlight",
    "marked_text",
    "who",
]

#: Quotes below this confidence are shown de-emphasised and tagged "low confidence": the
#: confidence is calibrated, so below 0.5 a quote is more likely wrong than right.
LOW_CONFIDENCE = 0.5

#: The speakers' colours, ``(fill, accent)``, in the order speakers first speak. Each fill is a
#: light tint that keeps the text (#1f2328) above 11:1; each accent (underlines, borders) has
#: at least 5:1 against white and 4:1 against its own fill. A document with more speakers
#: reuses them: the label in the text, not the colour, says who speaks.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#cfe2ff", "#0a58ca"),  # blue
    ("#ffdcb5", "#a84300"),  # orange
    ("#c9efd2", "#1a7f37"),  # green
    ("#e6dafb", "#6f42c1"),  # purple
    ("#ffd5d5", "#b42318"),  # red
    ("#c5ecef", "#0e7490"),  # teal
    ("#fff0a0", "#7a6400"),  # yellow
    ("#ead9c6", "#7c4a1e"),  # brown
    ("#fad1ec", "#a3267a"),  # pink
    ("#e1f0b5", "#4d6b00"),  # olive
    ("#d8e1ec", "#3d5a80"),  # slate
    ("#dcdcfa", "#4338ca"),  # indigo
)

#: The highlight classes, in the order their CSS rules come (a later one shows on top).
_ROLES = ("part", "cue", "mention")
_ROLE_NAMES = {"part": "content", "cue": "cue", "mention": "speaker"}

#: Shown in a quote's label when its cue is not speech: "backs" (belief), "reported" (report).
_TAGS = {CueCategory.WRITING: "written", CueCategory.REPORT: "report", CueCategory.BELIEF: "belief"}

#: How a speaker of each kind is described after its name where the name alone misleads.
_KIND_NOTES = {SpeakerKind.UNNAMED: "unnamed source", SpeakerKind.UNKNOWN: "unresolved"}


def esc(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    # printable: an id with a lone surrogate ("b\ud800") cannot be written as UTF-8.
    return html.escape(printable(str(text)), quote=True)


def _check_fits(text: str, quotes: Sequence[Quote]) -> None:
    """Raises E012 when a quote, its cue or its mention is not the text at its offsets."""
    for number, q in enumerate(quotes, start=1):
        pieces = [("content", q.start, q.end, q.text)]
        if q.cue is not None:
            pieces.append(("cue", q.cue.start, q.cue.end, q.cue.text))
        mention = q.speaker.mention if q.speaker is not None else None
        if mention is not None:
            pieces.append(("speaker mention", mention.start, mention.end, mention.text))
        for what, start, end, expected in pieces:
            actual = text[start:end]
            if actual != expected:
                raise QuoteattrError(
                    Errors.E012.format(
                        number=number,
                        what=what,
                        start=start,
                        end=end,
                        expected=expected,
                        actual=actual,
                    )
                )


class Cast:
    """The speakers of one document: each quote's speaker entity and colour.

    Entities are :func:`quoteattr.speakers`'s (same name and kind is one speaker; an
    unresolved "he" is its own); they take the palette's colours in the order they first
    speak, from ``qa-s1``, and start again after the last. Quotes without a speaker get
    ``qa-s0``.
    """

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.entities: list[SpeakerEntity] = speakers(quotes)
        self._of: dict[int, int] = {}  # id(quote) -> index into entities
        for index, entity in enumerate(self.entities):
            for q in entity.quotes:
                self._of[id(q)] = index
        #: The quote numbers (from 1) of each entity, and of the quotes without a speaker; a
        #: list may hold one Quote twice, so they are counted by position, not by identity.
        self.numbers: list[list[int]] = [[] for _ in self.entities]
        self.unattributed: list[int] = []
        for number, q in enumerate(quotes, start=1):
            at = self._of.get(id(q))
            (self.unattributed if at is None else self.numbers[at]).append(number)

    def entity(self, quote: Quote) -> SpeakerEntity | None:
        """The quote's speaker entity, None when it has no speaker."""
        index = self._of.get(id(quote))
        return None if index is None else self.entities[index]

    def colour(self, quote: Quote) -> int:
        """The number of the quote's colour class ``qa-s{n}``: 0 without a speaker."""
        index = self._of.get(id(quote))
        return 0 if index is None else self.colour_at(index)

    @staticmethod
    def colour_at(index: int) -> int:
        """The number of the colour class of the entity at ``index``."""
        return index % len(PALETTE) + 1


def who(entity: SpeakerEntity | None) -> tuple[str, str]:
    """The speaker's name and what follows it in a label: role, organisation or kind."""
    if entity is None:
        return "no speaker", ""
    # "the mayor" resolved to "mayor" has the role "mayor": say it once.
    details = [
        d for d in (entity.role, entity.organization) if d and d.lower() != entity.name.lower()
    ]
    if entity.kind in _KIND_NOTES:
        details.append(_KIND_NOTES[entity.kind])
    return entity.name, ", ".join(details)


def _label(number: int, q: Quote, cast: Cast, anchor: str, low: bool) -> str:
    """The link that opens quote ``number`` in the text: number, speaker, role and tags."""
    name, details = who(cast.entity(q))
    tags = []
    if q.cue is not None and q.cue.category in _TAGS:
        tags.append(_TAGS[q.cue.category])
    if low:
        tags.append("low confidence")
    classes = f"qa-label qa-s{cast.colour(q)}" + (" qa-low" if low else "")
    inner = (
        f'<span class="qa-sr">quote </span><b>{number}</b> <span class="qa-who">{esc(name)}</span>'
        + (f'<span class="qa-role">, {esc(details)}</span>' if details else "")
        + "".join(f' <span class="qa-tag">· {esc(t)}</span>' for t in tags)
    )
    return (
        f'<a class="{classes}" id="{esc(anchor)}-{number}-text" '
        f'href="#{esc(anchor)}-{number}">{inner}</a>'
    )


def _ranges(quotes: Sequence[Quote]) -> list[tuple[int, int, str, int]]:
    """``(start, end, role, quote number)`` of every non-empty range to highlight."""
    out: list[tuple[int, int, str, int]] = []
    for number, q in enumerate(quotes, start=1):
        out.extend((s, e, "part", number) for s, e in q.parts)
        if q.cue is not None:
            out.append((q.cue.start, q.cue.end, "cue", number))
        mention = q.speaker.mention if q.speaker is not None else None
        if mention is not None:
            out.append((mention.start, mention.end, "mention", number))
    return [r for r in out if r[0] < r[1]]


def _innermost(ranges: Iterable[tuple[int, int, str, int]]) -> tuple[int, int, str, int]:
    """The range that starts last (then the shortest, then the later quote)."""
    return max(ranges, key=lambda r: (r[0], -r[1], r[3]))


def headline(text: str) -> tuple[int, int] | None:
    """The first paragraph of a text of several, which news texts give to the headline."""
    paragraphs = paragraph_bounds(text)
    return paragraphs[0] if len(paragraphs) > 1 else None


def marked_text(
    text: str,
    quotes: Sequence[Quote],
    anchor: str,
    low_confidence: float,
    heading_level: int,
) -> str:
    """:func:`highlight`, with the headline as a heading of ``heading_level`` (0: none)."""
    _check_fits(text, quotes)
    cast = Cast(quotes)
    ranges = _ranges(quotes)
    low = [q.confidence < low_confidence for q in quotes]
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for number, q in enumerate(quotes, start=1):
        opens.setdefault(q.start, []).append(number)
        closes.setdefault(q.end, []).append(number)
    starts: dict[int, list[tuple[int, int, str, int]]] = {}
    for r in ranges:
        starts.setdefault(r[0], []).append(r)
    head = headline(text) if heading_level else None
    edges = {*head} if head else set()
    cuts = sorted(
        {0, len(text), *opens, *closes, *edges, *(r[0] for r in ranges), *(r[1] for r in ranges)}
    )
    out: list[str] = []
    active: list[tuple[int, int, str, int]] = []
    for a, b in pairwise([*cuts, len(text)]):
        # At one offset: quotes that end, the headline's end, its start, quotes that start.
        out.extend(f'<span class="qa-sr"> (end of quote {n})</span>' for n in closes.get(a, ()))
        if head and a == head[1]:
            out.append("</span>")
        if head and a == head[0]:
            out.append(f'<span class="qa-headline" role="heading" aria-level="{heading_level}">')
        out.extend(_label(n, quotes[n - 1], cast, anchor, low[n - 1]) for n in opens.get(a, ()))
        if a == b:  # the end of the text
            break
        active = [r for r in active if r[1] > a] + starts.get(a, [])
        piece = esc(text[a:b])
        if not active:
            out.append(piece)
            continue
        covering = sorted(active, key=lambda r: (r[3], _ROLES.index(r[2])))
        roles = [r[2] for r in active]
        classes = [f"qa-{role}" for role in _ROLES if role in roles]
        if roles.count("part") > 1:  # reported speech can sit inside another quote's content
            classes.append("qa-overlap")
        # The colour is the speaker's whose name this is, else whose content or cue.
        mentions = [r for r in active if r[2] == "mention"]
        owner = _innermost(mentions or active)
        classes.append(f"qa-s{cast.colour(quotes[owner[3] - 1])}")
        parts = [r for r in active if r[2] == "part"]
        if parts:
            index = _innermost(parts)[3] - 1
            cue = quotes[index].cue
            category = cue.category if cue is not None else CueCategory.SPEECH
            classes.append(f"qa-{category.value}")
            if low[index]:
                classes.append("qa-low")
        title = "; ".join(f"quote {r[3]}: {_ROLE_NAMES[r[2]]}" for r in covering)
        out.append(f'<span class="{" ".join(classes)}" title="{esc(title)}">{piece}</span>')
    return "".join(out)


def highlight(
    text: str,
    quotes: Sequence[Quote],
    *,
    anchor: str = "q",
    low_confidence: float = LOW_CONFIDENCE,
) -> str:
    """Returns the text as escaped HTML with the quotes' parts, cues and mentions highlighted.

    Each stretch of text covered by the same set of ranges is one ``<span>`` whose classes
    name them (``qa-part``, ``qa-cue``, ``qa-mention``, and ``qa-overlap`` where the content
    of two quotes overlaps), the speaker's colour (``qa-s1`` ... ``qa-s12``, ``qa-s0``
    without a speaker) and, on content, the cue's category (``qa-speech``, ``qa-writing``,
    ``qa-report``, ``qa-belief``) and ``qa-low`` below ``low_confidence``; its title says
    which quote each range belongs to. Spans never nest, so any overlap gives well-formed
    markup. Each quote starts with a label, a link to its table row (``#{anchor}-{n}``) with
    the id ``{anchor}-{n}-text``, that says the quote's number, speaker, role or
    organisation, and the cue's category unless it is speech; a screen reader also reads
    "(end of quote n)" where it ends.

    Args:
        text: the text the quotes were found in.
        quotes: the quotes, numbered from 1 in this order.
        anchor: the prefix of the table rows' ids.
        low_confidence: quotes below this confidence are tagged "low confidence" and shown
            paler.

    Raises:
        QuoteattrError: [E012] when a quote, cue or mention does not match the text.
    """
    return marked_text(text, quotes, anchor, low_confidence, heading_level=0)
