"""How `invoke publish` runs the browser gate on a production build: requests for the
public address are answered from the built folder, and the browser enforces the CSP
those answers carry, exactly as on the real host."""

import shutil
from functools import partial

import pytest

from authoring.gates.browser import check_pages
from tests.publish.hosting import PUBLIC, production_settings


@pytest.mark.browser
def test_public_address_is_served_locally_with_its_policy_enforced(
    production_site, tmp_path
):
    from sitekit.security import content_security_policy

    site = tmp_path / "site"
    shutil.copytree(production_site, site)
    post = site / "blog/dilemmas/index.html"
    html = post.read_text(encoding="utf-8")
    post.write_text(html.replace("<h1", '<h1 style="color: red"', 1), encoding="utf-8")
    policy = partial(content_security_policy, production_settings())
    chosen = {
        "index.html": True,
        "blog/dilemmas/index.html": True,
        "zoeken/index.html": True,
    }
    found = check_pages(site, PUBLIC, chosen, policy)
    assert [(f.code, f.page, f.params["directive"]) for f in found] == [
        ("csp", "blog/dilemmas/index.html", "style-src-attr")
    ]
