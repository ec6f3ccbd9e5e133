"""The one error type of the plugin: a message an author can act on."""

# The file a settings error points at (DefinitionError.file).
SETTINGS_FILE = "pelicanconf.py"


class DefinitionError(Exception):
    """A problem in a content file, located by file, path inside it and line."""

    def __init__(
        self, file: str, message: str, path: str = "", line: int | None = None
    ):
        self.file = str(file)
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"
