"""Mistakes in the owner's settings file (content/instellingen.yaml) stop `invoke
build` with one Dutch line at the file's line (the preview words a pass's failure
through the same DutchBuildLog, and a settings file it cannot read by the same line)."""

import pytest

from authoring.lint import main as check_main
from authoring.messages import run_pelican
from authoring.preview import fallback_settings
from authoring.source import site_settings
from tests.conftest import ROOT


def broken(workspace, old: str, new: str) -> tuple[str, int]:
    """The workspace's settings file with `old` replaced; its name and the line of
    the last line of `new`."""
    owner = workspace.parent / "content" / "instellingen.yaml"
    text = owner.read_text(encoding="utf-8")
    assert old in text
    owner.write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = owner.read_text(encoding="utf-8").splitlines()
    return "content/instellingen.yaml", lines.index(new.splitlines()[-1]) + 1


def built(workspace, monkeypatch, old, new) -> tuple[str, int, list]:
    """The mistake made: the file and line, and `invoke build`'s lines (it stops),
    which `invoke check` gives too."""
    monkeypatch.chdir(workspace.parent)
    file, line = broken(workspace, old, new)
    checked: list[str] = []
    monkeypatch.setattr("builtins.print", lambda *a, **k: checked.append(str(a[0])))
    try:
        assert check_main(workspace) == 1
    except SystemExit as stop:
        checked.append(str(stop.code))
    monkeypatch.undo()
    monkeypatch.chdir(workspace.parent)
    told: list[str] = []
    try:
        code = run_pelican(workspace, ["-o", "output"], told.append)
    except SystemExit as stop:  # the settings cannot be read: its one line
        code, told = 1, [str(stop.code)]
    assert code == 1
    assert set(told) <= set(checked), checked
    return file, line, [line for line in told if ": waarschuwing: " not in line]


def test_a_menu_page_that_does_not_exist_is_told_at_its_line(workspace, monkeypatch):
    file, line, told = built(
        workspace,
        monkeypatch,
        "  - label: Contact\n    page: contact",
        "  - label: Tarieven\n    page: tarieven/\n"
        "  - label: Contact\n    page: contact",
    )
    line -= 2  # the page of "Tarieven"
    expected = (
        f"{file}:{line}: fout: menu.4.page: de pagina 'tarieven/' bestaat niet "
        "(schrijf de naam van een pagina uit content/pages/ (zonder .md), "
        "bijvoorbeeld 404, bedankt, blog)"
    )
    assert told == [expected]


def test_a_mistyped_menu_page_is_told_with_the_page_she_meant(workspace, monkeypatch):
    file, line, told = built(
        workspace, monkeypatch, "    page: diensten", "    page: dienstenn"
    )
    assert told == [
        f"{file}:{line}: fout: menu.1.page: de pagina 'dienstenn' bestaat niet "
        "(schrijf de naam van een pagina uit content/pages/ (zonder .md), "
        "bijvoorbeeld diensten)"
    ]


def test_a_page_she_adds_is_in_the_menu_with_her_label(workspace, monkeypatch):
    (workspace.parent / "content" / "pages" / "tarieven.md").write_text(
        "Title: Tarieven en pakketten\n\nUurtarief en strippenkaarten.\n", "utf-8"
    )
    broken(
        workspace,
        "  - label: Contact\n    page: contact",
        "  - label: Tarieven & pakketten\n    page: tarieven.md\n"
        "  - label: Contact\n    page: contact",
    )
    monkeypatch.chdir(workspace.parent)
    assert run_pelican(workspace, ["-o", "output"], print) == 0
    home = (workspace.parent / "output" / "index.html").read_text(encoding="utf-8")
    assert '<a href="./tarieven-en-pakketten/">Tarieven &amp; pakketten</a>' in home


def test_a_broken_file_stops_build_and_preview_with_its_line(workspace, monkeypatch):
    file, line, told = built(
        workspace, monkeypatch, 'brand_colour: "#2d5a37"', "brand_colour: groen"
    )
    expected = (
        f"{file}:{line}: fout: brand_colour: 'groen' is geen kleur (schrijf een "
        'kleur als "#2d5a37": een hekje en zes tekens 0-9 of a-f, tussen '
        "aanhalingstekens)"
    )
    assert told == [expected]


def test_a_call_to_action_mistake_is_told_at_its_line(workspace, monkeypatch):
    file, line, told = built(
        workspace,
        monkeypatch,
        "    button: Stel je vraag\n",
        "    knop: Stel je vraag\n",
    )
    assert told == [
        f"{file}:{line}: fout: ctas.vraag: 'knop' kent de site niet (kies uit: "
        "title, text, button, url, booking)"
    ]


def test_what_a_plugin_finds_in_her_settings_is_told_at_its_line(
    workspace, monkeypatch
):
    file, line, told = built(
        workspace, monkeypatch, "cta_default: kennismaking", "cta_default: kennismakin"
    )
    assert told == [
        f"{file}:{line}: fout: cta_default: er is geen oproep met de naam "
        "'kennismakin' (bedoel je kennismaking? kies uit: kennismaking, nieuwsbrief, "
        "vraag, of none voor geen oproep)"
    ]


def test_a_settings_file_python_cannot_run_still_names_the_previews_theme(workspace):
    """While pelicanconf.py cannot run, the preview starts on stand-in settings with
    the theme its line `THEME = "..."` names (that line is the one owner of it)."""
    project = workspace.parent
    (project / "theme").unlink()
    (project / "mijn-thema").symlink_to(ROOT / "theme")
    text = workspace.read_text(encoding="utf-8")
    assert 'THEME = "theme"\n' in text
    text = text.replace('THEME = "theme"\n', 'THEME = "mijn-thema"  # van de stal\n')
    workspace.write_text(text + "\nSITENAME = (\n", encoding="utf-8")  # never closed
    with pytest.raises(SystemExit):
        site_settings(workspace)
    settings = fallback_settings(workspace)
    assert settings["THEME"] == str(project / "mijn-thema")
    assert settings["PATH"] == str(project / "content")
