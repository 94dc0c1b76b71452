"""Process-wide settings the CLI makes before it imports anything heavy (issue 16: start-up).

Each is a default a user's own environment overrides, and none changes what a run prints:

* `PYDANTIC_DISABLE_PLUGINS=__all__`: plancheck's models are its own internals, not
  something a pydantic plugin should instrument; looking for plugins reads the entry points
  of every installed package (20 ms and more).  With plugins off, pydantic's plugin loader
  is stood in for by one that finds none without importing `importlib.metadata` (and
  `email`, `zipfile`, `socket`: ~10 ms of a one-proposal check); should the setting be
  changed later in the process, the stand-in hands over to the real loader.
* `OPENBLAS_NUM_THREADS=1`: numpy starts one BLAS thread per core at import; the engine's
  arithmetic is element-wise and never calls BLAS, so those threads only cost start-up
  time (and CPU another process on a busy machine could use).
* `ARROW_DEFAULT_MEMORY_POOL=system` and `NUMPY_MADVISE_HUGEPAGE=0`: Arrow's own allocator
  (mimalloc) and numpy's big arrays ask the kernel for transparent huge pages; a huge page
  is a free 2 MiB block, and on a VM that hands free memory back to its host (virtio
  free-page reporting: the blocks reported are exactly those) each such block is fresh
  host memory, 3-4 µs a 4 KiB page of system time on first touch.  A 10^6-row plan-data
  check after an idle moment spent 3.4-3.9 s of system time so (1.1 s with the system
  pool, 0.7 s with both), the run's user time unchanged; with small pages the memory the
  run frees is reused hot.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

_LOADER = "pydantic.plugin._loader"
_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugins at all"


def settle() -> None:
    """Set the defaults above (a value already set wins)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")


def stand_in_plugin_loader() -> None:
    """While plugins are off, pydantic's plugin loader is the stand-in (once the arguments are
    parsed: `--help` and `--version` leave pydantic's names out of `sys.modules` entirely)."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _OFF and _LOADER not in sys.modules:
        stand_in = types.ModuleType(_LOADER, "plugins are off: none to load (checker.cli.process)")
        stand_in.get_plugins = _get_plugins  # type: ignore[attr-defined]
        sys.modules[_LOADER] = stand_in


def _get_plugins() -> Iterable[Any]:
    """None while plugins are off, as pydantic's own loader answers; else the real loader's."""
    if os.getenv("PYDANTIC_DISABLE_PLUGINS") in _OFF:
        return ()
    if getattr(sys.modules.get(_LOADER), "get_plugins", None) is _get_plugins:
        del sys.modules[_LOADER]
    real: Iterable[Any] = importlib.import_module(_LOADER).get_plugins()
    return real
