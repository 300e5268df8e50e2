"""Tamper-evident envelopes (issue 14, finding 4).

The content hash covers everything a report prints (checks, assumptions, warnings, applicability,
confidence, trace and the parts' hashes), so an edit without a new hash fails ``verify()``. An
attacker who recomputes the hashes (they have no secret) is caught by ``verify(resolve=True)``,
which solves again from the inputs and the pinned pack versions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import apex_nb
from apex_nb.envelope import Envelope
from apex_nb.errors import EnvelopeError

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pole-single-post-phoenix.json"


@pytest.fixture(scope="module")
def design() -> Envelope:
    spec = json.loads(EXAMPLE.read_text())
    return apex_nb.solve(spec["solver"], spec["inputs"])


def reseal(data: dict[str, Any]) -> Envelope:
    """What an attacker does after an edit: recompute every part's hash, then the parent's."""
    fields = {k: v for k, v in data.items() if k not in ("content_sha256", "parts")}
    return Envelope.seal(**fields, parts=[reseal(p) for p in data.get("parts", [])])


def _with_failing_check_marked_passed(data: dict[str, Any]) -> dict[str, Any]:
    check = data["checks"][0]
    check.update(ratio=3.7, demand=check["capacity"] * 3.7, passed=True)
    return data


EDITS = {
    "check ratio 3.7 passed": lambda d: d["checks"][0].update(ratio=3.7, passed=True),
    "check passed flipped": lambda d: d["checks"][0].update(passed=not d["checks"][0]["passed"]),
    "assumption text": lambda d: d["assumptions"].append({"text": "soil verified by test", "clause": ""}),
    "warning removed": lambda d: d["warnings"].append("x") if not d["warnings"] else d["warnings"].pop(),
    "applicability ok": lambda d: d["applicability"].append({"rule": "r", "ok": True, "note": "", "penalty": 0.0}),
    "confidence": lambda d: d.update(confidence=1.0 if d["confidence"] != 1.0 else 0.5),
    "trace value": lambda d: d["trace"][0].update(value=123.456),
    "trace clause": lambda d: d["trace"][0].update(clause="ASCE 7-99"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edit_to_what_the_report_prints_fails_verify(edit: str, design: Envelope) -> None:
    data = design.model_dump(mode="json")
    target = next(p for p in data["parts"] if p["checks"] and p["trace"])
    EDITS[edit](target)
    tampered_part = Envelope.model_validate({**target, "parts": target["parts"]})
    with pytest.raises(EnvelopeError, match="content hash mismatch"):
        tampered_part.verify()
    with pytest.raises(EnvelopeError, match="content hash mismatch"):
        Envelope.model_validate(data).verify()  # the design checks each part in turn


def test_a_part_swapped_for_another_valid_envelope_fails_the_parent(design: Envelope) -> None:
    other = apex_nb.solve("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30})
    assert other.verify()
    swapped = design.model_copy(update={"parts": [other, *design.parts[1:]]})
    with pytest.raises(EnvelopeError, match="content hash mismatch"):
        swapped.verify()


def test_resealed_tampered_check_passes_the_hash_but_not_a_resolve(design: Envelope) -> None:
    """The issue's case: ratio 3.7 with passed true, hashes recomputed by the attacker."""
    data = design.model_dump(mode="json")
    part = next(p for p in data["parts"] if p["checks"])
    _with_failing_check_marked_passed(part)
    forged = reseal(data)
    assert forged.verify()  # the hash is not a signature: a consistent forgery passes it
    with pytest.raises(EnvelopeError, match="re-solve") as caught:
        forged.verify(resolve=True)
    assert "differs" in str(caught.value)
    part_env = next(p for p in forged.parts if p.solver.name == part["solver"]["name"])
    with pytest.raises(EnvelopeError, match=r"check .*stored ratio 3\.7 passed True"):
        part_env.verify(resolve=True)


def test_an_honest_envelope_resolves_to_the_same_hash(design: Envelope) -> None:
    assert design.verify(resolve=True)
    again = Envelope.from_json(design.to_json())
    assert again.verify(resolve=True)


def test_resolve_refuses_an_envelope_from_another_solver_version(design: Envelope) -> None:
    data = design.model_dump(mode="json")
    data["solver"]["version"] = "99.0.0"
    with pytest.raises(EnvelopeError, match=r"cannot re-solve.*v99\.0\.0"):
        reseal(data).verify(resolve=True)


def test_resolve_of_forged_inputs_fails(design: Envelope) -> None:
    """Inputs edited and resealed: the re-solve gives other numbers than the file claims."""
    data = design.model_dump(mode="json")
    data["inputs"]["wind"]["wind_speed_mph"] = data["inputs"]["wind"]["wind_speed_mph"] + 40
    with pytest.raises(EnvelopeError, match="differs"):
        reseal(data).verify(resolve=True)


def test_report_refuses_an_envelope_edited_without_a_new_hash(design: Envelope, tmp_path: Path) -> None:
    data = design.model_dump(mode="json")
    _with_failing_check_marked_passed(data["parts"][0]) if data["parts"][0]["checks"] else None
    data["confidence"] = 0.123
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(data))
    out = tmp_path / "r.html"
    done = subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "report", str(path), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0 and "content hash mismatch" in done.stderr
    assert not out.exists()


def test_cli_verify_names_a_forgery_that_only_a_resolve_catches(design: Envelope, tmp_path: Path) -> None:
    data = design.model_dump(mode="json")
    _with_failing_check_marked_passed(next(p for p in data["parts"] if p["checks"]))
    honest, forged = tmp_path / "honest.json", tmp_path / "forged.json"
    honest.write_text(design.to_json())
    forged.write_text(reseal(data).to_json())

    def verify(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "apex_nb.cli.main", "verify", *args],
                              capture_output=True, text=True, check=False)  # fmt: skip

    assert verify(str(honest), "--resolve").returncode == 0
    plain = verify(str(forged))
    assert plain.returncode == 0 and "not a signature" in plain.stdout
    resolved = verify(str(forged), "--resolve")
    assert resolved.returncode == 1 and "stored ratio 3.7" in resolved.stderr
    (tmp_path / "bad.json").write_text("[" * 100_000)
    assert verify(str(tmp_path / "bad.json")).returncode == 2
