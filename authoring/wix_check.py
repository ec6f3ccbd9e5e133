"""What a Wix import leaves for the author to do, as warnings of `invoke check`."""

import re
from urllib.parse import urlsplit

from hosting.redirects import old_path

from .messages import ERROR, WARNING
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
                doc,
                wix.line,
                ERROR,
                f"Wix_url {wix.value!r} bevat tekens die niet in een webadres mogen",
                f"schrijf het zo: Wix_url: {encoded}",
            )
    author, owner = source.first("author"), checker.settings.get("AUTHOR")
    if source.first("import_hash") and author and owner and author.value != owner:
        checker.add(
            doc,
            author.line,
            WARNING,
            f"deze geïmporteerde post staat op naam van {author.value}, niet van "
            f"{owner}: de site noemt hem een gastauteur",
            "was het jouw post? haal de regel Author weg, of importeer opnieuw met "
            f'--owner "{author.value}" --force',
        )
    status = source.first("status")
    if (
        source.first("import_hash")
        and status
        and status.value.lower() == "draft"
        and source.body.rstrip().endswith(TRUNCATED)
    ):
        checker.add(
            doc,
            status.line,
            WARNING,
            "deze post was in de feed ingekort: alleen het begin staat er",
            "importeer de opgeslagen pagina van de post met invoke import-wix",
        )
    image = source.first("image")
    for number, line in enumerate(source.lines, 1):
        if number < source.body_start:
            found = [image.value if image else "Image"] if IN_HEADER.match(line) else []
        else:
            found = IN_BODY.findall(line)
        for shown in found:
            checker.add(
                doc,
                number,
                WARNING,
                f"beschrijf deze afbeelding: {shown}",
                f"vervang '{MISSING_ALT}' door wat er op de foto te zien is",
            )
