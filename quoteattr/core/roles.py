"""Roles and organisations: what the text says a person or an unnamed source is.

"US Secretary of Defense Jim Mattis" -> role "Secretary of Defense", organisation "US";
"Mark Toner, the head of the press office at the State Department" -> "head of the press
office", "State Department"; "a spokesman for the State Department" -> "spokesman",
"State Department". A phrase is a role only if it holds a word of ``titles.txt``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Gender, SpeakerKind
from .findings import Resolution
from .lexicon import Lexicons
from .mentions import (
    ORG_LABELS,
    mention_bounds,
    named_in_apposition,
    portfolio_name,
    span_text,
    strip_det,
    titles_name,
)
from .people import Entity

__all__ = ["Roles"]

_ORG_PREPS = frozenset({"of", "for", "at", "with", "from"})
# The longest role phrase taken from an appositive, in tokens; longer ones are clauses.
_MAX_ROLE = 14


def _placed(head: Token, phrase: Sequence[Token]) -> bool:
    """Whether an appositive noun places one person in a body: "an infectious diseases
    specialist at Dalhousie University", "a researcher with the Fraser Institute" hold no
    title word, yet say what the person is and where. Not a group ("two respected
    speechwriters at the White House") nor a phrase that goes on to tell a story ("a star
    anchor at Fox News who questioned his respect for women")."""
    if head.tag_ in {"NNS", "NNPS"} or any(t.dep_ in {"relcl", "acl"} for t in phrase):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in _ORG_PREPS
        and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in prep.children)
        for prep in head.children
    )


# Kinship and neighbourhood nouns of person_nouns.txt: "her husband", "their neighbour" say
# whose, not what the person does.
_KIN = frozenset(
    {
        "brother",
        "dad",
        "daughter",
        "father",
        "grandfather",
        "grandmother",
        "husband",
        "mom",
        "mother",
        "neighbor",
        "neighbour",
        "parent",
        "sister",
        "son",
        "widow",
        "widower",
        "wife",
    }
)


def _person_role(word: str, person_nouns: Collection[str]) -> bool:
    """Whether a person noun makes a role ("columnist", "host"), not a kinship ("wife") or
    a neighbour."""
    return word in person_nouns and word not in _KIN


class Roles:
    """Reads the roles and organisations a document states.

    Args:
        doc: the parsed Doc.
        text: its text.
        lexicons: the word lists (titles, honorifics, demonyms).
    """

    def __init__(self, doc: Doc, text: str, lexicons: Lexicons) -> None:
        self.doc = doc
        self.text = text
        self.lexicons = lexicons

    def org_name(self, tokens: Sequence[Token]) -> str:
        """ "the State Department" -> "State Department"; "Iraqi" -> "Iraq"."""
        name = " ".join(span_text(self.text, strip_det(tokens)).split())
        return self.lexicons.demonyms.get(name.lower(), name)

    def read(self, entity: Entity) -> None:
        """Reads the roles stated around the entity's name mentions not read yet.

        Roles are read on demand, for the speakers and descriptions that need them.
        """
        doc = self.doc
        for head, start, end in entity.unread:
            found = self.role_of(doc[head], start, end)
            if found is not None:
                entity.learn_role(start, *found, self.lexicons.titles)
        entity.unread.clear()

    def role_of(self, head: Token, start: int, end: int) -> tuple[str, str | None] | None:
        """The role of the name at ``[start, end)`` with head ``head``, and its organisation.

        "US Secretary of Defense Jim Mattis" -> ("Secretary of Defense", "US");
        "Katie Wheelbarger, principal US deputy assistant secretary of defense ..." -> the
        appositive, with the first organisation or country in it; "Trump's campaign
        manager, Kellyanne Conway" -> ("campaign manager", None).
        """
        doc, text = self.doc, self.text
        honorifics, titles = self.lexicons.honorifics, self.lexicons.titles
        # Before the name: titles that modify it, or that the parser made a subject of its
        # own ("District board chair Barbara Roden urged ...": two subjects of "urged").
        left = head.left_edge.i
        if start == left and start > 0:
            before = doc[start - 1]
            if before.dep_ == head.dep_ == "nsubj" and before.head.i == head.head.i:
                left = before.left_edge.i
        j = start
        while j > left:
            tok = doc[j - 1]
            if tok.dep_ in {"det", "predet", "case", "poss"} or (tok.is_punct and tok.text != "-"):
                break
            if tok.lower_ in honorifics:
                break
            j -= 1
        prefix = [doc[k] for k in range(j, start)]  # most often none: no Span to make
        prefix = [t for t in prefix if t.lower_ not in honorifics]
        found = self._split_role(prefix)
        if found is not None:
            if found[1] is None:
                # "Analyst Paul Steep of Scotiabank": the body after the name is the role's
                found = (found[0], self._body_in(head, {"of", "at", "with"}, {"ORG"}))
            return found
        # The name ends the phrase of a title that the parser made its head: "Deputy Director
        # for Policy Jane Smith" (the name the object of "for"), "Vice President for news and
        # talk Dave Gorab" (a conjunct of the title).
        title = (
            head.head.head if head.dep_ == "pobj" else head.head if head.dep_ == "conj" else None
        )
        if (
            title is not None
            and title.lower_ in titles
            and title.i < start
            and title.right_edge.i == head.i
            and head.ent_type_ == "PERSON"
            and titles_name(title, start)
        ):
            found = self._split_role([doc[k] for k in range(title.left_edge.i, start)])
            if found is not None:
                return found
        # "Colleges and Universities Minister Jill Dunlop": a portfolio of two names before
        # the title, the name and the title conjuncts of the portfolio's first word
        # (mentions._portfolio_name finds the name so).
        if (
            head.dep_ == "conj"
            and start > 0
            and doc[start - 1].lower_ in titles
            and doc[start - 1].head.i == head.head.i
            and portfolio_name(head.head).i == head.i
        ):
            # the whole phrase: its first word is the portfolio's, not a body ("Colleges")
            return span_text(text, [doc[k] for k in range(head.head.left_edge.i, start)]), None
        # After the name: an appositive ("Mark Toner, the head of the press office at ...").
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                return self._appositive(child)
        # The name is the appositive of the body a description acts for, where the parser
        # hung it: "A spokesperson for the Council of Ontario Universities, Steve Orsini,
        # said" (mentions.named_in_apposition takes the name as the speaker).
        body = head.head
        if head.dep_ == "appos" and body.dep_ == "pobj" and body.head.dep_ == "prep":
            noun = body.head.head
            if noun.pos_ == "NOUN" and named_in_apposition(noun).i == head.i:
                role = [t for t in doc[noun.left_edge.i : noun.i + 1] if t.dep_ != "det"]
                s, e = mention_bounds(body)
                return span_text(text, role), self.org_name(list(doc[s:e]))
        # The name is the appositive: "Trump's campaign manager, Kellyanne Conway, said".
        # "Ontario's Environmental Commissioner, Dianne Saxe": a role in capitals as well.
        if (
            head.dep_ == "appos"
            and head.head.i < start
            and (
                head.head.pos_ == "NOUN"
                or (head.head.pos_ == "PROPN" and named_in_apposition(head.head).i == head.i)
            )
        ):
            governor = head.head
            tokens = [t for t in doc[governor.left_edge.i : governor.i + 1]]
            org = None
            poss = [t for t in tokens if t.dep_ == "poss" and t.ent_type_ in ORG_LABELS]
            tokens = [
                t for t in tokens if t.dep_ not in {"det", "poss", "case"} and t.head.dep_ != "poss"
            ]
            if poss:
                s, e = mention_bounds(poss[0])
                org = self.org_name(list(doc[s:e]))
            else:
                # "a spokesperson for the Business Council of New York State, Frank Kerbein";
                # not a title's own word ("a first-term secretary of state, Hillary Clinton")
                org = self._body_in(governor, _ORG_PREPS, ORG_LABELS, proper=True)
            # "The conservative radio host, Charlie Sykes": a person noun is a role here too;
            # not a kinship ("Her husband, Bill Clinton"), which says whose, not what
            if any(t.lower_ in titles for t in tokens) or (
                tokens and _person_role(tokens[-1].lower_, self.lexicons.person_nouns)
            ):
                return span_text(text, tokens), org
        return None

    def _body_in(
        self, head: Token, preps: Collection[str], labels: Collection[str], *, proper: bool = False
    ) -> str | None:
        """The organisation the first of ``head``'s phrases on one of ``preps`` names, its
        object an entity labelled one of ``labels`` ("a spokesman for the State Department",
        "Paul Steep of Scotiabank"), and with ``proper`` a capitalised proper noun (not a
        lower-case word the model labelled: "secretary of state"), or None."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None or obj.ent_type_ not in labels:
                    continue
                if not proper or (obj.pos_ == "PROPN" and obj.text[:1].isupper()):
                    s, e = mention_bounds(obj)
                    return self.org_name(list(self.doc[s:e]))
        return None

    def _split_role(self, tokens: Sequence[Token]) -> tuple[str, str | None] | None:
        """Splits a title phrase into role and organisation: "Iraqi Prime Minister". A person
        noun that ends the phrase is a role as well: "Political scientist Lydia Miljan",
        "Former neurosurgeon Ben Carson" (person_nouns.txt)."""
        titles = self.lexicons.titles
        tokens = strip_det(tokens)
        if not tokens:
            return None
        noun = _person_role(tokens[-1].lower_, self.lexicons.person_nouns)
        if not noun and not any(t.lower_ in titles for t in tokens):
            return None
        org = None
        k = 0
        while k < len(tokens) and tokens[k].ent_type_ in ORG_LABELS:
            k += 1
        # "Labor Secretary Tom Perez", "Finance Minister Chrystia Freeland": a portfolio the
        # model labels an organisation is part of the role ("FBI Director" is the FBI's)
        if (
            k == 1
            and len(tokens) > 1
            and tokens[0].ent_type_ == "ORG"
            and not tokens[0].is_upper
            and tokens[1].lower_ in {"secretary", "minister"}
        ):
            k = 0
        if 0 < k < len(tokens):
            org = self.org_name(tokens[:k])
            tokens = tokens[k:]
        # "The New York Times’ columnist": what the body's name leaves before the role
        while len(tokens) > 1 and (
            tokens[0].is_space or tokens[0].is_punct or tokens[0].tag_ == "POS"
        ):
            tokens = tokens[1:]
        if not noun and not any(t.lower_ in titles for t in tokens):
            return None
        return span_text(self.text, tokens), org

    def _appositive(self, head: Token) -> tuple[str, str | None] | None:
        """ "the head of the press office at the State Department" -> the role and its body."""
        doc, text, titles = self.doc, self.text, self.lexicons.titles
        # A relative clause ends the role: "a psychiatrist at Sunnybrook Health Sciences
        # Centre who was not involved in the research" is a psychiatrist there.
        end = min(
            (c.left_edge.i for c in head.rights if c.dep_ == "relcl"), default=head.right_edge.i + 1
        )
        tokens = list(strip_det(list(doc[head.left_edge.i : end])))
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        if not tokens or len(tokens) > _MAX_ROLE:
            return None
        chain = [head, *(c for c in head.children if c.dep_ in {"compound", "amod", "nmod"})]
        if not any(t.lower_ in titles for t in chain) and not _placed(head, tokens):
            return None
        # "the head of the press office at the State Department": the body ends the phrase.
        last = tokens[-1]
        if last.ent_type_ in {"ORG", "GPE"}:
            begin = last.i
            while begin > tokens[0].i and doc[begin].ent_iob_ == "I":
                begin -= 1
            k = begin - tokens[0].i
            if k > 1 and tokens[k - 1].lower_ in _ORG_PREPS:
                return span_text(text, tokens[: k - 1]), self.org_name(tokens[k:])
        org = None
        for k, t in enumerate(tokens):
            if t.ent_type_ in ORG_LABELS and t.ent_iob_ == "B":
                e = k + 1
                while e < len(tokens) and tokens[e].ent_iob_ == "I":
                    e += 1
                org = self.org_name(tokens[k:e])
                break
        return span_text(text, tokens), org

    def unnamed_role(self, span: Span) -> tuple[str | None, str | None]:
        """ "a spokesman for the State Department" -> ("spokesman", "State Department")."""
        doc, titles = self.doc, self.lexicons.titles
        root = span.root
        tokens = list(strip_det(list(span)))
        # "one senior EU diplomat", "two officials": how many is no part of the role
        while len(tokens) > 1 and tokens[0].i != root.i and tokens[0].like_num:
            tokens = tokens[1:]
        if not any(t.lower_ in titles for t in tokens):
            return None, None
        org = self._body_in(root, _ORG_PREPS, {"ORG", "GPE"})
        if org is None:
            for t in tokens:
                if t.ent_type_ in ORG_LABELS:
                    s, e = mention_bounds(t)
                    inner = doc[max(s, span.start) : min(e, span.end)]
                    org = self.org_name(list(inner))
                    # "Ontario's housing minister": the body's "'s" goes with it
                    tokens = [
                        x
                        for x in tokens
                        if not (s <= x.i < e or (x.dep_ == "case" and s <= x.head.i < e))
                    ]
                    break
        return span_text(self.text, tokens) or None, org

    def resolution_of(self, entity: Entity) -> Resolution:
        """A person entity as a resolution: its name, and the role and organisation the text
        gives it (read now if they were not yet)."""
        self.read(entity)
        gender, evidence = entity.reported_gender()
        return Resolution(
            entity.name,
            SpeakerKind.PERSON,
            entity.role,
            entity.organization,
            Gender(gender) if gender else Gender.UNKNOWN,
            evidence,
        )
