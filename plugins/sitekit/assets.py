"""Content-hashed names for the theme's CSS and JS, so hosts can cache them forever.

A JavaScript module is minified (tdewolff-minify: comments, spaces and long local
names out; what a module imports and exports keeps its name) and its relative imports
(`from "./store.js"`) are rewritten to the hashed names of what they import, so the
hash of a module covers everything it loads. A stylesheet's `@import "part.css";`
lines are replaced by the parts themselves, so a page loads one stylesheet however
many files it is written in.
"""

import hashlib
import logging
import posixpath
import re
from pathlib import Path

import rcssmin

logger = logging.getLogger(__name__)

_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}/[\w./-]+\.js)\2""")
_CSS_IMPORT = re.compile(r"""^@import\s+(["'])([\w./-]+\.css)\1\s*;""", re.M)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def minify_js(text: str) -> str:
    """A script as small as it can be while it behaves the same (tested in Node)."""
    # A parsing minifier: rjsmin, which only drops comments and spaces, leaves the
    # worksheet's modules at 8.4 KB gzip, over their 8 KB budget; this one at 7.3 KB.
    # Imported on first use: it loads a Go library, so a build without scripts, and
    # the PDF workers forked before the first script, never carry its runtime.
    import minify  # noqa: PLC0415

    return minify.string("application/javascript", text)


# The end of a hashed name (hashed_name), as a pattern for Python and JavaScript alike:
# what hosts cache forever (plugins/hosting/policy.py) and the offline worker keeps.
HASH_LENGTH = 10
HASHED_END = rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.[a-z0-9]+$"


def hashed_name(path: str, body: bytes) -> str:
    """`path` with a hash of `body` before its suffix: "img/x.png" -> "img/x.<hash>.png"
    (the one naming scheme: HASHED_END)."""
    stem, dot, ext = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:HASH_LENGTH]}{dot}{ext}"


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
            self.used[name] = (hashed_name(f"{self.static_dir}/{name}", body), body)
        return self.used[name][0]

    def _body(self, name: str) -> bytes:
        if name.endswith(".css"):
            # Minified: comments and spaces would cost the first render ~1.6 KB gzip.
            text = "".join(path.read_text("utf-8") for path in self.css_parts(name))
            return rcssmin.cssmin(text).encode("utf-8")
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

        text = minify_js(body.decode("utf-8"))
        return _IMPORT.sub(hashed_import, text).encode("utf-8")

    def css_parts(self, name: str) -> list[Path]:
        """The files a stylesheet is made of, in order."""
        return [path for _name, path in self._css_leaves(name)]

    def _css_leaves(self, name: str, seen: frozenset = frozenset()) -> list:
        """(name, path) of each part. A stylesheet either holds rules or only
        `@import "part.css";` lines (and comments); each part resolves like any theme
        asset, so a plugin's static folder can provide one."""
        if name in seen:
            raise ValueError(f"theme asset {name!r} imports itself in a cycle")
        path = self._find(name)
        text = path.read_text("utf-8")
        imports = _CSS_IMPORT.findall(text)
        if not imports:
            return [(name, path)]
        if _CSS_COMMENT.sub("", _CSS_IMPORT.sub("", text)).strip():
            raise ValueError(f"theme asset {name!r}: mixes @import lines and rules")
        folder = posixpath.dirname(name)
        return [
            leaf
            for _quote, target in imports
            for leaf in self._css_leaves(
                posixpath.normpath(posixpath.join(folder, target)), seen | {name}
            )
        ]

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
            parts = self._css_leaves(name) if name.endswith(".css") else []
            for unhashed in {name, *(part for part, _path in parts)}:
                (self.output / self.static_dir / unhashed).unlink(missing_ok=True)
            logger.debug("asset %s -> %s", name, hashed)
