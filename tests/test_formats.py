"""The export formats are declared once (outputs/formats.py): the CLI's choices and help, the
format an extension names, the writer that runs and the check that ``--force`` replaces only a
previous output of the same format are all built from the records."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from libya_israel_data.interfaces.cli import cli
from libya_israel_data.outputs.export import FORMATS, UnsafeTargetError, export, format_of
from libya_israel_data.outputs.formats import OUTPUTS, SITE, Options
from libya_israel_data.outputs.site import build_site

from .conftest import build_case


def _option(command: click.Command, name: str) -> click.Option:
    (option,) = [p for p in command.params if p.name == name]
    assert isinstance(option, click.Option)
    return option


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    command = cli.commands["export"]
    choice = _option(command, "fmt").type
    assert isinstance(choice, click.Choice)
    assert list(choice.choices) == list(FORMATS)
    help_text = _option(command, "fmt").help or ""
    for f in FORMATS.values():
        assert f"{f.name}: {f.summary}" in help_text
        assert f.label in (command.short_help or "")
    files = [f.name for f in FORMATS.values() if not f.folder]
    folders = [f.name for f in FORMATS.values() if f.folder]
    assert _option(command, "output").help == (
        f"The file ({', '.join(files)}) or folder ({', '.join(folders)}) to write."
    )


def test_each_option_is_offered_only_to_the_formats_that_take_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    takes = {
        o: [f.name for f in FORMATS.values() if o in f.options] for o in Options.__match_args__
    }
    assert takes["spreadsheet_safe"] == ["csv"] and takes["datasette_metadata"] == ["sqlite"]
    for option in ("spreadsheet_safe", "datasette_metadata"):
        flag = "--" + option.replace("_", "-")
        for f in FORMATS.values():
            if option in f.options:
                continue
            out = tmp_path / f"x{f.extensions[0]}" if not f.folder else tmp_path / "x"
            result = CliRunner().invoke(cli, ["export", "--format", f.name, "-o", str(out), flag])
            assert result.exit_code == 2, (f.name, flag, result.output)
            assert f"{flag} applies to --format {', '.join(takes[option])} only" in result.output
            with pytest.raises(ValueError, match=f"{option} applies to {takes[option][0]} exp"):
                export(f.name, out, **{option: True})
            assert not out.exists()


def test_every_extension_names_its_format() -> None:
    for f in FORMATS.values():
        for extension in f.extensions:
            for case in (extension, extension.upper()):
                if f.folder:
                    with pytest.raises(ValueError, match=f"the {f.name} export is a folder"):
                        format_of(f"lid{case}")
                else:
                    assert format_of(f"lid{case}") == f.name
                assert format_of(f"lid{case}", f.name) == f.name
                others = [g for g in FORMATS if g != f.name]
                with pytest.raises(ValueError, match=f"names {f.name}, not {others[0]}"):
                    format_of(f"lid{case}", others[0])
    extensions = [e for f in FORMATS.values() for e in f.extensions]
    assert len(extensions) == len(set(extensions))
    assert format_of("lid") == next(iter(FORMATS))  # no extension: the first, the default


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One real output of every kind (each export format and the site) of the tiny package."""
    tiny = build_case(tmp_path_factory.mktemp("pkg"))
    folder = tmp_path_factory.mktemp("outputs")
    made = {
        f.name: export(
            f.name,
            folder / (f"lid-{f.name}" if f.folder else f"lid{f.extensions[0]}"),
            package=tiny,
        )
        for f in FORMATS.values()
    }
    made[SITE.name] = build_site(folder / "site", package=tiny)
    return made


@pytest.mark.parametrize("kind", list(OUTPUTS))
def test_each_output_check_accepts_its_own_output_and_refuses_every_other(
    kind: str, outputs: dict[str, Path]
) -> None:
    record = OUTPUTS[kind]
    assert record.refusal(outputs[kind]) is None
    for other, path in outputs.items():
        if other == kind:
            continue
        reason = record.refusal(path)
        assert reason is not None and reason.startswith(f"{path} is not a "), (kind, other)
        with pytest.raises(UnsafeTargetError, match=re.escape(reason)):
            record.check_previous(path)


def test_force_refuses_to_replace_another_formats_output(
    outputs: dict[str, Path], tmp_path: Path
) -> None:
    """Through export(): a GEXF file is not replaced by a GraphML export of the same name."""
    tiny = build_case(tmp_path / "pkg")
    before = outputs["gexf"].read_bytes()
    with pytest.raises(UnsafeTargetError, match="not a graphml file"):
        export("graphml", outputs["gexf"], package=tiny, force=True)
    assert outputs["gexf"].read_bytes() == before


def test_every_export_format_has_a_writer_and_a_media_type() -> None:
    for f in FORMATS.values():
        assert f.write is not None and f.media_type and f.label and f.summary, f.name
        assert (f.signature is None) == f.folder, f.name
    assert SITE.name not in FORMATS and SITE.write is None
