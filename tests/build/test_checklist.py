"""The built checklist: the list in each article, and every PDF read back."""

import subprocess
from pathlib import Path

import pytest
from embeds.checklist import parse_checklist
from PIL import Image
from pypdf import PdfReader

from tests.conftest import FIXTURES, ROOT
from tests.publish.hosting import PUBLIC
from tests.support.html import fold, soup, text_of
from tests.support.pdf import pdf_text

DEFINITIONS = {
    path.stem: parse_checklist(path)
    for folder in (ROOT / "content/checklists", FIXTURES / "checklists")
    for path in sorted(folder.glob("*.md"))
}
USED_BY = {"uitbesteden": ["blog/dilemmas/"], "proef": ["blog/vijandige-invoer/"]}


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, Path]:
    return {path.stem: path for path in sorted((site / "checklists").glob("*.pdf"))}


def test_one_pdf_per_checklist_in_use(pdfs):
    assert sorted(pdfs) == sorted(USED_BY)


def test_article_shows_the_checklist_with_labelled_checkboxes(site):
    page = soup(site / "blog/dilemmas/index.html")
    section = page.select_one("section.checklist")
    checklist = DEFINITIONS["uitbesteden"]
    assert text_of(section.select_one("h2")) == checklist.title
    boxes = section.select(".checklist-items input[type=checkbox]")
    assert len(boxes) == len(checklist.items)
    for box, item in zip(boxes, checklist.items, strict=True):
        assert not box.has_attr("checked")
        label = section.select_one(f'label[for="{box["id"]}"]')
        assert text_of(label) == item.text
    legends = [text_of(legend) for legend in section.select("legend")]
    assert legends == [group.title for group in checklist.groups]
    # The memory controls only appear once the script runs.
    assert section.select_one("[data-checklist-controls]").has_attr("hidden")


def test_download_link_prints_the_real_size(site):
    for name, pages in USED_BY.items():
        for url in pages:
            page = soup(site / url / "index.html")
            link = page.select_one(".checklist-download a")
            target = (site / url / link["href"]).resolve()
            assert target == (site / f"checklists/{name}.pdf").resolve()
            kilobytes = -(-target.stat().st_size // 1000)
            assert text_of(link) == "Download als PDF"
            size = link.find_next_sibling(class_="download-size")
            assert text_of(size) == f"{kilobytes} kB"
            assert link["type"] == "application/pdf"


def test_checklist_none_switches_it_off(site):
    raw = (site / "blog/testpost-2/index.html").read_text(encoding="utf-8")
    assert "checklist" not in raw.lower()
    assert soup(site / "blog/testpost-1/index.html").select_one("section.checklist")


def test_hostile_checklist_text_is_escaped_on_the_page(site):
    raw = (site / "blog/vijandige-invoer/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and '<script>alert("lijst")' not in raw
    page = soup(site / "blog/vijandige-invoer/index.html")
    title = text_of(page.select_one("section.checklist h2"))
    assert title == DEFINITIONS["proef"].title


@pytest.mark.parametrize("name", sorted(USED_BY))
def test_pdf_has_one_unticked_field_per_item(pdfs, name):
    checklist = DEFINITIONS[name]
    fields = PdfReader(pdfs[name]).get_fields()
    assert sorted(fields) == sorted(item.id for item in checklist.items)
    for item in checklist.items:
        field = fields[item.id]
        assert field["/FT"] == "/Btn"
        assert field["/V"] == "/Off"
        assert field["/TU"] == item.text


@pytest.mark.parametrize("name", sorted(USED_BY))
def test_pdf_is_tagged_a4_with_title_and_language(pdfs, name):
    reader = PdfReader(pdfs[name])
    root = reader.trailer["/Root"]
    assert reader.metadata.title == DEFINITIONS[name].title
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (595, 842)


@pytest.mark.parametrize("name", sorted(USED_BY))
def test_pdf_text_has_site_items_contact_and_link_back(pdfs, name):
    text = pdf_text(pdfs[name])
    checklist = DEFINITIONS[name]
    assert "Hippisch virtueel assistent" in text
    assert fold(checklist.title) in text
    missing = [item.text for item in checklist.items if fold(item.text) not in text]
    assert missing == []
    assert "info@hippisch-va.example" in text
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(pdfs[name]).pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    # One post, not every post that shows the list: uitbesteden is shown by
    # testpost-1 too (older than dilemmas), but its header names dilemmas.
    (url,) = USED_BY[name]
    assert [link for link in links if "/blog/" in link] == [f"{PUBLIC}/{url}"]
    assert f"{PUBLIC}/{url}" in text.replace(" ", "")  # long URLs wrap
    assert "Testpost 1" not in text


def test_the_real_checklist_fits_on_one_page(pdfs):
    assert len(PdfReader(pdfs["uitbesteden"]).pages) == 1


@pytest.mark.parametrize("name", sorted(USED_BY))
def test_no_pdf_page_holds_only_the_footer(pdfs, name):
    items = [fold(item.text) for item in DEFINITIONS[name].items]
    for number in range(1, len(PdfReader(pdfs[name]).pages) + 1):
        text = pdf_text(pdfs[name], "-f", str(number), "-l", str(number))
        assert any(item in text for item in items), f"page {number}: {text[:200]}"


@pytest.mark.parametrize("name", sorted(USED_BY))
def test_pdf_embeds_only_the_shipped_font(pdfs, name):
    result = subprocess.run(
        ["pdffonts", str(pdfs[name])], capture_output=True, text=True, check=True
    )
    rows = result.stdout.splitlines()[2:]
    # ZapfDingbats is named only in the form's /DA (the checkbox glyph a viewer
    # would use to redraw a field, as Acrobat does): every page draws its ticks from
    # the fields' own appearances, so no page uses it.
    rows = [row for row in rows if row.split()[0] != "ZapfDingbats"]
    assert rows
    for row in rows:
        assert "Atkinson-Hyperlegible" in row.split()[0], row
        assert row.split()[-5] == "yes", row  # embedded
    reader = PdfReader(pdfs[name])
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        assert all(
            f.get_object()["/BaseFont"] != "/ZapfDingbats" for f in fonts.values()
        )


@pytest.mark.parametrize("name", sorted(USED_BY))
def test_pdf_first_page_is_not_blank(pdfs, name, tmp_path):
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile"]
        + [str(pdfs[name]), str(tmp_path / "page")],
        check=True,
    )
    image = Image.open(tmp_path / "page.png").convert("L")
    dark = image.histogram()[:128]
    dark = sum(dark)
    assert dark / (image.width * image.height) > 0.01
