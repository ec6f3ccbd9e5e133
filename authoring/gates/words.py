"""The gates' findings in Dutch (authoring/problems.nl.yaml): one line each, at the
post or page the built page comes from and the line there that holds what was found,
else at the built page."""

import re
from pathlib import Path

from sitekit.lines import line_with

from ..catalog import words
from ..messages import Problem, shown
from . import Finding
from .pages import Written

# An axe rule that has words of its own.
AXE_CODES = {"link-name": "link-without-text", "image-alt": "image-alt"}
ADDRESS = re.compile(r"""(?:href|src)="([^"]+)\"""")


def worded(finding: Finding) -> tuple[str, str]:
    """What is wrong and what to do, in Dutch."""
    code = finding.code
    if code == "axe":
        code = AXE_CODES.get(finding.params.get("rule"), code)
    params = dict(finding.params)
    if code == "link-without-text" and "url" not in params:
        params["url"] = next(iter(ADDRESS.findall(params.get("html", ""))), "")
    message, advice, _level = words(code, params)
    return message, advice


def needles(finding: Finding, built: str) -> list[str]:
    """Text that finds the finding's line in a post: the addresses it names, the
    HTML it quotes, the built page's line."""
    found = [finding.params.get("url") or "", finding.params.get("html") or ""]
    found += ADDRESS.findall(finding.params.get("html") or "")
    built = built.strip()
    found += [built, re.sub(r"^<p>(.*)</p>$", r"\1", built)]
    found.append(re.sub(r"<[^>]+>", "", built).strip())
    return [n for n in found if len(n) >= 6]


def built_line(page: Path, finding: Finding) -> str:
    """The line of the built page a finding names; the HTML checker sometimes names
    the line before, so a neighbour holding a name it quotes (“inhoud”) is
    preferred."""
    try:
        lines = page.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    line = finding.line
    if not 1 <= line <= len(lines):
        return ""
    quoted = [
        (f"<{q}", f"</{q}", *([q] if len(q) > 3 else []))
        for q in re.findall(r"“([^”]+)”", finding.params.get("detail", ""))
    ]
    for candidate in (line, line + 1, line - 1):
        if 0 < candidate <= len(lines) and any(
            form in lines[candidate - 1] for forms in quoted for form in forms
        ):
            return lines[candidate - 1]
    return lines[line - 1]


def problems(
    findings: list[Finding], site: Path, written: dict[str, Written], root: Path
) -> list[Problem]:
    """The findings as Dutch lines, at their post or page where there is one."""
    told = set()
    for finding in findings:
        message, advice = worded(finding)
        origin = written.get(finding.page)
        if origin is not None and origin.source is not None:
            built = built_line(site / finding.page, finding)
            file = shown(origin.source, root=root)
            line = line_with(origin.source, *needles(finding, built))
        else:
            file, line = finding.page or "site", finding.line or 1
        told.add(Problem.error(file, line, message, advice))
    # A finding not traced to a line of its post is the echo of one that was (the
    # HTML checker's next complaint about the same element): the traced one says it.
    traced = {(p.file, p.message) for p in told if p.line > 1}
    return sorted(p for p in told if p.line > 1 or (p.file, p.message) not in traced)
