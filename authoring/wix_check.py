"""What a Wix import leaves for the author to do, as warnings of `invoke check`."""

import logging
import re

from .wix_markdown import MISSING_ALT

logger = logging.getLogger(__name__)

IN_BODY = re.compile(r"!\[" + re.escape(MISSING_ALT) + r"\]\(([^)\s]*)")
IN_HEADER = re.compile(r"^image_alt:\s*" + re.escape(MISSING_ALT), re.IGNORECASE)


def check_imported(checker, doc) -> None:
    """One warning per image the import could not describe (its alt or Image_alt)."""
    source = doc.source
    image = source.first("image")
    for number, line in enumerate(source.lines, 1):
        if number < source.body_start:
            found = [image.value if image else "Image"] if IN_HEADER.match(line) else []
        else:
            found = IN_BODY.findall(line)
        for shown in found:
            checker.add(
                doc,
                number,
                "waarschuwing",
                f"beschrijf deze afbeelding: {shown}",
                f"vervang '{MISSING_ALT}' door wat er op de foto te zien is",
            )
