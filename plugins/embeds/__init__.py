"""The worksheet and checklist plugin: loads definitions, attaches them to articles.

Stages, one module each: `loading` (finding definition files), `worksheet` (parsing and
validating worksheets), `formula` (the worksheet formula language), `checklist`
(parsing checklists), `pdf` (writing checklist PDFs), `attach` (choosing per article).
"""

import functools
import logging
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from sitekit import add_plugin_folders, build
from sitekit.attach import all_articles, choose, site_default
from sitekit.filters import dutch_number

from .checklist import attach_checklists
from .loading import DEFINITIONS, load_folder
from .pdf import ChecklistPdfGenerator
from .worksheet import parse_file as parse_worksheet
from .worksheet import script_strings

logger = logging.getLogger(__name__)
# The header fields this plugin reads (collected by sitekit.header).
FIELDS = {"worksheet", "checklist"}

HERE = Path(__file__).parent


def on_initialized(pelican) -> None:
    """Make the plugin's partials and static files available to the theme."""
    add_plugin_folders(pelican.settings, HERE)


def on_generator_init(generator) -> None:
    """The filter and the script's strings the worksheet partials use (the strings
    once per build, not once per page)."""
    generator.env.filters["ws_number"] = dutch_number
    strings = build.of(generator.settings).ui
    generator.env.globals["WS_STRINGS"] = script_strings(strings)


def fields_renderer(template, sheet):
    """The worksheet's fields for a page's SITEURL, rendered once per SITEURL, not once
    per page: with relative URLs, every page at one depth has the same one."""

    @functools.cache
    def fields_html(siteurl: str) -> Markup:
        return Markup(template.render(ws=sheet, SITEURL=siteurl))

    return fields_html


def attach_worksheets(generator) -> None:
    """Give every article its parsed worksheet (or None) as `article.worksheet`."""
    settings = generator.settings
    folder_name, suffixes = DEFINITIONS["worksheet"]
    folder = Path(settings["PATH"]) / folder_name
    known = load_folder(folder, suffixes, parse_worksheet)
    default = site_default(settings, "worksheet", known)
    articles = all_articles(generator)
    template = generator.get_template("partials/worksheet_fields")
    for sheet in known.values():
        sheet.fields_html = fields_renderer(template, sheet)
    for article in articles:
        article.worksheet = choose(article, "Worksheet", default, known)
    logger.debug("worksheets %s attached to %d articles", sorted(known), len(articles))


def on_articles_finalized_checklist(generator) -> None:
    """Attach checklists to articles; the PDF generator finds them in the context."""
    checklists = attach_checklists(generator)
    template = generator.get_template("partials/checklist_list")
    for checklist in checklists.values():
        if checklist.used:  # the same on every page that shows it: rendered once
            checklist.list_html = Markup(
                template.render(checklist=checklist, prefix=checklist.page_prefix)
            )
    generator.context["CHECKLISTS"] = checklists


def get_checklist_generator(pelican):
    return ChecklistPdfGenerator


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(on_generator_init)
    signals.article_generator_finalized.connect(attach_worksheets)
    signals.article_generator_finalized.connect(on_articles_finalized_checklist)
    signals.get_generators.connect(get_checklist_generator)
