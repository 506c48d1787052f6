"""Unit tests of the metadata pieces on small hand-written pages."""
from __future__ import annotations

from fliesstext.meta import extract_meta
from fliesstext.meta.authors import split_names
from fliesstext.meta.dates import parse_date
from fliesstext.meta.knowledge import byline_rules
from fliesstext.options import Options
from fliesstext.parse import parse_html


def meta_of(html: str, url: str | None = "https://www.example.de/politik/artikel-1.html", fetched: str | None = None):
    return extract_meta(parse_html(html, url), Options(), fetched)


def test_parse_date_formats() -> None:
    assert parse_date("2024-04-30 16:17:29 +02:00") == "2024-04-30T16:17:29+02:00"
    assert parse_date("2024-05-16T09:26:10.000Z") == "2024-05-16T09:26:10+00:00"
    assert parse_date("2026-06-05T17:20:55+0000") == "2026-06-05T17:20:55+00:00"
    assert parse_date("2024-04-30") == "2024-04-30"
    assert parse_date("Fri Apr 28 19:20:36 CEST 2023") == "2023-04-28T19:20:36+02:00"
    assert parse_date("28. April 2024, 14:26 Uhr") == "2024-04-28T14:26:00"
    assert parse_date("Posted: Aug 08, 2024 4:00 PM EDT") == "2024-08-08T16:00:00"
    assert parse_date("Datum 28.04.2023") == "2023-04-28"
    assert parse_date("2024-02-30") is None
    assert parse_date("vor 5 Minuten") is None


def test_split_names() -> None:
    rules = byline_rules()
    assert split_names("Von Felix Schröder und Jörg Soldwisch, dpa", rules) == ["Felix Schröder", "Jörg Soldwisch", "dpa"]
    assert split_names("By Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack", rules) == [
        "Mamokete Modiba", "Claire Benit-Gbaffou", "Sarah Charlton", "Tanya Zack"]
    assert split_names("Elena Oberholzer (obe)", rules) == ["Elena Oberholzer"]
    assert split_names("Mathias Hagen / Journalist", rules) == ["Mathias Hagen"]
    assert split_names("By Dolores Chang For Dailymail.Com", rules) == ["Dolores Chang"]
    assert split_names("https://www.facebook.com/faz", rules) == []
    assert split_names("Mac & i", rules) == ["Mac & i"]  # a one-letter part: no split


def test_dublin_core_creator_is_family_first() -> None:
    html = """<html lang="en"><head><title>Remote storage</title><meta name="DC.Creator" content="Kooman, F.">
    <meta name="DC.Creator" content="Jong, Michiel de"></head><body><h1>Remote storage</h1></body></html>"""
    assert meta_of(html).authors == ("F. Kooman", "Michiel de Jong")


HEAD = """<html lang="de"><head><title>Streit um Kohle: Die Zeche bleibt zu | Beispiel.de</title>
<meta property="og:title" content="Streit um Kohle: Die Zeche bleibt zu">
<meta property="og:site_name" content="Beispiel.de">
<meta property="og:image" content="/img/zeche-1.jpg">
<meta name="keywords" content="Kohle, Bergbau">
<link rel="canonical" href="/politik/artikel-1.html">{extra}</head><body>"""


def test_kicker_span_title_teaser_caption_credit_authors() -> None:
    html = HEAD.format(extra="") + """<article><header>
      <h1><span class="headline-kicker">Streit um Kohle</span><span class="sr-only">: </span>
      <span class="headline-title">Die Zeche bleibt zu</span></h1>
      <p class="article-lead">Nach langem Streit bleibt die letzte Zeche der Stadt geschlossen, entschied der Rat.</p>
      <div class="byline">Von Anna Beispiel und Ben Muster</div></header>
      <figure><img src="https://www.example.de/img/zeche-1.jpg" alt="Förderturm">
      <figcaption>Der Förderturm der Zeche. <span class="credit">Foto: Max Bild</span></figcaption></figure>
      <p>Erster Absatz des Artikels, lang genug, um ein Absatz zu sein.</p></article></body></html>"""
    meta = meta_of(html)
    assert meta.title == "Die Zeche bleibt zu"
    assert meta.kicker == "Streit um Kohle"
    assert meta.teaser == "Nach langem Streit bleibt die letzte Zeche der Stadt geschlossen, entschied der Rat."
    assert meta.authors == ("Anna Beispiel", "Ben Muster")
    assert meta.site_name == "Beispiel.de"
    assert meta.tags == ("Kohle", "Bergbau")
    assert meta.canonical_url == "https://www.example.de/politik/artikel-1.html"
    image = meta.images[0]
    assert image.src == "https://www.example.de/img/zeche-1.jpg"
    assert (image.alt, image.caption, image.credit) == ("Förderturm", "Der Förderturm der Zeche.", "Max Bild")


def test_jsonld_first_and_never_after_fetch() -> None:
    ld = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "headline": "Die Zeche bleibt zu", "datePublished": "2031-01-01T10:00:00+01:00",
       "dateModified": "2024-03-02T10:00:00+01:00", "author": [{"@id": "#p1"}], "articleSection": "Politik"},
      {"@type": "Person", "@id": "#p1", "name": "Anna Beispiel"}]}</script>
      <meta property="article:published_time" content="2024-03-01T08:00:00+01:00">"""
    meta = meta_of(HEAD.format(extra=ld) + "<h1>Die Zeche bleibt zu</h1></body></html>", fetched="2024-03-05T12:00:00")
    assert meta.date_published is not None
    assert (meta.date_published.value, meta.date_published.source) == ("2024-03-01T08:00:00+01:00", "meta")
    assert meta.date_modified is not None and meta.date_modified.source == "json-ld"
    assert meta.authors == ("Anna Beispiel",)
    assert meta.section == "Politik"


def test_url_date_needs_full_date() -> None:
    html = "<html><head><title>Nur ein Titel</title></head><body><h1>Nur ein Titel</h1></body></html>"
    assert meta_of(html, "https://news.example.com/2021/04/92713", "2024-01-01").date_published is None
    found = meta_of(html, "https://news.example.com/2021/04/09/story", "2024-01-01").date_published
    assert found is not None and (found.value, found.source) == ("2021-04-09", "url")


def test_site_suffix_and_language_check() -> None:
    html = """<html lang="en-US"><head><title>Ein langer Titel über die Stadt - Beispiel Zeitung</title>
      <meta property="og:site_name" content="Beispiel Zeitung"></head><body>
      <p>Die Stadtverwaltung hat am Montag beschlossen, die Straßenbahnlinie bis zum neuen Stadtteil zu verlängern.
      Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa zwei Jahre dauern, teilte die Stadt mit.</p>
      <p>Anwohner begrüßten die Entscheidung, kritisierten aber die lange Bauzeit und die fehlenden Parkplätze.
      Der Stadtrat will die Pläne in der nächsten Sitzung noch einmal ausführlich mit den Bürgern besprechen.</p>
      </body></html>"""
    meta = meta_of(html)
    assert meta.title == "Ein langer Titel über die Stadt"
    assert meta.lang == "de"


def test_agency_kept_beside_the_writers_and_label_byline() -> None:
    page = '<html><head><meta name="author" content="{}"></head><body><h1>Ein Titel</h1></body></html>'
    assert meta_of(page.format("Felix Schröder und Jörg Soldwisch, dpa")).authors == (
        "Felix Schröder", "Jörg Soldwisch", "dpa")
    assert meta_of(page.format("dpa")).authors == ("dpa",)
    labelled = """<html><body><article><h1>Ein Titel</h1><p>Text des Artikels.</p></article>
      <ul><li><strong>Autorin/Autor</strong> Roman Muster</li></ul></body></html>"""
    assert meta_of(labelled).authors == ()  # outside the article: not a byline of this article
    inside = labelled.replace("</article>", "").replace("</ul>", "</ul></article>")
    assert meta_of(inside).authors == ("Roman Muster",)


def test_kicker_prefix_needs_a_separator() -> None:
    html = """<html><head><meta property="og:title" content="Berlin-Marathon: Sebastian Hendel im Porträt"></head>
      <body><article><p class="kicker">Berlin</p><h1>Berlin-Marathon: Sebastian Hendel im Porträt</h1></article>
      </body></html>"""
    meta = meta_of(html)
    assert (meta.kicker, meta.title) == ("Berlin", "Berlin-Marathon: Sebastian Hendel im Porträt")


def test_headline_keeps_its_second_span() -> None:
    """A suffix that is no site name is cut from <title>/JSON-LD proposals, never from the visible headline."""
    html = """<html lang="de"><head><title>Schule heute - Kinder lernen schneller</title>
    <meta property="og:title" content="Digitales Lernen: Schule heute – „Kinder lernen schneller“">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Schule heute - Kinder lernen schneller"}
    </script></head><body>
    <h1><span class="kicker">Digitales Lernen</span> <span>Schule heute – „Kinder lernen schneller“</span></h1>
    <p>Erster Absatz des Artikels, lang genug, um ein Absatz zu sein.</p></body></html>"""
    meta = meta_of(html)
    assert meta.title == "Schule heute – „Kinder lernen schneller“"
    assert meta.kicker == "Digitales Lernen"


def test_section_heading_loses_to_the_title_tag() -> None:
    """An <h1> that no other source names and that shares no words with them is a section heading."""
    html = """<html lang="en"><head><title>Babies Who Eat Peanuts Early May Avoid Allergy</title></head><body>
    <h1>Allergies Health Center</h1><div><p>Babies who eat peanuts early may avoid an allergy, a study says.</p>
    </div></body></html>"""
    assert meta_of(html, "https://www.example.com/allergies/news/peanuts").title == (
        "Babies Who Eat Peanuts Early May Avoid Allergy")
    html = """<html lang="de"><head><title>Beispiel - Nachrichten</title></head><body>
    <h1>Bundestag beschließt das neue Klimagesetz nach langer Debatte</h1><p>Erster Absatz.</p></body></html>"""
    assert meta_of(html).title == "Bundestag beschließt das neue Klimagesetz nach langer Debatte"  # generic <title>


def test_editor_line_and_desk_byline() -> None:
    rules = byline_rules()
    assert split_names("(责编：牛镛、岳弘彬)", rules) == ["牛镛", "岳弘彬"]
    html = """<html lang="zh"><head><title>新闻标题</title></head><body><h1>新闻标题</h1><p>正文第一段。</p>
    <div class="edit cf">(责编：牛镛、岳弘彬)</div></body></html>"""
    assert meta_of(html, "http://world.example.cn/n1/2024/0424/c1002-40222222.html").authors == ("牛镛", "岳弘彬")
    body = "".join(f"<p>Absatz {i} des Artikels, lang genug, um ein Absatz zu sein.</p>" for i in range(5))
    html = f"""<html lang="de"><head><title>Eine Meldung</title></head><body><div id="main"><div class="entry">
    <h1>Eine Meldung</h1>{body}<p><em>IN-Redaktion</em></p></div></div></body></html>"""
    assert meta_of(html).authors == ("IN-Redaktion",)


def test_logo_h1_leaves_the_headline_to_an_h2() -> None:
    html = """<html lang="en"><head><title>Get your Code Covered | Code | Nicolas Muster</title></head><body>
    <header><h1><a href="/">Hi, I'm <strong>Nicolas.</strong></a></h1></header><article>
    <h2><a href="/code/2013/get-your-code-covered/">Get your Code Covered</a></h2><p>So finally you test.</p>
    </article></body></html>"""
    assert meta_of(html, "https://nicolas.example.net/code/2013/get-your-code-covered/").title == "Get your Code Covered"
