"""`nutgraf entities merge|split|rename|ignore`: fixes that hold, and clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.database import open_database
from store.entity_edits import find_entity
from tests.conftest import SEEDS
from tui.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def people(db_path: Path) -> list[str]:
    out = run("entities", "--kind", "person", "--limit", "0", "--db", str(db_path))[1]
    return [line.split("  ")[0].strip() for line in out.splitlines()[1:]]


def articles(db_path: Path, name: str) -> int:
    db = open_database(db_path)
    entity_id = find_entity(db, name, "person")
    return int(
        db.execute(
            "SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?", [entity_id]
        ).fetchone()[0]
    )


@pytest.fixture
def seeded(db_path: Path) -> Path:
    assert run("import", str(SEEDS), "--db", str(db_path), "-q")[0] == 0
    return db_path


def test_merge_holds_after_reindex_and_import(seeded: Path) -> None:
    db = str(seeded)
    code, out, err = run("entities", "merge", "Yuri Ushakov", "keir giles", "--db", db)
    assert (code, out, err) == (0, "merged Yuri Ushakov into Keir Giles\n", "")
    assert "Yuri Ushakov" not in people(seeded) and "Keir Giles" in people(seeded)
    run("reindex", "--db", db)
    run("import", str(SEEDS), "--db", db, "-q")
    assert "Yuri Ushakov" not in people(seeded) and "Keir Giles" in people(seeded)


def test_the_database_may_be_given_to_any_level(seeded: Path) -> None:
    code, out, _ = run("--db", str(seeded), "entities", "ignore", "Keir Giles")
    assert (code, out) == (0, "ignored Keir Giles (person)\n")
    code, out, _ = run("entities", "--db", str(seeded), "ignore", "Yuri Ushakov")
    assert (code, out) == (0, "ignored Yuri Ushakov (person)\n")
    assert not {"Keir Giles", "Yuri Ushakov"} & set(people(seeded))


def test_ignore_and_rename_hold_after_reindex(seeded: Path) -> None:
    db = str(seeded)
    assert run("entities", "ignore", "Keir Giles", "--db", db)[0] == 0
    code, out, _ = run("entities", "rename", "Zakharova", "Maria V. Zakharova", "--db", db)
    assert (code, out) == (0, "renamed Maria Zakharova to Maria V. Zakharova\n")
    run("reindex", "--db", db)
    found = people(seeded)
    assert "Keir Giles" not in found and "Maria V. Zakharova" in found


def test_split_makes_a_form_its_own_entity(seeded: Path) -> None:
    db = str(seeded)
    before = articles(seeded, "Sergey Lavrov")
    code, out, _ = run("entities", "split", "Sergey Lavrov", "Sergei Lavrov", "--db", db)
    assert code == 0 and out.startswith("split Sergei Lavrov from Sergey Lavrov (now #")
    run("reindex", "--db", db)
    assert {"Sergey Lavrov", "Sergei Lavrov"} <= set(people(seeded))
    assert articles(seeded, "Sergey Lavrov") < before


def test_split_of_a_name_the_entity_does_not_have_lists_its_names(seeded: Path) -> None:
    code, _, err = run("entities", "split", "Keir Giles", "Kier Gils", "--db", str(seeded))
    assert code == 1
    assert err.startswith("Error: 'Kier Gils' is not one of Keir Giles's names (they are: ")
    assert "Keir Giles" in err.split("they are: ")[1]


def test_an_unknown_name_suggests_near_ones(seeded: Path) -> None:
    db = open_database(seeded)
    zakharova = find_entity(db, "Maria Zakharova")
    code, out, err = run("entities", "ignore", "Zakharva", "--db", str(seeded))
    assert (code, out) == (1, "")
    assert err.startswith(
        f"Error: no entity is called 'Zakharva'; did you mean:\n  #{zakharova} Maria Zakharova "
        "(person, "
    )
    code, _, err = run("entities", "merge", "Nobody Atall", "Keir Giles", "--db", str(seeded))
    assert (code, err) == (1, "Error: no entity is called 'Nobody Atall'\n")
    code, _, err = run("entities", "ignore", "#999999", "--db", str(seeded))
    assert (code, err) == (1, "Error: no entity has the id #999999\n")


def test_an_ambiguous_name_lists_the_candidates_and_an_id_settles_it(seeded: Path) -> None:
    db = str(seeded)
    # Two people called the same: a rename made it so.
    run("entities", "rename", "Keir Giles", "Yuri Ushakov", "--db", db)
    code, out, err = run("entities", "ignore", "Yuri Ushakov", "--db", db)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "Error: 'Yuri Ushakov' names 2 entities; give --kind, or the id (#N):"
    assert len(lines) == 3 and all(" Yuri Ushakov (person, " in line for line in lines[1:])
    first_id = lines[1].split()[0]
    code, out, _ = run("entities", "ignore", first_id, "--db", db)
    assert (code, out) == (0, "ignored Yuri Ushakov (person)\n")
    assert people(seeded).count("Yuri Ushakov") == 1


def test_errors_of_the_store_are_messages(seeded: Path) -> None:
    db = str(seeded)
    code, _, err = run("entities", "merge", "Keir Giles", "Keir Giles", "--db", db)
    assert (code, err) == (1, "Error: an entity cannot be merged into itself\n")
    code, _, err = run("entities", "merge", "Keir Giles", "Moscow", "--db", db)
    assert (code, err) == (1, "Error: cannot merge a person into a place\n")
    code, _, err = run("entities", "rename", "Keir Giles", "  ", "--db", db)
    assert (code, err) == (1, "Error: a name cannot be empty\n")
    code, _, err = run("entities", "ignore", "Keir Giles", "--db", str(seeded.with_name("no.db")))
    assert code == 1 and "no such database" in err


def test_names_are_shown_escaped(seeded: Path) -> None:
    hostile = "Evil\x1b]0;pwned\x07 \x1b[2J\u202eName"
    code, out, _ = run("entities", "rename", "Keir Giles", hostile, "--db", str(seeded))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out
    assert out == "renamed Keir Giles to Evil␛]0;pwned␇ ␛[2J⍰Name\n"
    code, _, err = run("entities", "ignore", "Evil", "--db", str(seeded))
    assert code == 1 and "\x1b" not in err


def test_a_fix_waits_for_the_writer(seeded: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from store.writer_lock import writer_lock\n"
            f"with writer_lock({str(seeded)!r}):\n"
            "    print('locked', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline() == "locked\n"
        command = ["entities", "ignore", "Keir Giles", "--db", str(seeded)]
        nutgraf = subprocess.Popen(
            [sys.executable, "-c", "from tui.launch import run; run()", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert nutgraf.stderr is not None
        waiting = nutgraf.stderr.readline()
        assert waiting.startswith(f"warning: {seeded}: being written by process {holder.pid}")
        assert waiting.rstrip().endswith("waiting for it to finish (Ctrl+C to stop waiting)")
        holder.stdin.write("\n")
        holder.stdin.flush()
        out, _ = nutgraf.communicate(timeout=60)
        assert (nutgraf.returncode, out) == (0, "ignored Keir Giles (person)\n")
    finally:
        holder.kill()
        holder.wait()
