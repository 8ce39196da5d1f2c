from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.conftest import SEEDS, add_bill_clinton
from tui.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def statements(db_path: Path, *args: str) -> list[dict[str, Any]]:
    code, out, _ = run("quotes", "--json", "--db", str(db_path), *args)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def quotes(db_path: Path, *args: str) -> list[dict[str, Any]]:
    """Every quote of the statements found (their variants)."""
    return [quote for found in statements(db_path, *args) for quote in found["variants"]]


def test_putin_in_every_article_that_quotes_him(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    assert {s["speaker"] for s in statements(db_path, "--speaker", "putin")} == {"Vladimir Putin"}
    found = quotes(db_path, "--speaker", "putin")
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


def test_a_statement_of_no_one_named_is_said_by_its_description(db_path: Path) -> None:
    # `"…," a senior official said … "It is a consensus among researchers," he added.`
    run("import", str(SEEDS), "--db", str(db_path))
    code, out, _ = run("quotes", "--db", str(db_path))
    assert code == 0
    lines = out.splitlines()
    said = lines[lines.index("  “It is a consensus among researchers,”") - 1]
    assert said.startswith("a senior official  ")


def test_one_entry_per_statement_with_its_variants_first_seen_first(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    found = statements(db_path, "--speaker", "putin", "--about", "restoration")
    (shared,) = [s for s in found if s["article_count"] == 2]
    first, other = shared["variants"]
    assert shared["first_seen"] == first and first["statement_id"] == shared["statement_id"]
    assert "the policy which the administration of President Donald Trump" in first["text"]
    assert "the policies carried out by the administration" in other["text"]
    assert first["article_id"] != other["article_id"]
    code, out, _ = run(
        "quotes", "--speaker", "putin", "--about", "restoration", "--db", str(db_path)
    )
    assert code == 0
    assert "first seen; 2 articles" in out and f"statement {shared['statement_id']}]" in out
    assert f"    also undated  [article {other['article_id']}]" in out


def test_a_name_several_people_share_lists_each_of_them(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    # Two quoted Clintons, as in issue 12: neither is picked silently.
    add_bill_clinton(db_path)
    code, out, err = run("quotes", "--speaker", "clinton", "--db", str(db_path))
    assert code == 0
    assert "“clinton” matches 2 people: " in err
    assert "Bill Clinton (1 quote)" in err and "Hillary Clinton (" in err
    assert "== Bill Clinton: 1 statement ==" in out and "== Hillary Clinton: " in out
    both = {s["speaker"] for s in statements(db_path, "--speaker", "clinton")}
    assert {"Bill Clinton", "Hillary Clinton"} <= both
    exact = statements(db_path, "--speaker", "bill clinton", "--exact")
    assert exact and all(q["speaker"] == "Bill Clinton" for s in exact for q in s["variants"])
    code, _, err = run("quotes", "--speaker", "clinton", "--exact", "--db", str(db_path))
    assert code == 1 and "no quoted speaker is named “clinton”" in err
    assert run("quotes", "--exact", "--db", str(db_path))[0] == 2


def test_min_confidence_leaves_out_unsure_speakers(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    every = quotes(db_path)
    sure = quotes(db_path, "--min-confidence", "0.5")
    assert sure and len(sure) < len(every)
    assert all(q["confidence"] is not None and q["confidence"] >= 0.5 for q in sure)
    assert run("quotes", "--min-confidence", "2", "--db", str(db_path))[0] == 2


def test_a_statement_named_unsure_is_marked(db_path: Path) -> None:
    """A statement whose surest quote names its speaker under 0.5 reads `Name?` in the
    list, as an unsure quote does, and `--json` carries the confidence."""
    from sqlite_utils import Database

    run("import", str(SEEDS), "--db", str(db_path))
    found = statements(db_path, "--speaker", "putin")
    sure = [s for s in found if s["statement_id"] and s["speaker_confidence"] >= 0.5]
    assert len(sure) >= 2
    chosen, other = sure[0]["statement_id"], sure[1]["statement_id"]
    db = Database(db_path)
    db.execute("UPDATE statements SET speaker_confidence = 0.3 WHERE id = ?", [chosen])
    db.conn.commit()
    db.close()
    code, out, _ = run("quotes", "--speaker", "putin", "--db", str(db_path))
    assert code == 0
    marked = [line for line in out.splitlines() if f"statement {chosen}]" in line]
    assert marked and marked[0].startswith("Vladimir Putin?  ")
    plain = [line for line in out.splitlines() if f"statement {other}]" in line]
    assert plain and plain[0].startswith("Vladimir Putin  ")
    unsure = [s for s in statements(db_path, "--speaker", "putin") if s["statement_id"] == chosen]
    assert unsure[0]["speaker_confidence"] == 0.3


def test_a_list_cut_by_the_limit_says_so(db_path: Path) -> None:
    run("import", str(SEEDS), "--db", str(db_path))
    code, out, err = run("quotes", "--speaker", "putin", "--limit", "2", "--db", str(db_path))
    assert code == 0 and sum(line.startswith("Vladimir Putin") for line in out.splitlines()) == 2
    assert "the newest 2 statements: --limit 0 shows all" in err
    code, out, err = run("quotes", "--speaker", "putin", "--db", str(db_path))
    assert code == 0 and "--limit" not in err
