"""`checker.data.pyyaml`: PyYAML imported without compiling the pure-Python reader's
character check, which the C loader never uses (start-up, issue 16), and that check
still working when the pure-Python reader runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker.data.pyyaml import NON_PRINTABLE, OnFirstUse, yaml

ROOT = Path(__file__).resolve().parents[2]


def test_the_stand_in_is_pyyaml_s_own_pattern() -> None:
    """The text is PyYAML's (a fresh import, where nothing is deferred, compiles it)."""
    done = subprocess.run([sys.executable, "-c", "import yaml; "
                           "print(repr(yaml.reader.Reader.NON_PRINTABLE.pattern))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == repr(NON_PRINTABLE)


def test_the_pure_python_reader_still_refuses_control_characters() -> None:
    stand_in = OnFirstUse(NON_PRINTABLE)
    assert stand_in.compiled is None and stand_in.search("ab\x07c").start() == 2
    assert stand_in.compiled is not None and stand_in.search("礼贤") is None
    assert yaml.reader.Reader.NON_PRINTABLE.search("ab\x07c").start() == 2
    with pytest.raises(yaml.reader.ReaderError):
        yaml.load("a: b\x07", Loader=yaml.SafeLoader)
    assert yaml.load("a: 礼贤", Loader=yaml.SafeLoader) == {"a": "礼贤"}


def test_a_yaml_check_never_compiles_it() -> None:
    probe = ("import contextlib, io, sys\n"
             "from checker.cli.main import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    main(['check', sys.argv[1]])\n"
             "import yaml\n"
             "print(yaml.reader.Reader.NON_PRINTABLE.compiled is None)\n")
    done = subprocess.run([sys.executable, "-c", probe,
                           str(ROOT / "examples" / "proposals" / "airport-logistics.yaml")],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip().splitlines()[-1] == "True"
