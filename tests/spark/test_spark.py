"""A real local Spark session: a DataFrame of pages in, one article or failure row out per page."""
import os
import shutil
import sys

import pytest
from conftest import EXAMPLES

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # executors run this interpreter, where fliesstext is installed

    session = (SparkSession.builder.master("local[2]").appName("fliesstext-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


def test_extract_dataframe_one_row_per_page(spark):
    from fliesstext.spark import extract_dataframe

    ferry = (EXAMPLES / "harbour-ferry.html").read_text(encoding="utf-8")
    taz = (EXAMPLES / "taz-nordkorea.txt").read_text(encoding="utf-8")
    rows = [(ferry, "https://gazette.example/a", "1"), (taz, "https://taz.de/b", "2"), ("", None, "3"),
            (None, None, "4")]
    df = spark.createDataFrame(rows, "html string, url string, id string").repartition(2)
    out = extract_dataframe(df, id_col="id").orderBy("id").collect()
    assert len(out) == 4
    by_id = {r["id"]: r for r in out}
    assert by_id["1"]["mode"] == "html" and by_id["1"]["host"] == "gazette.example"
    assert by_id["1"]["body"] and by_id["1"]["body"][0]["kind"]
    assert by_id["2"]["lang"] == "de" and "Pjöngjang" in by_id["2"]["text"]
    assert by_id["3"]["warnings"] == ["empty input"]


def test_schema_matches_record_keys():
    import fliesstext
    from fliesstext.spark import FAILURE_COLUMNS, article_schema

    names = set(article_schema().fieldNames())
    record = fliesstext.extract((EXAMPLES / "harbour-ferry.html").read_bytes()).to_dict()
    assert set(record) <= names
    assert set(FAILURE_COLUMNS) <= names


def test_missing_column_is_a_clear_error(spark):
    from fliesstext import FliesstextError
    from fliesstext.spark import extract_dataframe

    df = spark.createDataFrame([("x",)], "content string")
    with pytest.raises(FliesstextError, match="html"):
        extract_dataframe(df)
