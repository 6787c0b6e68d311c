"""Attribution of direct quotes: the cue and speaker of each quote-marked quotation.

The search runs from the most to the least certain evidence:

1. the verb that governs the quote in the parse ("“We have to win,” Stoltenberg *told* ...");
2. a cue in the rest of the sentence after the quote ("“…,” said Stoltenberg, who ...");
3. a cue before it in the same sentence ("Smith said: “…”");
4. a trailing dash ("“…” — Bernie Sanders"), or one opening the line after a paragraph
   of quotation;
5. a cue closing the previous sentence or paragraph with a colon ("He declared:\\n\\n“…”");
6. a paragraph that is only a quote continues the attribution of the previous paragraph's
   quote, as one quote with another part (news convention, and how PolNeAR annotates it);
7. the subject of the previous sentence ("Smith was defiant. “…”"), at low confidence.

An attribution that interrupts a quote joins both pieces into one quote with two parts:
“A,” he said, “B.” and “A,” he said. “B.”; so does a longer one whose subject rule 7 would
give the second piece: “A,” Sessions said when endorsing Trump. “B.”
"""

from __future__ import annotations

from collections.abc import Collection

import attrs
from spacy.tokens import Doc, Span, Token

from ..model import CueCategory, QuoteKind, Rule
from ..model.kinds import SAID_CATEGORIES
from .content import Candidate
from .cues import DASHES, CueLexicon, CueMatch
from .findings import Finding
from .layout import Layout, Ranges, inside
from .mentions import (
    PERSON_PRONOUNS,
    SENT_END,
    SpeakerWords,
    label_names,
    mention_bounds,
    named_in_apposition,
    phrase_head,
    speaker_of_cue,
    subject_of,
)

__all__ = ["Attribution", "attribute_direct"]

_QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "‘", "’", "'", "«", "»", "‹", "›", "„"})
_WINDOW = 40  # tokens searched on each side; an attribution is never further away


@attrs.define
class Attribution:
    """What the search found for one quote: cue, speaker token range, and the rule used."""

    cue: CueMatch | None = None
    speaker: tuple[int, int] | None = None
    rule: Rule = Rule.NONE


@attrs.define
class _DirectQuote:
    """A direct quote with its parts and attribution, while follow-on parts may still join."""

    candidate: Candidate
    attribution: Attribution


def _trailing(layout: Layout, end: int, limit: int) -> list[int]:
    """Token indices after a quote, up to the sentence end, ``limit`` or the paragraph end."""
    doc = layout.doc
    para_end = layout.paragraphs[layout.paragraph_of(max(0, end - 1))][1]
    stop = min(limit, para_end)
    out: list[int] = []
    for i in layout.tokens_in(end, stop):
        if doc[i].text in SENT_END or len(out) >= _WINDOW:
            break
        out.append(i)
    return out


def _leading(layout: Layout, start: int, floor: int) -> list[int]:
    """Token indices before a quote, back to the sentence start, ``floor`` or the paragraph."""
    doc = layout.doc
    para_start = layout.paragraphs[layout.paragraph_of(start)][0]
    lo = max(floor, para_start)
    out: list[int] = []
    for i in reversed(layout.tokens_in(lo, start)):
        if doc[i].text in SENT_END or len(out) >= _WINDOW:
            break
        out.append(i)
    out.reverse()
    return out


def _governor_cue(
    doc: Doc, layout: Layout, cand: Candidate, lexicon: CueLexicon, allowed: set[int]
) -> CueMatch | None:
    """The cue verb that the parse attaches the quote to, when it is in ``allowed``."""
    best: CueMatch | None = None
    heads, starts = layout.heads, layout.token_starts  # no Token object for each quoted word
    for s, e in cand.parts:
        for i in layout.tokens_in(s, e):
            head = heads[i]
            if head in allowed and not inside(cand.parts, starts[head]):
                m = lexicon.match(doc, head)
                if m is None and head > 0:
                    m = lexicon.phrase_at(doc, head - 1)  # "according to" hangs on "to"
                if m is not None and (best is None or abs(m.head - i) < abs(best.head - i)):
                    best = m
    return best


def _first_cue(doc: Doc, lexicon: CueLexicon, tokens: list[int]) -> CueMatch | None:
    for i in tokens:
        m = lexicon.match(doc, i)
        if m is not None:
            return m
    return None


def _last_cue(doc: Doc, lexicon: CueLexicon, tokens: list[int]) -> CueMatch | None:
    for i in reversed(tokens):
        m = lexicon.match(doc, i)
        if m is not None:
            return m
    return None


def _dash_speaker(doc: Doc, tokens: list[int]) -> Attribution | None:
    """“…” — Bernie Sanders: a dash right after the quote, then a name."""
    if len(tokens) < 2 or doc[tokens[0]].text not in DASHES:
        return None
    tok = doc[tokens[1]]
    if tok.pos_ != "PROPN":
        return None
    tok = phrase_head(tok)
    dash = tokens[0]
    cue = CueMatch(dash, dash + 1, dash, doc[dash].text, CueCategory.SPEECH)
    return Attribution(cue, mention_bounds(tok), Rule.DASH)


def _own_attribution(
    doc: Doc,
    layout: Layout,
    cand: Candidate,
    lexicon: CueLexicon,
    prev_end: int,
    next_start: int,
    words: SpeakerWords,
) -> Attribution:
    """Rules 1 to 4: an attribution in the quote's own sentence."""
    trailing = _trailing(layout, cand.end, next_start)
    if trailing and _new_sentence_after(doc, layout, cand, trailing[0]):
        trailing = []
    leading = _leading(layout, cand.start, prev_end)
    inner = [
        i
        for (_, e1), (s2, _) in zip(cand.parts, cand.parts[1:], strict=False)
        for i in layout.tokens_in(e1, s2)
    ]
    allowed = set(trailing) | set(leading) | set(inner)
    cue = _governor_cue(doc, layout, cand, lexicon, allowed)
    rule = Rule.GOVERNOR
    if cue is None and inner:
        cue, rule = _first_cue(doc, lexicon, inner), Rule.INNER
    if cue is None:
        cue, rule = _first_cue(doc, lexicon, trailing), Rule.TRAILING
    if cue is None:
        cue, rule = _last_cue(doc, lexicon, leading), Rule.LEADING
    if cue is not None:
        speaker = speaker_of_cue(doc, cue, cand.parts, words)
        return Attribution(cue, speaker, rule)
    dash = _dash_speaker(doc, trailing)
    if dash is None and not trailing:
        dash = _dash_line(doc, layout, cand)
    if dash is not None:
        return dash
    return Attribution()


def _new_sentence_after(doc: Doc, layout: Layout, cand: Candidate, first: int) -> bool:
    """Whether the words after a quotation start a sentence of their own: the quotation
    closes with a full stop inside its marks and a capitalised word that is no name comes
    next. In '“We feel good about the areas we’re going to.” She noted a planned rally in
    Sioux City.', "noted" is the speaker's next act, not this quote's attribution; in
    '“We won.” Smith said.' the name may still be the quote's speaker."""
    tok = doc[first]
    return _words_quoted(layout, cand)[-1:] == "." and tok.is_title and tok.pos_ != "PROPN"


def _dash_line(doc: Doc, layout: Layout, cand: Candidate) -> Attribution | None:
    """A paragraph of quotation signed on the line after it, the way a box of quotes is
    laid out: "“Great speech. She's tested.”" then "— Sen. Bernie Sanders, on Twitter"."""
    after = cand.paragraph + 1
    if after >= len(layout.paragraphs) or not _only_quotes(layout, cand.paragraph, cand.parts):
        return None
    s, e = layout.paragraphs[after]
    return _dash_speaker(doc, [i for i in layout.tokens_in(s, e) if not doc[i].is_space][:2])


def _colon_lead(
    doc: Doc,
    layout: Layout,
    cand: Candidate,
    lexicon: CueLexicon,
    not_sources: Collection[str],
    words: SpeakerWords,
) -> Attribution:
    """Rule 5: "He declared:" closing the previous sentence or paragraph introduces the quote.

    Without a cue before the colon, a name alone is a label ("Trump: ‘We will win.’", a
    headline's or a transcript's), unless it names no source ("Related:", ``not_sources``);
    and a clause with a subject introduces its subject's words ("Sanders delivered a snappy
    retort: “…”", "The board was conclusive in its findings: “…”").
    """
    text = layout.text
    j = cand.start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return Attribution()
    colon = layout.token_at(j)
    tokens = []
    for i in range(colon - 1, max(-1, colon - 1 - _WINDOW), -1):
        if doc[i].text in SENT_END or "\n" in doc[i].text:
            break
        tokens.append(i)
    tokens.reverse()
    cue = _last_cue(doc, lexicon, tokens)
    if cue is not None:
        return Attribution(cue, speaker_of_cue(doc, cue, cand.parts, words), Rule.COLON)
    if not tokens:
        return Attribution()
    label = _label(doc, tokens, layout.named_words)
    if (
        label
        and not any(t.lower_ in not_sources for t in label)
        and label_names(label, layout.named_words, layout.repeated_labels)
    ):
        mark = CueMatch(colon, colon + 1, colon, ":", CueCategory.SPEECH)
        return Attribution(mark, mention_bounds(phrase_head(label[-1])), Rule.LABEL)
    # The clause before the colon: its head, climbing no further than the quote, on which
    # the parser may hang it ("The board was conclusive in its findings: “Further
    # discussion is unnecessary.”" parsed with "is" as the root).
    root = doc[tokens[-1]]
    while root.head.i != root.i and not inside(cand.parts, root.head.idx):
        root = root.head
    subject = subject_of(root, words.object_control) if root.pos_ in {"VERB", "AUX"} else None
    if (
        subject is None
        or subject.pos_ not in {"PROPN", "NOUN", "PRON"}
        or inside(cand.parts, subject.idx)
    ):
        return Attribution()
    if subject.pos_ == "PRON" and subject.lower_ not in PERSON_PRONOUNS | {"they", "we"}:
        return Attribution()  # "It was clear: “…”"
    verb = CueMatch(root.i, root.i + 1, root.i, root.lemma_.lower(), CueCategory.SPEECH)
    return Attribution(verb, mention_bounds(subject), Rule.INTRODUCED)


def _label(doc: Doc, tokens: list[int], named: Collection[str]) -> list[Token]:
    """The name that labels a quote, from the tokens before its colon, or nothing.

    A label is at most six words after the line's start or its last dash, each a proper noun
    ("Polls were early - David Wasserman: “…”") or "and" between two of them ("Mark
    Blumenthal and Jon Cohen: “…”"), or a capitalised word the document names elsewhere as
    part of a person or organisation: the small model tags the "Trump" of a headline's
    "Trump: ‘We will win.’" a common noun, with no entity, where the article's "Donald Trump"
    is a PERSON.
    """
    start = next(
        (k + 1 for k in range(len(tokens) - 1, -1, -1) if doc[tokens[k]].text in DASHES), 0
    )
    label = [doc[i] for i in tokens[start:]]
    if not label or len(label) > 6 or label[0].pos_ == "CCONJ" or label[-1].pos_ == "CCONJ":
        return []
    for t in label:
        if t.lower_ == "and" and t.pos_ == "CCONJ":
            continue
        if not t.text[:1].isupper():
            return []
        if t.pos_ != "PROPN" and not (t.is_alpha and t.text in named):
            return []
    return label


def _prose_before(layout: Layout, para: int, outside: Ranges) -> int:
    """The paragraph before ``para``, passing over those that are no prose ("Story continues
    below advertisement" between a sentence of speech and the quotation that goes on)."""
    before = para - 1
    while before > 0 and outside.holds(layout.paragraphs[before][0]):
        before -= 1
    return before


def _no_prose(sent: Span, outside: Ranges) -> bool:
    """Whether a sentence's last word lies in text that is no prose (read from its end: a
    sentence may run over a whole pathological text)."""
    doc = sent.doc
    i = sent.end - 1
    while i >= sent.start and doc[i].is_space:
        i -= 1
    return i >= sent.start and outside.holds(doc[i].idx)


def _previous_subject(
    doc: Doc,
    layout: Layout,
    cand: Candidate,
    lexicon: CueLexicon,
    words: SpeakerWords,
    outside: Ranges,
    last: _DirectQuote | None,
) -> Attribution:
    """Rule 7: "Smith was defiant. “…”": the person the previous sentence is about, in the
    quote's paragraph, or in the paragraph before when that sentence tells of their speech
    (see ``_told_before``). Lines that are no prose between are passed over."""
    first = layout.token_at(cand.start)
    if first == 0:
        return Attribution()
    sent = doc[first - 1].sent
    # A sentence wholly out of the prose is passed over; one that only opens with a
    # dateline ("HALIFAX - Crews said ...") is prose.
    while _no_prose(sent, outside) and sent.start > 0:
        sent = doc[sent.start - 1].sent
    if _no_prose(sent, outside):
        return Attribution()
    root = sent.root
    told = layout.paragraph_of(sent.start_char) != cand.paragraph
    if told:
        verb = _told_before(layout, sent, cand, lexicon, outside, words.light_verbs)
        if verb is None:
            return Attribution()
        root = verb
    subject = subject_of(root, words.object_control)
    if subject is not None:
        # "The NEU's general secretary, Daniel Kebede, said ...": the person named
        subject = named_in_apposition(subject)
    if subject is None or subject.lower_ in {"it", "this"}:
        return Attribution()
    # "A spokeswoman said the vote was a mistake." then a paragraph of quotation, or the
    # quotation in the same paragraph after a sentence of speech ("The leader further said
    # that ... “I sensed ...”"): one person, unnamed, who goes on speaking. The small model
    # tags a surname heading a sentence a common noun ("Trump shot back in a statement,
    # saying ..."): a capitalised word the document names as a person or body. Neither is
    # read in the sentence of the last quote or its cue ("“A,” said the judge, who was
    # angry. “B.”"): B goes on with A.
    own = sent.start_char > last.candidate.end if last else True
    if last is not None and last.attribution.cue is not None:
        own = own and not sent.start <= last.attribution.cue.head < sent.end
    unnamed = (
        subject.tag_ == "NN"
        and subject.lower_ in words.titles
        and (told or (own and lexicon.verb_category(root) in SAID_CATEGORIES))
    )
    named_noun = (
        own
        and subject.pos_ == "NOUN"
        and subject.text[:1].isupper()
        and subject.text in layout.named_words
    )
    if subject.pos_ not in {"PROPN", "PRON"} and not unnamed and not named_noun:
        return Attribution()
    # Where the parser ran the quote into the sentence before it ("A rally. ‘We’re alive’"
    # as one sentence), that sentence's subject can be the quote's own first word: no one.
    if inside(cand.parts, subject.idx):
        return Attribution()
    # "Trump continued his remarks. “…”": a cue verb heading that sentence is the cue.
    m = lexicon.match(doc, root.i)
    return Attribution(m, mention_bounds(subject), Rule.PREVIOUS_SUBJECT)


def _told_before(
    layout: Layout,
    sent: Span,
    cand: Candidate,
    lexicon: CueLexicon,
    outside: Ranges,
    light_verbs: Collection[str] = frozenset(),
) -> Token | None:
    """The verb of speech or writing in ``sent``, the last sentence of the paragraph before,
    when ``cand`` is a paragraph of quotation alone, else None. The verb heads that sentence
    ("Howard continued his scathing remarks." then "“Eight years ago she was ...”"), is a
    light verb with an act of speech or writing as its object ("The DNC issued a
    statement."; ``light_verbs``), or is the head's participle or an aside on it: "Trump
    shot back in a statement, saying he's ..." then "“Frankly, this is ...”"; "Rather, he
    said, struggles will coalesce support."; "If anything, Ash argued, the incident is ..."
    Not a verb in a clause of time or reason ("After Obama said so, Trump left"): its speaker
    is not the one the paragraph is about. A quoted line in capitals is a heading
    ("“DIVISIVE, STUPID AND WRONG”"), no one's words."""
    if not (
        layout.paragraph_of(sent.start_char) == _prose_before(layout, cand.paragraph, outside)
        and _only_quotes(layout, cand.paragraph, cand.parts)
        and any(c.islower() for c in layout.text[cand.start : cand.end])
    ):
        return None
    root = sent.root
    if lexicon.verb_category(root) in SAID_CATEGORIES:
        return root
    for child in root.children:
        aside = child.dep_ in {"parataxis", "conj"} or (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in child.children)
        )
        # "If anything, Ash argued in his email, the incident is ...": the attribution set
        # in before the clause it reports, which the parser hangs on it as a clause of its own
        aside = aside or (child.dep_ == "ccomp" and child.i < root.i)
        if aside and lexicon.verb_category(child) in SAID_CATEGORIES:
            return child
        # "The DNC issued a statement apologizing to Sanders." then the statement's words:
        # a light verb makes its object, an act of speech or writing, the subject's ("ended
        # his remarks" does not)
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and root.lemma_.lower() in light_verbs:
            noun = lexicon.nouns.get(child.lemma_.lower())
            if noun is not None and noun.category in SAID_CATEGORIES:
                return root
    return None


def _floats(layout: Layout, last: _DirectQuote, cand: Candidate, outside: Ranges) -> bool:
    """True when ``cand`` reads as more of the last quote's speaker's words: that quote has a
    speaker and ends in the same paragraph or the one before (lines that are no prose passed
    over), and ``cand`` is a sentence (three words or more, or closing with sentence
    punctuation), not a title or a scare quote ("“The Walking Dead”")."""
    if last.attribution.speaker is None:
        return False
    ends = layout.paragraph_of(last.candidate.end - 1)
    if ends not in (cand.paragraph, _prose_before(layout, cand.paragraph, outside)):
        return False
    quoted = _words_quoted(layout, cand)
    return len(quoted.split()) >= 3 or quoted[-1:] in {".", "!", "?", ","}


def _words_quoted(layout: Layout, cand: Candidate) -> str:
    """The text of a quotation without the quote marks and spaces at its edges."""
    return layout.text[cand.start : cand.end].strip("“”\"'‘’«»„ ")


def _sentence_like(layout: Layout, cand: Candidate) -> bool:
    """Whether a quotation reads as someone's words: it closes with the punctuation of a
    sentence or of a quote that runs on ("“We won.”", "“We won,”"), where a title or a scare
    quote ("“Jane The Virgin”", "“breaking down barriers”") does not."""
    quoted = _words_quoted(layout, cand).rstrip(")]")
    return quoted[-1:] in {".", "!", "?", ",", "…", ";", ":", "-", "—"}


def _only_quotes(layout: Layout, para: int, parts: list[tuple[int, int]]) -> bool:
    """True when the paragraph holds nothing but quote text (and punctuation)."""
    s, e = layout.paragraphs[para]
    pos = s
    for ps, pe in parts:
        if pe <= s or ps >= e:
            continue
        if any(c.isalnum() for c in layout.text[pos:ps]):
            return False
        pos = max(pos, pe)
    return not any(c.isalnum() for c in layout.text[pos:e])


def _attribution_gap(
    doc: Doc, layout: Layout, first: _DirectQuote, nxt: Candidate, lexicon: CueLexicon
) -> bool:
    """True when only the first quote's attribution (one short sentence) separates the two.

    “A,” he said, “B.” and “A,” he said. “B.” are one quote with two parts; "“A,” he said.
    Then he left. “B.”" is two, and so is "“A,” Cruz said, adding: “B.”" (a second cue).
    """
    if nxt.paragraph != first.candidate.paragraph:
        return False
    gap = layout.text[first.candidate.end : nxt.start]
    if not gap.strip():
        return True
    cue = first.attribution.cue
    if cue is None or not (first.candidate.end <= doc[cue.start].idx < nxt.start):
        return False
    gap_tokens = layout.tokens_in(first.candidate.end, nxt.start)
    if sum(1 for i in gap_tokens if lexicon.match(doc, i) is not None) > 1:
        return False
    # One sentence at most: sentence punctuation only as the gap's last token (the tokenizer
    # keeps "Mr." and "E." whole, so initials do not end the sentence).
    words = [i for i in gap_tokens if not doc[i].is_space and doc[i].text not in _QUOTE_TOKENS]
    inner_stops = [i for i in words[:-1] if doc[i].text in SENT_END or doc[i].text == ";"]
    return not inner_stops and len(gap.strip()) <= 160


def attribute_direct(
    doc: Doc,
    layout: Layout,
    candidates: list[Candidate],
    lexicon: CueLexicon,
    not_sources: Collection[str] = frozenset(),
    words: SpeakerWords | None = None,
    outside: Ranges | None = None,
) -> list[Finding]:
    """Finds cue and speaker of each direct quote, joining interrupted and follow-on quotes.

    Args:
        doc: the parsed document.
        layout: its layout.
        candidates: direct-quote candidates in text order.
        lexicon: the cue lexicon.
        not_sources: label words that name no source ("Related:", "Q:").
        words: the word lists that pick a cue's speaker (default the shipped ones; see
            :func:`~quoteattr.core.mentions.speaker_of_cue`).
        outside: the character ranges that are no prose (:func:`.structure.non_prose`),
            passed over when a quotation goes on after them.

    Returns:
        the direct quotes' findings, in text order.
    """
    if words is None:
        words = SpeakerWords()
    if outside is None:
        outside = Ranges(())
    out: list[_DirectQuote] = []
    n = len(candidates)
    for k, cand in enumerate(candidates):
        prev_end = candidates[k - 1].end if k else 0
        next_start = candidates[k + 1].start if k + 1 < n else len(layout.text)
        att = _own_attribution(doc, layout, cand, lexicon, prev_end, next_start, words)
        own_trailing = att.cue is not None and doc[att.cue.start].idx >= cand.end
        # “A,” she said. “B,” she said. has two attributions, so two quotes.
        if out and not own_trailing and _attribution_gap(doc, layout, out[-1], cand, lexicon):
            out[-1].candidate.parts.extend(cand.parts)
            continue
        if att.cue is None and att.speaker is None:
            att = _colon_lead(doc, layout, cand, lexicon, not_sources, words)
        if (
            att.cue is None
            and att.speaker is None
            and out
            and out[-1].attribution.speaker is not None
            and _only_quotes(layout, cand.paragraph, cand.parts)
            and layout.paragraph_of(out[-1].candidate.end - 1)
            == _prose_before(layout, cand.paragraph, outside)
        ):
            # A paragraph that is only a quote continues the previous speaker's quote.
            out[-1].candidate.parts.extend(cand.parts)
            continue
        if att.cue is None and att.speaker is None:
            last = out[-1] if out else None
            att = _previous_subject(doc, layout, cand, lexicon, words, outside, last)
            if (
                last is not None
                and att.speaker is not None
                and att.speaker == last.attribution.speaker
            ):
                # '“A,” Sessions said when endorsing Trump. “B.”': the sentence before B is
                # A's own attribution, longer than a joining gap; its subject is A's speaker,
                # who goes on: B is A's next part, not a quote of its own.
                last.candidate.parts.extend(cand.parts)
                continue
        unattributed = att.cue is None and att.speaker is None
        if unattributed and out and _floats(layout, out[-1], cand, outside):
            # '"And he is a very beautiful man," Sanders continued. "When you meet him, ..."':
            # a quotation with no attribution of its own continues the speaker's last one.
            out[-1].candidate.parts.extend(cand.parts)
            continue
        if att.cue is None and att.speaker is None and not _sentence_like(layout, cand):
            continue  # “Jane The Virgin”, "Containment": a title or a scare quote, no one's words
        out.append(_DirectQuote(cand, att))
    return [
        Finding(
            QuoteKind.DIRECT,
            d.candidate.parts,
            d.attribution.cue,
            d.attribution.speaker,
            d.attribution.rule,
        )
        for d in out
    ]
