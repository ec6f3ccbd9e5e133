"""Pre-compressed .gz and .br copies of the text files, for hosts that serve them."""

import gzip
import logging
from pathlib import Path

import brotli

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {
    ".atom", ".css", ".html", ".ics", ".js", ".json", ".map", ".md", ".mjs", ".rss",
    ".svg", ".txt", ".webmanifest", ".xml",
}  # fmt: skip
MIN_SIZE = 256  # smaller files gain nothing from compression


def compressed(data: bytes) -> dict[str, bytes]:
    """Deterministic gzip (no name, mtime 0) and brotli encodings of some bytes."""
    return {
        ".gz": gzip.compress(data, compresslevel=9, mtime=0),
        ".br": brotli.compress(data, quality=11),
    }


def precompress(output: Path) -> int:
    """Write `<file>.gz` and `<file>.br` next to every text file; return the count."""
    count = 0
    for path in sorted(output.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        for suffix, encoded in compressed(data).items():
            path.with_name(path.name + suffix).write_bytes(encoded)
        count += 1
    logger.info("pre-compressed %d text files", count)
    return count
