"""Funnel settings: CTA links carry the source, FORMS and ANALYTICS are checked."""

import re
from types import SimpleNamespace

import pytest
from funnel.channels import e164, load_channels
from funnel.cta import choose_cta, cta_href, load_ctas
from funnel.forms import EMAIL_PATTERN, load_analytics, load_forms, newsletter_shown
from funnel.readiness import funnel_findings
from sitekit.errors import DefinitionError

from authoring.catalog import words


def test_cta_link_carries_the_article_slug_and_block_before_the_fragment():
    assert cta_href("contact/#contactformulier", "dilemmas", "vraag") == (
        "contact/?bron=dilemmas&cta=vraag#contactformulier"
    )
    assert cta_href("diensten/?x=1", "a b", "k") == "diensten/?x=1&bron=a%20b&cta=k"
    assert cta_href("#nieuwsbrief", "dilemmas", "nieuwsbrief") == "#nieuwsbrief"


@pytest.mark.parametrize(
    ("settings", "shown"),
    [
        ({"FORMS": {}}, False),
        (
            {"FORMS": {}, "NEWSLETTER_BY_MAIL": True, "BUSINESS": {"email": "a@b.nl"}},
            True,
        ),
        ({"FORMS": {}, "NEWSLETTER_BY_MAIL": True, "BUSINESS": {"email": None}}, False),
        ({"FORMS": {"newsletter": {"provider": "netlify"}}}, True),
    ],
)
def test_the_newsletter_waits_for_a_mailing_tool_unless_mail_is_chosen(settings, shown):
    assert newsletter_shown(settings, load_forms(settings)) is shown
    # `invoke check` tells the owner what the site does, never the opposite.
    told = [
        words(finding.code, finding.params)[0]
        for finding in funnel_findings(settings)
        if finding.code.startswith("newsletter")
    ]
    if "newsletter" in settings["FORMS"]:
        assert told == []
    else:
        (message,) = told
        assert message.endswith(
            "lezers melden zich aan met een e-mail aan jou"
            if shown
            else "de aanmelding staat niet op de site"
        )


def test_forms_without_settings_fall_back_to_mail():
    forms = load_forms({"FORMS": {}})
    assert {name: form["provider"] for name, form in forms.items()} == {
        "contact": "mail",
        "newsletter": "mail",
    }


def test_backend_defaults_and_renamed_fields():
    setup = load_forms(
        {
            "FORMS": {
                "newsletter": {
                    "provider": "mailing",
                    "endpoint": "https://list.example/subscribe",
                    "field_names": {"email": "EMAIL"},
                }
            }
        }
    )["newsletter"]
    assert setup["action"] == "https://list.example/subscribe"
    assert setup["recipient"] == "list.example"
    assert setup["redirect_field"] is None
    assert [f["send_as"] for f in setup["fields"]] == ["voornaam", "EMAIL"]


def test_form_settings_are_checked():
    renamed = {"provider": "netlify", "field_names": {"x": "y"}}
    with pytest.raises(
        DefinitionError, match="FORMS.contact.field_names: form-field-unknown"
    ):
        load_forms({"FORMS": {"contact": renamed}})
    hostile = {"provider": "backend", "endpoint": "https://a.b/", "honeypot": '"><'}
    with pytest.raises(DefinitionError, match="FORMS.contact.honeypot"):
        load_forms({"FORMS": {"contact": hostile}})
    # A service without its address: missing, not "'None' is no web address".
    with pytest.raises(DefinitionError, match="FORMS.contact.endpoint: value-missing"):
        load_forms({"FORMS": {"contact": {"provider": "backend"}}})
    backend = {"provider": "backend", "endpoint": "https://a.b/"}
    assert load_forms({"FORMS": {"contact": backend}})["contact"]["redirect_field"] == (
        "_next"
    )


def test_cta_settings_are_checked():
    with pytest.raises(DefinitionError, match=r"CTAS.kort.url: value-missing"):
        load_ctas({"CTAS": {"kort": {"title": "a", "text": "b", "button": "c"}}})
    good = {"a": {"title": "a", "text": "b", "button": "c", "url": "contact/"}}
    with pytest.raises(
        DefinitionError,
        match=r"CTA_DEFAULT: definition-unknown \(kind='call to action', "
        r"options=\['a'\], value='b'\)",
    ):
        load_ctas({"CTAS": good, "CTA_DEFAULT": "b"})
    assert load_ctas({"CTAS": good, "CTA_DEFAULT": "a"}) == good


def test_analytics_settings_are_checked():
    assert load_analytics({"ANALYTICS": None}) is None
    with pytest.raises(DefinitionError, match="ANALYTICS.name: analytics-name"):
        load_analytics({"ANALYTICS": {"script": "https://s.example/s.js"}})
    with pytest.raises(DefinitionError, match="ANALYTICS: analytics-attribute"):
        load_analytics(
            {
                "ANALYTICS": {
                    "script": "https://s.example/s.js",
                    "name": "S",
                    "attributes": {"onload": "x()"},
                }
            }
        )


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("06 12345678", "+31612345678"),
        ("06-1234 5678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("0031 6 12345678", "+31612345678"),
        ("(026) 123 45 67", "+31261234567"),
        ("+32 470 12 34 56", "+32470123456"),
        ("0612345", None),  # a digit or three short
        ("06 123456789", None),
        ("bel me maar", None),
        ("", None),
    ],
)
def test_phone_numbers_are_read_the_dutch_way_into_e164(written, number):
    assert e164(written) == number


def test_a_mobile_number_gets_call_and_whatsapp_a_landline_only_call():
    mobile = load_channels({"BUSINESS": {"phone": "06 12345678"}})
    assert mobile["tel"] == "tel:+31612345678"
    assert mobile["whatsapp"] == "https://wa.me/31612345678"
    landline = load_channels({"BUSINESS": {"phone": "026 123 45 67"}})
    assert (landline["tel"], landline["whatsapp"]) == ("tel:+31261234567", None)
    assert load_channels({"BUSINESS": {"phone": "onbekend"}})["tel"] is None


def test_a_number_that_is_no_number_is_one_dutch_line_for_the_owner():
    findings = funnel_findings({"BUSINESS": {"phone": "06-bel-me"}})
    (found,) = [f for f in findings if f.setting == "BUSINESS.phone"]
    message, advice, level = words(found.code, found.params)
    assert level == "fout"
    assert message.startswith("business.phone is geen telefoonnummer (06-bel-me)")
    assert "\n" not in message + advice


BLOCK = {
    "title": "Plan een gesprek",
    "text": "Vrijblijvend.",
    "button": "Plan",
    "url": "contact/#contactformulier",
}


def test_with_a_booking_page_the_booking_block_leads_there_without_the_source():
    settings = {
        "CTAS": {
            "kennismaking": {**BLOCK, "booking": True},
            "vraag": BLOCK,
        },
        "BOOKING_URL": "https://cal.com/wilhelmien/kennismaking",
    }
    ctas = load_ctas(settings)
    assert ctas["kennismaking"]["url"] == "https://cal.com/wilhelmien/kennismaking"
    assert ctas["vraag"]["url"] == BLOCK["url"]
    article = SimpleNamespace(slug="dilemmas", metadata={}, source_path="d.md")
    chosen = choose_cta(article, ctas, "kennismaking")
    assert chosen["href"] == "https://cal.com/wilhelmien/kennismaking"
    assert chosen["external"] is True
    plain = choose_cta(
        article, load_ctas({**settings, "BOOKING_URL": None}), "kennismaking"
    )
    assert plain["href"] == "contact/?bron=dilemmas&cta=kennismaking#contactformulier"
    assert plain["external"] is False
    with pytest.raises(DefinitionError, match="BOOKING_URL"):
        load_ctas({**settings, "BOOKING_URL": "calendly.com/wilhelmien"})
    # The privacy page names the tool: by BOOKING_TOOL, or else by the host.
    assert load_channels(settings)["booking_tool"] == "cal.com"
    told = {f.setting for f in funnel_findings(settings)}
    assert "BOOKING_TOOL" in told
    named = {**settings, "BOOKING_TOOL": "Cal.com (VS)"}
    assert load_channels(named)["booking_tool"] == "Cal.com (VS)"
    assert "BOOKING_TOOL" not in {f.setting for f in funnel_findings(named)}


@pytest.mark.parametrize(
    ("address", "plausible"),
    [
        ("marieke@stal", False),
        ("marieke@stal.n", False),
        ("marieke stal@stal.nl", False),
        ("marieke@stal.nl", True),
        ("m.de.vries@paardenpension-de-hoef.com", True),
    ],
)
def test_the_email_pattern_asks_for_a_domain_with_a_dot(address, plausible):
    assert bool(re.fullmatch(EMAIL_PATTERN, address)) is plausible


def test_the_mail_contact_form_leaves_the_address_to_her_mail_program():
    def contact_fields(forms):
        fields = load_forms({"FORMS": forms})["contact"]["fields"]
        return {f["name"]: f["required"] for f in fields}

    # By mail her address is the mail's sender: not asked, so the phone is the one
    # optional field (not two "optional" ones that read as if neither is needed).
    assert contact_fields({}) == {"naam": True, "telefoon": False, "bericht": True}
    # A form service needs it to answer: required there, the phone still optional.
    backend = {"provider": "backend", "endpoint": "https://forms.example/contact"}
    for provider in ({"provider": "netlify"}, backend):
        fields = contact_fields({"contact": provider})
        assert fields == {
            "naam": True,
            "email": True,
            "telefoon": False,
            "bericht": True,
        }
    newsletter = load_forms({"FORMS": {}})["newsletter"]["fields"]
    assert [f["required"] for f in newsletter if f["name"] == "email"] == [True]
