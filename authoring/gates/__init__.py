"""The quality gates of a built site, as production code: `invoke publish` and
`invoke gates` run them, and tests/gates asserts they find nothing on the real site.

Each gate returns `Finding`s (a code, the built page, its line there, parameters);
`problems` words them in Dutch, one line each, at the post or page the built page
was made from (see `recorded_pages`). The gates:

- `links`: every internal link and source in the whole output resolves, and every
  link has text (in-process, fast, always over the whole site);
- `html`: the Nu Html Checker, once over every chosen page and the stylesheets;
- `browser`: each chosen page in Chromium with the site's CSP as a header: no CSP
  violation, no request to another host, no script error, zero axe-core findings.

Which pages the HTML and browser gates see is `manifest.chosen_pages`' decision.
"""

from dataclasses import dataclass, field


@dataclass
class Finding:
    """One thing a gate found: `code` names it (authoring/problems.nl.yaml), `page`
    is the built file (relative to the site), `line` its line there (0: unknown),
    `params` the rest."""

    code: str
    page: str
    line: int = 0
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.page}:{self.line}: {self.code} ({details})"


class ToolMissing(Exception):
    """A tool a gate needs is not installed: `tool` names it, `command` installs it."""

    def __init__(self, tool: str, command: str):
        super().__init__(tool, command)
        self.tool, self.command = tool, command

    def __str__(self) -> str:
        return (
            f"De controles kunnen niet draaien: {self.tool} ontbreekt op deze computer "
            f"(aan je tekst ligt het niet; er is niets gepubliceerd). Installeer het "
            f"met: {self.command}"
        )
