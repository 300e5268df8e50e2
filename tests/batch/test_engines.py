"""Real papermill, Dask and in-process runs give the same envelopes; killed and interrupted batches resume.

papermill costs about 2 to 4 s per notebook on these machines (kernel start and imports), so
these tests use three sites and two workers.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from apex_nb.batch.engines import DEFAULT_NOTEBOOK
from apex_nb.batch.rows import inputs_json, load_portfolio
from apex_nb.batch.runner import run_batch
from apex_nb.envelope import Envelope

from .batchutil import SMALL, envelopes, options, portfolio_rows, records, write_csv

THREE = SMALL[:3]
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _private_packs(temp_packs: Path) -> Path:
    """Every test here reads a private copy of the packs (edits elsewhere cannot interfere)."""
    return temp_packs


@pytest.fixture
def three_csv(tmp_path: Path) -> Path:
    header, rows = portfolio_rows(THREE)
    return write_csv(tmp_path / "three.csv", header, rows)


def test_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(DEFAULT_NOTEBOOK, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert notebook.metadata.kernelspec.name == "python3"


def test_papermill_batch_matches_inprocess_and_is_cached(tmp_path: Path, three_csv: Path) -> None:
    by_papermill = tmp_path / "pm"
    result = run_batch(options(three_csv, by_papermill, engine="papermill", workers=2, timeout_s=120))
    assert not result.failed, result.failed
    assert sorted(result.ran) == sorted(THREE)
    by_inprocess = tmp_path / "ip"
    run_batch(options(three_csv, by_inprocess))
    assert envelopes(by_papermill) == envelopes(by_inprocess)  # same bytes, hence the same content hashes
    pm_records, ip_records = records(by_papermill), records(by_inprocess)
    for site in THREE:
        assert pm_records[site]["content_sha256"] == ip_records[site]["content_sha256"]
        assert pm_records[site]["input_key"] != ip_records[site]["input_key"]  # the notebook bytes are in the key
        executed = nbformat.read(by_papermill / "runs" / site / f"{site}.ipynb", as_version=4)
        assert not [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and "inputs_json" in injected[0].source
    again = run_batch(options(three_csv, by_papermill, engine="papermill", workers=2, timeout_s=120))
    assert again.ran == [] and sorted(again.reused) == sorted(THREE)
    assert (by_papermill / "summary.xlsx").is_file() and (by_papermill / "rollup.html").is_file()


def test_notebook_fails_fast_naming_unknown_parameters_and_bad_inputs(tmp_path: Path) -> None:
    site = load_portfolio(write_csv(tmp_path / "s.csv", *portfolio_rows(THREE[:1]))).sites[0]
    bad_inputs = {**site.inputs, "wind_speed_mph": 20.0, "colour": "red"}
    if "wind" in site.inputs:  # design inputs nest the wind
        bad_inputs = {**site.inputs, "wind": {**site.inputs["wind"], "wind_speed_mph": 20.0}, "colour": "red"}
    with pytest.raises(pm.PapermillExecutionError) as caught:
        pm.execute_notebook(
            str(DEFAULT_NOTEBOOK),
            str(tmp_path / "out.ipynb"),
            parameters={
                "solver": site.solver,
                "inputs_json": inputs_json(bad_inputs),
                "envelope_path": "e.json",
                "wind": 3,
            },
            kernel_name="python3",
            cwd=str(tmp_path),
            progress_bar=False,
            execution_timeout=120,
        )
    assert caught.value.ename == "InputError"
    for name in ("wind: unknown parameter", "wind_speed_mph", "colour: unknown field"):
        assert name in caught.value.evalue
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    failing = [c.id for c in executed.cells if any(o.output_type == "error" for o in c.get("outputs", []))]
    assert failing == ["validate"]
    assert not (tmp_path / "e.json").exists()


def _start_batch(sites: Path, out: Path, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "apex_nb.cli.main", "batch", str(sites), "--out", str(out)]
    command += ["--workers", str(workers), "--quiet", "--timeout", "120"]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # A suite started in the background by a non-interactive shell inherits SIGINT ignored, and
        # Python keeps an inherited SIG_IGN: give the batch a default Ctrl-C, as a terminal would.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for_first_record(out: Path, process: subprocess.Popen[bytes], limit_s: float = 90) -> None:
    deadline = time.monotonic() + limit_s
    while not list((out / "runs").glob("*/run.json")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no run finished in time"
        time.sleep(0.05)


def test_killed_batch_resumes_and_runs_everything_once(tmp_path: Path, three_csv: Path) -> None:
    out = tmp_path / "out"
    process = _start_batch(three_csv, out, workers=1)
    _wait_for_first_record(out, process)
    os.killpg(process.pid, signal.SIGKILL)  # the batch, its pool workers (kernels follow their parent)
    process.wait()
    finished = records(out)
    assert 1 <= len(finished) < len(THREE)
    resumed = run_batch(options(three_csv, out, engine="papermill", workers=2, timeout_s=120))
    assert not resumed.failed
    assert sorted(resumed.reused) == sorted(finished)
    assert sorted(resumed.ran) == sorted(set(THREE) - set(finished))
    after = records(out)
    assert {site: after[site] for site in finished} == finished  # done once: not re-run, not rewritten
    assert sorted(envelopes(out)) == sorted(THREE)
    for data in envelopes(out).values():
        assert Envelope.from_json(data).verify()


def test_ctrl_c_stops_cleanly_and_keeps_finished_runs(tmp_path: Path, three_csv: Path) -> None:
    out = tmp_path / "out"
    process = _start_batch(three_csv, out, workers=1)
    _wait_for_first_record(out, process)
    process.send_signal(signal.SIGINT)
    stdout, _ = process.communicate(timeout=90)
    assert process.returncode == 130
    assert b"interrupted" in stdout
    finished = records(out)
    assert 1 <= len(finished) < len(THREE)
    assert all(data["status"] == "ok" for data in finished.values())
    summary = (out / "summary.csv").read_text()
    assert summary.count(",not run,") == len(THREE) - len(finished)  # resuming is tested above


def test_dask_local_cluster_gives_the_same_envelopes(tmp_path: Path, small_csv: Path) -> None:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = run_batch(options(small_csv, tmp_path / "dask", dask=cluster.scheduler_address))
    assert not result.failed and sorted(result.ran) == sorted(SMALL)
    run_batch(options(small_csv, tmp_path / "local"))
    assert envelopes(tmp_path / "dask") == envelopes(tmp_path / "local")
    summary = (tmp_path / "dask" / "summary.csv").read_text()
    assert summary.count(",ok,") == len(SMALL)
    assert json.loads((tmp_path / "dask" / "runs" / SMALL[0] / "run.json").read_text())["status"] == "ok"
