"""What the owner still has to fill in for a complete funnel: reported by every build
(`invoke check`, `invoke build`, the preview, `invoke publish`) at the line of her
settings, never shown to readers. Each finding is a code of the author's catalog
(authoring/problems.nl.yaml, which says how bad it is: a setting that would make the
site say something false is an error) with its data."""

import re
from dataclasses import dataclass, field

from sitekit.findings import report_setting
from sitekit.owner import own_file

from .channels import e164
from .forms import EMAIL_PATTERN, newsletter_by_mail

KVK = re.compile(r"^\d{8}$")
EMAIL = re.compile(f"^{EMAIL_PATTERN}$")
# The business details a complete site names, and the code when one is missing.
MISSING = {
    "name": "business-name-missing",
    "kvk": "business-kvk-missing",
    "phone": "business-phone-missing",
    "region": "business-region-missing",
}


@dataclass(frozen=True)
class Finding:
    """One thing missing or wrong in the owner's settings: a code and its data."""

    code: str
    setting: str  # the path of the setting it is about, e.g. BUSINESS.kvk
    params: dict = field(default_factory=dict)


def _business(settings: dict) -> list[Finding]:
    business = settings.get("BUSINESS") or {}
    found = []
    email = business.get("email")
    if not email:
        found.append(Finding("business-email-missing", "BUSINESS.email"))
    elif not EMAIL.match(str(email)):
        found.append(
            Finding("business-email-invalid", "BUSINESS.email", {"value": email})
        )
    kvk = business.get("kvk")
    if kvk and not KVK.match(str(kvk).replace(" ", "")):
        found.append(Finding("business-kvk-invalid", "BUSINESS.kvk", {"value": kvk}))
    phone = business.get("phone")
    if phone and not e164(phone):
        found.append(
            Finding("business-phone-invalid", "BUSINESS.phone", {"value": phone})
        )
    for key, code in MISSING.items():
        if not business.get(key):
            found.append(Finding(code, f"BUSINESS.{key}"))
    return found


def _forms(settings: dict) -> list[Finding]:
    forms = settings.get("FORMS") or {}
    found = []
    if "contact" not in forms:
        found.append(Finding("contact-form-no-service", "FORMS"))
    if "newsletter" not in forms:
        by_mail = newsletter_by_mail(settings)
        code = "newsletter-by-mail" if by_mail else "newsletter-no-tool"
        found.append(Finding(code, "FORMS"))
    return found


def _privacy(settings: dict) -> list[Finding]:
    privacy = settings.get("PRIVACY") or {}
    return (
        [] if privacy.get("host") else [Finding("privacy-host-missing", "PRIVACY.host")]
    )


def _booking(settings: dict) -> list[Finding]:
    if not settings.get("BOOKING_URL") or settings.get("BOOKING_TOOL"):
        return []
    return [Finding("booking-tool-missing", "BOOKING_TOOL")]


def funnel_findings(settings: dict) -> list[Finding]:
    """Everything still missing for a complete funnel, in the order of the settings."""
    return (
        _business(settings) + _booking(settings) + _forms(settings) + _privacy(settings)
    )


def report_funnel(pelican) -> None:
    """get_generators, the first signal of a build (sitekit.rules.on_build_start):
    each finding, at the setting it is about (when the settings are the built
    content's, sitekit.owner.own_file); told even when a post's read error stops the
    build. Adds no generator."""
    settings = pelican.settings
    for found in funnel_findings(settings) if own_file(settings) else ():
        report_setting(found.setting, found.code, **found.params)
