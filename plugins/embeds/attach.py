"""Attaching definitions to articles from their metadata, with a site-wide default."""

from .errors import DefinitionError

NONE = "none"


def choose(article, key: str, default: str | None, known: dict):
    """The definition an article names under `key` (or the default); None for "none"."""
    name = str(article.metadata.get(key.lower(), default or NONE)).strip()
    if name.lower() == NONE:
        return None
    if name not in known:
        choices = ", ".join(sorted(known)) or "(none defined)"
        raise DefinitionError(
            article.source_path,
            f"unknown {key.lower()} {name!r}; expected one of {choices} or 'none'",
            path=key,
        )
    return known[name]
