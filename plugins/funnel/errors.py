"""The embeds plugin's error type, shared so every content message reads the same."""

import sys
from pathlib import Path

# Pelican loads each plugin as a top-level module from PLUGIN_PATHS; make its sibling
# `embeds` importable the same way, whoever imports this module first.
_PLUGINS = str(Path(__file__).resolve().parent.parent)
if _PLUGINS not in sys.path:
    sys.path.append(_PLUGINS)

from embeds.errors import DefinitionError  # noqa: E402

SETTINGS_FILE = "pelicanconf.py"

__all__ = ["DefinitionError", "SETTINGS_FILE"]
