"""The spaCy pipelines quoteattr runs on: the default model, and one cache for them all.

:func:`load` is what :func:`quoteattr.extract`, :func:`quoteattr.extract_many`, the dask
helpers and the command line use: a pipeline is loaded once per process and model (and
component config), so that a notebook calling ``extract`` and ``extract_many`` pays for the
model's load once. The default model's files are checked against pinned hashes before it loads
(:mod:`quoteattr.verify`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language

from . import lexicons
from .component import QuoteAttributor
from .errors import Errors, QuoteattrError
from .fastruler import use_fast_ruler
from .model import Profile
from .verify import DEFAULT_MODEL, PINNED_MODELS, verify_model

__all__ = [
    "DEFAULT_MODEL",
    "components",
    "key_of",
    "load",
    "load_pipeline",
    "loaded",
    "profile_of_pipeline",
]

_PACKAGES = {name: requirement for name, (requirement, _) in PINNED_MODELS.items()}

# (model name, component config as JSON) -> the pipeline with the quoteattr component.
_CACHE: dict[tuple[str, str], Language] = {}
# The same for the pipelines loaded with fast_ruler=False, which key_of does not name (a worker
# loading by key would get the fast ruler), so that they are sent pickled.
_STOCK: dict[tuple[str, str], Language] = {}
_LOCK = threading.Lock()


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Loads an installed spaCy pipeline by name, as it is (no cache, no component).

    A pinned model (the default one) has its files checked first and is loaded from its
    verified data directory, without running its package's code (:func:`verify_model`).

    Args:
        name: an installed pipeline package's name, or a pipeline directory.

    Returns:
        the pipeline.

    Raises:
        QuoteattrError: [E002] when the pipeline cannot be loaded, with install advice that
            works: the PyPI package for the default pipeline, spaCy's download command for
            another name; [E029] when a file of a pinned model is not the pinned one.
    """
    try:
        if name in PINNED_MODELS:
            return spacy.load(verify_model(name))
        return spacy.load(name)
    except (OSError, ImportError) as err:
        package = _PACKAGES.get(name)
        if package is not None:
            advice = Errors.E002_PYPI.format(package=package)
        else:
            default = _PACKAGES[DEFAULT_MODEL]
            advice = Errors.E002_OTHER.format(name=name, default=DEFAULT_MODEL, package=default)
        raise QuoteattrError(Errors.E002.format(name=name, reason=err, advice=advice)) from err


def load(
    model: str = DEFAULT_MODEL,
    *,
    config: Mapping[str, Any] | None = None,
    fast_ruler: bool = True,
) -> Language:
    """An installed spaCy pipeline with the ``quoteattr`` component at its end (and
    ``quoteattr_sentences`` before its parser), loaded once per process for each model,
    config and ``fast_ruler``.

    Every call with the same arguments returns the same pipeline object: change a copy
    (``spacy.load`` plus ``nlp.add_pipe("quoteattr")``), not this one, if you need another.

    Args:
        model: the name of an installed English pipeline with a parser.
        config: the component's config (``extension``, ``extra_cues``, ...).
        fast_ruler: put :class:`~quoteattr.fastruler.FastAttributeRuler` in the place of the
            pipeline's ``attribute_ruler`` when its rules compile (same attributes, a fraction
            of its time; docs/scale.md); False keeps spaCy's own. A pipeline loaded with
            False is sent to worker processes pickled.

    Returns:
        the pipeline; ``nlp(text)._.quotes`` holds the quotes.

    Raises:
        QuoteattrError: [E002] when the pipeline is not installed.
    """
    settings = dict(config or {})
    key = (model, json.dumps(settings, sort_keys=True))
    cache = _CACHE if fast_ruler else _STOCK
    with _LOCK:
        nlp = cache.get(key)
        if nlp is None:
            nlp = load_pipeline(model)
            keep_abbreviations(nlp)
            if fast_ruler:
                # Same token attributes as the stock ruler on every development document
                # (tests/test_fastruler.py); a ruler it cannot reproduce stays as it is.
                use_fast_ruler(nlp)
            if "parser" in nlp.pipe_names and "quoteattr_sentences" not in nlp.pipe_names:
                # Paragraph breaks and datelines start sentences (quoteattr.component).
                nlp.add_pipe("quoteattr_sentences", before="parser")
            if not components(nlp):
                nlp.add_pipe("quoteattr", config=settings)
            cache[key] = nlp
            _NAMES[id(nlp)] = tuple(nlp.pipe_names)
        return nlp


# The norm of an abbreviated title kept whole: one the model knows (see keep_abbreviations).
_TITLE_NORM = "gov."


def keep_abbreviations(nlp: Language) -> None:
    """Makes the tokenizer keep abbreviated titles whole (``lexicons/abbreviations.txt``):
    the default pipeline splits "Const." at its period and starts a sentence after it, so
    that "Const. Dani McKinnon said ..." lost the title and began with the name. Each is
    normalised as "gov.", a title the model knows, so that it tags and parses it as the
    title of the name after it (whole but unknown, "Const." was a stray punctuation mark).
    The text and every offset stay as they are."""
    tokenizer: Any = nlp.tokenizer
    if not hasattr(tokenizer, "add_special_case"):  # a tokenizer of the user's own making
        return
    for abbreviation in lexicons.abbreviations():
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation, NORM: _TITLE_NORM}])


# id(pipeline) -> its component names when it was loaded, to notice a cached pipeline that
# was changed afterwards (a component added or removed).
_NAMES: dict[int, tuple[str, ...]] = {}


def key_of(nlp: Language) -> tuple[str, dict[str, Any]] | None:
    """The model name and component config :func:`load` loaded this pipeline from, or None
    for a pipeline it did not load (or whose components changed since).

    Worker processes load a pipeline by this key instead of receiving it whole.
    """
    with _LOCK:
        for (model, config), cached in _CACHE.items():
            if cached is nlp:
                names = _NAMES.get(id(nlp))
                if names is not None and names != tuple(nlp.pipe_names):
                    return None
                return model, json.loads(config)
    return None


def loaded() -> list[str]:
    """The models this process has loaded through :func:`load`, in load order."""
    with _LOCK:
        return [model for model, _ in _CACHE] + [model for model, _ in _STOCK]


def components(nlp: Language) -> list[QuoteAttributor]:
    """The quoteattr components of a pipeline, in pipeline order."""
    return [proc for _, proc in nlp.pipeline if isinstance(proc, QuoteAttributor)]


def profile_of_pipeline(nlp: Language) -> Profile:
    """The profile of the pipeline's (first) quoteattr component, else ``claims``."""
    own = components(nlp)
    return own[0].profile if own else Profile.CLAIMS
