"""`--format csv|json|md` on quotes, entities and search; quotes cite their article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SEEDS
from tui.cli import main

ARTICLES = [
    {
        "id": "w1",
        "title": "Kremlin answers",
        "text": "Dmitry Peskov told reporters: “We will respond to the sanctions.” Talks go on.",
        "date": "2016-03-07",
        "source": "Wire",
        "url": "https://wire.example/kremlin-answers",
    },
    {
        "id": "p1",
        "title": "Sanctions | debate",
        "text": "“The sanctions hurt us all,” said Angela Merkel in Berlin.",
        "date": "2017-05-01",
        "source": "Post",
        "url": "https://post.example/debate",
    },
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def news(tmp_path: Path) -> Path:
    file = tmp_path / "news.jsonl"
    file.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "news.db"
    assert run("import", str(file), "--db", str(db), "--quiet")[0] == 0
    return db


def test_quotes_json_cites_the_article(news: Path) -> None:
    code, out, _ = run("quotes", "--speaker", "peskov", "--json", "--db", str(news))
    assert code == 0
    (statement,) = [json.loads(line) for line in out.splitlines()]
    (quote,) = statement["variants"]
    assert statement["first_seen"] == quote and statement["statement_id"] == quote["statement_id"]
    assert quote["title"] == "Kremlin answers" and quote["source"] == "Wire"
    assert quote["date"] == "2016-03-07" and quote["url"] == "https://wire.example/kremlin-answers"
    assert quote["citation"] == (
        "“We will respond to the sanctions.” — Dmitry Peskov, Kremlin answers, Wire, "
        "2016-03-07, https://wire.example/kremlin-answers"
    )
    assert run("quotes", "--speaker", "peskov", "--format", "json", "--db", str(news))[1] == out


def test_quotes_as_csv_and_markdown(news: Path) -> None:
    code, out, _ = run("quotes", "--about", "sanctions", "--format", "csv", "--db", str(news))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["source"] for row in rows} == {"Wire", "Post"}
    assert all(row["citation"].startswith("“") for row in rows)
    code, out, _ = run("quotes", "--about", "sanctions", "--format", "md", "--db", str(news))
    lines = out.splitlines()
    assert lines[0].startswith("| id | article_id |") and lines[1].startswith("|---|")
    assert "| first_seen_date |" in lines[0]
    assert len(lines) == 2 + len(rows)


def test_entities_as_csv(news: Path) -> None:
    code, out, _ = run("entities", "--format", "csv", "--db", str(news))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    names = {row["name"]: row for row in rows}
    assert names["Dmitry Peskov"]["kind"] == "person"
    assert names["Berlin"]["kind"] == "place"


def test_search_finds_text_and_names_and_filters(news: Path) -> None:
    code, out, _ = run("search", "sanctions", "--db", str(news))
    assert code == 0
    assert "Kremlin answers" in out and "Sanctions | debate" in out
    code, out, _ = run(
        "search", "sanctions", "--source", "Post", "--format", "json", "--db", str(news)
    )
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Sanctions | debate"]
    code, out, _ = run("search", "sanctions", "--to", "2016", "--format", "md", "--db", str(news))
    assert "Kremlin answers" in out and "Sanctions \\| debate" not in out
    # A misspelt name finds the articles naming the person.
    code, out, _ = run("search", "dmitry peskow", "--format", "csv", "--db", str(news))
    assert [row["title"] for row in csv.DictReader(io.StringIO(out))] == ["Kremlin answers"]


def test_search_refuses_what_it_cannot_use(news: Path) -> None:
    code, _, err = run("search", "x", "--db", str(news))
    assert code == 2 and "QUERY needs 2 characters" in err
    code, _, err = run("search", "sanctions", "--from", "March", "--db", str(news))
    assert code == 1 and "'March' is not a date" in err


def test_search_on_the_seeds(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path), "--quiet")
    code, out, _ = run("search", "zakharva", "--db", str(db_path))
    assert code == 0 and len(out.splitlines()) == 2
