"""Run keys: re-running skips fresh runs; a changed pack re-runs exactly the runs that read it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from apex_nb.batch.keys import input_key, lock_state, run_key
from apex_nb.batch.runner import run_batch
from apex_nb.envelope import Envelope
from apex_nb.packs import write_lock

from .batchutil import SMALL, envelopes, options, records


def test_second_run_skips_everything(tmp_path: Path, small_csv: Path, temp_packs: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(options(small_csv, out))
    assert sorted(first.ran) == sorted(SMALL) and not first.failed
    before = envelopes(out)
    stamps = {site: (out / "runs" / site / "run.json").stat().st_mtime_ns for site in SMALL}
    second = run_batch(options(small_csv, out))
    assert second.ran == [] and sorted(second.reused) == sorted(SMALL)
    assert envelopes(out) == before
    assert {site: (out / "runs" / site / "run.json").stat().st_mtime_ns for site in SMALL} == stamps
    for site, data in records(out).items():
        envelope = Envelope.from_json(before[site])
        assert envelope.verify()
        assert data["content_sha256"] == envelope.content_sha256
        assert data["run_key"] == run_key(str(data["input_key"]), [p.model_dump() for p in envelope.packs])


def _touch_pack(root: Path, name: str) -> None:
    """A reviewed change to one pack: new bytes, then the lock rewritten."""
    path = next((root / name).glob("1.0.0.*"))
    path.write_text(path.read_text(encoding="utf-8") + "\n# reviewed edit\n", encoding="utf-8")
    write_lock(root)


def test_changing_a_pack_reruns_only_the_runs_that_read_it(tmp_path: Path, small_csv: Path, temp_packs: Path) -> None:
    out = tmp_path / "out"
    run_batch(options(small_csv, out))
    readers = {site for site, data in records(out).items() if any(p["name"] == "asce7-10-wind" for p in data["packs"])}
    assert readers and readers != set(SMALL)
    before = envelopes(out)
    _touch_pack(temp_packs, "asce7-10-wind")
    again = run_batch(options(small_csv, out))
    assert set(again.ran) == readers
    assert {p.site.site_id: p.reason for p in again.planned if p.reason} == dict.fromkeys(
        readers, "pack asce7-10-wind changed"
    )
    after = envelopes(out)
    assert all(after[s] == before[s] for s in set(SMALL) - readers)
    assert all(after[s] != before[s] for s in readers)  # the pack's sha256 is in the envelope
    assert run_batch(options(small_csv, out)).ran == []


def test_a_new_pack_version_counts_as_a_change(tmp_path: Path, small_csv: Path, temp_packs: Path) -> None:
    out = tmp_path / "out"
    run_batch(options(small_csv, out))
    source = temp_packs / "asce7-22-wind" / "1.0.0.yaml"
    (temp_packs / "asce7-22-wind" / "1.0.1.yaml").write_text(
        source.read_text(encoding="utf-8").replace("version: 1.0.0", "version: 1.0.1"), encoding="utf-8"
    )
    write_lock(temp_packs)
    assert lock_state(temp_packs).newest["asce7-22-wind"] == "1.0.1"
    again = run_batch(options(small_csv, out))
    assert again.ran == ["QF-MIA-011"]
    assert {p["name"]: p["version"] for p in records(out)["QF-MIA-011"]["packs"]}["asce7-22-wind"] == "1.0.1"


def test_unlocked_pack_edit_fails_only_its_runs_then_recovers(
    tmp_path: Path, small_csv: Path, temp_packs: Path
) -> None:
    out = tmp_path / "out"
    run_batch(options(small_csv, out))
    pack = temp_packs / "asce7-10-wind" / "1.0.0.yaml"
    original = pack.read_bytes()
    pack.write_bytes(original + b"\n# unreviewed edit\n")  # bytes no longer match packs.lock
    broken = run_batch(options(small_csv, out))
    assert set(broken.failed) == {"QF-IND-026"}
    assert "packs.lock" in broken.failed["QF-IND-026"]
    assert broken.exit_code == 1
    assert not (out / "runs" / "QF-IND-026" / "envelope.json").exists()
    summary = {row["site_id"]: row for row in csv.DictReader((out / "summary.csv").open())}
    assert summary["QF-IND-026"]["status"] == "failed" and "packs.lock" in summary["QF-IND-026"]["error"]
    assert {summary[s]["status"] for s in SMALL if s != "QF-IND-026"} == {"ok"}
    assert broken.headline == f"priced {len(SMALL) - 1} of {len(SMALL)} sites (1 failed)"
    assert broken.failed["QF-IND-026"].strip() in (out / "failures.log").read_text()  # the full text, here only
    assert "\n" not in summary["QF-IND-026"]["error"] and len(summary["QF-IND-026"]["error"]) <= 200
    pack.write_bytes(original)
    fixed = run_batch(options(small_csv, out))
    assert fixed.ran == ["QF-IND-026"] and not fixed.failed


def test_changing_one_row_reruns_that_row(tmp_path: Path, small_csv: Path, temp_packs: Path) -> None:
    out = tmp_path / "out"
    run_batch(options(small_csv, out))
    text = small_csv.read_text(encoding="utf-8").replace(
        "QF-SEA-008,Seattle,WA,monument,7-16,98,", "QF-SEA-008,Seattle,WA,monument,7-16,99,"
    )
    small_csv.write_text(text, encoding="utf-8")
    again = run_batch(options(small_csv, out))
    assert again.ran == ["QF-SEA-008"]
    assert json.loads((out / "runs" / "QF-SEA-008" / "envelope.json").read_text())["inputs"] != {}


def test_input_key_covers_inputs_notebook_and_version() -> None:
    base = input_key("s", {"a": 1.0}, None, "0.1.0")
    assert base == input_key("s", {"a": 1.0}, None, "0.1.0")
    assert len({base, input_key("s", {"a": 2.0}, None, "0.1.0"), input_key("s", {"a": 1.0}, "ab", "0.1.0"),
                input_key("s", {"a": 1.0}, None, "0.2.0"), input_key("t", {"a": 1.0}, None, "0.1.0")}) == 5  # fmt: skip
