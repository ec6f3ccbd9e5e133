"""Files for the host, written at build time from the settings: `_headers`,
`_redirects`, an example nginx configuration, and .gz/.br copies of text files."""

import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from sitekit import build
from sitekit.security import wasm_paths

from .compress import precompress
from .headers import headers_file
from .nginx import nginx_files
from .policy import hashed_assets, policy_rules, security_headers
from .redirects import check_targets, collect_redirects, redirects_file

logger = logging.getLogger(__name__)
# The header fields this plugin reads (collected by sitekit.header); Import_hash
# is the Wix import's own (authoring/wix_import.py), kept with Wix_url.
FIELDS = {"wix_url", "import_hash"}


def nginx_folder(settings: dict) -> Path:
    """Where the example nginx files go: NGINX_CONF_PATH in the project folder.

    The project is the folder that holds the content folder (PATH), so the files land
    in the same place wherever the build writes its output (`-o`), and never in it.
    """
    project = Path(settings["PATH"]).resolve().parent
    return project / settings.get("NGINX_CONF_PATH", "deploy/nginx")


def on_all_generators_finalized(generators) -> None:
    """Collect and check the redirects before anything of ours is written."""
    contents = []
    for generator in generators:
        for kind in ("articles", "translations", "pages", "hidden_pages"):
            contents += getattr(generator, kind, [])
    settings = generators[0].settings
    build.of(settings).redirects = collect_redirects(settings, contents)


def on_finalized(pelican) -> None:
    """Runs last (PLUGINS in pelicanconf.py): every file of the site is written."""
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    redirects = getattr(build.of(settings), "redirects", [])
    check_targets(redirects, output)
    security = security_headers(settings)
    relaxed = [
        (path, security_headers(settings, path)) for path in wasm_paths(settings)
    ]
    host = urlsplit(settings.get("SITE_PUBLIC_URL") or "").hostname or "_"
    root = settings.get("NGINX_ROOT") or f"/var/www/{host}"
    files = {
        output / "_headers": headers_file(
            security, hashed_assets(output), policy_rules(settings, output)
        ),
        output / "_redirects": redirects_file(redirects),
    }
    folder = nginx_folder(settings)
    nginx = nginx_files(security, redirects, host, root, relaxed)
    for name, text in nginx.items():
        files[folder / name] = text
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if settings.get("PRECOMPRESS"):
        precompress(output, Path(settings["CACHE_PATH"]) / "compressed")


def register() -> None:
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
