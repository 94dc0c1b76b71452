"""The checked suite, cached on disk: parse and type-check a suite once per content.

In: suite paths (None: the bundled suite).  Out: `(LoadedSuite, CheckedSuite)`, the
same as `load_suite` then `typecheck` — read from the cache when nothing it depends on
changed, built and stored otherwise.  Bad suites raise their `DiagnosticError` and are
never cached.

The key is a BLAKE2 hash of the tool version, the code that builds a suite (the
grammar, the prelude, the `syntax` and `types` modules), the working folder (spans
name files relative to it) and the name and bytes of every suite file: any change
gives a new key.  Entries are pickles written to a temporary file and renamed, so
concurrent runs never read half a file; a damaged entry is a miss.  The folder is
`$PLANCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/plancheck`, else `~/.cache/plancheck`;
it is used only when it belongs to the user and nobody else may write it (a pickle
runs code when read).  `PLANCHECK_NO_CACHE=1` or `use_cache=False` (`--no-cache`)
turn it off.  Imports `syntax.suite` (only on a miss), `typecheck`; no lark on a hit.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import io
import os
import pickle
import stat
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.types.typed import CheckedSuite

if TYPE_CHECKING:
    from checker.syntax.suite import LoadedSuite

CODE = Path(__file__).parents[1]  # the installed `checker` folder
KEEP = 64  # entries kept; the oldest beyond are removed when one is written
_SUFFIX = ".suite.pickle"


def load_checked(paths: Sequence[str | Path] | None = None, *,
                 use_cache: bool = True) -> tuple[LoadedSuite, CheckedSuite]:
    """The loaded and the checked suite of `paths`, from the cache when it is fresh."""
    from checker.syntax.suite import BUNDLED, PRELUDE, display_path, rule_files

    folder = cache_folder() if use_cache and not os.environ.get("PLANCHECK_NO_CACHE") else None
    files, problems = rule_files(list(paths) if paths else [BUNDLED])
    entry, named = None, []
    if folder is not None and not problems:
        named = [("<prelude>", PRELUDE), *((display_path(f), f) for f in files)]
        entry = _entry(folder, named, paths)
        hit = _read(entry) if entry is not None else None
        if hit is not None:
            return hit
    built = _build(paths)
    unchanged = folder is not None and entry is not None and _entry(folder, named, paths) == entry
    if unchanged and entry is not None:  # no file changed while it was being built
        _write(entry, built)
    return built


def _build(paths: Sequence[str | Path] | None) -> tuple[LoadedSuite, CheckedSuite]:
    from checker.syntax.suite import load_suite
    from checker.types.typecheck import typecheck

    loaded = load_suite(paths)
    return loaded, typecheck(loaded.suite)


def cache_folder() -> Path | None:
    """The cache folder, created private to the user; None when it cannot be trusted."""
    configured = os.environ.get("PLANCHECK_CACHE_DIR")
    if configured:
        folder = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "plancheck"
    folder = folder / "suites"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid()
                                  or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None
    return folder


@cache
def code_fingerprint() -> bytes:
    """What a cached suite was built by: the tool version (`checker/__init__.py` holds it)
    and the code of `syntax` and `types` (and `frozen`, which builds their classes)."""
    digest = hashlib.blake2b(b"plancheck suite cache 1", digest_size=16)
    for path in sorted([CODE / "__init__.py", *(CODE / "syntax").rglob("*.py"),
                        *(CODE / "types").glob("*.py"),
                        CODE / "syntax" / "policy.lark", CODE / "syntax" / "prelude.rules",
                        CODE / "source.py", CODE / "diagnostics.py", CODE / "codes.py",
                        CODE / "frozen.py"]):
        digest.update(path.relative_to(CODE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def _entry(folder: Path, named: list[tuple[str, Path]],
           paths: Sequence[str | Path] | None) -> Path | None:
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    digest.update(os.getcwd().encode("utf-8", "surrogateescape") + b"\0")
    root = [str(Path(p)) for p in paths] if paths else ["<bundled>"]
    digest.update("\0".join(root).encode("utf-8", "surrogateescape") + b"\0\0")
    for shown, path in named:
        try:
            data = path.read_bytes()
        except OSError:
            return None  # the build reports it
        digest.update(shown.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(data).to_bytes(8, "little") + data)
    return folder / (digest.hexdigest() + _SUFFIX)


def _read(entry: Path) -> tuple[LoadedSuite, CheckedSuite] | None:
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    collecting = gc.isenabled()
    gc.disable()  # ~400,000 new objects at 10,000 rules: collections would find no garbage
    try:
        loaded, checked = pickle.loads(data)
    except Exception:  # a damaged or stale entry (any unpickling error): build again
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(checked, CheckedSuite):
        return None
    return loaded, checked


def _write(entry: Path, built: tuple[LoadedSuite, CheckedSuite]) -> None:
    """Atomically: a temporary file in the same folder, then a rename over the entry."""
    import tempfile  # only when writing: it brings shutil, bz2, lzma, random (start-up)

    try:
        data = _dumps(built)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-",
                                             suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(entry.parent)
    except (OSError, pickle.PicklingError, RecursionError):
        return  # a cache that cannot be written is only slower


def _dumps(built: tuple[LoadedSuite, CheckedSuite]) -> bytes:
    buffer = io.BytesIO()
    _FastPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(built)
    return buffer.getvalue()


class _FastPickler(pickle.Pickler):
    """Frozen slotted dataclasses (spans, syntax and typed nodes) pickled as a call of the
    class with their fields: the default `__setstate__` dataclasses give them calls
    `fields()` per object, 5 of the 6 s a 10,000-rule suite took to read."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls not in _FIELDS:
            _FIELDS[cls] = _constructor_fields(cls)
        names = _FIELDS[cls]
        if names is None:
            return NotImplemented
        return cls, tuple(getattr(obj, name) for name in names)


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _constructor_fields(cls: type) -> tuple[str, ...] | None:
    """Field names when `cls(*values)` rebuilds an instance exactly: a frozen, slotted
    dataclass with the generated `__init__` taking every field and no `__post_init__`."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not (params.frozen and params.init) or "__slots__" not in vars(cls):
        return None
    if hasattr(cls, "__post_init__") or not _generated(vars(cls).get("__init__")):
        return None
    fields = dataclasses.fields(cls)
    if not all(field.init and not field.kw_only for field in fields):
        return None
    return tuple(field.name for field in fields)


def _generated(init: Callable[..., object] | None) -> bool:
    """Whether `__init__` is the one `dataclass` wrote (it compiles it from a string)."""
    code = getattr(init, "__code__", None)
    return code is not None and code.co_filename == "<string>"


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob("*" + _SUFFIX):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)

