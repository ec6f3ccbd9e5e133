"""The Pagefind search index, built into the output after every build."""

import logging
import shutil
import subprocess
from pathlib import Path

from sitekit.security import SEARCH_BUNDLE

logger = logging.getLogger(__name__)

BUNDLE = SEARCH_BUNDLE.strip("/")  # the folder the CSP relaxes for search


def pagefind_executable() -> Path:
    """The Pagefind binary that the pinned `pagefind-bin` package ships."""
    from pagefind_bin import get_executable

    return get_executable()


def build_index(output: Path, language: str) -> None:
    """Index the built site into output/pagefind/, replacing the old one.

    Only elements marked `data-pagefind-body` are indexed (post bodies, and the pages
    that are listed: page.html); `language` picks the stemmer (the pages say `lang`
    too, this makes the choice explicit).
    """
    bundle = output / BUNDLE
    if bundle.is_dir():
        shutil.rmtree(bundle)
    command = [
        str(pagefind_executable()),
        "--site",
        str(output),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        language,
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        logger.error(
            "Pagefind could not index %s: %s", output, result.stderr or result.stdout
        )
    elif not (bundle / "pagefind.js").is_file():
        logger.error("Pagefind wrote no search bundle to %s", bundle)
