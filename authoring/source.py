"""Reading posts the way Pelican does, keeping the line number of every field."""

import re
import traceback
from pathlib import Path

from pelican.settings import get_settings_from_file, read_settings
from pelican.utils import slugify

from .catalog import worded

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "pelicanconf.py"


def slug_field(source):
    """The field a post's slug is made from: its Slug, else its Title (None when it
    has neither)."""
    return source.first("slug") or source.first("title")


# Python's complaints about a settings file, as the kind of mistake (a term of the
# catalog, authoring/problems.nl.yaml).
PYTHON_ERRORS = {
    "unterminated string": "python-quote-open",
    "unterminated triple-quoted": "python-triple-quote-open",
    "was never closed": "python-bracket-open",
    "unmatched": "python-bracket-extra",
    "does not match opening parenthesis": "python-brackets-mismatched",
    "unexpected indent": "python-indent-unexpected",
    "unindent does not match": "python-indent-uneven",
    "expected an indented block": "python-indent-expected",
    "is not defined": "python-name-unknown",
    "perhaps you forgot a comma": "python-comma-missing",
}


def settings_problem(settings_file: Path, error: BaseException) -> str:
    """The one line for a settings file Python cannot run."""
    line = getattr(error, "lineno", None) if isinstance(error, SyntaxError) else None
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).resolve() == Path(settings_file).resolve():
            line = frame.lineno
    text = str(error)
    what = next((v for k, v in PYTHON_ERRORS.items() if k in text), "python-other")
    name = Path(settings_file).name
    return str(worded(name, line or 1, "settings-python", {"what": what}))


def settings_values(settings_file: Path) -> dict:
    """The values the settings file sets (Pelican's reading); a file Python cannot
    run is one line, and stop."""
    try:
        return get_settings_from_file(str(settings_file))
    except Exception as error:  # noqa: BLE001 (any mistake in it: one line)
        raise SystemExit(settings_problem(settings_file, error)) from None


def written_setting(settings_file: Path, name: str) -> str | None:
    """The text a line `NAME = "..."` of the settings file sets, read without running
    the file (for when Python cannot run it); None when no such line."""
    try:
        text = Path(settings_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = re.search(rf"^{name}\s*=\s*([\"'])([^\"'\n]+)\1\s*(#.*)?$", text, re.M)
    return found[2] if found else None


def site_settings(settings_file: Path = SETTINGS_FILE, **override) -> dict:
    """The site's settings with Pelican's defaults filled in; a settings file that
    cannot be read, or no content folder: the author's one line, and stop. The
    file runs once; only when reading fails is it run again to word the failure."""
    try:
        return read_settings(str(settings_file), override=override or None)
    except Exception as error:
        values = settings_values(settings_file)  # the file itself fails: its line
        no_content = "path containing the content" in str(error)
        if not (isinstance(error, ValueError) and no_content):
            raise
    lines = Path(settings_file).read_text(encoding="utf-8").splitlines()
    line = next((n for n, t in enumerate(lines, 1) if re.match(r"PATH\s*=", t)), 1)
    folder = values.get("PATH", "content")
    found = worded(
        Path(settings_file).name, line, "content-missing", {"folder": folder}
    )
    raise SystemExit(str(found))


def slug_for(title: str, settings: dict) -> str:
    """The slug Pelican makes from a title with this site's settings."""
    return slugify(
        title,
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings["SLUGIFY_PRESERVE_CASE"],
        use_unicode=settings["SLUGIFY_USE_UNICODE"],
    )
