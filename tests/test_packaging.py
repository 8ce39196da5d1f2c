"""The wheel holds our own packages and what they need at run time, nothing else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_only_store_and_tui(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("nutgraf-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.startswith("nutgraf-")}
    assert top_level == {"store", "tui"}
    assert "tui/screenshots.py" not in names
    assert not [name for name in names if name.startswith("store/training/")]
    assert not [name for name in names if name.startswith("store/data/make_")]
    # What runs needs these: the seeds, the word lists, the typing markers.
    assert "store/seeds/000_22f4763e990affae.txt" in names
    assert "store/data/places.tsv" in names
    assert {"store/py.typed", "tui/py.typed", "tui/app.tcss", "tui/dialogs.tcss"} <= set(names)
