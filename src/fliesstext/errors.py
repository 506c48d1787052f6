"""The documented error hierarchy. A user error is one of these, never a bare traceback."""


class FliesstextError(Exception):
    """Base of every error fliesstext raises on purpose."""


class InputError(FliesstextError):
    """The input could not be read: missing file, unreadable archive, unknown input format."""


class DecodeError(InputError):
    """Bytes could not be decoded to text."""


class UnsupportedFormatError(InputError):
    """An input or output format that fliesstext does not know."""


class ExtractError(FliesstextError):
    """Extraction failed on a page (a bug or a pathological page); becomes a Failure record in batches."""


class PageTimeoutError(ExtractError):
    """A page took longer than the page time limit."""


class OutputError(FliesstextError):
    """The output could not be written."""


class OptionsError(FliesstextError, ValueError):
    """An option has an invalid value."""
