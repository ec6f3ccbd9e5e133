"""The response headers the host sends: security on every response, caching by kind."""

import re
from pathlib import Path

from sitekit.security import content_security_policy

# Theme CSS, JS and icons carry a content hash in their name (sitekit.assets): a new
# version gets a new name, so browsers may keep these for a year without asking.
HASHED_ASSET = re.compile(r"^theme/.+\.[0-9a-f]{10}\.[a-z0-9]+$")
HASHED_ASSET_NGINX = r"^/theme/.+\.[0-9a-f]{10}\.[a-z0-9]+$"
IMMUTABLE = "public, max-age=31536000, immutable"
# Everything else (HTML above all) is checked with the host on every visit.
REVALIDATE = "no-cache"
HSTS = "max-age=31536000"
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


def security_headers(settings: dict) -> dict[str, str]:
    """Headers for every response: the site's CSP and the usual hardening."""
    headers = {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": settings.get("PERMISSIONS_POLICY", PERMISSIONS),
        "Strict-Transport-Security": settings.get("HSTS", HSTS),
    }
    for name, value in headers.items():
        if not value or any(char in value for char in '"\r\n'):
            raise ValueError(f"header {name}: value {value!r} cannot be sent as is")
    return headers


def hashed_assets(output: Path) -> list[str]:
    """Paths (relative to the site root) of the content-hashed CSS and JS files."""
    return sorted(
        path.relative_to(output).as_posix()
        for path in (output / "theme").rglob("*")
        if HASHED_ASSET.match(path.relative_to(output).as_posix())
    )
