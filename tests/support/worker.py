"""Read the built service worker back."""

import json
import re
from pathlib import Path


def worker_build(site: Path) -> dict:
    """The build's settings that sw.js starts with: `const BUILD = {...};`."""
    match = re.match(r"const BUILD = (\{.*?\});\n", (site / "sw.js").read_text(), re.S)
    assert match, "sw.js does not start with this build's settings"
    return json.loads(match[1])
