"""Content-hashed names for the theme's CSS and JS, so hosts can cache them forever.

A JavaScript module's relative imports (`from "./store.js"`) are rewritten to the hashed
names of what they import, so the hash of a module covers everything it loads.
"""

import hashlib
import logging
import posixpath
import re
from pathlib import Path

logger = logging.getLogger(__name__)

_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}/[\w./-]+\.js)\2""")


class AssetManifest:
    """Maps a theme static path such as "css/site.css" to its hashed output path."""

    def __init__(self, settings: dict):
        theme = Path(settings["THEME"])
        self.sources = [theme / p for p in settings["THEME_STATIC_PATHS"]]
        self.static_dir = settings["THEME_STATIC_DIR"]
        self.output = Path(settings["OUTPUT_PATH"])
        self.used: dict[str, tuple[str, bytes]] = {}
        self._resolving: set[str] = set()

    def url(self, name: str) -> str:
        """The hashed path of a theme asset, relative to the site root."""
        if name not in self.used:
            if name in self._resolving:
                raise ValueError(f"theme asset {name!r} imports itself in a cycle")
            self._resolving.add(name)
            body = self._body(name)
            self._resolving.discard(name)
            digest = hashlib.sha256(body).hexdigest()[:10]
            stem, dot, ext = name.rpartition(".")
            self.used[name] = (f"{self.static_dir}/{stem}.{digest}{dot}{ext}", body)
        return self.used[name][0]

    def _body(self, name: str) -> bytes:
        body = self._find(name).read_bytes()
        if not name.endswith(".js"):
            return body
        folder = posixpath.dirname(name)

        def hashed_import(match: re.Match) -> str:
            target = posixpath.normpath(posixpath.join(folder, match.group(3)))
            hashed = posixpath.relpath(
                self.url(target), posixpath.join(self.static_dir, folder)
            )
            hashed = hashed if hashed.startswith("../") else "./" + hashed
            return f"{match.group(1)}{match.group(2)}{hashed}{match.group(2)}"

        return _IMPORT.sub(hashed_import, body.decode("utf-8")).encode("utf-8")

    def _find(self, name: str) -> Path:
        for folder in self.sources:
            if (folder / name).is_file():
                return folder / name
        raise FileNotFoundError(f"theme asset {name!r} not found in {self.sources}")

    def write(self) -> None:
        """Write each used asset under its hashed name in the output, and remove the
        unhashed copy Pelican's static generator made: nothing refers to it."""
        for name, (hashed, body) in sorted(self.used.items()):
            target = self.output / hashed
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            (self.output / self.static_dir / name).unlink(missing_ok=True)
            logger.debug("asset %s -> %s", name, hashed)
