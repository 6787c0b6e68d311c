"""Tests for quoteattr.corpus: speakers across documents, on hand-made quotes (no model)."""

from __future__ import annotations

import pickle
from collections.abc import Sequence

import pytest

import quoteattr
from quoteattr import Cue, CueCategory, Gender, Quote, QuoteKind, Speaker, SpeakerKind
from quoteattr.corpus import ROW_COLUMNS, SpeakerRow, SpeakerTable, clean_name, role_key

PER, ORG = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION


def q(
    name: str | None,
    kind: SpeakerKind = PER,
    role: str | None = None,
    org: str | None = None,
    quote_kind: QuoteKind = QuoteKind.INDIRECT,
    category: CueCategory | None = CueCategory.SPEECH,
) -> Quote:
    """A quote of ``name`` (no speaker when None), with the given role, kinds and cue."""
    speaker = None if name is None else Speaker(name, kind, role=role, organization=org)
    cue = None if category is None else Cue("said", 20, 24, "say", category)
    return Quote(quote_kind, "x" * 10, 0, 10, ((0, 10),), cue=cue, speaker=speaker)


def table_of(*documents: Sequence[Quote]) -> SpeakerTable:
    """A table fed the documents in order."""
    table = SpeakerTable()
    for doc in documents:
        table.add(doc)
    return table


def variants(table: SpeakerTable) -> list[set[str]]:
    """Each row's variants, as sets, in row order."""
    return [set(r.variants) for r in table.rows()]


def row_of(table: SpeakerTable, name: str) -> SpeakerRow:
    """The row that holds the variant ``name``."""
    [row] = [r for r in table.rows() if name in r.variants]
    return row


# ---------------------------------------------------------------------------------------------
# rule 1: one name written differently


@pytest.mark.parametrize(
    ("name", "display", "key"),
    [
        ("CLEVELAND - Donald Trump", "Donald Trump", "donald trump"),
        ("Pa. - Hillary Clinton", "Hillary Clinton", "hillary clinton"),
        ("the Democratic Party", "Democratic Party", "democratic party"),
        ("F.B.I.", "F.B.I.", "fbi"),
        ("Hillary] Clinton", "Hillary Clinton", "hillary clinton"),
        ('C.L. "Butch" Otter', "C.L. Otter", "cl otter"),
        ("Trump’s", "Trump", "trump"),
        ("Mr. Trump", "Trump", "trump"),
        ("Department of Justice", "Department of Justice", "justice department"),
        ("François Hollande", "François Hollande", "francois hollande"),
        ("Team Clinton", "Team Clinton", "clinton team"),
        ("Kingson - Deacon", "Kingson - Deacon", "kingson - deacon"),
    ],
)
def test_clean_name(name: str, display: str, key: str) -> None:
    """Datelines, articles, brackets, nicknames, possessives and honorifics do not count."""
    clean = clean_name(name)
    assert (clean.display, clean.key) == (display, key)


def test_clean_name_reads_a_stated_acronym() -> None:
    """ "the Democratic Unionist Party (DUP)" is the party, and states its acronym."""
    clean = clean_name("the Democratic Unionist Party (DUP)")
    assert (clean.key, clean.acronym) == ("democratic unionist party", "DUP")


def test_case_and_dateline_variants_are_one_row() -> None:
    """ "DONALD TRUMP" and "CLEVELAND - Donald Trump" are "Donald Trump"."""
    table = table_of([q("Donald Trump")], [q("DONALD TRUMP")], [q("CLEVELAND - Donald Trump")])
    assert variants(table) == [{"Donald Trump", "DONALD TRUMP", "CLEVELAND - Donald Trump"}]


def test_name_in_capitals_only_is_a_heading_not_an_entity() -> None:
    """ "WASHINGTON" (a dateline) is no row; its quotes are counted in the summary."""
    table = table_of([q("WASHINGTON", ORG), q("FBI", ORG), q("Jane Doe")])
    assert (sorted(r.name for r in table.rows()), table.summary().heading_quotes) == (
        ["FBI", "Jane Doe"],
        1,
    )


# ---------------------------------------------------------------------------------------------
# rule 2: middle names and initials


def test_middle_initial_and_middle_name_join() -> None:
    """ "Donald J. Trump" and "Hillary Rodham Clinton" join their shorter names."""
    table = table_of(
        [q("Donald Trump"), q("Hillary Clinton")],
        [q("Donald Trump"), q("Hillary Clinton")],
        [q("Donald J. Trump"), q("Hillary Rodham Clinton")],
    )
    assert sorted(map(sorted, variants(table))) == [
        ["Donald J. Trump", "Donald Trump"],
        ["Hillary Clinton", "Hillary Rodham Clinton"],
    ]


@pytest.mark.parametrize(
    ("documents", "rows"),
    [
        ([[q("Rafael Cruz")], [q("Rafael Edward Cruz")]], 2),  # one article each, no role
        ([[q("Rafael Cruz"), q("Rafael Edward Cruz")]], 1),  # quoted in one article
        ([[q("Alan Grayson", role="Rep.")], [q("Alan Mark Grayson", role="Rep.")]], 1),
        ([[q("Rafael Cruz")], [q("Rafael Cruz")], [q("Rafael Edward Cruz")]], 1),
    ],
)
def test_names_each_in_one_article_need_more_than_the_names(
    documents: list[list[Quote]], rows: int
) -> None:
    """Two fitting names each in one article join on a shared article, a shared role, or
    one of them named in several articles; "Rafael Cruz" (a father) and "Rafael Edward
    Cruz" (his son's legal name), one article each, stay apart."""
    assert len(table_of(*documents).rows()) == rows


def test_a_name_that_fits_two_people_joins_neither() -> None:
    """ "George Bush" fits "George W. Bush" and "George P. Bush": three rows."""
    table = table_of(*[[q(n)] for n in ("George W. Bush", "George P. Bush", "George Bush")] * 2)
    assert len(table.rows()) == 3


def test_two_people_who_share_a_surname_stay_apart() -> None:
    """Hillary and Bill Clinton are two rows, and a bare "Clinton" with no role joins neither."""
    table = table_of([q("Hillary Clinton")], [q("Bill Clinton")], [q("Clinton")])
    assert sorted(r.name for r in table.rows()) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


# ---------------------------------------------------------------------------------------------
# rule 3: a word before a full name


def test_a_description_before_a_full_name_is_dropped() -> None:
    """ "Billionaire Donald Trump": "Billionaire" begins no one's name."""
    table = table_of([q("Donald Trump")], [q("Billionaire Donald Trump")])
    assert variants(table) == [{"Donald Trump", "Billionaire Donald Trump"}]


def test_a_double_surname_quoted_beside_the_full_name_joins_it() -> None:
    """ "Wasserman Schultz", which begins no other name and is quoted in a document beside
    "Debbie Wasserman Schultz", is her surname (though "Debbie" begins another name)."""
    table = table_of(
        [q("Debbie Wasserman Schultz"), q("Wasserman Schultz")],
        [q("Wasserman Schultz")],
        [q("Debbie Dingell")],
    )
    assert row_of(table, "Wasserman Schultz").variants == (
        "Wasserman Schultz",
        "Debbie Wasserman Schultz",
    )


def test_a_given_name_before_another_name_is_not_a_description() -> None:
    """ "Anne Marie Smith" is not "Marie Smith" when "Anne" is someone's first name."""
    table = table_of([q("Anne Marie Smith")], [q("Marie Smith")], [q("Anne Jones")])
    assert len(table.rows()) == 3


# ---------------------------------------------------------------------------------------------
# rule 4: bare surnames


def test_bare_surname_joins_the_only_person_of_that_surname() -> None:
    """ "Obama" joins "Barack Obama" when the corpus has one Obama; the row is the full name."""
    table = table_of([q("Obama"), q("Obama"), q("Obama")], [q("Barack Obama")], [q("Barack Obama")])
    [row] = table.rows()
    assert (row.id, row.name, row.quotes, row.documents, row.variants) == (
        "barack-obama",
        "Barack Obama",
        5,
        3,
        ("Obama", "Barack Obama"),
    )


def test_a_full_name_in_one_article_does_not_claim_a_surname_elsewhere() -> None:
    """ "Fisher" in one article and "Ada Fisher" in another may be two people: two rows."""
    table = table_of([q("Fisher")], [q("Ada Fisher")])
    assert len(table.rows()) == 2


def test_bare_surname_joins_the_person_whose_role_it_shares() -> None:
    """With two Obamas, "Obama" stated as president joins the president."""
    table = table_of(
        [q("Barack Obama", role="President")],
        [q("Michelle Obama", role="first lady")],
        [q("Obama", role="President")],
    )
    assert row_of(table, "Obama").name == "Barack Obama"


def test_bare_surname_with_a_role_no_one_else_has_joins_no_one() -> None:
    """ "Obama" stated as senator, when neither Obama is: its own row."""
    table = table_of(
        [q("Barack Obama", role="President")],
        [q("Michelle Obama", role="first lady")],
        [q("Obama", role="Sen.")],
    )
    assert row_of(table, "Obama").variants == ("Obama",)


def test_bare_surname_joins_the_person_its_own_documents_name() -> None:
    """ "Fiorina" (labelled an organisation) joins the Fiorina its document names in full."""
    table = table_of(
        [q("Carly Fiorina"), q("Fiorina", ORG)],
        [q("Frank Fiorina")],
        [q("Fiorina", ORG)],
    )
    assert row_of(table, "Fiorina").name == "Carly Fiorina"


def test_bare_surname_joins_the_person_its_document_quotes_in_a_group() -> None:
    """ "Carly Fiorina and Jeb Bush" (one speaker, unnamed) beside "Fiorina" in a document:
    the group names the Fiorina it means, though it is no row of hers."""
    group = q("Carly Fiorina and Jeb Bush", SpeakerKind.UNNAMED)
    table = table_of(
        [group, q("Fiorina", ORG)],
        [q("Carly Fiorina")],
        [q("Frank Fiorina")],
    )
    row = row_of(table, "Fiorina")
    assert row.name == "Carly Fiorina"
    # Her quotes and documents: "Fiorina" in the first, her own in the second; the group's
    # quote is no quote of hers alone.
    assert (row.quotes, row.documents) == (2, 2)


def test_bare_surname_joins_the_person_the_corpus_is_about() -> None:
    """ "Cruz", in an article naming no Cruz in full, joins the Cruz of ten articles, not the
    Cruz of one."""
    articles = [[q("Ted Cruz")] for _ in range(10)]
    table = table_of(*articles, [q("Carla Cruz")], [q("Cruz")])
    assert row_of(table, "Cruz").name == "Ted Cruz"
    assert row_of(table, "Carla Cruz").variants == ("Carla Cruz",)


def test_bare_surname_shared_by_two_well_known_people_joins_neither() -> None:
    """ "Bush", with Jeb Bush in ten articles and George W. Bush in two, stays apart."""
    articles = [[q("Jeb Bush")] for _ in range(10)]
    table = table_of(*articles, [q("George W. Bush")], [q("George W. Bush")], [q("Bush")])
    assert row_of(table, "Bush").variants == ("Bush",)


def test_a_country_is_not_a_surname() -> None:
    """ "Israel", an organisation never quoted beside "Steve Israel", stays apart."""
    table = table_of([q("Israel", ORG)], [q("Steve Israel")])
    assert len(table.rows()) == 2


def test_a_given_name_alone_is_not_a_surname() -> None:
    """ "Hillary" alone does not join a junk name that ends in "Hillary"."""
    table = table_of(
        [q("Hillary Clinton"), q("Hillary Clinton")], [q("Clinton Cash Debunks Hillary")]
    )
    table.add([q("Hillary")])
    assert row_of(table, "Hillary").variants == ("Hillary",)


# ---------------------------------------------------------------------------------------------
# rule 5: suffixes and forms of a given name


def test_junior_is_another_person_without_a_shared_role() -> None:
    """ "Donald Trump Jr." stays apart from "Donald Trump"."""
    table = table_of([q("Donald Trump", role="candidate")], [q("Donald Trump Jr.")])
    assert len(table.rows()) == 2


def test_suffix_and_short_given_name_join_on_a_shared_role() -> None:
    """ "Joe Biden" and "Joseph R. Biden Jr.", both vice president, are one person."""
    table = table_of(
        [q("Joe Biden", role="Vice President")],
        [q("Joseph R. Biden Jr.", role="Vice President")],
    )
    assert len(table.rows()) == 1


@pytest.mark.parametrize(
    ("a", "b", "rows"),
    [
        ("Geoff Garin", "Geoffrey Garin", 1),  # a short form that begins the long one
        ("Hillary Clinton", "Hilary Clinton", 1),  # one letter less in five or more
        ("Carl Smith", "Carla Smith", 2),  # one letter more in four: two names
        ("Roger Stone", "Robert Stone", 2),
    ],
)
def test_spellings_of_a_given_name(a: str, b: str, rows: int) -> None:
    """Short forms and one-letter misspellings of a name in two articles join; other given
    names do not."""
    assert len(table_of([q(a)], [q(a)], [q(b)]).rows()) == rows


def test_spellings_each_in_one_article_stay_apart() -> None:
    """ "Matt Morrison" in one article and "Matthew Morrison" in another may be two people;
    quoted in one article, they are one."""
    apart = table_of([q("Matt Morrison")], [q("Matthew Morrison")])
    together = table_of([q("Matt Morrison"), q("Matthew Morrison")])
    assert (len(apart.rows()), len(together.rows())) == (2, 1)


def test_a_familiar_form_joins_on_a_shared_role_or_document() -> None:
    """ "Chuck Grassley" and "Charles Grassley", both stated as senator, are one; "Bob Mason"
    and "Robert Mason", named in several articles but never together nor with one role, are
    two (a familiar form is shared by many); quoted in one article, they are one."""
    senator = table_of([q("Chuck Grassley", role="Sen.")] * 2, [q("Charles Grassley", role="Sen.")])
    apart = table_of([q("Bob Mason")], [q("Robert Mason")], [q("Robert Mason")])
    together = table_of([q("Bob Mason"), q("Robert Mason")], [q("Robert Mason")])
    assert [len(t.rows()) for t in (senator, apart, together)] == [1, 2, 1]


def test_a_short_form_that_fits_two_names_joins_neither() -> None:
    """ "Ed Rendell" with "Edward Rendell" and "Edwina Rendell": three rows."""
    table = table_of([q("Ed Rendell")] * 2, [q("Edward Rendell")], [q("Edwina Rendell")])
    assert len(table.rows()) == 3


def test_spellings_with_clashing_roles_stay_apart() -> None:
    """ "Pat Smith" the governor is not "Patrick Smith" the representative."""
    table = table_of([q("Pat Smith", role="Gov.")], [q("Patrick Smith", role="Rep.")] * 2)
    assert len(table.rows()) == 2


# ---------------------------------------------------------------------------------------------
# rules 6 and 7: organisations


def test_a_stated_acronym_joins_the_name_and_the_acronym() -> None:
    """ "the Democratic Unionist Party (DUP)" and "the DUP" are one organisation."""
    table = table_of([q("the Democratic Unionist Party (DUP)", ORG)], [q("the DUP", ORG)])
    [row] = table.rows()
    assert (row.kind, set(row.variants)) == (
        ORG,
        {"the Democratic Unionist Party (DUP)", "the DUP"},
    )


def test_a_stated_acronym_needs_no_matching_initials() -> None:
    """ "the Islamic State (ISIS)" defines "ISIS" although its initials are "IS"."""
    table = table_of([q("the Islamic State (ISIS)", ORG)], [q("ISIS", ORG)])
    assert len(table.rows()) == 1


def test_an_acronym_joins_the_one_organisation_with_its_initials() -> None:
    """ "RNC" is "Republican National Committee"; "DOJ" is "Department of Justice"."""
    table = table_of(
        [q("Republican National Committee", ORG), q("Department of Justice", ORG)],
        [q("RNC", ORG), q("DOJ", ORG), q("Justice Department", ORG)],
    )
    assert sorted(map(sorted, variants(table))) == [
        ["DOJ", "Department of Justice", "Justice Department"],
        ["RNC", "Republican National Committee"],
    ]


def test_an_acronym_with_two_expansions_joins_neither() -> None:
    """ "DNC" with a Democratic National Committee and a Convention: three rows."""
    table = table_of(
        [q("Democratic National Committee", ORG)],
        [q("Democratic National Convention", ORG)],
        [q("DNC", ORG)],
    )
    assert len(table.rows()) == 3


def test_an_acronym_joins_no_person_and_no_description() -> None:
    """ "AP" is neither "Anna Palmer" nor the "ABC poll"."""
    table = table_of([q("AP", ORG)], [q("Anna Palmer")], [q("ABC poll", ORG)])
    assert len(table.rows()) == 3


def test_a_body_named_after_a_person_is_compared_as_the_person() -> None:
    """ "Hillary Clinton campaign" is "the Clinton campaign", an organisation, with one
    Clinton campaign in the corpus."""
    table = table_of(
        [q("Hillary Clinton")],
        [q("The Clinton campaign", PER)],
        [q("Hillary Clinton Campaign", PER), q("Clinton campaign", ORG)],
    )
    row = row_of(table, "The Clinton campaign")
    assert (row.kind, set(row.variants)) == (
        ORG,
        {"The Clinton campaign", "Hillary Clinton Campaign", "Clinton campaign"},
    )


# ---------------------------------------------------------------------------------------------
# counts, roles, ids, summary


def test_counts_by_quote_kind_and_cue_category() -> None:
    """A row counts its quotes by kind and by cue category; a quote with no cue has none."""
    table = table_of(
        [
            q("Jane Doe", quote_kind=QuoteKind.DIRECT),
            q("Jane Doe", category=CueCategory.BELIEF),
            q("Jane Doe", quote_kind=QuoteKind.MIXED, category=None),
        ]
    )
    [row] = table.rows()
    counts = (row.quotes, row.direct, row.indirect, row.mixed, row.speech, row.belief)
    assert counts == (3, 1, 1, 1, 1, 1)


def test_documents_count_a_document_once_whatever_its_variants() -> None:
    """A document quoting "Carly Fiorina" and "Fiorina" is one document of one entity."""
    table = table_of([q("Carly Fiorina"), q("Fiorina", ORG)], [q("Carly Fiorina")])
    [row] = table.rows()
    assert (row.quotes, row.documents) == (3, 2)


def test_role_is_the_one_stated_in_the_most_documents() -> None:
    """Documents decide, not quotes: "Sen." in two documents beats "candidate" in one."""
    table = table_of(
        [q("Ted Cruz", role="candidate")] * 5,
        [q("Ted Cruz", role="Sen.", org="Texas")],
        [q("Ted Cruz", role="Sen.")],
    )
    [row] = table.rows()
    assert (row.role, row.organization, row.gender) == ("Sen.", "Texas", Gender.UNKNOWN)


def test_role_ties_go_to_the_most_quotes_then_the_alphabet() -> None:
    """One document each: the role with more quotes, then the first alphabetically."""
    table = table_of([q("Ann Bell", role="mayor")] * 2, [q("Ann Bell", role="governor")])
    other = table_of([q("Cy Dow", role="mayor")], [q("Cy Dow", role="governor")])
    assert (table.rows()[0].role, other.rows()[0].role) == ("mayor", "governor")


@pytest.mark.parametrize(
    ("role", "key"),
    [
        ("former Florida Gov.", "governor"),
        ("Then-Sen.", "senator"),
        ("Vice President", "president"),
        ("highly respected veteran", None),
        (None, None),
    ],
)
def test_role_key(role: str | None, key: str | None) -> None:
    """A role is compared by the title it names."""
    assert role_key(role) == key


def test_unknown_unnamed_and_missing_speakers_are_only_counted() -> None:
    """ "he", "officials" and a quote with no speaker are in the summary, never in rows."""
    table = table_of(
        [q("he", SpeakerKind.UNKNOWN), q("I", SpeakerKind.UNKNOWN)],
        [q("officials", SpeakerKind.UNNAMED), q(None), q("Jane Doe")],
    )
    table.add_failed()
    s = table.summary()
    assert ([r.name for r in table.rows()], s.to_dict()) == (
        ["Jane Doe"],
        {
            "documents": 3,
            "failed_documents": 1,
            "quotes": 5,
            "entity_quotes": 1,
            "entities": 1,
            "unknown_quotes": 2,
            "unnamed_quotes": 1,
            "no_speaker_quotes": 1,
            "heading_quotes": 0,
        },
    )


def test_rows_are_most_quoted_first_and_min_quotes_filters() -> None:
    """Rows come by quotes, then id; ``min_quotes`` leaves out the rarely quoted."""
    table = table_of([q("B Two"), q("B Two"), q("A One"), q("C Three"), q("C Three")])
    assert ([r.id for r in table.rows()], [r.id for r in table.rows(min_quotes=2)]) == (
        ["b-two", "c-three", "a-one"],
        ["b-two", "c-three"],
    )


def test_ids_that_would_collide_are_made_unique() -> None:
    """ "AT&T" and "AT T" slug alike; each row still has an id of its own."""
    table = table_of([q("AT&T Inc", ORG)], [q("AT T Inc", ORG)])
    ids = [r.id for r in table.rows()]
    assert (len(ids), len(set(ids)), all(i.startswith("at-t-inc-") for i in ids)) == (2, 2, True)


def test_row_to_dict_follows_the_columns() -> None:
    """``to_dict`` has the columns in order, plain JSON values."""
    [row] = table_of([q("Jane Doe", role="mayor")]).rows()
    data = row.to_dict()
    assert (tuple(data), data["kind"], data["variants"], data["gender"]) == (
        ROW_COLUMNS,
        "person",
        ["Jane Doe"],
        "unknown",
    )


# ---------------------------------------------------------------------------------------------
# streams and partial tables

DOCS: list[list[Quote]] = [
    [q("Barack Obama", role="President"), q("Joe Biden", role="Vice President")],
    [q("Obama", role="President"), q("he", SpeakerKind.UNKNOWN)],
    [q("Michelle Obama", role="first lady"), q("Carly Fiorina"), q("Fiorina", ORG)],
    [q("Joseph R. Biden Jr.", role="Vice President"), q("RNC", ORG)],
    [q("Republican National Committee", ORG), q("Donald J. Trump"), q("CLEVELAND - Donald Trump")],
    [
        q("Donald Trump", role="candidate"),
        q("WASHINGTON", ORG),
        q("officials", SpeakerKind.UNNAMED),
    ],
]


def test_rows_can_be_read_midway_and_the_stream_goes_on() -> None:
    """Reading rows after some documents changes nothing for the documents after."""
    table = table_of(*DOCS[:3])
    midway = table.rows()
    for doc in DOCS[3:]:
        table.add(doc)
    assert (midway == table_of(*DOCS[:3]).rows(), table.rows()) == (True, table_of(*DOCS).rows())


def test_order_of_documents_does_not_matter() -> None:
    """The same documents in reverse order give the same rows and summary."""
    a, b = table_of(*DOCS), table_of(*reversed(DOCS))
    assert (a.rows(), a.summary()) == (b.rows(), b.summary())


def test_partial_tables_update_into_the_whole() -> None:
    """Three partial tables combined give the table of all documents."""
    whole = table_of(*DOCS)
    parts = table_of(*DOCS[:2]).update(table_of(*DOCS[2:4])).update(table_of(*DOCS[4:]))
    assert (parts.rows(), parts.summary()) == (whole.rows(), whole.summary())


def test_a_table_pickles() -> None:
    """A partial table travels between processes as a pickle, unchanged."""
    table = table_of(*DOCS)
    assert pickle.loads(pickle.dumps(table)).rows() == table.rows()


def test_memory_grows_with_names_not_quotes() -> None:
    """The same document a thousand times holds as many names as once."""
    table = table_of(DOCS[0])
    names = table.names
    for _ in range(1000):
        table.add(DOCS[0])
    [obama, biden] = sorted(table.rows(), key=lambda r: r.id)
    assert (table.names, obama.documents, biden.quotes) == (names, 1001, 1001)


def test_add_record_reads_extraction_records() -> None:
    """An ``{"id", "quotes"}`` record adds its quotes; an ``{"id", "error"}`` record fails."""
    table = SpeakerTable()
    table.add_record({"id": "a", "quotes": [q("Jane Doe").to_dict()]})
    table.add_record({"id": "b", "error": "[E015] b: processing failed"})
    s = table.summary()
    assert ([r.name for r in table.rows()], s.documents, s.failed_documents) == (
        ["Jane Doe"],
        2,
        1,
    )


def test_an_extract_many_error_counts_a_failed_document() -> None:
    """``add`` takes an ``extract_many`` result as it comes: an error is a failed document."""
    table = SpeakerTable()
    table.add(quoteattr.QuoteattrError("[E014] Record 3: no text"))
    table.add([q("Jane Doe")])
    s = table.summary()
    assert (s.documents, s.failed_documents, [r.name for r in table.rows()]) == (
        2,
        1,
        ["Jane Doe"],
    )


def test_repr_is_short() -> None:
    """A table shows its size, not its tallies (a notebook cell stays readable)."""
    assert repr(table_of(*DOCS)) == "SpeakerTable(documents=6, quotes=15, names=12)"


def test_speaker_table_is_exported() -> None:
    """``quoteattr.SpeakerTable`` is the table of this module."""
    assert quoteattr.SpeakerTable is SpeakerTable
