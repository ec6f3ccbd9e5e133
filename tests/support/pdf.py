"""Read PDFs back."""

import subprocess
from pathlib import Path

from tests.support.html import fold


def pdf_text(path: Path, *options: str) -> str:
    """The PDF's text with white space folded; `options` for pdftotext, e.g. "-f",
    "2", "-l", "2" for page 2 only."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return fold(result.stdout)
