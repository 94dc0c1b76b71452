"""The configuration file: the defaults a project would otherwise repeat on every run.

In: the working folder.  Out: the defaults of the nearest `plancheck.toml` (keys at its
top) or `pyproject.toml` with a `[tool.plancheck]` table, looking upwards, applied to
the parsed arguments where the command line left them out — explicit flags win.

    [tool.plancheck]
    rules = "rules/my-plan"      # the default suite (relative to the file's folder)
    as-of = 2023
    fail-on = "warning"
    format = "text"              # for every command that writes this format
    lang = "en"                  # check's reports for people (default: the plan's `language`)
    [tool.plancheck.lint]
    format = "sarif"             # for one command: must be one it writes

A key the file must not have, or a bad value, is a C7xx diagnostic at its line
(with did-you-mean), exit 2: a typo never silently leaves a default in force.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.cli.options import say
from checker.diagnostics import Diagnostic, DiagnosticError, did_you_mean
from checker.source import SourceFile, Span
from reports import FORMATS

KEYS = ("rules", "as-of", "fail-on", "format", "lang")
COMMANDS = ("analyze", "check", "explain", "lint", "schema", "suite", "test")
FAIL_ON = ("error", "warning", "unknown", "never")
LANGS = ("zh", "en")
# argparse destination of each key, and its value when neither flag nor file gives one
DEST = {"rules": "configured_rules", "as-of": "as_of", "fail-on": "fail_on", "format": "format",
        "lang": "lang"}
BUILT_IN = {"fail_on": "error", "format": "text"}


@dataclass(frozen=True)
class Config:
    path: Path
    source: SourceFile
    table: str  # "" for plancheck.toml, "tool.plancheck" for pyproject.toml
    values: dict[str, Any]

    @property
    def shown(self) -> str:
        return self.source.path


def find(start: Path) -> Config | None:
    """The nearest configuration at or above `start`; `plancheck.toml` before
    `pyproject.toml` in one folder; a pyproject without `[tool.plancheck]` is passed over."""
    for folder in [start, *start.parents]:
        for name, table in (("plancheck.toml", ""), ("pyproject.toml", "tool.plancheck")):
            path = folder / name
            if path.is_file():
                found = _read(path, table)
                if found is not None:
                    return found
    return None


def apply(args: argparse.Namespace, command: str, config: Config | None) -> None:
    """Fill the options `args` left unset from `config`, then the built-in defaults."""
    if config is not None:
        for key, value in _settings(config, command, args):
            dest = DEST[key]
            if getattr(args, dest, None) is None and hasattr(args, "rules" if key == "rules"
                                                              else dest):
                setattr(args, dest, value)
    for dest, value in BUILT_IN.items():
        if hasattr(args, dest) and getattr(args, dest) is None:
            setattr(args, dest, value)


def _read(path: Path, table: str) -> Config | None:
    shown = _display(path)
    try:
        source = SourceFile.read(path, shown)
        document = tomllib.loads(source.text)
    except (OSError, UnicodeDecodeError) as error:
        raise _error("C701", f"cannot read `{shown}`: {error}", Span(shown, 0, 0, 0, 0)) from None
    except tomllib.TOMLDecodeError as error:
        line, column = _position(str(error))
        raise DiagnosticError([Diagnostic(
            "C701", f"`{shown}` is not TOML: {str(error).split(' (at ')[0]}",
            Span(shown, line, column, line, column + 1))], {shown: source}) from None
    values: Any = document
    for part in table.split(".") if table else ():
        if not isinstance(values, dict) or part not in values:
            return None
        values = values[part]
    if not isinstance(values, dict):
        raise _error("C703", f"`{table}` must be a table", Span(shown, 1, 1, 1, 2), source)
    return Config(path, source, table, values)


def _settings(config: Config, command: str, args: argparse.Namespace
              ) -> Iterator[tuple[str, Any]]:
    """(key, value) for `command`: its own table's over the top-level ones, each checked."""
    problems: list[Diagnostic] = []
    top: dict[str, Any] = {}
    own: dict[str, Any] = {}
    for key, value in config.values.items():
        if key in COMMANDS and isinstance(value, dict):
            for inner, item in value.items():
                checked = _checked(config, f"{key}.{inner}", inner, item, problems, key)
                if key == command and checked is not None:
                    own[inner] = checked
        else:
            checked = _checked(config, key, key, value, problems, None)
            if checked is not None:
                top[key] = checked
    if problems:
        raise DiagnosticError(problems, {config.shown: config.source})
    choices = _format_choices(args)
    if "format" in top and top["format"] not in FORMATS:  # no command writes it: a typo
        raise _error("C703", f"no command writes format `{top['format']}`",
                     _span(config, "format"), config.source,
                     help="formats: " + ", ".join(f"`{name}`" for name in FORMATS))
    if "format" in top and top["format"] not in choices:  # `format = "html"` is for check
        say(args, f"the configured format `{top.pop('format')}` is not one `{command}` "
            "writes; it keeps its default")
    if "format" in own and own["format"] not in choices:
        raise _error("C703", f"`{command}` cannot write format `{own['format']}`",
                     _span(config, f"{command}.format"), config.source,
                     help="it writes " + ", ".join(f"`{c}`" for c in choices))
    yield from {**top, **own}.items()


def _checked(config: Config, where: str, key: str, value: Any, problems: list[Diagnostic],
             command: str | None) -> Any:
    span = _span(config, where)
    if key == "language":  # the plan header's word; the flag and this file say `lang`
        problems.append(Diagnostic(
            "C702", f"unknown key `{where}` in {_name(config)}", span,
            help="did you mean `lang`? (`language \"zh\"` is written in the plan header)"))
        return None
    if key not in KEYS:
        choices = [*KEYS, *(() if command else COMMANDS)]
        problems.append(Diagnostic(
            "C702", f"unknown key `{where}` in {_name(config)}", span,
            help=did_you_mean(key, choices) or "the keys: " + ", ".join(f"`{k}`" for k in KEYS)))
        return None
    if key == "rules":
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(v, str) and v.strip() for v in items):
            problems.append(Diagnostic("C703", "`rules` must be a path or a list of paths",
                                       span))
            return None
        return [str(config.path.parent / v) for v in items]
    if key == "as-of":  # 2023, "2023-06-30" or a TOML date 2023-06-30
        if isinstance(value, bool) or not isinstance(value, int | str | datetime.date) \
                or isinstance(value, datetime.datetime):
            problems.append(Diagnostic("C703", "`as-of` must be a year or a date such as "
                                       "\"2023-06-30\"", span))
            return None
        return str(value)
    allowed = FAIL_ON if key == "fail-on" else LANGS if key == "lang" else None
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        problems.append(Diagnostic(
            "C703", f"`{key}` cannot be {json.dumps(value, ensure_ascii=False, default=str)}",
            span,
            help=(did_you_mean(str(value), allowed) if allowed else "") or
            ("one of " + ", ".join(f"`{a}`" for a in allowed) if allowed else "write a string")))
        return None
    return value


def _format_choices(args: argparse.Namespace) -> tuple[str, ...]:
    choices: tuple[str, ...] = getattr(args, "format_choices", ())
    return choices


def _name(config: Config) -> str:
    return f"[{config.table}]" if config.table else f"`{config.shown}`"


def _span(config: Config, where: str) -> Span:
    """The line of `key` (in its table): TOML readers keep no positions, so it is looked for."""
    *tables, key = where.split(".")
    header = ".".join([config.table, *tables] if config.table else tables)
    inside = header == ""
    pattern = re.compile(rf"\s*(\"{re.escape(key)}\"|{re.escape(key)})\s*=")
    for number in range(1, config.source.line_count + 1):
        text = config.source.line_text(number)
        stripped = text.strip()
        if stripped.startswith("["):
            inside = stripped.strip("[] ") == header
            continue
        match = pattern.match(text)
        if inside and match:
            column = len(text) - len(text.lstrip()) + 1
            return Span(config.shown, number, column, number, column + len(match.group(1)))
    return Span(config.shown, 0, 0, 0, 0)


def _position(message: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _display(path: Path) -> str:
    from checker.syntax.suite import display_path

    return display_path(path)


def _error(code: str, message: str, span: Span, source: SourceFile | None = None,
           help: str = "") -> DiagnosticError:
    return DiagnosticError([Diagnostic(code, message, span, help=help)],
                           {source.path: source} if source is not None else {})
