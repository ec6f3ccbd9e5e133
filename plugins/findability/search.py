"""The Pagefind search index, built into the output after every build."""

import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sitekit.security import SEARCH_BUNDLE

logger = logging.getLogger(__name__)

BUNDLE = SEARCH_BUNDLE.strip("/")  # the folder the CSP relaxes for search
BODY = "data-pagefind-body"
OPENING = re.compile(r"<(\w+)")
# Elements before the body that give Pagefind metadata (the post's title).
META = re.compile(r"<(\w+)\b[^>]*\bdata-pagefind-(?:meta|filter|sort)\b.*?</\1>", re.S)


def pagefind_executable() -> Path:
    """The Pagefind binary that the pinned `pagefind-bin` package ships."""
    from pagefind_bin import get_executable

    return get_executable()


def indexed_part(page: str) -> str | None:
    """What Pagefind reads of a page: its head, the elements before the body that
    give metadata and the (one) `data-pagefind-body` element; None for a page
    without one (Pagefind would not index it)."""
    marker = page.find(BODY)
    while marker >= 0 and page.rfind(">", 0, marker) > page.rfind("<", 0, marker):
        marker = page.find(BODY, marker + 1)  # in text, not in a tag
    if marker < 0:
        return None
    start = page.rfind("<", 0, marker)
    name = OPENING.match(page, start).group(1)
    depth = 0
    for tag in re.compile(rf"<(/?){name}[\s>]").finditer(page, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = page.index(">", tag.end() - 1) + 1
            break
    else:
        return page
    head = page[: page.find("</head>") + len("</head>")]
    metas = "".join(m.group(0) for m in META.finditer(page, 0, start))
    return f"{head}<body>{metas}{page[start:end]}</body></html>"


def _copy_indexed(output: Path, folder: Path) -> bool:
    """Write the indexed part of every page of `output` into `folder`, at the same
    paths (Pagefind's URLs); False when no page marks a body."""
    found = False
    for file in output.rglob("*.html"):
        part = indexed_part(file.read_text("utf-8"))
        if part is not None:
            target = folder / file.relative_to(output)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(part, "utf-8")
            found = True
    return found


def build_index(output: Path, language: str) -> None:
    """Index the built site into output/pagefind/, replacing the old one.

    Only elements marked `data-pagefind-body` are indexed (post bodies, and the pages
    that are listed: page.html); `language` picks the stemmer (the pages say `lang`
    too, this makes the choice explicit). Pagefind reads copies that hold only what
    it indexes: parsing every whole page (worksheets, checklists, lists of posts)
    was most of its time, and the index is the same.
    """
    bundle = output / BUNDLE
    if bundle.is_dir():
        shutil.rmtree(bundle)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as folder:
        site = Path(folder) if _copy_indexed(output, Path(folder)) else output
        command = [
            str(pagefind_executable()),
            "--site",
            str(site),
            "--output-path",
            str(bundle),
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
