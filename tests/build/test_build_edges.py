"""Edges of the build that once gave a traceback: each is now one Dutch line at the
right file and line, or simply works."""

import re
import shutil
from pathlib import Path

from authoring.lint import main as check_main
from authoring.messages import run_pelican
from tests.build.test_checklist_fetch import DEFAULTS, site_with
from tests.conftest import ROOT
from tests.support.html import soup
from tests.support.images import image_bytes

SETTINGS = ROOT / "pelicanconf.py"
SHEET = "worksheets/doelen.yaml"


def built(content: Path, output: Path, *extra: str) -> tuple[int, list[str]]:
    told: list[str] = []
    args = [str(content), "-o", str(output), *(("-e", *extra) if extra else ())]
    code = run_pelican(SETTINGS, args, told.append, done=False)
    folder = str(content.resolve().parent) + "/"
    return code, [line.replace(folder, "") for line in told]


def with_formula(tmp_path: Path, formula: str) -> tuple[Path, int]:
    """A copy of the real content whose worksheet computes `formula` in place of its
    first formula; and that formula's line."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    sheet = content / SHEET
    text = sheet.read_text("utf-8")
    old = "compute: dagen * uren_per_dag"
    line = text[: text.index(old)].count("\n") + 1
    sheet.write_text(text.replace(old, "compute: " + formula))
    return content, line


def test_a_formula_of_3000_terms_is_one_dutch_line_at_its_line(tmp_path, capsys):
    formula = " + ".join(["dagen"] * 3000)
    content, line = with_formula(tmp_path, formula)
    expected = (
        f"content/{SHEET}:{line}: fout: sections[2].fields[4].compute: de formule is "
        f"{len(formula)} tekens lang; een "
        "werkblad rekent met formules tot 1000 tekens (reken in stappen: maak een "
        "berekend veld voor een deel en gebruik dat in de volgende formule)"
    )
    assert built(content, tmp_path / "output") == (1, [expected])
    assert check_main(SETTINGS, content) == 1
    assert expected in capsys.readouterr().out.replace(f"{tmp_path}/", "")


def test_a_formula_with_too_many_steps_is_one_dutch_line(tmp_path):
    content, line = with_formula(tmp_path, "+".join(["dagen"] * 150))
    assert built(content, tmp_path / "output") == (
        1,
        [
            f"content/{SHEET}:{line}: fout: sections[2].fields[4].compute: de formule "
            "heeft meer dan 100 "
            "rekenstappen achter elkaar (reken in stappen: maak een berekend veld "
            "voor een deel en gebruik dat in de volgende formule)"
        ],
    )


def test_static_in_a_checklist_is_one_dutch_line_with_advice(tmp_path):
    content = site_with(tmp_path, "Kijk ![plaatje]({static}/images/foto.jpg) goed")
    (content / "images").mkdir()
    (content / "images/foto.jpg").write_bytes(image_bytes(size=(64, 48)))
    assert built(content, tmp_path / "output", *DEFAULTS) == (
        1,
        [
            "content/checklists/lijst.md:8: fout: een checklist kan geen bestand van "
            "de site tonen met {static} ('{static}/images/foto.jpg') (haal de "
            "afbeelding weg; een foto zet je in de post zelf, boven of onder de "
            "checklist)"
        ],
    )


def test_a_missing_file_in_a_checklist_is_one_dutch_line(tmp_path):
    content = site_with(tmp_path, "Kijk ![plaatje](img/bestaat-niet.png) goed")
    assert built(content, tmp_path / "output", *DEFAULTS) == (
        1,
        [
            "content/checklists/lijst.md:8: fout: de pdf vindt 'img/bestaat-niet.png' "
            "niet (haal de afbeelding weg; een foto zet je in de post zelf, boven of "
            "onder de checklist)"
        ],
    )


RST = """Foto's in reStructuredText
##########################

:date: 2024-02-01 10:00
:category: Ondernemen
:slug: rst-fotos

Een foto op maat.

.. image:: {static}/images/paard.png
   :width: 200px
   :height: 150
   :alt: Een paard

.. image:: {static}/images/paard.png
   :width: 50%
   :alt: Een half paard
"""


def test_rst_image_sizes_become_attributes_not_styles(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    (content / "images/paard.png").write_bytes(image_bytes("paard.png", (400, 300)))
    (content / "posts/rst-fotos.rst").write_text(RST, "utf-8")
    output = tmp_path / "output"
    no_embeds = ('CHECKLIST_DEFAULT="none"', 'WORKSHEET_DEFAULT="none"')
    code, told = built(content, output, *no_embeds)
    assert (code, told) == (0, [])
    page = (output / "blog/rst-fotos/index.html").read_text("utf-8")
    assert not re.search(r"<img[^>]*\bstyle=", page)
    first, second = soup(output / "blog/rst-fotos/index.html").select(".post-body img")
    assert first["alt"] == "Een paard" and second["alt"] == "Een half paard"
    assert (first["width"], first["height"]) == ("200", "150")
    assert (second["width"], second["height"]) == ("400", "300")  # 50%: the CSS
