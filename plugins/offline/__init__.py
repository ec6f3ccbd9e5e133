"""Offline reading and installing: a service worker, its offline page, a web app
manifest with icons drawn from the brand mark.

The worker (worker.js, written to the site root as sw.js with this build's version)
keeps the pages a reader opened, and from her first visit the pages to reach the owner
by (OFFLINE_PAGES: contact, services, about); the theme's script js/offline.js
registers it and, on the offline page, lists the posts kept on the device. Without
JavaScript nothing changes. Runs before the hosting plugin, which lists and compresses
what it writes.
"""

import hashlib
import json
import logging
from pathlib import Path

import sitekit
from pelican import signals
from sitekit.assets import HASHED_END
from sitekit.images import PAPER, brand_colour
from sitekit.mark import mark_svg
from sitekit.security import SEARCH_BUNDLE, SERVICE_WORKER

from .icons import write_icons

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
MANIFEST = "manifest.webmanifest"
# What every version keeps from the start: the theme's styles, scripts and icon.
PRECACHED_SUFFIXES = (".css", ".js", ".svg")


def on_initialized(pelican) -> None:
    """The offline page as a direct template, the script as a theme asset."""
    settings = pelican.settings
    sitekit.add_plugin_folders(settings, HERE)
    settings["DIRECT_TEMPLATES"] = [*settings["DIRECT_TEMPLATES"], "offline"]
    settings.setdefault("OFFLINE_URL", "offline/")
    settings.setdefault("OFFLINE_SAVE_AS", "offline/index.html")
    settings.setdefault("MANIFEST_URL", MANIFEST)
    settings.setdefault("THEME_COLOR", brand_colour(settings))
    # Kept from the first visit, so she can reach the owner from the stable.
    settings.setdefault("OFFLINE_PAGES", ["contact/", "diensten/", "over-mij/"])


def worker_script(version_inputs: bytes, precache: list[str], offline: str) -> str:
    """sw.js: the worker with this build's settings above it. The version is a hash
    of everything it keeps from the start, so the same sources give the same file."""
    source = (HERE / "worker.js").read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode() + version_inputs)
    digest.update(json.dumps(precache).encode())
    version = digest.hexdigest()[:10]
    never = [SERVICE_WORKER.lstrip("/"), SEARCH_BUNDLE.strip("/") + "/"]
    build = {
        "version": version,
        "precache": precache,
        "offline": offline,
        "never": never,
        "hashed": "/theme/.+" + HASHED_END,
    }
    return f"const BUILD = {json.dumps(build, indent=2)};\n{source}"


def web_app_manifest(settings: dict, icons: list[dict]) -> str:
    """The manifest: Dutch names, brand colours, the site root as start and scope."""
    manifest = {
        "name": settings["SITENAME"],
        "short_name": sitekit.build.of(settings).ui["app_short_name"],
        "description": settings.get("SITE_DESCRIPTION", ""),
        "lang": settings["DEFAULT_LANG"],
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": settings["THEME_COLOR"],
        "background_color": PAPER,
        "icons": icons,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def on_finalized(pelican) -> None:
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    icons = write_icons(
        output,
        f"{settings['THEME_STATIC_DIR']}/img",
        Path(settings["CACHE_PATH"]) / "icons",
        mark_svg(settings),
        settings.get("LOGO"),
    )
    (output / settings["MANIFEST_URL"]).write_text(
        web_app_manifest(settings, icons), encoding="utf-8"
    )
    offline = settings["OFFLINE_URL"]
    written = sitekit.written_assets(settings)
    precache = [path for path in written if path.endswith(PRECACHED_SUFFIXES)]
    html = (output / settings["OFFLINE_SAVE_AS"]).read_bytes()
    pages = [offline]
    for url in settings["OFFLINE_PAGES"]:
        if (output / url / "index.html").is_file():
            pages.append(url)
            html += (output / url / "index.html").read_bytes()
    worker = output / SERVICE_WORKER.lstrip("/")
    worker.write_text(worker_script(html, [*precache, *pages], offline), "utf-8")
    logger.debug("service worker %s keeps %d files", worker, len(precache) + len(pages))


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.finalized.connect(on_finalized)
