"""Export formats: CSV, JSON Lines and Markdown tables of the same records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from store.citation import cite_article, cite_quote
from store.export import ExportFormat, write_records

RECORDS: list[dict[str, object]] = [
    {"name": "Sergei | Lavrov", "aliases": ["Lavrov", "Sergey Lavrov"], "note": "a\nb"},
    {"name": "Back\\slash", "aliases": [], "note": None},
]


def written(fmt: ExportFormat) -> str:
    out = io.StringIO()
    write_records(out, RECORDS, fmt)
    return out.getvalue()


def test_csv_flattens_lists_and_keeps_line_breaks() -> None:
    rows = list(csv.DictReader(io.StringIO(written(ExportFormat.CSV))))
    assert rows[0] == {
        "name": "Sergei | Lavrov",
        "aliases": "Lavrov; Sergey Lavrov",
        "note": "a\nb",
    }
    assert rows[1]["note"] == ""


def test_json_is_one_object_a_line() -> None:
    lines = written(ExportFormat.JSON).splitlines()
    assert [json.loads(line) for line in lines] == RECORDS


def test_markdown_cells_stay_in_their_cells() -> None:
    lines = written(ExportFormat.MARKDOWN).splitlines()
    assert lines[:2] == ["| name | aliases | note |", "|---|---|---|"]
    assert lines[2] == "| Sergei \\| Lavrov | Lavrov; Sergey Lavrov | a b |"
    assert lines[3] == "| Back\\\\slash |  |  |"


def test_formats_by_file_name() -> None:
    assert ExportFormat.of_path(Path("x.CSV")) is ExportFormat.CSV
    assert ExportFormat.of_path(Path("x.jsonl")) is ExportFormat.JSON
    assert ExportFormat.of_path(Path("x.markdown")) is ExportFormat.MARKDOWN
    assert ExportFormat.of_path(Path("x.txt")) is None


def test_citations() -> None:
    assert cite_quote(
        "We will\n  respond.", "Dmitry Peskov", "Answers", "Wire", "2016-03-07", None
    ) == ("“We will respond.” — Dmitry Peskov, Answers, Wire, 2016-03-07")
    # A speaker the model named unsure is cited so: a pasted quote keeps the doubt.
    assert cite_quote("Yes.", "Dmitry Peskov", "Answers", None, None, None, uncertain=True) == (
        "“Yes.” — Dmitry Peskov (attribution uncertain), Answers"
    )
    assert (
        cite_article(None, None, None, "https://x.example/a") == "(untitled), https://x.example/a"
    )
