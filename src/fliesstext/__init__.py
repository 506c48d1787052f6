"""fliesstext: news pages (HTML or noisy text) -> clean, structured articles that show their work."""
__version__ = "0.1.0"

from .api import extract, extract_many, extract_page  # noqa: E402
from .errors import (  # noqa: E402
    DecodeError,
    ExtractError,
    FliesstextError,
    InputError,
    OptionsError,
    OutputError,
    PageTimeoutError,
    UnsupportedFormatError,
)
from .model import Article, Block, DateValue, Failure, Image, Page, Removed, Repair  # noqa: E402
from .options import Options  # noqa: E402

__all__ = [
    "Article", "Block", "DateValue", "DecodeError", "ExtractError", "Failure", "FliesstextError", "Image",
    "InputError", "Options", "OptionsError", "OutputError", "Page", "PageTimeoutError", "Removed", "Repair",
    "UnsupportedFormatError", "__version__", "extract", "extract_many", "extract_page",
]
