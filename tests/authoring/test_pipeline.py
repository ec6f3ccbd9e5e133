"""One pipeline: `invoke check`, `invoke build` and the preview's build tell the
author the same lines, `bestand:regel: niveau: wat (wat te doen)`, for every mistake
of issue 26, with the same level. Each runs for real on a small copy of the project:
check and the build in this process, the preview's pass in a process of its own (as
`make serve` runs it)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from authoring.lint import check_content, main
from authoring.messages import run_pelican
from tests.conftest import ROOT

POST = "content/posts/dilemmas.md"
LIST = "content/checklists/uitbesteden.md"
SETTINGS = "content/instellingen.yaml"
PREVIEW = """
import json, sys
from pathlib import Path
sys.path.insert(0, "plugins")
from authoring.preview import Preview
preview = Preview(Path(sys.argv[1]))
preview.run(None)
told = [*preview.errors, *map(str, preview.warnings)]
print("\\n@@" + json.dumps(told))
"""


def edit(name: str, old: str, new: str):
    def apply(project: Path) -> None:
        path = project / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def in_body(text: str):
    """`text` as a paragraph of the post, after its first paragraph."""
    return edit(POST, "\n\n- Stel", f"\n\n{text}\n\n- Stel")


def add(name: str, data: bytes):
    def apply(project: Path) -> None:
        (project / name).write_bytes(data)

    return apply


IFRAME = '<iframe src="https://www.youtube.com/embed/x"></iframe>'


def iframe_line(line: int) -> str:
    return (
        f"{POST}:{line}: fout: een ingesloten frame (<iframe>) kan niet op de site "
        "(zet er een gewone link neer, zoals [Bekijk de video](https://...))"
    )


EMPTY_TITLE = (
    "content/posts/lege-titel.md:2: fout: de post heeft geen titel (zet bovenaan een "
    "regel als: Title: Mijn titel)"
)
MISTAKES = [
    (
        "an iframe in a post",
        in_body(IFRAME),
        [iframe_line(10)],
    ),
    (
        "a style attribute in a post",
        in_body('<p style="color: red">Rood</p>'),
        [
            f"{POST}:10: fout: eigen opmaak (style=) kan niet in een post (haal het "
            "weg; de site verzorgt de opmaak: gebruik **vet**, *schuin* of ## koppen)"
        ],
    ),
    (
        "an image path relative to the post",
        in_body("![Paard in de wei](../images/foto.jpg)"),
        [
            f"{POST}:10: fout: de link ../images/foto.jpg wijst naar een afbeelding "
            "die niet bestaat (controleer het adres; een eigen afbeelding link je met "
            "{static}/images/naam.jpg)"
        ],
    ),
    (
        "a field below the blank line",
        in_body("Checklist: voorjaar"),
        [
            f"{POST}:10: fout: deze regel hoort bij de velden bovenaan: onder de lege "
            "regel komt Checklist: als tekst op de pagina (zet hem bij de velden "
            "bovenaan, boven de eerste lege regel)"
        ],
    ),
    (
        "a date in the future",
        edit(POST, "Date: 2024-01-15 09:00", "Date: 2099-01-15 09:00"),
        [
            f"{POST}:3: fout: de datum 2099-01-15 09:00 ligt in de toekomst (zet de "
            "datum van vandaag, of Status: draft zolang de post nog niet af is)"
        ],
    ),
    (
        "an image still on Wix",
        in_body("![Paard](https://static.wixstatic.com/media/a1b2~mv2.jpg)"),
        [
            f"{POST}:10: fout: de afbeelding "
            "https://static.wixstatic.com/media/a1b2~mv2.jpg staat op een andere "
            "website (download hem, zet hem in content/images/ en link hem met "
            "{static}/images/naam.jpg)"
        ],
    ),
    (
        "a text file among the posts",
        add("content/posts/notities.txt", b"hallo"),
        [
            "content/posts/notities.txt:1: waarschuwing: notities.txt is geen "
            "Markdown-bestand (.md), dus het komt niet op de site (zet de tekst in een "
            ".md-bestand, of haal het bestand weg uit content/posts/)"
        ],
    ),
    (
        "a Word file among the posts",
        add("content/posts/Nieuwe post.docx", b"PK\x03\x04"),
        [
            "content/posts/Nieuwe post.docx:1: waarschuwing: Nieuwe post.docx is geen "
            "Markdown-bestand (.md), dus het komt niet op de site (zet de tekst in een "
            ".md-bestand, of haal het bestand weg uit content/posts/)"
        ],
    ),
    (
        "a cover image that does not exist",
        edit(POST, "Summary: ", "Image: images/bestaat-niet.jpg\nSummary: "),
        [
            f"{POST}:6: fout: Image: images/bestaat-niet.jpg is geen foto in "
            "content/images/ (zet de foto in content/images/ en schrijf Image: "
            "images/naam.jpg)"
        ],
    ),
    (
        "a checklist whose Article: names no post",
        edit(LIST, "Article: dilemmas", "Article: bestaat-niet"),
        [
            f"{LIST}:1: fout: Article: 'bestaat-niet' is geen gepubliceerde post met "
            "deze checklist (kies uit: dilemmas)"
        ],
    ),
    (
        "a first body line read as a field",
        edit(POST, "\n\nIn mijn vak", "\nTip: begin op tijd met plannen.\n\nIn mijn"),
        [
            f"{POST}:7: waarschuwing: deze regel staat direct onder de velden en wordt "
            "gelezen als een veld Tip: hij komt niet op de pagina (zet een lege regel "
            "onder de velden)"
        ],
    ),
    (
        "a Dutch field name and a misspelled one",
        edit(POST, "Category: Ondernemen", "Categorie: Ondernemen\nSamenvatting: Kort"),
        [
            f"{POST}:4: waarschuwing: onbekend veld Categorie: de site leest het niet "
            "(bedoel je Category?)",
            f"{POST}:5: waarschuwing: onbekend veld Samenvatting: de site leest het "
            "niet (bedoel je Summary?)",
        ],
    ),
    (
        "a menu item for a page that does not exist",
        edit(
            SETTINGS,
            "label: Over mij\n    page: over-mij",
            "label: Tarieven\n    page: tarieven/",
        ),  # fmt: skip
        [
            f"{SETTINGS}:36: fout: menu.2.page: de pagina 'tarieven/' bestaat niet "
            "(schrijf de naam van een pagina uit content/pages/ (zonder .md), "
            "bijvoorbeeld 404, bedankt, blog)"
        ],
    ),
    (
        "three mistakes in one post, all at once",
        lambda project: [
            edit(POST, "Date: 2024-01-15 09:00", "Date: 31-02-2024")(project),
            edit(POST, "Slug: dilemmas", "Slug: dilemma's & meer")(project),
            in_body(IFRAME)(project),
        ],
        [
            iframe_line(10),
            f"{POST}:2: fout: de slug 'dilemma's & meer' kan niet in een webadres: "
            "alleen kleine letters (zonder accenten), cijfers, - en _ (schrijf Slug: "
            "dilemmas-meer)",
            f"{POST}:3: fout: de datum '31-02-2024' bestaat niet (schrijf hem als "
            "01-02-2025 10:00 voor 1 februari 2025, of 2025-02-01 10:00)",
        ],
    ),
    (
        "a title no address can be made of",
        add(
            "content/posts/vraag.md",
            b"Title: ???\nDate: 2024-01-01\nSummary: Een vraag.\n\nTekst.\n",
        ),
        [
            "content/posts/vraag.md:1: fout: van deze titel kan geen webadres (slug) "
            "worden gemaakt (voeg een regel toe als: Slug: mijn-post)"
        ],
    ),
    (
        "a missing title and an iframe, told together",
        lambda project: [
            edit(POST, "Title: Dilemma's\n", "")(project),
            in_body(IFRAME)(project),
        ],
        [
            f"{POST}:1: fout: de post heeft geen titel (zet bovenaan een regel als: "
            "Title: Mijn titel)",
            iframe_line(9),
        ],
    ),
    (
        "an empty title",
        add(
            "content/posts/lege-titel.md",
            b"Date: 2024-02-01 10:00\nTitle:\nSummary: Nog zonder titel.\n\nTekst.\n",
        ),
        [EMPTY_TITLE],
    ),
    (
        "a title of only spaces",
        edit(POST, "Title: Dilemma's", "Title:   "),
        [
            f"{POST}:1: fout: de post heeft geen titel (zet bovenaan een regel als: "
            "Title: Mijn titel)"
        ],
    ),
    (
        "a Dutch Titel: in place of Title: (the site reads no alias)",
        edit(POST, "Title: Dilemma's", "Titel: Dilemma's"),
        [
            f"{POST}:1: fout: de post heeft geen titel (zet bovenaan een regel als: "
            "Title: Mijn titel)"
        ],
    ),
    (
        "an iframe and a misspelled field, told together",
        lambda project: [
            edit(POST, "Category: Ondernemen", "Categorie: Ondernemen")(project),
            in_body(IFRAME)(project),
        ],
        [
            iframe_line(10),
            f"{POST}:4: waarschuwing: onbekend veld Categorie: de site leest het niet "
            "(bedoel je Category?)",
        ],
    ),
    (
        "an example address in her settings",
        edit(SETTINGS, "info@hippisch-va.example", "wilhelmien@stal-hoefslag.example"),
        [
            f"{SETTINGS}:19: waarschuwing: business.email is nog een voorbeeldadres "
            "(wilhelmien@stal-hoefslag.example) (vul je echte gegevens in voordat je "
            "publiceert)"
        ],
    ),
    (
        "a KvK number of seven digits",
        edit(SETTINGS, "kvk: null", 'kvk: "1234567"'),
        [
            f"{SETTINGS}:21: fout: business.kvk is geen KvK-nummer van 8 cijfers "
            "(1234567) (neem het nummer over van je inschrijving bij de KvK)"
        ],
    ),
    (
        "links to the offline page and the checklist's PDF",
        in_body("Zie [offline](/offline/) en [de lijst](/checklists/uitbesteden.pdf)."),
        [],
    ),
]


def project(folder: Path) -> Path:
    """A project of its own: the settings, the theme and a copy of content/."""
    shutil.copy(ROOT / "pelicanconf.py", folder / "pelicanconf.py")
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "theme").symlink_to(ROOT / "theme")
    return folder / "pelicanconf.py"


def checked(settings: Path) -> set[str]:
    return {str(p) for p in check_content(settings)}


def built(settings: Path) -> set[str]:
    told: list[str] = []
    output = settings.parent / "output"
    run_pelican(settings, [str(settings.parent / "content"), "-o", str(output)],
                told.append)  # fmt: skip
    return {line for line in told if not line.startswith("Klaar: ")}


def previewed(settings: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PREVIEW, str(settings)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.rsplit("\n@@", 1)[1]))


@pytest.fixture(scope="module")
def before(tmp_path_factory) -> dict[str, set[str]]:
    """What each says about the project as it is (her settings' reminders)."""
    settings = project(tmp_path_factory.mktemp("before"))
    told = {"check": checked(settings), "build": built(settings)}
    return told | {"preview": previewed(settings)}


REMINDERS = [
    f"{SETTINGS}:19: waarschuwing: business.email is nog een voorbeeldadres "
    "(info@hippisch-va.example) (vul je echte gegevens in voordat je publiceert)",
    f"{SETTINGS}:21: waarschuwing: het KvK-nummer ontbreekt (vul business.kvk in: "
    "een zakelijke website moet het tonen)",
    f"{SETTINGS}:91: waarschuwing: het contactformulier heeft geen formulierdienst: "
    "lezers versturen hun bericht met hun eigen e-mailprogramma (zet een dienst bij "
    "forms.contact, zie docs/handleiding.md, 'Formulieren')",
    "content/pages/home.md:1: waarschuwing: deze pagina heeft nog geen foto van jou "
    "(zet je foto in content/images/ en in de kop 'Photo: images/naam.jpg' met "
    "'Photo_alt:' (wat erop staat))",
]


def test_her_settings_reminders_are_told_alike_by_check_build_and_preview(before):
    """The project as shipped: only warnings (what she has yet to fill in, her
    photo), the same from all three."""
    assert before["check"] == before["build"] == before["preview"]
    assert set(REMINDERS) <= before["check"]
    assert not [line for line in before["check"] if ": fout: " in line]


def test_an_example_address_stops_a_publish(tmp_path):
    """With the settings of publishing (PUBLISHING in publishconf.py), as `invoke
    publish` checks and builds, an example address is an error: the same line from
    both, and the build fails."""
    project(tmp_path)
    publish = Path(shutil.copy(ROOT / "publishconf.py", tmp_path))
    error = REMINDERS[0].replace(": waarschuwing: ", ": fout: ")
    assert error in checked(publish)
    told: list[str] = []
    code = run_pelican(publish, [str(tmp_path / "content"), "-o", str(tmp_path / "o")],
                       told.append)  # fmt: skip
    assert error in told
    assert code == 1


def test_an_empty_title_stops_a_publish_before_it_writes(tmp_path):
    """`invoke publish` checks and builds with publishconf.py: a post whose Title:
    is empty is the error of a missing title there too, and the build stops before
    it writes anything."""
    project(tmp_path)
    publish = Path(shutil.copy(ROOT / "publishconf.py", tmp_path))
    MISTAKES[[m[0] for m in MISTAKES].index("an empty title")][1](tmp_path)
    assert EMPTY_TITLE in checked(publish)
    told: list[str] = []
    site = tmp_path / "site"
    code = run_pelican(publish, [str(tmp_path / "content"), "-o", str(site)],
                       told.append)  # fmt: skip
    assert EMPTY_TITLE in told
    assert code == 1
    assert not [p for p in site.rglob("*") if p.is_file()]


def test_a_setting_publishconf_sets_is_told_at_its_line_there(tmp_path):
    """publishconf.py overrides pelicanconf.py and her settings: a mistake in a
    value it sets itself is told at its line, by the check and the build of
    publishing alike (and by neither at her settings)."""
    project(tmp_path)
    publish = Path(shutil.copy(ROOT / "publishconf.py", tmp_path))
    with publish.open("a", encoding="utf-8") as file:
        file.write('\nWORKSHEET_DEFAULT = "bestaat-niet"\n')
    line = len(publish.read_text(encoding="utf-8").splitlines())
    told = [p for p in checked(publish) if "WORKSHEET_DEFAULT" in p]
    assert len(told) == 1
    assert told[0].startswith(
        f"publishconf.py:{line}: fout: WORKSHEET_DEFAULT: er is geen werkblad met de "
        "naam 'bestaat-niet' ("
    )
    built: list[str] = []
    code = run_pelican(publish, [str(tmp_path / "content"), "-o", str(tmp_path / "o")],
                       built.append)  # fmt: skip
    assert code == 1
    assert told[0] in built


@pytest.mark.parametrize(
    "mistake, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_check_build_and_preview_tell_the_same_lines(
    tmp_path, before, mistake, expected
):
    settings = project(tmp_path)
    mistake(tmp_path)
    from_check = checked(settings) - before["check"]
    assert sorted(from_check) == expected
    # The build stops at an error before it writes; the preview goes on (it shows
    # the last good pages below the errors). Both say what check says.
    assert built(settings) - before["build"] == set(expected)
    assert previewed(settings) - before["preview"] == set(expected)


def test_build_and_check_print_the_same_lines_in_the_same_order(tmp_path, capsys):
    """The build tells her settings' reminders (warnings) first and the posts' errors
    later; it prints, as `invoke check` does, errors first, and seven findings of one
    kind as one line."""
    settings = project(tmp_path)
    for n in range(1, 8):
        text = f"Title: Kort {n}\nDate: 0{n}-03-2024 10:00\nSummary:\n\nTekst.\n"
        add(f"content/posts/kort-{n}.md", (text + "\n#### Te diep\n").encode())(
            tmp_path
        )
    assert main(settings) == 1
    from_check = capsys.readouterr().out.splitlines()
    told: list[str] = []
    code = run_pelican(settings, [str(tmp_path / "content"), "-o",
                                  str(tmp_path / "o")], told.append)  # fmt: skip
    assert code == 1
    assert told == from_check[: len(told)]
    assert from_check[len(told)].startswith("7 fout(en), ")  # check's closing lines
    assert from_check[len(told) + 1 :] == ["Los de fouten op voordat je publiceert."]
    assert told[0].startswith("7× fout: Summary is leeg (")
    assert any(line.startswith("7× waarschuwing: ") for line in told[1:])
    assert set(REMINDERS) <= set(told[1:])  # told first by the build, printed after


def test_a_post_that_stops_the_build_does_not_hide_her_settings_reminders(tmp_path):
    """A read error stops the build before its posts are done: her settings'
    reminders are told all the same (they come first), by all three."""
    settings = project(tmp_path)
    in_body(IFRAME)(tmp_path)
    reminders = {line for line in REMINDERS if line.startswith(SETTINGS)}
    assert reminders <= checked(settings)
    assert reminders <= built(settings)
    assert reminders <= previewed(settings)
