"""Phone photos fit for the web: a few widths, WebP and JPEG, the same bytes each build.

Each variant is named after the source's content hash, and kept in a cache folder so a
rebuild copies instead of re-encoding. EXIF is dropped (a phone photo can carry the
place it was taken), after turning the pixels the way the camera meant.
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
RASTER = {".jpg", ".jpeg", ".png", ".webp"}
# Bump when the encoding settings change, so cached variants are made again.
PROFILE = "1"
ORIENTATION = 0x0112


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
    return image.convert("RGB")


def make(source: Path, target_dir: Path, cache_dir: Path) -> Picture:
    """Write the variants of `source` into `target_dir` (from the cache when there)."""
    digest = hashlib.sha256(source.read_bytes() + PROFILE.encode()).hexdigest()[:10]
    target_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    variants: dict[str, list[Variant]] = {ext: [] for ext in FORMATS}
    with Image.open(source) as opened:
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
