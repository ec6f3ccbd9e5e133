"""Funnel settings: CTA links carry the source, FORMS and ANALYTICS are checked."""

import pytest
from funnel.cta import cta_href, load_ctas
from funnel.errors import DefinitionError
from funnel.forms import load_analytics, load_forms, newsletter_shown
from funnel.readiness import funnel_findings


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
        finding.message
        for finding in funnel_findings(settings)
        if finding.message.startswith("de nieuwsbrief")
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
    with pytest.raises(DefinitionError, match="FORMS.contact.field_names: 'x' is not"):
        load_forms({"FORMS": {"contact": renamed}})
    hostile = {"provider": "backend", "endpoint": "https://a.b/", "honeypot": '"><'}
    with pytest.raises(DefinitionError, match="FORMS.contact.honeypot"):
        load_forms({"FORMS": {"contact": hostile}})
    backend = {"provider": "backend", "endpoint": "https://a.b/"}
    assert load_forms({"FORMS": {"contact": backend}})["contact"]["redirect_field"] == (
        "_next"
    )


def test_cta_settings_are_checked():
    with pytest.raises(DefinitionError, match=r"CTAS.kort.url: missing or empty"):
        load_ctas({"CTAS": {"kort": {"title": "a", "text": "b", "button": "c"}}})
    good = {"a": {"title": "a", "text": "b", "button": "c", "url": "contact/"}}
    with pytest.raises(
        DefinitionError,
        match="CTA_DEFAULT: unknown call to action 'b'; expected one of a",
    ):
        load_ctas({"CTAS": good, "CTA_DEFAULT": "b"})
    assert load_ctas({"CTAS": good, "CTA_DEFAULT": "a"}) == good


def test_analytics_settings_are_checked():
    assert load_analytics({"ANALYTICS": None}) is None
    with pytest.raises(DefinitionError, match="ANALYTICS.name: missing"):
        load_analytics({"ANALYTICS": {"script": "https://s.example/s.js"}})
    with pytest.raises(DefinitionError, match="must be a data-\\* attribute"):
        load_analytics(
            {
                "ANALYTICS": {
                    "script": "https://s.example/s.js",
                    "name": "S",
                    "attributes": {"onload": "x()"},
                }
            }
        )
