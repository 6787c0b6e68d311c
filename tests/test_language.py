"""The language check: [W003] for text that is clearly not English, and none for English."""

from __future__ import annotations

import importlib
import json
import pkgutil
import warnings
from pathlib import Path
from typing import Any

import pytest
import spacy.lang

import quoteattr
from quoteattr import QuoteattrWarning
from quoteattr.core.language import (
    MAX_WORDS,
    MIN_WORDS,
    english_share,
    language_warning,
    looks_english,
    warn_if_not_english,
)

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear-train.jsonl"

ENGLISH = (
    "NATO Secretary-General Jens Stoltenberg said on Thursday that the alliance would expand "
    "its training mission in Iraq, after the United States called on its European allies to "
    "do more. “We have to win the peace,” he told reporters."
)
GERMAN = (
    "Der Generalsekretär der NATO, Jens Stoltenberg, sagte am Donnerstag, das Bündnis werde "
    "seine Ausbildungsmission im Irak ausweiten, nachdem die Vereinigten Staaten ihre "
    "europäischen Verbündeten aufgefordert hatten, mehr zu tun. „Wir müssen den Frieden "
    "gewinnen“, sagte er vor Reportern."
)
FRENCH = (
    "Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré jeudi que l'alliance allait "
    "étendre sa mission de formation en Irak, après que les États-Unis ont appelé leurs alliés "
    "européens à en faire davantage. « Nous devons gagner la paix », a-t-il dit aux journalistes."
)
CHINESE = (
    "北约秘书长斯托尔滕贝格周四表示，"
    "在美国呼吁欧洲盟友承担更多责任之后，该联盟将扩大其在伊拉克的训练任务。"
)


def spacy_examples() -> dict[str, str]:
    """The example sentences spaCy ships for each language other than English, as one text."""
    texts = {}
    for module in pkgutil.iter_modules(spacy.lang.__path__):
        if module.ispkg and module.name != "en":
            try:
                examples = importlib.import_module(f"spacy.lang.{module.name}.examples")
            except ImportError:
                continue
            texts[module.name] = " ".join(examples.sentences)
    return texts


def w003(record: list[warnings.WarningMessage]) -> list[str]:
    """The [W003] messages among recorded warnings."""
    return [str(w.message) for w in record if str(w.message).startswith("[W003]")]


# ---------------------------------------------------------------------------------------------
# the pure check


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ENGLISH, True), (GERMAN, False), (FRENCH, False), (CHINESE, False)],
    ids=["english", "german", "french", "chinese"],
)
def test_looks_english(text: str, expected: bool) -> None:
    """English news passes; German, French and Chinese of the same news do not."""
    assert looks_english(text) is expected


def test_spacy_example_sentences_of_other_languages_are_caught() -> None:
    """Every language's example sentences in spaCy, with enough words to judge, are caught."""
    judged = {k: t for k, t in spacy_examples().items() if english_share(t).words >= MIN_WORDS}
    assert (len(judged) > 50, [k for k, t in judged.items() if looks_english(t)]) == (True, [])


def test_spacy_english_example_sentences_pass() -> None:
    """spaCy's own English example sentences are English to the check."""
    from spacy.lang.en.examples import sentences

    assert looks_english(" ".join(sentences)) is True


def test_short_text_is_not_judged() -> None:
    """Under MIN_WORDS words there is too little to judge: no warning, whatever the language."""
    short = " ".join(GERMAN.split()[: MIN_WORDS - 1])
    assert (english_share(short).words, looks_english(short)) == (MIN_WORDS - 1, True)


def test_chinese_characters_count_one_word_each() -> None:
    """A script written without spaces counts a word per character, so it is judged."""
    assert english_share(CHINESE).words == sum(c.isalpha() for c in CHINESE)


def test_only_the_first_words_are_counted() -> None:
    """The count stops at MAX_WORDS: a long text costs no more than its start."""
    assert english_share(ENGLISH * 200).words == MAX_WORDS


def test_message_names_the_document_and_the_counts() -> None:
    """The [W003] message names the document, the counts and the share."""
    counts = english_share(GERMAN)
    assert language_warning(GERMAN, "de-1") == (
        f"[W003] Document 'de-1' does not look like English: {counts.english} of its first "
        f"{counts.words} words ({counts.share:.1%}) are common English words, where English "
        "news has 13% or more. quoteattr reads English only: the quotes found here are "
        "unreliable."
    )


def test_message_without_an_id_speaks_of_the_text() -> None:
    """Without an id the message says "The text"; English gives no message."""
    message = language_warning(FRENCH)
    assert (message is not None and message.startswith("[W003] The text does not"),) == (True,)
    assert language_warning(ENGLISH, "en") is None


def test_warning_points_at_the_caller() -> None:
    """warn_if_not_english warns a QuoteattrWarning at the line that called it."""
    with pytest.warns(QuoteattrWarning, match=r"^\[W003\] Document 'x'") as record:
        warned = warn_if_not_english(GERMAN, "x")
    assert (warned, record[0].filename) == (True, __file__)


@pytest.mark.devset
def test_no_development_article_is_warned_about() -> None:
    """None of the 840 English development articles is taken for another language."""
    if not DEVSET.exists():
        pytest.skip(f"{DEVSET.name} is absent")
    with DEVSET.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    assert (len(texts), [i for i, t in enumerate(texts) if not looks_english(t)]) == (840, [])


# ---------------------------------------------------------------------------------------------
# where it is called


@pytest.mark.model
def test_extract_warns_at_its_caller(nlp: Any) -> None:
    """extract() of a German text warns [W003], pointing at the line that called extract."""
    with pytest.warns(QuoteattrWarning, match=r"^\[W003\] The text does not") as record:
        quoteattr.extract(GERMAN, nlp=nlp)
    assert [w.filename for w in record if "[W003]" in str(w.message)] == [__file__]


@pytest.mark.model
def test_extract_many_warns_naming_the_document(nlp: Any) -> None:
    """extract_many warns [W003] once per non-English record, naming its id."""
    records = [("en-1", ENGLISH), ("de-1", GERMAN), ("fr-1", FRENCH)]
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        results = list(quoteattr.extract_many(records, nlp=nlp))
    assert ([r[0] for r in results], [m.split(" does")[0] for m in w003(record)]) == (
        ["en-1", "de-1", "fr-1"],
        ["[W003] Document 'de-1'", "[W003] Document 'fr-1'"],
    )


@pytest.mark.model
def test_english_gives_no_warning(nlp: Any) -> None:
    """English text, through extract and extract_many, gives no [W003]."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        quoteattr.extract(ENGLISH, nlp=nlp)
        list(quoteattr.extract_many([ENGLISH], nlp=nlp))
    assert w003(record) == []
