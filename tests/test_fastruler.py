"""The fast attribute ruler: each kind of condition, rule order, refusal, serialization, and
its exactness against spaCy's ruler on the whole development set."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import quoteattr
from quoteattr import fastruler, pipelines
from quoteattr.errors import QuoteattrError
from quoteattr.fastruler import FACTORY, FastAttributeRuler, compile_rules, use_fast_ruler

from .conftest import EN_VOCAB, POLNEAR, build_doc

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


def parsed(text: str, rows: list[tuple[Any, ...]], tags: dict[int, str] | None = None) -> Doc:
    """A hand-built Doc (conftest.build_doc) with some fine tags set by hand."""
    doc = build_doc(text, rows)
    for i, tag in (tags or {}).items():
        doc[i].tag_ = tag
    return doc


def both(doc: Doc, patterns: list[dict[str, Any]]) -> tuple[Doc, Doc]:
    """The Doc after spaCy's ruler and after the fast one, each on its own copy."""
    stock = AttributeRuler(doc.vocab)
    stock.add_patterns(patterns)
    fast = FastAttributeRuler(doc.vocab)
    fast.add_patterns(patterns)
    return stock(doc.copy()), fast(doc.copy())


def view(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    """Each token's POS, tag, morphology, lemma and dependency label."""
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


SHE = parsed(
    "She said she left.",
    [("She", 1, "nsubj", "PRON"), ("said", 1, "ROOT", "VERB"), ("she", 3, "nsubj", "PRON"),
     ("left", 1, "ccomp", "VERB"), (".", 1, "punct", "PUNCT")],
)  # fmt: skip


def test_value_conditions_match_the_lower_form() -> None:
    """TAG and LOWER values match both 'She' and 'she', and only those tokens change."""
    patterns = [
        {
            "patterns": [[{"TAG": "PRP", "LOWER": "she"}]],
            "attrs": {"LEMMA": "her", "MORPH": "Case=Nom"},
        }
    ]
    stock, fast = both(SHE, patterns)
    lemmas_morphs = [(t.lemma_, str(t.morph)) for t in fast]
    expected = [("her", "Case=Nom"), ("said", ""), ("her", "Case=Nom"), ("left", ""), (".", "")]
    assert (lemmas_morphs, view(fast)) == (expected, view(stock))


def test_in_and_not_in() -> None:
    """IN and NOT_IN on the dependency label: 'said' (ROOT) is left, 'left' (ccomp) changes."""
    rule = {"LOWER": {"IN": ["said", "left"]}, "DEP": {"NOT_IN": ["ROOT", "aux"]}}
    stock, fast = both(SHE, [{"patterns": [[rule]], "attrs": {"POS": "AUX"}}])
    assert ([t.pos_ for t in fast], view(fast)) == (
        ["PRON", "VERB", "PRON", "AUX", "PUNCT"],
        view(stock),
    )


def test_not_in_the_empty_string_means_set() -> None:
    """NOT_IN [""] matches the tokens with a label, not the ones without (hash 0)."""
    doc = Doc(EN_VOCAB, words=["Hi", "there", "!"], deps=["ROOT", "", "punct"], heads=[0, 0, 0])
    rule = {"DEP": {"NOT_IN": [""]}}
    stock, fast = both(doc, [{"patterns": [[rule]], "attrs": {"LEMMA": "x"}}])
    assert ([t.lemma_ for t in fast], view(fast)) == (["x", "", "x"], view(stock))


def test_regex_searches_the_lower_form() -> None:
    """A REGEX on LOWER is searched in each token's lower form ("N'T" and "nt", not "no")."""
    doc = parsed(
        "Do N'T say nt or no",
        [("Do", 2, "aux", "AUX"), ("N'T", 2, "neg", "PART"), ("say", 2, "ROOT", "VERB"),
         ("nt", 2, "neg", "PART"), ("or", 2, "cc", "CCONJ"), ("no", 2, "conj", "DET")],
    )  # fmt: skip
    stock, fast = both(
        doc, [{"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}}]
    )
    assert ([t.lemma_ for t in fast], view(fast)) == (
        ["do", "not", "say", "not", "or", "no"],
        view(stock),
    )


def test_is_space_flag() -> None:
    """IS_SPACE true matches the whitespace token; false the others."""
    doc = Doc(EN_VOCAB, words=["Hi", "\n\n", "there"], spaces=[False, False, False])
    patterns = [
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
        {"patterns": [[{"IS_SPACE": False}]], "attrs": {"POS": "X"}},
    ]
    stock, fast = both(doc, patterns)
    assert ([(t.pos_, t.tag_) for t in fast], view(fast)) == (
        [("X", ""), ("SPACE", "_SP"), ("X", "")],
        view(stock),
    )


GONNA = parsed(
    "I am gon na go gon",
    [("I", 4, "nsubj", "PRON"), ("am", 4, "aux", "AUX"), ("gon", 4, "aux", "VERB"),
     ("na", 4, "aux", "PART"), ("go", 4, "ROOT", "VERB"), ("gon", 4, "dep", "VERB")],
)  # fmt: skip


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, ["i", "am", "go", "na", "go", "gon"]),
        (1, ["i", "am", "gon", "go", "go", "gon"]),
        (-1, ["i", "am", "gon", "go", "go", "gon"]),
    ],
)
def test_two_token_pattern_changes_the_indexed_token(index: int, expected: list[str]) -> None:
    """'gon' 'na' changes its first or second token; the last 'gon', with nothing after, none."""
    patterns = [
        {
            "patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]],
            "attrs": {"LEMMA": "go"},
            "index": index,
        }
    ]
    stock, fast = both(GONNA, patterns)
    assert ([t.lemma_ for t in fast], view(fast)) == (expected, view(stock))


CAT = parsed(
    "The cat sat",
    [("The", 1, "det", "DET"), ("cat", 2, "nsubj", "NOUN"), ("sat", 2, "ROOT", "VERB")],
    tags={0: "DT"},
)
TAG_RULE = {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X", "LEMMA": "tagged"}}
WORD_RULE = {"patterns": [[{"LOWER": "cat"}]], "attrs": {"POS": "PROPN"}}
REGEX_RULE = {"patterns": [[{"LOWER": {"REGEX": "^c"}}]], "attrs": {"POS": "INTJ"}}


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ([TAG_RULE, WORD_RULE], ("PROPN", "tagged")),
        ([WORD_RULE, TAG_RULE], ("X", "tagged")),
        ([TAG_RULE, REGEX_RULE], ("INTJ", "tagged")),
        ([REGEX_RULE, TAG_RULE], ("X", "tagged")),
        ([REGEX_RULE, WORD_RULE], ("PROPN", "cat")),
    ],
)
def test_later_rule_wins_for_its_attributes_only(
    rules: list[dict[str, Any]], expected: tuple[str, str]
) -> None:
    """The later matching rule sets POS; the LEMMA only the tag rule sets stays its own."""
    stock, fast = both(CAT, rules)
    assert ((fast[1].pos_, fast[1].lemma_), view(fast)) == (expected, view(stock))


def test_a_clash_of_lookup_keys_falls_back_to_masks(monkeypatch: pytest.MonkeyPatch) -> None:
    """When two lookup entries share a key, their rules are matched by masks, same result."""
    monkeypatch.setattr(fastruler, "_key", lambda values: 0)
    rules = [TAG_RULE, {"patterns": [[{"TAG": {"IN": ["DT", "VBD"]}}]], "attrs": {"LEMMA": "t"}}]
    rules += [
        WORD_RULE,
        {"patterns": [[{"LOWER": {"IN": ["the", "mat"]}}]], "attrs": {"POS": "PRON"}},
    ]
    rules += [
        {
            "patterns": [[{"TAG": {"IN": ["DT", "VBD"]}, "LOWER": {"IN": ["the", "sat"]}}]],
            "attrs": {"LEMMA": "s"},
        }
    ]
    fast = FastAttributeRuler(CAT.vocab)
    fast.add_patterns(rules)
    stock, _ = both(CAT, rules)
    assert (fast.compiled.lookups, view(fast(CAT.copy()))) == ([], view(stock))
    assert [(t.pos_, t.lemma_) for t in stock] == [
        ("PRON", "s"),
        ("PROPN", "tagged"),
        ("VERB", "s"),
    ]


def test_rules_match_the_doc_as_given() -> None:
    """A rule that changes the tag does not stop a later rule that tests the old tag."""
    rules = [
        {"patterns": [[{"LOWER": "cat"}]], "attrs": {"TAG": "NNP"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "tagged"}},
        {"patterns": [[{"TAG": "NNP"}]], "attrs": {"LEMMA": "proper"}},
    ]
    stock, fast = both(CAT, rules)
    assert ((fast[1].tag_, fast[1].lemma_), view(fast)) == (("NNP", "tagged"), view(stock))


def test_alternatives_are_alternatives() -> None:
    """A rule with two patterns changes the tokens either one matches."""
    rule = {
        "patterns": [[{"TAG": "DT"}], [{"LOWER": "sat", "DEP": "ROOT"}]],
        "attrs": {"LEMMA": "y"},
    }
    stock, fast = both(CAT, [rule])
    assert ([t.lemma_ for t in fast], view(fast)) == (["y", "cat", "y"], view(stock))


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"LOWER": "cat", "OP": "?"}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"ORTH": "cat"}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"_": {"flag": True}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": {"FUZZY": "cat"}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": {"IN": "cat"}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"IS_SPACE": {"REGEX": "1"}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": "cat"}]], "attrs": {"NORM": "kitty"}},
        {"patterns": [[{"LOWER": "cat"}]], "attrs": {"_": {"flag": True}}},
        {"patterns": [[{"LOWER": "cat"}]], "attrs": {"POS": "X"}, "index": 1},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "cat"}]], "attrs": {"POS": "X"}, "index": -3},
    ],
)
def test_compiling_refuses_what_it_cannot_reproduce(rule: dict[str, Any]) -> None:
    """Operators, other attributes and predicates, extensions and bad indices raise [E039]."""
    with pytest.raises(QuoteattrError, match=r"^\[E039\] Rule 1 "):
        compile_rules(EN_VOCAB, [TAG_RULE, rule])


def test_a_refused_ruler_stays() -> None:
    """use_fast_ruler leaves a stock ruler whose patterns use an operator in place."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(
        [TAG_RULE, {"patterns": [[{"LOWER": "cat", "OP": "+"}]], "attrs": {"POS": "X"}}]
    )
    assert (use_fast_ruler(nlp), nlp.get_pipe("attribute_ruler")) == (False, ruler)


def stock_pipeline() -> Any:
    """A blank English pipeline with a stock ruler holding the rules of these tests."""
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([TAG_RULE, WORD_RULE, REGEX_RULE])
    nlp.add_pipe("sentencizer")
    return nlp


def test_use_fast_ruler_takes_the_place_and_name() -> None:
    """The fast ruler replaces the stock one under its name, at its place, with its rules."""
    nlp = stock_pipeline()
    patterns = nlp.get_pipe("attribute_ruler").patterns
    assert use_fast_ruler(nlp)
    fast = nlp.get_pipe("attribute_ruler")
    assert (type(fast), nlp.pipe_names, fast.patterns) == (
        FastAttributeRuler,
        ["attribute_ruler", "sentencizer"],
        patterns,
    )


def test_pickles() -> None:
    """A pickled fast ruler comes back with its rules and gives the same attributes."""
    nlp = stock_pipeline()
    use_fast_ruler(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    again = pickle.loads(pickle.dumps(ruler))
    assert (again.patterns, view(again(CAT.copy()))) == (ruler.patterns, view(ruler(CAT.copy())))


def test_survives_to_bytes_and_to_disk(tmp_path: Path) -> None:
    """nlp.to_bytes()/from_bytes() and to_disk()/spacy.load keep the fast ruler and its rules."""
    nlp = stock_pipeline()
    use_fast_ruler(nlp)
    patterns = nlp.get_pipe("attribute_ruler").patterns
    from_bytes = spacy.blank("en").from_config(nlp.config).from_bytes(nlp.to_bytes())
    nlp.to_disk(tmp_path / "p")
    from_disk = spacy.load(tmp_path / "p")
    got = [
        (type(n.get_pipe("attribute_ruler")), n.get_pipe("attribute_ruler").patterns)
        for n in (from_bytes, from_disk)
    ]
    assert got == [(FastAttributeRuler, patterns)] * 2
    assert [t.pos_ for t in from_disk("the cat")] == ["", "INTJ"]


def test_factory_builds_an_empty_ruler() -> None:
    """The factory gives a ruler with no rules, which changes nothing."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(FACTORY)
    assert (ruler.patterns, view(ruler(CAT.copy()))) == ([], view(CAT))


@pytest.mark.model
def test_load_puts_the_fast_ruler_in_unless_told_not_to() -> None:
    """quoteattr.load() runs the fast ruler; fast_ruler=False keeps spaCy's, sent pickled."""
    fast = quoteattr.load()
    stock = quoteattr.load(fast_ruler=False)
    assert (
        type(fast.get_pipe("attribute_ruler")),
        type(stock.get_pipe("attribute_ruler")),
        fast.pipe_names == stock.pipe_names,
        pipelines.key_of(stock),
        quoteattr.load(fast_ruler=False) is stock,
    ) == (FastAttributeRuler, AttributeRuler, True, None, True)


@pytest.mark.devset
@pytest.mark.ruler
def test_same_attributes_as_spacy_on_every_development_document() -> None:
    """On each of the 840 development articles, parsed once, spaCy's ruler and the fast one
    give the same POS, tag, morphology, lemma, label and head to every token."""
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR.name} is absent")
    with POLNEAR.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    nlp = pipelines.load_pipeline()
    nlp.add_pipe("quoteattr_sentences", before="parser")
    stock = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(nlp.vocab)
    fast.add_patterns(stock.patterns)
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    differ = []
    with nlp.select_pipes(enable=before):
        for number, doc in enumerate(nlp.pipe(texts, batch_size=64)):
            a, b = stock(doc.copy()), fast(doc.copy())
            if not np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)) or [
                str(t.morph) for t in a
            ] != [str(t.morph) for t in b]:
                differ.append(number)
    assert (len(texts), differ) == (840, [])
