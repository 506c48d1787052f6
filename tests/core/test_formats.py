"""Formats render typed blocks; Markdown escapes what CommonMark would read as markup."""
from fliesstext.formats import get_formatter
from fliesstext.formats.markdown import escape_markdown

RECORD = {
    "title": "A *bold* claim", "kicker": "Kicker", "teaser": "Lead [1]", "authors": ["A B"], "url": None,
    "date_published": None, "lang": "en", "text": "",
    "body": [
        {"kind": "heading", "text": "Section", "level": 2},
        {"kind": "paragraph", "text": "# not a heading, 5 * 3 = 15, snake_case"},
        {"kind": "list_item", "text": "one", "depth": 1, "ordered": False},
        {"kind": "list_item", "text": "nested", "depth": 2, "ordered": False},
        {"kind": "quote", "text": "quoted"},
        {"kind": "table", "text": "a | b", "rows": [["a", "b"], ["1", "2"]]},
        {"kind": "code", "text": "print('x')"},
    ],
}


def test_escape_markdown():
    assert escape_markdown("*x* _y_ [z]") == r"\*x\* \_y\_ \[z\]"
    assert escape_markdown("# title") == r"\# title"
    assert escape_markdown("1. first") == r"1\. first"
    assert escape_markdown("- item") == r"\- item"
    assert escape_markdown("> quote") == r"\> quote"


def test_markdown_renders_blocks():
    md = get_formatter("md").render(RECORD)
    assert "# A \\*bold\\* claim" in md
    assert "## Section" in md
    assert "\\# not a heading, 5 \\* 3 = 15, snake\\_case" in md
    assert "- one\n  - nested" in md
    assert "> quoted" in md
    assert "| a | b |" in md and "| 1 | 2 |" in md
    assert "```\nprint('x')\n```" in md


def test_html_renders_blocks_escaped():
    html = get_formatter("html").render({**RECORD, "title": "<script>x</script>"})
    assert "<script>x" not in html and "&lt;script&gt;" in html
    assert "<ul>\n<li>one</li>\n<ul>\n<li>nested</li>\n</ul>\n</ul>" in html
    assert "<h2>Section</h2>" in html and "<td>1</td>" in html


def test_text_format_is_title_then_text():
    out = get_formatter("txt").render({**RECORD, "text": "Body."})
    assert out == "Kicker\nA *bold* claim\n\nBody.\n"
