"""The worksheet and checklist plugin: loads definitions, attaches them to articles.

Stages, one module each: `loading` (finding definition files), `worksheet` (parsing and
validating worksheets), `formula` (the worksheet formula language), `checklist`
(parsing checklists), `pdf` (writing checklist PDFs), `attach` (choosing per article).
"""

import logging
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent


def on_initialized(pelican) -> None:
    """Make the plugin's partials and static files available to the theme."""
    settings = pelican.settings
    settings.setdefault("PLUGIN_TEMPLATE_PATHS", []).append(str(HERE / "templates"))
    settings["THEME_STATIC_PATHS"] = [
        *settings["THEME_STATIC_PATHS"],
        str(HERE / "static"),
    ]


def register() -> None:
    signals.initialized.connect(on_initialized)
    register_checklist()


# --- Checklist: parse content/checklists/, attach to articles, write the PDFs --------
from .checklist import attach_checklists  # noqa: E402
from .pdf import ChecklistPdfGenerator  # noqa: E402


def on_articles_finalized_checklist(generator) -> None:
    """Attach checklists to articles; the PDF generator finds them in the context."""
    generator.context["CHECKLISTS"] = attach_checklists(generator)


def get_checklist_generator(pelican):
    return ChecklistPdfGenerator


def register_checklist() -> None:
    signals.article_generator_finalized.connect(on_articles_finalized_checklist)
    signals.get_generators.connect(get_checklist_generator)
