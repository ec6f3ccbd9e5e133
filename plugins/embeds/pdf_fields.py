"""Checkbox fields every PDF viewer can draw: a finishing step on WeasyPrint's PDF.

WeasyPrint gives each checkbox one appearance ("on") and asks viewers to draw the
rest (/NeedAppearances) without a default appearance (/DA): poppler (Evince, Okular)
then draws no tick at all. Here every checkbox gets /DA, /MK and both appearance
states, /Yes (WeasyPrint's own tick) and /Off (nothing: the box is on the page), so
no viewer has to invent one. The change is an incremental update with fixed content:
the same input gives the same bytes.
"""

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

ON = NameObject("/Yes")
OFF = NameObject("/Off")
# ZapfDingbats "4" is a tick: what a viewer uses if it ever draws the field itself.
FONT = NameObject("/ZaDb")


def with_appearances(data: bytes) -> bytes:
    """The PDF with complete appearances for its checkbox fields."""
    reader = PdfReader(io.BytesIO(data))
    form = reader.trailer["/Root"].get("/AcroForm")
    if not form:
        return data
    writer = PdfWriter(reader, incremental=True)
    form = writer.root_object["/AcroForm"].get_object()
    # The form's own resources: WeasyPrint shares them with the pages, which must
    # not name a font they do not embed.
    resources = DictionaryObject(form["/DR"].get_object())
    fonts = DictionaryObject(resources["/Font"].get_object())
    resources[NameObject("/Font")] = fonts
    form[NameObject("/DR")] = resources
    fonts[FONT] = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/ZapfDingbats"),
            }
        )
    )
    form[NameObject("/NeedAppearances")] = BooleanObject(False)
    empty = None
    for reference in form["/Fields"]:
        field = reference.get_object()
        if field.get("/FT") != "/Btn":
            continue
        empty = empty or _empty(writer, field)
        _checkbox(field, empty)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _empty(writer: PdfWriter, field: DictionaryObject):
    """An appearance that draws nothing, as large as the field's own tick."""
    tick = next(iter(field["/AP"]["/N"].values())).get_object()
    empty = DecodedStreamObject()
    empty.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): tick["/BBox"],
        }
    )
    empty.set_data(b"")
    return writer._add_object(empty)


def _checkbox(field: DictionaryObject, empty) -> None:
    """Give one checkbox a default appearance and both appearance states."""
    tick = next(iter(field["/AP"]["/N"].values()))
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    colour = " ".join(f"{c:g}" for c in field.get("/MK", {}).get("/BC", [0, 0, 0]))
    states = DictionaryObject({ON: tick, OFF: empty})
    field[NameObject("/AP")] = DictionaryObject(
        {NameObject("/N"): states, NameObject("/D"): states}
    )
    size = min(abs(x2 - x1), abs(y2 - y1))
    field[NameObject("/DA")] = TextStringObject(f"/ZaDb {size * 0.8:g} Tf {colour} rg")
    mk = field.get("/MK", DictionaryObject())
    mk[NameObject("/CA")] = TextStringObject("4")
    field[NameObject("/MK")] = mk
    checked = field.get("/V") not in (None, OFF)
    field[NameObject("/V")] = ON if checked else OFF
    field[NameObject("/AS")] = ON if checked else OFF
