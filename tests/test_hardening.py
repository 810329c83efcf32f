"""Data safety and contributor commands: the exports never destroy or mix data, refresh never
leaves the package, commands act on the package they are run in, diff and cite say what a
contributor and a reader need. (Bad input files are the corpus in tests/bad_inputs/.)"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import libya_israel_data as lid
from libya_israel_data.cli import cli
from libya_israel_data.export import UnsafeTargetError, export
from libya_israel_data.export.atomic import recover_leftovers

from .conftest import build_case

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("claims",)}
    finally:
        con.close()


def test_a_stale_journal_never_rolls_into_a_fresh_export(tiny: Path, tmp_path: Path) -> None:
    """A hot journal left by a crashed writer of the database that used to be at the path."""
    target = tmp_path / "out.sqlite"
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA cache_size = 1")  # spill to the file, so the journal is written
    con.execute("CREATE TABLE claims (claim_id TEXT)")
    con.executemany("INSERT INTO claims VALUES (?)", [("x" * 500,)] * 500)
    con.execute("BEGIN")
    con.execute("DELETE FROM claims")
    journal = Path(f"{target}-journal")
    assert journal.exists()
    saved = journal.read_bytes()  # what a crash at this moment would leave behind
    con.execute("ROLLBACK")
    con.close()
    journal.write_bytes(saved)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").write_bytes(b"stale")
    export("sqlite", target, package=tiny, force=True)
    assert not any(Path(f"{target}{s}").exists() for s in ("-journal", "-wal", "-shm"))
    claims = (tiny.parent / "data" / "claims.csv").read_text().count("\n") - 1
    assert _counts(target) == {"claims": claims}


@pytest.mark.parametrize("fmt", ["sqlite", "json", "csv"])
def test_force_never_writes_over_the_input_package(fmt: str, tiny: Path) -> None:
    pkg = tiny.parent
    for output in (pkg, pkg / "data", pkg / "datapackage.json", pkg / "data" / "claims.csv"):
        before = {p: p.read_bytes() for p in pkg.rglob("*") if p.is_file()}
        with pytest.raises(UnsafeTargetError, match="would overwrite the package"):
            export(fmt, output, package=tiny, force=True)
        assert {p: p.read_bytes() for p in pkg.rglob("*") if p.is_file()} == before
    # beside the package's files is fine (an export next to datapackage.json)
    assert export(fmt, pkg / f"out.{fmt}", package=tiny).exists()


def test_force_replaces_only_a_previous_export_of_ours(tiny: Path, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(UnsafeTargetError, match="not a csv export"):
        export("csv", folder, package=tiny, force=True)
    assert (folder / "holiday.jpg").read_bytes() == b"\xff\xd8"
    thesis = tmp_path / "thesis.sqlite"
    thesis.write_text("my thesis")
    with pytest.raises(UnsafeTargetError, match="not a sqlite file"):
        export("sqlite", thesis, package=tiny, force=True)
    assert thesis.read_text() == "my thesis"
    ours = export("csv", tmp_path / "csv", package=tiny)
    assert export("csv", ours, package=tiny, force=True) == ours  # a previous export: replaced
    db = export("sqlite", tmp_path / "a.sqlite", package=tiny)
    assert export("sqlite", db, package=tiny, force=True) == db
    # each format recognises only its own earlier output
    with pytest.raises(UnsafeTargetError, match="not a parquet export"):
        export("parquet", ours, package=tiny, force=True)
    assert (ours / "datapackage.json").is_file()


def test_leftovers_of_a_killed_export_are_removed_and_a_half_swap_is_undone(
    tmp_path: Path,
) -> None:
    target = tmp_path / "csv"
    (tmp_path / ".csv.abcd1234.tmp").mkdir()
    (tmp_path / ".csv.abcd1234.tmp" / "big.csv").write_text("x" * 1000)
    (tmp_path / ".out.sqlite.zz_9yy8x.tmp").write_text("half")
    (tmp_path / ".csv.efgh5678.old").mkdir()  # killed between the two renames of a swap
    (tmp_path / ".csv.efgh5678.old" / "datapackage.json").write_text("{}")
    (tmp_path / ".csv.notours.tmp").write_text("keep")  # not our pattern
    removed = recover_leftovers(target)
    assert [p.name for p in removed] == [".csv.abcd1234.tmp"]
    assert (target / "datapackage.json").read_text() == "{}"  # the old export is back
    assert (tmp_path / ".csv.notours.tmp").exists()
    assert [p.name for p in recover_leftovers(tmp_path / "out.sqlite")] == [
        ".out.sqlite.zz_9yy8x.tmp"
    ]


def test_output_usage_errors_are_precise(tiny: Path, tmp_path: Path) -> None:
    result = run("export", "--package", str(tiny), "-o", "-")
    assert result.exit_code == 2 and "standard output is not supported" in result.output
    assert not Path("-").exists()
    result = run("export", "--package", str(tiny), "-o", str(tmp_path / "nope" / "x.sqlite"))
    assert result.exit_code == 2 and "does not exist; create it first" in result.output


def _sqlite_full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorname = "SQLITE_FULL"  # as the sqlite3 module sets it
    return error


@pytest.mark.parametrize(
    ("where", "error", "words"),
    [
        ("write_database", OSError(28, "No space left on device"), "No space left on device"),
        ("write_database", _sqlite_full(), "database or disk is full"),
        ("search_batches", _sqlite_full(), "database or disk is full"),  # the second thread
    ],
)
def test_os_errors_are_reported_without_a_traceback(
    where: str,
    error: Exception,
    words: str,
    tiny: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from libya_israel_data.export import sqlite as sqlite_export

    def full(*args, **kwargs):
        raise error

    monkeypatch.setattr(sqlite_export, where, full)
    result = run("export", "--package", str(tiny), "-o", str(tmp_path / "x.sqlite"))
    assert result.exit_code == 1
    assert "could not write" in result.output and words in result.output
    assert ".x.sqlite." not in result.output  # no temporary name in the message
    assert list(tmp_path.iterdir()) == [tiny.parent]  # and no temporary file left


def test_written_files_follow_the_umask(tiny: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        export("sqlite", tmp_path / "x.sqlite", package=tiny, datasette_metadata=True)
        lid.refresh(tiny)
        (tiny.parent / "data" / "people.csv").write_text(
            (tiny.parent / "data" / "people.csv").read_text() + "\n"
        )
        assert lid.refresh(tiny) == ["people"]
    finally:
        os.umask(old)
    for path in (tmp_path / "x.sqlite", tmp_path / "metadata.json", tiny):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_refresh_refuses_symlinks_out_of_the_package_and_named_pipes(tmp_path: Path) -> None:
    descriptor = build_case(tmp_path / "pkg")
    data = descriptor.parent / "data"
    (data / "people.csv").unlink()
    (data / "people.csv").symlink_to("/etc/hostname")
    with pytest.raises(ValueError, match="resolves outside the package folder"):
        lid.refresh(descriptor)
    assert "/etc" not in descriptor.read_text()
    (data / "people.csv").unlink()
    os.mkfifo(data / "people.csv")
    with pytest.raises(ValueError, match="not a regular file"):
        lid.refresh(descriptor)  # returns at once: a named pipe is never opened
    report = lid.validate(descriptor)
    assert [(i.code, i.resource) for i in report.errors][:1] == [("file-missing", "people")]
    result = run("refresh", str(descriptor))
    assert result.exit_code == 1 and "not a regular file" in result.output


def test_commands_without_a_path_act_on_the_package_they_are_run_in(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tiny.parent / "data"
    monkeypatch.chdir(inner)  # a subfolder of an edited working copy, as git finds its repo
    claims = tiny.parent / "data" / "claims.csv"
    claims.write_text(claims.read_text().replace("c-0001,", "C-0001,", 1))
    result = run("validate")
    assert result.exit_code == 1
    assert f"package: {tiny}" in result.stderr
    assert "constraint-error" in result.stdout
    result = run("refresh")
    assert result.exit_code == 0 and "claims" in result.stdout
    assert f"package: {tiny}" in result.stderr


def test_diff_exit_codes_schema_changes_and_invalid_input(tmp_path: Path) -> None:
    old = build_case(tmp_path / "old").parent
    new = build_case(tmp_path / "new").parent
    assert run("diff", str(old), str(new)).exit_code == 0  # equal
    schema = new / "schemas" / "claims.schema.json"
    doc = json.loads(schema.read_text())
    doc["fields"][5]["description"] = "Reworded."
    schema.write_text(json.dumps(doc, indent=2))
    result = run("diff", str(old), str(new))
    assert result.exit_code == 1
    assert "schema: claims.statement: changed (description)" in result.output
    broken = build_case(tmp_path / "broken").parent
    cites = broken / "data" / "citations.csv"
    cites.write_text(cites.read_text() + 'c-0001,"keyt-2023-08-27-report,unclosed\n')
    result = run("diff", str(old), str(broken))
    assert result.exit_code == 2
    assert "unclosed-quote" in result.stderr


def test_cite_a_source_cites_the_document_then_the_row() -> None:
    result = run("cite", "sources", "keyt-2023-08-27-israel-fm-met-libyan")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith('KEYT (2023-08-27). "Israel says its foreign minister met')
    assert "https://keyt.com/news/2023/08/27/" in text
    assert text.index("https://keyt.com") < text.index("libya-israel-data")
    assert "sources keyt-2023-08-27-israel-fm-met-libyan" in text
    bib = run("cite", "sources", "keyt-2023-08-27-israel-fm-met-libyan", "--format", "bibtex")
    assert "author = {{KEYT}}" in bib.output and "date = {2023-08-27}" in bib.output


def test_coverage_counts_a_package_with_a_rejected_resource(tmp_path: Path) -> None:
    descriptor = build_case(tmp_path / "pkg")
    doc = json.loads(descriptor.read_text())
    doc["resources"][2]["path"] = "/etc/passwd"  # aliases: rejected as unsafe
    descriptor.write_text(json.dumps(doc))
    result = run("coverage", str(descriptor))
    assert result.exit_code == 2 and "unsafe-path" in result.stderr  # refused, with its issues
    result = run("coverage", str(descriptor), "--keep-going")
    assert result.exit_code == 0, result.output
    assert "could not be read (counted as empty; run validate): aliases" in result.output


def test_files_above_the_size_limit_are_refused(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from libya_israel_data.validation import descriptor

    monkeypatch.setattr(descriptor, "MAX_FILE_BYTES", 100)
    report = lid.validate(tiny)
    too_large = [i for i in report.errors if i.code == "file-too-large"]
    assert too_large and all(
        "more than the 100 this validator reads" in i.message for i in too_large
    )
    assert {i.resource for i in report.errors if i.code == "rule-not-run"} >= {
        i.resource for i in too_large
    }


def test_other_sqlite_errors_are_not_disguised_as_a_full_disk(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only SQLite's codes for a file it could not write become a message; any other SQLite
    error is a bug, and keeps its traceback."""
    from libya_israel_data.export import sqlite as sqlite_export

    def bug(*args, **kwargs):
        raise sqlite3.OperationalError("no such table: x")

    monkeypatch.setattr(sqlite_export, "write_database", bug)
    result = run("export", "--package", str(tiny), "-o", str(tmp_path / "x.sqlite"))
    assert isinstance(result.exception, sqlite3.OperationalError)
    assert "could not write" not in result.output
    assert list(tmp_path.iterdir()) == [tiny.parent]
