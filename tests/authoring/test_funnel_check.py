"""Every build (`invoke check` here, with pelicanconf.py or, as `invoke publish`
checks, publishconf.py) tells the owner what the funnel still misses; only a detail
that would make the site untrue stops a publish."""

import shutil

from authoring.lint import check_content
from tests.conftest import ROOT

SETTINGS = "content/instellingen.yaml"

SHIPPED = {
    "de handelsnaam ontbreekt": "waarschuwing",
    "het KvK-nummer ontbreekt": "waarschuwing",
    "het telefoonnummer ontbreekt": "waarschuwing",
    "de regio waar je werkt ontbreekt": "waarschuwing",
    "het contactformulier heeft geen formulierdienst: lezers versturen hun bericht "
    "met hun eigen e-mailprogramma": "waarschuwing",
    "de nieuwsbrief heeft geen mailingtool: de aanmelding staat niet op de site": (
        "waarschuwing"
    ),
    "de privacyverklaring noemt niet wie de website host": "waarschuwing",
}


def settings_problems(settings, publishing=False) -> dict[str, tuple[int, str]]:
    """Her settings' lines from `invoke check`, or with the settings of publishing."""
    if publishing:
        settings = shutil.copy(ROOT / "publishconf.py", settings.parent)
    return {
        p.message: (p.line, p.level)
        for p in check_content(settings)
        if p.file == SETTINGS
    }


def owner(workspace):
    """The owner's settings file of the workspace."""
    return workspace.parent / SETTINGS


def line_of(settings, text: str) -> int:
    lines = owner(settings).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_check_names_everything_the_shipped_funnel_misses(workspace):
    found = settings_problems(workspace)
    assert {m: level for m, (_, level) in found.items() if m in SHIPPED} == SHIPPED
    assert found["het KvK-nummer ontbreekt"][0] == line_of(workspace, "kvk:")
    assert found["de privacyverklaring noemt niet wie de website host"][0] == (
        line_of(workspace, "host:")
    )


def test_publish_refuses_placeholders_and_warns_about_the_rest(workspace):
    found = settings_problems(workspace, publishing=True)
    errors = [m for m, (_, level) in found.items() if level == "fout"]
    # Only the placeholder addresses (the lint's own rule) stop a publish.
    assert errors and all("voorbeeldadres" in message for message in errors)
    assert {m: level for m, (_, level) in found.items() if m in SHIPPED} == SHIPPED


def test_a_complete_funnel_leaves_nothing_to_say(workspace):
    text = owner(workspace).read_text(encoding="utf-8")
    text = text.replace("info@hippisch-va.example", "wilhelmien@hippisch-va.nl")
    text = text.replace("https://www.hippisch-va.example", "https://hippisch-va.nl")
    for key, value in {
        "name": "Hippisch VA Wilhelmien",
        "phone": "06 12345678",
        "kvk": "12345678",
        "region": "Gelderland",
        "host": "Netlify (VS)",
    }.items():
        text = text.replace(f"  {key}: null", f'  {key}: "{value}"', 1)
    text = text.replace(
        "forms: {}",
        "forms:\n  contact:\n    provider: netlify\n  newsletter:\n"
        "    provider: mailing\n    endpoint: https://api.laposta.nl/subscribe",
    )
    owner(workspace).write_text(text, encoding="utf-8")
    assert settings_problems(workspace, publishing=True) == {}


def test_a_kvk_number_that_cannot_be_one_is_an_error_in_check_and_publish(workspace):
    text = owner(workspace).read_text(encoding="utf-8")
    owner(workspace).write_text(text.replace("kvk: null", 'kvk: "1234"', 1), "utf-8")
    found = settings_problems(workspace, publishing=True)
    message = "business.kvk is geen KvK-nummer van 8 cijfers (1234)"
    assert found[message] == (line_of(workspace, "kvk:"), "fout")
    assert settings_problems(workspace)[message][1] == "fout"


def test_the_report_is_one_dutch_line_per_problem(workspace, capsys):
    from authoring.lint import main

    assert main(workspace) == 0  # warnings only
    out = capsys.readouterr().out
    line = line_of(workspace, "phone:")
    assert (
        f"{SETTINGS}:{line}: waarschuwing: het telefoonnummer ontbreekt "
        "(vul business.phone in: wie liever belt, vindt nu alleen je e-mailadres)"
    ) in out.splitlines()


def test_a_phone_number_that_is_none_is_named_on_its_line(workspace):
    text = owner(workspace).read_text(encoding="utf-8")
    owner(workspace).write_text(text.replace("phone: null", 'phone: "06-bel-me"', 1))
    found = settings_problems(workspace)
    message = (
        "business.phone is geen telefoonnummer (06-bel-me): "
        "lezers kunnen je niet bellen of appen"
    )
    assert found[message] == (line_of(workspace, "phone:"), "fout")
    assert settings_problems(workspace, publishing=True)[message][1] == "fout"


def test_a_form_service_without_its_address_is_named_as_she_wrote_it(workspace):
    """Her file says `forms:`; the build's setting is FORMS: she reads her own words."""
    file = owner(workspace)
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace("forms: {}", "forms:\n  contact:\n    provider: backend"),
        encoding="utf-8",
    )
    found = settings_problems(workspace)
    line = file.read_text(encoding="utf-8").splitlines().index("    provider: backend")
    assert found["forms.contact.endpoint: dit ontbreekt of is leeg"] == (
        line + 1,
        "fout",
    )
