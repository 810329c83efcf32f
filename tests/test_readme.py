"""The README's Python examples run, so that they cannot drift from the API."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_has_a_python_quick_start() -> None:
    assert BLOCKS
    assert "lid.load()" in BLOCKS[0]


def test_python_blocks_run(tmp_path, monkeypatch) -> None:
    from libya_israel_data.outputs.export import export

    monkeypatch.chdir(tmp_path)  # where the README's command-line example wrote lid.sqlite
    export("sqlite", tmp_path / "lid.sqlite")
    printed = []
    for block in BLOCKS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(README), "exec"), {})
        assert out.getvalue().strip(), "a README example should print something"
        printed.append(out.getvalue())
    assert "c-0001" in printed[0]
    assert "najla-mangoush" in printed[-1]


def test_resource_table_has_current_row_counts() -> None:
    text = README.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| (\d+) \|", text, re.M))
    data = README.parent / "data"
    assert set(rows) == {p.stem for p in data.glob("*.csv")}
    for name, count in rows.items():
        lines = (data / f"{name}.csv").read_text(encoding="utf-8").count("\n")
        assert int(count) == lines - 1, f"README says {count} {name}; the data has {lines - 1}"


def test_cli_quick_start_output_is_real(tmp_path) -> None:
    import sqlite3

    from click.testing import CliRunner

    from libya_israel_data.interfaces.cli import cli

    text = README.read_text(encoding="utf-8")
    block = text.split("## Quick start on the command line")[1].split("```")[1]
    assert "$ libya-israel-data validate\npackage: " in block
    assert "datapackage.json\nvalid: 0 errors, 0 warnings\n" in block
    runner = CliRunner()
    result = runner.invoke(cli, ["validate"])
    assert result.stdout == "valid: 0 errors, 0 warnings\n"
    assert result.stderr.startswith("package: ") and result.stderr.endswith("datapackage.json\n")
    out = tmp_path / "lid.sqlite"
    assert runner.invoke(cli, ["export", "--output", str(out)]).stdout == f"wrote {out}\n"
    query = re.search(r'sqlite3 lid.sqlite "(.*)"\n(.*)\n', block)
    con = sqlite3.connect(out)
    assert "|".join(con.execute(query.group(1)).fetchone()) == query.group(2)


def test_the_fresh_machine_commands_are_what_ci_runs() -> None:
    """.ci/run takes the test command from the README, and the main command is the one the
    README's quick start describes."""
    from .readme_commands import commands

    found = commands()
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 tests/readme_commands.py test" in ci and 'bash -c "$test_command"' in ci
    assert found["test"].endswith("python -m pytest")
    assert "libya-israel-data validate" in found["main"]
    assert "export --output lid.sqlite" in found["main"]


def test_the_main_job_command_passes_verbatim_in_a_fresh_clone(tmp_path: Path) -> None:
    """A newcomer's first command, as the README gives it, in a fresh clone of this commit:
    a virtual environment, a non-editable install, validate, export (twice: --force replaces
    the first export). Afterwards git sees no change: every output is ignored."""
    import shutil
    import sqlite3
    import subprocess

    import pytest

    from .readme_commands import commands

    root = README.parent
    if not (root / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: there is nothing to clone")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(root), str(clone)], check=True)
    command = commands()["main"]
    for _ in range(2):
        done = subprocess.run(
            ["bash", "-c", command], cwd=clone, capture_output=True, text=True, timeout=900
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    assert "valid: 0 errors, 0 warnings" in done.stdout
    assert (
        f"package: {clone / 'datapackage.json'}" in done.stderr
    )  # the checkout, not site-packages
    con = sqlite3.connect(clone / "lid.sqlite")
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""
