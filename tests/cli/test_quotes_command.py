from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import SEEDS
from tui.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def quotes(db_path: Path, *args: str) -> list[dict[str, object]]:
    code, out, _ = run("quotes", "--json", "--db", str(db_path), *args)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_putin_in_every_article_that_quotes_him(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    found = quotes(db_path, "--speaker", "putin")
    assert {q["speaker"] for q in found} == {"Vladimir Putin"}
    articles = {q["article_id"] for q in found}
    assert len(articles) == 3  # seeds 000, 001 and 004 quote him
    texts = " ".join(str(q["text"]) for q in found)
    assert "We will not create problems for American diplomats" in texts
    assert "Ready." in texts
    assert quotes(db_path, "--speaker", "Vladimir Putin") == found


def test_speaker_variants_and_topic(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    peskov = quotes(db_path, "--speaker", "Pskov")
    assert peskov and all(
        "Pskov" in str(q["speaker"]) or "Peskov" in str(q["speaker"]) for q in peskov
    )
    assert "It is unfortunate that Washington" in " ".join(str(q["text"]) for q in peskov)
    about = quotes(db_path, "--speaker", "putin", "--about", "sanctions")
    assert about and all("sanctions" in str(q["text"]).lower() for q in about)


def test_any_topic_input_is_safe(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    for about in ['"', "AND(", "U.S.", "*"]:
        assert run("quotes", "--about", about, "--db", str(db_path))[0] == 0


def test_plain_output_names_speaker_and_article(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    code, out, _ = run("quotes", "--speaker", "zakharova", "--db", str(db_path))
    assert code == 0
    assert out.startswith("Maria Zakharova")
    assert "[article " in out and "“lies,”" in out
