"""CSV is read as a stream: flat memory, exact line numbers, and unclosed quotes caught."""

from __future__ import annotations

import codecs
import gzip
import tracemalloc
from pathlib import Path

from store.readers import read_paths
from store.readers.limits import MAX_CSV_RECORD_LINES, MAX_RECORD_BYTES
from store.records import Problem, Record


def read(path: Path) -> tuple[list[Record], list[str]]:
    items = list(read_paths([str(path)]))
    records = [item for item in items if isinstance(item, Record)]
    return records, [str(item) for item in items if isinstance(item, Problem)]


def lines_of(records: list[Record]) -> list[int]:
    return [int(record.path.rsplit(":", 1)[1]) for record in records]


def test_an_unclosed_quote_is_reported_where_it_opened(tmp_path: Path) -> None:
    file = tmp_path / "news.csv"
    rows = [f"{n},Title {n},Body {n}." for n in range(1, 101)]
    rows[9] = '10,Title 10,"Body 10 opens a quote that never closes.'
    file.write_text("id,title,text\n" + "\n".join(rows) + "\n")
    records, problems = read(file)
    assert problems == [
        f"{file}:11: unclosed quote: the field opened on this line runs to the end of the "
        "file; its row is skipped and reading resumes on the next line"
    ]
    assert [r.external_id for r in records] == [str(n) for n in range(1, 101) if n != 10]
    assert lines_of(records) == [n + 1 for n in range(1, 101) if n != 10]
    assert max(len(r.text) for r in records) < 20


def test_a_quote_running_over_too_many_lines_is_caught(tmp_path: Path) -> None:
    file = tmp_path / "news.csv"
    rows = [f"{n},Body {n}." for n in range(1, 3 * MAX_CSV_RECORD_LINES // 2)]
    rows[4] = '5,"Body 5 never closes its quote.'
    rows[-2] = '"Late",Body with a "quote" that would close the first one.'
    file.write_text("id,text\n" + "\n".join(rows) + "\n")
    records, problems = read(file)
    assert problems == [
        f"{file}:6: unclosed quote: the field opened on this line runs past 10,000 lines or "
        "64 MB; its row is skipped and reading resumes on the next line"
    ]
    assert len(records) == len(rows) - 1
    assert records[4].external_id == "6" and records[-2].external_id == "Late"


def test_the_quote_can_open_inside_a_multi_line_row(tmp_path: Path) -> None:
    file = tmp_path / "news.csv"
    file.write_text(
        "title;text;source\n"
        '"One";"Para one\n\npara two";BBC\n'
        '"Two";"Para one\npara ""two""";"Reuters\n'
        "Three;Body three;AP\n"
        "Four;Body four;AP\n"
    )
    records, problems = read(file)
    assert [(r.title, r.text, r.source) for r in records] == [
        ("One", "Para one\n\npara two", "BBC"),
        ("Three", "Body three", "AP"),
        ("Four", "Body four", "AP"),
    ]
    assert lines_of(records) == [2, 7, 8]
    assert len(problems) == 1 and problems[0].startswith(f"{file}:6: unclosed quote")


def test_a_line_over_the_cap_is_skipped_with_its_size(tmp_path: Path) -> None:
    file = tmp_path / "news.csv.gz"
    megabyte = gzip.compress(b"x" * 1_000_000)
    with file.open("wb") as out:
        out.write(gzip.compress(b'id,text\n1,"'))
        for _ in range(MAX_RECORD_BYTES // 1_000_000 + 1):  # gzip members, read as one
            out.write(megabyte)
        out.write(gzip.compress(b'"\n2,Body two.\n'))
    records, problems = read(file)
    assert [r.external_id for r in records] == ["2"]
    assert problems == [
        f"{file}:2: a line of 65,000,005 characters, over the limit of 64 MB; skipped"
    ]


def test_memory_stays_flat_whatever_the_file_size(tmp_path: Path) -> None:
    file = tmp_path / "big.csv"
    row = 'Title,"' + "“Quoted” words, in a body that runs on for a while. " * 30 + '"\n'
    with file.open("w", encoding="utf-8") as out:
        out.write("title,text\n")
        out.writelines([row] * 10_000)
    assert file.stat().st_size > 10_000_000
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Record) for item in read_paths([str(file)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < 2_000_000


def test_cp1252_bytes_keep_the_line_numbers(tmp_path: Path) -> None:
    file = tmp_path / "latin.csv"
    file.write_bytes(b'title,text\nCaf\xe9,"Un caf\xe9\ncr\xe8me"\nEmpty,\nLast,Fin.\n')
    records, problems = read(file)
    assert [(r.title, r.text) for r in records] == [("Café", "Un café\ncrème"), ("Last", "Fin.")]
    assert lines_of(records) == [2, 5]
    assert problems == [f"{file}:4: no text", f"{file}: not valid UTF-8; 3 bytes read as cp1252"]


def test_utf16_and_old_mac_line_ends(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(
        codecs.BOM_UTF16_LE + "title\ttext\r\nÜber\tBody “one”\r\n".encode("utf-16-le")
    )
    without_bom = tmp_path / "be.csv"
    without_bom.write_bytes("title,text\nTwo,Body two\n".encode("utf-16-be"))
    mac = tmp_path / "mac.csv"
    mac.write_bytes(b"title,text\rThree,Body three\rFour,Body four\r")
    assert [(r.title, r.text) for r in read(with_bom)[0]] == [("Über", "Body “one”")]
    assert [(r.title, r.text) for r in read(without_bom)[0]] == [("Two", "Body two")]
    records, problems = read(mac)
    assert [r.title for r in records] == ["Three", "Four"] and lines_of(records) == [2, 3]
    assert problems == []


def test_files_that_are_no_csv(tmp_path: Path) -> None:
    empty, blank, binary = tmp_path / "e.csv", tmp_path / "b.csv", tmp_path / "x.csv"
    empty.write_bytes(b"")
    blank.write_bytes(b"\n \n\t\n")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert read(empty) == ([], [f"{empty}: empty file"])
    assert read(blank) == ([], [f"{blank}: empty file"])
    assert read(binary) == ([], [f"{binary}: binary data (NUL bytes), not text"])


def test_a_truncated_gzip_keeps_the_rows_before(tmp_path: Path) -> None:
    rows = b"".join(f"T{n},Article {n} ".encode() + b"words " * 50 + b"\n" for n in range(300))
    data = gzip.compress(b"title,text\n" + rows)
    file = tmp_path / "cut.csv.gz"
    file.write_bytes(data[: len(data) // 2])
    records, problems = read(file)
    assert 100 < len(records) < 300
    assert lines_of(records) == list(range(2, len(records) + 2))
    assert problems == [
        f"{file}:{len(records) + 2}: compressed data is truncated or corrupt "
        "(Compressed file ended before the end-of-stream marker was reached)"
    ]
