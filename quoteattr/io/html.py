"""HTML output: a self-contained page that shows who said what, and Jupyter displays.

Plain data in, a string out (after spaCy's ``displacy``). The page carries its CSS inline and
nothing else: no scripts, fonts, images or links to other sites, so it opens offline and can
be mailed. Every piece of text, document ids and error messages included, is escaped.

What a reader is told never rests on colour alone. Each speaker has a colour, but every quote
starts with a label that names its speaker (and role) in text, which is also a link to the
quote's table row; the kind of act (speech, writing, report, belief) changes the shape of the
underline and the fill, and is written in the label; a cue is bold, a speaker mention boxed.
Labels, tags and "end of quote" markers are real text in the page, so a screen reader reads
them and the keyboard reaches them; ``title`` attributes only repeat what the text says.

The page's style sheets are package data (``styles/quotes.css``, ``styles/page.css``); the
text with its highlights is :mod:`quoteattr.io.highlight`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from importlib import resources

from ..model import CueCategory, Quote
from .formats import quote_row
from .highlight import LOW_CONFIDENCE, PALETTE, Cast, esc, headline, highlight, marked_text, who

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

#: The page's title and heading unless one is given.
DEFAULT_TITLE = "quoteattr: who said what"

#: The colour of quotes without a speaker (class ``qa-s0``).
_NO_SPEAKER = ("#eaeef2", "#57606a")


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


# The line of styles/quotes.css that the speakers' colour rules replace.
_SPEAKER_RULES = (
    "/* the speakers' colours (.qa-s0 ... .qa-s12), made from PALETTE by quoteattr.io.html */\n"
)


def _style(name: str) -> str:
    """A style sheet of ``styles/``, as the package ships it."""
    return resources.files(__package__).joinpath("styles", name).read_text(encoding="utf-8")


#: Every rule is scoped to ``.quoteattr`` so that, inside a notebook, nothing else changes.
#: Backgrounds are set together with the text colour, and muted text is the text colour at
#: 72% opacity (6.2:1 on white), so light and dark notebook themes both stay readable.
CSS = _style("quotes.css").replace(_SPEAKER_RULES, _speaker_css())

_PAGE_CSS = _style("page.css")

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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _speaker_cell(q: Quote, cast: Cast | None) -> str:
    name = q.speaker.name if q.speaker is not None else None
    swatch = ""
    if cast is not None:
        swatch = f'<span class="qa-swatch qa-s{cast.colour(q)}" aria-hidden="true"></span>'
    if name is None:
        return f'<td class="qa-speaker">{swatch}<span class="qa-none">—</span></td>'
    return f'<td class="qa-speaker">{swatch}{esc(name)}</td>'


def _cell(value: object, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    if value is None or value == "":
        return f'<td{attr}><span class="qa-none">—</span></td>'
    return f"<td{attr}>{esc(value)}</td>"


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
    cast = Cast(quotes)
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in _COLUMNS)
    rows = [f'<table class="qa-table"><thead><tr>{head}</tr></thead><tbody>']
    for number, q in enumerate(quotes, start=1):
        row = quote_row(None, number - 1, q)
        if anchor is not None:
            row_id = f' id="{esc(anchor)}-{number}"'
            first = (
                f'<td class="qa-num"><a href="#{esc(anchor)}-{number}-text" '
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


def _legend() -> str:
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


def _summary(quotes: Sequence[Quote], cast: Cast, low_confidence: float) -> str:
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
    return f'<p class="qa-summary">{esc(line)}</p>'


def _speakers_list(cast: Cast, anchor: str, level: int) -> str:
    """Each speaker with its colour, count, links to its quotes and role, most quoted first."""

    def item(colour: int, name: str, numbers: list[int], details: str) -> str:
        links = ", ".join(
            f'<a href="#{esc(anchor)}-{n}-text" aria-label="quote {n}">{n}</a>' for n in numbers
        )
        return (
            f'<li><span class="qa-swatch qa-s{colour}" aria-hidden="true"></span>'
            f"<strong>{esc(name)}</strong>: {_plural(len(numbers), 'quote')} ({links})"
            + (f'<br><span class="qa-muted">{esc(details)}</span>' if details else "")
            + "</li>"
        )

    # Most quoted first; sorted() is stable, so ties stay in the order they first speak.
    order = sorted(range(len(cast.entities)), key=lambda i: -len(cast.numbers[i]))
    items = []
    for i in order:
        name, details = who(cast.entities[i])
        items.append(item(cast.colour_at(i), name, cast.numbers[i], details))
    if cast.unattributed:
        items.append(item(0, "no speaker", cast.unattributed, ""))
    heading = f'<h{level} id="{esc(anchor)}-speakers">Speakers</h{level}>'
    return f'{heading}<ul class="qa-speakers" aria-labelledby="{esc(anchor)}-speakers">' + (
        "".join(items) + "</ul>"
    )


def _title_of(text: str | None) -> str | None:
    """A document's title for the table of contents: its headline."""
    head = headline(text) if text else None
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
    parts = [f'<section id="d{number}" aria-label="{esc(name)}">']
    if doc_id is not None:
        parts.append(f'<h2 class="qa-doc" id="d{number}-h">{esc(doc_id)}</h2>')
    back = '<p><a href="#contents">↑ contents</a></p>' if with_toc else ""
    title = _title_of(text)
    entry = f'<a href="#d{number}">{esc(name)}</a>' + (
        f" — <cite>{esc(title)}</cite>" if title else ""
    )
    if isinstance(outcome, str):
        parts.append(f'<p class="qa-error">Error: {esc(outcome)}</p>{back}</section>\n')
        return "".join(parts), f'{entry}: <span class="qa-error">error</span>'
    cast = Cast(outcome)
    parts.append(_summary(outcome, cast, low_confidence))
    # The speakers come first, so a screen reader meets the cast before the text; the page's
    # CSS shows them beside the text, where they stay in view while the text scrolls.
    parts.append('<div class="qa-body">')
    if outcome:
        parts.append(f'<aside class="qa-side">{_speakers_list(cast, anchor, level)}</aside>')
    highlighted = marked_text(text or "", outcome, anchor, low_confidence, level + 1)
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
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{CSS}{_PAGE_CSS}</style>\n</head>\n"
        f'<body>\n<main class="quoteattr" id="top">\n<h1>{esc(title)}</h1>\n{_legend()}'
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
