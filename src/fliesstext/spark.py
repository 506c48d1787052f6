"""Apache Spark integration: extract articles from a DataFrame column of HTML (or text), on the cluster.

    from fliesstext.spark import extract_dataframe
    articles = extract_dataframe(spark.read.parquet("crawl/"), html_col="html", url_col="url")
    articles.write.parquet("articles/")

Each executor partition streams its rows through `fliesstext.extract_many` (one record out per row in, a
failure row never kills the job). The output schema is generated from the shipped JSON Schema, so the Spark
columns are exactly the documented record keys, plus `error`, `message` and `stage` for failure rows.
pyspark is an optional dependency (`pip install 'fliesstext[spark]'`), imported only when this module is used.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from .errors import FliesstextError
from .model import Page
from .options import Options

FAILURE_COLUMNS = ("input", "error", "message", "stage")


def _pyspark_types() -> Any:
    try:
        from pyspark.sql import types
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise FliesstextError("the Spark integration needs pyspark: pip install 'fliesstext[spark]'") from err
    return types


def _schema_defs() -> dict[str, Any]:
    text = resources.files("fliesstext").joinpath("schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text)["$defs"])


def _spark_type(spec: dict[str, Any], defs: dict[str, Any], types: Any) -> Any:
    """JSON Schema fragment -> Spark type (strings, integers, booleans, arrays and objects are all we use)."""
    if "$ref" in spec:
        return _spark_type(defs[spec["$ref"].rsplit("/", 1)[-1]], defs, types)
    kind = spec.get("type")
    kinds = [kind] if isinstance(kind, str) else list(kind or [])
    if "array" in kinds:
        return types.ArrayType(_spark_type(spec.get("items", {"type": "string"}), defs, types))
    if "object" in kinds:
        return _struct(spec, defs, types)
    if "integer" in kinds:
        return types.LongType()
    if "boolean" in kinds:
        return types.BooleanType()
    return types.StringType()


def _struct(spec: dict[str, Any], defs: dict[str, Any], types: Any) -> Any:
    fields = [types.StructField(name, _spark_type(sub, defs, types), True) for name, sub in spec["properties"].items()]
    return types.StructType(fields)


def article_schema() -> Any:
    """The Spark StructType of an output row: every article key, then the failure keys."""
    types = _pyspark_types()
    defs = _schema_defs()
    schema = _struct(defs["article"], defs, types)
    for name in FAILURE_COLUMNS:
        if name not in schema.fieldNames():
            schema = schema.add(name, types.StringType(), True)
    return schema


def _to_row(record: dict[str, Any], schema: Any) -> tuple[Any, ...]:
    return tuple(_value(record.get(field.name), field.dataType) for field in schema.fields)


def _value(value: Any, data_type: Any) -> Any:
    if value is None:
        return None
    name = type(data_type).__name__
    if name == "StructType":
        return _to_row(value, data_type)
    if name == "ArrayType":
        return [_value(item, data_type.elementType) for item in value]
    if name == "StringType" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value


def extract_rows(rows: Iterable[Any], html_col: str, url_col: str | None, id_col: str | None,
                 options: Options, schema: Any) -> Iterator[tuple[Any, ...]]:
    """Executor side: Spark rows in, one output row per input row."""
    from .api import extract_many

    def pages() -> Iterator[Page]:
        for index, row in enumerate(rows):
            data = row.asDict() if hasattr(row, "asDict") else dict(row)
            content = data.get(html_col)
            ident = str(data[id_col]) if id_col and data.get(id_col) is not None else None
            url = data.get(url_col) if url_col else None
            yield Page(content=content if isinstance(content, (str, bytes)) else "", url=url,
                       id=ident or url or str(index), source="spark")

    for result in extract_many(pages(), options):
        yield _to_row(result.to_dict(), schema)


def extract_dataframe(df: Any, html_col: str = "html", url_col: str | None = "url", id_col: str | None = None,
                      mode: str = "auto", options: Options | None = None) -> Any:
    """DataFrame with an HTML (or text) column -> DataFrame of articles and failure rows, same row count."""
    opts = (options or Options()).with_(mode=mode)
    missing = [c for c in (html_col, url_col, id_col) if c and c not in df.columns]
    if missing:
        raise FliesstextError(f"column(s) not in the DataFrame: {', '.join(missing)}")
    schema = article_schema()
    keep = [c for c in (html_col, url_col, id_col) if c]
    rdd = df.select(*keep).rdd.mapPartitions(
        lambda rows: extract_rows(rows, html_col, url_col, id_col, opts, schema))
    return df.sparkSession.createDataFrame(rdd, schema)
