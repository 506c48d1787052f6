"""Template learning through the CLI: a folder of one host's pages, --templates DIR saved and reused."""
import json

from click.testing import CliRunner

from fliesstext.cli import main

CHROME = "Die Redaktion berichtet jeden Tag aus der Stadt und aus der ganzen Region, seit mehr als hundert Jahren."
TOPICS = ["Stadtrat", "Hafen", "Schule", "Bahnhof", "Museum", "Brücke", "Markt"]


def page(topic: str, number: int) -> str:
    sentences = " ".join(f"Der {topic} war am Tag {number} Thema Nummer {i} in der Sitzung des Ausschusses."
                         for i in range(6))
    return f"""<html lang="de"><head><title>{topic}</title>
<link rel="canonical" href="https://zeitung.example/lokal/{number}"></head><body><article>
<h1>Neues vom {topic}</h1><p>{sentences}</p><p>{sentences.replace('Thema', 'Punkt')}</p>
<p>{CHROME}</p><p>{sentences.replace('Sitzung', 'Debatte')}</p></article></body></html>"""


def test_folder_learns_host_template_and_saves_it(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for number, topic in enumerate(TOPICS):
        (pages / f"{number:02d}.html").write_text(page(topic, number), encoding="utf-8")
    store = tmp_path / "templates"
    result = CliRunner().invoke(main, ["extract", str(pages), "--templates", str(store), "-q"])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == len(TOPICS)
    assert CHROME in records[0]["text"]  # nothing learned yet on the first page
    last = records[-1]
    assert CHROME not in last["text"]
    template = [r for r in last["removed"] if r["kind"] == "template"]
    assert template and template[0]["pages"] >= 3 and "zeitung.example" in template[0]["reason"]
    assert (store / "zeitung.example.json").is_file()

    again = CliRunner().invoke(main, ["extract", str(pages / "00.html"), "--templates", str(store), "--no-learn"])
    assert CHROME not in json.loads(again.stdout)["text"]
