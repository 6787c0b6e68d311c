"""Tests for quoteattr.io.html: the HTML page, the highlights and the notebook displays.

Quotes are built by hand (no model), except for one test of ``extract --format html``.
"""

from __future__ import annotations

import pickle
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr import Quote, Quotes
from quoteattr.cli import main
from quoteattr.errors import QuoteattrError
from quoteattr.io.html import highlight, quotes_html, render, render_html, table_html
from quoteattr.model import Cue, QuoteKind, Speaker, SpeakerKind, TextSpan
from tests.samples import MINISTER, TEXT

ROOT = Path(__file__).resolve().parents[1]

# “Later,” she said, “we rest.”: one quote in two parts, the attribution between them.
SPLIT = Quote(
    kind=QuoteKind.DIRECT,
    text=TEXT[34:63],
    start=34,
    end=63,
    parts=((34, 42), (53, 63)),
    cue=Cue("said", 47, 51, lemma="say"),
    speaker=Speaker("she", kind=SpeakerKind.PERSON, role="mayor", mention=TextSpan("she", 43, 46)),
    confidence=0.9,
)


def quote(
    text: str,
    parts: list[tuple[int, int]],
    *,
    cue: tuple[int, int] | None = None,
    mention: tuple[int, int] | None = None,
) -> Quote:
    """A quote of ``text`` with the given parts, cue and mention offsets."""
    start, end = min(s for s, _ in parts), max(e for _, e in parts)
    speaker = None
    if mention is not None:
        name = text[mention[0] : mention[1]]
        speaker = Speaker(name, mention=TextSpan(name, *mention))
    return Quote(
        kind=QuoteKind.DIRECT,
        text=text[start:end],
        start=start,
        end=end,
        parts=tuple(parts),
        cue=Cue(text[cue[0] : cue[1]], *cue) if cue is not None else None,
        speaker=speaker,
    )


class Markup(HTMLParser):
    """Parses HTML: the tags used, nesting problems, spans, table rows and the visible text."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.problems: list[str] = []
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.elements: list[tuple[str, dict[str, str | None], str]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()
        self.problems.extend(f"unclosed <{tag}>" for tag, _, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.extend(attrs)
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        name, attrs, data = self.stack.pop()
        self.elements.append((name, attrs, "".join(data)))

    def handle_data(self, data: str) -> None:
        for _, _, collected in self.stack:
            collected.append(data)
        if not any(t == "a" and a.get("class") == "qa-n" for t, a, _ in self.stack):
            self.text.append(data)

    def find(self, tag: str, css: str | None = None) -> list[tuple[dict[str, str | None], str]]:
        """The elements of this tag (and class, when given), in the order they close."""
        return [
            (attrs, data)
            for name, attrs, data in self.elements
            if name == tag and (css is None or attrs.get("class") == css)
        ]

    def spans(self) -> list[tuple[str | None, str]]:
        """``(class, text)`` of every span."""
        return [(attrs.get("class"), data) for attrs, data in self.find("span")]


def table_rows(markup: str) -> list[list[str]]:
    """The cell texts of each row of the first table, header row first."""
    parser = Markup(markup)
    cells = [(name, data) for name, _, data in parser.elements if name in ("td", "th", "tr")]
    rows: list[list[str]] = []
    current: list[str] = []
    for name, data in cells:
        if name == "tr":
            rows.append(current)
            current = []
        else:
            current.append(data)
    return rows


# ---------------------------------------------------------------------------------------------
# highlight: the marked-up text


def test_premise_hand_built_quotes_fit_the_text() -> None:
    """The hand-built quotes' texts are TEXT at their offsets (the premise of what follows)."""
    assert (TEXT[0:14], TEXT[15:27], TEXT[28:32], SPLIT.part_texts, TEXT[43:46], TEXT[47:51]) == (
        MINISTER.text,
        "the minister",
        "said",
        ("“Later,”", "“we rest.”"),
        "she",
        "said",
    )


def test_no_quotes_give_the_escaped_text() -> None:
    """Without quotes the text comes back escaped and otherwise unchanged."""
    assert highlight('a < b & "c"', []) == "a &lt; b &amp; &quot;c&quot;"


def test_parts_cue_and_mention_get_their_classes() -> None:
    """Content parts, the cue and the speaker mention are spans of distinct classes."""
    assert Markup(highlight(TEXT, [MINISTER])).spans() == [
        ("qa-part", "“We will win,”"),
        ("qa-mention", "the minister"),
        ("qa-cue", "said"),
    ]


def test_interrupting_attribution_is_not_content() -> None:
    """In “A,” she said, “B.” the two parts are content and the attribution between is not."""
    assert Markup(highlight(TEXT, [SPLIT])).spans() == [
        ("qa-part", "“Later,”"),
        ("qa-mention", "she"),
        ("qa-cue", "said"),
        ("qa-part", "“we rest.”"),
    ]


def test_mention_inside_a_part_splits_it_into_flat_spans() -> None:
    """A mention inside a content part gives part, part+mention, part spans, none nested."""
    text = "He said Ann was right."
    markup = highlight(text, [quote(text, [(8, 21)], cue=(3, 7), mention=(8, 11))])
    assert Markup(markup).spans() == [
        ("qa-cue", "said"),
        ("qa-part qa-mention", "Ann"),
        ("qa-part", " was right"),
    ]


def test_crossing_cue_and_mention_give_well_formed_markup() -> None:
    """A cue and a mention that overlap without nesting still give balanced tags."""
    text = "abcdefghijklmnop"
    markup = highlight(text, [quote(text, [(0, 2)], cue=(4, 10), mention=(8, 14))])
    parser = Markup(markup)
    assert (parser.problems, parser.spans()[1:]) == (
        [],
        [("qa-cue", "efgh"), ("qa-cue qa-mention", "ij"), ("qa-mention", "klmn")],
    )


def test_overlapping_content_of_two_quotes_is_marked_as_overlap() -> None:
    """Where the content of two quotes overlaps, the span has the class qa-overlap too."""
    text = "one two three four"
    quotes = [quote(text, [(0, 13)]), quote(text, [(4, 18)])]
    assert Markup(highlight(text, quotes)).spans() == [
        ("qa-part", "one "),
        ("qa-part qa-overlap", "two three"),
        ("qa-part", " four"),
    ]


def test_adjacent_spans_stay_separate_and_lose_no_text() -> None:
    """A mention that ends where a cue starts gives two spans that meet without a gap."""
    text = "“Go,” Annsaid."
    markup = highlight(text, [quote(text, [(0, 5)], cue=(9, 13), mention=(6, 9))])
    assert Markup(markup).spans()[1:] == [("qa-mention", "Ann"), ("qa-cue", "said")]


def test_span_title_names_the_quote_and_the_role() -> None:
    """A span's title says which quote each covering range belongs to, and as what."""
    text = "one two three four"
    quotes = [quote(text, [(0, 13)], cue=(14, 18)), quote(text, [(4, 18)])]
    titles = [attrs.get("title") for attrs, _ in Markup(highlight(text, quotes)).find("span")]
    assert titles == [
        "quote 1: content",
        "quote 1: content; quote 2: content",
        "quote 2: content",
        "quote 1: cue; quote 2: content",
    ]


def test_each_quote_is_preceded_by_a_numbered_link_to_its_row() -> None:
    """A link numbered like the quote, to ``#{anchor}-{n}``, precedes each quote."""
    links = Markup(highlight(TEXT, [MINISTER, SPLIT], anchor="d1-q")).find("a", "qa-n")
    assert [(attrs["href"], data) for attrs, data in links] == [("#d1-q-1", "1"), ("#d1-q-2", "2")]


def test_markers_of_quotes_starting_together_are_in_quote_order() -> None:
    """Two quotes starting at one offset get their links in quote order, before the text."""
    text = "abc def"
    markup = highlight(text, [quote(text, [(0, 3)]), quote(text, [(0, 7)])])
    assert markup.startswith('<a class="qa-n" href="#q-1">1</a><a class="qa-n" href="#q-2">2</a>')


def test_escapes_markup_and_quotes_in_the_text() -> None:
    """Content holding ``<script>`` and double quotes is shown as text, never as markup."""
    text = 'He said "<script>alert(1)</script>".'
    markup = highlight(text, [quote(text, [(8, 35)], cue=(3, 7), mention=(0, 2))])
    assert (markup.count("<script"), Markup(markup).spans()[2]) == (
        0,
        ("qa-part", '"<script>alert(1)</script>"'),
    )


def test_quote_that_does_not_fit_the_text_raises_e012() -> None:
    """Quotes rendered with another text raise [E012], naming the quote and the mismatch."""
    with pytest.raises(QuoteattrError, match=r"^\[E012\] Quote 1 does not fit the text: its "):
        highlight("Something else entirely, with no quote.", [MINISTER])


def test_cue_that_does_not_fit_the_text_raises_e012() -> None:
    """A cue whose text is not the text at its offsets raises [E012] naming the cue."""
    bad = Quote(
        kind=QuoteKind.DIRECT,
        text=MINISTER.text,
        start=0,
        end=14,
        parts=((0, 14),),
        cue=Cue("told", 28, 32),
    )
    with pytest.raises(QuoteattrError, match=r"its cue at 28-32 reads 'told'"):
        highlight(TEXT, [bad])


SPAN_TEXT = "“Yes,” Ann said, “and no.” Bob told us “maybe”."


@st.composite
def random_quotes(draw: st.DrawFn) -> list[Quote]:
    """Up to five quotes with arbitrary (possibly overlapping) parts, cues and mentions."""
    n = len(SPAN_TEXT)
    pairs = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda p: (min(p), max(p)))
    quotes = []
    for _ in range(draw(st.integers(0, 5))):
        parts = sorted(draw(st.lists(pairs, min_size=1, max_size=3)))
        cue = draw(st.none() | pairs)
        mention = draw(st.none() | pairs)
        quotes.append(quote(SPAN_TEXT, parts, cue=cue, mention=mention))
    return quotes


@given(random_quotes())
def test_any_overlap_gives_balanced_markup_and_keeps_the_text(quotes: list[Quote]) -> None:
    """Whatever the ranges, tags balance and the visible text (less the links) is the text."""
    parser = Markup(highlight(SPAN_TEXT, quotes))
    assert (parser.problems, "".join(parser.text)) == ([], SPAN_TEXT)


# ---------------------------------------------------------------------------------------------
# the who-said-what table


def test_table_has_a_row_per_quote_with_its_fields() -> None:
    """The table shows number, speaker, kinds, role, organization, cue, content, confidence."""
    assert table_rows(table_html([MINISTER, SPLIT])) == [
        [
            "#",
            "speaker",
            "speaker kind",
            "role",
            "organization",
            "cue",
            "quote",
            "quote kind",
            "confidence",
        ],
        ["1", "the minister", "unnamed", "—", "—", "said", "“We will win,”", "direct", "0.95"],
        ["2", "she", "person", "mayor", "—", "said", "“Later,” “we rest.”", "direct", "0.90"],
    ]


def test_table_row_of_a_quote_without_speaker_or_cue() -> None:
    """A quote with no speaker and no cue shows dashes in their cells."""
    text = "“Alone.”"
    (_, row) = table_rows(table_html([quote(text, [(0, 8)])]))
    assert row == ["1", "—", "—", "—", "—", "—", "“Alone.”", "direct", "1.00"]


def test_table_rows_get_ids_when_an_anchor_is_given() -> None:
    """With ``anchor``, row n has the id ``{anchor}-{n}``, the target of the text's links."""
    rows = Markup(table_html([MINISTER, SPLIT], anchor="d3-q")).find("tr")
    assert [attrs.get("id") for attrs, _ in rows] == [None, "d3-q-1", "d3-q-2"]


def test_table_cue_cell_has_the_category_as_title() -> None:
    """Hovering the cue shows its category."""
    cells = Markup(table_html([MINISTER])).find("td")
    assert [attrs.get("title") for attrs, data in cells if data == "said"] == ["speech"]


def test_table_escapes_the_speaker_and_the_content() -> None:
    """Speaker names and content with markup or quotes are escaped in the table."""
    text = '"<b>hi</b>" <i>X</i> said'
    markup = table_html([quote(text, [(0, 11)], cue=(21, 25), mention=(12, 20))])
    assert (markup.count("<b>"), markup.count("<i>"), table_rows(markup)[1][1:2]) == (
        0,
        0,
        ["<i>X</i>"],
    )


# ---------------------------------------------------------------------------------------------
# the page


def test_render_is_a_complete_html_document() -> None:
    """render gives one document, from the doctype to the closing html tag."""
    page = render(TEXT, [MINISTER, SPLIT])
    assert (page[:16], page[-8:], Markup(page).problems) == ("<!DOCTYPE html>\n", "</html>\n", [])


def test_render_uses_no_scripts_or_external_assets() -> None:
    """The page uses only inline markup and CSS: no script, link, img or iframe; no src; local
    links only."""
    parser = Markup(render(TEXT, [MINISTER, SPLIT]))
    hrefs = [value for name, value in parser.attrs if name == "href"]
    assert (
        parser.tags,
        [name for name, _ in parser.attrs if name == "src" or name.startswith("on")],
        [h for h in hrefs if h is None or not h.startswith("#")],
    ) == (
        {
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "div",
            "h1",
            "p",
            "span",
            "a",
            "section",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        },
        [],
        [],
    )


def test_render_has_a_legend_of_the_highlight_classes() -> None:
    """The legend, before any document, shows a sample of each highlight class."""
    assert Markup(render(TEXT, [])).spans()[:5] == [
        ("qa-part", "quote content"),
        ("qa-part qa-overlap", "content of two quotes"),
        ("qa-cue", "cue"),
        ("qa-mention", "speaker mention"),
        ("qa-n", "1"),
    ]


def test_render_escapes_the_title() -> None:
    """The title is escaped in the head and in the heading."""
    page = render(TEXT, [], title='<script>"x"</script>')
    assert (page.count("<script"), page.count("&lt;script&gt;&quot;x&quot;&lt;/script&gt;")) == (
        0,
        2,
    )


def test_render_script_in_content_shows_as_text_everywhere() -> None:
    """A ``<script>`` in the content is text in the highlighted text and in the table."""
    text = '“<script>alert("x")</script>,” he said.'
    page = render(text, [quote(text, [(0, 31)], cue=(35, 39), mention=(32, 34))])
    assert (page.count("<script"), page.count("&lt;script&gt;alert(&quot;x&quot;)")) == (0, 2)


def test_render_shows_the_number_of_quotes() -> None:
    """The section says how many quotes it holds."""
    summaries = Markup(render(TEXT, [MINISTER, SPLIT])).find("p", "qa-summary")
    assert [data for _, data in summaries] == ["2 quotes"]


def test_render_of_one_quote_says_quote() -> None:
    """One quote is counted in the singular."""
    summaries = Markup(render(TEXT, [MINISTER])).find("p", "qa-summary")
    assert [data for _, data in summaries] == ["1 quote"]


def test_render_without_quotes_has_no_table() -> None:
    """A text without quotes gives the text and no table."""
    parser = Markup(render(TEXT, []))
    assert ("table" in parser.tags, "".join(d for _, d in parser.find("div", "qa-text"))) == (
        False,
        TEXT,
    )


def test_render_html_has_a_section_per_document() -> None:
    """Each document is a section headed by its id, in order."""
    docs = [("a.txt", TEXT, [MINISTER]), ("b.txt", TEXT, [SPLIT])]
    parser = Markup("".join(render_html(docs)))
    assert [(a.get("id"), d) for a, d in parser.find("h2")] == [(None, "a.txt"), (None, "b.txt")]


def test_render_html_anchors_are_unique_across_documents() -> None:
    """Rows of the nth document have ids ``d{n}-q-{k}``, so links stay within their section."""
    docs = [("a", TEXT, [MINISTER]), ("b", TEXT, [MINISTER])]
    rows = Markup("".join(render_html(docs))).find("tr")
    assert [a.get("id") for a, _ in rows if a.get("id")] == ["d1-q-1", "d2-q-1"]


def test_render_html_error_document_shows_an_error_line() -> None:
    """A failed document shows its escaped error message instead of text and table."""
    docs = [("bad <1>", None, "[E007] bad <1>: No such file or directory.")]
    parser = Markup("".join(render_html(docs)))
    assert (parser.find("p", "qa-error"), "table" in parser.tags) == (
        [({"class": "qa-error"}, "Error: [E007] bad <1>: No such file or directory.")],
        False,
    )


def test_render_html_is_render_for_one_unnamed_document() -> None:
    """render is render_html of one document without a heading."""
    assert render(TEXT, [SPLIT], title="T") == "".join(
        render_html([(None, TEXT, [SPLIT])], title="T")
    )


# ---------------------------------------------------------------------------------------------
# notebook displays


def test_quote_repr_html_is_a_one_row_table() -> None:
    """A Quote shows in a notebook as the who-said-what table of itself alone."""
    assert table_rows(MINISTER._repr_html_())[1:] == [
        ["1", "the minister", "unnamed", "—", "—", "said", "“We will win,”", "direct", "0.95"]
    ]


def test_quotes_repr_html_is_the_table_with_its_css() -> None:
    """A Quotes list shows as a scoped block with its CSS and a row per quote."""
    markup = Quotes([MINISTER, SPLIT])._repr_html_()
    parser = Markup(markup)
    assert (markup.startswith('<div class="quoteattr"><style>'), len(parser.find("tr"))) == (
        True,
        3,
    )


def test_empty_quotes_repr_html_says_no_quotes() -> None:
    """An empty Quotes list shows a line instead of an empty table."""
    assert Markup(Quotes()._repr_html_()).find("p", "qa-summary") == [
        ({"class": "qa-summary"}, "No quotes.")
    ]


def test_quotes_html_css_is_scoped_to_its_block() -> None:
    """Every CSS rule of the notebook display starts with ``.quoteattr``."""
    (_, css) = Markup(quotes_html([MINISTER])).find("style")[0]
    selectors = [
        selector.strip()
        for rule in css.split("}")
        if rule.strip()
        for selector in rule.split("{")[0].split(",")
    ]
    assert [s for s in selectors if not s.startswith(".quoteattr")] == []


def test_quotes_is_a_list_of_its_quotes() -> None:
    """Quotes compares equal to a list of the same quotes."""
    assert Quotes([MINISTER, SPLIT]) == [MINISTER, SPLIT]


def test_quotes_pickles_as_quotes() -> None:
    """Quotes survives pickling with its type and items."""
    copy = pickle.loads(pickle.dumps(Quotes([MINISTER])))
    assert (type(copy), copy) == (Quotes, [MINISTER])


# ---------------------------------------------------------------------------------------------
# the command line


@pytest.mark.model
def test_cli_html_renders_every_document_into_one_page(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    nlp: Any,
    seed_text: str,
) -> None:
    """``extract --format html`` gives one page: the seed's section and an error section."""
    monkeypatch.setattr(quoteattr.pipelines, "load", lambda *_, **__: nlp)
    seed = str(ROOT / "seeds" / "nato-iraq-reuters.txt")
    missing = str(tmp_path / "missing.txt")
    status = main(["extract", "--format", "html", seed, missing])
    out, _ = capsys.readouterr()
    expected = "".join(
        render_html(
            [
                (seed, seed_text, nlp(seed_text)._.quotes),
                (missing, None, f"[E007] {missing}: No such file or directory."),
            ]
        )
    )
    assert (status, out) == (1, expected)
