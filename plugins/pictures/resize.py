"""Phone photos fit for the web: a few widths, WebP and JPEG, the same bytes each build.

Each variant is named after the source's content hash, and kept in a cache folder so a
rebuild copies instead of re-encoding. Every kind of metadata is dropped (EXIF with
the place a phone photo was taken, XMP, comments, colour profiles), after turning the
pixels the way the camera meant. GIFs (their first frame) and TIFF scans are published
the same way; a photo of more than MAX_PIXELS is refused before it is decoded.
"""

import hashlib
import io
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps
from sitekit.files import write_atomically

logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1440)
FORMATS = {"webp": {"quality": 78, "method": 4}, "jpg": {"quality": 82}}
# What the site publishes from content/images/, always as resized WebP and JPEG.
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}
# A larger photo is refused: an 81-megapixel PNG of 10 KB needs 580 MB to decode.
MAX_PIXELS = 50_000_000
# Bump when the encoding settings change, so cached variants are made again.
PROFILE = "2"
ORIENTATION = 0x0112


class PictureError(Exception):
    """An image the site does not publish. `target`: as a page names it, relative to
    the content folder; `reason`: "heic", "svg", "other" (not a photo), "large"
    (more than MAX_PIXELS; `detail` is its megapixels) or "outside" (an `Image:`
    that is no photo in content/images/; `where`: the post that names it)."""

    def __init__(self, target: str, reason: str, detail: int = 0, where: str = ""):
        named = f"{where}: {target}" if where else target
        super().__init__(f"{named}: not published ({reason})")
        self.target, self.reason, self.detail = target, reason, detail


def refusal(path: Path) -> str | None:
    """Why a file in content/images/ is not published as a picture, or None."""
    suffix = path.suffix.lower()
    if suffix in RASTER and not path.name.startswith("."):
        return None
    return {".heic": "heic", ".heif": "heic", ".svg": "svg"}.get(suffix, "other")


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    name: str  # file name, next to where the original would be


@dataclass(frozen=True)
class Picture:
    """The published variants of one source image, widest last."""

    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        return self.jpeg[-1]


def plan(size: tuple[int, int]) -> list[tuple[int, int]]:
    """(width, height) of each variant: the standard widths that fit, never upscaled."""
    width, height = size
    widths = [w for w in WIDTHS if w < width] or [width]
    if width <= WIDTHS[-1] and widths[-1] != width:
        widths.append(width)
    return [(w, max(1, round(height * w / width))) for w in widths]


def _upright_size(opened: Image.Image) -> tuple[int, int]:
    """The size after turning by the EXIF orientation, without decoding the pixels."""
    width, height = opened.size
    turned = opened.getexif().get(ORIENTATION) in (5, 6, 7, 8)
    return (height, width) if turned else (width, height)


def _decode(opened: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(opened)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    image = image.convert("RGB")
    image.info = {}  # Pillow writes a JPEG comment kept here into every copy
    return image


def make(source: Path, target_dir: Path, cache_dir: Path, target: str = "") -> Picture:
    """Write the variants of `source` into `target_dir` (from the cache when there).
    `target`: the source as pages name it, for a PictureError."""
    digest = hashlib.sha256(source.read_bytes() + PROFILE.encode()).hexdigest()[:10]
    target_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    variants: dict[str, list[Variant]] = {ext: [] for ext in FORMATS}
    with Image.open(source) as opened:
        pixels = opened.size[0] * opened.size[1]
        if pixels > MAX_PIXELS:
            raise PictureError(target or source.name, "large", round(pixels / 1e6))
        image = None
        for width, height in plan(_upright_size(opened)):
            resized = None
            for ext, options in FORMATS.items():
                name = f"{source.stem}-{width}.{digest}.{ext}"
                cached = cache_dir / name
                if not cached.is_file():
                    if resized is None:
                        image = image or _decode(opened)
                        resized = image.resize(
                            (width, height), Image.Resampling.LANCZOS
                        )
                    data = io.BytesIO()
                    resized.save(data, "JPEG" if ext == "jpg" else "WEBP", **options)
                    write_atomically(cached, data.getvalue())
                    logger.debug("image %s -> %s", source, name)
                target = target_dir / name
                if not target.is_file():
                    shutil.copyfile(cached, target)
                variants[ext].append(Variant(width, height, name))
    return Picture(tuple(variants["webp"]), tuple(variants["jpg"]))
