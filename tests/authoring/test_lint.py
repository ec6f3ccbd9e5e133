"""`invoke check`: one line per problem, with file:line and what to do."""

import subprocess
import sys
from pathlib import Path

from authoring.lint import Problem, check_content, main
from authoring.messages import report_lines
from tests.conftest import FIXTURES, ROOT, copy_content
from tests.support.images import image_bytes


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_in(workspace: Path, name: str) -> list[tuple[int, str, str]]:
    """(line, level, message) of every problem the check finds in one file."""
    return [
        (p.line, p.level, p.message)
        for p in check_content(workspace)
        if p.file.endswith(name)
    ]


GOOD = """Title: {title}
Slug: {slug}
Date: 2024-03-01 10:00
Summary: Een samenvatting.

Tekst.
"""


def test_the_real_content_and_the_fixture_posts_have_no_errors(tmp_path):
    problems = check_content(ROOT / "pelicanconf.py", copy_content(tmp_path))
    assert [str(p) for p in problems if p.level == "fout"] == []


def test_a_missing_title_and_an_unreadable_date(workspace):
    """Both at once: the reader adds the missing title to the post's read errors
    (Pelican would look for it only once the date is readable)."""
    posts = workspace.parent / "content/posts"
    post = "Slug: zonder\nDate: {date}\nSummary: x\n\nT.\n"
    write(posts, "zonder.md", post.format(date="15-01-2024 9 uur"))
    assert problems_in(workspace, "zonder.md") == [
        (1, "fout", "de post heeft geen titel"),
        (2, "fout", "de datum '15-01-2024 9 uur' is niet te lezen"),
    ]
    write(posts, "zonder.md", post.format(date="15-01-2024 09:00"))
    assert problems_in(workspace, "zonder.md") == [
        (1, "fout", "de post heeft geen titel"),
    ]


def test_a_date_in_the_future_is_an_error_unless_the_post_is_a_draft(workspace):
    posts = workspace.parent / "content/posts"
    future = "Title: {title}\nDate: 2099-11-28 13:00\nSummary: x\n{status}\nTekst.\n"
    write(posts, "later.md", future.format(title="Later", status=""))
    write(posts, "concept.md", future.format(title="Concept", status="Status: draft\n"))
    assert problems_in(workspace, "later.md") == [
        (2, "fout", "de datum 2099-11-28 13:00 ligt in de toekomst")
    ]
    assert problems_in(workspace, "concept.md") == []


def test_duplicate_slugs_and_titles(workspace):
    posts = workspace.parent / "content/posts"
    write(posts, "a.md", GOOD.format(title="Planning", slug="planning"))
    write(posts, "b.md", GOOD.format(title="Planning", slug="planning"))
    write(posts, "c.md", "Title: Dilemma’s\nDate: 2024-01-01\nSummary: x\n\nT.\n")
    assert problems_in(workspace, "b.md") == [
        (1, "waarschuwing", "de titel 'Planning' heeft content/posts/a.md ook"),
        (2, "fout", "de slug 'planning' heeft content/posts/a.md ook"),
    ]
    # No Slug line: the slug comes from the title, as Pelican makes it.
    assert (1, "fout", "de slug 'dilemmas' heeft content/posts/dilemmas.md ook") in (
        problems_in(workspace, "c.md")
    )


def test_unknown_worksheet_and_checklist_names(workspace):
    content = workspace.parent / "content"  # with doelen.yaml and uitbesteden.md
    post = "Title: {t}\nDate: 2024-01-01\nSummary: x\nWorksheet: {w}\nChecklist: {c}\n"
    post += "\nT.\n"
    write(content / "posts", "goed.md", post.format(t="Goed", w="doelen", c="none"))
    write(content / "posts", "fout.md", post.format(t="Fout", w="doelem", c="taken"))
    assert problems_in(workspace, "goed.md") == []
    found = [p for p in check_content(workspace) if p.file.endswith("fout.md")]
    assert [(p.line, p.level) for p in found] == [(4, "fout"), (5, "fout")]
    assert "Worksheet: er is geen werkblad met de naam 'doelem'" in found[0].message
    assert "bedoel je doelen?" in found[0].advice
    assert "Checklist: er is geen checklist met de naam 'taken'" in found[1].message
    assert "kies uit: uitbesteden" in found[1].advice


def test_images_without_alt_text_or_from_another_site(workspace):
    posts = workspace.parent / "content/posts"
    photo = write(workspace.parent / "content", "images/paard.jpg", "")
    photo.write_bytes(image_bytes(size=(64, 48)))
    write(
        posts,
        "fotos.md",
        GOOD.format(title="Foto's", slug="fotos")
        + "\n![Paard in de wei]({static}/images/paard.jpg)\n\n"
        + "Zie ![](../../images/paard.jpg) hier.\n\n"
        + "![Wix](https://static.wixstatic.com/media/a~mv2.jpg)\n",
    )
    assert problems_in(workspace, "fotos.md") == [
        (
            10,
            "fout",
            "de afbeelding paard.jpg heeft geen beschrijving (alt-tekst)",
        ),
        (
            12,
            "fout",
            "de afbeelding https://static.wixstatic.com/media/a~mv2.jpg "
            "staat op een andere website",
        ),
    ]


def test_links_to_pages_that_do_not_exist(workspace):
    posts = workspace.parent / "content/posts"
    write(
        posts,
        "links.md",
        GOOD.format(title="Links", slug="links")
        + "\n[goed]({filename}/posts/dilemmas.md) en [ook]({filename}dilemmas.md)\n"
        + "[fout]({filename}/posts/dilema.md)\n\n"
        + "[diensten](/diensten/), [blog](/blog/), [tag](/blog/tag/planning/)\n"
        + "[weg](/diensten-oud/) en [oude post](https://www.hippisch-va.example/post/x)\n"
        + "[relatief](../dilemmas/) en [relatief fout](../dillemas/)\n"
        + "[extern](https://example.org/niet-gecontroleerd) [mail](mailto:a@b.nl)\n",
    )
    found = problems_in(workspace, "links.md")
    assert found == [
        (
            9,
            "fout",
            "de link {filename}/posts/dilema.md wijst naar een bestand dat niet "
            "bestaat",
        ),
        (12, "fout", "de link /diensten-oud/ wijst naar een pagina die niet bestaat"),
        (12, "fout", "de link /post/x wijst naar een pagina die niet bestaat"),
        (13, "fout", "de link ../dillemas/ wijst naar een pagina die niet bestaat"),
    ]


def test_heading_jumps_are_warnings(workspace):
    posts = workspace.parent / "content/posts"
    write(
        posts,
        "koppen.md",
        GOOD.format(title="Koppen", slug="koppen")
        + "\n## Goed\n\n#### Te diep\n\nTekst\n\nOok groot\n=========\n\n### Goed\n",
    )
    assert problems_in(workspace, "koppen.md") == [
        (10, "waarschuwing", "de kop 'Te diep' slaat een niveau over"),
        (14, "waarschuwing", "de kop 'Ook groot' is even groot als de titel"),
        (17, "waarschuwing", "de kop 'Goed' slaat een niveau over"),
    ]


def test_summary_empty_is_an_error_missing_a_warning(workspace):
    posts = workspace.parent / "content/posts"
    write(posts, "leeg.md", "Title: Leeg\nDate: 2024-01-01\nSummary:\n\nTekst.\n")
    write(posts, "geen.md", "Title: Geen\nDate: 2024-01-01\n\nTekst.\n")
    assert problems_in(workspace, "leeg.md") == [(3, "fout", "Summary is leeg")]
    assert problems_in(workspace, "geen.md") == [
        (1, "waarschuwing", "de post heeft geen samenvatting")
    ]


def test_a_dutch_field_name_is_pointed_out(workspace):
    posts = workspace.parent / "content/posts"
    write(
        posts,
        "nl.md",
        GOOD.format(title="NL", slug="nl").replace("Summary:", "Samenvatting:"),
    )
    found = [p for p in check_content(workspace) if p.file.endswith("nl.md")]
    assert [(p.line, p.level, p.advice) for p in found] == [
        (
            1,
            "waarschuwing",
            "voeg een regel toe als: Summary: één of twee zinnen; "
            "anders tonen overzichten en zoekmachines de eerste woorden van de tekst",
        ),
        (4, "waarschuwing", "bedoel je Summary?"),
    ]


def test_report_lines_and_exit_codes(workspace, capsys):
    posts = workspace.parent / "content/posts"
    write(posts, "geen.md", "Title: Geen\nDate: 2024-01-01\n\nTekst.\n")
    assert main(workspace) == 0  # warnings only
    out = capsys.readouterr().out
    assert (
        "content/posts/geen.md:1: waarschuwing: de post heeft geen samenvatting ("
        in out
    )
    write(posts, "leeg.md", "Title: Leeg\nDate: 2024-01-01\nSummary:\n\nTekst.\n")
    assert main(workspace) == 1
    assert "1 fout(en)" in capsys.readouterr().out
    assert (
        str(Problem("a.md", 3, "fout", "iets", "doe dit"))
        == "a.md:3: fout: iets (doe dit)"
    )


def test_invoke_check_exits_non_zero_on_errors_only(tmp_path):
    def check(content: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "invoke", "check", "--content", str(content)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )

    clean = check(ROOT / "content")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    content = copy_content(tmp_path)
    write(content / "posts", "zonder-titel.md", "Date: 2024-01-01\nSummary: x\n\nT.\n")
    failed = check(content)
    assert failed.returncode == 1
    assert "zonder-titel.md:1: fout: de post heeft geen titel (zet bovenaan" in (
        failed.stdout
    )
    assert FIXTURES.is_dir()


def test_a_wix_address_must_be_the_path_of_the_old_page(workspace):
    posts = workspace.parent / "content/posts"
    post = GOOD.format(title="Oud", slug="oud").replace(
        "\n\n", "\nWix_url: www.wix.com/post/oud\n\n", 1
    )
    write(posts, "oud.md", post)
    assert problems_in(workspace, "oud.md") == [
        (5, "fout", "Wix_url: 'www.wix.com/post/oud' is geen oud adres")
    ]
    # A full address, as copied from the browser, is fine too.
    write(posts, "oud.md", post.replace("www.wix", "https://www.wix"))
    assert problems_in(workspace, "oud.md") == []


def test_a_line_that_breaks_the_fields_is_found(workspace):
    posts = workspace.parent / "content/posts"
    write(
        posts,
        "kapot.md",
        "Title: Kapot\nSummary: x\nDit is geen veld\nDate: 2024-01-01\n\nTekst.\n",
    )
    assert problems_in(workspace, "kapot.md") == [
        (
            3,
            "fout",
            "deze regel is geen veld (Naam: waarde), dus de velden eronder tellen "
            "niet mee, zoals Date",
        ),
    ]


CTAS = """
CTAS = {
    "kennismaking": {"title": "t", "text": "t", "button": "b", "url": "contact/"},
    "nieuwsbrief": {"title": "t", "text": "t", "button": "b", "url": "contact/"},
}
CTA_DEFAULT = "kennismakking"
"""


def test_unknown_call_to_action_names_in_posts_and_settings(workspace):
    with workspace.open("a", encoding="utf-8") as settings:
        settings.write(CTAS)
    posts = workspace.parent / "content/posts"
    post = "Title: {t}\nDate: 2024-01-01\nSummary: x\nCta: {c}\n\nT.\n"
    write(posts, "goed.md", post.format(t="Goed", c="nieuwsbrief"))
    write(posts, "geen.md", post.format(t="Geen", c="none"))
    write(posts, "fout.md", post.format(t="Fout", c="nieuwsbriev"))
    found = [
        p
        for p in check_content(workspace)
        if p.file.endswith(("goed.md", "geen.md", "fout.md", "pelicanconf.py"))
        and "oproep" in p.message
    ]
    settings_line = (
        workspace.read_text().splitlines().index('CTA_DEFAULT = "kennismakking"')
    )
    # The build stops at the setting; the post's name is told once that is fixed.
    assert [(p.file, p.line, p.level, p.message) for p in found] == [
        (
            "pelicanconf.py",
            settings_line + 1,
            "fout",
            "CTA_DEFAULT: er is geen oproep met de naam 'kennismakking'",
        ),
    ]
    workspace.write_text(workspace.read_text().replace('"kennismakking"', "None"))
    assert [str(p) for p in check_content(workspace) if "oproep" in p.message] == [
        "content/posts/fout.md:4: fout: Cta: er is geen oproep met de naam "
        "'nieuwsbriev' (bedoel je nieuwsbrief? kies uit: kennismaking, nieuwsbrief, "
        "of none voor geen oproep)"
    ]


def test_a_default_worksheet_that_does_not_exist_is_reported_in_the_settings(
    workspace,
):
    with workspace.open("a", encoding="utf-8") as settings:
        settings.write('\nWORKSHEET_DEFAULT = "bestaat-niet"\n')
    line = len(workspace.read_text().splitlines())
    found = [p for p in check_content(workspace) if "WORKSHEET" in p.message]
    assert [(p.file, p.line, p.level, p.message) for p in found] == [
        (
            "pelicanconf.py",
            line,
            "fout",
            "WORKSHEET_DEFAULT: er is geen werkblad met de naam 'bestaat-niet'",
        )
    ]


def test_a_wrong_default_worksheet_is_reported_once_not_again_at_each_post(
    workspace,
):
    with workspace.open("a", encoding="utf-8") as settings:
        settings.write('\nWORKSHEET_DEFAULT = "bestaat-niet"\n')
    post = "Title: Zonder werkblad\nDate: 2024-01-01\nSummary: x\n\nT.\n"
    write(workspace.parent / "content/posts", "zonder.md", post)
    found = [
        (p.file, p.message)
        for p in check_content(workspace)
        if "'bestaat-niet'" in p.message
    ]
    assert found == [
        (
            "pelicanconf.py",
            "WORKSHEET_DEFAULT: er is geen werkblad met de naam 'bestaat-niet'",
        )
    ]


def test_until_her_photo_is_set_the_home_and_about_pages_remind_her(workspace):
    reminder = (1, "waarschuwing", "deze pagina heeft nog geen foto van jou")
    assert problems_in(workspace, "pages/home.md") == [reminder]
    assert problems_in(workspace, "pages/over-mij.md") == [reminder]
    about = workspace.parent / "content/pages/over-mij.md"
    text = about.read_text(encoding="utf-8")
    write(workspace.parent / "content", "images/wilhelmien.jpg", "").write_bytes(
        image_bytes(size=(64, 48))
    )
    header = "Photo: images/wilhelmien.jpg\nPhoto_alt: Wilhelmien bij de stal\n"
    about.write_text(text.replace("Template: about\n", "Template: about\n" + header))
    assert problems_in(workspace, "pages/over-mij.md") == []


def test_many_findings_of_one_kind_are_one_line_errors_first(workspace):
    posts = workspace.parent / "content/posts"
    for n in range(1, 8):
        write(
            posts,
            f"wix-{n}.md",
            GOOD.format(title=f"Van Wix {n}", slug=f"van-wix-{n}")
            + f"\n![Paard {n}](https://static.wixstatic.com/media/paard-{n}.jpg)\n"
            + "\n#### Een kop die een niveau overslaat\n",
        )
    found = check_content(workspace)
    short = report_lines(found)
    wix = [line for line in short if "wixstatic" in line]
    assert len(wix) == 1
    assert wix[0].startswith("7× fout: de afbeelding https://static.wixstatic.com/")
    assert wix[0].endswith(
        "content/posts/wix-1.md:8, content/posts/wix-2.md:8, "
        "content/posts/wix-3.md:8, …; invoke check --alles toont ze allemaal"
    )
    levels = [
        ": waarschuwing: " in line or "waarschuwing:" in line[:20] for line in short
    ]
    assert levels == sorted(levels)  # errors before warnings
    every = report_lines(found, every=True)
    assert len([line for line in every if "wixstatic" in line]) == 7
    assert len(every) == len(found)
