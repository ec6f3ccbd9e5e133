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
