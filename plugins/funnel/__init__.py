"""The lead funnel: the next step after each article, the forms, and analytics.

Stages, one module each: `cta` (the call-to-action blocks and choosing one per
article), `channels` (booking page, tap-to-call, WhatsApp), `forms` (the form
definitions and where each form posts, from FORMS), `gate` (the optional lead magnet:
a checklist behind a newsletter signup), `readiness` (what every build tells the
owner is still missing). Templates: theme/templates/partials/call_to_action.html,
channels.html, form.html, analytics.html; the gate's own in plugins/funnel/templates/.
"""

import logging
from pathlib import Path

from pelican import signals
from sitekit import add_plugin_folders, build

from .channels import load_channels
from .cta import attach_ctas, load_ctas
from .forms import load_analytics, load_forms, newsletter_shown
from .gate import GateThanksGenerator, attach_gates
from .readiness import report_funnel

logger = logging.getLogger(__name__)
# The header fields this plugin reads (collected by sitekit.header).
FIELDS = {"cta", "checklist_gate"}

HERE = Path(__file__).parent


def on_initialized(pelican) -> None:
    """Validate the funnel settings once, before anything is written; what they
    make goes into the templates' context (`build.Build.context`)."""
    settings = pelican.settings
    add_plugin_folders(settings, HERE)
    forms = load_forms(settings)
    build.of(settings).context.update(
        CHANNELS=load_channels(settings),
        CTA_BLOCKS=load_ctas(settings),
        FORM_SETUP=forms,
        NEWSLETTER_SHOWN=newsletter_shown(settings, forms),
        ANALYTICS=load_analytics(settings),
    )


def on_article_generator_finalized(generator) -> None:
    attach_ctas(generator)
    attach_gates(generator)


def get_generators(pelican):
    return GateThanksGenerator


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.article_generator_finalized.connect(on_article_generator_finalized)
    signals.get_generators.connect(get_generators)
    signals.get_generators.connect(report_funnel)
