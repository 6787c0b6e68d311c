"""Speakers across documents: one table of entities over a corpus, name variants merged.

``quoteattr.speakers`` lists the speakers of one article. Over many articles one person is
written several ways ("Donald Trump", "Donald J. Trump", "CLEVELAND - Donald Trump"), and a
count per name string splits them. :class:`SpeakerTable` takes the quotes of any number of
documents, one document at a time, and gives one row per entity with a stable id, the name
variants it was seen under, and its quote counts.

Only named speakers are entities: a speaker of kind ``person`` or ``organization``. Unresolved
pronouns ("he", "I", "they": kind ``unknown``) and unnamed sources ("officials", "a
spokesman": kind ``unnamed``) are counted in the table's summary, never as rows, so that they
never rank in "most quoted".

Memory grows with the number of distinct speaker names, not with the number of quotes: the
table keeps a tally per name (counts, the roles stated, the spellings seen) and merges the
variants only when :meth:`SpeakerTable.rows` is asked, because whether "Obama" is "Barack
Obama" depends on the whole corpus (on whether it names another Obama). Two tables built on
two halves of a corpus combine with :meth:`SpeakerTable.update` into the table of the whole,
which is how :func:`speaker_table_of_bag` runs as a dask reduction.

The merging rules, from the surest to the most guarded (docs/speakers.md has their figures):

1. **One name, written differently**: case ("DONALD TRUMP"), a dateline ("CLEVELAND -
   Donald Trump"), a leading "the", a possessive, honorifics, dots ("F.B.I."), accents,
   brackets, a quoted nickname ('John "Tig" Tiegen'), "Department of Justice" for "Justice
   Department", "Team Clinton" for "Clinton team".
2. **Middle names and initials**: "Donald J. Trump" is "Donald Trump", and "Hillary Rodham
   Clinton" is "Hillary Clinton", unless the shorter name fits two longer ones that do not
   fit each other ("George Bush" and both "George W. Bush" and "George P. Bush").
3. **A word before a full name**: "Billionaire Donald Trump" is "Donald Trump" when every
   name of the corpus that "Billionaire" begins is a full name after it; "Wasserman Schultz"
   is the surname of "Debbie Wasserman Schultz" when "Wasserman" begins no other name and a
   document quotes both.
4. **A bare surname** joins the one person of the corpus with that surname ("Rubio"); when
   the corpus names several (Barack and Michelle Obama), the one whose role it shares
   ("Obama", stated as president), else the one the bare surname's own documents quote by
   full name, else, when its documents name no one of that surname in full, the one named in
   full in ten times as many articles as every other of that surname together ("Cruz": Ted
   Cruz, not Carla Cruz of one article), else none. A given name alone ("Hillary") is not a
   surname.
5. **Spellings of a given name**: a short form ("Ed", "Edward") or a one-letter slip in a
   name of five letters or more ("Hilary", "Hillary") joins the one full name it fits,
   unless their roles clash; a familiar form (``lexicons/nicknames.txt``: "Chuck",
   "Charles") does too, when both are stated with one role or quoted in one document; a
   generational suffix on one name only, or a short form with its last letter changed
   ("Joe Biden", "Joseph R. Biden Jr."), joins only when both are stated with the same
   role: the names alone cannot tell "Donald Trump Jr." from "Donald Trump".
6. **Acronyms**: "the Democratic Unionist Party (DUP)" defines "DUP" wherever it is used;
   otherwise an acronym joins the one organisation of the corpus whose initials it is
   ("RNC" and "Republican National Committee"), never a person nor a description ("ABC
   poll").
7. **Bodies named after a person** ("Hillary Clinton campaign", "the Clinton campaign")
   are compared as the person's names are, among bodies of the same noun.

Rules 2 to 5 share a guard: two names each quoted in one article only join if one of them
is named in several articles, a document quotes both, or both are stated with one role
("Rafael Cruz", Ted Cruz's father, and "Rafael Edward Cruz", Ted Cruz's legal name, stay
apart).

A name written only in capitals that is not an acronym ("WASHINGTON", "HUFFPOLLSTER") is a
dateline or a heading the parser took for a speaker: it is not an entity and is counted in
the summary.

The package's modules: :mod:`~quoteattr.corpus.names` reads a name (rule 1) and compares two,
:mod:`~quoteattr.corpus.tally` keeps what a table knows of one name,
:mod:`~quoteattr.corpus.merging` applies rules 2 to 7, :mod:`~quoteattr.corpus.rows` holds the
rows and the summary, and :mod:`~quoteattr.corpus.table` the table itself.
"""

from __future__ import annotations

from .names import CleanName, clean_name, role_key
from .rows import ROW_COLUMNS, SpeakerRow, TableSummary
from .table import SpeakerTable, speaker_table_of_bag, table_of_records

__all__ = [
    "ROW_COLUMNS",
    "CleanName",
    "SpeakerRow",
    "SpeakerTable",
    "TableSummary",
    "clean_name",
    "role_key",
    "speaker_table_of_bag",
    "table_of_records",
]
