"""The embeds plugin's error type, shared so every content message reads the same."""

from embeds.errors import DefinitionError

SETTINGS_FILE = "pelicanconf.py"

__all__ = ["DefinitionError", "SETTINGS_FILE"]
