"""Attaching definitions to articles from their metadata, with a site-wide default.

Shared by every plugin that gives articles something by name (worksheets, checklists,
calls to action).
"""

from .errors import SETTINGS_FILE, DefinitionError
from .findings import refuse
from .lines import field_line

NONE = "none"


def all_articles(generator) -> list:
    """Every article a build writes a page for: published, hidden and draft, with
    their translations."""
    return [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]


def site_default(settings: dict, kind: str, known: dict) -> str | None:
    """The `<KIND>_DEFAULT` setting (WORKSHEET_DEFAULT, CHECKLIST_DEFAULT); a name that
    is neither a definition in `known` nor "none" is refused at the setting (the
    build goes on without a default, and fails)."""
    setting = f"{kind.upper()}_DEFAULT"
    default = settings.get(setting)
    if default and default.lower() != NONE and default not in known:
        return refuse(
            settings,
            DefinitionError(
                SETTINGS_FILE,
                "definition-unknown",
                path=setting,
                kind=kind,
                value=default,
                options=sorted(known),
            ),
        )
    return default


def choose(article, key: str, default: str | None, known: dict, noun: str = ""):
    """The definition an article names under `key` (or the default); None for "none".

    An unknown name is refused at the article's file and the line of `key` (the
    article goes on without one, the build fails); `noun` names the kind of thing
    in the message (default: `key` in lower case).
    """
    name = str(article.metadata.get(key.lower(), default or NONE)).strip()
    if name.lower() == NONE:
        return None
    if name not in known:
        return refuse(
            article.settings,
            DefinitionError(
                article.source_path,
                "definition-unknown",
                path=key,
                line=field_line(article.source_path, key),
                kind=noun or key.lower(),
                value=name,
                options=sorted(known),
            ),
        )
    return known[name]
