"""A new post: a Markdown file with every field the site reads, ready to write in."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitekit.header import read_source
from sitekit.rules import PLACEHOLDER

from .messages import shown, worded
from .source import SETTINGS_FILE, site_settings, slug_field, slug_for

PREVIEW = "http://127.0.0.1:8000/"
TASK = "new-post"  # where a line about the task itself is told
# Optional fields, shown under the header as Markdown comments (reference definitions
# that render nothing): (field, example value, explanation). The explanation may not
# contain parentheses. Cta only once the funnel plugin's CTAS setting exists.
OPTIONAL = (
    (
        "Worksheet",
        "naam",
        "werkblad onder de post, standaard: {worksheet}; none = geen",
    ),
    (
        "Checklist",
        "naam",
        "checklist onder de post, standaard: {checklist}; none = geen",
    ),
    ("Cta", "naam", "oproep onder de post, standaard: {cta}; none = geen"),
    (
        "Description",
        "één zin",
        "tekst voor zoekmachines als die anders moet dan de samenvatting",
    ),
    ("Image", "images/foto.jpg", "eigen foto bij delen op sociale media"),
    ("Image_alt", "beschrijving", "wat er op die foto te zien is"),
    ("Modified", "{date}", "datum van een flinke wijziging"),
    ("Wix_url", "/post/oude-naam", "oude Wix-adres, dat dan hierheen doorverwijst"),
    (
        "Status",
        "draft",
        "concept: wel te bekijken, niet in de lijsten en niet gepubliceerd",
    ),
)


class PostExists(Exception):
    """The post, or another post with the same slug, is already there."""


def render(title: str, slug: str, date: str, settings: dict) -> str:
    """The text of a new post."""
    defaults = {
        "worksheet": settings.get("WORKSHEET_DEFAULT") or "geen",
        "checklist": settings.get("CHECKLIST_DEFAULT") or "geen",
        "cta": settings.get("CTA_DEFAULT") or "geen",
        "date": date,
    }
    optional = [o for o in OPTIONAL if o[0] != "Cta" or "CTAS" in settings]
    lines = [
        f"Title: {title}",
        f"Slug: {slug}",
        f"Date: {date}",
        f"Category: {settings['DEFAULT_CATEGORY']}",
        "Tags: ",
        "Summary: ",
        "",
        "[//]: # (Meer velden: haal bij zo'n regel het begin en de haakjes weg en zet"
        " hem bij de regels hierboven. Deze regels zie je niet op de site.)",
    ]
    for name, example, explanation in optional:
        value = example.format(**defaults)
        lines.append(f"[//]: # ({name}: {value} -- {explanation.format(**defaults)})")
    lines += [
        "",
        PLACEHOLDER,
        "",
        "## Een tussenkop",
        "",
        "- een opsomming",
        "- nog een punt",
        "",
    ]
    return "\n".join(lines)


def new_post(
    title: str,
    settings_file: Path = SETTINGS_FILE,
    now: datetime | None = None,
) -> tuple[Path, str]:
    """Write content/posts/<slug>.md; returns its path and preview URL."""
    settings = site_settings(settings_file)
    root = Path(settings_file).resolve().parent
    title = " ".join(title.split())
    if not title:
        raise ValueError(worded(TASK, 0, "new-post-title-empty"))
    slug = slug_for(title, settings)
    if not slug:
        raise ValueError(worded(TASK, 0, "new-post-title-unusable", {"value": title}))
    folder = root / settings["PATH"] / settings["ARTICLE_PATHS"][0]
    path = folder / f"{slug}.md"
    if path.exists():
        raise PostExists(worded(shown(path, root=root), 1, "post-exists"))
    for other in sorted(folder.rglob("*.md")):
        field = slug_field(read_source(other))
        if field and slug_for(field.value, settings) == slug:
            where = shown(other, root=root)
            raise PostExists(
                worded(where, field.line, "post-slug-taken", {"value": slug})
            )
    now = now or datetime.now(ZoneInfo(settings["TIMEZONE"]))
    folder.mkdir(parents=True, exist_ok=True)
    text = render(title, slug, now.strftime("%d-%m-%Y %H:%M"), settings)
    with path.open("x", encoding="utf-8") as out:
        out.write(text)
    url = PREVIEW + settings["ARTICLE_URL"].format(slug=slug)
    return path, url
