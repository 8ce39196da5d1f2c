from __future__ import annotations

from pathlib import Path

from tui.keys import readme_keys_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_keys_table_matches_the_bindings() -> None:
    table = readme_keys_table()
    assert "| Reader | `n` | Next: " in table
    assert "| Everywhere | `q` | Quit |" in table
    assert table in README.read_text(encoding="utf-8"), (
        "README's keys table is out of date: paste the output of `python -m tui.keys`"
    )


def test_every_binding_has_an_id_for_keymaps() -> None:
    from textual.binding import Binding

    from tui.keys import all_sections

    by_id: dict[str, Binding] = {}
    for bindings in all_sections().values():
        ids = [b.id for b in bindings if isinstance(b, Binding)]
        assert None not in ids
        assert len(ids) == len(set(ids))  # within a screen, one binding per id
        for binding in bindings:
            assert isinstance(binding, Binding) and binding.id is not None
            # An id shared by screens (the j/k of every list) is one binding.
            assert by_id.setdefault(binding.id, binding) is binding
