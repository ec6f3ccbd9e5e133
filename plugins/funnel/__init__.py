"""The lead funnel: the next step after each article, the forms, and analytics.

Stages, one module each: `cta` (the call-to-action blocks and choosing one per
article), `forms` (the form definitions and where each form posts, from FORMS).
Templates: theme/templates/partials/call_to_action.html, form.html, analytics.html.
"""

import logging

from pelican import signals

from .cta import attach_ctas, load_ctas
from .forms import load_analytics, load_forms, newsletter_shown

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate the funnel settings once, before anything is written."""
    settings = pelican.settings
    settings["CTA_BLOCKS"] = load_ctas(settings)
    settings["FORM_SETUP"] = load_forms(settings)
    settings["NEWSLETTER_SHOWN"] = newsletter_shown(settings, settings["FORM_SETUP"])
    settings["ANALYTICS"] = load_analytics(settings)


def on_article_generator_finalized(generator) -> None:
    attach_ctas(generator)


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.article_generator_finalized.connect(on_article_generator_finalized)
