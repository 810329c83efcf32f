"""Files generated from the data contract, the issue catalogue and the CLI, so they cannot drift.

A contributor tool, not part of the installed package:

    python tools/generate.py           # rewrite every generated file that is stale
    python tools/generate.py --check   # list stale files and exit 1; write nothing

The tests fail when a generated file is stale.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path

from libya_israel_data import contract
from libya_israel_data.contract import RESOURCES

ROOT = Path(__file__).resolve().parents[1]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def package_schemas(root: Path) -> dict[Path, str]:
    """``schemas/<resource>.schema.json``: the package's copies of the contract's Table Schemas,
    which Frictionless tools read beside ``datapackage.json``."""
    return {
        root / contract.schema_path(name): _json(contract.reference_schema(name))
        for name in RESOURCES
    }


def json_schemas(root: Path) -> dict[Path, str]:
    """``schemas/json/<resource>.schema.json``: JSON Schemas of the records (from the models)."""
    from libya_israel_data.outputs.export.json import json_schema

    return {
        root / "schemas" / "json" / f"{name}.schema.json": _json(json_schema(r))
        for name, r in contract.reference().items()
    }


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def field_constants() -> str:
    """``contract/fields.py``: every resource's field names, and every enum's values, as typed
    constants, so that code names a field as ``Claims.statement`` (checked by ruff and a type
    checker) and a value as ``Meetings.Contact.DIRECT``."""
    lines = [
        '"""The data contract\'s resource names, field names and enum values as typed constants.',
        "",
        "Generated from ``contract/schemas/`` by ``python tools/generate.py``; do not edit by "
        "hand.",
        "Code outside the contract names a field as ``Claims.statement``, never as a string "
        "literal",
        "(``tests/test_architecture.py`` checks it), and an enum value as",
        '``Meetings.Contact.DIRECT``, a :class:`~enum.StrEnum` member equal to ``"direct"``.',
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from enum import StrEnum",
        "from typing import Final",
        "",
        "__all__ = [",
        '    "NAMES",',
        '    "TABLES",',
        *(f'    "{_camel(name)}",' for name in sorted(contract.RESOURCES, key=_camel)),
        "]",
    ]
    for name in contract.RESOURCES:
        r = contract.resource(name)
        doc = f'    """``{r.path}``: {len(r.fields)} fields."""'
        lines += ["", "", f"class {_camel(name)}:", doc, ""]
        lines.append(f'    RESOURCE: Final = "{name}"')
        for f in r.fields:
            lines.append(f'    {f.name}: Final = "{f.name}"')
        lines.append("    FIELDS: Final = (")
        lines += [f'        "{f.name}",' for f in r.fields]
        lines.append("    )")
        for f in r.fields:
            if f.enum:
                doc = f'        """The values of ``{name}.{f.name}``."""'
                lines += ["", f"    class {_camel(f.name)}(StrEnum):", doc, ""]
                lines += [f'        {v.upper()} = "{v}"' for v in f.enum]
    lines += [
        "",
        "",
        '#: Each resource\'s class, in dependency order: ``TABLES["claims"] is Claims``.',
        "TABLES: Final[dict[str, type]] = {",
        *(f"    {_camel(name)}.RESOURCE: {_camel(name)}," for name in contract.RESOURCES),
        "}",
        "",
        "",
        "class _Names:",
        '    """The classes by resource name: ``NAMES.claims.statement`` is'
        ' ``Claims.statement``."""',
        "",
        *(f"    {name}: Final = {_camel(name)}" for name in contract.RESOURCES),
        "",
        "",
        "#: ``NAMES.<resource>.<field>``: the same constants, for code that names the resource.",
        "NAMES: Final = _Names()",
    ]
    return "\n".join(lines) + "\n"


def all_files(root: Path | None = None) -> dict[Path, str]:
    """Every generated file of the checkout at ``root`` and its expected content."""
    root = root or ROOT
    return {
        **package_schemas(root),
        **json_schemas(root),
        root / "src" / "libya_israel_data" / "contract" / "fields.py": field_constants(),
        root / "docs" / "data-dictionary.md": data_dictionary(root),
        root / "docs" / "errors.md": error_reference(root),
        root / "docs" / "cli.md": cli_reference(),
        root / "docs" / "search.md": search_guide(root),
        **pictures(root),
    }


def pictures(root: Path) -> dict[Path, str]:
    """``docs/timeline.svg`` and ``docs/network.svg``: the site's pictures, for the README."""
    import libya_israel_data as lid
    from libya_israel_data.outputs.site.svg import pictures as draw
    from libya_israel_data.outputs.site.views import site_view

    site = site_view(lid.load(root / "datapackage.json", validate=False).package)
    return {root / "docs" / name: svg for name, svg in draw(site).items()}


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
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    titles = {r["name"]: r.get("title", r["name"]) for r in descriptor["resources"]}
    out = [
        "# Data dictionary",
        "",
        "Generated from the data contract (`src/libya_israel_data/contract/schemas/`) and "
        "`datapackage.json` by `python tools/generate.py`; do not edit by hand.",
        "",
        "Every field is stored as text. Dates use the EDTF subset `YYYY`, `YYYY-MM`, "
        "`YYYY-MM-DD`, optionally followed by `~`, `?` or `%`, or an interval `A/B`.",
    ]
    for r in contract.reference().values():
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


@functools.cache
def corpus_examples(root: Path) -> dict[str, tuple[str, str, str]]:
    """The first issue of each code that the bad-input corpus produces: (case, about, line).
    Validating the corpus takes most of this tool's time, and the result does not depend on the
    catalogue's wording, so it is computed once per process."""
    import tempfile

    from libya_israel_data.validation import validate

    corpus = root / "tests" / "bad_inputs"
    examples: dict[str, tuple[str, str, str]] = {}
    if corpus.is_dir():
        import importlib.util

        spec = importlib.util.spec_from_file_location("_corpus", root / "tests" / "corpus.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        for case in sorted(p for p in corpus.iterdir() if (p / "case.json").is_file()):
            about = json.loads((case / "case.json").read_text(encoding="utf-8"))["about"]
            with tempfile.TemporaryDirectory() as tmp:
                report = validate(module.build_case(Path(tmp) / "pkg", case))
            for issue in report.issues:
                if issue.code not in examples:
                    line = issue.to_text().split(" (hint:")[0]
                    examples[issue.code] = (case.name, about, line)
    return examples


def error_reference(root: Path) -> str:
    """``docs/errors.md``: every issue code, what triggers it, an example and the fix.

    Examples come from the bad-input corpus (``tests/bad_inputs``), run through the validator,
    so they show what the validator really prints.
    """
    from libya_israel_data.foundations.catalogue import CATALOGUE
    from libya_israel_data.validation.rules import OUTSIDE_RULES, REGISTRY

    examples = corpus_examples(root)
    emitted_by: dict[str, list[str]] = {}
    for r in REGISTRY:
        for code in r.codes:
            emitted_by.setdefault(code, []).append(r.name)
    out = [
        "# Validation issues",
        "",
        "Generated from the issue catalogue (`src/libya_israel_data/foundations/catalogue.py`), "
        "the rule registry (`src/libya_israel_data/validation/`) and the bad-input corpus "
        "(`tests/bad_inputs/`) by `python tools/generate.py`; do not edit by hand.",
        "",
        "Each issue has a stable `code`. Codes shared with frictionless mean the same thing. "
        "`error` fails validation (exit code 1); `warning` does not (unless `validate "
        "--fail-on-warnings`). A code, or a rule's name as shown under *Reported by*, can be "
        "chosen with `validate --select` and left out with `validate --ignore`.",
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
            if t.code in OUTSIDE_RULES:
                out += [f"Reported by the rule registry: {OUTSIDE_RULES[t.code]}.", ""]
            else:
                out += [
                    "Reported by: " + "; ".join(f"*{name}*" for name in emitted_by[t.code]) + ".",
                    "",
                ]
            if t.code in examples:
                name, about, line = examples[t.code]
                out += [f"Example (corpus case `{name}`: {about})", "", "```", line, "```", ""]
            elif t.example:
                out += [f"Example: {t.example}", ""]
            out.append(f"Fix: {t.hint}.")
    return "\n".join(out) + "\n"


#: The examples of docs/search.md: a query, and a document text it is shown against.
SEARCH_EXAMPLES = [
    ("Ben-Gurion", "Ben Gurion airport"),
    ("Al-Dbeibah", "Dbeibah's government"),
    ("el-Sisi", "President Sisi"),
    ("Mangoush's", "Najla El-Mangoush"),
    ("Dbeibah", "al-Dbeibah's"),
    ("Elmangoush", "Najla Mangoush"),
    ("المَنقوش", "نجلاء المنقوش"),
    ("دبيبة", "والدبيبة"),
    ("إسرائيل", "طائرة خاصة لحفتر بإسرائيل"),
    ("لحفتر", "خليفة حفتر"),
    ("الإسرائيلي", "مسؤولاً إسرائيلياً"),
    ("لليبيا", "ليبيا"),
    ("ليبيا", "زيارة لليبيا"),
    ("بكوهين", "إيلي كوهين"),
    ("كوهين", "لقاء بكوهين"),
    ("خارجية", "وزارة الخارجية"),
    ("לוב", "ישראל ולוב"),
    ("ולוב", "לוב"),
    ("לאלי כהן", "אלי כהן"),
    ("משה", "שה"),
]
EXAMPLES = ("<!-- examples:begin -->", "<!-- examples:end -->")


def search_guide(root: Path) -> str:
    """``docs/search.md``: the prose as written, and its table of examples from the rules."""
    import polars as pl

    from libya_israel_data.dataset.search import index, matches
    from libya_israel_data.foundations.folding import Vocabulary, fold, fold_query

    texts = [doc for _, doc in SEARCH_EXAMPLES]
    vocabulary = Vocabulary(w for t in texts for w in fold(t).split())
    corpus = pl.DataFrame(
        {"resource": "example", "id": [str(i) for i in range(len(texts))], "field": "text"}
    ).with_columns(pl.Series("text", texts), pl.lit(None, pl.String).alias("label"))
    indexed = index(corpus, vocabulary)

    def code(words: object) -> str:
        return ", ".join(f"`{w}`" for w in words) or "none"

    rows = [
        "| query | looks for (each word: one of its phrases, or one of its forms) "
        "| document | its words | its other forms | found |",
        "|---|---|---|---|---|---|",
    ]
    for i, (query, doc) in enumerate(SEARCH_EXAMPLES):
        groups = " and ".join(
            "(" + code(" ".join(p) for p in g.phrases) + "; forms " + code(g.forms) + ")"
            for g in fold_query(query)
        )
        row = indexed.row(i, named=True)
        words = row["folded"].split()
        others = [f for f in dict.fromkeys(row["stems"].split()) if f not in words]
        found = str(i) in set(matches(indexed, query)["id"])
        rows.append(
            f"| {query} | {groups} | {doc} | {code(words)} | {code(others)} "
            f"| {'yes' if found else 'no'} |"
        )
    text = (root / "docs" / "search.md").read_text(encoding="utf-8")
    begin, end = EXAMPLES
    head, rest = text.split(begin, 1)
    return head + begin + "\n" + "\n".join(rows) + "\n" + end + rest.split(end, 1)[1]


def cli_reference() -> str:
    """``docs/cli.md``: the commands' own help texts."""
    from click.testing import CliRunner

    from libya_israel_data.interfaces.cli import cli

    out = [
        "# Command-line reference",
        "",
        "Generated from the commands' own `--help` by `python tools/generate.py`; "
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
    from libya_israel_data.interfaces.cli import cli

    result = runner.invoke(
        cli, [*args, "--help"], prog_name="libya-israel-data", terminal_width=100
    )
    return result.output.rstrip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a file is stale; write nothing")
    args = ap.parse_args(argv)
    if args.check:
        stale = [
            p
            for p, text in all_files().items()
            if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    for path in write_all():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
