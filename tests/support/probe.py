"""Watch a Playwright page for CSP violations, errors and requests to other hosts."""

import time

from playwright.sync_api import Page

from authoring.gates import tools

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
});
"""


def wait_until(page: Page, condition: str, arg=None, limit: float = 20) -> None:
    """Evaluate `condition` in the page until it holds. (Playwright's
    wait_for_function evaluates strings, which the strict CSP forbids once the
    condition does not hold at the first try.)"""
    deadline = time.monotonic() + limit
    while not page.evaluate(condition, arg):
        assert time.monotonic() < deadline, f"never true: {condition}"
        page.wait_for_timeout(50)


class PageProbe:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "console",
            lambda msg: msg.type == "error" and self.errors.append(msg.text),
        )

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")

    def foreign_requests(self) -> list[str]:
        own = (self.base_url + "/", "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(own)]

    def axe_violations(self) -> list[dict]:
        """Run axe-core in the page; return its violations, each with the nodes hit."""
        self.page.evaluate(tools.axe().read_text(encoding="utf-8"))
        result = self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [
            {
                "id": v["id"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]],
            }
            for v in result["violations"]
        ]
