"""What a Wix import leaves for the author to do, as warnings of `invoke check`."""

import re
from urllib.parse import urlsplit

from hosting.redirects import old_path

from .wix_import import TRUNCATED, encoded_path
from .wix_markdown import MISSING_ALT

IN_BODY = re.compile(r"!\[" + re.escape(MISSING_ALT) + r"\]\(([^)\s]*)")
IN_HEADER = re.compile(r"^image_alt:\s*" + re.escape(MISSING_ALT), re.IGNORECASE)


def check_imported(checker, doc) -> None:
    """One warning per image the import could not describe (its alt or Image_alt)
    and for a post of someone else than the owner, and an error for an old address
    the build cannot redirect as written."""
    source = doc.source
    wix = source.first("wix_url")
    if wix and wix.value and old_path(wix.value) is None:
        path = urlsplit(wix.value).path if "://" in wix.value else wix.value
        encoded = encoded_path(path)
        if old_path(encoded):
            checker.add(
                doc, wix.line, "wix-url-characters", value=wix.value, encoded=encoded
            )
    author, owner = source.first("author"), checker.settings.get("AUTHOR")
    if source.first("import_hash") and author and owner and author.value != owner:
        checker.add(doc, author.line, "guest-author", author=author.value, owner=owner)
    status = source.first("status")
    if (
        source.first("import_hash")
        and status
        and status.value.lower() == "draft"
        and source.body.rstrip().endswith(TRUNCATED)
    ):
        checker.add(doc, status.line, "feed-shortened")
    image = source.first("image")
    for number, line in enumerate(source.lines, 1):
        if number < source.body_start:
            found = [image.value if image else "Image"] if IN_HEADER.match(line) else []
        else:
            found = IN_BODY.findall(line)
        for shown in found:
            checker.add(
                doc, number, "image-undescribed", image=shown, placeholder=MISSING_ALT
            )
