"""The CLI's process defaults (`checker.cli.process`): pydantic's plugin loader stood in for
while plugins are off, without `importlib.metadata`, and handed over when they are turned on."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, os, sys
os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
os.environ.pop("OPENBLAS_NUM_THREADS", None)
from checker.cli.process import settle, stand_in_plugin_loader
settle()
stand_in_plugin_loader()
from pydantic import create_model
model = create_model("M", x=(int, ...))
off = [model(x="3").x, "importlib.metadata" in sys.modules, os.environ["OPENBLAS_NUM_THREADS"]]
from pydantic.plugin._loader import get_plugins
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "some-other-plugin"
plugins = list(get_plugins())
real = sys.modules["pydantic.plugin._loader"]
print(json.dumps(off + [plugins, real.get_plugins is not get_plugins,
                        "importlib.metadata" in sys.modules]))
"""


def test_plugins_off_need_no_entry_points_and_turning_them_on_reaches_the_real_loader() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          check=True)
    value, metadata_while_off, threads, plugins, handed_over, metadata_after = \
        json.loads(done.stdout)
    assert (value, metadata_while_off, threads) == (3, False, "1")
    assert plugins == [] and handed_over and metadata_after


def test_a_users_own_settings_win() -> None:
    probe = ("import os; os.environ['OPENBLAS_NUM_THREADS'] = '4'; "
             "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'x'; "
             "from checker.cli.process import settle, stand_in_plugin_loader; settle(); "
             "stand_in_plugin_loader(); import sys; "
             "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['PYDANTIC_DISABLE_PLUGINS'],"
             " 'pydantic.plugin._loader' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["4", "x", "False"]


def test_arrow_and_numpy_use_small_pages_unless_the_user_says_otherwise() -> None:
    """The CLI's run has Arrow's system pool and numpy's huge pages off (its process is
    settled before either is imported); an allocator the user chose is kept."""
    probe = ("import os; [os.environ.pop(k, None) for k in ('ARROW_DEFAULT_MEMORY_POOL', "
             "'NUMPY_MADVISE_HUGEPAGE')]; {own}"
             "from checker.cli.process import settle; settle(); import numpy, pyarrow; "
             "print(pyarrow.default_memory_pool().backend_name, "
             "os.environ['NUMPY_MADVISE_HUGEPAGE'])")
    default = subprocess.run([sys.executable, "-c", probe.format(own="")], capture_output=True,
                             text=True, check=True)
    assert default.stdout.split() == ["system", "0"]
    own = "os.environ['ARROW_DEFAULT_MEMORY_POOL'] = 'mimalloc'; "
    chosen = subprocess.run([sys.executable, "-c", probe.format(own=own)], capture_output=True,
                            text=True, check=True)
    assert chosen.stdout.split() == ["mimalloc", "0"]
