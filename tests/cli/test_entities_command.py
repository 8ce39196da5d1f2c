from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from store.database import open_database
from tests.conftest import SEEDS
from tui.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_entities_lists_the_people_of_the_seeds(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    code, out, _ = run("entities", "--kind", "person", "--limit", "0", "--db", str(db_path))
    assert code == 0
    names = [line.split("  ")[0].strip() for line in out.splitlines()[1:]]
    for person in ("Donald Trump", "Vladimir Putin", "Barack Obama", "Sergey Lavrov",
                   "Maria Zakharova", "Dmitry Medvedev", "Keir Giles", "Yuri Ushakov"):  # fmt: skip
        assert person in names
    assert names[:2] == ["Donald Trump", "Vladimir Putin"]


def test_entities_json(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    code, out, _ = run("entities", "--json", "--limit", "3", "--db", str(db_path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    putin = next(
        r
        for r in map(json.loads, run("entities", "--json", "--db", str(db_path))[1].splitlines())
        if r["name"] == "Vladimir Putin"
    )
    assert putin["kind"] == "person" and putin["articles"] == 5 and "Putin" in putin["aliases"]


def test_reindex_gives_the_same_entities(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    before = run("entities", "--limit", "0", "--db", str(db_path))[1]
    code, _, err = run("reindex", "--db", str(db_path))
    assert code == 0 and err == "reindexed 5 articles\n"
    assert run("entities", "--limit", "0", "--db", str(db_path))[1] == before
    db = open_database(db_path)
    assert db.execute("SELECT count(*) FROM repeats").fetchone()[0] == 4
