"""The site's forms: their fields, and where each posts, from the FORMS setting."""

import logging
import re
from urllib.parse import urlsplit

from sitekit.errors import SETTINGS_FILE, DefinitionError
from sitekit.owner import EMAIL_PATTERN

logger = logging.getLogger(__name__)

EMAIL_FIELD = {
    "name": "email",
    "type": "email",
    "required": True,
    "autocomplete": "email",
    "pattern": EMAIL_PATTERN,
}
# The fields each form asks for, in order. Labels live in theme/strings.yaml under
# "field_<name>"; the privacy page lists them from here too.
FIELDS = {
    "contact": [
        {"name": "naam", "type": "text", "required": True, "autocomplete": "name"},
        EMAIL_FIELD,
        {"name": "telefoon", "type": "tel", "required": False, "autocomplete": "tel"},
        {"name": "bericht", "type": "textarea", "required": True, "maxlength": 5000},
    ],
    "newsletter": [
        {
            "name": "voornaam",
            "type": "text",
            "required": False,
            "autocomplete": "given-name",
        },
        EMAIL_FIELD,
    ],
}
# Sent with every form besides its fields: the ticked consent box and the source page.
CONSENT_FIELD = "toestemming"
SOURCE_FIELD = "bron"
THANKS_PATH = "bedankt/"  # content/pages/bedankt.md: after the contact form
# After a newsletter signup, when it comes back to the site (newsletter_thanks).
NEWSLETTER_THANKS_PATH = THANKS_PATH + "nieuwsbrief/"
THANKS = {"contact": THANKS_PATH, "newsletter": NEWSLETTER_THANKS_PATH}

PROVIDERS = {
    # Netlify Forms: posts to the site itself; Netlify answers with the action page.
    "netlify": {"honeypot": "bot-field", "redirect_field": None},
    # A generic form backend (Formspree and the like): the URL, plus where to go next.
    "backend": {"honeypot": "_gotcha", "redirect_field": "_next"},
    # A mailing tool's signup URL; the tool sends its own double opt-in e-mail.
    "mailing": {"honeypot": "website", "redirect_field": None},
}
FORM_KEYS = {"provider", "endpoint", "redirect_field", "honeypot", "field_names"}
FORM_KEYS |= {"recipient"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-\[\]]*$")
_DATA_ATTRIBUTE = re.compile(r"^data-[a-z0-9-]+$")


def _fail(code: str, path: str, **params):
    raise DefinitionError(SETTINGS_FILE, code, path=path, **params)


def _http_url(value, path: str) -> str:
    if value is None or value == "":
        _fail("value-missing", path)
    parts = urlsplit(value) if isinstance(value, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc:
        _fail("url-not-http", path, value=value)
    return value


def _field_name(value, path: str) -> str:
    if not isinstance(value, str) or not _NAME.match(value):
        _fail("form-field-name", path, value=value)
    return value


def load_form(name: str, config) -> dict:
    """One form's setup: provider, action, extra fields, and the fields it sends.
    A contact form sent by the reader's own mail program does not ask for her e-mail
    address: the mail comes from it (and a form where the address and the phone were
    both "optional" read as if she need give neither)."""
    fields = [dict(field, send_as=field["name"]) for field in FIELDS[name]]
    if config is None and name == "contact":
        fields = [field for field in fields if field["name"] != "email"]
    setup = {
        "name": name,
        "provider": "mail",
        "action": None,
        "honeypot": None,
        "redirect_field": None,
        "recipient": None,
        "thanks": THANKS[name],
        "fields": fields,
    }
    if config is None:
        return setup
    where = f"FORMS.{name}"
    if not isinstance(config, dict):
        _fail("settings-block", where)
    unknown = sorted(set(config) - FORM_KEYS)
    if unknown:
        _fail("keys-unknown", where, keys=unknown)
    provider = config.get("provider")
    if provider not in PROVIDERS:
        _fail(
            "value-not-allowed",
            f"{where}.provider",
            value=provider,
            options=list(PROVIDERS),
        )
    defaults = PROVIDERS[provider]
    setup["provider"] = provider
    if provider == "netlify":
        if config.get("endpoint"):
            _fail("netlify-endpoint", f"{where}.endpoint")
        setup["action"] = THANKS[name]
        setup["recipient"] = config.get("recipient") or "Netlify"
    else:
        setup["action"] = _http_url(config.get("endpoint"), f"{where}.endpoint")
        setup["recipient"] = config.get("recipient") or urlsplit(setup["action"]).netloc
    setup["honeypot"] = _field_name(
        config.get("honeypot", defaults["honeypot"]), f"{where}.honeypot"
    )
    redirect = config.get("redirect_field", defaults["redirect_field"])
    if redirect is not None:
        setup["redirect_field"] = _field_name(redirect, f"{where}.redirect_field")
    renames = config.get("field_names") or {}
    known = {field["name"] for field in fields}
    for field_name, send_as in renames.items():
        if field_name not in known:
            _fail(
                "form-field-unknown",
                f"{where}.field_names",
                value=field_name,
                options=sorted(known),
            )
        _field_name(send_as, f"{where}.field_names.{field_name}")
    for field in fields:
        field["send_as"] = renames.get(field["name"], field["name"])
    return setup


def load_forms(settings: dict) -> dict[str, dict]:
    """Every form's setup; a form missing from FORMS falls back to a mail link."""
    forms = settings.get("FORMS") or {}
    if not isinstance(forms, dict):
        _fail("settings-block", "FORMS")
    unknown = sorted(set(forms) - set(FIELDS))
    if unknown:
        _fail("forms-unknown", "FORMS", keys=unknown, options=list(FIELDS))
    return {name: load_form(name, forms.get(name)) for name in FIELDS}


def newsletter_thanks(forms: dict[str, dict]) -> bool:
    """Whether a newsletter signup comes back to the site's own page: posted to
    Netlify, or to a tool told where to send her next (`redirect_field`)."""
    setup = forms["newsletter"]
    return setup["provider"] == "netlify" or bool(setup["redirect_field"])


def newsletter_shown(settings: dict, forms: dict[str, dict]) -> bool:
    """Whether the footer has a signup: with a mailing tool in FORMS always; without one
    only when NEWSLETTER_BY_MAIL asks for a signup by the reader's own e-mail."""
    return forms["newsletter"]["provider"] != "mail" or newsletter_by_mail(settings)


def newsletter_by_mail(settings: dict) -> bool:
    """Whether readers sign up by an e-mail of their own: NEWSLETTER_BY_MAIL asks
    for it, and BUSINESS has the address to send it to."""
    email = (settings.get("BUSINESS") or {}).get("email")
    return bool(settings.get("NEWSLETTER_BY_MAIL") and email)


def load_analytics(settings: dict) -> dict | None:
    """The ANALYTICS setting, checked; None (the default) means no analytics."""
    analytics = settings.get("ANALYTICS")
    if not analytics:
        return None
    if not isinstance(analytics, dict):
        _fail("settings-block", "ANALYTICS")
    unknown = sorted(set(analytics) - {"script", "endpoint", "name", "attributes"})
    if unknown:
        _fail("keys-unknown", "ANALYTICS", keys=unknown)
    _http_url(analytics.get("script"), "ANALYTICS.script")
    if analytics.get("endpoint") is not None:
        _http_url(analytics["endpoint"], "ANALYTICS.endpoint")
    if not isinstance(analytics.get("name"), str) or not analytics["name"].strip():
        _fail("analytics-name", "ANALYTICS.name")
    attributes = analytics.get("attributes") or {}
    for key, value in attributes.items():
        if not _DATA_ATTRIBUTE.match(str(key)) or not isinstance(value, str):
            _fail("analytics-attribute", "ANALYTICS", key=key)
    return {**analytics, "attributes": attributes}
