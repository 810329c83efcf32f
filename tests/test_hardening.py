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
from libya_israel_data.foundations.atomic import recover_leftovers
from libya_israel_data.interfaces.cli import cli
from libya_israel_data.outputs.export import UnsafeTargetError, export

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
        ("search_batches", _sqlite_full(), "database or disk is full"),  # while indexing
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
    from libya_israel_data.outputs.export import sqlite as sqlite_export

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


def test_no_writer_reads_the_umask_by_changing_it(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the umask means setting it (os.umask) and back: another thread writing a file
    meanwhile would get the wrong permissions. The writers let the system call apply it."""
    from libya_israel_data.outputs.site import build_site

    def refuse(mask: int) -> int:
        raise AssertionError("os.umask called")

    monkeypatch.setattr(os, "umask", refuse)
    export("sqlite", tmp_path / "x.sqlite", package=tiny, datasette_metadata=True)
    export("csv", tmp_path / "csv", package=tiny)
    export("json", tmp_path / "x.json", package=tiny)
    build_site(tmp_path / "site", package=tiny)
    assert "people" in lid.refresh(tiny)  # the descriptor rewritten


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
    from libya_israel_data.outputs.export import sqlite as sqlite_export

    def bug(*args, **kwargs):
        raise sqlite3.OperationalError("no such table: x")

    monkeypatch.setattr(sqlite_export, "write_database", bug)
    result = run("export", "--package", str(tiny), "-o", str(tmp_path / "x.sqlite"))
    assert isinstance(result.exception, sqlite3.OperationalError)
    assert "could not write" not in result.output
    assert list(tmp_path.iterdir()) == [tiny.parent]


# --- issue 24: signals, --force, concurrent writers, references -----------------------------

#: Runs the real command line in a fresh process, with ``os.replace`` wrapped so that the
#: STEP-th rename that atomic.py makes gets a real SIGTERM: sent just before the system call
#: or just after it, and in both cases delivered inside the step (the wrapper runs Python code
#: after the call, where the handler runs).
SIGNAL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from libya_israel_data.foundations import atomic
from libya_israel_data.interfaces.cli import cli

step, when, mark = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
real, calls = os.replace, []

def replace(src, dst):
    if sys._getframe(1).f_globals.get("__name__") != atomic.__name__:
        return real(src, dst)
    calls.append(dst)
    if len(calls) != step:
        return real(src, dst)
    mark.write_text(f"{src} -> {dst}")
    if when == "before":
        os.kill(os.getpid(), signal.SIGTERM)
    real(src, dst)
    if when == "after":
        os.kill(os.getpid(), signal.SIGTERM)
    for _ in range(10_000):  # the handler runs here, inside the step
        pass

os.replace = replace
cli.main(sys.argv[4:], prog_name="libya-israel-data")
"""


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("step", [1, 2, 3, 4])  # .git, CNAME -> new; old -> aside; new -> out
def test_a_sigterm_inside_each_rename_of_a_folder_swap_loses_nothing(
    step: int, when: str, tiny: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    out = tmp_path / "out"
    export("csv", out, package=tiny)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (out / "CNAME").write_text("data.example.org\n")
    old = _tree(out)
    data = tiny.parent / "data" / "people.csv"  # a new release: one more character
    data.write_text(data.read_text(encoding="utf-8").replace("Eli Cohen", "Eli  Cohen", 1))
    mark = tmp_path / "reached"
    command = ["export", "--format", "csv", "--package", str(tiny), "-o", str(out), "--force"]
    proc = subprocess.run(
        [sys.executable, "-c", SIGNAL_SCRIPT, str(step), when, str(mark), *command],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert mark.exists(), proc.stderr  # the signal was sent inside the rename
    assert "Traceback" not in proc.stderr
    now = _tree(out)
    new = now["data/people.csv"] != old["data/people.csv"]
    if not new:
        assert now == old
    assert now[".git/HEAD"] == old[".git/HEAD"] and now["CNAME"] == old["CNAME"]
    assert lid.validate(out).valid  # whole: every file and its hash
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")) == []


def test_force_replaces_only_the_files_of_a_previous_site(tiny: Path, tmp_path: Path) -> None:
    """A site built into a GitHub Pages checkout keeps .git, CNAME and the user's own pages."""
    from libya_israel_data.outputs.site import build_site

    site = build_site(tmp_path / "site", package=tiny)
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]\n")
    (site / "CNAME").write_text("data.example.org\n")
    (site / "people" / "about-me.html").write_text("mine")
    build_site(site, package=tiny, force=True)
    assert (site / ".git" / "config").read_text() == "[core]\n"
    assert (site / "CNAME").read_text() == "data.example.org\n"
    assert (site / "people" / "about-me.html").read_text() == "mine"
    assert (site / "index.html").is_file()
    manifest = json.loads((site / ".libya-israel-data-export.json").read_text())
    assert manifest["format"] == "site" and "CNAME" not in manifest["files"]
    # a user file where the new export writes one of its own: refused, nothing changed
    (site / "people").rename(tmp_path / "people-aside")
    (site / "people").write_text("a file, not a folder")
    before = _tree(site)
    with pytest.raises(UnsafeTargetError, match="would write over it"):
        build_site(site, package=tiny, force=True)
    assert _tree(site) == before


def test_a_folder_is_ours_only_by_its_manifest(tiny: Path, tmp_path: Path) -> None:
    parquet_only = tmp_path / "mine"
    parquet_only.mkdir()
    (parquet_only / "results.parquet").write_bytes(b"PAR1")
    with pytest.raises(UnsafeTargetError, match="not a parquet export"):
        export("parquet", parquet_only, package=tiny, force=True)
    assert (parquet_only / "results.parquet").read_bytes() == b"PAR1"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export("parquet", empty, package=tiny, force=True) == empty


def test_a_second_writer_to_the_same_output_is_refused_cleanly(tiny: Path, tmp_path: Path) -> None:
    from libya_israel_data.foundations.atomic import OutputBusyError, output_lock

    out = tmp_path / "out.sqlite"
    export("sqlite", out, package=tiny)
    before = out.read_bytes()
    (tmp_path / ".out.sqlite.abcd1234.tmp").write_text("the first writer's live temporary")
    with output_lock(out):  # a first export is writing
        with pytest.raises(OutputBusyError, match="another export is writing"):
            export("sqlite", out, package=tiny, force=True)
        result = run("export", "--package", str(tiny), "-o", str(out), "--force")
        assert result.exit_code == 2, result.output
        assert "another export is writing" in result.output
        assert "Traceback" not in result.output
        assert (tmp_path / ".out.sqlite.abcd1234.tmp").exists()  # never deleted under it
    assert out.read_bytes() == before
    assert not (tmp_path / ".out.sqlite.lock").exists()  # the lock file goes with the lock
    export("sqlite", out, package=tiny, force=True)  # free again


def test_a_second_writer_of_the_same_datasette_metadata_is_refused(
    tiny: Path, tmp_path: Path
) -> None:
    """metadata.json is written in one unit with its database: two databases exported into one
    folder with their metadata take turns on it too."""
    from libya_israel_data.foundations.atomic import OutputBusyError, output_lock

    export("sqlite", tmp_path / "a.sqlite", package=tiny, datasette_metadata=True)
    before = (tmp_path / "metadata.json").read_bytes()
    with output_lock(tmp_path / "metadata.json"):  # the export of a.sqlite is writing
        with pytest.raises(OutputBusyError, match=r"metadata\.json right now"):
            export(
                "sqlite", tmp_path / "b.sqlite", package=tiny, force=True, datasette_metadata=True
            )
        export("sqlite", tmp_path / "c.sqlite", package=tiny)  # without metadata: no turn to wait
    assert (tmp_path / "metadata.json").read_bytes() == before
    assert not (tmp_path / "b.sqlite").exists()


def test_two_concurrent_sqlite_exports_leave_one_whole_database(tiny: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "out.sqlite"
    command = [sys.executable, "-m", "libya_israel_data", "export", "--package", str(tiny)]
    command += ["-o", str(out), "--force"]
    procs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    assert all("Traceback" not in err for _, err in results), results
    assert 0 in [code for code, _ in results]
    for code, err in results:
        assert code == 0 or "another export is writing" in err, err
    assert _counts(out)["claims"] > 0


@pytest.mark.parametrize("fmt", ["sqlite", "json", "csv", "parquet", "graphml", "gexf"])
def test_every_export_checks_references_itself(fmt: str, tmp_path: Path) -> None:
    """A package opened without validation never exports a dangling reference."""
    from libya_israel_data.dataset.package import InvalidPackageError, open_package
    from libya_israel_data.outputs.export import csv, graph, json, parquet, sqlite

    descriptor = build_case(
        tmp_path / "pkg", ROOT / "tests/bad_inputs/foreign-key-participant-person"
    )
    package = open_package(descriptor, validate=False)
    writers = {
        "sqlite": sqlite.export_sqlite,
        "json": json.export_json,
        "csv": csv.export_csv,
        "parquet": parquet.export_parquet,
        "graphml": graph.export_graph,
        "gexf": lambda p, o: graph.export_graph(p, o, fmt="gexf"),
    }
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(InvalidPackageError) as e:
        writers[fmt](package, out)
    assert [(i.code, i.resource) for i in e.value.report.issues] == [
        ("foreign-key", "participants")
    ]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_text_xml_cannot_carry_never_reaches_an_xml_export(fmt: str, tmp_path: Path) -> None:
    """U+FFFE and U+FFFF made GraphML and GEXF that no XML parser reads: the validator rejects
    them (noncharacter), and the writers refuse them on a package opened without validation."""
    import xml.etree.ElementTree as ET

    from libya_israel_data.dataset.package import InvalidPackageError, open_package
    from libya_israel_data.outputs.export.graph import export_graph

    case = ROOT / "tests/bad_inputs/text-noncharacter-fffe-ffff"
    descriptor = build_case(tmp_path / "pkg", case)
    with pytest.raises(InvalidPackageError, match="noncharacter"):
        export(fmt, tmp_path / "a.xml", package=descriptor)
    package = open_package(descriptor, validate=False)
    with pytest.raises(InvalidPackageError) as e:
        export_graph(package, tmp_path / "b.xml", fmt=fmt)
    assert [(i.code, i.row, i.field) for i in e.value.report.issues] == [
        ("noncharacter", 1, "description")
    ]
    assert "U+FFFE" in e.value.report.issues[0].message
    assert not (tmp_path / "a.xml").exists() and not (tmp_path / "b.xml").exists()
    # a control character (the validator's control-character) is refused the same way
    people = tmp_path / "pkg" / "data" / "people.csv"
    people.write_text(
        people.read_text(encoding="utf-8").replace("\ufffe", "\x01").replace("\uffff", ""),
        encoding="utf-8",
    )
    with pytest.raises(InvalidPackageError, match="control-character"):
        export_graph(open_package(descriptor, validate=False), tmp_path / "c.xml", fmt=fmt)
    # what the validator accepts is well-formed XML
    ET.parse(export(fmt, tmp_path / "d.xml", package=build_case(tmp_path / "ok")))
