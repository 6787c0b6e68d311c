"""HTML output: a self-contained page that shows who said what, and Jupyter displays.

Plain data in, a string out (after spaCy's ``displacy``). The page carries its CSS inline and
nothing else: no scripts, fonts, images or links to other sites, so it opens offline and can
be mailed. Every piece of text, document ids and error messages included, is escaped.

Highlights never break the markup, however they overlap: the text is cut at every boundary
of every highlighted range (content parts, cues, speaker mentions) and each piece becomes one
flat ``<span>`` whose classes name all the ranges covering it. A cue inside a quote's envelope
(“A,” he *said*, “B.”) or a mention inside a content part thus needs no overlapping tags.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from ..errors import Errors, QuoteattrError
from ..model import Quote
from .formats import quote_row

__all__ = [
    "CSS",
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

#: The highlight classes, in the order their CSS rules come (a later one shows on top).
_ROLES = ("part", "cue", "mention")
_ROLE_NAMES = {"part": "content", "cue": "cue", "mention": "speaker"}

#: Every rule is scoped to ``.quoteattr`` so that, inside a notebook, nothing else changes.
#: Colours are translucent or set together with the text colour, so light and dark notebook
#: themes both stay readable.
CSS = """\
.quoteattr { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.quoteattr .qa-text { white-space: pre-wrap; line-height: 1.7; max-width: 48rem; }
.quoteattr .qa-part, .quoteattr .qa-cue, .quoteattr .qa-mention { color: #1f2328; }
.quoteattr .qa-part { background: #fff0a6; }
.quoteattr .qa-overlap { background: #ffd43b; }
.quoteattr .qa-cue { background: #c6efce; box-shadow: inset 0 -2px #2b8a3e; }
.quoteattr .qa-mention { background: #d0e2ff; box-shadow: inset 0 -2px #1c5fd4; }
.quoteattr .qa-n { font-size: 0.7em; vertical-align: super; color: #8a6d00;
  text-decoration: none; margin-right: 1px; }
.quoteattr .qa-legend span { padding: 1px 6px; margin-right: 6px; }
.quoteattr table.qa-table { border-collapse: collapse; font-size: 0.9em; margin: 1.2em 0; }
.quoteattr .qa-table th, .quoteattr .qa-table td { padding: 4px 8px; text-align: left;
  vertical-align: top; border-bottom: 1px solid rgba(127, 127, 127, 0.35); }
.quoteattr .qa-table th { background: rgba(127, 127, 127, 0.12); white-space: nowrap; }
.quoteattr .qa-table td.qa-num { text-align: right; font-variant-numeric: tabular-nums; }
.quoteattr .qa-table td.qa-speaker { min-width: 8em; }
.quoteattr .qa-table td.qa-quote { min-width: 20em; max-width: 40em; }
.quoteattr .qa-none { opacity: 0.5; }
.quoteattr .qa-summary { opacity: 0.75; }
.quoteattr .qa-error { color: #c62828; font-weight: 600; }
"""

_PAGE_CSS = """\
body { margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; color: #1f2328;
  background: #ffffff; }
.quoteattr h1 { font-size: 1.5em; margin-bottom: 0.3em; }
.quoteattr h2 { font-size: 1.15em; margin-top: 2.2em; padding-top: 0.6em;
  border-top: 1px solid #d0d7de; word-break: break-all; }
"""

_COLUMNS = (
    "#",
    "speaker",
    "speaker kind",
    "role",
    "organization",
    "cue",
    "quote",
    "quote kind",
    "confidence",
)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


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


def highlight(text: str, quotes: Sequence[Quote], *, anchor: str = "q") -> str:
    """Returns the text as escaped HTML with the quotes' parts, cues and mentions highlighted.

    Each stretch of text covered by the same set of ranges is one ``<span>`` whose classes
    (``qa-part``, ``qa-cue``, ``qa-mention``, and ``qa-overlap`` where the content of two
    quotes overlaps) name them and whose title says which quote each belongs to; spans never
    nest, so any overlap gives well-formed markup. A numbered link to
    the quote's table row (``#{anchor}-{number}``) precedes each quote.

    Args:
        text: the text the quotes were found in.
        quotes: the quotes, numbered from 1 in this order.
        anchor: the prefix of the table rows' ids.

    Raises:
        QuoteattrError: [E012] when a quote, cue or mention does not match the text.
    """
    _check_fits(text, quotes)
    ranges = _ranges(quotes)
    markers: dict[int, list[int]] = {}
    for number, q in enumerate(quotes, start=1):
        markers.setdefault(q.start, []).append(number)
    starts: dict[int, list[tuple[int, int, str, int]]] = {}
    for r in ranges:
        starts.setdefault(r[0], []).append(r)
    cuts = sorted({0, len(text), *markers, *(r[0] for r in ranges), *(r[1] for r in ranges)})
    out: list[str] = []
    active: list[tuple[int, int, str, int]] = []
    for a, b in pairwise(cuts):
        out.extend(
            f'<a class="qa-n" href="#{_esc(anchor)}-{n}">{n}</a>' for n in markers.get(a, ())
        )
        active = [r for r in active if r[1] > a] + starts.get(a, [])
        piece = _esc(text[a:b])
        if not active:
            out.append(piece)
            continue
        covering = sorted(active, key=lambda r: (r[3], _ROLES.index(r[2])))
        roles = [r[2] for r in active]
        classes = " ".join(f"qa-{role}" for role in _ROLES if role in roles)
        if roles.count("part") > 1:  # reported speech can sit inside another quote's content
            classes += " qa-overlap"
        title = "; ".join(f"quote {r[3]}: {_ROLE_NAMES[r[2]]}" for r in covering)
        out.append(f'<span class="{classes}" title="{_esc(title)}">{piece}</span>')
    return "".join(out)


def _cell(value: object, css: str = "", title: object = None) -> str:
    attr = f' class="{css}"' if css else ""
    if title is not None:
        attr += f' title="{_esc(title)}"'
    if value is None or value == "":
        return f'<td{attr}><span class="qa-none">—</span></td>'
    return f"<td{attr}>{_esc(value)}</td>"


def table_html(quotes: Sequence[Quote], *, anchor: str | None = None) -> str:
    """Returns the who-said-what table of the quotes: one row per quote, numbered from 1.

    Columns: #, speaker, speaker kind, role, organization, cue, quote (the content, without
    an interrupting attribution), quote kind and confidence, taken from
    :func:`~quoteattr.io.formats.quote_row`.

    Args:
        quotes: the quotes.
        anchor: when given, row ``n`` gets the id ``{anchor}-{n}`` (the target of the links
            that :func:`highlight` puts in the text).
    """
    head = "".join(f"<th>{_esc(c)}</th>" for c in _COLUMNS)
    rows = [f'<table class="qa-table"><thead><tr>{head}</tr></thead><tbody>']
    for number, q in enumerate(quotes, start=1):
        row = quote_row(None, number - 1, q)
        row_id = f' id="{_esc(anchor)}-{number}"' if anchor is not None else ""
        rows.append(
            f"<tr{row_id}>"
            + _cell(number, "qa-num")
            + _cell(row["speaker"], "qa-speaker")
            + _cell(row["speaker_kind"])
            + _cell(row["role"])
            + _cell(row["organization"])
            + _cell(row["cue"], title=row["cue_category"])
            + _cell(q.content, "qa-quote")
            + _cell(row["kind"])
            + _cell(f"{q.confidence:.2f}", "qa-num")
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
    return (
        '<p class="qa-legend">'
        '<span class="qa-part">quote content</span>'
        '<span class="qa-part qa-overlap">content of two quotes</span>'
        '<span class="qa-cue">cue</span>'
        '<span class="qa-mention">speaker mention</span>'
        '<span class="qa-n">1</span> quote number, linked to its row in the table'
        "</p>"
    )


def _section(number: int, document: Document) -> str:
    doc_id, text, outcome = document
    anchor = f"d{number}-q"
    parts = [f'<section id="d{number}">']
    if doc_id is not None:
        parts.append(f"<h2>{_esc(doc_id)}</h2>")
    if isinstance(outcome, str):
        parts.append(f'<p class="qa-error">Error: {_esc(outcome)}</p></section>\n')
        return "".join(parts)
    count = len(outcome)
    parts.append(f'<p class="qa-summary">{count} quote{"" if count == 1 else "s"}</p>')
    parts.append(f'<div class="qa-text">{highlight(text or "", outcome, anchor=anchor)}</div>')
    if outcome:
        parts.append(table_html(outcome, anchor=anchor))
    parts.append("</section>\n")
    return "".join(parts)


def render_html(
    documents: Iterable[Document], *, title: str = "quoteattr: who said what"
) -> Iterator[str]:
    """Yields one self-contained HTML page, in pieces: a section per document.

    Each section shows the document's id, its text with the quotes highlighted and the
    who-said-what table; a document that failed shows its error instead.

    Args:
        documents: ``(doc_id, text, quotes or error message)`` triples.
        title: the page's title and heading.

    Raises:
        QuoteattrError: [E012] when a document's quotes do not match its text.
    """
    yield (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n"
        f"<style>\n{CSS}{_PAGE_CSS}</style>\n</head>\n"
        f'<body>\n<div class="quoteattr" id="top">\n<h1>{_esc(title)}</h1>\n{_legend()}\n'
    )
    for number, document in enumerate(documents, start=1):
        yield _section(number, document)
    yield "</div>\n</body>\n</html>\n"


def render(text: str, quotes: Sequence[Quote], *, title: str = "quoteattr: who said what") -> str:
    """Returns a self-contained HTML page of one text with its quotes highlighted.

    The page highlights each quote's content parts, cue and speaker mention in distinct
    colours, with a legend, and ends with the who-said-what table. It has inline CSS only
    (no scripts or external assets); all text is escaped.

    Args:
        text: the text the quotes were found in (their offsets index it).
        quotes: the quotes, as :func:`quoteattr.extract` returns them.
        title: the page's title and heading.

    Returns:
        the page, a complete HTML document.

    Raises:
        QuoteattrError: [E012] when a quote does not match the text at its offsets.
    """
    return "".join(render_html([(None, text, quotes)], title=title))
