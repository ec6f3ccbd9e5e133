"""The call to action after each article: defined once in CTAS, chosen per article."""

import logging
from urllib.parse import quote, urlencode

from embeds.attach import NONE, all_articles, choose

from .errors import SETTINGS_FILE, DefinitionError

logger = logging.getLogger(__name__)

CTA_KEYS = ("title", "text", "button", "url")
NEWSLETTER_ANCHOR = "#nieuwsbrief"  # the footer signup (partials/newsletter.html)


def load_ctas(settings: dict) -> dict[str, dict]:
    """The CTAS setting, checked: every block complete, the default one of them."""
    ctas = settings.get("CTAS") or {}
    if not isinstance(ctas, dict):
        raise DefinitionError(SETTINGS_FILE, "must map names to blocks", path="CTAS")
    for name, block in ctas.items():
        if not isinstance(block, dict):
            raise DefinitionError(
                SETTINGS_FILE, "must be a mapping", path=f"CTAS.{name}"
            )
        for key in CTA_KEYS:
            value = block.get(key)
            if not isinstance(value, str) or not value.strip():
                raise DefinitionError(
                    SETTINGS_FILE, "missing or empty", path=f"CTAS.{name}.{key}"
                )
        unknown = sorted(set(block) - set(CTA_KEYS))
        if unknown:
            raise DefinitionError(
                SETTINGS_FILE,
                f"unknown keys {unknown}; expected {', '.join(CTA_KEYS)}",
                path=f"CTAS.{name}",
            )
    default = str(settings.get("CTA_DEFAULT") or NONE)
    if default != NONE and default not in ctas:
        choices = ", ".join(sorted(ctas)) or "(none defined)"
        raise DefinitionError(
            SETTINGS_FILE,
            f"unknown call to action {default!r}; expected one of {choices} or 'none'",
            path="CTA_DEFAULT",
        )
    return ctas


def cta_href(url: str, slug: str, name: str) -> str:
    """The block's link, relative to the site root, carrying the article as `bron` and
    the block as `cta` (forms.js puts both into the form)."""
    if url.startswith("#"):
        return url
    path, _, fragment = url.partition("#")
    separator = "&" if "?" in path else "?"
    query = urlencode({"bron": slug, "cta": name}, quote_via=quote)
    return f"{path}{separator}{query}" + (f"#{fragment}" if fragment else "")


def choose_cta(
    article, ctas: dict, default: str, newsletter: bool = True
) -> dict | None:
    """The block an article names in `Cta:` (or the default); None for "none". A block
    leading to the newsletter gives way to the default while there is no signup."""
    named = {name: {**block, "name": name} for name, block in ctas.items()}
    block = choose(article, "Cta", default, named, noun="call to action")
    if block and not newsletter and block["url"] == NEWSLETTER_ANCHOR:
        block = named.get(default)
        if block and block["url"] == NEWSLETTER_ANCHOR:
            block = None
    if block is None:
        return None
    return {**block, "href": cta_href(block["url"], article.slug, block["name"])}


def attach_ctas(generator) -> None:
    """Give every article (hidden, drafts and translations too) its `cta`."""
    settings = generator.settings
    ctas = settings["CTA_BLOCKS"]
    default = settings.get("CTA_DEFAULT") or NONE
    for article in all_articles(generator):
        article.cta = choose_cta(
            article, ctas, default, settings.get("NEWSLETTER_SHOWN", True)
        )
