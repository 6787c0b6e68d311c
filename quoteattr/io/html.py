"""HTML output: a self-contained page that shows who said what, and Jupyter displays.

Plain data in, a string out (after spaCy's ``displacy``). The page carries its CSS inline and
nothing else: no scripts, fonts, images or links to other sites, so it opens offline and can
be mailed. Every piece of text, document ids and error messages included, is escaped.

Highlights never break the markup, however they overlap: the text is cut at every boundary
of every highlighted range (content parts, cues, speaker mentions) and each piece becomes one
flat ``<span>`` whose classes name all the ranges covering it. A cue inside a quote's envelope
(“A,” he *said*, “B.”) or a mention inside a content part thus needs no overlapping tags.

What a reader is told never rests on colour alone. Each speaker has a colour, but every quote
starts with a label that names its speaker (and role) in text, which is also a link to the
quote's table row; the kind of act (speech, writing, report, belief) changes the shape of the
underline and the fill, and is written in the label; a cue is bold, a speaker mention boxed.
Labels, tags and "end of quote" markers are real text in the page, so a screen reader reads
them and the keyboard reaches them; ``title`` attributes only repeat what the text says.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from ..core.layout import paragraph_bounds
from ..entities import speakers
from ..errors import Errors, QuoteattrError
from ..model import CueCategory, Quote, SpeakerEntity, SpeakerKind
from .formats import DEFAULT_TITLE, quote_row
from .sanitize import printable

__all__ = [
    "CSS",
    "DEFAULT_TITLE",
    "LOW_CONFIDENCE",
    "PALETTE",
    "Document",
    "highlight",
    "quotes_html",
    "render",
    "render_html",
    "table_html",
]

#: One document for :func:`render_html`: its id (None: no heading), its text (None when it
#: could not be read), and its quotes or an error message.
Document = tuple[str | None, str | None, Sequence[Quote] | str]


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

#: The colour of quotes without a speaker (class ``qa-s0``).
_NO_SPEAKER = ("#eaeef2", "#57606a")

#: The highlight classes, in the order their CSS rules come (a later one shows on top).
_ROLES = ("part", "cue", "mention")
_ROLE_NAMES = {"part": "content", "cue": "cue", "mention": "speaker"}

#: Shown in a quote's label when its cue is not speech: "backs" (belief), "reported" (report).
_TAGS = {CueCategory.WRITING: "written", CueCategory.REPORT: "report", CueCategory.BELIEF: "belief"}

#: How a speaker of each kind is described after its name where the name alone misleads.
_KIND_NOTES = {SpeakerKind.UNNAMED: "unnamed source", SpeakerKind.UNKNOWN: "unresolved"}


def _mix(colour: str, weight: float) -> str:
    """``colour`` mixed with white, ``weight`` of it: the paler fill of low-confidence quotes."""
    rgb = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * weight + 255 * (1 - weight)):02x}" for c in rgb)


def _speaker_css() -> str:
    rules = []
    for number, (fill, accent) in enumerate((_NO_SPEAKER, *PALETTE)):
        rules.append(
            f".quoteattr .qa-s{number} {{ --qa-fill: {fill}; --qa-pale: {_mix(fill, 0.45)}; "
            f"--qa-accent: {accent}; }}\n"
        )
    return "".join(rules)


#: Every rule is scoped to ``.quoteattr`` so that, inside a notebook, nothing else changes.
#: Backgrounds are set together with the text colour, and muted text is the text colour at
#: 72% opacity (6.2:1 on white), so light and dark notebook themes both stay readable.
CSS = (
    """\
.quoteattr { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.quoteattr .qa-text { white-space: pre-wrap; line-height: 2; max-width: 46rem;
  font-size: 1.05em; }
"""
    + _speaker_css()
    + """\
.quoteattr .qa-part { color: #1f2328; background: var(--qa-fill);
  text-decoration: underline solid var(--qa-accent) 2px; text-underline-offset: 0.3em;
  text-decoration-skip-ink: none; }
.quoteattr .qa-part.qa-low { background: var(--qa-pale); color: #424a53;
  text-decoration-thickness: 1px; }
.quoteattr .qa-part.qa-writing { text-decoration-style: double;
  text-decoration-thickness: 3px; }
.quoteattr .qa-part.qa-report { background: transparent; text-decoration-style: dashed; }
.quoteattr .qa-part.qa-belief { background: transparent; text-decoration-style: dotted;
  text-decoration-thickness: 3px; }
.quoteattr .qa-part.qa-low.qa-belief { text-decoration-thickness: 2px; }
.quoteattr .qa-overlap { box-shadow: inset 0 2px #1f2328; }
.quoteattr .qa-cue { color: #1f2328; font-weight: 700; }
.quoteattr .qa-mention { color: #1f2328; background: var(--qa-fill);
  outline: 1.5px solid var(--qa-accent); outline-offset: -1px; border-radius: 3px; }
.quoteattr .qa-label { color: #1f2328; background: var(--qa-fill); font-size: 0.78em;
  line-height: 1.4; padding: 1px 5px 1px 4px; margin: 0 3px 0 1px; border-radius: 3px;
  border-left: 4px solid var(--qa-accent); text-decoration: none; white-space: normal;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.quoteattr .qa-label.qa-low { background: var(--qa-pale); border-left-style: double; }
.quoteattr .qa-label:hover { text-decoration: underline; }
.quoteattr .qa-label b { font-weight: 700; }
.quoteattr .qa-label .qa-who { font-weight: 600; white-space: nowrap; }
.quoteattr .qa-tag { font-style: italic; white-space: nowrap; }
.quoteattr .qa-headline { font-size: 1.3em; font-weight: 700; line-height: 1.5; }
.quoteattr a:focus-visible, .quoteattr a:focus { outline: 3px solid #0b3d91;
  outline-offset: 2px; }
.quoteattr tr:target, .quoteattr .qa-label:target { outline: 3px solid #0b3d91;
  outline-offset: 2px; }
.quoteattr .qa-sr { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.quoteattr .qa-swatch { display: inline-block; width: 0.9em; height: 0.9em;
  vertical-align: -0.1em; margin-right: 0.4em; border-radius: 2px; background: var(--qa-fill);
  border: 2px solid var(--qa-accent); box-sizing: border-box; }
.quoteattr .qa-keybox { font-size: 0.88em; border: 1px solid rgba(127, 127, 127, 0.45);
  border-radius: 6px; padding: 0.4em 0.9em; margin: 1em 0; }
.quoteattr .qa-keybox h2 { font-size: 1em; margin: 0.3em 0; padding: 0; border: 0; }
.quoteattr .qa-key { line-height: 2.1; padding: 0; margin: 0; list-style: none; }
.quoteattr .qa-key li { display: inline-block; margin-right: 1.4em; }
.quoteattr .qa-speakers { padding-left: 0; list-style: none; font-size: 0.92em; }
.quoteattr .qa-speakers li { margin: 0 0 0.35em; }
.quoteattr .qa-speakers a { color: inherit; }
.quoteattr table.qa-table { border-collapse: collapse; font-size: 0.88em; margin: 1.2em 0;
  width: 100%; }
.quoteattr .qa-table th, .quoteattr .qa-table td { padding: 4px 8px; text-align: left;
  vertical-align: top; border-bottom: 1px solid rgba(127, 127, 127, 0.35); }
.quoteattr .qa-table th { background: rgba(127, 127, 127, 0.12); }
.quoteattr .qa-table td.qa-num { text-align: right; font-variant-numeric: tabular-nums; }
.quoteattr .qa-table td.qa-speaker { min-width: 8em; }
.quoteattr .qa-table td.qa-quote { min-width: 16em; }
.quoteattr .qa-table a { color: inherit; }
.quoteattr .qa-none, .quoteattr .qa-summary, .quoteattr .qa-muted { opacity: 0.72; }
.quoteattr .qa-error { color: #b42318; font-weight: 600; }
"""
)

_PAGE_CSS = """\
body { margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; color: #1f2328;
  background: #ffffff; }
a { color: #0a58ca; }
.quoteattr h1 { font-size: 1.6em; margin-bottom: 0.3em; }
.quoteattr h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
.quoteattr h2.qa-doc { font-size: 1.25em; margin-top: 2.2em; padding-top: 0.6em;
  border-top: 2px solid #d0d7de; overflow-wrap: anywhere; }
.quoteattr h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.quoteattr .qa-body { display: grid; grid-template-columns: minmax(0, 46rem) minmax(14rem, 1fr);
  column-gap: 2.5rem; }
.quoteattr .qa-main { grid-column: 1; grid-row: 1; }
.quoteattr .qa-side { grid-column: 2; grid-row: 1; align-self: start; position: sticky; top: 0;
  max-height: 100vh; overflow-y: auto; }
.quoteattr .qa-side h2, .quoteattr .qa-side h3 { margin-top: 0.5em; }
@media (max-width: 60rem) {
  .quoteattr .qa-body { display: block; }
}
.quoteattr .qa-toc li { margin: 0.25em 0; }
.quoteattr .qa-scroll { overflow-x: auto; }
.quoteattr .qa-scroll:focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
"""

_COLUMNS = (
    "#",
    "speaker",
    "speaker kind",
    "role",
    "organization",
    "cue",
    "cue category",
    "quote",
    "quote kind",
    "confidence",
)


def _esc(text: object) -> str:
    # printable: an id with a lone surrogate ("b\ud800") cannot be written as UTF-8.
    return html.escape(printable(str(text)), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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


class _Cast:
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


def _who(entity: SpeakerEntity | None) -> tuple[str, str]:
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


def _label(number: int, q: Quote, cast: _Cast, anchor: str, low: bool) -> str:
    """The link that opens quote ``number`` in the text: number, speaker, role and tags."""
    name, details = _who(cast.entity(q))
    tags = []
    if q.cue is not None and q.cue.category in _TAGS:
        tags.append(_TAGS[q.cue.category])
    if low:
        tags.append("low confidence")
    classes = f"qa-label qa-s{cast.colour(q)}" + (" qa-low" if low else "")
    inner = (
        f'<span class="qa-sr">quote </span><b>{number}</b> <span class="qa-who">{_esc(name)}</span>'
        + (f'<span class="qa-role">, {_esc(details)}</span>' if details else "")
        + "".join(f' <span class="qa-tag">· {_esc(t)}</span>' for t in tags)
    )
    return (
        f'<a class="{classes}" id="{_esc(anchor)}-{number}-text" '
        f'href="#{_esc(anchor)}-{number}">{inner}</a>'
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


def _headline(text: str) -> tuple[int, int] | None:
    """The first paragraph of a text of several, which news texts give to the headline."""
    paragraphs = paragraph_bounds(text)
    return paragraphs[0] if len(paragraphs) > 1 else None


def _highlight(
    text: str,
    quotes: Sequence[Quote],
    anchor: str,
    low_confidence: float,
    heading_level: int,
) -> str:
    """:func:`highlight`, with the headline as a heading of ``heading_level`` (0: none)."""
    _check_fits(text, quotes)
    cast = _Cast(quotes)
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
    head = _headline(text) if heading_level else None
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
        piece = _esc(text[a:b])
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
        out.append(f'<span class="{" ".join(classes)}" title="{_esc(title)}">{piece}</span>')
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
    return _highlight(text, quotes, anchor, low_confidence, heading_level=0)


def _speaker_cell(q: Quote, cast: _Cast | None) -> str:
    name = q.speaker.name if q.speaker is not None else None
    swatch = ""
    if cast is not None:
        swatch = f'<span class="qa-swatch qa-s{cast.colour(q)}" aria-hidden="true"></span>'
    if name is None:
        return f'<td class="qa-speaker">{swatch}<span class="qa-none">—</span></td>'
    return f'<td class="qa-speaker">{swatch}{_esc(name)}</td>'


def _cell(value: object, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    if value is None or value == "":
        return f'<td{attr}><span class="qa-none">—</span></td>'
    return f"<td{attr}>{_esc(value)}</td>"


def table_html(
    quotes: Sequence[Quote],
    *,
    anchor: str | None = None,
    low_confidence: float = LOW_CONFIDENCE,
) -> str:
    """Returns the who-said-what table of the quotes: one row per quote, numbered from 1.

    Columns: #, speaker (after a swatch of the speaker's colour), speaker kind, role,
    organization, cue, cue category, quote (the content, without an interrupting
    attribution), quote kind and confidence ("(low)" after it below ``low_confidence``),
    taken from :func:`~quoteattr.io.formats.quote_row`.

    Args:
        quotes: the quotes.
        anchor: when given, row ``n`` gets the id ``{anchor}-{n}`` (the target of the labels
            that :func:`highlight` puts in the text) and its number links back to the label
            (``#{anchor}-{n}-text``).
        low_confidence: the confidence below which a quote is marked "(low)".
    """
    cast = _Cast(quotes)
    head = "".join(f'<th scope="col">{_esc(c)}</th>' for c in _COLUMNS)
    rows = [f'<table class="qa-table"><thead><tr>{head}</tr></thead><tbody>']
    for number, q in enumerate(quotes, start=1):
        row = quote_row(None, number - 1, q)
        if anchor is not None:
            row_id = f' id="{_esc(anchor)}-{number}"'
            first = (
                f'<td class="qa-num"><a href="#{_esc(anchor)}-{number}-text" '
                f'aria-label="quote {number} in the text">{number}</a></td>'
            )
        else:
            row_id, first = "", _cell(number, "qa-num")
        confidence = f"{q.confidence:.2f}" + (" (low)" if q.confidence < low_confidence else "")
        rows.append(
            f"<tr{row_id}>"
            + first
            + _speaker_cell(q, cast)
            + _cell(row["speaker_kind"])
            + _cell(row["role"])
            + _cell(row["organization"])
            + _cell(row["cue"])
            + _cell(row["cue_category"])
            + _cell(q.content, "qa-quote")
            + _cell(row["kind"])
            + _cell(confidence, "qa-num")
            + "</tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def quotes_html(quotes: Sequence[Quote]) -> str:
    """Returns the who-said-what table as an HTML fragment with its own scoped CSS.

    This is what a notebook shows for a :class:`~quoteattr.model.Quote` or a
    :class:`~quoteattr.model.Quotes` list (their ``_repr_html_``).
    """
    body = table_html(quotes) if quotes else '<p class="qa-summary">No quotes.</p>'
    return f'<div class="quoteattr"><style>{CSS}</style>{body}</div>'


def _key() -> str:
    """How to read the page: a sample of every mark, in the marks themselves."""
    content = [
        ('<span class="qa-part qa-s1 qa-speech">spoken</span>', "fill, solid underline"),
        ('<span class="qa-part qa-s1 qa-writing">written</span>', "double underline"),
        ('<span class="qa-part qa-s1 qa-report">report</span>', "dashed, no fill"),
        ('<span class="qa-part qa-s1 qa-belief">belief</span>', "dotted, no fill"),
        ('<span class="qa-part qa-s1 qa-speech qa-low">low confidence</span>', "paler, thin"),
        ('<span class="qa-part qa-overlap qa-s1 qa-speech">in two quotes</span>', "bar above"),
    ]
    marks = [
        ('<span class="qa-cue">cue</span>', "bold"),
        ('<span class="qa-mention qa-s1">speaker</span>', "mention, boxed"),
        (
            '<span class="qa-label qa-s1"><b>1</b> <span class="qa-who">Speaker</span>'
            '<span class="qa-role">, role</span></span>',
            "opens each quote: number, speaker, role, the category unless spoken; "
            "a link to the quote's row in the table",
        ),
    ]

    def items(pairs: list[tuple[str, str]]) -> str:
        return "".join(
            f'<li>{sample} <span class="qa-muted">{why}</span></li>' for sample, why in pairs
        )

    return (
        '<section class="qa-keybox" aria-labelledby="qa-key-h">'
        '<h2 id="qa-key-h">How to read this page</h2>'
        f'<ul class="qa-key"><li>Each quote is in its speaker’s colour:</li>{items(content)}</ul>'
        f'<ul class="qa-key">{items(marks)}</ul></section>\n'
    )


def _summary(quotes: Sequence[Quote], cast: _Cast, low_confidence: float) -> str:
    """ "21 quotes from 11 speakers: 16 speech, 1 report, 4 belief; 2 low confidence"."""
    count = len(quotes)
    who = len(cast.entities)
    line = _plural(count, "quote")
    if count:
        line += f" from {_plural(who, 'speaker')}"
        if cast.unattributed:
            line += f" ({len(cast.unattributed)} without a speaker)"
        categories = [q.cue.category if q.cue is not None else None for q in quotes]
        counts = [(categories.count(c), c.value) for c in CueCategory if c in categories]
        if None in categories:
            counts.append((categories.count(None), "without a cue"))
        line += ": " + ", ".join(f"{n} {c}" for n, c in counts)
        low = sum(1 for q in quotes if q.confidence < low_confidence)
        if low:
            line += f"; {low} low confidence"
    return f'<p class="qa-summary">{_esc(line)}</p>'


def _speakers_list(cast: _Cast, anchor: str, level: int) -> str:
    """Each speaker with its colour, count, links to its quotes and role, most quoted first."""

    def item(colour: int, name: str, numbers: list[int], details: str) -> str:
        links = ", ".join(
            f'<a href="#{_esc(anchor)}-{n}-text" aria-label="quote {n}">{n}</a>' for n in numbers
        )
        return (
            f'<li><span class="qa-swatch qa-s{colour}" aria-hidden="true"></span>'
            f"<strong>{_esc(name)}</strong>: {_plural(len(numbers), 'quote')} ({links})"
            + (f'<br><span class="qa-muted">{_esc(details)}</span>' if details else "")
            + "</li>"
        )

    # Most quoted first; sorted() is stable, so ties stay in the order they first speak.
    order = sorted(range(len(cast.entities)), key=lambda i: -len(cast.numbers[i]))
    items = []
    for i in order:
        name, details = _who(cast.entities[i])
        items.append(item(cast.colour_at(i), name, cast.numbers[i], details))
    if cast.unattributed:
        items.append(item(0, "no speaker", cast.unattributed, ""))
    heading = f'<h{level} id="{_esc(anchor)}-speakers">Speakers</h{level}>'
    return f'{heading}<ul class="qa-speakers" aria-labelledby="{_esc(anchor)}-speakers">' + (
        "".join(items) + "</ul>"
    )


def _title_of(text: str | None) -> str | None:
    """A document's title for the table of contents: its headline."""
    head = _headline(text) if text else None
    if head is None or text is None:
        return None
    title = " ".join(text[head[0] : head[1]].split())
    return title if len(title) <= 120 else title[:119].rstrip() + "…"


def _section(
    number: int, document: Document, low_confidence: float, with_toc: bool
) -> tuple[str, str]:
    """The document's section, and its entry in the table of contents."""
    doc_id, text, outcome = document
    anchor = f"d{number}-q"
    name = doc_id if doc_id is not None else f"document {number}"
    level = 3 if doc_id is not None else 2
    parts = [f'<section id="d{number}" aria-label="{_esc(name)}">']
    if doc_id is not None:
        parts.append(f'<h2 class="qa-doc" id="d{number}-h">{_esc(doc_id)}</h2>')
    back = '<p><a href="#contents">↑ contents</a></p>' if with_toc else ""
    title = _title_of(text)
    entry = f'<a href="#d{number}">{_esc(name)}</a>' + (
        f" — <cite>{_esc(title)}</cite>" if title else ""
    )
    if isinstance(outcome, str):
        parts.append(f'<p class="qa-error">Error: {_esc(outcome)}</p>{back}</section>\n')
        return "".join(parts), f'{entry}: <span class="qa-error">error</span>'
    cast = _Cast(outcome)
    parts.append(_summary(outcome, cast, low_confidence))
    # The speakers come first, so a screen reader meets the cast before the text; the page's
    # CSS shows them beside the text, where they stay in view while the text scrolls.
    parts.append('<div class="qa-body">')
    if outcome:
        parts.append(f'<aside class="qa-side">{_speakers_list(cast, anchor, level)}</aside>')
    highlighted = _highlight(text or "", outcome, anchor, low_confidence, level + 1)
    parts.append(f'<div class="qa-main"><h{level} class="qa-sr">Text</h{level}>')
    parts.append(f'<div class="qa-text">{highlighted}</div></div></div>')
    if outcome:
        parts.append(f'<h{level} id="{anchor}-table">Who said what</h{level}>')
        # On a narrow screen the table scrolls sideways in its own box, which the keyboard
        # can focus to scroll it.
        parts.append(
            f'<div class="qa-scroll" role="region" tabindex="0" '
            f'aria-labelledby="{anchor}-table">'
            + table_html(outcome, anchor=anchor, low_confidence=low_confidence)
            + "</div>"
        )
    parts.append(f"{back}</section>\n")
    counts = f"{_plural(len(outcome), 'quote')}, {_plural(len(cast.entities), 'speaker')}"
    return "".join(parts), f"{entry}: {counts}"


def render_html(
    documents: Iterable[Document],
    *,
    title: str = DEFAULT_TITLE,
    low_confidence: float = LOW_CONFIDENCE,
) -> Iterator[str]:
    """Yields one self-contained HTML page, in pieces: a section per document.

    The page opens with a key to its marks and, for more than one document, a table of
    contents (each document's id, headline, quote and speaker counts, linked to its
    section); it is built in memory, as the contents come first. Each section shows the
    document's id, a summary, its speakers (colour, role, quote count, links to the quotes),
    its text with every quote labelled and the who-said-what table; a document that failed
    shows its error instead.

    Args:
        documents: ``(doc_id, text, quotes or error message)`` triples.
        title: the page's title and heading.
        low_confidence: quotes below this confidence are shown paler and tagged.

    Raises:
        QuoteattrError: [E012] when a document's quotes do not match its text.
    """
    docs = list(documents)
    with_toc = len(docs) > 1
    sections = [
        _section(n, document, low_confidence, with_toc) for n, document in enumerate(docs, 1)
    ]
    yield (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n"
        f"<style>\n{CSS}{_PAGE_CSS}</style>\n</head>\n"
        f'<body>\n<main class="quoteattr" id="top">\n<h1>{_esc(title)}</h1>\n{_key()}'
    )
    if with_toc:
        entries = "".join(f"<li>{entry}</li>" for _, entry in sections)
        yield (
            '<nav class="qa-toc" id="contents" aria-labelledby="contents-h">'
            f'<h2 id="contents-h">Contents: {_plural(len(docs), "document")}</h2>'
            f"<ol>{entries}</ol></nav>\n"
        )
    for section, _ in sections:
        yield section
    yield "</main>\n</body>\n</html>\n"


def render(
    text: str,
    quotes: Sequence[Quote],
    *,
    title: str = DEFAULT_TITLE,
    low_confidence: float = LOW_CONFIDENCE,
) -> str:
    """Returns a self-contained HTML page of one text with its quotes highlighted.

    The page labels each quote in the text with its number and speaker, in the speaker's
    colour, lists the speakers with their quote counts, shows the cue's category by the
    shape of the highlight and in words, and ends with the who-said-what table, whose rows
    link back to the text. It has inline CSS only (no scripts or external assets); all text
    is escaped.

    Args:
        text: the text the quotes were found in (their offsets index it).
        quotes: the quotes, as :func:`quoteattr.extract` returns them.
        title: the page's title and heading.
        low_confidence: quotes below this confidence are shown paler and tagged.

    Returns:
        the page, a complete HTML document.

    Raises:
        QuoteattrError: [E012] when a quote does not match the text at its offsets.
    """
    return "".join(render_html([(None, text, quotes)], title=title, low_confidence=low_confidence))
