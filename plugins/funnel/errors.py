"""The embeds plugin's error type, shared so every content message reads the same."""

from embeds.errors import SETTINGS_FILE, DefinitionError

__all__ = ["DefinitionError", "SETTINGS_FILE"]
