"""The CLI as a user runs it: inputs, formats, one-line user errors, failure records in batches."""
import json
import subprocess
import sys

from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from fliesstext.cli import main

TAZ = str(EXAMPLES / "taz-nordkorea.txt")
FERRY = str(EXAMPLES / "harbour-ferry.html")


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_single_input_gives_one_json_record():
    result = run("extract", FERRY)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["mode"] == "html" and record["body"]


def test_directory_gives_json_lines_and_summary():
    result = run("extract", str(EXAMPLES))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == len(list(EXAMPLES.iterdir()))
    assert "pages" in result.stderr and "pages/s" in result.stderr


def test_stdin_dash():
    data = (EXAMPLES / "taz-nordkorea.txt").read_bytes()
    out = subprocess.run([sys.executable, "-m", "fliesstext", "extract", "-", "--format", "txt"], input=data,
                         capture_output=True, check=True, cwd=ROOT).stdout.decode()
    assert "Pjöngjang" in out


def test_missing_file_is_one_line_user_error():
    result = run("extract", "does-not-exist.html")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "does-not-exist.html" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_is_one_line_user_error():
    result = run("extract", FERRY, "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr and "Traceback" not in result.stderr


def test_unreadable_page_in_batch_becomes_failure_record(tmp_path):
    (tmp_path / "good.html").write_text("<html><body><p>One good sentence here, with words.</p></body></html>")
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    result = run("extract", str(tmp_path), "-q")
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 2
    failures = [r for r in records if "error" in r]
    assert len(failures) == 1 and failures[0]["input"].endswith("broken.html.gz")
    assert result.exit_code == 1


def test_output_file_and_formats(tmp_path):
    for fmt in ("json", "jsonl", "md", "txt", "html"):
        out = tmp_path / f"out.{fmt}"
        result = run("extract", FERRY, "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert out.read_text(encoding="utf-8").strip()


def test_url_option_sets_host():
    result = run("extract", FERRY, "--url", "https://gazette.example/local/ferry")
    assert json.loads(result.stdout)["host"] == "gazette.example"


def test_no_traceback_on_unwritable_output(tmp_path):
    result = run("extract", FERRY, "-o", str(tmp_path / "missing-dir" / "out.json"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_eval_scores_predictions_field_by_field(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text(json.dumps({"id": "a", "expected": {"title": "T", "body": "one two three four",
                                                       "authors": ["X Y"], "date": "2024-01-02T10:00:00+01:00"}}) + "\n")
    pred.write_text(json.dumps({"id": "a", "title": "T", "text": "one two three five", "authors": ["X Y"],
                                "date_published": "2024-01-02T20:00:00+01:00"}) + "\n")
    result = run("eval", str(pred), str(gold), "--json")
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert "0.75" in json.dumps(scores)  # body P = R = F1 = 3/4
    result = run("eval", str(pred), str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 2 and "missing.jsonl" in result.stderr


def test_url_argument_is_fetched_from_a_local_server():
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(EXAMPLES)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        ok = run("extract", f"{base}/harbour-ferry.html")
        record = json.loads(ok.stdout)
        assert ok.exit_code == 0 and record["host"] == "127.0.0.1" and record["body"]
        missing = run("extract", f"{base}/nothere.html", "-f", "jsonl")
        failure = json.loads(missing.stdout)
        assert missing.exit_code == 1 and failure["stage"] == "ingest" and "404" in failure["message"]
    finally:
        server.shutdown()
