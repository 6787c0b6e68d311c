"""Quote-mark pairing on raw strings: directions, apostrophes, paragraphs, broken marks."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.core.marks import _MARK_RE, MarkedQuote, MarkProblem, find_quotes, is_apostrophe

QUOTE_MARKS = "“”„‘’«»‹›\"'"
STYLES = {"double", "straight", "single", "guillemet", "low"}


def pairs(text: str) -> list[tuple[str, str, int]]:
    """(quoted text, style, depth) of every pair, in the order find_quotes returns them."""
    quotes, _ = find_quotes(text)
    return [(text[q.start : q.end], q.style, q.depth) for q in quotes]


def part_texts(text: str) -> list[tuple[str, ...]]:
    """The text of each part of every pair."""
    quotes, _ = find_quotes(text)
    return [tuple(text[s:e] for s, e in q.parts) for q in quotes]


def problems(text: str) -> list[tuple[str, int, str]]:
    """(code, offset, mark) of every problem."""
    _, found = find_quotes(text)
    return [(p.code, p.offset, p.mark) for p in found]


# --- pairing by kind of mark ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We have to win the peace,” Jens Stoltenberg told a news conference.",
            [("“We have to win the peace,”", "double", 0)],
        ),
        (
            "Trump said NATO would be “obsolete” if it did not.",
            [("“obsolete”", "double", 0)],
        ),
        ("“A,” he said, “B.”", [("“A,”", "double", 0), ("“B.”", "double", 0)]),
    ],
)
def test_curly_double_marks_pair(text: str, expected: list[tuple[str, str, int]]) -> None:
    """Curly double marks pair opening with closing, one pair per quote."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "No."', [('"No."', "straight", 0)]),
        ("He said “No.”", [("“No.”", "double", 0)]),
        ("An empty “” pair.", [("“”", "double", 0)]),
        ('An empty "" pair.', [('""', "straight", 0)]),
        ("He said ‘no’ twice.", [("‘no’", "single", 0)]),
    ],
)
def test_short_and_empty_quotes_are_pairs(text: str, expected: list[tuple[str, str, int]]) -> None:
    """No length filter: one-word and empty quotes are returned like any other."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Straight," he said. "Again."',
            [('"Straight,"', "straight", 0), ('"Again."', "straight", 0)],
        ),
        ('He called it "fake" news.', [('"fake"', "straight", 0)]),
        ('He said ("maybe") twice.', [('"maybe"', "straight", 0)]),
        ('It was—"Yes"—clear.', [('"Yes"', "straight", 0)]),
        ('"I don\'t know—" he said.', [('"I don\'t know—"', "straight", 0)]),
        ('<tweet author="jack" pic="">', [('"jack"', "straight", 0), ('""', "straight", 0)]),
    ],
)
def test_straight_double_direction_from_context(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A straight " opens before a word and closes after one."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said " no " twice.', [('" no "', "straight", 0)]),
        ('a"b"c', [('"b"', "straight", 0)]),
    ],
)
def test_ambiguous_straight_mark_closes_if_open_else_opens(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A straight " with no telling context closes an open quote, else opens one."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Oui», dit-il. ‹Non›.", [("«Oui»", "guillemet", 0), ("‹Non›", "guillemet", 0)]),
        ("«Il a dit ‹non›.»", [("«Il a dit ‹non›.»", "guillemet", 0), ("‹non›", "guillemet", 1)]),
    ],
)
def test_guillemets_pair(text: str, expected: list[tuple[str, str, int]]) -> None:
    """« closes with » and ‹ with ›, and the two nest."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Ja“, sagte er, „nein”.", [("„Ja“", "low", 0), ("„nein”", "low", 0)]),
    ],
)
def test_low_marks_close_with_either_curly_mark(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A low „ is closed by “ (German) or ” (Polish)."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘We will win,’ he said.", [("‘We will win,’", "single", 0)]),
        ("'We will win,' he said.", [("'We will win,'", "single", 0)]),
        (
            "Trump: ‘I’m the Worst Thing That Ever Happened.’",
            [("‘I’m the Worst Thing That Ever Happened.’", "single", 0)],
        ),
        ("Carson Takes ‘Benghazi’ Approach", [("‘Benghazi’", "single", 0)]),
    ],
)
def test_single_marks_pair_at_top_level(text: str, expected: list[tuple[str, str, int]]) -> None:
    """British-style and headline single quotes pair at depth 0."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He said: “The ‘best’ deal.”",
            [("“The ‘best’ deal.”", "double", 0), ("‘best’", "single", 1)],
        ),
        (
            "\"He said 'no',\" she said.",
            [("\"He said 'no',\"", "straight", 0), ("'no'", "single", 1)],
        ),
        (
            "“I would use the word ‘old-school,’” he said.",
            [("“I would use the word ‘old-school,’”", "double", 0), ("‘old-school,’", "single", 1)],
        ),
    ],
)
def test_single_marks_nest_in_double_quotes(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A single quote inside a double quote is a pair at depth 1."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('“We will win," he said.', [('“We will win,"', "double", 0)]),
        ('"We will win,” he said.', [('"We will win,”', "straight", 0)]),
    ],
)
def test_curly_and_straight_double_marks_close_each_other(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A quote opened by “ may close with " and the other way round; style follows the opener."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We won,'' he said.", [("''We won,''", "straight", 0)]),
        (
            "''I would use the word 'old-school,''' he said.",
            [
                ("''I would use the word 'old-school,'''", "straight", 0),
                ("'old-school,'", "single", 1),
            ],
        ),
        (
            "'''Old' is best,'' he said.",
            [("'''Old' is best,''", "straight", 0), ("'Old'", "single", 1)],
        ),
    ],
)
def test_two_apostrophes_are_a_straight_double_mark(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """'' (New York Times style) is a double mark; in a run of three the single nests inside."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“word“ he said.", [("“word“", "double", 0)]),
        ("”We won,” he said.", [("”We won,”", "double", 0)]),
        ("’We won,’ he said.", [("’We won,’", "single", 0)]),
        ("‘word‘ he said.", [("‘word‘", "single", 0)]),
        ("“They see that. “", [("“They see that. “", "double", 0)]),
    ],
)
def test_marks_typed_the_wrong_way_round(text: str, expected: list[tuple[str, str, int]]) -> None:
    """An opening mark after a word closes, a closing mark at a word start opens."""
    assert expected == pairs(text)


def test_mixed_styles_in_one_text() -> None:
    """Different kinds of quote in one text each pair with their own kind."""
    text = "“A,” he said. 'B,' she said. «C» and „D“ and ‘E’ and \"F.\""
    expected = [
        ("“A,”", "double", 0),
        ("'B,'", "single", 0),
        ("«C»", "guillemet", 0),
        ("„D“", "low", 0),
        ("‘E’", "single", 0),
        ('"F."', "straight", 0),
    ]
    assert expected == pairs(text)


# --- apostrophes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "mark", "after"),
    [
        ("the players", "’", " union"),
        ("the players", "'", " union"),
        ("the ", "’", "90s"),
        ("the ", "'", "90s"),
        ("autocorrect: the ", "‘", "90s"),
        ("rock ", "’", "n’ roll"),
        ("rock ’n", "’", " roll"),
        ("rock ", "'", "n' roll"),
        ("rock 'n", "'", " roll"),
        ("don", "’", "t"),
        ("don", "'", "t"),
        ("O", "’", "Brien"),
        ("O", "'", "Brien"),
        ("Jones", "’", "s car"),
        ("Jones", "'", "s car"),
        ("get ", "’", "em"),
        ("get ", "'", "em"),
        ("goin", "’", " home"),
        ("Joseph Biden Jr.", "'", "s decision"),
        ("Hawai", "ʼ", "i"),
    ],
)
def test_is_apostrophe_true(before: str, mark: str, after: str) -> None:
    """Possessives, elisions and word-internal marks are apostrophes."""
    assert is_apostrophe(before + mark + after, len(before)) is True


@pytest.mark.parametrize(
    ("before", "mark", "after"),
    [
        ("", "‘", "We won,’ he said."),
        ("‘We won,", "’", " he said."),
        ("", "'", "We won,' he said."),
        ("'We won,", "'", " he said."),
        ("a ‘disaster", "’", " and more"),
        ("", "‘", "Cause I said so,’ he said."),
        ("", "“", "Hi”"),
        ("the players", "’", "."),
        ("", "x", ""),
    ],
)
def test_is_apostrophe_false(before: str, mark: str, after: str) -> None:
    """Opening and closing quote marks, and other characters, are not apostrophes."""
    assert is_apostrophe(before + mark + after, len(before)) is False


@pytest.mark.parametrize("index", [-1, 3])
def test_is_apostrophe_rejects_indices_outside_the_text(index: int) -> None:
    """An index outside the text is an IndexError, as for text[i]."""
    with pytest.raises(IndexError):
        is_apostrophe("don", index)


@pytest.mark.parametrize(
    "text",
    [
        "The players’ union backs rock ’n’ roll from the ’90s.",
        "Don’t tell O’Brien about Jones’s car; go get ’em, and the Joneses’.",
        "The players' union backs rock 'n' roll from the '90s.",
        "Don't tell O'Brien about Jones's car; go get 'em, and the Joneses'.",
        "Joseph R. Biden Jr.'s decision and the E.U.’s crisis.",
    ],
)
def test_apostrophes_make_no_quotes_and_no_problems(text: str) -> None:
    """Text with apostrophes only has no quotes and no unbalanced marks."""
    expected: tuple[list[MarkedQuote], list[MarkProblem]] = ([], [])
    assert expected == find_quotes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "‘The players’ union is strong,’ he said.",
            [("‘The players’ union is strong,’", "single", 0)],
        ),
        (
            "'The players' union is strong,' he said.",
            [("'The players' union is strong,'", "single", 0)],
        ),
        (
            "‘The players’ 2016 season was good,’ he said.",
            [("‘The players’ 2016 season was good,’", "single", 0)],
        ),
        ("“It’s the players’ turn,” he said.", [("“It’s the players’ turn,”", "double", 0)]),
    ],
)
def test_possessive_does_not_close_a_single_quote(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A plural possessive inside a quote leaves the quote open for its real closing mark."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘We beat the Jets’ he said.", [("‘We beat the Jets’", "single", 0)]),
        ("He called them ‘the Joneses’ in a tweet.", [("‘the Joneses’", "single", 0)]),
        ("He called it a ‘disaster’ and left.", [("‘disaster’", "single", 0)]),
        ("He said ‘We won the games’.", [("‘We won the games’", "single", 0)]),
    ],
)
def test_possessive_looking_mark_closes_before_attribution_or_punctuation(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """After an s, a mark closes when an attribution, a function word or punctuation follows."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He called them ‘losers’ and left.", [("‘losers’", "single", 0)]),
        (
            "The ‘Patriots’ fans and ‘Jets’ fans",
            [("‘Patriots’", "single", 0), ("‘Jets’", "single", 0)],
        ),
        ("We’re ‘goin’ home", [("‘goin’", "single", 0)]),
    ],
)
def test_possessive_looking_mark_closes_when_nothing_better_comes(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """With no later closing mark, the first possessive-looking mark closes the quote."""
    assert expected == pairs(text)


# --- paragraphs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“P1\n\n“P2\n\n“P3.” he said", [("“P1", "“P2", "“P3.”")]),
        ('"One.\n\n"Two," he said.', [('"One.', '"Two,"')]),
        ("''One.\n\n''Two,'' he said.", [("''One.", "''Two,''")]),
        ("‘One.\n\n‘Two,’ he said.", [("‘One.", "‘Two,’")]),
        ("“One.  \n \n  “Two.”", [("“One.", "“Two.”")]),
        ("“One.\n“Two.”", [("“One.", "“Two.”")]),
    ],
)
def test_quote_continued_in_next_paragraph_is_one_quote(
    text: str, expected: list[tuple[str, ...]]
) -> None:
    """An open quote whose next paragraph reopens it is one quote with a part per paragraph."""
    assert expected == part_texts(text)


def test_multi_paragraph_quote_record() -> None:
    """A continued quote ends after its last closing mark and has one part per paragraph."""
    quotes, found = find_quotes("“P1\n\n“P2.” x")
    assert ([MarkedQuote(0, 10, ((0, 3), (5, 10)), "double", 0)], []) == (quotes, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A\n\nB” he said. “C.”", [("“C.”", "double", 0)]),
        ("“A\nB” he said. “C.”", [("“C.”", "double", 0)]),
        ("“A\n\n‘B,’ he said.", [("‘B,’", "single", 0)]),
    ],
)
def test_quote_left_open_is_dropped_and_the_rest_kept(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A quote open at a paragraph end and not continued is dropped; later quotes still pair."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A\n\nB” he said. “C.”", [("W002", 0, "“"), ("W001", 5, "”")]),
        ("“A\n\n‘B,’ he said.", [("W002", 0, "“")]),
        ("“A\n\n“B\n\nC", [("W002", 4, "“")]),
    ],
)
def test_quote_left_open_is_a_w002(text: str, expected: list[tuple[str, int, str]]) -> None:
    """W002 points at the opening mark of the paragraph the quote is left open in."""
    assert expected == problems(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A,” he said.\n“B.”", [("“A,”", "double", 0), ("“B.”", "double", 0)]),
        (
            'He said "yes.\n\nThen "no," she said. "Maybe."',
            [('"no,"', "straight", 0), ('"Maybe."', "straight", 0)],
        ),
        ('An odd " here.\nHe said "even" twice.', [('"even"', "straight", 0)]),
    ],
)
def test_pairing_restarts_at_every_paragraph(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """An odd number of straight marks in one paragraph does not shift the next one's pairs."""
    assert expected == pairs(text)


# --- broken marks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said” no.", [("W001", 7, "”")]),
        ("A stray » here.", [("W001", 8, "»")]),
        ('He is 6 feet" tall.', [("W001", 12, '"')]),
        ("Stray ’ and ‹ here", [("W002", 12, "‹")]),
    ],
)
def test_stray_mark_is_a_problem(text: str, expected: list[tuple[str, int, str]]) -> None:
    """A closing mark with nothing to close is W001; a lone opening mark is W002."""
    assert expected == problems(text)


def test_problem_record() -> None:
    """A problem carries its code, offset, mark and up to 40 characters of context."""
    text = "Nothing is open here, yet he said” no to all of it, twice."
    expected = [MarkProblem("W001", 33, "”", "en here, yet he said” no to all of it, t")]
    assert expected == find_quotes(text)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A “B” C”", [("“A “B” C”", "double", 0), ("“B”", "double", 1)]),
        ("““Radical terrorism.”", [("“Radical terrorism.”", "double", 0)]),
        ("“We won, he said. “Again.”", [("“Again.”", "double", 0)]),
    ],
)
def test_curly_opening_mark_inside_same_kind_nests(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """“ inside an open “ nests; a never-closed outer quote drops and the inner moves up."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We won, he said. "Again."', [('"Again."', "straight", 0)]),
        ("‘We won, he said. ‘Again.’", [("‘Again.’", "single", 0)]),
    ],
)
def test_straight_or_single_opening_mark_inside_same_kind_restarts(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """A second straight or single opening mark abandons the first quote and pairs on."""
    assert expected == pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We won, he said. "Again."', [("W001", 0, '"')]),
        ("“We won, he said. “Again.”", [("W002", 0, "“")]),
        ("“He said ‘no.” Then", [("W001", 9, "‘")]),
    ],
)
def test_abandoned_opening_mark_is_a_problem(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    """An opening mark that loses its quote is reported once, at its offset."""
    assert expected == problems(text)


def test_closing_mark_closes_through_an_unclosed_inner_quote() -> None:
    """A closing mark pairs with its own kind and gives up the unclosed quote inside it."""
    expected = [("“He said ‘no.”", "double", 0)]
    assert expected == pairs("“He said ‘no.” Then")


# --- scale ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n_pairs", "n_problems"),
    [
        pytest.param("“a” " * 5_000, 5_000, 0, id="10k-curly-marks"),
        pytest.param('"a" ' * 5_000 + '"', 5_000, 1, id="10k-straight-marks-plus-one"),
        pytest.param("«" * 10_000, 0, 10_000, id="10k-nested-openers"),
        pytest.param("»" * 10_000, 0, 10_000, id="10k-stray-closers"),
        pytest.param("‘“" * 5_000 + "”" * 5_000, 5_000, 5_000, id="10k-alternating"),
        pytest.param("“" + "word " * 200_000 + "”", 1, 0, id="1mb-paragraph"),
        pytest.param("‘" + "the players’ union " * 50_000 + "won,’", 1, 0, id="1mb-possessives"),
        pytest.param("“a\n" * 50_000 + "“b”", 1, 0, id="50k-paragraph-quote"),
    ],
)
def test_large_inputs_complete(text: str, n_pairs: int, n_problems: int) -> None:
    """Large inputs finish and every mark is either paired or reported."""
    quotes, found = find_quotes(text)
    assert (n_pairs, n_problems) == (len(quotes), len(found))


# --- invariants -----------------------------------------------------------------------------

TOKENS = [
    *QUOTE_MARKS,
    "ʼ",
    "''",
    "a",
    "A",
    "s",
    "n",
    "in",
    "90",
    "2016",
    "players",
    "said",
    "he",
    "union",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    " \n ",
    "\t",
    ".",
    ",",
    "!",
    "?",
    ";",
    ":",
    "—",
    "-",
    "(",
    ")",
    "…",
]
TEXTS = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)


def check_pair(text: str, quote: MarkedQuote) -> list[str]:
    """Everything wrong with one pair, as messages."""
    errors = []
    if not 0 <= quote.start < quote.end <= len(text):
        errors.append("bad bounds")
    elif text[quote.start] not in QUOTE_MARKS:
        errors.append("start is not a quote mark")
    if quote.style not in STYLES or quote.depth < 0:
        errors.append("bad style or depth")
    if not quote.parts or quote.parts[0][0] != quote.start or quote.parts[-1][1] != quote.end:
        errors.append("parts do not span the quote")
    previous_end = quote.start
    for s, e in quote.parts:
        if not previous_end <= s < e <= quote.end:
            errors.append("parts overlap, are unsorted or lie outside")
        previous_end = e
    return errors


@given(TEXTS)
def test_pairs_are_well_formed(text: str) -> None:
    """Every pair starts at a quote mark and has sorted, disjoint parts inside its bounds."""
    quotes, _ = find_quotes(text)
    errors = [error for q in quotes for error in check_pair(text, q)]
    assert errors == []


@given(TEXTS)
def test_pairs_are_sorted_by_start(text: str) -> None:
    """Pairs come sorted by start."""
    starts = [q.start for q in find_quotes(text)[0]]
    assert sorted(starts) == starts


@given(TEXTS)
def test_top_level_pairs_do_not_overlap(text: str) -> None:
    """Depth-0 pairs are disjoint."""
    top = [(q.start, q.end) for q in find_quotes(text)[0] if q.depth == 0]
    overlapping = [(a, b) for a, b in itertools.pairwise(top) if b[0] < a[1]]
    assert overlapping == []


@given(TEXTS)
def test_nested_pairs_lie_inside_their_enclosing_pairs(text: str) -> None:
    """A pair at depth d lies inside exactly d other pairs, one of them at depth 0."""
    quotes = find_quotes(text)[0]
    wrong = []
    for q in quotes:
        around = [o for o in quotes if o is not q and o.start <= q.start and q.end <= o.end]
        if len(around) != q.depth or (q.depth and not any(o.depth == 0 for o in around)):
            wrong.append(q)
    assert wrong == []


@given(TEXTS)
def test_problems_point_at_marks(text: str) -> None:
    """Every problem has a known code, points at its quote mark and quotes its context."""
    found = find_quotes(text)[1]
    wrong = [
        p
        for p in found
        if p.code not in ("W001", "W002")
        or not text.startswith(p.mark, p.offset)
        or p.mark[0] not in QUOTE_MARKS
        or p.context not in text
    ]
    assert wrong == []


@given(TEXTS)
def test_problems_are_sorted_by_offset(text: str) -> None:
    """Problems come sorted by offset."""
    offsets = [p.offset for p in find_quotes(text)[1]]
    assert sorted(offsets) == offsets


@given(TEXTS)
def test_is_apostrophe_answers_for_every_index(text: str) -> None:
    """is_apostrophe returns a bool at every index and is True only for apostrophe marks."""
    answers = [is_apostrophe(text, i) for i in range(len(text))]
    wrong = [i for i, a in enumerate(answers) if a and text[i] not in "’'‘ʼ"]
    assert wrong == []


# --- development data -----------------------------------------------------------------------


@pytest.mark.devset
def test_polnear_direct_quotes_are_found(polnear_docs: list[dict[str, Any]]) -> None:
    """On PolNeAR, 99% of the quote-marked direct quote pieces are parts of a found pair."""
    found = total = 0
    for doc in polnear_docs:
        text = doc["text"]
        parts = {part for q in find_quotes(text)[0] for part in q.parts}
        for quote in doc["quotes"]:
            if quote["kind"] != "direct":
                continue
            for s, e in quote["content_spans"]:
                if e > s and text[s] in QUOTE_MARKS:
                    total += 1
                    found += (s, e) in parts
    assert total > 1000
    assert found >= 0.99 * total, f"{found} of {total}"


# The marks as an alternation: a run of apostrophes, or one other mark.
_MARKS_AS_ALTERNATION = re.compile("'+|[\"“”„‘’«»‹›]")


@given(
    text=st.text(alphabet=QUOTE_MARKS + "a ,\n", max_size=30),
    lo=st.integers(0, 30),
    hi=st.integers(0, 30),
)
def test_the_mark_scan_finds_each_mark_and_each_run_of_apostrophes(
    text: str, lo: int, hi: int
) -> None:
    """The scan's pattern finds what the alternation of a run of apostrophes and one other
    mark finds, anywhere in any text, within any bounds."""
    found = [m.span() for m in _MARK_RE.finditer(text, lo, hi)]
    assert found == [m.span() for m in _MARKS_AS_ALTERNATION.finditer(text, lo, hi)]
