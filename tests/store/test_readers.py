from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.decoding import MOST_REPAIRED_CHARS
from store.readers import read_paths
from store.readers.jsonl import read_jsonl
from store.records import Problem, Record
from tests.conftest import FIXTURES, SEEDS


def read(*paths: Path | str) -> tuple[list[Record], list[Problem]]:
    items = list(read_paths([str(path) for path in paths]))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Problem)]


def test_seeds_titles_and_dates() -> None:
    records, problems = read(SEEDS)
    assert problems == []
    by_file = {Path(r.path).name[:3]: r for r in records}
    assert by_file["000"].title is not None and by_file["000"].title.startswith(
        "Donald Trump Praises"
    )
    # One 8.9 KB line with its headline printed twice: the headline is the title.
    assert by_file["001"].title == (
        "Putin won’t expel American diplomats after Obama ousts Russian officials in the U.S."
    )
    assert by_file["001"].text.startswith("Putin won’t expel")
    # Opens with a paragraph: no title, the paragraph stays in the text.
    assert by_file["003"].title is None
    assert by_file["003"].text.startswith("After the Obama administration imposed sanctions")
    # Page furniture: a date line and a dated header before the title.
    assert by_file["004"].date == "2024-11-07"
    assert by_file["004"].title is not None and by_file["004"].title.startswith(
        "Russian President Putin"
    )
    assert by_file["004"].text.startswith("Putin praised Trump")


def test_text_is_kept_exactly_but_line_ends(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"Title\r\n\r\nFirst  para\xc2\xa0graph.\r\nSecond\rThird\t end.")
    [record], _ = read(file)
    assert record.title == "Title"
    assert record.text == "First  para\u00a0graph.\nSecond\nThird\t end."


def test_text_once_read_through_the_wrong_encoding_is_repaired(tmp_path: Path) -> None:
    # As BuzzFeed-Webis carries it: UTF-8 read as Latin-1 upstream, then stored as UTF-8.
    broken = "Hillary’s “plan” costs €5 and\u00a0Trump said no.".encode().decode("latin-1")
    file = tmp_path / "a.jsonl"
    file.write_text(json.dumps({"title": broken, "text": broken}) + "\n", encoding="utf-8")
    [record], _ = read(file)
    assert record.text == "Hillary’s “plan” costs €5 and\u00a0Trump said no."
    assert record.title == "Hillary’s “plan” costs €5 and Trump said no."  # on one line
    # Text with no such mark is left exactly as it is, whatever it holds.
    plain = tmp_path / "b.txt"
    plain.write_text("Title\n\nÂge, Ãsa and â are letters too.", encoding="utf-8")
    [kept], _ = read(plain)
    assert kept.text == "Âge, Ãsa and â are letters too."
    # A text too long to repair in reasonable time is kept as it is.
    huge = tmp_path / "c.jsonl"
    long_text = broken + "x" * MOST_REPAIRED_CHARS
    huge.write_text(json.dumps({"text": long_text}) + "\n", encoding="utf-8")
    [whole], _ = read(huge)
    assert whole.text == long_text


def test_character_references_a_scraper_left_are_written_out(tmp_path: Path) -> None:
    # As BBC's corpus carries them: `a G7 communiqu&#233;`, a title `&#163;1.8m …`.
    file = tmp_path / "a.jsonl"
    fields = {"title": "&#163;1.8m fine", "text": "A communiqu&#233; from AT&amp;T &lt;3"}
    file.write_text(json.dumps(fields) + "\n", encoding="utf-8")
    [record], _ = read(file)
    assert record.title == "£1.8m fine"
    assert record.text == "A communiqué from AT&T <3"
    # What is no closed reference HTML knows stays as written, and so does a reference to
    # a control character: `&#27;` would otherwise put an escape in the article.
    plain = tmp_path / "b.txt"
    kept_text = "R&D; Fish & Chips; &notes &nosuch; &#27;[31m &#13; &amp"
    plain.write_text("Title\n\n" + kept_text, encoding="utf-8")
    [kept], _ = read(plain)
    assert kept.text == kept_text


def test_jsonl_fixture_from_the_real_corpora() -> None:
    records, problems = read(FIXTURES / "corpus_sample.jsonl")
    assert len(records) == 13
    assert [str(p) for p in problems] == [f"{FIXTURES / 'corpus_sample.jsonl'}:6: no text"]
    reuters = next(r for r in records if r.external_id == "reuters-2")
    assert reuters.title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"
    assert reuters.date == "1987-02-26"
    assert reuters.path.endswith("corpus_sample.jsonl:13")


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    file = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"title": "good one", "text": "Body one."}),
        "{not json}",
        "[1, 2]",
        json.dumps({"title": "no body"}),
        json.dumps({"title": 7, "body": "Body two.", "published": "yesterday"}),
        "",
        json.dumps({"headline": "good three", "content": "Body three.", "link": "http://x"}),
        '{"title": "cut off", "te',
    ]
    file.write_text("\n".join(lines), encoding="utf-8")
    records, problems = read(file)
    assert [r.text for r in records] == ["Body one.", "Body two.", "Body three."]
    assert records[1].title == "7" and records[1].date is None
    assert records[2].title == "good three" and records[2].url == "http://x"
    name = str(file)
    assert [(str(p), p.rejected) for p in problems] == [
        (
            f"{name}:2: invalid JSON (Expecting property name enclosed in double quotes, column 2)",
            True,
        ),
        (f"{name}:3: a JSON list, not an object", True),
        (f"{name}:4: no text", True),
        (f"{name}:5: title is a number; kept as text", False),
        (f"{name}:5: unrecognised date 'yesterday'; left empty", False),
        (f"{name}:8: truncated line", True),
    ]


def test_truncated_gzip_keeps_the_lines_before(tmp_path: Path) -> None:
    data = gzip.compress(
        b"".join(json.dumps({"text": f"Article {i}. " * 50}).encode() + b"\n" for i in range(200))
    )
    file = tmp_path / "cut.jsonl.gz"
    file.write_bytes(data[: len(data) // 2])
    records, problems = read(file)
    assert 10 < len(records) < 200
    assert len(problems) == 1 and "truncated or corrupt" in problems[0].reason


def test_csv_with_embedded_newlines_ragged_rows_and_semicolons(tmp_path: Path) -> None:
    file = tmp_path / "news.csv"
    file.write_text(
        'title;text;date\n"One";"Line one\nline two";2016-12-30\n'
        '"Two";"Body two";2016-12-31;extra\n'
        '"Three";;2017-01-01\n"Four";"Body four"\n',
        encoding="utf-8",
    )
    records, problems = read(file)
    assert [(r.title, r.text, r.date) for r in records] == [
        ("One", "Line one\nline two", "2016-12-30"),
        ("Two", "Body two", "2016-12-31"),
        ("Four", "Body four", None),
    ]
    assert [str(p) for p in problems] == [
        f"{file}:4: 1 more fields than the header; ignored",
        f"{file}:5: no text",
    ]


def test_csv_without_a_text_column_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "wrong.csv"
    file.write_text("name,age\nx,1\n", encoding="utf-8")
    records, problems = read(file)
    assert records == [] and "no text column" in problems[0].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b" \n\t\n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")],
)
def test_files_without_text(tmp_path: Path, content: bytes, reason: str) -> None:
    file = tmp_path / "bad.txt"
    file.write_bytes(content)
    records, problems = read(file)
    assert records == [] and reason in problems[0].reason


def test_directories_recurse_skip_other_files_and_survive_link_loops(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One\n\nBody one.")
    (tmp_path / "a" / "b" / "two.txt").write_text("Two\n\nBody two.")
    (tmp_path / "a" / "picture.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")
    records, problems = read(tmp_path)
    assert sorted(r.title or "" for r in records) == ["One", "Two"]
    assert [p.reason for p in problems] == ["seen before (a symbolic link loop); skipped"]


def test_missing_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "locked.txt"
    file.write_text("Title\n\nBody.")

    def refuse(path: object, flags: int) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # root may read anything: refuse it here
    records, problems = read(file, tmp_path / "missing.txt")
    assert records == []
    assert [str(p) for p in problems] == [
        f"{file}: cannot read: Permission denied",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]


# Any JSON value, with lone surrogates in strings and integers longer than any count.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats()
    | st.text(st.sampled_from(["a", " ", "\ud800", "\udfff", "\udce9", "é", "😀"]), max_size=9),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["text", "id", "title", "source", "x"]), children)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["text", "id", "title", "date", "url"]), JSON_VALUES))
def test_every_record_from_jsonl_can_be_stored(fields: dict[str, object]) -> None:
    line = json.dumps(fields).encode() + b"\n"
    for item in read_jsonl([line], "f.jsonl", "f.jsonl"):
        if isinstance(item, Record):
            for value in (item.text, item.title, item.date, item.source, item.url):
                assert value is None or value.encode("utf-8")  # no lone surrogate
            assert item.external_id is None or len(item.external_id.encode()) <= 4 * 2048
