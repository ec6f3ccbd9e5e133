"""The call to action after each article: defined once in CTAS, chosen per article."""

import logging
from urllib.parse import quote, urlencode, urlsplit

from sitekit.attach import NONE, all_articles, choose
from sitekit.errors import SETTINGS_FILE, DefinitionError

from .channels import load_channels

logger = logging.getLogger(__name__)

CTA_KEYS = ("title", "text", "button", "url")
# Optional: `"booking": True` marks a block that plans a conversation; with BOOKING_URL
# set it leads to her booking page instead of its url.
BOOKING_KEY = "booking"
NEWSLETTER_ANCHOR = "#nieuwsbrief"  # the footer signup (partials/newsletter.html)


def load_ctas(settings: dict) -> dict[str, dict]:
    """The CTAS setting, checked: every block complete, the default one of them."""
    ctas = settings.get("CTAS") or {}
    if not isinstance(ctas, dict):
        raise DefinitionError(SETTINGS_FILE, "ctas-block", path="CTAS")
    for name, block in ctas.items():
        if not isinstance(block, dict):
            raise DefinitionError(SETTINGS_FILE, "settings-block", path=f"CTAS.{name}")
        for key in CTA_KEYS:
            value = block.get(key)
            if not isinstance(value, str) or not value.strip():
                raise DefinitionError(
                    SETTINGS_FILE, "value-missing", path=f"CTAS.{name}.{key}"
                )
        unknown = sorted(set(block) - {*CTA_KEYS, BOOKING_KEY})
        if unknown:
            raise DefinitionError(
                SETTINGS_FILE, "keys-unknown", path=f"CTAS.{name}", keys=unknown
            )
        if not isinstance(block.get(BOOKING_KEY, False), bool):
            raise DefinitionError(
                SETTINGS_FILE,
                "value-wrong-kind",
                path=f"CTAS.{name}.{BOOKING_KEY}",
                expected="true-or-false",
                value=block[BOOKING_KEY],
            )
    default = str(settings.get("CTA_DEFAULT") or NONE)
    if default != NONE and default not in ctas:
        raise DefinitionError(
            SETTINGS_FILE,
            "definition-unknown",
            path="CTA_DEFAULT",
            kind="call to action",
            value=default,
            options=sorted(ctas),
        )
    booking = load_channels(settings)["booking"]
    if booking:
        ctas = {
            name: {**block, "url": booking} if block.get(BOOKING_KEY) else block
            for name, block in ctas.items()
        }
    return ctas


def is_external(url: str) -> bool:
    """Whether a block leads off the site (her booking page)."""
    return bool(urlsplit(url).scheme)


def cta_href(url: str, slug: str, name: str) -> str:
    """The block's link, relative to the site root, carrying the article as `bron` and
    the block as `cta` (forms.js puts both into the form). A link off the site (the
    booking page) stays as it is: another site gets nothing of what she read."""
    if url.startswith("#") or is_external(url):
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
    href = cta_href(block["url"], article.slug, block["name"])
    return {**block, "href": href, "external": is_external(href)}


def attach_ctas(generator) -> None:
    """Give every article (hidden, drafts and translations too) its `cta`."""
    context = generator.context
    ctas = context["CTA_BLOCKS"]
    default = generator.settings.get("CTA_DEFAULT") or NONE
    for article in all_articles(generator):
        article.cta = choose_cta(
            article, ctas, default, context.get("NEWSLETTER_SHOWN", True)
        )
