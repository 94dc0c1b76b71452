"""`plancheck check --engine dask DATASET` on a real local cluster (2 worker processes).

A partitioned Parquet dataset checked on Dask gives the JSON of the single-process run
over the same files, byte for byte; a bad partition gives the single-process
diagnostics; `--scheduler` problems are usage errors (exit 2, D300).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
ZONES = ["临空经济区", "综合保税区", "京南物流基地", "农业地区", "大兴新城", "其他"]
INDUSTRIES = ["智慧物流", "一般制造业", "公共服务", "现代农业", "商务服务"]


def plancheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def write_dataset(folder: Path, parts: int, rows: int, seed: int = 3) -> list[str]:
    folder.mkdir()
    rng = np.random.default_rng(seed)
    names = []
    for part in range(parts):
        n = rows + part  # partitions of different sizes
        start = part * 10_000
        table = pa.table({
            "id": [f"D{start + i:06d}" for i in range(n)],
            "zone": pa.array(rng.choice(ZONES, n), mask=rng.random(n) < 0.05),
            "industry": pa.array(rng.choice(INDUSTRIES, n), mask=rng.random(n) < 0.05),
            "new_construction_land": rng.gamma(1.0, 0.01, n),
            "occupies_permanent_basic_farmland": rng.random(n) < 0.02,
            "in_ecological_red_line": rng.random(n) < 0.02,
            "new_operating_vehicles": rng.integers(0, 4, n).astype(float),
            "new_energy_vehicle_share": rng.integers(40, 101, n).astype(float),
        })
        name = folder / f"part-{part:03d}.parquet"
        pq.write_table(table, name, row_group_size=700)
        names.append(str(name.relative_to(folder.parent)))
    return names


def test_a_dataset_on_a_local_cluster_gives_the_single_process_json(tmp_path: Path) -> None:
    files = write_dataset(tmp_path / "dataset", parts=3, rows=1500)
    (tmp_path / "plan.csv").write_text("indicator,region,year,value,unit,kind\n"
                                       "urban_rural_construction_land,大兴区,2022,318.5,km2,"
                                       "actual\n", encoding="utf-8")
    on_dask = plancheck("check", "--engine", "dask", "dataset", "plan.csv", "--format", "json",
                        "-o", "dask.json", "--quiet", cwd=tmp_path)
    single = plancheck("check", *files, "plan.csv", "--format", "json", "-o", "one.json",
                       "--quiet", cwd=tmp_path)
    assert on_dask.returncode == single.returncode == 1, on_dask.stderr
    dask_json = (tmp_path / "dask.json").read_bytes()
    assert dask_json == (tmp_path / "one.json").read_bytes()
    assert b'"rows": 4503' in dask_json or b'"rows":4503' in dask_json


def test_progress_is_told_after_each_partition_with_the_rows_expected(tmp_path: Path) -> None:
    write_dataset(tmp_path / "dataset", parts=3, rows=1500)
    run = plancheck("check", "--engine", "dask", "dataset", "--format", "json", "-o",
                    "dask.json", "--progress", cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("checked ")]
    assert len(lines) == 3, run.stderr  # one a partition
    assert all(" of 4,503 rows (" in line for line in lines)
    assert [line.split("), ")[1].split(",")[0] for line in lines] == [
        "1 of 3 partitions", "2 of 3 partitions", "3 of 3 partitions"]
    assert lines[-1] == "checked 4,503 of 4,503 rows (100%), 3 of 3 partitions"
    assert "left" in lines[0]


def test_a_glob_names_the_same_partitions(tmp_path: Path) -> None:
    files = write_dataset(tmp_path / "dataset", parts=2, rows=300)
    on_dask = plancheck("check", "--engine", "dask", "dataset/*.parquet", "--format", "json",
                        "-o", "dask.json", "--quiet", cwd=tmp_path)
    single = plancheck("check", *files, "--format", "json", "-o", "one.json", "--quiet",
                       cwd=tmp_path)
    assert on_dask.returncode == single.returncode, on_dask.stderr
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "one.json").read_bytes()


def test_an_id_in_two_partitions_is_the_single_process_diagnostic(tmp_path: Path) -> None:
    files = write_dataset(tmp_path / "dataset", parts=2, rows=50)
    table = pq.read_table(tmp_path / files[1])
    ids = table.column("id").to_pylist()
    ids[7] = "D000003"  # also in the first partition
    pq.write_table(table.set_column(0, "id", pa.array(ids)), tmp_path / files[1])
    on_dask = plancheck("check", "--engine", "dask", "dataset", cwd=tmp_path)
    single = plancheck("check", *files, cwd=tmp_path)
    assert on_dask.returncode == single.returncode == 2
    assert "D331" in on_dask.stderr
    assert on_dask.stderr == single.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://127.0.0.1:9"], "`--scheduler` needs `--engine dask`"),
    (["--engine", "dask", "empty"], "no Parquet files in `empty`"),
])
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty").mkdir()
    write_dataset(tmp_path / "dataset", parts=1, rows=5)
    done = plancheck("check", *args, *([] if "empty" in args else ["dataset"]), cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr


def test_a_scheduler_nobody_runs_is_a_diagnostic(tmp_path: Path) -> None:
    write_dataset(tmp_path / "dataset", parts=1, rows=5)
    done = plancheck("check", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                     "dataset", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "error[D300]: cannot run on the Dask scheduler at `tcp://127.0.0.1:9`" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_busy_dashboard_port_says_nothing_on_stderr(tmp_path: Path) -> None:
    """Under `pytest -n 6` two local clusters met on port 8787 and distributed warned
    "Port 8787 is already in use" on stderr, so the stderr of the dask run differed from the
    single-process one (test_an_id_in_two_partitions… was flaky).  The cluster takes a free
    port: with 8787 held here, stderr is the diagnostics and nothing else."""
    import socket

    files = write_dataset(tmp_path / "dataset", parts=2, rows=20)
    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            busy.bind(("", 8787))
            busy.listen()
        except OSError:
            pass  # already held by another run: the same situation
        on_dask = plancheck("check", "--engine", "dask", "dataset", cwd=tmp_path)
    single = plancheck("check", *files, cwd=tmp_path)
    assert "already in use" not in on_dask.stderr
    assert on_dask.stderr == single.stderr
    assert on_dask.returncode == single.returncode
