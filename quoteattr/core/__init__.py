"""The pure stages of extraction, in the order they run: a parsed Doc in, findings out.

No module here reads or writes files, runs a batch or knows the command line (an import
contract checks it). The facade :mod:`quoteattr.extract` wires them together:

1. ``marks``       quote-mark pairing on the raw string
2. ``cues``        the cue lexicon and cue matching
3. ``content``     which quote-marked stretches are direct quotes
4. ``direct``      direct quotes -> findings; ``reported``: reported speech -> findings
5. ``mentions``    cue -> speaker mention and its kind
6. resolution      mention -> entity
7. ``confidence``  calibrated confidence
8. assembly        findings -> Quote, built once

``layout`` (paragraphs, sentences, character <-> token lookups) serves every stage.
"""
