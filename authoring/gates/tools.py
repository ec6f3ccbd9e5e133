"""Where the gates' tools are, or which one is missing and the one command that
installs it. The Node tools come from package.json (`npm ci`, which `make serve` and
`make test` run); Java and Chromium are system packages (scripts/system-deps)."""

import shutil
from pathlib import Path

from . import ToolMissing

ROOT = Path(__file__).resolve().parents[2]
NPM = "npm ci --no-audit --no-fund --ignore-scripts (of: make serve)"
APT = "sudo apt-get install -y {}"


def node_file(relative: str, tool: str, root: Path = ROOT) -> Path:
    """A file of an npm package in the project's node_modules."""
    path = root / "node_modules" / relative
    if not path.is_file():
        raise ToolMissing(tool, NPM)
    return path


def program(name: str, tool: str, package: str) -> str:
    """A program on the PATH (a Debian package installs it)."""
    found = shutil.which(name)
    if not found:
        raise ToolMissing(tool, APT.format(package))
    return found


def vnu(root: Path = ROOT) -> list[str]:
    """The command that runs the Nu Html Checker."""
    java = program("java", "Java (voor de HTML-controle)", "default-jre-headless")
    jar = node_file("vnu-jar/build/dist/vnu.jar", "de HTML-controle (vnu-jar)", root)
    # A short run: the quick compiler alone costs half the CPU (it needs more stack).
    return [java, "-Xss16m", "-XX:TieredStopAtLevel=1", "-jar", str(jar)]


def axe(root: Path = ROOT) -> Path:
    return node_file("axe-core/axe.min.js", "de toegankelijkheidscontrole (axe)", root)


def chromium() -> str:
    return program("chromium", "de browser Chromium", "chromium")


def check_all(root: Path = ROOT) -> None:
    """Raise ToolMissing for the first tool that is missing, before anything runs."""
    vnu(root)
    axe(root)
    chromium()
