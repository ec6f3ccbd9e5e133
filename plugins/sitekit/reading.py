"""Reading Markdown with one parser per build instead of one per file.

Pelican's MarkdownReader builds a new `Markdown()` (every extension, every pattern) for
each file: about 5 % of a 1000-post build. Python-Markdown supports reuse through
`reset()`; the only extra step is putting back the metadata preprocessor, which
Pelican's `_parse_metadata` removes after each file. The output is byte-identical
(tests/unit/test_reading.py compares it with Pelican's own reader).
Dates are read day first, the Dutch way, and slugs are checked (sitekit.dates); a
header that a stray line cuts short stops the build (sitekit.header), and so does HTML
a post may not contain (sitekit.markup). Every such mistake of a file is told at once:
more than one is raised together as one `ReadErrors`, a missing title among them
(Pelican would look for it only once the others are mended; an empty `Title:` is
a missing one, which Pelican would publish), and the header fields
the site does not read are reported with them (sitekit.rules.unknown_fields).
reStructuredText images keep their size as width and height attributes, not as the
inline style docutils writes (the CSP refuses inline styles).
"""

import logging
import re
from pathlib import Path

from docutils.nodes import parse_measure
from markdown import Markdown
from pelican.readers import (
    MarkdownReader,
    PelicanHTMLTranslator,
    PelicanHTMLWriter,
    RstReader,
)
from pelican.utils import pelican_open

from .dates import DateError, read_date, read_slug
from .header import HeaderError, lost_field, split_header
from .markup import MarkupError, refusals
from .rules import unknown_fields

logger = logging.getLogger(__name__)


class ReadErrors(ValueError):
    """Every mistake found reading one post (its header, its body, each field)."""

    def __init__(self, errors: list[Exception]):
        super().__init__("; ".join(map(str, errors)))
        self.errors = errors


class FieldMissing(ValueError):
    """A field every post and page needs (its title) is not there."""

    def __init__(self, field: str):
        super().__init__(f"could not find information about '{field}'")
        self.field = field


class ReusingMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, keeping its parser between files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._parser: Markdown | None = None

    def _fresh_parser(self) -> Markdown:
        if self._parser is None:
            self._parser = Markdown(**self.settings["MARKDOWN"])
            preprocessors = self._parser.preprocessors
            self._meta = preprocessors["meta"]
            self._meta_priority = next(
                item.priority for item in preprocessors._priority if item.name == "meta"
            )
            return self._parser
        self._parser.reset()
        if "meta" not in self._parser.preprocessors:
            self._parser.preprocessors.register(self._meta, "meta", self._meta_priority)
        return self._parser

    def process_metadata(self, name, value):
        """Each field on its own: a mistake is kept (for `read` to raise with the
        others) and the field left out."""
        try:
            return self._process_field(name, value)
        except (DateError, MarkupError, ValueError) as error:
            if getattr(self, "_errors", None) is None:
                raise
            self._errors.append(error)
            return None

    def _process_field(self, name, value):
        """Pelican's processing, except that dates are read day first and a slug
        must be usable in a web address."""
        if name in ("date", "modified"):
            try:
                return read_date(value)
            except DateError as error:
                error.field = name  # which of the two, for the line of the message
                raise
        if name == "slug":
            read_slug(value)
        if name in self.settings["FORMATTED_FIELDS"] and (found := refusals(value)):
            error = MarkupError(found)
            error.field = name  # the line of each is the field's
            raise error
        return super().process_metadata(name, value)

    def read(self, source_path):
        """Parse content and metadata, as MarkdownReader.read does."""
        self._source_path = source_path
        self._md = self._fresh_parser()
        self._errors = errors = []
        try:
            with pelican_open(source_path) as text:
                # A stray line in the header would put the fields below it on the page.
                source = split_header(text.expandtabs(4), Path(source_path))
                lost = lost_field(source)
                if lost:
                    errors.append(HeaderError(*lost))
                content = self._md.convert(text)
                found = refusals(content)
                if found:
                    lines = [source.body_start]
                    for refusal in found:  # each at its line, after the one before
                        lines.append(source.line_of(refusal.needle, lines[-1]))
                    errors.append(MarkupError(found, lines[1:]))
            meta = getattr(self._md, "Meta", None)
            metadata = self._parse_metadata(meta) if meta is not None else {}
        finally:
            self._errors = None
        # An empty Title: is none (Pelican would publish it); a missing one Pelican's
        # own check says, unless the post is refused here for something else too.
        title = metadata.get("title")
        if (errors and title is None) or (title is not None and not str(title).strip()):
            errors.append(FieldMissing("title"))
        if errors:  # never an item of the build: its fields are checked here
            unknown_fields(source_path, source)
        if len(errors) > 1:
            raise ReadErrors(errors)
        if errors:
            raise errors[0]
        return content, metadata


def use_reusing_reader(readers) -> None:
    """readers_init: read Markdown with the reusing reader, if Markdown is enabled."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader


class SizedImageTranslator(PelicanHTMLTranslator):
    """An image's `:width:` and `:height:` (times `:scale:`) in pixels become its
    width and height attributes; other units (%, em) are left to the stylesheet."""

    def visit_image(self, node) -> None:
        scale = node.attributes.pop("scale", 100) / 100
        sizes = {}
        for name in ("width", "height"):
            if name in node:
                value, unit = parse_measure(node.attributes.pop(name))
                if unit in ("", "px"):
                    sizes[name] = str(round(value * scale))
        super().visit_image(node)
        extra = "".join(f' {name}="{value}"' for name, value in sizes.items())
        self.body[-1] = re.sub(r"^<img\b", "<img" + extra, self.body[-1])


class SizedImageWriter(PelicanHTMLWriter):
    def __init__(self):
        super().__init__()
        self.translator_class = SizedImageTranslator


class SizedImageRstReader(RstReader):
    writer_class = SizedImageWriter


def use_sized_rst_images(readers) -> None:
    """readers_init: read reStructuredText with SizedImageTranslator, if enabled."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is RstReader:
            readers.reader_classes[extension] = SizedImageRstReader
