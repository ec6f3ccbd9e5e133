"""What the owner still has to fill in for a complete funnel: told by `invoke check`
and `invoke publish` (authoring/lint.py), never shown to readers."""

import re
from dataclasses import dataclass

from .channels import e164
from .forms import EMAIL_PATTERN, newsletter_by_mail

KVK = re.compile(r"^\d{8}$")
EMAIL = re.compile(f"^{EMAIL_PATTERN}$")


@dataclass(frozen=True)
class Finding:
    """One thing missing or wrong in pelicanconf.py, in the owner's words (Dutch)."""

    anchor: str  # text on the settings line to report (its first occurrence)
    untrue: bool  # True: published, the site would say something false
    message: str
    advice: str


def _business(settings: dict) -> list[Finding]:
    business = settings.get("BUSINESS") or {}
    found = []
    email = business.get("email")
    if not email:
        found.append(
            Finding(
                '"email":',
                False,
                "business.email is leeg: lezers kunnen je niet mailen en het "
                "contactformulier valt weg",
                "vul je e-mailadres in",
            )
        )
    elif not EMAIL.match(str(email)):
        found.append(
            Finding(
                '"email":',
                True,
                f"business.email is geen e-mailadres ({email})",
                "vul een adres in als naam@domein.nl",
            )
        )
    kvk = business.get("kvk")
    if kvk and not KVK.match(str(kvk).replace(" ", "")):
        found.append(
            Finding(
                '"kvk":',
                True,
                f"business.kvk is geen KvK-nummer van 8 cijfers ({kvk})",
                "neem het nummer over van je inschrijving bij de KvK",
            )
        )
    phone = business.get("phone")
    if phone and not e164(phone):
        found.append(
            Finding(
                '"phone":',
                True,
                f"business.phone is geen telefoonnummer ({phone}): lezers kunnen "
                "je niet bellen of appen",
                'schrijf het nummer zoals "06 12345678" of "+31 6 12345678"',
            )
        )
    missing = {
        "name": (
            "de handelsnaam ontbreekt",
            "vul business.name in zoals bij de KvK ingeschreven; "
            "de privacyverklaring noemt nu de sitenaam",
        ),
        "kvk": (
            "het KvK-nummer ontbreekt",
            "vul business.kvk in: een zakelijke website moet het tonen",
        ),
        "phone": (
            "het telefoonnummer ontbreekt",
            "vul business.phone in: wie liever belt, vindt nu alleen je e-mailadres",
        ),
        "region": (
            "de regio waar je werkt ontbreekt",
            'vul business.region in, bijvoorbeeld "Gelderland en omstreken"',
        ),
    }
    for key, (message, advice) in missing.items():
        if not business.get(key):
            found.append(Finding(f'"{key}":', False, message, advice))
    return found


def _forms(settings: dict) -> list[Finding]:
    forms = settings.get("FORMS") or {}
    found = []
    if "contact" not in forms:
        found.append(
            Finding(
                "FORMS =",
                False,
                "het contactformulier heeft geen formulierdienst: lezers versturen "
                "hun bericht met hun eigen e-mailprogramma",
                "zet een dienst bij forms.contact, zie docs/handleiding.md, "
                "'Formulieren'",
            )
        )
    if "newsletter" not in forms:
        shown = newsletter_by_mail(settings)
        found.append(
            Finding(
                "FORMS =",
                False,
                "de nieuwsbrief heeft geen mailingtool: "
                + (
                    "lezers melden zich aan met een e-mail aan jou"
                    if shown
                    else "de aanmelding staat niet op de site"
                ),
                "zet de aanmeld-URL van je mailingtool bij forms.newsletter",
            )
        )
    return found


def _privacy(settings: dict) -> list[Finding]:
    privacy = settings.get("PRIVACY") or {}
    if privacy.get("host"):
        return []
    return [
        Finding(
            '"host":',
            False,
            "de privacyverklaring noemt niet wie de website host",
            'vul privacy.host in, bijvoorbeeld "Netlify (VS)"',
        )
    ]


def _booking(settings: dict) -> list[Finding]:
    if not settings.get("BOOKING_URL") or settings.get("BOOKING_TOOL"):
        return []
    return [
        Finding(
            "BOOKING_TOOL =",
            False,
            "de privacyverklaring noemt je agendadienst alleen bij zijn webadres",
            'vul BOOKING_TOOL in, bijvoorbeeld "Calendly (VS)"',
        )
    ]


def funnel_findings(settings: dict) -> list[Finding]:
    """Everything still missing for a complete funnel, in the order of the settings."""
    return (
        _business(settings) + _booking(settings) + _forms(settings) + _privacy(settings)
    )
