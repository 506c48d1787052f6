"""Every output validates against the shipped JSON Schema; to_dict keys are the documented contract."""
import gzip
import json
from itertools import islice

from conftest import EXAMPLES, ROOT

import fliesstext

DOCUMENTED_KEYS = {
    "url", "host", "lang", "title", "kicker", "teaser", "authors", "date_published", "date_modified", "site_name",
    "section", "tags", "images", "body", "text", "removed", "repairs", "mode", "warnings", "version",
}


def test_examples_validate(validator):
    for path in sorted(EXAMPLES.iterdir()):
        record = fliesstext.extract(path.read_bytes()).to_dict()
        validator.validate(record)
        assert DOCUMENTED_KEYS <= record.keys()


def test_schema_doc_mentions_every_key():
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    record = fliesstext.extract((EXAMPLES / "harbour-ferry.html").read_bytes()).to_dict()
    for key in record:
        assert f"`{key}`" in doc, key


def test_bench_sample_validates(validator, shared_dir):
    for name in ("fundus-dev.jsonl.gz", "fundus-dev-text.jsonl.gz"):
        with gzip.open(shared_dir / "bench" / name, "rt", encoding="utf-8") as handle:
            for line in islice(handle, 0, None, 12):
                rec = json.loads(line)
                content = rec.get("html") or rec.get("text")
                record = fliesstext.extract(content, url=rec["url"]).to_dict()
                validator.validate(record)


def test_failure_validates(validator):
    failure = fliesstext.Failure("x.html", "InputError", "cannot read x.html", "ingest")
    validator.validate(failure.to_dict())


def test_text_is_teaser_then_body():
    article = fliesstext.extract((EXAMPLES / "harbour-ferry.html").read_bytes())
    parts = ([article.teaser] if article.teaser else []) + [b.text for b in article.body]
    assert article.text == "\n\n".join(parts)


def test_image_links_are_absolute_against_the_canonical_url():
    article = fliesstext.extract((EXAMPLES / "harbour-ferry.html").read_bytes())
    assert article.images and all(i.src.startswith("https://gazette.example/") for i in article.images)
    assert article.images[0].caption and article.images[0].credit == "Ines Baptiste"
