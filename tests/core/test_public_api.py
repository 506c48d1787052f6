"""The public API is small and pinned: adding or removing a name is a deliberate change to this list."""
import dataclasses

import fliesstext

PUBLIC = {
    "Article", "Block", "DateValue", "DecodeError", "ExtractError", "Failure", "FliesstextError", "Image",
    "InputError", "Options", "OptionsError", "OutputError", "Page", "PageTimeoutError", "Removed", "Repair",
    "UnsupportedFormatError", "__version__", "extract", "extract_many", "extract_page",
}


def test_public_names_are_pinned():
    assert set(fliesstext.__all__) == PUBLIC
    for name in PUBLIC:
        assert hasattr(fliesstext, name)


def test_model_is_frozen_and_slotted():
    for cls in (fliesstext.Article, fliesstext.Block, fliesstext.Image, fliesstext.Removed, fliesstext.Repair,
                fliesstext.Failure, fliesstext.Page):
        params = cls.__dataclass_params__  # type: ignore[attr-defined]
        assert params.frozen, cls
        assert hasattr(cls, "__slots__"), cls
    article = fliesstext.extract("<p>Hello world, this is a sentence.</p>")
    try:
        article.title = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Article must be immutable")


def test_errors_form_one_hierarchy():
    for err in (fliesstext.InputError, fliesstext.DecodeError, fliesstext.ExtractError, fliesstext.OutputError,
                fliesstext.OptionsError, fliesstext.UnsupportedFormatError, fliesstext.PageTimeoutError):
        assert issubclass(err, fliesstext.FliesstextError)


def test_options_are_validated():
    import pytest

    with pytest.raises(fliesstext.OptionsError):
        fliesstext.Options(mode="pdf")  # type: ignore[arg-type]
    with pytest.raises(fliesstext.OptionsError):
        fliesstext.extract("<p>x</p>", mode="xml")


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, fliesstext; bad = [m for m in ('pyarrow', 'pyspark', 'fastwarc', 'httpx', 'rich', " \
           "'trafilatura', 'lxml') if m in sys.modules]; print(bad)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_utf8_bytes_and_text_give_the_same_article():
    from conftest import EXAMPLES

    html = (EXAMPLES / "harbour-ferry.html").read_text(encoding="utf-8")
    from_text = fliesstext.extract(html, url="https://example.org/a").to_dict()
    from_bytes = fliesstext.extract(html.encode("utf-8"), url="https://example.org/a").to_dict()
    from_bom = fliesstext.extract(b"\xef\xbb\xbf" + html.encode("utf-8"), url="https://example.org/a").to_dict()
    assert from_text == from_bytes == from_bom
