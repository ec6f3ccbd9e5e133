"""Content-hashed names for the theme's CSS and JS, so hosts can cache them forever."""

import hashlib
import logging
import os
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)


class AssetManifest:
    """Maps a theme static path such as "css/site.css" to its hashed output path."""

    def __init__(self, settings: dict):
        theme = Path(settings["THEME"])
        self.sources = [theme / p for p in settings["THEME_STATIC_PATHS"]]
        self.static_dir = settings["THEME_STATIC_DIR"]
        self.output = Path(settings["OUTPUT_PATH"])
        self.used: dict[str, str] = {}

    def url(self, name: str) -> str:
        """The hashed path of a theme asset, relative to the site root."""
        if name not in self.used:
            source = self._find(name)
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
            stem, dot, ext = name.rpartition(".")
            self.used[name] = f"{self.static_dir}/{stem}.{digest}{dot}{ext}"
        return self.used[name]

    def _find(self, name: str) -> Path:
        for folder in self.sources:
            if (folder / name).is_file():
                return folder / name
        raise FileNotFoundError(f"theme asset {name!r} not found in {self.sources}")

    def write(self) -> None:
        """Copy each used asset to its hashed name in the output."""
        for name, hashed in sorted(self.used.items()):
            target = self.output / hashed
            os.makedirs(target.parent, exist_ok=True)
            shutil.copyfile(self._find(name), target)
            logger.debug("asset %s -> %s", name, hashed)
