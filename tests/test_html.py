"""Tests for quoteattr.io.html: the HTML page, the highlights and the notebook displays.

Quotes are built by hand (no model), except for one test of ``extract --format html``.
"""

from __future__ import annotations

import pickle
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr import Quote, Quotes
from quoteattr.cli import main
from quoteattr.errors import QuoteattrError
from quoteattr.io.html import CSS, PALETTE, highlight, quotes_html, render, render_html, table_html
from quoteattr.model import Cue, CueCategory, QuoteKind, Speaker, SpeakerKind, TextSpan
from tests.samples import MINISTER, TEXT
from tests.wcag import contrast, parse

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


RANGE_CLASSES = ("qa-part", "qa-cue", "qa-mention", "qa-overlap")


def classes(attrs: dict[str, str | None]) -> set[str]:
    """The classes of an element."""
    return set((attrs.get("class") or "").split())


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
        # The labels and the screen readers' "(end of quote n)" are not the document's text.
        if not any(classes(a) & {"qa-label", "qa-sr"} for _, a, _ in self.stack):
            self.text.append(data)

    def find(self, tag: str, css: str | None = None) -> list[tuple[dict[str, str | None], str]]:
        """The elements of this tag (and class, when given), in the order they close."""
        return [
            (attrs, data)
            for name, attrs, data in self.elements
            if name == tag and (css is None or attrs.get("class") == css)
        ]

    def highlights(self) -> list[tuple[dict[str, str | None], str]]:
        """The spans that highlight a part, cue or mention, in text order."""
        return [(a, d) for a, d in self.find("span") if classes(a) & set(RANGE_CLASSES)]

    def spans(self) -> list[tuple[str | None, str]]:
        """``(range classes, text)`` of every highlight: its part, cue, mention and overlap
        classes, without those of colour, category and confidence."""
        return [
            (" ".join(c for c in RANGE_CLASSES if c in classes(attrs)), data)
            for attrs, data in self.highlights()
        ]

    def styles(self) -> list[tuple[str | None, str]]:
        """``(class, text)`` of every highlight, all its classes."""
        return [(attrs.get("class"), data) for attrs, data in self.highlights()]

    def labels(self) -> list[tuple[dict[str, str | None], str]]:
        """The quote labels in the text: attributes and text (screen readers' words too)."""
        return [(a, d) for a, d in self.find("a") if "qa-label" in classes(a)]


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
    titles = [attrs.get("title") for attrs, _ in Markup(highlight(text, quotes)).highlights()]
    assert titles == [
        "quote 1: content",
        "quote 1: content; quote 2: content",
        "quote 2: content",
        "quote 1: cue; quote 2: content",
    ]


def test_each_quote_starts_with_a_label_naming_its_speaker_and_linking_its_row() -> None:
    """Each quote starts with a label: number, speaker and role, linking to its row."""
    labels = Markup(highlight(TEXT, [MINISTER, SPLIT], anchor="d1-q")).labels()
    assert [(a["href"], a["id"], data) for a, data in labels] == [
        ("#d1-q-1", "d1-q-1-text", "quote 1 the minister, unnamed source"),
        ("#d1-q-2", "d1-q-2-text", "quote 2 she, mayor"),
    ]


def test_label_comes_right_before_the_quote() -> None:
    """The label is followed by the first piece of its quote's content."""
    markup = highlight(TEXT, [SPLIT])
    assert markup[markup.index("</a>") + 4 :].startswith('<span class="qa-part')


def test_markers_of_quotes_starting_together_are_in_quote_order() -> None:
    """Two quotes starting at one offset get their labels in quote order, before the text."""
    text = "abc def"
    parser = Markup(highlight(text, [quote(text, [(0, 3)]), quote(text, [(0, 7)])]))
    assert ([a["href"] for a, _ in parser.labels()], "".join(parser.text)) == (
        ["#q-1", "#q-2"],
        text,
    )


def test_end_of_each_quote_is_told_to_screen_readers() -> None:
    """Where a quote ends, visually hidden text says so, after the last part."""
    markup = highlight(TEXT, [MINISTER, SPLIT])
    hidden = [d for a, d in Markup(markup).find("span", "qa-sr") if "end" in d]
    assert (
        hidden,
        markup.endswith('“we rest.”</span><span class="qa-sr"> (end of quote 2)</span>'),
    ) == (
        [" (end of quote 1)", " (end of quote 2)"],
        True,
    )


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


# ---------------------------------------------------------------------------------------------
# speakers' colours, cue categories and confidence in the text


def said_by(
    name: str,
    kind: SpeakerKind = SpeakerKind.PERSON,
    role: str | None = None,
    organization: str | None = None,
) -> Quote:
    """MINISTER's quote, said by another speaker (no mention)."""
    speaker = Speaker(name, kind=kind, role=role, organization=organization)
    return evolve(MINISTER, speaker=speaker)


def colours(markup: str) -> list[str]:
    """The colour class of each quote label, in order."""
    return [c for a, _ in Markup(markup).labels() for c in classes(a) if c.startswith("qa-s")]


def speaker_colours() -> dict[str, dict[str, str]]:
    """The custom properties of each colour class in the CSS: ``{"qa-s1": {"fill": ...}}``."""
    rules = re.findall(r"\.quoteattr \.(qa-s\d+) \{([^}]*)\}", CSS)
    return {name: dict(re.findall(r"--qa-(\w+): (#[0-9a-f]{6})", body)) for name, body in rules}


def test_css_has_a_colour_class_per_palette_entry_and_one_for_no_speaker() -> None:
    """``qa-s0`` (no speaker) to ``qa-s{len(PALETTE)}``, each with fill, pale fill and accent."""
    colours = speaker_colours()
    assert (list(colours), {tuple(c) for c in colours.values()}) == (
        [f"qa-s{n}" for n in range(len(PALETTE) + 1)],
        {("fill", "pale", "accent")},
    )


def test_speaker_colours_keep_text_and_marks_legible() -> None:
    """Text has 7:1 on every fill, low-confidence grey 4.5:1, accents 3:1 on white and fill."""
    text, low_text, white = parse("#1f2328"), parse("#424a53"), parse("#ffffff")
    worst = [
        (
            contrast(text, parse(c["fill"])) >= 7,
            contrast(low_text, parse(c["pale"])) >= 4.5,
            contrast(parse(c["accent"]), white) >= 3,
            contrast(parse(c["accent"]), parse(c["fill"])) >= 3,
        )
        for c in speaker_colours().values()
    ]
    assert ("color: #1f2328" in CSS, "color: #424a53" in CSS, set(worst)) == (
        True,
        True,
        {(True, True, True, True)},
    )


def test_each_speaker_keeps_one_colour_in_order_of_first_quote() -> None:
    """Speakers take the palette's colours in the order they first speak, one each."""
    quotes = [said_by("Ann"), said_by("Bob"), said_by("Ann"), said_by("Cy")]
    assert colours(highlight(TEXT, quotes)) == ["qa-s1", "qa-s2", "qa-s1", "qa-s3"]


def test_same_name_of_another_kind_is_another_speaker() -> None:
    """ "Reuters" the organisation and "Reuters" a person are two speakers, as speakers() says."""
    quotes = [said_by("Reuters", SpeakerKind.ORGANIZATION), said_by("Reuters")]
    assert colours(highlight(TEXT, quotes)) == ["qa-s1", "qa-s2"]


def test_unresolved_speakers_are_each_their_own() -> None:
    """Two unresolved "he" need not be one person: each gets its own colour."""
    quotes = [said_by("he", SpeakerKind.UNKNOWN), said_by("he", SpeakerKind.UNKNOWN)]
    assert colours(highlight(TEXT, quotes)) == ["qa-s1", "qa-s2"]


def test_speakers_beyond_the_palette_reuse_colours_but_keep_their_names() -> None:
    """After the palette's last colour the first comes again; the label still names who."""
    quotes = [said_by(f"Speaker {n}") for n in range(len(PALETTE) + 1)]
    labels = Markup(highlight(TEXT, quotes)).labels()
    assert (colours(highlight(TEXT, quotes))[-1], labels[-1][1]) == (
        "qa-s1",
        f"quote {len(PALETTE) + 1} Speaker {len(PALETTE)}",
    )


def test_quote_without_speaker_is_labelled_no_speaker_in_grey() -> None:
    """A quote without a speaker says so in its label, in the colour qa-s0."""
    text = "“Alone.”"
    markup = highlight(text, [quote(text, [(0, 8)])])
    assert (colours(markup), Markup(markup).labels()[0][1], Markup(markup).styles()) == (
        ["qa-s0"],
        "quote 1 no speaker",
        [("qa-part qa-s0 qa-speech", "“Alone.”")],
    )


def test_label_gives_role_and_organization() -> None:
    """A speaker's role and organisation follow its name in the label."""
    quotes = [said_by("Jim Mattis", role="Secretary of Defense", organization="US")]
    assert Markup(highlight(TEXT, quotes)).labels()[0][1] == (
        "quote 1 Jim Mattis, Secretary of Defense, US"
    )


def test_label_does_not_repeat_a_role_that_is_the_name() -> None:
    """An unnamed "mayor" whose role is "Mayor" is labelled "mayor, unnamed source"."""
    quotes = [said_by("mayor", SpeakerKind.UNNAMED, role="Mayor")]
    assert Markup(highlight(TEXT, quotes)).labels()[0][1] == "quote 1 mayor, unnamed source"


@pytest.mark.parametrize(
    ("category", "css", "tag"),
    [
        (CueCategory.SPEECH, "qa-speech", ""),
        (CueCategory.WRITING, "qa-writing", " · written"),
        (CueCategory.REPORT, "qa-report", " · report"),
        (CueCategory.BELIEF, "qa-belief", " · belief"),
    ],
)
def test_cue_category_styles_the_content_and_is_said_in_the_label(
    category: CueCategory, css: str, tag: str
) -> None:
    """The content carries the cue's category as a class; the label names it unless speech."""
    q = evolve(MINISTER, cue=Cue("said", 28, 32, category=category))
    parser = Markup(highlight(TEXT, [q]))
    assert (parser.styles()[0], parser.labels()[0][1]) == (
        (f"qa-part qa-s1 {css}", "“We will win,”"),
        f"quote 1 the minister, unnamed source{tag}",
    )


def test_low_confidence_is_paler_and_said_in_the_label() -> None:
    """Below ``low_confidence`` content and label get qa-low and the label says so."""
    unsure = evolve(MINISTER, confidence=0.4)
    markups = [highlight(TEXT, [unsure], low_confidence=t) for t in (0.5, 0.4)]
    assert [(Markup(m).styles()[0][0], Markup(m).labels()[0]) for m in markups] == [
        (
            "qa-part qa-s1 qa-speech qa-low",
            (
                {"class": "qa-label qa-s1 qa-low", "id": "q-1-text", "href": "#q-1"},
                "quote 1 the minister, unnamed source · low confidence",
            ),
        ),
        (
            "qa-part qa-s1 qa-speech",
            (
                {"class": "qa-label qa-s1", "id": "q-1-text", "href": "#q-1"},
                "quote 1 the minister, unnamed source",
            ),
        ),
    ]


def test_mention_takes_its_speakers_colour_inside_anothers_content() -> None:
    """A mention in another speaker's content takes its own speaker's colour."""
    text = "He said Ann was right; Ann agreed."
    outer = quote(text, [(8, 21)], cue=(3, 7), mention=(0, 2))
    inner = quote(text, [(23, 26)], cue=(27, 33), mention=(8, 11))
    assert Markup(highlight(text, [outer, inner])).styles() == [
        ("qa-mention qa-s1", "He"),
        ("qa-cue qa-s1", "said"),
        ("qa-part qa-mention qa-s2 qa-speech", "Ann"),
        ("qa-part qa-s1 qa-speech", " was right"),
        ("qa-part qa-s2 qa-speech", "Ann"),
        ("qa-cue qa-s2", "agreed"),
    ]


SPAN_TEXT = "“Yes,” Ann said, “and no.” Bob told us “maybe”."


@st.composite
def random_quotes(draw: st.DrawFn, text: str = SPAN_TEXT) -> list[Quote]:
    """Up to five quotes of ``text`` with arbitrary (possibly overlapping) parts, cues and
    mentions."""
    n = len(text)
    pairs = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda p: (min(p), max(p)))
    quotes = []
    for _ in range(draw(st.integers(0, 5))):
        parts = sorted(draw(st.lists(pairs, min_size=1, max_size=3)))
        cue = draw(st.none() | pairs)
        mention = draw(st.none() | pairs)
        quotes.append(quote(text, parts, cue=cue, mention=mention))
    return quotes


@given(random_quotes())
def test_any_overlap_gives_balanced_markup_and_keeps_the_text(quotes: list[Quote]) -> None:
    """Whatever the ranges, tags balance and the visible text (less the links) is the text."""
    parser = Markup(highlight(SPAN_TEXT, quotes))
    assert (parser.problems, "".join(parser.text)) == ([], SPAN_TEXT)


HEADED_SPAN_TEXT = "Ann says “yes”\n\n“And no,” Bob told us, “maybe”."


@given(random_quotes(HEADED_SPAN_TEXT))
def test_any_overlap_with_a_headline_gives_balanced_markup(quotes: list[Quote]) -> None:
    """With a headline too, any ranges give balanced tags and keep the visible text."""
    page = render(HEADED_SPAN_TEXT, quotes)
    block = page.split('<div class="qa-text">')[1].split("</div>")[0]
    parser = Markup(block)
    assert (parser.problems, "".join(parser.text), block.count("qa-headline")) == (
        [],
        HEADED_SPAN_TEXT,
        1,
    )


# ---------------------------------------------------------------------------------------------
# the who-said-what table


def test_table_has_a_row_per_quote_with_its_fields() -> None:
    """The table shows speaker, kinds, role, organization, cue, category, content, confidence."""
    assert table_rows(table_html([MINISTER, SPLIT])) == [
        [
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
        ],
        [
            "1",
            "the minister",
            "unnamed",
            "—",
            "—",
            "said",
            "speech",
            "“We will win,”",
            "direct",
            "0.95",
        ],
        [
            "2",
            "she",
            "person",
            "mayor",
            "—",
            "said",
            "speech",
            "“Later,” “we rest.”",
            "direct",
            "0.90",
        ],
    ]


def test_table_row_of_a_quote_without_speaker_or_cue() -> None:
    """A quote with no speaker and no cue shows dashes in their cells."""
    text = "“Alone.”"
    (_, row) = table_rows(table_html([quote(text, [(0, 8)])]))
    assert row == ["1", "—", "—", "—", "—", "—", "—", "“Alone.”", "direct", "1.00"]


def test_table_rows_get_ids_when_an_anchor_is_given() -> None:
    """With ``anchor``, row n has the id ``{anchor}-{n}``, the target of the text's links."""
    rows = Markup(table_html([MINISTER, SPLIT], anchor="d3-q")).find("tr")
    assert [attrs.get("id") for attrs, _ in rows] == [None, "d3-q-1", "d3-q-2"]


def test_table_row_numbers_link_back_to_the_labels_when_an_anchor_is_given() -> None:
    """With ``anchor``, row n's number links to ``#{anchor}-{n}-text``, the quote's label."""
    links = Markup(table_html([MINISTER, SPLIT], anchor="d3-q")).find("a")
    assert [(a["href"], a["aria-label"], d) for a, d in links] == [
        ("#d3-q-1-text", "quote 1 in the text", "1"),
        ("#d3-q-2-text", "quote 2 in the text", "2"),
    ]


def test_table_without_anchor_has_no_links() -> None:
    """Without ``anchor`` (a notebook's table) there is no text to link back to."""
    assert "a" not in Markup(table_html([MINISTER, SPLIT])).tags


def test_table_cue_category_is_a_column() -> None:
    """The cue's category is in its own column, as text."""
    believer = evolve(MINISTER, cue=Cue("said", 28, 32, category=CueCategory.BELIEF))
    assert [row[6] for row in table_rows(table_html([MINISTER, believer]))] == [
        "cue category",
        "speech",
        "belief",
    ]


def test_table_marks_low_confidence_in_words() -> None:
    """A confidence below ``low_confidence`` is followed by "(low)"."""
    unsure = evolve(MINISTER, confidence=0.3)
    rows = table_rows(table_html([MINISTER, unsure], low_confidence=0.5))
    assert [row[-1] for row in rows] == ["confidence", "0.95", "0.30 (low)"]


def test_table_speaker_cell_has_a_swatch_of_the_speakers_colour() -> None:
    """Each speaker cell starts with a hidden-from-readers swatch of the speaker's colour."""
    spans = Markup(table_html([MINISTER, SPLIT, MINISTER])).find("span")
    swatches = [a for a, _ in spans if "qa-swatch" in classes(a)]
    assert [(a["class"], a["aria-hidden"]) for a in swatches] == [
        ("qa-swatch qa-s1", "true"),
        ("qa-swatch qa-s2", "true"),
        ("qa-swatch qa-s1", "true"),
    ]


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
    """The page has no script, link, img or iframe, no src or on* attribute, local links only."""
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
            "main",
            "div",
            "aside",
            "h1",
            "h2",
            "ul",
            "li",
            "br",
            "p",
            "b",
            "strong",
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


def test_render_has_a_key_with_a_sample_of_each_mark() -> None:
    """The key shows each mark (content kinds, cue, mention, label) drawn as itself."""
    parser = Markup(render(TEXT, []))
    assert (parser.styles()[:8], [d for _, d in parser.find("span", "qa-label qa-s1")]) == (
        [
            ("qa-part qa-s1 qa-speech", "spoken"),
            ("qa-part qa-s1 qa-writing", "written"),
            ("qa-part qa-s1 qa-report", "report"),
            ("qa-part qa-s1 qa-belief", "belief"),
            ("qa-part qa-s1 qa-speech qa-low", "low confidence"),
            ("qa-part qa-overlap qa-s1 qa-speech", "in two quotes"),
            ("qa-cue", "cue"),
            ("qa-mention qa-s1", "speaker"),
        ],
        ["1 Speaker, role"],
    )


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


def test_render_shows_the_number_of_quotes_speakers_and_categories() -> None:
    """The summary counts quotes, speakers, cue categories and low-confidence quotes."""
    unsure = evolve(SPLIT, cue=Cue("said", 47, 51, category=CueCategory.BELIEF), confidence=0.2)
    summaries = Markup(render(TEXT, [MINISTER, unsure, MINISTER])).find("p", "qa-summary")
    assert [data for _, data in summaries] == [
        "3 quotes from 2 speakers: 2 speech, 1 belief; 1 low confidence"
    ]


def test_render_of_one_quote_says_quote() -> None:
    """One quote from one speaker is counted in the singular."""
    summaries = Markup(render(TEXT, [MINISTER])).find("p", "qa-summary")
    assert [data for _, data in summaries] == ["1 quote from 1 speaker: 1 speech"]


def test_render_counts_quotes_without_speaker_or_cue() -> None:
    """Quotes without a speaker or without a cue are counted as such."""
    text = "“Alone.”"
    summaries = Markup(render(text, [quote(text, [(0, 8)])])).find("p", "qa-summary")
    assert [data for _, data in summaries] == [
        "1 quote from 0 speakers (1 without a speaker): 1 without a cue"
    ]


def test_render_lists_speakers_most_quoted_first_with_links_to_their_quotes() -> None:
    """The speakers list gives each speaker's colour, name, count, quote links and role."""
    parser = Markup(render(TEXT, [MINISTER, SPLIT, MINISTER]))
    items = [d for _, d in parser.find("li") if re.search(r": \d+ quotes? \(", d)]
    links = [
        a["href"] for a, _ in parser.find("a") if re.match(r"quote \d+$", a.get("aria-label") or "")
    ]
    assert (items, links) == (
        ["the minister: 2 quotes (1, 3)unnamed source", "she: 1 quote (2)mayor"],
        ["#d1-q-1-text", "#d1-q-3-text", "#d1-q-2-text"],
    )


def test_render_lists_quotes_without_speaker_last() -> None:
    """Quotes without a speaker are listed as "no speaker", in grey (qa-s0)."""
    text = "“Alone.” “Again.”"
    parser = Markup(render(text, [quote(text, [(0, 8)]), quote(text, [(9, 17)])]))
    items = [d for _, d in parser.find("li") if re.search(r": \d+ quotes? \(", d)]
    assert items == ["no speaker: 2 quotes (1, 2)"]


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
    assert [(a.get("id"), d) for a, d in parser.find("h2", "qa-doc")] == [
        ("d1-h", "a.txt"),
        ("d2-h", "b.txt"),
    ]


HEADED = "Minister vows victory\n\n“We will win,” the minister said."


def test_render_html_has_a_table_of_contents_for_several_documents() -> None:
    """Several documents get contents: id, headline, counts or error, linked to sections."""
    headed = evolve(
        MINISTER,
        start=23,
        end=37,
        parts=((23, 37),),
        cue=Cue("said", 51, 55),
        speaker=Speaker("the minister", mention=TextSpan("the minister", 38, 50)),
    )
    docs = [("a", HEADED, [headed]), ("b", TEXT, [MINISTER, SPLIT]), ("c", None, "[E007] gone")]
    parser = Markup("".join(render_html(docs)))
    (nav,) = parser.find("nav")
    entries = [d for _, d in parser.find("li") if re.match(r"[abc]( —|:)", d)]
    links = [a["href"] for a, d in parser.find("a") if d in ("a", "b", "c")]
    assert (nav[0]["id"], entries, links) == (
        "contents",
        [
            "a — Minister vows victory: 1 quote, 1 speaker",
            "b: 2 quotes, 2 speakers",
            "c: error",
        ],
        ["#d1", "#d2", "#d3"],
    )


def test_render_of_one_document_has_no_table_of_contents() -> None:
    """A page of one document needs no contents list."""
    assert "nav" not in Markup(render(TEXT, [MINISTER])).tags


def test_render_html_links_point_to_ids_on_the_page() -> None:
    """Every link on a page of several documents leads to an id there; no id is repeated."""
    docs = [("a", TEXT, [MINISTER, SPLIT]), ("b", TEXT, [SPLIT]), ("c", None, "[E007] gone")]
    parser = Markup("".join(render_html(docs)))
    ids = [value for name, value in parser.attrs if name == "id"]
    hrefs = [value for name, value in parser.attrs if name == "href"]
    assert (
        sorted({h for h in hrefs if h is None or h[1:] not in ids}),
        len(hrefs) > 10,
        len(ids) == len(set(ids)),
    ) == ([], True, True)


def test_render_shows_the_headline_as_a_heading() -> None:
    """The first of several paragraphs is the headline: a heading, its quotes labelled."""
    headed = quote(HEADED, [(0, 21)], mention=(0, 8))
    parser = Markup(render(HEADED, [headed]))
    (heading,) = parser.find("span", "qa-headline")
    assert (heading, HEADED in "".join(parser.text)) == (
        (
            {"class": "qa-headline", "role": "heading", "aria-level": "3"},
            "quote 1 Minister, unresolvedMinister vows victory (end of quote 1)",
        ),
        True,
    )


def test_highlight_of_one_paragraph_has_no_headline() -> None:
    """A text of one paragraph has no headline."""
    assert 'class="qa-headline"' not in render(TEXT, [MINISTER])


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
        [
            "1",
            "the minister",
            "unnamed",
            "—",
            "—",
            "said",
            "speech",
            "“We will win,”",
            "direct",
            "0.95",
        ]
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


@pytest.mark.model
def test_cli_title_option_titles_the_page(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    nlp: Any,
    seed_text: str,
) -> None:
    """``extract --format html --title T`` gives the page T as its escaped title and heading."""
    monkeypatch.setattr(quoteattr, "load", lambda *_, **__: nlp)
    seed = str(ROOT / "seeds" / "nato-iraq-reuters.txt")
    status = main(["extract", "--format", "html", "--title", "NATO & <Iraq>", seed])
    out, _ = capsys.readouterr()
    parser = Markup(out)
    assert (status, parser.find("title"), parser.find("h1")) == (
        0,
        [({}, "NATO & <Iraq>")],
        [({}, "NATO & <Iraq>")],
    )
