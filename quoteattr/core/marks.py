"""Quote marks on the raw string: which marks pair up, and which ones are apostrophes.

This is the first, spaCy-free pass over a document. ``find_quotes`` walks the text once,
paragraph by paragraph, keeping a small stack of the quotes open at the moment, and returns
every pair of marks (top level and nested) together with the problems it met. It never
modifies, warns or prints: the caller turns ``MarkProblem`` objects into ``[W001]``/``[W002]``
warnings (see ``quoteattr.errors.Warnings``) or ignores them.

Rules, in short (each is explained, with an example, where it is applied):

* Paragraphs. Every line break ends a paragraph: blank lines, a single ``"\\n"`` and the other
  breaks ``str.splitlines`` knows, so that hard-wrapped text and one-newline news agree. A
  quote never runs silently across a break; the one exception is the news convention of a
  quote left open at the end of a paragraph and reopened with the same kind of mark at the
  start of the next one, which gives one ``MarkedQuote`` with one part per paragraph.
  Pairing restarts at every paragraph, so an odd number of straight quotes costs one
  paragraph at most.
* Direction. Curly marks and guillemets carry their direction; straight ``"`` and ``'`` get it
  from the characters around them. ``''`` is a straight double mark (the New York Times types
  ''We won,'' he said).
* Kinds. A closing double mark (” " '') closes the innermost open double quote, whichever
  of “ " '' „ opened it, because papers mix curly and straight marks in one quote (“We won,"
  he said); „ also closes with “. Any single mark (‘ ’ ') closes a single quote; « closes
  with », ‹ with ›. ``style`` is taken from the opening mark.
* Nesting. Quotes of other kinds nest freely (“The ‘best’ deal.”). Two opening marks of the
  same kind nest when they are curly (“A “B” C”), restart pairing when they are straight or
  single, whose direction is partly guessed.
* Apostrophes. ``’`` and ``'`` between letters or digits, before two-digit years and in a few
  elisions are apostrophes; a ``’`` after an ``s`` followed by a word ("the players’ union")
  closes a single quote only when no better closing mark comes later in that quote.
* Broken marks. A closing mark with no partner, or an opening mark whose quote is abandoned,
  is a W001 problem; a quote still open when its paragraph ends is a W002 problem. Either
  costs only that quote: the quotes nested in it are kept and move up a level.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["MarkProblem", "MarkedQuote", "find_quotes", "is_apostrophe"]


@attrs.frozen
class MarkedQuote:
    """A pair of quote marks and what lies between them.

    ``start`` is the offset of the opening mark and ``end`` the offset just after the closing
    mark; for a quote that runs over several paragraphs, ``end`` is after the closing mark in
    the last one. ``parts`` has one ``(start, end)`` per paragraph: each part begins with its
    own opening mark and ends after its closing mark, or, in a paragraph the quote does not
    close, after the paragraph's last non-whitespace character.

    ``style`` comes from the opening mark: ``"double"`` (“), ``"straight"`` (" and ''),
    ``"single"`` (‘, and straight ``'``), ``"guillemet"`` (« and ‹) or ``"low"`` („).
    ``depth`` is 0 for a quote at the top level, 1 for a quote inside another, and so on,
    counted over the pairs returned: a quote whose outer quote was dropped is at depth 0.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    style: str
    depth: int


@attrs.frozen
class MarkProblem:
    """A quote mark that could not be paired.

    ``code`` is ``"W001"`` for a mark with no partner (a stray closing mark, or the opening
    mark of a quote that was abandoned) and ``"W002"`` for a quote still open when its
    paragraph ends and not continued by the next one. ``offset`` and ``mark`` locate the mark
    (``mark`` is ``"''"`` for a doubled apostrophe); for a W002 on a quote continued over
    paragraphs it is the opening mark of the paragraph it is left open in. ``context`` is
    up to 40 characters of text around the mark, for the message.
    """

    code: str
    offset: int
    mark: str
    context: str


# Mark families: which marks can close which quote. Indices into _STYLES and into the
# per-family counts of open quotes.
_CURLY = 0  # “ ”
_STRAIGHT = 1  # "
_LOW = 2  # „ closed by “ or ”
_SINGLE = 3  # ‘ ’ and ' (any of them closes a quote opened by any other)
_GUILLEMET = 4  # « »
_GUILLEMET_SINGLE = 5  # ‹ ›
# Any double mark closes any double quote: papers mix curly and straight marks within one
# quote (“We will win," he said) more often than they nest one inside the other.
_DOUBLES = (_CURLY, _STRAIGHT, _LOW)
_STYLES = ("double", "straight", "low", "single", "guillemet", "guillemet")
_N_FAMILIES = len(_STYLES)

# Closer strengths for single marks, see _closer_strength.
_WEAK = 0
_MEDIUM = 1
_STRONG = 2

_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_PARAGRAPH_RE = re.compile(f"[^{_LINE_BREAKS}]+")
# A quote mark, or a run of apostrophes ("''" is a straight double quote). Written as one
# class of the marks, then the rest of an apostrophe's run, the same matches as
# "'+|[\"“”...]": a pattern that opens with a class lets the regex engine skip the other
# characters by that class, three times as fast through an article's text as the
# alternation, which it tries at every character.
_MARK_RE = re.compile("['\"\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb\u2039\u203a](?:(?<=')'+)?")
# Letters after a mark, and the letters of the next word after horizontal whitespace. Both
# stop at the next mark or line break, so each character is read by a bounded number of marks.
_WORD_RE = re.compile(r"[^\W\d_]+")
_NEXT_WORD_RE = re.compile(f"[^\\S{_LINE_BREAKS}]+([^\\W\\d_]*)")
_TWO_DIGITS_RE = re.compile(r"\d\d(?!\d)")

_APOSTROPHES = "’'‘"
# An opening mark follows whitespace, the paragraph start, a bracket, a dash or another
# opening mark: (“…”) —“…” “‘…’”; also an equals sign and invisible direction and width
# controls, which scraped news has: <tweet author="realDonaldTrump">, \u202a“Sorry…”.
_OPEN_PREV = frozenset("([{—–―‐-/“‘„«‹\"'=\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff")
# A closing mark is followed by whitespace, the paragraph end, punctuation or another closing
# mark: …”, …”. …’” …”) <tweet pic="">
_CLOSE_NEXT = frozenset(",.;:!?)]}>…—–―‐-/*”’\"'»›")
# Punctuation that ends the words of a quote: a mark right after it is a closing mark even
# when a word follows (‘We won,’ he said).
_PUNCT_BEFORE = frozenset(",.!?;:—–―…-")


def _word_set(*lines: str) -> frozenset[str]:
    """The set of the space-separated words in ``lines``."""
    return frozenset(word for line in lines for word in line.split())


# Words that cannot start the noun phrase a possessive belongs to, so a possessive-looking ’
# before them closes the quote: ‘We beat the Jets’ he said, called them ‘the Joneses’ in a
# tweet.
_NOT_POSSESSED = _word_set(
    "said says say saying told tells asked asks added adds wrote writes replied replies",
    "explained insisted argued noted declared according",
    "he she they we i you it one the a an this that these those is are was were be been",
    "in on at of for to from by with as into about after before than",
    "who which when where while if because but so",
)
# Elisions that start with an apostrophe: ’em, ’til, ’tis, rock ’n’ roll.
_ELISIONS = _word_set("em n til tis twas cause cos bout nuff")


def _definite_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """True when the ’, ' or ‘ at ``i`` is an apostrophe whatever quotes are open.

    ``lo``/``hi`` bound the paragraph: nothing outside it is looked at.
    """
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    # Inside a word: don’t, O’Brien, Jones’s, 1990’s, rock’n’roll. A quote mark glued to
    # letters on both sides is a typo at best.
    if prev.isalnum() and nxt.isalnum():
        return True
    if prev.isalnum():
        # The second mark of rock ’n’ roll (and 'n', and the autocorrected ‘n’).
        return (
            prev in "nN"
            and i - 2 >= lo
            and text[i - 2] in _APOSTROPHES
            and (i - 3 < lo or not text[i - 3].isalnum())
        )
    if (
        nxt in ("s", "S")
        and prev
        and not prev.isspace()
        and (i + 2 >= hi or not text[i + 2].isalnum())
    ):
        # A possessive after an abbreviation or a closing mark: Jr.'s, the E.U.’s, “Obamacare”’s.
        return True
    if nxt.isdigit():
        # Two-digit years: the ’90s, class of '16, and the autocorrected ‘90s. Four digits
        # start a quote: ‘2016 was a good year,’ he said.
        return _TWO_DIGITS_RE.match(text, i + 1, hi) is not None
    if nxt.isalpha():
        # ’em, ’til, ’tis, ’n’. After ‘ and ' only lowercase counts, so a quote may still
        # begin with "'Cause" or "‘Tis"; ’ is not an opening mark in the first place.
        match = _WORD_RE.match(text, i + 1, hi)
        word = match.group() if match else ""
        if text[i] != "’" and not word.islower():
            return False
        return word.lower() in _ELISIONS
    return False


def _possessive_like(text: str, i: int, lo: int) -> bool:
    """True when the ’ or ' at ``i`` could end a word as an apostrophe.

    Plural and s-final possessives (the players’ union, Jones’ car, Diaz’ campaign) and
    dropped g's (goin’ home).
    """
    prev = text[i - 1] if i > lo else ""
    if prev in ("s", "S", "z", "Z"):
        return True
    return i - 2 >= lo and text[i - 2 : i] in ("in", "IN")


def _closer_strength(text: str, i: int, lo: int, hi: int) -> int:
    """How sure it is that the ’ or ' at ``i``, after a word, closes a single quote.

    _STRONG: punctuation before it or anything but whitespace after it, or the paragraph
    ends: ‘We won,’ he said / ‘We won’. / ‘the players’ (end). _MEDIUM: whitespace after it
    and nothing possessive about it: a ‘disaster’ and / ‘We beat the Jets’ he said. _WEAK: a
    possessive could be meant: ‘The players’ union is strong,’ (players’ is weak, ,’ strong).
    """
    prev = text[i - 1] if i > lo else ""
    if prev in _PUNCT_BEFORE:
        return _STRONG
    if i + 1 >= hi or not text[i + 1].isspace():
        return _STRONG
    match = _NEXT_WORD_RE.match(text, i + 1, hi)
    after = match.end() if match else i + 1
    word = match.group(1) if match else ""
    if not word and (after >= hi or text[after] in _LINE_BREAKS):
        return _STRONG
    if not _possessive_like(text, i, lo):
        return _MEDIUM
    if word:
        return _MEDIUM if word.lower() in _NOT_POSSESSED else _WEAK
    # A possessive may be followed by a number (the players’ 2016 season), hardly by
    # anything else: ‘It is the Joneses’ — he said.
    return _WEAK if text[after].isdigit() else _MEDIUM


def is_apostrophe(text: str, i: int) -> bool:
    """Tells whether the mark at ``text[i]`` is an apostrophe rather than a quote mark.

    Judged from the characters around it only, not from the quotes open at that point:
    ``ʼ`` always; ``’`` and ``'`` inside a word (don’t, O’Brien, Jones’s), before a two-digit
    year (’90s) or an elision (’em, rock ’n’ roll), and after an ``s``, ``z`` or ``in``
    followed by a word a possessive can precede (players’ union, goin’ home). Also ``‘``
    where autocorrect put it for an apostrophe (‘90s, rock ‘n’ roll). A possessive-looking
    mark before punctuation ("the players’.") is not decided here: it is an apostrophe unless
    a single quote is open, which only ``find_quotes`` knows.

    Args:
        text: the text.
        i: an index into ``text``.

    Returns:
        True for an apostrophe; False for a quote mark or any other character.

    Raises:
        IndexError: when ``i`` is not an index into ``text`` (negative indices included).
    """
    if not 0 <= i < len(text):
        raise IndexError(f"index {i} is out of range for a text of length {len(text)}")
    char = text[i]
    if char == "ʼ":
        return True
    if char not in _APOSTROPHES:
        return False
    hi = len(text)
    if _definite_apostrophe(text, i, 0, hi):
        return True
    if char == "‘" or i == 0 or text[i - 1].isspace():
        return False
    return _possessive_like(text, i, 0) and _closer_strength(text, i, 0, hi) == _WEAK


class _Open:
    """A quote whose closing mark has not been seen yet."""

    __slots__ = ("candidate", "family", "part_start", "parts", "start", "width")

    def __init__(self, family: int, start: int, width: int) -> None:
        self.family = family
        self.start = start
        # Where the current paragraph's part starts, and the width of its opening mark.
        self.part_start = start
        self.width = width
        self.parts: list[tuple[int, int]] = []
        # First weak closing mark (a possessive-looking ’) seen while this single quote was
        # the innermost one; used when no better closing mark comes.
        self.candidate = -1


_Pair = tuple[int, int, tuple[tuple[int, int], ...], int]


def _pieces(text: str, start: int, end: int, lo: int) -> list[tuple[int, int]]:
    """Splits a run of straight apostrophes ``text[start:end]`` into marks: (offset, width).

    Some papers (the New York Times in our data) type double quotes as two apostrophes:
    ''We won,'' he said. So ``''`` is one straight double mark, and a run of three is a
    single and a double mark, in the order that nests: ''the 'best' deal.''' closes the
    single quote first, ''''Old' is best'' opens the double one first.
    """
    n = end - start
    if n == 1:
        return [(start, 1)]
    if n == 3:
        closing = start > lo and not text[start - 1].isspace()
        return [(start, 1), (start + 1, 2)] if closing else [(start, 2), (start + 2, 1)]
    pieces = [(k, 2) for k in range(start, end - 1, 2)]
    if n % 2:
        pieces.append((end - 1, 1))
    return pieces


class _Scanner:
    """The pairing state for one document: the open quotes and what has been found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pairs: list[_Pair] = []
        self.problems: list[MarkProblem] = []
        self.stack: list[_Open] = []
        # How many quotes of each family are open: whether one is can be asked without
        # walking the stack, which would make 10,000 stray marks quadratic.
        self.counts = [0] * _N_FAMILIES

    def problem(self, code: str, offset: int, width: int = 1) -> None:
        text = self.text
        context = text[max(0, offset - 20) : offset + 20]
        self.problems.append(MarkProblem(code, offset, text[offset : offset + width], context))

    def doubles_open(self) -> bool:
        counts = self.counts
        return counts[_CURLY] > 0 or counts[_STRAIGHT] > 0 or counts[_LOW] > 0

    def push(self, quote: _Open) -> None:
        self.stack.append(quote)
        self.counts[quote.family] += 1

    def pop(self) -> _Open:
        quote = self.stack.pop()
        self.counts[quote.family] -= 1
        return quote

    def close(self, quote: _Open, end: int) -> None:
        parts = (*quote.parts, (quote.part_start, end))
        self.pairs.append((quote.start, end, parts, quote.family))

    def abandon(self, quote: _Open, code: str) -> None:
        """Drops a popped quote, or closes a single quote at its weak candidate."""
        if quote.candidate >= 0:
            self.close(quote, quote.candidate + 1)
        else:
            self.problem(code, quote.part_start, quote.width)

    def pop_to(self, families: tuple[int, ...]) -> _Open:
        """Pops down to the innermost open quote of one of ``families`` and returns it.

        The quotes above it lose their chance to close: “He said ‘no.” closes the double quote
        and drops the single one. The caller checks with ``counts`` that there is one.
        """
        while True:
            quote = self.pop()
            if quote.family in families:
                return quote
            self.abandon(quote, "W001")

    def run(self) -> None:
        text = self.text
        paragraphs = [
            (m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if not m.group().isspace()
        ]
        scan_from = -1
        for index, (lo, hi) in enumerate(paragraphs):
            for match in _MARK_RE.finditer(text, max(lo, scan_from), hi):
                start, end = match.span()
                if text[start] == "'":
                    for offset, width in _pieces(text, start, end, lo):
                        self.mark(offset, width, lo, hi)
                else:
                    self.mark(start, 1, lo, hi)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            scan_from = self.end_paragraph(lo, hi, following)

    def end_paragraph(self, lo: int, hi: int, following: tuple[int, int] | None) -> int:
        """Closes the books on a paragraph; returns where to resume scanning the next one.

        Only the outermost open quote may continue, and only when the next paragraph starts
        with an opening mark of its family (“P1 / “P2 / “P3.”); the quotes inside it are
        dropped (W002) or closed at their weak candidate. A continued quote gets a part
        ending at this paragraph's last non-whitespace character and stays open; scanning
        resumes after its new mark.
        """
        text = self.text
        while len(self.stack) > 1:
            self.abandon(self.pop(), "W002")
        if not self.stack:
            return -1
        quote = self.pop()
        if following is not None:
            next_lo, next_hi = following
            segment = text[next_lo:next_hi]
            first = next_lo + len(segment) - len(segment.lstrip())
            family, width = _opening_mark(text, first, next_hi)
            if family == quote.family:
                last = lo + len(text[lo:hi].rstrip())
                quote.parts.append((quote.part_start, last))
                quote.part_start = first
                quote.width = width
                quote.candidate = -1
                self.push(quote)
                return first + width
        self.abandon(quote, "W002")
        return -1

    def mark(self, i: int, width: int, lo: int, hi: int) -> None:
        """Takes one quote mark (or apostrophe) ``text[i : i + width]`` in paragraph [lo, hi)."""
        text = self.text
        char = text[i]
        after = i + width
        prev = text[i - 1] if i > lo else ""
        nxt = text[after] if after < hi else ""
        opens = (
            (not prev or prev.isspace() or prev in _OPEN_PREV) and bool(nxt) and not nxt.isspace()
        )
        closes = (
            bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_NEXT)
        )
        top = self.stack[-1].family if self.stack else -1
        if char == '"' or width == 2:
            self.straight(i, width, opens, closes)
        elif char == "“":
            if top == _LOW:
                self.close(self.pop(), i + 1)
            elif top in _DOUBLES and (closes or not nxt) and not opens:
                # A closing mark typed the wrong way round: “word“ he said. / “They see that. “
                self.close(self.pop(), i + 1)
            else:
                self.open(_CURLY, i)
        elif char == "”":
            if self.doubles_open():
                self.close(self.pop_to(_DOUBLES), i + 1)
            elif opens and not closes:
                # ” used as an opening mark too (Swedish style, or a slip): ”We won,” he said.
                self.push(_Open(_CURLY, i, 1))
            else:
                self.problem("W001", i)
        elif char == "„":
            self.open(_LOW, i)
        elif char in "«‹":
            self.open(_GUILLEMET if char == "«" else _GUILLEMET_SINGLE, i)
        elif char in "»›":
            family = _GUILLEMET if char == "»" else _GUILLEMET_SINGLE
            if self.counts[family]:
                self.close(self.pop_to((family,)), i + 1)
            else:
                # Includes the reversed »German« style, which English news does not use.
                self.problem("W001", i)
        else:
            self.single(i, lo, hi, opens, closes, top)

    def open(self, family: int, i: int) -> None:
        """Opens a quote, nested in the open one if there is one.

        Two opening marks of the same kind with no closing mark between them (“A “B” C”)
        nest when the marks show their direction (“ ”, „, « », ‹ ›). In our news data a
        double quote inside a double quote is mostly real: a tweet or a slogan quoted in a
        quote (“People wearing “Settle For Hillary” shirts,” he tweeted.). A forgotten
        closing mark (“We won, he said. “Again.”) comes out the same as if pairing restarted
        at the second mark: the outer quote is never closed, so it is dropped at the end of
        the paragraph (W002) and “Again.” moves up to the top level.

        Single marks do not nest in single marks: their direction is partly guessed (’ and
        ' are apostrophes too), so a second opening mark gives up the first quote (W001),
        or closes it at its weak candidate: ‘losers’ and ‘dogs’. Straight double marks
        restart the same way, see ``straight``.
        """
        if family == _SINGLE and self.stack and self.stack[-1].family == _SINGLE:
            self.abandon(self.pop(), "W001")
        self.push(_Open(family, i, 1))

    def straight(self, i: int, width: int, opens: bool, closes: bool) -> None:
        """A straight double quote (" or ''): opening or closing by context.

        Opening after whitespace or a bracket and before a word, closing after a word and
        before whitespace or punctuation; when the context says both or neither, it closes
        the open double quote if there is one and opens one otherwise. Straight quotes
        cannot nest in straight quotes: an opening one while one is open restarts pairing
        there (the earlier mark is a W001): "We won, he said. "Again." pairs "Again.".
        """
        want_open = opens if opens != closes else not self.doubles_open()
        if want_open:
            if self.counts[_STRAIGHT]:
                self.abandon(self.pop_to((_STRAIGHT,)), "W001")
            self.push(_Open(_STRAIGHT, i, width))
        elif self.doubles_open():
            self.close(self.pop_to(_DOUBLES), i + width)
        else:
            self.problem("W001", i, width)

    def single(self, i: int, lo: int, hi: int, opens: bool, closes: bool, top: int) -> None:
        """A ‘, ’ or ': apostrophe, opening or closing mark."""
        text = self.text
        char = text[i]
        if _definite_apostrophe(text, i, lo, hi):
            return
        if char == "‘":
            # A ‘ right after a word and before a space is a ’ typed the wrong way round,
            # closing (‘word‘ he said) or an apostrophe (CBS‘ Face the Nation).
            want_open = not (closes and not opens)
        elif char == "’":
            if opens and not closes:
                # ’ before a capital at a word start is an opening mark typed the wrong way
                # (’We won,’ he said); before anything else it is an elided word (’bout).
                if not text[i + 1].isupper():
                    return
                want_open = True
            elif closes and not opens:
                want_open = False
            elif top != _SINGLE:
                return
            else:
                want_open = False
        elif opens != closes:
            want_open = opens
        else:
            want_open = top != _SINGLE
        if want_open:
            # ‘losers’ and ‘dogs’: a new single quote settles the open one at its candidate.
            self.open(_SINGLE, i)
            return
        strength = _closer_strength(text, i, lo, hi)
        if top == _SINGLE:
            if strength != _WEAK:
                self.close(self.pop(), i + 1)
            elif self.stack[-1].candidate < 0:
                # ‘The players’ union is strong,’ he said: players’ is kept in reserve and
                # only used if the quote gets no better closing mark before it must end
                # (‘losers’ and left.).
                self.stack[-1].candidate = i
            return
        if _possessive_like(text, i, lo):
            # No single quote to close: the players’ union, the Joneses’.
            return
        if strength == _STRONG and self.counts[_SINGLE]:
            # ‘He said “no,’ she said: the double quote inside was never closed.
            self.close(self.pop_to((_SINGLE,)), i + 1)
            return
        self.problem("W001", i)


def _opening_mark(text: str, i: int, hi: int) -> tuple[int, int]:
    """The family and width of the quote mark at ``i`` if it opens a paragraph's first quote.

    ``i`` is the paragraph's first non-whitespace character and ``hi`` the paragraph end;
    the family is -1 when ``text[i]`` is no opening mark.
    """
    char = text[i]
    width = 2 if text.startswith("''", i) else 1
    nxt = text[i + width] if i + width < hi else ""
    word_follows = bool(nxt) and not nxt.isspace()
    if char == "“":
        return _CURLY, 1
    if char == "„":
        return _LOW, 1
    if char == "«":
        return _GUILLEMET, 1
    if char == "‹":
        return _GUILLEMET_SINGLE, 1
    if (char == '"' or width == 2) and word_follows:
        return _STRAIGHT, width
    if (
        char in _APOSTROPHES
        and word_follows
        and (char != "’" or nxt.isupper())
        and not _definite_apostrophe(text, i, i, hi)
    ):
        return _SINGLE, 1
    return -1, 1


def find_quotes(text: str) -> tuple[list[MarkedQuote], list[MarkProblem]]:
    """Pairs the quote marks of a text.

    One pass over the marks, a paragraph at a time; see the module docstring for the rules.
    No length filter is applied: “No.” and the empty “” are pairs like any other.

    Args:
        text: the original text; offsets refer to it as given.

    Returns:
        Every pair of marks, top level and nested, sorted by start; and the problems met,
        sorted by offset.
    """
    scanner = _Scanner(text)
    scanner.run()
    quotes: list[MarkedQuote] = []
    # Depth from the nesting of the pairs themselves: a quote whose outer quote was dropped
    # (never closed) or closed early at a candidate moves up a level.
    enclosing_ends: list[int] = []
    for start, end, parts, family in sorted(scanner.pairs):
        while enclosing_ends and enclosing_ends[-1] <= start:
            enclosing_ends.pop()
        quotes.append(MarkedQuote(start, end, parts, _STYLES[family], len(enclosing_ends)))
        enclosing_ends.append(end)
    problems = sorted(scanner.problems, key=lambda p: (p.offset, p.code))
    return quotes, problems
