"""The checklist PDF's ticks show in every viewer: each checkbox has a default
appearance (/DA) and both appearance states, so poppler (Evince, Okular) draws them."""

import io
import subprocess

import pytest
from embeds.pdf_fields import with_appearances
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject


def ticked_first_box(data: bytes, state: str) -> tuple[bytes, list[float]]:
    """The PDF with its first checkbox ticked (as a viewer saves it), and its box."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    field = writer.root_object["/AcroForm"]["/Fields"][0].get_object()
    field[NameObject("/V")] = NameObject(state)
    field[NameObject("/AS")] = NameObject(state)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), [float(v) for v in field["/Rect"]]


def tick_pixels(tmp_path, data: bytes, rect: list[float]) -> int:
    """Dark-green pixels inside the box, rendered at 4 px a point by pdftoppm."""
    from PIL import Image

    pdf = tmp_path / "ticked.pdf"
    pdf.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-r", "288", "-f", "1", "-l", "1", "-png", str(pdf), str(pdf)],
        check=True,
        capture_output=True,
    )
    image = Image.open(next(tmp_path.glob("ticked*.png"))).convert("RGB")
    scale = 288 / 72
    x1, y1, x2, y2 = rect
    height = image.height / scale
    left, right = sorted((x1, x2))
    bottom, top = sorted((y1, y2))
    # Inside the box's border: the tick, not the box drawn on the page.
    box = (
        int((left + 2) * scale),
        int((height - top + 2) * scale),
        int((right - 2) * scale),
        int((height - bottom - 2) * scale),
    )
    pixels = image.crop(box).get_flattened_data()
    return sum(1 for r, g, b in pixels if g > r + 25 and g > b + 20 and g < 160)


@pytest.fixture(scope="module")
def pdf(site) -> bytes:
    return (site / "checklists" / "uitbesteden.pdf").read_bytes()


def test_every_checkbox_has_a_default_appearance_and_both_states(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    form = reader.trailer["/Root"]["/AcroForm"]
    assert form["/NeedAppearances"].value is False
    assert "/ZaDb" in form["/DR"]["/Font"]
    fields = [f.get_object() for f in form["/Fields"]]
    assert len(fields) > 10
    for field in fields:
        assert field["/DA"].startswith("/ZaDb ") and " Tf " in field["/DA"]
        assert sorted(field["/AP"]["/N"]) == ["/Off", "/Yes"]
        assert field["/AS"] == "/Off" and field["/MK"]["/CA"] == "4"
    assert {f["/_States_"][0] for f in reader.get_fields().values()} == {"/Yes"}
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # still tagged


def test_a_ticked_box_shows_its_tick_in_poppler(pdf, tmp_path):
    ticked, rect = ticked_first_box(pdf, "/Yes")
    assert tick_pixels(tmp_path, ticked, rect) > 50
    for old in tmp_path.glob("ticked*.png"):
        old.unlink()
    unticked, rect = ticked_first_box(pdf, "/Off")
    assert tick_pixels(tmp_path, unticked, rect) == 0


def test_finishing_is_the_same_bytes_every_time(pdf):
    assert with_appearances(pdf) == with_appearances(pdf)
