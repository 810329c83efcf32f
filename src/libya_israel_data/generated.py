"""Files generated from the schemas, the issue catalogue and the CLI, so that they cannot drift.

``libya-israel-data generate`` rewrites them; the tests fail when one is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from .paths import shipped_descriptor
from .schema import load_package


def json_schemas(root: Path) -> dict[Path, str]:
    """``schemas/json/<resource>.schema.json``: JSON Schemas of the records (from the models)."""
    from .export.json import json_schema

    package = load_package(root / "datapackage.json")
    return {
        root / "schemas" / "json" / f"{r.name}.schema.json": json.dumps(
            json_schema(r), ensure_ascii=False, indent=2
        )
        + "\n"
        for r in package.resources
    }


def all_files(root: Path | None = None) -> dict[Path, str]:
    """Every generated file of the checkout at ``root`` and its expected content."""
    root = root or shipped_descriptor().parent
    return {
        **json_schemas(root),
        root / "docs" / "data-dictionary.md": data_dictionary(root),
        root / "docs" / "errors.md": error_reference(root),
        root / "docs" / "cli.md": cli_reference(),
    }


def write_all(root: Path | None = None) -> list[Path]:
    """Write every generated file whose content changed; return those paths."""
    changed = []
    for path, text in all_files(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed


def data_dictionary(root: Path) -> str:
    """``docs/data-dictionary.md``: every resource and field, from the Table Schemas."""
    package = load_package(root / "datapackage.json")
    titles = {r["name"]: r.get("title", r["name"]) for r in package.descriptor["resources"]}
    out = [
        "# Data dictionary",
        "",
        "Generated from `datapackage.json` and `schemas/` by `libya-israel-data generate`; "
        "do not edit by hand.",
        "",
        "Every field is stored as text. Dates use the EDTF subset `YYYY`, `YYYY-MM`, "
        "`YYYY-MM-DD`, optionally followed by `~`, `?` or `%`, or an interval `A/B`.",
    ]
    for r in package.resources:
        out += [
            "",
            f"## `{r.name}`: {titles[r.name]}",
            "",
            f"File `{r.path}`, schema `{r.schema_path}`. Primary key: "
            f"`{', '.join(r.primary_key)}`.",
        ]
        if r.foreign_keys:
            refs = "; ".join(
                f"`{', '.join(fk.fields)}` → `{fk.resource}.{', '.join(fk.reference)}`"
                for fk in r.foreign_keys
            )
            out.append(f"Foreign keys: {refs}.")
        out += ["", "| field | type | required | constraints | meaning |", "|---|---|---|---|---|"]
        for f in r.fields:
            rules = []
            if f.edtf:
                rules.append("EDTF date")
            if f.enum:
                rules.append("one of " + ", ".join(f"`{v}`" for v in f.enum))
            elif f.pattern and not f.edtf:
                rules.append(f"pattern `{f.pattern}`")
            if f.max_length:
                rules.append(f"at most {f.max_length} characters")
            if f.unique:
                rules.append("unique")
            cells = [
                f"`{f.name}`",
                f.type,
                "yes" if f.required else "",
                "; ".join(rules),
                f.description.replace("|", "\\|"),
            ]
            out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def error_reference(root: Path) -> str:
    """``docs/errors.md``: every issue code, what triggers it, an example and the fix.

    Examples come from the bad-input corpus (``tests/bad_inputs``), run through the validator,
    so they show what the validator really prints.
    """
    import tempfile

    from .issues import CATALOGUE
    from .validation import validate

    corpus = root / "tests" / "bad_inputs"
    examples: dict[str, tuple[str, str, str]] = {}
    if corpus.is_dir():
        import importlib.util

        spec = importlib.util.spec_from_file_location("_corpus", root / "tests" / "conftest.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        for case in sorted(p for p in corpus.iterdir() if (p / "case.json").is_file()):
            about = json.loads((case / "case.json").read_text(encoding="utf-8"))["about"]
            with tempfile.TemporaryDirectory() as tmp:
                report = validate(module.build_case(Path(tmp) / "pkg", case))
            for issue in report.issues:
                if issue.code not in examples:
                    line = issue.to_text().split("; hint:")[0] + f" [{issue.code}]"
                    examples[issue.code] = (case.name, about, line)
    out = [
        "# Validation issues",
        "",
        "Generated from the issue catalogue (`src/libya_israel_data/issues.py`) and the "
        "bad-input corpus (`tests/bad_inputs/`) by `libya-israel-data generate`; do not edit "
        "by hand.",
        "",
        "Each issue has a stable `code`. Codes shared with frictionless mean the same thing. "
        "`error` fails validation (exit code 1); `warning` does not.",
    ]
    layers: dict[str, list] = {}
    for t in CATALOGUE.values():
        layers.setdefault(t.layer, []).append(t)
    for layer, types in layers.items():
        out += ["", f"## Layer: {layer}"]
        for t in types:
            out += [
                "",
                f"### `{t.code}`: {t.title}",
                "",
                f"Severity: {t.severity}.",
                "",
                t.description,
                "",
            ]
            if t.code in examples:
                name, about, line = examples[t.code]
                out += [f"Example (corpus case `{name}`: {about})", "", "```", line, "```", ""]
            elif t.example:
                out += [f"Example: {t.example}", ""]
            out.append(f"Fix: {t.hint}.")
    return "\n".join(out) + "\n"


def cli_reference() -> str:
    """``docs/cli.md``: the commands' own help texts."""
    from click.testing import CliRunner

    from .cli import cli

    out = [
        "# Command-line reference",
        "",
        "Generated from the commands' own `--help` by `libya-israel-data generate`; "
        "do not edit by hand.",
        "",
        "```",
        _help(CliRunner(), []),
        "```",
    ]
    for name, command in sorted(cli.commands.items()):
        if command.hidden:
            continue
        out += ["", f"## `libya-israel-data {name}`", "", "```", _help(CliRunner(), [name]), "```"]
    return "\n".join(out) + "\n"


def _help(runner, args: list[str]) -> str:
    from .cli import cli

    result = runner.invoke(
        cli, [*args, "--help"], prog_name="libya-israel-data", terminal_width=100
    )
    return result.output.rstrip()
