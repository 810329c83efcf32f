"""The command line, through click's CliRunner: output formats, exit codes, no tracebacks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import libya_israel_data as lid
from libya_israel_data.interfaces.cli import cli

from .conftest import BAD_INPUTS, build_case

LINE = re.compile(r"^[^:\n]+(:\d+)?:( [a-z_,]+:)? .+ \[[a-z-]+\]( \(hint: .+\))?$")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name, command in cli.commands.items():
        assert (name in result.output) is not command.hidden
        assert run(name, "--help").exit_code == 0


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and lid.__version__ in result.output


def test_validate_shipped_package() -> None:
    result = run("validate")  # run from the repository: its own package, named on stderr
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "valid: 0 errors, 0 warnings"
    assert result.stderr.startswith("package: ") and "datapackage.json" in result.stderr


def test_validate_folder_or_descriptor(tiny: Path) -> None:
    assert run("validate", str(tiny)).exit_code == 0
    assert run("validate", str(tiny.parent)).exit_code == 0


def test_text_format_is_one_line_per_issue(tmp_path: Path) -> None:
    path = build_case(tmp_path / "pkg", BAD_INPUTS / "line-numbers-after-multiline-cell")
    result = run("validate", str(path))
    assert result.exit_code == 1
    *lines, summary = result.output.strip().split("\n")
    assert summary == "invalid: 2 errors, 0 warnings"
    assert lines and all(LINE.match(line) for line in lines), lines
    assert any(line.startswith("data/sources.csv:5: published: '2023-8-28'") for line in lines), (
        lines
    )


def test_json_format_is_the_library_report(tmp_path: Path) -> None:
    path = build_case(tmp_path / "pkg", BAD_INPUTS / "provenance-citation-missing")
    result = run("validate", str(path), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output) == lid.validate(path).to_dict()
    assert set(json.loads(result.output)["issues"][0]) == {
        "code",
        "severity",
        "resource",
        "file",
        "row",
        "line",
        "field",
        "message",
        "hint",
        "value",
    }


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    path = build_case(tmp_path / "pkg", BAD_INPUTS / "provenance-person-orphaned")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert "[person-orphaned]" in result.output


def test_usage_errors_exit_two_without_traceback(tmp_path: Path) -> None:
    for args in (
        ["validate", str(tmp_path / "nowhere")],
        ["validate", str(tmp_path)],
        ["validate", "--format", "xml"],
        ["no-such-command"],
    ):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_garbage_descriptor_is_data_error_not_crash(tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_bytes(b"\xff\xfe not json")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert "[package-error]" in result.output


def test_refresh_updates_hash_then_validates(tiny: Path) -> None:
    descriptor = json.loads(tiny.read_text(encoding="utf-8"))
    assert "hash" not in descriptor["resources"][0]
    result = run("refresh", str(tiny))
    assert result.exit_code == 0 and result.output.startswith("updated: sources")
    assert run("refresh", str(tiny)).output.strip() == "already current"
    people = tiny.parent / "data" / "people.csv"
    people.write_bytes(people.read_bytes().replace(b"in 2023", b"in 2023 and 2024"))
    result = run("validate", str(tiny))
    assert result.exit_code == 1
    assert "[hash-count]" in result.output and "[byte-count]" in result.output
    assert run("refresh", str(tiny)).output.strip() == "updated: people"
    assert run("validate", str(tiny)).exit_code == 0


def test_coverage_counts_the_shipped_package() -> None:
    result = run("coverage", "--format", "json")
    assert result.exit_code == 0
    counts = json.loads(result.output)
    shipped = Path(__file__).resolve().parents[1] / "data"
    for name, n in counts["rows"].items():
        lines = (shipped / f"{name}.csv").read_text(encoding="utf-8").count("\n")
        assert n == lines - 1, name  # shipped cells hold no line breaks
    assert "rows per resource:" in run("coverage").output


def test_python_m_entry_point() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "libya_israel_data", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0 and "validate" in out.stdout


def test_progress_bar_only_on_a_terminal_after_a_delay() -> None:
    import io

    from libya_israel_data.foundations.progress import Progress
    from libya_israel_data.validation import steps

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    lid.validate(progress=Progress(steps(), stream=quiet, delay=0))  # not a terminal
    assert quiet.getvalue() == ""
    fast = Tty()
    lid.validate(progress=Progress(steps(), stream=fast, delay=60))  # quicker than the delay
    assert fast.getvalue() == ""
    slow = Tty()
    lid.validate(progress=Progress(steps(), stream=slow, delay=0))
    assert "13/13 checking provenance" in slow.getvalue()
    assert slow.getvalue().endswith("\r")  # the bar erases itself


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{pkg}"],
        ["export", "--format", "sqlite", "--package", "{pkg}", "-o", "{out}/x.sqlite"],
        ["export", "--format", "json", "--package", "{pkg}", "-o", "{out}/x.json"],
        ["export", "--format", "csv", "--package", "{pkg}", "-o", "{out}/csv"],
        ["export", "--format", "parquet", "--package", "{pkg}", "-o", "{out}/parquet"],
        ["export", "--format", "graphml", "--package", "{pkg}", "-o", "{out}/x.graphml"],
        ["export", "--format", "gexf", "--package", "{pkg}", "-o", "{out}/x.gexf"],
        ["site", "--package", "{pkg}", "-o", "{out}/site"],
        ["search", "Mangoush", "--package", "{pkg}"],
        ["coverage", "{pkg}"],
        ["diff", "{pkg}", "{pkg}"],
        ["cite", "claims", "c-0001", "--package", "{pkg}"],
        ["refresh", "{pkg}"],
    ],
    ids=lambda a: " ".join(a[:3]).replace("{pkg}", "").strip(),
)
def test_every_command_that_reads_a_package_shows_progress(
    args: list[str], tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, once a second has passed, every command that reads a package shows how
    far it has come (here the second is made zero and standard error a terminal)."""
    from libya_israel_data.foundations import progress

    init = progress.Progress.__init__

    def eager(self, total, *, stream=None, delay=1.0, enabled=None):
        init(self, total, stream=stream, delay=0.0, enabled=True if enabled is None else enabled)

    monkeypatch.setattr(progress.Progress, "__init__", eager)
    argv = [a.format(pkg=tiny.parent, out=tmp_path) for a in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code in (0, 1), result.output
    assert "[#" in result.stderr and "/" in result.stderr, result.stderr


@pytest.mark.parametrize("preset", [None, "dirty_decay_ms:5000"])
def test_command_line_gives_freed_memory_back_unless_told_otherwise(
    preset: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import sys

    from libya_israel_data.interfaces.cli import ALLOCATOR, main

    if preset is None:
        monkeypatch.delenv(ALLOCATOR[0], raising=False)
    else:
        monkeypatch.setenv(ALLOCATOR[0], preset)
    monkeypatch.setattr(sys, "argv", ["libya-israel-data", "--version"])
    with pytest.raises(SystemExit):
        main()
    assert os.environ[ALLOCATOR[0]] == (preset or ALLOCATOR[1])


def test_json_output_never_carries_progress() -> None:
    result = CliRunner().invoke(cli, ["validate", "--format", "json"])
    assert json.loads(result.stdout)["valid"] is True
    assert result.stderr == ""


def test_coverage_counts_contacts_by_decade_and_kind(tiny: Path) -> None:
    meetings = tiny.parent / "data" / "meetings.csv"
    header, rome = meetings.read_text(encoding="utf-8").splitlines()
    more = [
        "pilgrims-1993,Pilgrims' visit,visit,direct,,1993-05,,,,,acknowledged,,A visit.",
        "ship-2010,Ship talks,correspondence,via_intermediary,,2010-07,,,,,reported,,Talks.",
        "visits-nd,Visits,visit,related_event,Prepared a congress.,1993/2008,,,,,alleged,,Visits.",
    ]
    meetings.write_text("\n".join([header, rome, *more]) + "\n", encoding="utf-8")
    result = run("coverage", str(tiny), "--format", "json", "--keep-going")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["contacts"] == {
        "contacts": 3,
        "by_decade": {
            "1990s": {"direct": 1},
            "2010s": {"via_intermediary": 1},
            "2020s": {"direct": 1},
        },
        "by_contact": {"direct": 2, "via_intermediary": 1},
        "related_events": 1,
        # an interval across two decades is counted under both, not placed in one
        "related_events_by_decade": {"1990s-2000s": 1},
    }
    text = run("coverage", str(tiny), "--keep-going").output
    assert "contacts (meetings that are not related events): 3" in text
    assert "  2010s          1  (via_intermediary 1)" in text
    assert "contacts by kind: direct 2, via_intermediary 1" in text
    assert "related events (kept, not contacts): 1" in text


# --- validate: --select, --ignore, --limit-errors, --fail-on-warnings ------------------------
def _two_errors_one_warning(tiny: Path) -> Path:
    """Two citations of a source that does not exist (foreign-key, errors, rows 3 and 4) and
    a source nobody cites (source-orphaned, a warning, row 4)."""
    data = tiny.parent / "data"
    citations = data / "citations.csv"
    citations.write_text(
        citations.read_text(encoding="utf-8")
        .replace("c-0003,toi-2023-08-28-story", "c-0003,nowhere-1")
        .replace("c-0004,toi-2023-08-28-story", "c-0004,nowhere-2"),
        encoding="utf-8",
    )
    sources = data / "sources.csv"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "zz-2023-01-01-orphan,Unused,,Nobody,,https://example.org/zz,en,2023-01-01,"
        "news_report,,\n",
        encoding="utf-8",
    )
    return tiny


def _codes(result) -> list[str]:
    return [i["code"] for i in json.loads(result.stdout)["issues"]]


def test_validate_reports_errors_and_warnings_by_default(tiny: Path) -> None:
    result = run("validate", str(_two_errors_one_warning(tiny)), "--format", "json")
    assert result.exit_code == 1
    assert sorted(_codes(result)) == ["foreign-key", "foreign-key", "source-orphaned"]


def test_validate_select_reports_only_the_selected_codes(tiny: Path) -> None:
    pkg = str(_two_errors_one_warning(tiny))
    result = run("validate", pkg, "--format", "json", "--select", "source-orphaned")
    assert result.exit_code == 0  # the errors were not selected: a warning does not fail
    assert _codes(result) == ["source-orphaned"]
    result = run("validate", pkg, "--format", "json", "--select", "foreign-key,source-orphaned")
    assert sorted(_codes(result)) == ["foreign-key", "foreign-key", "source-orphaned"]
    # a rule's name selects its codes
    rule = "rule 8: every source is cited or relayed by a cited source"
    result = run("validate", pkg, "--format", "json", "--select", rule)
    assert _codes(result) == ["source-orphaned"]


def test_validate_ignore_leaves_codes_out(tiny: Path) -> None:
    pkg = str(_two_errors_one_warning(tiny))
    result = run("validate", pkg, "--format", "json", "--ignore", "foreign-key")
    assert result.exit_code == 0
    assert _codes(result) == ["source-orphaned"]
    result = run("validate", pkg, "--ignore", "foreign-key", "--ignore", "source-orphaned")
    assert result.exit_code == 0
    assert result.stdout.strip() == "valid: 0 errors, 0 warnings"


def test_validate_refuses_an_unknown_code_and_names_close_ones(tiny: Path) -> None:
    result = run("validate", str(tiny), "--select", "foreign-keys")
    assert result.exit_code == 2
    assert "'foreign-keys' is not an issue code or a rule's name" in result.output
    assert "did you mean 'foreign-key'" in result.output
    assert "Traceback" not in result.output
    result = run("validate", str(tiny), "--ignore", "nonsense-entirely")
    assert result.exit_code == 2 and "did you mean" not in result.output


def test_validate_limit_errors_stops_and_says_the_report_is_truncated(tiny: Path) -> None:
    pkg = str(_two_errors_one_warning(tiny))
    result = run("validate", pkg, "--limit-errors", "1")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert [line.rsplit(" [", 1)[1].split("]")[0] for line in lines[:-1]] == ["foreign-key"]
    assert (
        lines[-1] == "invalid: 1 error, 0 warnings; stopped after 1 error, the report is truncated"
    )
    report = json.loads(run("validate", pkg, "--format", "json", "--limit-errors", "1").stdout)
    assert report["truncated"] is True and len(report["issues"]) == 1
    report = json.loads(run("validate", pkg, "--format", "json", "--limit-errors", "5").stdout)
    assert "truncated" not in report and len(report["issues"]) == 3
    assert run("validate", pkg, "--limit-errors", "0").exit_code == 2


def test_validate_fail_on_warnings_exits_1_on_warnings(tiny: Path) -> None:
    pkg = str(_two_errors_one_warning(tiny))
    result = run("validate", pkg, "--ignore", "foreign-key", "--fail-on-warnings")
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1] == (
        "invalid: 0 errors, 1 warning (warnings fail this validation)"
    )
    assert run("validate", pkg, "--ignore", "foreign-key").exit_code == 0
    assert (
        run(
            "validate", str(build_case(tiny.parent.parent / "clean")), "--fail-on-warnings"
        ).exit_code
        == 0
    )


def test_validate_options_are_the_library_s(tiny: Path) -> None:
    pkg = _two_errors_one_warning(tiny)
    result = run(
        "validate", str(pkg), "--format", "json", "--select", "foreign-key", "--limit-errors", "1"
    )
    expected = lid.validate(pkg, select=("foreign-key",), limit_errors=1)
    assert result.stdout.strip() == expected.to_json()
