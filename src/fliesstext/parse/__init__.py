"""str -> ParsedPage: the page is parsed once; meta tags and JSON-LD are read once, here."""
from .page import ParsedPage, parse_html

__all__ = ["ParsedPage", "parse_html"]
