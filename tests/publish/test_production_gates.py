"""How `invoke publish` runs the browser gates on a production build: requests for the
public address are answered by the local server, and the browser enforces the CSP
those answers carry, exactly as on the real host."""

import shutil
from functools import partial

import pytest

from tests.conftest import answer_locally
from tests.publish.hosting import PUBLIC
from tests.support.probe import PageProbe
from tests.support.server import SiteServer


@pytest.mark.browser
def test_public_address_is_served_locally_with_its_policy_enforced(
    production_site, tmp_path, context
):
    site = tmp_path / "site"
    shutil.copytree(production_site, site)
    post = site / "blog/dilemmas/index.html"
    html = post.read_text(encoding="utf-8")
    post.write_text(html.replace("<h1", '<h1 style="color: red"', 1), encoding="utf-8")
    with SiteServer(site) as server:
        context.route(f"{PUBLIC}/**", partial(answer_locally, PUBLIC, server.url))
        probe = PageProbe(context.new_page(), PUBLIC)
        probe.goto("/")
        assert probe.page.url == PUBLIC + "/"
        assert probe.csp_violations() == []
        assert probe.page.evaluate("document.styleSheets[0].cssRules.length") > 0
        probe.goto("/blog/dilemmas/")
        assert [v.split(":")[0] for v in probe.csp_violations()] == ["style-src-attr"]
        assert probe.foreign_requests() == []
        assert all(url.startswith(PUBLIC + "/") for url in probe.requests)
