"""Share links as plain URLs: no third-party script, no request until clicked."""

from urllib.parse import quote


def _q(text: str) -> str:
    return quote(text, safe="")


def share_links(url: str, title: str) -> list[dict[str, str]]:
    """The share targets for a page, each with a `key` (for its label) and `href`."""
    return [
        {"key": "whatsapp", "href": f"https://wa.me/?text={_q(f'{title} {url}')}"},
        {
            "key": "linkedin",
            "href": f"https://www.linkedin.com/sharing/share-offsite/?url={_q(url)}",
        },
        {
            "key": "facebook",
            "href": f"https://www.facebook.com/sharer/sharer.php?u={_q(url)}",
        },
        {"key": "email", "href": f"mailto:?subject={_q(title)}&body={_q(url)}"},
    ]
