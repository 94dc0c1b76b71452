"""`plancheck schema [RECORD] [SUITE…] [--json-schema]`: what a record must contain.

Prints a record schema as a table — field, type, unit, required, default,
label — followed by the values each enum or ordinal field takes; or, with
`--json-schema`, the JSON Schema of one record mapping (`checker.data.schemas`).
Without RECORD, the suite's only record (or every record, one table each).
An unknown record is a diagnostic with did-you-mean (exit 2).
"""

from __future__ import annotations

import argparse
import io
import json
import sys

from rich.console import Console
from rich.table import Table

from checker.cli import options
from checker.diagnostics import Diagnostic, DiagnosticError, did_you_mean
from checker.types import typed as t
from checker.types.units import BARE, format_quantity

HELP = "print a record schema as a table or as JSON Schema"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="RECORD|SUITE",
                        help="record name, e.g. project (default: every record of the suite), "
                        "and suite folders or .rules files")
    options.suite(parser, positional=None)
    parser.add_argument("--json-schema", action="store_true",
                        help="print the JSON Schema of one record mapping")


def run(args: argparse.Namespace) -> int:
    from checker.cli.stdin import checked_from

    suites, records = options.split_suites(args.names, dash="suite")
    if len(records) > 1:
        raise DiagnosticError([Diagnostic(
            "C720", "`plancheck schema` shows one record or all: "
            + ", ".join(f"`{r}`" for r in records) + " are more than one",
            help="name one record; a suite is a folder or a .rules file")])
    _, checked = checked_from(args, options.suite_paths(args, suites))
    schemas = _chosen(checked, records[0] if records else None)
    if args.json_schema:
        from checker.data.schemas import json_schema

        if len(schemas) != 1:
            raise DiagnosticError([Diagnostic(
                "T249", "`--json-schema` needs one record",
                help="name it: " + ", ".join(f"`plancheck schema {s.name} --json-schema`"
                                             for s in schemas))])
        document = json_schema(schemas[0], checked.units)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
                         + "\n")
        return 0
    sys.stdout.write("\n".join(table(s, color=options.color(args)) for s in schemas))
    return 0


def _chosen(checked: t.CheckedSuite, name: str | None) -> list[t.RecordSchema]:
    if name is None:
        if not checked.schemas:
            raise DiagnosticError([Diagnostic("T249", "the suite declares no record",
                                              help="declare one with `record NAME { … }`")])
        return list(checked.schemas.values())
    if name not in checked.schemas:
        names = list(checked.schemas)
        raise DiagnosticError([Diagnostic(
            "T249", f"unknown record `{name}`",
            help=did_you_mean(name, names) or ("the suite's records: " + ", ".join(
                f"`{n}`" for n in names) if names else "the suite declares no record"))])
    return [checked.schemas[name]]


def table(schema: t.RecordSchema, *, color: bool = False) -> str:
    """The schema as a plain-text table (headings in colour on a terminal), then the
    values of its enum fields."""
    buffer = io.StringIO()
    # wide enough that no column is cut (a Chinese label, a long field name): lines are
    # stripped on the right
    console = Console(file=buffer, no_color=not color, force_terminal=color, width=1000,
                      highlight=False, emoji=False)
    title = f"record {schema.name}" + (f" ({schema.display})" if schema.display else "")
    console.print(title, style="bold", markup=False)
    grid = Table(show_edge=False, box=None, pad_edge=False, padding=(0, 2, 0, 0),
                 header_style="bold cyan" if color else "")
    for column in ("field", "type", "unit", "range", "required", "default", "label"):
        grid.add_column(column, no_wrap=True)
    for spec in schema.fields.values():
        grid.add_row(spec.name, type_name(spec.type), unit_name(spec), range_text(spec),
                     "yes" if spec.required else "", default_text(spec), spec.label or "")
    console.print(grid)
    enums = [(s.name, s.type) for s in schema.fields.values() if isinstance(s.type, t.EnumT)]
    if enums:
        console.print()
        for field, enum in enums:
            joiner = " < " if enum.ordered else ", "
            console.print(f"{field}: {joiner.join(enum.items)}", soft_wrap=True)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def type_name(ftype: t.Type) -> str:
    match ftype:
        case t.QuantityT(unit=unit):
            return "number" if unit.dimension == BARE else f"quantity ({unit.dimension})"
        case t.EnumT(name=name, ordered=ordered):
            return f"{'ordinal' if ordered else 'enum'} {name}"
        case t.BoolT():
            return "bool"
        case t.YearT():
            return "year"
        case t.TextT():
            return "text"


def unit_name(spec: t.FieldSpec) -> str:
    """The field's unit; a bare number's none, unless typed `count` (whole numbers only):
    a ratio typed `one` is no count."""
    ftype = spec.type
    if isinstance(ftype, t.QuantityT):
        if ftype.unit.dimension == BARE and not ftype.unit.symbol:
            return "count" if spec.whole else ""
        return ftype.unit.symbol or ftype.unit.name
    return ""


def range_text(spec: t.FieldSpec) -> str:
    """The values the field may hold (`>= 0 km`, `0%..100%`), as D327 checks them."""
    unit = spec.type.unit if isinstance(spec.type, t.QuantityT) else None
    if spec.low is None and spec.high is None:
        return ""
    if isinstance(spec.type, t.YearT):
        ends = [str(int(x)) if x is not None else None for x in (spec.low, spec.high)]
    else:
        ends = [format_quantity(float(x), unit) if x is not None else None
                for x in (spec.low, spec.high)]
    low, high = ends
    if low is not None and high is not None:
        return f"{low}..{high}"
    return f">= {low}" if low is not None else f"<= {high}"


def default_text(spec: t.FieldSpec) -> str:
    value = spec.default
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(spec.type, t.QuantityT) and not isinstance(value, str):
        return format_quantity(float(value), spec.type.unit)
    return str(value)
