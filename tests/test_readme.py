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
    from libya_israel_data.export import export

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

    from libya_israel_data.cli import cli

    text = README.read_text(encoding="utf-8")
    block = text.split("## Quick start on the command line")[1].split("```")[1]
    assert "$ libya-israel-data validate\npackage: " in block
    assert "datapackage.json\nvalid: 0 errors, 0 warnings\n" in block
    runner = CliRunner()
    result = runner.invoke(cli, ["validate"])
    assert result.stdout == "valid: 0 errors, 0 warnings\n"
    assert result.stderr.startswith("package: ") and result.stderr.endswith("datapackage.json\n")
    out = tmp_path / "lid.sqlite"
    assert runner.invoke(cli, ["export", "--output", str(out)]).output == f"wrote {out}\n"
    query = re.search(r'sqlite3 lid.sqlite "(.*)"\n(.*)\n', block)
    con = sqlite3.connect(out)
    assert "|".join(con.execute(query.group(1)).fetchone()) == query.group(2)
