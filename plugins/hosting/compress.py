"""Pre-compressed .gz and .br copies of the text files, for hosts that serve them."""

import gzip
import hashlib
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


def precompress(output: Path, cache: Path | None = None) -> int:
    """Write `<file>.gz` and `<file>.br` next to every text file; return the count.
    With a `cache` folder, the copies are kept there by the content's hash and only
    new content is compressed (a publish after one change compresses little); what
    this build did not use is removed from it."""
    count, used = 0, set()
    for path in sorted(output.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        for suffix, encoded in cached(data, cache, used).items():
            path.with_name(path.name + suffix).write_bytes(encoded)
        count += 1
    if cache is not None:
        for old in set(cache.iterdir()) - used:
            old.unlink()
    logger.info("pre-compressed %d text files", count)
    return count


def cached(data: bytes, cache: Path | None, used: set[Path]) -> dict[str, bytes]:
    """`compressed(data)`, from the cache when it holds this content."""
    if cache is None:
        return compressed(data)
    key = hashlib.sha256(data).hexdigest()
    files = {suffix: cache / (key + suffix) for suffix in (".gz", ".br")}
    used.update(files.values())
    if all(file.is_file() for file in files.values()):
        return {suffix: file.read_bytes() for suffix, file in files.items()}
    cache.mkdir(parents=True, exist_ok=True)
    found = compressed(data)
    for suffix, encoded in found.items():  # whole or not at all
        partial = files[suffix].with_name(files[suffix].name + ".part")
        partial.write_bytes(encoded)
        partial.replace(files[suffix])
    return found
