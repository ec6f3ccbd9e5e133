"""The site's Content-Security-Policy, built from the settings in one place."""

from urllib.parse import urlsplit


def origin(url: str) -> str:
    """The scheme and host of a URL, as CSP source expressions want them."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def form_action_sources(settings: dict) -> list[str]:
    """Origins that the site's forms post to, besides the site itself."""
    endpoints = [form.get("endpoint") for form in settings.get("FORMS", {}).values()]
    return sorted({origin(url) for url in endpoints if url and "://" in url})


def content_security_policy(settings: dict) -> str:
    """The strict policy: nothing inline, nothing from other hosts but form targets."""
    # 'wasm-unsafe-eval' lets the site's own search (Pagefind, /zoeken/) compile its
    # WebAssembly; without it Chromium refuses WebAssembly.instantiate(). It allows
    # no JavaScript eval and no other origin. One header serves every page, so it
    # cannot be limited to the search page.
    scripts = ["'self'", "'wasm-unsafe-eval'"]
    connect = ["'self'"]
    analytics = settings.get("ANALYTICS") or {}
    if analytics.get("script"):
        scripts.append(origin(analytics["script"]))
        connect.append(origin(analytics.get("endpoint") or analytics["script"]))
    directives = {
        "default-src": ["'self'"],
        "script-src": scripts,
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "connect-src": connect,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *form_action_sources(settings)],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(
        f"{name} {' '.join(values)}" for name, values in directives.items()
    )
