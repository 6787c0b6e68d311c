"""Hand-built quotes shared by the output tests (no model)."""

from __future__ import annotations

from quoteattr.model import Cue, CueCategory, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan

#          0         1         2         3         4         5         6
#          0123456789012345678901234567890123456789012345678901234567890123
TEXT = "“We will win,” the minister said. “Later,” she said, “we rest.”"

MINISTER = Quote(
    kind=QuoteKind.DIRECT,
    text="“We will win,”",
    start=0,
    end=14,
    parts=((0, 14),),
    cue=Cue("said", 28, 32, lemma="say", category=CueCategory.SPEECH),
    speaker=Speaker(
        "the minister", kind=SpeakerKind.UNNAMED, mention=TextSpan("the minister", 15, 27)
    ),
    confidence=0.95,
    sentence=0,
    paragraph=0,
)
