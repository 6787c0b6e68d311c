"""Reported speech, claims and mixed quotes on hand-built Docs: content, cue, speaker, kind."""

from __future__ import annotations

from typing import Any

import pytest

from quoteattr.core.lexicon import Lexicons
from quoteattr.extract import extract_doc
from quoteattr.model import CueCategory, Quote, QuoteKind, Rule, SpeakerKind
from tests.conftest import build_doc

P = "PUNCT"


def summary(q: Quote) -> tuple[str, str | None, str | None, str]:
    """(kind, content, cue, speaker mention) of a quote."""
    mention = q.speaker.mention.text if q.speaker and q.speaker.mention else None
    return (q.kind.value, q.content, q.cue.text if q.cue else None, mention or "")


def only(doc: Any, lexicon: Lexicons | None = None) -> Quote:
    [q] = extract_doc(doc, lexicon)
    return q


def test_ccomp() -> None:
    """Diplomats said France was open. -> the complement clause, diplomats, said."""
    doc = build_doc(
        "Diplomats said France was open.",
        [
            ("Diplomats", 1, "nsubj", "NOUN", "diplomat"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("France", 3, "nsubj", "PROPN"),
            ("was", 1, "ccomp", "AUX", "be"),
            ("open", 3, "acomp", "ADJ"),
            (".", 1, "punct", P),
        ],
        ents=[(2, 3, "GPE")],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "France was open", "said", "Diplomats")
    assert q.speaker is not None and q.speaker.kind == SpeakerKind.UNNAMED
    assert q.cue is not None and q.cue.category == CueCategory.SPEECH


FRONTED_ROWS = [
    ("Turkey", 1, "nsubj", "PROPN"),
    ("will", 2, "aux", "AUX"),
    ("wait", 2, "ROOT", "VERB"),
    (",", 2, "punct", P),
    ("the", 5, "det", "DET"),
    ("diplomats", 6, "nsubj", "NOUN", "diplomat"),
    ("said", 2, "parataxis", "VERB", "say"),
    (".", 2, "punct", P),
]


def test_fronted_content() -> None:
    """Turkey will wait, the diplomats said. -> the clause before the cue."""
    rows = [(w, 2 if w == "Turkey" else h, *rest) for (w, h, *rest) in FRONTED_ROWS]
    q = only(build_doc("Turkey will wait, the diplomats said.", rows))
    assert summary(q) == ("indirect", "Turkey will wait", "said", "the diplomats")


def test_fronted_content_around_the_cue_has_two_parts() -> None:
    """Mr. Obama, officials said, has doubts. -> two parts around the attribution."""
    doc = build_doc(
        "Obama, officials said, has doubts.",
        [
            ("Obama", 5, "nsubj", "PROPN"),
            (",", 3, "punct", P),
            ("officials", 3, "nsubj", "NOUN", "official"),
            ("said", 5, "parataxis", "VERB", "say"),
            (",", 3, "punct", P),
            ("has", 5, "ROOT", "VERB", "have"),
            ("doubts", 5, "dobj", "NOUN", "doubt"),
            (".", 5, "punct", P),
        ],
    )
    q = only(doc)
    assert q.part_texts == ("Obama", "has doubts")
    assert summary(q)[2:] == ("said", "officials")


@pytest.mark.parametrize(
    ("text", "rows", "content"),
    [
        (
            "According to aides, he won.",
            [
                ("According", 5, "prep", "VERB", "accord"),
                ("to", 0, "prep", "ADP"),
                ("aides", 1, "pobj", "NOUN", "aide"),
                (",", 5, "punct", P),
                ("he", 5, "nsubj", "PRON"),
                ("won", 5, "ROOT", "VERB", "win"),
                (".", 5, "punct", P),
            ],
            "he won",
        ),
        (
            "He won, according to aides.",
            [
                ("He", 1, "nsubj", "PRON"),
                ("won", 1, "ROOT", "VERB", "win"),
                (",", 1, "punct", P),
                ("according", 1, "prep", "VERB", "accord"),
                ("to", 3, "prep", "ADP"),
                ("aides", 4, "pobj", "NOUN", "aide"),
                (".", 1, "punct", P),
            ],
            "He won",
        ),
        (
            "He won and left, according to aides.",
            [
                ("He", 1, "nsubj", "PRON"),
                ("won", 1, "ROOT", "VERB", "win"),
                ("and", 1, "cc", "CCONJ"),
                ("left", 1, "conj", "VERB", "leave"),
                (",", 3, "punct", P),
                ("according", 3, "prep", "VERB", "accord"),
                ("to", 5, "prep", "ADP"),
                ("aides", 6, "pobj", "NOUN", "aide"),
                (".", 1, "punct", P),
            ],
            "He won and left",
        ),
    ],
    ids=["before", "after", "after-conjuncts"],
)
def test_according_to(text: str, rows: list[tuple[Any, ...]], content: str) -> None:
    """ "according to X" before or after: the clause it modifies, X as the speaker."""
    q = only(build_doc(text, rows))
    assert (q.content, q.cue.text if q.cue else None) == (
        content,
        text.split(" to")[0][-9:] + " to",
    )
    assert q.speaker is not None and q.speaker.name == "aides"


def test_xcomp_with_object() -> None:
    """He urged the allies to act. -> "the allies to act"."""
    doc = build_doc(
        "He urged the allies to act.",
        [
            ("He", 1, "nsubj", "PRON"),
            ("urged", 1, "ROOT", "VERB", "urge"),
            ("the", 3, "det", "DET"),
            ("allies", 1, "dobj", "NOUN", "ally"),
            ("to", 5, "aux", "PART"),
            ("act", 1, "xcomp", "VERB"),
            (".", 1, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("indirect", "the allies to act", "urged", "He")


def test_prepositional_object() -> None:
    """She accused him of lying. -> the arguments after the cue: "him of lying"."""
    doc = build_doc(
        "She accused him of lying.",
        [
            ("She", 1, "nsubj", "PRON"),
            ("accused", 1, "ROOT", "VERB", "accuse"),
            ("him", 1, "dobj", "PRON"),
            ("of", 1, "prep", "ADP"),
            ("lying", 3, "pcomp", "VERB", "lie"),
            (".", 1, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("indirect", "him of lying", "accused", "She")


def test_object_with_predicate_and_quote_marks_is_mixed() -> None:
    """He called it “a disaster.” -> content 'it “a disaster.”', mixed, with its fragment."""
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
    q = only(doc)
    assert summary(q) == ("mixed", "it “a disaster.”", "called", "He")
    assert [f.text for f in q.fragments] == ["“a disaster.”"]


def test_an_opening_quote_mark_on_the_verb_does_not_end_its_arguments() -> None:
    """He called it "too late". with both marks hung on the verb: the quotation is still
    its argument, with its marks (a comma or "and" would end them)."""
    doc = build_doc(
        'He called it "too late".',
        [
            ("He", 1, "nsubj", "PRON"),
            ("called", 1, "ROOT", "VERB", "call"),
            ("it", 1, "dobj", "PRON"),
            ('"', 1, "punct", P),
            ("too", 5, "advmod", "ADV"),
            ("late", 1, "oprd", "ADJ"),
            ('"', 1, "punct", P),
            (".", 1, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("mixed", 'it "too late"', "called", "He")


def test_noun_cue_needs_a_possessor() -> None:
    """Trump's claim that he won -> content "that he won", speaker Trump."""
    doc = build_doc(
        "Trump's claim that he won stands.",
        [
            ("Trump", 2, "poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("claim", 6, "nsubj", "NOUN"),
            ("that", 5, "mark", "SCONJ"),
            ("he", 5, "nsubj", "PRON"),
            ("won", 2, "acl", "VERB", "win"),
            ("stands", 6, "ROOT", "VERB", "stand"),
            (".", 6, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert summary(only(doc)) == ("indirect", "that he won", "claim", "Trump")


def test_adjective_cue() -> None:
    """Lawmakers are uneasy about the plan. -> "the plan", belief, Lawmakers."""
    doc = build_doc(
        "Lawmakers are uneasy about the plan.",
        [
            ("Lawmakers", 1, "nsubj", "NOUN", "lawmaker"),
            ("are", 1, "ROOT", "AUX", "be"),
            ("uneasy", 1, "acomp", "ADJ"),
            ("about", 2, "prep", "ADP"),
            ("the", 5, "det", "DET"),
            ("plan", 3, "pobj", "NOUN"),
            (".", 1, "punct", P),
        ],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "the plan", "uneasy", "Lawmakers")
    assert q.cue is not None and q.cue.category == CueCategory.BELIEF


NESTED_ROWS = [
    ("Diplomats", 1, "nsubj", "NOUN", "diplomat"),
    ("said", 1, "ROOT", "VERB", "say"),
    ("Turkey", 3, "nsubj", "PROPN"),
    ("fears", 1, "ccomp", "VERB", "fear"),
    ("that", 6, "mark", "SCONJ"),
    ("it", 6, "nsubj", "PRON"),
    ("grows", 3, "ccomp", "VERB", "grow"),
    (".", 1, "punct", P),
]


def test_nested_attribution_is_not_repeated() -> None:
    """Diplomats said Turkey fears that it grows. -> one attribution, the diplomats'."""
    q = only(build_doc("Diplomats said Turkey fears that it grows.", NESTED_ROWS))
    assert summary(q) == ("indirect", "Turkey fears that it grows", "said", "Diplomats")


def test_a_report_keeps_the_attribution_it_relays() -> None:
    """Reuters reported Turkey fears that it grows. -> Reuters' report and Turkey's fear."""
    rows = [("Reuters", 1, "nsubj", "PROPN"), ("reported", 1, "ROOT", "VERB", "report")]
    rows += NESTED_ROWS[2:]
    doc = build_doc("Reuters reported Turkey fears that it grows.", rows, ents=[(0, 1, "ORG")])
    assert [summary(q)[2:] for q in extract_doc(doc)] == [
        ("reported", "Reuters"),
        ("fears", "Turkey"),
    ]


def test_quotation_only_verbs_do_not_report() -> None:
    """He began to speak. -> "begin" introduces quotations only; no attribution."""
    doc = build_doc(
        "He began to speak.",
        [
            ("He", 1, "nsubj", "PRON"),
            ("began", 1, "ROOT", "VERB", "begin"),
            ("to", 3, "aux", "PART"),
            ("speak", 1, "xcomp", "VERB"),
            (".", 1, "punct", P),
        ],
    )
    assert extract_doc(doc) == []


def test_content_stays_in_its_paragraph() -> None:
    """A parse that runs over a paragraph break does not carry the content with it."""
    doc = build_doc(
        "He said\n\nsomething new.",
        [
            ("He", 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("\n\n", 1, "dep", "SPACE"),
            ("something", 1, "ccomp", "NOUN"),
            ("new", 3, "amod", "ADJ"),
            (".", 1, "punct", P),
        ],
    )
    assert extract_doc(doc) == []


def test_relative_pronoun_speaker_is_its_antecedent_kind() -> None:
    """Trump, who said NATO failed, ... -> mention "who", kind person (from Trump)."""
    doc = build_doc(
        "Trump, who said NATO failed, won.",
        [
            ("Trump", 7, "nsubj", "PROPN"),
            (",", 0, "punct", P),
            ("who", 3, "nsubj", "PRON"),
            ("said", 0, "relcl", "VERB", "say"),
            ("NATO", 5, "nsubj", "PROPN"),
            ("failed", 3, "ccomp", "VERB", "fail"),
            (",", 0, "punct", P),
            ("won", 7, "ROOT", "VERB", "win"),
            (".", 7, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "ORG")],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "NATO failed", "said", "who")
    assert q.speaker is not None and q.speaker.kind == SpeakerKind.PERSON


def test_speech_inside_a_direct_quote_is_not_reported() -> None:
    """“I said no,” she said. -> the quotation only, not the verb inside it."""
    doc = build_doc(
        "“I said no,” she said.",
        [
            ("“", 7, "punct", P),
            ("I", 2, "nsubj", "PRON"),
            ("said", 7, "ccomp", "VERB", "say"),
            ("no", 2, "dobj", "INTJ"),
            (",", 7, "punct", P),
            ("”", 7, "punct", P),
            ("she", 7, "nsubj", "PRON"),
            ("said", 7, "ROOT", "VERB", "say"),
            (".", 7, "punct", P),
        ],
    )
    assert [summary(q)[0] for q in extract_doc(doc)] == [QuoteKind.DIRECT.value]


def test_object_arguments_stop_at_a_comma() -> None:
    """They criticized him for lying, and left. -> "him for lying", not the coordination."""
    doc = build_doc(
        "They criticized him for lying, and left.",
        [
            ("They", 1, "nsubj", "PRON"),
            ("criticized", 1, "ROOT", "VERB", "criticize"),
            ("him", 1, "dobj", "PRON"),
            ("for", 1, "prep", "ADP"),
            ("lying", 3, "pcomp", "VERB", "lie"),
            (",", 1, "punct", P),
            ("and", 1, "cc", "CCONJ"),
            ("left", 1, "conj", "VERB", "leave"),
            (".", 1, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("indirect", "him for lying", "criticized", "They")


def test_object_arguments_take_the_modifiers_after_them() -> None:
    """They criticized him harshly because he lied. -> "him harshly because he lied": what
    follows the object in the verb's phrase (how, why, when) is part of what was said of
    him, as news annotation counts it ("embraced the mogul after he clinched the
    nomination")."""
    doc = build_doc(
        "They criticized him harshly because he lied.",
        [
            ("They", 1, "nsubj", "PRON"),
            ("criticized", 1, "ROOT", "VERB", "criticize"),
            ("him", 1, "dobj", "PRON"),
            ("harshly", 1, "advmod", "ADV"),
            ("because", 6, "mark", "SCONJ"),
            ("he", 6, "nsubj", "PRON"),
            ("lied", 1, "advcl", "VERB", "lie"),
            (".", 1, "punct", P),
        ],
    )
    assert summary(only(doc)) == (
        "indirect",
        "him harshly because he lied",
        "criticized",
        "They",
    )


def test_a_modifier_that_is_a_cue_of_its_own_stays_out_of_the_arguments() -> None:
    """They criticized the plan before claiming it failed. -> "the plan": the clause after
    it is the speakers' next report, not part of what they criticized."""
    doc = build_doc(
        "They criticized the plan before claiming it failed.",
        [
            ("They", 1, "nsubj", "PRON"),
            ("criticized", 1, "ROOT", "VERB", "criticize"),
            ("the", 3, "det", "DET"),
            ("plan", 1, "dobj", "NOUN"),
            ("before", 5, "mark", "SCONJ"),
            ("claiming", 1, "advcl", "VERB", "claim"),
            ("it", 7, "nsubj", "PRON"),
            ("failed", 5, "ccomp", "VERB", "fail"),
            (".", 1, "punct", P),
        ],
    )
    doc[5].tag_ = "VBG"
    contents = {q.content for q in extract_doc(doc)}
    assert "the plan" in contents
    assert not any("claiming" in (c or "") for c in contents)


def test_a_reason_hung_on_the_cue_after_the_clause_is_the_reports() -> None:
    """Fitton charged that Clinton hid them because they hurt her. -> the clause with its
    reason, which the parser hung on the cue."""
    doc = build_doc(
        "Fitton charged that Clinton hid them because they hurt her.",
        [
            ("Fitton", 1, "nsubj", "PROPN"),
            ("charged", 1, "ROOT", "VERB", "charge"),
            ("that", 4, "mark", "SCONJ"),
            ("Clinton", 4, "nsubj", "PROPN"),
            ("hid", 1, "ccomp", "VERB", "hide"),
            ("them", 4, "dobj", "PRON"),
            ("because", 8, "mark", "SCONJ"),
            ("they", 8, "nsubj", "PRON"),
            ("hurt", 1, "advcl", "VERB", "hurt"),
            ("her", 8, "dobj", "PRON"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (3, 4, "PERSON")],
    )
    assert summary(only(doc)) == (
        "indirect",
        "that Clinton hid them because they hurt her",
        "charged",
        "Fitton",
    )


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a dash sets off the writer's aside
        (
            "Aides say he will run - though it is unclear.",
            [
                ("Aides", 1, "nsubj", "NOUN", "aide"),
                ("say", 1, "ROOT", "VERB"),
                ("he", 4, "nsubj", "PRON"),
                ("will", 4, "aux", "AUX"),
                ("run", 1, "ccomp", "VERB"),
                ("-", 1, "punct", P),
                ("though", 9, "mark", "SCONJ"),
                ("it", 9, "nsubj", "PRON"),
                ("is", 9, "cop", "AUX", "be"),
                ("unclear", 1, "advcl", "ADJ"),
                (".", 1, "punct", P),
            ],
        ),
        # the speaker's next report is a cue of its own
        (
            "Aides say he will run because Smith said so.",
            [
                ("Aides", 1, "nsubj", "NOUN", "aide"),
                ("say", 1, "ROOT", "VERB"),
                ("he", 4, "nsubj", "PRON"),
                ("will", 4, "aux", "AUX"),
                ("run", 1, "ccomp", "VERB"),
                ("because", 7, "mark", "SCONJ"),
                ("Smith", 7, "nsubj", "PROPN"),
                ("said", 1, "advcl", "VERB", "say"),
                ("so", 7, "advmod", "ADV"),
                (".", 1, "punct", P),
            ],
        ),
    ],
)
def test_a_clause_set_off_or_a_cue_stays_out_of_the_report(
    text: str, rows: list[tuple[Any, ...]]
) -> None:
    quotes = extract_doc(build_doc(text, rows))
    assert quotes[0].content == "he will run"


def test_a_passive_object_frame_reports_its_subject_and_the_agent_speaks() -> None:
    """The plan was criticized by Smith. -> "The plan", criticized, Smith: the object
    frame in the passive, its speaker named by "by"."""
    doc = build_doc(
        "The plan was criticized by Smith.",
        [
            ("The", 1, "det", "DET"),
            ("plan", 3, "nsubjpass", "NOUN"),
            ("was", 3, "auxpass", "AUX", "be"),
            ("criticized", 3, "ROOT", "VERB", "criticize"),
            ("by", 3, "agent", "ADP"),
            ("Smith", 4, "pobj", "PROPN"),
            (".", 3, "punct", P),
        ],
        ents=[(5, 6, "PERSON")],
    )
    doc[3].tag_ = "VBN"
    assert summary(only(doc)) == ("indirect", "The plan", "criticized", "Smith")


def test_a_passive_relative_pronoun_is_no_content() -> None:
    """They changed the plan, which was criticized by Jones. -> no quote "which": a
    relative pronoun's words are its antecedent's, and the rule does not guess them."""
    doc = build_doc(
        "They changed the plan, which was criticized by Jones.",
        [
            ("They", 1, "nsubj", "PRON"),
            ("changed", 1, "ROOT", "VERB", "change"),
            ("the", 3, "det", "DET"),
            ("plan", 1, "dobj", "NOUN"),
            (",", 3, "punct", P),
            ("which", 7, "nsubjpass", "PRON"),
            ("was", 7, "auxpass", "AUX", "be"),
            ("criticized", 3, "relcl", "VERB", "criticize"),
            ("by", 7, "agent", "ADP"),
            ("Jones", 8, "pobj", "PROPN"),
            (".", 1, "punct", P),
        ],
        ents=[(9, 10, "PERSON")],
    )
    doc[5].tag_ = "WDT"
    doc[7].tag_ = "VBN"
    assert extract_doc(doc) == []


def test_a_passive_prepositional_frame_reports_of_its_subject() -> None:
    """Smith was accused of lying. -> "Smith" and "of lying": what is
    said is of the passive subject, not the phrase alone."""
    doc = build_doc(
        "Smith was accused of lying.",
        [
            ("Smith", 2, "nsubjpass", "PROPN"),
            ("was", 2, "auxpass", "AUX", "be"),
            ("accused", 2, "ROOT", "VERB", "accuse"),
            ("of", 2, "prep", "ADP"),
            ("lying", 3, "pcomp", "VERB", "lie"),
            (".", 2, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    doc[2].tag_ = "VBN"
    [q] = extract_doc(doc)
    assert (q.rule, [doc.text[s:e] for s, e in q.parts]) == (Rule.PREP, ["Smith", "of lying"])


def test_a_passive_infinitive_frame_reports_of_its_subject() -> None:
    """The Fed is expected to act. -> "The Fed" and "to act"."""
    doc = build_doc(
        "The Fed is expected to act.",
        [
            ("The", 1, "det", "DET"),
            ("Fed", 3, "nsubjpass", "PROPN"),
            ("is", 3, "auxpass", "AUX", "be"),
            ("expected", 3, "ROOT", "VERB", "expect"),
            ("to", 5, "aux", "PART"),
            ("act", 3, "xcomp", "VERB"),
            (".", 3, "punct", P),
        ],
        ents=[(0, 2, "ORG")],
    )
    doc[3].tag_ = "VBN"
    doc[5].tag_ = "VB"
    [q] = extract_doc(doc)
    assert (q.rule, [doc.text[s:e] for s, e in q.parts]) == (Rule.XCOMP, ["The Fed", "to act"])


def test_a_bare_answer_stands_for_the_clause() -> None:
    """Most voters said yes. -> "yes": the answer is what they said."""
    doc = build_doc(
        "Most voters said yes.",
        [
            ("Most", 1, "amod", "ADJ"),
            ("voters", 2, "nsubj", "NOUN", "voter"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("yes", 2, "intj", "INTJ"),
            (".", 2, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("indirect", "yes", "said", "Most voters")


def test_noun_cue_as_object_of_a_light_verb() -> None:
    """He made the claim that it grows. -> "that it grows", cue "claim", speaker He."""
    doc = build_doc(
        "He made the claim that it grows.",
        [
            ("He", 1, "nsubj", "PRON"),
            ("made", 1, "ROOT", "VERB", "make"),
            ("the", 3, "det", "DET"),
            ("claim", 1, "dobj", "NOUN"),
            ("that", 6, "mark", "SCONJ"),
            ("it", 6, "nsubj", "PRON"),
            ("grows", 3, "acl", "VERB", "grow"),
            (".", 1, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("indirect", "that it grows", "claim", "He")


def test_fronted_rule_skips_a_time_clause() -> None:
    """When Clinton testified, Gowdy shifted. -> a time clause, not an attribution."""
    doc = build_doc(
        "When Clinton testified, Gowdy shifted.",
        [
            ("When", 2, "mark", "SCONJ"),
            ("Clinton", 2, "nsubj", "PROPN"),
            ("testified", 5, "advcl", "VERB", "testify"),
            (",", 5, "punct", P),
            ("Gowdy", 5, "nsubj", "PROPN"),
            ("shifted", 5, "ROOT", "VERB", "shift"),
            (".", 5, "punct", P),
        ],
    )
    assert extract_doc(doc) == []


def test_weak_outer_attribution_keeps_a_surer_inner_one() -> None:
    """Trump's claim that Smith said it grew: the noun cue (rule table 0.49) keeps Smith's
    saying (0.84), nesting weighing them by the rule table, whatever the confidence model
    then gives each."""
    doc = build_doc(
        "Trump's claim that Smith said it grew fails.",
        [
            ("Trump", 2, "poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("claim", 8, "nsubj", "NOUN"),
            ("that", 5, "mark", "SCONJ"),
            ("Smith", 5, "nsubj", "PROPN"),
            ("said", 2, "acl", "VERB", "say"),
            ("it", 7, "nsubj", "PRON"),
            ("grew", 5, "ccomp", "VERB", "grow"),
            ("fails", 8, "ROOT", "VERB", "fail"),
            (".", 8, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "PERSON")],
    )
    got = [summary(q)[1:] for q in extract_doc(doc)]
    assert got == [("that Smith said it grew", "claim", "Trump"), ("it grew", "said", "Smith")]


def test_headline_label() -> None:
    """Marco Rubio: I am not running. -> the rest of the line, cue ":", speaker Marco Rubio."""
    doc = build_doc(
        "Marco Rubio: I am not running.",
        [
            ("Marco", 1, "compound", "PROPN"),
            ("Rubio", 1, "ROOT", "PROPN"),
            (":", 1, "punct", P),
            ("I", 6, "nsubj", "PRON"),
            ("am", 6, "aux", "AUX", "be"),
            ("not", 6, "neg", "PART"),
            ("running", 6, "ROOT", "VERB", "run"),
            (".", 6, "punct", P),
        ],
        ents=[(0, 2, "PERSON")],
    )
    assert summary(only(doc)) == ("indirect", "I am not running", ":", "Marco Rubio")


@pytest.mark.parametrize(("named", "found"), [("Ann Polley", True), ("Ann Jones", False)])
def test_a_transcript_label_in_capitals_tagged_a_verb(named: str, found: bool) -> None:
    """ "Ann Polley spoke.\n\nPOLLEY: It is all I want." with "POLLEY" tagged a verb, as the
    small model tags it after a "Q:" line: the label still names her, as the document does;
    a word in capitals the document names no one by is no label."""
    first, last = named.split()
    doc = build_doc(
        f"{named} spoke.\n\nPOLLEY: It is all I want.",
        [
            (first, 1, "compound", "PROPN"),
            (last, 2, "nsubj", "PROPN"),
            ("spoke", 2, "ROOT", "VERB", "speak"),
            (".", 2, "punct", P),
            ("\n\n", 3, "dep", "SPACE"),
            ("POLLEY", 5, "ROOT", "VERB", "polley"),
            (":", 5, "punct", P),
            ("It", 8, "nsubj", "PRON"),
            ("is", 5, "ccomp", "AUX", "be"),
            ("all", 8, "attr", "PRON"),
            ("I", 11, "nsubj", "PRON"),
            ("want", 9, "relcl", "VERB"),
            (".", 8, "punct", P),
        ],
        ents=[(0, 2, "PERSON")],
    )
    labels = [summary(q) for q in extract_doc(doc) if q.cue is not None and q.cue.text == ":"]
    assert labels == ([("indirect", "It is all I want", ":", "POLLEY")] if found else [])


@pytest.mark.parametrize(("mark", "contents"), [(";", []), (",", ["Critics won"])])
def test_a_clause_before_a_semicolon_is_no_report_of_the_cue_after(
    mark: str, contents: list[str]
) -> None:
    """ "Critics won; Smith said." with "won" parsed as a clause of "said": the semicolon
    ends it, and it is no one's report; with a comma ("Critics won, Smith said.") the clause
    before is what Smith said."""
    doc = build_doc(
        f"Critics won {mark} Smith said.",
        [
            ("Critics", 1, "nsubj", "NOUN", "critic"),
            ("won", 4, "ccomp", "VERB", "win"),
            (mark, 4, "punct", P),
            ("Smith", 4, "nsubj", "PROPN"),
            ("said", 4, "ROOT", "VERB", "say"),
            (".", 4, "punct", P),
        ],
        ents=[(3, 4, "PERSON")],
    )
    assert [q.content for q in extract_doc(doc)] == contents


def test_label_that_is_not_a_source() -> None:
    """Related: Cruz wins again. -> a section label, not a source."""
    doc = build_doc(
        "Related: Cruz wins big again.",
        [
            ("Related", 0, "ROOT", "PROPN"),
            (":", 0, "punct", P),
            ("Cruz", 3, "nsubj", "PROPN"),
            ("wins", 3, "ROOT", "VERB", "win"),
            ("big", 3, "advmod", "ADV"),
            ("again", 3, "advmod", "ADV"),
            (".", 3, "punct", P),
        ],
    )
    assert extract_doc(doc) == []


@pytest.mark.parametrize(("lines", "found"), [(1, 0), (2, 2)])
def test_a_word_in_capitals_labelling_one_line_is_a_kicker(lines: int, found: int) -> None:
    """ "BOOM: Cruz wins big again." heads a piece: a word in capitals the document names no
    one by, labelling one line, is a kicker or a section's name ("ENERGY: ..."), no source;
    labelling two lines or more, it is a transcript's speaker, who speaks again."""
    line = "BOOM: Cruz wins big again."
    rows: list[tuple[Any, ...]] = []
    for k in range(lines):
        at = len(rows)
        if k:
            rows.append(("\n\n", at - 1, "dep", "SPACE"))
            at += 1
        rows += [
            ("BOOM", at, "ROOT", "PROPN"),
            (":", at, "punct", P),
            ("Cruz", at + 3, "nsubj", "PROPN"),
            ("wins", at + 3, "ROOT", "VERB", "win"),
            ("big", at + 3, "advmod", "ADV"),
            ("again", at + 3, "advmod", "ADV"),
            (".", at + 3, "punct", P),
        ]
    doc = build_doc("\n\n".join([line] * lines), rows)
    labels = [q for q in extract_doc(doc) if q.cue is not None and q.cue.text == ":"]
    assert [summary(q) for q in labels] == [
        ("indirect", "Cruz wins big again", ":", "BOOM")
    ] * found


ZORBLE_ROWS = [
    ("She", 1, "nsubj", "PRON"),
    ("zorbled", 1, "ROOT", "VERB", "zorble"),
    ("to", 3, "aux", "PART"),
    ("win", 1, "xcomp", "VERB"),
    (".", 1, "punct", P),
]


def test_a_frame_makes_a_verb_a_cue_in_that_frame_only() -> None:
    """With the frame "zorble xcomp belief", "She zorbled to win." is a belief of hers; the
    same verb with a clause it governs or a clause it follows is no cue."""
    doc = build_doc("She zorbled to win.", ZORBLE_ROWS)
    assert extract_doc(doc) == []
    lex = Lexicons.default().extended(frames={"zorble": "xcomp belief"})
    [q] = extract_doc(doc, lex)
    assert summary(q) == ("indirect", "to win", "zorbled", "She")
    assert q.cue is not None and q.cue.category == CueCategory.BELIEF
    clause = build_doc(
        "She zorbled he won.",
        [
            ("She", 1, "nsubj", "PRON"),
            ("zorbled", 1, "ROOT", "VERB", "zorble"),
            ("he", 3, "nsubj", "PRON"),
            ("won", 1, "ccomp", "VERB", "win"),
            (".", 1, "punct", P),
        ],
    )
    assert extract_doc(clause, lex) == []
    assert summary(only(clause, lex.extended(frames={"zorble": "ccomp belief"}))) == (
        "indirect",
        "he won",
        "zorbled",
        "She",
    )
    fronted = build_doc(
        "Turkey will wait, the diplomats zorbled.",
        [*FRONTED_ROWS[:6], ("zorbled", 2, "parataxis", "VERB", "zorble"), (".", 2, "punct", P)],
    )
    assert extract_doc(fronted, lex.extended(frames={"zorble": "ccomp belief"})) == []
    # the control: as a cue verb of speech it does report the clause before it
    assert only(fronted, lex.extended({"zorble": "speech"})).content == "Turkey will wait"


@pytest.mark.parametrize("it", [False, True])
def test_made_clear_reports_its_clause(it: bool) -> None:
    """ "Officials made (it) clear that they have plans." -> their speech, the clause after
    "clear" (cue_frames.txt: make ccomp:clear), whether the parser hangs it on "made" or on
    "clear"; "made sure that ..." reports nothing."""
    words = ["Officials", "made", *(["it"] if it else []), "clear", "that", "they", "have"]
    k = words.index("clear")
    rows = [
        ("Officials", 1, "nsubj", "NOUN", "official"),
        ("made", 1, "ROOT", "VERB", "make"),
        *([("it", k, "nsubj", "PRON")] if it else []),
        ("clear", 1, "ccomp" if it else "acomp", "ADJ"),
        ("that", k + 3, "mark", "SCONJ"),
        ("they", k + 3, "nsubj", "PRON"),
        ("have", k if it else 1, "advcl" if it else "ccomp", "VERB", "have"),
        ("plans", k + 3, "dobj", "NOUN", "plan"),
        (".", 1, "punct", P),
    ]
    text = " ".join(words) + " plans."
    q = only(build_doc(text, rows))
    assert summary(q) == ("indirect", "that they have plans", "made", "Officials")
    assert q.cue is not None and q.cue.category == CueCategory.SPEECH
    sure = [(w.replace("clear", "sure"), *rest) for w, *rest in rows]
    assert extract_doc(build_doc(text.replace("clear", "sure"), sure)) == []


@pytest.mark.parametrize(
    ("opener", "dep", "found"), [("that", "mark", True), ("that", "nsubj", False)]
)
def test_a_clause_hung_on_the_noun_of_the_cues_in_phrase_is_its_content(
    opener: str, dep: str, found: bool
) -> None:
    """ "Smith told staff in a memo that the firm would cut jobs.", parsed with the clause as
    one of "memo": the clause "that" opens as a conjunction, with a subject of its own, is
    what Smith told; "Smith told staff in a memo that circulated." (a relative "that", the
    clause's subject) reports nothing."""
    words = ["Smith", "told", "staff", "in", "a", "memo", opener]
    if found:
        rows = [
            ("the", 8, "det", "DET"),
            ("firm", 10, "nsubj", "NOUN"),
            ("would", 10, "aux", "AUX"),
            ("cut", 5, "acl", "VERB", "cut"),
            ("jobs", 10, "dobj", "NOUN", "job"),
        ]
        head = 10
    else:
        rows = [("circulated", 5, "relcl", "VERB", "circulate")]
        head = 7
    doc = build_doc(
        " ".join(words + [r[0] for r in rows]) + ".",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("told", 1, "ROOT", "VERB", "tell"),
            ("staff", 1, "dobj", "NOUN"),
            ("in", 1, "prep", "ADP"),
            ("a", 5, "det", "DET"),
            ("memo", 3, "pobj", "NOUN"),
            (opener, head, dep, "SCONJ" if dep == "mark" else "PRON"),
            *rows,
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    quotes = extract_doc(doc)
    if found:
        [q] = quotes
        assert summary(q) == ("indirect", "that the firm would cut jobs", "told", "Smith")
    else:
        assert all("circulated" not in q.text for q in quotes)


def test_a_cue_noun_whose_clause_the_verb_took_reports_it_once() -> None:
    """ "Smith said in a statement that the firm would cut jobs.": "statement" is a cue noun
    whose clause the parser hung on it; "said" takes the clause, and the noun adds no second
    quote of the same words."""
    doc = build_doc(
        "Smith said in a statement that the firm would cut jobs.",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("in", 1, "prep", "ADP"),
            ("a", 4, "det", "DET"),
            ("statement", 2, "pobj", "NOUN"),
            ("that", 9, "mark", "SCONJ"),
            ("the", 7, "det", "DET"),
            ("firm", 9, "nsubj", "NOUN"),
            ("would", 9, "aux", "AUX"),
            ("cut", 4, "acl", "VERB", "cut"),
            ("jobs", 9, "dobj", "NOUN", "job"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    quotes = extract_doc(doc)
    assert [(summary(q), q.rule) for q in quotes] == [
        (("indirect", "that the firm would cut jobs", "said", "Smith"), Rule.CCOMP)
    ]


@pytest.mark.parametrize(("joint", "found"), [(",", True), ("and", False)])
def test_a_cue_closing_its_sentence_as_a_conjunct_reports_the_clause_before(
    joint: str, found: bool
) -> None:
    """ "Officers found a woman, McKinnon told reporters.", the cue parsed as a conjunct of
    the clause it reports: after a comma, with a subject and only its addressee, it reports
    the clause before; "Officers found a woman and McKinnon told reporters." is two acts."""
    doc = build_doc(
        f"Officers found a woman {joint} McKinnon told reporters.",
        [
            ("Officers", 1, "nsubj", "NOUN", "officer"),
            ("found", 1, "ROOT", "VERB", "find"),
            ("a", 3, "det", "DET"),
            ("woman", 1, "dobj", "NOUN"),
            (joint, 1, "punct" if joint == "," else "cc", P if joint == "," else "CCONJ"),
            ("McKinnon", 6, "nsubj", "PROPN"),
            ("told", 1, "conj", "VERB", "tell"),
            ("reporters", 6, "dobj", "NOUN", "reporter"),
            (".", 6, "punct", P),
        ],
        ents=[(5, 6, "PERSON")],
    )
    quotes = [q for q in extract_doc(doc) if q.content == "Officers found a woman"]
    assert [summary(q) for q in quotes] == (
        [("indirect", "Officers found a woman", "told", "McKinnon")] if found else []
    )


@pytest.mark.parametrize(("prep", "found"), [("at", True), ("to", False)])
def test_only_a_setting_phrase_hands_its_nouns_clause_to_the_cue(prep: str, found: bool) -> None:
    """ "Smith spoke at a rally that the firm would cut jobs." parsed with the clause on
    "rally": a phrase of where hands the clause to the cue; "Smith spoke to reports that the
    firm would cut jobs": the clause is what the reports say, not Smith."""
    doc = build_doc(
        f"Smith spoke {prep} a rally that the firm would cut jobs.",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("spoke", 1, "ROOT", "VERB", "speak"),
            (prep, 1, "prep", "ADP"),
            ("a", 4, "det", "DET"),
            ("rally", 2, "pobj", "NOUN"),
            ("that", 9, "mark", "SCONJ"),
            ("the", 7, "det", "DET"),
            ("firm", 9, "nsubj", "NOUN"),
            ("would", 9, "aux", "AUX"),
            ("cut", 4, "acl", "VERB", "cut"),
            ("jobs", 9, "dobj", "NOUN", "job"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    contents = [q.content for q in extract_doc(doc)]
    assert ("that the firm would cut jobs" in contents) == found


def test_shipped_frames_make_seem_a_cue_of_its_complement() -> None:
    """ "Trump seems to waver." -> a belief with content "to waver" (cue_frames.txt: seem xcomp)
    and no source (sourceless.txt: Trump is what it is about, not who says it); "seem" in no
    frame of its own ("It seems.") is no cue."""
    doc = build_doc(
        "Trump seems to waver.",
        [
            ("Trump", 1, "nsubj", "PROPN"),
            ("seems", 1, "ROOT", "VERB", "seem"),
            ("to", 3, "aux", "PART"),
            ("waver", 1, "xcomp", "VERB"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "to waver", "seems", "")
    assert q.cue is not None and q.cue.category == CueCategory.BELIEF
    bare = build_doc(
        "It seems.",
        [("It", 1, "nsubj", "PRON"), ("seems", 1, "ROOT", "VERB", "seem"), (".", 1, "punct", P)],
    )
    assert extract_doc(bare) == []


def test_a_noun_cue_of_no_one_attributes_nothing() -> None:
    """ "The claim that taxes rose is false.": the clause is the noun's content, but with no
    one in the text whose claim it is, it attributes nothing ("The idea that ...", "In
    response to ..."); a noun cue with only a prepositional complement needs its possessor
    unless it lists the preposition."""
    doc = build_doc(
        "The claim that taxes rose is false.",
        [
            ("The", 1, "det", "DET"),
            ("claim", 5, "nsubj", "NOUN"),
            ("that", 4, "mark", "SCONJ"),
            ("taxes", 4, "nsubj", "NOUN", "tax"),
            ("rose", 1, "acl", "VERB", "rise"),
            ("is", 5, "ROOT", "AUX", "be"),
            ("false", 5, "acomp", "ADJ"),
            (".", 5, "punct", P),
        ],
    )
    assert extract_doc(doc) == []
    prep = build_doc(
        "The criticism of taxes is false.",
        [
            ("The", 1, "det", "DET"),
            ("criticism", 4, "nsubj", "NOUN"),
            ("of", 1, "prep", "ADP"),
            ("taxes", 2, "pobj", "NOUN", "tax"),
            ("is", 4, "ROOT", "AUX", "be"),
            ("false", 4, "acomp", "ADJ"),
            (".", 4, "punct", P),
        ],
    )
    without_preps = Lexicons.default().extended(nouns={"criticism": "speech"})
    assert extract_doc(prep, without_preps) == []


def test_a_cue_with_a_complement_of_its_own_does_not_report_its_governor() -> None:
    """ "Ford defends the plan as critics warn of delays.": the critics warn of delays; they
    do not report that Ford defends the plan (with no complement they would: "The plan
    fails, as critics warn")."""
    doc = build_doc(
        "Ford defends the plan as critics warn of delays.",
        [
            ("Ford", 1, "nsubj", "PROPN"),
            ("defends", 1, "ROOT", "VERB", "defend"),
            ("the", 3, "det", "DET"),
            ("plan", 1, "dobj", "NOUN"),
            ("as", 6, "mark", "SCONJ"),
            ("critics", 6, "nsubj", "NOUN", "critic"),
            ("warn", 1, "advcl", "VERB"),
            ("of", 6, "prep", "ADP"),
            ("delays", 7, "pobj", "NOUN", "delay"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    warned = [summary(q) for q in extract_doc(doc) if q.cue is not None and q.cue.text == "warn"]
    assert warned == [("indirect", "of delays", "warn", "critics")]


def test_a_cue_verb_in_the_clause_of_another_is_not_fronted() -> None:
    """ "A spokesman said the agency does not comment." -> what the spokesman said: "comment"
    is the clause "said" takes, not a cue after fronted content (no comma sets it off)."""
    doc = build_doc(
        "A spokesman said the agency does not comment.",
        [
            ("A", 1, "det", "DET"),
            ("spokesman", 2, "nsubj", "NOUN"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("the", 4, "det", "DET"),
            ("agency", 7, "nsubj", "NOUN"),
            ("does", 7, "aux", "AUX", "do"),
            ("not", 7, "neg", "PART"),
            ("comment", 2, "ccomp", "VERB"),
            (".", 2, "punct", P),
        ],
    )
    assert summary(only(doc)) == ("indirect", "the agency does not comment", "said", "A spokesman")


def test_noun_preposition_listed_for_the_noun_needs_no_possessor() -> None:
    """ "Opposition to the bill from Democrats grew." -> "the bill" once "opposition" lists
    "to"; the source is after "from"."""
    doc = build_doc(
        "Opposition to the bill from Democrats grew.",
        [
            ("Opposition", 6, "nsubj", "NOUN"),
            ("to", 0, "prep", "ADP"),
            ("the", 3, "det", "DET"),
            ("bill", 1, "pobj", "NOUN"),
            ("from", 0, "prep", "ADP"),
            ("Democrats", 4, "pobj", "PROPN", "Democrats"),
            ("grew", 6, "ROOT", "VERB", "grow"),
            (".", 6, "punct", P),
        ],
        ents=[(5, 6, "NORP")],
    )
    lex = Lexicons.default().extended(nouns={"opposition": "belief"})
    assert extract_doc(doc, lex) == []
    q = only(doc, lex.extended(nouns={"opposition": "belief prep:to"}))
    assert summary(q) == ("indirect", "the bill", "Opposition", "Democrats")


def test_noun_cue_source_after_from() -> None:
    """ "Allies heard the call from Trump to act." -> Trump's call, not the allies'."""
    doc = build_doc(
        "Allies heard the call from Trump to act.",
        [
            ("Allies", 1, "nsubj", "NOUN", "ally"),
            ("heard", 1, "ROOT", "VERB", "hear"),
            ("the", 3, "det", "DET"),
            ("call", 1, "dobj", "NOUN"),
            ("from", 3, "prep", "ADP"),
            ("Trump", 4, "pobj", "PROPN", "Trump"),
            ("to", 7, "aux", "PART"),
            ("act", 3, "acl", "VERB"),
            (".", 1, "punct", P),
        ],
        ents=[(5, 6, "PERSON")],
    )
    assert summary(only(doc)) == ("indirect", "to act", "call", "Trump")


def _tagged(doc: Any, tags: dict[int, str]) -> Any:
    """The doc with some fine tags set by hand (build_doc derives them from the POS)."""
    for i, tag in tags.items():
        doc[i].tag_ = tag
    return doc


def test_next_act_hung_on_the_clause_is_its_own_cue() -> None:
    """Smith said he makes money and questioned how it works: two acts of Smith's."""
    doc = build_doc(
        "Smith said he makes money and questioned how it works.",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("he", 3, "nsubj", "PRON"),
            ("makes", 1, "ccomp", "VERB", "make"),
            ("money", 3, "dobj", "NOUN"),
            ("and", 3, "cc", "CCONJ"),
            ("questioned", 3, "conj", "VERB", "question"),
            ("how", 9, "advmod", "SCONJ"),
            ("it", 9, "nsubj", "PRON"),
            ("works", 6, "ccomp", "VERB", "work"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    quotes = extract_doc(_tagged(doc, {3: "VBZ", 9: "VBZ"}))
    assert [summary(q) for q in quotes] == [
        ("indirect", "he makes money", "said", "Smith"),
        ("indirect", "how it works", "questioned", "Smith"),
    ]


def test_a_quote_the_speakers_next_act_governs_is_the_speakers() -> None:
    """ "Ed said the city failed, adding that “taxpayers deserve better.”": the parser hung
    "adding" on the reported clause; the quotation it governs is Ed's, not the city's."""
    doc = build_doc(
        "Ed said the city failed, adding that “taxpayers deserve better.”",
        [
            ("Ed", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("the", 3, "det", "DET"),
            ("city", 4, "nsubj", "NOUN"),
            ("failed", 1, "ccomp", "VERB", "fail"),
            (",", 4, "punct", P),
            ("adding", 4, "advcl", "VERB", "add"),
            ("that", 10, "mark", "SCONJ"),
            ("“", 10, "punct", P),
            ("taxpayers", 10, "nsubj", "NOUN", "taxpayer"),
            ("deserve", 6, "ccomp", "VERB"),
            ("better", 10, "advmod", "ADV"),
            (".", 1, "punct", P),
            ("”", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON")],
    )
    doc[6].tag_ = "VBG"
    quoted = [q for q in extract_doc(doc) if q.cue is not None and q.cue.text == "adding"]
    assert [(q.text, q.speaker.mention.text if q.speaker else None) for q in quoted] == [
        ("“taxpayers deserve better.”", "Ed")
    ]


def test_next_act_in_the_clauses_tense_with_a_clause_of_its_own() -> None:
    """Smith said Jones was wrong and noted that it failed: "was" and "noted" share the
    cue's tense, but "noted" reports a clause of its own, so it is Smith's second act."""
    doc = build_doc(
        "Smith said Jones was wrong and noted that it failed.",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Jones", 3, "nsubj", "PROPN"),
            ("was", 1, "ccomp", "AUX", "be"),
            ("wrong", 3, "acomp", "ADJ"),
            ("and", 3, "cc", "CCONJ"),
            ("noted", 3, "conj", "VERB", "note"),
            ("that", 9, "mark", "SCONJ"),
            ("it", 9, "nsubj", "PRON"),
            ("failed", 6, "ccomp", "VERB", "fail"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
    )
    quotes = extract_doc(_tagged(doc, {1: "VBD", 3: "VBD", 6: "VBD", 9: "VBD"}))
    assert [summary(q) for q in quotes] == [
        ("indirect", "Jones was wrong", "said", "Smith"),
        ("indirect", "that it failed", "noted", "Smith"),
    ]


def test_fronted_clause_parsed_as_the_subject_of_an_inverted_cue() -> None:
    """The deal signals the end, said Smith -> Smith's, though the parser read "signals" as
    a noun and made the clause a first subject of "said"."""
    doc = build_doc(
        "The deal signals the end, said Smith.",
        [
            ("The", 2, "det", "DET"),
            ("deal", 2, "compound", "NOUN"),
            ("signals", 6, "nsubj", "NOUN", "signal"),
            ("the", 4, "det", "DET"),
            ("end", 2, "appos", "NOUN"),
            (",", 6, "punct", P),
            ("said", 6, "ROOT", "VERB", "say"),
            ("Smith", 6, "nsubj", "PROPN"),
            (".", 6, "punct", P),
        ],
        ents=[(7, 8, "PERSON")],
    )
    assert summary(only(doc)) == ("indirect", "The deal signals the end", "said", "Smith")


def test_two_subjects_without_a_comma_are_no_inversion() -> None:
    """In "The deal signals said Smith" (no comma) nothing is fronted: no clause, no quote."""
    doc = build_doc(
        "The deal signals said Smith.",
        [
            ("The", 2, "det", "DET"),
            ("deal", 2, "compound", "NOUN"),
            ("signals", 3, "nsubj", "NOUN", "signal"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("Smith", 3, "nsubj", "PROPN"),
            (".", 3, "punct", P),
        ],
        ents=[(4, 5, "PERSON")],
    )
    assert extract_doc(doc) == []


def test_cue_between_commas_reports_a_sentence_parsed_without_a_verb() -> None:
    """The hashtag, Smith said, drew posts -> Smith's, though the parser made "drew" an
    adjective and the sentence a noun phrase with the cue hung on it."""
    doc = build_doc(
        "The hashtag, Smith said, drew posts.",
        [
            ("The", 1, "det", "DET"),
            ("hashtag", 1, "ROOT", "NOUN"),
            (",", 4, "punct", P),
            ("Smith", 4, "nsubj", "PROPN"),
            ("said", 1, "parataxis", "VERB", "say"),
            (",", 4, "punct", P),
            ("drew", 7, "amod", "ADJ", "draw"),
            ("posts", 1, "appos", "NOUN", "post"),
            (".", 1, "punct", P),
        ],
        ents=[(3, 4, "PERSON")],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "The hashtag drew posts", "said", "Smith")
    assert q.parts == ((0, 11), (25, 35))
    # Not set off by commas, a cue hung on a noun reports nothing: "The hashtag Smith said".
    bare = build_doc(
        "The hashtag Smith said.",
        [
            ("The", 1, "det", "DET"),
            ("hashtag", 1, "ROOT", "NOUN"),
            ("Smith", 3, "nsubj", "PROPN"),
            ("said", 1, "parataxis", "VERB", "say"),
            (".", 1, "punct", P),
        ],
        ents=[(2, 3, "PERSON")],
    )
    assert extract_doc(bare) == []


def test_conjunct_in_the_clauses_own_form_stays_in_it() -> None:
    """Smith said Jones won and told stories: "told" is Jones's, in the reported clause."""
    doc = build_doc(
        "Smith said Jones won and told stories.",
        [
            ("Smith", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Jones", 3, "nsubj", "PROPN"),
            ("won", 1, "ccomp", "VERB", "win"),
            ("and", 3, "cc", "CCONJ"),
            ("told", 3, "conj", "VERB", "tell"),
            ("stories", 5, "dobj", "NOUN", "story"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
    )
    said = [q for q in extract_doc(doc) if q.cue is not None and q.cue.text == "said"]
    assert [summary(q) for q in said] == [
        ("indirect", "Jones won and told stories", "said", "Smith")
    ]


def test_participle_set_off_after_the_clause_is_the_speakers() -> None:
    """Cruz said Trump is wrong, adding that he lies: "adding" is Cruz's second act."""
    doc = build_doc(
        "Cruz said Trump is wrong, adding that he lies.",
        [
            ("Cruz", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Trump", 3, "nsubj", "PROPN"),
            ("is", 1, "ccomp", "AUX", "be"),
            ("wrong", 3, "acomp", "ADJ"),
            (",", 3, "punct", P),
            ("adding", 3, "advcl", "VERB", "add"),
            ("that", 9, "mark", "SCONJ"),
            ("he", 9, "nsubj", "PRON"),
            ("lies", 6, "ccomp", "VERB", "lie"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")],
    )
    quotes = extract_doc(_tagged(doc, {3: "VBZ", 6: "VBG", 9: "VBZ"}))
    assert [summary(q) for q in quotes] == [
        ("indirect", "Trump is wrong", "said", "Cruz"),
        ("indirect", "that he lies", "adding", "Cruz"),
    ]


# The parser sometimes leaves a cue without a subject; then the speaker is read from the
# words before the cue. Each Doc below is parsed that way on purpose.


def test_unattached_speaker_is_the_person_named_before_the_cue() -> None:
    """At a rally in Ohio, Brenda Johnson said taxes were high. with Johnson parsed as an
    object of "in": the person named, not the rally."""
    doc = build_doc(
        "At a rally in Ohio, Brenda Johnson said taxes were high.",
        [
            ("At", 8, "prep", "ADP"),
            ("a", 2, "det", "DET"),
            ("rally", 0, "pobj", "NOUN"),
            ("in", 2, "prep", "ADP"),
            ("Ohio", 3, "pobj", "PROPN"),
            (",", 4, "punct", P),
            ("Brenda", 7, "compound", "PROPN"),
            ("Johnson", 3, "pobj", "PROPN"),
            ("said", 8, "ROOT", "VERB", "say"),
            ("taxes", 10, "nsubj", "NOUN", "tax"),
            ("were", 8, "ccomp", "AUX", "be"),
            ("high", 10, "acomp", "ADJ"),
            (".", 8, "punct", P),
        ],
        ents=[(4, 5, "GPE"), (6, 8, "PERSON")],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "taxes were high", "said", "Brenda Johnson")


def test_unattached_speaker_is_not_a_fronted_phrase() -> None:
    """After the vote, aides said the bill was dead. with "aides" parsed as an apposition of
    "vote": the phrase before the comma sets the scene; the speaker comes after it."""
    doc = build_doc(
        "After the vote, aides said the bill was dead.",
        [
            ("After", 5, "prep", "ADP"),
            ("the", 2, "det", "DET"),
            ("vote", 0, "pobj", "NOUN"),
            (",", 2, "punct", P),
            ("aides", 2, "appos", "NOUN", "aide"),
            ("said", 5, "ROOT", "VERB", "say"),
            ("the", 7, "det", "DET"),
            ("bill", 8, "nsubj", "NOUN"),
            ("was", 5, "ccomp", "AUX", "be"),
            ("dead", 8, "acomp", "ADJ"),
            (".", 5, "punct", P),
        ],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "the bill was dead", "said", "aides")


def test_unattached_speaker_is_not_a_date() -> None:
    """Tuesday officials said the bill was dead. with both nouns parsed as adverbs: "Tuesday"
    says when, "officials" who."""
    doc = build_doc(
        "Tuesday officials said the bill was dead.",
        [
            ("Tuesday", 2, "npadvmod", "PROPN"),
            ("officials", 2, "npadvmod", "NOUN", "official"),
            ("said", 2, "ROOT", "VERB", "say"),
            ("the", 4, "det", "DET"),
            ("bill", 5, "nsubj", "NOUN"),
            ("was", 2, "ccomp", "AUX", "be"),
            ("dead", 5, "acomp", "ADJ"),
            (".", 2, "punct", P),
        ],
        ents=[(0, 1, "DATE")],
    )
    q = only(doc)
    assert summary(q) == ("indirect", "the bill was dead", "said", "officials")


def _see_doc(words: list[tuple[str, int, str, str]]) -> Any:
    text = " ".join(w for w, _, _, _ in words[:-1]) + "."
    return build_doc(text, [(w, h, d, pos) for w, h, d, pos in words])


def test_a_verb_of_quotations_only_reports_in_its_frame() -> None:
    """Developers see golf courses as wasted space. -> "see X as Y" is a belief (its frame
    "prep:as"), though "see" alone introduces quotations only."""
    doc = _see_doc(
        [
            ("Developers", 1, "nsubj", "NOUN"),
            ("see", 1, "ROOT", "VERB"),
            ("golf", 3, "compound", "NOUN"),
            ("courses", 1, "dobj", "NOUN"),
            ("as", 1, "prep", "ADP"),
            ("wasted", 6, "amod", "ADJ"),
            ("space", 4, "pobj", "NOUN"),
            (".", 1, "punct", P),
        ]
    )
    q = only(doc)
    assert summary(q) == ("indirect", "golf courses as wasted space", "see", "Developers")
    assert q.cue is not None and q.cue.category == CueCategory.BELIEF


def test_a_verb_of_quotations_only_reports_nothing_outside_its_frame() -> None:
    """Developers see the point. -> no attribution: "see" takes no object as a cue."""
    doc = _see_doc(
        [
            ("Developers", 1, "nsubj", "NOUN"),
            ("see", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("point", 1, "dobj", "NOUN"),
            (".", 1, "punct", P),
        ]
    )
    assert extract_doc(doc) == []


def _in_doc(noun: str, tag_plural: bool) -> Any:
    """ "Clinton leads in a CNN NOUN." parsed as the model does."""
    doc = build_doc(
        f"Clinton leads in a CNN {noun}.",
        [
            ("Clinton", 1, "nsubj", "PROPN"),
            ("leads", 1, "ROOT", "VERB", "lead"),
            ("in", 1, "prep", "ADP"),
            ("a", 5, "det", "DET"),
            ("CNN", 5, "compound", "PROPN"),
            (noun, 2, "pobj", "NOUN", noun.rstrip("s")),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "ORG")],
    )
    if tag_plural:
        doc[5].tag_ = "NNS"
    return doc


def test_a_surveys_in_phrase_names_the_source() -> None:
    """Clinton leads in a CNN poll. -> the clause the phrase modifies, reported by the poll."""
    q = only(_in_doc("poll", tag_plural=False))
    assert summary(q) == ("indirect", "Clinton leads", "in", "a CNN poll")
    assert q.rule == Rule.ACCORDING
    assert q.cue is not None and q.cue.category == CueCategory.REPORT


@pytest.mark.parametrize(
    ("noun", "plural", "why"),
    [
        ("polls", True, "polls in the plural tell how a race stands"),
        ("letter", False, "a letter is no survey: its writer's verb is the cue"),
    ],
)
def test_an_in_phrase_of_no_single_survey_names_no_source(
    noun: str, plural: bool, why: str
) -> None:
    """Clinton leads in the CNN polls / in a CNN letter: no attribution."""
    assert extract_doc(_in_doc(noun, tag_plural=plural)) == [], why


def _run_on(comma: bool, second: str, lemma: str) -> Any:
    """ "Diplomats said France was open[,] and Paris SECOND." with the second clause hung on
    "said", as the small model often hangs it."""
    rows: list[tuple[Any, ...]] = [
        ("Diplomats", 1, "nsubj", "NOUN", "diplomat"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("France", 3, "nsubj", "PROPN"),
        ("was", 1, "ccomp", "AUX", "be"),
        ("open", 3, "acomp", "ADJ"),
    ]
    if comma:
        rows.append((",", 1, "punct", P))
    n = len(rows)
    rows += [
        ("and", 1, "cc", "CCONJ"),
        ("Paris", n + 2, "nsubj", "PROPN"),
        (second, 1, "conj", "VERB", lemma),
        (".", 1, "punct", P),
    ]
    return build_doc(
        "Diplomats said France was open" + ("," if comma else "") + f" and Paris {second}.",
        rows,
        ents=[(2, 3, "GPE"), (n + 1, n + 2, "GPE")],
    )


@pytest.mark.parametrize(
    ("comma", "second", "lemma", "content"),
    [
        (False, "waited", "wait", "France was open and Paris waited"),
        (True, "waited", "wait", "France was open"),  # ", and": the reporter's again
        (False, "denied", "deny", "France was open"),  # a cue: its own attribution
    ],
)
def test_a_clause_joined_to_the_cue_by_and_is_reported_too(
    comma: bool, second: str, lemma: str, content: str
) -> None:
    """ "Hannity says Gingrich is a friend and it's his business": the parser hangs the
    second clause on the cue; with "and" and no comma it is what was said too."""
    q = extract_doc(_run_on(comma, second, lemma))[0]
    assert q.content == content


def _split(subject: bool) -> Any:
    """ "Kerry said the Iranians released by America were [they] close to release." with the
    clause split in two, each half hung on "said", as the small model split it."""
    rows: list[tuple[Any, ...]] = [
        ("Kerry", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("the", 3, "det", "DET"),
        ("Iranians", 4, "nsubj", "PROPN", "iranians"),
        ("released", 1, "ccomp", "VERB", "release"),
        ("by", 4, "agent", "ADP"),
        ("America", 5, "pobj", "PROPN"),
    ]
    n = len(rows)
    if subject:
        rows.append(("they", n + 1, "nsubj", "PRON"))
    at = len(rows)
    rows += [
        ("were", 1, "ccomp", "AUX", "be"),
        ("close", at, "acomp", "ADJ"),
        ("to", at + 1, "prep", "ADP"),
        ("release", at + 2, "pobj", "NOUN"),
        (".", 1, "punct", P),
    ]
    words = " ".join(str(r[0]) for r in rows[:-1])
    return build_doc(f"{words}.", rows, ents=[(0, 1, "PERSON"), (6, 7, "GPE")])


@pytest.mark.parametrize(
    ("subject", "content"),
    [
        (False, "the Iranians released by America were close to release"),
        # a subject of its own: a clause of its own, not the rest of the first
        (True, "the Iranians released by America"),
    ],
)
def test_a_reported_clause_split_in_two_by_the_parser_is_one_content(
    subject: bool, content: str
) -> None:
    """ "Kerry said the Iranians released by the United States were in some cases close to
    completing their sentences": the parser hung "released ..." and "were ..." on "said" as
    two clauses; the second, with no subject of its own, goes on with the first."""
    q = extract_doc(_split(subject))[0]
    assert q.content == content


def _said_that_quote(after: bool) -> Any:
    """'Ryan said that “we need data” [about the FBI].': the clause opens with "that"
    outside the quote marks; its verb is inside them."""
    rows: list[tuple[Any, ...]] = [
        ("Ryan", 1, "nsubj", "PROPN"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("that", 5, "mark", "SCONJ"),
        ("“", 5, "punct", P),
        ("we", 5, "nsubj", "PRON"),
        ("need", 1, "ccomp", "VERB", "need"),
        ("data", 5, "dobj", "NOUN"),
        ("”", 5, "punct", P),
    ]
    if after:
        rows += [
            ("about", 5, "prep", "ADP"),
            ("the", 10, "det", "DET"),
            ("FBI", 8, "pobj", "PROPN"),
        ]
    rows.append((".", 1, "punct", P))
    text = "Ryan said that “we need data”" + (" about the FBI" if after else "") + "."
    return build_doc(text, rows, ents=[(0, 1, "PERSON")])


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (True, [("mixed", "that “we need data” about the FBI", "said", "Ryan")]),
        # The clause is mostly the quotation: the direct quote alone.
        (False, [("direct", "“we need data”", "said", "Ryan")]),
    ],
)
def test_a_that_clause_around_a_quotation_is_a_mixed_quote(
    after: bool, expected: list[tuple[str, str, str, str]]
) -> None:
    """'Ryan said that “we need data” about the FBI': what Ryan said is the that-clause, with
    the quotation mixed into it, not the quotation alone."""
    assert [summary(q) for q in extract_doc(_said_that_quote(after))] == expected


def _called_for(tag: str) -> Any:
    """ "Trump called for Obama to resign." with "for" the mark of the clause, as the small
    model parses it; ``tag`` the clause verb's fine tag."""
    doc = build_doc(
        "Trump called for Obama to resign.",
        [
            ("Trump", 1, "nsubj", "PROPN"),
            ("called", 1, "ROOT", "VERB", "call"),
            ("for", 5, "mark", "SCONJ"),
            ("Obama", 5, "nsubj", "PROPN"),
            ("to", 5, "aux", "PART"),
            ("resign", 1, "advcl", "VERB", "resign"),
            (".", 1, "punct", P),
        ],
        ents=[(0, 1, "PERSON"), (3, 4, "PERSON")],
    )
    doc[5].tag_ = tag
    return doc


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("VB", [("indirect", "for Obama to resign", "called", "Trump")]),
        ("VBD", []),  # a clause with a tense says when ("as he accepted"), not what
    ],
)
def test_a_frames_preposition_may_open_a_clause(
    tag: str, expected: list[tuple[str, str, str, str]]
) -> None:
    """ "call for" is a frame of "call": its "for" may open an infinitive clause, which the
    parser hangs on the verb as an adverbial clause marked by "for"."""
    assert [summary(q) for q in extract_doc(_called_for(tag))] == expected
