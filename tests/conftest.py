"""Shared fixtures: databases filled by the real importer from the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import open_database
from store.importer import import_paths
from store.seeds import bundled_seeds

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = bundled_seeds()


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read the developer's own keymap, config or remembered state."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    return open_database(db_path)


@pytest.fixture
def seeded_db(db: Database) -> Database:
    import_paths(db, [str(SEEDS)])
    return db


def add_bill_clinton(db_path: Path) -> None:
    """Two quoted Clintons: the seeds' Hillary and a Bill (issue 12's `clinton`)."""
    with Database(db_path) as db:
        bill = db.execute(
            "INSERT INTO entities (name, kind) VALUES ('Bill Clinton', 'person')"
        ).lastrowid
        db.execute(
            "UPDATE quotes SET speaker_entity_id = ? WHERE id = (SELECT min(id) FROM quotes)",
            [bill],
        )
        db.execute(
            "UPDATE quotes SET speaker_entity_id = "
            "(SELECT id FROM entities WHERE name = 'Hillary Clinton') "
            "WHERE id = (SELECT max(id) FROM quotes)"
        )
        db.conn.commit()
