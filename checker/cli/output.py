"""Writing a command's `-o FILE`: all or nothing, never over an input.

A report written with `Path.write_text` is truncated first, so a full disk, a
size limit or a bad input leaves half a file, or none, where yesterday's report
was; and `-o` naming the data file (by any spelling, a hard link or a symlink)
destroys the input.  Here the text goes to a temporary file beside the target,
is flushed to disk and renamed over it in one step; special files (`/dev/null`,
a pipe, a terminal) are written in place, as they cannot be replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import Span
from checker.syntax.suite import shown_path

STDOUT = "-"


@dataclass(frozen=True)
class OutputCodes:
    """The codes a command reports its `-o` problems with (its stage's letter)."""

    cannot_write: str
    names_an_input: str


def write_output(target: str | None, text: str | bytes, inputs: Iterable[str | Path],
                 codes: OutputCodes) -> None:
    """Write `text` (or the bytes of a workbook) to `target` (`None` or `-`: standard
    output) or raise a diagnostic."""
    if target is None or target == STDOUT:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    path = Path(target)
    _refuse_inputs(path, target, inputs, codes)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if _is_special(path):
            with path.open("wb") as stream:
                stream.write(data)
        else:
            _replace(path, data)
    except OSError as error:
        raise _cannot(target, _reason(error), codes) from None


def _refuse_inputs(path: Path, target: str, inputs: Iterable[str | Path],
                   codes: OutputCodes) -> None:
    if target.strip() == "":
        raise _cannot(target, "the file name is empty", codes)
    if path.is_dir():
        raise _cannot(target, "it is a folder", codes, help="name a file in it, e.g. "
                      f"`-o {Path(target) / 'report.txt'}`")
    parent = path.parent
    if not parent.exists():
        raise _cannot(target, f"there is no folder `{parent}`", codes)
    if not parent.is_dir():
        raise _cannot(target, f"`{parent}` is not a folder", codes)
    for given in inputs:  # a bundled suite's file may be shown as `suite:NAME/FILE`
        if _same_file(path, shown_path(str(given))):
            raise DiagnosticError([Diagnostic(
                codes.names_an_input, f"`-o {target}` names the input `{given}`; writing the "
                "report there would destroy it", Span(target, 0, 0, 0, 0),
                help="write the report to another file")])


def _same_file(path: Path, given: Path) -> bool:
    """The same file by any spelling, hard link or symlink (or the symlink's target)."""
    with contextlib.suppress(OSError):
        if path.exists() and given.exists() and os.path.samefile(path, given):
            return True
    with contextlib.suppress(OSError, RuntimeError):
        return path.resolve() == given.resolve()
    return False


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _replace(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, rename: the old file or the new one."""
    import tempfile  # only when writing: it brings shutil, bz2, lzma, random (start-up)

    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, _final(path))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _final(path: Path) -> Path:
    """A symlinked report is replaced at its target, so the link stays a link."""
    return path.resolve() if path.is_symlink() else path


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _cannot(target: str, reason: str, codes: OutputCodes, help: str = "") -> DiagnosticError:
    return DiagnosticError([Diagnostic(codes.cannot_write, f"cannot write `{target}`: {reason}",
                                       Span(target, 0, 0, 0, 0), help=help)])
