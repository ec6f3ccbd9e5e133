"""Helpers of the funnel tests: the site built with other settings, served with forms
that post to a local backend, and a message handed over from the worksheet."""

import json
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from pelican.settings import read_settings

from tests.conftest import ROOT, TEST_OVERRIDES, build_site, copy_content
from tests.support.form_backend import FormBackend
from tests.support.server import SiteServer

MESSAGE_KEY = "hva:handoff"  # forms.js and worksheet.js


def build_with(work: Path, content: Path | None = None, **settings) -> Path:
    """The test site (or `content`) built into work/output with these settings."""
    output = work / "output"
    overrides = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    result = build_site(
        content or copy_content(work),
        output,
        "pelicanconf.py",
        *TEST_OVERRIDES,
        *overrides,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@contextmanager
def site_with_forms(work: Path, forms_for, content: Path | None = None):
    """The site with FORMS = forms_for(backend URL), served with the CSP those forms
    give it, their endpoints on a local backend that records every post."""
    output = work / "output"
    output.mkdir()
    with FormBackend() as backend:
        forms = forms_for(backend.url)
        settings = read_settings(
            str(ROOT / "pelicanconf.py"), override={"FORMS": forms}
        )
        with SiteServer(output, settings=settings) as server:
            build_with(work, content, FORMS=forms, SITE_PUBLIC_URL=server.url)
            yield SimpleNamespace(
                url=server.url,
                output=output,
                backend=backend,
                policy=server.policy,
                thanks=server.url + "/bedankt/",
                signed_up=server.url + "/bedankt/nieuwsbrief/",
            )


def leave_worksheet_message(probe, message: str) -> None:
    """What "Stuur ze via het contactformulier" under a post leaves for the form."""
    probe.goto("/blog/dilemmas/")
    probe.page.evaluate(
        f"sessionStorage.setItem({MESSAGE_KEY!r}, {json.dumps(message)})"
    )
