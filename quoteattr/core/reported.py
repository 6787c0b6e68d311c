"""Reported speech, claims and beliefs: a cue with the clause it governs.

Most attributions in news carry no quote marks: "diplomats said France and Germany were
showing more openness", "Turkey will need to be convinced, the diplomats said", "according to
officials, the talks failed". The content is found from the parse, by the cue's relation to it:

- ``ccomp``: the cue's clausal complement ("said (that) X", "told reporters X");
- ``fronted``: the content clause comes first and the cue hangs from it ("X, the diplomats
  said"; "X, he said, Y" gives two parts);
- ``according``: "according to Y, X" and "X, according to Y": the clause the phrase modifies;
  so does a survey's "in" phrase ("In a CNN poll, 31% said ...", "X leads in the latest poll"),
  whose survey is the source (nouns of surveys are data: ``lexicons/surveys.txt``);
- ``xcomp``: an infinitival complement of a verb of asking, urging, promising or intending
  ("urged the allies to act", "plans to run"), with the object when there is one;
- ``prep``: a prepositional object of a verb of accusing, warning, arguing or talking
  ("accused him of lying", "warned of attacks", "called for a ban");
- ``object``: the direct object of a verb of stance or speech ("called the plan “a disaster”").

Which verbs take which of the last three, and which verbs are cues in those frames only ("seems
to", "responded to"), is data: ``lexicons/cue_frames.txt``.
- ``noun``: a noun cue with its ``that``-clause ("the claim that X", "his belief that X").

Content inside a direct quote is never searched: a quotation's own verbs ("“I said no”") are
the speaker's words, not the reporter's attribution.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Collection, Iterable, Mapping, Sequence

import attrs
import numpy as np
from spacy.attrs import HEAD, LEMMA, LOWER, POS
from spacy.parts_of_speech import ADJ, NOUN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..model import CueCategory, QuoteKind, Rule
from ..model.kinds import SAID_CATEGORIES
from .cues import DASHES, NOUN_LEMMA, VERB_LEMMA, CueMatch, verb_lemma
from .findings import Finding
from .layout import Layout, Ranges, any_equal
from .lexicon import Lexicons
from .marks import MarkedQuote
from .mentions import inverted_subjects, label_names, speaker_of_cue
from .nesting import marked_ranges, mostly_quoted, snap

__all__ = ["Reported", "find_reported", "reported_findings"]

# Prepositions whose object is the content of a noun or adjective cue.
_CONTENT_PREPS = frozenset({"of", "about", "for", "on", "over", "against", "to", "with", "that"})

# Quote marks stay: a mixed quote's content ends with its fragment's closing mark.
_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "‘", "’", "'", "«", "»", "‹", "›", "„"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Verb forms with no tense: an infinitive ("to resign") and the participles.
_NON_FINITE = frozenset({"VB", "VBG", "VBN"})
# Subordinators that make a clause a time, condition or reason rather than an attribution.
_NOT_ATTRIBUTING = frozenset(
    {"when", "if", "while", "after", "before", "because", "since", "until", "although",
     "though", "whether", "once", "unless", "whenever"}
)  # fmt: skip
# A cue with an object of its own ("said a prayer", "spoke to reporters") is not the bare
# attribution of a fronted clause.
_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})
_ACCORDING = np.uint64(get_string_id("according"))
_IN = np.uint64(get_string_id("in"))


@attrs.define
class Reported:
    """A reported-speech attribution before it becomes a Quote: token ranges and the rule."""

    cue: CueMatch
    content: list[tuple[int, int]]
    rule: Rule
    # The cue whose speaker this one shares, for a speaker's next act that the parser hung
    # on the clause of the first ("said he makes $41,000 a year and questioned how ...").
    speaker_cue: CueMatch | None = None


def _runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted token indices -> maximal contiguous ``[start, end)`` runs."""
    runs: list[tuple[int, int]] = []
    for i in sorted(indices):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _trimmable(tok: Token) -> bool:
    """Edge tokens that belong to the sentence, not the content: punctuation and space."""
    return tok.is_space or (tok.is_punct and tok.text not in _QUOTE_MARKS)


def _trim_runs(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drops edge punctuation and whitespace from each run, and empty runs."""
    out = []
    for s, e in runs:
        while s < e and _trimmable(doc[s]):
            s += 1
        while e > s and _trimmable(doc[e - 1]):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _run_on(
    layout: Layout,
    v: Token,
    clause: Token,
    children: list[tuple[Token, str]],
    verbs: Mapping[str, CueCategory],
) -> set[int]:
    """A second clause the parser hung on the cue instead of on the reported clause: in
    "Hannity says Gingrich is a close friend and it's his business what he does", the
    clause after "and" is Hannity's too. Only with no comma before the "and" (", and" often
    returns to the reporter) and a subject of its own, and not a cue verb (the speaker's
    next act: "said X and denied Y")."""
    doc = v.doc
    for child, dep in children:
        if dep != "conj" or child.i <= clause.i or child.pos_ not in {"VERB", "AUX"}:
            continue
        if verbs.get(verb_lemma(child)) is not None:
            return set()
        if not any(c.dep_ in _SUBJ for c in child.children):
            return set()
        cc = [c for c, d in children if d == "cc" and clause.i < c.i < child.i]
        if len(cc) != 1 or cc[0].lower_ != "and" or doc[cc[0].i - 1].is_punct:
            return set()
        return {cc[0].i} | layout.subtree(child.i)
    return set()


def _clause_modifiers(
    layout: Layout,
    v: Token,
    clause: Token,
    children: list[tuple[Token, str]],
    verbs: Mapping[str, CueCategory],
) -> set[int]:
    """A clause of why, when or while that the parser hung on the cue instead of on the
    reported clause before it: in "Fitton charged that Clinton hid the documents because
    they contradicted her pledge" and "the survey found that 449 back Clinton, while only 19
    support Sanders", the reason and the contrast are the report's. Not a cue of its own
    (the speaker's next act), a participle ("..., citing a memo": the speaker's doing), the
    attribution "according to ...", nor a clause after a dash, the writer's aside ("aides
    say he will run - though it is unclear whether ...")."""
    doc = v.doc
    tokens: set[int] = set()
    for child, dep in children:
        if dep != "advcl" or child.i <= clause.i or child.tag_ == "VBG":
            continue
        if child.lower_ == "according" or verbs.get(verb_lemma(child)) is not None:
            continue
        before = child.left_edge.i - 1
        if before >= 0 and doc[before].text in DASHES:
            continue
        tokens |= layout.subtree(child.i)
    return tokens


def _split_clause(layout: Layout, clause: Token, children: list[tuple[Token, str]]) -> set[int]:
    """The rest of a reported clause that the parser split in two: in "Kerry said the
    Iranians released by the United States were in some cases close to completing their
    sentences" and "voters say they don't yet know enough", it hung "released ..." and
    "were ...", "do" and "n't yet know ...", on the cue as two clauses side by side. A
    second clause of the cue that starts where the first ends, with no subject of its own
    (the subject stayed in the first), goes on with it; one with a subject is a clause of
    its own ("said the party doesn't care and one in four said ...")."""
    end = clause.right_edge.i
    tokens: set[int] = set()
    for c, dep in children:
        if dep != "ccomp" or c.i <= clause.i:
            continue
        if c.left_edge.i != end + 1 or any(g.dep_ in _SUBJ for g in c.children):
            break
        tokens |= layout.subtree(c.i)
        end = c.right_edge.i
    return tokens


def _introduced_outside(clause: Token, quoted: Ranges) -> bool:
    """Whether a clause whose verb is inside quote marks opens with a "that" outside them:
    in 'Ryan said that “we need more information” about how the FBI came to it', what Ryan
    said is the clause, a quote mixed into it, not the quotation alone. Reported findings
    mostly quoted are dropped later ('He said that “we will win.”' stays a direct quote)."""
    return any(
        c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i and not quoted.holds(c.idx)
        for c in clause.children
    )


def _parenthetical(v: Token) -> bool:
    """Whether the phrase of ``v`` is set off by commas on both sides, in a sentence the
    parser left without a verb: in "The hashtag #RechercheParis, Mr. Abboud said, accompanied
    descriptions of loved ones", "accompanied" became an adjective and the sentence a noun
    phrase; the cue between the commas still reports it."""
    doc = v.doc
    i, j = v.left_edge.i, v.right_edge.i
    # the parser hangs either comma on the cue or on the phrase around it
    i -= doc[i].text != ","
    j += doc[j].text != ","
    return v.dep_ == "parataxis" and i >= 0 and j < len(doc) and doc[i].text == doc[j].text == ","


def _set_off(v: Token) -> bool:
    """Whether punctuation comes just before the phrase of ``v``."""
    i = v.left_edge.i - 1
    return i >= 0 and v.doc[i].is_punct


def _next_cues(
    layout: Layout, v: Token, clause: Token, verbs: Mapping[str, CueCategory], handed: list[int]
) -> set[int]:
    """Tokens of the clause that are the speaker's next act, not what the cue reports.

    The parser often hangs the speaker's second verb on the reported clause: in "Brownell
    said he makes $41,000 a year and questioned how ..." and "Cruz said that Trump represents
    'New York values,' stating that ...", "questioned" and "stating" are Brownell's and Cruz's
    acts. Such a verb is a speech or writing cue without a subject of its own: a participle
    set off by a comma, or a conjunct in the cue's own form ("said" ... "questioned") where
    the clause's verb has another ("makes"). The cut leaves it to be found as its own cue,
    whose index goes to ``handed`` so that it takes the speaker of ``v``.
    """
    cut: set[int] = set()
    for child in clause.children:
        if child.i < v.i or child.pos_ != "VERB":
            continue
        if verbs.get(verb_lemma(child)) not in SAID_CATEGORIES:
            continue
        if any(c.dep_ in _SUBJ for c in child.children):
            continue
        participle = child.dep_ == "advcl" and child.tag_ == "VBG" and _set_off(child)
        conjunct = child.dep_ == "conj" and child.tag_ == v.tag_
        # "said he was focused on the platform and noted that ...": in the cue's tense
        # like the clause's verb, so only a second act with a clause of its own.
        if conjunct and clause.tag_ == v.tag_:
            conjunct = any(c.dep_ == "ccomp" for c in child.children)
        if participle or conjunct:
            handed.append(child.i)
            cut |= layout.subtree(child.i)
            # the "and" that joins it goes with it
            cut |= {c.i for c in clause.children if c.dep_ == "cc" and c.i < child.i}
    return cut


def _content_of(
    layout: Layout,
    v: Token,
    category: CueCategory | None,
    quoted: Ranges,
    frames: Mapping[str, CueCategory],
    verbs: Mapping[str, CueCategory],
    handed: list[int],
) -> tuple[set[int], Rule, CueCategory] | None:
    """The content tokens of the verb cue ``v``, the rule that found them and their category.

    ``category`` is the verb's category as a cue verb, or None for a verb that is a cue only
    in its ``frames``; ``verbs`` are the cue verbs with their categories. The cues of the
    speaker's next acts cut from the content go to ``handed`` (see ``_next_cues``).
    """
    # A cue can govern two clauses: the quotation before it and the paraphrase after it
    # ("“I'm done,” Obama said, adding he expected ..."): the one outside the quote marks,
    # and after the cue when both are.
    # The cue's children with their relations, read once: each read of v.children makes
    # its Token objects again, and the rules below look at them up to six times.
    children = [(c, c.dep_) for c in v.children]
    ccomp = category if category is not None else frames.get("ccomp")
    if ccomp is not None:
        clauses = [
            c
            for c, dep in children
            if dep == "ccomp" and (not quoted.holds(c.idx) or _introduced_outside(c, quoted))
        ]
        if category is None:
            clauses = [c for c in clauses if c.i > v.i]
        # "Critics have praised its restraint; Variety called it ...": a semicolon ends a
        # sentence's clause; the one before it is no one's report
        clauses = [
            c
            for c in clauses
            if c.i > v.i or all(t.text != ";" for t in v.doc[c.right_edge.i + 1 : v.i])
        ]
        if clauses:
            after = [c for c in clauses if c.i > v.i]
            clause = (after or clauses)[0]
            cut = _next_cues(layout, v, clause, verbs, handed)
            tokens = layout.subtree(clause.i) - cut
            if clause.i > v.i:
                tokens |= _split_clause(layout, clause, children)
                tokens |= _run_on(layout, v, clause, children, verbs)
                tokens |= _clause_modifiers(layout, v, clause, children, verbs)
            return tokens, Rule.CCOMP, ccomp
    worded = _worded_clause(v, children, frames)
    if worded is not None:
        return layout.subtree(worded[0].i), Rule.CCOMP, worded[1]
    if category in SAID_CATEGORIES:
        held = _clause_in_phrase(v, children)
        if held is not None:
            return layout.subtree(held.i), Rule.CCOMP, category
        inverted = inverted_subjects(v)
        if inverted is not None:
            return layout.subtree(inverted[0].i), Rule.FRONTED, category
    # "Turkey will need to be convinced, the diplomats said": the cue hangs from the content.
    head = v.head
    if (
        category in SAID_CATEGORIES
        and v.dep_ in {"parataxis", "ccomp", "advcl"}
        and head.i != v.i
        and (head.pos_ in {"VERB", "AUX"} or _parenthetical(v))
        and any(dep in _SUBJ for _, dep in children)
        and not any(dep in _OBJECTS for _, dep in children)
        # "defends the plan as critics warn of delays": what the critics warn of is theirs.
        and not any(dep == "prep" and f"prep:{c.lower_}" in frames for c, dep in children)
        # "X said the agency does not comment": a clause its governor takes, not a cue
        # after the content, which a comma or a quote mark sets off.
        and not (v.dep_ == "ccomp" and v.left_edge.i > head.i and not _set_off(v))
        # "when Clinton testified, Gowdy shifted focus" is a time, not an attribution.
        and not any(dep == "mark" and c.lower_ in _NOT_ATTRIBUTING for c, dep in children)
    ):
        tokens = layout.subtree(head.i) - layout.subtree(v.i)
        # A coordinated clause after the cue is the reporter's again: "Facebook created the
        # tool, a spokeswoman said, and it has activated it five times".
        for child in head.children:
            if child.i > v.i and child.dep_ in {"conj", "cc"}:
                tokens -= layout.subtree(child.i)
        return tokens, Rule.FRONTED, category
    if category in SAID_CATEGORIES and _closing_conjunct(v, children):
        # "Officers found a woman with serious injuries, Const. Dani McKinnon told reporters
        # Monday.": the parser made the cue after the comma a conjunct of the clause it
        # reports
        return (
            layout.subtree(head.i) - layout.subtree(v.i) - {v.left_edge.i - 1},
            Rule.FRONTED,
            category,
        )
    xcomp = frames.get("xcomp")
    if xcomp is not None and any(dep == "xcomp" and c.i > v.i for c, dep in children):
        tokens = _arguments(layout, v, children, verbs)
        return _with_passive_subject(layout, tokens, children), Rule.XCOMP, xcomp
    for child, dep in children:
        prep = frames.get(f"prep:{child.lower_}") if dep == "prep" else None
        if prep is not None and child.n_rights:
            tokens = _arguments(layout, v, children, verbs)
            return _with_passive_subject(layout, tokens, children), Rule.PREP, prep
        if dep == "advcl" and child.i > v.i and child.tag_ in _NON_FINITE:
            # "Trump called for the president to resign", "portrayed Sanders as focused on
            # the economy": the frame's preposition opens a clause with no tense, which the
            # parser hangs on the verb with the preposition as its mark. Not a clause with a
            # tense: "painted a dire portrait as he accepted the nomination" says when.
            opener = child.left_edge
            if opener.dep_ == "mark" and opener.head.i == child.i:
                prep = frames.get(f"prep:{opener.lower_}")
                if prep is not None:
                    tokens = _arguments(layout, v, children, verbs) | layout.subtree(child.i)
                    return tokens, Rule.PREP, prep
    obj = frames.get("object")
    if obj is not None and any(dep in {"dobj", "oprd"} for _, dep in children):
        return _arguments(layout, v, children, verbs), Rule.OBJECT, obj
    if obj is not None and any(dep == "agent" for _, dep in children):
        # The object frame in the passive, with the speaker named by "by": "The meeting was
        # first reported by Politico", "Clinton's position was supported by Sen. Dianne
        # Feinstein" (the agent speaks, as mentions.speaker_of_cue reads it).
        passive = _passive_subject(children)
        if passive is not None:
            return layout.subtree(passive.i), Rule.OBJECT, obj
    if category in SAID_CATEGORIES:
        # "46 percent of voters said yes", "Most of the board said no", "a novel says
        # so": a bare answer after the verb stands for the clause it answers.
        for child, dep in children:
            if (
                dep in _ANSWER_DEPS
                and child.i > v.i
                and child.lower_ in _ANSWERS
                and not child.n_lefts
                and not child.n_rights
            ):
                return {child.i}, Rule.OBJECT, category
    return None


def _passive_subject(children: list[tuple[Token, str]]) -> Token | None:
    """The passive subject among a verb's ``children``, unless a relative pronoun ("which
    was reported by ..."), whose words are its antecedent's."""
    passive = next((c for c, dep in children if dep == "nsubjpass"), None)
    if passive is None or passive.tag_ in _RELATIVE_TAGS:
        return None
    return passive


def _with_passive_subject(
    layout: Layout, tokens: set[int], children: list[tuple[Token, str]]
) -> set[int]:
    """``tokens`` with the verb's passive subject: in the passive, what is said is of it
    ("Delaware and Maryland are widely seen as Clinton strongholds", "Trump was accused of
    breaking the rules", "The Fed is expected to announce ...")."""
    passive = _passive_subject(children)
    if passive is not None:
        tokens |= layout.subtree(passive.i)
    return tokens


def _closing_conjunct(v: Token, children: list[tuple[Token, str]]) -> bool:
    """Whether the cue ``v`` closes its sentence as a conjunct set off by a comma, with a
    subject of its own and no clause or object of its own but an addressee of "tell": "...,
    Const. Dani McKinnon told reporters Monday." (not "Police found the car, and the owner
    said it was stolen": an "and" joins two clauses)."""
    doc = v.doc
    if v.dep_ != "conj" or v.head.i > v.i or not any(dep in _SUBJ for _, dep in children):
        return False
    before = v.left_edge.i - 1
    if before < 0 or doc[before].text != "," or doc[before].head.i not in (v.i, v.head.i):
        return False
    for c, dep in children:
        if dep in {"ccomp", "xcomp", "advcl", "conj", "cc"} and c.i > v.i:
            return False
        if dep in _OBJECTS and verb_lemma(v) != "tell":
            return False
    end = v.right_edge.i + 1
    return end >= len(doc) or doc[end].is_punct or doc[end].is_space


# The prepositions of a cue's setting, whose noun holds no content of its own: "in an
# interview", "at a news conference", "on CNN", "during a debate".
_SETTINGS = frozenset({"in", "at", "on", "during"})


def _clause_in_phrase(v: Token, children: list[tuple[Token, str]]) -> Token | None:
    """The cue's "that" clause, which the parser hung on the noun of a phrase of the cue as a
    clause of that noun: "told reporters in an interview that the company would cut jobs",
    "told supporters at a downtown hotel that the win belonged to ...". "that" opening it as
    a conjunction, with a subject of its own, makes it no relative clause ("in a memo that
    circulated"). Only a phrase of where or when (``_SETTINGS``): in "responded to reports
    that Trump planned ...", the clause is what the reports say, not the speaker."""
    for child, dep in children:
        if dep != "prep" or child.i < v.i or child.lower_ not in _SETTINGS:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            for clause in obj.children:
                if clause.dep_ not in {"acl", "relcl"} or clause.i < obj.i:
                    continue
                grand = [(c.dep_, c.lower_) for c in clause.children]
                if ("mark", "that") in grand and any(d in _SUBJ for d, _ in grand):
                    return clause
    return None


def _worded_clause(
    v: Token, children: list[tuple[Token, str]], frames: Mapping[str, CueCategory]
) -> tuple[Token, CueCategory] | None:
    """The clause of a verb that reports only with a word after it (a ``ccomp:W`` frame),
    and its category: "made clear Monday they have no plans", "made it clear to House
    Democrats that she has their backs" ("make" with "clear"), where the parser hangs the
    clause on the verb or on the word; not "made sure that ...", "made it hard to ..."."""
    doc = v.doc
    after: str | None = None  # the word after the verb, read at the first ccomp:W frame
    at = v.i + 1
    for frame, category in frames.items():
        if not frame.startswith("ccomp:"):
            continue
        if after is None:
            # the word right after the verb, or after its "it": "made clear", "made it clear"
            if at < len(doc) and doc[at].lower_ == "it":
                at += 1
            after = doc[at].lower_ if at < len(doc) else ""
        if at >= len(doc) or after != frame[6:]:
            continue
        hangs = [c for c, dep in children if dep == "ccomp" and c.i > at]
        if not hangs and doc[at].head.i == v.i:
            hangs = [c for c in doc[at].children if c.dep_ in {"ccomp", "advcl"} and c.i > at]
        if hangs:
            return hangs[0], category
    return None


# What follows a verb as its arguments: "criticized him for not doing more", "referred to him
# as a “reformer”", "shows her now in a dead heat". A comma or a coordination ends them; a
# quote mark the parser hangs on the verb does not ('called the announcement "too little,
# too late"'), and goes with the arguments it opens or closes.
_ARGUMENTS = frozenset({"dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "acomp", "attr"})
# After an argument, the verb's modifiers of how, why and when go with it: "criticized him
# harshly because he lied", "embraced the mogul after he clinched the nomination" (news
# annotation counts them as what was said of him); not one that is a cue of its own,
# "criticized the plan before claiming it failed", the speaker's next report.
_MODIFIERS = frozenset({"advcl", "advmod"})

# A bare answer that stands for a clause ("said yes", "says so"), and how the parser hangs it.
_ANSWERS = frozenset({"yes", "no", "so"})
_ANSWER_DEPS = frozenset({"advmod", "intj", "dobj"})

# Fine tags of relative and interrogative pronouns: "which", "that", "who", "what".
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _arguments(
    layout: Layout,
    v: Token,
    children: list[tuple[Token, str]],
    verbs: Mapping[str, CueCategory],
) -> set[int]:
    """``children`` are the cue's children with their relations, as :func:`_content_of`
    read them: its right ones are ``v.rights``, whose Token objects are not made again."""
    tokens: set[int] = set()
    marks = []
    for child, dep in children:
        if child.i < v.i:
            continue
        if dep == "punct" and child.text in _QUOTE_MARKS:
            marks.append(child.i)
            continue
        if dep in {"punct", "cc", "conj"}:
            break
        taken = dep in _MODIFIERS and bool(tokens) and verb_lemma(child) not in verbs
        if taken or dep in _ARGUMENTS:
            tokens |= layout.subtree(child.i)
    if tokens and marks:
        lo, hi = min(tokens) - 1, max(tokens) + 1
        tokens.update(m for m in marks if lo <= m <= hi)
    return tokens


def _according(layout: Layout, m: CueMatch) -> tuple[set[int], Rule] | None:
    """ "according to Y, X" / "X, according to Y": the clause the phrase modifies."""
    acc = layout.doc[m.start]
    head = acc.head
    if head.i == acc.i:
        return None
    while head.dep_ not in {"ROOT", "ccomp", "conj", "parataxis"} and head.head.i != head.i:
        if head.pos_ in {"VERB", "AUX"}:
            break
        head = head.head
    if head.dep_ == "conj" and acc.i > head.i and _closes_sentence(acc):
        # "He was taken to hospital and has since been upgraded to stable, according to
        # police": the phrase that closes the sentence sources all of it, not the last
        # verb the parser hangs it on.
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
    tokens = layout.subtree(head.i) - layout.subtree(acc.i)
    return tokens, Rule.ACCORDING


def _closes_sentence(phrase: Token) -> bool:
    """Whether only punctuation follows ``phrase`` in its sentence."""
    end = phrase.sent.end
    return all(t.is_punct or t.is_space for t in phrase.doc[phrase.right_edge.i + 1 : end])


def _names_a_survey(tok: Token, surveys: Collection[str]) -> bool:
    """Whether the "in" ``tok`` names one survey ("in a new Post-ABC poll"). Polls in the
    plural are how a race stands, rarely a source: "Trump surged in the polls"."""
    return any(
        c.dep_ == "pobj" and c.tag_ != "NNS" and c.lemma_.lower() in surveys for c in tok.children
    )


def _complement(
    layout: Layout, head: Token, preps: Collection[str] = _CONTENT_PREPS
) -> set[int] | None:
    """The clause, or the object of one of ``preps``, that completes a noun or adjective cue."""
    for child in head.children:
        if child.dep_ in {"acl", "ccomp", "xcomp"}:
            return layout.subtree(child.i)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            tokens = layout.subtree(child.i) - {child.i}
            if tokens:
                return tokens
    return None


def _noun_content(
    layout: Layout, noun: Token, preps: frozenset[str], light_verbs: Collection[str]
) -> set[int] | None:
    """ "Trump's criticism of the deal", "X issued a statement on Y": a noun cue's complement
    when it has a possessor or a light verb (``light_verbs``: "issue", "voice"), whose subject
    is the source; "the claim that X", "a plan to cut taxes": its clause, with or without
    them; "support for the bill": the object of one of the noun's ``preps``, with or without
    them."""
    if any(c.dep_ == "poss" for c in noun.children) or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in light_verbs
    ):
        return _complement(layout, noun)
    return _complement(layout, noun, preps)


def _adjective_content(layout: Layout, adj: Token) -> set[int] | None:
    """ "Lawmakers are uneasy about X": an adjective predicated of a subject."""
    if adj.dep_ not in {"acomp", "oprd"} or not any(c.dep_ in _SUBJ for c in adj.head.children):
        return None
    return _complement(layout, adj)


def _label_line(
    doc: Doc, layout: Layout, para: tuple[int, int], not_sources: Collection[str]
) -> Reported | None:
    """ "Marco Rubio: I'm Not Interested In Being Vice President": a headline or transcript
    line that opens with a name and a colon attributes the rest of the paragraph to it,
    unless the label is no source ("Related:", ``not_sources``)."""
    if layout.text.find(":", para[0], para[1]) < 0:
        return None  # no colon token either: most paragraphs, told without reading a token
    tokens = list(layout.tokens_in(para[0], para[1]))
    colon = next((k for k, i in enumerate(tokens[:7]) if doc[tokens[k]].text == ":"), None)
    if colon is None or colon == 0 or len(tokens) - colon < 4:
        return None
    label = [doc[i] for i in tokens[:colon]]
    # A name in capitals the tagger took for a verb ("POLLEY: It means ..." after a "Q:"
    # line) is still a name, where the document names that person.
    if not all(
        t.is_alpha
        and t.text[0].isupper()
        and (t.pos_ in {"PROPN", "NOUN"} or (t.is_upper and t.text.title() in layout.named_words))
        for t in label
    ):
        return None
    if any(t.lower_ in not_sources for t in label) or not label_names(
        label, layout.named_words, layout.repeated_labels
    ):
        return None
    i = tokens[colon]
    cue = CueMatch(i, i + 1, i, ":", CueCategory.SPEECH)
    return Reported(cue, _trim_runs(doc, [(tokens[colon + 1], tokens[-1] + 1)]), Rule.LABEL)


def _candidates(layout: Layout, lexicons: Lexicons) -> list[int]:
    """The tokens that may start a cue, in order: every token :func:`find_reported` would
    find a cue at is among them, most others are not.

    Integer ids compared over ``to_array`` columns, where reading each token's strings
    would create a Token object for each: "according" (the one phrase this stage reads,
    "according to"; another phrase that a cue verb starts, "told reporters", is found by
    its verb), a verb whose lemma is a cue verb or has frames, a noun whose lemma is a noun
    cue, an adjective cue, an "in" whose object is a survey. Each distinct lemma's string is
    read once per lexicon (:meth:`~quoteattr.core.cues.CueLexicon.lemma_kinds`).
    """
    lexicon = lexicons.cues
    lower, lemma, pos = layout.column(LOWER), layout.column(LEMMA), layout.column(POS)
    strings = layout.doc.vocab.strings
    found = set(np.flatnonzero(lower == _ACCORDING).tolist())
    # "in a CNN poll": the "in" whose object is a survey noun, found from the noun, written
    # as its lemma or its plural ("in" is too common a word to read each one's children).
    nouns = np.flatnonzero(any_equal(lower, _survey_forms(lexicons.surveys)))
    if nouns.size:
        relative = np.ascontiguousarray(layout.column(HEAD)[nouns]).view(np.int64)
        found.update(
            head
            for head, word in zip((nouns + relative).tolist(), lemma[nouns].tolist(), strict=True)
            if lower[head] == _IN and strings[word].lower() in lexicons.surveys
        )
    # Verbs and nouns by their lemmas' kinds, asked once per distinct lemma.
    at = np.flatnonzero(any_equal(pos, (VERB, NOUN)))
    if at.size:
        ids, where = np.unique(lemma[at], return_inverse=True)
        kinds = np.array(lexicon.lemma_kinds(ids.tolist(), strings), dtype=np.int64)
        wanted = np.where(pos[at] == VERB, VERB_LEMMA, NOUN_LEMMA)
        found.update(at[(kinds[where] & wanted) != 0].tolist())
    adjectives = np.flatnonzero(pos == ADJ)
    cues = lexicon.adjective_ids
    found.update(
        i for i, word in zip(adjectives.tolist(), lower[adjectives].tolist(), strict=True)
        if word in cues
    )  # fmt: skip
    return sorted(found)


@functools.lru_cache(maxsize=8)
def _survey_forms(surveys: frozenset[str]) -> tuple[int, ...]:
    """The ids of the lower-case forms of the survey nouns, singular and plural."""
    words = sorted(surveys | {word + "s" for word in surveys})
    return tuple(get_string_id(word) for word in words)


def find_reported(
    doc: Doc,
    layout: Layout,
    lexicons: Lexicons,
    quoted: list[tuple[int, int]],
) -> list[Reported]:
    """Finds reported-speech attributions outside the given direct quotes.

    Args:
        doc: the parsed document.
        layout: its layout.
        lexicons: the lexicons (cues, quotation-only verbs, light verbs, label words).
        quoted: character ranges of direct-quote parts; cues inside them are skipped.

    Returns:
        the attributions, in text order of their cues.
    """
    spans = sorted(quoted)
    inside_quotes = Ranges(spans)
    lexicon = lexicons.cues
    excluded = lexicons.quotation_only
    starts = layout.token_starts
    k = 0
    out: list[Reported] = []
    skip_until = -1
    # speaker's next acts (see _next_cues) -> the cue whose speaker they share
    borrowed: dict[int, CueMatch] = {}
    # the content tokens of each verb cue, which a noun after it may not report again
    taken: set[frozenset[int]] = set()
    candidates = _candidates(layout, lexicons)
    # The candidates' lower-case forms and parts of speech as integer ids, from the layout's
    # table: a Token's lower_ and pos_ each make a string for every candidate.
    lowers = layout.column(LOWER)[candidates].tolist()
    tags = layout.column(POS)[candidates].tolist()
    according, in_ = int(_ACCORDING), int(_IN)
    for i, low, pos in zip(candidates, lowers, tags, strict=True):
        if i < skip_until:
            continue
        idx = starts[i]
        while k < len(spans) and spans[k][1] <= idx:
            k += 1
        if k < len(spans) and spans[k][0] <= idx < spans[k][1]:
            continue
        tok = doc[i]
        found: tuple[set[int], Rule] | None = None
        # Only "according to" is a phrase here: "according" is the only word it starts with.
        m = lexicon.phrase_at(doc, i) if low == according else None
        if m is not None and m.lemma == "according to":
            found = _according(layout, m)
        elif low == in_:
            if _names_a_survey(tok, lexicons.surveys):
                m = CueMatch(i, i + 1, i, "in", CueCategory.REPORT)
                found = _according(layout, m)
        elif pos == VERB and tok.tag_.startswith("VB"):
            lemma = verb_lemma(tok)
            # A verb that introduces quotations only ("see the point") reports in its
            # frames alone: "saw the event as a chance".
            cat = lexicon.verbs.get(lemma) if lemma not in excluded else None
            frames = lexicon.frames.get(lemma, {})
            if cat is not None or frames:
                handed: list[int] = []
                verb = _content_of(layout, tok, cat, inside_quotes, frames, lexicon.verbs, handed)
                if verb is not None:
                    m = CueMatch(i, i + 1, i, lemma, verb[2])
                    found = verb[:2]
                    taken.add(frozenset(verb[0]))
                    borrowed.update((h, borrowed.get(i, m)) for h in handed)
        elif pos == NOUN and tok.lemma_.lower() in lexicon.nouns:
            noun = lexicon.nouns[tok.lemma_.lower()]
            tokens = _noun_content(layout, tok, noun.preps, lexicons.light_verbs)
            # "said in a statement that ...": the verb took the clause of its phrase's noun
            # already (_clause_in_phrase); the noun reports nothing more.
            if tokens and frozenset(tokens) not in taken:
                m = CueMatch(i, i + 1, i, tok.lemma_.lower(), noun.category)
                found = (tokens, Rule.NOUN)
        elif pos == ADJ and tok.lower_ in lexicon.adjectives:
            tokens = _adjective_content(layout, tok)
            if tokens:
                m = CueMatch(i, i + 1, i, tok.lower_, lexicon.adjectives[tok.lower_])
                found = (tokens, Rule.ADJECTIVE)
        if found is None or m is None:
            continue
        tokens, rule = found
        tokens.difference_update(range(m.start, m.end))
        # Reported content never leaves its cue's paragraph (a headline's parse can run on):
        # the tokens in order, cut to the paragraph's by binary search.
        para = layout.paragraph_tokens(layout.paragraph_of(idx))
        ordered = sorted(tokens)
        lo = bisect.bisect_left(ordered, para.start)
        runs = _trim_runs(doc, _runs(ordered[lo : bisect.bisect_left(ordered, para.stop, lo)]))
        if runs:
            out.append(Reported(m, runs, rule, borrowed.get(i)))
            if m.end > i + 1:
                skip_until = m.end
    for bounds in layout.paragraphs:
        found_label = _label_line(doc, layout, bounds, lexicons.not_sources)
        if found_label is not None and found_label.content:
            out.append(found_label)
    return out


def reported_findings(
    doc: Doc,
    layout: Layout,
    lexicons: Lexicons,
    direct: Sequence[Finding],
    top: Sequence[MarkedQuote],
) -> list[Finding]:
    """The reported-speech findings of a document: content in characters, snapped to quote
    marks, indirect or mixed, with the speaker mention of the cue.

    Args:
        doc: the parsed document.
        layout: its layout.
        lexicons: the lexicons.
        direct: the direct quotes' findings; reported content mostly inside one of them is
            that quote's attribution already ("“…,” he said") and is left out.
        top: the top-level quote-mark pairs, in text order.

    Returns:
        the findings, in the order :func:`find_reported` finds them.
    """
    quoted = [part for d in direct for part in d.parts]
    quoted_ends = [e for _, e in quoted]
    starts = [q.start for q in top]
    marked = marked_ranges(top)
    words = lexicons.speaker_words()
    out = []
    for r in find_reported(doc, layout, lexicons, quoted):
        spans = [layout.char_bounds(s, e) for s, e in r.content]
        parts = snap(spans, marked)
        if mostly_quoted(parts, quoted, quoted_ends):
            # “…,” he said: the direct quote already carries this attribution. When the cue
            # is the speaker's next act, cut from another's clause ("He said the city had not
            # done enough, adding that “taxpayers deserve better.”"), the quote it governs is
            # that speaker's, not the subject of the clause the parser hung the cue on.
            if r.speaker_cue is not None:
                for d in direct:
                    if d.cue is not None and d.cue.head == r.cue.head:
                        d.speaker = speaker_of_cue(doc, r.speaker_cue, d.parts, words)
            continue
        start, end = parts[0][0], parts[-1][1]
        within = top[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        inner = tuple((q.start, q.end) for q in within if q.end <= end)
        kind = QuoteKind.MIXED if inner else QuoteKind.INDIRECT
        # "The tensions seem to be ...": a raising verb's subject is no source.
        sourceless = r.cue.lemma in lexicons.sourceless
        by = r.cue if r.speaker_cue is None else r.speaker_cue
        speaker = None if sourceless else speaker_of_cue(doc, by, parts, words)
        if speaker is None and r.rule == Rule.NOUN:
            # "The idea that ...", "In response to the pressure": a noun that names no one
            # whose idea or response it is attributes nothing to anyone.
            continue
        out.append(Finding(kind, parts, r.cue, speaker, r.rule, inner))
    return out
