"""The response headers the host sends: security on every response, caching by kind."""

import re
from pathlib import Path

from sitekit.assets import HASHED_END
from sitekit.security import content_security_policy, wasm_paths

# Theme CSS, JS and icons carry a content hash in their name (sitekit.assets): a new
# version gets a new name, so browsers may keep these for a year without asking.
HASHED_ASSET = re.compile(r"^theme/.+" + HASHED_END)
HASHED_ASSET_NGINX = r"^/theme/.+" + HASHED_END
IMMUTABLE = "public, max-age=31536000, immutable"
# Everything else (HTML above all) is checked with the host on every visit.
REVALIDATE = "no-cache"
HSTS = "max-age=31536000"
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


# Files in the output that are not pages of the site: the hosts' own files, and the
# compressed copies (nginx picks them; Netlify and Cloudflare compress themselves).
NOT_SERVED = {"_headers", "_redirects"}
COPY_SUFFIXES = (".gz", ".br")


def security_headers(settings: dict, path: str = "") -> dict[str, str]:
    """Headers for a response: the CSP for that path and the usual hardening."""
    headers = {
        "Content-Security-Policy": content_security_policy(settings, path),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": settings.get("PERMISSIONS_POLICY", PERMISSIONS),
        "Strict-Transport-Security": settings.get("HSTS", HSTS),
    }
    for name, value in headers.items():
        if not value or any(char in value for char in '"\r\n'):
            raise ValueError(f"header {name}: value {value!r} cannot be sent as is")
    return headers


def policy_rules(settings: dict, output: Path) -> list[tuple[str, str]]:
    """(path pattern, CSP) rules that give every file of the site exactly one policy.

    Netlify and Cloudflare send the headers of every rule that matches a path, and
    two Content-Security-Policy values are two policies that both apply: the search
    page's relaxed policy under a site-wide one would still block its WebAssembly.
    So, with a search page, the strict policy is not given to `/*` but to each entry
    of the output (folders as `/name/*`) outside the search folders (wasm_paths),
    which get the relaxed one. An address that is no file of the site (the hosts
    answer it with 404.html) then gets no CSP; 404.html itself does.
    """
    strict = content_security_policy(settings)
    relaxed = wasm_paths(settings)
    if not relaxed:
        return [("/*", strict)]
    rules = [("/", strict)]

    def walk(folder: Path, prefix: str) -> None:
        entries = folder.iterdir() if folder.is_dir() else []
        for name, is_folder in sorted((e.name, e.is_dir()) for e in entries):
            if name in NOT_SERVED or name.endswith(COPY_SUFFIXES):
                continue
            path = f"{prefix}{name}/" if is_folder else f"{prefix}{name}"
            if path in relaxed:
                continue
            if any(search.startswith(path) for search in relaxed):
                rules.append((path, strict))  # a folder's own index, on the way
                walk(folder / name, path)
            else:
                rules.append((f"{path}*" if is_folder else path, strict))

    walk(output, "/")
    rules += [(f"{path}*", content_security_policy(settings, path)) for path in relaxed]
    return rules


def hashed_assets(output: Path) -> list[str]:
    """Paths (relative to the site root) of the content-hashed CSS and JS files."""
    return sorted(
        path.relative_to(output).as_posix()
        for path in (output / "theme").rglob("*")
        if HASHED_ASSET.match(path.relative_to(output).as_posix())
    )
