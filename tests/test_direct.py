"""Direct-quote rules end to end on hand-built Docs: content, cue and speaker, no model."""

from __future__ import annotations

from typing import Any

import pytest

from quoteattr.extract import extract_doc
from quoteattr.model import Quote, QuoteKind, Rule, SpeakerKind
from tests.conftest import build_doc

P = "PUNCT"


def directs(doc: Any) -> list[Quote]:
    """The direct quotes extract_doc finds in ``doc`` (reported speech is tested elsewhere)."""
    return [q for q in extract_doc(doc) if q.kind == QuoteKind.DIRECT]


def who(q: Quote) -> tuple[str | None, str | None]:
    """(speaker mention text, cue text) of a quote."""
    mention = q.speaker.mention.text if q.speaker and q.speaker.mention else None
    return mention, q.cue.text if q.cue else None


def test_a_gesture_tags_a_quotation_but_reports_no_clause() -> None:
    """“No,” he shrugs. -> he / shrugs (a gesture after a quotation is its tag); "He
    shrugged off the report." reports nothing."""
    doc = build_doc(
        "“No,” he shrugs. He shrugged off the report.",
        [
            ("“", 5, "punct", P),
            ("No", 5, "ccomp", "INTJ"),
            (",", 5, "punct", P),
            ("”", 5, "punct", P),
            ("he", 5, "nsubj", "PRON"),
            ("shrugs", 5, "ROOT", "VERB", "shrug"),
            (".", 5, "punct", P),
            ("He", 8, "nsubj", "PRON"),
            ("shrugged", 8, "ROOT", "VERB", "shrug"),
            ("off", 8, "prt", "ADP"),
            ("the", 11, "det", "DET"),
            ("report", 8, "dobj", "NOUN"),
            (".", 8, "punct", P),
        ],
    )
    [q] = extract_doc(doc)
    assert (q.kind, q.text, who(q)) == (QuoteKind.DIRECT, "“No,”", ("he", "shrugs"))


def test_a_reaction_tags_a_quotation_but_reports_no_clause() -> None:
    """“We won,” reacted Trump. -> Trump / reacted (a verb of speech after a quotation);
    "He reacted to the report." reports nothing."""
    doc = build_doc(
        "“We won,” reacted Trump. He reacted to the report.",
        [
            ("“", 5, "punct", P),
            ("We", 2, "nsubj", "PRON"),
            ("won", 5, "ccomp", "VERB", "win"),
            (",", 5, "punct", P),
            ("”", 5, "punct", P),
            ("reacted", 5, "ROOT", "VERB", "react"),
            ("Trump", 5, "nsubj", "PROPN"),
            (".", 5, "punct", P),
            ("He", 9, "nsubj", "PRON"),
            ("reacted", 9, "ROOT", "VERB", "react"),
            ("to", 9, "prep", "ADP"),
            ("the", 12, "det", "DET"),
            ("report", 10, "pobj", "NOUN"),
            (".", 9, "punct", P),
        ],
        ents=[(6, 7, "PERSON")],
    )
    [q] = extract_doc(doc)
    assert (q.kind, q.text, who(q)) == (QuoteKind.DIRECT, "“We won,”", ("Trump", "reacted"))


def _next_sentence_doc(subject: tuple[str, str], cue: str, lemma: str) -> Any:
    """“We lost,” she said. “We won.” <subject> <cue> the rally."""
    word, pos = subject
    return build_doc(
        f"“We lost,” she said. “We won.” {word} {cue} the rally.",
        [
            ("“", 6, "punct", P),
            ("We", 2, "nsubj", "PRON"),
            ("lost", 6, "ccomp", "VERB", "lose"),
            (",", 6, "punct", P),
            ("”", 6, "punct", P),
            ("she", 6, "nsubj", "PRON"),
            ("said", 6, "ROOT", "VERB", "say"),
            (".", 6, "punct", P),
            ("“", 10, "punct", P),
            ("We", 10, "nsubj", "PRON"),
            ("won", 10, "ROOT", "VERB", "win"),
            (".", 10, "punct", P),
            ("”", 10, "punct", P),
            (word, 14, "nsubj", pos),
            (cue, 14, "ROOT", "VERB", lemma),
            ("the", 16, "det", "DET"),
            ("rally", 14, "dobj", "NOUN"),
            (".", 14, "punct", P),
        ],
        ents=[(13, 14, "PERSON")] if pos == "PROPN" else [],
    )


def test_a_sentence_after_a_closed_quotation_is_not_its_attribution() -> None:
    """“We lost,” she said. “We won.” She noted the rally. -> one quote of two parts, said
    by "she": "noted" opens a sentence of its own, the speaker's next act, and tags nothing
    before it."""
    doc = _next_sentence_doc(("She", "PRON"), "noted", "note")
    [q] = directs(doc)
    assert (q.text, who(q)) == ("“We lost,” she said. “We won.”", ("she", "said"))


def test_a_name_after_a_closed_quotation_may_still_tag_it() -> None:
    """“We lost,” she said. “We won.” Smith told the rally. -> the second quotation is
    Smith's: a name after the full stop may be the quote's speaker, as in '“We won.” Smith
    said.'"""
    doc = _next_sentence_doc(("Smith", "PROPN"), "told", "tell")
    quotes = directs(doc)
    assert [who(q) for q in quotes] == [("she", "said"), ("Smith", "told")]


def test_a_retort_tags_a_quotation() -> None:
    """“No,” Lee shot back. -> Lee / "shot back": a retort is speech whatever the verb."""
    doc = build_doc(
        "“No,” Lee shot back.",
        [
            ("“", 5, "punct", P),
            ("No", 5, "ccomp", "INTJ"),
            (",", 5, "punct", P),
            ("”", 5, "punct", P),
            ("Lee", 5, "nsubj", "PROPN"),
            ("shot", 5, "ROOT", "VERB", "shoot"),
            ("back", 5, "advmod", "ADV"),
            (".", 5, "punct", P),
        ],
        ents=[(4, 5, "PERSON")],
    )
    [q] = directs(doc)
    assert who(q) == ("Lee", "shot back")


def test_trailing_attribution() -> None:
    """“No,” he said. -> he / said, content with its marks."""
    doc = build_doc(
        "“No,” he said.",
        [
            ("“", 5, "punct", P),
            ("No", 5, "ccomp", "INTJ"),
            (",", 5, "punct", P),
            ("”", 5, "punct", P),
            ("he", 5, "nsubj", "PRON"),
            ("said", 5, "ROOT", "VERB", "say"),
            (".", 5, "punct", P),
        ],
    )
    [q] = directs(doc)
    assert (q.kind, q.text, q.parts) == (QuoteKind.DIRECT, "“No,”", ((0, 5),))
    assert who(q) == ("he", "said")
    # Nobody is named before "he": it stays an unknown speaker, never a guessed name.
    assert q.speaker is not None and q.speaker.kind == SpeakerKind.UNKNOWN


def test_inverted_attribution_with_appositive() -> None:
    """“Yes,” said Jim Smith, a senator. -> mention "Jim Smith" without the appositive."""
    doc = build_doc(
        "“Yes,” said Jim Smith, a senator.",
        [
            ("“", 4, "punct", P),
            ("Yes", 4, "ccomp", "INTJ"),
            (",", 4, "punct", P),
            ("”", 4, "punct", P),
            ("said", 4, "ROOT", "VERB", "say"),
            ("Jim", 6, "compound", "PROPN"),
            ("Smith", 4, "nsubj", "PROPN"),
            (",", 6, "punct", P),
            ("a", 9, "det", "DET"),
            ("senator", 6, "appos", "NOUN"),
            (".", 4, "punct", P),
        ],
        ents=[(5, 7, "PERSON")],
    )
    [q] = directs(doc)
    assert who(q) == ("Jim Smith", "said")


def test_speaker_before_cue_when_parse_misses_subject() -> None:
    """“No,” Ramos told AFP. with Ramos mis-attached: the name before the cue, not AFP."""
    doc = build_doc(
        "“No,” Ramos told AFP.",
        [
            ("“", 5, "punct", P),
            ("No", 5, "ccomp", "INTJ"),
            (",", 5, "punct", P),
            ("”", 5, "punct", P),
            ("Ramos", 1, "npadvmod", "PROPN"),
            ("told", 5, "ROOT", "VERB", "tell"),
            ("AFP", 5, "dobj", "PROPN"),
            (".", 5, "punct", P),
        ],
    )
    [q] = directs(doc)
    assert who(q) == ("Ramos", "told")


def test_leading_colon() -> None:
    """Smith said: “Yes.” -> Smith / said."""
    doc = build_doc(
        "Smith said: “Yes.”",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            (":", 1, "punct", P),
            ("“", 1, "punct", P),
            ("Yes", 1, "ccomp", "INTJ"),
            (".", 1, "punct", P),
            ("”", 1, "punct", P),
        ],
    )
    [q] = directs(doc)
    assert (q.text, who(q)) == ("“Yes.”", ("Smith", "said"))


def test_according_to() -> None:
    """“No,” according to officials. -> officials / according to."""
    doc = build_doc(
        "“No,” according to officials.",
        [
            ("“", 1, "punct", P),
            ("No", 1, "ROOT", "INTJ"),
            (",", 1, "punct", P),
            ("”", 1, "punct", P),
            ("according", 1, "prep", "VERB", "accord"),
            ("to", 4, "prep", "ADP"),
            ("officials", 5, "pobj", "NOUN"),
            (".", 1, "punct", P),
        ],
    )
    [q] = directs(doc)
    assert who(q) == ("officials", "according to")
    assert q.speaker is not None and q.speaker.kind == SpeakerKind.UNNAMED


INTERRUPTED_ROWS = [
    ("“", 6, "punct", P),
    ("We", 2, "nsubj", "PRON"),
    ("won", 6, "ccomp", "VERB", "win"),
    (",", 6, "punct", P),
    ("”", 6, "punct", P),
    ("he", 6, "nsubj", "PRON"),
    ("said", 6, "ROOT", "VERB", "say"),
    (".", 6, "punct", P),
    ("“", 10, "punct", P),
    ("We", 10, "nsubj", "PRON"),
    ("will", 10, "ROOT", "AUX"),
    (".", 10, "punct", P),
    ("”", 10, "punct", P),
]


def test_interrupted_quote_is_one_quote_with_two_parts() -> None:
    """“We won,” he said. “We will.” is one quote, two parts, attribution in between."""
    text = "“We won,” he said. “We will.”"
    [q] = directs(build_doc(text, INTERRUPTED_ROWS))
    assert q.parts == ((0, 9), (19, 29))
    assert q.part_texts == ("“We won,”", "“We will.”")
    assert who(q) == ("he", "said")


def test_two_attributions_stay_two_quotes() -> None:
    """“A,” he said. “B,” she said. has two speakers, so two quotes."""
    doc = build_doc(
        "“A,” he said. “B,” she said.",
        [
            ("“", 5, "punct", P),
            ("A", 5, "ccomp", "NOUN"),
            (",", 5, "punct", P),
            ("”", 5, "punct", P),
            ("he", 5, "nsubj", "PRON"),
            ("said", 5, "ROOT", "VERB", "say"),
            (".", 5, "punct", P),
            ("“", 12, "punct", P),
            ("B", 12, "ccomp", "NOUN"),
            (",", 12, "punct", P),
            ("”", 12, "punct", P),
            ("she", 12, "nsubj", "PRON"),
            ("said", 12, "ROOT", "VERB", "say"),
            (".", 12, "punct", P),
        ],
    )
    quotes = directs(doc)
    assert [who(q) for q in quotes] == [("he", "said"), ("she", "said")]


def test_follow_on_paragraph_continues_the_quote() -> None:
    """A paragraph that is only a quote continues the previous paragraph's quote."""
    text = "“We won,” he said.\n\n“We will.”"
    rows = [*INTERRUPTED_ROWS[:8], ("\n\n", 7, "dep", "SPACE"), *INTERRUPTED_ROWS[8:]]
    rows = [(w, h + 1 if h >= 8 else h, *rest) for (w, h, *rest) in rows]
    [q] = directs(build_doc(text, rows))
    assert q.part_texts == ("“We won,”", "“We will.”")
    assert q.paragraph == 0
    assert who(q) == ("he", "said")


def test_dash_attribution() -> None:
    """“We will win.” — Bernie Sanders -> the name after the dash."""
    doc = build_doc(
        "“We will win.” — Bernie Sanders",
        [
            ("“", 3, "punct", P),
            ("We", 3, "nsubj", "PRON"),
            ("will", 3, "aux", "AUX"),
            ("win", 3, "ROOT", "VERB"),
            (".", 3, "punct", P),
            ("”", 3, "punct", P),
            ("—", 3, "punct", P),
            ("Bernie", 8, "compound", "PROPN"),
            ("Sanders", 3, "appos", "PROPN"),
        ],
        ents=[(7, 9, "PERSON")],
    )
    [q] = directs(doc)
    assert who(q) == ("Bernie Sanders", "—")


def test_previous_sentence_subject() -> None:
    """Smith was defiant. “No.” -> Smith, with no cue and a low confidence."""
    doc = build_doc(
        "Smith was defiant. “No.”",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("was", 1, "ROOT", "AUX", "be"),
            ("defiant", 1, "acomp", "ADJ"),
            (".", 1, "punct", P),
            ("“", 5, "punct", P),
            ("No", 5, "ROOT", "INTJ"),
            (".", 5, "punct", P),
            ("”", 5, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    [q] = directs(doc)
    assert who(q) == ("Smith", None)
    assert q.confidence < 0.6


def test_embedded_fragment_is_not_a_direct_quote() -> None:
    """He called it “a disaster.” -> a fragment of his clause, not a direct quote."""
    doc = build_doc(
        "He called it “a disaster.”",
        [
            ("He", 1, "nsubj", "PRON"),
            ("called", 1, "ROOT", "VERB", "call"),
            ("it", 1, "dobj", "PRON"),
            ("“", 5, "punct", P),
            ("a", 5, "det", "DET"),
            ("disaster", 1, "oprd", "NOUN"),
            (".", 1, "punct", P),
            ("”", 1, "punct", P),
        ],
    )
    assert directs(doc) == []


@pytest.mark.parametrize("word", ["No.", "Never."])
def test_short_quote_is_kept(word: str) -> None:
    """No length filter: a one-word quote is a quote."""
    w = word.rstrip(".")
    doc = build_doc(
        f"She said: “{word}”",
        [
            ("She", 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB", "say"),
            (":", 1, "punct", P),
            ("“", 1, "punct", P),
            (w, 1, "ccomp", "INTJ"),
            (".", 1, "punct", P),
            ("”", 1, "punct", P),
        ],
    )
    [q] = directs(doc)
    assert q.text == f"“{word}”"


def test_unbalanced_mark_costs_only_its_quote() -> None:
    """A stray opening mark in one paragraph leaves the next paragraph's quote intact."""
    text = "He said “oops\n\nShe said: “Yes.”"
    doc = build_doc(
        text,
        [
            ("He", 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("“", 1, "punct", P),
            ("oops", 1, "dobj", "NOUN"),
            ("\n\n", 3, "dep", "SPACE"),
            ("She", 6, "nsubj", "PRON"),
            ("said", 6, "ROOT", "VERB", "say"),
            (":", 6, "punct", P),
            ("“", 6, "punct", P),
            ("Yes", 6, "ccomp", "INTJ"),
            (".", 6, "punct", P),
            ("”", 6, "punct", P),
        ],
    )
    with pytest.warns(UserWarning, match=r"\[W00[12]\]"):
        quotes = directs(doc)
    assert [(q.text, who(q)) for q in quotes] == [("“Yes.”", ("She", "said"))]


def _object_quote_doc(verb: str, lemma: str, inner: list[tuple[str, str, str]]) -> Any:
    """ "She VERB “...”." with the quote words given as (word, dep, pos)."""
    words = " ".join(w for w, _, _ in inner)
    rows = [("She", 1, "nsubj", "PRON"), (verb, 1, "ROOT", "VERB", lemma), ("“", 1, "punct", P)]
    rows += [(w, 1, dep, pos) for w, dep, pos in inner]
    rows += [("”", 1, "punct", P), (".", 1, "punct", P)]
    return build_doc(f"She {verb} “{words}”.", rows)


def test_clause_quoted_as_object_of_speech_verb() -> None:
    """She said “there is no one like him”. -> a direct quote (a clause, lower-case start)."""
    doc = _object_quote_doc(
        "said",
        "say",
        [
            ("there", "expl", "PRON"),
            ("is", "ccomp", "VERB"),
            ("no", "det", "DET"),
            ("one", "attr", "NOUN"),
        ],
    )
    [q] = directs(doc)
    assert (q.text, who(q)) == ("“there is no one”", ("She", "said"))


def test_noun_phrase_after_non_speech_verb_is_a_fragment() -> None:
    """She sought “an enduring presence”. -> a fragment, not a direct quote."""
    doc = _object_quote_doc(
        "sought",
        "seek",
        [("an", "det", "DET"), ("enduring", "amod", "ADJ"), ("presence", "dobj", "NOUN")],
    )
    assert directs(doc) == []


def test_noun_phrase_after_speech_verb_is_a_fragment() -> None:
    """She called “fake news”. -> no verb inside and a lower-case start: a fragment."""
    doc = _object_quote_doc("called", "call", [("fake", "amod", "ADJ"), ("news", "dobj", "NOUN")])
    assert directs(doc) == []


def test_title_after_a_speech_verb_is_not_a_quotation() -> None:
    """She wrote “Tough Choices.” -> a title in title case, not a direct quote."""
    doc = _object_quote_doc(
        "wrote", "write", [("Tough", "amod", "ADJ"), ("Choices", "dobj", "NOUN")]
    )
    assert directs(doc) == []


def test_a_short_sentence_after_a_speech_verb_is_no_title() -> None:
    """They shouted “Bad for Jersey, bad for you.” -> a quotation: its one long word is
    capitalised, as a title's are, but "bad" and "you" are in lower case, which title case
    leaves only its small words ("for", "of", "the") in."""
    inner = [
        ("Bad", "xcomp", "ADJ"),
        ("for", "prep", "ADP"),
        ("Jersey", "pobj", "PROPN"),
        (",", "punct", P),
        ("bad", "amod", "ADJ"),
        ("for", "prep", "ADP"),
        ("you", "pobj", "PRON"),
    ]
    [q] = directs(_object_quote_doc("shouted", "shout", inner))
    assert (q.text, who(q)) == ("“Bad for Jersey , bad for you”", ("She", "shouted"))


@pytest.mark.parametrize("dash", ["-", "–", "—", "--", "―"])
def test_label_after_a_dash_names_the_speaker(dash: str) -> None:
    """POLLS WERE EARLY - David Wasserman: “Yes.” -> the name after the dash (any of the
    dashes a cue's attribution may follow) labels the quote."""
    doc = build_doc(
        f"Polls were early {dash} David Wasserman: “Yes.”",
        [
            ("Polls", 1, "nsubj", "NOUN"),
            ("were", 1, "ROOT", "AUX", "be"),
            ("early", 1, "advmod", "ADV"),
            (dash, 1, "punct", P),
            ("David", 5, "compound", "PROPN"),
            ("Wasserman", 1, "appos", "PROPN"),
            (":", 1, "punct", P),
            ("“", 1, "punct", P),
            ("Yes", 1, "dep", "INTJ"),
            (".", 1, "punct", P),
            ("”", 1, "punct", P),
        ],
        ents=[(4, 6, "PERSON")],
    )
    [q] = directs(doc)
    assert (q.rule, who(q)) == (Rule.LABEL, ("David Wasserman", ":"))


LABEL_ROWS: list[Any] = [
    ("Trump", 0, "ROOT", "NOUN"),
    (":", 0, "punct", P),
    ("“", 0, "punct", P),
    ("Yes", 0, "dep", "INTJ"),
    (".", 0, "punct", P),
    ("”", 0, "punct", P),
]


def test_label_the_tagger_calls_a_noun_is_a_name_the_document_gives_a_person() -> None:
    """Donald Trump spoke. / Trump: “Yes.” -> Trump, though the tagger made that "Trump" a
    common noun with no entity: the document names a PERSON "Donald Trump"."""
    text = "Donald Trump spoke.\n\nTrump: “Yes.”"
    first = [
        ("Donald", 1, "compound", "PROPN"),
        ("Trump", 2, "nsubj", "PROPN"),
        ("spoke", 2, "ROOT", "VERB", "speak"),
        (".", 2, "punct", P),
        ("\n\n", 3, "dep", "SPACE"),
    ]
    rows = first + [(w, h + 5, d, pos) for w, h, d, pos in LABEL_ROWS]
    doc = build_doc(text, rows, ents=[(0, 2, "PERSON")])
    [q] = directs(doc)
    assert (q.rule, who(q)) == (Rule.LABEL, ("Trump", ":"))


def test_a_common_noun_label_the_document_names_nowhere_is_no_speaker() -> None:
    """Trump: “Yes.” alone, "Trump" tagged a common noun and no entity anywhere: no label."""
    doc = build_doc("Trump: “Yes.”", LABEL_ROWS)
    [q] = directs(doc)
    assert q.rule != Rule.LABEL and q.speaker is None


def test_a_word_in_capitals_that_labels_one_quote_is_a_kicker() -> None:
    """BOOM: “Yes.” heading a piece, "BOOM" a proper noun with no entity, naming no one in
    the document and labelling no other line: a kicker, no speaker."""
    rows = [("BOOM", *LABEL_ROWS[0][1:3], "PROPN"), *LABEL_ROWS[1:]]
    [q] = directs(build_doc("BOOM: “Yes.”", rows))
    assert q.rule != Rule.LABEL and q.speaker is None


def test_the_subject_after_the_quotation_says_it() -> None:
    """'Poll: “We will win,” Trump said.' with "Poll" parsed as a second subject of "said",
    before the quotation: the subject between the quotation and the cue says it."""
    doc = build_doc(
        "Poll: “We will win,” Trump said.",
        [
            ("Poll", 9, "nsubj", "NOUN"),
            (":", 0, "punct", P),
            ("“", 5, "punct", P),
            ("We", 5, "nsubj", "PRON"),
            ("will", 5, "aux", "AUX"),
            ("win", 9, "ccomp", "VERB"),
            (",", 9, "punct", P),
            ("”", 9, "punct", P),
            ("Trump", 9, "nsubj", "PROPN"),
            ("said", 9, "ROOT", "VERB", "say"),
            (".", 9, "punct", P),
        ],
        ents=[(8, 9, "PERSON")],
    )
    [q] = directs(doc)
    assert who(q) == ("Trump", "said")


def test_previous_subject_is_never_the_quotes_own_first_word() -> None:
    """Rally - “We won.” parsed as one sentence: its subject "We" is inside the quote, so the
    previous-subject rule names no one rather than the quote's own pronoun."""
    doc = build_doc(
        "Rally - “We won.”",
        [
            ("Rally", 4, "dep", "PROPN"),
            ("-", 4, "punct", P),
            ("“", 4, "punct", P),
            ("We", 4, "nsubj", "PRON"),
            ("won", 4, "ROOT", "VERB", "win"),
            (".", 4, "punct", P),
            ("”", 4, "punct", P),
        ],
    )
    [q] = directs(doc)
    assert (q.text, q.speaker) == ("“We won.”", None)


@pytest.mark.parametrize("verb", ["put", "puts"])
def test_as_someone_put_it(verb: str) -> None:
    """As Ridge put it: “They're inside.” -> Ridge / put it: the idiom is a verb of saying
    (parsed as the model does, the quote a sentence of its own after the colon), in the
    present too ("as Milbank puts it")."""
    doc = build_doc(
        f"As Ridge {verb} it: “They're inside.”",
        [
            ("As", 2, "mark", "SCONJ"),
            ("Ridge", 2, "nsubj", "PROPN"),
            (verb, 2, "ROOT", "VERB", "put"),
            ("it", 2, "dobj", "PRON"),
            (":", 2, "punct", P),
            ("“", 7, "punct", P),
            ("They", 7, "nsubj", "PRON", "they"),
            ("'re", 7, "ROOT", "AUX", "be"),
            ("inside", 7, "advmod", "ADV"),
            (".", 7, "punct", P),
            ("”", 7, "punct", P),
        ],
        ents=[(1, 2, "PERSON")],
    )
    [q] = directs(doc)
    assert (q.text, who(q), q.rule) == ("“They're inside.”", ("Ridge", f"{verb} it"), Rule.LEADING)


def _told_then_quoted(verb: str, lemma: str, quote: str) -> Any:
    """ "Howard VERB his remarks.\\n\\n“QUOTE.”": a sentence, then a paragraph of one quote."""
    return build_doc(
        f"Howard {verb} his remarks.\n\n“{quote}.”",
        [
            ("Howard", 1, "nsubj", "PROPN"),
            (verb, 1, "ROOT", "VERB", lemma),
            ("his", 3, "poss", "PRON"),
            ("remarks", 1, "dobj", "NOUN", "remark"),
            (".", 1, "punct", P),
            ("\n\n", 4, "dep", "SPACE"),
            ("“", 8, "punct", P),
            (quote.split()[0], 8, "nsubj", "PRON"),
            (quote.split()[1], 8, "ROOT", "VERB"),
            (".", 8, "punct", P),
            ("”", 8, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )


def test_quote_paragraph_after_a_sentence_of_speech_is_its_speakers() -> None:
    """Howard continued his remarks. / “She was winning.” -> Howard / continued."""
    [q] = directs(_told_then_quoted("continued", "continue", "She won"))
    assert (q.text, who(q), q.rule) == (
        "“She won.”",
        ("Howard", "continued"),
        Rule.PREVIOUS_SUBJECT,
    )


def _said_when_asked(between: bool) -> Any:
    """ "“We won,” Smith said when asked. [Smith smiled.] “They lost.”": the first quote's
    attribution is a sentence with a second cue ("asked"), too long to join its quotes."""
    rows: list[tuple[Any, ...]] = [
        ("“", 2, "punct", P),
        ("We", 2, "nsubj", "PRON"),
        ("won", 6, "ccomp", "VERB", "win"),
        (",", 6, "punct", P),
        ("”", 6, "punct", P),
        ("Smith", 6, "nsubj", "PROPN"),
        ("said", 6, "ROOT", "VERB", "say"),
        ("when", 8, "advmod", "SCONJ"),
        ("asked", 6, "advcl", "VERB", "ask"),
        (".", 6, "punct", P),
    ]
    ents = [(5, 6, "PERSON")]
    text = "“We won,” Smith said when asked."
    if between:
        rows += [("Smith", 11, "nsubj", "PROPN"), ("smiled", 11, "ROOT", "VERB", "smile")]
        rows.append((".", 11, "punct", P))
        ents.append((10, 11, "PERSON"))
        text += " Smith smiled."
    n = len(rows)
    rows += [
        ("“", n + 2, "punct", P),
        ("They", n + 2, "nsubj", "PRON"),
        ("lost", n + 2, "ROOT", "VERB", "lose"),
        (".", n + 2, "punct", P),
        ("”", n + 2, "punct", P),
    ]
    return build_doc(text + " “They lost.”", rows, ents=ents)


def test_a_quote_after_its_speakers_longer_attribution_is_a_part_of_the_first() -> None:
    """ "“A,” Sessions said when endorsing Trump. “B.”": the sentence before B is A's own
    attribution, and its subject goes on speaking; B is A's second part, as in "“A,” he
    said. “B.”", not a quote of its own (PolNeAR marks one attribution)."""
    [q] = directs(_said_when_asked(between=False))
    assert q.parts == ((0, 9), (33, 45))
    assert (who(q), q.rule) == (("Smith", "said"), Rule.GOVERNOR)


def test_a_quote_after_another_sentence_of_its_speaker_is_a_quote_of_its_own() -> None:
    """ "“A,” Smith said when asked. Smith smiled. “B.”": B's speaker is the subject of the
    sentence before it, not the first quote's attribution; two quotes."""
    first, second = directs(_said_when_asked(between=True))
    assert first.parts == ((0, 9),)
    assert (second.text, who(second), second.rule) == (
        "“They lost.”",
        ("Smith", "smiled"),
        Rule.PREVIOUS_SUBJECT,
    )


def test_quote_paragraph_after_a_sentence_whose_object_is_speech_is_its_subjects() -> None:
    """Howard issued his remarks. / “She won.” -> Howard: "issued" is no cue, but what he
    issued is an act of speech, whose words the quotation gives."""
    [q] = directs(_told_then_quoted("issued", "issue", "She won"))
    assert (q.text, who(q), q.rule) == ("“She won.”", ("Howard", None), Rule.PREVIOUS_SUBJECT)


def test_quote_paragraph_after_a_description_with_a_name_is_the_named_persons() -> None:
    """ "The union's secretary, Dan Kebede, said it rained. / “We are angry.”": the quote is
    Kebede's, the person the description stands beside."""
    doc = build_doc(
        "The union's secretary, Dan Kebede, said it rained.\n\n“We are angry.”",
        [
            ("The", 1, "det", "DET"),
            ("union", 3, "poss", "NOUN"),
            ("'s", 1, "case", "PART"),
            ("secretary", 8, "nsubj", "NOUN"),
            (",", 3, "punct", P),
            ("Dan", 6, "compound", "PROPN"),
            ("Kebede", 3, "appos", "PROPN"),
            (",", 3, "punct", P),
            ("said", 8, "ROOT", "VERB", "say"),
            ("it", 10, "nsubj", "PRON"),
            ("rained", 8, "ccomp", "VERB", "rain"),
            (".", 8, "punct", P),
            ("\n\n", 11, "dep", "SPACE"),
            ("“", 15, "punct", P),
            ("We", 15, "nsubj", "PRON"),
            ("are", 15, "ROOT", "AUX", "be"),
            ("angry", 15, "acomp", "ADJ"),
            (".", 15, "punct", P),
            ("”", 15, "punct", P),
        ],
        ents=[(5, 7, "PERSON")],
    )
    [q] = directs(doc)
    assert (q.text, who(q), q.rule) == (
        "“We are angry.”",
        ("Dan Kebede", "said"),
        Rule.PREVIOUS_SUBJECT,
    )


def test_quote_paragraph_after_an_unnamed_persons_speech_is_theirs() -> None:
    """ "A spokeswoman said it rained. / “We are angry.”": one person, unnamed, goes on
    speaking; not "The report said it rained." (no person's words)."""
    for noun, speaker in (("spokeswoman", ("A spokeswoman", "said")), ("report", (None, None))):
        doc = build_doc(
            f"A {noun} said it rained.\n\n“We are angry.”",
            [
                ("A", 1, "det", "DET"),
                (noun, 2, "nsubj", "NOUN"),
                ("said", 2, "ROOT", "VERB", "say"),
                ("it", 4, "nsubj", "PRON"),
                ("rained", 2, "ccomp", "VERB", "rain"),
                (".", 2, "punct", P),
                ("\n\n", 5, "dep", "SPACE"),
                ("“", 9, "punct", P),
                ("We", 9, "nsubj", "PRON"),
                ("are", 9, "ROOT", "AUX", "be"),
                ("angry", 9, "acomp", "ADJ"),
                (".", 9, "punct", P),
                ("”", 9, "punct", P),
            ],
        )
        [q] = directs(doc)
        assert (q.text, who(q)) == ("“We are angry.”", speaker)


def test_quote_after_an_unnamed_persons_sentence_of_speech_is_theirs() -> None:
    """ "The leader said it rained. “We are angry.”" in one paragraph: the unnamed person
    who spoke goes on speaking; not after "The leader was angry." (no act of speech)."""
    for verb, speaker in (("said", ("The leader", "said")), ("was", (None, None))):
        doc = build_doc(
            f"The leader {verb} it rained. “We are angry.”",
            [
                ("The", 1, "det", "DET"),
                ("leader", 2, "nsubj", "NOUN"),
                (verb, 2, "ROOT", "VERB", "say" if verb == "said" else "be"),
                ("it", 4, "nsubj", "PRON"),
                ("rained", 2, "ccomp", "VERB", "rain"),
                (".", 2, "punct", P),
                ("“", 8, "punct", P),
                ("We", 8, "nsubj", "PRON"),
                ("are", 8, "ROOT", "AUX", "be"),
                ("angry", 8, "acomp", "ADJ"),
                (".", 8, "punct", P),
                ("”", 8, "punct", P),
            ],
        )
        [q] = directs(doc)
        assert (q.text, who(q)) == ("“We are angry.”", speaker)


def test_quote_paragraph_after_a_surname_tagged_a_common_noun_is_theirs() -> None:
    """ "Trump said it rained. / “We are angry.”" with "Trump" tagged a common noun, as the
    small model tags a surname that opens a sentence: the document names Donald Trump as a
    person, so the quote is Trump's; a lower-case subject ("trumpets") is no one."""
    for subject, speaker in (("Trump", ("Trump", "said")), ("trumpets", (None, None))):
        doc = build_doc(
            f"Donald Trump left.\n\n{subject} said it rained.\n\n“We are angry.”",
            [
                ("Donald", 1, "compound", "PROPN"),
                ("Trump", 2, "nsubj", "PROPN"),
                ("left", 2, "ROOT", "VERB", "leave"),
                (".", 2, "punct", P),
                ("\n\n", 3, "dep", "SPACE"),
                (subject, 6, "nsubj", "NOUN"),
                ("said", 6, "ROOT", "VERB", "say"),
                ("it", 8, "nsubj", "PRON"),
                ("rained", 6, "ccomp", "VERB", "rain"),
                (".", 6, "punct", P),
                ("\n\n", 9, "dep", "SPACE"),
                ("“", 13, "punct", P),
                ("We", 13, "nsubj", "PRON"),
                ("are", 13, "ROOT", "AUX", "be"),
                ("angry", 13, "acomp", "ADJ"),
                (".", 13, "punct", P),
                ("”", 13, "punct", P),
            ],
            ents=[(0, 2, "PERSON")],
        )
        quote = next(q for q in directs(doc) if q.text == "“We are angry.”")
        assert who(quote) == speaker


def test_quote_paragraph_signed_on_the_next_line_is_the_signers() -> None:
    """ "Reid left. / “We won.” / — Michelle Marks, Philadelphia.": the line after the
    paragraph of quotation opens with a dash and a name, which signs it (a box of quotes);
    Reid, the subject before, does not speak."""
    doc = build_doc(
        "Reid left.\n\n“We won.”\n\n— Michelle Marks, Philadelphia.",
        [
            ("Reid", 1, "nsubj", "PROPN"),
            ("left", 1, "ROOT", "VERB", "leave"),
            (".", 1, "punct", P),
            ("\n\n", 2, "dep", "SPACE"),
            ("“", 6, "punct", P),
            ("We", 6, "nsubj", "PRON"),
            ("won", 6, "ROOT", "VERB", "win"),
            (".", 6, "punct", P),
            ("”", 6, "punct", P),
            ("\n\n", 8, "dep", "SPACE"),
            ("—", 12, "punct", P),
            ("Michelle", 12, "compound", "PROPN"),
            ("Marks", 12, "ROOT", "PROPN"),
            (",", 12, "punct", P),
            ("Philadelphia", 12, "npadvmod", "PROPN"),
            (".", 12, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (11, 13, "PERSON")],
    )
    [q] = directs(doc)
    assert (q.text, who(q), q.rule) == ("“We won.”", ("Michelle Marks", "—"), Rule.DASH)


def test_quote_paragraph_goes_on_after_a_line_that_is_no_prose() -> None:
    """ "Howard said it rained. / Story continues below advertisement / “We are angry.”":
    the advertisement line between is passed over; the quote is Howard's, as it would be
    without it (the line's own subject, "Story", is no one)."""
    doc = build_doc(
        "Howard said it rained.\n\nStory continues below advertisement\n\n“We are angry.”",
        [
            ("Howard", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("it", 3, "nsubj", "PRON"),
            ("rained", 1, "ccomp", "VERB", "rain"),
            (".", 1, "punct", P),
            ("\n\n", 4, "dep", "SPACE"),
            ("Story", 7, "nsubj", "PROPN"),
            ("continues", 7, "ROOT", "VERB", "continue"),
            ("below", 7, "prep", "ADP"),
            ("advertisement", 8, "pobj", "NOUN"),
            ("\n\n", 9, "dep", "SPACE"),
            ("“", 13, "punct", P),
            ("We", 13, "nsubj", "PRON"),
            ("are", 13, "ROOT", "AUX", "be"),
            ("angry", 13, "acomp", "ADJ"),
            (".", 13, "punct", P),
            ("”", 13, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    directs_ = [q for q in extract_doc(doc) if q.kind == "direct"]
    assert [(q.text, who(q)) for q in directs_] == [("“We are angry.”", ("Howard", "said"))]


def test_a_floating_quotation_goes_on_after_a_line_that_is_no_prose() -> None:
    """ "“We won,” Howard said. / Story continues below advertisement / “We will win
    again.” It rained.": the quotation with no attribution of its own, in a paragraph with
    other words, is more of Howard's; the line between is passed over."""
    doc = build_doc(
        "“We won,” Howard said.\n\nStory continues below advertisement\n\n"
        "“We will win again.” It rained.",
        [
            ("“", 2, "punct", P),
            ("We", 2, "nsubj", "PRON"),
            ("won", 6, "ccomp", "VERB", "win"),
            (",", 2, "punct", P),
            ("”", 2, "punct", P),
            ("Howard", 6, "nsubj", "PROPN"),
            ("said", 6, "ROOT", "VERB", "say"),
            (".", 6, "punct", P),
            ("\n\n", 7, "dep", "SPACE"),
            ("Story", 10, "nsubj", "PROPN"),
            ("continues", 10, "ROOT", "VERB", "continue"),
            ("below", 10, "prep", "ADP"),
            ("advertisement", 11, "pobj", "NOUN"),
            ("\n\n", 12, "dep", "SPACE"),
            ("“", 17, "punct", P),
            ("We", 17, "nsubj", "PRON"),
            ("will", 17, "aux", "AUX"),
            ("win", 17, "ROOT", "VERB", "win"),
            ("again", 17, "advmod", "ADV"),
            (".", 17, "punct", P),
            ("”", 17, "punct", P),
            ("It", 23, "nsubj", "PRON"),
            ("rained", 23, "ROOT", "VERB", "rain"),
            (".", 23, "punct", P),
        ],
        ents=[(5, 6, "PERSON")],
    )
    [q] = [q for q in extract_doc(doc) if q.kind == "direct"]
    assert (q.part_texts, who(q)) == (("“We won,”", "“We will win again.”"), ("Howard", "said"))


def test_quote_paragraph_after_a_sentence_that_opens_with_a_dateline() -> None:
    """ "HALIFAX - Howard said it rained. / “We are angry.”": the dateline is no prose, but
    the sentence after its dash is; the quote is Howard's."""
    doc = build_doc(
        "HALIFAX - Howard said it rained.\n\n“We are angry.”",
        [
            ("HALIFAX", 3, "npadvmod", "PROPN"),
            ("-", 3, "punct", P),
            ("Howard", 3, "nsubj", "PROPN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("it", 5, "nsubj", "PRON"),
            ("rained", 3, "ccomp", "VERB", "rain"),
            (".", 3, "punct", P),
            ("\n\n", 6, "dep", "SPACE"),
            ("“", 10, "punct", P),
            ("We", 10, "nsubj", "PRON"),
            ("are", 10, "ROOT", "AUX", "be"),
            ("angry", 10, "acomp", "ADJ"),
            (".", 10, "punct", P),
            ("”", 10, "punct", P),
        ],
        ents=[(0, 1, "GPE"), (2, 3, "PERSON")],
    )
    [q] = [q for q in extract_doc(doc) if q.kind == "direct"]
    assert (q.text, who(q)) == ("“We are angry.”", ("Howard", "said"))


@pytest.mark.parametrize(
    ("verb", "lemma", "quote", "why"),
    [
        ("ended", "end", "She won", "ending his remarks is no speech: no cue of speech"),
        ("continued", "continue", "SHE WON", "a quoted line in capitals is a heading"),
    ],
)
def test_quote_paragraph_after_a_sentence_not_of_speech_has_no_speaker(
    verb: str, lemma: str, quote: str, why: str
) -> None:
    """The sentence before the paragraph must tell of speech, the quote read as words."""
    [q] = directs(_told_then_quoted(verb, lemma, quote))
    assert q.speaker is None, why


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        (["Jane", "The", "Virgin"], False),  # a title: no one's words
        (["We", "won", "."], True),  # a sentence, though no one is named as its speaker
    ],
)
def test_a_quotation_with_no_attribution_is_kept_only_as_words(
    words: list[str], kept: bool
) -> None:
    """“Jane The Virgin” alone -> no quote; “We won.” alone -> a quote with no speaker."""
    quote = " ".join(words).replace(" .", ".")
    text = f"“{quote}”"
    # Every token hangs on the first word, the root; the marks and "." are punctuation.
    rows: list[tuple[Any, ...]] = []
    for k, w in enumerate(["“", *words, "”"]):
        punct = w in {"“", "”", "."}
        dep = "ROOT" if k == 1 else ("punct" if punct else "dep")
        rows.append((w, 1, dep, P if punct else "PROPN"))
    quotes = directs(build_doc(text, rows))
    assert [q.text for q in quotes] == ([text] if kept else [])
    assert all(q.speaker is None for q in quotes)


def _aside_then_quoted(mark: str | None, dep: str = "parataxis") -> Any:
    """ "[After] Howard said, the plan fails.\\n\\n“She won.”": the verb of speech is an
    aside on the sentence's head (``dep``: parataxis, or ccomp as the parser also hangs it),
    or, after "After", a clause of time."""
    lead = [(mark, 2, "mark", "SCONJ")] if mark else []
    k = len(lead)
    rows: list[tuple[Any, ...]] = [
        *lead,
        ("Howard", k + 1, "nsubj", "PROPN"),
        ("said", k + 5, "advcl" if mark else dep, "VERB", "say"),
        (",", k + 5, "punct", P),
        ("the", k + 4, "det", "DET"),
        ("plan", k + 5, "nsubj", "NOUN"),
        ("fails", k + 5, "ROOT", "VERB", "fail"),
        (".", k + 5, "punct", P),
        ("\n\n", k + 6, "dep", "SPACE"),
        ("“", k + 10, "punct", P),
        ("She", k + 10, "nsubj", "PRON"),
        ("won", k + 10, "ROOT", "VERB", "win"),
        (".", k + 10, "punct", P),
        ("”", k + 10, "punct", P),
    ]
    text = (f"{mark} " if mark else "") + "Howard said, the plan fails.\n\n“She won.”"
    return build_doc(text, rows, ents=[(k, k + 1, "PERSON")])


@pytest.mark.parametrize(
    ("mark", "dep", "speaker"),
    [
        (None, "parataxis", ("Howard", "said")),
        # "If anything, Ash argued in his email, the incident is ...": set in before the
        # clause it reports, which the parser hangs on it as a clause
        (None, "ccomp", ("Howard", "said")),
        ("After", "advcl", None),  # a clause of time: not whom the paragraph is about
    ],
)
def test_quote_paragraph_after_an_aside_of_speech(
    mark: str | None, dep: str, speaker: tuple[str, str] | None
) -> None:
    """ "Rather, he said, struggles will coalesce support." then "“To my knowledge ...”":
    the verb of speech is an aside on the sentence, and its speaker the quote's."""
    quotes = [q for q in directs(_aside_then_quoted(mark, dep)) if q.text == "“She won.”"]
    assert len(quotes) == 1
    assert (who(quotes[0]) if quotes[0].speaker else None) == speaker


def _retort(hung_on_quote: bool) -> Any:
    """'Sanders gave a retort: “No one is tearing it up.”', the clause before the colon
    the root, or hung on the quote's verb, as the parser sometimes hangs it."""
    lead, quote = (9, 9) if hung_on_quote else (1, 1)
    return build_doc(
        "Sanders gave a retort: “No one is tearing it up.”",
        [
            ("Sanders", 1, "nsubj", "PROPN"),
            ("gave", lead, "ccomp" if hung_on_quote else "ROOT", "VERB", "give"),
            ("a", 3, "det", "DET"),
            ("retort", 1, "dobj", "NOUN"),
            (":", lead, "punct", P),
            ("“", 9, "punct", P),
            ("No", 7, "det", "DET"),
            ("one", 9, "nsubj", "PRON"),
            ("is", 9, "aux", "AUX"),
            ("tearing", quote, "ROOT" if hung_on_quote else "ccomp", "VERB", "tear"),
            ("it", 9, "dobj", "PRON"),
            ("up", 9, "prt", "ADP"),
            (".", 9, "punct", P),
            ("”", 9, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )


@pytest.mark.parametrize("hung_on_quote", [False, True])
def test_a_clause_before_a_colon_introduces_its_subjects_words(hung_on_quote: bool) -> None:
    """'Sanders gave a retort: “…”': the subject of the clause that ends in the colon, also
    when the parser hangs that clause on the quote's verb."""
    [q] = directs(_retort(hung_on_quote))
    assert (q.text, who(q), q.rule) == (
        "“No one is tearing it up.”",
        ("Sanders", "gave"),
        Rule.INTRODUCED,
    )
